package search

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// latestCount is the newest member count, and the others that agree with
// it or give what it lacks, so an answer can cite the sources that give
// its figures: the newest, each data file's source, and the count whose
// Länder or provinces it keeps. The releases that repeat a figure in
// their about section are cited once, by the newest.
func (e *Engine) latestCount() (corpus.Count, []corpus.Count, bool) {
	return e.latestCountOf(givesMembersOf(""))
}

// latestCountOf is latestCount among the counts that give what keep
// asks for: a release that counts the Chinese members only does not
// say there are no German ones.
func (e *Engine) latestCountOf(keep func(corpus.Count) bool) (corpus.Count, []corpus.Count, bool) {
	counts := slices.DeleteFunc(slices.Clone(e.data.Alliance.Counts), func(c corpus.Count) bool { return !keep(c) })
	if len(counts) == 0 {
		return corpus.Count{}, nil, false
	}
	latest := slices.MaxFunc(counts, byAsOf)
	agree := []corpus.Count{latest}
	for _, c := range e.base.Alliance.Counts {
		if c.Total == latest.Total && c.Germany == latest.Germany && c.China == latest.China && c.Cite != latest.Cite {
			agree = append(agree, c)
		}
	}
	// A release that gives the sides but not their Länder or provinces
	// keeps those of the newest count with the same side: "22 in
	// Germany" after "22 German cities from 9 Länder". Not when a count
	// between them gave the side another number: a city joined and
	// another left, from Länder the two counts do not say.
	for _, side := range []struct {
		members func(corpus.Count) int
		regions func(*corpus.Count) *int
	}{
		{func(c corpus.Count) int { return c.Germany }, func(c *corpus.Count) *int { return &c.Länder }},
		{func(c corpus.Count) int { return c.China }, func(c *corpus.Count) *int { return &c.Provinces }},
	} {
		if side.members(latest) == 0 || *side.regions(&latest) > 0 {
			continue
		}
		same := slices.DeleteFunc(slices.Clone(e.data.Alliance.Counts), func(c corpus.Count) bool {
			return side.members(c) != side.members(latest) || *side.regions(&c) == 0
		})
		if len(same) == 0 {
			continue
		}
		known := slices.MaxFunc(same, byAsOf)
		changed := slices.ContainsFunc(e.data.Alliance.Counts, func(c corpus.Count) bool {
			return side.members(c) > 0 && side.members(c) != side.members(latest) && byAsOf(c, known) > 0
		})
		if !changed {
			*side.regions(&latest) = *side.regions(&known)
			if !slices.ContainsFunc(agree, func(c corpus.Count) bool { return c.Cite == known.Cite }) {
				agree = append(agree, known)
			}
		}
	}
	return latest, agree, true
}

// byAsOf orders counts by the day their sources give, the oldest first.
func byAsOf(a, b corpus.Count) int { return cmp.Compare(a.AsOf.Time().Unix(), b.AsOf.Time().Unix()) }

// givesMembersOf keeps the counts that give the members of country, any
// count for "": a release may give the total alone, or one side.
func givesMembersOf(country string) func(corpus.Count) bool {
	switch country {
	case corpus.Germany:
		return func(c corpus.Count) bool { return c.Germany > 0 }
	case corpus.China:
		return func(c corpus.Count) bool { return c.China > 0 }
	}
	return func(corpus.Count) bool { return true }
}

// onDate says when something happened (a city joined or left), as the
// sentence needs it: "2019", "im Oktober 2019", "am 1. April 2019";
// "in 2019", "on 1 April 2019"; "2019年10月".
func onDate(lang corpus.Lang, d corpus.Date) string {
	switch {
	case lang == corpus.Chinese:
		return d.Format(lang)
	case lang == corpus.English && d.Day != 0:
		return "on " + d.Format(lang)
	case lang == corpus.English:
		return "in " + d.Format(lang)
	case d.Month == 0:
		return d.Format(lang)
	case d.Day == 0:
		return "im " + d.Format(lang)
	}
	return "am " + d.Format(lang)
}

// countIn answers how many members the alliance had at the time asked (a
// year or a month): with the counts the sources give for it, else with
// the nearest before and after it.
func (e *Engine) countIn(lang corpus.Lang, asked corpus.Date) answer.Answer {
	a := e.newAnswer(lang)
	counts := slices.Clone(e.data.Alliance.Counts)
	slices.SortFunc(counts, byAsOf)
	var in, before, after []corpus.Count
	for _, c := range counts {
		switch {
		case within(c.AsOf, asked):
			in = append(in, c)
		case compareCoarse(c.AsOf, asked) < 0:
			before = []corpus.Count{c}
		case len(after) == 0:
			after = []corpus.Count{c}
		}
	}
	if len(in) == 0 {
		a.say("countIn.sources_give_no_member_count", forDate(lang, asked))
		in = append(before, after...)
	}
	for _, c := range in {
		a.cite(c.Cite)
		a.parts = append(a.parts, countSentence(lang, c))
	}
	return a.done(answer.KindCount, confidenceFact)
}

// countAfter answers how many members the alliance had once the cities
// given had joined or left: the first count a source gives as of the last
// of those days or later. It reports false if the sources give no such
// day or count.
func (e *Engine) countAfter(lang corpus.Lang, cities []*corpus.City) (answer.Answer, bool) {
	var changed corpus.Date
	var announced string // the release that states the last change
	for _, c := range cities {
		day, cite := c.Joined, c.JoinedCite
		if c.LeftCite != nil {
			day, cite = c.Left, c.LeftCite
		}
		if day.IsZero() {
			return answer.Answer{}, false
		}
		if compareCoarse(day, changed) > 0 {
			changed, announced = day, ""
			if cite != nil {
				announced = cite.Source
			}
		}
	}
	// The release that announces a change ahead of its day may count the
	// members as they will be ("Zum 1. August 2036 wird die Lausitzer
	// Stadt Mitglied … Damit zählt die ISA ab August 48 Mitglieder"), if
	// its count is not the one before ("Die ISA hat 47 Mitglieder" of a
	// release that only announces).
	counts := slices.DeleteFunc(slices.Clone(e.data.Alliance.Counts), func(c corpus.Count) bool {
		return compareCoarse(c.AsOf, changed) < 0 && (announced == "" || c.Cite.Source != announced || !e.countChanged(c))
	})
	if changed.IsZero() || len(counts) == 0 {
		return answer.Answer{}, false
	}
	first := slices.MinFunc(counts, byAsOf)
	a := e.newAnswer(lang)
	a.cite(first.Cite)
	a.parts = append(a.parts, countSentence(lang, first))
	return a.done(answer.KindCount, confidenceFact), true
}

// countChanged reports whether count c differs from the newest count of
// another source before it.
func (e *Engine) countChanged(c corpus.Count) bool {
	earlier := slices.DeleteFunc(slices.Clone(e.data.Alliance.Counts), func(o corpus.Count) bool {
		return o.Cite.Source == c.Cite.Source || compareCoarse(o.AsOf, c.AsOf) >= 0
	})
	return len(earlier) > 0 && slices.MaxFunc(earlier, byAsOf).Total != c.Total
}

// countSentence says a count with what its source gives: "Stand Dezember
// 2017 gehörten der ISA 12 deutsche Städte aus 6 Bundesländern und 18
// chinesische Städte aus 10 Provinzen an."
func countSentence(lang corpus.Lang, c corpus.Count) string {
	var sides []string
	if c.Germany > 0 {
		side := msg(lang, "countSentence.german_cities", c.Germany)
		if c.Länder > 0 {
			side += msg(lang, "countSentence.from_federal_states", c.Länder)
		}
		sides = append(sides, side)
	}
	if c.China > 0 {
		side := msg(lang, "countSentence.chinese_cities", c.China)
		if c.Provinces > 0 {
			side += msg(lang, "countSentence.from_provinces", c.Provinces)
		}
		sides = append(sides, side)
	}
	when := c.AsOf.Format(lang)
	switch {
	case c.Total > 0 && len(sides) == 0:
		return msg(lang, "countSentence.as_of_isa_had_total", when, c.Total)
	case c.Total > 0:
		return msg(lang, "countSentence.as_of_isa_had_members", when, c.Total, list(lang, sides))
	}
	return msg(lang, "countSentence.as_of_isa_had_as", when, list(lang, sides))
}

// gone reports whether c is a member a release said would leave on a day
// that has come.
func (e *Engine) gone(c *corpus.City) bool {
	return c.IsMember() && c.LeftCite != nil && compareCoarse(corpus.DateOf(e.now()), c.Left) >= 0
}

// joinsLater reports whether a source announced c's joining for a day
// still to come: "Schweinfurt wird zum 1. Januar 2027 Mitglied", asked
// before then. A join the source reports as done is done, whatever the
// clock says.
func (e *Engine) joinsLater(c *corpus.City) bool {
	return c.IsMember() && joinDated(c) && compareCoarse(c.JoinedCite.AsOf, c.Joined) < 0 && compareCoarse(corpus.DateOf(e.now()), c.Joined) < 0
}

// sayJoinsLater says that c becomes a member on the day its source gives:
// not yet one when asked whether it is, yes when asked whether it will
// be, and the day when asked when.
func (e *Engine) sayJoinsLater(a *answerer, c *corpus.City, name string, aspect membershipAspect) {
	key := "sayMembership.not_yet_joins"
	switch {
	case aspect.when:
		key = "sayMembership.joins"
	case aspect.future:
		key = "sayMembership.yes_joins"
	}
	a.say(key, name, onDate(a.lang, c.Joined), a.cite(*c.JoinedCite))
}

// suspended reports whether a release says c's membership rests, and the
// time it rests has not ended.
func (e *Engine) suspended(c *corpus.City) bool {
	return c.SuspendedCite != nil && (c.SuspendedUntil.IsZero() || compareCoarse(corpus.DateOf(e.now()), c.SuspendedUntil) <= 0)
}

// saySuspended says since when, and until when, c's membership rests,
// or from when it will.
func (e *Engine) saySuspended(a *answerer, c *corpus.City, name string) {
	from, cite := c.Suspended.Format(a.lang), a.cite(*c.SuspendedCite)
	switch {
	case !c.SuspendedUntil.IsZero():
		a.say("sayMembership.suspended_until", name, from, c.SuspendedUntil.Format(a.lang), cite)
	case compareCoarse(c.Suspended, corpus.DateOf(e.now())) > 0:
		a.say("sayMembership.suspended_from", name, from, cite)
	default:
		a.say("sayMembership.suspended", name, from, cite)
	}
}

// regionWithMost answers which region has the most members of those f
// keeps, from the members the sources name, and how many: several when
// they have as many. A side whose count the sources give is said to be
// named in part, when they name fewer.
func (e *Engine) regionWithMost(lang corpus.Lang, f memberFilter) answer.Answer {
	a := e.newAnswer(lang)
	cities := e.membersOf(lang, f.keep)
	byRegion := map[string][]*corpus.City{}
	most := 0
	for _, c := range cities {
		a.cite(c.Cite)
		if c.Region != "" {
			byRegion[c.Region] = append(byRegion[c.Region], c)
			most = max(most, len(byRegion[c.Region]))
		}
	}
	if most == 0 {
		return e.notAnswered(lang)
	}
	var regions, names []string
	for _, r := range e.data.Regions {
		if members := byRegion[r.Key]; len(members) == most {
			regions = append(regions, regionName(&r, lang))
			names = append(names, memberNames(members, lang)...)
		}
	}
	latest, _, _ := e.latestCount()
	key := "regionWithMost.one"
	if len(regions) > 1 {
		key = "regionWithMost.several"
	}
	a.say(key, list(lang, regions), most, list(lang, names), asOf(lang, latest.AsOf))
	total := latest.Total
	switch f.country {
	case corpus.Germany:
		total = latest.Germany
	case corpus.China:
		total = latest.China
	}
	if total > len(cities) {
		a.say("regionWithMost.named", len(cities), total)
	}
	return a.done(answer.KindMembers, confidenceFact)
}

// membersOf returns the member cities (guests included) matching keep,
// sorted by their name in lang; not those gone.
func (e *Engine) membersOf(lang corpus.Lang, keep func(*corpus.City) bool) []*corpus.City {
	var out []*corpus.City
	for i := range e.data.Cities {
		if c := &e.data.Cities[i]; c.IsMember() && !e.gone(c) && keep(c) {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b *corpus.City) int {
		if lang == corpus.Chinese {
			return strings.Compare(a.Name, b.Name) // pinyin order of the Latin names
		}
		return strings.Compare(fold(cityName(a, lang)), fold(cityName(b, lang)))
	})
	return out
}

// memberNames lists cities for an answer, with what a reader should know
// about each: the parts of a grouping, guest status.
func memberNames(cities []*corpus.City, lang corpus.Lang) []string {
	out := make([]string, len(cities))
	for i, c := range cities {
		n := cityName(c, lang)
		if len(c.Parts) > 0 {
			n += msg(lang, "common.in_brackets", list(lang, partNames(c.Parts, lang)))
		}
		if c.Status == corpus.StatusGuest {
			n += msg(lang, "memberNames.guest_status")
		}
		out[i] = n
	}
	return out
}

// membershipAspect is what a question about a city's membership asks
// besides whether it is a member: when it joined, or when it leaves
// (when and leaving), whether it founded the alliance, whether it is a
// guest, whether it will join (future). whether marks a question to be
// answered yes or no even when it asks when too ("Is Zibo a member, and
// since when?").
type membershipAspect struct{ when, whether, leaving, founding, guest, future bool }

func (e *Engine) membership(lang corpus.Lang, mentions []cityMention, aspect membershipAspect) answer.Answer {
	a := e.newAnswer(lang)
	confidence := confidenceFact
	future := false // a city that no source says will join
	for _, m := range mentions {
		if m.fuzzy {
			confidence = confidenceGuessed
			// A misspelt part of a grouping is suggested as itself:
			// "Kelsterbak" meant Kelsterbach, not "Drei gewinnt".
			meant := cityNameWithLocal(m.city, lang)
			m.typed = ""
			if p, ok := nearestPart(m.city, m.units); ok {
				meant, m.typed = p.In(lang), p.In(lang)
			}
			a.say("membership.did_you_mean", meant)
		}
		e.sayMembership(a, m, aspect)
		future = future || aspect.future && !m.city.IsMember() && m.city.Status != corpus.StatusFormer
	}
	// Each city's answer sets lacking; one whose joining is asked and
	// unknown leaves the question unanswered, whatever the order.
	a.lacking = a.lacking || future
	return a.done(answer.KindMembership, confidence)
}

// nearestPart finds the part of a grouping that the question's words name
// with a typo.
func nearestPart(c *corpus.City, units []unit) (corpus.Text, bool) {
	for _, u := range units {
		budget := typoBudget(utf8.RuneCountInString(u.key))
		for _, p := range c.Parts {
			for _, n := range textValues(p) {
				if budget > 0 && editDistance(fold(n), u.key, budget) <= budget {
					return p, true
				}
			}
		}
	}
	return corpus.Text{}, false
}

// sayMembership says whether the city m names is a member, leading with
// the aspect asked about.
func (e *Engine) sayMembership(a *answerer, m cityMention, aspect membershipAspect) {
	c, lang := m.city, a.lang
	name := cityNameWithLocal(c, lang)
	asOf := a.cite(c.Cite)
	if e.gone(c) {
		e.sayLeft(a, c, name, aspect)
		return
	}
	if e.joinsLater(c) {
		e.sayJoinsLater(a, c, name, aspect)
		return
	}
	// A member a release says leaves on a day still to come then: gone
	// once the day has come. "When did it join?" is not answered by "yes,
	// it is a member"; "When does it leave?" is, with the day it leaves.
	leaves := c.IsMember() && c.LeftCite != nil
	a.lacking = aspect.when && !(aspect.leaving && leaves) && !joinDated(c) && c.FullMemberCite == nil && (c.Status == corpus.StatusMember || c.Status == corpus.StatusGuest)
	switch c.Status {
	case corpus.StatusMember:
		if e.sayMember(a, m, name, asOf, aspect) {
			return
		}
	case corpus.StatusGuest:
		a.say("sayMembership.belongs_to_isa_with_guest", name, asOf)
		e.sayJoined(a, c)
	case corpus.StatusFormer:
		if c.LeftCite != nil {
			e.sayLeft(a, c, name, aspect)
			break
		}
		a.say("sayMembership.is_not_on_any_current", name)
	default:
		// "Will Munich join?": no source says what a city will do; that
		// it is no member is no "No" (membership leaves it unanswered).
		if aspect.future {
			a.say("sayMembership.future_unknown", name)
		}
		e.sayNotMember(a, c.Country, name, !aspect.future)
		if c.AppliedCite != nil {
			a.say("sayMembership.applied", name, a.cite(*c.AppliedCite))
		}
	}
	if n := c.Note[lang]; n != "" {
		a.parts = append(a.parts, n)
	}
	if c.Status == corpus.StatusNone || c.Status == corpus.StatusFormer {
		e.sayDidYouMean(a, c.Name)
	}
}

// sayMember says that a member is one, by the aspect asked about, when
// it joined, whether it leaves, and whether its membership is
// suspended. It reports whether the answer is done: an answer that leads
// with the founding or the joining says all.
func (e *Engine) sayMember(a *answerer, m cityMention, name, asOf string, aspect membershipAspect) (done bool) {
	c, lang := m.city, a.lang
	partOf := partTyped(m)
	switch {
	case slices.ContainsFunc(c.Parts, func(p corpus.Text) bool { return namedBy(p, partOf) }):
		others := slices.DeleteFunc(slices.Clone(c.Parts), func(p corpus.Text) bool { return namedBy(p, partOf) })
		a.say("sayMembership.yes_is_part_of_isa", partOf, name, list(lang, partNames(c.Parts, lang)), list(lang, partNames(others, lang)), asOf)
	case partOf != "" && c.Country == corpus.China && c.Note[lang] != "":
		a.say("sayMembership.yes_as", partOf, name, asOf)
	case aspect.founding && e.sayFoundingMember(a, c, name):
		return true
	case aspect.guest:
		a.say("sayMembership.no_has_no_guest_status", name, asOf)
	case aspect.leaving && c.LeftCite == nil:
		// "Has Hildesheim left?" of a member: no, whatever it says of
		// its membership resting. Of one that leaves on a day to come,
		// the day says it ("Will Göttingen leave?").
		a.say("sayMembership.no_has_not_left", name, asOf)
	case aspect.when && !aspect.whether && !e.suspended(c) && e.sayJoinedFirst(a, c, name):
		return true
	case len(c.Parts) > 0:
		a.say("sayMembership.yes_grouping", name, list(lang, partNames(c.Parts, lang)), asOf)
	default:
		a.say("sayMembership.yes", name, asOf)
	}
	e.sayJoined(a, c)
	if c.LeftCite != nil {
		a.say("sayMembership.leaves", name, onDate(lang, c.Left), a.cite(*c.LeftCite))
	}
	if e.suspended(c) {
		e.saySuspended(a, c, name)
	}
	return false
}

// partTyped is the name the question gave a member by, when it is none
// of the member's own: a part of a grouping, or the city a district
// belongs to, for the answer to say which member it is.
func partTyped(m cityMention) string {
	typed := strings.TrimSpace(m.typed)
	if typed == "" || fold(typed) == fold(m.city.Name) || slices.ContainsFunc(textValues(m.city.Names), func(n string) bool { return fold(n) == fold(typed) }) {
		return ""
	}
	return typed
}

// sayLeft says when c left, and, asked when it joined, that too: "When
// was Lanzhou admitted?" A "when" is no yes-or-no question: no "No" before
// it, and when the sources do not date the joining asked about, the
// question is not answered ("When did Bottrop join?").
func (e *Engine) sayLeft(a *answerer, c *corpus.City, name string, aspect membershipAspect) {
	cited := a.cite(*c.LeftCite)
	if !aspect.when {
		a.say("sayMembership.left", name, onDate(a.lang, c.Left), cited)
		return
	}
	a.say("sayLeft.left", name, onDate(a.lang, c.Left), cited)
	if !aspect.leaving {
		a.lacking = !joinDated(c)
		e.sayJoined(a, c)
	}
}

// foundingMembers answers which members joined when the alliance was
// founded, as the cities' join dates say.
func (e *Engine) foundingMembers(lang corpus.Lang) answer.Answer {
	founded := e.data.Alliance.Founded
	if founded.Date.IsZero() {
		return e.notAnswered(lang)
	}
	a := e.newAnswer(lang)
	a.cite(founded.Cite)
	var names []string
	for i := range e.data.Cities {
		c := &e.data.Cities[i]
		if c.JoinedCite != nil && (c.IsMember() || c.Status == corpus.StatusFormer) && within(c.Joined, founded.Date) {
			a.cite(*c.JoinedCite)
			names = append(names, cityNameWithLocal(c, lang))
		}
	}
	if len(names) == 0 {
		return e.notAnswered(lang)
	}
	slices.SortFunc(names, func(x, y string) int { return strings.Compare(fold(x), fold(y)) })
	a.say("foundingMembers.at_its_founding_in_isa", founded.Date.Format(lang), list(lang, names))
	for i := range e.data.Cities {
		if c := &e.data.Cities[i]; c.Status == corpus.StatusFormer && within(c.Joined, founded.Date) && c.Note[lang] != "" {
			a.say("common.name_note", cityNameWithLocal(c, lang), c.Note[lang])
		}
	}
	return a.done(answer.KindMembers, confidenceFact)
}

// compareCoarse orders two dates at the precision both give: April 2016
// and 25 April 2016 are the same time.
func compareCoarse(x, y corpus.Date) int {
	if x.Month == 0 || y.Month == 0 {
		return cmp.Compare(x.Year, y.Year)
	}
	if x.Day == 0 || y.Day == 0 {
		return cmp.Or(cmp.Compare(x.Year, y.Year), cmp.Compare(x.Month, y.Month))
	}
	return x.Time().Compare(y.Time())
}

// prospective answers which cities want to join, as far as a source says.
func (e *Engine) prospective(lang corpus.Lang) answer.Answer {
	a := e.newAnswer(lang)
	p := e.data.Alliance.Prospective
	a.say("common.text_as_of", strings.TrimSuffix(strings.TrimSuffix(p.Note[lang], "."), "。"), a.cite(p.Cite))
	return a.done(answer.KindMembers, confidenceFact)
}

// joinOrder answers which of the cities joined first: all of them in the
// order they joined, those the sources give no date for last.
func (e *Engine) joinOrder(lang corpus.Lang, mentions []cityMention) answer.Answer {
	a := e.newAnswer(lang)
	var dated []*corpus.City
	var undated []string
	for _, m := range mentions {
		c := m.city
		a.cite(c.Cite)
		if !joinDated(c) {
			undated = append(undated, cityNameWithLocal(c, lang))
			continue
		}
		a.cite(*c.JoinedCite)
		dated = append(dated, c)
	}
	slices.SortStableFunc(dated, func(x, y *corpus.City) int { return compareCoarse(x.Joined, y.Joined) })
	var order []string
	for _, c := range dated {
		order = append(order, msg(lang, "common.name_date", cityNameWithLocal(c, lang), c.Joined.Format(lang)))
	}
	switch {
	case len(dated) == 1:
		e.sayJoinedOn(a, dated[0], cityNameWithLocal(dated[0], lang))
	case len(dated) > 1 && compareCoarse(dated[0].Joined, dated[len(dated)-1].Joined) == 0:
		a.say("joinOrder.they_joined_at_same_time", list(lang, order))
	case len(dated) > 1:
		// Those tied with the first or the last share the place.
		tied := func(d corpus.Date) []string {
			var names []string
			for _, c := range dated {
				if compareCoarse(c.Joined, d) == 0 {
					names = append(names, cityNameWithLocal(c, lang))
				}
			}
			return names
		}
		a.say("joinOrder.first_to_join_last_in", list(lang, tied(dated[0].Joined)), list(lang, tied(dated[len(dated)-1].Joined)), list(lang, order))
	}
	if len(undated) > 0 {
		a.say("joinOrder.sources_do_not_say_when", list(lang, undated))
	}
	return a.done(answer.KindMembership, confidenceFact)
}

// formerMembers answers which cities left: those a release says left,
// on the day they left, also when that day came after the release, and
// those an early source lists and later lists do not.
func (e *Engine) formerMembers(lang corpus.Lang) answer.Answer {
	a := e.newAnswer(lang)
	for i := range e.data.Cities {
		c := &e.data.Cities[i]
		switch {
		case c.LeftCite != nil && (c.Status == corpus.StatusFormer || e.gone(c)):
			a.say("formerMembers.left", cityNameWithLocal(c, lang), onDate(lang, c.Left), a.cite(*c.LeftCite))
		case c.Status == corpus.StatusFormer:
			a.cite(c.Cite)
			a.say("common.name_note", cityNameWithLocal(c, lang), c.Note[lang])
		}
	}
	if latest, agree, ok := e.latestCount(); ok {
		for _, c := range agree {
			a.cite(c.Cite)
		}
		if len(a.parts) == 0 {
			a.say("formerMembers.sources_name_no_former_members", asOf(lang, latest.AsOf))
		}
	}
	return a.done(answer.KindMembers, confidenceFact)
}

// countedMember finds "41st full member" in a city's English note.
var countedMember = regexp.MustCompile(`\b(\d+)(?:st|nd|rd|th) (?:\pL+ )?member`)

// nthMember answers "Which city was the 41st member?" from the cities'
// notes, which say so where a source counts: "the 41st full member", "the
// 17th German member".
func (e *Engine) nthMember(lang corpus.Lang, nth int) (answer.Answer, bool) {
	a := e.newAnswer(lang)
	n := strconv.Itoa(nth)
	for i := range e.data.Cities {
		c := &e.data.Cities[i]
		if !slices.ContainsFunc(countedMember.FindAllStringSubmatch(c.Note[corpus.English], -1), func(m []string) bool { return m[1] == n }) {
			continue
		}
		a.cite(c.Cite)
		if c.JoinedCite != nil {
			a.cite(*c.JoinedCite)
		}
		a.say("common.name_note", cityNameWithLocal(c, lang), c.Note[lang])
		// The day too: "Which city joined as the 41st full member, and
		// when?" The note says at which assembly.
		if joinDated(c) {
			when, _ := e.joined(a, c)
			a.say("sayJoined.joined", when, "")
		}
	}
	if len(a.parts) == 0 {
		return answer.Answer{}, false
	}
	return a.done(answer.KindMembership, confidenceFact), true
}

// regionOf answers which Land or province the cities are in.
func (e *Engine) regionOf(lang corpus.Lang, mentions []cityMention) answer.Answer {
	a := e.newAnswer(lang)
	for _, m := range mentions {
		r := e.regions[m.city.Region]
		if r == nil {
			continue
		}
		a.cite(m.city.Cite)
		a.say("regionOf.is_in", cityNameWithLocal(m.city, lang), regionName(r, lang))
	}
	if len(a.parts) == 0 {
		return e.notAnswered(lang)
	}
	return a.done(answer.KindMembership, confidenceFact)
}

// namedBy reports whether name is one of t's names.
func namedBy(t corpus.Text, name string) bool {
	return slices.ContainsFunc(textValues(t), func(n string) bool { return fold(n) == fold(name) })
}

func partNames(parts []corpus.Text, lang corpus.Lang) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.In(lang)
	}
	return out
}

func (e *Engine) sayJoined(a *answerer, c *corpus.City) {
	switch {
	case !joinDated(c) && c.FullMemberCite != nil:
		// When it joined as a guest the release need not say.
	case !joinDated(c):
		a.say("joinOrder.sources_do_not_say_when", cityName(c, a.lang))
	default:
		when, at := e.joined(a, c)
		a.say("sayJoined.joined", when, at)
	}
	if c.FullMemberCite != nil {
		a.say("sayJoined.full_member_since", c.FullMember.Format(a.lang), a.cite(*c.FullMemberCite))
	}
}

// sayJoinedFirst answers "when did it join" with the date, when the
// sources give one, and the notes on the city; it reports whether they do.
func (e *Engine) sayJoinedFirst(a *answerer, c *corpus.City, name string) bool {
	switch {
	case c.FullMemberCite != nil:
		// "Since when has Dortmund been a full member?"
		a.say("sayJoinedFirst.full_member_since", name, c.FullMember.Format(a.lang), a.cite(*c.FullMemberCite))
	case !joinDated(c):
		return false
	default:
		e.sayJoinedOn(a, c, name)
	}
	if n := c.Note[a.lang]; n != "" {
		a.parts = append(a.parts, n)
	}
	return true
}

// sayJoinedOn says when c, known to the reader as name, joined.
func (e *Engine) sayJoinedOn(a *answerer, c *corpus.City, name string) {
	when, at := e.joined(a, c)
	a.say("sayJoinedOn.joined_isa", name, when, at)
}

// firstOfRegion answers whether the city asked about was the first
// member from region: "Ist Wuxi die erste Mitgliedsstadt aus Jiangsu?"
// No: Taicang joined before. With ordinal, it says which member from
// region it was: "烟台是山东省第几个加入联盟的城市？" The second. A member
// whose join date the sources do not give joined no later than the
// source that lists it. It reports false when the city is no member of
// that region, or when a member's place before or after it cannot be
// told.
func (e *Engine) firstOfRegion(lang corpus.Lang, asked *corpus.City, region *corpus.Region, ordinal bool) (answer.Answer, bool) {
	if !asked.IsMember() || asked.Region != region.Key || !joinDated(asked) {
		return answer.Answer{}, false
	}
	a := e.newAnswer(lang)
	a.cite(*asked.JoinedCite)
	var earlier []string
	for _, c := range e.membersOf(lang, func(c *corpus.City) bool { return c.Region == region.Key && c != asked }) {
		switch {
		case joinDated(c) && compareCoarse(c.Joined, asked.Joined) < 0:
			a.cite(*c.JoinedCite)
			earlier = append(earlier, msg(lang, "common.name_date", cityName(c, lang), c.Joined.Format(lang)))
		case joinDated(c):
		case compareCoarse(c.Cite.AsOf, asked.Joined) < 0:
			a.cite(c.Cite)
			earlier = append(earlier, msg(lang, "firstOfRegion.member_as_of", cityName(c, lang), c.Cite.AsOf.Format(lang)))
		default:
			return answer.Answer{}, false // listed only since: before or after, the sources do not say
		}
	}
	name := cityNameWithLocal(asked, lang)
	switch {
	case ordinal && len(earlier) == 0:
		a.say("firstOfRegion.first", name, ordinalWord(lang, 1), regionName(region, lang), onDate(lang, asked.Joined))
	case ordinal:
		a.say("firstOfRegion.nth", name, ordinalWord(lang, len(earlier)+1), regionName(region, lang), onDate(lang, asked.Joined), list(lang, earlier))
	case len(earlier) == 0:
		a.say("firstOfRegion.yes", name, regionName(region, lang), onDate(lang, asked.Joined))
	default:
		// Not the first: which one it is.
		a.say("firstOfRegion.no", name, ordinalWord(lang, len(earlier)+1), regionName(region, lang), onDate(lang, asked.Joined), list(lang, earlier))
	}
	return a.done(answer.KindMembership, confidenceFact), true
}

// ordinalWord writes n as an ordinal in lang's words up to ten ("second",
// "zweite", 二 for 第二个), in digits above.
func ordinalWord(lang corpus.Lang, n int) string {
	if n > 10 {
		switch lang {
		case corpus.English:
			return englishOrdinal(n)
		case corpus.German:
			return strconv.Itoa(n) + "."
		}
		return strconv.Itoa(n)
	}
	keys := [...]string{"ordinal.1", "ordinal.2", "ordinal.3", "ordinal.4", "ordinal.5", "ordinal.6", "ordinal.7", "ordinal.8", "ordinal.9", "ordinal.10"}
	return msg(lang, keys[n-1])
}

// sayFoundingMember answers whether c is a founding member, when the
// sources say when it joined; it reports whether they do.
func (e *Engine) sayFoundingMember(a *answerer, c *corpus.City, name string) bool {
	founded := e.data.Alliance.Founded
	if !joinDated(c) || founded.Date.IsZero() {
		return false
	}
	a.cite(founded.Cite)
	when, at := e.joined(a, c)
	if within(c.Joined, founded.Date) {
		a.say("sayFoundingMember.yes_is_one_of_isa", name, when, at)
	} else {
		a.say("sayFoundingMember.no_is_not_founding_member", name, founded.Date.Format(a.lang), name, when, at)
	}
	if n := c.Note[a.lang]; n != "" {
		a.parts = append(a.parts, n)
	}
	return true
}

// joinDated reports whether a source says when c joined.
func joinDated(c *corpus.City) bool { return !c.Joined.IsZero() && c.JoinedCite != nil }

// joined cites when c joined and says it, "am 24. April 2017", "in April
// 2016", "于2019年10月", and at which plenary assembly.
func (e *Engine) joined(a *answerer, c *corpus.City) (when, at string) {
	a.cite(*c.JoinedCite)
	when = onDate(a.lang, c.Joined)
	if a.lang == corpus.Chinese {
		when = "于" + when
	}
	if as := e.assemblyAt(c.Joined); as != nil {
		at = msg(a.lang, "joined.at_plenary_assembly", ordinalArg(a.lang, as.Number))
	}
	return when, at
}

// assemblyAt finds the plenary assembly held when d says a city joined.
func (e *Engine) assemblyAt(d corpus.Date) *corpus.Assembly {
	for i := range e.data.Alliance.Assemblies {
		as := &e.data.Alliance.Assemblies[i]
		if as.Date.Year == d.Year && as.Date.Month == d.Month && (d.Day == 0 || as.Date.Day == d.Day) {
			return as
		}
	}
	return nil
}

// ordinalArg formats n for the %s or %d of an ordinal in lang's template.
func ordinalArg(lang corpus.Lang, n int) any {
	if lang != corpus.English {
		return n
	}
	return englishOrdinal(n)
}

// englishOrdinal writes n as an English ordinal in digits: "21st".
func englishOrdinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// sayNotMember answers for a place that is no member. The German members
// are all named, so the answer for a German place is a plain no, if sayNo
// (not to "Will Munich join?", which no source answers); of the Chinese
// members the sources name only some.
func (e *Engine) sayNotMember(a *answerer, country, name string, sayNo bool) {
	// The newest count of each side: a release may give the total alone.
	german, _, okGerman := e.latestCountOf(givesMembersOf(corpus.Germany))
	chinese, _, okChinese := e.latestCountOf(givesMembersOf(corpus.China))
	germanNamed := len(e.membersOf(a.lang, func(c *corpus.City) bool { return c.Country == corpus.Germany }))
	chineseNamed := len(e.membersOf(a.lang, func(c *corpus.City) bool { return c.Country == corpus.China }))
	switch {
	case country == corpus.Germany && okGerman && sayNo:
		a.say("sayNotMember.no_is_not_member_of", name, german.Germany, a.cite(german.Cite))
	case country == corpus.Germany && okGerman:
		a.say("sayNotMember.is_not_member_of", name, german.Germany, a.cite(german.Cite))
	case country == corpus.China && okChinese:
		a.say("sayNotMember.is_not_among_chinese_members", name, chinese.China, a.cite(chinese.Cite), chineseNamed)
	case country == "" && okChinese:
		a.say("sayNotMember.not_among_named", name, germanNamed, chineseNamed, chinese.China, a.cite(chinese.Cite))
	default:
		a.say("sayNotMember.not_among_members", name)
	}
}

// sayDidYouMean suggests a member whose name is close to name.
func (e *Engine) sayDidYouMean(a *answerer, name string) {
	key := fold(name)
	// A suggestion may be a letter further off than a typo the reader
	// is forgiven: Aalen is not Aachen, but may have been meant.
	budget := typoBudget(len([]rune(key))) + 1
	var best *corpus.City
	bestDist := budget + 1
	for _, c := range e.membersOf(a.lang, func(*corpus.City) bool { return true }) {
		if d := editDistance(key, fold(c.Name), budget); d < bestDist && d > 0 {
			best, bestDist = c, d
		}
	}
	if best != nil {
		a.say("sayDidYouMean.did_you_mean_is_member", cityNameWithLocal(best, a.lang), cityName(best, a.lang))
	}
}

// unknownCity answers "is X a member?" for a name that neither the
// members nor the gazetteer of German and Chinese cities know: no fact
// about it, so not answered, but said so, with a member of a similar
// name.
func (e *Engine) unknownCity(lang corpus.Lang, name string) answer.Answer {
	a := e.newAnswer(lang)
	a.say("unknownCity.i_don_t_know_city", name)
	e.sayDidYouMean(a, name)
	return a.declined(answer.KindMembership)
}

// memberFilter is what a question narrows the member list to.
type memberFilter struct {
	country string
	region  *corpus.Region
	joined  corpus.Date // when they joined, to the year, month or day
}

func (f memberFilter) keep(c *corpus.City) bool {
	return (f.country == "" || c.Country == f.country) &&
		(f.region == nil || c.Region == f.region.Key) &&
		(f.joined.IsZero() || within(c.Joined, f.joined))
}

func (e *Engine) members(lang corpus.Lang, f memberFilter) answer.Answer {
	a := e.newAnswer(lang)
	cities := e.membersOf(lang, f.keep)
	latest, agree, ok := e.latestCount()
	if ok {
		for _, c := range agree {
			a.cite(c.Cite)
		}
	}
	citeAll := func() string {
		for _, c := range cities {
			a.cite(c.Cite)
		}
		return ""
	}
	names := list(lang, memberNames(cities, lang))
	switch {
	case !f.joined.IsZero() && len(cities) == 0:
		when := onDate(lang, f.joined)
		if lang == corpus.German {
			when = forDate(lang, f.joined)
		}
		a.say("members.sources_name_no_members_that", when)
	case !f.joined.IsZero():
		for _, c := range cities {
			if c.JoinedCite != nil {
				a.cite(*c.JoinedCite)
			}
		}
		when := onDate(lang, f.joined)
		if lang == corpus.German {
			when = capitalize(when) // it starts the sentence
		}
		if len(cities) == 1 {
			a.say("members.according_to_sources_one_member", when, names)
			break
		}
		a.say("members.according_to_sources_members_joined", when, len(cities), names)
	case f.region != nil && len(cities) == 0:
		a.say("members.sources_name_no_isa_member", regionName(f.region, lang), asOf(lang, latest.AsOf))
	case f.region != nil:
		citeAll()
		a.say("members.isa_members_are_from", regionName(f.region, lang), len(cities), names, asOf(lang, latest.AsOf))
		if len(cities) == 1 {
			a.parts[len(a.parts)-1] = msg(lang, "members.one_isa_member_is_from", regionName(f.region, lang), names, asOf(lang, latest.AsOf))
		}
	case f.country == corpus.Germany:
		// The newest count of the German members: a release may give
		// the total alone ("its 51st member city").
		citeAll()
		side, _, _ := e.latestCountOf(givesMembersOf(corpus.Germany))
		a.cite(side.Cite)
		if side.Länder > 0 {
			a.say("members.isa_has_german_members_from", side.Germany, side.Länder, asOf(lang, side.AsOf), names)
			break
		}
		a.say("members.isa_has_german_members", side.Germany, asOf(lang, side.AsOf), names)
		e.joinedSince(a, side.AsOf, corpus.Germany)
	case f.country == corpus.China:
		citeAll()
		side, _, _ := e.latestCountOf(givesMembersOf(corpus.China))
		a.cite(side.Cite)
		if side.Provinces > 0 {
			a.say("members.isa_has_chinese_members_from", side.China, side.Provinces, asOf(lang, side.AsOf), len(cities), names)
			break
		}
		a.say("members.isa_has_chinese_members", side.China, asOf(lang, side.AsOf), len(cities), names)
		e.joinedSince(a, side.AsOf, corpus.China)
	default:
		citeAll()
		german := e.membersOf(lang, func(c *corpus.City) bool { return c.Country == corpus.Germany })
		chinese := e.membersOf(lang, func(c *corpus.City) bool { return c.Country == corpus.China })
		if latest.Germany == 0 || latest.China == 0 {
			a.say("members.isa_has_members_named", latest.Total, asOf(lang, latest.AsOf), len(german), list(lang, memberNames(german, lang)),
				len(chinese), list(lang, memberNames(chinese, lang)))
			break
		}
		a.say("members.isa_has_members_german_chinese", latest.Total, asOf(lang, latest.AsOf), latest.Germany, list(lang, memberNames(german, lang)),
			latest.China, len(chinese), list(lang, memberNames(chinese, lang)))
	}
	return a.done(answer.KindMembers, confidenceFact)
}

func (e *Engine) newestMembers(lang corpus.Lang, f memberFilter) answer.Answer {
	a := e.newAnswer(lang)
	var newest corpus.Date
	for _, c := range e.membersOf(lang, f.keep) {
		if newest.Before(c.Joined) {
			newest = c.Joined
		}
	}
	cities := e.membersOf(lang, func(c *corpus.City) bool { return f.keep(c) && c.Joined == newest })
	if newest.IsZero() || len(cities) == 0 {
		return e.notAnswered(lang)
	}
	for _, c := range cities {
		a.cite(*c.JoinedCite)
	}
	at := ""
	if as := e.assemblyAt(newest); as != nil {
		at = msg(lang, "newestMembers.at_plenary_assembly", ordinalArg(lang, as.Number))
	}
	when := newest.Format(lang)
	if lang != corpus.Chinese {
		when = onDate(lang, newest) // "am 16. Oktober 2025", "in April 2016"
	}
	a.say("newestMembers.newest_members_joined_in", when, at, list(lang, memberNames(cities, lang)))
	return a.done(answer.KindMembers, confidenceFact)
}

// count says how many members the alliance has, narrowed by f; when, if
// set, is the time asked about ("2018", "Ende 2017").
func (e *Engine) count(lang corpus.Lang, f memberFilter, when corpus.Date) answer.Answer {
	a := e.newAnswer(lang)
	latest, agree, ok := e.latestCountOf(givesMembersOf(f.country))
	if !ok {
		return e.notAnswered(lang)
	}
	for _, c := range agree {
		a.cite(c.Cite)
	}
	at := asOf(lang, latest.AsOf)
	switch {
	case when.Month != 0 && f.region == nil:
		return e.countIn(lang, when)
	case when.Year != 0 && f.region == nil && when.Year != latest.AsOf.Year:
		return e.countIn(lang, when)
	case f.region != nil:
		cities := e.membersOf(lang, f.keep)
		for _, c := range cities {
			a.cite(c.Cite)
		}
		a.say("count.isa_members_are_from", regionName(f.region, lang), len(cities), list(lang, memberNames(cities, lang)), at)
	case f.country == corpus.Germany && latest.Länder > 0:
		a.say("count.isa_has_german_member_cities", latest.Germany, latest.Länder, at)
	case f.country == corpus.Germany:
		a.parts = append(a.parts, countSentence(lang, corpus.Count{Germany: latest.Germany, Cite: latest.Cite}))
	case f.country == corpus.China && latest.Provinces > 0:
		named := len(e.membersOf(lang, func(c *corpus.City) bool { return c.Country == corpus.China }))
		a.say("count.isa_has_chinese_member_cities", latest.China, latest.Provinces, at, named)
	case f.country == corpus.China:
		a.parts = append(a.parts, countSentence(lang, corpus.Count{China: latest.China, Cite: latest.Cite}))
	case latest.Länder > 0 && latest.Provinces > 0:
		a.say("count.isa_has_members_german_cities", latest.Total, latest.Germany, latest.Länder, latest.China, latest.Provinces, at)
	default:
		// A release may give the count without the Länder and provinces.
		a.parts = append(a.parts, countSentence(lang, latest))
	}
	if f.region == nil {
		e.joinedSince(a, latest.AsOf, f.country)
	}
	// A member whose membership rests is counted, and said to rest: "How
	// many active members does the ISA have?".
	for _, c := range e.membersOf(lang, func(c *corpus.City) bool { return f.keep(c) && e.suspended(c) }) {
		e.saySuspended(a, c, cityNameWithLocal(c, lang))
	}
	return a.done(answer.KindCount, confidenceFact)
}

// joinedSince adds to a count as of asOf the members of country (any if
// "") that joined after it: the newest count a release gives may be
// older than the newest member ("Seither beigetreten: Zibo (18. August
// 2027)").
func (e *Engine) joinedSince(a *answerer, asOf corpus.Date, country string) {
	since := e.membersOf(a.lang, func(c *corpus.City) bool {
		return (country == "" || c.Country == country) && c.JoinedCite != nil && compareCoarse(c.Joined, asOf) > 0
	})
	if len(since) == 0 {
		return
	}
	slices.SortStableFunc(since, func(x, y *corpus.City) int { return compareCoarse(x.Joined, y.Joined) })
	// A member whose day has not come is one still to join.
	var joined, later []string
	for _, c := range since {
		a.cite(*c.JoinedCite)
		name := cityName(c, a.lang) + msg(a.lang, "common.in_brackets", c.Joined.Format(a.lang))
		if e.joinsLater(c) {
			later = append(later, name)
		} else {
			joined = append(joined, name)
		}
	}
	if len(joined) > 0 {
		a.say("count.joined_since", list(a.lang, joined))
	}
	if len(later) > 0 {
		a.say("count.joins_later", list(a.lang, later))
	}
}

// cityNoted finds the one city of the data whose note, in any language,
// holds every word of topic that is no name and every ordinal asked:
// "Nordosten" and "north-east" in Panjin's "the first city from
// north-east China in the ISA"; not the host of the 4th plenary assembly
// for the 20th's.
func (e *Engine) cityNoted(topic []topicWord, ordinals []int) (*corpus.City, bool) {
	if !slices.ContainsFunc(topic, func(w topicWord) bool { return !w.name }) {
		return nil, false
	}
	var found *corpus.City
	for i := range e.data.Cities {
		c := &e.data.Cities[i]
		if len(c.Note) == 0 {
			continue
		}
		// The note's terms in each of its languages, analysed once.
		var notes []termSet
		for l, note := range c.Note {
			if note != "" {
				notes = append(notes, wordsOnly(e.termSet(l, note)))
			}
		}
		// A Chinese word is held as written, or but for its last
		// character (东北部 by 东北): 研究机构 is no 机构 of
		// "联盟在德国的联络机构（PKS公司）位于柏林" in Berlin's note.
		holds := func(w topicWord) bool {
			if zh := c.Note[corpus.Chinese]; !w.name && strings.ContainsFunc(w.text, isHan) && zh != "" {
				runes := []rune(w.text)
				return strings.Contains(zh, w.text) || len(runes) >= 3 && strings.Contains(zh, string(runes[:len(runes)-1]))
			}
			return w.name || slices.ContainsFunc(notes, w.foundIn)
		}
		if slices.ContainsFunc(topic, func(w topicWord) bool { return !holds(w) }) || !holdsOrdinals(c.Note, ordinals) {
			continue
		}
		if found != nil {
			return nil, false // several: the note does not say which
		}
		found = c
	}
	return found, found != nil
}

// holdsOrdinals reports whether a text in some language names every one
// of ordinals: "4th", "4.", "fourth", 第四.
func holdsOrdinals(text corpus.Text, ordinals []int) bool {
	var given []int
	for _, t := range text {
		given = append(given, ordinalsIn(t)...)
	}
	return !slices.ContainsFunc(ordinals, func(n int) bool { return !slices.Contains(given, n) })
}

// wordsOnly drops the single Chinese characters of a text's terms: 来 of
// 来自 is no evidence of "come", nor 四 of 第四届 of "four".
func wordsOnly(terms termSet) termSet {
	out := termSet{terms: make(map[string]bool, len(terms.terms)), near: terms.near, sequence: terms.sequence}
	for t := range terms.terms {
		if utf8.RuneCountInString(t) > 1 || !isHan([]rune(t)[0]) {
			out.terms[t] = true
		}
	}
	return out
}

package search

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// Confidence of answers from the data: certain when the question named
// things exactly, less when a name was guessed from a typo or is unknown.
const (
	confidenceFact    = 0.95
	confidenceGuessed = 0.7
	confidenceUnknown = 0.6
)

// answerer collects an answer's sentences and sources.
type answerer struct {
	e       *Engine
	lang    corpus.Lang
	parts   []string
	sources []answer.Source
	// lacking is whether the sources lack the one fact asked for: what
	// is said around it answers nothing ("Weihai is a member; the
	// sources do not say when it joined").
	lacking bool
}

func (e *Engine) newAnswer(lang corpus.Lang) *answerer { return &answerer{e: e, lang: lang} }

// say adds the sentence with key of the message catalogue.
func (a *answerer) say(key string, args ...any) {
	a.parts = append(a.parts, msg(a.lang, key, args...))
}

// cite adds the source of c and returns the "as of" phrase for it.
func (a *answerer) cite(c corpus.Cite) string {
	// A city the gazetteer knows and no source lists has no citation:
	// no empty source for it.
	if c.Source != "" {
		a.addSource(a.e.source(c.Source, c.AsOf))
	}
	return asOf(a.lang, c.AsOf)
}

func (a *answerer) addSource(s answer.Source) {
	// One source once, however it was reached: a release cited from the
	// data and quoted from the index is the same source.
	if !slices.ContainsFunc(a.sources, func(o answer.Source) bool { return o.Ref == s.Ref }) {
		a.sources = append(a.sources, s)
	}
}

// declined is an answer that says why the sources hold none, with what
// they hold instead: not answered.
func (a *answerer) declined(kind answer.Kind) answer.Answer {
	ans := a.done(kind, 0)
	ans.Answered = false
	return ans
}

func (a *answerer) done(kind answer.Kind, confidence float64) answer.Answer {
	sep := " "
	if a.lang == corpus.Chinese {
		sep = ""
	}
	if a.lacking {
		confidence = 0 // what it says is not the fact asked for
	}
	return answer.Answer{Answered: !a.lacking, Text: strings.Join(a.parts, sep), Confidence: confidence, Sources: a.sources, Kind: kind}
}

// source describes the source with id for citing; asOf stands in for an
// unknown publication date.
func (e *Engine) source(id string, asOf corpus.Date) answer.Source {
	s, ok := e.sources[id]
	if !ok {
		return answer.Source{Title: id, Ref: id, Date: asOf}
	}
	out := answer.Source{Title: s.Title, Date: s.Date, URL: s.URL}
	if out.Date.IsZero() {
		out.Date = asOf
	}
	switch {
	case s.Release != "":
		out.Ref = s.Release
		if r := e.releases[s.Release]; r != nil && r.URL != "" {
			out.URL = r.URL
		}
	case s.URL != "":
		out.Ref = s.URL
	case s.Site != "":
		out.Ref = s.Site
	default:
		out.Ref = s.ID
	}
	if s.Site != "" && !strings.Contains(out.Title, s.Site) {
		out.Title += " (" + s.Site + ")"
	}
	return out
}

func asOf(lang corpus.Lang, d corpus.Date) string {
	return msg(lang, "common.as_of", d.Format(lang))
}

// namesOfCity are a city's name and its names in each language.
func namesOfCity(c *corpus.City) []string {
	return append([]string{c.Name}, textValues(c.Names)...)
}

// cityName is a city's name as a reader of lang writes it.
func cityName(c *corpus.City, lang corpus.Lang) string {
	if n := c.Names[lang]; n != "" {
		return n
	}
	// A city a Chinese release names, known by the gazetteer's English
	// name: that, in German too ("Wuhu", not 芜湖).
	if lang != corpus.Chinese && strings.IndexFunc(c.Name, isHan) >= 0 {
		for _, l := range []corpus.Lang{corpus.English, corpus.German} {
			if n := c.Names[l]; n != "" {
				return n
			}
		}
	}
	return c.Name
}

// cityNameWithLocal adds the local name where the reader's differs:
// "Cologne (Köln)", "科隆（Köln）".
func cityNameWithLocal(c *corpus.City, lang corpus.Lang) string {
	n := cityName(c, lang)
	if n == c.Name || strings.Contains(n, c.Name) {
		return n
	}
	if lang == corpus.Chinese {
		return n + "（" + c.Name + "）"
	}
	return n + " (" + c.Name + ")"
}

func regionName(r *corpus.Region, lang corpus.Lang) string { return r.Names.In(lang) }

// list joins names: "A, B und C", "A, B and C", "A、B和C".
func list(lang corpus.Lang, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	head, last := items[:len(items)-1], items[len(items)-1]
	switch lang {
	case corpus.Chinese:
		return strings.Join(head, "、") + "和" + last
	case corpus.English:
		if len(items) == 2 {
			return head[0] + " and " + last
		}
		return strings.Join(head, ", ") + " and " + last
	}
	return strings.Join(head, ", ") + " und " + last
}

// founding answers when and where the alliance was founded and proposed;
// a non-zero check is the date a yes-or-no question asks about ("Was the
// ISA founded in 2015?"); age adds how old that makes it today ("Wie alt
// ist die ISA?").
func (e *Engine) founding(lang corpus.Lang, check corpus.Date, age bool) answer.Answer {
	a := e.newAnswer(lang)
	al := &e.data.Alliance
	if f := al.Founded; !f.Date.IsZero() {
		if !check.IsZero() {
			if within(f.Date, check) {
				a.say("common.yes")
			} else {
				a.say("common.no")
			}
		}
		a.cite(f.Cite)
		a.say("founding.isa_was_founded_in", f.Date.Format(lang))
		if age {
			today := corpus.DateOf(e.now())
			a.say("founding.age", completedYears(f.Date, today), today.Format(lang))
		}
	}
	if c := al.FoundingConference; !c.Date.IsZero() {
		a.cite(c.Cite)
		a.say("founding.its_founding_conference_took_place", c.Date.Format(lang), c.Place.In(lang))
		if n := c.Note[lang]; n != "" {
			a.parts = append(a.parts, n)
		}
	}
	if p := al.Proposed; !p.Date.IsZero() {
		a.cite(p.Cite)
		a.say("founding.alliance_was_proposed_on_in", p.Date.Format(lang), p.Place.In(lang), list(lang, e.cityNames(p.Cities, lang)))
	}
	return a.done(answer.KindFounding, confidenceFact)
}

// completedYears is how many whole years lie between from and to: a
// month or year alone (April 2016) counts from its first day.
func completedYears(from, to corpus.Date) int {
	years := to.Year - from.Year
	if to.Month < from.Month || to.Month == from.Month && to.Day < from.Day {
		years--
	}
	return max(years, 0)
}

// cityNames gives the names of cities in lang, where the data knows them.
func (e *Engine) cityNames(names []string, lang corpus.Lang) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if c := e.cities[n]; c != nil {
			out[i] = cityName(c, lang)
		}
	}
	return out
}

// offices returns the offices of kind, the current one first, then the
// newest.
func (e *Engine) offices(kind string) []*corpus.Office {
	var out []*corpus.Office
	for i := range e.data.Alliance.Offices {
		if o := &e.data.Alliance.Offices[i]; o.Kind == kind {
			out = append(out, o)
		}
	}
	newestFirst(out)
	return out
}

// newestFirst sorts offices by the date their sources give, the newest
// first.
func newestFirst(offices []*corpus.Office) {
	slices.SortStableFunc(offices, func(a, b *corpus.Office) int {
		return cmp.Compare(b.AsOf.Time().Unix(), a.AsOf.Time().Unix())
	})
}

// contactSince says since when the contact person of the offices chosen
// has been it, where a source gives the day. An office learned from a
// release without one is dated the release's day (merger.office), which
// says when it was seen, not when the person began: no answer, however
// many later releases repeat it (SinceSeen).
func (e *Engine) contactSince(lang corpus.Lang, choice officeChoice) (answer.Answer, bool) {
	lead, _, _ := e.contactOffices(choice, corpus.Date{})
	if lead == nil || lead.Person == "" || lead.Since.IsZero() || lead.SinceSeen {
		return answer.Answer{}, false
	}
	a := e.newAnswer(lang)
	a.say("contact.since", lead.Person, lead.PersonRole.In(lang), lead.Since.Format(lang), a.cite(lead.Cite))
	return a.done(answer.KindContact, confidenceFact), true
}

// contact gives the contact person and details of the offices chosen,
// the newest first; explainRole adds what the contact's office does
// ("How can a city join?").
func (e *Engine) contact(lang corpus.Lang, choice officeChoice, asked corpus.Date, explainRole, now bool) answer.Answer {
	a := e.newAnswer(lang)
	lead, newer, before := e.contactOffices(choice, asked)
	if lead == nil {
		return e.notAnswered(lang)
	}
	if replaced(lead, newer) {
		// Who to turn to now is the newest office's, when another
		// organisation has taken over from the person's: the person's
		// is the one before it.
		lead, newer, before = newer[0], nil, lead
	}
	details := func(o *corpus.Office) string {
		return officeDetails(o, lang, slices.Concat([]concept{cAddress}, reachedBy, []concept{cWebsite}))
	}
	asOf := a.cite(lead.Cite)
	switch {
	case lead.Person != "":
		role := lead.PersonRole.In(lang)
		if lang == corpus.German {
			role = capitalize(role) // it starts the sentence
		}
		a.say("contact.isa_is", role, personDetails(lang, lead.Person, lead.Organisation, details(lead)), asOf)
		// "How can I reach …?": what the person's organisation is.
		if explainRole && lead.Organisation != "" && lead.Role.In(lang) != "" {
			a.say("common.name_role", shortOrg(lead.Organisation), lead.Role.In(lang))
		}
	case lead.Role.In(lang) != "":
		a.say("contact.now", lead.Organisation, lead.Role.In(lang), details(lead), asOf)
	default:
		a.say("common.name_details_as_of", lead.Organisation, details(lead), asOf)
	}
	for _, o := range newer {
		a.say("contact.newer_source", o.Organisation, o.Role.In(lang), details(o), a.cite(o.Cite))
	}
	if before != nil && !now && !lead.Since.IsZero() && !lead.Since.Before(before.AsOf) {
		a.cite(before.Cite)
		a.say("contact.until", lead.Since.Format(lang), officeName(before), officeDetails(before, lang, []concept{cEmail}))
	}
	return a.done(answer.KindContact, confidenceFact)
}

// personDetails is a contact person, their organisation if a source
// names it, and their details if any: "Anna Beispiel, BWA: e-mail …".
func personDetails(lang corpus.Lang, person, organisation, details string) string {
	who := person
	if organisation != "" {
		who += msg(lang, "common.comma") + organisation
	}
	if details == "" {
		return who
	}
	return msg(lang, "common.name_note", who, details)
}

// officeChoice is the offices a contact question asks about: those of a
// kind (corpus.OfficeGerman, corpus.OfficeSecretariat); for the German
// kind, the secretariat's press contact beside them, unless the
// question names the German side itself ("Wer ist Pressesprecherin der
// ISA in Deutschland?").
type officeChoice struct {
	kind      string
	inGermany bool
}

// contactOffices picks the offices chosen that a contact answer gives: the
// newest one that names a person leads, as a journalist asks for someone;
// newer ones without a person follow as newer sources; before is the
// office the lead took over from, if the sources last name it before the
// lead. A time asked for keeps the offices the sources gave by then, if
// they gave any.
func (e *Engine) contactOffices(choice officeChoice, asked corpus.Date) (lead *corpus.Office, newer []*corpus.Office, before *corpus.Office) {
	offices := e.offices(choice.kind)
	if choice.kind == corpus.OfficeGerman && !choice.inGermany {
		// The secretariat's press contact stands beside the office in
		// Germany: the newer answers.
		offices = slices.Concat(offices, slices.DeleteFunc(e.offices(corpus.OfficeSecretariat), func(o *corpus.Office) bool { return !o.Press }))
		newestFirst(offices)
	}
	if !asked.IsZero() {
		// "2028年1月联盟的新闻联系人是谁？": as the sources said then, or
		// say the contact was from then: a later release of the same
		// contact does not make her none in January.
		if then := slices.DeleteFunc(slices.Clone(offices), func(o *corpus.Office) bool { return compareCoarse(cmp.Or(o.Since, o.AsOf), asked) > 0 }); len(then) > 0 {
			offices = then
		}
	}
	if len(offices) == 0 {
		return nil, nil, nil
	}
	i := slices.IndexFunc(offices, func(o *corpus.Office) bool { return o.Person != "" })
	if i < 0 {
		i = 0
	}
	if i+1 < len(offices) {
		before = offices[i+1]
	}
	return offices[i], offices[:i], before
}

// replaced reports whether a newer office of the same kind, of another
// organisation, has taken over from o: "BWA" of 2026 from "PKS" of 2021.
func replaced(o *corpus.Office, newer []*corpus.Office) bool {
	return slices.ContainsFunc(newer, func(n *corpus.Office) bool {
		return n.Kind == o.Kind && !n.Press && shortOrg(n.Organisation) != shortOrg(o.Organisation)
	})
}

// officeName names an office by its person and organisation.
func officeName(o *corpus.Office) string {
	if o.Person != "" && o.Organisation != "" {
		return o.Person + ", " + o.Organisation
	}
	return cmp.Or(o.Person, o.Organisation)
}

// contactDetails answers for the details wanted of the offices of kind
// that a contact answer gives, as of the time asked, if any ("her e-mail
// address in 2021"); of those people's offices, when the question names
// people.
func (e *Engine) contactDetails(lang corpus.Lang, want []concept, choice officeChoice, asked corpus.Date, people []*corpus.Person) answer.Answer {
	a := e.newAnswer(lang)
	if len(want) == 1 && want[0] == cWebsite && choice.kind == corpus.OfficeGerman {
		if w := e.data.Alliance.Website; w.URL != "" {
			a.say("contactDetails.isa_website_is", w.URL, a.cite(w.Cite))
			return a.done(answer.KindContact, confidenceFact)
		}
	}
	lead, offices, _ := e.contactOffices(choice, asked)
	if lead != nil && replaced(lead, offices) {
		// The newest office's first, as in the contact's answer.
		lead, offices = offices[0], append(slices.Clone(offices[1:]), lead)
	}
	if lead != nil {
		offices = append([]*corpus.Office{lead}, offices...)
	}
	// "Frau Behmers E-Mail" asks for her details, not the newest office's.
	named := slices.DeleteFunc(e.offices(choice.kind), func(o *corpus.Office) bool {
		return !slices.ContainsFunc(people, func(p *corpus.Person) bool { return p.Name == o.Person || strings.HasSuffix(o.Person, " "+p.Name) })
	})
	if len(named) > 0 {
		offices = named
	}
	if len(people) > 0 && len(named) == 0 {
		// "Markus Feldmann's new e-mail address": not the newest
		// office's, which is someone else's; said, with that one.
		a.lacking = true
		a.say("contactDetails.none_for", list(lang, personNames(people)))
	}
	for _, o := range offices {
		details := officeDetails(o, lang, want)
		if details == "" {
			continue
		}
		who := officeName(o)
		if o.Kind == corpus.OfficeSecretariat && !o.Press {
			// Where the secretariat is, with whom its details reach.
			who = msg(lang, "contactDetails.isa_secretariat_in", cityNameFor(e, cmp.Or(o.City, e.secretariatCity()), lang), cmp.Or(o.Organisation, e.secretariatName()))
			if o.Person != "" {
				who = o.Person + ", " + who
			}
		}
		a.say("common.name_details_as_of", who, details, a.cite(o.Cite))
	}
	if len(a.parts) == 0 || a.lacking && len(a.parts) == 1 {
		return e.notAnswered(lang)
	}
	return a.done(answer.KindContact, confidenceFact)
}

func personNames(people []*corpus.Person) []string {
	out := make([]string, len(people))
	for i, p := range people {
		out[i] = p.Name
	}
	return out
}

func cityNameFor(e *Engine, name string, lang corpus.Lang) string {
	if c := e.cities[name]; c != nil {
		return cityName(c, lang)
	}
	return name
}

// secretariatCity and secretariatName are the city and the name the
// secretariat's sources last gave: a contact block may give neither,
// only a person.
func (e *Engine) secretariatCity() string {
	return e.secretariatLast(func(o *corpus.Office) string { return o.City })
}

func (e *Engine) secretariatName() string {
	return e.secretariatLast(func(o *corpus.Office) string { return o.Organisation })
}

func (e *Engine) secretariatLast(field func(*corpus.Office) string) string {
	for _, o := range e.offices(corpus.OfficeSecretariat) {
		if v := field(o); v != "" {
			return v
		}
	}
	return ""
}

// officeDetails lists the office's details among want, labelled.
func officeDetails(o *corpus.Office, lang corpus.Lang, want []concept) string {
	var parts []string
	for _, c := range want {
		switch {
		case c == cAddress && len(o.Address) > 0:
			parts = append(parts, strings.Join(o.Address, ", "))
		case c == cAddress && o.City != "":
			parts = append(parts, o.City)
		case c == cEmail && o.Email != "":
			parts = append(parts, msg(lang, "officeDetails.e_mail")+o.Email)
		case c == cPhone && o.Phone != "":
			parts = append(parts, msg(lang, "officeDetails.phone")+o.Phone)
		case c == cMobile && o.Mobile != "":
			parts = append(parts, msg(lang, "officeDetails.mobile")+o.Mobile)
		case c == cFax && o.Fax != "":
			parts = append(parts, msg(lang, "officeDetails.fax")+o.Fax)
		case c == cWebsite && o.Website != "":
			parts = append(parts, msg(lang, "officeDetails.website")+o.Website)
		}
	}
	sep := ", "
	if lang == corpus.Chinese {
		sep = "，"
	}
	return strings.Join(parts, sep)
}

// coordinator says who runs the alliance in Germany, over time, or with
// newestOnly who does now.
func (e *Engine) coordinator(lang corpus.Lang, newestOnly bool) answer.Answer {
	a := e.newAnswer(lang)
	offices := e.offices(corpus.OfficeGerman)
	if newestOnly && len(offices) > 1 {
		// "Who took over from PKS?": the newest office, as its source says.
		o := offices[0]
		a.say("coordinator.office_role", o.Organisation, o.Role.In(lang), a.cite(o.Cite))
		sayPerson(a, o)
		return a.done(answer.KindCoordinator, confidenceFact)
	}
	// The newest office first, as things stand; those before it after.
	for i, o := range offices {
		asOf := a.cite(o.Cite)
		switch {
		case len(offices) == 1:
			a.say("coordinator.on_german_side_is_responsible", o.Organisation, cityNameFor(e, o.City, lang), asOf, o.Role.In(lang))
		case i == 0:
			a.say("coordinator.now", o.Organisation, o.Role.In(lang), asOf)
		default:
			a.say("coordinator.before", o.Organisation, cityNameFor(e, o.City, lang), asOf, o.Role.In(lang))
		}
		for _, p := range e.data.Alliance.People {
			if p.Organisation == o.Organisation && p.Name != o.Person {
				a.cite(p.Cite)
				a.say("common.name_role", personName(&p, lang), p.Role.In(lang))
			}
		}
		sayPerson(a, o)
	}
	if city := e.secretariatCity(); city != "" {
		a.say("coordinator.isa_secretariat_is_in", cityNameFor(e, city, lang))
	}
	if len(offices) == 0 {
		return e.notAnswered(lang)
	}
	return a.done(answer.KindCoordinator, confidenceFact)
}

// sayPerson names the person of an office, the one to ask there.
func sayPerson(a *answerer, o *corpus.Office) {
	if o.Person != "" {
		a.say("common.name_role", capitalize(o.PersonRole.In(a.lang)), o.Person)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// shortOrg shortens "PKS Kommunikations- und Strategieberatung GmbH" to
// "PKS GmbH" for a second mention.
func shortOrg(org string) string {
	if f := strings.Fields(org); len(f) > 2 && f[len(f)-1] == "GmbH" {
		return f[0] + " GmbH"
	}
	return org
}

// secretariat says where the secretariat is and who runs it, the people
// first with peopleFirst, and whom each followed with predecessors;
// naming cities asks whether it is in one of them.
func (e *Engine) secretariat(lang corpus.Lang, cities []*corpus.City, peopleFirst, predecessors bool) answer.Answer {
	a := e.newAnswer(lang)
	offices := func() {
		// The newest source's: releases repeat the secretariat's block,
		// each with its day, in one language or another.
		if secretariats := e.offices(corpus.OfficeSecretariat); len(secretariats) > 0 {
			o := secretariats[0]
			details := officeDetails(o, lang, []concept{cEmail, cPhone})
			// A contact block may give no city: the secretariat's is
			// the one its sources last gave.
			a.say("secretariat.isa_secretariat_is_in", cityNameFor(e, cmp.Or(o.City, e.secretariatCity()), lang), cmp.Or(o.Organisation, e.secretariatName()), details, a.cite(o.Cite))
		}
	}
	people := func() {
		today := e.now()
		for _, p := range e.data.Alliance.People {
			if !holdsRoleOn(&p, today) || !e.ofSecretariat(&p) {
				continue
			}
			a.say("common.name_details_as_of", personName(&p, lang), personRole(&p, lang), a.cite(p.Cite))
			// "新任秘书长接替了谁？"
			if !predecessors {
				continue
			}
			if before := e.predecessorOf(&p); before != nil {
				a.say("successor.followed_by", personName(before, lang), before.Role.In(lang), personName(&p, lang), a.cite(p.Cite))
			}
		}
	}
	// "Is the secretariat in Berlin?" asks yes or no.
	if city := e.secretariatCity(); city != "" && len(cities) > 0 {
		if slices.ContainsFunc(cities, func(c *corpus.City) bool { return c.Name == city }) {
			a.say("common.yes")
		} else {
			a.say("common.no")
		}
	}
	// "Who" asks for the people first.
	if peopleFirst {
		people()
		offices()
	} else {
		offices()
		people()
	}
	for _, o := range e.offices(corpus.OfficeGerman) {
		if o.Current {
			a.say("secretariat.in_germany", o.Organisation, o.Role.In(lang), a.cite(o.Cite))
		}
	}
	if len(a.parts) == 0 {
		return e.notAnswered(lang)
	}
	return a.done(answer.KindSecretariat, confidenceFact)
}

// holdsRoleOn reports whether someone holds their role on day: taken by
// then, and not yet handed on. An acting Secretary-General holds the role
// until the day the one elected takes office.
func holdsRoleOn(p *corpus.Person, day time.Time) bool {
	taken := p.Since.IsZero() || !day.Before(p.Since.Time())
	kept := p.Successor == "" || day.Before(p.Until.Time())
	return taken && kept
}

// ofSecretariat reports whether someone's role, in a language of it,
// holds a word of the secretariat's ("Generalsekretär", 副秘书长).
func (e *Engine) ofSecretariat(p *corpus.Person) bool {
	for _, role := range p.Role {
		if slices.ContainsFunc(e.dict.find(segment(role)), func(m match) bool { return m.means(cSecretariat) }) {
			return true
		}
	}
	return false
}

func (e *Engine) person(lang corpus.Lang, people []*corpus.Person) answer.Answer {
	a := e.newAnswer(lang)
	for _, p := range people {
		a.say("common.name_details_as_of", personName(p, lang), personRole(p, lang), a.cite(p.Cite))
		// A role learned from a release is said in the release's words,
		// which may leave out whose it is ("Deputy Mayor"): the release's
		// title says ("Yantai joins ...").
		if r := e.releases[p.Cite.Source]; r != nil {
			a.say("person.named_in", r.Title, corpus.DateOf(r.Date).Format(lang))
		}
		if p.Successor != "" {
			a.say("person.succeeded_by", p.Successor, p.Until.Format(lang))
		}
	}
	return a.done(answer.KindPerson, confidenceFact)
}

// successors says who followed each of people in their role, and since
// when, where a release says.
func (e *Engine) successors(lang corpus.Lang, people []*corpus.Person) answer.Answer {
	a := e.newAnswer(lang)
	for _, p := range people {
		a.cite(p.Cite)
		if p.Successor == "" {
			a.say("successor.none_named", personName(p, lang), p.Role.In(lang))
			continue
		}
		var cite corpus.Cite
		if next := e.personNamed(p.Successor); next != nil {
			cite = next.Cite
		}
		a.say("successor.followed_by", personName(p, lang), p.Role.In(lang), p.Successor, a.cite(cite))
		if !p.Until.IsZero() {
			a.say("successor.since", p.Successor, p.Until.Format(lang))
		}
	}
	return a.done(answer.KindPerson, confidenceFact)
}

// personRole says someone's role, and since when where a source says: a
// day other than the source's own, which dates an appointment the source
// reports without a day ("mit sofortiger Wirkung").
func personRole(p *corpus.Person, lang corpus.Lang) string {
	role := p.Role.In(lang)
	if !p.Since.IsZero() && p.Since != p.AsOf {
		role += msg(lang, "person.since", p.Since.Format(lang))
	}
	return role
}

// predecessors says whom each of people followed in their role, and
// since when, where a release says.
func (e *Engine) predecessors(lang corpus.Lang, people []*corpus.Person) answer.Answer {
	a := e.newAnswer(lang)
	for _, p := range people {
		if before := e.predecessorOf(p); before != nil {
			a.cite(before.Cite)
			a.say("successor.followed_by", personName(before, lang), before.Role.In(lang), personName(p, lang), a.cite(p.Cite))
			if !before.Until.IsZero() {
				a.say("successor.since", personName(p, lang), before.Until.Format(lang))
			}
		}
	}
	return a.done(answer.KindPerson, confidenceFact)
}

// predecessorOf is the person whose successor p is, or nil.
func (e *Engine) predecessorOf(p *corpus.Person) *corpus.Person {
	for i := range e.data.Alliance.People {
		if x := &e.data.Alliance.People[i]; x.Successor != "" && (x.Successor == p.Name || slices.Contains(p.Aliases, x.Successor)) {
			return x
		}
	}
	return nil
}

// personNamed is the person of the data by that name, or nil.
func (e *Engine) personNamed(name string) *corpus.Person {
	for i := range e.data.Alliance.People {
		if p := &e.data.Alliance.People[i]; p.Name == name {
			return p
		}
	}
	return nil
}

// personName is how an answer in lang names someone: by the name in
// Latin letters (Chen Siyuan), in Chinese with the name in characters
// first where there is one (陈思远（Chen Siyuan）).
func personName(p *corpus.Person, lang corpus.Lang) string {
	if lang == corpus.Chinese && strings.IndexFunc(p.Name, isHan) < 0 {
		for _, alias := range p.Aliases {
			if strings.IndexFunc(alias, isHan) >= 0 {
				return alias + "（" + p.Name + "）"
			}
		}
	}
	return p.Name
}

// forDate says a date after "für": "den 3. März 2019", "März 2019".
func forDate(lang corpus.Lang, d corpus.Date) string {
	if lang == corpus.German && d.Day != 0 {
		return "den " + d.Format(lang)
	}
	return d.Format(lang)
}

// events answers what happened at the date the question names: the
// founding, the founding conference, the proposal, plenary assemblies,
// cities joining and releases, as the data dates them.
func (e *Engine) events(lang corpus.Lang, asked corpus.Date) answer.Answer {
	a := e.newAnswer(lang)
	al := &e.data.Alliance
	if f := al.Founded; !f.Date.IsZero() && within(f.Date, asked) {
		a.cite(f.Cite)
		a.say("events.in_isa_was_founded", f.Date.Format(lang))
	}
	if c := al.FoundingConference; !c.Date.IsZero() && within(c.Date, asked) {
		a.cite(c.Cite)
		a.say("events.on_isa_founding_conference_took", c.Date.Format(lang), c.Place.In(lang))
	}
	if p := al.Proposed; !p.Date.IsZero() && within(p.Date, asked) {
		a.cite(p.Cite)
		a.say("events.on_alliance_was_proposed_in", p.Date.Format(lang), p.Place.In(lang), list(lang, e.cityNames(p.Cities, lang)))
	}
	assembly := false
	for _, as := range al.Assemblies {
		if heldWithin(as, asked) {
			assembly = true
			e.sayAssembly(a, as, true)
		}
	}
	if !assembly {
		// An assembly's note names whom it admitted; without one, say it.
		joined := e.membersOf(lang, func(c *corpus.City) bool { return within(c.Joined, asked) })
		byDate := map[corpus.Date][]*corpus.City{}
		for _, c := range joined {
			if c.JoinedCite != nil {
				a.cite(*c.JoinedCite)
			}
			byDate[c.Joined] = append(byDate[c.Joined], c)
		}
		dates := slices.Collect(maps.Keys(byDate))
		slices.SortFunc(dates, func(x, y corpus.Date) int { return x.Time().Compare(y.Time()) })
		for _, d := range dates {
			a.say("events.joined", onDate(lang, d), list(lang, memberNames(byDate[d], lang)))
		}
	}
	for i := range e.data.Releases {
		if r := &e.data.Releases[i]; within(corpus.DateOf(r.Date), asked) {
			a.addSource(releaseSource(r))
			a.say("events.press_release", r.Title, corpus.DateOf(r.Date).Format(lang))
		}
	}
	if len(a.parts) == 0 {
		a.say("events.sources_name_no_event_of", forDate(lang, asked))
		return a.declined(answer.KindNone)
	}
	return a.done(answer.KindEvents, confidenceFact)
}

// assemblies answers about the plenary assemblies: one by its number, the
// ones of a year, the latest, or all that the sources date.
// assemblyQuery is what a question picks assemblies by: their numbers,
// the cities that hosted them, a date or years; or the next or the
// newest.
type assemblyQuery struct {
	numbers      []int
	cities       []*corpus.City
	date         corpus.Date
	years        []int
	next, newest bool
	// day is whether the very day is asked for: an assembly known to the
	// month does not answer it.
	day bool
}

func (e *Engine) assemblies(lang corpus.Lang, asked assemblyQuery) (answer.Answer, bool) {
	a := e.newAnswer(lang)
	all := e.data.Alliance.Assemblies
	// A question may pick assemblies by number, place, date or year, or
	// several of them; none says so when the sources know no such one.
	var keeps []func(corpus.Assembly) bool
	var nones []string
	if len(asked.numbers) > 0 {
		keeps = append(keeps, func(as corpus.Assembly) bool { return slices.Contains(asked.numbers, as.Number) })
		nones = append(nones, msg(lang, "assemblies.nothing_for_number", ordinalArg(lang, asked.numbers[0])))
	}
	if len(asked.cities) > 0 {
		// "Did Taizhou host a plenary assembly?"
		keeps = append(keeps, func(as corpus.Assembly) bool {
			return slices.ContainsFunc(asked.cities, func(c *corpus.City) bool { return heldIn(as, c) })
		})
		nones = append(nones, msg(lang, "assemblies.according_to_sources_no_plenary", cityNameWithLocal(asked.cities[0], lang)))
	}
	switch {
	case !asked.date.IsZero():
		keeps = append(keeps, func(as corpus.Assembly) bool { return heldWithin(as, asked.date) })
		nones = append(nones, msg(lang, "assemblies.none_for_date", forDate(lang, asked.date)))
	case len(asked.years) > 0:
		keeps = append(keeps, func(as corpus.Assembly) bool { return slices.Contains(asked.years, as.Date.Year) })
		nones = append(nones, msg(lang, "assemblies.none_for_year", asked.years[0]))
	}
	keep := func(as corpus.Assembly) bool {
		return !slices.ContainsFunc(keeps, func(k func(corpus.Assembly) bool) bool { return !k(as) })
	}
	var pick []corpus.Assembly
	switch {
	case len(keeps) > 0:
		pick = slices.DeleteFunc(slices.Clone(all), func(as corpus.Assembly) bool { return !keep(as) })
		if len(pick) == 0 {
			// Say what matches nothing on its own, or that nothing
			// matches all of it.
			none := msg(lang, "assemblies.no_plenary_assembly_in_sources")
			for i, k := range keeps {
				if !slices.ContainsFunc(all, k) {
					none = nones[i]
					break
				}
			}
			a.parts = append(a.parts, none)
			e.sayAssemblyRange(a, all)
			return a.declined(answer.KindAssembly), true
		}
	case asked.next && e.nextAssembly(all) != nil:
		next := e.nextAssembly(all)
		a.cite(next.Cite)
		a.say("assemblies.next_plenary_assembly_sources_name", ordinalArg(lang, next.Number), whenAndWhere(lang, *next))
		if n := next.Note[lang]; n != "" {
			a.parts = append(a.parts, n)
		}
		return a.done(answer.KindAssembly, confidenceFact), true
	case asked.next && len(all) > 0:
		last := latestAssembly(all)
		a.cite(last.Cite)
		a.say("assemblies.no_next", ordinalArg(lang, last.Number), last.Date.Format(lang), last.Place.In(lang))
		return a.declined(answer.KindAssembly), true
	case asked.newest && len(all) > 0:
		pick = append(pick, e.latestHeldAssembly(all))
	default:
		pick = all
	}
	if len(pick) == 0 {
		return e.notAnswered(lang), true
	}
	if asked.day && len(pick) == 1 && !pick[0].Date.IsZero() && pick[0].Date.Day == 0 {
		// "第十七届全体大会具体哪一天开幕？" of one announced for April.
		a.cite(pick[0].Cite)
		a.say("assemblies.day_not_given", ordinalArg(lang, pick[0].Number), pick[0].Date.Format(lang))
		return a.declined(answer.KindAssembly), true
	}
	for _, as := range pick {
		e.sayAssembly(a, as, len(pick) <= 2)
	}
	if len(pick) == len(all) {
		e.sayAssemblyRange(a, all)
	}
	return a.done(answer.KindAssembly, confidenceFact), true
}

// datedNote answers when something happened that an assembly's note
// tells, in any language: the assembly whose note holds every word, or a
// glossary word of the same meaning ("go live" is "opened"), with its
// date, place and note.
func (e *Engine) datedNote(lang corpus.Lang, words []string) (answer.Answer, bool) {
	if len(words) == 0 {
		return answer.Answer{}, false
	}
	var best *corpus.Assembly
	for i := range e.data.Alliance.Assemblies {
		as := &e.data.Alliance.Assemblies[i]
		note := fold(strings.Join(textValues(as.Note), " "))
		if !slices.ContainsFunc(words, func(w string) bool { return !e.noteHas(note, w) }) {
			best = as
			break
		}
	}
	if best == nil {
		return answer.Answer{}, false
	}
	a := e.newAnswer(lang)
	e.sayAssembly(a, *best, true)
	return a.done(answer.KindAssembly, confidenceFact), true
}

// noteHas reports whether a folded note holds word or a glossary word of
// its meaning, in any language.
func (e *Engine) noteHas(note, word string) bool {
	if strings.Contains(note, fold(word)) {
		return true
	}
	for _, l := range corpus.Langs() {
		for _, t := range e.translator.translations(word, l) {
			if strings.Contains(note, fold(t)) {
				return true
			}
		}
	}
	return false
}

// sayAssembly says when and where an assembly was, and with note what
// its source says of it.
func (e *Engine) sayAssembly(a *answerer, as corpus.Assembly, note bool) {
	a.cite(as.Cite)
	a.say("sayAssembly.plenary_assembly", ordinalArg(a.lang, as.Number), whenAndWhere(a.lang, as))
	if !note {
		return
	}
	// The cities it admitted, as far as their join dates say (on one of
	// its days: "effective 20 May" of an assembly of 19 and 20 May),
	// unless its note names them.
	admitted := e.membersOf(a.lang, func(c *corpus.City) bool {
		return as.Date.Day != 0 && c.JoinedCite != nil && c.Joined.Day != 0 && heldWithin(as, c.Joined)
	})
	noted := func(c *corpus.City) bool {
		names := slices.Concat([]string{c.Name}, textValues(c.Names), c.Aliases)
		for _, p := range c.Parts {
			names = append(names, textValues(p)...)
		}
		return slices.ContainsFunc(names, func(n string) bool { return strings.Contains(as.Note[a.lang], n) })
	}
	if len(admitted) > 0 && !slices.ContainsFunc(admitted, func(c *corpus.City) bool { return !noted(c) }) {
		admitted = nil
	}
	if len(admitted) > 0 {
		a.say("sayAssembly.admitted", list(a.lang, memberNames(admitted, a.lang)))
	}
	// What it decided, as its release says it, in the asker's language
	// if it says it in theirs.
	switch n := as.Note[a.lang]; {
	case n != "":
		a.parts = append(a.parts, n)
	case len(as.Note) > 0:
		for _, l := range corpus.Langs() {
			if n := as.Note[l]; n != "" {
				a.say("sayAssembly.decided_in_language", languageName(a.lang, l), n)
				break
			}
		}
	}
}

// whenAndWhere says an assembly's date and place, as far as known.
func whenAndWhere(lang corpus.Lang, as corpus.Assembly) string {
	var parts []string
	if !as.Date.IsZero() {
		parts = append(parts, as.Date.FormatDays(as.LastDay, lang))
	}
	if p := as.Place.In(lang); p != "" {
		parts = append(parts, p)
	}
	s := strings.Join(parts, msg(lang, "common.comma"))
	if !as.Planned.IsZero() {
		s += msg(lang, "whenAndWhere.first_planned", as.Planned.Format(lang))
	}
	return s
}

// nextAssembly is the assembly the sources date after today, the earliest
// such, or nil: one announced for a year is still to come in that year.
func (e *Engine) nextAssembly(all []corpus.Assembly) *corpus.Assembly {
	today := corpus.DateOf(e.now())
	var next *corpus.Assembly
	for i := range all {
		as := &all[i]
		if !as.Date.IsZero() && compareCoarse(as.Date, today) >= 0 && (next == nil || as.Number < next.Number) {
			next = as
		}
	}
	return next
}

// latestHeldAssembly is the newest assembly dated before today, or the
// newest at all.
func (e *Engine) latestHeldAssembly(all []corpus.Assembly) corpus.Assembly {
	today := corpus.DateOf(e.now())
	held := slices.DeleteFunc(slices.Clone(all), func(as corpus.Assembly) bool { return compareCoarse(as.Date, today) >= 0 })
	if len(held) == 0 {
		return latestAssembly(all)
	}
	return latestAssembly(held)
}

// heldWithin reports whether an assembly met on a day of the date asked
// for: "am 25. April 2017" finds the one of 24–25 April 2017.
func heldWithin(as corpus.Assembly, asked corpus.Date) bool {
	if within(as.Date, asked) {
		return true
	}
	days := asked.Day != 0 && !as.LastDay.IsZero()
	return days && !asked.Time().Before(as.Date.Time()) && !as.LastDay.Time().Before(asked.Time())
}

// heldIn reports whether an assembly took place in the city c.
func heldIn(as corpus.Assembly, c *corpus.City) bool {
	names := namesOfCity(c)
	return slices.ContainsFunc(textValues(as.Place), func(place string) bool {
		return slices.ContainsFunc(names, func(n string) bool { return strings.Contains(fold(place), fold(n)) })
	})
}

func latestAssembly(all []corpus.Assembly) corpus.Assembly {
	return slices.MaxFunc(all, func(x, y corpus.Assembly) int { return cmp.Compare(x.Date.Time().Unix(), y.Date.Time().Unix()) })
}

func (e *Engine) sayAssemblyRange(a *answerer, all []corpus.Assembly) {
	if len(all) == 0 {
		return
	}
	var nums []string
	for _, as := range all {
		nums = append(nums, strconv.Itoa(as.Number))
	}
	a.say("sayAssemblyRange.sources_date_assemblies_no_they", strings.Join(nums, ", "))
}

// latestReleases lists the newest releases.
func (e *Engine) latestReleases(lang corpus.Lang) answer.Answer {
	a := e.newAnswer(lang)
	latest := e.latest(3)
	if len(latest) == 0 {
		return e.notAnswered(lang)
	}
	a.say("latestReleases.isa_latest_press_releases")
	for _, r := range latest {
		a.addSource(releaseSource(r))
		a.parts = append(a.parts, "\n"+msg(lang, "releases.item", r.Title, r.Place, corpus.DateOf(r.Date).Format(lang)))
	}
	return a.done(answer.KindReleases, confidenceFact)
}

// quoted answers who is quoted in the releases: the people of the data
// named in a paragraph with a quotation, for the three newest releases
// that quote anyone, and what they are.
func (e *Engine) quoted(lang corpus.Lang) (answer.Answer, bool) {
	a := e.newAnswer(lang)
	var people []*corpus.Person
	for i, n := len(e.data.Releases)-1, 0; i >= 0 && n < 3; i-- {
		r := e.full(&e.data.Releases[i])
		var names []string
		for j := range e.data.Alliance.People {
			p := &e.data.Alliance.People[j]
			if slices.ContainsFunc(r.Body, func(par string) bool { return strings.Contains(par, p.Name) && quotes(par) }) {
				names = append(names, p.Name)
				if !slices.Contains(people, p) {
					people = append(people, p)
				}
			}
		}
		if len(names) == 0 {
			continue
		}
		n++
		a.addSource(releaseSource(r))
		a.say("quoted.press_release_of_quotes", r.Title, corpus.DateOf(r.Date).Format(lang), list(lang, names))
	}
	for _, p := range people {
		a.say("common.name_details_as_of", personName(p, lang), personRole(p, lang), a.cite(p.Cite))
	}
	if len(people) == 0 {
		return answer.Answer{}, false
	}
	return a.done(answer.KindPerson, confidenceFact), true
}

// quotes reports whether a paragraph holds a quotation.
func quotes(paragraph string) bool {
	return strings.ContainsFunc(paragraph, isQuotationMark)
}

func isQuotationMark(r rune) bool { return unicode.Is(unicode.Quotation_Mark, r) }

// releasesOn answers what the releases of the days asked say (a day, a
// month, "last week"): each one's title and the start of its news text.
func (e *Engine) releasesOn(lang corpus.Lang, asked period) answer.Answer {
	a := e.newAnswer(lang)
	for i := range e.data.Releases {
		r := &e.data.Releases[i]
		if !asked.holds(corpus.DateOf(r.Date)) {
			continue
		}
		r = e.full(r)
		a.addSource(releaseSource(r))
		lead := ""
		if len(r.Body) > 0 {
			sentences := splitSentences(r.Body[0])
			lead = strings.Join(sentences[:min(2, len(sentences))], " ")
		}
		a.parts = append(a.parts, fromRelease(lang, r, []string{lead}))
	}
	if len(a.parts) == 0 {
		a.say("releasesOn.sources_hold_no_press_release", asked.forDays(lang))
		return a.declined(answer.KindReleases)
	}
	return a.done(answer.KindReleases, confidenceFact)
}

// latest returns up to n releases, newest first.
func (e *Engine) latest(n int) []*corpus.Release {
	rs := e.data.Releases
	out := make([]*corpus.Release, 0, min(n, len(rs)))
	for i := len(rs) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, &rs[i])
	}
	return out
}

func releaseSource(r *corpus.Release) answer.Source {
	return answer.Source{Title: r.Title, Date: corpus.DateOf(r.Date), Ref: cmp.Or(r.URL, r.ID), URL: r.URL}
}

// names gives the alliance's names; short are the abbreviations the
// question asks about ("What does SGICA stand for?").
func (e *Engine) names(lang corpus.Lang, short []string) answer.Answer {
	a := e.newAnswer(lang)
	label := map[corpus.Lang]string{
		corpus.German:  msg(lang, "names.in_german"),
		corpus.English: msg(lang, "names.in_english"),
		corpus.Chinese: msg(lang, "names.in_chinese"),
	}
	// "What does SGICA stand for?" asks for one name first.
	for _, n := range e.data.Alliance.Names {
		if n.Variant && n.Short != "" && slices.Contains(short, n.Short) {
			a.say("names.stands_for", n.Short, n.Name, a.cite(n.Cite))
		}
	}
	var official, variants []string
	for _, n := range e.data.Alliance.Names {
		a.cite(n.Cite)
		name := n.Name
		if n.Short != "" {
			name += " (" + n.Short + ")"
		}
		if n.Variant {
			variants = append(variants, name)
			continue
		}
		official = append(official, msg(lang, "names.in_language", label[n.Lang], name))
	}
	a.say("names.alliance_is_called", list(lang, official))
	if len(variants) > 0 {
		a.say("names.other_forms_in_sources", strings.Join(variants, "; "))
	}
	return a.done(answer.KindNames, confidenceFact)
}

// about describes the alliance: its numbers from the data, its purpose in
// the words of the newest release's "about" section.
func (e *Engine) about(lang corpus.Lang) answer.Answer {
	a := e.newAnswer(lang)
	if latest, agree, ok := e.latestCount(); ok {
		for _, c := range agree {
			a.cite(c.Cite)
		}
		a.say("about.chinese_german_industrial_cities_alliance", latest.Total, latest.Germany, latest.Länder, latest.China, latest.Provinces, asOf(lang, latest.AsOf))
	}
	if f := e.data.Alliance.Founded; !f.Date.IsZero() {
		a.cite(f.Cite)
		a.say("about.it_was_founded_in", f.Date.Format(lang))
	}
	for _, r := range e.latest(1) {
		for _, p := range e.full(r).About {
			if strings.Contains(p, "Ziel") || strings.Contains(p, "aim") || strings.Contains(p, "目标") {
				a.addSource(releaseSource(r))
				a.say("about.from_its_self_description_in", p, languageName(lang, r.Lang))
				break
			}
		}
	}
	return a.done(answer.KindAbout, confidenceFact)
}

func languageName(reader, lang corpus.Lang) string {
	switch lang {
	case corpus.English:
		return msg(reader, "languageName.in_english")
	case corpus.Chinese:
		return msg(reader, "languageName.in_chinese")
	}
	return msg(reader, "languageName.in_german")
}

// help says what the engine can answer; greeting adds a hello. It states
// no fact, so it does not count as answered.
func (e *Engine) help(lang corpus.Lang, greeting bool) answer.Answer {
	a := e.newAnswer(lang)
	if greeting {
		a.say("help.hello")
	}
	a.say("help.i_answer_questions_about_chinese")
	help := a.done(answer.KindHelp, 0)
	help.Answered = false
	return help
}

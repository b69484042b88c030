package search

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
)

// merge makes what the engine knows of the data files' facts and of
// those learned from the releases. Each learned fact is cited with its
// release; by subject, the newest wins: the current contact is the
// newest release's, the latest count the newest, a city a release says
// joined is a member from then on, one it says left a former member, and
// one it says applied has applied, a guest it says became a full member
// is one.
// The data files' own entries are kept, so an answer can say what was
// true before.
func merge(base *corpus.Data, byRelease map[string]*learned) *corpus.Data {
	d := *base
	d.Cities = slices.Clone(base.Cities)
	d.Sources = slices.Clone(base.Sources)
	d.Alliance.Offices = slices.Clone(base.Alliance.Offices)
	d.Alliance.Counts = slices.Clone(base.Alliance.Counts)
	d.Alliance.Assemblies = slices.Clone(base.Alliance.Assemblies)
	d.Alliance.People = slices.Clone(base.Alliance.People)
	d.Alliance.Programmes = slices.Clone(base.Alliance.Programmes)
	m := merger{data: &d, sourceOf: map[string]string{}, learnedCity: map[int]bool{}, baseCounts: base.Alliance.Counts, baseAssemblies: base.Alliance.Assemblies}
	for _, s := range base.Sources {
		if s.Release != "" {
			m.sourceOf[s.Release] = s.ID
		}
	}
	// A Chinese name a release gives a city names it from then on, if
	// the data give it none (merger.gloss, after the releases' facts).
	var placeGlosses []nameGloss
	// Oldest first, so that a newer release's fact replaces an older one.
	for _, k := range learnedInOrder(byRelease) {
		if k.empty() {
			continue
		}
		cite := m.cite(k.release)
		if k.contact != nil {
			o := *k.contact
			o.Cite = cite
			m.office(o)
		}
		if k.count != nil {
			c := *k.count
			c.Cite = cite
			m.count(c)
		}
		for _, j := range k.memberships {
			switch j.change {
			case joins:
				m.join(j, cite)
			case leaves:
				m.leave(j, cite)
			case applies:
				m.apply(j, cite)
			case suspends:
				m.suspend(j, cite)
			case becomesFull:
				m.fullMember(j, cite)
			}
		}
		for _, as := range k.assemblies {
			as.Cite = cite
			m.assembly(as)
		}
		for _, p := range k.people {
			p.Cite = cite
			m.person(p)
		}
		for _, g := range k.glosses {
			if g.Programme {
				m.programme(g, cite)
			} else {
				placeGlosses = append(placeGlosses, g)
			}
		}
	}
	// The shortest first, for a longer one may hold words before the
	// name (原则上同意多特蒙德).
	slices.SortStableFunc(placeGlosses, func(a, b nameGloss) int {
		return cmp.Compare(utf8.RuneCountInString(a.Chinese), utf8.RuneCountInString(b.Chinese))
	})
	for _, g := range placeGlosses {
		m.gloss(g)
	}
	markCurrent(d.Alliance.Offices)
	return &d
}

// programme adds the programme g names in both scripts, unless a
// release named it so before.
func (m *merger) programme(g nameGloss, cite corpus.Cite) {
	p := &m.data.Alliance.Programmes
	if !slices.ContainsFunc(*p, func(x corpus.Programme) bool { return x.Chinese == g.Chinese && x.Latin == g.Latin }) {
		*p = append(*p, corpus.Programme{Chinese: g.Chinese, Latin: g.Latin, Cite: cite})
	}
}

// gloss gives the city of the data that g's Latin name names g's Chinese
// name, unless it has one; another Chinese name than its own, about as
// long, is one of its aliases (a release may write 爱森纳赫 for the 埃森纳赫
// of a gazetteer), unless it ends in one it has: 威斯特法伦州博特罗普 is
// Bottrop's 博特罗普 after words of the sentence.
func (m *merger) gloss(g nameGloss) {
	named := &corpus.City{Name: g.Latin}
	for i := range m.data.Cities {
		c := &m.data.Cities[i]
		own := c.Names[corpus.Chinese]
		known := func(name string) bool { return name != "" && strings.HasSuffix(g.Chinese, name) }
		if !sameCity(c, named) || known(own) || slices.ContainsFunc(c.Aliases, known) {
			continue
		}
		if own != "" {
			// Another writing of the name is about as long: 爱森纳赫 of
			// 埃森纳赫, not 联盟主席团原则上同意耶纳 of 耶拿.
			if abs(utf8.RuneCountInString(g.Chinese)-utf8.RuneCountInString(own)) <= 1 {
				c.Aliases = append(slices.Clip(c.Aliases), g.Chinese) // the data files' slice stays as it is
			}
			continue
		}
		names := maps.Clone(c.Names) // the data files' map stays as it is
		if names == nil {
			names = corpus.Text{}
		}
		names[corpus.Chinese] = g.Chinese
		c.Names = names
	}
}

// learnedInOrder lists what was learned, oldest release first.
func learnedInOrder(byRelease map[string]*learned) []*learned {
	out := make([]*learned, 0, len(byRelease))
	for _, k := range byRelease {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b *learned) int {
		return cmp.Or(a.release.Date.Compare(b.release.Date), strings.Compare(a.release.ID, b.release.ID))
	})
	return out
}

type merger struct {
	data *corpus.Data
	// sourceOf is the source of the data files that is a release, by the
	// release's ID: a release cited by both is one source.
	sourceOf map[string]string
	// learnedCity marks the cities that releases made members.
	learnedCity map[int]bool
	// baseCounts are the data files' counts, which come first.
	baseCounts []corpus.Count
	// baseAssemblies are the data files' assemblies, whose order a
	// release's numbers must keep.
	baseAssemblies []corpus.Assembly
}

// cite is the citation of a fact learned from r, adding r to the sources
// if the data files do not have it.
func (m *merger) cite(r *corpus.Release) corpus.Cite {
	id, ok := m.sourceOf[r.ID]
	if !ok {
		id = r.ID
		m.sourceOf[r.ID] = id
		m.data.Sources = append(m.data.Sources, corpus.Source{ID: id, Title: r.Title, URL: r.URL, Date: corpus.DateOf(r.Date), Release: r.ID})
	}
	return corpus.Cite{Source: id, AsOf: corpus.DateOf(r.Date)}
}

// office merges a contact block with the office it repeats (the same
// e-mail, or the same organisation and person): the newer one's details
// win. Its Since is the day the newest source that says one says, else
// the first time it was seen (SinceSeen). Another office is added.
func (m *merger) office(o corpus.Office) {
	offices := m.data.Alliance.Offices
	i := slices.IndexFunc(offices, func(x corpus.Office) bool {
		return x.Kind == o.Kind && (x.Email != "" && strings.EqualFold(x.Email, o.Email) ||
			x.Organisation == o.Organisation && x.Person == o.Person)
	})
	if o.Since.IsZero() {
		o.Since, o.SinceSeen = o.AsOf, true
	}
	if i < 0 {
		m.data.Alliance.Offices = append(offices, o)
		return
	}
	x := &offices[i]
	if !x.AsOf.Before(o.AsOf) {
		return // the data files say as much, as of then
	}
	since, seen := x.Since, x.SinceSeen
	switch {
	case !samePerson(o.Person, x.Person):
		// Another person at the same address: theirs is a start of its
		// own, not the one before them.
		since, seen = o.Since, o.SinceSeen
	case !o.SinceSeen:
		since, seen = o.Since, false // the day the newer source says, over any said or seen before
	case !since.IsZero() && !seen:
		// A day a source said stays: the newer release only saw the
		// office.
	default:
		// Seen only: the first time it was.
		since, seen = cmpDate(cmp.Or(since, x.AsOf), o.Since), true
	}
	merged := o
	merged.Role = cmpText(x.Role, o.Role)
	merged.PersonRole = cmpText(o.PersonRole, x.PersonRole)
	merged.City = cmp.Or(o.City, x.City)
	if len(merged.Address) == 0 {
		merged.Address = x.Address
	}
	merged.Fax = cmp.Or(o.Fax, x.Fax)
	if samePerson(o.Person, x.Person) {
		merged.Mobile = cmp.Or(o.Mobile, x.Mobile) // a person's own number
	}
	merged.Website = cmp.Or(o.Website, x.Website)
	merged.Since, merged.SinceSeen = since, seen
	*x = merged
}

// samePerson reports whether two contact blocks name the same person: by
// the same name, with or without its other script in brackets, or in
// Chinese characters and in pinyin (邝晓彤, Kuang Xiaotong).
func samePerson(a, b string) bool {
	// "赵敏（Zhao Min）" is 赵敏.
	a, b = withoutAlias(a), withoutAlias(b)
	if a == b {
		return true
	}
	han, latin := a, b
	if strings.IndexFunc(han, isHan) < 0 {
		han, latin = b, a
	}
	pinyin := strings.ToLower(strings.ReplaceAll(latin, " ", ""))
	return strings.IndexFunc(latin, isHan) < 0 && isRomanisable(pinyin) && readsAs(han, pinyin)
}

// earlier reports whether d is before known, or the same time told more
// exactly ("12 May 2025" is earlier than "May 2025" says).
func earlier(d, known corpus.Date) bool {
	if c := compareCoarse(d, known); c != 0 {
		return c < 0
	}
	return moreExact(d, known)
}

// cmpDate returns the earlier of two dates, ignoring a zero one.
func cmpDate(a, b corpus.Date) corpus.Date {
	if a.IsZero() || !b.IsZero() && b.Before(a) {
		return b
	}
	return a
}

// cmpText returns a, or b when a is empty.
func cmpText(a, b corpus.Text) corpus.Text {
	if len(a) > 0 {
		return a
	}
	return b
}

// count adds a count a release gives; one that the last count learned
// gives too, in a run of releases that repeat their about section, moves
// that count's date on instead: the figure is known as of the newer.
func (m *merger) count(c corpus.Count) {
	counts := m.data.Alliance.Counts
	if n := len(counts); n > len(m.baseCounts) {
		last := &counts[n-1]
		if last.Total == c.Total && last.Germany == c.Germany && last.China == c.China && last.Länder == c.Länder && last.Provinces == c.Provinces {
			*last = c
			return
		}
	}
	m.data.Alliance.Counts = append(counts, c)
}

// markCurrent marks the newest office of each kind as current.
func markCurrent(offices []corpus.Office) {
	newest := map[string]int{}
	for i, o := range offices {
		j, ok := newest[o.Kind]
		if !ok || offices[j].AsOf.Before(o.AsOf) {
			newest[o.Kind] = i
		}
	}
	for i := range offices {
		offices[i].Current = newest[offices[i].Kind] == i
	}
}

// join makes a city a member from when a release says it joined. A
// member of the data files stays as they say, as does a non-member they
// say is none as of a later date; a city several releases name keeps the
// earliest date.
func (m *merger) join(j learnedMembership, cite corpus.Cite) {
	cities := m.data.Cities
	i := m.cityIndex(&j.city)
	if i < 0 {
		c := j.city
		c.Status, c.Cite, c.Joined, c.JoinedCite = corpus.StatusMember, cite, j.when, &cite
		m.data.Cities = append(cities, c)
		m.learnedCity[len(m.data.Cities)-1] = true
		return
	}
	c := &cities[i]
	switch {
	case m.learnedCity[i]:
		if earlier(j.when, c.Joined) {
			c.Joined, c.JoinedCite = j.when, &cite
		}
		mergeNames(c, &j.city)
	case !c.IsMember() && c.AsOf.Before(cite.AsOf):
		// A data file that says otherwise as of a later date wins.
		c.Status, c.Cite, c.Joined, c.JoinedCite = corpus.StatusMember, cite, j.when, &cite
		m.learnedCity[i] = true
	}
}

// fullMember makes the member with guest status j names a full member
// from when the release says, unless a data file says otherwise as of a
// later date. When it joined stays what the data say.
func (m *merger) fullMember(j learnedMembership, cite corpus.Cite) {
	i := m.cityIndex(&j.city)
	if i < 0 {
		return
	}
	if c := &m.data.Cities[i]; c.Status == corpus.StatusGuest && c.AsOf.Before(cite.AsOf) {
		c.Status, c.Cite, c.FullMember, c.FullMemberCite = corpus.StatusMember, cite, j.when, &cite
	}
}

// leave makes the member j names a former member, unless a data file
// says it is a member as of a later date. One that leaves on a date
// still to come when the release says so stays a member, with the date
// it leaves (sayMembership).
func (m *merger) leave(j learnedMembership, cite corpus.Cite) {
	i := m.cityIndex(&j.city)
	if i < 0 {
		return
	}
	c := &m.data.Cities[i]
	if !c.IsMember() || cite.AsOf.Before(c.AsOf) {
		return
	}
	c.Left, c.LeftCite = j.when, &cite
	if compareCoarse(j.when, cite.AsOf) <= 0 {
		c.Status, c.Cite = corpus.StatusFormer, cite
		delete(m.learnedCity, i)
	}
}

// suspend notes that the membership of the member j names rests, from and
// until when the release says.
func (m *merger) suspend(j learnedMembership, cite corpus.Cite) {
	i := m.cityIndex(&j.city)
	if i < 0 || !m.data.Cities[i].IsMember() {
		return
	}
	c := &m.data.Cities[i]
	c.Suspended, c.SuspendedUntil, c.SuspendedCite = j.when, j.until, &cite
}

// apply notes that the city j names has applied to join, as of the
// release, unless it is a member; a city the data files do not name is
// added as no member, so that answers can say it applied.
func (m *merger) apply(j learnedMembership, cite corpus.Cite) {
	i := m.cityIndex(&j.city)
	if i < 0 {
		c := j.city
		c.Status, c.Cite, c.Applied, c.AppliedCite = corpus.StatusNone, cite, j.when, &cite
		m.data.Cities = append(m.data.Cities, c)
		return
	}
	if c := &m.data.Cities[i]; !c.IsMember() {
		c.Applied, c.AppliedCite = j.when, &cite
	}
}

// cityIndex is the index of the city of the merged data that shares a
// name with c, or -1.
func (m *merger) cityIndex(c *corpus.City) int {
	return slices.IndexFunc(m.data.Cities, func(x corpus.City) bool { return sameCity(&x, c) })
}

// sameCity reports whether two cities share a name in any script.
func sameCity(a, b *corpus.City) bool {
	names := func(c *corpus.City) []string {
		out := []string{fold(c.Name)}
		for _, n := range slices.Concat(textValues(c.Names), c.Aliases) {
			out = append(out, fold(n))
		}
		return out
	}
	bs := names(b)
	return slices.ContainsFunc(names(a), func(n string) bool { return slices.Contains(bs, n) })
}

// mergeNames adds b's names and what is known of its place to a.
func mergeNames(a, b *corpus.City) {
	a.Names = maps.Clone(a.Names) // another release's learned city keeps its own
	if a.Names == nil {
		a.Names = corpus.Text{}
	}
	for l, n := range b.Names {
		if a.Names[l] == "" {
			a.Names[l] = n
		}
	}
	a.Country = cmp.Or(a.Country, b.Country)
	a.Region = cmp.Or(a.Region, b.Region)
}

// assembly merges what a release says of a plenary assembly with what is
// known: a newer release's date wins unless it says less ("im Herbst
// 2026" keeps "19. November 2026"), its place fills what is missing.
func (m *merger) assembly(as corpus.Assembly) {
	all := m.data.Alliance.Assemblies
	i := slices.IndexFunc(all, func(x corpus.Assembly) bool { return x.Number == as.Number })
	if outOfOrder(m.baseAssemblies, as) {
		return
	}
	if i < 0 {
		m.data.Alliance.Assemblies = append(all, as)
		return
	}
	x := &all[i]
	if !x.AsOf.Before(as.AsOf) {
		return
	}
	changed := false
	switch {
	case moved(as.Date, x.Date):
		if x.Planned.IsZero() {
			x.Planned = x.Date // the date first planned, through every move
		}
		x.Date, x.LastDay, changed = as.Date, as.LastDay, true
	case moreExact(as.Date, x.Date):
		x.Date, x.LastDay, changed = as.Date, as.LastDay, true
	case as.Date == x.Date && x.LastDay.IsZero() && !as.LastDay.IsZero():
		x.LastDay, changed = as.LastDay, true
	}
	for l, p := range as.Place {
		if x.Place[l] == "" {
			x.Place = maps.Clone(x.Place) // the data files' map stays as it is
			if x.Place == nil {
				x.Place = corpus.Text{}
			}
			x.Place[l], changed = p, true
		}
	}
	if len(x.Note) == 0 && len(as.Note) > 0 {
		x.Note, changed = as.Note, true
	}
	if changed {
		x.Cite = as.Cite
	}
}

// outOfOrder reports whether a release dates an assembly before one of a
// lower number in the data files, or after one of a higher: the alliance
// numbers its assemblies as it holds them, so the number was someone
// else's count ("Ihre erste Plenarversammlung wird die neue
// Mitgliedsstadt im Mai 2033 besuchen" is no 1st assembly, nor moves it).
func outOfOrder(known []corpus.Assembly, as corpus.Assembly) bool {
	return !as.Date.IsZero() && slices.ContainsFunc(known, func(x corpus.Assembly) bool {
		if x.Date.IsZero() {
			return false
		}
		c := compareCoarse(as.Date, x.Date)
		return x.Number < as.Number && c < 0 || x.Number > as.Number && c > 0
	})
}

// suffixRole reports whether role ends in the shorter role other, and is
// not its deputy: "联盟秘书处秘书长" is a 秘书长, "联盟秘书处副秘书长" is not.
func suffixRole(role, other string) bool {
	head, ok := strings.CutSuffix(role, other)
	if !ok {
		return false
	}
	return !embeddedLanguage().cues.deputy.endsIn(head)
}

// moved reports whether a newer source's date for an assembly says
// otherwise than the known one, rather than saying less or more of it:
// June 2027 moves April 2027, and 23 May moves 18 May, but 2027 does
// not, nor does 16 October move 15 October (an assembly may last two
// days or three, and sources name any of them).
func moved(d, known corpus.Date) bool {
	const movedDays = 3
	switch {
	case d.IsZero() || known.IsZero():
		return false
	case d.Year != known.Year:
		return true
	case d.Month == 0 || known.Month == 0:
		return false
	case d.Month != known.Month:
		return true
	}
	return d.Day != 0 && known.Day != 0 && abs(d.Day-known.Day) >= movedDays
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// person adds someone a release names with a role, unless the data
// already know them, who then take the release's forms of the name.
func (m *merger) person(p corpus.Person) {
	if i := slices.IndexFunc(m.data.Alliance.People, func(x corpus.Person) bool {
		return x.Name == p.Name || slices.Contains(x.Aliases, p.Name) || slices.Contains(p.Aliases, x.Name)
	}); i >= 0 {
		// Known: the release may give another form of the name (刘毅
		// for Liu Yi), by which questions find them too.
		x := &m.data.Alliance.People[i]
		for _, alias := range p.Aliases {
			if alias != x.Name && !slices.Contains(x.Aliases, alias) {
				x.Aliases = append(slices.Clip(x.Aliases), alias) // the data files' slice stays as it is
			}
		}
		switch other := otherRole(x.Role, p.Role); {
		case other && !p.Since.IsZero() && x.AsOf.Before(p.AsOf):
			// A role of another's they take from a day: "Deputy
			// Secretary-General Rong Qiang will serve as acting
			// Secretary-General" from 1 March.
			p.Aliases, p.Name = x.Aliases, x.Name
			m.succeed(&p)
			*x = p
		case !other:
			// The same role, maybe in another language (秘书长 for the
			// Secretary-General): its words, and since when, if the
			// release says.
			for lang, r := range p.Role {
				if x.Role[lang] == "" {
					x.Role = maps.Clone(x.Role) // the data files' map stays as it is
					x.Role[lang] = r
				}
			}
			if x.Since.IsZero() {
				x.Since = p.Since
				m.tookOverOn(x.Name, p.Since)
			}
		}
		return
	}
	m.succeed(&p)
	m.data.Alliance.People = append(m.data.Alliance.People, p)
}

// succeed makes p the successor of the holder of p's role, if another
// holds it: a newer holder of a role the data give someone in more
// languages takes those words for it: 谭静怡, 副秘书长 from 2026, is the
// Deputy Secretary-General that Rong Qiang was as of 2022, and succeeds
// him.
func (m *merger) succeed(p *corpus.Person) {
	for i := range m.data.Alliance.People {
		x := &m.data.Alliance.People[i]
		if x.Name != p.Name && x.Successor == "" && succeeds(x.Role, p.Role) && x.AsOf.Before(p.AsOf) {
			if !saysMore(p.Role, x.Role) {
				role := maps.Clone(x.Role)
				maps.Copy(role, p.Role)
				p.Role = role
			}
			x.Successor, x.Until = p.Name, p.AsOf
			if !p.Since.IsZero() {
				x.Until = p.Since // the day the successor took over
			}
			return
		}
	}
}

// succeeds reports whether who holds role takes over the role before:
// the same role, and for a role every city has, the same city's: a bare
// "Oberbürgermeister" of Dortmund does not succeed the one of Rostock,
// nor "Oberbürgermeisterin von Kaiserslautern" the one of Aachen.
func succeeds(before, role corpus.Text) bool {
	if !cityRole(before) && !cityRole(role) {
		return sameRole(before, role)
	}
	for lang, r := range role {
		if b := before[lang]; b != "" && saysWhose(r) && strings.EqualFold(inMasculine(b), inMasculine(r)) {
			return true
		}
	}
	return false
}

// saysWhose reports whether a role says whose it is: "Oberbürgermeister
// von Aachen", 威海市副市长; not "Oberbürgermeister", 副市长.
func saysWhose(role string) bool {
	if strings.IndexFunc(role, isHan) >= 0 {
		return !slices.Contains(embeddedLanguage().cues.role.chinese, role)
	}
	return roleHead(role) != role
}

// cityRole reports whether a role, in any of its languages, is one every
// city has.
func cityRole(role corpus.Text) bool {
	words := &embeddedLanguage().cues.cityRoles
	for _, r := range role {
		head := roleHead(r)
		if words.inText(head) {
			return true
		}
	}
	return false
}

// otherRole reports whether two roles are given in a language they share
// and are not the same, or only in languages apart and only one is a
// deputy's.
func otherRole(a, b corpus.Text) bool {
	shared := false
	for lang := range a {
		if a[lang] != "" && b[lang] != "" {
			shared = true
		}
	}
	if !shared {
		// In languages apart, a deputy's role is not the role itself:
		// "Generalsekretärin" is not the 副秘书长 someone was.
		return deputys(a) != deputys(b)
	}
	return !sameRole(a, b)
}

// deputys reports whether a role, in any of its languages, is a deputy's.
func deputys(role corpus.Text) bool {
	deputy := &embeddedLanguage().cues.deputy
	for _, r := range role {
		if deputy.inText(roleHead(r)) {
			return true
		}
	}
	return false
}

// saysMore reports whether a role says more than the same role other,
// in a language both are given in: "acting Secretary-General" is not all
// that "Generalsekretär" says, and takes no words of it.
func saysMore(role, other corpus.Text) bool {
	for lang, r := range role {
		if o, ok := other[lang]; ok && !strings.EqualFold(roleHead(r), roleHead(o)) && suffixRole(roleHead(r), roleHead(o)) {
			return true
		}
	}
	return false
}

// tookOverOn dates the succession of whom a release names as the
// successor once it says since when they hold the role: "Su Huimin …
// takes office in August" and later "将于2033年8月1日正式就任".
func (m *merger) tookOverOn(successor string, since corpus.Date) {
	if since.IsZero() {
		return
	}
	for i := range m.data.Alliance.People {
		if x := &m.data.Alliance.People[i]; x.Successor == successor {
			x.Until = since
		}
	}
}

// sameRole reports whether two roles, each in some languages, are the
// same in a language they share: equal, or the one ending in the other
// (联盟秘书处副秘书长 and 副秘书长), or the one with whose it is after it
// the other ("Deputy Secretary-General of the ISA secretariat" is a
// "Deputy Secretary-General"; "Secretary-General of the ISA secretariat"
// is the role of an "acting Secretary-General").
func sameRole(a, b corpus.Text) bool {
	for lang, ra := range a {
		rb, ok := b[lang]
		if !ok || ra == "" || rb == "" {
			continue
		}
		if lang == corpus.German {
			ra, rb = inMasculine(ra), inMasculine(rb)
		}
		if sameRoleText(ra, rb) || sameRoleText(roleHead(ra), rb) || sameRoleText(ra, roleHead(rb)) {
			return true
		}
	}
	return false
}

// inMasculine is a German role with its head in the masculine form and
// without umlauts, to compare roles by: "Generalsekretärin des
// ISA-Sekretariats" holds the role "Generalsekretär des ISA-Sekretariats",
// "Landrätin" the "Landrat".
func inMasculine(role string) string {
	head := roleHead(role)
	if stem, ok := strings.CutSuffix(head, "in"); ok && utf8.RuneCountInString(stem) >= minMasculineRunes {
		role = stem + role[len(head):]
	}
	return withoutUmlauts.Replace(role)
}

// withoutUmlauts writes German umlauts as their vowels.
var withoutUmlauts = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "Ä", "A", "Ö", "O", "Ü", "U")

// minMasculineRunes is the shortest role left by cutting its feminine
// ending: "Leiter" of "Leiterin".
const minMasculineRunes = 5

// sameRoleText reports whether two roles are equal, or the one ends in
// the other and is no deputy's.
func sameRoleText(a, b string) bool {
	return strings.EqualFold(a, b) || suffixRole(a, b) || suffixRole(b, a)
}

// roleHead is a role without whose it is: "Deputy Secretary-General of the
// ISA secretariat" is a "Deputy Secretary-General", "stellvertretender
// Generalsekretär des ISA-Sekretariats" a "stellvertretender
// Generalsekretär". A role that says nothing of whose is its own head.
func roleHead(role string) string {
	head := role
	for _, p := range []string{" of ", " for ", " in ", " des ", " der ", " für ", " von ", " vom "} {
		if i := strings.Index(head, p); i > 0 {
			head = head[:i] // the first: "Generalsekretärin des ISA-Sekretariats in Foshan"
		}
	}
	return head
}

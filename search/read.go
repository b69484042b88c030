package search

import (
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
)

// The first stage of answering: a question's text becomes a question,
// what it names and asks for. The stages after it (route.go) decide from
// that alone.

// question is a question after reading: its language, the concepts it
// names, the cities, regions and people it mentions, its numbers, and the
// units nothing explained.
type question struct {
	text   string
	lang   corpus.Lang
	units  []unit
	has    [numConcepts]bool
	cities []cityMention
	// modifiers are the cities that begin a compound ("Deyang-Delegation"):
	// they give a search context, as a name does, but are not asked about.
	modifiers []cityMention
	// misspeltCities are the members a word names with a typo, which
	// the question does not ask about as members ("Nürnbeg"): unknown
	// words, searched for as the city too.
	misspeltCities []cityMention
	regions        []*corpus.Region
	people         []*corpus.Person
	years          []int
	numbers        []int // ordinals and other small numbers
	unknown        []unit
	// content are the units that say what is asked about: all but stop
	// words and the words for "who" and the alliance.
	content []unit
	// dates are the dates the question names, to the month or day, and
	// the months before and after the day asked that it names ("letzten
	// Monat"); the years of the first are in years too.
	dates []corpus.Date
	// periods are the days of its dates, and of the periods it names by
	// their distance from the day it is asked ("last week"), whose
	// months are in dates.
	periods []period
	// months are the months it names alone, without a day or a year,
	// where it names them.
	months []dateSpan
	// guessed are the units read as a keyword or name with a typo.
	guessed []unit
	// memberWords are the indexes in units of the last unit of each word
	// for membership ("Mitglied", "member"); contactWords of each for a
	// contact or a contact detail ("Ansprechpartner", "address").
	memberWords, contactWords []int
	// memberish is whether it asks about membership: being a member,
	// joining, founding members, guest status.
	memberish bool
	// asksNow is whether it asks how things stand today: "noch", "still",
	// "heute", "现在".
	asksNow bool
	// asksFuture is whether it asks what will be: "Will Munich join?".
	asksFuture bool
	// asksMost is whether it asks which has the most members: "die
	// meisten Mitglieder", 成员城市最多.
	asksMost bool
	// namesStates and namesProvinces are whether it names the regions
	// of Germany ("Bundesland") or of China (省).
	namesStates, namesProvinces bool
	// asksDay is whether it asks for the very day: "具体哪一天", "an
	// welchem Tag genau", "the exact date"; asksYear for the year alone
	// ("In welchem Jahr …?"), asksTotal for a whole sum or count
	// ("Gesamtbudget", 一共), asksPlaceKind for a kind of place ("In
	// welcher Halle …?").
	asksDay, asksYear, asksTotal, asksPlaceKind bool
	// asksShare is whether it asks for a number as a share of a whole:
	// "What share of the money …?", 多大比例, a percentage or a fraction;
	// asksDuration whether it asks how long ("Wie lange …?", 多久).
	asksShare, asksDuration bool
	// asksTwoOrMore is whether it asks which two or more ("哪两座城市",
	// "which three cities"): no one city answers.
	asksTwoOrMore bool
	// asksWhether is whether it is to be answered yes or no: it begins
	// with a question verb ("Ist …", "Is …"), or says so in Chinese (吗).
	asksWhether bool
	// namesContactPerson is whether it names the contact person by role:
	// "der neue Pressesprecher", 新任发言人.
	namesContactPerson bool
	// citiesOnlyWhere is whether the cities it names only say where an
	// assembly met (onlyWhere).
	citiesOnlyWhere bool
	// contactPerson is a contact person of an office, named in no role of
	// the data, whom the question names ("Is Miriam Osterkamp still the
	// press contact?"), and contactKind the kind of that office; or "".
	contactPerson, contactKind string
	// before is the question of the message before this one, whose
	// subject a short one may share: "这个展览总共花多少钱？谁出钱？".
	before *question
	// sharesSubject is whether it continues the sentence of the question
	// before, whose subject is its own too: "Wie heißt die neue
	// Webinarreihe, und wann startet sie?".
	sharesSubject bool
	// asksSuccessor is whether it asks who followed someone: "Wer ist
	// Nachfolger von Liu Yi?", "谁接替了刘毅？"; asksEarlier whether it asks
	// what someone did before: "Was hat sie vorher gemacht?".
	asksSuccessor, asksEarlier bool
	// asksWhat is whether it asks for something other than whether or
	// when: "What did Baoji's vice mayor say?"; asksKind whether it asks
	// what kind of thing something is: "Was für ein Mitglied ist Aachen?".
	asksWhat, asksKind bool
	// memberOrdinal is the ordinal it gives that counts members, not
	// assemblies: the 41 of "the 41st full member", 第41个成员; or 0.
	memberOrdinal int
	// asksAllianceAge is whether it asks how old the alliance is: "Wie
	// alt ist die ISA?", 联盟有多少年历史？
	asksAllianceAge bool
	// namesProgramme says the question names a programme or a project
	// that a release names in both scripts ("蓝环", "BlueLoop"): it asks
	// about that, which the releases say, not about the alliance.
	namesProgramme bool
	// countsOther is whether what it asks the number of is not the
	// members (Engine.countsOther): "How many entries …?", "Wie viele
	// Leute kamen?", 做了几年.
	countsOther bool
	// countsTwice is whether it asks "how many" twice: "Wie viele
	// Mitglieder hat die ISA, und wie viele davon sind chinesische
	// Städte?" asks for all of them and one side.
	countsTwice bool
	// countryAsked is the country of the cities it asks for, if it
	// names one (askedCountry): "Which Chinese cities …?".
	countryAsked string
	// roles are the words for a role no keyword explains ("mayor",
	// "Bürgermeister", "市长"): someone's, maybe not the alliance's.
	roles []unit
	// expects is the kind of fact it asks for: a date, a place, a person,
	// a number, an amount, or any text.
	expects answerType
	// alsoExpects is a second kind of fact it asks for, if any: "wann und
	// wo".
	alsoExpects answerType
	// subjectWords are the words that say what it is about, as typed:
	// keywords of a subject ("Portal", "门户网站") and unknown words.
	subjectWords []string
	// begun are the words that a keyword only begins ("beitritt*" of
	// "Beitrittsurkunde"), which may say more than the keyword (ownHead).
	begun []unit
}

type cityMention struct {
	city  *corpus.City
	typed string // the words of the question that named it
	units []unit
	fuzzy bool
	weak  bool // a city of the gazetteer, whose name may be a word
}

// read analyses a cleaned question: the dates first, which are read as
// one ("1. April 2019" is no ordinal, and the 月 of "2019年10月" no city),
// then the dictionary's keywords and names, then what is left: numbers
// and the words nothing explained.
func (e *Engine) read(text string, lang corpus.Lang) *question {
	q := &question{text: text, lang: lang, units: segment(text)}
	r := reading{q: q, covered: make([]bool, len(q.units)), filler: make([]bool, len(q.units)), ordinal: make([]bool, len(q.units))}
	dated := findDates(text)
	r.spans = dated
	for _, d := range dated {
		q.dates = append(q.dates, d.date)
		q.years = append(q.years, d.date.Year)
		q.periods = append(q.periods, periodOf(d.date))
	}
	e.readPeriods(&r)
	// A day without a year ("am 15. Mai", 5月15日) is that day of any
	// year: a day, not a word of the subject ("Mai" is no 可以).
	for _, d := range yearlessSpans(text, dated) {
		r.spans = append(r.spans, d)
		q.periods = append(q.periods, periodOf(d.date))
	}
	// A month alone ("im April") is of no year the question says: no
	// period. It stays a word of the question, for the rules, but the
	// releases are searched for it in every language (monthWords).
	q.months = yearlessMonths(text, q.units, r.spans)
	for i, u := range q.units {
		if inSpan(u.start, r.spans) {
			r.covered[i], r.filler[i] = true, true
		}
	}
	compound := -1 // the unit after a city that begins a compound
	// The language the question is written in, which may not be the
	// answer's (lang): a keyword of another language means nothing here
	// (the German stop word "Stand" is the English "stand"), unless the
	// language is not sure.
	written, sure := DetectLang(text)
	if !sure {
		written = ""
	}
	matches := e.dict.find(q.units)
	for n, m := range matches {
		if m.senses = slices.DeleteFunc(slices.Clone(m.senses), func(s sense) bool { return !s.ofLanguage(written) }); len(m.senses) == 0 {
			continue
		}
		// A brand's name ("SmartGrind") is no typo of a keyword, nor is a
		// compound of known words ("Städtepartnerschaft") of a keyword
		// other than a name ("Industriestädteallianz", "Kelsterbak"), nor
		// a word of the dictionaries of a keyword's beginning ("Stadtrat"
		// of "start*") or of another keyword ("Smart" of "start"), nor a
		// headword of a place's name ("Menschen" of München).
		place := slices.ContainsFunc(m.senses, func(s sense) bool { return s.city != nil || s.region != nil })
		named := place || slices.ContainsFunc(m.senses, func(s sense) bool { return s.concept == cAlliance })
		brand := m.fuzzy && slices.ContainsFunc(q.units[m.from:m.to], func(u unit) bool {
			return camelCase(u.raw) || !named && (e.isCompound(u) || (m.prefix || e.otherWord(u, m)) && e.isWord(u) || e.namesGazetteerCity(u)) ||
				place && e.isHeadword(u)
		})
		switch {
		case modifiesCompound(q, m):
			compound = m.to // "Huzhou-Erklärung": neither Huzhou nor a statement
			r.modifier(m)
		case m.from == compound, brand, inSpan(q.units[m.from].start, r.spans), e.partOfWord(q.units, m, matches),
			e.partOfHyphenedWord(q.text, q.units, m):
		default:
			r.match(n, m)
		}
	}
	// "Tritt Köln der ISA bei?", "Wann nahm die ISA Baoji als Mitglied
	// auf?", "Tritt Bottrop aus der ISA aus?": a German verb whose
	// particle closes the question asks about joining or leaving.
	switch cues, l := e.learner.cues, e.learner; {
	case l.particleVerb(q.units, &cues.joinParticleVerbs, &cues.joinParticles):
		r.particleVerb(&cues.joinParticleVerbs, cJoin)
	case l.admits(q.text, q.units):
		r.particleVerb(&cues.admitParticleVerbs, cJoin)
	case l.particleVerb(q.units, &cues.joinParticleVerbs, &cues.leaveParticles):
		r.particleVerb(&cues.joinParticleVerbs, cFormer)
	case l.particleVerb(q.units, &cues.negations, &cues.noLongerParticles):
		// "Seit wann ist Bottrop kein Mitglied mehr?"
		r.q.has[cFormer] = true
	}
	r.rest()
	e.peopleBySound(q)
	e.gazetteerCities(q)
	q.preferCities()
	q.memberish = anyOf(q.has, cMember, cJoin, cFoundingMember, cGuest)
	q.asksNow = e.message.nowWords.in(q.text, q.units)
	q.asksFuture = e.message.asksFuture.in(q.text, q.units)
	q.asksMost = e.asksMostMembers(q)
	q.namesStates = e.message.stateWords.in(q.text, q.units)
	q.namesProvinces = e.message.provinceWords.in(q.text, q.units)
	q.asksDay = e.message.asksDay.in(q.text, q.units)
	q.asksWhether = e.message.asksWhether(q)
	q.namesContactPerson = e.message.contactPersonRoles.in(q.text, q.units)
	q.contactPerson, q.contactKind = e.contactNamed(q)
	q.asksYear = e.message.asksYear.in(q.text, q.units)
	q.asksTotal = e.learner.cues.totals.in(q.text, q.units)
	q.asksShare = e.message.asksShare.in(q.text, q.units)
	q.asksDuration = e.message.asksDuration.in(q.text, q.units)
	q.asksTwoOrMore = e.message.asksTwoOrMore.in(q.text, q.units)
	q.asksPlaceKind = e.message.asksPlaceKind.in(q.text, q.units)
	q.asksSuccessor = e.message.asksSuccessor.in(q.text, q.units)
	if q.asksSuccessor && anyOf(q.has, cSecretariat, cCoordinator, cAssembly) && !q.has[cContact] && len(q.people) == 0 {
		// "Wer war der Vorgänger des Generalsekretärs?": the word for the
		// predecessor asks what the answer from the data says (whom the
		// holder followed, the last assembly held), no subject of a
		// release's. The press contact's answer names no predecessor.
		q.unknown = slices.DeleteFunc(q.unknown, inCues(q, &e.message.asksSuccessor))
	}
	q.asksEarlier = e.message.asksEarlier.in(q.text, q.units) || e.beforeSomeone(q)
	q.asksWhat = e.message.asksWhat.in(q.text, q.units)
	q.asksKind = e.message.asksKind.in(q.text, q.units)
	q.memberOrdinal = e.ordinalOfMember(q)
	q.keepRealCities()
	q.citiesOnlyWhere = e.onlyWhere(q)
	q.roles = e.rolesIn(q)
	asked := e.askedWords(q)
	q.expects = e.expected(q, asked)
	q.alsoExpects = alsoExpected(q, asked)
	q.countsOther = e.countsOther(q, matches)
	q.asksAllianceAge = e.asksAllianceAge(q)
	q.namesProgramme = e.namesProgramme(q)
	e.readMembershipYears(q)
	q.countsTwice = len(e.message.asksNumber.spans(q.text, q.units)) > 1
	q.countryAsked = askedCountry(q, matches)
	return q
}

// namesProgramme reports whether a question names a programme a release
// gives in both scripts (Engine.programmes): its Chinese name, or its
// Latin one among the words nothing else explained.
func (e *Engine) namesProgramme(q *question) bool {
	for name := range e.programmes {
		if strings.ContainsFunc(name, isHan) {
			if strings.Contains(q.text, name) {
				return true
			}
		} else if slices.ContainsFunc(q.unknown, func(u unit) bool { return strings.EqualFold(u.raw, name) }) {
			return true
		}
	}
	return false
}

// contactNamed is the contact person of the newest office the question
// names by name, among the words nothing else explained, and the kind of
// that office: by their whole name, or a surname long enough to name
// them alone, in Latin letters or in Chinese characters for its sound.
func (e *Engine) contactNamed(q *question) (person, kind string) {
	if len(q.people) > 0 || len(q.unknown) == 0 {
		return "", ""
	}
	sounds := e.soundRuns(q)
	for o := range e.contactPeople() {
		surname, alone := surnameOf(&corpus.Person{Name: o.Person})
		if strings.Contains(q.text, o.Person) || alone && slices.ContainsFunc(q.unknown, func(u unit) bool { return u.raw == surname }) ||
			alone && writesBySound(q.text, sounds, surname) {
			return o.Person, o.Kind
		}
	}
	return "", ""
}

// contactPeople are the offices that name a contact person, now or
// before: the German office's first, then the secretariat's, each as
// offices orders them.
func (e *Engine) contactPeople() iter.Seq[*corpus.Office] {
	return func(yield func(*corpus.Office) bool) {
		for _, kind := range []string{corpus.OfficeGerman, corpus.OfficeSecretariat} {
			for _, o := range e.offices(kind) {
				if o.Person != "" && !yield(o) {
					return
				}
			}
		}
	}
}

// countsOther reports whether what q asks the number of, by its cues for
// a number, is not the members: a Latin word nothing explained ("How many
// entries …?", "Wie viele Firmen …?"), a word for people ("Wie viele
// Leute kamen?"), or a Chinese measure word that is what it counts (做了几年,
// 多少人), unless another of its cues counts the members ("Wie viele
// Mitglieder hat die ISA, und wie viele Leute arbeiten im Sekretariat?");
// cities may be others' ("How many entries, and from how many cities?").
func (e *Engine) countsOther(q *question, matches []match) bool {
	if q.expects != aNumber && q.alsoExpects != aNumber {
		return false
	}
	means := func(i int, concepts ...concept) bool {
		return slices.ContainsFunc(matches, func(m match) bool {
			return m.from <= i && i < m.to && slices.ContainsFunc(concepts, m.means)
		})
	}
	var members, other bool
	count := func(i int) {
		switch {
		case means(i, countedMembers...):
			members = true
		case q.isUnknown(q.units[i]) || means(i, cPerson) || means(i, cStop) && plural(q.units[i]):
			// A plural noun the stop words hold is counted too: "How
			// many journalists …?"
			other = true
		}
	}
	for _, span := range countedUnits(q, &e.message.asksNumber) {
		count(span[1])
	}
	for _, span := range e.message.asksNumber.spans(q.text, q.units) {
		after := q.text[span[1]:]
		if r, _ := utf8.DecodeRuneInString(after); !isHan(r) {
			// 会员费是多少？: what comes before 是多少 is counted.
			if i := e.countedBeforeCue(q, span[0]); i >= 0 && strings.Trim(after, "?？!！。. ") == "" {
				count(i)
			}
			continue
		}
		if e.learner.cues.nounMeasureWords.index(after, nil) == 0 {
			other = true
			continue
		}
		i := slices.IndexFunc(q.units, func(u unit) bool { return u.start == span[1] })
		if i < 0 {
			continue
		}
		if e.learner.cues.measureWords.index(after, nil) == 0 {
			i++ // 多少个城市: the cities
		}
		if i < len(q.units) {
			count(i)
		}
	}
	return other && !members
}

// asksAllianceAge reports whether a question asks how old the alliance
// is today, and takes the words that ask it from its unknown words: "Wie
// alt ist die ISA?", "How many years has the ISA existed?", "Wie lange
// gibt es die ISA schon?", 联盟有多少年历史？. It
// names the alliance and nothing else, and no year: not "Wie alt ist
// Friedhelm Ost?", nor "Wie alt ist die Ansprechpartnerin der ISA?", nor
// 全体大会有几年历史？, nor "Wie alt wird die ISA 2030?". Its only words
// the data do not explain are those asking it.
func (e *Engine) asksAllianceAge(q *question) bool {
	if !q.has[cAlliance] || len(q.people) > 0 || len(q.cities) > 0 || len(q.years) > 0 || len(q.dates) > 0 {
		return false
	}
	for c, has := range q.has {
		if has && !slices.Contains(allianceAgeConcepts, concept(c)) {
			return false
		}
	}
	m := e.message
	asking := inCues(q, &m.asksAge, &m.asksYears, &m.asksDuration, &m.historyWords)
	if slices.ContainsFunc(q.unknown, func(u unit) bool { return !asking(u) }) ||
		!(q.expects == anAge || m.asksYears.in(q.text, q.units) || q.asksDuration || m.historyWords.in(q.text, q.units)) {
		return false
	}
	// The words that ask it are understood, no subject of a release's.
	q.unknown = slices.DeleteFunc(q.unknown, asking)
	return true
}

// readPeriods reads the periods a question names by their distance from
// the day it is asked ("letzten Monat", "next week", 上个月): their days,
// and, for the month before or after, that month as a date the question
// names ("this month" is now, as for a count of members). Their words are
// read as a date's, not as keywords ("nächsten" of "nächsten Monat" asks
// for no next assembly). Their years are not years it names: a release
// need not say the year of "next week", nor be of it ("Wie wird das
// Wetter nächste Woche?" of a release on a festival week). "This year"
// is a year it names: "die diesjährige Hannover Messe" is not the fair
// of the founding.
func (e *Engine) readPeriods(r *reading) {
	q := r.q
	for i := range e.message.relativePeriods {
		p := &e.message.relativePeriods[i]
		for _, s := range p.words.spans(q.text, q.units) {
			if e.periodOfOtherDay(q, s) {
				continue
			}
			r.spans = append(r.spans, dateSpan{start: s[0], end: s[1]})
			days, month := p.around(e.now())
			if slices.Contains(q.periods, days) {
				continue
			}
			q.periods = append(q.periods, days)
			if p.offset != 0 && !month.IsZero() {
				q.dates = append(q.dates, month)
			}
		}
	}
	e.readAgo(r)
	if e.message.thisYearAges.in(q.text, q.units) {
		return
	}
	for _, s := range e.message.thisYear.spans(q.text, q.units) {
		if e.periodOfOtherDay(q, s) {
			continue
		}
		r.spans = append(r.spans, dateSpan{start: s[0], end: s[1]})
		if year := e.now().Year(); !slices.Contains(q.years, year) {
			q.years = append(q.years, year)
		}
	}
}

// readAgo reads the months and weeks a question names by how long
// before the day asked they were: "vor zwei Monaten" is the month two
// before this one, "three weeks ago" the week three before this one, as
// "letzten Monat" is the month one before. Not "less than two months
// ago", "bis vor zwei Monaten", which name no one month (agoQualifiers),
// nor the 前 of 前往 ("go to").
func (e *Engine) readAgo(r *reading) {
	q, m := r.q, e.message
	for i := 0; i < len(q.units); i++ {
		n, width, ok := e.countAt(q.units, i)
		if !ok {
			continue
		}
		at := i
		i += width - 1 // a Chinese numeral's characters are one number: 十二
		if n < 1 || n > maxAgo || at+width >= len(q.units) || at > 0 && m.agoQualifiers.endsIn(q.text[:q.units[at].start]) {
			continue
		}
		length, after := month, cueEnd(&m.monthUnits, q.text, q.units, at+width)
		if after == 0 {
			length, after = week, cueEnd(&m.weekUnits, q.text, q.units, at+width)
		}
		start, end := q.units[at].start, after
		switch {
		case after == 0:
			continue
		case at > 0 && m.agoBefore.at(q.units, at-1) > 0:
			start = q.units[at-1].start
			if at > 1 && m.agoQualifiers.endsIn(q.text[:start]) {
				continue
			}
		default:
			k := slices.IndexFunc(q.units, func(u unit) bool { return u.start >= after })
			if k < 0 || slices.ContainsFunc(m.agoBreakers.chinese, func(w string) bool { return strings.HasPrefix(q.text[q.units[k].start:], w) }) {
				continue
			}
			if end = cueEnd(&m.agoAfter, q.text, q.units, k); end == 0 {
				continue
			}
		}
		days, date := (&relativePeriod{unit: length, offset: -n}).around(e.now())
		r.spans = append(r.spans, dateSpan{start: start, end: end})
		if !slices.Contains(q.periods, days) {
			q.periods = append(q.periods, days)
			if !date.IsZero() {
				q.dates = append(q.dates, date)
			}
		}
	}
}

// maxAgo bounds the months or weeks ago a question may name: a century's
// months.
const maxAgo = 1200

// countAt reads a number of things at unit i: digits, a number word
// ("zwei", "three", and for one "a", "einem": ago_one) or a Chinese
// numeral (两); width is how many units it takes.
func (e *Engine) countAt(units []unit, i int) (n, width int, ok bool) {
	u := units[i]
	switch {
	case u.han:
		return numberOf(units, i)
	case cardinalWords[u.key] > 0:
		return cardinalWords[u.key], 1, true
	case e.message.agoOne.at(units, i) > 0:
		return 1, 1, true
	}
	n, err := strconv.Atoi(u.key)
	return n, 1, err == nil
}

// cueEnd is where a cue of l that begins at unit i ends in text, in
// bytes, or 0 if none begins there.
func cueEnd(l *cueList, text string, units []unit, i int) int {
	if n := l.at(units, i); n > 0 && !units[i].han {
		return endOf(units[i+n-1])
	}
	end := 0
	for _, w := range l.chinese {
		if strings.HasPrefix(text[units[i].start:], w) {
			end = max(end, units[i].start+len(w))
		}
	}
	return end
}

// periodOfOtherDay reports whether the words of a relative period at
// span s name no period of the day asked: they count it from another
// day ("the last week of July", "the week after next week", 下下周), or
// they are part of a longer Chinese word (the 下月 of 以下月份, the 上周 of
// 线上周年庆, the 本周 of 日本周边).
func (e *Engine) periodOfOtherDay(q *question, s [2]int) bool {
	m := e.message
	before, _ := utf8.DecodeLastRuneInString(q.text[:s[0]])
	first, _ := utf8.DecodeRuneInString(q.text[s[0]:])
	if isHan(first) {
		last, _ := utf8.DecodeLastRuneInString(q.text[:s[1]])
		return isHan(before) && (before == first || e.isChineseWord(string(before)+string(first))) ||
			slices.ContainsFunc(m.periodBreakers.chinese, func(w string) bool { return strings.HasPrefix(string(last)+q.text[s[1]:], w) })
	}
	for i, u := range q.units {
		if u.start == s[0] && i > 0 && m.periodFrom.at(q.units, i-1) == 1 {
			return true
		}
		if u.start >= s[1] {
			return m.periodOf.at(q.units, i) > 0
		}
	}
	return false
}

// readMembershipYears reads "How many years has Cologne been a member?",
// "Seit wie vielen Jahren ist Köln Mitglied?" and 科隆加入联盟多少年了？ as
// asking since when the city is one: the day it joined answers, not the
// member count the words for "how many" would give.
func (e *Engine) readMembershipYears(q *question) {
	m := e.message
	// Not how long it was a guest before, which a release's text says.
	if !q.memberish || len(q.cities) == 0 || anyOf(q.has, cAssembly, cGuest, cFormer) || !m.asksYears.in(q.text, q.units) && !q.asksDuration {
		return
	}
	asking := inCues(q, &m.asksYears, &m.asksDuration)
	// Words of its own beyond those ask more than that.
	if slices.ContainsFunc(q.unknown, func(u unit) bool { return !asking(u) }) {
		return
	}
	q.unknown = nil
	q.has[cCount], q.has[cWhen] = false, true
	q.expects, q.alsoExpects, q.countsOther = aDate, anyText, false
}

// inCues is whether a unit of q stands in a cue of one of lists: the
// words that ask what the question asks, which no release need hold.
func inCues(q *question, lists ...*cueList) func(unit) bool {
	var spans [][2]int
	for _, l := range lists {
		spans = append(spans, l.spans(q.text, q.units)...)
	}
	return func(u unit) bool {
		return slices.ContainsFunc(spans, func(s [2]int) bool { return u.start >= s[0] && u.start < s[1] })
	}
}

// allianceAgeConcepts are the concepts a question for the alliance's age
// may have.
var allianceAgeConcepts = []concept{cAlliance, cFounding, cStop, cCount, cWhen}

// countedBeforeCue is the Chinese character a question's cue for a
// number at byte start asks the value of, past the verb between them
// and a word for a number: the 费 of 会员费是多少, the 员 of 会员数是多少 and
// of 会员的数目有多少; -1 if none.
func (e *Engine) countedBeforeCue(q *question, start int) int {
	before := strings.TrimRightFunc(q.text[:start], func(r rune) bool { return strings.ContainsRune("是为有共一总约大概", r) })
	if rest, ok := cutChineseSuffix(&e.message.countHeads, before); ok {
		before = strings.TrimSuffix(rest, "的")
	}
	r, size := utf8.DecodeLastRuneInString(before)
	if !isHan(r) {
		return -1
	}
	return slices.IndexFunc(q.units, func(u unit) bool { return u.start == len(before)-size })
}

// countedMembers are the concepts of words that, counted, count the
// members.
var countedMembers = []concept{cMember, cFoundingMember, cGuest}

// namesGazetteerCity reports whether a capitalised word is, as typed, the
// name of a city of the gazetteer: "Zittau" is no typo of "Zitat".
func (e *Engine) namesGazetteerCity(u unit) bool {
	if u.han || !u.capital {
		return false
	}
	e.warmDictionaries()
	return slices.ContainsFunc(e.gazetteer().lookup(u.raw, segment(u.raw), nil), func(p foundPlace) bool {
		return p.start == 0 && p.end == len(u.raw)
	})
}

// isCompound reports whether a long Latin word is a German compound: a
// word of the dictionaries makes up half of it or more.
func (e *Engine) isCompound(u unit) bool {
	n := utf8.RuneCountInString(u.raw)
	if u.han || n < 12 { // "vertreten" holds "treten", and is a word of its own
		return false
	}
	return slices.ContainsFunc(compoundSpans(e.index.analyze(corpus.German, u.raw)), func(t term) bool { return 2*(t.end-t.start) >= n })
}

// ownHead returns the last word of a German compound when it is a word
// of the dictionaries that no keyword is: "Urkunde" of
// "Beitrittsurkunde", not "Städte" of "Mitgliedsstädte" nor "Kosten" of
// "Beitrittskosten".
func (e *Engine) ownHead(u unit) (string, bool) {
	if u.han {
		return "", false
	}
	parts := compoundSpans(e.index.analyze(corpus.German, u.raw))
	if len(parts) < 2 {
		return "", false
	}
	// The analyser folds the word before it finds its parts ("ß" is
	// "ss", "ue" is "u"), so the part's place in it is not the head's in
	// the word as typed: the head is the shortest ending that the
	// analyser reads as the part, within a part's length of the end. It
	// must be a word of the dictionaries of its own: "Egelung" of
	// "Nachfolgeregelung", cut after the keyword's "nachfolger", is none.
	part := parts[len(parts)-1].text
	letters := []rune(u.raw)
	for i := len(letters) - 1; i > max(0, len(letters)-maxCompoundPart-3); i-- {
		terms := e.index.analyze(corpus.German, string(letters[i:]))
		if len(terms) == 0 || terms[0].text != part {
			continue
		}
		head := unit{raw: string(unicode.ToUpper(letters[i])) + string(letters[i+1:])}
		return head.raw, e.isHeadword(head) && len(e.dict.find(segment(head.raw))) == 0
	}
	return "", false
}

// otherWord reports whether a word read as a keyword with a typo is
// another word than the keyword, not a form of it: a keyword other than a
// stop word, with another stem in German and in English. "Smart" is no
// "start", "verliehen" no "verblieben", but "erreiche" is "erreichen";
// a word read as a stop word only loses nothing ("think" as "thank").
func (e *Engine) otherWord(u unit, m match) bool {
	if onlyStop(m.senses) {
		return false
	}
	stem := func(lang corpus.Lang, w string) string {
		return strings.Join(searchTerms(e.index.analyze(lang, w)), " ")
	}
	return !slices.ContainsFunc([]corpus.Lang{corpus.German, corpus.English}, func(l corpus.Lang) bool {
		return stem(l, u.raw) == stem(l, m.keyword)
	})
}

// isWord reports whether the bilingual dictionaries know a Latin unit as
// a German or English word of its own: "Stadtrat" begins with no typo of
// "start*".
func (e *Engine) isWord(u unit) bool {
	if u.han || utf8.RuneCountInString(u.raw) < 5 {
		return false
	}
	dict := e.bilingual()
	return len(dict.Translate(u.raw, corpus.German, corpus.English)) > 0 || len(dict.Translate(u.raw, corpus.English, corpus.German)) > 0
}

// isHeadword reports whether the bilingual dictionaries list a Latin unit,
// or a form of it, as a German or English word: "Menschen", not
// "Kelsterbak".
func (e *Engine) isHeadword(u unit) bool {
	dict := e.bilingual()
	return !u.han && (dict.Headword(u.raw, corpus.German) || dict.Headword(u.raw, corpus.English))
}

// modifiesCompound reports whether a city's name begins a German compound
// written with a hyphen: the "Huzhou-Erklärung" is a declaration, no
// question about Huzhou.
func modifiesCompound(q *question, m match) bool {
	if !slices.ContainsFunc(m.senses, func(s sense) bool { return s.city != nil }) {
		return false
	}
	rest, ok := strings.CutPrefix(q.text[endOf(q.units[m.to-1]):], "-")
	r, _ := utf8.DecodeRuneInString(rest)
	return ok && unicode.IsUpper(r)
}

// partOfWord reports whether a keyword that is one Chinese character is
// part of a longer word of the bilingual dictionary: one standing for a
// year or for China with the character before or after it (the 年 of
// 青年营 is no year, the 中 of 会议中心 no China); a measure word that is
// a stop word with the character before it, which no keyword covers and
// which does not determine it (measure_determiners): the 家 of 厂家 or
// 搬家 is no measure word, the 家 of 哪家 and the 届 of 首届 are. Not the
// particles 是, 在, 的, which end words as often as they follow them
// (议会是, 安排在). A keyword guessed from a typo is part of a word when
// its first or last character is.
func (e *Engine) partOfWord(units []unit, m match, matches []match) bool {
	if !units[m.from].han {
		return false
	}
	word := func(from, to int) bool {
		if from < 0 || to > len(units) || !units[from].han || !units[to-1].han || units[to-1].start != endOf(units[from]) {
			return false
		}
		return e.isChineseWord(units[from].key + units[to-1].key)
	}
	if m.fuzzy {
		// A typo guessed across a word is none: the 经系 of 已经系统地
		// is no 惊喜 (surprise).
		return word(m.from-1, m.from+1) || word(m.to-1, m.to+1)
	}
	if m.to-m.from != 1 {
		return false
	}
	cues := e.learner.cues
	switch {
	case m.means(cWhen) || m.means(cChina):
		return word(m.from-1, m.to) || word(m.from, m.to+1)
	case m.means(cStop) && slices.Contains(cues.measureWords.chinese, units[m.from].key) && m.from > 0:
		before := units[m.from-1]
		return !slices.Contains(cues.measureDeterminers.chinese, before.key) &&
			!slices.ContainsFunc(matches, func(o match) bool { return o.from <= m.from-1 && m.from-1 < o.to }) &&
			word(m.from-1, m.to)
	}
	return false
}

// partOfHyphenedWord reports whether a Latin keyword is part of a word
// written with a hyphen that the dictionaries know as a word of its own:
// the "start" of "start-ups" is no start. "ISA-Büro" is no such word.
func (e *Engine) partOfHyphenedWord(text string, units []unit, m match) bool {
	if units[m.from].han {
		return false
	}
	start, end := units[m.from].start, endOf(units[m.to-1])
	wordRune := func(r rune) bool { return r == '-' || unicode.IsLetter(r) }
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !wordRune(r) {
			break
		}
		start -= size
	}
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !wordRune(r) {
			break
		}
		end += size
	}
	word := strings.Trim(text[start:end], "-")
	if !strings.Contains(word, "-") || word == text[units[m.from].start:endOf(units[m.to-1])] {
		return false // no hyphen, or the keyword is the whole word ("secretary-general")
	}
	return e.bilingual().Headword(word, corpus.English) || e.bilingual().Headword(word, corpus.German)
}

// reading is a question being read: which of its units a keyword or name
// covers, which carry no meaning, which are an ordinal.
type reading struct {
	q                        *question
	spans                    []dateSpan
	covered, filler, ordinal []bool
}

// match reads the n-th dictionary match m.
func (r *reading) match(n int, m match) {
	q := r.q
	if m.fuzzy {
		// A greeting is no greeting with a typo: "große" is no "Grüße".
		m.senses = slices.DeleteFunc(slices.Clone(m.senses), func(s sense) bool { return s.concept == cGreeting })
		if len(m.senses) == 0 {
			return
		}
		q.guessed = append(q.guessed, q.units[m.from:m.to]...)
	}
	if !slices.ContainsFunc(m.senses, func(s sense) bool {
		return s.concept != cTopic && s.concept != cOutside && s.concept != cAfield && s.concept != cSpeak
	}) {
		// A subject word stays unknown, as one word. A word only near
		// one out of scope is not: "gehalten" is no "Gehalt".
		afield := m.means(cAfield) && !m.fuzzy
		outside := m.means(cOutside) && !m.fuzzy || afield
		q.has[cOutside] = q.has[cOutside] || outside
		q.has[cSpeak] = q.has[cSpeak] || m.means(cSpeak)
		for i := m.from; i < m.to; i++ {
			q.units[i].word, q.units[i].outside, q.units[i].afield = n+1, outside, afield
		}
		return
	}
	// "first" is an order and the number 1.
	onlyOrder := !slices.ContainsFunc(m.senses, func(s sense) bool { return s.concept != cOrder })
	for i := m.from; i < m.to; i++ {
		r.covered[i] = true
		r.filler[i] = r.filler[i] || m.means(cStop) || m.means(cPerson) || m.means(cAlliance)
		r.ordinal[i] = onlyOrder
	}
	if m.partial {
		q.begun = append(q.begun, q.units[m.from])
	}
	if m.means(cMember) {
		q.memberWords = append(q.memberWords, m.to-1)
	}
	if slices.ContainsFunc(contactConcepts, m.means) {
		q.contactWords = append(q.contactWords, m.to-1)
	}
	typed := q.text[q.units[m.from].start:endOf(q.units[m.to-1])]
	if slices.ContainsFunc(m.senses, func(s sense) bool { return slices.Contains(subjectConceptList, s.concept) }) {
		q.subjectWords = append(q.subjectWords, typed)
	}
	for _, s := range m.senses {
		q.addSense(s, cityMention{city: s.city, typed: typed, units: q.units[m.from:m.to], fuzzy: m.fuzzy, weak: s.weak})
	}
}

// asksMostMembers reports whether a question asks which has the most
// members: a word of asks_most a few words from a word for members
// (learn.yaml member_word: "the most member cities", "die meisten
// deutschen Mitglieder", 成员城市最多).
// Not "most" alone, nor 最多 before a verb, which say "at most": a
// Chinese question asks it with 最多 at its end or before 的.
func (e *Engine) asksMostMembers(q *question) bool {
	const near = 3
	for _, span := range e.message.asksMost.spans(q.text, q.units) {
		at := slices.IndexFunc(q.units, func(u unit) bool { return u.start >= span[0] })
		if at < 0 {
			continue
		}
		if rest := strings.TrimRight(q.text[span[1]:], "?？。!！ "); q.units[at].han && rest != "" && !strings.HasPrefix(rest, "的") {
			continue
		}
		window := q.units[max(at-2*near, 0):min(at+2*near, len(q.units))]
		if text := q.text[window[0].start:endOf(window[len(window)-1])]; e.learner.cues.memberWord.in(text, window) {
			return true
		}
	}
	return false
}

// particleVerb reads the verb of verbs in the question as concept c, its
// meaning with the particle that closes the question.
func (r *reading) particleVerb(verbs *cueList, c concept) {
	for i, u := range r.q.units {
		if !u.han && verbs.at(r.q.units, i) > 0 {
			r.covered[i] = true
			r.q.has[c] = true
		}
	}
}

// modifier records the city that begins a compound, which is no unknown
// word: the delegation of "Deyang-Delegation" is found as 德阳代表团 too.
func (r *reading) modifier(m match) {
	for i := m.from; i < m.to; i++ {
		r.covered[i] = true
	}
	for _, s := range m.senses {
		if s.city != nil && !slices.ContainsFunc(r.q.modifiers, func(c cityMention) bool { return c.city == s.city }) {
			r.q.modifiers = append(r.q.modifiers, cityMention{city: s.city, units: r.q.units[m.from:m.to]})
		}
	}
}

// subjectConceptList are the concepts whose keywords name what a question
// is about, rather than how it asks: "Portal", not "wann".
var subjectConceptList = slices.Concat([]concept{cFounding, cCoordinator, cSecretariat,
	cAssembly, cRelease, cName, cProposal, cMember, cJoin, cCount}, contactConcepts)

// countedSubjects are the concepts subjects counts: the subjects', and
// lists and what is new.
var countedSubjects = slices.Concat(subjectConceptList, []concept{cList, cNew})

// addSense records what a keyword or name of the question means.
func (q *question) addSense(s sense, mention cityMention) {
	switch {
	case s.concept != 0:
		q.has[s.concept] = true
	case s.city != nil:
		if !slices.ContainsFunc(q.cities, func(c cityMention) bool { return c.city == s.city }) {
			q.cities = append(q.cities, mention)
		}
	case s.region != nil:
		if !slices.Contains(q.regions, s.region) {
			q.regions = append(q.regions, s.region)
		}
	case s.person != nil:
		if !slices.Contains(q.people, s.person) {
			q.people = append(q.people, s.person)
		}
	}
}

// rest reads the units no keyword covers: numbers (a year, else an
// ordinal or count) and the unknown words; and keeps the units that say
// what is asked about as the question's content.
func (r *reading) rest() {
	q := r.q
	// The 月 and 日 of a date without a year (2月26日, 十月一日) belong to
	// its numbers: they are no words of its subject.
	for i, u := range q.units {
		if i > 0 && u.han && strings.Contains(chineseDateSuffixes, u.key) && u.start == endOf(q.units[i-1]) && isNumeral(q.units[i-1]) {
			r.covered[i], r.filler[i] = true, true
		}
	}
	numeral := 0 // units left of a Chinese numeral read
	for i, u := range q.units {
		if !r.filler[i] {
			q.content = append(q.content, u)
		}
		// 一 is a stop word, but not in 第一: an ordinal.
		if r.covered[i] && !r.ordinal[i] && !(i > 0 && q.units[i-1].raw == "第") {
			continue
		}
		if numeral > 0 {
			numeral--
			continue
		}
		// The 五 of 星期五 (Friday), a word of the glossary, is no number.
		inWord := u.han && u.word != 0 && i > 0 && q.units[i-1].word == u.word
		if n, width, ok := numberOf(q.units, i); ok && !inWord {
			if n >= 1900 && n <= 2100 {
				q.years = append(q.years, n)
			} else {
				q.numbers = append(q.numbers, n)
			}
			numeral = width - 1
			continue
		}
		if !r.covered[i] {
			q.unknown = append(q.unknown, u)
			if !u.han && utf8.RuneCountInString(u.key) >= 4 {
				q.subjectWords = append(q.subjectWords, u.raw)
			}
		}
	}
	// A run of two or more unknown Chinese characters is a word: 上线.
	for i := 0; i < len(q.unknown); {
		j := i
		for j < len(q.unknown) && q.unknown[j].han && (j == i || q.unknown[j].start == endOf(q.unknown[j-1])) {
			j++
		}
		if j-i >= 2 {
			q.subjectWords = append(q.subjectWords, q.text[q.unknown[i].start:endOf(q.unknown[j-1])])
		}
		i = max(j, i+1)
	}
}

// gazetteerCities reads the unknown words that name a city of the
// gazetteer as that city, no member: "Ist Stuttgart Mitglied?". Its name
// may be a word ("Halle"), so such a city is weak: see keepRealCities.
func (e *Engine) gazetteerCities(q *question) {
	if len(q.unknown) == 0 {
		return
	}
	e.warmDictionaries() // words nothing explained are searched for
	// What the dictionary read is taken: a name there is no city.
	var taken []foundPlace
	for _, u := range q.units {
		if !q.isUnknown(u) {
			taken = append(taken, foundPlace{start: u.start, end: endOf(u)})
		}
	}
	found := e.gazetteer().lookup(q.text, q.unknown, taken)
	found = append(found, e.gazetteer().bySound(q.text, slices.Concat(taken, found), e.soundRuns(q))...)
	// A question that writes names with capitals names no city in small
	// letters: "… kamen sie?" is no Kamen.
	capitals := slices.ContainsFunc(q.units, func(u unit) bool { return !u.han && u.capital && u.start > 0 })
	for _, p := range found {
		if e.learner.places.commonWord(p) {
			continue // 代表, "representative", is also a county's name
		}
		if first, _ := utf8.DecodeRuneInString(q.text[p.start:]); capitals && unicode.IsLower(first) {
			continue
		}
		// A city of the data that the question names in characters the
		// data do not give (艾森纳赫 for Eisenach, which a release says
		// joined) is that city.
		city := p.nonMember
		if c, ok := e.cities[city.Name]; ok && c.Country == city.Country {
			city = c
		}
		q.addSense(sense{city: city, weak: true}, cityMention{city: city, typed: p.name, weak: true,
			units: slices.DeleteFunc(slices.Clone(q.unknown), func(u unit) bool { return u.start < p.start || u.start >= p.end })})
		q.unknown = slices.DeleteFunc(q.unknown, func(u unit) bool { return u.start >= p.start && u.start < p.end })
	}
}

// preferCities reads a name that is a city and a region (Hamburg,
// Berlin) as the city, unless the question asks about regions.
func (q *question) preferCities() {
	if q.has[cRegion] {
		return
	}
	q.regions = slices.DeleteFunc(q.regions, func(r *corpus.Region) bool {
		return slices.ContainsFunc(q.cities, func(c cityMention) bool {
			return textValues(r.Names)[0] == c.city.Name || r.Names[corpus.English] == c.city.Name
		})
	})
}

// rolesIn finds the unknown words of q that name a role.
func (e *Engine) rolesIn(q *question) []unit {
	roles := &e.learner.cues.role
	var out []unit
	for i, u := range q.unknown {
		if !u.han && roles.at(q.unknown, i) > 0 {
			out = append(out, u)
		}
	}
	for _, w := range roles.chinese {
		if i := strings.Index(q.text, w); i >= 0 {
			out = append(out, slices.DeleteFunc(slices.Clone(q.unknown), func(u unit) bool { return u.start < i || u.start >= i+len(w) })...)
		}
	}
	return out
}

// keepRealCities keeps the cities the question names for sure: a name
// typed with a typo counts only when the question is about membership,
// so that "天气" does not become 天津, and so does a city of the
// gazetteer, whose name may be a word ("In welcher Halle ...?"). The
// others' words are unknown.
func (q *question) keepRealCities() {
	q.cities = slices.DeleteFunc(q.cities, func(c cityMention) bool {
		if !c.fuzzy && !c.weak || q.has[cMember] || q.has[cJoin] || q.has[cAlliance] && !c.weak || len(q.units) <= 3 {
			return false
		}
		q.unknown = append(q.unknown, c.units...)
		if c.fuzzy && !c.weak {
			q.misspeltCities = append(q.misspeltCities, c)
		}
		return true
	})
	slices.SortFunc(q.unknown, func(a, b unit) int { return a.start - b.start })
}

// cityList is the cities the question names.
func (q *question) cityList() []*corpus.City {
	out := make([]*corpus.City, len(q.cities))
	for i, c := range q.cities {
		out[i] = c.city
	}
	return out
}

// unknownName is the name the question's unknown words make: the word,
// or the run of Chinese characters.
func (q *question) unknownName() string {
	if len(q.unknown) == 0 {
		return ""
	}
	if !q.unknown[0].han {
		return q.unknown[0].raw
	}
	var b strings.Builder
	for _, u := range q.unknown {
		b.WriteString(u.raw)
	}
	return b.String()
}

func endOf(u unit) int { return u.start + len(u.raw) }

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
	"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
	"seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
	"erste": 1, "zweite": 2, "dritte": 3, "vierte": 4, "funfte": 5, "sechste": 6, "siebte": 7, "achte": 8, "neunte": 9,
	"zehnte": 10, "elfte": 11, "zwolfte": 12, "dreizehnte": 13, "vierzehnte": 14, "funfzehnte": 15, "sechzehnte": 16,
	"siebzehnte": 17, "achtzehnte": 18, "neunzehnte": 19, "zwanzigste": 20, "einundzwanzigste": 21, "zweiundzwanzigste": 22,
	"dreiundzwanzigste": 23, "vierundzwanzigste": 24, "funfundzwanzigste": 25, "sechsundzwanzigste": 26,
	"siebenundzwanzigste": 27, "achtundzwanzigste": 28, "neunundzwanzigste": 29, "dreissigste": 30,
}

// tensWords are the tens an English ordinal joins with a hyphen:
// "twenty-first".
var tensWords = map[string]int{"twenty": 20, "thirty": 30}

// tensBefore are the tens that the unit before units[i], an ordinal word
// of one to nine, adds to it: 20 for "twenty-first"; 0 if none.
func tensBefore(units []unit, i int) int {
	if i == 0 || units[i].start != endOf(units[i-1])+1 {
		return 0
	}
	if n, ok := ordinalWordOf(units[i]); !ok || n > 9 {
		return 0
	}
	return tensWords[units[i-1].key]
}

// cardinalWords are the numbers a release writes as words, by their
// folded keys: "aus neun Bundesländern", "from nine Länder". One is left
// out, as "ein" and "one" are more often an article or a pronoun.
var cardinalWords = map[string]int{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"zwei": 2, "drei": 3, "vier": 4, "funf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwolf": 12,
}

// isUnknown reports whether nothing explained unit u of the question.
func (q *question) isUnknown(u unit) bool {
	return slices.ContainsFunc(q.unknown, func(x unit) bool { return x.start == u.start })
}

// isContent reports whether unit u is a word of the question's content,
// no stop word: "number" in "phone number of", not "ist".
func (q *question) isContent(u unit) bool {
	return slices.ContainsFunc(q.content, func(x unit) bool { return x.start == u.start })
}

// isGuessed reports whether unit u was read as a keyword or name despite
// a typo.
func (q *question) isGuessed(u unit) bool {
	return slices.ContainsFunc(q.guessed, func(x unit) bool { return x.start == u.start })
}

// askedOrdinal is the one ordinal the question names ("der zweite
// Platz", 第二名), 0 if it names none or several. Not an assembly's: the
// sentences of the 12th plenary assembly need not say "12th" (ofAssembly).
func (q *question) askedOrdinal() int {
	if q.has[cAssembly] {
		return 0
	}
	ordinals := ordinalsIn(q.text)
	if len(ordinals) != 1 {
		return 0
	}
	return ordinals[0]
}

// chineseDateSuffixes follow the numbers of a date: month, day, day.
const chineseDateSuffixes = "月日号"

// isNumeral reports whether a unit is digits or a Chinese numeral of a
// day or month (一 to 十): not the 百 of 百日行动.
func isNumeral(u unit) bool {
	if u.han {
		return utf8.RuneCountInString(u.key) == 1 && strings.Contains("一二三四五六七八九十", u.key)
	}
	return u.key != "" && strings.Trim(u.key, "0123456789") == ""
}

// numberOf reads the number at unit i: digits ("9", "9th", "2020"), an
// ordinal word, or a Chinese numeral (九, 十一, 二十三), which is as many
// units as it has characters: width says how many.
func numberOf(units []unit, i int) (n, width int, ok bool) {
	u := units[i]
	if u.han {
		j := i
		for j < len(units) && units[j].han && strings.Contains(chineseDigits, units[j].key) &&
			(j == i || units[j].start == endOf(units[j-1])) {
			j++
		}
		var numeral strings.Builder
		for _, d := range units[i:j] {
			numeral.WriteString(d.key)
		}
		n := chineseNumber(numeral.String())
		return n, j - i, n > 0
	}
	key := strings.TrimRightFunc(u.key, func(r rune) bool { return r < '0' || r > '9' })
	if key != "" && (key == u.key || slices.Contains([]string{"st", "nd", "rd", "th", "ste", "te", "n", "er"}, u.key[len(key):])) {
		n, err := strconv.Atoi(key)
		return n, 1, err == nil
	}
	if i+1 < len(units) {
		if tens := tensBefore(units, i+1); tens > 0 {
			n, _ := ordinalWordOf(units[i+1])
			return tens + n, 2, true // "twenty-first"
		}
	}
	if n, ok := ordinalWordOf(u); ok {
		return n, 1, true
	}
	return 0, 0, false
}

// unknownWords counts what nothing explained: each Latin word or glossary
// phrase, and each run of Chinese characters (two characters make about a
// word).
func (q *question) unknownWords() int {
	n, han := 0, 0
	for i, u := range q.unknown {
		if !u.han {
			if i == 0 || !sameWord(q.unknown[i-1], u) {
				n++
			}
			continue
		}
		han++
		if i+1 == len(q.unknown) || !sameWord(u, q.unknown[i+1]) {
			n += (han + 1) / 2
			han = 0
		}
	}
	return n
}

// unknownIsNoun reports whether the unknown word is likely a noun, the
// subject of the question: a German word written with a capital letter
// inside the sentence, or Chinese characters, which the dictionary would
// have known if they were a function word. A month is no subject: "the
// December assembly" asks about the assembly.
func (q *question) unknownIsNoun() bool {
	for _, u := range q.unknown {
		if u.han || q.lang != corpus.Chinese && u.latinNoun() {
			return true
		}
	}
	return false
}

// unknownLatinNoun reports whether an unknown Latin word is written with a
// capital inside the sentence: a German noun, or a name, the engine does
// not know.
func (q *question) unknownLatinNoun() bool {
	return slices.ContainsFunc(q.unknown, unit.latinNoun)
}

// latinNoun reports whether a Latin word is written with a capital inside
// the sentence and is no month: a German noun or a name.
func (u unit) latinNoun() bool { return !u.han && u.capital && u.start > 0 && !isMonth(u.raw) }

// namesUnknown reports whether an unknown word is a name: written with a
// capital inside the word ("ReCycle", "SmartGrind"), or, in English, with
// a capital inside the sentence. A question that names something the
// engine does not know is about it, not about the alliance's founding.
func (q *question) namesUnknown() bool {
	for _, u := range q.unknown {
		if u.han {
			continue
		}
		if camelCase(u.raw) || q.lang == corpus.English && u.capital && u.start > 0 {
			return true
		}
	}
	return false
}

// camelCase reports whether a word of five letters or more has a capital
// after a small letter, as brand names do ("SmartGrind"), unlike "GmbH".
func camelCase(word string) bool {
	if utf8.RuneCountInString(word) < 5 {
		return false
	}
	prev := ' '
	for _, r := range word {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			return true
		}
		prev = r
	}
	return false
}

// subjects counts the subjects the question asks about, such as the
// founding and an assembly: a question about two known subjects is about
// them even with an unknown word in it.
func (q *question) subjects() int {
	n := 0
	for _, c := range countedSubjects {
		if q.has[c] {
			n++
		}
	}
	return n
}

// ordinalOfMember is the number of the question that stands right before
// a word for a member, or a word in small letters or a character before
// it: "41st full member", "41. Vollmitglied", 第41个成员; not "41.
// Plenarversammlung Mitglied". 0 if none does.
func (e *Engine) ordinalOfMember(q *question) int {
	words := &e.learner.cues.memberWord
	member := func(at int) bool {
		switch {
		case at >= len(q.units):
			return false
		case q.units[at].han:
			rest := q.text[q.units[at].start:]
			return slices.ContainsFunc(words.chinese, func(w string) bool { return strings.HasPrefix(rest, w) })
		}
		return words.at(q.units, at) > 0
	}
	modifier := func(at int) bool { return at < len(q.units) && (q.units[at].han || !q.units[at].capital) }
	for i := range q.units {
		if n, width, ok := numberOf(q.units, i); ok && n < 1900 && (member(i+width) || modifier(i+width) && member(i+width+1)) {
			return n
		}
	}
	return 0
}

// sameWord reports whether two unknown units, b after a, belong to one
// word: adjacent Chinese characters of the same glossary word, or of no
// glossary word at all, or the Latin words of one glossary phrase.
func sameWord(a, b unit) bool {
	if !a.han && !b.han {
		return a.word != 0 && a.word == b.word
	}
	return a.han && b.han && b.start == endOf(a) && a.word == b.word
}

// beforeSomeone reports whether a question puts a word for "before"
// right before a person it names, titles aside: "vor Dr. Sievers",
// "before Sievers".
func (e *Engine) beforeSomeone(q *question) bool {
	for _, p := range q.people {
		for _, name := range namesOf(p, true) {
			i := strings.Index(q.text, name)
			if i < 0 {
				continue
			}
			units := segment(q.text[:i])
			for len(units) > 0 && e.learner.cues.title.at(units, len(units)-1) > 0 {
				units = units[:len(units)-1]
			}
			if len(units) > 0 && e.message.beforeSomeone.endsIn(q.text[:endOf(units[len(units)-1])]) {
				return true
			}
		}
	}
	return false
}

// onlyWhere reports whether every city the question names says where
// something took place, after a preposition of place and the assembly it
// names: "Wurden auf der 16. Plenarversammlung in Nanning neue Mitglieder
// aufgenommen?" asks about the assembly, not Nanning.
func (e *Engine) onlyWhere(q *question) bool {
	if !q.has[cAssembly] || len(q.cities) == 0 {
		return false
	}
	for _, c := range q.cities {
		if len(c.units) == 0 {
			return false
		}
		i := slices.IndexFunc(q.units, func(u unit) bool { return u.start == c.units[0].start })
		if i < 1 || !slices.Contains(e.message.placePrepositions.all, q.units[i-1].key) {
			return false
		}
	}
	return true
}

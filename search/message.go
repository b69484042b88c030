package search

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
)

// A message is more than its question: an e-mail has a greeting, a
// signature and, forwarded, the headers of the mail before; a question
// may open with a lead-in ("Kurze Frage für meinen Artikel:"). What is no
// part of the question is taken off before the question is read, so that
// a city in a signature does not become its subject, and a lead-in's
// words do not make it unanswerable.

// messageCues are the word lists of data/message.yaml.
type messageCues struct {
	forwarded, headers, greetings, signOffs cueList
	questionWords, questionVerbs            cueList
	questionPrepositions, requests          cueList
	// media are where a journalist publishes, which a lead-in may name.
	media                                                             cueList
	asksDate, asksPlace, asksPerson, asksNumber, asksAge, asksOrdinal cueList
	asksLanguage                                                      cueList
	// languageWords name languages as the kind of fact asked for: a
	// passage need not hold them ("Sie spricht Deutsch und Chinesisch").
	languageWords cueList
	// asksAspect asks in which respects or fields: "在哪些方面", no place.
	asksAspect cueList
	// asksDuration asks for a number of days, weeks, years: durationUnits.
	asksDuration, durationUnits cueList
	// asksYears asks for a number of years: "Seit wie vielen Jahren …?",
	// 多少年.
	asksYears cueList
	// historyWords may say what a question for the alliance's age asks of
	// it: "gibt es", 历史.
	historyWords cueList
	// countHeads end a Chinese word for the number of what comes before
	// them: the 数 of 会员数是多少 asks how many members.
	countHeads cueList
	// asksReason asks why: a reason, which no fact of the data gives.
	asksReason cueList
	// asksFrequency asks how often: "jährlich", "every two years".
	asksFrequency cueList
	// asksSuccessor asks who followed someone in their role; asksEarlier
	// what someone did before it.
	asksSuccessor, asksEarlier cueList
	// earlierMarkers say in a release's sentence what someone did
	// before: they answer asksEarlier.
	earlierMarkers cueList
	// asksWhat asks for something other than whether or when, unless
	// asksKind asks what kind of thing something is.
	asksWhat, asksKind cueList
	// beforeSomeone, right before a person the question names, asks who
	// held their role before them.
	beforeSomeone cueList
	// contactPersonRoles name the contact person by role: "der neue
	// Pressesprecher", 新任发言人.
	contactPersonRoles cueList
	// verbParticles are the particles of German separable verbs, which
	// close a question whose verb they belong to: the "bei" of "Wie viel
	// steuert der Fonds bei?" (beisteuern).
	verbParticles cueList
	// nameKinds say what kind of thing a name beside them is: the 项目
	// of “SolarLoom”项目, the "platform" of the "Partnerbrücke" platform.
	nameKinds cueList
	// asksWhich asks which ones, followed by what ("Welche Funktionen",
	// "which goods"); 哪些 and 哪几 ask for several.
	asksWhich cueList
	// asksHowMany asks how many things: a count, not an amount.
	asksHowMany cueList
	// amountCompounds are compounds that ask an amount of money.
	amountCompounds cueList
	// asksShare asks for a share: a percentage or a fraction, which
	// shareWords name.
	asksShare, shareWords cueList
	// asksTwoOrMore asks which two or more.
	asksTwoOrMore cueList
	// asksWhichAgent asks which one, before a role, an organisation or
	// one of agentNouns: "Welcher Bürgermeister", "Which institute",
	// "Which official" (asksWhichAgent).
	asksWhichAgent, agentNouns cueList
	// asksOrganisation asks who, an organisation: "Which company …?"
	// asks as "who" does, but not for a person (asksOrganisation).
	asksOrganisation cueList
	// asksTime asks for a time of day; timeWords name one ("Uhrzeit").
	asksTime, timeWords cueList
	// asksDeadline asks for a date a text gives with a deadlineMarker;
	// asksStart for one it gives with a startMarker.
	asksDeadline, deadlineMarkers cueList
	// supersededBefore and supersededAfter mark a day as the one
	// something was planned for before it was moved: right before it, or
	// ending its clause, unless asPlanned ends it (supersededDay).
	supersededBefore, supersededAfter, asPlanned cueList
	// asksEnd asks when something ends: a date marked as a deadline's.
	asksEnd                 cueList
	asksStart, startMarkers cueList
	// listConjunctions join the last of several things named in a row to
	// the others; enumeration finds such a row.
	listConjunctions cueList
	enumeration      *regexp.Regexp
	// nowWords ask how things stand today; asksFuture what will be.
	nowWords, asksFuture cueList
	// stateWords and provinceWords name the regions of one country: a
	// German Land, a Chinese province.
	stateWords, provinceWords cueList
	// asksMost asks which has the most: with a region, the region with
	// the most members.
	asksMost cueList
	// asksPlaceKind asks for a kind of place, which a city does not
	// answer.
	asksPlaceKind cueList
	// functionCharacters make a run of Chinese characters words of a
	// sentence, not a name.
	functionCharacters cueList
	// asksDay asks for the very day, not the month; asksYear for the
	// year alone.
	asksDay, asksYear cueList
	// whether makes a Chinese question one to answer yes or no.
	whether cueList
	// relativePeriods are the words that name a period by its distance
	// from the day a question is asked: "letzten Monat", 下周. periodOf
	// after them or periodFrom before them count it from another day:
	// "the last week of July", "the week after next week";
	// periodBreakers begin with the last character of a Chinese period
	// and make it none (上周年庆).
	relativePeriods                      []relativePeriod
	periodOf, periodFrom, periodBreakers cueList
	// agoBefore and agoAfter name a period by how many months or weeks
	// (monthUnits, weekUnits) before the day asked it was: "vor zwei
	// Monaten", "three weeks ago", 两个月前.
	agoBefore, agoAfter, monthUnits, weekUnits cueList
	// agoOne are the words for one month or week ago ("vor einem Monat",
	// "a week ago"); agoQualifiers before the number make it no month or
	// week ("less than two months ago"); agoBreakers are the Chinese
	// words the 前 of agoAfter begins (前往).
	agoOne, agoQualifiers, agoBreakers cueList
	// cityPlurals are the words for cities in the plural: asked which,
	// several answer ("In welchen Städten …?").
	cityPlurals cueList
	// thisYear names the year the question is asked in: "die diesjährige
	// Hannover Messe" is not the fair of the founding; not beside
	// thisYearAges, which make it the year an age is reached.
	thisYear, thisYearAges cueList
	// placePrepositions say where something took place: "in Nanning".
	placePrepositions cueList
	// pronouns refer to what an earlier question of the message named:
	// "Where is Liuzhou? When did it join?"
	pronouns cueList
	// personPronouns refer to the person a question before asked for:
	// "Wen hat er abgelöst?", 他接替的是谁？
	personPronouns cueList
	// clauseConjunctions join a second question to a first in one
	// sentence (coordinated).
	clauseConjunctions cueList
}

func mustLoadMessageCues() *messageCues {
	m := &messageCues{}
	m.relativePeriods = relativePeriods()
	lists := map[string]*cueList{
		"forwarded": &m.forwarded, "headers": &m.headers, "greetings": &m.greetings, "sign_offs": &m.signOffs,
		"question_words": &m.questionWords, "question_verbs": &m.questionVerbs, "question_prepositions": &m.questionPrepositions, "requests": &m.requests, "media": &m.media,
		"asks_date": &m.asksDate, "asks_place": &m.asksPlace, "asks_person": &m.asksPerson, "asks_number": &m.asksNumber,
		"asks_age": &m.asksAge, "asks_language": &m.asksLanguage, "language_words": &m.languageWords, "asks_time": &m.asksTime, "time_words": &m.timeWords,
		"asks_ordinal":  &m.asksOrdinal,
		"asks_duration": &m.asksDuration, "duration_units": &m.durationUnits, "asks_years": &m.asksYears, "history_words": &m.historyWords, "count_heads": &m.countHeads,
		"asks_deadline": &m.asksDeadline, "deadline_markers": &m.deadlineMarkers, "superseded_before": &m.supersededBefore, "superseded_after": &m.supersededAfter, "as_planned": &m.asPlanned, "asks_end": &m.asksEnd,
		"asks_start": &m.asksStart, "start_markers": &m.startMarkers,
		"asks_successor": &m.asksSuccessor, "asks_what": &m.asksWhat, "asks_kind": &m.asksKind, "asks_earlier": &m.asksEarlier, "earlier_markers": &m.earlierMarkers, "before_someone": &m.beforeSomeone, "contact_person_roles": &m.contactPersonRoles, "verb_particles": &m.verbParticles, "name_kinds": &m.nameKinds, "asks_reason": &m.asksReason, "asks_frequency": &m.asksFrequency, "asks_which": &m.asksWhich, "asks_aspect": &m.asksAspect, "asks_which_agent": &m.asksWhichAgent, "agent_nouns": &m.agentNouns, "asks_organisation": &m.asksOrganisation, "asks_how_many": &m.asksHowMany, "amount_compounds": &m.amountCompounds, "asks_share": &m.asksShare, "share_words": &m.shareWords, "asks_two_or_more": &m.asksTwoOrMore, "period_of": &m.periodOf, "period_from": &m.periodFrom, "period_breakers": &m.periodBreakers, "this_year": &m.thisYear, "this_year_ages": &m.thisYearAges, "ago_before": &m.agoBefore, "ago_after": &m.agoAfter, "month_units": &m.monthUnits, "week_units": &m.weekUnits, "ago_one": &m.agoOne, "ago_qualifiers": &m.agoQualifiers, "ago_breakers": &m.agoBreakers, "city_plurals": &m.cityPlurals,
		"pronouns": &m.pronouns, "person_pronouns": &m.personPronouns, "clause_conjunctions": &m.clauseConjunctions, "list_conjunctions": &m.listConjunctions, "now_words": &m.nowWords, "asks_future": &m.asksFuture, "state_words": &m.stateWords, "asks_most": &m.asksMost, "province_words": &m.provinceWords, "asks_day": &m.asksDay, "asks_whether": &m.whether, "asks_year": &m.asksYear, "asks_place_kind": &m.asksPlaceKind, "function_characters": &m.functionCharacters, "place_prepositions": &m.placePrepositions,
	}
	for i := range m.relativePeriods {
		lists[m.relativePeriods[i].name()] = &m.relativePeriods[i].words
	}
	if err := loadWordLists(lexiconFiles, "data/message.yaml", lists); err != nil {
		panic(fmt.Sprintf("embedded message cues: %v", err))
	}
	m.enumeration = enumerationOf(m.listConjunctions.all)
	return m
}

// headerLine matches a mail header's label: "Von: ...", "主题：...".
var headerLine = regexp.MustCompile(`^([^:：]{1,20})[:：]`)

// unwrap takes off what surrounds a message's question: a forwarded mail's
// marker and header lines, quote marks, a greeting, a sign-off and all
// after it, a signature after a dash, and the short lines (a name, a
// newsroom) after the last line that asks.
func (m *messageCues) unwrap(raw string) string {
	lines := strings.Split(strings.ReplaceAll(raw, "\r\n", "\n"), "\n")
	var kept []string
	header := true  // a message may open with headers
	marked := false // the line before was a forwarded mail's marker
	for _, line := range lines {
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), ">"))
		switch {
		case line == "":
			// "Begin forwarded message:", a blank line, then the headers.
			header = header && marked
			continue
		case m.startsWith(&m.forwarded, line) && !strings.ContainsAny(line, "?？"):
			if _, rest, ok := cutColon(line); ok && rest != "" {
				kept = append(kept, rest) // "Fwd from our correspondent: ..."
			}
			header, marked = true, true
			continue
		case m.startsWith(&m.forwarded, line):
			if _, rest, ok := cutColon(line); ok {
				line = rest // "转自德阳市外办：联盟秘书处的副秘书长叫什么名字？"
			}
		case header && m.isHeader(line):
			continue
		case len(kept) > 0 && (m.isSignOff(line) || isDashLine(line)):
			return m.withoutTrailingSignature(kept)
		}
		header, marked = false, false
		if line = m.withoutGreeting(line); line != "" {
			kept = append(kept, line)
		}
	}
	return m.withoutTrailingSignature(kept)
}

// withoutTrailingSignature joins the lines, leaving out the short lines
// after the last one that asks, and a sign-off or dash after its question
// mark ("...? lg Marie", "？——澎湃新闻 周琳").
func (m *messageCues) withoutTrailingSignature(lines []string) string {
	last := -1
	for i, l := range lines {
		if strings.ContainsAny(l, "?？") {
			last = i
		}
	}
	if last < 0 {
		// No question mark: the question is the last line that is more
		// than a name or a newsroom.
		for i, l := range lines {
			if !isShortLine(l) {
				last = i
			}
		}
	}
	if last >= 0 {
		for _, l := range lines[last+1:] {
			if !isShortLine(l) {
				last = len(lines) - 1
				break
			}
		}
		lines = lines[:last+1]
		lines[last] = m.withoutSignOff(lines[last])
	}
	return strings.Join(lines, "\n")
}

// withoutSignOff cuts off what follows a line's question mark or last
// comma when it is a sign-off or a dash: "...? lg Marie", "？——澎湃新闻",
// "...的具体地址，麻烦告知，谢谢🙏".
func (m *messageCues) withoutSignOff(line string) string {
	i := strings.LastIndexAny(line, "?？")
	if i < 0 {
		// A request that asks without a question mark, and signs off
		// after its full stop: "Ich brauche … der Pressestelle. Mit
		// freundlichen Grüßen, K. Brandt".
		for at := 0; ; {
			i := strings.Index(line[at:], ". ")
			if i < 0 {
				break
			}
			at += i + 1
			if m.isSignOff(strings.TrimSpace(line[at:])) {
				return line[:at]
			}
		}
		i = strings.LastIndexAny(line, ",，")
	}
	if i < 0 {
		return line
	}
	_, size := utf8.DecodeRuneInString(line[i:])
	rest := strings.TrimSpace(line[i+size:])
	if rest == "" || !m.isSignOff(rest) && !isDashLine(rest) {
		return line
	}
	if line[i] == ',' || strings.HasPrefix(line[i:], "，") {
		return line[:i]
	}
	return line[:i+size]
}

// greetingEnd is where the greeting that opens a line ends, and the
// length of what ends it: a comma, an exclamation mark, or a dash
// between spaces ("Good morning – who is …?"); -1 if nothing does.
func greetingEnd(line string) (at, size int) {
	at, size = -1, 0
	if i := strings.IndexAny(line, ",，!！"); i >= 0 {
		_, n := utf8.DecodeRuneInString(line[i:])
		at, size = i, n
	}
	for _, dash := range []string{" – ", " — ", " - "} {
		if i := strings.Index(line, dash); i >= 0 && (at < 0 || i < at) {
			at, size = i, len(dash)
		}
	}
	return at, size
}

func (m *messageCues) startsWith(list *cueList, line string) bool {
	return list.startsIn(strings.TrimLeftFunc(line, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) }))
}

func (m *messageCues) isHeader(line string) bool {
	match := headerLine.FindStringSubmatch(line)
	return match != nil && m.headers.whole(match[1], segment(match[1]))
}

// isSignOff reports whether line is a closing formula, and what follows
// on its line: "Beste Grüße aus Düsseldorf", "Danke! – Lena", "谢谢！".
func (m *messageCues) isSignOff(line string) bool {
	return m.startsWith(&m.signOffs, line) && !strings.ContainsAny(line, "?？") && len(strings.Fields(line)) <= 8
}

// withoutGreeting takes a greeting off the start of a line: a short line
// that is one ("Hallo zusammen,", "李老师您好，") goes, a longer one loses
// the words up to the first comma ("Guten Tag, an welchem Tag ...?").
func (m *messageCues) withoutGreeting(line string) string {
	short := isShortLine(line) && !strings.ContainsAny(line, "?？")
	if m.startsWith(&m.greetings, line) || short && m.greetings.inText(line) && strings.IndexFunc(line, isHan) >= 0 {
		if short {
			return ""
		}
		if i, size := greetingEnd(line); i >= 0 && utf8.RuneCountInString(line[:i]) <= 30 {
			return strings.TrimSpace(line[i+size:])
		}
	}
	// "王老师好！我们..." greets before the first comma.
	if i := strings.IndexAny(line, "，！!,"); i > 0 && strings.IndexFunc(line[:i], isHan) >= 0 &&
		utf8.RuneCountInString(line[:i]) <= 8 && m.greetings.inText(line[:i]) {
		_, size := utf8.DecodeRuneInString(line[i:])
		return strings.TrimSpace(line[i+size:])
	}
	return line
}

// cutColon cuts a line at its first colon.
func cutColon(line string) (before, after string, ok bool) {
	i := strings.IndexAny(line, ":：")
	if i < 0 {
		return line, "", false
	}
	_, size := utf8.DecodeRuneInString(line[i:])
	return line[:i], strings.TrimSpace(line[i+size:]), true
}

// isDashLine reports whether a line starts with a dash, as a signature
// does: "— Jan, Cologne city press office", "——德阳市外办".
func isDashLine(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return r == '—' || r == '–' || strings.HasPrefix(line, "--") || strings.HasPrefix(line, "- ")
}

// isShortLine reports whether a line is as short as a name, a newsroom or
// a greeting: a few words, or a few Chinese characters.
func isShortLine(line string) bool {
	if strings.IndexFunc(line, isHan) >= 0 {
		return utf8.RuneCountInString(line) <= 12
	}
	return len(strings.Fields(line)) <= 6
}

// clause is a clause of a question, with its byte offset.
type clause struct {
	text  string
	start int
}

// clauses cuts a question at commas, colons and semicolons.
func clauses(q string) []clause {
	var out []clause
	start := 0
	for i, r := range q {
		if strings.ContainsRune(",:;，：；", r) {
			if s := strings.TrimSpace(q[start:i]); s != "" {
				out = append(out, clause{s, start})
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if s := strings.TrimSpace(q[start:]); s != "" {
		out = append(out, clause{s, start})
	}
	return out
}

// leadIn returns where a question's core starts after a lead-in: after a
// request ("我们区外事办想了解一下..."), at the first clause with a
// question word, or, in a Latin clause, at its question word ("I'd like
// to know whether ..."); 0 if there is none.
func (m *messageCues) leadIn(q string) int {
	if i := m.afterRequest(q); i > 0 {
		return i
	}
	cs := clauses(q)
	for _, c := range cs {
		units := segment(c.text)
		if m.questionWords.in(c.text, units) {
			for i, u := range units {
				if !u.han && m.questionWords.at(units, i) > 0 {
					if i > 0 && m.questionPrepositions.at(units, i-1) == 1 {
						u = units[i-1] // "seit wann"
					}
					return c.start + strings.Index(q[c.start:], c.text) + u.start
				}
			}
			return c.start + strings.Index(q[c.start:], c.text)
		}
	}
	// "Kurze Frage fürs Ruhrgebiet-Ressort: Ist Bottrop noch Mitglied?":
	// a question that opens with its verb, after a colon.
	if i := strings.IndexAny(q, ":："); i >= 0 {
		_, size := utf8.DecodeRuneInString(q[i:])
		start := i + size + len(q[i+size:]) - len(strings.TrimLeftFunc(q[i+size:], unicode.IsSpace))
		if units := segment(q[start:]); len(units) > 0 && m.questionVerbs.at(units, 0) > 0 {
			return start
		}
	}
	return 0
}

// afterRequest returns where the question starts after the last request
// in q, or 0.
func (m *messageCues) afterRequest(q string) int {
	end := 0
	for _, w := range m.requests.chinese {
		if i := strings.LastIndex(q, w); i >= 0 && i+len(w) < len(q) {
			end = max(end, i+len(w))
		}
	}
	units := segment(q)
	for i := range units {
		if n := m.requests.at(units, i); n > 0 && i+n < len(units) {
			end = max(end, units[i+n].start)
		}
	}
	return end
}

// droppable reports whether a lead-in may be taken off a question: it
// names no subject of the releases ("疫情刚开始的时候，..." does), and no
// city, region, person or time, nor a subject of the data, unless the
// rest names its own ("Volontärin in Freiburg: wer leitet das
// Sekretariat in Foshan?").
func (e *Engine) droppable(lead, rest *question) bool {
	known := slices.ContainsFunc(lead.units, func(u unit) bool { return u.han && u.word != 0 || !u.han && e.translator.knows(u.key) })
	if known && !e.message.media.in(lead.text, lead.units) {
		return false
	}
	names := func(q *question) bool {
		return len(q.cities) > 0 || len(q.regions) > 0 || len(q.people) > 0 || len(q.years) > 0
	}
	// "Does the alliance have a website where I can read more?": the
	// lead-in names the subject, the rest asks nothing of its own.
	asksOf := func(q *question) bool { return anyOf(q.has, subjectConceptList...) }
	return (!names(lead) || names(rest)) && (!asksOf(lead) || asksOf(rest))
}

// enumerationOf finds several things named in a row, each of up to four
// words, the last after one of conjunctions: "Lebensmittel, Kosmetik und
// Küchenartikel"; or Chinese ones between enumeration commas: 传感器、平台和
// 应用. (A colon before a comma said so too often of the wrong sentence:
// agendas.)
func enumerationOf(conjunctions []string) *regexp.Regexp {
	quoted := make([]string, len(conjunctions))
	for i, c := range conjunctions {
		quoted[i] = strings.ReplaceAll(regexp.QuoteMeta(c), " ", `\s+`)
	}
	return regexp.MustCompile(`\p{L}[\p{L}\p{N}-]*(?:\s+[\p{L}\p{N}-]+){0,3},\s+[\p{L}\p{N}-]+(?:\s+[\p{L}\p{N}-]+){0,3}(?:,\s+[^,]{1,40})*,?\s+(?:` +
		strings.Join(quoted, "|") + `)\s+\p{L}|\p{Han}、\p{Han}`)
}

// clauseBreak is where a sentence may join a second question to a first:
// a comma, a semicolon or a dash after a space.
var clauseBreak = regexp.MustCompile(`\s*(?:[,;]|\s[–—-])\s*`)

// coordinated cuts a question into the questions it joins, each ending
// in "?": "Seit wann ist Eisenach Mitglied, und wer hat die Urkunde
// unterschrieben?" asks a date and a person, each of a subject of its
// own. A Latin clause is a question of its own when it opens with a
// conjunction and then a question word or verb ("and is it the first
// member from Thuringia?"), after a comma or dash, or, without one, with
// a question word after three words or more ("Who is Friedhelm Ost and
// what is his role?", not "When and where …?"); a Chinese one when it
// holds a question word ("…多少会费，2034年实际交多少？"). The clause before
// must ask something too: "Können Sie mir sagen, wann …" is one question.
func (m *messageCues) coordinated(question string) []string {
	var parts []string
	start := 0
	for _, br := range m.clauseBreaks(question) {
		if br[0] < start {
			continue
		}
		before, rest := question[start:br[0]], question[br[1]:]
		bare := br[0] == br[1]
		if !m.asks(before) || !m.opensQuestion(rest, bare) || bare && len(segment(before)) < minClauseUnits {
			continue
		}
		parts = append(parts, asQuestion(before))
		start = br[1]
	}
	if len(parts) == 0 {
		return []string{question}
	}
	return append(parts, asQuestion(question[start:]))
}

// minClauseUnits is how many words a question must have before a
// conjunction with no comma for what follows to be a question of its own.
const minClauseUnits = 3

// clauseBreaks are where a question may join another to it, in order:
// each a comma, semicolon or dash, or, as an empty span, a Latin
// conjunction with a space before it.
func (m *messageCues) clauseBreaks(question string) [][2]int {
	var out [][2]int
	for _, br := range clauseBreak.FindAllStringIndex(question, -1) {
		out = append(out, [2]int{br[0], br[1]})
	}
	units := segment(question)
	for i, u := range units {
		if i > 0 && !u.han && m.clauseConjunctions.at(units, i) > 0 && strings.HasSuffix(question[:u.start], " ") &&
			!strings.HasSuffix(strings.TrimRight(question[:u.start], " "), ",") {
			at := len(strings.TrimRight(question[:u.start], " "))
			out = append(out, [2]int{at, at})
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

// asks reports whether a clause asks something: it holds a question
// word, or opens with a question verb ("Is Eisenach a member").
func (m *messageCues) asks(clause string) bool {
	units := segment(clause)
	return m.questionWords.in(clause, units) || m.opensWithQuestionVerb(units)
}

// opensWithQuestionVerb reports whether words open with a question verb:
// "Is …", "Ist …".
func (m *messageCues) opensWithQuestionVerb(units []unit) bool {
	return len(units) > 0 && !units[0].han && m.questionVerbs.at(units, 0) > 0
}

// opensQuestion reports whether the rest of a sentence after a break
// starts a question of its own (coordinated): a Chinese clause with a
// question word, after a comma; a Latin one with a conjunction, then a
// question word, maybe after its preposition ("and until when"), or,
// after a comma or dash, a question verb; after a bare conjunction
// (bare), a question word only.
func (m *messageCues) opensQuestion(rest string, bare bool) bool {
	rest = strings.TrimLeft(rest, " ")
	if r, _ := utf8.DecodeRuneInString(rest); isHan(r) {
		clause, _, _ := strings.Cut(rest, ",")
		return !bare && m.questionWords.in(clause, segment(clause))
	}
	units := segment(rest)
	n := m.clauseConjunctions.at(units, 0)
	if n == 0 || n >= len(units) {
		return false
	}
	if m.questionVerbs.at(units, n) > 0 {
		return !bare
	}
	if m.questionPrepositions.at(units, n) > 0 {
		n++
	}
	return n < len(units) && m.questionWords.at(units, n) > 0
}

// asQuestion ends a clause with a question mark.
func asQuestion(clause string) string {
	clause = strings.Trim(clause, " ?")
	return clause + "?"
}

// asksWhether reports whether question q is to be answered yes or no: it
// begins with a question verb ("Ist …", "Is …"), or has a Chinese word
// that says so (吗, 是否).
func (m *messageCues) asksWhether(q *question) bool {
	// Not the German "Was …?", which asks what; the English "Was Zibo
	// ever a member?" asks whether.
	return m.opensWithQuestionVerb(q.units) && !(q.lang == corpus.German && m.questionWords.at(q.units, 0) > 0) ||
		slices.ContainsFunc(m.whether.chinese, func(w string) bool { return strings.Contains(q.text, w) })
}

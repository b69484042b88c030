package search

import (
	"cmp"
	"fmt"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
)

// The alliance's releases are where new facts appear: a city joins, the
// contact changes, the next plenary assembly is announced. A learner
// reads each release for the facts it states, each with the release as
// its source and the release's date as "as of"; knowledge.go merges them
// with the data files, the newest winning.

// learned is what one release states about the alliance.
type learned struct {
	release     *corpus.Release
	contact     *corpus.Office
	count       *corpus.Count
	memberships []learnedMembership
	assemblies  []corpus.Assembly
	people      []corpus.Person
	glosses     []nameGloss
	// failure says why nothing was learned, when the learner failed on
	// the release (learn); it is not kept with what was learned, so a
	// release is read again at the next start.
	failure error
}

// nameGloss is a name a release gives in Chinese and in Latin letters:
// "海尔布隆（Heilbronn）".
type nameGloss struct {
	Chinese string `json:"zh"`
	Latin   string `json:"latin"`
	// Programme marks the name of a programme or a project, in Chinese
	// quotes: “蓝环”（BlueLoop）; else it is a place's.
	Programme bool `json:"programme,omitempty"`
}

// learnedMembership is a city a release says joined, left, applied to
// join or suspended its membership, and when.
type learnedMembership struct {
	city   corpus.City // its names, country and region, as far as known
	when   corpus.Date
	change membershipChange
	// until is when a suspension ends, if the release says.
	until corpus.Date
	// effective marks a day the release gives as the one the change
	// takes effect ("自2029年3月1日起", "mit Wirkung vom"), which beats the
	// day it was decided.
	effective bool
}

// membershipChange is what a release says of a city's membership.
type membershipChange uint8

const (
	joins membershipChange = iota
	leaves
	applies     // has applied to join, or is to be considered
	suspends    // its membership rests for a time: still a member
	becomesFull // a member with guest status becomes a full member
)

// learner learns facts from releases.
type learner struct {
	cues   *cues
	places *placeFinder
}

// learn reads r for the facts it states. A release the learner fails on
// (a panic in one of its readers, a bug) states nothing: its text is
// still searched, and the failure says which release it was, with the
// stack, rather than one release bringing the process down.
func (l *learner) learn(r *corpus.Release) (k *learned) {
	defer func() {
		if p := recover(); p != nil {
			k = &learned{release: r, failure: fmt.Errorf("%s: learning its facts failed: %v\n%s", r.ID, p, debug.Stack())}
		}
	}()
	return l.facts(r)
}

// facts reads r for the facts it states.
func (l *learner) facts(r *corpus.Release) *learned {
	cite := corpus.Cite{Source: r.ID, AsOf: corpus.DateOf(r.Date)}
	body := sentencesOf(r.Body)
	about := sentencesOf(r.About)
	titleNumber := l.assemblyNumber(sentence{text: r.Title, units: segment(r.Title)})
	assemblies := l.assemblies(r, body, cite, titleNumber)
	// A join no sentence dates is of the day of the assembly the release
	// reports on, if it does, else of the day of the release.
	undated, held := heldOn(titleNumber, assemblies, cite.AsOf)
	if !held {
		undated = cite.AsOf
	}
	return &learned{
		release:     r,
		contact:     l.contact(r, cite),
		count:       l.count(about, body, cite),
		memberships: l.memberships(r, body, cite, undated),
		assemblies:  assemblies,
		people:      l.people(r, slices.Concat(body, about), cite),
		glosses:     l.glosses(r),
	}
}

// glossPatterns find a Chinese name with its Latin one in brackets, and
// the other way round: "汉堡（Hamburg）", "Wuhu (芜湖)".
var glossPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(\p{Han}+)\s*[（(]\s*(\p{Lu}[\p{L}.'’ -]{1,40}?)\s*[)）]`),
	regexp.MustCompile(`(\p{Lu}[\p{L}-]{1,40})\s*[（(]\s*(\p{Han}{2,10})\s*[)）]`),
}

// glosses finds the names of places a release gives in both scripts. Before a
// bracket, a Chinese name runs back to the first character that ends a
// word before a name (了, 国, 和: "访问了德国汉堡" glosses 汉堡).
func (l *learner) glosses(r *corpus.Release) []nameGloss {
	var out []nameGloss
	for _, text := range append([]string{r.Title}, r.Body...) {
		for k, re := range glossPatterns {
			for _, at := range re.FindAllStringSubmatchIndex(text, -1) {
				han, latin := text[at[2]:at[3]], strings.TrimSpace(text[at[4]:at[5]])
				if k == 1 {
					han, latin = text[at[4]:at[5]], text[at[2]:at[3]]
					if fullName(text[:at[0]], latin, han) {
						continue // "Zhou Haining (周海宁)": a person, not Haining
					}
				}
				runes := []rune(l.withoutPlaceSuffix(han))
				// A name has two characters at least, whatever they are
				// (达 of 哥达 ends words too).
				start := max(len(runes)-2, 0)
				for start > 0 && !l.cues.nameBoundaries.in(string(runes[start-1]), nil) {
					start--
				}
				name := l.withoutPlaceSuffix(l.withoutRegion(string(runes[start:])))
				g := nameGloss{Chinese: name, Latin: latin}
				// Not an organisation of the place: "Jena（耶拿大学）".
				if utf8.RuneCountInString(name) >= 2 && l.places.isPlace(latin) && !l.cues.roleOrganisations.endsIn(name) && !slices.Contains(out, g) {
					out = append(out, g)
				}
			}
		}
		for _, at := range quotedGloss.FindAllStringSubmatch(text, -1) {
			if g, ok := l.programmeGloss(at[1], at[2]); ok && !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}
	return out
}

// quotedGloss finds a name in Chinese quotes and what the brackets after
// it hold, a few characters of what it names further at most: “蓝环”
// （BlueLoop）, “工匠桥”中德青年技工交流计划（德文名称“Handwerksbrücke”）.
var quotedGloss = regexp.MustCompile(`“(\p{Han}[\p{Han}\p{N}]{1,15})”\p{Han}{0,12}[（(]([^（()）]{2,80})[)）]`)

// programmeGloss reads the brackets after a programme's or a project's
// Chinese name as its Latin one, past a word that says which language it
// is in ("英文名HeatLink", "德文名称：ISA-Partnerschaft"); ok is false if
// they hold no Latin name.
func (l *learner) programmeGloss(chinese, bracket string) (nameGloss, bool) {
	latin := strings.TrimSpace(bracket)
	for _, prefix := range l.cues.glossPrefixes.chinese {
		if rest, ok := strings.CutPrefix(latin, prefix); ok {
			latin = rest
			break
		}
	}
	latin = strings.Trim(latin, " ：:“”\"")
	first, _ := utf8.DecodeRuneInString(latin)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) || strings.ContainsFunc(latin, isHan) {
		return nameGloss{}, false
	}
	return nameGloss{Chinese: chinese, Latin: latin, Programme: true}, true
}

// withoutPlaceSuffix takes off the ending of a Chinese place's name that
// its short name leaves out (芜湖市 is 芜湖), when two characters remain.
func (l *learner) withoutPlaceSuffix(name string) string {
	for _, suffix := range l.cues.placeSuffixes.chinese {
		if trimmed, ok := strings.CutSuffix(name, suffix); ok && utf8.RuneCountInString(trimmed) >= 2 {
			return trimmed
		}
	}
	return name
}

// withoutRegion takes off the region a Chinese place's name begins with:
// 纽伦堡 of 巴伐利亚州纽伦堡, "Nürnberg in Bavaria".
func (l *learner) withoutRegion(name string) string {
	runes := []rune(name)
	for k := len(runes) - 2; k >= 2; k-- {
		if l.places.isRegion(string(runes[:k])) {
			return string(runes[k:])
		}
	}
	return name
}

// fullName reports whether the Latin name before a Chinese one in
// brackets is the end of a longer name that reads as the Chinese: a
// person's family name and given name ("Zhou Haining (周海宁)"), of which
// the given name may be a place's name too.
func fullName(before, latin, han string) bool {
	family := latinWordBefore(before)
	r, _ := utf8.DecodeRuneInString(family)
	return unicode.IsUpper(r) && readsAs(han, strings.ToLower(family+latin))
}

// latinWordBefore is the word in Latin letters that text ends with:
// "Zhao" of "赵立新（Zhao ".
func latinWordBefore(text string) string {
	runes := []rune(strings.TrimRightFunc(text, unicode.IsSpace))
	i := len(runes)
	for i > 0 && unicode.IsLetter(runes[i-1]) && !isHan(runes[i-1]) {
		i--
	}
	return string(runes[i:])
}

// empty reports whether nothing was learned.
func (k *learned) empty() bool {
	return k.contact == nil && k.count == nil && len(k.memberships) == 0 && len(k.assemblies) == 0 && len(k.people) == 0 &&
		len(k.glosses) == 0
}

// sentence is a sentence of a release, cut into units, with the
// paragraph it stands in.
type sentence struct {
	text, paragraph string
	units           []unit
}

func sentencesOf(paragraphs []string) []sentence {
	var out []sentence
	for _, p := range paragraphs {
		for _, s := range splitSentences(p) {
			out = append(out, sentence{text: s, paragraph: p, units: segment(s)})
		}
	}
	return out
}

// The contact block.

var (
	emailPattern  = regexp.MustCompile(`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	urlPattern    = regexp.MustCompile(`(?i)^(?:https?://|www\.)\S+$`)
	phonePattern  = regexp.MustCompile(`^\+?[\d(][\d ()/–-]{5,}\d$`)
	postalPattern = regexp.MustCompile(`^(?:D-)?[0-9]{4,6}\s+(\pL.*)$`)
	labelPattern  = regexp.MustCompile(`^([^:：]{1,30})[:：]\s*(.*)$`)
	// labelledPhone is a number after its label without a colon: "Tel.
	// +49 30 5557 2048", "Mobil +49 172 555 3391".
	labelledPhone = regexp.MustCompile(`^(\pL[\pL.\s-]{0,18}?)\.?\s+(\+?[\d(][\d ()/–-]{5,}\d)$`)
)

// contact reads the contact block: the contact person, organisation,
// address, phone, fax, e-mail and web site. A block of the secretariat
// in China is the secretariat's; any other is the office in Germany.
func (l *learner) contact(r *corpus.Release, cite corpus.Cite) *corpus.Office {
	o := &corpus.Office{Kind: corpus.OfficeGerman, Cite: cite}
	lines, since := l.currentContact(r.Contact)
	for _, line := range lines {
		for _, part := range contactParts(line) {
			l.contactPart(o, part, r.Lang)
		}
	}
	o.Since = since
	if o.Person == "" && o.Organisation == "" && o.Email == "" && o.Phone == "" {
		return nil
	}
	l.detailsInBody(o, r.Body, r.Lang)
	if o.Since.IsZero() {
		o.Since = l.contactSince(o, r.Body)
	}
	// A release of a member city may give the city's press office: that
	// is no contact of the alliance, unless it names the alliance, its
	// address or its website.
	block := strings.Join(r.Contact, " ")
	if l.cues.cityOffice.inText(block) && !l.cues.allianceContact.inText(block) {
		return nil
	}
	// Whose it is, the lines of the contact chosen say, not the other
	// side's after it ("德国：Tobias Brandl … 中国：… 联盟秘书处 …").
	chosen := strings.Join(lines, " ")
	if strings.HasPrefix(o.Phone, "+86") || l.cues.secretariatContact.inText(chosen) {
		o.Kind = corpus.OfficeSecretariat
		o.Press = l.cues.pressContact.inText(chosen)
	}
	if o.Person != "" && o.PersonRole == nil {
		o.PersonRole = catalogText("contact.person_role")
	}
	o.Role = catalogText("contact.press_office_role")
	if o.Kind == corpus.OfficeSecretariat {
		o.Role = catalogText("contact.secretariat_office_role")
	}
	return o
}

// detailsInBody adds to a contact the numbers its block leaves out and
// a list in the release's text gives: "So erreichen Medien die ISA ab
// dem 1. September 2029:", then "Telefon: +49 30 4431 2210" and "Mobil:
// +49 172 555 3841" as items. The list must give the block's phone
// number too, and name no one else, or it may be another office's or
// person's; the day its head says it holds from is the contact's, when
// the block gives none.
func (l *learner) detailsInBody(o *corpus.Office, body []string, lang corpus.Lang) {
	for i, head := range body {
		if !announcesList(head) {
			continue
		}
		var listed corpus.Office
		for _, item := range body[i+1:] {
			if !isListItem(item) || announcesList(item) {
				break // the list's end, or the next one's head
			}
			for _, part := range contactParts(strings.TrimLeft(item, "-•*– ")) {
				l.contactPart(&listed, part, lang)
			}
		}
		// The phone number says whose the list is; a press inbox may
		// be shared, and a list that names someone else is theirs. A
		// list "bis zum 31. Mai 2030" is of the details before.
		if listed.Phone == "" || listed.Phone != o.Phone || listed.Person != "" && listed.Person != o.Person || l.namesLastDay(head) {
			continue
		}
		o.Mobile, o.Fax = cmp.Or(o.Mobile, listed.Mobile), cmp.Or(o.Fax, listed.Fax)
		if d, ok := l.effectiveDate(sentence{text: head}); ok && o.Since.IsZero() {
			o.Since = d
		}
	}
}

// contactSince is the day a sentence of the release's text says the
// contact person takes up the press work from, "Leonie Haberkorn wird
// zum 1. September 2029 Pressesprecherin der ISA-Kontaktstelle
// Deutschland.", or zero: the sentence names the person and a press
// role.
func (l *learner) contactSince(o *corpus.Office, body []string) corpus.Date {
	if o.Person == "" {
		return corpus.Date{}
	}
	for _, s := range sentencesOf(body) {
		if !strings.Contains(s.text, o.Person) || !l.cues.pressContact.in(s.text, s.units) {
			continue
		}
		if d, ok := l.effectiveDate(s); ok {
			return d
		}
	}
	return corpus.Date{}
}

// currentContact is the lines of the contact a block gives as the one to
// turn to: of a block that gives one for each side ("中方：黄嘉怡，新闻官 …
// 德方：Tobias Wendland，新闻发言人 …"), the first, without the side's
// label; of one that gives the contacts before and from a day ("Bis 31.
// Oktober 2027: Miriam Kessler … Ab 1. November 2027: Daniel Rehbein …"),
// the one from that day, with the day; of one that lists two people one
// after the other, each with a phone number or e-mail address and no
// label, the first, unless it is a city's office; else the whole block.
func (l *learner) currentContact(lines []string) (current []string, since corpus.Date) {
	groups := l.contactGroups(lines)
	for i, g := range groups {
		if !g.from.IsZero() {
			return slices.Concat(headOf(groups[:i]), g.lines), g.from
		}
	}
	// A city's press office beside the alliance's is the city's contact,
	// not the alliance's: "Stadt Hildesheim, Pressestelle …", then
	// "ISA-Kontaktbüro Deutschland …".
	if len(groups) > 1 && l.cityContact(groups[0].lines) {
		if i := slices.IndexFunc(groups, func(g contactGroup) bool { return !l.cityContact(g.lines) }); i > 0 {
			return groups[i].lines, corpus.Date{}
		}
	}
	switch {
	case len(groups) == 0:
		return nil, corpus.Date{}
	case !groups[0].labelled && len(groups) > 1 && !slices.ContainsFunc(groups[0].lines, reachable):
		// The lines before the first label head the first contact, when
		// they give no way to reach anyone themselves.
		return slices.Concat(groups[0].lines, groups[1].lines), corpus.Date{}
	}
	return groups[0].lines, corpus.Date{}
}

// headOf is the lines that head the dated contacts after groups: the
// office's name before "until …:" and "from …:" ("ISA Contact Office
// Germany"), the last group without a label, when it gives no way to
// reach anyone itself.
func headOf(groups []contactGroup) []string {
	for i := len(groups) - 1; i >= 0; i-- {
		if g := groups[i]; !g.labelled {
			if slices.ContainsFunc(g.lines, reachable) {
				return nil
			}
			return g.lines
		}
	}
	return nil
}

// contactGroup is the lines of one contact in a contact block.
type contactGroup struct {
	lines    []string
	from     corpus.Date // the day a label "Ab 1. November 2027:" gives
	labelled bool        // whether it starts at a side's label, a day's or an office's
}

// contactGroups cuts a contact block into its contacts: at a side's
// label, a day's or an office's, and where the next contact's person or
// office begins.
func (l *learner) contactGroups(lines []string) []contactGroup {
	var groups []contactGroup
	for _, line := range lines {
		label, rest, ok := cutColon(line)
		units := segment(label)
		// A side's label may say from when in brackets: "中方（自2033年10月1日起）".
		side := ok && l.isSide(withoutAlias(label))
		dates := findDates(label)
		dated := ok && len(dates) > 0 && (len(units) <= 6 || side)
		// A line an office's name labels, with someone to reach after it.
		office := ok && !side && !dated && l.officeLabel(label, units) && reachable(rest) && l.startsWithPerson(rest)
		if side || dated || office || len(groups) == 0 || !ok && l.beginsContact(line, groups[len(groups)-1].lines) {
			g := contactGroup{labelled: side || dated || office}
			if dated && l.startsFrom(label[:dates[0].start]) {
				g.from = dates[0].date
			}
			if office {
				g.lines = []string{label} // "ISA Secretariat, Foshan: Lu Jiaxin, …"
			}
			if side || dated || office {
				line = rest
			}
			groups = append(groups, g)
		}
		if line != "" {
			groups[len(groups)-1].lines = append(groups[len(groups)-1].lines, line)
		}
	}
	return groups
}

// officeLabel reports whether the label of a line of a contact block
// names an office, whose contact the line gives after it: "ISA German
// Office, Berlin: Malte Kronsbein, Press Spokesman, …"; not one with a
// field's word ("E-Mail der ISA-Geschäftsstelle:", "Pressekontakt ISA:").
func (l *learner) officeLabel(label string, units []unit) bool {
	c := l.cues
	for _, field := range []*cueList{&c.contactEmail, &c.contactPhone, &c.contactMobile, &c.contactFax, &c.contactWebsite, &c.contactPerson} {
		if field.in(label, units) {
			return false
		}
	}
	return c.organisation.in(label, units) || c.allianceContact.in(label, units)
}

// startsFrom reports whether the words before a day say something
// holds from it: "ab", "from".
func (l *learner) startsFrom(before string) bool {
	return l.cues.effective.endsIn(before) || l.cues.roleSince.endsIn(before)
}

// beginsContact reports whether a line without a label begins the next
// contact after the lines of one before. A line that starts with a
// person's name does after someone else's name and a way to reach them:
// "Till Vormweg" after "Li Siying (黎思颖) … E-mail:
// press@isa-foshan.example", "Zhou Haining, press liaison, …, phone +86
// …" after "Jonas Haberland, …, phone +49 …". So does an office's name
// right after a way to reach the one before, which has its office's
// name: "ISA-Kontaktbüro Deutschland" after "Stadt Hildesheim,
// Pressestelle" … "E-Mail: presse@hildesheim.example" (not
// "ISA-Sekretariat in Foshan" after "Li Siying" and her e-mail address).
func (l *learner) beginsContact(line string, before []string) bool {
	if l.startsWithPerson(line) {
		return slices.ContainsFunc(before, reachable) && slices.ContainsFunc(before, l.startsWithPerson)
	}
	return l.officeLine(line) && l.namesOffice(before)
}

// cityContact reports whether the lines of a contact are a city's
// office's that does not name the alliance.
func (l *learner) cityContact(lines []string) bool {
	text := strings.Join(lines, " ")
	return l.cues.cityOffice.inText(text) && !l.cues.allianceContact.inText(text)
}

// officeLine reports whether a line of a contact block may name an
// office: no way to reach it, no number (an address has one), no web
// address, no person.
func (l *learner) officeLine(line string) bool {
	return !reachable(line) && !strings.ContainsFunc(line, unicode.IsDigit) && !urlPattern.MatchString(strings.TrimSpace(line)) &&
		!l.startsWithPerson(line)
}

// namesOffice reports whether the lines of a contact name its office
// and end with a way to reach it.
func (l *learner) namesOffice(lines []string) bool {
	return len(lines) > 0 && reachable(lines[len(lines)-1]) && slices.ContainsFunc(lines, l.officeLine)
}

// startsWithPerson reports whether a line of a contact block starts
// with a person's name: "Till Vormweg", "Li Siying (黎思颖)", "黄嘉怡，新闻官".
func (l *learner) startsWithPerson(line string) bool {
	parts := contactParts(line)
	return len(parts) > 0 && l.isPerson(parts[0])
}

// isPerson reports whether a part of a contact block is a person's name,
// not an office's or a street's: two to four capitalised words, or two
// to four Chinese characters, with a title before it or the name in the
// other script after it in brackets.
func (l *learner) isPerson(part string) bool {
	units := segment(part)
	// Nor a city's office: "Stadt Hildesheim".
	if l.cues.organisation.in(part, units) || l.isStreet(part, units) || l.cues.cityOffice.at(units, 0) > 0 {
		return false
	}
	name := withoutAlias(part)
	return isLatinName(strings.TrimPrefix(strings.TrimPrefix(name, "Dr. "), "Prof. "), 2) || isChineseName(name)
}

// isStreet reports whether a part of a contact block is a street with
// its number: "Marienstraße 27", not the name "Till Vormweg".
func (l *learner) isStreet(part string, units []unit) bool {
	return l.cues.street.in(part, units) && strings.ContainsAny(part, "0123456789")
}

// reachable reports whether a line of a contact block gives a phone
// number or an e-mail address.
func reachable(line string) bool {
	return emailPattern.MatchString(line) || phoneInText.MatchString(line)
}

// setNumber sets the mobile, phone or fax number of o that label names
// ("Mobil", "Tel.", 传真), unless o has one; false if it names none.
func (l *learner) setNumber(o *corpus.Office, label string, units []unit, number string) bool {
	var field *string
	switch {
	case l.cues.contactMobile.whole(label, units):
		field = &o.Mobile
	case l.cues.contactPhone.whole(label, units):
		field = &o.Phone
	case l.cues.contactFax.whole(label, units):
		field = &o.Fax
	default:
		return false
	}
	*field = cmp.Or(*field, normaliseDash(number))
	return true
}

// isSide reports whether a label of a contact block names a side: "中方",
// "德国方面", "Deutsche Seite", "German side".
func (l *learner) isSide(label string) bool {
	label = strings.ToLower(strings.TrimSpace(label))
	for _, w := range l.cues.sideWords.all {
		if rest, ok := strings.CutSuffix(label, w); ok && rest != "" {
			label = strings.TrimSpace(rest)
			break
		}
	}
	units := segment(label)
	return l.cues.countChina.whole(label, units) || l.cues.countGermany.whole(label, units)
}

// contactParts cuts a line of a contact block that holds an address
// ("Elbbrücke PR GmbH, Große Elbstraße 145, 22767 Hamburg") or a name
// and a role ("陈思远（Chen Siyuan），联盟新闻联络人") into its parts.
func contactParts(line string) []string {
	line = strings.TrimSpace(line)
	if labelPattern.MatchString(line) && !strings.Contains(line, "://") {
		return []string{line}
	}
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(line, "，", ", "), ", ") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (l *learner) contactPart(o *corpus.Office, part string, lang corpus.Lang) {
	if m := labelPattern.FindStringSubmatch(part); m != nil && !strings.Contains(part, "://") {
		label, value := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
		units := segment(label)
		switch {
		// The block's first office is the one it is for: a second one
		// ("德国联络处：...") does not overwrite it.
		case l.cues.contactEmail.whole(label, units):
			o.Email = cmp.Or(o.Email, cmp.Or(emailPattern.FindString(value), value))
			return
		case l.setNumber(o, label, units, value):
			return
		case l.cues.contactWebsite.whole(label, units):
			o.Website = cmp.Or(o.Website, value)
			return
		case l.cues.contactPerson.whole(label, units):
			if value != "" && o.Person == "" {
				o.Person = value
				o.PersonRole = corpus.Text{lang: label}
				if lang != corpus.English {
					o.PersonRole[corpus.English] = "contact person"
				}
				if lang != corpus.Chinese {
					o.PersonRole[corpus.Chinese] = "联系人"
				}
			}
			return
		}
	}
	if m := labelledPhone.FindStringSubmatch(part); m != nil {
		if label := strings.TrimSpace(m[1]); l.setNumber(o, label, segment(label), m[2]) {
			return
		}
	}
	units := segment(part)
	switch {
	case emailPattern.MatchString(part):
		o.Email = cmp.Or(o.Email, emailPattern.FindString(part))
	case urlPattern.MatchString(part):
		o.Website = cmp.Or(o.Website, part)
	case phonePattern.MatchString(part):
		o.Phone = cmp.Or(o.Phone, normaliseDash(part))
	case postalPattern.MatchString(part):
		o.Address = append(o.Address, part)
		o.City = cmp.Or(o.City, strings.TrimSpace(postalPattern.FindStringSubmatch(part)[1]))
	case l.isStreet(part, units):
		o.Address = append(o.Address, part)
	case l.cues.organisation.in(part, units):
		o.Organisation = cmp.Or(o.Organisation, part)
	case o.Person == "" && l.isPerson(part):
		o.Person = part
	case o.Person != "" && o.PersonRole == nil && l.cues.pressContact.in(part, units):
		o.PersonRole = catalogText("contact.press_contact_role") // "联盟新闻联络人"
	case o.Organisation != "" && o.City == "" && len(l.places.find(part)) == 1:
		o.City = part // "BWA – Deutsches Sekretariat der ISA, Berlin"
	case o.Organisation == "" && strings.IndexFunc(part, unicode.IsDigit) < 0:
		o.Organisation = part
	}
}

// whole reports whether a label is one of the cues and nothing more.
func (l *cueList) whole(text string, units []unit) bool {
	if slices.Contains(l.chinese, strings.TrimSpace(text)) {
		return true
	}
	return len(units) > 0 && l.at(units, 0) == len(units)
}

// normaliseDash writes a phone number's dash as a hyphen: "25 79 72 –
// 23" becomes "25 79 72-23".
func normaliseDash(s string) string {
	return strings.NewReplacer(" – ", "-", " - ", "-", "–", "-").Replace(strings.TrimSpace(s))
}

// catalogText is the message key in every language of the message
// catalogue: the roles the releases' contact blocks give.
func catalogText(key string) corpus.Text {
	text := corpus.Text{}
	for _, lang := range corpus.Langs() {
		text[lang] = msg(lang, key)
	}
	return text
}

// withoutAlias cuts the Latin form in brackets off a Chinese name:
// "陈思远（Chen Siyuan）" is 陈思远.
func withoutAlias(s string) string {
	for _, open := range []string{"（", "("} {
		if name, rest, ok := strings.Cut(s, open); ok && (strings.HasSuffix(rest, "）") || strings.HasSuffix(rest, ")")) {
			return strings.TrimSpace(name)
		}
	}
	return s
}

func isChineseName(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 2 && n <= 4 && strings.IndexFunc(s, func(r rune) bool { return !isHan(r) }) < 0
}

// Member counts.

// count reads the member counts: from the about section, and from
// sentences of the news text that state one ("Damit zählt die ISA 51
// Mitgliedsstädte"), not from any number of cities ("aus 38
// Mitgliedsstädten").
func (l *learner) count(about, body []sentence, cite corpus.Cite) *corpus.Count {
	c := &corpus.Count{Cite: cite}
	for _, s := range about {
		l.countIn(s, c, false)
	}
	for _, s := range body {
		// The place of a city that joins is the count after it: "Zibo
		// becomes the alliance's 51st member city", "第52个成员城市".
		joining := l.cues.join.in(s.text, s.units) ||
			l.cues.alliance.in(s.text, s.units) && l.cues.joinWithAlliance.in(s.text, s.units)
		if l.cues.countVerbs.in(s.text, s.units) || joining {
			l.countIn(s, c, joining)
		}
	}
	if c.Total == 0 && c.Germany == 0 && c.China == 0 {
		return nil
	}
	if c.Total == 0 && c.Germany > 0 && c.China > 0 {
		c.Total = c.Germany + c.China // the two sides are all members
	}
	if c.Total != 0 && c.Germany+c.China > c.Total {
		return nil // a misreading: the parts cannot exceed the whole
	}
	if c.Total != 0 && c.Germany != 0 && c.China != 0 && c.Germany+c.China != c.Total {
		// The two sides are all members: numbers that do not add up
		// count something else ("Vertreter aus Deutschland (12) und
		// China (15)").
		c.Germany, c.China = 0, 0
	}
	return c
}

// writtenNumber is a number a sentence gives, in digits, in Chinese
// numerals or as a word ("neun Bundesländern"), and where.
type writtenNumber struct {
	n, start, end int
	word          bool
}

// numbersWritten finds the numbers of s, in order.
func numbersWritten(s sentence) []writtenNumber {
	var out []writtenNumber
	for _, m := range numeralPattern.FindAllStringIndex(s.text, -1) {
		numeral := s.text[m[0]:m[1]]
		out = append(out, writtenNumber{n: chineseNumber(numeral), start: m[0], end: m[1], word: !isNumber(numeral)})
	}
	for _, u := range s.units {
		if n, ok := cardinalWords[u.key]; ok && !u.han {
			out = append(out, writtenNumber{n: n, start: u.start, end: endOf(u), word: true})
		}
	}
	slices.SortFunc(out, func(a, b writtenNumber) int { return cmp.Compare(a.start, b.start) })
	return out
}

// countIn fills what c lacks from the numbers of s: "51 Mitgliedsstädte",
// "21 deutsche Städte aus 8 Bundesländern", "23 in Deutschland",
// "共有51个成员城市", "德国城市22个", "德国8个联邦州"; and from ordinals when
// ordinals count, in a sentence on a city that joins ("its 49th member
// city"). A number in words counts Länder or provinces only ("aus neun
// Bundesländern", "十四个省份"): "zwei neue Mitglieder" are not all.
func (l *learner) countIn(s sentence, c *corpus.Count, ordinals bool) {
	for _, m := range numbersWritten(s) {
		if m.n == 0 || m.n >= 1000 || !ordinals && isOrdinalAt(s.text, m.start, m.end) {
			continue
		}
		field, bracketed := l.countedInBrackets(s.text[:m.start], s.text[m.end:], c)
		if !bracketed {
			field = l.countedAfter(s.text[m.end:], c)
		}
		if field == nil && !m.word && !bracketed {
			field = l.countedBefore(s.text[:m.start], c)
		}
		// "410 delegates from 42 member cities": the cities people came
		// from, after the count of the people; "Das Bündnis aus 49
		// Mitgliedsstädten" is all of them.
		before := s.text[:m.start]
		cameFrom := l.cues.countFrom.endsIn(before) && countsBefore(before)
		if regions := field == &c.Länder || field == &c.Provinces; !regions && (m.word || cameFrom) {
			continue
		}
		if field != nil && *field == 0 {
			*field = m.n
		}
	}
}

// countedInBrackets reads a count in brackets after its words, and
// reports whether the number is in brackets: "aus Deutschland (21) und
// China (28)" counts 21 German members, not 21 Chinese ones, whatever
// follows.
func (l *learner) countedInBrackets(before, after string, c *corpus.Count) (*int, bool) {
	before = strings.TrimRightFunc(before, unicode.IsSpace)
	open, ok := strings.CutSuffix(before, "(")
	if !ok {
		open, ok = strings.CutSuffix(before, "（")
	}
	closed := strings.TrimLeft(after, " 个座家")
	if !ok || !strings.HasPrefix(closed, ")") && !strings.HasPrefix(closed, "）") {
		return nil, false
	}
	for _, k := range l.countKinds(c) {
		if k.list.endsIn(open) {
			return k.field, true
		}
	}
	return nil, true
}

// countsBefore reports whether a text gives a number that is no year:
// "23 host companies in", not "founded in April 2016, is now present in".
func countsBefore(text string) bool {
	return slices.ContainsFunc(digitsRun.FindAllString(text, -1), func(n string) bool {
		v, _ := strconv.Atoi(n)
		return v < 1900 || v > 2100
	})
}

// digitsRun finds a run of digits.
var digitsRun = regexp.MustCompile(`\d+`)

// countedAfter is the count that the words after a number say it is: the
// first cue among the next few words ("51 leistungsstarken
// Industriestandorten", "8 Bundesländern", "23 in Deutschland", "个德国城市").
func (l *learner) countedAfter(after string, c *corpus.Count) *int {
	after = strings.TrimLeft(after, " 个座家")
	for _, k := range l.countKinds(c) {
		for _, w := range k.list.chinese {
			rest, ok := strings.CutPrefix(after, w)
			if !ok {
				continue
			}
			// A side counts its cities, not its companies: "22家德国企业".
			country := k.field == &c.Germany || k.field == &c.China
			rest = strings.TrimPrefix(rest, "的") // 22个德国的成员城市
			if next, _ := utf8.DecodeRuneInString(rest); country && isHan(next) && !slices.ContainsFunc(l.cues.countMembers.chinese, func(m string) bool { return strings.HasPrefix(rest, m) }) {
				return nil
			}
			return k.field
		}
	}
	units := segment(firstRunes(after, 60))
	for i := 0; i < len(units) && i < 3 && !units[i].han; i++ {
		// The words after a stop or a comma are another's: "auf den
		// Linien 102 und 106. Beide Städte gehören der ISA an".
		before := after[:units[i].start]
		if i > 0 {
			before = after[endOf(units[i-1]):units[i].start]
		}
		if _, _, number := numberOf(units, i); number || strings.ContainsAny(before, ":;,.") {
			return nil
		}
		for _, k := range l.countKinds(c) {
			if k.list.at(units, i) > 0 {
				return k.field
			}
		}
	}
	return nil
}

// countedBefore reads a count whose words come first, as Chinese may
// write them: "德国城市22个".
func (l *learner) countedBefore(before string, c *corpus.Count) *int {
	before = strings.TrimRightFunc(before, unicode.IsSpace)
	// "成员城市总数增至50个": the verb between the words and the number.
	verb := false
	for {
		rest, ok := cutChineseSuffix(&l.cues.countVerbs, before)
		if !ok {
			break
		}
		before, verb = rest, true
	}
	rest, ok := cutChineseSuffix(&l.cues.countMembers, before)
	switch {
	case !ok && hasChineseSuffix(&l.cues.countGermany, before):
		return &c.Germany // "其中中方31个、德方23个": the side alone
	case !ok && hasChineseSuffix(&l.cues.countChina, before):
		return &c.China
	case !ok:
		return nil
	case hasChineseSuffix(&l.cues.countGermany, rest):
		return &c.Germany
	case hasChineseSuffix(&l.cues.countChina, rest):
		return &c.China
	case verb:
		// "成员城市总数增至50个": all members.
		return &c.Total
	}
	return nil
}

// countKind is a count a cue list names, in the order they are tried: a
// Land or province names no member count, and a country comes before the
// word for members ("21 deutsche Städte").
type countKind struct {
	list  *cueList
	field *int
}

func (l *learner) countKinds(c *corpus.Count) []countKind {
	return []countKind{
		{&l.cues.countLaender, &c.Länder}, {&l.cues.countProvinces, &c.Provinces},
		{&l.cues.countGermany, &c.Germany}, {&l.cues.countChina, &c.China}, {&l.cues.countMembers, &c.Total},
	}
}

func hasChineseSuffix(list *cueList, text string) bool {
	_, ok := cutChineseSuffix(list, text)
	return ok
}

// cutChineseSuffix cuts a Chinese cue of list off the end of text.
func cutChineseSuffix(list *cueList, text string) (string, bool) {
	for _, w := range list.chinese {
		if t, ok := strings.CutSuffix(text, w); ok {
			return t, true
		}
	}
	return text, false
}

// isOrdinalAt reports whether the number text[start:end] is an ordinal:
// "21. deutsche", "第29个", "28th".
func isOrdinalAt(text string, start, end int) bool {
	if strings.HasSuffix(text[:start], "第") {
		return true
	}
	rest := text[end:]
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) && !isHan(r) {
		return true // 28th, 3rd
	}
	return strings.HasPrefix(rest, ". ") && len(rest) > 2 && unicode.IsLower([]rune(rest[2:])[0])
}

// lastRunes returns the last n characters of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; i > 0 && n > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// Cities that joined, and cities that left.

// memberships reads which cities the release says joined or left, and
// when: a date in the sentence (for leaving, one still to come too), else
// the release's. Cities the data files already hold as members keep what
// the data says of their joining. A sentence that only plans or applies
// says neither ("Kassel has applied to join", "plant den Austritt"); one
// about leaving names the alliance ("left the ISA", not "left the fair").
func (l *learner) memberships(r *corpus.Release, body []sentence, cite corpus.Cite, undated corpus.Date) []learnedMembership {
	m := &membershipReading{l: l, cite: cite, all: clausesOf(slices.Concat([]sentence{{text: r.Title, units: segment(r.Title)}}, body))}
	// A clause on joining that names no city speaks of the one city the
	// release says joined, wherever it says so: "Zum 1. August 2036 wird
	// die Lausitzer Stadt Mitglied der Allianz" may come before the
	// clause that names Cottbus. It is read after all the others.
	var unnamed []func()
	for k, s := range m.all {
		switch c := l.membershipClause(s, r.Lang); {
		case c.applying:
			m.applications(s)
		case c.suspending:
			m.suspensions(k, s)
		case !c.left && !c.joining:
			m.dateOfChange(k, s)
		case !c.left && !slices.ContainsFunc(l.citiesOfClause(m.all, k), mayJoin):
			unnamed = append(unnamed, func() { m.changes(k, s, c) })
		default:
			m.changes(k, s, c)
		}
	}
	for _, change := range unnamed {
		change()
	}
	// What no sentence dates, the release says as of its date, or of the
	// assembly it reports on.
	out := m.out
	for i := range out {
		if out[i].when.IsZero() {
			out[i].when = undated
		}
		if out[i].change == joins {
			out[i].city.Joined = out[i].when
		}
	}
	return out
}

// membershipReading is what memberships has read of a release so far:
// its clauses (the title's first) and the changes they state.
type membershipReading struct {
	l    *learner
	all  []sentence
	cite corpus.Cite
	out  []learnedMembership
}

// applications adds the cities, not members, that a clause says applied.
func (m *membershipReading) applications(s sentence) {
	for _, p := range m.l.places.citiesNamed(s.text, &m.l.cues.city) {
		if p.city == nil || !p.city.IsMember() {
			m.out = addOnce(m.out, learnedMembership{city: m.l.cityOf(s, p), when: m.cite.AsOf, change: applies})
		}
	}
}

// suspensions adds the members whose membership clause k suspends.
func (m *membershipReading) suspensions(k int, s sentence) {
	for _, p := range m.l.citiesOfClause(m.all, k) {
		if p.city != nil && p.city.IsMember() {
			from, until := suspensionDates(s, m.cite.AsOf)
			m.out = addOnce(m.out, learnedMembership{city: *p.city, when: from, until: until, change: suspends})
		}
	}
}

// dateOfChange dates the one change the release states by clause k,
// which says when a membership begins or ends. "The board approved the
// application on 27 June 2028; the membership takes effect on 1 July
// 2028": the day the one city joining becomes a member, though still to
// come. "Ihre Mitgliedschaft endete mit Ablauf des 30. Juni 2028": the
// day the one city leaving, undated, ceased to be a member.
func (m *membershipReading) dateOfChange(k int, s sentence) {
	cues := m.l.cues
	text := firstDays(s.text)
	dates := findDates(text)
	if len(dates) == 0 {
		return
	}
	switch {
	case cues.suspend.in(s.text, s.units):
		// "Die Ruhephase ist bis zum 31. Dezember 2034 befristet": the
		// day after "bis" is the end of the one suspension the release
		// states, if no clause gave it; not another day of the pause
		// ("Während der Ruhephase lädt Solingen am 12. Juni 2033 …").
		i := onlyChange(m.out, suspends)
		if i < 0 || !m.out[i].until.IsZero() {
			return
		}
		for _, d := range dates {
			if cues.untilDay.endsIn(text[:d.start]) && compareCoarse(d.date, m.out[i].when) > 0 {
				m.out[i].until = d.date
				return
			}
		}
	case cues.takesEffect.in(s.text, s.units) && (cues.leave.in(s.text, s.units) || cues.leaveNouns.in(s.text, s.units)) && !m.l.membershipTakesEffect(s):
		// "Der Austritt wird zum 31. Oktober 2033 wirksam": the day the
		// one city leaving ceases to be a member, not the release's, nor
		// the decision's before it ("Nach dem Ratsbeschluss vom 28. April
		// wird der Austritt zum 31. Mai wirksam").
		if i := onlyChange(m.out, leaves); i >= 0 {
			when, ok := m.l.effectiveDate(s)
			if !ok {
				when = dates[0].date
			}
			m.out[i].when, m.out[i].effective = when, true
		}
	case !cues.membership.in(s.text, s.units):
		// Neither of the cases below: a day of something else.
	case cues.takesEffect.in(s.text, s.units):
		if i := onlyChange(m.out, joins); i >= 0 {
			m.out[i].when, m.out[i].effective = dates[0].date, true
		}
	case m.l.membershipBegins(s):
		if i := onlyChange(m.out, joins); i >= 0 && !m.out[i].effective {
			m.out[i].when, m.out[i].effective = dates[0].date, true
		}
	case cues.membershipEnds.in(s.text, s.units):
		// Of the city leaving, not of another the sentence names.
		i := onlyChange(m.out, leaves)
		if i < 0 || !m.out[i].when.IsZero() {
			return
		}
		if !slices.ContainsFunc(m.l.citiesOfClause(m.all, k), func(p foundPlace) bool { return p.city == nil || !sameCity(p.city, &m.out[i].city) }) {
			m.out[i].when = dates[0].date
		}
	}
}

// membershipTakesEffect reports whether a clause says a membership takes
// effect, which a leaving it names after a comma does not change: "the
// membership takes effect on 1 July 2028, the day after Hildesheim's
// withdrawal becomes effective" dates a joining; "Der Austritt wird zum
// 31. Mai wirksam" and "Bottrop hat seine Mitgliedschaft zum 31.
// Dezember wirksam gekündigt" a leaving.
func (l *learner) membershipTakesEffect(s sentence) bool {
	effect := l.cues.takesEffect.spans(s.text, s.units)
	if len(effect) == 0 || l.cues.leave.inText(s.text[:effect[0][0]]) {
		return false
	}
	rest, _, _ := strings.Cut(s.text[effect[0][0]:], ",")
	return l.cues.membership.inText(s.text[:effect[0][0]]) && !l.cues.leave.inText(rest)
}

// membershipBegins reports whether a sentence says a membership begins:
// a word for it right before one of membership_begins.
func (l *learner) membershipBegins(s sentence) bool {
	for i := range s.units {
		if n := l.cues.membership.at(s.units, i); n > 0 && l.cues.membershipBegins.at(s.units, i+n) > 0 {
			return true
		}
	}
	return false
}

// changes adds the joins and departures clause k states.
func (m *membershipReading) changes(k int, s sentence, c membershipClause) {
	l := m.l
	joinedThen := learnedMembership{when: l.joinDate(s, m.cite.AsOf)}
	if d, ok := l.effectiveDate(s); ok {
		joinedThen.when, joinedThen.effective = d, true
	} else if d, ok := l.dayToCome(s, m.cite.AsOf); ok {
		// "Heilbronn will become a member of the ISA on 1 September
		// 2032": the day it takes effect, not one its paragraph gives
		// before it.
		joinedThen.when, joinedThen.effective = d, true
	} else if d, ok := l.joinDayWithoutYear(s, m.cite.AsOf); ok && compareCoarse(d, m.cite.AsOf) > 0 {
		// "with effect from 1 January" of a release of December: the
		// next year's.
		joinedThen.when, joinedThen.effective = d, true
	}
	named := l.citiesOfClause(m.all, k)
	if !slices.ContainsFunc(named, mayJoin) && !c.left && (l.cues.city.in(s.text, s.units) || c.approved) {
		// "Der Vorstand stimmte dem Aufnahmeantrag der Stadt am 28.
		// Juli zu", "The board approved the application on 27 June":
		// the one city the release says joined, on the earlier date.
		if i := onlyChange(m.out, joins); i >= 0 {
			joinedThen.city = m.out[i].city
			m.out = addOnce(m.out, joinedThen)
		}
	}
	// "Salzgitter becomes the newest member as Hildesheim leaves":
	// a member leaves, another city joins.
	for _, p := range named {
		if l.onlyWhere(s, p) {
			continue // "Leiter des Büros in Berlin": where, not who
		}
		switch member := p.city != nil && p.city.IsMember(); {
		case c.left && member:
			m.out = addOnce(m.out, learnedMembership{city: *p.city, when: leaveDate(s), change: leaves})
		case (!c.left || c.joining) && !member:
			joinedThen.city = l.joined(s, p, m.cite)
			m.out = addOnce(m.out, joinedThen)
		case c.joining && p.city.Status == corpus.StatusGuest && l.cues.fullMember.in(s.text, s.units):
			m.out = addOnce(m.out, learnedMembership{city: *p.city, when: joinedThen.when, change: becomesFull})
		}
	}
}

// mayJoin reports whether a place a clause names may be a city that
// joins: no member but one with guest status. A clause on joining that
// names only members speaks of another city: "the alliance's 30th
// plenary assembly admitted the city unanimously, with effect from 11
// May 2041", meeting in Nuremberg's town hall.
func mayJoin(p foundPlace) bool {
	return p.city == nil || !p.city.IsMember() || p.city.Status == corpus.StatusGuest
}

// becomesMember reports whether a clause says something becomes a
// member: a German verb of becoming with a member word right after it,
// or after the day it takes effect ("wird zum 1. Februar 2029 Mitglied
// der ISA"); not "wird als Mitglied der Jury auftreten".
func (l *learner) becomesMember(s sentence) bool {
	for i, u := range s.units {
		n := l.cues.becomes.at(s.units, i)
		if n == 0 || u.han {
			continue
		}
		rest := s.text[endOf(s.units[i+n-1]):]
		if d := findDates(rest); len(d) > 0 {
			if lead := strings.TrimSpace(rest[:d[0].start]); l.cues.effective.whole(lead, segment(lead)) {
				rest = rest[d[0].end:]
			}
		}
		if l.memberWordAfterSubject(rest) {
			return true
		}
	}
	return false
}

// memberWordAfterSubject reports whether text begins with a member word,
// or with a subject of an article and one or two more words before a
// member word of the alliance: "die Lausitzer Stadt Mitglied der
// Allianz"; not "die Mitglieder der ISA" (the subject), nor "die Stadt
// zudem Mitglied der Arbeitsgruppe".
func (l *learner) memberWordAfterSubject(text string) bool {
	units := segment(text)
	if l.cues.memberWord.at(units, 0) > 0 {
		return true
	}
	if l.cues.becomesSubject.at(units, 0) == 0 || len(units) < 2 || l.cues.memberWord.at(units, 1) > 0 {
		return false
	}
	for j := 2; j < min(len(units), 4); j++ {
		if units[j].han || strings.TrimSpace(text[endOf(units[j-1]):units[j].start]) != "" {
			return false // a comma or another script ends the subject
		}
		if n := l.cues.memberWord.at(units, j); n > 0 {
			return l.ofAlliance(units[j+n:])
		}
	}
	return false
}

// ofAlliance reports whether units begin with the alliance, maybe after
// an article: "der ISA", "der Allianz".
func (l *learner) ofAlliance(units []unit) bool {
	if n := l.cues.becomesSubject.at(units, 0); n > 0 {
		units = units[n:]
	}
	return l.cues.alliance.at(units, 0) > 0
}

// onlyWhere reports whether a clause names the place p only after a
// place preposition: as where something is or happens, "in Berlin".
func (l *learner) onlyWhere(s sentence, p foundPlace) bool {
	before := strings.TrimSpace(s.text[:p.start])
	after := func(w string) bool {
		if strings.IndexFunc(w, isHan) >= 0 {
			// 在 and 于 alone, not the end of 现在 or 关于.
			rest, ok := strings.CutSuffix(before, w)
			return ok && (rest == "" || !l.places.isWord(lastRunes(rest, 1)+w))
		}
		words := strings.Fields(before)
		return len(words) > 0 && strings.EqualFold(words[len(words)-1], w)
	}
	if slices.ContainsFunc(l.cues.locationPrepositions.all, after) {
		return !strings.Contains(s.text[:p.start]+s.text[p.end:], p.name)
	}
	return false
}

// membershipClause is what a clause says of memberships: that a city
// left, joined, applied to join, or had its application or membership
// approved.
type membershipClause struct {
	left, joining, applying, approved, suspending bool
}

// membershipClause reads what clause s says of memberships. A clause
// about leaving names the alliance or a membership ("left the ISA", not
// "left the fair"); an application names the alliance, or joining ("37
// Teams hatten sich beworben" applied for a prize); an application or a
// membership approved is a join ("Der Vorstand stimmte dem Aufnahmeantrag
// der Stadt zu", "Tangshan's membership was confirmed"); a wish or a
// plan says nothing ("plant den Austritt").
func (l *learner) membershipClause(s sentence, lang corpus.Lang) membershipClause {
	has := func(list *cueList) bool { return list.in(s.text, s.units) }
	names := has(&l.cues.alliance)
	about := names || has(&l.cues.membership)
	c := membershipClause{
		// "Ruhen wird die Mitgliedschaft der Stadt Solingen vom 1.
		// Februar 2029 an": no leaving.
		suspending: has(&l.cues.suspend) && about && !l.saysNoLonger(s.text, s.units),
	}
	c.left = !c.suspending && l.saysLeft(s, names, about) && !l.membershipTakesEffect(s)
	applied, approved := has(&l.cues.applied), has(&l.cues.approved)
	if !c.left && applied && !approved && (names || has(&l.cues.join)) {
		return membershipClause{applying: true}
	}
	c.approved = approved && (applied || has(&l.cues.membership))
	// "gehört der ISA nicht mehr an" belongs no more: no join.
	c.joining = c.approved || l.saysJoined(s, names) && !(c.left && l.saysNoLonger(s.text, s.units))
	if l.plansOrDenies(s) || lang == corpus.German && has(&l.cues.joinNotGerman) {
		return membershipClause{}
	}
	return c
}

// plansOrDenies reports whether a clause holds a word of join_not, which
// makes it a wish, a plan or a denial; not the negation of a clause that
// says "no longer" (saysNoLonger: "kein Mitglied mehr", "gehört … nicht
// mehr an"), which says a city left.
func (l *learner) plansOrDenies(s sentence) bool {
	not := &l.cues.joinNot
	if slices.ContainsFunc(not.chinese, func(w string) bool { return strings.Contains(s.text, w) }) {
		return true
	}
	noLonger := l.saysNoLonger(s.text, s.units)
	for i, u := range s.units {
		if !u.han && not.at(s.units, i) > 0 && !(noLonger && l.cues.negations.at(s.units, i) > 0) {
			return true
		}
	}
	return false
}

// saysLeft reports whether a clause says a city left: a word for leaving
// about the alliance or a membership, not one that acts on another thing
// ("left the fair"); "no longer a member" of the alliance, or no longer
// belonging to it; "tritt … aus".
// names is whether the clause names the alliance, about whether it names
// it or a membership.
func (l *learner) saysLeft(s sentence, names, about bool) bool {
	has := func(list *cueList) bool { return list.in(s.text, s.units) }
	return has(&l.cues.leave) && about && !l.actsOnOther(s, &l.cues.leaveObjectVerbs, &l.cues.leaveParticiples) || l.leavesAlliance(s) ||
		l.saysNoLonger(s.text, s.units) && (has(&l.cues.memberWord) || has(&l.cues.joinWithAlliance)) && names ||
		names && l.particleVerb(s.units, &l.cues.joinParticleVerbs, &l.cues.leaveParticles)
}

// maxLeaveObjectUnits bounds the words between a word of leave_alliance
// and the alliance's name it leaves: "the withdrawal of Bottrop from the
// alliance", "leaving the Sino-German Industrial Cities Alliance"; not
// "the withdrawal of its application for funding from the ISA".
const maxLeaveObjectUnits = 6

// leavesAlliance reports whether a clause says a city leaves the
// alliance by a word of leave_alliance with a name of the alliance
// (alliance) a few words after it.
func (l *learner) leavesAlliance(s sentence) bool {
	for i := range s.units {
		if n := l.cues.leaveAlliance.at(s.units, i); n > 0 {
			for j := i + n; j < min(len(s.units), i+n+maxLeaveObjectUnits); j++ {
				if l.cues.alliance.at(s.units, j) > 0 {
					return true
				}
			}
		}
	}
	return false
}

// saysNoLonger reports whether a text says "no longer": "no longer",
// 不再, or a German negation whose "mehr" closes the sentence ("kein
// Mitglied der ISA mehr"), or comes right before the particle of a verb
// for belonging that closes it ("gehört der ISA nicht mehr an").
func (l *learner) saysNoLonger(text string, units []unit) bool {
	if l.cues.noLonger.in(text, units) {
		return true
	}
	if l.particleVerb(units, &l.cues.belongParticleVerbs, &l.cues.belongParticles) {
		units = units[:len(units)-1]
	}
	return l.particleVerb(units, &l.cues.negations, &l.cues.noLongerParticles)
}

// saysJoined reports whether a clause says a city joined: a word for
// joining that acts on no other thing, joining the alliance it names, a
// particle verb ("tritt … bei", "nahm … als Mitglied auf"), a member
// since a date, or becoming a member.
func (l *learner) saysJoined(s sentence, names bool) bool {
	has := func(list *cueList) bool { return list.in(s.text, s.units) }
	return has(&l.cues.join) && !l.actsOnOther(s, &l.cues.joinObjectVerbs, &l.cues.joinParticiples) ||
		names && has(&l.cues.joinWithAlliance) || l.joinsByParticle(s) ||
		names && has(&l.cues.memberSince) && has(&l.cues.memberWord) && len(findDates(s.text)) > 0 ||
		names && l.becomesMember(s)
}

// givenName reports whether a place of the gazetteer that a text names
// is rather a person's given name after the family name: 建华 of 沈建华,
// "Lixin" of "Zhao Lixin", unless a suffix makes it a place (沈建华市 is
// none, 向永康市 is).
func (l *learner) givenName(text string, p foundPlace) bool {
	if p.city != nil {
		return false // a member is named as a member
	}
	before, after := text[:p.start], text[p.end:]
	if strings.IndexFunc(p.name, isHan) >= 0 {
		last, _ := utf8.DecodeLastRuneInString(before)
		next, _ := utf8.DecodeRuneInString(after)
		// The 苏 of 江苏常州 ends a word: no family name.
		word := lastRunes(before, 2)
		return slices.Contains(l.cues.surname.chinese, string(last)) && !slices.Contains(l.cues.placeSuffixes.chinese, string(next)) &&
			(utf8.RuneCountInString(word) < 2 || !l.places.isRegion(word) && !l.places.isWord(word))
	}
	family := latinWordBefore(before)
	if r, _ := utf8.DecodeRuneInString(family); !unicode.IsUpper(r) {
		return false
	}
	return slices.ContainsFunc(l.cues.surname.chinese, func(name string) bool {
		r, _ := utf8.DecodeRuneInString(name)
		first, _ := commonReading(r)
		return first == strings.ToLower(family)
	})
}

// citiesOfClause are the cities the k-th clause of all names: those it
// names, else, when it refers back ("The city … joined"), the one the
// clause before it in its paragraph names.
func (l *learner) citiesOfClause(all []sentence, k int) []foundPlace {
	s := all[k]
	// 中方 counts the Chinese side; it is no county of Hunan here; nor is
	// "Mitglied" a town in "wird die Lausitzer Stadt Mitglied".
	named := slices.DeleteFunc(l.places.citiesNamed(s.text, &l.cues.city), func(p foundPlace) bool {
		return l.cues.countChina.whole(p.name, nil) || l.cues.countGermany.whole(p.name, nil) || l.cues.memberWord.whole(p.name, segment(p.name)) ||
			l.givenName(s.text, p) || l.namelessBeforeCity(s.text, p)
	})
	if len(named) == 0 && k > 0 && all[k-1].paragraph == s.paragraph {
		if n := l.anaphorAtStart(s); n > 0 {
			if before := l.places.find(all[k-1].text); len(before) == 1 {
				// Named by the anaphor, where it stands in this clause:
				// the place's span in the clause before is not in it.
				p := before[0]
				p.start, p.end = 0, n
				return []foundPlace{p}
			}
		}
	}
	return named
}

// clauseBreaks split a sentence into the clauses that may each say a
// different city joined: "die Aufnahme von Siegen; … ; - die Gründung
// einer Arbeitsgruppe unter dem Vorsitz von Yantai und Zwickau".
var clauseBreaks = regexp.MustCompile(`;\s+|；|:\s+-\s+|\s+[-–—]\s+`)

// clausesOf cuts sentences into their clauses, each of its sentence's
// paragraph.
func clausesOf(sentences []sentence) []sentence {
	var out []sentence
	for _, s := range sentences {
		for _, c := range clauseBreaks.Split(s.text, -1) {
			if c = strings.TrimSpace(c); c != "" {
				out = append(out, sentence{text: c, paragraph: s.paragraph, units: segment(c)})
			}
		}
	}
	return out
}

// withAsidesKept sets off the asides of sentences between two dashes
// with commas, which clauseBreaks do not split at: "Die 33.
// Plenarversammlung findet – anders als im Oktober angekündigt – am 5.
// und 6. Mai 2042 statt" is one clause, whose assembly meets on its days.
func withAsidesKept(sentences []sentence) []sentence {
	out := slices.Clone(sentences)
	for i, s := range out {
		if text := dashedAside.ReplaceAllStringFunc(s.text, func(a string) string { return ", " + strings.Trim(a, " –—") + ", " }); text != s.text {
			out[i] = sentence{text: text, paragraph: s.paragraph, units: segment(text)}
		}
	}
	return out
}

// dashedAside is words set off by a dash on each side: an en or em dash
// between spaces.
var dashedAside = regexp.MustCompile(`\s+[–—]\s+[^–—;]{1,80}?\s+[–—]\s+`)

// titleClauses cuts a title into its clauses, each a headline of its own:
// "希尔德斯海姆6月30日退出联盟 第十六届全体大会改期" names no place of the
// assembly. A Chinese title's space parts them too.
func titleClauses(title string) []sentence {
	var out []sentence
	for _, c := range clausesOf([]sentence{{text: title}}) {
		parts := []string{c.text}
		if strings.IndexFunc(c.text, isHan) >= 0 {
			parts = strings.Fields(c.text)
		}
		for _, p := range parts {
			out = append(out, sentence{text: p, units: segment(p)})
		}
	}
	return out
}

// actsOnOther reports whether a clause says a city joined or left
// something other than the alliance: the object of its verb, of verbs or
// participles, names something else ("The port of Duisburg has joined
// the corridor", "ist dem Netzwerk beigetreten", "宁波港加入该走廊", "The
// first train of the ISA Rail Link leaves the Neuss terminal").
func (l *learner) actsOnOther(s sentence, verbs, participles *cueList) bool {
	articles := &l.cues.joinArticles
	// The object names the alliance when an alliance word ends it: "the
	// Sino-German Industrial Cities Alliance on 1 August", not "the ISA
	// delegation" or "the ISA's Solar Cities Lab".
	names := func(units []unit) bool {
		for k, u := range units {
			if l.cues.alliance.inText(u.raw) && (k+1 == len(units) || l.cues.alliance.inText(units[k+1].raw) || l.cues.allianceObjectEnds.at(units, k+1) > 0) {
				return true
			}
		}
		return false
	}
	for i, u := range s.units {
		if u.han {
			continue
		}
		// The object after the verb ("joined the corridor"), or before a
		// German participle ("dem Netzwerk beigetreten").
		if n := verbs.at(s.units, i); n > 0 {
			if j := i + n; j < len(s.units) && articles.at(s.units, j) > 0 && !names(s.units[j:min(len(s.units), j+6)]) {
				return true
			}
		}
		if participles.at(s.units, i) > 0 && i >= 2 && articles.at(s.units, i-2) > 0 && !names(s.units[i-1:i]) {
			return true
		}
	}
	for _, verb := range verbs.chinese {
		for rest := s.text; ; {
			_, after, ok := strings.Cut(rest, verb)
			if !ok {
				break
			}
			rest = strings.TrimPrefix(after, "了")
			noObject := slices.ContainsFunc(l.cues.joinNoObject.chinese, func(w string) bool { return strings.HasPrefix(rest, w) })
			if r, _ := utf8.DecodeRuneInString(rest); isHan(r) && !noObject && !l.cues.alliance.inText(firstRunes(rest, 12)) {
				return true
			}
		}
	}
	return false
}

// joinsByParticle reports whether a German clause says a city joined with
// a verb whose particle closes it: "Schweinfurt tritt der Allianz bei",
// "Die Versammlung nahm die Stadt Baoji als Mitglied auf"; not "Leipzig
// nahm die Gespräche mit Foshan auf", which takes in no member.
func (l *learner) joinsByParticle(s sentence) bool {
	return l.particleVerb(s.units, &l.cues.joinParticleVerbs, &l.cues.joinParticles) || l.admits(s.text, s.units)
}

// admits reports whether German units say a city was taken in as a
// member: a verb of taking in (admit_particle_verbs) whose particle closes
// them, and a word for a member, or the alliance and a city as what is
// taken in (admitted_city: "Die ISA nimmt mit Cottbus erstmals eine
// Stadt aus Brandenburg auf"; not "nimmt mit der Stadt Erfurt Gespräche
// auf").
func (l *learner) admits(text string, units []unit) bool {
	return l.particleVerb(units, &l.cues.admitParticleVerbs, &l.cues.admitParticles) &&
		(l.cues.memberWord.in(text, units) || l.cues.alliance.in(text, units) && l.cues.admittedCity.in(text, units))
}

// particleVerb reports whether German units hold one of the verbs whose
// particle, of particles, closes them: "tritt der Allianz bei", "tritt
// aus der ISA aus", "nahm Baoji auf".
func (l *learner) particleVerb(units []unit, verbs, particles *cueList) bool {
	n := len(units)
	if n < 2 || particles.at(units, n-1) == 0 {
		return false
	}
	return slices.ContainsFunc(units[:n-1], func(u unit) bool { return !u.han && verbs.at([]unit{u}, 0) > 0 })
}

// anaphorAtStart is the length in bytes of the words that open a
// sentence and refer back to a place named before, or 0: "The city" of
// "The city in North Rhine-Westphalia joined ...", 该市 of "该市...加入".
func (l *learner) anaphorAtStart(s sentence) int {
	for _, w := range l.cues.anaphora.chinese {
		if strings.HasPrefix(s.text, w) {
			return len(w)
		}
	}
	if len(s.units) == 0 {
		return 0
	}
	if n := l.cues.anaphora.at(s.units, 0); n > 0 {
		return endOf(s.units[n-1])
	}
	return 0
}

// namelessBeforeCity reports whether a Chinese "name" found before 市
// ends in a character that makes no name: "这是该" of "这是该市入盟后",
// 本市.
func (l *learner) namelessBeforeCity(text string, p foundPlace) bool {
	last, _ := utf8.DecodeLastRuneInString(p.name)
	return strings.HasPrefix(text[p.end:], "市") && slices.Contains(l.cues.notANameBeforeCity.chinese, string(last))
}

// joined is the city p that sentence s says joined, with its citation;
// its join date is the membership's.
func (l *learner) joined(s sentence, p foundPlace, cite corpus.Cite) corpus.City {
	c := l.cityOf(s, p)
	c.Cite, c.JoinedCite = cite, &corpus.Cite{Source: cite.Source, AsOf: cite.AsOf}
	return c
}

// cityOf is the city p that sentence s names: its names, and its region
// and country where the sentence or the name says.
func (l *learner) cityOf(s sentence, p foundPlace) corpus.City {
	c := p.asCity()
	if c.Region == "" {
		if reg := l.places.regionNear(s.text, p); reg != nil {
			c.Region, c.Country = reg.Key, reg.Country
		}
	}
	if c.Country == "" {
		c.Country = countryOfName(p.name)
	}
	return c
}

// addOnce adds m to what a release says of memberships; a city named
// twice (in the title, then with its date) is once, on the earliest date
// a sentence gives (a zero date gives none).
func addOnce(out []learnedMembership, m learnedMembership) []learnedMembership {
	i := slices.IndexFunc(out, func(j learnedMembership) bool { return j.change == m.change && sameCity(&j.city, &m.city) })
	if i < 0 {
		return append(out, m)
	}
	switch {
	case m.when.IsZero() || out[i].effective && !m.effective:
	case out[i].when.IsZero() || m.effective && !out[i].effective || earlier(m.when, out[i].when):
		out[i].when, out[i].effective = m.when, m.effective
	}
	return out
}

// dayToCome is the day after the release's that a sentence gives right
// after its words for becoming a member, "will become a member of the
// ISA on 1 September 2032", when it gives none before: not a later day
// of something else ("ist der ISA beigetreten und richtet am 24. Oktober
// 2033 einen Hafentag aus").
func (l *learner) dayToCome(s sentence, released corpus.Date) (corpus.Date, bool) {
	text := firstDays(s.text)
	dates := findDates(text)
	if len(dates) == 0 {
		// "Magdeburg will join on 1 December": of the release's year, or
		// the next.
		for _, d := range yearlessSpans(text, dates) {
			d.date = yearOf(d.date, released.Time())
			dates = append(dates, d)
		}
	}
	if len(dates) == 0 || slices.ContainsFunc(dates, func(d dateSpan) bool { return compareCoarse(d.date, released) <= 0 }) {
		return corpus.Date{}, false
	}
	d := dates[0]
	before := segment(text[:d.start])
	for i := range before {
		if n := l.cues.becomesMemberOn.at(before, i); n > 0 && len(before)-(i+n) <= maxDayAfterJoin {
			return d.date, d.date.Day > 0
		}
	}
	return corpus.Date{}, false
}

// maxDayAfterJoin bounds the words between "will become a member" and
// its day: "of the Sino-German Industrial Cities Alliance (ISA) on".
const maxDayAfterJoin = 9

// leaveDate is the date a sentence about leaving gives, which may be
// still to come ("zum 31. Dezember 2026"); zero if it gives none.
func leaveDate(s sentence) corpus.Date {
	if dates := findDates(firstDays(s.text)); len(dates) > 0 {
		return dates[0].date
	}
	return corpus.Date{}
}

// suspensionDates are the days a sentence about a suspension gives:
// from the first ("vom 1. Februar 2029 an"), until a later one ("bis
// einschließlich 31. Januar 2030"); from the release's day if it gives
// none.
func suspensionDates(s sentence, released corpus.Date) (from, until corpus.Date) {
	from = released
	dates := findDates(firstDays(s.text))
	if len(dates) > 0 {
		from = dates[0].date
	}
	for _, d := range dates[min(1, len(dates)):] {
		if compareCoarse(d.date, from) > 0 {
			until = d.date
		}
	}
	return from, until
}

// onlyChange is the index in out of the one city it says made the
// change; -1 if it says none or several did.
func onlyChange(out []learnedMembership, change membershipChange) int {
	only := -1
	for i, m := range out {
		if m.change == change {
			if only >= 0 {
				return -1
			}
			only = i
		}
	}
	return only
}

// namesLastDay reports whether a text names the last day something holds:
// "Bis zum 31. Mai 2030 gilt:".
func (l *learner) namesLastDay(text string) bool {
	return slices.ContainsFunc(findDates(text), func(d dateSpan) bool { return l.cues.untilDay.endsIn(text[:d.start]) })
}

// effectiveDate is the day a sentence says a change takes effect, though
// still to come: a date right after a word that says so ("ab dem 1.
// März", "with effect from 1 March", "自2029年3月1日起").
func (l *learner) effectiveDate(s sentence) (corpus.Date, bool) {
	text := firstDays(s.text)
	for _, d := range findDates(text) {
		if l.takesEffectAfter(text[:d.start]) {
			return d.date, true
		}
	}
	return corpus.Date{}, false
}

// takesEffectAfter reports whether text, what comes before a day, ends
// with a word that the day is when something takes effect ("ab dem",
// "with effect from", 自), not the last day of something ("bis zum").
func (l *learner) takesEffectAfter(before string) bool {
	return l.cues.effective.endsIn(before) && !l.cues.untilDay.endsIn(before)
}

// joinDate is the date a sentence about joining gives ("in May 2025"),
// else a day of the sentence that a word gives its year ("哈勒市于今年2月1日
// 加入联盟"), else one it gives without a year beside its verb for
// joining (joinDayWithoutYear), else the first its paragraph gives
// ("2027年2月4日，...举行。...正式加入联盟。"), not a day of something else
// the paragraph began with ("2033年4月6日，…签署合作协议。这是罗斯托克今年2月1日
// 加入联盟后…"); no later than the release, zero if none.
func (l *learner) joinDate(s sentence, released corpus.Date) corpus.Date {
	var days []corpus.Date
	text := firstDays(s.text)
	for _, d := range findDates(text) {
		if !l.ofMemberBefore(text, d.start) {
			days = append(days, d.date)
		}
	}
	days = append(days, l.daysOfYearNamed(text, released)...)
	// A day of its own clause without a year, beside its word for joining,
	// sooner than a day of another clause ("Wuxi had applied in May").
	if d, ok := l.joinDayWithoutYear(s, released); ok {
		days = append(days, d)
	}
	for _, c := range clausesOf(sentencesOf([]string{s.paragraph})) {
		if l.anotherCitysMembership(c, s) {
			continue // "…; its neighbour Ma'anshan has belonged to the ISA since August 2016"
		}
		clause := firstDays(c.text)
		for _, d := range findDates(clause) {
			if !l.ofMemberBefore(clause, d.start) {
				days = append(days, d.date)
			}
		}
	}
	for _, d := range days {
		if compareCoarse(d, released) <= 0 {
			return d
		}
	}
	return corpus.Date{}
}

// ofMemberBefore reports whether the day at offset at of text is in a
// relative clause on a member named right before it, which speaks of
// that member: "Wuhu … is the second member from Anhui, after Ma'anshan,
// which joined in August 2016" says when Ma'anshan joined, not Wuhu;
// nor is "…, after Ma'anshan, which signed a partnership on 12 May 2026"
// a day of Wuhu's.
func (l *learner) ofMemberBefore(text string, at int) bool {
	comma := strings.LastIndex(text[:at], ",")
	if comma < 0 || l.cues.relativePronouns.at(segment(text[comma+1:at]), 0) == 0 {
		return false
	}
	before := strings.TrimRight(text[:comma], " ")
	return slices.ContainsFunc(l.places.citiesNamed(before, &l.cues.city), func(p foundPlace) bool {
		return p.end == len(before) && p.city != nil && p.city.IsMember()
	})
}

// joinDayWithoutYear is the day without a year that a clause gives
// beside its verb for joining ("after Magdeburg joined on 1 October",
// "am 1. Oktober beigetreten", "于10月1日加入联盟"), in the year that puts
// it before the release: the release's, or the one before ("joined on 1
// October" of a release of January). A day right after a word that it
// takes effect ("with effect from 1 January") is still to come, of the
// release's year or the next, which joinDate leaves out. A day elsewhere
// in the clause is another event's ("which will host the hydrogen day on
// 2 March"), and one beside a noun of joining may be a signing's
// ("Beitrittsurkunde").
func (l *learner) joinDayWithoutYear(s sentence, released corpus.Date) (corpus.Date, bool) {
	joins := func(units []unit, i int) bool {
		return l.cues.joinObjectVerbs.at(units, i) > 0 || l.cues.joinParticiples.at(units, i) > 0
	}
	text := firstDays(s.text)
	for _, span := range yearlessSpans(text, findDates(text)) {
		if l.takesEffectAfter(text[:span.start]) {
			// Not a deadline: "Um Anmeldung bis zum 23. August wird
			// gebeten."
			return yearOf(span.date, released.Time()), true
		}
		before, after := segment(text[:span.start]), segment(text[span.end:])
		near := false
		for i := max(len(before)-maxUnitsToJoinDay, 0); i < len(before); i++ {
			near = near || joins(before, i)
		}
		for i := range min(len(after), maxUnitsToJoinDay) {
			near = near || joins(after, i)
		}
		if !near {
			continue
		}
		d := span.date
		d.Year = released.Year
		if compareCoarse(d, released) > 0 {
			d.Year--
		}
		return d, true
	}
	return corpus.Date{}, false
}

// maxUnitsToJoinDay bounds the words between a day and the verb for
// joining it belongs to: "joined the ISA on", "am 1. Oktober der ISA".
const maxUnitsToJoinDay = 4

// anotherCitysMembership reports whether clause c of the paragraph of
// clause s says a city s does not name joined or left: its dates are that
// city's.
func (l *learner) anotherCitysMembership(c, s sentence) bool {
	if c.text == s.text {
		return false
	}
	ownCities := l.places.citiesNamed(s.text, &l.cues.city)
	// Not a place where something happened: "Die Aufnahme wurde am 2.
	// Mai in Hannover beschlossen."
	others := slices.ContainsFunc(l.places.citiesNamed(c.text, &l.cues.city), func(p foundPlace) bool {
		return !l.onlyWhere(c, p) && !slices.ContainsFunc(ownCities, func(o foundPlace) bool { return o.name == p.name })
	})
	if !others {
		return false
	}
	// Its application is its own too: "Wuxi had applied in May 2039."
	m := l.membershipClause(c, "")
	return m.joining || m.left || m.applying || l.cues.applied.in(c.text, c.units)
}

// daysOfYearNamed are the days a text names without a year, with a word
// beside them that says which year: this year's ("今年2月1日", "am 1.
// Februar dieses Jahres") or last year's (去年3月5日) as of the day it was
// written. A day with no such word may be of any year, and is left out.
func (l *learner) daysOfYearNamed(text string, written corpus.Date) []corpus.Date {
	var out []corpus.Date
	for _, span := range yearlessSpans(text, findDates(text)) {
		before, after := text[:span.start], segment(strings.TrimLeft(text[span.end:], " "))
		marked := func(list *cueList) bool {
			return list.endsIn(before) || list.at(after, 0) > 0
		}
		d := span.date
		switch {
		case marked(&l.cues.thisYear):
			d.Year = written.Year
		case marked(&l.cues.lastYear):
			d.Year = written.Year - 1
		default:
			continue
		}
		out = append(out, d)
	}
	return out
}

// countryOfName guesses a city's country from its script: a name in
// Chinese characters is Chinese.
func countryOfName(name string) string {
	if strings.IndexFunc(name, isHan) >= 0 {
		return corpus.China
	}
	return ""
}

// Plenary assemblies.

// heldOn is the day of the assembly number n, the one a release
// reports on, if it was held by the day of the release.
func heldOn(n int, assemblies []corpus.Assembly, released corpus.Date) (corpus.Date, bool) {
	for _, a := range assemblies {
		if n > 0 && a.Number == n && !a.Date.IsZero() && compareCoarse(a.Date, released) <= 0 {
			return a.Date, true
		}
	}
	return corpus.Date{}, false
}

var (
	seasonPattern = regexp.MustCompile(`(?i)\b(?:frühjahr|frühling|sommer|herbst|winter|spring|summer|autumn|fall|jahr|year|in)\s+(?:of\s+)?(\d{4})\b|(\d{4})\s*年`)
	dayRange      = regexp.MustCompile(`\b(\d{1,2})\.?\s*(?:und|bis|–|-|and|to)\s*(\d{1,2})\.?\s+(\pL+)\.?\s+(\d{4})\b`)
	zhDayRange    = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日?(?:至|到|-|–)(\d{1,2})日`)
	// monthsRange is a range of days of two months with the year once,
	// after the last: "vom 4. März bis zum 25. November 2041", "from 4
	// March to 25 November 2041", "zwischen dem 4. März und dem 25.
	// November 2041"; not two days ("am 4. Mai und 25. November 2041").
	monthsRange = regexp.MustCompile(`\b(?:((?i:zwischen dem|between))\s+)?(\d{1,2})(\.?\s*)(\pL+)\s*(bis|to|until|und|and|–|-)\s*(?:dem\s+|zum\s+|the\s+)?\d{1,2}\.?\s*(\pL+)\s+(\d{4})\b`)
)

// assemblies reads the plenary assemblies the release names by number:
// when and where, whether it is still to come, and, for the assembly the
// release is about (titleNumber, the one its title names), what it
// decided.
func (l *learner) assemblies(r *corpus.Release, body []sentence, cite corpus.Cite, titleNumber int) []corpus.Assembly {
	var out []corpus.Assembly
	placeMarked := map[int]bool{} // whether an assembly's place was marked as such
	// Clause by clause: "Die 15. Vollversammlung soll im Herbst 2029 in
	// China stattfinden; Ort und Termin gibt das Sekretariat in Foshan
	// bekannt" does not meet in Foshan.
	for _, s := range slices.Concat(titleClauses(r.Title), clausesOf(withAsidesKept(body))) {
		n, start := l.assemblyAt(s)
		if n == 0 {
			continue
		}
		i := slices.IndexFunc(out, func(a corpus.Assembly) bool { return a.Number == n })
		if i < 0 {
			out = append(out, corpus.Assembly{Number: n, Cite: cite})
			i = len(out) - 1
		}
		as := &out[i]
		// "2030年4月25日，开姆尼茨：园区循环经济（紧接第十九届全体大会举行）",
		// "shortly following the 14th plenary assembly in Ingolstadt": the
		// day of something after or before the assembly, not its own,
		// and a place only where the sentence marks it as the
		// assembly's.
		// "在第21届全体大会上当选的新任秘书长……将于2033年8月1日正式就任":
		// the assembly is where someone was elected, and the clause's
		// day and place are the taking of office's.
		if zhAssemblyModifier.MatchString(s.text[start:]) {
			continue
		}
		beside := l.cues.besideAssembly.endsIn(s.text[:start])
		// A day the release gave before is bettered by the range it
		// begins, where the clause is about the assembly: "Die 33.
		// Plenarversammlung findet am 5. und 6. Mai 2042 statt" after "5.
		// Mai 2042: …", not "Ein Workshop zur 33. Plenarversammlung findet
		// am 5. und 6. Mai statt".
		if d, last := assemblyDays(s.text); !beside && (moreExact(d, as.Date) || d == as.Date && as.LastDay.IsZero() && !last.IsZero() && !l.ofAssembly(s.text[:start])) {
			as.Date, as.LastDay = d, last
		}
		// A place the sentence marks as where it met ("in Weifang",
		// 在南宁举行) beats one it only names: "Zibo admitted at the 13th
		// plenary assembly" does not say where.
		if place, marked := l.assemblyPlace(s, r.Lang); len(place) > 0 && (!beside || marked) && (len(as.Place) == 0 || marked && !placeMarked[n]) {
			as.Place = place
			placeMarked[n] = marked
		}
	}
	// What the assembly the release is about decided, once it was held:
	// a release that announces one knows no decisions yet.
	if _, held := heldOn(titleNumber, out, cite.AsOf); !held {
		return out
	}
	var decided []string
	for _, s := range body {
		if l.cues.decision.in(s.text, s.units) && l.assemblyNumber(s) == 0 {
			decided = append(decided, s.text)
		}
	}
	for i := range out {
		if out[i].Number == titleNumber && len(decided) > 0 {
			out[i].Note = corpus.Text{r.Lang: strings.Join(decided[:min(3, len(decided))], " ")}
		}
	}
	return out
}

// ofAssembly reports whether the words before an assembly's number make
// it what something else is of or for: a preposition, maybe with an
// article, right before it ("Ein Workshop zur 33. Plenarversammlung", "a
// workshop for the 33rd plenary assembly"; not "Am 5. und 6. Mai 2042
// tagt die 33. Plenarversammlung").
func (l *learner) ofAssembly(before string) bool {
	return l.cues.assemblyOf.endsIn(before)
}

// assemblyNumber finds "11. Plenarversammlung", "12th plenary assembly",
// "第十一届全体大会" in s, or 0.
func (l *learner) assemblyNumber(s sentence) int {
	n, _ := l.assemblyAt(s)
	return n
}

// assemblyAt is assemblyNumber, and where in s its number starts.
func (l *learner) assemblyAt(s sentence) (n, start int) {
	for _, w := range l.cues.assembly.chinese {
		i := strings.Index(s.text, w)
		if i < 0 {
			continue
		}
		text := strings.TrimRightFunc(s.text[:i], unicode.IsSpace)
		before := lastRunes(text, 24)
		if all := zhOrdinal.FindAllStringSubmatchIndex(before, -1); len(all) > 0 {
			if m := all[len(all)-1]; l.allianceBetween(before[m[4]:m[5]], before[m[1]:]) {
				return chineseNumber(before[m[2]:m[3]]), len(text) - len(before) + m[0]
			}
		}
	}
	for i := range s.units {
		if s.units[i].han || l.cues.assembly.at(s.units, i) == 0 {
			continue
		}
		// The number comes first, maybe with the alliance's name:
		// "11. ISA-Plenarversammlung".
		for j := i - 1; j >= max(0, i-3); j-- {
			if n, ok := ordinalUnit(s.text, s.units[j]); ok {
				if tens := tensBefore(s.units, j); tens > 0 {
					return tens + n, s.units[j-1].start // "twenty-first"
				}
				return n, s.units[j].start
			}
		}
	}
	return 0, 0
}

// zhOrdinal is an ordinal that ends in 届 or 次.
var zhOrdinal = regexp.MustCompile(`第\s*([0-9]+|[一二三四五六七八九十百零两]+)\s*([届次])`)

// allianceBetween reports whether what stands between an ordinal ending
// in counter and the word for an assembly lets the ordinal number it:
// nothing, or after 届 the alliance's name (第二十四届中德工业城市联盟全体大会);
// not another meeting's (第三届中德城市数字化安全会议, 第三次会议一致同意明年全体大会).
func (l *learner) allianceBetween(counter, between string) bool {
	between = strings.TrimSpace(between)
	return between == "" || counter == "届" && l.cues.alliance.whole(between, segment(between))
}

// ordinalUnit reads "11." (a German ordinal), "11th" or "eleventh".
func ordinalUnit(text string, u unit) (int, bool) {
	end := endOf(u)
	if n, err := strconv.Atoi(u.key); err == nil {
		return n, strings.HasPrefix(text[end:], ".")
	}
	digits := strings.TrimRightFunc(u.key, unicode.IsLetter)
	if n, err := strconv.Atoi(digits); err == nil && slices.Contains([]string{"st", "nd", "rd", "th"}, u.key[len(digits):]) {
		return n, true
	}
	return ordinalWordOf(u)
}

// chineseDigits are the characters of a Chinese numeral.
const chineseDigits = "零一二三四五六七八九十百两"

// chineseNumber reads 11, 十一, 二十三, and digit by digit a year, 二〇三一;
// 0 if s is none.
func chineseNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	const digits = "零一二三四五六七八九"
	total, current := 0, 0
	if s == "" {
		return 0
	}
	if !strings.ContainsAny(s, "十百两") {
		// One digit, or digits in a row for a year, 二〇三一; no other
		// number is written so.
		if n := utf8.RuneCountInString(s); n != 1 && n != 4 {
			return 0
		}
		for _, r := range strings.ReplaceAll(s, "〇", "零") {
			i := strings.IndexRune(digits, r)
			if i < 0 {
				return 0
			}
			total = total*10 + i/len("一")
		}
		return total
	}
	for _, r := range s {
		switch {
		case r == '两':
			current = 2
		case strings.ContainsRune(digits, r):
			current = strings.IndexRune(digits, r) / len("一")
		case r == '十':
			total += max(current, 1) * 10
			current = 0
		case r == '百':
			total += max(current, 1) * 100
			current = 0
		default:
			return 0
		}
	}
	return total + current
}

// assemblyDate is the date a sentence gives: a day ("am 15. und 16.
// Oktober 2025" is the 15th), a month, or a season's year ("im Herbst
// 2026").
func assemblyDate(text string) corpus.Date {
	text = firstDays(text)
	if dates := findDates(text); len(dates) > 0 {
		return dates[0].date
	}
	if m := seasonPattern.FindStringSubmatch(text); m != nil {
		y, _ := strconv.Atoi(cmp.Or(m[1], m[2]))
		if y >= 1990 && y <= 2100 {
			return corpus.Date{Year: y}
		}
	}
	return corpus.Date{}
}

// firstDays writes the ranges of days in text as their first day: "15.
// und 16. Oktober 2025" as "15. Oktober 2025", "10月15日至16日" as
// "10月15日", "zwischen dem 4. März und dem 25. November 2041" as
// "zwischen dem 4. März 2041".
func firstDays(text string) string {
	text = monthsRange.ReplaceAllStringFunc(text, func(r string) string {
		m := monthsRange.FindStringSubmatch(r)
		first, ok1 := corpus.MonthNamed(m[4])
		last, ok2 := corpus.MonthNamed(m[6])
		joined := m[5] == "und" || m[5] == "and"
		if !ok1 || !ok2 || joined && m[1] == "" {
			return r // two days, not a range: "am 4. Mai und 25. November 2041"
		}
		year, _ := strconv.Atoi(m[7])
		if first > last {
			year-- // "vom 28. Dezember bis 9. Januar 2041" begins in 2040
		}
		between := ""
		if m[1] != "" {
			between = m[1] + " "
		}
		return between + m[2] + m[3] + m[4] + " " + strconv.Itoa(year)
	})
	text = dayRange.ReplaceAllString(text, "$1. $3 $4")
	return zhDayRange.ReplaceAllString(text, "${1}年${2}月${3}日")
}

// assemblyDays is when a sentence says an assembly is held: its first day
// (assemblyDate) and, for one held on several days ("am 15. und 16.
// Oktober 2025", "10月15日至16日"), the last.
func assemblyDays(text string) (first, last corpus.Date) {
	first = assemblyDate(text)
	if first.Day == 0 {
		return first, corpus.Date{}
	}
	// The last day of the range whose first day is the assembly's: not
	// of "after the fair of 12-14 March" for "on 12 April".
	for _, r := range []struct {
		pattern   *regexp.Regexp
		lastGroup int
	}{{dayRange, 2}, {zhDayRange, 4}} {
		for _, m := range r.pattern.FindAllStringSubmatch(text, -1) {
			lastDay, _ := strconv.Atoi(m[r.lastGroup])
			last = first
			last.Day = lastDay
			if dates := findDates(firstDays(m[0])); len(dates) > 0 && dates[0].date == first && last.Time().Day() == lastDay && lastDay > first.Day {
				return first, last // a day the month has
			}
		}
	}
	return first, corpus.Date{}
}

// moreExact reports whether d says more than known: known is none, or d
// gives the same time to the day where known gives the month or year.
func moreExact(d, known corpus.Date) bool {
	switch {
	case d.IsZero():
		return false
	case known.IsZero():
		return true
	}
	return d.Year == known.Year && (known.Month == 0 && d.Month != 0 || known.Month == d.Month && known.Day == 0 && d.Day != 0)
}

// zhAssemblyModifier is an assembly in a Chinese attributive clause,
// at the start of the text: "第21届全体大会上当选的" describes whom the
// clause is about.
var zhAssemblyModifier = regexp.MustCompile(`^[^，。；]{0,12}?(?:大会|会议)上[^，。；的]{1,8}的`)

// romanisedNameBefore ends where a Chinese name's romanisation in
// brackets has given its family name: "苏慧敏（Su ".
var romanisedNameBefore = regexp.MustCompile(`\p{Han}[（(]\p{Lu}\p{Ll}*\s+$`)

// assemblyPlace is where a sentence says an assembly is held, in every
// language the place's names are known in: the city after "in" or before
// "举行", or the host city, marked; else the first city named, unless
// the clause says that city joined.
func (l *learner) assemblyPlace(s sentence, lang corpus.Lang) (corpus.Text, bool) {
	// The given name of a Chinese name written out after it is no place:
	// the "Huimin" of 苏慧敏（Su Huimin）.
	found := slices.DeleteFunc(l.places.find(s.text), func(p foundPlace) bool { return romanisedNameBefore.MatchString(s.text[:p.start]) })
	if len(found) == 0 {
		return nil, false
	}
	// A city the clause says joined is not where: "Lanzhou, which was
	// admitted at the sixth plenary assembly in October 2018".
	at, marked := found[0], false
	if l.membershipClause(s, lang).joining {
		at.place = nil
	}
	for _, p := range found {
		before := strings.TrimSpace(s.text[:p.start])
		after := s.text[p.end:]
		if strings.HasSuffix(before, " in") || strings.HasSuffix(before, "在") || strings.HasPrefix(after, "举行") ||
			strings.HasPrefix(after, "召开") || l.cues.assemblyHost.inText(lastRunes(before, 40)) {
			at, marked = p, true
			break
		}
	}
	if at.place == nil {
		return nil, false
	}
	place := corpus.Text{lang: at.name}
	for l, n := range at.names {
		place[l] = cmp.Or(place[l], n)
	}
	// A place's own name in Latin letters is its German and English
	// name where the data give none: 汉堡 is Hamburg, not 汉堡, in an
	// English answer.
	if strings.IndexFunc(at.place.name, isHan) < 0 {
		for _, l := range []corpus.Lang{corpus.German, corpus.English} {
			place[l] = cmp.Or(place[l], at.place.name)
		}
	}
	return place, marked
}

// People and their roles.

// people reads the people a release names with a role: "ISA-
// Generalsekretär Liu Yi", "Deputy Mayor Sun Haoran", "副市长王立新（Wang
// Lixin）", "周雅琴教授".
func (l *learner) people(r *corpus.Release, sentences []sentence, cite corpus.Cite) []corpus.Person {
	p := &peopleReading{l: l, lang: r.Lang, cite: cite}
	for _, s := range sentences {
		p.since = l.roleSince(s)
		p.immediately = l.cues.immediately.in(s.text, s.units)
		p.chinese(s)
		p.latin(s)
	}
	return p.out
}

// peopleReading is what people has read of a release so far.
type peopleReading struct {
	l     *learner
	lang  corpus.Lang
	cite  corpus.Cite
	since corpus.Date // when the sentence says the role was taken
	// immediately is whether the sentence says a role is given from the
	// day it is written: "wurde mit sofortiger Wirkung … ernannt".
	immediately bool
	out         []corpus.Person
}

// add adds a person by name, alias and role, held since a day, once.
func (p *peopleReading) add(name, alias, role string, since corpus.Date) {
	if name == "" || role == "" {
		return
	}
	// A Chinese name the release gives in characters alone is written in
	// Latin letters too, for the readers of German and English and for
	// their questions: 陈思远 is Chen Siyuan.
	if name == alias {
		if latin := latinName(name, p.l.surnameLen(name)); latin != "" {
			name = latin
		}
	}
	// Named twice, once in Chinese script alone: one person.
	if i := slices.IndexFunc(p.out, func(o corpus.Person) bool {
		return o.Name == name || o.Name == alias || slices.Contains(o.Aliases, name)
	}); i >= 0 {
		if p.out[i].Name == alias && name != alias {
			p.out[i].Name, p.out[i].Aliases = name, []string{alias}
		}
		return
	}
	person := corpus.Person{Name: name, Role: corpus.Text{p.lang: role}, Since: since, Cite: p.cite}
	if alias != "" && alias != name {
		person.Aliases = []string{alias}
	}
	p.out = append(p.out, person)
}

// appoint adds a person appointed to a role. Appointed from a day the
// sentence gives, or elected to it, the role a release gave them before
// is the one they leave or the one that described them ("With effect
// from 1 March 2033, Deputy Secretary-General Rong Qiang will serve as
// acting Secretary-General", "Liang Qiuping, Mayor of Jiangmen, was
// elected Chinese co-president"); else it is one more of theirs ("Lord
// Mayor Anna Keller will serve as head of the delegation"), and the first
// stays.
func (p *peopleReading) appoint(name, role string, since corpus.Date, elected bool) {
	if i := slices.IndexFunc(p.out, func(o corpus.Person) bool { return o.Name == name }); i >= 0 && role != "" && (elected || !since.IsZero()) {
		p.out[i].Role, p.out[i].Since = corpus.Text{p.lang: role}, since
		return
	}
	p.add(name, "", role, since)
}

// appointedOn is the day from which the sentence gives someone a role:
// the day it says, else the release's if it says "with immediate
// effect", else none.
func (p *peopleReading) appointedOn() corpus.Date {
	if p.since.IsZero() && p.immediately {
		return p.cite.AsOf
	}
	return p.since
}

// chinese adds the people a sentence names by a role in Chinese: the
// name after the role, before it, or the one appointed to it.
func (p *peopleReading) chinese(s sentence) {
	l := p.l
	for _, m := range l.chineseRoles(s.text) {
		role := s.text[m.start:m.end]
		if name, latin := l.chineseNameAfter(s.text[m.end:]); name != "" {
			p.add(cmp.Or(latin, name), name, l.roleOwner(s.text[:m.start])+role, p.since)
			continue
		}
		if name, latin := l.chineseNameBefore(s.text[:m.start], s.text[m.end:]); name != "" {
			p.add(cmp.Or(latin, name), name, role, p.since)
			continue
		}
		if name, latin := l.chineseAppointee(s.text[:m.start]); name != "" {
			p.add(cmp.Or(latin, name), name, role, p.since)
		}
	}
}

// maxOwnerRunes bounds the characters of what a Chinese role belongs
// to, looked for among the characters before it: 开姆尼茨市经济促进局 has
// 10; maxBareOwnerRunes those of an organisation that names no city and
// starts its clause (经济促进局): a longer run may begin with other words
// (感谢经济促进局, 还有研究院).
const (
	maxOwnerRunes     = 15
	maxBareOwnerRunes = 6
)

// roleOwner is what a Chinese role right after text belongs to: an
// organisation (role_organisations), from the city it names
// (开姆尼茨市经济促进局局长) or, short, from the clause's start
// (经济促进局局长); else a city (湖州市副市长); else nothing.
func (l *learner) roleOwner(text string) string {
	clause := hanSuffix(text)
	run := lastRunes(clause, maxOwnerRunes)
	if !l.cues.roleOrganisations.endsIn(run) {
		return l.places.cityBefore(text)
	}
	if found := l.places.find(run); len(found) > 0 {
		return run[found[0].start:]
	}
	if utf8.RuneCountInString(clause) <= maxBareOwnerRunes {
		return clause
	}
	return l.places.cityBefore(text)
}

// latin adds the people a sentence names by a role in Latin letters.
func (p *peopleReading) latin(s sentence) {
	l := p.l
	for i := 0; i < len(s.units); i++ {
		if s.units[i].han {
			continue
		}
		n := l.cues.role.at(s.units, i)
		if n == 0 {
			continue
		}
		from := l.roleStart(s, i)
		name, role, appointed := l.roleHolder(s, from, i+n)
		switch {
		case appointed:
			p.appoint(name, role, p.appointedOn(), l.cues.electedTo.endsIn(s.text[:s.units[from].start]))
		case name != "":
			p.add(name, "", role, p.since)
		default:
			for _, name := range l.electedAs(s, from) {
				p.appoint(name, s.text[s.units[from].start:l.roleEnd(s, i+n)], p.appointedOn(), false)
			}
		}
		i += n - 1
	}
}

// roleStart is where the role whose word is unit i begins: at a city's
// adjective before it ("Heilbronner Wirtschaftsbürgermeister"), or at a
// deputy's or an acting holder's word a word apart at most, with nothing
// but a space between ("deputy district mayor", "acting
// Secretary-General"; "and vice versa, Mayor Zhang Min" is the mayor).
func (l *learner) roleStart(s sentence, i int) int {
	from := i
	// Not across a comma: "Tom Weber, Leiter des Amtes" names Weber; but
	// "ISA-Generalsekretär".
	if i > 0 && s.units[i-1].capital && !s.units[i-1].han && !l.isNameWord(s.units[i-1]) &&
		!strings.ContainsAny(s.text[endOf(s.units[i-1]):s.units[i].start], ",;:") {
		from = i - 1
	}
	for k := from - 1; k >= max(from-2, 0) && !s.units[k].han; k-- {
		if strings.ContainsFunc(s.text[endOf(s.units[k]):s.units[from].start], unicode.IsPunct) {
			break
		}
		if l.cues.deputy.at(s.units, k) > 0 && l.cues.notDeputy.at(s.units, k) == 0 || l.cues.acting.at(s.units, k) > 0 {
			return k
		}
	}
	return from
}

// roleHolder is the name of who holds the role of units from to end,
// and the role as the sentence gives it: the name after it ("Jurysprecherin
// war ..."), before it ("Clara Weidemann, youth coordinator of the ISA"),
// or appointed to it ("Zhou Wen has been appointed Deputy
// Secretary-General"), which appointed reports.
func (l *learner) roleHolder(s sentence, from, end int) (name, role string, appointed bool) {
	if from > 0 && l.cues.formerRole.at(s.units, from-1) > 0 && strings.TrimSpace(s.text[endOf(s.units[from-1]):s.units[from].start]) == "" {
		return "", "", false // "bisher stellvertretende Generalsekretärin": held no more
	}
	role = s.text[s.units[from].start:endOf(s.units[end-1])]
	next := end + l.cues.roleLink.at(s.units, end)
	if name := l.latinNameAt(s, next); name != "" {
		return name, role, false
	}
	// Not a relative clause after a name, which may say a role was
	// someone's: "Tom Weber, who was Secretary-General until 2030".
	if name, qualified := l.latinNameBefore(s, from); name != "" && l.cues.relativePronouns.at(s.units, qualified) == 0 {
		if at := strings.LastIndex(s.text[:s.units[from].start], name); at >= 0 && l.heldUntil(s.text[:at]) {
			return "", "", false // "until 31 July 2032: Tom Weber, press officer": held no more
		}
		if n := l.cues.joinArticles.at(s.units, qualified); n > 0 && qualified+n <= from {
			qualified += n // "Jörg Seifert, dem Leiter des Amts": Leiter
		}
		return name, s.text[s.units[qualified].start:l.roleEnd(s, end)], false
	}
	name = l.appointeeBefore(s, from)
	return name, role, name != ""
}

// maxComplementUnits bounds what a role is of: an office's name, not a
// clause.
const maxComplementUnits = 14

// roleEnd is where a role that ends before unit end ends with what it is
// of: "Leiter des ISA-Kontaktbüros Deutschland" of "Dr. Jörg Ellerbrock,
// Leiter des ISA-Kontaktbüros Deutschland, bedauerte …", "Secretary-General
// of the ISA secretariat in Foshan" of "… since 1 November 2032". What it
// is of ends at a comma, a day, or a word that goes on with the sentence
// (role_complement_end: "am Freitagmorgen", "vor rund 200 Gästen";
// elected_passive: "zur Leiterin des Amtes ernannt"); one
// that runs on further is no part of the role, which then ends with its
// word, as does a role that no word of role_complement follows.
func (l *learner) roleEnd(s sentence, end int) int {
	role := endOf(s.units[end-1])
	if end >= len(s.units) || l.cues.roleComplement.at(s.units, end) == 0 {
		return role
	}
	dates := findDates(s.text)
	last := role
	for k := end; k < len(s.units); k++ {
		u := s.units[k]
		if u.han || strings.ContainsAny(s.text[endOf(s.units[k-1]):u.start], ",;:()\"“”„«»") || l.cues.roleSince.at(s.units, k) > 0 || l.cues.roleTaken.at(s.units, k) > 0 ||
			k > end && (l.cues.roleComplementEnd.at(s.units, k) > 0 || l.cues.electedPassive.at(s.units, k) > 0) ||
			slices.ContainsFunc(dates, func(d dateSpan) bool { return d.start <= u.start && u.start < d.end }) {
			return last
		}
		if k >= end+maxComplementUnits {
			return role
		}
		if k > end && l.cues.roleComplement.at(s.units, k) == 0 {
			last = endOf(u)
		}
	}
	return last
}

// span is a range of bytes of a text.
type span struct{ start, end int }

// occurrences are where text holds w, none overlapping.
func occurrences(text, w string) []span {
	var out []span
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return out
		}
		out = append(out, span{i + j, i + j + len(w)})
		i += j + len(w)
	}
}

// chineseRoles finds the Chinese roles in text, the longest where they
// overlap: 副市长, not the 市长 in it.
func (l *learner) chineseRoles(text string) []span {
	var found []span
	for _, w := range l.cues.role.chinese {
		found = append(found, occurrences(text, w)...)
	}
	slices.SortFunc(found, func(a, b span) int { return cmp.Or(a.start-b.start, b.end-a.end) })
	var out []span
	for _, f := range found {
		if len(out) > 0 && f.start < out[len(out)-1].end {
			continue
		}
		out = append(out, f)
	}
	return out
}

// latinNameAt reads a name of two to four capitalised words at unit i,
// after an optional title, which it leaves out: "Martin Vogelsang" of
// "Dr. Martin Vogelsang".
func (l *learner) latinNameAt(s sentence, i int) string {
	for i < len(s.units) && l.cues.title.at(s.units, i) > 0 {
		i++
	}
	j := i
	// A given name may be a place too ("Qin Haiyan", Haiyan county): only
	// the first word of a name may not be one.
	for j < len(s.units) && j-i < maxNameUnits && !s.units[j].han && s.units[j].capital &&
		!(j == i && l.isNameWord(s.units[j])) && l.cues.role.at(s.units, j) == 0 && !isMonth(s.units[j].raw) {
		j++
		// A name ends at punctuation: "Liu Yi, der ..."; a hyphen joins
		// a double surname ("Katrin Oswald-Brehm").
		if j < len(s.units) {
			if gap := s.text[endOf(s.units[j-1]):s.units[j].start]; strings.TrimSpace(gap) != "" && gap != "-" {
				break
			}
		}
	}
	if j-i < 2 {
		return ""
	}
	return s.text[s.units[i].start:endOf(s.units[j-1])]
}

// heldUntil reports whether text, what comes before a name, ends with
// the day someone held a role until: "until 31 July 2032:", "bis zum 31.
// Juli 2032:".
func (l *learner) heldUntil(text string) bool {
	text = strings.TrimRight(text, " :：")
	dates := findDates(text)
	if len(dates) == 0 {
		return false
	}
	last := dates[len(dates)-1]
	return strings.TrimSpace(text[last.end:]) == "" && l.cues.untilDay.endsIn(text[:last.start])
}

// roleSince is the day a sentence says someone takes or took a role:
// the first day after the words that say so ("ab 1. Mai 2028",
// 自2028年3月1日起), else, when it says a role is taken ("took office
// on"), its first day but one something lasts until; zero if none. Not
// the month of "a delegation from Yichang … will travel … in November",
// nor the day a release announces a role that is taken later
// ("2月6日宣布，自3月1日起，由陈思远接任").
func (l *learner) roleSince(s sentence) corpus.Date {
	var first corpus.Date
	for _, d := range findDates(s.text) {
		before := s.text[:d.start]
		if l.cues.untilDay.endsIn(before) {
			// "until 31 July 2032: Matthias Kröger, …; from 1 August
			// 2032: Svenja Hollstein, …".
			continue
		}
		if l.cues.roleSince.endsIn(before) || l.cues.roleSinceAfter.startsIn(s.text[d.end:]) {
			return d.date
		}
		if first.IsZero() {
			first = d.date
		}
	}
	if l.cues.roleTaken.in(s.text, s.units) {
		return first
	}
	return corpus.Date{}
}

// appointeeBefore reads the name before the words that give it the role
// at unit i: "Zhou Wen has been appointed Deputy Secretary-General",
// "Zhou Wen (周文) was appointed …".
func (l *learner) appointeeBefore(s sentence, i int) string {
	for j := i - 1; j >= max(1, i-4); j-- {
		if n := l.cues.appointedBefore.at(s.units, j); n == 0 || j+n != i {
			continue
		}
		end := j
		switch between := strings.TrimSpace(s.text[endOf(s.units[j-1]):s.units[j].start]); between {
		case ")", "）":
			end = openingParenthesis(s, j-1)
		case ",":
			end = appositionStart(s, j-1)
		}
		if _, name := l.nameEndingAt(s, end); name != "" {
			return name
		}
	}
	return ""
}

// maxAppositionUnits bounds an apposition between a name and the words
// that appoint it: "Liang Qiuping, Mayor of Jiangmen, was elected …".
const maxAppositionUnits = 8

// appositionStart is where the apposition that ends with unit last
// begins, after the comma before it; or last+1, right after the comma
// that follows it, when no comma comes within maxAppositionUnits before:
// then the name is the one right before that comma.
func appositionStart(s sentence, last int) int {
	for k := last - 1; k >= max(0, last-maxAppositionUnits); k-- {
		if strings.Contains(s.text[endOf(s.units[k]):s.units[k+1].start], ",") {
			return k + 1
		}
	}
	return last + 1
}

// maxAsWords bounds the small words between "as" and the role it gives:
// "as the alliance's new Secretary-General".
const maxAsWords = 3

// electedAs reads the names a role at unit from is given to by a word
// for "as" after them: "elected Su Huimin as the alliance's new
// Secretary-General", "elected Annette Kröger and Li Guodong as
// co-presidents", "wählte Anna Keller zur Präsidentin".
func (l *learner) electedAs(s sentence, from int) []string {
	k := from - 1
	for n := 0; k > 0 && n < maxAsWords && l.cues.appointedAs.at(s.units, k) == 0; n++ {
		if s.units[k].han || s.units[k].capital && l.cues.role.at(s.units, k) == 0 && !strings.HasSuffix(s.units[k].raw, "'s") {
			return nil
		}
		k--
	}
	if k <= 0 || l.cues.appointedAs.at(s.units, k) != 1 {
		return nil
	}
	if name := l.passiveSubject(s, k); name != "" {
		return []string{name}
	}
	var names []string
	for end := k; end > 0; {
		start, name := l.nameEndingAt(s, end)
		if name == "" {
			return nil
		}
		names = append(names, name)
		// "Annette Kröger and Li Guodong"
		if start > 0 && l.cues.conjunctions.at(s.units, start-1) == 1 {
			end = start - 1
			continue
		}
		// Given by a verb that gives roles: not the predecessor of "Lena
		// Brandt, who takes over from Jonas Albrecht as spokesperson".
		if start == 0 || l.cues.elects.at(s.units, start-1) != 1 {
			return nil
		}
		return names
	}
	return nil
}

// passiveSubject is the name a sentence gives the role after "as" at
// unit k by a passive: the name right before "as", after the auxiliary
// ("Am Montag wurde Anna Keller zur Präsidentin gewählt"), else the name
// the sentence begins with ("Tan Yuqing (谭雨晴), bisher stellvertretende
// Generalsekretärin, wurde mit sofortiger Wirkung zur Generalsekretärin …
// ernannt", "Zhou Wen has been appointed as …").
func (l *learner) passiveSubject(s sentence, k int) string {
	auxiliary := l.cues.passiveAuxiliaries.index(s.text, s.units)
	if auxiliary < 0 || auxiliary > s.units[k].start || !l.cues.electedPassive.in(s.text, s.units) {
		return ""
	}
	if start, name := l.nameEndingAt(s, k); name != "" {
		if start > 0 && l.cues.passiveAuxiliaries.at(s.units, start-1) > 0 {
			return name
		}
		return ""
	}
	// The name the clause begins with is the auxiliary's subject: right
	// before it, or before an insertion between commas; and the clause
	// goes on to "as" without a comma ("Anna Keller was in Foshan, where
	// Zhou Wen was named as …" names Zhou Wen). No article begins a name
	// ("Der Vertrag wurde …").
	first := clauseStart(s, auxiliary)
	name := l.latinNameAt(s, first)
	if name == "" || l.cues.joinArticles.at(s.units, first) > 0 || strings.Contains(s.text[auxiliary:s.units[k].start], ",") {
		return ""
	}
	from := s.units[first].start
	nameEnd := from + strings.Index(s.text[from:], name) + len(name) // after a title: "Dr. Anna Keller"
	between := strings.TrimSpace(s.text[nameEnd:auxiliary])
	inserted := (strings.HasPrefix(between, "(") || strings.HasPrefix(between, ",")) && strings.HasSuffix(between, ",")
	if between != "" && !inserted {
		return ""
	}
	return name
}

// clauseStart is the first unit after the last colon before byte end: a
// list's item begins a clause ("4. Sekretariat: Tan Yuqing … wurde …").
func clauseStart(s sentence, end int) int {
	colon := strings.LastIndex(s.text[:end], ":")
	if colon < 0 {
		return 0
	}
	return max(0, slices.IndexFunc(s.units, func(u unit) bool { return u.start > colon }))
}

// maxNameUnits bounds the units of a Latin name (latinNameAt).
const maxNameUnits = 4

// nameEndingAt reads the Latin name that ends right before unit end, the
// earliest that does, and the unit it starts at: not the "General Rong
// Qiang" of "Deputy Secretary-General Rong Qiang".
func (l *learner) nameEndingAt(s sentence, end int) (int, string) {
	for start := max(0, end-maxNameUnits); start < end; start++ {
		if strings.HasSuffix(s.text[:s.units[start].start], "-") {
			continue
		}
		if name := l.latinNameAt(s, start); name != "" && s.units[start].start+len(name) == endOf(s.units[end-1]) {
			return start, name
		}
	}
	return 0, ""
}

// latinNameBefore reads the name that a role at unit i follows, set off
// by a comma, with at most two small words between, where the role so
// qualified starts: "Clara Weidemann, youth coordinator of the ISA".
func (l *learner) latinNameBefore(s sentence, i int) (name string, role int) {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch strings.TrimSpace(s.text[endOf(s.units[k]):s.units[k+1].start]) {
		case ",":
			if _, name := l.nameEndingAt(s, k+1); name != "" {
				return name, k + 1
			}
			return "", 0
		case "),", "），", "）,":
			// "Tan Yuqing (谭雨晴), Secretary-General of the ISA": the
			// name before the one it is written in Chinese.
			if open := openingParenthesis(s, k); open > 0 {
				if _, name := l.nameEndingAt(s, open); name != "" {
					return name, k + 1
				}
			}
			return "", 0
		}
		// "Prof. Dr. Matthias Reinholz, und die Präsidentin": another's.
		if s.units[k].capital || s.units[k].han || l.cues.conjunctions.at(s.units, k) > 0 {
			return "", 0
		}
	}
	return "", 0
}

// maxParenthesisUnits bounds the units of a name in Chinese characters in
// parentheses after a name.
const maxParenthesisUnits = 4

// openingParenthesis is the first unit inside the parentheses that close
// after unit k, or 0 if they hold more than a name in Chinese characters.
func openingParenthesis(s sentence, k int) int {
	for j := k; j > 0 && j > k-maxParenthesisUnits; j-- {
		if !s.units[j].han {
			return 0 // not a name in characters: "Die Stadtwerke Bochum (ab 2034), …"
		}
		between := s.text[endOf(s.units[j-1]):s.units[j].start]
		if strings.Contains(between, "(") || strings.Contains(between, "（") {
			return j
		}
		if strings.TrimSpace(between) != "" {
			return 0
		}
	}
	return 0
}

// isNameWord reports whether a capitalised word is rather a place or a
// role than part of a person's name.
func (l *learner) isNameWord(u unit) bool {
	return l.cues.role.at([]unit{u}, 0) > 0 || l.places.isPlace(u.raw) || isMonth(u.raw)
}

func isMonth(word string) bool {
	_, ok := corpus.MonthNamed(word)
	return ok
}

// chineseNameAfter reads the Chinese name after a role ("王立新"), with
// its Latin form in brackets if given ("（Wang Lixin）"). A name starts
// with a family name: "代表团" is no 代表 named 团.
func (l *learner) chineseNameAfter(text string) (name, latin string) {
	for _, link := range l.cues.roleLink.chinese {
		text = strings.TrimPrefix(text, link)
	}
	if name := transliteratedName.FindString(text); name != "" {
		rest := text[len(name):]
		// "克罗伊茨费尔特博士（Dr. Matthias Kreutzfeldt）": the name, then
		// a title.
		for _, title := range l.cues.nameTitles.chinese {
			before, ok := strings.CutSuffix(name, title)
			if last, _ := utf8.DecodeLastRuneInString(before); ok && !strings.ContainsRune("·・‧•", last) {
				name = before
				break
			}
		}
		return name, latinInBrackets(rest)
	}
	if name, latin := l.glossedName(text); name != "" {
		return name, latin
	}
	var b strings.Builder
	for _, r := range text {
		if !isHan(r) || utf8.RuneCountInString(b.String()) == 3 || strings.ContainsRune(nameEnders, r) {
			break
		}
		b.WriteRune(r)
	}
	name = b.String()
	if utf8.RuneCountInString(name) < 2 || !l.startsWithSurname(name) {
		return "", ""
	}
	return name, latinInBrackets(text[len(name):])
}

// glossedName reads the name text begins with in characters, less a
// title after it, when brackets right after give it in Latin letters and
// the characters are written for it (writtenFor): 萨尔费尔德博士（Dr.
// Henrik Saalfeld） for its sound, 区嘉铭（Ou Jiaming） for its pinyin.
func (l *learner) glossedName(text string) (name, latin string) {
	end := strings.IndexFunc(text, func(r rune) bool { return !isHan(r) })
	if end <= 0 {
		return "", ""
	}
	latin = latinInBrackets(text[end:])
	if !isLatinName(latin, 2) {
		return "", ""
	}
	name = text[:end]
	for _, title := range l.cues.nameTitles.chinese {
		if before, ok := strings.CutSuffix(name, title); ok {
			name = before
			break
		}
	}
	if !writtenFor(name, latin) {
		return "", ""
	}
	return name, latin
}

// writtenFor reports whether a name in Chinese characters writes a
// Latin one: by its pinyin, the family name's by any of its character's
// readings (区 is mostly qu, as a family name ou), or by its sound,
// whole or its last word (萨尔费尔德 for Saalfeld). A name in pinyin has
// three characters at most: 海天味业 (Haitian Weiye) is a company's.
func writtenFor(han, latin string) bool {
	runes := []rune(han)
	if len(runes) < 2 || len(runes) > maxSoundRunes {
		return false
	}
	words := strings.Fields(strings.ToLower(latin))
	if romanisedChinese(latin) {
		if len(words) != 2 || len(runes) > 3 {
			return false
		}
		if readsWhole(runes, words[0]+words[1]) || slices.Contains(readings()[runes[0]], words[0]) && readsWhole(runes[1:], words[1]) {
			return true
		}
		// "Tina Heinemann" spells as pinyin too: 海涅曼 is written for
		// its sound.
	}
	sounds := soundNames[string]{}
	sounds.add(latin, latin)
	sounds.add(words[len(words)-1], latin)
	_, ok := sounds.find(han)
	return ok
}

// readsWhole reports whether runes, each by its most common reading,
// read as romanised and nothing more: 刘毅 as "liuyi", not 的刘毅.
func readsWhole(runes []rune, romanised string) bool {
	for _, r := range runes {
		reading, ok := commonReading(r)
		if !ok || !strings.HasPrefix(romanised, reading) {
			return false
		}
		romanised = romanised[len(reading):]
	}
	return romanised == ""
}

// transliteratedName is a foreign name in Chinese characters, its parts
// joined by a middle dot: 马库斯·费尔德曼 (Markus Feldmann), whose first
// part may look like a Chinese family name.
var transliteratedName = regexp.MustCompile(`^\p{Han}{1,8}(?:[·・‧•]\p{Han}{1,10})+`)

// chineseNameBefore reads the name before a role that follows it
// ("周雅琴教授（Zhou Yaqin）").
func (l *learner) chineseNameBefore(before, after string) (name, latin string) {
	for n := 3; n >= 2; n-- {
		name = lastRunes(before, n)
		if utf8.RuneCountInString(name) == n && isChineseName(name) && l.startsWithSurname(name) {
			prev := before[:len(before)-len(name)]
			if r, _ := utf8.DecodeLastRuneInString(prev); prev == "" || !isHan(r) || strings.ContainsRune(nameStarters, r) {
				return name, latinInBrackets(after)
			}
		}
	}
	return "", ""
}

// chineseAppointee reads who takes the role that follows before: the
// name that starts its clause, when the clause appoints ("谭静怡（Tan
// Jingyi）自2026年11月1日起担任联盟秘书处副秘书长").
func (l *learner) chineseAppointee(before string) (name, latin string) {
	clause := before
	if i := strings.LastIndexAny(before, "，。；：！？,;:"); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		clause = before[i+size:]
	}
	// "由陈思远接任联盟秘书长": who takes the office after 由.
	clause = strings.TrimPrefix(clause, "由")
	// "任命王海燕为联盟": the appointing verb before the name, 为 after it.
	for _, w := range l.cues.appoints.chinese {
		_, after, ok := strings.Cut(clause, w)
		if !ok {
			continue
		}
		for n := 3; n >= 2; n-- {
			name = firstRunes(after, n)
			if utf8.RuneCountInString(name) == n && isChineseName(name) && l.startsWithSurname(name) &&
				strings.HasPrefix(after[len(name):], "为") {
				return name, latinInBrackets(after[len(name):])
			}
		}
	}
	if !l.cues.appointed.inText(clause) {
		return "", ""
	}
	for n := 3; n >= 2; n-- {
		name = firstRunes(clause, n)
		rest := clause[len(name):]
		next, _ := utf8.DecodeRuneInString(rest)
		if utf8.RuneCountInString(name) == n && isChineseName(name) && l.startsWithSurname(name) &&
			(!isHan(next) || l.cues.appointed.inText(firstRunes(rest, 5))) {
			return name, latinInBrackets(rest)
		}
	}
	return "", ""
}

func (l *learner) startsWithSurname(name string) bool { return l.surnameLen(name) > 0 }

// surnameLen is the length in characters of the surname a Chinese name
// starts with, the longest the list knows, or 0.
func (l *learner) surnameLen(name string) int {
	n := 0
	for _, s := range l.cues.surname.chinese {
		if strings.HasPrefix(name, s) {
			n = max(n, utf8.RuneCountInString(s))
		}
	}
	return n
}

// latinInBrackets reads a name in Latin letters in brackets at the start
// of text: "（Wang Lixin）", "（Wuhu）".
func latinInBrackets(text string) string {
	for _, open := range []string{"（", "("} {
		if after, ok := strings.CutPrefix(text, open); ok {
			end := strings.IndexAny(after, "）)")
			if end <= 0 {
				continue
			}
			// Without the abbreviated titles before it: "Dr. Matthias
			// Kreutzfeldt".
			name := strings.TrimSpace(after[:end])
			for title, rest, ok := strings.Cut(name, " "); ok && strings.HasSuffix(title, "."); title, rest, ok = strings.Cut(name, " ") {
				name = rest
			}
			if isLatinName(name, 1) {
				return name
			}
		}
	}
	return ""
}

// isLatinName reports whether s is a name of at least min and at most
// four capitalised Latin words: "Wang Lixin", "Dr. Eva Muster" without
// its title.
func isLatinName(s string, min int) bool {
	words := strings.Fields(s)
	if len(words) < min || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || isHan(r) || utf8.RuneCountInString(w) < 2 ||
			strings.IndexFunc(w[size:], func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' }) >= 0 {
			return false
		}
	}
	return true
}

// nameEnders are characters that end a Chinese name before its third
// character: verbs and particles that follow names. nameStarters end
// what comes before a name.
const (
	nameEnders   = "表说率在于和与等的是为称指强了对将也作致接陪出、"
	nameStarters = "为是由和与及、，：:"
)

package synthetic

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
)

// Marks of a synthetic release.
const (
	IDPrefix    = "synthetic-"
	TitlePrefix = "[SYNTHETIC] "
	Source      = "synthetic"
)

// The dates of the releases lie between the alliance's founding conference
// and the end of 2025.
var (
	firstDate = time.Date(2016, time.April, 25, 0, 0, 0, 0, time.UTC)
	lastDate  = time.Date(2025, time.December, 31, 0, 0, 0, 0, time.UTC)
)

// englishShare is the percentage of releases written in English; the rest
// are German, like the alliance's own.
const englishShare = 20

// Releases returns n synthetic releases made from seed, with IDs
// "synthetic-000001" to "synthetic-%06d" of n, in that order (not sorted by
// date). See the package documentation for how they are marked.
func Releases(n int, seed int64) []corpus.Release {
	out := make([]corpus.Release, 0, max(n, 0))
	for i := range n {
		out = append(out, release(i, seed))
	}
	return out
}

// release makes release number i (from 0) of seed; it depends on nothing
// else.
func release(i int, seed int64) corpus.Release {
	r := newRNG(seed, i)
	lang := corpus.German
	if r.intn(100) < englishShare {
		lang = corpus.English
	}
	w := words[lang]
	date := firstDate.AddDate(0, 0, r.intn(int(lastDate.Sub(firstDate).Hours()/24)+1))

	v := &vars{
		r:      r,
		w:      w,
		de:     pick(r, germanCities),
		de2:    pick(r, germanCities),
		cn:     pick(r, chineseCities),
		cn2:    pick(r, chineseCities),
		place:  pick(r, places),
		year:   date.Year(),
		year2:  date.Year() + 1,
		month:  w.months[date.Month()-1],
		topic:  pick(r, topics),
		topic2: pick(r, topics),
		// The alliance grew from its founding; the about section says so.
		germanMembers:  min(8+2*(date.Year()-2016), 20),
		chineseMembers: min(10+3*(date.Year()-2016), 27),
	}
	if p := pick(r, germanPeople); p.female {
		v.contact = w.contactLabel.f + ": " + p.name
	} else {
		v.contact = w.contactLabel.m + ": " + p.name
	}
	for v.de2 == v.de {
		v.de2 = pick(r, germanCities)
	}
	for v.topic2 == v.topic {
		v.topic2 = pick(r, topics)
	}

	rel := corpus.Release{
		ID:     fmt.Sprintf("%s%06d", IDPrefix, i+1),
		Date:   date,
		Place:  v.place,
		Title:  TitlePrefix + v.fill(pick(r, w.titles)),
		Lang:   lang,
		Source: Source,
	}

	// Every general sentence at most once while there are fresh ones.
	order := r.perm(len(w.sentences))
	next := 0
	sentences := func(k int, into []string) []string {
		for range k {
			into = append(into, v.fill(w.sentences[order[next%len(order)]]))
			next++
		}
		return into
	}
	paragraphs := 4 + r.intn(5)
	quotes := 0
	for p := range paragraphs {
		var s []string
		switch {
		case p == 0:
			s = sentences(2, []string{v.fill(pick(r, w.leads))})
		case p >= 2 && quotes < 2 && r.intn(100) < 45:
			rel.Body = append(rel.Body, v.quote())
			quotes++
			continue
		default:
			s = sentences(2+r.intn(2), nil)
		}
		rel.Body = append(rel.Body, strings.Join(s, " "))
	}

	for _, a := range w.about {
		rel.About = append(rel.About, v.fill(a))
	}
	for _, c := range w.contact {
		rel.Contact = append(rel.Contact, v.fill(c))
	}
	return rel
}

// WriteFiles writes releases into dir, one file per release named after its
// ID ("synthetic-000001.txt"), in the plain-text layout of the alliance's
// PDF releases that corpus.ParseRelease reads; dir is created if needed.
// Written into DIR/releases, they are a corpus for "isabot --data DIR".
//
// Every file is parsed back before it is written: a release that would not
// read back as it is (an ID that is no file name, a title the parser would
// take for a heading, text with line breaks or double spaces) is an error.
// Source and URL are not part of the layout and are not written.
func WriteFiles(dir string, releases []corpus.Release) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write releases: %w", err)
	}
	for i := range releases {
		r := &releases[i]
		if r.ID == "" || strings.ContainsAny(r.ID, `/\`) || strings.HasPrefix(r.ID, ".") {
			return fmt.Errorf("write releases: release ID %q is not a file name", r.ID)
		}
		name := filepath.Join(dir, r.ID+".txt")
		text := format(r)
		if err := readsBack(name, text, r); err != nil {
			return fmt.Errorf("write releases: %w", err)
		}
		if err := os.WriteFile(name, text, 0o644); err != nil {
			return fmt.Errorf("write releases: %w", err)
		}
	}
	return nil
}

// wrapWidth is where lines are broken, in characters, as in text extracted
// from the alliance's PDFs.
const wrapWidth = 95

// layout is how a release in one language is written down.
type layout struct {
	marker, about, contact string
	dateline               func(place string, d time.Time) string
	wrap                   bool
}

var layouts = map[corpus.Lang]layout{
	corpus.German: {
		marker: "Pressemitteilung", about: "Information zur ISA:", contact: "Kontakt:", wrap: true,
		dateline: func(place string, d time.Time) string {
			// Both ways the alliance writes its dates.
			if d.Day()%3 == 0 {
				return fmt.Sprintf("%s, %d. %s %d", place, d.Day(), words[corpus.German].months[d.Month()-1], d.Year())
			}
			return fmt.Sprintf("%s, den %02d.%02d.%d", place, d.Day(), d.Month(), d.Year())
		},
	},
	corpus.English: {
		marker: "Press release", about: "About the ISA:", contact: "Contact:", wrap: true,
		dateline: func(place string, d time.Time) string {
			return fmt.Sprintf("%s, %d %s %d", place, d.Day(), words[corpus.English].months[d.Month()-1], d.Year())
		},
	},
	corpus.Chinese: {
		marker: "新闻稿", about: "关于中德工业城市联盟：", contact: "联系方式：",
		dateline: func(place string, d time.Time) string {
			return fmt.Sprintf("%s，%d年%d月%d日", place, d.Year(), d.Month(), d.Day())
		},
	},
}

// format writes r in the plain-text layout: dateline, marker, title, body
// paragraphs, about section and contact block, separated by blank lines,
// paragraphs hard-wrapped at spaces.
func format(r *corpus.Release) []byte {
	l, ok := layouts[r.Lang]
	if !ok {
		l = layouts[corpus.German]
	}
	var b bytes.Buffer
	block := func(lines ...string) {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		for _, line := range lines {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	para := func(text string) {
		if l.wrap {
			block(wrap(text, wrapWidth)...)
		} else {
			block(text)
		}
	}
	block(l.dateline(r.Place, r.Date))
	block(l.marker)
	para(r.Title)
	for _, p := range r.Body {
		para(p)
	}
	if len(r.About) > 0 {
		block(l.about)
		for _, p := range r.About {
			para(p)
		}
	}
	if len(r.Contact) > 0 {
		block(l.contact)
		block(r.Contact...)
	}
	return b.Bytes()
}

// wrap breaks text at single spaces into lines of at most width
// characters, or longer where a word is.
func wrap(text string, width int) []string {
	var (
		lines []string
		line  []string
		n     int
	)
	for _, w := range strings.Split(text, " ") {
		k := utf8.RuneCountInString(w)
		if len(line) > 0 && n+1+k > width {
			lines = append(lines, strings.Join(line, " "))
			line, n = nil, 0
		}
		if len(line) > 0 {
			n++
		}
		line = append(line, w)
		n += k
	}
	return append(lines, strings.Join(line, " "))
}

// readsBack parses text, written from want to the file name, and reports
// the first field that reads back differently.
func readsBack(name string, text []byte, want *corpus.Release) error {
	got, err := corpus.ParseRelease(name, text)
	if err != nil {
		return fmt.Errorf("release %s would not parse: %w", want.ID, err)
	}
	var differs string
	switch {
	case got.ID != want.ID:
		differs = "ID"
	case corpus.DateOf(got.Date) != corpus.DateOf(want.Date):
		differs = "date"
	case got.Place != want.Place:
		differs = "place"
	case got.Lang != want.Lang:
		differs = "language"
	case got.Title != want.Title:
		differs = "title"
	case !slices.Equal(got.Body, want.Body):
		differs = "body"
	case !slices.Equal(got.About, want.About):
		differs = "about section"
	case !slices.Equal(got.Contact, want.Contact):
		differs = "contact block"
	default:
		return nil
	}
	return fmt.Errorf("release %s would read back with another %s", want.ID, differs)
}

// quote is a paragraph in which someone speaks: one to three sentences in
// quotation marks and who said them.
func (v *vars) quote() string {
	var (
		p    person
		role role
	)
	if v.r.intn(2) == 0 {
		p, role = pick(v.r, germanPeople), pick(v.r, v.w.germanRoles)
	} else {
		p, role = pick(v.r, chinesePeople), pick(v.r, v.w.chineseRoles)
	}
	k := 1 + v.r.intn(3)
	said := make([]string, 0, k)
	for _, i := range v.r.perm(len(v.w.quotes))[:k] {
		said = append(said, v.fill(v.w.quotes[i]))
	}
	title := role.m
	if p.female {
		title = role.f
	}
	// The full stop of the last sentence gives way to the attribution.
	return fmt.Sprintf(v.w.said, strings.TrimSuffix(strings.Join(said, " "), "."), p.name, v.fill(title))
}

// vars are the words one release is about: its cities, topics and date.
// A template names them in braces: {de}, {de2}, {cn}, {cn2}, {place},
// {topic}, {topic2}, {year}, {year2}, {month}, {members}, {de_members},
// {cn_members} and {contact} (the contact block's first line); {n} is a fresh count and {ord} a fresh
// ordinal (such as "9." or "9th") each time.
type vars struct {
	r                             *rng
	w                             *language
	de, de2, cn, cn2              string
	place, month, contact         string
	year, year2                   int
	topic, topic2                 topic
	germanMembers, chineseMembers int
}

func (v *vars) fill(tmpl string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			panic("synthetic: unclosed brace in " + tmpl)
		}
		b.WriteString(tmpl[:i])
		b.WriteString(v.value(tmpl[i+1 : i+j]))
		tmpl = tmpl[i+j+1:]
	}
}

func (v *vars) value(name string) string {
	switch name {
	case "de":
		return v.de
	case "de2":
		return v.de2
	case "cn":
		return v.cn
	case "cn2":
		return v.cn2
	case "place":
		return v.place
	case "topic":
		return v.topic.in(v.w)
	case "topic2":
		return v.topic2.in(v.w)
	case "year":
		return fmt.Sprint(v.year)
	case "year2":
		return fmt.Sprint(v.year2)
	case "month":
		return v.month
	case "members":
		return fmt.Sprint(v.germanMembers + v.chineseMembers)
	case "de_members":
		return fmt.Sprint(v.germanMembers)
	case "cn_members":
		return fmt.Sprint(v.chineseMembers)
	case "contact":
		return v.contact
	case "n":
		return fmt.Sprint(10 * (2 + v.r.intn(40)))
	case "ord":
		return v.w.ordinal(1 + v.r.intn(15))
	}
	panic("synthetic: unknown template variable {" + name + "}")
}

// rng is splitmix64: small, fast, and fixed, so the releases of a seed
// never change.
type rng struct{ s uint64 }

func newRNG(seed int64, i int) *rng {
	r := &rng{s: uint64(seed)}
	r.s = r.next() ^ uint64(i)*0xd1b54a32d192ed03
	r.next()
	return r
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n); the bias of the modulo is negligible
// for the small n used here.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// perm returns a random permutation of [0, n).
func (r *rng) perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j := r.intn(i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}

func pick[T any](r *rng, list []T) T { return list[r.intn(len(list))] }

// The vocabulary: member cities of the alliance, places of datelines,
// invented people, and the industries the alliance's releases talk about.
var (
	germanCities = []string{
		"Aachen", "Bad Homburg", "Bottrop", "Chemnitz", "Göttingen", "Hamburg", "Hildesheim", "Ingolstadt",
		"Kaiserslautern", "Köln", "Ludwigshafen", "Mainz", "Nürnberg", "Solingen", "Wuppertal", "Dortmund",
		"Lahr", "Freiburg", "Rüsselsheim", "Neuss", "Fulda",
	}
	chineseCities = []string{
		"Foshan", "Baoding", "Deyang", "Guiyang", "Huzhou", "Jiangmen", "Jiaozuo", "Jieyang", "Lanzhou",
		"Liuzhou", "Luoyang", "Maoming", "Nanchang", "Nanning", "Panjin", "Shantou", "Taizhou", "Weihai",
		"Xuchang", "Zhaoqing", "Zhuzhou", "Taicang", "Xiaoshan", "Nansha",
	}
	// Berlin, the seat of the German office, is the most common dateline.
	places = []string{
		"Berlin", "Berlin", "Berlin", "Berlin", "Foshan", "Foshan", "Hannover", "Köln", "Hamburg", "Nürnberg",
		"Aachen", "Chemnitz", "Wuppertal", "Ingolstadt", "Huzhou", "Luoyang", "Xuchang", "Taicang", "Guiyang",
	}
	germanPeople = []person{
		{"Anna Berger", true}, {"Julia Neumann", true}, {"Sabine Krüger", true}, {"Katrin Vogt", true},
		{"Miriam Scholz", true}, {"Markus Hartmann", false}, {"Thomas Albrecht", false},
		{"Stefan Lorenz", false}, {"Jens Winkler", false}, {"Michael Brandt", false},
	}
	chinesePeople = []person{
		{"Wang Fang", true}, {"Chen Jing", true}, {"Liu Yan", true}, {"Zhao Min", true},
		{"Zhou Hao", false}, {"Sun Lei", false}, {"Gao Peng", false}, {"Xu Tao", false},
	}
	topics = []topic{
		{"Wasserstofftechnologie", "hydrogen technology"},
		{"Elektromobilität", "electric mobility"},
		{"Künstliche Intelligenz", "artificial intelligence"},
		{"Industrie 4.0", "Industry 4.0"},
		{"Robotik", "robotics"},
		{"Maschinenbau", "mechanical engineering"},
		{"Medizintechnik", "medical technology"},
		{"Batterieforschung", "battery research"},
		{"Logistik", "logistics"},
		{"Halbleiterfertigung", "semiconductor manufacturing"},
		{"berufliche Bildung", "vocational training"},
		{"Kreislaufwirtschaft", "circular economy"},
		{"erneuerbare Energien", "renewable energy"},
		{"Smart City", "smart cities"},
		{"Umwelttechnik", "environmental technology"},
		{"Textilindustrie", "textile industry"},
		{"chemische Industrie", "chemical industry"},
		{"Keramikindustrie", "ceramics industry"},
		{"Luft- und Raumfahrt", "aerospace"},
		{"Lebensmitteltechnik", "food technology"},
		{"Digitalisierung des Mittelstands", "digitalisation of small and medium-sized firms"},
		{"autonomes Fahren", "autonomous driving"},
		{"Wasserwirtschaft", "water management"},
		{"Stadtentwicklung", "urban development"},
		{"Gesundheitswirtschaft", "health care industry"},
		{"Start-up-Förderung", "start-up support"},
		{"Klimaschutz", "climate protection"},
		{"Kunststofftechnik", "plastics engineering"},
		{"Photovoltaik", "photovoltaics"},
		{"Möbelindustrie", "furniture industry"},
	}
)

type person struct {
	name   string
	female bool
}

// role is what a person quoted does, in its female and male form; {de}
// and {cn} name the person's city.
type role struct{ f, m string }

// topic is an industry or a field of cooperation, in German and English.
type topic struct{ de, en string }

func (t topic) in(w *language) string {
	if w.lang == corpus.English {
		return t.en
	}
	return t.de
}

// language holds the templates of the releases in one language.
type language struct {
	lang                      corpus.Lang
	titles, leads, sentences  []string
	quotes                    []string
	said                      string // the quote without its last full stop, who said it, the role
	germanRoles, chineseRoles []role
	about, contact            []string
	contactLabel              role
	months                    [12]string
	ordinal                   func(int) string
}

var words = map[corpus.Lang]*language{
	corpus.German: {
		lang: corpus.German,
		titles: []string{
			"{de} und {cn} vertiefen ihre Zusammenarbeit im Bereich {topic}",
			"Delegation aus {cn} besucht Unternehmen in {de}",
			"ISA-Wirtschaftsforum in {place}: Schwerpunkt {topic}",
			"{ord} ISA-Plenarversammlung berät über {topic} und {topic2}",
			"Chinesische und deutsche Unternehmen vernetzen sich zum Thema {topic}",
			"Online-Konferenz der ISA zu {topic} mit {n} Teilnehmenden",
			"{cn} und {de} unterzeichnen Absichtserklärung zu {topic}",
			"ISA stellt Studie zu {topic} in deutschen und chinesischen Städten vor",
			"Matchmaking-Tag der ISA bringt Firmen aus {de} und {cn} zusammen",
			"Gemeinsamer Stand der ISA-Städte auf der Hannover Messe {year}",
		},
		leads: []string{
			"Die Chinesisch-Deutsche Industriestädteallianz (ISA) bringt Unternehmen aus {de} und {cn} im Bereich {topic} zusammen.",
			"Vertreterinnen und Vertreter aus {de} und {cn} haben sich im {month} {year} auf eine engere Zusammenarbeit im Bereich {topic} verständigt.",
			"Auf Einladung der ISA trafen sich in {place} Unternehmen, Hochschulen und Verwaltungen aus China und Deutschland, um über {topic} zu sprechen.",
			"Die ISA hat im {month} {year} ein neues Programm für Unternehmen aus ihren Mitgliedsstädten gestartet, das sich dem Thema {topic} widmet.",
		},
		sentences: []string{
			"Im Mittelpunkt des Treffens stand das Thema {topic}.",
			"Rund {n} Unternehmen aus beiden Ländern nahmen an den Gesprächen teil.",
			"Die Stadt {cn} stellte Pläne für einen neuen Technologiepark vor, in dem sich Firmen aus dem Bereich {topic} ansiedeln sollen.",
			"Eine Delegation aus {cn} besuchte Unternehmen und Forschungseinrichtungen in {de} und {de2}.",
			"Beide Seiten unterzeichneten eine Absichtserklärung über die Zusammenarbeit im Bereich {topic2}.",
			"Die Wirtschaftsförderung in {de} lädt interessierte Unternehmen ein, sich an dem Programm zu beteiligen.",
			"Nach Angaben der Veranstalter wurden mehr als {n} Gespräche zwischen deutschen und chinesischen Firmen vermittelt.",
			"Auch Hochschulen aus {de2} und {cn2} beteiligen sich an dem Austausch.",
			"Die Zusammenarbeit soll im kommenden Jahr auf das Thema {topic2} ausgeweitet werden.",
			"Die ISA vernetzt seit ihrer Gründung Unternehmen, Branchen und Forschungseinrichtungen aus China und Deutschland.",
			"Gerade kleine und mittlere Unternehmen profitieren von den direkten Kontakten in die Partnerstädte.",
			"Wegen der großen Nachfrage fand die Veranstaltung in hybrider Form statt.",
			"Für {year2} ist ein Gegenbesuch einer Delegation aus {de} in {cn} geplant.",
			"In {cn} sind bereits {n} deutsche Unternehmen ansässig, viele davon aus dem Bereich {topic}.",
			"Die Teilnehmenden tauschten sich über Fördermöglichkeiten, Markteintritt und Investitionsbedingungen aus.",
			"Außerdem ging es um Fachkräftesicherung und die duale Berufsausbildung nach deutschem Vorbild.",
			"Eine von der ISA in Auftrag gegebene Studie sieht im Bereich {topic} besonders gute Chancen für gemeinsame Projekte.",
			"Die Ergebnisse der Gespräche sollen auf der nächsten Plenarversammlung der ISA vorgestellt werden.",
			"Unternehmen aus {de2} zeigten Lösungen für den Bereich {topic2}, die in {cn2} auf großes Interesse stießen.",
			"Die Partnerstädte wollen zudem einen regelmäßigen Austausch von Fachleuten und Auszubildenden einrichten.",
			"Der Handel zwischen den beiden Regionen ist in den vergangenen Jahren deutlich gewachsen.",
			"Ein Pilotprojekt zum Thema {topic} soll bereits im {month} {year2} beginnen.",
			"Zum Abschluss besichtigten die Gäste das Werk eines Automobilzulieferers in {de}.",
			"Weitere Städte haben ihr Interesse an einer Mitarbeit in der Arbeitsgruppe {topic} bekundet.",
		},
		quotes: []string{
			"Die Zusammenarbeit mit unseren chinesischen Partnern hat sich in den vergangenen Jahren sehr gut entwickelt.",
			"Gerade im Bereich {topic} sehen wir große Chancen für unsere Unternehmen.",
			"Wir wollen den Austausch zwischen unseren Städten weiter vertiefen.",
			"Die ISA ist für uns eine wichtige Plattform, um verlässliche Partner zu finden.",
			"Ohne persönliche Kontakte gelingt keine internationale Kooperation.",
			"Davon profitieren am Ende die Menschen in beiden Ländern.",
			"Wir freuen uns, die Gäste aus {cn} bald wieder bei uns begrüßen zu dürfen.",
		},
		said: "„%s“, sagt %s, %s.",
		germanRoles: []role{
			{"Oberbürgermeisterin der Stadt {de}", "Oberbürgermeister der Stadt {de}"},
			{"Leiterin der Wirtschaftsförderung in {de}", "Leiter der Wirtschaftsförderung in {de}"},
			{"Geschäftsführerin eines Maschinenbauunternehmens aus {de}", "Geschäftsführer eines Maschinenbauunternehmens aus {de}"},
		},
		chineseRoles: []role{
			{"stellvertretende Bürgermeisterin von {cn}", "stellvertretender Bürgermeister von {cn}"},
			{"Direktorin des Handelsamtes von {cn}", "Direktor des Handelsamtes von {cn}"},
			{"Leiterin der Investitionsförderung in {cn}", "Leiter der Investitionsförderung in {cn}"},
		},
		about: []string{
			"Die Chinesisch-Deutsche Industriestädteallianz (ISA) ist ein innovatives Bündnis von {members} leistungsstarken Industriestandorten und Städten mit industrienahen Dienstleistungen aus China und Deutschland. Ziel ist die effektive, schnelle und direkte Vernetzung von Unternehmen, Branchen und Forschungseinrichtungen. Bilaterale Innovationen und Investitionen werden gefördert.",
			"Die ISA wurde im April 2016 gegründet. Ihr gehören {de_members} deutsche und {cn_members} chinesische Städte an.",
			"Diese Pressemitteilung ist synthetisch: Sie wurde für Tests erzeugt und enthält keine echten Informationen.",
		},
		contact: []string{
			"{contact}",
			"Synthetisches Pressebüro der ISA (Testdaten)",
			"Musterstraße 1",
			"10117 Berlin",
			"E-Mail: presse@example.org",
			"Tel: +49 (30) 555 01 – 00",
			"www.example.org",
		},
		contactLabel: role{"Ansprechpartnerin", "Ansprechpartner"},
		months:       [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		ordinal:      func(n int) string { return fmt.Sprintf("%d.", n) },
	},
	corpus.English: {
		lang: corpus.English,
		titles: []string{
			"{de} and {cn} deepen their cooperation in {topic}",
			"Delegation from {cn} visits companies in {de}",
			"ISA business forum in {place} focuses on {topic}",
			"{ord} ISA plenary assembly discusses {topic} and {topic2}",
			"Chinese and German companies network on {topic}",
			"ISA online conference on {topic} draws {n} participants",
			"{cn} and {de} sign letter of intent on {topic}",
			"ISA presents study on {topic} in German and Chinese cities",
			"ISA matchmaking day brings together firms from {de} and {cn}",
			"ISA cities share a joint stand at Hannover Messe {year}",
		},
		leads: []string{
			"The Sino-German Industrial Cities Alliance (ISA) is bringing together companies from {de} and {cn} in {topic}.",
			"Representatives of {de} and {cn} agreed in {month} {year} to work more closely together in {topic}.",
			"At the invitation of the ISA, companies, universities and city administrations from China and Germany met in {place} to discuss {topic}.",
			"In {month} {year} the ISA launched a new programme on {topic} for companies from its member cities.",
		},
		sentences: []string{
			"The meeting focused on {topic}.",
			"Around {n} companies from both countries took part in the talks.",
			"The city of {cn} presented plans for a new technology park for companies working in {topic}.",
			"A delegation from {cn} visited companies and research institutes in {de} and {de2}.",
			"Both sides signed a letter of intent on cooperation in {topic2}.",
			"The economic development agency of {de} invites interested companies to join the programme.",
			"According to the organisers, more than {n} meetings between German and Chinese firms were arranged.",
			"Universities from {de2} and {cn2} are also taking part in the exchange.",
			"Next year the cooperation is to be extended to {topic2}.",
			"Since its founding the ISA has connected companies, industries and research institutions from China and Germany.",
			"Small and medium-sized enterprises in particular benefit from direct contacts in the partner cities.",
			"Because of the high demand, the event was held in a hybrid format.",
			"A return visit by a delegation from {de} to {cn} is planned for {year2}.",
			"Some {n} German companies already operate in {cn}, many of them in {topic}.",
			"Participants discussed funding opportunities, market entry and investment conditions.",
			"Skilled labour and dual vocational training on the German model were also on the agenda.",
			"A study commissioned by the ISA sees particularly good prospects for joint projects in {topic}.",
			"The results of the talks will be presented at the next ISA plenary assembly.",
			"Companies from {de2} presented solutions for {topic2} that met with great interest in {cn2}.",
			"The partner cities also want to set up a regular exchange of experts and apprentices.",
			"Trade between the two regions has grown considerably in recent years.",
			"A pilot project on {topic} is due to start as early as {month} {year2}.",
			"At the end of the visit the guests toured the plant of an automotive supplier in {de}.",
			"Further cities have expressed interest in joining the working group on {topic}.",
		},
		quotes: []string{
			"Cooperation with our Chinese partners has developed very well in recent years.",
			"We see great opportunities for our companies in {topic} in particular.",
			"We want to deepen the exchange between our cities further.",
			"For us the ISA is an important platform for finding reliable partners.",
			"International cooperation does not succeed without personal contacts.",
			"In the end, people in both countries benefit.",
			"We look forward to welcoming our guests from {cn} again soon.",
		},
		said: "“%s,” says %s, %s.",
		germanRoles: []role{
			{"Lord Mayor of {de}", "Lord Mayor of {de}"},
			{"head of economic development in {de}", "head of economic development in {de}"},
			{"managing director of an engineering company from {de}", "managing director of an engineering company from {de}"},
		},
		chineseRoles: []role{
			{"deputy mayor of {cn}", "deputy mayor of {cn}"},
			{"director of the commerce bureau of {cn}", "director of the commerce bureau of {cn}"},
			{"head of investment promotion in {cn}", "head of investment promotion in {cn}"},
		},
		about: []string{
			"The Sino-German Industrial Cities Alliance (ISA) is an innovative network of {members} high-performing industrial locations and cities with industry-related services from China and Germany. Its aim is to connect companies, industries and research institutions effectively, quickly and directly. Bilateral innovation and investment are promoted.",
			"The ISA was founded in April 2016. It has {de_members} German and {cn_members} Chinese member cities.",
			"This press release is synthetic: it was generated for testing and contains no real information.",
		},
		contact: []string{
			"{contact}",
			"Synthetic ISA press office (test data)",
			"Example Street 1",
			"10117 Berlin",
			"E-mail: press@example.org",
			"Phone: +49 30 555 01 00",
			"www.example.org",
		},
		contactLabel: role{"Contact person", "Contact person"},
		months:       [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		ordinal: func(n int) string {
			switch {
			case n%10 == 1 && n != 11:
				return fmt.Sprintf("%dst", n)
			case n%10 == 2 && n != 12:
				return fmt.Sprintf("%dnd", n)
			case n%10 == 3 && n != 13:
				return fmt.Sprintf("%drd", n)
			}
			return fmt.Sprintf("%dth", n)
		},
	},
}

package main

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
)

// ---- FreeDict ----

// article is one dictd article of FreeDict: a headword, its part of
// speech, one line of translations and the examples.
type article struct {
	head, pos, translations string
	examples                [][2]string // source, target
}

// readDictd reads every article of a dictd dictionary in file order.
func readDictd(base string) ([]article, error) {
	data, err := readGzip(base + ".dict.dz")
	if err != nil {
		return nil, err
	}
	f, err := os.Open(base + ".index")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type span struct{ off, n int }
	seen := map[span]bool{}
	var spans []span
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 3 {
			return nil, fmt.Errorf("%s.index:%d: want 3 tab-separated fields", base, line)
		}
		off, err1 := base64Number(fields[1])
		n, err2 := base64Number(fields[2])
		if err := errors.Join(err1, err2); err != nil || off+n > len(data) {
			return nil, fmt.Errorf("%s.index:%d: bad offset or length %q %q", base, line, fields[1], fields[2])
		}
		if strings.HasPrefix(fields[0], "00-database") || strings.HasPrefix(fields[0], "00database") {
			continue
		}
		s := span{off, n}
		if !seen[s] { // several index words may point to one article
			seen[s] = true
			spans = append(spans, s)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.off, b.off) })
	arts := make([]article, 0, len(spans))
	for _, s := range spans {
		if a, ok := parseArticle(string(data[s.off : s.off+s.n])); ok {
			arts = append(arts, a)
		}
	}
	return arts, nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

// base64Number decodes dictd's offsets, numbers written in base 64.
func base64Number(s string) (int, error) {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	n := 0
	for _, c := range s {
		d := strings.IndexRune(digits, c)
		if d < 0 {
			return 0, fmt.Errorf("bad base64 number %q", s)
		}
		n = n*64 + d
	}
	return n, nil
}

// parseArticle reads an article of the form
//
//	Preis /pɾˈaɪs/ <masc, n, sg>
//	 [econ.] price <n>
//	      "zum halben Preis"  - at half (the) price
//	   Synonyms: {…}
//	 see: {…}
//	         Note: …
func parseArticle(text string) (article, bool) {
	lines := strings.Split(text, "\n")
	if len(lines) < 2 {
		return article{}, false
	}
	first := lines[0]
	a := article{translations: lines[1]}
	head, _, ok := strings.Cut(first, " /") // the pronunciation follows the headword
	if !ok {
		head, _, _ = strings.Cut(first, " <")
	}
	a.head = strings.TrimSpace(head)
	if i := strings.LastIndex(first, "<"); i >= 0 && strings.HasSuffix(first, ">") {
		a.pos = first[i+1 : len(first)-1]
	}
	for _, line := range lines[2:] {
		src, tgt, ok := strings.Cut(strings.TrimSpace(line), "\"  - ")
		if ok && strings.HasPrefix(src, "\"") {
			a.examples = append(a.examples, [2]string{src[1:], tgt})
		}
	}
	return a, a.head != ""
}

// Labels of FreeDict (Ding) senses and translations: what they do to a
// translation's weight, and what kind of mark they are. A label missing
// here changes nothing.
var labels = map[string]mark{
	// dropped
	"vulg.": {0, 0}, "obs.": {0, 0}, "archaic": {0, 0}, "veraltet": {0, 0}, "alt": {0, 0}, "former name": {0, 0},
	// fields a press office of cities seldom writes about: such a sense
	// is dropped unless it ranks first (Hand, [anat.] hand, stays)
	"ornith.": {0.5, special}, "zool.": {0.5, special}, "bot.": {0.5, special}, "anat.": {0.5, special},
	"myc.": {0.5, special}, "entom.": {0.5, special}, "min.": {0.5, special}, "biochem.": {0.5, special},
	"pharm.": {0.5, special}, "textil.": {0.5, special},
	// rare, dated or regional: dropped unless it ranks first, and a word
	// that has no other sense is dropped
	"rare": {0.3, rare}, "selten": {0.3, rare}, "dated": {0.3, rare}, "veraltend": {0.3, rare}, "becoming dated": {0.3, rare},
	"Schw.": {0.5, rare}, "Austr.": {0.5, rare}, "Bayr.": {0.5, rare}, "BW": {0.5, rare}, "Norddt.": {0.5, rare},
	"Süddt.": {0.5, rare}, "Mitteldt.": {0.5, rare}, "Ostdt.": {0.5, rare}, "Westdt.": {0.5, rare},
	"Nordostdt.": {0.5, rare}, "Nordwestdt.": {0.5, rare}, "Mittelostdt.": {0.5, rare}, "Mittelwestdt.": {0.5, rare},
	"Sachsen": {0.5, rare}, "Berlin": {0.5, rare}, "Lux.": {0.5, rare}, "Lie.": {0.5, rare}, "prov.": {0.5, rare},
	"Sc.": {0.5, rare}, "Ir.": {0.5, rare}, "NZ": {0.5, rare}, "Can.": {0.5, rare}, "South Africa": {0.5, rare},
	"India": {0.5, rare}, "Northern English": {0.5, rare}, "eAm.": {0.5, rare}, "eBr.": {0.5, rare},
	// register: ranks lower
	"coll.": {0.5, plain}, "ugs.": {0.5, plain}, "slang": {0.5, plain}, "pej.": {0.5, plain}, "humor.": {0.5, plain},
	"iron.": {0.5, plain}, "euphem.": {0.5, plain}, "poet.": {0.5, plain}, "geh.": {0.5, plain},
	"literary": {0.5, plain}, "Jugendsprache": {0.5, plain}, "Kindersprache": {0.5, plain},
}

// markOf reads the labels of a sense or a translation: the product of
// their factors, and the kinds of mark they make, plain if none.
func markOf(ls []string) mark {
	m := mark{factor: 1}
	for _, l := range ls {
		if x, ok := labels[l]; ok {
			m.factor *= x.factor
			m.kind |= x.kind
		}
	}
	if m.kind == 0 {
		m.kind = plain
	}
	return m
}

// item is one translation of a translation line with its own labels.
type item struct {
	text, pos string
	labels    []string
}

// splitTranslations cuts a translation line into the labels in front,
// which hold for the whole sense, and its items:
//
//	[econ.] call for tenders <n> [Br.] , invitation to bid <n> [Am.] ITB,  /ˈɪtp/
func splitTranslations(line string) (sense []string, items []item) {
	rest := strings.TrimSpace(line)
	for strings.HasPrefix(rest, "[") {
		end := strings.Index(rest, "]")
		if end < 0 {
			break
		}
		sense = append(sense, rest[1:end])
		rest = strings.TrimSpace(rest[end+1:])
	}
	for _, part := range splitTop(rest, ',') {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if strings.HasPrefix(part, "/") && strings.HasSuffix(part, "/") {
			// The pronunciation of an abbreviation glued to the item
			// before ("et ceteraetc.,  /ˈɛtk/"): without a part of speech
			// between them the two cannot be told apart.
			if n := len(items); n > 0 && !strings.Contains(items[n-1].text, ">") {
				items[n-1].text = ""
			}
			continue
		}
		items = append(items, item{text: part})
	}
	for i := range items {
		items[i].text, items[i].pos, items[i].labels = stripLabels(items[i].text)
	}
	return sense, items
}

// splitTop splits s at sep outside brackets of any kind.
func splitTop(s string, sep rune) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[', '<', '{':
			depth++
		case ')', ']', '>', '}':
			depth = max(0, depth-1)
		case sep:
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + len(string(sep))
			}
		}
	}
	return append(parts, s[start:])
}

// stripLabels takes the [labels] out of an item and cuts what follows its
// <part of speech>, where an abbreviation may be glued on ("respectively
// <conj>resp.").
func stripLabels(s string) (text, pos string, labels []string) {
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexAny(s, "[<")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		closing := "]"
		if s[i] == '<' {
			closing = ">"
		}
		end := strings.Index(s[i:], closing)
		if end < 0 {
			break
		}
		inner := s[i+1 : i+end]
		s = s[i+end+1:]
		if closing == "]" {
			labels = append(labels, inner)
			continue
		}
		pos = inner
		// After the part of speech only labels may follow.
		for _, rest := range strings.Split(s, "[")[1:] {
			if l, _, ok := strings.Cut(rest, "]"); ok {
				labels = append(labels, l)
			}
		}
		s = ""
	}
	return strings.TrimSpace(b.String()), pos, labels
}

// germanHead normalises a FreeDict headword: parentheses, placeholders
// such as etw. and sich, and the marks of combining forms ("Abfall…",
// "Bürgermeister-") go; what is left must be one or two words.
func germanHead(head string) (string, bool) {
	head = removeBracketed(head)
	head = strings.TrimRight(head, "…-")
	var words []string
	placeholder := false
	for _, w := range strings.Fields(head) {
		switch w {
		case "etw.", "jdm.", "jdn.", "jds.", "jd.", "sich", "etw", "jdm", "jdn":
			placeholder = true
			continue
		}
		words = append(words, w)
	}
	if len(words) == 0 || len(words) > maxWords {
		return "", false
	}
	// "bei jdm. vorsprechen" is no "bei vorsprechen"
	if placeholder && len(words) > 1 && prepositions[strings.ToLower(words[0])] {
		return "", false
	}
	for _, w := range words {
		if !isWord(w) || isAbbreviation(w) {
			return "", false
		}
	}
	return strings.ToLower(strings.Join(words, " ")), true
}

// prepositions that a placeholder may follow ("bei jdm.", "mit etw.").
var prepositions = map[string]bool{
	"ab": true, "an": true, "auf": true, "aus": true, "bei": true, "bis": true, "durch": true, "für": true,
	"gegen": true, "hinter": true, "in": true, "mit": true, "nach": true, "neben": true, "ohne": true,
	"über": true, "um": true, "unter": true, "von": true, "vor": true, "wegen": true, "zu": true, "zwischen": true,
}

// joins are the English words that do not count between two others
// ("chamber of commerce", "research and development").
var joins = map[string]bool{"of": true, "for": true, "and": true}

// englishTerm cuts an English translation down to one or two words
// (without articles; "of", "for" and "and" between them do not count), or
// rejects it. A capital letter marks a proper name or a word made from
// one (Cologne, German, Monday), unless capitals says it does not.
func englishTerm(s string, capitals bool) (string, bool) {
	s = removeBracketed(s)
	if strings.ContainsAny(s, "!?;:/…\"") {
		return "", false
	}
	var words []string
	for i, w := range strings.Fields(s) {
		switch w {
		case "sth.", "sb.", "sth", "sb", "sb.'s", "sth.'s", "sb's", "sth's", "one's", "oneself", "someone", "something", "etc.", "etc":
			continue
		case "a", "an", "the": // not "A" of "A sharp"
			continue
		case "to":
			if i == 0 {
				continue
			}
		}
		words = append(words, w)
	}
	content := 0
	for i, w := range words {
		if joins[w] && i > 0 && i < len(words)-1 {
			continue
		}
		content++
		if !isWord(w) || isAbbreviation(w) {
			return "", false
		}
	}
	if content == 0 || content > maxWords {
		return "", false
	}
	if r, _ := utf8.DecodeRuneInString(words[0]); unicode.IsUpper(r) && !capitals {
		return "", false
	}
	return strings.ToLower(strings.Join(words, " ")), true
}

// removeBracketed drops (…), […], <…> and {…} with what they hold.
func removeBracketed(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[', '<', '{':
			depth++
			continue
		case ')', ']', '>', '}':
			depth = max(0, depth-1)
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// isWord accepts two or more letters with inner hyphens or apostrophes.
func isWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	prev := '-'
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
		case r == '-' || r == '\'':
			if prev == '-' || prev == '\'' {
				return false
			}
		default:
			return false
		}
		prev = r
	}
	return prev != '-' && prev != '\''
}

// isAbbreviation tells "EU", "GmbH" or "UNO" from words: two capitals.
func isAbbreviation(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// lemma returns the normalised headword of an article that gives a
// German lemma. Articles without a part of speech are inflected forms
// ("investierend", "vergröberte"), phrases, sentences and place names;
// plural articles are inflected forms too ("Abfälle"); combining forms
// ("Abfall…", "Bürgermeister-") are no words. All of them still count as
// evidence.
func lemma(a article) (string, bool) {
	if a.pos == "" || a.pos == "pl" || strings.HasPrefix(a.pos, "pl,") {
		return "", false
	}
	if strings.HasSuffix(a.head, "…") || strings.HasSuffix(a.head, "-") {
		return "", false
	}
	return germanHead(a.head)
}

// sensed is an English translation with its weight, part of speech and
// mark.
type sensed struct {
	word   string
	weight float64
	pos    uint8
	kind   uint8
}

// germanSense returns the English translations of an article's sense,
// each weighted by its labels.
func germanSense(a article) []sensed {
	if strings.Contains(a.translations, "[vulg.]") {
		return nil
	}
	sense, items := splitTranslations(a.translations)
	m := markOf(sense)
	if m.factor == 0 {
		return nil
	}
	// A capitalised translation of a noun is a title or an institution
	// ("Lord Mayor") and stays; of a place it is a name ("Cologne").
	names := slices.Contains(sense, "geogr.") || !slices.Contains(strings.Split(a.pos, ", "), "n")
	var out []sensed
	for _, it := range items {
		im := markOf(it.labels)
		en, ok := englishTerm(it.text, !names)
		if w := m.factor * im.factor; w > 0 && ok {
			kind := m.kind | im.kind
			if kind != plain {
				kind &^= plain
			}
			out = append(out, sensed{word: en, weight: w, pos: partOfSpeech(it.pos, a.pos), kind: kind})
		}
	}
	return out
}

// partOfSpeech reads FreeDict's <v>, <n>, <adj>: the item's own, else the
// article's.
func partOfSpeech(tags ...string) uint8 {
	for _, tag := range tags {
		if tag == "" {
			continue
		}
		if slices.Contains(strings.Split(tag, ", "), "v") {
			return posVerb
		}
		return posOther
	}
	return posVerb | posOther
}

// buildGerman makes the German–English lexicon from FreeDict.
func buildGerman(deuEng, engDeu string, log io.Writer) (*lexicon, error) {
	arts, err := readDictd(deuEng)
	if err != nil {
		return nil, err
	}
	back, err := readDictd(engDeu)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "FreeDict: %d deu-eng articles, %d eng-deu articles\n", len(arts), len(back))

	pairs := map[[2]string]*candidate{}
	var cands []*candidate
	for _, a := range arts {
		head, ok := lemma(a)
		if !ok {
			continue
		}
		for _, tr := range germanSense(a) {
			k := [2]string{head, tr.word}
			c := pairs[k]
			if c == nil {
				c = &candidate{from: head, to: tr.word, order: len(cands)}
				pairs[k] = c
				cands = append(cands, c)
			}
			c.prior += tr.weight
			c.pos |= tr.pos
			c.kind |= tr.kind
		}
	}

	// Evidence: where else the two words of a pair meet. Both sides are
	// stemmed, so "Preise steigen" — "prices are rising" counts for
	// Preis—price.
	byStem := map[[2]string][]*candidate{}
	deGrams, enGrams := map[string]bool{}, map[string]bool{}
	for _, c := range cands {
		k := [2]string{stemPhrase(c.from, stemGerman), stemPhrase(c.to, stemEnglish)}
		byStem[k] = append(byStem[k], c)
		deGrams[k[0]], enGrams[k[1]] = true, true
	}
	meet := func(deText, enText string) {
		dg := grams(deText, stemGerman, deGrams)
		if len(dg) == 0 {
			return
		}
		eg := grams(enText, stemEnglish, enGrams)
		for _, d := range dg {
			for _, e := range eg {
				for _, c := range byStem[[2]string{d, e}] {
					c.evidence++
				}
			}
		}
	}
	for _, a := range arts {
		meet(a.head, a.translations)
		for _, ex := range a.examples {
			meet(ex[0], ex[1])
		}
	}
	for _, a := range back {
		meet(a.translations, a.head)
		for _, ex := range a.examples {
			meet(ex[1], ex[0])
		}
	}
	score := func(c *candidate) float64 { return c.prior * float64(1+c.evidence) }
	return &lexicon{toEn: rank(cands, false, score), fromEn: rank(cands, true, score)}, nil
}

// grams returns the distinct stemmed words, pairs and triples of words of
// text that are in keep.
func grams(text string, stem func(string) string, keep map[string]bool) []string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-' && r != '\''
	})
	var out []string
	seen := map[string]bool{}
	add := func(g string) {
		if keep[g] && !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	var prev, prev2 string
	for _, w := range words {
		s := stem(w)
		add(s)
		if prev != "" {
			add(prev + " " + s)
		}
		if prev2 != "" { // "chamber of commerce"
			add(prev2 + " " + prev + " " + s)
		}
		prev, prev2 = s, prev
	}
	return out
}

func stemPhrase(p string, stem func(string) string) string {
	words := strings.Fields(p)
	for i, w := range words {
		words[i] = stem(w)
	}
	return strings.Join(words, " ")
}

// The stemmers of bleve's German and English analyzers, which package
// bilingual uses too.
var (
	germanNormalize = de.NewGermanNormalizeFilter()
	germanStemmer   = de.NewGermanLightStemmerFilter()
	englishStemmer  = porter.NewPorterStemmer()
)

func stemGerman(w string) string {
	ts := analysis.TokenStream{&analysis.Token{Term: []byte(w)}}
	return string(germanStemmer.Filter(germanNormalize.Filter(ts))[0].Term)
}

func stemEnglish(w string) string {
	ts := analysis.TokenStream{&analysis.Token{Term: []byte(w)}}
	return string(englishStemmer.Filter(ts)[0].Term)
}

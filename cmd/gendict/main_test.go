package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/bilingual"
)

func TestEnglishTerm(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"to make sth. happen", "make happen", true},
		{"chamber of commerce", "chamber of commerce", true},
		{"research and development", "research and development", true},
		{"a study", "study", true},
		{"to sign a contract", "sign contract", true},
		{"study (room)", "study", true},
		{"Cologne", "", false},
		{"to go to school", "", false}, // three words
		{"EU", "", false},
	}
	for _, tt := range tests {
		got, ok := englishTerm(tt.in, false)
		if got != tt.want || ok != tt.ok {
			t.Errorf("englishTerm(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestGermanHead(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Abfall", "abfall", true},
		{"sich erholen", "erholen", true},
		{"öffentliche Hand", "öffentliche hand", true},
		{"bei jdm. vorsprechen", "", false}, // not "bei vorsprechen"
		{"Abfall…", "abfall", true},
		{"GmbH", "", false},
	}
	for _, tt := range tests {
		got, ok := germanHead(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("germanHead(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCommonChinese(t *testing.T) {
	v := &vocabulary{freq: map[string]int{"市长": 8782, "副": 500, "可持续": 150, "发展": 68664, "风": 9000, "干": 9000, "乱": 30}, minFreq: 100}
	for word, want := range map[string]bool{
		"市长":    true,
		"副市长":   true,  // 副 and 市长
		"可持续发展": true,  // 可持续 and 发展
		"风干":    false, // two characters: every such word is two of them
		"风干干":   false, // single characters only
		"乱发展":   false, // 乱 is rare
	} {
		if got := v.commonChinese(word); got != want {
			t.Errorf("commonChinese(%s) = %v, want %v", word, got, want)
		}
	}
}

func TestEnglishLevel(t *testing.T) {
	v := &vocabulary{level: map[string]int{"mayor": 20, "chamber": 35, "commerce": 35, "mobility": 35, "burgomaster": 60}}
	for term, want := range map[string]int{
		"mayor":               20,
		"chamber of commerce": 35,
		"e-mobility":          unlisted, // "e" is no word
		"burgomaster":         60,
		"lord mayor":          unlisted,
	} {
		if got := v.englishLevel(term); got != want {
			t.Errorf("englishLevel(%q) = %d, want %d", term, got, want)
		}
	}
}

func TestRank(t *testing.T) {
	cands := []*candidate{
		// Star: the celebrity, and the bird, which ranks lower: dropped
		{from: "star", to: "star", prior: 1, evidence: 3, kind: plain, pos: posOther},
		{from: "star", to: "starling", prior: 0.5, kind: special, pos: posOther, order: 1},
		// Hand, [anat.] hand: the best, so it stays
		{from: "hand", to: "hand", prior: 0.5, evidence: 9, kind: special, pos: posOther, order: 2},
		{from: "hand", to: "handwriting", prior: 1, kind: plain, pos: posOther, order: 3},
		// a word that only a regional sense gives
		{from: "güsel", to: "rubbish", prior: 0.5, kind: rare, pos: posOther, order: 4},
	}
	score := func(c *candidate) float64 { return c.prior * float64(1+c.evidence) }
	got := rank(cands, false, score)
	want := table{
		"star": {{"star", 1, posOther}},
		"hand": {{"hand", 1, posOther}, {"handwriting", 0.5, posOther}},
	}
	if !equalTables(got, want) {
		t.Errorf("rank = %v, want %v", got, want)
	}
	// English–German keeps the regional word for a word that has no other
	// (and so does "starling": its only sense).
	back := rank(cands, true, score)
	if trs := back["rubbish"]; len(trs) != 1 || trs[0].word != "güsel" {
		t.Errorf("rank reverse: rubbish = %v, want güsel", trs)
	}
	if trs := back["starling"]; len(trs) != 1 || trs[0].word != "star" {
		t.Errorf("rank reverse: starling = %v, want star", trs)
	}
}

func equalTables(a, b table) bool {
	if len(a) != len(b) {
		return false
	}
	for w, trs := range a {
		if !slices.Equal(trs, b[w]) {
			return false
		}
	}
	return true
}

func TestGlossary(t *testing.T) {
	d := dicts{
		deEn: table{"messe": {{"fair", 1, posOther}, {"mass", 0.5, posOther}}},
		enDe: table{},
		zhEn: table{"博览会": {{"exposition", 1, posOther}}},
		enZh: table{"trade fair": {{"交易会", 1, posOther}}},
	}
	d.addGlossary([]glossaryRow{{"messe", "trade fair", "博览会"}, {"messe", "fair", ""}})
	want := dicts{
		deEn: table{"messe": {{"trade fair", 1, posOther}, {"fair", 0.5, posOther}, {"mass", 0.333, posOther}}},
		enDe: table{"trade fair": {{"messe", 1, posOther}}, "fair": {{"messe", 1, posOther}}},
		zhEn: table{"博览会": {{"trade fair", 1, posOther}, {"exposition", 0.5, posOther}}},
		enZh: table{"trade fair": {{"博览会", 1, posOther}, {"交易会", 0.5, posOther}}},
	}
	for i, f := range d.files() {
		if w := want.files()[i]; !equalTables(f.t, w.t) {
			t.Errorf("%s = %v, want %v", f.name, f.t, w.t)
		}
	}
}

// TestWrite checks that package bilingual reads what gendict writes.
func TestWrite(t *testing.T) {
	d := testDicts()
	var buf strings.Builder
	w := bufio.NewWriter(&buf)
	d.deEn.writeTo(w)
	w.Flush()
	want := "austausch\tn\texchange\tinterchange\n" +
		"austauschen\tv\texchange\n" +
		"essen\tnv\tmeal\teat\n" +
		"jugend\tn\tyouth\n" +
		"jugendaustausch\tn\tyouth exchange\n"
	if buf.String() != want {
		t.Errorf("writeTo:\n%s\nwant:\n%s", buf.String(), want)
	}
	dict, err := d.load()
	if err != nil {
		t.Fatal(err)
	}
	got := dict.Translate("Austausch", corpus.German, corpus.English)
	if want := []bilingual.Translation{{Word: "exchange", Weight: 1}, {Word: "interchange", Weight: 0.5}}; !slices.Equal(got, want) {
		t.Errorf("Translate(Austausch) = %v, want %v", got, want)
	}
}

func testDicts() dicts {
	return dicts{
		deEn: table{
			"austausch":       {{"exchange", 1, posOther}, {"interchange", 0.5, posOther}},
			"austauschen":     {{"exchange", 1, posVerb}},
			"essen":           {{"meal", 1, posOther}, {"eat", 0.5, posVerb}},
			"jugend":          {{"youth", 1, posOther}},
			"jugendaustausch": {{"youth exchange", 1, posOther}},
		},
		enDe: table{
			"exchange":       {{"austausch", 1, posOther}, {"austauschen", 0.5, posVerb}},
			"youth":          {{"jugend", 1, posOther}},
			"youth exchange": {{"jugendaustausch", 1, posOther}},
		},
		zhEn: table{
			"交流":   {{"exchange", 1, posVerb | posOther}},
			"青年":   {{"youth", 1, posOther}},
			"青年交流": {{"youth exchange", 1, posOther}},
		},
		enZh: table{
			"exchange":       {{"交流", 1, posVerb | posOther}},
			"youth":          {{"青年", 1, posOther}},
			"youth exchange": {{"青年交流", 1, posOther}},
		},
	}
}

func TestPrune(t *testing.T) {
	d := testDicts()
	d.deEn["handelskammer"] = []translation{{"chamber of commerce", 1, posOther}}
	d.deEn["handel"] = []translation{{"trade", 1, posOther}}
	d.deEn["kammer"] = []translation{{"chamber", 1, posOther}}
	if err := d.prune(io.Discard); err != nil {
		t.Fatal(err)
	}
	// Jugendaustausch is youth exchange from its parts, and youth
	// exchange 青年交流; Handelskammer is no "trade chamber"; the German
	// "youth exchange" is a compound, not "jugend austausch".
	for _, c := range []struct {
		t    table
		word string
		kept bool
	}{
		{d.deEn, "jugendaustausch", false},
		{d.enZh, "youth exchange", false},
		{d.deEn, "handelskammer", true},
		{d.enDe, "youth exchange", true},
		{d.deEn, "austauschen", true}, // shares its stem with austausch
		{d.zhEn, "青年交流", true},        // Chinese is not taken apart
	} {
		if _, ok := c.t[c.word]; ok != c.kept {
			t.Errorf("after prune, %q is there: %v, want %v", c.word, ok, c.kept)
		}
	}
}

func TestReadGlossary(t *testing.T) {
	files := map[string]string{
		"ok.tsv":    "# c\nmesse\ttrade fair\t博览会\n-\tsurvey\t调查\n",
		"upper.tsv": "Messe\ttrade fair\t博览会\n",
		"noen.tsv":  "messe\t-\t博览会\n",
		"two.tsv":   "messe\ttrade fair\n",
	}
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := readGlossary(filepath.Join(dir, "ok.tsv"))
	if err != nil || !slices.Equal(rows, []glossaryRow{{"messe", "trade fair", "博览会"}, {"", "survey", "调查"}}) {
		t.Errorf("readGlossary = %v, %v", rows, err)
	}
	for _, name := range []string{"upper.tsv", "noen.tsv", "two.tsv"} {
		if _, err := readGlossary(filepath.Join(dir, name)); err == nil || !strings.Contains(err.Error(), name+":1") {
			t.Errorf("readGlossary(%s): err = %v, want one at line 1", name, err)
		}
	}
}

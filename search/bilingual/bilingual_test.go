package bilingual

import (
	"bytes"
	"compress/gzip"
	"errors"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/isa-alliance/isabot/corpus"
)

func embeddedDict(t testing.TB) *Dict {
	t.Helper()
	return Embedded()
}

func words(trs []Translation) []string {
	out := make([]string, len(trs))
	for i, tr := range trs {
		out[i] = tr.Word
	}
	return out
}

func TestTranslate(t *testing.T) {
	d := embeddedDict(t)
	const (
		de = corpus.German
		en = corpus.English
		zh = corpus.Chinese
	)
	tests := []struct {
		word     string
		from, to corpus.Lang
		want     []string // one of them
		first    bool     // must come first, else among the translations
	}{
		// German → English
		{"Wasserstoff", de, en, []string{"hydrogen"}, true},
		{"Abfall", de, en, []string{"waste"}, true},
		{"Abfallwirtschaft", de, en, []string{"waste management"}, true},
		{"Austausch", de, en, []string{"exchange"}, true},
		{"Kreislaufwirtschaft", de, en, []string{"recycling", "circular economy"}, true},
		{"Delegation", de, en, []string{"delegation"}, true},
		{"Preis", de, en, []string{"price", "prize"}, true},
		{"Ausschreibung", de, en, []string{"call for tenders", "invitation to tender"}, false},
		{"Handelskammer", de, en, []string{"chamber of commerce"}, true},
		// inflected German, found by stem
		{"Abfällen", de, en, []string{"waste"}, true},
		{"Preise", de, en, []string{"price"}, true},
		{"Investitionen", de, en, []string{"investment"}, true},
		{"Straßen", de, en, []string{"road", "street"}, true},
		// German verb forms, found by their infinitive
		{"startet", de, en, []string{"start", "launching", "begin"}, false},
		{"unterzeichneten", de, en, []string{"sign"}, true},
		// a stem that ends in t: kosten, not kosen ("cuddle")
		{"kostet", de, en, []string{"cost"}, true},
		{"arbeitet", de, en, []string{"work"}, true},
		// German compounds the dictionary lacks, from their parts
		{"Jugendaustausch", de, en, []string{"youth exchange"}, true},
		{"Wasserstoffwirtschaft", de, en, []string{"hydrogen economy"}, true},
		{"Mitgliedsstädten", de, en, []string{"member city"}, true},
		// a first part that is a compound itself, with its joint
		{"Berufsbildungsprogramms", de, en, []string{"vocation education program"}, true},
		{"Löwentanztruppe", de, en, []string{"lion dance troops", "lion dance company"}, true},
		{"ISA-Sekretariat", de, en, []string{"secretariat"}, false},
		{"Jugendaustausch", de, zh, []string{"青年交流", "青年交换", "青年交易所"}, true},
		// English → German
		{"hydrogen", en, de, []string{"wasserstoff"}, true},
		{"waste", en, de, []string{"abfall"}, true},
		{"mayor", en, de, []string{"bürgermeister"}, true},
		{"investments", en, de, []string{"investition"}, true},
		{"cities", en, de, []string{"stadt"}, true},
		// a plural whose stem is too short to look up by
		{"fees", en, de, []string{"gebühr"}, true},
		// A German compound with an English part: loan words.
		{"Präsenzworkshop", de, en, []string{"presence workshop"}, true},
		{"Workshopreihe", de, en, []string{"workshop series"}, true},
		// Chinese → English
		{"氢", zh, en, []string{"hydrogen"}, true},
		{"代表团", zh, en, []string{"delegation"}, true},
		{"预算", zh, en, []string{"budget"}, true},
		{"青年", zh, en, []string{"youth"}, true},
		{"交流", zh, en, []string{"exchange"}, true},
		// English → Chinese
		{"budget", en, zh, []string{"预算"}, true},
		// a plural glossed on its own (会众 "participants") is its
		// singular's too
		{"participants", en, zh, []string{"参与者"}, false},
		// British spellings, as the American ones CC-CEDICT glosses
		{"centre", en, zh, []string{"中心"}, false},
		{"organised", en, zh, []string{"组织"}, true},
		{"programme", en, zh, []string{"计划"}, false},
		{"harbour", en, zh, []string{"港口"}, true},
		{"delegation", en, zh, []string{"代表团"}, true},
		{"youth", en, zh, []string{"青年"}, true},
		{"hydrogen", en, zh, []string{"氢"}, false},
		{"delegations", en, zh, []string{"代表团"}, true},
		// German ↔ Chinese, through English
		{"Wasserstoff", de, zh, []string{"氢"}, false},
		{"Delegation", de, zh, []string{"代表团"}, true},
		{"Jugend", de, zh, []string{"青年"}, true},
		{"氢", zh, de, []string{"wasserstoff"}, true},
		{"预算", zh, de, []string{"budget"}, true},
		// English phrases the dictionary lacks, word by word
		{"youth exchange", en, zh, []string{"青年交流", "青年交换"}, true},
		{"youth exchanges", en, de, []string{"jugend austausch"}, true},
		{"prize-money", en, de, []string{"preisgeld"}, true},

		// Words of a press office, in all directions
		{"Bürgermeister", de, en, []string{"mayor"}, true},
		{"Bürgermeister", de, zh, []string{"市长"}, true},
		{"市长", zh, de, []string{"bürgermeister"}, true},
		{"mayor", en, zh, []string{"市长"}, true},
		{"市长", zh, en, []string{"mayor"}, true},

		{"Messe", de, en, []string{"trade fair", "fair"}, true},
		{"trade fair", en, de, []string{"messe"}, true},
		{"Messe", de, zh, []string{"博览会", "交易会", "展览会"}, true},
		{"博览会", zh, de, []string{"messe"}, true},
		{"trade fair", en, zh, []string{"博览会", "交易会"}, true},
		{"博览会", zh, en, []string{"trade fair", "exposition"}, true},

		{"Vertrag", de, en, []string{"contract", "treaty", "agreement"}, true},
		{"agreement", en, de, []string{"vereinbarung", "abkommen", "vertrag"}, true},
		{"Vertrag", de, zh, []string{"合同", "协议", "条约"}, true},
		{"协议", zh, de, []string{"vereinbarung", "abkommen", "vertrag"}, true},
		{"agreement", en, zh, []string{"协议", "协定"}, true},
		{"协议", zh, en, []string{"agreement"}, true},

		{"代表团", zh, de, []string{"delegation"}, true},

		{"Jugend", de, en, []string{"youth"}, true},
		{"youth", en, de, []string{"jugend"}, true},
		{"青年", zh, de, []string{"jugend"}, true},

		{"Preisgeld", de, en, []string{"prize money"}, true},
		{"prize money", en, de, []string{"preisgeld"}, true},
		{"Preisgeld", de, zh, []string{"奖金"}, true},
		{"奖金", zh, de, []string{"preisgeld", "prämie"}, true},
		{"prize money", en, zh, []string{"奖金"}, true},
		{"奖金", zh, en, []string{"prize money", "bonus", "award money"}, false},

		{"Anmeldung", de, en, []string{"registration"}, true},
		{"registration", en, de, []string{"anmeldung"}, true},
		{"Anmeldung", de, zh, []string{"报名", "登记", "注册"}, true},
		{"报名", zh, de, []string{"anmeldung", "anmelden"}, true},
		{"registration", en, zh, []string{"报名", "登记", "注册"}, true},
		{"报名", zh, en, []string{"registration", "sign up", "register"}, true},

		{"Wirtschaft", de, en, []string{"economy"}, true},
		{"economy", en, de, []string{"wirtschaft"}, true},
		{"Wirtschaft", de, zh, []string{"经济"}, true},
		{"经济", zh, de, []string{"wirtschaft"}, true},
		{"economy", en, zh, []string{"经济"}, true},
		{"经济", zh, en, []string{"economy"}, true},

		{"circular economy", en, de, []string{"kreislaufwirtschaft"}, true},
		{"Kreislaufwirtschaft", de, zh, []string{"循环经济"}, true},
		{"循环经济", zh, de, []string{"kreislaufwirtschaft"}, true},
		{"circular economy", en, zh, []string{"循环经济"}, true},
		{"循环经济", zh, en, []string{"circular economy"}, true},

		{"Abfall", de, zh, []string{"废物", "垃圾"}, true},
		{"废物", zh, de, []string{"abfall", "müll"}, true},
		{"waste", en, zh, []string{"废物", "垃圾"}, true},
		{"废物", zh, en, []string{"waste", "rubbish"}, true},

		{"Batterie", de, en, []string{"battery"}, true},
		{"battery", en, de, []string{"batterie"}, true},
		{"Batterie", de, zh, []string{"电池"}, true},
		{"电池", zh, de, []string{"batterie"}, true},
		{"battery", en, zh, []string{"电池"}, true},
		{"电池", zh, en, []string{"battery"}, true},

		{"Teilnehmer", de, en, []string{"participant"}, true},
		{"participant", en, de, []string{"teilnehmer"}, true},
		{"Teilnehmer", de, zh, []string{"参加者", "参与者"}, true},
		{"参加者", zh, de, []string{"teilnehmer"}, true},
		{"participant", en, zh, []string{"参加者", "参与者"}, true},
		{"参加者", zh, en, []string{"participant"}, true},

		{"Studie", de, en, []string{"study"}, true},
		{"study", en, de, []string{"studie"}, false},
		{"Studie", de, zh, []string{"研究"}, true},
		{"研究", zh, de, []string{"forschung", "studie"}, true},
		{"study", en, zh, []string{"研究", "学习"}, true},
		{"研究", zh, en, []string{"research", "study"}, true},

		{"Umfrage", de, en, []string{"survey", "poll"}, true},
		{"survey", en, de, []string{"umfrage", "befragung", "erhebung"}, true},
		{"Umfrage", de, zh, []string{"调查"}, true},
		{"调查", zh, de, []string{"umfrage", "untersuchung"}, true},
		{"survey", en, zh, []string{"调查"}, true},
		{"调查", zh, en, []string{"survey", "investigation"}, true},

		{"Kooperation", de, en, []string{"cooperation"}, true},
		{"cooperation", en, de, []string{"kooperation", "zusammenarbeit"}, true},
		{"Kooperation", de, zh, []string{"合作"}, true},
		{"合作", zh, de, []string{"kooperation", "zusammenarbeit"}, true},
		{"cooperation", en, zh, []string{"合作"}, true},
		{"合作", zh, en, []string{"cooperation", "cooperate"}, true},

		{"exchange", en, de, []string{"austausch"}, true},
		{"Austausch", de, zh, []string{"交流", "交换"}, true},
		{"交流", zh, de, []string{"austausch", "austauschen"}, true},
		{"exchange", en, zh, []string{"交流", "交换"}, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"-"+string(tt.to)+"/"+tt.word, func(t *testing.T) {
			got := d.Translate(tt.word, tt.from, tt.to)
			checkOrdered(t, got)
			ws := words(got)
			if tt.first {
				if len(ws) == 0 || !slices.Contains(tt.want, ws[0]) {
					t.Errorf("Translate(%q) = %v, want first one of %v", tt.word, got, tt.want)
				}
				return
			}
			if !slices.ContainsFunc(tt.want, func(w string) bool { return slices.Contains(ws, w) }) {
				t.Errorf("Translate(%q) = %v, want one of %v", tt.word, got, tt.want)
			}
		})
	}
}

// checkOrdered checks what every Translate result promises: at most
// MaxTranslations, weights in (0, 1], best first, each word once.
func checkOrdered(t *testing.T, got []Translation) {
	t.Helper()
	if len(got) > MaxTranslations {
		t.Errorf("%d translations, want at most %d: %v", len(got), MaxTranslations, got)
	}
	seen := map[string]bool{}
	for i, tr := range got {
		if tr.Weight <= 0 || tr.Weight > 1 {
			t.Errorf("weight of %q is %v, want (0, 1]", tr.Word, tr.Weight)
		}
		if i > 0 && tr.Weight > got[i-1].Weight {
			t.Errorf("%q (%v) after %q (%v): want the best first", tr.Word, tr.Weight, got[i-1].Word, got[i-1].Weight)
		}
		if seen[tr.Word] {
			t.Errorf("%q given twice", tr.Word)
		}
		seen[tr.Word] = true
	}
}

func TestPluralSenses(t *testing.T) {
	// A plural with senses of its own keeps them alone, through English
	// too: "Mittel" is "means", not the "mean" of 残忍 (cruel), nor is
	// "Nachrichten" the "new" of 新生.
	d := embeddedDict(t)
	for _, tt := range []struct {
		word     string
		from, to corpus.Lang
		not      string
	}{
		{"Mittel", corpus.German, corpus.Chinese, "残忍"},
		{"Nachrichten", corpus.German, corpus.Chinese, "新生"},
		{"means", corpus.English, corpus.Chinese, "残忍"},
		{"its", corpus.English, corpus.Chinese, "它"},
	} {
		if got := words(d.Translate(tt.word, tt.from, tt.to)); slices.Contains(got, tt.not) {
			t.Errorf("Translate(%q) = %v, holds %s", tt.word, got, tt.not)
		}
	}
}

func TestTranslateNothing(t *testing.T) {
	d := embeddedDict(t)
	tests := []struct {
		name     string
		word     string
		from, to corpus.Lang
	}{
		{"same language", "Wasserstoff", corpus.German, corpus.German},
		{"unknown language", "Wasserstoff", corpus.German, corpus.Lang("fr")},
		{"empty", "  ", corpus.German, corpus.English},
		{"unknown word", "Xqzzyblorf", corpus.German, corpus.English},
		{"Chinese is not stemmed", "氢气瓶子罐", corpus.Chinese, corpus.English},
		// An English word is no German compound of an English and a
		// German part: "select" and "ion".
		{"English word", "selection", corpus.German, corpus.English},
		// A German word with no Chinese translation is no compound with
		// an English part: "Aussteller", "Arbeitsort".
		{"German word", "Aussteller", corpus.German, corpus.Chinese},
		{"German compound", "Arbeitsort", corpus.German, corpus.Chinese},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.Translate(tt.word, tt.from, tt.to); got != nil {
				t.Errorf("Translate(%q, %s, %s) = %v, want nil", tt.word, tt.from, tt.to, got)
			}
		})
	}
}

func TestWeights(t *testing.T) {
	d := embeddedDict(t)
	got := d.Translate("Preis", corpus.German, corpus.English)
	want := []float64{1, 0.5, 0.333, 0.25, 0.2, 0.167} // the first sense 1, then 1/(1+rank)
	if len(got) != len(want) {
		t.Fatalf("Translate(Preis) = %v, want %d translations", got, len(want))
	}
	for i, tr := range got {
		if tr.Weight != want[i] {
			t.Errorf("weight %d = %v, want %v", i, tr.Weight, want[i])
		}
	}
}

// files returns a small dictionary of all four directions, with the
// text of each name replaced by the given one.
func files(replace map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	texts := map[string]string{
		"de-en.tsv": "# test\nabfall\tn\twaste\trubbish\naustausch\tn\texchange\njugend\tn\tyouth\nverschwenden\tv\twaste\nwasserstoff\tn\thydrogen\n",
		"en-de.tsv": "exchange\tnv\taustausch\taustauschen\nhydrogen\tn\twasserstoff\nwaste\tnv\tabfall\tverschwenden\n",
		"zh-en.tsv": "交流\tvn\texchange\tcommunication\n废物\tn\twaste\n氢\tn\thydrogen\n浪费\tv\twaste\n青年\tn\tyouth\n",
		"en-zh.tsv": "exchange\tvn\t交换\t交流\nhydrogen\tn\t氢\nwaste\tvn\t浪费\t废物\nyouth\tn\t青年\n",
	}
	for _, dir := range directions {
		text := texts[dir.file()]
		if r, ok := replace[dir.file()]; ok {
			text = r
		}
		fsys[dir.file()] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func TestLoad(t *testing.T) {
	d, err := Load(files(nil))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word     string
		from, to corpus.Lang
		want     []Translation
	}{
		{"Abfälle", corpus.German, corpus.English, []Translation{{"waste", 1}, {"rubbish", 0.5}}},
		{"waste", corpus.English, corpus.Chinese, []Translation{{"浪费", 1}, {"废物", 0.5}}},
		// through English: 浪费 is "to waste", Abfall the noun
		{"Abfall", corpus.German, corpus.Chinese, []Translation{{"废物", 0.75}, {"浪费", 0.3}}},
		{"浪费", corpus.Chinese, corpus.German, []Translation{{"verschwenden", 0.75}, {"abfall", 0.3}}},
		// a compound from its parts, a phrase word by word
		{"Jugendaustausch", corpus.German, corpus.English, []Translation{{"youth exchange", 1}}},
		{"youth exchange", corpus.English, corpus.Chinese, []Translation{{"青年交换", 1}, {"青年交流", 0.5}}},
		{"Jugendaustausch", corpus.German, corpus.Chinese, []Translation{{"青年交换", 0.5}, {"青年交流", 0.25}}},
		{"hydrogen of youth", corpus.English, corpus.German, nil},
	}
	for _, tt := range tests {
		if got := d.Translate(tt.word, tt.from, tt.to); !slices.Equal(got, tt.want) {
			t.Errorf("Translate(%q, %s, %s) = %v, want %v", tt.word, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestLoadGzip(t *testing.T) {
	fsys := files(nil)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("wasserstoff\tn\th2\n"))
	zw.Close()
	delete(fsys, "de-en.tsv")
	fsys["de-en.tsv.gz"] = &fstest.MapFile{Data: buf.Bytes()}
	d, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Translate("Wasserstoff", corpus.German, corpus.English); len(got) != 1 || got[0].Word != "h2" {
		t.Errorf("Translate(Wasserstoff) = %v, want h2", got)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, file, text string
		line             int
		want             string
	}{
		{"one field", "de-en.tsv", "abfall\tn\twaste\nwasserstoff hydrogen\n", 2, "separated by tabs"},
		{"no translation", "en-de.tsv", "# c\nwaste\tn\n", 2, "separated by tabs"},
		{"empty translation", "zh-en.tsv", "氢\tnn\thydrogen\t\n", 1, "empty"},
		{"empty word", "en-zh.tsv", "\tn\t氢\n", 1, "empty"},
		{"too many", "de-en.tsv", "preis\tnnnnnnnnn\ta\tb\tc\td\te\tf\tg\th\ti\n", 1, "more than 8"},
		{"parts of speech", "de-en.tsv", "preis\tnv\tprice\tprize\tcost\n", 1, "parts of speech"},
		{"part of speech", "de-en.tsv", "preis\tx\tprice\n", 1, "parts of speech"},
		{"unsorted", "zh-en.tsv", "预算\tn\tbudget\n氢\tn\thydrogen\n", 2, "sorted"},
		{"twice", "de-en.tsv", "preis\tn\tprice\npreis\tn\tprize\n", 2, "each once"},
		{"translation twice", "de-en.tsv", "preis\tnnn\tprice\tprize\tprice\n", 1, "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(files(map[string]string{tt.file: tt.text}))
			var fe *corpus.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("Load: err = %v, want a *corpus.FileError", err)
			}
			if fe.Path != tt.file || fe.Line != tt.line || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load: err = %v, want %s:%d: …%s…", err, tt.file, tt.line, tt.want)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		fsys := files(nil)
		delete(fsys, "en-zh.tsv")
		_, err := Load(fsys)
		var fe *corpus.FileError
		if !errors.As(err, &fe) || !strings.Contains(fe.Path, "en-zh.tsv") {
			t.Errorf("Load: err = %v, want one naming en-zh.tsv", err)
		}
	})
	t.Run("empty file", func(t *testing.T) {
		_, err := Load(files(map[string]string{"zh-en.tsv": "# nothing\n"}))
		if err == nil || !strings.Contains(err.Error(), "zh-en.tsv") {
			t.Errorf("Load: err = %v, want one naming zh-en.tsv", err)
		}
	})
}

func TestNotice(t *testing.T) {
	for _, want := range []string{"FreeDict", "CC-CEDICT", "GPL", "CC BY-SA 4.0", "scripts/dictionaries.sh"} {
		if !strings.Contains(Notice, want) {
			t.Errorf("data/LICENSE.md does not mention %q", want)
		}
	}
}

// TestEmbeddedFiles checks the embedded files' lines, which Embedded
// does not, and that Embedded finds the words Load finds.
func TestEmbeddedFiles(t *testing.T) {
	checked, err := loadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	d := embeddedDict(t)
	for _, dir := range directions {
		if got, want := d.table(dir.from, dir.to).heads, checked.table(dir.from, dir.to).heads; !slices.Equal(got, want) {
			t.Errorf("%s: Embedded notes %d words, Load %d", dir.file(), len(got), len(want))
		}
	}
}

// loadEmbedded loads the embedded files with Load's checks.
func loadEmbedded() (*Dict, error) {
	texts := []string{deEn, enDe, zhEn, enZh}
	return load(func(i int) (string, string, error) { return directions[i].file(), texts[i], nil })
}

// BenchmarkLoad loads the embedded dictionaries and reports the heap a
// Dict holds.
func BenchmarkLoad(b *testing.B) {
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var d *Dict
	for b.Loop() {
		var err error
		if d, err = loadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-min(after.HeapAlloc, before.HeapAlloc))/(1<<20), "heap-MB")
	runtime.KeepAlive(d)
}

var benchWords = []struct {
	word     string
	from, to corpus.Lang
}{
	{"Wasserstoff", corpus.German, corpus.English},
	{"Kreislaufwirtschaft", corpus.German, corpus.Chinese},
	{"hydrogen", corpus.English, corpus.German},
	{"delegation", corpus.English, corpus.Chinese},
	{"交流", corpus.Chinese, corpus.English},
	{"代表团", corpus.Chinese, corpus.German},
}

func BenchmarkTranslate(b *testing.B) {
	d := embeddedDict(b)
	for b.Loop() {
		for _, w := range benchWords {
			d.Translate(w.word, w.from, w.to)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchWords)), "ns/word")
}

// BenchmarkTranslateStem looks up inflected words, found by their stem.
func BenchmarkTranslateStem(b *testing.B) {
	d := embeddedDict(b)
	stemmed := []struct {
		word     string
		from, to corpus.Lang
	}{
		{"Abfällen", corpus.German, corpus.English},
		{"Investitionen", corpus.German, corpus.English},
		{"investments", corpus.English, corpus.German},
		{"cities", corpus.English, corpus.Chinese},
	}
	for b.Loop() {
		for _, w := range stemmed {
			d.Translate(w.word, w.from, w.to)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(stemmed)), "ns/word")
}

func TestAmericanSpellings(t *testing.T) {
	// A British ending after at least three letters is spelt the American
	// way; "acre" is no "acer".
	for word, want := range map[string][]string{
		"centre":        {"center"},
		"organisations": {"organizations"},
		"labour":        {"labor"},
		"acre":          nil,
		"exchange":      nil,
	} {
		if got := americanSpellings(word); !slices.Equal(got, want) {
			t.Errorf("americanSpellings(%q) = %v, want %v", word, got, want)
		}
	}
	if len(spellingEndings) < 10 {
		t.Errorf("%d spelling endings read from spellings.tsv", len(spellingEndings))
	}
}

func TestHeadword(t *testing.T) {
	d := Embedded()
	for _, tt := range []struct {
		word string
		from corpus.Lang
		want bool
	}{
		{"start-ups", corpus.English, true},
		{"Austausch", corpus.German, true},
		{"Jugendaustausch", corpus.German, false}, // translated from its parts
		{"youth exchange", corpus.English, false}, // word by word
	} {
		if got := d.Headword(tt.word, tt.from); got != tt.want {
			t.Errorf("Headword(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestCorrect(t *testing.T) {
	d := embeddedDict(t)
	for _, tt := range []struct {
		word string
		from corpus.Lang
		want string // "" for no correction
	}{
		{"delgation", corpus.English, "delegation"},
		{"seires", corpus.English, "series"},
		{"dealine", corpus.English, "deadline"},
		{"Jubliäum", corpus.German, "jubiläum"},
		{"budjet", corpus.English, "budget"},                 // a letter changed
		{"plenery", corpus.English, "plenary"},               // a letter changed
		{"deleggation", corpus.English, "delegation"},        // a letter added
		{"Kassel", corpus.German, ""},                        // a name, a letter from "Kessel"
		{"delegation", corpus.English, ""},                   // spelt right
		{"Zwickau", corpus.German, ""},                       // a name, no word
		{"Schalke", corpus.German, ""},                       // a name, a letter from "schalte"
		{strings.Repeat("delgation", 5), corpus.English, ""}, // too long to be a word
		{"bsu", corpus.English, ""},                          // too short to say
		{"xdelegation", corpus.English, ""},                  // the first letter stays
	} {
		got, ok := d.Correct(tt.word, tt.from)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Correct(%q) = %q, %v; want %q", tt.word, got, ok, tt.want)
		}
	}
}

func TestVerb(t *testing.T) {
	// A word is a verb when the dictionary gives it as one first.
	tests := []struct {
		word string
		lang corpus.Lang
		verb bool
	}{
		{"reached", corpus.English, true},
		{"joined", corpus.English, true},
		{"weekdays", corpus.English, false},
		{"fee", corpus.English, false},
		{"交", corpus.Chinese, true},
		{"举办", corpus.Chinese, true},
		{"预算", corpus.Chinese, false},
		{"会议", corpus.Chinese, false},
		{"teilnehmen", corpus.German, true},
		{"Teilnehmer", corpus.German, false},
		{"qwertzuiop", corpus.German, false},
	}
	d := Embedded()
	for _, tt := range tests {
		if got := d.Verb(tt.word, tt.lang); got != tt.verb {
			t.Errorf("Verb(%q, %s) = %v, want %v", tt.word, tt.lang, got, tt.verb)
		}
	}
}

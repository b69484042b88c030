package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// seedRelease is the alliance's release of 11 February 2021, the first of
// the default corpus.
const seedRelease = "data/releases/2021-02-11-isa-fruehlingsfest.txt"

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseRelease(t *testing.T) {
	tests := []struct {
		path  string
		id    string
		date  string
		place string
		lang  Lang
		title string
		url   string
		// body, about: the start of each paragraph, one per paragraph.
		body, about []string
		contact     []string
		// notInBody must appear in no body paragraph.
		notInBody []string
	}{
		{
			path:  seedRelease,
			id:    "2021-02-11-isa-fruehlingsfest",
			date:  "2021-02-11",
			place: "Berlin",
			lang:  German,
			title: "Die Chinesisch-Deutsche Industriestädteallianz (ISA) wünscht alles Gute zum Frühlingsfest",
			body: []string{
				"Die Chinesisch-Deutsche Industriestädteallianz (ISA) wünscht alles Gute zum chinesischen Frühlingsfest und blickt",
				"Die Chinesisch-Deutsche Industriestädteallianz (ISA) in Deutschland wünscht ihren chinesischen Partnerstädten",
				"„Wir können auf ein erfolgreiches gemeinsames Jahr 2020 zurückblicken.",
				"Städte und Beiräte haben im Oktober 2020 auf ihrer digitalen 9. ISA-Plenarversammlung",
				"Auf chinesischer Seite sind die vier leistungsstarken Städte Huzhou, Xuchang, Luoyang und Baoding",
				"China hat die COVID-19-Pandemie schnell überwunden",
				"„Das Jahr 2021 stellt weiterhin große Herausforderungen für die Bewältigung der Pandemie.",
			},
			about: []string{
				"Die Chinesisch-Deutsche Industriestädteallianz (ISA) ist ein innovatives Bündnis von 47 leistungsstarken Industriestandorten",
				"Die ISA wurde im April 2016 gegründet. Ihr gehören aktuell 20 deutsche Städte (Aachen,",
				"Die PKS Kommunikations- und Strategieberatung GmbH in Berlin ist Ansprechpartner",
			},
			contact: []string{
				"Ansprechpartnerin: Stefanie Behmer",
				"PKS Kommunikations- und Strategieberatung GmbH",
				"Reinhardtstraße 34",
				"10117 Berlin",
				"E-Mail: isa@pks-gmbh.net",
				"Tel: +49 (30) 25 79 72 – 23",
				"Fax: +49 (30) 25 79 72 – 25",
				"www.isa-portal.de",
			},
			notInBody: []string{"Kontakt", "Information zur ISA", "47 leistungsstarken", "im April 2016 gegründet", "  ", "\f"},
		},
		{
			path:  "testdata/releases/2021-03-03-test-foshan.txt",
			id:    "2021-03-03-test-foshan",
			date:  "2021-03-03",
			place: "Foshan",
			lang:  German,
			// A title wrapped after a hyphen, before a lower-case letter.
			title: "Testmeldung: ISA-Städte planen einen gemeinsamen Wirtschaftstag in Foshan",
			body: []string{
				// De-hyphenation, the no-break space and the tabs.
				"Dies ist eine Testmeldung für den Parser. Die Chinesisch-Deutsche Industriestädteallianz (ISA) lädt am 3. März zu einem " +
					"deutsch-chinesischen Wirtschaftstag ein, an dem Kommunikations- und Strategieberater teilnehmen.",
				// One paragraph across a page break and a page number.
				"Der zweite Absatz beginnt auf der ersten Seite – mit einem Gedankenstrich – und wird nach dem Seitenumbruch fortgesetzt, " +
					"wie es bei „COVID-19-Pandemie“ und ISA-mitgliedern geschieht.",
				"„Ein Zitat zum Schluss“, sagt die Testperson.",
			},
			about: []string{
				"Die ISA ist in dieser Testmeldung ein erfundenes Bündnis von Teststandorten.",
				"Zweiter Absatz der Information zur ISA.",
			},
			contact:   []string{"Test-Pressestelle der ISA", "Beispielstraße 1", "E-Mail: press@example.org", "Tel: +49 30 000000"},
			notInBody: []string{"Seite 2", "- 1 -", "\u00a0"},
		},
		{
			path:  "testdata/releases/2021-02-11-test-spring-festival.txt",
			id:    "2021-02-11-test-spring-festival",
			date:  "2021-02-11",
			place: "Berlin",
			lang:  English,
			title: "Test release: The Sino-German Industrial Cities Alliance wishes a happy Spring Festival",
			body: []string{
				"This is a test release for the parser. The Sino-German Industrial Cities Alliance (ISA) sends its best wishes to its member cities.",
				"A second paragraph of the test release, with a dash – like this – and “quotes” kept as they are.",
			},
			about:     []string{"The ISA of this test release is an invented alliance of test cities."},
			contact:   []string{"Test Press Office", "E-mail: press@example.org", "www.example.org"},
			notInBody: []string{"About the ISA", "Contact"},
		},
		{
			path:  "testdata/releases/2021-02-11-test-zh.txt",
			id:    "2021-02-11-test-zh",
			date:  "2021-02-11",
			place: "柏林",
			lang:  Chinese,
			// Chinese lines join without a space.
			title: "测试新闻稿（Test release）：中德工业城市联盟祝贺春节",
			body: []string{
				"这是一篇用于测试解析器的新闻稿。中德工业城市联盟向所有成员城市致以新春祝福。",
				"第二段：联盟将继续通过线上活动促进企业之间的交流。",
			},
			about:     []string{"本测试新闻稿中的联盟简介。"},
			contact:   []string{"测试联系人", "press@example.org"},
			notInBody: []string{"新闻稿\n", "关于中德工业城市联盟"},
		},
		{
			path:  "testdata/releases/2016-04-25-test-crlf.txt",
			id:    "2016-04-25-test-crlf",
			date:  "2016-04-25",
			place: "Hannover",
			lang:  German,
			title: "Testmeldung mit Windows-Zeilenenden",
			body:  []string{"Diese Testmeldung hat CRLF am Ende jeder Zeile und einen Absatz, der umbricht."},
			// Headings with their text on the same line.
			about:     []string{"Ein erfundenes Testbündnis."},
			contact:   []string{"Test-Pressestelle, press@example.org"},
			notInBody: []string{"\r"},
		},
		{
			path:  "testdata/releases/2021-10-20-test-markdown.md",
			id:    "2021-10-20-test-markdown",
			date:  "2021-10-20",
			place: "Berlin",
			lang:  German,
			title: "Testmeldung: ISA begrüßt neue Mitgliedsstädte",
			url:   "https://www.example.org/test/isa-neue-mitglieder",
			body: []string{
				"Dies ist eine Testmeldung für den Parser. Die Chinesisch-Deutsche Industriestädteallianz (ISA) begrüßt neue Mitgliedsstädte.",
				"Neue Mitglieder im Überblick",
				"Teststadt A aus Testland",
				"Teststadt B, deren Eintrag über zwei Zeilen geht",
				"Partner*innen und snake_case bleiben, *Sternchen* auch; Code verliert die Backticks.",
			},
			about:     []string{"Die ISA ist in dieser Testmeldung ein erfundenes Bündnis."},
			contact:   []string{"Test-Pressestelle", "E-Mail: press@example.org", "Tel: +49 30 000000"},
			notInBody: []string{"**", "](", "#", "`"},
		},
		{
			path:  "testdata/releases/2021-02-11-test-markdown-en.markdown",
			id:    "test-release-en", // from the front matter
			date:  "2021-02-11",
			lang:  English,
			title: "Test release written by hand",
			body: []string{
				"Test release written by hand", // a heading is a paragraph
				"This test release has no about section. Its paragraphs wrap across lines.",
			},
			contact: []string{"Test Press Office, press@example.org"},
		},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			r, err := ParseRelease(tt.path, readFile(t, tt.path))
			if err != nil {
				t.Fatal(err)
			}
			wantDate, err := time.Parse(time.DateOnly, tt.date)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []struct{ name, got, want string }{
				{"ID", r.ID, tt.id},
				{"Source", r.Source, tt.path},
				{"Place", r.Place, tt.place},
				{"Lang", string(r.Lang), string(tt.lang)},
				{"Title", r.Title, tt.title},
				{"URL", r.URL, tt.url},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
			if !r.Date.Equal(wantDate) || r.Date.Location() != time.UTC {
				t.Errorf("Date = %v, want %v", r.Date, wantDate)
			}
			checkStarts(t, "Body", r.Body, tt.body)
			checkStarts(t, "About", r.About, tt.about)
			if !equalStrings(r.Contact, tt.contact) {
				t.Errorf("Contact = %q\nwant %q", r.Contact, tt.contact)
			}
			for _, p := range r.Body {
				for _, s := range tt.notInBody {
					if strings.Contains(p, s) {
						t.Errorf("body paragraph contains %q: %q", s, p)
					}
				}
			}
		})
	}
}

// checkStarts checks that got has one paragraph for each of want and that
// each starts with its want.
func checkStarts(t *testing.T, field string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s has %d paragraphs, want %d:\n%s", field, len(got), len(want), strings.Join(got, "\n"))
		return
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("%s[%d] = %q\nwant it to start with %q", field, i, got[i], want[i])
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The CRLF fixture must keep its line endings (testdata/releases has a
// .gitattributes for that), or its test tests nothing.
func TestCRLFFixture(t *testing.T) {
	if !bytes.Contains(readFile(t, "testdata/releases/2016-04-25-test-crlf.txt"), []byte("\r\n")) {
		t.Fatal("the CRLF fixture has lost its CRLF line endings")
	}
}

func TestParseReleaseErrors(t *testing.T) {
	longTitle := strings.Repeat("Ein Titel, dem die Leerzeile zum Text fehlt, und der deshalb weiterläuft\n", 5)
	tests := []struct {
		path string
		data []byte // nil: read path
		line int
		msg  string
	}{
		// Fixtures.
		{path: "testdata/releases/bad-no-dateline.txt", line: 3, msg: `expected a dateline such as "Berlin, den 11.02.2021", found "Testmeldung ohne Datumszeile"`},
		{path: "testdata/releases/bad-impossible-date.txt", line: 3, msg: "impossible date in the dateline: day 31 out of range for February 2021"},
		{path: "testdata/releases/bad-no-title.txt", line: 5, msg: `expected the title, found "Information zur ISA:"`},
		{path: "testdata/releases/bad-no-body.txt", line: 5, msg: `no body text before "Kontakt:"`},
		{path: "testdata/releases/bad-md-unclosed.md", line: 1, msg: "the front matter is not closed"},
		{path: "testdata/releases/bad-md-date.md", line: 4, msg: `invalid date "2021-02-30": day 30 out of range for February 2021`},
		{path: "testdata/releases/bad-md-unknown-key.md", line: 4, msg: `unknown front matter key "author"`},

		// The whole file.
		{path: "release.pdf", data: []byte("%PDF-1.4"), line: 0, msg: `unknown release layout ".pdf"`},
		{path: "release", data: []byte("text"), line: 0, msg: `unknown release layout ""`},
		{path: "empty.txt", data: []byte{}, line: 0, msg: "empty file"},
		{path: "blank.md", data: []byte(" \n\r\n\f\u00a0\n"), line: 0, msg: "empty file"},
		{path: "page-numbers-only.txt", data: []byte("- 1 -\n\f2\n"), line: 0, msg: "empty file"},

		// Plain text.
		{path: "latin1.txt", data: []byte("Berlin, den 11.02.2021\n\nTestmeldung f\xfcr Latin-1\n"), line: 3, msg: "invalid UTF-8"},
		{path: "latin1-cr.txt", data: []byte("Berlin, den 11.02.2021\r\rTestmeldung f\xfcr Latin-1\r"), line: 3, msg: "invalid UTF-8"},
		{path: "marker-only.txt", data: []byte("\nPressemitteilung\n\n"), line: 2, msg: `expected a dateline after "Pressemitteilung"`},
		{path: "bad-month.txt", data: []byte("Berlin, den 3. Mätz 2021\n\nTestmeldung\n\nText.\n"), line: 1, msg: `unknown month "Mätz"`},
		{path: "month-13.txt", data: []byte("Berlin, 11.13.2021\n\nTestmeldung\n\nText.\n"), line: 1, msg: "month 13 out of range"},
		{path: "day-0.txt", data: []byte("Berlin, 0.02.2021\n\nTestmeldung\n\nText.\n"), line: 1, msg: "impossible date"},
		{path: "only-dateline.txt", data: []byte("\nBerlin, den 11.02.2021\n\nPressemitteilung\n\n"), line: 4, msg: "no title after the dateline"},
		{path: "no-body-eof.txt", data: []byte("Berlin, den 11.02.2021\n\nTestmeldung\nmit zwei Zeilen\n"), line: 4, msg: "no body text"},
		{path: "long-title.txt", data: []byte("Berlin, den 11.02.2021\n\n" + longTitle + "\nText.\n"), line: 3, msg: "is the blank line between title and text missing?"},

		// Markdown.
		{path: "no-front-matter.md", data: []byte("# Testmeldung\n\nText.\n"), line: 1, msg: `the file must start with a "---" line`},
		{path: "yaml-first-line.md", data: []byte("---\ntitle: Testmeldung: Doppelpunkt\ndate: 2021-02-11\nlang: de\n---\nText.\n"), line: 2, msg: "front matter: mapping values are not allowed"},
		{path: "yaml-syntax.md", data: []byte("---\ntitle: Testmeldung\ndate: 2021-02-11\n  lang: de\n---\nText.\n"), line: 4, msg: "front matter: mapping values are not allowed"},
		{path: "empty-front-matter.md", data: []byte("---\n---\nText.\n"), line: 1, msg: "the front matter is empty"},
		{path: "list-front-matter.md", data: []byte("---\n- title\n---\nText.\n"), line: 2, msg: "must hold keys and values"},
		{path: "missing-lang.md", data: []byte("---\ntitle: Testmeldung\ndate: 2021-02-11\n---\nText.\n"), line: 1, msg: "the front matter has no lang"},
		{path: "empty-title.md", data: []byte("---\ntitle:\ndate: 2021-02-11\nlang: de\n---\nText.\n"), line: 2, msg: "front matter title is empty"},
		{path: "list-title.md", data: []byte("---\ntitle:\n  - a\ndate: 2021-02-11\nlang: de\n---\nText.\n"), line: 3, msg: "front matter title: want a single value"},
		{path: "bad-lang.md", data: []byte("---\ntitle: Testmeldung\ndate: 2021-02-11\nlang: fr\n---\nText.\n"), line: 4, msg: `unknown language "fr"`},
		{path: "german-date.md", data: []byte("---\ntitle: Testmeldung\ndate: 11.02.2021\nlang: de\n---\nText.\n"), line: 3, msg: `date "11.02.2021": want YYYY-MM-DD`},
		{path: "repeated-key.md", data: []byte("---\ntitle: Testmeldung\ndate: 2021-02-11\nlang: de\ntitle: Noch einmal\n---\nText.\n"), line: 5, msg: `key "title" is repeated (first on line 2)`},
		{path: "bad-url.md", data: []byte("---\ntitle: Testmeldung\ndate: 2021-02-11\nlang: de\nurl: www.example.org\n---\nText.\n"), line: 5, msg: "want an http or https address"},
		{path: "bad-id.md", data: []byte("---\ntitle: Testmeldung\ndate: 2021-02-11\nlang: de\nid: a/b\n---\nText.\n"), line: 5, msg: `id "a/b"`},
		{path: "md-no-body.md", data: []byte("---\ntitle: Testmeldung\ndate: 2021-02-11\nlang: de\n---\n\n## Kontakt\nTest-Pressestelle\n"), line: 7, msg: `no body text before "Kontakt"`},
		{path: "md-empty-body.md", data: []byte("---\ntitle: Testmeldung\ndate: 2021-02-11\nlang: de\n---\n\n---\n"), line: 5, msg: "no body text"},
		{path: "md-crlf.md", data: []byte("---\r\ntitle: Testmeldung\r\ndate: 2021-02-11\r\nlang: de\r\nplace: [Berlin]\r\n---\r\nText.\r\n"), line: 5, msg: "front matter place: want a single value"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			data := tt.data
			if data == nil {
				data = readFile(t, tt.path)
			}
			_, err := ParseRelease(tt.path, data)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v (%T), want a *FileError", err, err)
			}
			if fe.Path != tt.path || fe.Line != tt.line {
				t.Errorf("error at %s:%d, want %s:%d (%v)", fe.Path, fe.Line, tt.path, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %q, want it to contain %q", err, tt.msg)
			}
		})
	}
}

// TestParseReleaseGolden compares each release with its golden JSON file:
// the whole Release, so that any change to the output shows. Run
// go test ./corpus -run Golden -update to rewrite them after checking the
// difference.
func TestParseReleaseGolden(t *testing.T) {
	paths := []string{seedRelease}
	entries, err := os.ReadDir("testdata/releases")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if name := e.Name(); !strings.HasPrefix(name, "bad-") && !strings.HasPrefix(name, ".") {
			paths = append(paths, filepath.Join("testdata/releases", name))
		}
	}
	for _, path := range paths {
		base := filepath.Base(path)
		golden := filepath.Join("testdata/golden", strings.TrimSuffix(base, filepath.Ext(base))+".json")
		t.Run(base, func(t *testing.T) {
			r, err := ParseRelease(filepath.ToSlash(path), readFile(t, path))
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := readFile(t, golden); !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs from %s (rerun with -update to accept):\n%s", path, golden, got.Bytes())
			}
		})
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in    string
		place string
		date  string
		lang  Lang
		err   string
	}{
		{in: "Berlin, den 11.02.2021", place: "Berlin", date: "2021-02-11", lang: German},
		{in: "Berlin, 11.02.2021", place: "Berlin", date: "2021-02-11"},
		{in: "Bad Homburg, den 1.12.2020", place: "Bad Homburg", date: "2020-12-01", lang: German},
		{in: "Foshan, den 3. März 2021", place: "Foshan", date: "2021-03-03", lang: German},
		{in: "Foshan, den 3. Maerz 2021", place: "Foshan", date: "2021-03-03", lang: German},
		{in: "Hannover, 25. April 2016", place: "Hannover", date: "2016-04-25", lang: German},
		{in: "Rhein-Kreis Neuss, 5. Mai 2018", place: "Rhein-Kreis Neuss", date: "2018-05-05", lang: German},
		{in: "Köln, 1. Okt. 2019", place: "Köln", date: "2019-10-01", lang: German},
		{in: "Berlin, 11. Feb. 2021", place: "Berlin", date: "2021-02-11", lang: German},
		{in: "Berlin, 11 February 2021", place: "Berlin", date: "2021-02-11", lang: English},
		{in: "Berlin, 3 Oct 2019", place: "Berlin", date: "2019-10-03", lang: English},
		{in: "Berlin, 3 März 2021", place: "Berlin", date: "2021-03-03", lang: German},
		{in: "Berlin, February 11, 2021", place: "Berlin", date: "2021-02-11", lang: English},
		{in: "Berlin, Feb. 11th, 2021", place: "Berlin", date: "2021-02-11", lang: English},
		{in: "BERLIN, 11 FEBRUARY 2021", place: "BERLIN", date: "2021-02-11", lang: English},
		{in: "柏林，2021年2月11日", place: "柏林", date: "2021-02-11", lang: Chinese},
		{in: "佛山 2016年4月25日", place: "佛山", date: "2016-04-25", lang: Chinese},

		{in: "Berlin, den 31.02.2021", err: "day 31 out of range for February 2021"},
		{in: "Berlin, 29. Februar 2021", err: "day 29 out of range"},
		{in: "Berlin, 0.02.2021", err: "impossible date"},
		{in: "Berlin, 3. Foo 2021", err: `unknown month "Foo"`},
		{in: "Berlin, 3. März 1021", err: "year 1021 out of range"},
		{in: "Berlin", err: "expected a dateline"},
		{in: "2021-02-11", err: "expected a dateline"},
		{in: ", 11.02.2021", err: "expected a dateline"},
		{in: "Die ISA wünscht alles Gute zum Frühlingsfest", err: "expected a dateline"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			dl, err := parseDateline(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if dl.place != tt.place || dl.date.String() != tt.date || dl.lang != tt.lang {
				t.Errorf("got %q %s %q, want %q %s %q", dl.place, dl.date, dl.lang, tt.place, tt.date, tt.lang)
			}
		})
	}
}

func TestJoinLines(t *testing.T) {
	tests := []struct {
		lines []string
		plain bool // without de-hyphenation, as for Markdown
		want  string
	}{
		{lines: []string{"Die Industrie-", "städte"}, want: "Die Industriestädte"},
		{lines: []string{"Die Chinesisch-", "Deutsche"}, want: "Die Chinesisch-Deutsche"},
		{lines: []string{"PKS Kommunikations-", "und Strategieberatung"}, want: "PKS Kommunikations- und Strategieberatung"},
		{lines: []string{"Ein-", "bzw. Ausfuhr"}, want: "Ein- bzw. Ausfuhr"},
		{lines: []string{"Import-", "sowie Exportfirmen"}, want: "Import- sowie Exportfirmen"},
		{lines: []string{"small-", "and medium-sized"}, want: "small- and medium-sized"},
		{lines: []string{"der deutsch-", "chinesischen Freundschaft"}, want: "der deutsch-chinesischen Freundschaft"},
		{lines: []string{"die chinesisch-", "deutsche Zusammenarbeit"}, want: "die chinesisch-deutsche Zusammenarbeit"},
		{lines: []string{"die ISA-", "mitglieder"}, want: "die ISA-mitglieder"},
		{lines: []string{"die COVID-", "19-Pandemie"}, want: "die COVID-19-Pandemie"},
		{lines: []string{"die Metall-Büffel-", "jahre"}, want: "die Metall-Büffel-jahre"},
		{lines: []string{"werden –", "auch durch"}, want: "werden – auch durch"},
		{lines: []string{"werden -", "auch durch"}, want: "werden - auch durch"},
		{lines: []string{"Zusam\u00ad", "menarbeit"}, want: "Zusammenarbeit"},
		{lines: []string{"Zusam\u00admen", "arbeit"}, want: "Zusammen arbeit"},
		{lines: []string{"  viele \t Leer  ", "", " zeichen  "}, want: "viele Leer zeichen"},
		{lines: []string{"中德工业城市联盟", "祝贺春节。"}, want: "中德工业城市联盟祝贺春节。"},
		{lines: []string{"中德工业城市联盟（", "ISA）"}, want: "中德工业城市联盟（ISA）"},
		{lines: []string{"Die Chinesisch-", "Deutsche"}, plain: true, want: "Die Chinesisch- Deutsche"},
		{lines: []string{"Industrie-", "städte"}, plain: true, want: "Industrie- städte"},
	}
	for _, tt := range tests {
		if got := joinLines(tt.lines, !tt.plain); got != tt.want {
			t.Errorf("joinLines(%q, %v) = %q, want %q", tt.lines, !tt.plain, got, tt.want)
		}
	}
}

func TestPageNumber(t *testing.T) {
	for _, s := range []string{"- 2 -", "-2-", "– 12 –", "2", "2/3", "Seite 2", "Seite 2 von 3", "SEITE 2 VON 3", "Page 2 of 3", "page 2", "第2页", "第 2 页，共 3 页"} {
		if !pageNumber.MatchString(s) {
			t.Errorf("%q is not taken for a page number", s)
		}
	}
	for _, s := range []string{"2021", "10117 Berlin", "9. ISA-Plenarversammlung", "- 2", "Seite", "Page two"} {
		if pageNumber.MatchString(s) {
			t.Errorf("%q is taken for a page number", s)
		}
	}
}

func TestStripMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**fett** und *kursiv* und _auch kursiv_", "fett und kursiv und auch kursiv"},
		{"__fett__, ***beides***", "fett, beides"},
		{"*a* *b* _c_ _d_", "a b c d"},
		{"**fett mit *kursiv* darin**", "fett mit kursiv darin"},
		{"[die ISA](https://www.isa-portal.de) und ![Logo](logo.png)", "die ISA und Logo"},
		{"<https://www.example.org> und `code`", "https://www.example.org und code"},
		{"Partner*innen und Mitarbeiter*innen", "Partner*innen und Mitarbeiter*innen"},
		{"snake_case_name und 2*3*4", "snake_case_name und 2*3*4"},
		{`\*kein Kursiv\* und \_auch nicht\_`, "*kein Kursiv* und _auch nicht_"},
		{"* nicht kursiv *", "* nicht kursiv *"},
	}
	for _, tt := range tests {
		if got := stripMarkdown(tt.in); got != tt.want {
			t.Errorf("stripMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzParseRelease checks that no input makes the parser panic, that
// every error is a *FileError within the file, and that every release it
// returns has an ID, a title, a body, a date and a language, the file as
// its source, and no empty or untrimmed paragraph.
func FuzzParseRelease(f *testing.F) {
	f.Add(false, readFile(f, seedRelease))
	entries, err := os.ReadDir("testdata/releases")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			ext := filepath.Ext(e.Name())
			f.Add(ext == ".md" || ext == ".markdown", readFile(f, filepath.Join("testdata/releases", e.Name())))
		}
	}
	f.Fuzz(func(t *testing.T, markdown bool, data []byte) {
		name := "fuzz.txt"
		if markdown {
			name = "fuzz.md"
		}
		r, err := ParseRelease(name, data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v (%T), want a *FileError", err, err)
			}
			if maxLine := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1; fe.Path != name || fe.Line < 0 || fe.Line > maxLine {
				t.Fatalf("error at %s:%d, outside the file of at most %d lines: %v", fe.Path, fe.Line, maxLine, err)
			}
			return
		}
		if r.ID == "" || r.Title == "" || len(r.Body) == 0 || r.Date.IsZero() || !slices.Contains(Langs(), r.Lang) {
			t.Fatalf("incomplete release: %+v", r)
		}
		if r.Source != name {
			t.Errorf("source %q, want the file's name %q", r.Source, name)
		}
		for _, p := range slices.Concat([]string{r.Title}, r.Body, r.About, r.Contact) {
			if p == "" || p != strings.TrimSpace(p) || !utf8.ValidString(p) {
				t.Errorf("title or paragraph %q: want non-empty UTF-8 text without spaces at its ends", p)
			}
		}
	})
}

func TestParseHeadings(t *testing.T) {
	// The embedded headings parse; a bad file says where it is bad.
	if len(sectionHeadings) == 0 {
		t.Fatal("no section headings embedded")
	}
	tests := []struct {
		name, raw, want string
	}{
		{"twice", "about:\n  - About ISA\ncontact:\n  - about isa\n", "headings.yaml:4: \"about isa\" is listed twice (first at line 2)"},
		{"unknown section", "about:\n  - x\nimpressum:\n  - y\n", "headings.yaml:3: unknown section \"impressum\""},
		{"not a list", "contact: Kontakt\n", "headings.yaml:1: contact: want a list of headings"},
		{"empty heading", "contact:\n  - \"\"\n", "headings.yaml:2: want a heading's text"},
		{"not a mapping", "- kontakt\n", "headings.yaml:1: want a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseHeadings("headings.yaml", []byte(tt.raw))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %v, want one starting %q", err, tt.want)
			}
		})
	}
}

func TestSectionHeadings(t *testing.T) {
	// The headings a release's contact block and about section start
	// with, in each language, with or without the text after a colon.
	tests := []struct {
		line    string
		section section
		rest    string
	}{
		{"媒体联系人：", sectionContact, ""},
		{"新闻联络：陈思远", sectionContact, "陈思远"},
		{"Media enquiries:", sectionContact, ""},
		{"Pressekontakt", sectionContact, ""},
		{"关于联盟：", sectionAbout, ""},
		{"About the alliance", sectionAbout, ""},
		// A remark in brackets after the heading.
		{"Pressekontakt (ab 2. Mai 2028)", sectionContact, "ab 2. Mai 2028:"},
		{"新闻联系人（佛山）", sectionContact, ""},
		// A remark in brackets, then the colon and the contact.
		{"Media contact (Germany):", sectionContact, ""},
		{"媒体联系人（代理）：谭嘉欣", sectionContact, "谭嘉欣"},
		{"Kontakt (Stadt Köln): Anna Schmitz", sectionContact, "Anna Schmitz"},
		// The heading is the whole word for the contact person.
		{"新闻联络人：邝晓彤", sectionContact, "邝晓彤"},
		{"媒体联络人", sectionContact, ""},
		// A remark that gives a day is a label of its own.
		{"Pressekontakt (ab 1. Juni 2033): Jana Brandt", sectionContact, "ab 1. Juni 2033:|Jana Brandt"},
		// One without brackets: a word or two, and a date.
		{"Pressekontakt ab 1. April 2042", sectionContact, "ab 1. April 2042:"},
		{"Press contact from 1 April 2042", sectionContact, "from 1 April 2042:"},
		{"Pressekontakt ab 1.4.2042", sectionContact, "ab 1.4.2042:"},
		{"Press contact from April 1, 2042", sectionContact, "from April 1, 2042:"},
		{"Press contact as of 1 April 2042", sectionContact, "as of 1 April 2042:"},
		// Contacts, more than one.
		{"Press contacts", sectionContact, ""},
		{"Pressekontakte:", sectionContact, ""},
		// Chinese releases' "media contact" and "media enquiries".
		{"媒体联系", sectionContact, ""},
		{"媒体垂询：", sectionContact, ""},
		{"Für Rückfragen:", sectionContact, ""},
		{"Für Rückfragen wenden Sie sich bitte an:", sectionContact, ""},
	}
	for _, tt := range tests {
		section, lines, ok := sectionHeading(tt.line)
		if rest := strings.Join(lines, "|"); !ok || section != tt.section || rest != tt.rest {
			t.Errorf("%q: section %v, lines %q, heading %v; want %v, %q", tt.line, section, rest, ok, tt.section, tt.rest)
		}
	}
	for _, line := range []string{"Kontakte", "Contacts", "Kontaktdaten der Städte", "联系人员众多", "About the alliance's members, see below", "Pressekontakt (ab Mai) und Termine (bis Juni)", "Contact (Germany) details follow", "Kontakt (ab Mai", "Kontaktdaten 2042", "Pressekontakt ab Mai", "Kontakt für die Messe im Mai 2042 und alle anderen Anfragen",
		// A line of the body that begins with a heading's words and
		// gives a day or a year.
		"Media enquiries from 1 April 2033:", "Kontakt besteht seit 2019.", "Contact was lost in 2041.", "Media contact for the 2042 fair", "Über die ISA 2042", "Kontakt Tel. 030 1988-12", "Press contact 2042: Jana Brandt",
		"Kontakt (für Aussteller): Unternehmen, die einen Stand buchen möchten, melden sich bis Ende März beim Sekretariat.",
		// A heading that stands alone, with a sentence after it.
		"Rückfragen: Bürgerinnen und Bürger können sich an das Bürgerbüro wenden.", "媒体联系：双方商定每季度召开一次视频会议。", "联络方式：双方商定每季度召开一次视频会议。"} {
		if _, _, ok := sectionHeading(line); ok {
			t.Errorf("%q read as a heading", line)
		}
	}
}

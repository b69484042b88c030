package search

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/bilingual"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestLearnedFactsGolden learns from the fictional test releases and
// compares what it learned with the golden file, which an editor can
// read: go test ./search -run LearnedFactsGolden -update rewrites it.
func TestLearnedFactsGolden(t *testing.T) {
	e := engineWith(t, "testdata/eval")
	facts, err := e.LearnedFacts("")
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(facts, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "golden", "learned-facts.json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
		t.Errorf("learned facts differ from %s (rerun with -update and read the diff):\n%s", golden, got)
	}
	if _, err := e.LearnedFacts("no-such-release"); err == nil {
		t.Error("LearnedFacts of an unknown release: no error")
	}
}

// TestLearnFailure checks that a release the learner fails on states
// nothing, and says which it was, rather than bringing the process down:
// a learner without its cues fails on any. The facts an editor checks
// say so.
func TestLearnFailure(t *testing.T) {
	r := &corpus.Release{ID: "2033-01-01-broken", Lang: corpus.German, Title: "T", Body: []string{"Kiel ist der ISA beigetreten."}}
	k := (&learner{}).learn(r)
	if k.failure == nil || !strings.Contains(k.failure.Error(), r.ID) {
		t.Fatalf("learn: failure %v, want one that names %s", k.failure, r.ID)
	}
	if k == nil || !k.empty() || k.release != r {
		t.Fatalf("learn: %+v, want nothing learned from the release", k)
	}
	if facts := testEngine(t).factsOf(k); len(facts) != 1 || facts[0].Kind != "failed" || !strings.Contains(facts[0].Fact, r.ID) {
		t.Errorf("facts of a release the learner failed on: %+v", facts)
	}
}

// TestLearn learns from short releases, one kind of fact each, in the
// three languages.
func TestLearn(t *testing.T) {
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	l := &learner{cues: mustLoadCues(), places: newPlaceFinder(data.Cities, data.Regions, testGazetteer, bilingual.Embedded)}
	release := func(lang corpus.Lang, title string, body, about, contact []string) *corpus.Release {
		return &corpus.Release{ID: "r", Date: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), Lang: lang, Title: title, Body: body, About: about, Contact: contact}
	}
	t.Run("contact", func(t *testing.T) {
		tests := []struct {
			contact []string
			want    corpus.Office
			body    []string
		}{
			{[]string{"Ansprechpartnerin: Dr. Eva Muster", "Muster PR GmbH", "Hauptstraße 1", "10115 Berlin", "Tel: +49 30 1234 – 5", "E-Mail: isa@muster.example"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Dr. Eva Muster", Organisation: "Muster PR GmbH", City: "Berlin", Address: []string{"Hauptstraße 1", "10115 Berlin"}, Phone: "+49 30 1234-5", Email: "isa@muster.example"}, nil},
			{[]string{"Jane Roe", "Roe Communications Ltd, 1 High Street, 20095 Hamburg", "Phone: +49 40 555", "Mobile: +49 160 555 1234", "E-mail: press@roe.example"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Jane Roe", Organisation: "Roe Communications Ltd", City: "Hamburg", Address: []string{"1 High Street", "20095 Hamburg"}, Phone: "+49 40 555", Mobile: "+49 160 555 1234", Email: "press@roe.example"}, nil},
			{[]string{"中德工业城市联盟秘书处（佛山）", "邮箱：city@example.cn", "电话：+86 757 1234567", "德国联络处：Eva Muster", "邮箱：other@example.de"},
				corpus.Office{Kind: corpus.OfficeSecretariat, Organisation: "中德工业城市联盟秘书处（佛山）", Phone: "+86 757 1234567", Email: "city@example.cn"}, nil},
			// A contact for each side: the first, without its label; the
			// other side's city is no person.
			{[]string{"中方：黄嘉怡，新闻官", "中德工业城市联盟秘书处（佛山）", "电话：+86 757 2878 4795", "邮箱：press@isa-secretariat.example",
				"德方：Tobias Wendland，新闻发言人", "联盟德国办事处（ISA-Geschäftsstelle Deutschland），柏林", "电话：+49 30 23125-452"},
				corpus.Office{Kind: corpus.OfficeSecretariat, Person: "黄嘉怡", Organisation: "中德工业城市联盟秘书处（佛山）", Phone: "+86 757 2878 4795", Email: "press@isa-secretariat.example"}, nil},
			{[]string{"中德工业城市联盟秘书处（佛山）", "中方：黄嘉怡，新闻官", "电话：+86 757 2878 4795", "德方：Tobias Wendland，新闻发言人", "电话：+49 30 23125-452"},
				corpus.Office{Kind: corpus.OfficeSecretariat, Person: "黄嘉怡", Organisation: "中德工业城市联盟秘书处（佛山）", Phone: "+86 757 2878 4795"}, nil},
			// A side's label that says from when, in brackets.
			{[]string{"中方（自2033年10月1日起）：苏晓雯", "联盟秘书处媒体联络", "电话：+86 757 2881 4431", "电子邮箱：media@isa-foshan.example", "德方：Mareike Szymanski", "电话：+49 30 5557 2100"},
				corpus.Office{Kind: corpus.OfficeSecretariat, Person: "苏晓雯", Organisation: "联盟秘书处媒体联络", Phone: "+86 757 2881 4431", Email: "media@isa-foshan.example", Press: true,
					Since: corpus.Date{Year: 2033, Month: 10, Day: 1}}, nil},
			// The contact from a day, not the one until the day before.
			{[]string{"Bis 31. Oktober 2027:", "Miriam Kessler, Pressereferentin, Telefon +49 30 23125-452, miriam.kessler@isa-buero.example", "Ab 1. November 2027:",
				"Daniel Rehbein", "Pressesprecher, ISA-Büro Deutschland", "Charlottenstraße 65, 10117 Berlin", "Telefon: +49 30 23125-480", "E-Mail: presse@isa-buero.example"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Daniel Rehbein", Organisation: "ISA-Büro Deutschland", City: "Berlin", Address: []string{"Charlottenstraße 65", "10117 Berlin"}, Phone: "+49 30 23125-480", Email: "presse@isa-buero.example",
					Since: corpus.Date{Year: 2027, Month: 11, Day: 1}}, nil},
			// The German side first: the German office's, though the
			// Chinese side's after it names the secretariat.
			{[]string{"德国：", "Tobias Brandl", "联盟德国办公室（ISA-Büro Deutschland）新闻发言人", "Charlottenstraße 65, 10117 Berlin", "电话：+49 30 23125-433",
				"中国：", "何晓雯（He Xiaowen）", "中德工业城市联盟秘书处 宣传联络部", "电话：+86 757 2878 4790"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Tobias Brandl", Organisation: "联盟德国办公室（ISA-Büro Deutschland）新闻发言人", City: "Berlin", Address: []string{"Charlottenstraße 65", "10117 Berlin"}, Phone: "+49 30 23125-433"}, nil},
			// A whole contact, then the other side's under its label:
			// the first, without the other's address.
			{[]string{"中德工业城市联盟秘书处（佛山）", "周海宁，新闻联络人", "电话：+86 757 2878 4802", "电子邮箱：media@isa-secretariat.example",
				"德国方面：", "Miriam Oltmanns，新闻专员", "ISA-Kontaktbüro Deutschland，Luisenstraße 46，10117 Berlin", "电话：+49 30 5557 2041"},
				corpus.Office{Kind: corpus.OfficeSecretariat, Person: "周海宁", Organisation: "中德工业城市联盟秘书处（佛山）", Phone: "+86 757 2878 4802", Email: "media@isa-secretariat.example"}, nil},
			// A city's press office before the alliance's: the alliance's,
			// whose office's name follows the city's e-mail address.
			{[]string{"Stadt Bochum, Pressestelle", "Eva Muster", "Telefon: +49 234 555 3014", "E-Mail: presse@bochum.example",
				"ISA-Kontaktbüro Deutschland", "Jana Roe, Pressesprecherin", "Charlottenstraße 42, 10117 Berlin", "Telefon: +49 30 5557 2040", "E-Mail: presse@isa.example"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Jana Roe", Organisation: "ISA-Kontaktbüro Deutschland", City: "Berlin", Address: []string{"Charlottenstraße 42", "10117 Berlin"},
					Phone: "+49 30 5557 2040", Email: "presse@isa.example"}, nil},
			// The alliance's contact from a day, in English, after a
			// city's.
			{[]string{"City of Bochum, press office", "Eva Muster", "Phone: +49 234 555 2210", "Email: presse@bochum.example", "ISA Contact Office Germany",
				"until 31 July 2032: Tom Weber, press officer, +49 30 5557 2031, t.weber@isa.example", "from 1 August 2032: Jana Roe, press spokesperson, +49 30 5557 2040, presse@isa.example"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Jana Roe", Organisation: "ISA Contact Office Germany", Phone: "+49 30 5557 2040", Email: "presse@isa.example",
					Since: corpus.Date{Year: 2032, Month: 8, Day: 1}}, nil},
			{[]string{"示范市人民政府外事办公室", "新闻联络：王小明", "电话：+86 533 555 7021", "中德工业城市联盟秘书处（佛山）", "媒体联络：蔡小红", "电话：+86 757 2883 5012"},
				corpus.Office{Kind: corpus.OfficeSecretariat, Person: "蔡小红", Organisation: "中德工业城市联盟秘书处（佛山）", Phone: "+86 757 2883 5012"}, nil},
			// The other side's contact person under a label with the
			// side's word for it: not the first's address.
			{[]string{"何晓岚（He Xiaolan），媒体专员", "中德工业城市联盟秘书处", "广东省佛山市南海区中德路88号", "电话：+86 757 2878 6630",
				"德方联系人：Tabea Lindqvist，新闻发言人", "ISA德国协调办公室", "Schiffbauerdamm 19, 10117 Berlin", "电话：+49 30 5557 3318"},
				corpus.Office{Kind: corpus.OfficeSecretariat, Person: "何晓岚（He Xiaolan）", Organisation: "中德工业城市联盟秘书处", Address: []string{"广东省佛山市南海区中德路88号"}, Phone: "+86 757 2878 6630"}, nil},
			// Numbers after their labels without a colon, in a line.
			{[]string{"ab 1. April 2029: Jonas Haberland, Pressesprecher, Tel. +49 30 5557 2048, Mobil +49 172 555 3391, Fax +49 30 5557 2049, presse@isa.example",
				"ISA-Kontaktbüro Deutschland, Luisenstraße 46, 10117 Berlin"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Jonas Haberland", Organisation: "ISA-Kontaktbüro Deutschland", City: "Berlin", Address: []string{"Luisenstraße 46", "10117 Berlin"},
					Phone: "+49 30 5557 2048", Mobile: "+49 172 555 3391", Fax: "+49 30 5557 2049", Email: "presse@isa.example", Since: corpus.Date{Year: 2029, Month: 4, Day: 1}}, nil},
			// Two contacts one after the other, without labels: the
			// first, not its details with the second's.
			{[]string{"Jonas Haberland, press spokesman, ISA-Kontaktbüro Deutschland, Luisenstraße 46, 10117 Berlin, phone +49 30 5557 2048, presse@isa.example",
				"Zhou Haining (周海宁), press liaison, ISA secretariat in Foshan, phone +86 757 2878 4802, media@isa-secretariat.example"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Jonas Haberland", Organisation: "ISA-Kontaktbüro Deutschland", City: "Berlin", Address: []string{"Luisenstraße 46", "10117 Berlin"}, Phone: "+49 30 5557 2048", Email: "presse@isa.example"}, nil},
			// A line for each office, its name as the line's label: the
			// first, not the second's details.
			{[]string{"ISA Secretariat, Foshan: Lu Jiaxin (陆嘉欣), Media Liaison, phone +86 757 2866 0415, media@isa-secretariat.example",
				"ISA German Office, Berlin: Malte Kronsbein, Press Spokesman, Köpenicker Straße 126, 10179 Berlin, phone +49 30 5557 2214, presse@isa-geschaeftsstelle.example"},
				corpus.Office{Kind: corpus.OfficeSecretariat, Person: "Lu Jiaxin (陆嘉欣)", Organisation: "ISA Secretariat", City: "Foshan", Phone: "+86 757 2866 0415", Email: "media@isa-secretariat.example"}, nil},
			// A label with a field's word is no office's.
			{[]string{"Malte Kronsbein", "ISA-Geschäftsstelle Deutschland", "Telefon: +49 30 5557 2214", "E-Mail der ISA-Geschäftsstelle: presse@isa.example"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Malte Kronsbein", Organisation: "ISA-Geschäftsstelle Deutschland", Phone: "+49 30 5557 2214", Email: "presse@isa.example"}, nil},
			// An office's name of two capitalised words is no person's:
			// "-stelle", "-büro" end an office's.
			{[]string{"ISA-Kontaktstelle Deutschland", "Leonie Haberkorn, Pressesprecherin", "Luisenstraße 41, 10117 Berlin", "Telefon: +49 30 4431 2210", "E-Mail: presse@isa.example"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Leonie Haberkorn", Organisation: "ISA-Kontaktstelle Deutschland", City: "Berlin", Address: []string{"Luisenstraße 41", "10117 Berlin"},
					Phone: "+49 30 4431 2210", Email: "presse@isa.example"}, nil},
			// The text says from when the contact speaks for the press,
			// and lists a number the block leaves out, beside one the
			// block gives: the contact's.
			{[]string{"ISA-Kontaktstelle Deutschland", "Leonie Haberkorn, Pressesprecherin", "Telefon: +49 30 4431 2210", "E-Mail: presse@isa.example"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Leonie Haberkorn", Organisation: "ISA-Kontaktstelle Deutschland", Phone: "+49 30 4431 2210", Mobile: "+49 172 555 3841",
					Email: "presse@isa.example", Since: corpus.Date{Year: 2029, Month: 9, Day: 1}},
				[]string{"Leonie Haberkorn wird zum 1. September 2029 Pressesprecherin der ISA-Kontaktstelle Deutschland. Sie war zuvor in Chemnitz.",
					"So erreichen Medien die ISA ab dem 1. September 2029:", "- Telefon: +49 30 4431 2210", "- Mobil: +49 172 555 3841", "- Sprechzeiten: Montag bis Freitag 9 bis 13 Uhr", "Weiterer Text."}},
			// Not another office's numbers, nor a day of someone's that
			// is no press role's.
			{[]string{"ISA-Kontaktstelle Deutschland", "Leonie Haberkorn, Pressesprecherin", "Telefon: +49 30 4431 2210"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Leonie Haberkorn", Organisation: "ISA-Kontaktstelle Deutschland", Phone: "+49 30 4431 2210"},
				[]string{"Leonie Haberkorn reist ab dem 3. Mai 2029 nach Shanghai.", "Die Wirtschaftsförderung Chemnitz erreichen Sie so:", "Telefon: +49 371 488 1234", "Mobil: +49 170 555 1111"}},
			// A list that shares only a press inbox and names someone
			// else, and one of the details until a day: neither is the
			// contact's from then on.
			{[]string{"ISA-Kontaktstelle Deutschland", "Leonie Haberkorn, Pressesprecherin", "Telefon: +49 30 4431 2210", "E-Mail: presse@isa.example"},
				corpus.Office{Kind: corpus.OfficeGerman, Person: "Leonie Haberkorn", Organisation: "ISA-Kontaktstelle Deutschland", Phone: "+49 30 4431 2210", Email: "presse@isa.example"},
				[]string{"Für Fragen zur Plattform ab dem 1. Juni 2030:", "- Svenja Odenthal, Projektleiterin", "- Mobil: +49 151 555 0001", "- E-Mail: presse@isa.example",
					"Bis zum 31. Mai 2030 gilt:", "- Telefon: +49 30 4431 2210", "- Mobil: +49 172 555 0002",
					"Leonie Haberkorn war bis zum 31. August 2029 Pressesprecherin in Chemnitz."}},
		}
		for _, tt := range tests {
			got := l.facts(release(corpus.German, "T", tt.body, nil, tt.contact)).contact
			if got == nil {
				t.Errorf("%q: no contact", tt.contact)
				continue
			}
			if got.Kind != tt.want.Kind || got.Person != tt.want.Person || got.Organisation != tt.want.Organisation || got.City != tt.want.City ||
				strings.Join(got.Address, "|") != strings.Join(tt.want.Address, "|") || got.Phone != tt.want.Phone || got.Mobile != tt.want.Mobile || got.Fax != tt.want.Fax || got.Email != tt.want.Email ||
				got.Since != tt.want.Since {
				t.Errorf("%q:\n got %+v\nwant %+v", tt.contact, *got, tt.want)
			}
		}
		// Two contacts one after the other, each on lines of its own:
		// nothing of the second's in the first.
		two := []string{"Li Siying (黎思颖)", "Media Liaison, ISA Secretariat", "18 Chuangxin Avenue, Nanhai District, Foshan", "Phone: +86 757 2880 6613", "E-mail: press@isa-foshan.example",
			"Till Vormweg", "Press Spokesman, ISA Liaison Office Germany", "Marienstraße 27, 10117 Berlin, Germany", "Phone: +49 30 5558 6100", "E-mail: presse@isa.example"}
		if got := l.facts(release(corpus.English, "T", nil, nil, two)).contact; got == nil || got.Kind != corpus.OfficeSecretariat || got.Person != "Li Siying (黎思颖)" ||
			got.Phone != "+86 757 2880 6613" || got.Email != "press@isa-foshan.example" || !slices.Equal(got.Address, []string{"18 Chuangxin Avenue"}) {
			t.Errorf("%q: got %+v, want the first contact alone", two, got)
		}
		// An office's line after the person's e-mail is still theirs.
		one := []string{"Li Siying", "E-Mail: li@isa-secretariat.example", "ISA-Sekretariat in Foshan", "Tel.: +86 757 2880 6613"}
		if got := l.facts(release(corpus.German, "T", nil, nil, one)).contact; got == nil || got.Kind != corpus.OfficeSecretariat || got.Person != "Li Siying" ||
			got.Organisation != "ISA-Sekretariat in Foshan" || got.Phone != "+86 757 2880 6613" {
			t.Errorf("%q: got %+v, want one contact of the secretariat", one, got)
		}
		// A member city's release may give its own press office: no
		// contact of the alliance.
		for _, contact := range [][]string{
			{"Jonas Eckert", "Press office, Department of Economic Affairs and Science", "City of Nuremberg"},
			{"Ansprechpartnerin: Miriam Schaaf", "Stadtverwaltung Ludwigshafen am Rhein, Bereich Kommunikation"},
			{"Landeshauptstadt Kiel, Presseamt", "Anna Muster", "Telefon: +49 431 555 1234", "E-Mail: presse@kiel.example"},
			{"联系人：王芳", "洛阳市人民政府新闻办公室", "电话：+86 379 1234567"},
			{"德阳市商务局对外经贸合作科", "电话：+86 838 2201 556"},
		} {
			if got := l.facts(release(corpus.German, "T", nil, nil, contact)).contact; got != nil {
				t.Errorf("%q: a city's press office taken as the alliance's contact: %+v", contact, *got)
			}
		}
	})
	t.Run("glosses", func(t *testing.T) {
		// A place's name in both scripts, not a person's whose given
		// name is a place's too (Haining, 海宁).
		r := release(corpus.German, "T", []string{"Für chinesische Medien bleibt Zhou Haining (周海宁) der Ansprechpartner. Die Stadt Wuhu (芜湖) tritt bei."}, nil, nil)
		got := l.glosses(r)
		if len(got) != 1 || got[0] != (nameGloss{Chinese: "芜湖", Latin: "Wuhu"}) {
			t.Errorf("glosses %+v, want 芜湖 = Wuhu only", got)
		}
		// Without the region before it.
		r = release(corpus.Chinese, "T", []string{"大会在巴伐利亚州纽伦堡（Nürnberg）举行。"}, nil, nil)
		if got := l.glosses(r); len(got) != 1 || got[0] != (nameGloss{Chinese: "纽伦堡", Latin: "Nürnberg"}) {
			t.Errorf("glosses %+v, want 纽伦堡 = Nürnberg", got)
		}
		// 城市 before the name is no part of it.
		r = release(corpus.Chinese, "T", []string{"德国城市多特蒙德（Dortmund）由观察员身份转为正式成员。"}, nil, nil)
		if got := l.glosses(r); len(got) != 1 || got[0] != (nameGloss{Chinese: "多特蒙德", Latin: "Dortmund"}) {
			t.Errorf("glosses %+v, want 多特蒙德 = Dortmund", got)
		}
		// A character that ends words may be the name's own: 达 of 哥达.
		r = release(corpus.Chinese, "T", []string{"德国图林根州哥达市（Gotha）与四川自贡市签署备忘录。"}, nil, nil)
		if got := l.glosses(r); len(got) != 1 || got[0] != (nameGloss{Chinese: "哥达", Latin: "Gotha"}) {
			t.Errorf("glosses %+v, want 哥达 = Gotha", got)
		}
		// Not an organisation of the place.
		r = release(corpus.Chinese, "T", []string{"德国Jena（耶拿大学）的专家也参加了签约仪式。"}, nil, nil)
		if got := l.glosses(r); len(got) != 0 {
			t.Errorf("glosses %+v, want none", got)
		}
		// A programme's name in Chinese quotes, with its Latin one in the
		// brackets after it, past the words that say which language.
		r = release(corpus.Chinese, "T", []string{"湖州和美因茨介绍了“蓝环”（BlueLoop）工业水循环项目。" +
			"“热链”（英文名HeatLink）项目在马鞍山签约。" +
			"秘书处宣布启动“工匠桥”中德青年技工交流计划（德文名称“Handwerksbrücke”）。" +
			"“绿色工厂奖”（2036年起）每年颁发。"}, nil, nil)
		want := []nameGloss{
			{Chinese: "蓝环", Latin: "BlueLoop", Programme: true},
			{Chinese: "热链", Latin: "HeatLink", Programme: true},
			{Chinese: "工匠桥", Latin: "Handwerksbrücke", Programme: true},
		}
		if got := l.glosses(r); !slices.Equal(got, want) {
			t.Errorf("glosses %+v, want %+v", got, want)
		}
	})
	t.Run("count", func(t *testing.T) {
		tests := []struct {
			lang        corpus.Lang
			about, body string
			want        corpus.Count
		}{
			{corpus.German, "Die ISA ist ein Bündnis von 55 leistungsstarken Industriestandorten: 25 deutsche Städte aus 9 Bundesländern und 30 chinesische Städte aus 15 Provinzen.", "",
				corpus.Count{Total: 55, Germany: 25, China: 30, Länder: 9, Provinces: 15}},
			{corpus.German, "Die ISA zählt inzwischen 55 Mitgliedsstädte, 25 in Deutschland und 30 in China.", "Rund 240 Gäste aus 38 Mitgliedsstädten nahmen teil.",
				corpus.Count{Total: 55, Germany: 25, China: 30}},
			{corpus.German, "", "Rund 240 Gäste aus 38 Mitgliedsstädten nahmen teil. Heilbronn ist die 21. deutsche Mitgliedsstadt.", corpus.Count{}},
			{corpus.German, "", "Damit zählt die ISA 56 Mitgliedsstädte.", corpus.Count{Total: 56}},
			{corpus.German, "", "Das Unternehmen hat nach eigenen Angaben mehr als 6.000 Fahrzeuge in 14 Länder geliefert.", corpus.Count{}},
			{corpus.German, "", "Die Busse fahren auf den Linien 102 und 106. Beide Städte gehören der ISA an.", corpus.Count{}},
			{corpus.English, "The ISA has 52 member cities: 23 German cities from 8 federal states and 29 Chinese cities from 14 provinces.", "",
				corpus.Count{Total: 52, Germany: 23, China: 29, Länder: 8, Provinces: 14}},
			{corpus.Chinese, "目前共有51个成员城市，其中德国城市22个，中国城市29个，分布在德国8个联邦州和中国14个省份。", "",
				corpus.Count{Total: 51, Germany: 22, China: 29, Länder: 8, Provinces: 14}},
			{corpus.Chinese, "", "芜湖是联盟的第29个中国成员城市。", corpus.Count{}},
			// Where people came from is no count, though they "joined".
			{corpus.English, "", "About 410 delegates from 42 member cities took part on site, and another 95 participants joined online. The alliance now has 49 members: 21 German and 28 Chinese cities.",
				corpus.Count{Total: 49, Germany: 21, China: 28}},
			{corpus.Chinese, "", "来自42个成员城市的约410名代表参加了会议。", corpus.Count{}},
			// Nor where things are.
			{corpus.English, "", "So far 23 host companies in 15 member cities have confirmed.", corpus.Count{}},
			{corpus.English, "", "The alliance, founded in April 2016, is now present in 53 member cities.", corpus.Count{Total: 53}},
			{corpus.Chinese, "", "目前共有23家接收企业，分布在15个成员城市。", corpus.Count{}},
			{corpus.German, "", "Das Bündnis aus 49 Mitgliedsstädten wächst weiter.", corpus.Count{Total: 49}},
			// A side's companies are no count of its cities.
			{corpus.Chinese, "", "培训地点为三个德国成员城市，共有22家德国企业提供培训岗位。", corpus.Count{}},
			{corpus.Chinese, "", "联盟现有48个成员城市，其中21个德国城市、27个中国城市。", corpus.Count{Total: 48, Germany: 21, China: 27}},
			{corpus.Chinese, "", "联盟现有48个成员城市，其中21个德国的成员城市。", corpus.Count{Total: 48, Germany: 21}},
			{corpus.Chinese, "", "联盟成员城市总数增至50个，其中德国城市21个、中国城市29个。", corpus.Count{Total: 50, Germany: 21, China: 29}},
			// The sides alone: 中方, 德方.
			{corpus.Chinese, "", "两市加入后，联盟成员总数达到54个，其中中方31个、德方23个。", corpus.Count{Total: 54, Germany: 23, China: 31}},
			{corpus.Chinese, "", "目前德国城市21个、中国城市29个。", corpus.Count{Total: 50, Germany: 21, China: 29}},
			// A count in brackets is of the words before it.
			{corpus.German, "Ihr gehören 49 Mitgliedsstädte an, aus Deutschland (21) und China (28).", "",
				corpus.Count{Total: 49, Germany: 21, China: 28}},
			{corpus.Chinese, "联盟共有49个成员城市：德国（21个）和中国（28个）。", "",
				corpus.Count{Total: 49, Germany: 21, China: 28}},
			{corpus.English, "It has 49 member cities in Germany (21) and China (28).", "",
				corpus.Count{Total: 49, Germany: 21, China: 28}},
			// Two sides that do not add up to all count something else.
			{corpus.German, "Die Allianz hat 49 Mitglieder; zur Versammlung kamen Vertreter aus Deutschland (12) und China (15).", "",
				corpus.Count{Total: 49}},
			// Numbers written as words and in Chinese numerals, which
			// count Länder and provinces, not all members.
			{corpus.German, "", "Die Allianz begrüßt zwei neue Mitglieder.", corpus.Count{}},
			{corpus.Chinese, "", "联盟新增两个成员城市。", corpus.Count{}},
			{corpus.German, "", "Seit dem 1. Juli 2028 zählt die Allianz 48 Mitgliedsstädte: 20 deutsche Städte aus neun Bundesländern und 28 chinesische Städte aus 14 Provinzen.",
				corpus.Count{Total: 48, Germany: 20, China: 28, Länder: 9, Provinces: 14}},
			{corpus.English, "Since 1 July 2028 the alliance has 48 member cities: 20 German cities from nine Länder and 28 Chinese cities from 14 provinces.", "",
				corpus.Count{Total: 48, Germany: 20, China: 28, Länder: 9, Provinces: 14}},
			{corpus.Chinese, "", "联盟共有48个成员城市，其中德国城市20个，来自九个联邦州；中国城市28个，来自十四个省份。",
				corpus.Count{Total: 48, Germany: 20, China: 28, Länder: 9, Provinces: 14}},
		}
		for _, tt := range tests {
			var about, body []string
			if tt.about != "" {
				about = []string{tt.about}
			}
			if tt.body != "" {
				body = []string{tt.body}
			}
			got := l.facts(release(tt.lang, "T", body, about, nil)).count
			if got == nil {
				got = &corpus.Count{}
			}
			got.Cite = corpus.Cite{}
			if got.Total != tt.want.Total || got.Germany != tt.want.Germany || got.China != tt.want.China || got.Länder != tt.want.Länder || got.Provinces != tt.want.Provinces {
				t.Errorf("%q %q: got %+v, want %+v", tt.about, tt.body, *got, tt.want)
			}
		}
	})
	t.Run("joins, assemblies, people", func(t *testing.T) {
		tests := []struct {
			lang       corpus.Lang
			title      string
			body       string
			joined     string // the joins, leaves and applications: "name date; name left date; name applied date; ..."
			assemblies string // "number date place; ..."
			people     string // "name (alias): role; ..."
		}{
			{corpus.German, "Neues Mitglied", "Die Stadt Musterhausen ist der ISA am 12. Februar 2027 beigetreten. Oberbürgermeisterin Dr. Erika Muster unterzeichnete.",
				"Musterhausen 2027-02-12", "", "Erika Muster: Oberbürgermeisterin"},
			{corpus.German, "Plenum", "Auch Köln ist der ISA beigetreten. Weitere Städte haben den Wunsch geäußert, der ISA beizutreten.", "", "", ""},
			{corpus.English, "13th plenary assembly", "The 13th plenary assembly of the alliance took place on 4 and 5 February 2027 in Foshan. It admitted the city of Neustadt as a new member.",
				"Neustadt 2027-02-04", "13 2027-02-04/2027-02-05 Foshan", ""},
			{corpus.Chinese, "第十三届全体大会", "2027年2月4日，联盟第十三届全体大会在佛山举行。安徽省示范市（Shifan）正式加入联盟。示范市副市长王小明（Wang Xiaoming）表示欢迎。代表团访问了德国。",
				"示范 2027-02-04", "13 2027-02-04 佛山", "Wang Xiaoming (王小明): 副市长"},
			{corpus.German, "Vorschau", "Die 14. Plenarversammlung soll im Herbst 2027 in Hannover stattfinden.", "", "14 2027 Hannover", ""},
			// The city that joins, named in the sentence before the one
			// that gives the day, which names it as the subject of
			// "wird … Mitglied".
			{corpus.German, "Magdeburg wird Mitglied der ISA", "Die ISA nimmt mit Magdeburg erstmals eine Stadt aus Sachsen-Anhalt auf. Zum 1. August 2027 wird die Lausitzer Stadt Mitglied der Allianz.",
				"Magdeburg 2027-08-01", "", ""},
			// No join: the members as a subject, a member city that
			// receives, a working group a member joins, talks and work
			// taken up.
			{corpus.German, "Treffen", "Das Jahrestreffen der ISA findet am 12. Mai 2027 in Köln statt. Erwartet werden die Mitglieder der ISA sowie Gäste aus Erfurt und Dresden.", "", "", ""},
			{corpus.German, "Besuch", "Am 5. Mai 2027 wird die Mitgliedsstadt Köln eine Delegation aus Erfurt empfangen, teilte die ISA mit.", "", "", ""},
			{corpus.German, "Neu", "Die Stadt Jena ist der ISA am 5. Januar 2027 beigetreten. Ab 1. März 2027 wird die Stadt zudem Mitglied der Arbeitsgruppe Wasserstoff der ISA.", "Jena 2027-01-05", "", ""},
			{corpus.German, "Gespräche", "Die ISA nimmt mit der Stadt Erfurt Gespräche über eine Zusammenarbeit auf.", "", "", ""},
			{corpus.German, "Büro", "Die neue Geschäftsstelle der ISA nimmt am 1. Februar 2027 in der Stadt Halle ihre Arbeit auf.", "", "", ""},
			{corpus.German, "Projekt", "Die Stadt Magdeburg nimmt im März gemeinsam mit der ISA ein Wasserstoffprojekt auf.", "", "", ""},
			// Another meeting's ordinal is no assembly's.
			{corpus.Chinese, "会议", "第三届中德城市数字化安全会议于2027年3月10日在洛阳举行。", "", "", ""},
			{corpus.Chinese, "会议", "这是洛阳第一次作为东道主城市承办全体大会。", "", "", ""},
			{corpus.Chinese, "会议", "联盟理事会第三次会议一致同意明年全体大会在洛阳举行。", "", "", ""},
			// A join in a clause that also says something is yet to be
			// agreed.
			{corpus.Chinese, "新成员", "德国耶拿市（Jena）于2027年3月1日正式加入中德工业城市联盟，双方具体合作项目尚需进一步商定。", "Jena 2027-03-01", "", ""},
			// The alliance's full name between the ordinal and the word
			// for the assembly.
			{corpus.Chinese, "大会", "第二十四届中德工业城市联盟全体大会于2036年11月6日至7日在浙江省湖州市举行。", "", "24 2036-11-06/2036-11-07 湖州", ""},
			// An assembly of two days, its first and its last; another
			// range of days in the sentence is not its.
			{corpus.Chinese, "第十七届全体大会", "2028年6月15日至16日，联盟第十七届全体大会在威海举行。", "", "17 2028-06-15/2028-06-16 威海", ""},
			{corpus.German, "Vorschau", "Die 18. Plenarversammlung findet vom 23. bis 24. April 2029 in Nürnberg statt.", "", "18 2029-04-23/2029-04-24 Nürnberg", ""},
			{corpus.English, "Plenary", "The 18th plenary assembly meets on 23 April 2029 in Nuremberg, after the fair of 10-12 March 2029.", "", "18 2029-04-23 Nuremberg", ""},
			{corpus.English, "Plenary", "The 18th plenary assembly meets on 12 April 2029 in Nuremberg, after the fair of 12-14 March 2029.", "", "18 2029-04-12 Nuremberg", ""},
			{corpus.German, "Vorschau", "Die 18. Plenarversammlung tagt vom 30. bis 31. April 2029 in Nürnberg.", "", "18 2029-04-30 Nürnberg", ""},
			{corpus.Chinese, "人事", "经秘书处研究决定，谭静怡（Tan Jingyi）自2027年3月1日起担任联盟秘书处副秘书长。", "", "", "Tan Jingyi (谭静怡): 副秘书长 since 2027-03-01"},
			// An assembly where someone was elected, in an attributive
			// clause: the day and place are the taking of office's (and
			// the "Huimin" of 苏慧敏（Su Huimin） is no town of Shandong).
			{corpus.Chinese, "人事", "在第21届全体大会上当选的新任秘书长苏慧敏（Su Huimin）将于2033年8月1日正式就任。", "", "21", "Su Huimin (苏慧敏): 秘书长 since 2033-08-01"},
			// A Chinese name's romanisation names no place.
			{corpus.Chinese, "大会", "2033年4月6日举行的第21届全体大会选举苏慧敏（Su Huimin）为秘书长。", "", "21 2033-04-06", ""},
			// An adverb between the name and the appointing verb.
			{corpus.Chinese, "人事", "自2026年11月1日起，陈思远正式出任中德工业城市联盟（ISA）秘书长。", "", "", "Chen Siyuan (陈思远): 秘书长 since 2026-11-01"},
			{corpus.English, "Camp", "The camp was led by Clara Weidemann, youth coordinator of the ISA.", "", "", "Clara Weidemann: youth coordinator of the ISA"},
			// A role after the name and a comma, with what it is of, up
			// to a comma or a day; not a capitalised word before it
			// across the comma, but across a hyphen.
			{corpus.German, "Schritt", "Dr. Tom Weber, Leiter des ISA-Kontaktbüros Deutschland, bedauerte den Schritt.", "", "", "Tom Weber: Leiter des ISA-Kontaktbüros Deutschland"},
			{corpus.English, "Target", "\"We have a target,\" said He Jiawen, Secretary-General of the ISA secretariat in Foshan since 1 November 2032.", "", "",
				"He Jiawen: Secretary-General of the ISA secretariat in Foshan since 2032-11-01"},
			{corpus.German, "Rede", "Liu Yi, ISA-Generalsekretär, sprach.", "", "", "Liu Yi: ISA-Generalsekretär"},
			// The day someone takes a role from, not the day another
			// holds it until.
			{corpus.English, "Contact", "ISA Contact Office Germany until 31 July 2032: Tom Weber, press officer, from 1 August 2032: Jana Roe, press spokesperson.", "", "",
				"Jana Roe: press spokesperson since 2032-08-01"},
			// The role someone is appointed to from a day, not the one
			// they leave; an acting one is the role; a relative clause
			// gives no role.
			{corpus.English, "Secretary-General", "With effect from 1 March 2033, Deputy Secretary-General Rong Qiang will serve as acting Secretary-General until the plenary assembly elects a successor.",
				"", "", "Rong Qiang: acting Secretary-General since 2033-03-01"},
			{corpus.English, "Deputy", "She serves alongside Rong Qiang, who remains acting Secretary-General until August.", "", "", ""},
			{corpus.English, "People", "Tom Weber, who was Secretary-General until 2030, welcomed the guests.", "", "", ""},
			// The names a role is given to by "as", one or two.
			{corpus.English, "Plenary", "On 7 April the assembly elected Annette Kröger and Li Guodong as co-presidents for a term of three years.", "", "", "Li Guodong: co-presidents; Annette Kröger: co-presidents"},
			{corpus.English, "Plenary", "The assembly also elected Su Huimin as the alliance's new Secretary-General.", "", "", "Su Huimin: Secretary-General"},
			{corpus.English, "Jury", "The board appointed Jonas Berger as president of the jury.", "", "", "Jonas Berger: president of the jury"},
			{corpus.German, "Wahl", "Die Versammlung wählte Anna Keller zur Präsidentin der Allianz.", "", "", "Anna Keller: Präsidentin der Allianz"},
			{corpus.English, "Press", "Lena Brandt, who takes over from Jonas Albrecht as spokesperson, starts on 1 October 2027.", "", "", ""},
			// One more role, from no day: the first stays.
			{corpus.English, "Delegation", "Lord Mayor Anna Keller will serve as head of the delegation.", "", "", "Anna Keller: Lord Mayor"},
			{corpus.German, "Koordination", "Koordiniert wird die Mitarbeit der Stadt von Jörg Seifert, dem Leiter des Amts für Wirtschaftsförderung.", "", "", "Jörg Seifert: Leiter des Amts für Wirtschaftsförderung"},
			{corpus.German, "Klinik", "Es unterzeichneten der Direktor des Klinikums, Prof. Dr. Matthias Reinholz, und die Präsidentin des Krankenhauses.", "", "", ""},
			// A name is not read into the verb after it (作工作报告); a name
			// in characters alone is written in Latin letters too.
			{corpus.Chinese, "大会", "联盟秘书长刘毅作工作报告。", "", "", "Liu Yi (刘毅): 秘书长"},
			// A member that leaves, named in the title and then with the
			// date it left.
			{corpus.German, "Bottrop tritt aus der ISA aus", "Die Stadt Bottrop ist zum 31. Oktober 2026 aus der ISA ausgetreten.", "Bottrop left 2026-10-31", "", ""},
			{corpus.English, "Membership", "Chemnitz has left the alliance.", "Chemnitz left 2027-03-01", "", ""},
			// Leaving on a day still to come; leaving no alliance.
			{corpus.English, "Membership", "Bottrop withdraws from the ISA with effect from 31 December 2027.", "Bottrop left 2027-12-31", "", ""},
			{corpus.English, "Fair", "The Chemnitz delegation left the fair on Tuesday.", "", "", ""},
			// A city that applies, or is to be considered, has applied,
			// not joined.
			{corpus.Chinese, "大会", "大会将审议德国黑森州卡塞尔市（Kassel）的入盟申请。", "Kassel applied 2027-03-01", "", ""},
			{corpus.English, "Plenary", "Kassel has applied to join the alliance.", "Kassel applied 2027-03-01", "", ""},
			// An application approved is a join.
			{corpus.Chinese, "大会", "大会审议通过了德国巴伐利亚州施韦因富特（Schweinfurt）的入盟申请。", "Schweinfurt 2027-03-01", "", ""},
			// A city that officially becomes a member, on the day a
			// decision says, before the release's; and one in the title
			// with no date, which keeps the body's.
			{corpus.Chinese, "示范市正式加入联盟", "经联盟常务理事会2027年2月20日视频会议审议通过，安徽省示范市（Shifan）正式成为联盟成员城市。", "示范 2027-02-20", "", ""},
			// A day without a year, of the year a word beside it says,
			// or, beside a verb of joining, of the last such day before
			// the release; one still to come is no join date.
			// "该市" refers back, and is no city "这是该".
			{corpus.Chinese, "代表团", "示范市于今年2月1日加入联盟，这是该市入盟后接待的第一个中国代表团。", "示范 2027-02-01", "", ""},
			{corpus.Chinese, "成员", "示范市于去年3月5日加入联盟。", "示范 2026-03-05", "", ""},
			{corpus.Chinese, "成员", "示范市将于今年12月1日正式加入联盟。", "示范 2027-03-01", "", ""},
			{corpus.German, "Mitgliedschaft", "Zittau ist am 17. Dezember vergangenen Jahres der ISA beigetreten.", "Zittau 2026-12-17", "", ""},
			{corpus.German, "Mitgliedschaft", "Zittau ist am 17. Dezember der ISA beigetreten.", "Zittau 2026-12-17", "", ""},
			{corpus.English, "Membership", "Zittau joined the alliance on 3 February this year.", "Zittau 2027-02-03", "", ""},
			// The paragraph's date beats a day of another clause.
			{corpus.German, "Mitgliedschaft", "Die Stadt Zittau, die am 12. September eine Delegation empfangen hatte, ist nun dem Bündnis beigetreten. Die Aufnahme beschloss die Plenarversammlung am 28. Februar 2027.", "Zittau 2027-02-28", "", ""},
			// 本市 is the publisher's own city, not the one before.
			{corpus.Chinese, "代表团", "德国包岑市（Bautzen）代表团昨日抵达。本市于今年2月1日正式加入联盟。", "", "", ""},
			// A verb whose particle closes the clause; the city of an
			// application the board approved is the one the release says
			// joined, on the day of the approval.
			{corpus.German, "Görlitz tritt der ISA bei", "Der Vorstand hat dem Aufnahmeantrag der Stadt am 3. Februar 2027 zugestimmt.", "Görlitz 2027-02-03", "", ""},
			{corpus.English, "Membership", "The alliance welcomed Zittau as its newest member.", "Zittau 2027-03-01", "", ""},
			// One joins as another leaves.
			{corpus.English, "Zittau joins the ISA as Bottrop leaves", "", "Zittau 2027-03-01; Bottrop left 2027-03-01", "", ""},
			{corpus.German, "Mitgliedschaft", "Die Stadt Hildesheim hat ihre Mitgliedschaft zum 30. Juni 2027 gekündigt.", "Hildesheim left 2027-06-30", "", ""},
			// The day the leaving takes effect, in a sentence of its own
			// that names neither the city nor the alliance.
			{corpus.German, "Austritt", "Die Stadt Bottrop verlässt die Chinesisch-Deutsche Industriestädteallianz (ISA). Der Austritt wird zum 31. Oktober 2027 wirksam.", "Bottrop left 2027-10-31", "", ""},
			{corpus.German, "Austritt", "Die Stadt Bottrop verlässt die Chinesisch-Deutsche Industriestädteallianz (ISA). Nach dem Ratsbeschluss vom 28. April 2027 wird der Austritt zum 31. Mai 2027 wirksam.", "Bottrop left 2027-05-31", "", ""},
			// Leaving undated, and the day the membership ended in the
			// sentence after; a membership that ends for another city
			// leaves the day alone.
			{corpus.German, "Bottrop scheidet aus der ISA aus", "Die Stadt Bottrop ist nicht mehr Mitglied der ISA. Ihre Mitgliedschaft endete mit Ablauf des 30. Juni 2028.", "Bottrop left 2028-06-30", "", ""},
			{corpus.English, "Membership", "Chemnitz has left the alliance on 31 May 2027. Its membership ended after ten years; the partnership of Solingen ends on 30 June 2027.", "Chemnitz left 2027-05-31", "", ""},
			{corpus.English, "Membership", "Bottrop is no longer a member of the ISA. The membership of Solingen ends on 30 June 2029.", "Bottrop left 2027-03-01", "", ""},
			// Two cities that join on a day to come; a member named beside
			// them, with the day it joined, lends them no date.
			{corpus.English, "Zittau and Wuhu to join the ISA on 1 August", "Zittau, in Saxony, and Wuhu, a city in Anhui province, will formally join the alliance on 1 August 2027. Wuhu has built up vehicle manufacturing. It becomes the alliance's second member from Anhui; its neighbour Ma'anshan has belonged to the ISA since August 2016.", "Zittau 2027-08-01; 芜湖 2027-08-01", "", ""},
			// The day of a relative clause on a member is that member's;
			// a clause that names members only, and "the city", speaks of
			// the one joining.
			{corpus.English, "Plenary admits Wuhu", "Wuhu, home to about 3.8 million people, is the second member from Anhui, after Ma'anshan, which joined in August 2016.", "芜湖 2027-03-01", "", ""},
			{corpus.English, "Plenary admits Wuhu", "Wuhu is the second member from Anhui, after Ma'anshan, which has been a member since August 2016.", "芜湖 2027-03-01", "", ""},
			{corpus.English, "Plenary admits Wuhu", "Wuhu has joined the alliance as its 50th member, after Ma'anshan, which signed a partnership with Solingen on 12 May 2026.", "芜湖 2027-03-01", "", ""},
			{corpus.English, "Plenary admits Wuhu", "Meeting in Nuremberg's town hall, the plenary assembly admitted the city unanimously, with effect from 11 February 2027. Wuhu is the second member from Anhui, after Ma'anshan, which joined in August 2016.", "芜湖 2027-02-11", "", ""},
			// No longer belonging, on the day the sentence gives: "nicht
			// mehr", and a negation whose particle closes the sentence.
			// "Nicht" says no plan here.
			{corpus.German, "Bottrop scheidet aus der ISA aus", "Die Stadt Bottrop gehört der ISA seit dem 30. September 2027 nicht mehr an.", "Bottrop left 2027-09-30", "", ""},
			{corpus.German, "Mitgliedschaft", "Bottrop ist seit dem 30. September 2027 kein Mitglied der ISA mehr.", "Bottrop left 2027-09-30", "", ""},
			{corpus.German, "Mitgliedschaft", "Bottrop tritt der ISA nicht bei.", "", "", ""},
			// A city that is no member belongs no more: it joined nothing.
			// "Nicht mehr" that says no leaving (more than a guest, a pause
			// that ended, a comparison) says nothing a sentence with "nicht"
			// is read for.
			{corpus.German, "Mitgliedschaft", "Zwickau gehört der ISA seit dem 30. September 2027 nicht mehr an.", "", "", ""},
			{corpus.German, "Mitgliedschaft", "Dortmund ist nicht mehr nur Gast, sondern seit dem 1. Februar 2027 Vollmitglied der ISA.", "", "", ""},
			// A guest becomes a full member; not while the city's
			// council has yet to approve it.
			{corpus.Chinese, "大会", "二、德国城市多特蒙德（Dortmund）自2027年11月7日起由观察员身份转为正式成员。", "Dortmund full 2027-11-07", "", ""},
			{corpus.Chinese, "大会", "四、原则上同意多特蒙德（Dortmund）由观察员身份转为正式成员，具体生效尚需多特蒙德市议会批准。", "", "", ""},
			{corpus.German, "Mitgliedschaft", "Die Mitgliedschaft der Stadt Köln in der ISA ruht seit dem 1. Februar 2027 nicht mehr.", "", "", ""},
			{corpus.German, "Mitgliedschaft", "Die Stadt Zittau hat nicht mehr Einwohner als Zwickau, ist aber seit dem 1. Februar 2027 Mitglied der ISA.", "", "", ""},
			// The day of the admission, though the sentence names where.
			{corpus.German, "Mitgliedschaft", "Zittau ist neues Mitglied der ISA. Die Aufnahme wurde auf der Plenarversammlung am 2. Februar 2027 in Hannover beschlossen.", "Zittau 2027-02-02", "", ""},
			// A name ends before the verb after it: 王丽 of 王丽接见.
			{corpus.Chinese, "代表团", "佛山市副市长王丽接见了代表团。", "", "", "Wang Li (王丽): 佛山市副市长"},
			// Joining something of the alliance's joins no alliance.
			{corpus.English, "Delegation", "Wuhu's Vice Mayor Tao Jingwen will join the ISA delegation to Zittau on 12 October 2027.", "", "", "Tao Jingwen: Vice Mayor"},
			{corpus.English, "Lab", "Companies from Zittau and Zwickau are invited to join the ISA's Solar Cities Lab from 1 November 2027.", "", "", ""},
			// Each clause on its own: the chairs of a working group joined
			// nothing.
			{corpus.German, "Plenum", "Die Versammlung beschloss die Aufnahme von Zittau; die Gründung einer Arbeitsgruppe unter dem Vorsitz von Jena und Erfurt.", "Zittau 2027-03-01", "", ""},
			// Admitted at an assembly held: on its day; the place where it
			// met, not the city the title names.
			{corpus.English, "Zittau admitted at the 13th plenary assembly", "The 13th plenary assembly met in Weimar on 27 February 2027.", "Zittau 2027-02-27", "13 2027-02-27 Weimar", ""},
			// An ordinal of tens and units in words.
			{corpus.English, "Plenary", "The twenty-first plenary assembly met in Weimar on 27 February 2027.", "", "21 2027-02-27 Weimar", ""},
			// Since when: the day the sentence says the role is taken.
			{corpus.Chinese, "人事", "中德工业城市联盟秘书处2月6日宣布，自2028年3月1日起，由陈思远接任联盟秘书长。", "", "", "Chen Siyuan (陈思远): 秘书长 since 2028-03-01"},
			{corpus.Chinese, "人事", "2043年4月1日起，陈思远出任联盟秘书长。", "", "", "Chen Siyuan (陈思远): 秘书长 since 2043-04-01"},
			// Not a day after "from" that names a place.
			{corpus.English, "Visit", "Ou Jiaming (区嘉铭), Secretary-General of the ISA secretariat, announced a return visit: a delegation from Yichang and Liuzhou will travel to Ingolstadt in November 2043.", "", "",
				"Ou Jiaming: Secretary-General of the ISA secretariat"},
			{corpus.English, "Visit", "German cities learn from Chinese ones and vice versa, Mayor Zhang Min of Taicang said.", "", "", "Zhang Min: Mayor"},
			{corpus.English, "Visit", "Cities learn from each other and vice versa Mayor Zhang Min of Taicang said.", "", "", "Zhang Min: Mayor"},
			// A deputy's role, a word before the role: no mayor.
			{corpus.English, "Visit", "The delegation met Bao'an's deputy district mayor, Lin Zhiqiang.", "", "", "Lin Zhiqiang: deputy district mayor"},
			// The words that give the role between the name and the role.
			{corpus.English, "People", "Zhou Wen has been appointed Deputy Secretary-General, succeeding Rong Qiang.", "", "", "Zhou Wen: Deputy Secretary-General"},
			// 中方 is the Chinese side, no county.
			{corpus.Chinese, "人事", "自2027年3月1日起，由王海燕接任联盟秘书长。至此联盟共有52个成员，其中中方30个。", "", "", "Wang Haiyan (王海燕): 秘书长 since 2027-03-01"},
			// A city that joins something else: the object of the verb
			// names no alliance.
			{corpus.English, "Corridor", "The port of Duisburg has joined the corridor as logistics partner.", "", "", ""},
			{corpus.German, "Netzwerk", "Zittau ist dem Netzwerk der Wasserstoffstädte beigetreten.", "", "", ""},
			{corpus.Chinese, "走廊", "宁波港加入该走廊，担任中方转运港。", "", "", ""},
			// A city that leaves something else: "ISA" in a train's name,
			// the object of the verb a terminal.
			{corpus.English, "Rail link", "The first train of the ISA Rail Link leaves the Neuss trimodal terminal on 6 March 2029 and is scheduled to arrive in Nanchang on 25 March 2029.", "", "", ""},
			// A city that becomes a member on a day; a city that says
			// where, after "in", joined nothing.
			{corpus.German, "Mitgliedschaft", "Die Landeshauptstadt Saarbrücken wird zum 1. Februar 2029 Mitglied der Chinesisch-Deutschen Industriestädteallianz (ISA).", "Saarbrücken 2029-02-01", "", ""},
			{corpus.German, "Urkunde", "Die Beitrittsurkunde unterzeichnet Dr. Matthias Reinholz, Leiter des ISA-Kontaktbüros Deutschland in Berlin.", "", "",
				"Matthias Reinholz: Leiter des ISA-Kontaktbüros Deutschland in Berlin"},
			// Becoming something else than a member; 于 of 由于 is no
			// place preposition.
			{corpus.German, "Gastgeber", "Hannover wird am 1. März 2027 Gastgeber für jedes Mitglied der ISA.", "", "", ""},
			{corpus.German, "Jury", "Der Oberbürgermeister von Hannover wird als Mitglied der Jury der ISA-Preisverleihung auftreten.", "", "", ""},
			{corpus.Chinese, "大会", "由于宜宾市加入中德工业城市联盟，联盟成员总数增至48个。", "宜宾 2027-03-01", "", ""},
			// A person's given name is no place: 建华 of 沈建华, "Lixin" of
			// "Zhao Lixin".
			{corpus.Chinese, "大会", "湖州市副市长沈建华在开幕式上表示，欢迎新成员加入联盟。", "", "", "Shen Jianhua (沈建华): 湖州市副市长"},
			{corpus.Chinese, "大会", "襄阳市副市长赵立新（Zhao Lixin）代表襄阳市在大会上签署了入盟文件。", "襄阳 2027-03-01", "", "Zhao Lixin (赵立新): 襄阳市副市长"},
			// A Chinese role keeps its organisation, from its city or,
			// short, from the clause's start; not the words before it.
			{corpus.Chinese, "实验室", "开姆尼茨市经济促进局局长乌尔丽克·布兰道尔（Ulrike Brandauer）说：“我们很高兴。”", "", "", "Ulrike Brandauer (乌尔丽克·布兰道尔): 开姆尼茨市经济促进局局长"},
			{corpus.Chinese, "实验室", "我们感谢开姆尼茨市经济促进局局长冯嘉树。", "", "", "Feng Jiashu (冯嘉树): 开姆尼茨市经济促进局局长"},
			{corpus.Chinese, "实验室", "经济促进局局长冯嘉树出席了仪式。", "", "", "Feng Jiashu (冯嘉树): 经济促进局局长"},
			{corpus.Chinese, "实验室", "我们感谢经济促进局局长冯嘉树。", "", "", "Feng Jiashu (冯嘉树): 局长"},
			{corpus.Chinese, "项目", "项目负责人为该办公室副主任卢婉清。", "", "", "Lu Wanqing (卢婉清): 副主任"},
			// But the 苏 of 江苏 is no family name.
			{corpus.Chinese, "常州加入联盟", "经联盟理事会2027年2月20日批准，江苏常州正式加入中德工业城市联盟。", "常州 2027-02-20", "", ""},
			// 德城 (Decheng) is not named by 中德城市, "Chinese and German
			// cities".
			{corpus.Chinese, "对接会", "联盟将举办“中德城市企业对接会”，预计将有来自德国成员城市的约60家企业参加，作为新成员加入。", "", "", ""},
			{corpus.English, "Membership", "Zittau joined the Sino-German Industrial Cities Alliance on 2 February 2027.", "Zittau 2027-02-02", "", ""},
			{corpus.Chinese, "十堰", "2027年2月2日，十堰市正式加入中德工业城市联盟。十堰加入后，联盟共有50个成员城市。", "十堰 2027-02-02", "", ""},
			// A city the sentence before names joined, in English; in a
			// German participle's object, the alliance's short name.
			{corpus.English, "Stand", "For the first time Zittau was part of the stand. The city joined the alliance in February 2027.", "Zittau 2027-02", "", ""},
			// A join still to come, on its day, not the day of a vote
			// its paragraph gives before.
			{corpus.English, "Kiel joins", "Kiel will become a member of the ISA on 1 September 2027. The council voted for it on 15 February 2027; the board approved the application on 20 February 2027.",
				"Kiel 2027-09-01", "", ""},
			// Not a later day of something else.
			{corpus.German, "Kiel", "Die Landeshauptstadt Kiel ist der Chinesisch-Deutschen Industriestädteallianz (ISA) beigetreten und richtet am 24. Oktober 2027 einen Hafentag aus.",
				"Kiel 2027-03-01", "", ""},
			// The city a clause names by "die Stadt", far into the
			// clause before, which is longer.
			{corpus.German, "Neues Mitglied", "Nach einem langen Verfahren im Rat und im Präsidium lag am Ende der Antrag der Stadt Kiel vor; die Stadt ist der ISA beigetreten.",
				"Kiel 2027-03-01", "", ""},
			{corpus.German, "Zittau", "Zittau ist der Städteallianz am 2. Februar 2027 beigetreten.", "Zittau 2027-02-02", "", ""},
			// Exposed to change, no suspension; the day a count is of, no
			// day a join takes effect; a day still to come, that day.
			{corpus.German, "Wandel", "Die Städte der Allianz, etwa Bottrop und Duisburg, sind dem Strukturwandel ausgesetzt.", "", "", ""},
			{corpus.English, "Count", "Zittau joined on 2 February 2027, and as of 28 February 2027 the alliance counts 50 members.", "Zittau 2027-02-02", "", ""},
			{corpus.English, "Zittau", "Zittau joins the alliance with effect from 1 April 2027.", "Zittau 2027-04-01", "", ""},
			// Leaving with a German verb whose particle closes the clause.
			{corpus.German, "Austritt", "Die Stadt Bottrop tritt zum 31. Dezember 2027 aus der ISA aus.", "Bottrop left 2027-12-31", "", ""},
			// Taken in by a verb whose particle closes the clause; not a
			// city that appears somewhere with that particle.
			{corpus.German, "Plenum", "Die Versammlung nahm die Stadt Zittau einstimmig mit Wirkung vom 6. März 2027 als Mitglied auf.", "Zittau 2027-03-06", "", ""},
			{corpus.German, "Messe", "Auf der Hannover Messe tritt die Stadt Zittau am 6. März 2027 gemeinsam mit der ISA auf.", "", "", ""},
			{corpus.German, "Gespräche", "Die Stadt Zittau nahm am 1. März 2027 die Gespräche mit Foshan auf.", "", "", ""},
			{corpus.German, "Programm", "Die ISA nahm am 1. März 2027 den Vorschlag aus Zittau in ihr Arbeitsprogramm auf.", "", "", ""},
			// The day a join takes effect beats the day it was decided.
			{corpus.Chinese, "十堰", "湖北省十堰市的入盟申请，已于2027年2月26日经联盟理事会审议通过。自2027年3月1日起，十堰正式成为联盟第50个成员城市。", "十堰 2027-03-01", "", ""},
			{corpus.English, "Membership", "The board accepted Zittau as a member on 20 February 2027 with effect from 1 March 2027.", "Zittau 2027-03-01", "", ""},
			// The day the membership takes effect, still to come.
			{corpus.English, "Zittau joins", "The board approved the application of Zittau on 27 February 2027; the membership takes effect on 1 April 2027.", "Zittau 2027-04-01", "", ""},
			// Where an assembly meets is not a city its clause says
			// joined, nor a city of another clause.
			{corpus.English, "Lanzhou", "Lanzhou, which was admitted at the sixth plenary assembly in October 2018, thanked the member cities.", "", "6 2018-10", ""},
			{corpus.German, "Vorschau", "Die 15. Vollversammlung soll im Herbst 2029 in China stattfinden; Ort und Termin gibt das Sekretariat in Foshan rechtzeitig bekannt.", "", "15 2029", ""},
			// Something after or before an assembly: not its day, nor a
			// place the sentence does not mark as its own.
			{corpus.Chinese, "工作坊", "2030年4月25日，开姆尼茨：园区循环经济（紧接第十九届全体大会举行）", "", "19", ""},
			{corpus.English, "Secretary-General", "The appointment was confirmed on 15 April 2029, shortly following the 14th plenary assembly in Ingolstadt.", "", "14 Ingolstadt", ""},
			// "Nach der" leads to the assembly's own day as often.
			{corpus.German, "Arbeitsgruppen", "Nach der 19. Plenarversammlung am 12. und 13. Mai 2030 in Chemnitz tagen die Arbeitsgruppen.", "", "19 2030-05-12/2030-05-13 Chemnitz", ""},
			// A membership that rests: from, until when.
			{corpus.German, "Mitgliedschaft Solingens ruht", "Ruhen wird die Mitgliedschaft der Stadt Solingen in der ISA vom 1. Februar 2027 an, und zwar bis einschließlich 31. Januar 2028.", "Solingen suspended 2027-02-01 until 2028-01-31", "", ""},
			{corpus.English, "Membership", "Panjin has suspended its membership of the alliance.", "Panjin suspended 2027-03-01", "", ""},
			// Its end in a sentence of its own.
			{corpus.German, "Mitgliedschaft", "Die Stadt Solingen lässt ihre Mitgliedschaft in der ISA ab dem 1. Dezember 2032 ruhen. Die Ruhephase ist bis zum 31. Dezember 2034 befristet.",
				"Solingen suspended 2032-12-01 until 2034-12-31", "", ""},
			{corpus.German, "Mitgliedschaft", "Die Stadt Solingen lässt ihre Mitgliedschaft in der ISA ab dem 1. April 2027 ruhen. Während der Ruhephase lädt Solingen am 12. Juni 2027 zu einem Klingenforum ein.",
				"Solingen suspended 2027-04-01", "", ""},
			{corpus.Chinese, "成员资格", "盘锦市自2027年3月1日起暂停联盟成员资格。", "Panjin suspended 2027-03-01", "", ""},
			// No longer a member, on a day to come.
			{corpus.English, "Lanzhou to leave", "Effective 31 March 2027, Lanzhou will no longer be a member of the ISA.", "Lanzhou left 2027-03-31", "", ""},
			// The day a membership begins, in a sentence of its own.
			{corpus.German, "Rostock tritt bei", "Die Hanse- und Universitätsstadt Rostock wird Mitglied der ISA. Die Mitgliedschaft beginnt am 1. April 2027.", "Rostock 2027-04-01", "", ""},
			// The day of the joining the sentence gives, though its year
			// is this year's, not the day its paragraph began with.
			{corpus.Chinese, "项目", "2027年2月20日，成员城市威海与罗斯托克在威海签署合作协议。这是罗斯托克今年2月1日加入联盟后参与的第一个合作项目。", "Rostock 2027-02-01", "", ""},
			// Appointed by a passive, the subject named before what it
			// held until then; a role held before is none.
			{corpus.German, "Sekretariat", "4. Sekretariat: Tan Yuqing (谭雨晴), bisher stellvertretende Generalsekretärin, wurde mit sofortiger Wirkung zur Generalsekretärin des ISA-Sekretariats in Foshan ernannt.",
				"", "", "Tan Yuqing: Generalsekretärin des ISA-Sekretariats in Foshan since 2027-03-01"},
			{corpus.German, "Wahl", "Am Montag wurde Anna Keller zur Präsidentin gewählt.", "", "", "Anna Keller: Präsidentin"},
			{corpus.German, "Wahl", "Dr. Anna Keller wurde zur Präsidentin gewählt.", "", "", "Anna Keller: Präsidentin"},
			{corpus.English, "Secretariat", "Zhou Wen has been appointed as Deputy Secretary-General of the ISA.", "", "", "Zhou Wen: Deputy Secretary-General of the ISA"},
			{corpus.German, "Rede", "Der frühere Oberbürgermeister Hans Müller sprach zu den Gästen.", "", "", ""},
			// Not a subject the clause does not begin with, nor one an
			// article begins, nor a role that other words keep apart
			// from "previously"; "ab sofort" dates no role it gives no one.
			{corpus.English, "Deputy", "Anna Keller was in Foshan, where Zhou Wen was named as Deputy Secretary-General of the ISA.", "", "", ""},
			{corpus.German, "Vertrag", "Der Vertrag wurde am Montag von Anna Keller unterzeichnet, die zur Präsidentin der Jury ernannt worden war.", "", "", ""},
			{corpus.English, "Assembly", "As announced previously, Secretary-General Tan Yuqing will open the assembly.", "", "", "Tan Yuqing: Secretary-General"},
			{corpus.German, "Bewerbung", "„Ab sofort können sich Unternehmen bewerben“, sagte Liu Yi, Generalsekretär des ISA-Sekretariats in Foshan.", "", "", "Liu Yi: Generalsekretär des ISA-Sekretariats in Foshan"},
			{corpus.German, "Projekt", "Die Stadtwerke Bochum (ab 2034), Leiterin des Projekts, sagte zu.", "", "", ""},
			// Leaving, and the day the withdrawal takes effect; a
			// membership that takes effect the day after another city's
			// withdrawal dates the joining, not the leaving.
			{corpus.English, "Plenary", "The assembly took note that the city of Bottrop is leaving the alliance. Its withdrawal takes effect on 30 November 2041.", "Bottrop left 2041-11-30", "", ""},
			{corpus.English, "Salzgitter joins", "The alliance today welcomed Salzgitter as its newest member. The board approved the application on 27 June 2028; the membership takes effect on 1 July 2028, the day after Hildesheim's withdrawal becomes effective.", "Salzgitter 2028-07-01", "", ""},
			// An aside between dashes keeps the assembly's number and
			// its days one clause; a day it was given before is bettered
			// by the range that begins with it, and the day of something
			// on its margins is not its own.
			{corpus.German, "Plenarversammlung", "Die 33. Plenarversammlung in Magdeburg findet – anders als im Oktober angekündigt – am 5. und 6. Mai 2042 statt.", "", "33 2042-05-05/2042-05-06 Magdeburg", ""},
			{corpus.German, "Plenarversammlung", "Am 5. Mai 2042 beginnt die 33. Plenarversammlung. Die 33. Plenarversammlung tagt am 5. und 6. Mai 2042 in Magdeburg.", "", "33 2042-05-05/2042-05-06 Magdeburg", ""},
			{corpus.German, "Plenarversammlung", "Am 5. Mai 2042, Magdeburg: Pressegespräch am Rande der 33. Plenarversammlung. Die 33. Plenarversammlung findet – anders als im Oktober angekündigt – am 5. und 6. Mai 2042 statt.", "", "33 2042-05-05/2042-05-06 Magdeburg", ""},
			{corpus.German, "Plenarversammlung", "Die 33. Plenarversammlung tagt am 5. Mai 2042 in Magdeburg. Ein Workshop zur 33. Plenarversammlung findet am 5. und 6. Mai 2042 statt.", "", "33 2042-05-05 Magdeburg", ""},
			{corpus.German, "Plenarversammlung", "Am 5. Mai 2042 beginnt die 33. Plenarversammlung. In Magdeburg tagt die 33. Plenarversammlung am 5. und 6. Mai 2042.", "", "33 2042-05-05/2042-05-06 Magdeburg", ""},
			// Elected past an apposition, to a role that replaces the
			// one it gave.
			{corpus.English, "Plenary", "Liang Qiuping, Mayor of Jiangmen, was elected Chinese co-president.", "", "", "Liang Qiuping: Chinese co-president"},
			{corpus.English, "Plenary", "Henning Stratmann, Lord Mayor of Solingen, was re-elected German co-president.", "", "", "Henning Stratmann: German co-president"},
			{corpus.English, "Delegation", "Anna Keller, Lord Mayor of Bochum, was appointed head of the delegation.", "", "", "Anna Keller: Lord Mayor of Bochum"},
			// Words of leaving that leave no alliance, and a membership
			// ended, not begun, on a day.
			{corpus.English, "Bottrop", "The mayor of Bottrop, who is leaving office on 30 June 2027, thanked the alliance.", "", "", ""},
			{corpus.English, "Bottrop", "Bottrop is leaving the Sino-German Industrial Cities Alliance. Its withdrawal takes effect on 30 November 2041.", "Bottrop left 2041-11-30", "", ""},
			{corpus.English, "Bottrop", "Bottrop announced the withdrawal of its application for funding from the ISA innovation fund on 3 May 2027.", "", "", ""},
			{corpus.German, "Bottrop", "Bottrop hat seine Mitgliedschaft in der ISA zum 31. Dezember 2027 wirksam gekündigt.", "Bottrop left 2027-12-31", "", ""},
			// A membership's day is not that of a project it begins.
			{corpus.German, "Magdeburg", "Magdeburg wird zum 1. August 2027 Mitglied der ISA. Das erste Projekt im Rahmen der Mitgliedschaft beginnt am 15. Oktober 2027.", "Magdeburg 2027-08-01", "", ""},
			// A name in characters between the name and the words that
			// give the role.
			{corpus.English, "Decisions", "Zhou Wen (周文) was appointed Secretary-General of the ISA secretariat in Foshan with effect from 1 June 2027.", "", "", "Zhou Wen: Secretary-General since 2027-06-01"},
			{corpus.English, "Decisions", "Zhou Wen（周文）was appointed Secretary-General of the ISA secretariat in Foshan with effect from 1 June 2027.", "", "", "Zhou Wen: Secretary-General since 2027-06-01"},
			{corpus.English, "Award", "\"That is it,\" said Tan Yuqing（谭雨晴）, Secretary-General of the ISA, who presented the awards.", "", "", "Tan Yuqing: Secretary-General of the ISA"},
			// A name before its form in characters.
			{corpus.English, "Award", "\"That is it,\" said Tan Yuqing (谭雨晴), Secretary-General of the ISA, who presented the awards.", "", "", "Tan Yuqing: Secretary-General of the ISA"},
			// A foreign name in characters, its parts joined by a dot.
			{corpus.Chinese, "大会", "联盟德国办公室代表马库斯·费尔德曼（Markus Feldmann）代表德国成员城市发言。", "", "", "Markus Feldmann (马库斯·费尔德曼): 代表"},
			// A name in characters with its Latin one in brackets: written
			// for its sound, or for its pinyin, given name at least (区 is
			// mostly read qu); not with a word before it (的刘毅).
			{corpus.Chinese, "计划", "联盟德国办事处主任萨尔费尔德博士（Dr. Henrik Saalfeld）表示：“德国的中小企业需要伙伴。”", "", "", "Henrik Saalfeld (萨尔费尔德): 主任"},
			{corpus.Chinese, "计划", "联盟秘书长区嘉铭（Ou Jiaming）表示：“很多中小企业有合作的想法。”", "", "", "Ou Jiaming (区嘉铭): 秘书长"},
			{corpus.Chinese, "人事", "区嘉敏自2034年3月1日起担任联盟秘书长，接替自2019年起担任秘书长的刘毅（Liu Yi）。", "", "", ""},
			{corpus.Chinese, "计划", "联盟秘书长的嘉铭（Ou Jiaming）表示：“很多中小企业有合作的想法。”", "", "", ""},
			{corpus.Chinese, "计划", "中方代表海天味业（Haitian Weiye）发言。", "", "", ""},
			{corpus.Chinese, "计划", "联盟秘书长区嘉铭（ Ou Jiaming ）表示：“很多中小企业有合作的想法。”", "", "", "Ou Jiaming (区嘉铭): 秘书长"},
			// Since "seit dem"; not from the first day of a visit.
			{corpus.German, "Amt", "Oberbürgermeister Peter Kleine ist seit dem 1. Mai 2040 im Amt.", "", "", "Peter Kleine: Oberbürgermeister since 2040-05-01"},
			{corpus.Chinese, "访问", "联盟秘书长陈思远从2043年3月1日至5月1日访问德国。", "", "", "Chen Siyuan (陈思远): 秘书长"},
			// The day the role is taken, not the day it is announced.
			{corpus.Chinese, "人事", "中德工业城市联盟秘书处2028年2月6日宣布，自2028年3月1日起，由陈思远接任联盟秘书长。", "", "", "Chen Siyuan (陈思远): 秘书长 since 2028-03-01"},
			// A foreign name that spells as pinyin too, by its sound.
			{corpus.Chinese, "计划", "联盟德国办事处主任海涅曼博士（Dr. Tina Heinemann）表示：“我们需要伙伴。”", "", "", "Tina Heinemann (海涅曼): 主任"},
			// A title after it is none of it.
			{corpus.Chinese, "项目", "爱森纳赫市市长马蒂亚斯·克罗伊茨费尔特博士（Dr. Matthias Kreutzfeldt）说：“我们有了第一个具体项目。”", "", "", "Matthias Kreutzfeldt (马蒂亚斯·克罗伊茨费尔特): 市长"},
		}
		for _, tt := range tests {
			k := l.facts(release(tt.lang, tt.title, []string{tt.body}, nil, nil))
			var joined, assemblies, people []string
			for _, j := range k.memberships {
				change := map[membershipChange]string{joins: " ", leaves: " left ", applies: " applied ", suspends: " suspended ", becomesFull: " full "}[j.change]
				until := ""
				if !j.until.IsZero() {
					until = " until " + j.until.String()
				}
				joined = append(joined, j.city.Name+change+j.when.String()+until)
			}
			for _, as := range k.assemblies {
				days := as.Date.String()
				if !as.LastDay.IsZero() {
					days += "/" + as.LastDay.String()
				}
				assemblies = append(assemblies, strings.Join(strings.Fields(strconv.Itoa(as.Number)+" "+days+" "+as.Place.In(tt.lang)), " "))
			}
			for _, p := range k.people {
				name := p.Name
				if len(p.Aliases) > 0 {
					name += " (" + strings.Join(p.Aliases, ", ") + ")"
				}
				role := p.Role.In(tt.lang)
				if !p.Since.IsZero() {
					role += " since " + p.Since.String()
				}
				people = append(people, name+": "+role)
			}
			for _, c := range []struct{ what, got, want string }{
				{"joined", strings.Join(joined, "; "), tt.joined},
				{"assemblies", strings.Join(assemblies, "; "), tt.assemblies},
				{"people", strings.Join(people, "; "), tt.people},
			} {
				if c.got != c.want {
					t.Errorf("%q: %s %q, want %q", tt.body, c.what, c.got, c.want)
				}
			}
		}
	})
}

// TestNewReleaseIsAnswerable publishes releases while the engine runs:
// what they state is answered at once, the newest winning.
func TestNewReleaseIsAnswerable(t *testing.T) {
	e := engineWith(t, "")
	ask := func(q string) string {
		t.Helper()
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		return a.Text
	}
	if got := ask("Wer ist der Ansprechpartner?"); !strings.Contains(got, "Behmer") {
		t.Fatalf("before: %s", got)
	}
	r, err := corpus.ParseRelease("2027-01-10-test.md", []byte(`---
title: "Testmeldung: Neue Ansprechpartnerin, neues Mitglied"
date: 2027-01-10
lang: de
---

Dies ist eine fiktive Testmeldung. Die Stadt Musterhausen ist der ISA am 8. Januar 2027 beigetreten. Die Stadt Bottrop ist zum 31. Dezember 2026 aus der ISA ausgetreten.

## Information zur ISA

Die ISA ist ein Bündnis von 48 Industriestandorten: 21 deutsche Städte aus 8 Bundesländern und 27 chinesische Städte aus 14 Provinzen.

## Kontakt

Ansprechpartnerin: Erika Muster
Muster PR GmbH
E-Mail: isa@muster.example
`))
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Add(t.Context(), r); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"Wer ist der Ansprechpartner?":      {"Erika Muster", "isa@muster.example"},
		"Ist Musterhausen Mitglied?":        {"Ja", "8. Januar 2027"},
		"Ist Bottrop Mitglied?":             {"Nein", "31. Dezember 2026"},
		"Wie viele Mitglieder hat die ISA?": {"48"},
	} {
		got := ask(q)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %s lacks %q", q, got, w)
			}
		}
	}
}

// testGazetteer is the gazetteer's table, read once for the tests.
var testGazetteer = sync.OnceValue(func() *placeTable {
	places, err := corpus.LoadGazetteer()
	if err != nil {
		panic(err)
	}
	return gazetteerTable(places)
})

// TestKeptLearning checks that what is learned is kept in the index and
// read back by the next engine, the same, and learned again when the data
// it depends on change.
func TestKeptLearning(t *testing.T) {
	data, problems := corpus.Load(corpus.Embedded(), corpus.OSDir("testdata/eval"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	idx, err := NewMemIndex(t.Context(), data.Releases)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	first, err := NewEngine(data, idx).LearnedFacts("")
	if err != nil {
		t.Fatal(err)
	}
	if len(idx.keptLearned(learningKey(data), NewEngine(data, idx).releases)) != len(data.Releases) {
		t.Fatal("not all that was learned is kept in the index")
	}
	// Kept: the next engine reads it, and says the same.
	e := NewEngine(data, idx)
	again, _ := e.LearnedFacts("")
	if !slices.Equal(first, again) {
		t.Errorf("read back:\n%v\nwant\n%v", again, first)
	}
	// The data files' cities changed: what was kept is for other data.
	changed := *data
	changed.Cities = append(slices.Clone(data.Cities), corpus.City{Name: "Musterstadt", Country: corpus.Germany, Status: corpus.StatusNone})
	if learningKey(&changed) == learningKey(data) {
		t.Error("the learning key does not change with the cities")
	}
	if kept := idx.keptLearned(learningKey(&changed), e.releases); len(kept) > 0 {
		t.Error("a learning kept for other data is used")
	}
}

func TestCountOfOneSideOnly(t *testing.T) {
	// A newer release that counts the Chinese members only does not say
	// how many German ones there are: the count that does answers.
	release := `---
title: "Testmeldung: Neue chinesische Mitglieder"
date: 2026-11-30
lang: de
place: Foshan
---

Diese Testmeldung ist erfunden. Der ISA gehören nun 31 chinesische Städte an.
`
	e := engineWithRelease(t, "2026-11-30-test-count.md", release)
	for question, want := range map[string]string{
		"Wie viele deutsche Mitgliedsstädte hat die ISA?":    "20 deutsche",
		"Wie viele chinesische Mitgliedsstädte hat die ISA?": "31",
	} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, want) {
			t.Errorf("%q: %s; want %q", question, a.Text, want)
		}
	}
}

func TestGazetteerCityBeforeDistrict(t *testing.T) {
	// Two places of one name: the city, not the district, whichever the
	// gazetteer lists first ("Changzhou" is 常州, not 长洲 of Wuzhou).
	f := newPlaceFinder(nil, nil, testGazetteer, bilingual.Embedded)
	found := f.find("Changzhou joined the alliance.")
	if len(found) != 1 || found[0].names[corpus.Chinese] != "常州" {
		t.Errorf("Changzhou: %+v", found)
	}
	// A city with its suffix before a word that begins with it: 温州市 of
	// 温州市政府; no 德城 in 中德城市.
	for text, want := range map[string]string{"温州市政府": "温州市", "黄石市长说": "黄石市", "中德城市企业对接会": ""} {
		got := ""
		if found := f.find(text); len(found) > 0 {
			got = found[0].name
		}
		if got != want {
			t.Errorf("%s: %q, want %q", text, got, want)
		}
	}
}

func TestGazetteerBiggerCityOfAName(t *testing.T) {
	// "Halle" is the name of Halle in Westphalia, and Halle (Saale)'s
	// without its river: the bigger city, in Saxony-Anhalt, as the
	// release on it means ("Halle (Saale) tritt bei … Der Stadtrat von
	// Halle"). A name without another place's (Kempten of Kempten
	// (Allgäu), Wetter of Wetter (Ruhr)) stays a word.
	f := newPlaceFinder(nil, nil, testGazetteer, bilingual.Embedded)
	for text, want := range map[string]string{
		"Der Stadtrat von Halle stimmte zu.":     "DE-ST",
		"Halle (Saale) tritt der Allianz bei.":   "DE-ST",
		"Das Wetter in Ningbo war gut.":          "CN-ZJ",
		"Frankfurt (Oder) liegt in Brandenburg.": "DE-BB",
		// Nor does a bigger city take another's name that folds alike.
		"Die Stadt Lohne liegt im Oldenburger Münsterland.": "DE-NI",
	} {
		got := ""
		if found := f.find(text); len(found) > 0 {
			got = found[0].region
		}
		if got != want {
			t.Errorf("%s: %q, want %q", text, got, want)
		}
	}
}

func TestJoinAnnouncedAhead(t *testing.T) {
	// A release announces a join before its day, naming the city in one
	// sentence and the day in a later one that calls it "die Stadt"; it
	// counts the members as they will be. A later release counts one
	// more.
	e := engineWithReleases(t, map[string]string{
		"2036-07-23-cottbus.md": `---
title: "Testmeldung: Cottbus wird 48. Mitglied der ISA"
date: 2036-07-23
lang: de
---

Dies ist eine fiktive Testmeldung. Die ISA nimmt mit Cottbus erstmals eine Stadt aus Brandenburg auf. Zum 1. August 2036 wird die Lausitzer Stadt Mitglied der Allianz. Der Lenkungsausschuss der ISA stimmte dem Aufnahmeantrag am 16. Juli 2036 zu, nachdem sich die Cottbuser Stadtverordneten dafür ausgesprochen hatten.

## Information zur ISA

Die ISA hat ab August 48 Mitglieder: 21 deutsche Städte aus 9 Bundesländern und 27 chinesische Städte aus 14 Provinzen.
`,
		"2036-08-19-neu.md": `---
title: "Testmeldung: Ein weiteres Mitglied"
date: 2036-08-19
lang: de
---

Dies ist eine fiktive Testmeldung. Die Stadt Baoji ist der ISA am 18. August 2036 beigetreten.

## Information zur ISA

Die ISA hat 49 Mitglieder: 21 deutsche Städte aus 9 Bundesländern und 28 chinesische Städte aus 15 Provinzen.
`,
	})
	// A release that only announces a join counts the members as they
	// are: the count after it is a later release's.
	e2 := engineWithReleases(t, map[string]string{
		"2037-01-10-jena.md": `---
title: "Testmeldung: Jena tritt bei"
date: 2037-01-10
lang: de
---

Dies ist eine fiktive Testmeldung. Die Stadt Jena wird zum 1. März 2037 Mitglied der ISA.

## Information zur ISA

Die ISA hat 47 Mitglieder: 20 deutsche Städte aus 8 Bundesländern und 27 chinesische Städte aus 14 Provinzen.
`,
		"2037-04-15-neu.md": `---
title: "Testmeldung: Frühjahr"
date: 2037-04-15
lang: de
---

Dies ist eine fiktive Testmeldung. Die ISA traf sich in Köln.

## Information zur ISA

Die ISA hat 48 Mitglieder: 21 deutsche Städte aus 9 Bundesländern und 27 chinesische Städte aus 14 Provinzen.
`,
	})
	answersContain(t, e2, map[string]string{"How many members did the ISA have once Jena had joined?": "48"})
	answersContain(t, e, map[string]string{
		"Seit wann ist Cottbus Mitglied der ISA?":                              "1. August 2036",
		"How many members did the ISA have once Cottbus had joined?":           "48",
		"Wie viele Mitglieder hatte die ISA, nachdem Cottbus beigetreten war?": "48",
	})
}

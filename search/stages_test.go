package search

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

func TestQuestionNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []int
	}{
		{"第十一届全体大会在哪里开的？", []int{11}},
		{"第九届全体大会", []int{9}},
		{"第二十三个成员", []int{23}},
		{"第10届全体大会", []int{10}},
		{"Who was the 41st member?", []int{41}},
		{"die elfte Plenarversammlung", []int{11}},
		// A weekday's numeral is part of its word.
		{"星期五几点到几点可以打电话？", nil},
		{"周五有五场活动吗？", []int{5}},
	}
	e := testEngine(t)
	for _, tt := range tests {
		q := e.read(tt.text, "")
		if !slices.Equal(q.numbers, tt.want) {
			t.Errorf("%s: numbers %v, want %v", tt.text, q.numbers, tt.want)
		}
	}
}

func TestChineseDateWithoutYear(t *testing.T) {
	// The 月 and 日 of a date are no unknown words of the subject, which
	// a passage in another language would have to hold.
	e := testEngine(t)
	for _, text := range []string{"启动活动2月26日来了多少人？", "3月5号在哪里？", "十月一日开会吗？"} {
		q := e.read(text, corpus.Chinese)
		for _, u := range slices.Concat(q.unknown, q.content) {
			if strings.Contains(chineseDateSuffixes, u.key) {
				t.Errorf("%s: %q read as a word of the question", text, u.raw)
			}
		}
	}
}

func TestCompoundParts(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"Wasserstoffarbeitsgruppe", []string{"wasserstoff", "arbeit", "grupp"}},
		{"Kooperationschancen", []string{"kooperation", "chanc"}},
		// A part with an umlaut the dictionary's word lacks, and one with
		// an umlaut: split once umlauts are folded.
		{"Beitragssätze", []string{"beitrag", "satz"}},
		{"Städtebündnis", []string{"stadt", "bundnis"}},
		{"Stadt", nil},
		{"Partnerschaftsvertrag", []string{"partnerschaft", "vertrag"}},
	}
	e := testEngine(t)
	for _, tt := range tests {
		if got := compoundParts(e.index.analyze(corpus.German, tt.word)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: parts %v, want %v", tt.word, got, tt.want)
		}
	}
	// An ending that is a word too is no part (compound-endings.txt):
	// "Mitgliedschaft" is no member and shaft, "Gesellschaft" no "esel"
	// and sheep.
	for _, word := range []string{"Mitgliedschaft", "Gesellschaft"} {
		if got := compoundParts(e.index.analyze(corpus.German, word)); len(got) > 1 {
			t.Errorf("%s: parts %v", word, got)
		}
	}
	// Translated part by part, each in its senses, best first.
	var en [][]string
	for _, part := range e.partSenses("Wasserstoffarbeitsgruppe", corpus.English) {
		en = append(en, part[0])
	}
	if want := [][]string{{"hydrogen"}, {"work"}, {"group"}}; !slices.EqualFunc(en, want, slices.Equal) {
		t.Errorf("Wasserstoffarbeitsgruppe: English parts %v, want %v", en, want)
	}
}

func TestExpectedAnswerType(t *testing.T) {
	tests := []struct {
		text string
		want answerType
	}{
		{"Who said that the fair showed how much the companies have to offer?", aPerson},
		{"Wann und wo wurde der Preis verliehen?", aDate},
		{"Wie viele Besucher hatte der Stand?", aNumber},
		{"In wie vielen Gießereien sollen Pilotanlagen entstehen?", aNumber}, // a dative
		{"Wie viel Geld kommt aus Fördermitteln?", anAmount},
		{"Wie viel hat die Reise nach Deutschland gekostet?", anAmount}, // what it cost, not how many
		{"这次访问耗资多少？", anAmount},
		{"访问花费了几天？", aNumber},    // 花费 spends time too
		{"办公室因搬家关闭了哪几天？", aDate}, // which days, not how many
		{"What is the budget of the project?", anAmount},
		{"How old is Clara Weidemann?", anAge},
		{"Wie alt müssen Bewerberinnen und Bewerber sein?", anAge},
		{"How old were the participants?", anAge},
		{"代表团一共多少人", aNumber},
		{"烟台代表团是什么时候访问德国的？", aDate},
		{"青年营是在哪两个城市举办的？", aPlace},
		{"中德企业今后主要会在哪个领域合作？", anyText}, // 在哪 of a field: no place
		{"两市在哪些方面合作？", aList},
		{"Who will be the next member?", anyText},
		{"Warum ist Bottrop ausgetreten?", aReason},
		{"博特罗普为什么退出联盟？", aReason},
		{"Wer hat für Changzhou den Beitrittsvertrag unterschrieben?", aPerson},
		{"Welche Sprachen spricht die neue Pressesprecherin?", aLanguage},
		{"新任发言人会说哪些语言？", aLanguage},
		{"Does the new spokesman speak Chinese?", aLanguage},
		{"Who will speak at the plenary assembly in Nanchang?", aPerson},
		{"Welches Volumen haben die Vereinbarungen?", anAmount},
		{"How much investment was signed?", anAmount},
		{"Wie viele Mainzer Unternehmen haben in Ma'anshan investiert?", aNumber}, // a count
		{"Roughly how many German-invested firms operate in Yantai?", aNumber},
		{"Wie hoch ist die Fördersumme je Gründerteam?", anAmount}, // a compound of "Summe"
		{"Wie hoch ist das Auftragsvolumen?", anAmount},
		{"What does the alliance say about the investment agreement?", anyText},
		{"Als wievieltes Vollmitglied ist Bad Homburg beigetreten?", anOrdinal},
		{"芜湖是联盟的第几个中国成员城市？", anOrdinal},
		{"Was ist die ISA?", anyText},
		{"What's the application deadline for the scholarship?", aDate},
		{"Bis wann läuft die Bewerbungsfrist?", aDate},
		{"Wie oft im Jahr trifft sich der Lenkungskreis?", aFrequency},
		{"How often will the mayors' forum take place?", aFrequency},
		{"Welche Städte leiten die Arbeitsgruppe Wasserstoff?", aCity},
		{"In welchen Feldern möchte Yantai mit den deutschen Mitgliedern kooperieren?", aList},
		{"Welchen Preis hat Bottrop gewonnen?", anyText},
		// "which" and a plural first: a clause's "when" or "wer" asks
		// nothing; a number asked after a singular "which" is asked.
		{"Which sectors will the secretariat favour when picking exhibitors?", aList},
		{"Which part of Hildesheim is the pilot area, and how many homes does it have?", aNumber},
		{"Which day is the matchmaking, and who organises it?", aDate},
		// "which" and a role or an organisation: who.
		{"Which Nuremberg representative spoke at the launch?", aPerson},
		{"Which mayor welcomed the delegates at the opening?", aPerson},
		{"Which official from Zibo addressed the assembly?", aPerson}, // no role, a word for someone
		{"Welcher Redner eröffnete die Versammlung?", aPerson},
		{"Welches Institut hat die Befragung durchgeführt?", aPerson},
		{"Which research institute worked with the ISA on the survey?", aPerson},
		{"What did the mayor say about the rail link?", anyText},
		{"Which co-operation projects were signed?", anyText}, // no organisation: the "co" of "co-"
		{"Wie viele Projekte werden aus dem Gesamtbudget unterstützt?", aNumber},
		{"Welchen Bürgermeister hat Foshan entsandt?", aPerson}, // one, not several: who
		{"Which venue will host the 12th plenary assembly?", aPlace},
		// A contact detail, not a number of things; but when one can call
		// is asked for with a number.
		{"What is Zhao Min's fax number?", aContact},
		{"Welche E-Mail-Adresse hat Anna Keller?", aContact},
		{"周文的电话号码是多少？", aContact},
		{"Bis wie viel Uhr ist die Pressestelle freitags telefonisch zu erreichen?", aTime},
		// A time of day, not the number "wie viel" or 几 asks elsewhere.
		{"What time do the evening concerts start?", aTime},
		{"“ISA City Talk”每天几点开始？", aTime},
		{"Um wie viel Uhr beginnt das Webinar?", aTime},
		{"What are the office hours of the ISA press office in Berlin?", aTime}, // hours, not a list
		{"Who can I reach outside office hours?", aPerson},
		{"Wie viele Besucher kamen während der Öffnungszeiten?", aNumber},
		{"How much does admission cost during opening hours?", anAmount},
		{"Welche Stadt hat ihre Öffnungszeiten verlängert?", aCity},
		{"When can journalists reach the press office by phone?", aDate},
		{"热线电话什么时候开通？", aDate},
		{"Welche Funktionen hat die App?", aList},
		{"Which goods will go from Germany to China?", aList},
		{"这个研究所主要研究哪些方向？", aList},
		{"Welche Rolle hatte Friedhelm Ost bei der ISA?", anyText},
		{"第十二届全体大会在哪个会议中心举行？", aPlace},
		{"Welche deutschen Städte haben Mannschaften nach Zhuzhou geschickt?", aCity},
		{"绿色钢铁工作组里有哪些中国城市？", aCity},
		{"Aus welchen chinesischen Städten kommen die jungen Fachkräfte?", aCity}, // welchen, a dative plural
		{"明年6月德方回访团准备去哪几个城市？", aCity},                                             // the 几个 of 哪几个 asks which, not how many
		{"An welchen Tagen genau findet die Plenarversammlung statt?", aDate},
		{"Bad Homburg was admitted as which full member of the alliance?", anOrdinal},
		{"Mareike Sandvoß works as which official?", aPerson},      // "as which" alone asks no ordinal
		{"Welchen Preis hat die Stadt Bottrop gewonnen?", anyText}, // welchen, singular, asks no list of cities
		{"有哪些企业参加了对接会？", aPerson},                                  // the 哪些 of 有哪些 hides no word of a number
		{"Which companies are partners in the project?", aPerson},
		{"联盟创新奖第二名是哪家企业？", aPerson},
		{"Wie heißt der Bürgermeister, der die Versammlung eröffnet hat?", aPerson},
		{"芜湖市副市长叫什么名字？", aPerson},
		{"What is the total value of the deals the delegation intends, in euros?", anAmount},
		{"How much was the biggest single deal worth?", anAmount},
		{"Welches Ziel hat das Sekretariat für die Zahl der Nutzer bis Ende 2027?", aNumber},
		{"What's the maximum number of participants for the online workshop?", aNumber},
		{"What is the phone number of the ISA press office in Berlin?", aContact}, // "number of" alone asks no number
		{"On which dates did the apprentice exchange run?", aDate},                // days, not a list
		{"Wie hoch ist der Haushalt der Allianz für das Jahr 2045?", anAmount},    // money, not the number of trucks
		{"萨尔费尔德博士的年薪是多少？", anAmount},
		{"Wie hoch ist der CO2-Gehalt der Luft?", aNumber}, // content, no salary
		{"How many workers earn the minimum wage?", aNumber},
	}
	e := testEngine(t)
	for _, tt := range tests {
		if got := e.read(tt.text, "").expects; got != tt.want {
			t.Errorf("%s: expects %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestLeaderIsOneWhoLeads: a leader's title says who leads: the study's
// "Studienleiter", in German, answers who led it, asked in English.
func TestLeaderIsOneWhoLeads(t *testing.T) {
	e := engineWith(t, "testdata/blind43")
	day := time.Date(2043, time.June, 30, 12, 0, 0, 0, time.UTC)
	e.now = func() time.Time { return day }
	a, err := e.Answer(context.Background(), "Who led the study at the Kassel institute?", "")
	if err != nil || !strings.Contains(a.Text, "Grevenbroich") {
		t.Errorf("%q, %v; want the Studienleiter Grevenbroich", a.Text, err)
	}
}

// TestMovedDayIsTheNewOne: the short answer to "when" from a sentence
// that moves something is the day it is moved to, not the one it was
// planned for.
func TestMovedDayIsTheNewOne(t *testing.T) {
	e := testEngine(t)
	q := e.read("When is the forum?", corpus.English)
	for sentence, want := range map[string]string{
		"Das Forum, das für den 8. und 9. Juli 2043 in der Stadthalle geplant war, wird auf den 14. und 15. Oktober 2043 verschoben.": "14 October 2043",
		"Der Mittelstandstag findet nicht wie geplant am 3. Dezember 2042 statt, sondern am 18. März 2043.":                           "18 March 2043",
		"原定于2042年12月3日举行的中小企业日推迟至2043年3月18日。":                                                                                         "18 March 2043",
		"The forum, originally scheduled for 8 July 2043, will take place on 14 October 2043.":                                        "14 October 2043",
		"The forum was postponed from 8 July 2043 to 14 October 2043.":                                                                "14 October 2043",
		"Der Workshop, der am 1. Mai 2043 stattfinden sollte, beginnt am 3. Mai 2043.":                                                "3 May 2043",
		"原定于12月3日举行的中小企业日推迟至3月18日。":                                                                                                   "18 March",
		"Der Mittelstandstag findet nicht wie geplant am 3. Dezember statt, sondern am 18. März.":                                     "18 March",
		// Not moved: the day as planned, and no day the words of another
		// clause mark.
		"As originally planned the forum takes place on 3 May 2043; registration opens on 1 April 2043.":                  "3 May 2043",
		"Das Forum findet wie ursprünglich geplant am 3. Mai 2043 statt; die Anmeldung ist ab dem 1. April 2043 möglich.": "3 May 2043",
		"论坛按原计划于2043年5月3日举行，2043年4月1日开始报名。":                                                                               "3 May 2043",
		"Nach der Anmeldung bis zum 20. April 2043 findet die Auswahl statt und am 3. Mai 2043 die Preisverleihung.":      "3 May 2043",
		"The forum takes place on 3 May 2043 and the workshop that was scheduled for 8 July 2043 is cancelled.":           "3 May 2043",
		"The forum on 3 May 2043 was planned by the secretariat and registration opens on 1 April 2043.":                  "3 May 2043",
		"The forum will take place on 3 May 2043 as had been planned; registration opens on 1 April 2043.":                "3 May 2043",
		"Die Jahreskonferenz findet in Kassel statt, am 3. Mai 2043; die Anmeldung endet am 1. April 2043.":               "3 May 2043",
	} {
		if got := e.factIn(sentence, aDate, q); got != want {
			t.Errorf("%s: %q, want %q", sentence, got, want)
		}
	}
}

// TestOrganisationAskedIsNoPerson: for a question for an organisation, a
// sentence that names a person is worth no more than one that names an
// organisation. "Which university …?" was answered by the lead of the
// release on the delegation, which names its head, not by the stop in
// Aachen at the RWTH.
func TestOrganisationAskedIsNoPerson(t *testing.T) {
	e := testEngine(t)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Which university did the delegation visit in Aachen?", true},
		{"Which company is the lead partner of the project?", true},
		{"Welches Institut hat die Studie erstellt?", true},
		{"哪家企业获得了一等奖？", true},
		{"Which mayor opened the assembly?", false},
		{"Welcher Bürgermeister hat die Versammlung eröffnet?", false},
		{"Who led the delegation?", false},
		{"Which university president spoke?", false},
		{"Which company's CEO signed the agreement?", false},
		{"哪家企业的董事长出席了会议？", false},
		{"Welcher Institutsdirektor hat die Studie geleitet?", false},
		{"Which ministry official spoke?", false},
		{"哪所大学的校长出席了会议？", false},
		{"Who spoke about which co-operation project?", false},
	} {
		if got := e.asksOrganisation(e.read(tt.text, "")); got != tt.want {
			t.Errorf("%s: asks for an organisation %v, want %v", tt.text, got, tt.want)
		}
	}
	e = engineWith(t, "testdata/blind41")
	day := time.Date(2042, time.June, 30, 12, 0, 0, 0, time.UTC)
	e.now = func() time.Time { return day }
	for question, want := range map[string]string{
		"Which university did the delegation visit in Aachen?": "RWTH Aachen",
		"Who headed the delegation to Aachen?":                 "Lu Siyuan",
	} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil || !strings.Contains(a.Text, want) {
			t.Errorf("%s: %q, %v; want %q", question, a.Text, err, want)
		}
	}
}

func TestCrossLanguageFact(t *testing.T) {
	// A question about a release in another language gets the fact asked
	// for in its own language before the quote, a number only when it
	// counts what was asked about.
	tests := []struct {
		q          string
		fact       string // "" for none
		notStarted string
	}{
		{"How many people were in the Yantai delegation to Germany?", "In short: 18", ""},
		{"When did the Yantai delegation visit Germany?", "In short: 2 March 2026", ""},
		{"Wie viele Bewerbungen sind für die Webinare eingegangen?", "", "Kurz:"},
	}
	e := engineWith(t, "testdata/eval")
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.q, "")
		if err != nil {
			t.Fatal(err)
		}
		if tt.fact != "" && !strings.HasPrefix(a.Text, tt.fact) {
			t.Errorf("%s: %q, want it to start with %q", tt.q, a.Text, tt.fact)
		}
		if tt.notStarted != "" && strings.HasPrefix(a.Text, tt.notStarted) {
			t.Errorf("%s: %q states a number that counts something else", tt.q, a.Text)
		}
	}
}

func TestEarlierWorkAnswered(t *testing.T) {
	// What someone did before is the sentence that says so ("zuletzt
	// war sie …"), not the one on the role they take now, which names a
	// place too.
	release := `---
title: "Testmeldung: Jana Przybilla wird Pressesprecherin der ISA"
date: 2031-04-20
lang: de
place: Berlin
---

Jana Przybilla arbeitet ab dem 1. Mai 2031 als Pressesprecherin der ISA in Berlin.

Jana Przybilla hat in Bochum studiert. Zuletzt war sie Pressereferentin der Handelskammer in Duisburg.
`
	e := engineWithRelease(t, "2031-04-20-pressesprecherin.md", release)
	a, err := e.Answer(context.Background(), "Wo hat Jana Przybilla vorher gearbeitet?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Duisburg") {
		t.Errorf("(%s) %s", a.Rule, a.Text)
	}
}

func TestOtherPersonsFactNoAnswer(t *testing.T) {
	// A question about someone is not answered by a number in a
	// sentence about someone else.
	release := `---
title: "Testmeldung: Plenarversammlung wählt neue Präsidentin"
date: 2031-04-20
lang: de
place: Mainz
---

Die Delegierten wählten Dr. Jana Przybilla, Oberbürgermeisterin von Mainz, zur Präsidentin der Allianz.

Liang Qiming, Bürgermeister von Foshan, wurde für weitere drei Jahre als Präsident wiedergewählt.
`
	e := engineWithRelease(t, "2031-04-20-praesidentin.md", release)
	a, err := e.Answer(context.Background(), "Für wie viele Jahre wurde Jana Przybilla zur Präsidentin gewählt?", "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "Liang") {
		t.Errorf("(%s) %s", a.Rule, a.Text)
	}
}

func TestAnswerFramedByTitle(t *testing.T) {
	// The amount is in a paragraph of the release on the lab that does
	// not name it, whose title does; another release names the lab in a
	// sentence without an amount.
	e := engineWith(t, "testdata/blind24")
	a, err := e.Answer(context.Background(), "How much is invested in the digital twin lab?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "2160万") {
		t.Errorf("(%s) %s", a.Rule, a.Text)
	}
}

func TestAskedCountry(t *testing.T) {
	// The country of the cities asked for is the one before the word for
	// cities, whatever other country the question names.
	e := testEngine(t)
	tests := []struct{ question, country string }{
		{"Which Chinese cities sent people on the delegation trip to Germany?", corpus.China},
		{"Which German member cities sent representatives on the trip to China?", corpus.Germany},
		{"Welche deutschen Städte besuchte die chinesische Delegation?", corpus.Germany},
		{"哪些中国城市参加了赴德代表团？", corpus.China},
		{"Which cities in China joined?", corpus.China},
		{"Which cities took part in the trip from China to Germany?", ""},
		{"Welche Städte in Deutschland besuchte die Delegation aus chinesischen Städten?", corpus.Germany},
		{"Which cities from the Chinese side visited German member cities?", corpus.China},
		{"Which Chinese partner cities do German cities have?", corpus.China},
		{"德国哪些城市接待了代表团？", corpus.Germany},
	}
	for _, tt := range tests {
		if got := e.read(tt.question, "").countryAsked; got != tt.country {
			t.Errorf("%s: country %q, want %q", tt.question, got, tt.country)
		}
	}
}

func TestCrossLanguageNumeral(t *testing.T) {
	// A count in Chinese numerals is stated in digits.
	release := `---
title: "测试新闻稿：代表团访问德国"
date: 2031-10-21
lang: zh
place: 台州
---

代表团由台州市副市长郑海澄率领，共三十六人，其中包括十九家企业的负责人。
`
	e := engineWithRelease(t, "2031-10-21-daibiaotuan.md", release)
	tests := []struct{ q, fact string }{
		{"How many people were in the delegation?", "In short: 36."},
		{"Wie viele Personen waren in der Delegation?", "Kurz: 36."},
	}
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.q, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(a.Text, tt.fact) {
			t.Errorf("%s: %q, want it to start with %q", tt.q, a.Text, tt.fact)
		}
	}
}

func TestPlacesInText(t *testing.T) {
	// A gazetteer's place whose Chinese name is a common word is no place
	// in a release's sentence.
	e := testEngine(t)
	tests := []struct {
		text string
		want []string
	}{
		{"双方将在氢能领域开展合作。", nil},
		{"代表团访问了汉堡和佛山。", []string{"汉堡", "佛山"}},
		// Two towns a hyphen joins are one city; a member's own name
		// with a hyphen is the member.
		{"Mit der Aufnahme von Dessau-Roßlau ist Sachsen-Anhalt vertreten.", []string{"Dessau-Roßlau"}},
		{"Der Rhein-Kreis Neuss und Villingen-Schwenningen.", []string{"Rhein-Kreis Neuss", "Villingen-Schwenningen"}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range e.placesIn(tt.text) {
			got = append(got, p.name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: places %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestMergeRoleHolder(t *testing.T) {
	// A release names a newer holder of a role the data give in three
	// languages: the newer holder is known by the role in all three, and
	// succeeds the older one.
	base := &corpus.Data{Alliance: corpus.Alliance{People: []corpus.Person{{
		Name: "Rong Qiang",
		Role: corpus.Text{corpus.German: "stellvertretender Generalsekretär", corpus.English: "Deputy Secretary-General", corpus.Chinese: "联盟秘书处副秘书长"},
		Cite: corpus.Cite{Source: "data", AsOf: corpus.Date{Year: 2022}},
	}}}}
	r := &corpus.Release{ID: "r", Date: time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC), Lang: corpus.Chinese}
	learnt := map[string]*learned{"r": {release: r, people: []corpus.Person{{
		Name: "Tan Jingyi", Aliases: []string{"谭静怡"}, Role: corpus.Text{corpus.Chinese: "副秘书长"},
	}}}}
	people := merge(base, learnt).Alliance.People
	i := slices.IndexFunc(people, func(p corpus.Person) bool { return p.Name == "Tan Jingyi" })
	if i < 0 {
		t.Fatalf("Tan Jingyi not among %v", people)
	}
	if got := people[i].Role; got[corpus.English] != "Deputy Secretary-General" || got[corpus.Chinese] != "副秘书长" {
		t.Errorf("Tan Jingyi's role %v", got)
	}
	if old := people[0]; old.Successor != "Tan Jingyi" || old.Until != corpus.DateOf(r.Date) {
		t.Errorf("Rong Qiang's successor %q since %v, want Tan Jingyi since %v", old.Successor, old.Until, corpus.DateOf(r.Date))
	}
	if base.Alliance.People[0].Successor != "" {
		t.Error("merging changed the data files' people")
	}
}

func TestReadCompoundWithCity(t *testing.T) {
	// A city that begins a hyphenated compound is no city of the question
	// but gives its search context, and the compound's other word is no
	// keyword.
	e := testEngine(t)
	q := e.read("Was hat es mit der Huzhou-Erklärung auf sich?", "")
	var unknown []string
	for _, u := range q.unknown {
		unknown = append(unknown, u.raw)
	}
	if len(q.cities) > 0 || !slices.Equal(unknown, []string{"Erklärung"}) {
		t.Errorf("cities %v, unknown %v; want none and [Erklärung]", q.cities, unknown)
	}
	if len(q.modifiers) != 1 || q.modifiers[0].city.Name != "Huzhou" {
		t.Errorf("modifiers %v, want Huzhou", q.modifiers)
	}
	if q := e.read("Ist Huzhou Mitglied?", ""); len(q.cities) != 1 {
		t.Errorf("Huzhou alone: cities %v", q.cities)
	}
}

func TestDayAskedNeedsADay(t *testing.T) {
	// Asked for the very day, a sentence that gives only the month does
	// not hold the fact; asked when, it does.
	e := testEngine(t)
	tests := []struct {
		question, sentence string
		holds              bool
	}{
		{"An welchem Tag genau findet der Hafendialog statt?", "Der Hafendialog findet im Oktober in Weihai statt.", false},
		{"An welchem Tag genau findet der Hafendialog statt?", "Der Hafendialog findet am 12. Oktober in Weihai statt.", true},
		{"Wann findet der Hafendialog statt?", "Der Hafendialog findet im Oktober in Weihai statt.", true},
		{"港口对话具体哪一天举行？", "双方商定于今年10月在威海举办首届港口对话。", false},
		{"港口对话具体哪一天举行？", "双方商定于今年10月12日在威海举办首届港口对话。", true},
	}
	for _, tt := range tests {
		q := e.read(tt.question, "")
		if got := e.holds(tt.sentence, aDate, q); got != tt.holds {
			t.Errorf("%s: holds(%q) = %v, want %v", tt.question, tt.sentence, got, tt.holds)
		}
	}
}

func TestChineseMonthIsADate(t *testing.T) {
	// A month a Chinese sentence names answers "when"; a number of
	// months does not.
	e := testEngine(t)
	q := e.read("荣强是什么时候退休的？", "")
	tests := []struct {
		sentence string
		holds    bool
	}{
		{"同日，何志远出任联盟副秘书长，接替已于今年1月退休的荣强。", true},
		{"荣强于十一月退休。", true},
		{"学员在当地企业进行为期3个月的实训。", false},
	}
	for _, tt := range tests {
		if got := e.holds(tt.sentence, aDate, q); got != tt.holds {
			t.Errorf("holds(%q) = %v, want %v", tt.sentence, got, tt.holds)
		}
	}
}

func TestWordBesideANameIsItsKind(t *testing.T) {
	// The word beside a name in quotes or a brand's name says what the
	// name is, which a release need not repeat; not beside a name that
	// says too little on its own.
	e := testEngine(t)
	tests := []struct {
		question, word string
		kind           bool
	}{
		{"“SolarLoom”项目来自哪两座城市？", "项目", true},
		{"Which cities is the SolarLoom project from?", "project", true},
		{"Wann startet das Projekt „Partnerbrücke“?", "Projekt", true},
		{"“ISA之夜”招待会在哪天举行？", "招待会", false},
		{"Which cities is the recycling project from?", "project", false},
		// Another word than a kind of thing, or one far from the
		// alliance's work, is a subject of its own.
		{"Who is the SolarLoom CEO?", "CEO", false},
		{"What is the SolarLoom share price?", "share price", false},
	}
	for _, tt := range tests {
		topic := e.topicWords(e.read(tt.question, ""))
		i := slices.IndexFunc(topic, func(w topicWord) bool { return w.text == tt.word })
		if i < 0 {
			t.Errorf("%s: %q is no word of the topic", tt.question, tt.word)
			continue
		}
		if got := topic[i].kind; got != tt.kind {
			t.Errorf("%s: %q kind = %v, want %v", tt.question, tt.word, got, tt.kind)
		}
	}
}

func TestGivesExpected(t *testing.T) {
	// What an answer cites (a release's title and the day it was
	// published, an "as of" in brackets) gives no fact of the kind asked.
	tests := []struct {
		question, answer string
		gives            bool
	}{
		{"Ab wann ist Zhou Wenjing Generalsekretärin?", "Zhou Wenjing: Generalsekretärin (Stand: 13. Januar 2027). Genannt in der Pressemitteilung „Neue Generalsekretärin“ vom 13. Januar 2027.", false},
		{"Since when is Zhou Wenjing Secretary-General?", "Zhou Wenjing: Secretary-General (as of 13 January 2027). Named in the press release “New Secretary-General” of 13 January 2027.", false},
		{"Ab wann ist Zhou Wenjing Generalsekretärin?", "Zhou Wenjing ist seit dem 1. Januar 2027 Generalsekretärin.", true},
		{"Wohin wechselt Markus Feldmann?", "Markus Feldmann: Referent. Genannt in der Pressemitteilung „Delegation reist nach Zhuzhou“.", false},
		// Nor does a phone number: 2048 is no year.
		{"From what date does the new press spokesman take over?", "The ISA's press contact is Jonas Haberland: e-mail presse@isa.example, phone +49 30 5557 2048 (as of 18 May 2029).", false},
		{"What is his phone number?", "The ISA's press contact is Jonas Haberland: phone +49 30 5557 2048 (as of 18 May 2029).", true},
	}
	e := testEngine(t)
	for _, tt := range tests {
		lang, _ := DetectLang(tt.question)
		q := e.read(tt.question, lang)
		if got := e.givesExpected(q, answer.Answer{Answered: true, Text: tt.answer}); got != tt.gives {
			t.Errorf("%s: givesExpected(%q) = %v, want %v", tt.question, tt.answer, got, tt.gives)
		}
	}
}

func TestAlsoExpected(t *testing.T) {
	tests := []struct {
		text       string
		first, and answerType
	}{
		{"Wann und wo wurde der Preis überreicht?", aDate, aPlace},
		{"How many hydrogen stations does the corridor plan, and by when?", aNumber, aDate},
		{"Wann wurde die ISA gegründet?", aDate, anyText},
		{"An welchem Tag und zu welcher Uhrzeit findet die Infoveranstaltung statt?", aDate, aTime},
		// The longest question word decides: 几月几号 asks a date, 几家 a number.
		{"出发前的语言课几月几号开始？", aDate, anyText},
		{"有几家企业参加？", aNumber, anyText},
	}
	e := testEngine(t)
	for _, tt := range tests {
		q := e.read(tt.text, "")
		if q.expects != tt.first || q.alsoExpects != tt.and {
			t.Errorf("%s: expects %d and %d, want %d and %d", tt.text, q.expects, q.alsoExpects, tt.first, tt.and)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The forum took place on the exhibition grounds. 146 exhibitors came: 84 from Germany.",
			[]string{"The forum took place on the exhibition grounds.", "146 exhibitors came: 84 from Germany."}},
		{"Er kam am 4. 5 Personen folgten.", []string{"Er kam am 4. 5 Personen folgten."}},
		{"Es kamen ca. 300 Gäste, u.a. aus Köln. Dr. Weber sprach.", []string{"Es kamen ca. 300 Gäste, u.a. aus Köln.", "Dr. Weber sprach."}},
		{"联盟成立于2016年。首批成员有十个。", []string{"联盟成立于2016年。", "首批成员有十个。"}},
		// A year ends a sentence; a day, an ordinal, does not.
		{"Sie ruht bis einschließlich 31. Januar 2030. Einen Antrag gab es.", []string{"Sie ruht bis einschließlich 31. Januar 2030.", "Einen Antrag gab es."}},
		// A verb's particle ends a sentence, and so does a surname of two
		// letters; a weekday's abbreviation and an initial do not.
		{"Das Präsidium nahm den Antrag an. Unterzeichnet wurde in Berlin.", []string{"Das Präsidium nahm den Antrag an.", "Unterzeichnet wurde in Berlin."}},
		{"The talk was given by Wang Li. Questions followed.", []string{"The talk was given by Wang Li.", "Questions followed."}},
		{"Der Workshop ist am Do. 3. März mit Dr. H. Albers.", []string{"Der Workshop ist am Do. 3. März mit Dr. H. Albers."}},
		{"Auftraggeber ist die Fa. Müller aus Jena.", []string{"Auftraggeber ist die Fa. Müller aus Jena."}},
		{"Das kostet 1,5 Mio. Euro.", []string{"Das kostet 1,5 Mio. Euro."}},
		{"The talk was given by Sun. Questions followed.", []string{"The talk was given by Sun.", "Questions followed."}},
		// A title written against a bracket or Chinese text.
		{"副市长卡特琳·福尔拉特博士（Dr. Katrin Vollrath）接待了代表团。", []string{"副市长卡特琳·福尔拉特博士（Dr. Katrin Vollrath）接待了代表团。"}},
		{"It was opened (by Prof. Hu Wei) at noon. Then the talks began.", []string{"It was opened (by Prof. Hu Wei) at noon.", "Then the talks began."}},
		{"Sie kommt aus Halle (Saale). Dort lebt sie.", []string{"Sie kommt aus Halle (Saale).", "Dort lebt sie."}},
		// A title joined by a hyphen is an abbreviation; a range of
		// years or a hyphenated name ends a sentence.
		{"Die Leitung liegt bei Dr.-Ing. Paula Wrede vom IIRN. Sie lehrt.", []string{"Die Leitung liegt bei Dr.-Ing. Paula Wrede vom IIRN.", "Sie lehrt."}},
		{"Es läuft 2036-2038. Dann endet es. Er kam aus Baden-Baden. Sie auch.", []string{"Es läuft 2036-2038.", "Dann endet es.", "Er kam aus Baden-Baden.", "Sie auch."}},
		{"Es sprach Hans-J. Meier. Service-Tel. 0341 555 12 ist frei.", []string{"Es sprach Hans-J. Meier.", "Service-Tel. 0341 555 12 ist frei."}},
		{"Siehe Seiten 10-12. Dann folgt mehr.", []string{"Siehe Seiten 10-12.", "Dann folgt mehr."}},
		// A time or a number's last digits end it.
		{"Der Festakt beginnt um 10:30. Danach folgt die Unterzeichnung.", []string{"Der Festakt beginnt um 10:30.", "Danach folgt die Unterzeichnung."}},
		{"Das Büro hat die Nummer (Nr. 12). Dort sitzt sie.", []string{"Das Büro hat die Nummer (Nr. 12).", "Dort sitzt sie."}},
	}
	for _, tt := range tests {
		if got := splitSentences(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("splitSentences(%q)\n = %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestCountedWord(t *testing.T) {
	tests := []struct {
		question, sentence string
		counts             bool
	}{
		// A German adjective before the noun: the noun is counted.
		{"Wie viele chinesische Firmen haben ausgestellt?", "84 companies from Germany and 62 from China.", true},
		{"Wie viele chinesische Firmen haben ausgestellt?", "Visitors held 518 meetings.", false},
		{"How many visitors came?", "Around 2,300 trade visitors came.", true},
		{"代表团一共多少人？", "代表团共18人。", true},
		// A duration counts units of time, in any language.
		{"Wie lange ist ein Zug unterwegs?", "A train needs about 18 days for the journey.", true},
		{"Wie lange ist ein Zug unterwegs?", "The route of about 9,800 kilometres runs through Kazakhstan.", false},
		{"How long does the course take?", "Der Kurs dauert drei Wochen und 40 Stunden.", true},
		{"培训持续多久？", "培训为期6个月。", true},
		// A number in words counts what follows it, and only that.
		{"Wie lange bleiben die Gäste?", "Sie kommen für vier Wochen nach Ludwigshafen.", true},
		{"Wie viele Forscher arbeiten dort?", "Das Institut soll an zwei Standorten forschen.", false},
		// The noun before the number and its measure word.
		{"Wie viele Firmen haben ausgestellt?", "参展企业共420家。", true},
		{"Wie viele Firmen haben ausgestellt?", "参展企业来自12个城市。", false},
		// A German compound is counted by its head, though less sure.
		{"Wie viele Transportkisten sind nötig?", "Sie reisen in 14 klimatisierten Kisten nach Chemnitz.", true},
		{"Wie viele Transportkisten sind nötig?", "Sie reisen in 14 Flugzeugen nach Chemnitz.", false},
		// A Chinese question counts the noun its measure word counts,
		// after it or before the question word, or the character after
		// 几; across languages too.
		{"一天最多能处理多少个包裹？", "It can handle up to 120,000 parcels a day.", true},
		{"一天最多能处理多少个包裹？", "Around 650 new jobs are expected.", false},
		{"第一批学员有多少人？", "The first intake will have 48 trainees.", true},
		{"第一批学员有多少人？", "16 instructors will spend ten weeks in Ingolstadt.", false},
		{"德国方面有几家企业参展？", "12 German companies exhibit.", true},
		{"课程一共几年？", "The course takes 3 years.", true},
		{"课程一共几年？", "The instructors spend 10 weeks in Ingolstadt.", false},
		// Chinese numerals with their measure word, not in an ordinal.
		{"评审委员会有几名成员？", "评审委员会由七名成员组成。", true},
		{"有多少市长出席？", "第二届市长论坛将于2027年举行。", false},
		{"有多少个交易所？", "来自四所职业院校的学生。", false},
		// A measure word that is itself what is counted.
		{"How many people were in the delegation?", "代表团一行三十八人，来自十一个成员城市。", true},
		{"How many days did the visit last?", "代表团在德国访问了八天。", true},
		{"How many companies took part?", "代表团一行三十八人，来自十一个成员城市。", false},
		// A year in Chinese numerals counts no years, nor 周年 weeks.
		{"How many years has the cooperation been running?", "双方的合作项目始于二〇二一年。", false},
		{"How many weeks did the event last?", "佛山举行成立十六周年纪念活动。", false},
		// An English plural after the word that qualifies it.
		{"How many exchange participants are planned?", "They hope for 40 participants next year.", true},
		{"How many exchange participants are planned?", "The exchange was held 3 times.", false},
		// Of an English compound, the word that qualifies counts too.
		{"How many partner organisations are behind the project?", "Four partners are involved.", true},
		// Of two cues for a number, the one that names what it counts.
		{"Wie groß war die Delegation, und wie viele Firmen waren dabei?", "Dabei waren 23 Firmen.", true},
		{"Wie groß war die Delegation, und wie viele Firmen waren dabei?", "Die Reise dauerte 8 Tage.", false},
		// A share counts nothing, in words for it too.
		{"How many companies took part in the survey?", "34 percent of the companies questioned named data rules.", false},
		{"Wie viele Unternehmen wurden befragt?", "34 Prozent der befragten Unternehmen nannten den Datenschutz.", false},
		{"有多少家企业参与调查？", "百分之六十三的受访企业计划扩大合作。", false},
		{"有多少家企业参与调查？", "共有四百八十六家企业参与。", true},
	}
	e := engineWith(t, "testdata/eval") // releases in all three languages
	for _, tt := range tests {
		qlang, _ := DetectLang(tt.question)
		counted := e.countedWord(t.Context(), e.read(tt.question, qlang))
		if counted == nil {
			t.Errorf("%s: nothing counted", tt.question)
			continue
		}
		lang, _ := DetectLang(tt.sentence)
		if got := e.countOf(lang, tt.sentence, counted) != ""; got != tt.counts {
			t.Errorf("%s: countOf(%q) = %v, want %v", tt.question, tt.sentence, got, tt.counts)
		}
	}
}

// TestCountOf checks which number of a sentence counts what a question
// asks the number of: not the first number.
func TestCountOf(t *testing.T) {
	e := engineWith(t, "testdata/eval")
	tests := []struct{ question, sentence, want string }{
		{"Aus wie vielen Mitgliedsstädten kamen die Bewerbungen?", "The jury received 58 applications from 19 member cities.", "19"},
		{"How many applications were there?", "The jury received 58 applications from 19 member cities.", "58"},
		{"一天最多能处理多少个包裹？", "It can handle up to 120,000 parcels a day.", "120,000"},
		// A number keeps its scale.
		{"How many visitors are expected?", "Die Messe erwartet 2,5 Millionen Besucher.", "2,5 Millionen"},
	}
	for _, tt := range tests {
		qlang, _ := DetectLang(tt.question)
		counted := e.countedWord(t.Context(), e.read(tt.question, qlang))
		lang, _ := DetectLang(tt.sentence)
		if got := e.countOf(lang, tt.sentence, counted); got != tt.want {
			t.Errorf("%s: countOf(%q) = %q, want %q", tt.question, tt.sentence, got, tt.want)
		}
	}
}

func TestAttestedSenses(t *testing.T) {
	// "Mitarbeiter" is 职工, 雇员, 从业人员 first; 员工, a rarer sense, is
	// searched for where a release uses it, and counted there.
	const question, sentence = "Wie viele Mitarbeiter hat Heluo?", "河洛精密轴承成立于1998年，现有员工3600名。"
	for _, tt := range []struct {
		dir  string
		uses bool
	}{{"testdata/blind7", true}, {"testdata/eval", false}} {
		e := engineWith(t, tt.dir)
		w := e.withAttestedSenses(t.Context(), e.topicOf([]string{"Mitarbeiter"}, nil, nil, corpus.German), corpus.German)[0]
		if got := w.foundIn(e.termSet(corpus.Chinese, "员工")); got != tt.uses {
			t.Errorf("%s: 员工 found %v, want %v; terms %v", tt.dir, got, tt.uses, w.terms[corpus.Chinese])
		}
		counted := e.countedWord(t.Context(), e.read(question, corpus.German))
		if got := e.countOf(corpus.Chinese, sentence, counted) != ""; got != tt.uses {
			t.Errorf("%s: counts(%q) = %v, want %v", tt.dir, sentence, got, tt.uses)
		}
	}
}

// TestCommonWordIsNoCity: a Chinese word that is also a county's name
// (代表, "representative") is no city, even in a question about member
// cities.
func TestCommonWordIsNoCity(t *testing.T) {
	e := engineWith(t, "testdata/blind2")
	a, err := e.Answer(context.Background(), "谁在第十二届大会上代表德国成员城市发言？", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule == "unknown-city" || !strings.Contains(a.Text, "Feldmann") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

// TestLowerCaseWordIsNoCity: a question that writes its names with
// capitals names no city of the gazetteer in small letters ("kamen" is no
// Kamen), and still names one with a capital.
func TestLowerCaseWordIsNoCity(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		question string
		city     bool
	}{
		{"Aus wie vielen Mitgliedsstädten kamen die Bewerbungen für den Preis?", false},
		{"Ist Kamen Mitglied der ISA?", true},
	}
	for _, tt := range tests {
		q := e.read(tt.question, corpus.German)
		named := slices.ContainsFunc(q.cities, func(c cityMention) bool { return c.city.Name == "Kamen" })
		if named != tt.city {
			t.Errorf("%q: Kamen named %v, want %v", tt.question, named, tt.city)
		}
	}
}

func TestWordIsNoMisspeltCity(t *testing.T) {
	// "Menschen" is a word, no typo of München; "Nürnbreg" is one of
	// Nürnberg.
	e := testEngine(t)
	for question, want := range map[string]bool{
		"Wie viele Menschen waren in der Delegation?": false,
		"Ist Nürnbreg Mitglied der ISA?":              true,
	} {
		q := e.read(question, corpus.German)
		if got := len(q.cities)+len(q.misspeltCities) > 0; got != want {
			t.Errorf("%q: a city %v, want %v", question, got, want)
		}
	}
}

// TestPronounRefersToEarlierCity: a later question of a message that
// names no city but refers to one is about the city named before.
func TestPronounRefersToEarlierCity(t *testing.T) {
	tests := []struct{ message, want string }{
		{"柳州在哪个省份？它是什么时候加入联盟的？", "2016年4月"},
		{"Liegt Fulda in Hessen? Seit wann ist es dabei?", "13. Oktober 2017"},
	}
	e := testEngine(t)
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.message, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, tt.want) {
			t.Errorf("%s: %q lacks %q", tt.message, a.Text, tt.want)
		}
	}
}

// TestTranslatedShare: a sentence in another language that holds all of
// a word's translation says as much of it as one in the question's own
// language that holds all of the word.
func TestTranslatedShare(t *testing.T) {
	e := engineWith(t, "testdata/eval")
	w := e.topicOf([]string{"Jugendcamp"}, nil, nil, corpus.German)[0]
	tests := []struct {
		lang     corpus.Lang
		sentence string
		want     float64
	}{
		{corpus.German, "Das Jugendcamp fand in Foshan statt.", 1},
		{corpus.English, "The youth camp took place in Foshan.", 1},
		{corpus.English, "The camp took place in Foshan.", 0.75},
		{corpus.English, "The fair took place in Foshan.", 0},
	}
	for _, tt := range tests {
		if got := w.share(e.termSet(tt.lang, tt.sentence)); got != tt.want {
			t.Errorf("share of %q in %q = %v, want %v (translations %q)", w.text, tt.sentence, got, tt.want, w.translated)
		}
	}
}

// TestNewMembersAtAssemblyIn: "new members in Huzhou" are those who
// joined at the assembly held there, named in the reader's script.
func TestNewMembersAtAssemblyIn(t *testing.T) {
	e := engineWith(t, "testdata/eval")
	a, err := e.Answer(context.Background(), "Welche Städte sind in Huzhou neu aufgenommen worden?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Wuhu") || !strings.Contains(a.Text, "Zwickau") || strings.Contains(a.Text, "Paderborn") || strings.Contains(a.Text, "芜湖") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

// TestContactDetailsOfAnother: a question for the contact details of a
// person the sources give none for is not answered with another
// person's as if they were theirs.
func TestContactDetailsOfAnother(t *testing.T) {
	e := engineWith(t, "testdata/blind2")
	tests := []struct{ question, absent string }{
		{"What is Markus Feldmann's new email address?", "Hartwig, ISA-Büro Deutschland beim BWA: e-mail"},
	}
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered || strings.HasPrefix(a.Text, tt.absent) {
			t.Errorf("%s: answered %v (%s): %s", tt.question, a.Answered, a.Rule, a.Text)
		}
	}
}

func TestContactInGermany(t *testing.T) {
	// The secretariat's press contact, newer than the German office's,
	// is no answer to a question for the German side.
	e := engineWith(t, "testdata/blind16")
	for _, question := range []string{
		"Wer ist derzeit Pressesprecherin der ISA in Deutschland?",
		"Unter welcher Nummer erreiche ich die Pressestelle der ISA in Deutschland?",
	} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, "Haberkorn") || strings.Contains(a.Text, "黄婉清") {
			t.Errorf("%s: (%s) %s", question, a.Rule, a.Text)
		}
	}
	// Naming both sides, or none, the newer press contact answers.
	for _, question := range []string{"Wer sind die Pressekontakte der ISA in China und Deutschland?", "Who is the press contact of the ISA?"} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, "黄婉清") {
			t.Errorf("%s: (%s) %s", question, a.Rule, a.Text)
		}
	}
}

func TestWordsOfTheReview(t *testing.T) {
	// "most recently" asks for the newest members, not what someone did
	// before; the Geschäftsstelle is the German office's.
	e := testEngine(t)
	for _, tt := range []struct{ question, rule string }{
		{"Which city joined most recently?", "newest-members"},
		{"Wie erreiche ich die Geschäftsstelle der ISA?", "contact"},
	} {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != tt.rule || !a.Answered {
			t.Errorf("%s: (%s) %s", tt.question, a.Rule, a.Text)
		}
	}
}

func TestMediaContactOfTheSecretariat(t *testing.T) {
	// "Medienkontakt" asks for the contact, not a role holder whose role
	// names the secretariat.
	e := engineWith(t, "testdata/blind19")
	a, err := e.Answer(context.Background(), "Wer ist Medienkontakt beim ISA-Sekretariat in Foshan?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "麦嘉琪") {
		t.Errorf("(%s) %s", a.Rule, a.Text)
	}
}

func TestSameRole(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Deputy Secretary-General of the ISA secretariat", "Deputy Secretary-General", true},
		{"stellvertretender Generalsekretär des ISA-Sekretariats", "stellvertretender Generalsekretär", true},
		{"联盟秘书处副秘书长", "副秘书长", true},
		{"Secretary-General of the ISA secretariat in Foshan", "Deputy Secretary-General", false},
		{"联盟秘书处副秘书长", "秘书长", false},
		{"Secretary-General Assistant", "Secretary-General", false},
	}
	for _, tt := range tests {
		if got := sameRole(corpus.Text{corpus.English: tt.a}, corpus.Text{corpus.English: tt.b}); got != tt.same {
			t.Errorf("sameRole(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

func TestMergeAssemblyMoved(t *testing.T) {
	// Releases name the 13th assembly's date, oldest first: a newer date
	// that says more of it refines it, one that says less keeps it, one
	// that says otherwise moves it and keeps the date first planned.
	release := func(id string, day int) *corpus.Release {
		return &corpus.Release{ID: id, Date: time.Date(2026, 11, day, 0, 0, 0, 0, time.UTC)}
	}
	tests := []struct {
		dates         []corpus.Date // what each newer release says
		want, planned corpus.Date
	}{
		{[]corpus.Date{{Year: 2027, Month: 4}, {Year: 2027, Month: 4, Day: 20}}, corpus.Date{Year: 2027, Month: 4, Day: 20}, corpus.Date{}},
		{[]corpus.Date{{Year: 2027, Month: 4}, {Year: 2027}}, corpus.Date{Year: 2027, Month: 4}, corpus.Date{}},
		{[]corpus.Date{{Year: 2027, Month: 4}, {Year: 2027}, {Year: 2027, Month: 6, Day: 9}}, corpus.Date{Year: 2027, Month: 6, Day: 9}, corpus.Date{Year: 2027, Month: 4}},
		{[]corpus.Date{{Year: 2025, Month: 10, Day: 15}, {Year: 2025, Month: 10, Day: 16}}, corpus.Date{Year: 2025, Month: 10, Day: 15}, corpus.Date{}},
		// Five days later is another day, not the assembly's second.
		{[]corpus.Date{{Year: 2028, Month: 5, Day: 18}, {Year: 2028, Month: 5, Day: 23}}, corpus.Date{Year: 2028, Month: 5, Day: 23}, corpus.Date{Year: 2028, Month: 5, Day: 18}},
		{[]corpus.Date{{Year: 2027, Month: 4}, {Year: 2027, Month: 6}, {Year: 2027, Month: 9}}, corpus.Date{Year: 2027, Month: 9}, corpus.Date{Year: 2027, Month: 4}},
	}
	for _, tt := range tests {
		learnt := map[string]*learned{}
		for i, d := range tt.dates {
			r := release("r"+strconv.Itoa(i), i+1)
			learnt[r.ID] = &learned{release: r, assemblies: []corpus.Assembly{{Number: 13, Date: d, Place: corpus.Text{corpus.German: "Mainz"}}}}
		}
		got := merge(&corpus.Data{}, learnt).Alliance.Assemblies
		if len(got) != 1 || got[0].Date != tt.want || got[0].Planned != tt.planned {
			t.Errorf("%v: got %+v, want date %v, planned %v", tt.dates, got, tt.want, tt.planned)
		}
	}
}

func TestReadTypoConcepts(t *testing.T) {
	// A word out of scope, or a greeting, is one as written, not one a
	// typo away: the verb "gehalten" is no "Gehalt", "große" no "Grüße".
	e := testEngine(t)
	for _, tt := range []struct {
		q       string
		concept concept
		want    bool
	}{
		{"Wie hoch ist das Gehalt des Generalsekretärs?", cOutside, true},
		{"Wer hat die Abschlussrede in Huzhou gehalten?", cOutside, false},
		{"Viele Grüße aus Köln", cGreeting, true},
		{"Was ist die erste große Aufgabe von Chen Siyuan?", cGreeting, false},
		// A word of its own begins with no typo of a keyword's beginning:
		// "Stadtrat" is no "start*"; "Gründer" compounds are no founding.
		{"Wie hat der Stadtrat abgestimmt?", cFounding, false},
		{"Wie hoch ist die Fördersumme je Gründerteam?", cFounding, false},
		{"Wann wurde die Allianz gegrundet?", cFounding, true},
		{"Wann haben Huzhou und Göttingen ihre Smart-City-Vereinbarung unterschrieben?", cFounding, false},
		// A word of its own is no typo of another keyword ("formally" of
		// "former", "überreicht" of a list's word); a form of the keyword
		// is ("erreiche").
		{"When will Wuxi formally receive its plaque?", cFormer, false},
		{"Wann wurde der Innovationspreis überreicht?", cList, false},
		{"Wie erreiche ich das Sekretariat per Mail?", cContact, true},
		// Words for the press contact in a journalist's words.
		{"who's the ISA's media person in Germany these days?", cContact, true},
	} {
		if got := e.read(tt.q, corpus.German).has[tt.concept]; got != tt.want {
			t.Errorf("%s: concept %d %v, want %v", tt.q, tt.concept, got, tt.want)
		}
	}
}

func TestAnswerFromAnotherParagraph(t *testing.T) {
	// The paragraphs that match best name the programme's final exam but
	// not who holds it; another paragraph of the release names the IHK
	// Chemnitz beside one of the question's words. The answer quotes it,
	// less sure.
	e := engineWith(t, "testdata/blind3")
	a, err := e.Answer(t.Context(), "Wer nimmt bei ISA-Dual die Abschlussprüfung ab?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "IHK") || a.Confidence >= confidenceWholeTopic {
		t.Errorf("answered %v with confidence %.2f: %s", a.Answered, a.Confidence, a.Text)
	}
}

func TestAnswerByNamesAlone(t *testing.T) {
	// No passage holds the question's subject ("Besucher", "bleiben"),
	// but the release whose title names Ludwigshafen and Panjin has one
	// sentence with a duration: it is the closest passage, said so. One
	// name, or names the release is not about, answer nothing.
	e := engineWith(t, "testdata/blind7")
	tests := []struct {
		question string
		answered bool
		says     string
	}{
		{"Wie lange bleiben die Besucher aus Panjin in Ludwigshafen?", true, "vier Wochen"},
		{"Wie viele Einwohner hat Ludwigshafen?", false, ""},
		{"Wie viele Tore fielen im Spiel zwischen Ludwigshafen und Köln?", false, ""},
	}
	for _, tt := range tests {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered != tt.answered || !strings.Contains(a.Text, tt.says) || a.Answered && a.Confidence > confidenceClosest {
			t.Errorf("%s: answered %v with confidence %.2f: %s", tt.question, a.Answered, a.Confidence, a.Text)
		}
	}
}

func TestSecondFact(t *testing.T) {
	// The day and the place of the award are in two paragraphs: the
	// answer quotes both.
	e := engineWith(t, "testdata/twofacts")
	a, err := e.Answer(t.Context(), "Wann und wo wird der Preis für Stadtlogistik verliehen?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "12. Mai 2027") || !strings.Contains(a.Text, "Westfalenhallen") {
		t.Errorf("answered %v: %s", a.Answered, a.Text)
	}
}

func TestAnswersOfLearnedFacts(t *testing.T) {
	// What the learndev releases teach, said as an answer: an assembly's
	// answer names the cities that joined on its day, unless what it
	// decided names them, and what it decided as its release says it, in
	// the release's language when the asker's is not it; whom someone followed, and since when they hold the
	// role (自2028年3月1日起，由陈思远接任联盟秘书长).
	e := engineWith(t, "testdata/learndev")
	e.now = func() time.Time { return time.Date(2028, 7, 10, 12, 0, 0, 0, time.UTC) }
	tests := []struct{ question, says string }{
		{"Wann war die 15. Plenarversammlung?", "23.–24. Mai 2028, Weihai (zuerst geplant für 18. Mai 2028). Die Versammlung beschloss: die Aufnahme von Siegen"},
		{"When was the 15th plenary assembly?", "Admitted: Siegen. Its decisions (in German): “Die Versammlung beschloss:"},
		{"Wen hat Chen Siyuan als Generalsekretär abgelöst?", "Auf Liu Yi"},
		{"Who did Chen Siyuan succeed?", "Chen Siyuan has held the role since 1 March 2028"},
		{"Seit wann ist Chen Siyuan Generalsekretär?", "seit 1. März 2028"},
	}
	for _, tt := range tests {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(a.Text, tt.says) {
			t.Errorf("%s: %s", tt.question, a.Text)
		}
	}
	// What someone did before their role is no role the data hold: the
	// releases' text may say.
	a, err := e.Answer(t.Context(), "What did Chen Siyuan do before?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule != "person-before" {
		t.Errorf("what Chen Siyuan did before: rule %s: %s", a.Rule, a.Text)
	}
}

func TestCoordinatorNeedsTheAlliance(t *testing.T) {
	// "leading" is a word for coordinating; with words of its own and
	// none for the alliance, the question is about something else.
	e := testEngine(t)
	tests := []struct {
		question string
		rule     string // the rule that must not answer
	}{
		{"Who is leading the polls before the German election?", "coordinator"},
		{"Who runs the German football league?", "coordinator"},
		{"Wer leitet die ISA in Deutschland?", ""},
		// A city's part in the alliance, not the German office's.
		{"Which ISA working group did Solingen lead?", "coordinator"},
		{"Wer koordiniert die ISA in Solingen?", ""},
	}
	for _, tt := range tests {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if tt.rule != "" && a.Rule == tt.rule || tt.rule == "" && a.Rule != "coordinator" {
			t.Errorf("%s: rule %s: %s", tt.question, a.Rule, a.Text)
		}
	}
}

func TestOtherOrganisationsContact(t *testing.T) {
	// Another organisation's contact is none of the alliance's: only a
	// release may give it.
	e := testEngine(t)
	tests := []struct {
		question string
		answered bool
		rule     string
	}{
		{"What is the address of the Chinese embassy in Berlin?", false, "others-organisation-contact"},
		{"What is the phone number of the Chinese embassy?", false, "others-organisation-contact"},
		{"What is the email of the Foshan city government?", false, "others-organisation-contact"},
		// A site is a place, not a website.
		{"Where is the lab's main site?", false, "passage"},
		{"Wie lautet die Adresse des ISA-Büros?", true, "contact-details"},
		{"What's the e-mail address of the secretariat in Foshan?", true, "contact-details"},
	}
	for _, tt := range tests {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered != tt.answered || a.Rule != tt.rule {
			t.Errorf("%s: answered %v by %s: %s", tt.question, a.Answered, a.Rule, a.Text)
		}
	}
}

func TestMembersNeedTheirWords(t *testing.T) {
	// "which" and a country name ask for members only when the question
	// has no words of its own besides.
	e := testEngine(t)
	tests := []struct {
		question string
		members  bool
	}{
		{"Which shares of German carmakers should I buy now?", false},
		{"Which German cities have the most bridges?", false},
		{"Which Bavarian beers are famous?", false},
		{"哪些德国城市有机场？", false},
		{"Welche Städte aus Bayern sind dabei?", true},
		{"Welche chinesischen Städte sind dabei?", true},
		{"Which German ones are in it?", true},
		// The people at an assembly, whom its release counts.
		{"第12届全体大会有多少人参加？", false},
	}
	for _, tt := range tests {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if (a.Rule == "members") != tt.members {
			t.Errorf("%s: rule %s: %s", tt.question, a.Rule, a.Text)
		}
	}
}

func TestNameCoveredByTheLead(t *testing.T) {
	// A later paragraph need not name again the place its release's
	// first paragraph names.
	e := engineWith(t, "testdata/eval") // releases in all three languages
	topic := e.topicOf([]string{"exhibition", "Freiburg"}, map[string]bool{"Freiburg": true}, nil, corpus.English)
	paragraph := e.termSet(corpus.English, "The exhibition opens on 5 March 2027 in the town hall.")
	if _, ok := covers(topic, paragraph, paragraph); ok {
		t.Errorf("a paragraph without the place covers %v", topic)
	}
	withLead := e.termSet(corpus.English, "The exhibition opens on 5 March 2027 in the town hall.\nHuzhou and Freiburg show bamboo houses.")
	if _, ok := covers(topic, paragraph, withLead); !ok {
		t.Errorf("a paragraph whose release's lead names the place does not cover %v", topic)
	}
}

func TestPlaceAnswersWhere(t *testing.T) {
	// A place the question names does not say where; a hall, whatever
	// its name, does.
	e := testEngine(t)
	q := e.read("Where was the agreement between Ludwigshafen and Luoyang signed?", corpus.English)
	for sentence, want := range map[string]bool{
		"Ludwigshafen und Luoyang haben am 12. Oktober 2026 eine Vereinbarung unterzeichnet.": false,
		"Die Unterschriften setzten sie bei einem Festakt im Pfalzbau in Mannheim.":           true,
		"Das Konzert ist am 10. Februar 2027 in der Laeiszhalle.":                             true,
	} {
		if got := e.holds(sentence, aPlace, q); got != want {
			t.Errorf("holds(%q, place) = %v, want %v", sentence, got, want)
		}
	}
	// Asked for a kind of place, a city is none; a place word that is
	// the question's subject asks for no kind.
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"In welchem Gebäude in Mainz findet die Plenarversammlung statt?", "13th plenary assembly: 9 June 2027, Mainz; 14th: Wiesbaden.", false},
		{"In welchem Gebäude in Mainz findet die Plenarversammlung statt?", "Die Versammlung tagt im Kongresszentrum Rheingoldhalle in Mainz.", true},
		{"Wo findet die Hannover Messe statt?", "Die Veranstaltung findet vom 20. bis 24. April in Hamburg statt.", true},
	} {
		if got := e.holds(tt.sentence, aPlace, e.read(tt.question, corpus.German)); got != tt.want {
			t.Errorf("%s: holds(%q, place) = %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}

func TestLanguageAnswersWhichLanguages(t *testing.T) {
	// A language spoken or asked in, or two; not the alliance's
	// "Chinese-German", nor Chinese investment.
	e := testEngine(t)
	q := e.read("Which languages does the new spokeswoman speak?", corpus.English)
	for sentence, want := range map[string]bool{
		"She speaks Mandarin and Swedish fluently.":                                        true,
		"Anfragen werden auf Deutsch, Englisch und Chinesisch beantwortet.":                true,
		"她的母语是瑞典语。":                                                                        true,
		"She is the contact for the Chinese-German Industrial Cities Alliance in Germany.": false,
		"She reported on Chinese investment in eastern Germany.":                           false,
		"Die deutsch-chinesische Zusammenarbeit wächst.":                                   false,
		"German and Chinese companies signed ten agreements.":                              false,
		"She writes the alliance's German-language press releases.":                        false,
	} {
		if got := e.holds(sentence, aLanguage, q); got != want {
			t.Errorf("holds(%q, language) = %v, want %v", sentence, got, want)
		}
	}
}

func TestSpeakersAsked(t *testing.T) {
	// Whose languages: a person by name or a surname long enough to name
	// them alone; not "Li" inside "Lindqvist".
	e := testEngine(t)
	q := &question{expects: aLanguage, people: []*corpus.Person{{Name: "Wang Li"}, {Name: "Jan Probst"}}}
	for sentence, want := range map[string]bool{
		"Probst spricht fließend Polnisch.":      true,
		"Wang Li spricht Deutsch.":               true,
		"Lindqvist spricht fließend Schwedisch.": false,
	} {
		if got := e.speaksOf(sentence, "", speakersAsked(q)); got != want {
			t.Errorf("speaksOf(%q) = %v, want %v", sentence, got, want)
		}
	}
}

func TestNumberAnswersHowMany(t *testing.T) {
	// Neither a date, even with the question's own number in it, nor an
	// ordinal, in figures or in Chinese numerals, says how many.
	e := testEngine(t)
	q := e.read("Wie viele Teilnehmer hatte die 12. Plenarversammlung in Zhuzhou?", corpus.German)
	for sentence, want := range map[string]bool{
		"中德工业城市联盟（ISA）第十二届全体大会于2026年11月12日至13日在湖南省株洲市举行。":                    false,
		"Die 12. Plenarversammlung fand am 12. und 13. November 2026 statt.": false,
		"来自38个成员城市的约260名代表出席了会议。":                                            true,
		"Zwölf Delegationen kamen nach Zhuzhou.":                             true,
	} {
		if got := e.holds(sentence, aNumber, q); got != want {
			t.Errorf("holds(%q, number) = %v, want %v", sentence, got, want)
		}
	}
	// Nor is the question's own date an amount.
	q = e.read("Wie viel Euro zahlt jede Stadt ab dem 1. Januar 2027?", corpus.German)
	for sentence, want := range map[string]bool{
		"Ab dem 1. Januar 2027 gelten neue Beiträge in Euro.":        false,
		"Ab dem 1. Januar 2027 zahlt jede Stadt 7.500 Euro im Jahr.": true,
	} {
		if got := e.holds(sentence, anAmount, q); got != want {
			t.Errorf("holds(%q, amount) = %v, want %v", sentence, got, want)
		}
	}
}

func TestMonthAnswersNoYearBetter(t *testing.T) {
	// A day or month weighs more than a year alone, unless the question
	// asks for the year.
	e := testEngine(t)
	withMonth := candidate{sentence: "Im Frühjahr 2027, am 3. März 2027, reisen sechs Ingenieure nach Solingen.", holds: true}
	yearAlone := candidate{sentence: "Solingen will bis 2040 klimaneutral sein.", holds: true}
	for question, monthMore := range map[string]bool{
		"Wann will Solingen klimaneutral sein?":            true,
		"In welchem Jahr will Solingen klimaneutral sein?": false,
		"索林根打算哪一年实现气候中和？":                                  false,
	} {
		q := e.read(question, "")
		m, y := e.kindWeight(q, withMonth, false, nil), e.kindWeight(q, yearAlone, false, nil)
		if got := m > y; got != monthMore {
			t.Errorf("%q: a month weighs %.2f, a year alone %.2f", question, m, y)
		}
	}
}

func TestTotalAnswersTotal(t *testing.T) {
	// Asked for a whole sum, the sentence that gives it weighs more than
	// one that gives a share; asked for a share, neither does.
	e := testEngine(t)
	whole := candidate{sentence: "Für die ersten vier Jahre stehen insgesamt 2,6 Millionen Euro bereit.", holds: true}
	share := candidate{sentence: "Davon trägt die Stadt Solingen 900.000 Euro.", holds: true}
	for question, wantMore := range map[string]bool{
		"Wie hoch ist das Gesamtbudget der Energiepartnerschaft?": true,
		"What is the project's total budget?":                     true,
		"这个项目的总预算是多少？":                                            true,
		"Wie viel zahlt Solingen für die Energiepartnerschaft?":   false,
	} {
		q := e.read(question, "")
		w, s := e.kindWeight(q, whole, false, nil), e.kindWeight(q, share, false, nil)
		if got := w > s; got != wantMore {
			t.Errorf("%q: the whole sum weighs %.2f, a share %.2f", question, w, s)
		}
	}
}

func TestSearchInAllLanguagesMayAnswerBetter(t *testing.T) {
	// The sentence found with the question's words translated wins over
	// the one found with its own words when both hold as much of its
	// subject and it weighs more: it gives the number asked for.
	e := engineWith(t, "testdata/blind")
	a, err := e.Answer(t.Context(), "How many German member cities does the new deputy secretary-general want to visit?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "8个德国成员城市") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

func TestSearchGoesOnAfterACoveringSentence(t *testing.T) {
	// A Chinese sentence that names the project covers the question's
	// subject, but names no one who leads it; the English release on the
	// project does.
	e := engineWith(t, "testdata/blind10")
	a, err := e.Answer(t.Context(), "HeatLink项目的负责人是谁？", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Annika Roth") {
		t.Errorf("rule %s: %s, want Annika Roth", a.Rule, a.Text)
	}
}

func TestHintsRankPassages(t *testing.T) {
	// "projects" is the subject, in many passages; the one that also
	// names German member cities and Chinese projects answers.
	e := engineWith(t, "testdata/blind14")
	a, err := e.Answer(t.Context(), "Which German member cities drew the most Chinese projects?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Hamburg, Köln and Nürnberg") {
		t.Errorf("rule %s: %s, want Hamburg, Köln and Nürnberg", a.Rule, a.Text)
	}
}

func TestMisspeltCityIsSearched(t *testing.T) {
	// "Nürnbeg" is no member asked about, but a release on Nürnberg
	// answers: the word is searched as the city too.
	e := engineWith(t, "testdata/blind6")
	q := e.read("Wer ist der deutsche Partner beim Zug zwischen Ma'anshan und Nürnbeg?", corpus.German)
	i := slices.IndexFunc(e.topicWords(q), func(w topicWord) bool { return w.text == "Nürnbeg" })
	if i < 0 {
		t.Fatalf("no topic word Nürnbeg in %v", e.topicWords(q))
	}
	if w := e.topicWords(q)[i]; !w.name || !slices.Contains(w.terms[corpus.German], "nurnberg") {
		t.Errorf("Nürnbeg: name %v, German terms %v; want a name with nurnberg", w.name, w.terms[corpus.German])
	}
	a, err := e.Answer(t.Context(), q.text, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Frankenrail") {
		t.Errorf("rule %s: %s, want Frankenrail", a.Rule, a.Text)
	}
}

func TestStopWordOfOneLanguage(t *testing.T) {
	// "Stand" is a German stop word ("Wie ist der Stand?"), but an
	// English question's "stand" is what it asks about.
	e := testEngine(t)
	for _, tt := range []struct {
		q    string
		lang corpus.Lang
		want bool
	}{
		{"Wie ist der Stand bei der Mitgliedschaft von Köln?", corpus.German, false},
		{"How many companies can the joint stand hold?", corpus.English, true},
		// The language it is written in counts, not the answer's.
		{"Wie ist der Stand bei der Mitgliedschaft von Köln?", corpus.English, false},
		{"How many companies can the joint stand hold?", corpus.German, true},
		{"联合展台stand有多大？", corpus.Chinese, false},
	} {
		q := e.read(tt.q, tt.lang)
		got := slices.ContainsFunc(q.unknown, func(u unit) bool { return u.key == "stand" })
		if got != tt.want {
			t.Errorf("%s: stand unknown %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestStopWordsOfEveryLanguage(t *testing.T) {
	// Titles and chat words mean nothing in any language.
	e := testEngine(t)
	for _, text := range []string{"Frage aus dem Thread: wer ist Dr. Keller?", "Question from the channel: who is Dr. Keller?"} {
		lang, _ := DetectLang(text)
		q := e.read(text, lang)
		var unknown []string
		for _, u := range q.unknown {
			unknown = append(unknown, u.raw)
		}
		if !slices.Equal(unknown, []string{"Keller"}) {
			t.Errorf("%s: unknown %v, want [Keller]", text, unknown)
		}
	}
}

func TestPossessivesAreNoSubject(t *testing.T) {
	// "unserer Stadt": a local paper's own city is no word a passage
	// must hold. ("kamen" is no stop word: Kamen is a city.)
	e := testEngine(t)
	q := e.read("Wie viele Delegierte waren in unserer Stadt, und aus wie vielen Städten kam sie?", corpus.German)
	var unknown []string
	for _, u := range q.unknown {
		unknown = append(unknown, u.raw)
	}
	if !slices.Equal(unknown, []string{"Delegierte"}) {
		t.Errorf("unknown %v, want [Delegierte]", unknown)
	}
}

func TestKindOfFactIsNoSubject(t *testing.T) {
	// "stand" says where is asked (a place), not of what: the question's
	// keywords are its subject, as if it named nothing unknown.
	e := engineWith(t, "testdata/eval")
	a, err := e.Answer(t.Context(), "Where was the ISA stand at Hannover Messe 2026?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "B30") {
		t.Errorf("rule %s: %s, want B30", a.Rule, a.Text)
	}
}

func TestPersonNamedWithRole(t *testing.T) {
	// Someone is named with a role before or after their name, in any
	// language's sentence; numbers and names the question gives are
	// taken out of the sentence first, which must not upset the reading.
	e := testEngine(t)
	q := e.read("Who said in 2027 that the 450 visitors were glad?", corpus.English)
	tests := []struct {
		sentence string
		want     bool
	}{
		{`Christine Wendt, managing director of Kessler Präzisionstechnik, said: "We met more customers."`, true},
		{"伍珀塔尔市经济促进局国际合作负责人Sabine Krüger通过视频致辞。", true},
		{"Die Kontakte bündelt künftig Annegret Bielke (46), Leiterin des Fachbereichs Wirtschaftsförderung.", true},
		{"Anke Thormählen (49), hydrogen officer of the city of Ludwigshafen, said: \"It is a raw material.\"", true},
		{"Jana Reuter, Klimabeauftragte der Stadt Jena, sagte zu.", true},
		{"In 2027 the 450 visitors met Dr. Sabine Krug in the hall.", true},
		{"Kessler Präzisionstechnik, Chemnitz, was there.", false},
		{"The Hedong Wastewater Treatment Plant, a project of the city, is old.", false},
	}
	for _, tt := range tests {
		units := segment(tt.sentence)
		if got := e.namesPerson(tt.sentence, units); got != tt.want {
			t.Errorf("namesPerson(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
		if got := e.holds(tt.sentence, aPerson, q); tt.want && !got {
			t.Errorf("holds(%q, person) = false", tt.sentence)
		}
	}
}

func TestCoordinatorNewestFirst(t *testing.T) {
	// The German office as things stand comes first, the one before it
	// after: BWA (2022), then PKS (2021).
	e := testEngine(t)
	for _, question := range []string{"Wer leitet das deutsche Sekretariat der ISA?", "Who runs the ISA's German secretariat?"} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		bwa, pks := strings.Index(a.Text, "BWA"), strings.Index(a.Text, "PKS")
		if a.Rule != "german-secretariat" || bwa < 0 || pks < 0 || bwa > pks {
			t.Errorf("%s: rule %s: %s", question, a.Rule, a.Text)
		}
	}
}

func TestContactDetailsNewestFirst(t *testing.T) {
	// The details of the office as things stand come first; those of a
	// year asked for, alone.
	e := testEngine(t)
	a, err := e.Answer(t.Context(), "What is the ISA's e-mail address?", "")
	if err != nil {
		t.Fatal(err)
	}
	if bwa, pks := strings.Index(a.Text, "isa@bwa-deutschland.com"), strings.Index(a.Text, "isa@pks-gmbh.net"); bwa < 0 || pks >= 0 && pks < bwa {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
	a, err = e.Answer(t.Context(), "Welche E-Mail-Adresse hatte die ISA 2021?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "isa@pks-gmbh.net") || strings.Contains(a.Text, "isa@bwa-deutschland.com") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

func TestContactDetailsGiveWay(t *testing.T) {
	// "Since when" of the press contact is no address: the rule for
	// contact details gives way to the releases' text.
	e := engineWith(t, "testdata/blind9")
	a, err := e.Answer(t.Context(), "Seit wann ist Albrecht Sprecher des ISA-Büros?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule == "contact-details" || !strings.Contains(a.Text, "3. Mai") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

func TestContactDetailsBesideWordsOfTheirOwn(t *testing.T) {
	// Words the engine does not know beside a request for the new
	// contact's details ("in dringenden Fällen") name no other
	// organisation, and a release that does not give the details leaves
	// them to the sources that do. A project's contact person, and a
	// person the sources do not know, get no one else's number.
	e := engineWith(t, "testdata/blind39")
	answersContain(t, e, map[string]string{
		"Unter welcher Handynummer ist der neue Pressesprecher in dringenden Fällen erreichbar?": "+49 160 5550 8127",
		"What is Dr. Mareike Stolzenberg's direct phone number?":                                 "no contact details for Mareike Stolzenberg",
	})
	refuses(t, e, "氢能装备项目的联系人电话是多少？", "What is Dr. Mareike Stolzenberg's direct phone number?", "Wie lautet die Durchwahl von Frau Stolzenberg?",
		"Welche Durchwahl hat Frau Vogel?") // a name after a title, though a word of the dictionary
	// A word of the dictionary with a capital is no one's name.
	answersContain(t, e, map[string]string{"What is the phone number of the ISA Press Desk?": "+49 30 5550 4400"})
	// The office named, in words of the question's own (新闻部门).
	answersContain(t, engineWith(t, "testdata/blind32"), map[string]string{"现在要联系ISA德国办事处的新闻部门，应该打哪个电话？": "+49 30 5557 3400"})
}

// namedAnswer is a question and a text its answer must hold.
type namedAnswer struct{ name, question, want string }

// answersOfSet asks an engine over a blind set's releases, on the day
// its questions are asked (or today, when now is zero), each question of
// cases: each answer must hold its text. It returns the engine.
func answersOfSet(t *testing.T, dir string, now time.Time, cases []namedAnswer) *Engine {
	t.Helper()
	e := engineWith(t, dir)
	if !now.IsZero() {
		e.now = func() time.Time { return now }
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) { answersContain(t, e, map[string]string{tt.question: tt.want}) })
	}
	return e
}

func TestAnswersOfBlind39(t *testing.T) {
	// What blind39's releases showed, once it became a training set.
	answersOfSet(t, "testdata/blind39", time.Time{}, []namedAnswer{
		// 今年 of 今年多大 is no word of the subject: "For nine years Kästl
		// was …" is not how old he is.
		{"age asked in Chinese", "Kästl今年多大？", "38"},
		// "Zwischen dem 4. März und dem 25. November 2041": the series
		// starts on 4 March 2041, whose year the range gives once.
		{"start of a range of two months", "When does the ISA's new hydrogen event series start?", "In short: 4 March 2041"},
		// The budget is the subject of "… das die Plenarversammlung
		// beschlossen hat?": the passage must name it, not "beschlossen",
		// which the English release does not say.
		{"kind of fact beside a verb", "Wie hoch ist das Budget 2042, das die Plenarversammlung beschlossen hat?", "EUR 1.58 million"},
		{"kind of fact beside a verb in Chinese", "全体大会通过的2042年预算是多少？", "EUR 1.58 million"},
		// An extension the question gives is what a release says of it,
		// then whom to call now.
		{"number asked", "Can I still call extension 4410 with press questions?", "will not be used for press enquiries"},
		{"number asked, then the contact", "Can I still call extension 4410 with press questions?", "+49 30 5550 4400"},
		// "im April" is searched for as April, 4月: the Chinese release on
		// the delegation of April answers, not a German one that says a
		// delegation will come "im April".
		{"month alone", "Which German cities did the April delegation from the Chinese member cities visit?", "Chemnitz"},
		{"month alone in German", "Aus wie vielen chinesischen Mitgliedsstädten kam die Delegation im April?", "九"},
		// "Its nine members were chaired by Prof. Dr. Marlene Aufderheide"
		// says who led the jury (learn.yaml leads), not "The alliance's
		// co-presidents … presented the prizes".
		{"chaired is led", "Wer leitete die Jurry beim Green Factory Award?", "Aufderheide"},
		{"chaired is led in English", "Who chaired the jury of the Green Factory Award?", "Aufderheide"},
	})
}

func TestAnswersOfBlind40(t *testing.T) {
	// What blind40's releases showed, once it became a training set.
	e := answersOfSet(t, "testdata/blind40", time.Date(2041, time.December, 31, 12, 0, 0, 0, time.UTC), []namedAnswer{
		// "Aus welchen … Städten" asks which cities, as "welche" does.
		{"which cities in the dative", "Aus welchen chinesischen Städten kommen die jungen Fachkräfte des Austauschprogramms?", "Foshan, Zhuzhou"},
		// Asked which cities, a sentence naming four beats one naming
		// Chemnitz and Friederike Laubach, who is no town Laubach.
		{"several cities for which cities", "In welchen deutschen Städten absolvieren die chinesischen Nachwuchstechniker ihr Praktikum?", "英戈尔施塔特、开姆尼茨"},
		// A city that left is no member from the day its withdrawal
		// took effect.
		{"left", "Bottrop现在还是联盟成员吗？", "2041年11月30日退出"},
		// Kopräsidentin is a co-president; Liang Qiuping, "Mayor of
		// Jiangmen, was elected Chinese co-president".
		{"co-president", "Wer wird ab nächstem Monat chinesische Kopräsidentin der Allianz?", "Liang Qiuping"},
		{"co-president in English", "Who is the Chinese co-president?", "Liang Qiuping: Chinese co-president"},
		// "How many" journalists asks no contact details.
		{"how many, not the contact", "How many journalists can attend each press talk?", "bis zu 25 Journalistinnen"},
	})
	// The German co-president is not the Chinese one.
	if a, err := e.Answer(t.Context(), "Who is the German co-president?", ""); err != nil || strings.Contains(a.Text, "Liang") {
		t.Errorf("Who is the German co-president?: %s (%v), want no Liang Qiuping", a.Text, err)
	}
}

func TestAnswersOfBlind41(t *testing.T) {
	// What blind41's releases showed, once it became a training set.
	answersOfSet(t, "testdata/blind41", time.Date(2042, time.June, 30, 12, 0, 0, 0, time.UTC), []namedAnswer{
		// "Pressekontakt ab 1. April 2042" heads the contact block: the
		// new spokesman, his mobile number and the day he starts.
		{"contact from a day", "Ab wann ist der Neue als Pressesprecher zuständig?", "1. April 2042"},
		{"mobile of the contact", "What is the mobile number of the new press spokesman?", "+49 172 5550 3916"},
		// 年 of 青年 is in every Chinese date: a Chinese release is no
		// answer for holding the characters of the question's words.
		{"no Chinese word in its characters", "青年交流项目总共花费多少？", "312.000 Euro"},
		// But an English text holds a Chinese name in brackets whole.
		{"Chinese name in an English release", "沈嘉怡是谁？", "Shen Jiayi (沈嘉怡), managing director"},
		// Leute are people, whom a sentence counts.
		{"people counted", "Wie viele Leute dürfen höchstens bei einer Sitzung der Hydrogen Dialogues dabei sein?", "400 people"},
	})
}

func TestContactSinceOnlyWhereASourceSaysIt(t *testing.T) {
	// Two releases name the same press contact, neither says since
	// when: the day of the first is when she was seen, not when she
	// began, and no answer to "Ab wann …?" (though it stays the day
	// until which the contact before her is given).
	release := func(day, title, heading string) string {
		return "Berlin, " + day + "\n\nPressemitteilung\n\n" + title + "\n\nDies ist eine fiktive Testmeldung. Die ISA lädt zu einem Fachforum ein.\n\n" +
			heading + "\nJana Brandt\nPressesprecherin\nISA-Kontaktstelle Deutschland\nTelefon: +49 30 1234 5678\nE-Mail: presse@isa-kontakt.example\n"
	}
	e := engineWithReleases(t, map[string]string{
		"2042-03-10-forum.txt": release("10. März 2042", "ISA lädt zum Fachforum Wasserstoff ein", "Pressekontakt"),
		"2042-06-10-forum.txt": release("10. Juni 2042", "ISA lädt zum Fachforum Logistik ein", "Pressekontakt"),
	})
	a, err := e.Answer(t.Context(), "Ab wann ist die Pressesprecherin zuständig?", "")
	if err != nil || strings.Contains(a.Text, "seit dem 10. März 2042") {
		t.Errorf("answer %q (confidence %.2f, rule %s, %v), want no start day", a.Text, a.Confidence, a.Rule, err)
	}
	// A day the first says stays when a later one, before that day,
	// names her without one.
	e = engineWithReleases(t, map[string]string{
		"2042-03-10-forum.txt": release("10. März 2042", "ISA lädt zum Fachforum Wasserstoff ein", "Pressekontakt ab 1. April 2042"),
		"2042-03-20-forum.txt": release("20. März 2042", "ISA lädt zum Fachforum Logistik ein", "Pressekontakt"),
	})
	answersContain(t, e, map[string]string{"Ab wann ist die Pressesprecherin zuständig?": "seit dem 1. April 2042"})
}

func TestPassagesTiedWithTheBestAreWeighed(t *testing.T) {
	// The paragraphs of a release whose title matches all score alike,
	// in the order they stand: one below the sixth, which says who leads
	// the project, is weighed as the six above it are.
	e := engineWith(t, "testdata/blind33")
	answersContain(t, e, map[string]string{"Who's running ClearFlow?": "Ostendorp"})
}

func TestWhichInTheAccusativeAsksNoList(t *testing.T) {
	// "Welchen Namen …?" asks the names, not a list: welchen is a word
	// for which only after a preposition ("In welchen Städten …?").
	a, err := testEngine(t).Answer(t.Context(), "Welchen Namen trägt die Allianz?", "")
	if err != nil || a.Rule != "names" {
		t.Errorf("rule %q (%v), want names: %s", a.Rule, err, a.Text)
	}
}

func TestSurnameIsNoPlace(t *testing.T) {
	// A town of the gazetteer right after a given name is someone's
	// surname; after an article or preposition and a word, a place.
	e := testEngine(t)
	tests := []struct {
		text, place string
		surname     bool
	}{
		{"开姆尼茨市手工业协会代表Friederike Laubach说：好。", "Laubach", true},
		{"Oberbürgermeisterin Friederike Laubach sagte: Gut.", "Laubach", true},
		{"„Gut“, sagte Friederike Laubach.", "Laubach", true},
		{"in der Lutherstadt Wittenberg", "Wittenberg", false},
		{"bei Siemens Erlangen und Bosch Reutlingen", "Erlangen", false},
		{"Die Domstadt Passau", "Passau", false},
	}
	for _, tt := range tests {
		i := slices.IndexFunc(e.placesIn(tt.text), func(p foundPlace) bool { return p.name == tt.place })
		if i < 0 {
			t.Fatalf("%s: no place %s", tt.text, tt.place)
		}
		if got := e.isSurname(tt.text, e.placesIn(tt.text)[i]); got != tt.surname {
			t.Errorf("%s: %s is a surname: %v, want %v", tt.text, tt.place, got, tt.surname)
		}
	}
}

func TestContactNamedForTheSoundOfTheName(t *testing.T) {
	// The contact person's name written for its sound (伊韦森, Iversen)
	// is the person, not a subject of its own.
	answersContain(t, engineWith(t, "testdata/blind20"), map[string]string{"新任新闻发言人伊韦森今年多大？": "38"})
}

func TestCountOfMembers(t *testing.T) {
	// The member count answers "how many" of the members, not of a
	// word nothing explained; asked twice, it gives all and each side.
	e := testEngine(t)
	tests := []struct {
		question string
		count    bool
		contains string
	}{
		{"How many entries were there, and from how many cities?", false, ""},
		{"Wie viele Firmen aus den Mitgliedsstädten waren da?", false, ""},
		{"Wie viele Mitgliedsstädte hat die ISA?", true, "47"},
		{"Wie viele Mitglieder hat die ISA, und wie viele davon sind chinesische Städte?", true, "47"},
		{"How many Chinese member cities are there?", true, "27"},
		// A plural the stop words hold is counted, not the members.
		{"How many journalists have signed up for the press talk in Chemnitz?", false, ""},
	}
	for _, tt := range tests {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if (a.Rule == "count") != tt.count || !strings.Contains(a.Text, tt.contains) {
			t.Errorf("%s: rule %s: %s", tt.question, a.Rule, a.Text)
		}
	}
}

func TestDeadlineSentence(t *testing.T) {
	// A question for a deadline is answered by the date the release
	// gives as one, across languages: "by 16 October 2026" for 截止日期.
	e := engineWith(t, "testdata/eval")
	for q, want := range map[string]string{
		"成员城市给第十二届全体大会报名代表团的截止日期是哪天？":                                             "16 October 2026",
		"Bis wann sollen die Wasserstofftankstellen des H2 Corridor fertig sein?": "2028",
	} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(a.Text, want) {
			t.Errorf("%s: %s, want %q", q, a.Text, want)
		}
	}
}

func TestMergeSuccessorsByRole(t *testing.T) {
	// Who succeeds whom: a role every city has only in the same city; a
	// German role in the feminine is the role in the masculine; a
	// deputy who becomes the holder, in another language, leaves the
	// deputy's role.
	asOf := func(y int) corpus.Cite { return corpus.Cite{Source: "s", AsOf: corpus.Date{Year: y}} }
	de := func(role string) corpus.Text { return corpus.Text{corpus.German: role} }
	tests := []struct {
		name       string
		before     corpus.Person
		learnt     corpus.Person
		successor  string
		learntRole string
	}{
		{"mayors of two cities", corpus.Person{Name: "Henrik Lütjens", Role: de("Oberbürgermeister"), Cite: asOf(2030)},
			corpus.Person{Name: "Marc Brügelmann", Role: de("Oberbürgermeister")}, "", "Oberbürgermeister"},
		{"mayors of two named cities", corpus.Person{Name: "Torsten Harbusch", Role: de("Oberbürgermeister von Aachen"), Cite: asOf(2030)},
			corpus.Person{Name: "Jutta Weyrauch", Role: de("Oberbürgermeisterin von Kaiserslautern")}, "", "Oberbürgermeisterin von Kaiserslautern"},
		{"the mayor of one city", corpus.Person{Name: "Torsten Harbusch", Role: de("Oberbürgermeister von Aachen"), Cite: asOf(2030)},
			corpus.Person{Name: "Jutta Weyrauch", Role: de("Oberbürgermeisterin von Aachen")}, "Jutta Weyrauch", "Oberbürgermeisterin von Aachen"},
		{"in the feminine, with an umlaut", corpus.Person{Name: "Hans Berg", Role: de("Landrat des Kreises Lippe"), Cite: asOf(2030)},
			corpus.Person{Name: "Eva Roth", Role: de("Landrätin des Kreises Lippe")}, "Eva Roth", "Landrätin des Kreises Lippe"},
		{"in the feminine", corpus.Person{Name: "Liu Yi", Role: de("Generalsekretär des ISA-Sekretariats in Foshan"), Cite: asOf(2022)},
			corpus.Person{Name: "Tan Yuqing", Role: de("Generalsekretärin des ISA-Sekretariats in Foshan")}, "Tan Yuqing", "Generalsekretärin des ISA-Sekretariats in Foshan"},
		{"the deputy becomes the holder", corpus.Person{Name: "Tan Yuqing", Role: corpus.Text{corpus.English: "Deputy Secretary-General of the ISA"}, Cite: asOf(2030)},
			corpus.Person{Name: "Tan Yuqing", Role: de("Generalsekretärin"), Since: corpus.Date{Year: 2031, Month: 5, Day: 18}}, "", "Generalsekretärin"},
	}
	for _, tt := range tests {
		base := &corpus.Data{Alliance: corpus.Alliance{People: []corpus.Person{tt.before}}}
		r := &corpus.Release{ID: "r", Date: time.Date(2031, 5, 18, 0, 0, 0, 0, time.UTC), Lang: corpus.German}
		people := merge(base, map[string]*learned{r.ID: {release: r, people: []corpus.Person{tt.learnt}}}).Alliance.People
		if people[0].Successor != tt.successor {
			t.Errorf("%s: %s's successor %q, want %q", tt.name, people[0].Name, people[0].Successor, tt.successor)
		}
		learnt := people[len(people)-1]
		if got := learnt.Role[corpus.German]; got != tt.learntRole || len(learnt.Role) != 1 && tt.successor == "" {
			t.Errorf("%s: %s's role %v, want only %q", tt.name, learnt.Name, learnt.Role, tt.learntRole)
		}
	}
}

func TestMergeSuccessors(t *testing.T) {
	// Two newer holders of the Secretary-General's role, one after the
	// other: each succeeds the one before, and the deputy, whose role
	// ends in the same word, is nobody's predecessor.
	asOf := func(y int) corpus.Cite { return corpus.Cite{Source: "s", AsOf: corpus.Date{Year: y}} }
	base := &corpus.Data{Alliance: corpus.Alliance{People: []corpus.Person{
		{Name: "Liu Yi", Role: corpus.Text{corpus.Chinese: "联盟秘书处（佛山）秘书长"}, Cite: asOf(2022)},
		{Name: "Rong Qiang", Role: corpus.Text{corpus.Chinese: "联盟秘书处副秘书长"}, Cite: asOf(2022)},
	}}}
	learnt := map[string]*learned{}
	for i, name := range []string{"Chen Siyuan", "Wang Wu"} {
		r := &corpus.Release{ID: name, Date: time.Date(2026+i, 11, 1, 0, 0, 0, 0, time.UTC), Lang: corpus.Chinese}
		learnt[r.ID] = &learned{release: r, people: []corpus.Person{{Name: name, Role: corpus.Text{corpus.Chinese: "秘书长"}}}}
	}
	successor := map[string]string{}
	for _, p := range merge(base, learnt).Alliance.People {
		successor[p.Name] = p.Successor
	}
	want := map[string]string{"Liu Yi": "Chen Siyuan", "Chen Siyuan": "Wang Wu", "Rong Qiang": "", "Wang Wu": ""}
	if !maps.Equal(successor, want) {
		t.Errorf("successors %v, want %v", successor, want)
	}
}

func TestMembershipSuspended(t *testing.T) {
	// A member whose membership rests for a year is a member, said to
	// rest until the year is over; one that leaves after the release is
	// listed among the former members once the day has come.
	e := engineWith(t, "")
	addReleases(t, e,
		"---\ntitle: \"Testmeldung: Mitgliedschaft Solingens ruht\"\ndate: 2027-01-10\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. Ruhen wird die Mitgliedschaft der Stadt Solingen in der ISA vom 1. Februar 2027 an, und zwar bis einschließlich 31. Januar 2028. Einen Antrag hatte die Stadt gestellt.\n",
		"---\ntitle: \"Test release: Lanzhou to leave\"\ndate: 2027-01-12\nlang: en\n---\n\nThis is a fictional test release. Effective 31 March 2027, Lanzhou will no longer be a member of the ISA.\n",
		"---\ntitle: \"Test release: Panjin\"\ndate: 2027-01-14\nlang: en\n---\n\nThis is a fictional test release. Panjin suspends its membership of the ISA from 1 June 2027. The suspension lasts until 31 May 2029.\n",
	)
	for _, tt := range []struct {
		now      time.Time
		question string
		want     []string
	}{
		{time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC), "Ist Solingen noch Mitglied?", []string{"Ja", "ruht vom 1. Februar 2027 bis zum 31. Januar 2028"}},
		{time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC), "索林根还是联盟成员吗？", []string{"是", "暂停"}},
		{time.Date(2028, 3, 1, 0, 0, 0, 0, time.UTC), "Is Solingen a member?", []string{"Yes"}},
		// Counted, and said to rest.
		{time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC), "Wie viele Mitglieder hat die ISA?", []string{"Mitgliedschaft von Solingen ruht"}},
		{time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC), "Which cities have left the alliance?", []string{"Lanzhou left the ISA on 31 March 2027"}},
		{time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC), "Is Panjin a member?", []string{"Yes", "is suspended from 1 June 2027 until 31 May 2029"}},
		{time.Date(2027, 7, 1, 0, 0, 0, 0, time.UTC), "Is Panjin a member?", []string{"Yes", "suspended from 1 June 2027 until 31 May 2029"}},
		// Asked whether it left: no, it rests.
		{time.Date(2027, 7, 1, 0, 0, 0, 0, time.UTC), "Has Panjin left the alliance?", []string{"No, Panjin has not left", "suspended from 1 June 2027"}},
		{time.Date(2027, 7, 1, 0, 0, 0, 0, time.UTC), "Hat Solingen die ISA verlassen?", []string{"Nein, Solingen hat die ISA nicht verlassen", "ruht"}},
		{time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC), "When was Lanzhou admitted to the alliance?", []string{"left the ISA on 31 March 2027", "October 2018"}},
		// Asked before its day, whether it leaves: the day, not "No".
		{time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC), "Will Lanzhou leave the ISA?", []string{"Lanzhou leaves the ISA on 31 March 2027"}},
	} {
		e.now = func() time.Time { return tt.now }
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(a.Text, w) {
				t.Errorf("on %s: %s: %s lacks %q", tt.now.Format(time.DateOnly), tt.question, a.Text, w)
			}
		}
		if strings.Contains(a.Text, "No, Lanzhou has not left") {
			t.Errorf("on %s: %s: %s says no, though it leaves", tt.now.Format(time.DateOnly), tt.question, a.Text)
		}
		if tt.now.Year() == 2028 && strings.Contains(a.Text, "suspended") {
			t.Errorf("a suspension that has ended is still said: %s", a.Text)
		}
	}
}

func TestMembershipLeavesLater(t *testing.T) {
	// A release says a member leaves at the end of the year: a member
	// until then, gone after.
	e := engineWith(t, "")
	addReleases(t, e, "---\ntitle: \"Testmeldung: Bottrop tritt aus\"\ndate: 2027-01-10\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. Die Stadt Bottrop wird zum 31. Dezember 2027 aus der ISA austreten.\n")
	for _, tt := range []struct {
		now  time.Time
		want []string
	}{
		{time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC), []string{"Ja", "tritt am 31. Dezember 2027 aus"}},
		{time.Date(2028, 1, 2, 0, 0, 0, 0, time.UTC), []string{"Nein", "am 31. Dezember 2027 aus der ISA ausgetreten"}},
	} {
		e.now = func() time.Time { return tt.now }
		a, err := e.Answer(t.Context(), "Ist Bottrop Mitglied?", "")
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(a.Text, w) {
				t.Errorf("on %s: %s lacks %q", tt.now.Format(time.DateOnly), a.Text, w)
			}
		}
		// The member lists and the web pages' data say the same.
		member := tt.want[0] == "Ja"
		listed := slices.ContainsFunc(e.membersOf(corpus.German, func(*corpus.City) bool { return true }), func(c *corpus.City) bool { return c.Name == "Bottrop" })
		alliance := e.Alliance()
		i := slices.IndexFunc(alliance.Cities, func(c corpus.City) bool { return c.Name == "Bottrop" })
		if listed != member || i < 0 || alliance.Cities[i].IsMember() != member {
			t.Errorf("on %s: listed %v, a member in Alliance() %v; want %v", tt.now.Format(time.DateOnly), listed, i >= 0 && alliance.Cities[i].IsMember(), member)
		}
	}
}

func TestGivesMarkedDate(t *testing.T) {
	e := testEngine(t)
	deadline, start := &e.message.deadlineMarkers, &e.message.startMarkers
	for _, tt := range []struct {
		sentence string
		markers  *cueList
		want     bool
	}{
		{"Bewerbungen nehmen die Berufskollegs bis zum 31. März 2027 entgegen.", deadline, true},
		{"Member cities must register their delegations by 16 October 2026.", deadline, true},
		{"The stations are to be built by 2028.", deadline, true},
		{"各成员城市须于2027年3月31日前向秘书处报名。", deadline, true},
		{"The forum, organised by the city, opens on 5 May 2027.", deadline, false},
		{"目前，大会定于2027年6月9日举行。", deadline, false},
		{"Ab dem 1. Januar 2027 zahlen deutsche Mitgliedsstädte jährlich 7.500 Euro.", start, true},
		{"自2027年1月1日起，德国成员城市每年缴纳7500欧元。", start, true},
		{"The plenary assembly decided on 1 December 2026 to raise the fees.", start, false},
		{"Ab dem 1. Januar 2027 zahlen deutsche Mitgliedsstädte jährlich 7.500 Euro.", deadline, false},
	} {
		if got := givesMarkedDate(tt.sentence, tt.markers); got != tt.want {
			t.Errorf("givesMarkedDate(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

func TestBoundaryAsked(t *testing.T) {
	e := testEngine(t)
	for question, want := range map[string]*cueList{
		"Bis wann läuft die Bewerbungsfrist?":           &e.message.deadlineMarkers,
		"Ab wann gelten die neuen Beitragssätze?":       &e.message.startMarkers,
		"Since when has Ludwigshafen been a member?":    &e.message.startMarkers,
		"新会费从什么时候开始执行？":                                 &e.message.startMarkers,
		"余热利用项目什么时候结束？":                                 &e.message.deadlineMarkers,
		"When does the pilot end?":                      &e.message.deadlineMarkers,
		"Wann wurde die Allianz gegründet?":             nil,
		"Wie viele Mitglieder hat die Allianz ab 2027?": nil,
	} {
		if got := e.boundaryAsked(e.read(question, "")); got != want {
			t.Errorf("boundaryAsked(%q) = %p, want %p", question, got, want)
		}
	}
}

func TestSentenceOfTheRelease(t *testing.T) {
	// Which release answers is the search's to say; which of its
	// sentences, the sentences': the one that counts delegates, in a
	// paragraph the search ranked lower than the one with a number of
	// people per delegation.
	e := engineWith(t, "testdata/blind3")
	a, err := e.Answer(t.Context(), "How many delegates are expected in Mainz?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "300") {
		t.Errorf("%s, want the 300 delegates", a.Text)
	}
}

func TestMergeKnownPersonTakesAlias(t *testing.T) {
	// A release names a person the data know, in Chinese characters too:
	// questions find them by either name, and the data files keep theirs.
	base := &corpus.Data{Alliance: corpus.Alliance{People: []corpus.Person{{Name: "Liu Yi", Role: corpus.Text{corpus.English: "Secretary-General"}}}}}
	r := &corpus.Release{ID: "r", Date: time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC), Lang: corpus.Chinese}
	learnt := map[string]*learned{"r": {release: r, people: []corpus.Person{{Name: "Liu Yi", Aliases: []string{"刘毅"}, Role: corpus.Text{corpus.Chinese: "秘书长"}}}}}
	people := merge(base, learnt).Alliance.People
	if len(people) != 1 || !slices.Equal(people[0].Aliases, []string{"刘毅"}) {
		t.Errorf("people %+v, want Liu Yi also known as 刘毅", people)
	}
	if len(base.Alliance.People[0].Aliases) != 0 {
		t.Error("merging changed the data files' people")
	}
}

func TestSuccessorQuestion(t *testing.T) {
	e := engineWith(t, "testdata/blind3")
	for q, want := range map[string]string{
		"Wer wird Nachfolger von Generalsekretär Liu Yi?": "Chen Siyuan",
		"Who succeeded Liu Yi?":                           "Chen Siyuan",
		// Whom someone followed, asked in other words.
		"Wer ging Chen Siyuan als Generalsekretär voraus?": "Liu Yi",
		"陈思远的前任是谁？":                                        "Liu Yi",
	} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != "successor" || !strings.Contains(a.Text, want) {
			t.Errorf("%s: rule %s: %s, want %s", q, a.Rule, a.Text, want)
		}
	}
}

func TestReasonQuestion(t *testing.T) {
	// A reason is in a release's text; where none gives one, the facts
	// of the data answer what they can.
	e := engineWith(t, "testdata/blind3")
	for _, tt := range []struct{ q, rule, want string }{
		{"Warum ist Bottrop ausgetreten?", "reason", "Haushalt"},
		{"博特罗普为什么退出中德工业城市联盟？", "reason", "Haushalt"},
		{"Why is Bottrop pulling out of the alliance?", "reason", "Haushalt"},
		{"Warum wurde die ISA gegründet?", "founding", "2016"},
	} {
		a, err := e.Answer(t.Context(), tt.q, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != tt.rule || !strings.Contains(a.Text, tt.want) {
			t.Errorf("%s: rule %s: %s; want rule %s with %q", tt.q, a.Rule, a.Text, tt.rule, tt.want)
		}
	}
	// A sentence that justifies a step gives a reason too.
	q := e.read("Warum tritt Hildesheim aus?", corpus.German)
	for sentence, want := range map[string]bool{
		"Der Rat der Stadt begründete den Schritt mit Haushaltszwängen.": true,
		"The council left, citing budget constraints.":                   true,
		"Der Rat der Stadt tagte am 3. Mai.":                             false,
	} {
		if got := e.holds(sentence, aReason, q); got != want {
			t.Errorf("holds(%q, reason) = %v, want %v", sentence, got, want)
		}
	}
}

func TestMembershipApplied(t *testing.T) {
	// A release says the next assembly will consider Kassel's application:
	// no member, and the answer says it applied.
	e := engineWith(t, "testdata/blind3")
	for q, want := range map[string]string{
		"Ist Kassel schon Mitglied der ISA?": "hat die Aufnahme beantragt",
		"Is Kassel a member?":                "has applied to join",
	} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, want) || strings.HasPrefix(a.Text, "Ja") || strings.HasPrefix(a.Text, "Yes") {
			t.Errorf("%s: %s, want a no and %q", q, a.Text, want)
		}
	}
}

func TestTimeOfDay(t *testing.T) {
	// A time of day as releases write it, and numbers that are none.
	tests := []struct {
		sentence, time string
	}{
		{"Die Konzerte beginnen jeweils um 19.30 Uhr im Stadttheater.", "19.30 Uhr"},
		{"All sessions start at 10:00 CET (16:00 Beijing time).", "10:00"},
		{"The talks begin at 3 p.m. on the stage.", "3 p.m."},
		{"The hotline is open until 5pm.", "5pm"},
		{"The hotline is open until 5 pm.", "5 pm"},
		{"秘书处将于2028年10月16日北京时间15:00举办线上说明会。", "15:00"},
		{"开幕式于下午3点开始。", "下午3点"},
		{"活动每天上午九点半开始。", "上午九点半"},
		{"会议从14时30分开始。", "14时30分"},
		{"Die Teilnahme kostet 4.50 Euro.", ""},
		{"Die Sitzung dauerte 3 Stunden, an 2 am Tag.", ""},
		{"会议持续3小时，提出了3点建议。", ""},
		{"Am 12.05.2028 wurde der Vertrag unterzeichnet.", ""},
	}
	e := testEngine(t)
	for _, tt := range tests {
		lang, _ := DetectLang(tt.sentence)
		q := e.read("Um wie viel Uhr?", lang)
		if got := e.holds(tt.sentence, aTime, q); got != (tt.time != "") {
			t.Errorf("holds(%q, aTime) = %v", tt.sentence, got)
		}
		if got := e.factIn(tt.sentence, aTime, q); got != tt.time {
			t.Errorf("factIn(%q, aTime) = %q, want %q", tt.sentence, got, tt.time)
		}
	}
}

func TestHanSuffix(t *testing.T) {
	// The run of Chinese characters that ends a text, without the bytes
	// of the character before it, which may take several.
	for _, tt := range []struct{ text, want string }{
		{"签署协议，联盟秘书处", "联盟秘书处"},
		{"Tiedemann）联盟", "联盟"},
		{"联盟秘书处", "联盟秘书处"},
		{"ISA", ""},
		{"", ""},
	} {
		if got := hanSuffix(tt.text); got != tt.want {
			t.Errorf("hanSuffix(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestMarkedDateAnswered(t *testing.T) {
	// "Since when" is answered by a date or year a start's word marks,
	// "until when" by an end's: the one nearest the city asked about,
	// else the first day, else the first year; none if none is marked.
	tests := []struct {
		question, sentence, want string
	}{
		{"Since when did Solingen lead the working group?", "Die Leitung, die Solingen seit 2019 innehatte, übernimmt ab dem 1. November 2033 Wuppertal.", "2019"},
		{"Since when does Wuppertal lead the working group?", "Die Leitung, die Solingen seit 2019 innehatte, übernimmt ab dem 1. November 2033 Wuppertal.", "1 November 2033"},
		{"Bis wann läuft der Vertrag?", "Der Vertrag läuft bis 2036 und wurde bis zum 31. Dezember 2038 verlängert.", "31. Dezember 2038"},
		{"Seit wann gibt es das Labor?", "Am 3. Mai 2030 unterzeichnet, arbeitet das Labor seit dem 1. Juni 2030.", "1. Juni 2030"},
		{"Bis wann läuft das Projekt?", "Das Projekt startet am 1. September 2033 und läuft bis zum 31. August 2036.", "31. August 2036"},
		{"Bis wann läuft das Projekt?", "Das Projekt startete am 1. September 2033.", ""},
	}
	e := testEngine(t)
	for _, tt := range tests {
		lang, _ := DetectLang(tt.question)
		q := e.read(tt.question, lang)
		if got := e.factIn(tt.sentence, aDate, q); got != tt.want {
			t.Errorf("%s: factIn(%q) = %q, want %q", tt.question, tt.sentence, got, tt.want)
		}
	}
}

func TestTimeOfDayAnswered(t *testing.T) {
	// "What time" is answered by the sentence with the time, in another
	// language too, not by one with a date or a number alone.
	e := engineWith(t, "testdata/blind9")
	a, err := e.Answer(t.Context(), "What time do the ISA Digital Dialogues sessions start for viewers in China?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "16:00") {
		t.Errorf("answered %v: %s", a.Answered, a.Text)
	}
}

func TestKindOfFactAloneIsTheSubject(t *testing.T) {
	// The budget is what "联盟2030年的预算是多少？" asks about, and the
	// passage that names it answers; "Ab wie viel Uhr?" alone asks
	// nothing of its own, and is answered with the question before it.
	e := engineWith(t, "testdata/blind15")
	a, err := e.Answer(t.Context(), "联盟2030年的预算是多少？", "")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "1.85") {
		t.Errorf("answered %v: %s", a.Answered, a.Text)
	}
	q := e.read("Ab wie viel Uhr?", corpus.German)
	for _, w := range e.topicWords(q) {
		if w.text == "Uhr" && !w.kind {
			t.Errorf("Ab wie viel Uhr?: %q is a subject", w.text)
		}
	}
}

func TestVerbSaysLessThanNoun(t *testing.T) {
	// An English or Chinese verb of the topic counts half, as a German
	// word in small letters does: the dictionary says it is a verb.
	tests := []struct {
		question, verb, noun string
	}{
		{"Until what time can the press office be reached on weekdays?", "reached", "weekdays"},
		{"萨尔布吕肯2029年实际要交多少会费？", "交", "会费"},
	}
	e := testEngine(t)
	for _, tt := range tests {
		lang, _ := DetectLang(tt.question)
		q := e.read(tt.question, lang)
		minor := map[string]bool{}
		for _, w := range e.topicWords(q) {
			minor[w.text] = w.minor
		}
		if !minor[tt.verb] || minor[tt.noun] {
			t.Errorf("%s: minor %v, want %s and not %s", tt.question, minor, tt.verb, tt.noun)
		}
	}
}

func TestNoMadeUpMemberships(t *testing.T) {
	// blind15's releases hold a train that "leaves the Neuss terminal",
	// an office "in Berlin" beside an accession, and companies counted
	// by side: none of them changes who is a member.
	e := engineWith(t, "testdata/blind15")
	e.now = func() time.Time { return time.Date(2029, time.June, 30, 12, 0, 0, 0, time.UTC) }
	tests := []struct{ question, want string }{
		{"Ist der Rhein-Kreis Neuss noch Mitglied der ISA?", "Ja,"},
		{"Is Nanchang still a member of the alliance?", "Yes,"},
		{"Ist Berlin Mitglied der ISA?", "Nein,"},
		{"Wie viele deutsche Mitglieder hat die ISA?", "21"},
	}
	for _, tt := range tests {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, tt.want) {
			t.Errorf("%s: %s, want %q", tt.question, a.Text, tt.want)
		}
	}
}

func TestCityAdjectiveIsTheCity(t *testing.T) {
	// "Saarbrücker" and "Magdeburger" name their cities, in every
	// script: not a typo of Saarbrücken, nor an unknown word.
	e := engineWith(t, "testdata/blind15")
	tests := []struct{ question, city, chinese string }{
		{"Wann hat der Saarbrücker Stadtrat den Beitritt beschlossen?", "Saarbrücken", "萨尔布吕肯"},
		{"Wie viele Magdeburger Unternehmen haben Werke in China?", "Magdeburger", "马格德堡"},
	}
	for _, tt := range tests {
		q := e.read(tt.question, corpus.German)
		i := slices.IndexFunc(e.topicWords(q), func(w topicWord) bool { return w.text == tt.city })
		if i < 0 {
			t.Errorf("%s: no topic word %s", tt.question, tt.city)
			continue
		}
		w := e.topicWords(q)[i]
		if !w.name || !slices.ContainsFunc(w.parts[corpus.English], func(parts []string) bool { return strings.Join(parts, "") == tt.chinese }) &&
			!slices.Contains(w.terms[corpus.Chinese], tt.chinese) {
			t.Errorf("%s: %+v, want a name found as %s", tt.question, w, tt.chinese)
		}
	}
}

func TestFrequencyQuestion(t *testing.T) {
	// "How often" is answered by a word for how often ("每年", "jährlich")
	// or a number of times, not by any number.
	e := engineWith(t, "testdata/blind3")
	a, err := e.Answer(t.Context(), "How often will the mayors' forum take place from now on?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "每年") {
		t.Errorf("%s, want 每年 (every year)", a.Text)
	}
}

func TestMonthIsNoSubject(t *testing.T) {
	// "the December assembly" asks about an assembly, not about a place
	// called December; an unknown capitalised word still names one.
	e := testEngine(t)
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"Which city did the December assembly admit as a new member?", false},
		{"Is Gotham a member of the ISA?", true},
	} {
		if got := e.read(tt.q, corpus.English).unknownIsNoun(); got != tt.want {
			t.Errorf("%s: unknown noun %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestNextAssemblyFromRelease(t *testing.T) {
	// A release names the next assembly by its day and place but with no
	// number, so the data hold no next one: the release's sentence is
	// the answer, in another language too, found by the words the
	// assembly has there. Without it the sources name none (the own
	// questions).
	e := engineWith(t, "testdata/blind4")
	e.now = func() time.Time { return time.Date(2026, time.December, 4, 12, 0, 0, 0, time.UTC) }
	for question, want := range map[string]string{
		"Wann ist die nächste Plenarversammlung?": "18. Mai 2027",
		"When is the next plenary assembly?":      "18 May 2027",
		"下一次全体大会什么时候举行？":                          "2027年5月18日",
	} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || a.Rule != "assemblies" || !strings.Contains(a.Text, want) {
			t.Errorf("%s: answered %v by %s: %s", question, a.Answered, a.Rule, a.Text)
		}
	}
}

func TestAssemblyOfAYearFromRelease(t *testing.T) {
	// "联盟2027年全体大会将于2027年10月在洛阳举行": no number, so the
	// data know no assembly of 2027, but the release's sentence does.
	e := engineWith(t, "testdata/blind6")
	a, err := e.Answer(t.Context(), "Wo und wann findet die Vollversammlung 2027 statt?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "洛阳") {
		t.Errorf("answered %v by %s: %s", a.Answered, a.Rule, a.Text)
	}
}

func TestDictionaryClone(t *testing.T) {
	// An engine's dictionary begins as a clone of the lexicon's words,
	// made once a process: it must be the dictionary made afresh, and
	// adding the corpus's names to it must leave the shared one as it
	// was.
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	lex := embeddedLanguage().lexicon
	words := lexiconDictionary(lex)
	got := buildDictionary(data, words)
	want := lexiconDictionary(lex)
	addNames(want, data)
	if !reflect.DeepEqual(got, want) {
		t.Error("the clone with the names differs from the dictionary made afresh")
	}
	if !reflect.DeepEqual(words, lexiconDictionary(lex)) {
		t.Error("adding the names to the clone changed the lexicon's dictionary")
	}
}

func TestCityNoteAnswersOneCity(t *testing.T) {
	// No one city of a note answers which two: Yunfu's "founding group"
	// is no working group either. The release on the working group does.
	e := engineWithRelease(t, "2041-05-12-wg.txt", "Nuremberg, 12 May 2041\nPress release\n30th plenary assembly in Nuremberg\n\nA working group \"Hydrogen and Heavy Industry\" was set up; Bottrop and Deyang will chair it jointly.\n")
	for _, q := range []string{"新成立的工作组由哪两座城市牵头？", "Which two cities lead the new working group?"} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule == "city-note" || !strings.Contains(a.Text, "Bottrop") {
			t.Errorf("%s: %s: %s", q, a.Rule, a.Text)
		}
	}
}

func TestCityNoteHoldsChineseWordsWhole(t *testing.T) {
	// A Chinese word of a note as written: 研究机构 is no 机构 of Berlin's
	// "联盟在德国的联络机构（PKS公司）位于柏林".
	a, err := engineWith(t, "testdata/blind38").Answer(t.Context(), "德方牵头的研究机构位于哪座城市？", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule == "city-note" {
		t.Errorf("%s: %s", a.Rule, a.Text)
	}
}

func TestCityNote(t *testing.T) {
	// A question about a city the data's notes describe is answered by
	// that city; a word found only as a single Chinese character of a
	// note ("come" as 来 of 来自) finds none, nor a note with another
	// number.
	e := testEngine(t)
	for _, tt := range []struct {
		q, rule, want string
	}{
		{"Welche Stadt war die erste aus dem Nordosten Chinas in der ISA?", "city-note", "Panjin"},
		{"What was the first city from northeast China to sign up?", "city-note", "Panjin"},
		{"From how many Chinese provinces do the member cities come?", "", ""},
		// A note must give the number asked: Taizhou hosted the 4th.
		{"Welche Stadt war Gastgeber der 4. Plenarversammlung?", "city-note", "Taizhou"},
		{"Welche Stadt war Gastgeber der 20. Plenarversammlung?", "", ""},
		{"Which city was the first from northeast China among the 27 Chinese members?", "city-note", "Panjin"},
		{"哪个城市是第一个来自中国东北部的成员？", "city-note", "盘锦"}, // 东北部 by the note's 东北
	} {
		a, err := e.Answer(t.Context(), tt.q, "")
		if err != nil {
			t.Fatal(err)
		}
		if (a.Rule == "city-note") != (tt.rule != "") || !strings.Contains(a.Text, tt.want) {
			t.Errorf("%s: %s: %s", tt.q, a.Rule, a.Text)
		}
	}
}

func TestWhoAnsweredByCity(t *testing.T) {
	// "Who paid?" may be answered by a city the question does not name,
	// but a person beats it.
	e := testEngine(t)
	for _, tt := range []struct {
		sentence, question string
		holds, byCity      bool
	}{
		{"The City of Nuremberg covered the remaining costs of the stand.", "Who paid for the rest of the stand?", true, true},
		{"The City of Nuremberg covered the remaining costs of the stand.", "Who in Nuremberg paid for the stand?", false, false},
		{"其余费用由江门市承担。", "其余费用由谁承担？", true, true},
		{"Die übrigen Kosten trägt Oberbürgermeister Dr. Hans Richter aus Nürnberg.", "Wer trägt die Kosten?", true, false},
	} {
		lang, _ := DetectLang(tt.question)
		q := e.read(tt.question, lang)
		found := []scoredPassage{{p: &passage{Text: tt.sentence, Release: &corpus.Release{ID: "r", Lang: lang}}, score: 1, coverage: 1}}
		c := e.bestSentence(q, found, nil, nil, nil)
		if c.holds != tt.holds || c.byCity != tt.byCity {
			t.Errorf("%s / %s: holds %v, by a city %v; want %v, %v", tt.question, tt.sentence, c.holds, c.byCity, tt.holds, tt.byCity)
		}
	}
}

func TestCitiesAnswering(t *testing.T) {
	// "Which German cities …?" is answered by the German cities a sentence
	// names, not by the city the question names itself.
	e := testEngine(t)
	q := e.read("Welche deutschen Städte haben Mannschaften nach Zhuzhou geschickt?", corpus.German)
	var got []string
	for _, p := range e.citiesAnswering("Nach Zhuzhou kamen Teams aus Liuzhou, Ingolstadt und Nürnberg.", q) {
		got = append(got, cmp.Or(p.city, p.nonMember).Name)
	}
	if want := []string{"Ingolstadt", "Nürnberg"}; !slices.Equal(got, want) {
		t.Errorf("cities %v, want %v", got, want)
	}
	if fact := e.factIn("参赛的有株洲、柳州、英戈尔施塔特和纽伦堡的球队。", aCity, q); !strings.Contains(fact, "Ingolstadt") || strings.Contains(fact, "Zhuzhou") || strings.Contains(fact, "Liuzhou") {
		t.Errorf("fact %q, want Ingolstadt and Nürnberg only", fact)
	}
}

func TestChineseNameFoundWhole(t *testing.T) {
	// A name in Chinese characters is found by all of them: 德斯 of
	// 希尔德斯海姆 in another sentence is no Hildesheim.
	e := engineWith(t, "testdata/eval") // releases in all three languages
	names := map[string]bool{"Hildesheim": true}
	variants := map[string][]string{"Hildesheim": {"希尔德斯海姆"}}
	w := e.topicOf([]string{"Hildesheim"}, names, variants, corpus.German)[0]
	for text, want := range map[string]bool{
		"希尔德斯海姆市长表示欢迎。":   true,
		"阿德斯坦和海姆巴赫的代表出席。": false,
	} {
		if got := w.foundIn(e.termSet(corpus.Chinese, text)); got != want {
			t.Errorf("Hildesheim found in %q: %v, want %v", text, got, want)
		}
	}
}

func TestChineseWordTerms(t *testing.T) {
	// The character pairs of a run that cross its words are no terms of
	// it: 任总 of 现任总理 is in 主任总结 too.
	e := testEngine(t)
	for run, want := range map[string][]string{
		"现任总理":   {"现任", "总理"},
		"奖学金获得者": {"奖学", "学金", "获得", "得者"},
	} {
		terms := searchTerms(e.index.analyze(corpus.Chinese, run))
		if got := e.chineseWordTerms(corpus.Chinese, run, terms); !slices.Equal(got, want) {
			t.Errorf("%s: terms %v, want %v (of %v)", run, got, want, terms)
		}
	}
}

func TestClosestPassageSaid(t *testing.T) {
	// An answer from a paragraph that holds part of the question's topic
	// is said to be the closest passage found, with less confidence; one
	// that holds all of it is not.
	e := engineWith(t, "testdata/blind3")
	for _, tt := range []struct {
		question string
		closest  bool
	}{
		{"Wer nimmt bei ISA-Dual die Abschlussprüfung ab?", true},
		{"Wie hoch ist das Gesamtbudget des dualen Programms?", false},
	} {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		closest := strings.HasPrefix(a.Text, msg(corpus.German, "passage.closest"))
		if !a.Answered || closest != tt.closest || closest && a.Confidence > confidenceClosest {
			t.Errorf("%s: answered %v, closest %v (want %v), confidence %.2f: %s", tt.question, a.Answered, closest, tt.closest, a.Confidence, a.Text)
		}
	}
}

// topicTexts are the texts of the topic words of question.
func topicTexts(e *Engine, question string, lang corpus.Lang) []string {
	var texts []string
	for _, w := range e.topicWords(e.read(question, lang)) {
		texts = append(texts, w.text)
	}
	return texts
}

func TestSeparableVerbIsOneWord(t *testing.T) {
	// A German verb and the particle that closes the question are one
	// word: "steuert … bei" contributes, "denken … nach" considers.
	e := testEngine(t)
	for question, want := range map[string]string{
		"Wie viel Geld steuert der Projektfonds zu HeatLink bei?":                      "beisteuert",
		"Wie viele chinesische Firmen denken über einen Standort in Deutschland nach?": "nachdenken",
		"Was legt die Satzung fest?":                                                   "festlegt",
	} {
		got := topicTexts(e, question, corpus.German)
		if !slices.Contains(got, want) {
			t.Errorf("%s: topic %v, want %s", question, got, want)
		}
	}
	// Not a word before the verb, nor a verb of another clause, nor the
	// particle itself; the particle joined is no word of its own.
	for question, wrong := range map[string][]string{
		"Wie viel zusätzliches Geld steuert der Projektfonds zu HeatLink bei?":         {"beizusätzliches", "bei"},
		"Wie viele Partner tragen das Labor, und wer führt es auf deutscher Seite an?": {"antragen"},
		"Wann ist Frau Kuang wieder zurück?":                                           {"zurückzurück"},
		"Was legt die Satzung fest?":                                                   {"fest"},
	} {
		got := topicTexts(e, question, corpus.German)
		if slices.ContainsFunc(got, func(t string) bool { return slices.Contains(wrong, t) }) {
			t.Errorf("%s: topic %v, want none of %v", question, got, wrong)
		}
	}
}

func TestMeasureWordIsNoTopic(t *testing.T) {
	// 名 of 几名 counts people, and 篇 of 那篇 a text: neither is what a
	// question is about.
	e := testEngine(t)
	for question, measure := range map[string]string{
		"亚琛和佛山每年交换几名博士生？": "名",
		"那篇新闻稿提到了什么展览？":   "篇",
	} {
		got := topicTexts(e, question, corpus.Chinese)
		if slices.Contains(got, measure) || len(got) == 0 {
			t.Errorf("%s: topic %v, want no %s", question, got, measure)
		}
	}
	// A measure word that ends a word with the character before it is
	// that word's: the 家 of 厂家 (manufacturers), of 搬家 (moving house).
	for question, word := range map[string]string{
		"办公室因搬家关闭了哪几天？": "搬家",
		"展会上有多少厂家参展？":   "厂家",
	} {
		got := topicTexts(e, question, corpus.Chinese)
		if !slices.ContainsFunc(got, func(t string) bool { return strings.Contains(t, word) }) {
			t.Errorf("%s: topic %v, want %s in a word", question, got, word)
		}
	}
}

func TestPressContactOfTheSecretariat(t *testing.T) {
	// A contact block that names the alliance's press contact at the
	// secretariat is the press contact from its release's date on: the
	// newest answers who the contact is.
	e := testEngine(t)
	r := &corpus.Release{ID: "r", Lang: corpus.Chinese, Contact: []string{
		"陈思远（Chen Siyuan），联盟新闻联络人", "中德工业城市联盟秘书处", "电话：+86 757 2878 6690", "电子邮箱：press@isa-cityalliance.cn",
	}}
	o := e.learner.contact(r, corpus.Cite{})
	if o == nil || o.Kind != corpus.OfficeSecretariat || !o.Press || o.Person != "陈思远（Chen Siyuan）" ||
		o.PersonRole.In(corpus.German) != "Pressekontakt" || o.Email != "press@isa-cityalliance.cn" {
		t.Fatalf("learned %+v", o)
	}
	// Without the press role, the block is the secretariat's only.
	r.Contact[0] = "陈思远（Chen Siyuan）"
	if o := e.learner.contact(r, corpus.Cite{}); o == nil || o.Press {
		t.Errorf("without a press role: %+v", o)
	}

	e = engineWith(t, "testdata/blind6")
	a, err := e.Answer(t.Context(), "Wer ist der Pressekontakt der ISA?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Chen Siyuan") || !strings.Contains(a.Text, "press@isa-cityalliance.cn") {
		t.Errorf("the newest press contact: %s", a.Text)
	}
}

func TestLearnerKnowsWordsFromPlaces(t *testing.T) {
	// 合作 ("cooperation") is also Hezuo county: a release that says a
	// city joined after signing a cooperation agreement names one city.
	e := testEngine(t)
	r := &corpus.Release{ID: "r", Lang: corpus.Chinese, Date: time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC),
		Body: []string{"宁波与联盟签署合作协议，并于2026年12月7日正式加入中德工业城市联盟。"}}
	var joined []string
	for _, m := range e.learner.facts(r).memberships {
		joined = append(joined, m.city.Name)
	}
	if len(joined) != 1 || joined[0] != "Ningbo" {
		t.Errorf("joined: %v, want Ningbo only", joined)
	}
}

func TestEnumeration(t *testing.T) {
	enumeration := testEngine(t).message.enumeration
	for text, want := range map[string]bool{
		"Goods heading to China will mainly be German food products, cosmetics and kitchenware.":             true,
		"Drei Schwerpunkte: Chemie und neue Werkstoffe, Wasserstofftechnik sowie die berufliche Ausbildung.": true,
		"主要功能包括企业黄页、合作需求发布和在线活动报名。":                                                                          true,
		"The hub opened on 3 November 2026 in Taicang.":                                                      false,
		"Das Institut soll am 1. März 2027 seine Arbeit aufnehmen, teilte die Stadt mit.":                    false,
	} {
		if got := enumeration.MatchString(text); got != want {
			t.Errorf("%q names several things: %v, want %v", text, got, want)
		}
	}
}

func TestCompoundPartsInTheSenseUsed(t *testing.T) {
	// "Kooperationsbericht" is no word of the dictionaries; its parts, in
	// the senses a Chinese release uses, are 合作 and 报告, found together.
	e := engineWith(t, "testdata/eval")
	w := e.withAttestedSenses(t.Context(), e.topicOf([]string{"Kooperationsbericht"}, nil, nil, corpus.German), corpus.German)[0]
	if !w.foundIn(e.termSet(corpus.Chinese, "联盟发布《中德城市产业合作调研报告2025》")) {
		t.Errorf("not found by its parts: %v", w.parts[corpus.Chinese])
	}
}

func TestLoneCharacterNeedNotBeCovered(t *testing.T) {
	// 派 ("send", and a tributary, a clique) and 去 ("go") say too little
	// for a passage to need them; 医生 is what it must hold, beside the
	// cities named.
	e := engineWith(t, "testdata/eval")
	names := map[string]bool{"希尔德斯海姆": true, "株洲": true}
	topic := e.topicOf([]string{"派", "医生", "去", "希尔德斯海姆", "株洲"}, names, nil, corpus.Chinese)
	ts := e.termSet(corpus.Chinese, "希尔德斯海姆医院将安排四名医生前往株洲。")
	if _, ok := covers(topic, ts, ts); !ok {
		t.Errorf("a passage without 派 and 去 does not cover %v", topic)
	}
	ts = e.termSet(corpus.Chinese, "希尔德斯海姆和株洲签署了协议。")
	if _, ok := covers(topic, ts, ts); ok {
		t.Errorf("a passage with the cities alone covers %v", topic)
	}
}

func TestHyphenedWordIsNoKeyword(t *testing.T) {
	// The "start" of "start-ups" is no founding; "secretary-general" is a
	// keyword as a whole, and "ISA-Büro" is the alliance's office.
	e := testEngine(t)
	for _, tt := range []struct {
		question string
		concept  concept
		has      bool
	}{
		{"How many start-ups does the programme take in per year?", cFounding, false},
		{"When did the ISA start?", cFounding, true},
		{"Wo sitzt das ISA-Büro?", cAlliance, true},
	} {
		if got := e.read(tt.question, "").has[tt.concept]; got != tt.has {
			t.Errorf("%s: concept %d %v, want %v", tt.question, tt.concept, got, tt.has)
		}
	}
	if !e.read("Who is the deputy secretary-general?", "").has[cSecretariat] {
		t.Errorf("secretary-general not read as the secretariat's")
	}
}

func TestFollowUpQuestions(t *testing.T) {
	// A question that asks nothing of its own but how or where is asked of
	// the question before it; a question of its own is not.
	e := testEngine(t)
	tests := []struct {
		parts []string
		want  []string
	}{
		{[]string{"Bekommen Firmen einen Zuschuss pro Container?", "Wie hoch?"}, []string{"Bekommen Firmen einen Zuschuss pro Container? Wie hoch?"}},
		{[]string{"Plant das Start-up ein Büro in China?", "Wo und wie groß?"}, []string{"Plant das Start-up ein Büro in China? Wo und wie groß?"}},
		{[]string{"Ist Köln Mitglied?", "Wie viele Mitglieder hat die ISA?"}, []string{"Ist Köln Mitglied?", "Wie viele Mitglieder hat die ISA?"}},
		{[]string{"Wo liegt Liuzhou?", "Wann ist es beigetreten?"}, []string{"Wo liegt Liuzhou?", "Wann ist es beigetreten?"}},
	}
	for _, tt := range tests {
		if got := e.withFollowUps(tt.parts, corpus.German); !slices.Equal(got, tt.want) {
			t.Errorf("withFollowUps(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
	a, err := e.Answer(context.Background(), "Bekommen Firmen einen Zuschuss pro Container? Wie hoch?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule == "count" || strings.Contains(a.Text, "47") {
		t.Errorf("answered with the number of members: %s (%s)", a.Text, a.Rule)
	}
}

func TestCoordinatedQuestions(t *testing.T) {
	// A sentence that joins a second question to a first by a conjunction
	// (or, in Chinese, a comma) asks both; a clause that asks nothing,
	// or no conjunction before a question word, does not.
	e := testEngine(t)
	tests := []struct {
		question string
		want     []string
	}{
		{"Seit wann ist Eisenach Mitglied der ISA, und wer hat die Beitrittsurkunde unterschrieben?",
			[]string{"Seit wann ist Eisenach Mitglied der ISA?", "und wer hat die Beitrittsurkunde unterschrieben?"}},
		{"Which German state does Eisenach belong to – and is it the first ISA member from that state?",
			[]string{"Which German state does Eisenach belong to?", "and is it the first ISA member from that state?"}},
		{"爱森纳赫是哪年加入的,由谁签字?", []string{"爱森纳赫是哪年加入的?", "由谁签字?"}},
		{"Können Sie mir sagen, wann Eisenach beigetreten ist?", []string{"Können Sie mir sagen, wann Eisenach beigetreten ist?"}},
		{"请问,联盟什么时候成立?", []string{"请问,联盟什么时候成立?"}},
		{"What is the name of the company, which won the prize?", []string{"What is the name of the company, which won the prize?"}},
		{"Wann und wo findet die Versammlung statt?", []string{"Wann und wo findet die Versammlung statt?"}},
		{"Who is Friedhelm Ost and what is his role for the alliance?", []string{"Who is Friedhelm Ost?", "and what is his role for the alliance?"}},
		{"How many people and how many companies were in the delegation?", []string{"How many people?", "and how many companies were in the delegation?"}},
		{"Is Eisenach a member and is it the first from Thuringia?", []string{"Is Eisenach a member and is it the first from Thuringia?"}},
		{"Who leads the lab, and until when can companies apply?", []string{"Who leads the lab?", "and until when can companies apply?"}},
		{"What is the budget of the lab, which Zigong (自贡) co-funds?", []string{"What is the budget of the lab, which Zigong (自贡) co-funds?"}},
	}
	for _, tt := range tests {
		if got := e.message.coordinated(tt.question); !slices.Equal(got, tt.want) {
			t.Errorf("coordinated(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
	// The sentence is asked as written, then its second question with
	// the sentence's subject: the release's two numbers are both given.
	release := `---
title: "Testmeldung: Stadtrat Eisenach stimmt für den Beitritt zur ISA"
date: 2034-01-23
lang: de
place: Eisenach
---

Dies ist eine fiktive Testmeldung.

Der Stadtrat von Eisenach hat am 14. Dezember 2033 den Beitritt der Stadt zur ISA beschlossen.

Für den Beitritt stimmten 29 Stadtratsmitglieder, dagegen stimmten vier.

Die Wartburgstadt hat rund 42.000 Einwohnerinnen und Einwohner und ist seit mehr als 125 Jahren ein Standort des Automobilbaus.
`
	e = engineWithRelease(t, "2034-01-23-eisenach.md", release)
	a, err := e.Answer(context.Background(), "How many councillors voted for joining the ISA, and how many inhabitants does Eisenach have?", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"29 Stadtratsmitglieder", "42.000 Einwohnerinnen"} {
		if strings.Count(a.Text, want) != 1 {
			t.Errorf("answer does not say %q once: %s", want, a.Text)
		}
	}
	// What the sentence asks first is not known: nor is what it asks next.
	a, err = e.Answer(context.Background(), "How old is the head of the Eisenach city council, and what did she do before?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("answered: %s", a.Text)
	}

	// A later question is answered from the release that answers the
	// sentence, not another's; a sentence the sources cannot answer as a
	// whole is answered by its first question alone, and its later ones;
	// its questions do not count towards the message's questions.
	e = engineWith(t, "testdata/coordinated")
	for _, tt := range []struct{ question, says, not string }{
		{"Who signed Gotha's accession document, and when was it signed?", "28. Juli 2034", "10月4日"},
		{"Wann ist Gotha beigetreten, und wie viele Einwohner hat Gotha?", "46.000", ""},
		{"Who leads the Solar Cities Lab, and until when can companies apply for the second round?", "15 January 2035", ""},
		{"Wann ist Gotha beigetreten, und wer hat unterschrieben? Wie viele Einwohner hat Gotha? Bis wann kann man sich für die zweite Runde des Solar Cities Lab bewerben?", "15 January 2035", ""},
		// A fact of the data answers one question of the sentence: each
		// is answered, the founding and the contact, the count and the
		// secretariat; not the alliance's contact for "it".
		{"Wann wurde die ISA gegründet, und wer ist der Ansprechpartner?", "April 2016", ""},
		{"Wann wurde die ISA gegründet, und wer ist der Ansprechpartner?", "isa@bwa-deutschland.com", ""},
		{"联盟是什么时候成立的，联系人是谁？", "2016年4月", ""},
		{"联盟是什么时候成立的，联系人是谁？", "isa@bwa-deutschland.com", ""},
		{"How many members does the ISA have, and where is the secretariat?", "Foshan", ""},
		{"Which state is Gotha in, and who is its contact person?", "Thuringia", "bwa-deutschland"},
	} {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, tt.says) || tt.not != "" && strings.Contains(a.Text, tt.not) {
			t.Errorf("%s: %s\nwant it to say %q, not %q", tt.question, a.Text, tt.says, tt.not)
		}
	}
}

func TestCoordinatedFirstQuestionGuessed(t *testing.T) {
	// A first question that only the closest passage answers does not
	// take the place of the fact of the data the sentence has.
	e := engineWith(t, "testdata/blind26")
	e.now = func() time.Time { return time.Date(2034, 12, 31, 0, 0, 0, 0, time.UTC) }
	q := "Wer ist der Oberbürgermeister von Wuhu, und wie viele Mitglieder hat die ISA?"
	a, err := e.Answer(t.Context(), q, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "50 Mitglieder") {
		t.Errorf("%s: %s", q, a.Text)
	}
	// A fact of the city "it" refers to is added; the alliance's contact
	// for "its contact person" is not.
	e = testEngine(t)
	for q, want := range map[string]string{
		"Which state is Solingen in, and when did it join?":          "13 October 2017",
		"Which state is Solingen in, and who is its contact person?": "",
	} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, "North Rhine-Westphalia") || want != "" && !strings.Contains(a.Text, want) || want == "" && strings.Contains(a.Text, "bwa-deutschland") {
			t.Errorf("%s: %s", q, a.Text)
		}
	}
}

func TestCityWhereAnAssemblyMet(t *testing.T) {
	// A city that says where an assembly met is not what a question about
	// the assembly's new members asks about.
	e := testEngine(t)
	for _, question := range []string{
		"Wurden auf der 10. Plenarversammlung in Hannover neue Mitgliedsstädte aufgenommen?",
		"Were new members admitted at the 10th plenary assembly in Hanover?",
	} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule == "membership" || a.Rule == "membership-named" {
			t.Errorf("%q: answered whether the city is a member: %s", question, a.Text)
		}
	}
	a, err := e.Answer(context.Background(), "Ist Hannover Mitglied der ISA?", "")
	if err != nil || a.Rule != "membership" && a.Rule != "membership-named" {
		t.Errorf("Ist Hannover Mitglied der ISA?: %s (%s), %v", a.Text, a.Rule, err)
	}
}

func TestFirstOfRegion(t *testing.T) {
	// Whether a city was the first member from its region, or which one
	// it was, is told by the dates the members joined, or were listed by;
	// a member listed only after the city joined leaves it open.
	e := engineWith(t, "testdata/eval")
	tests := []struct {
		question, rule string
		contains       []string
	}{
		{"Is Yantai the first ISA city from Shandong?", "first-of-region", []string{"No", "the second", "Weihai", "3 July 2025"}},
		{"Ist Yantai die erste Mitgliedsstadt aus Shandong?", "first-of-region", []string{"Nein", "die zweite", "Weihai"}},
		{"Ist Taicang das erste Mitglied aus Jiangsu?", "first-of-region", []string{"Ja", "Taicang"}},
		{"烟台是山东省第一个加入联盟的城市吗？", "first-of-region", []string{"不是", "第二个", "威海"}},
		// Which one it was, in words.
		{"烟台是山东省第几个加入联盟的城市？", "first-of-region", []string{"第二个", "威海"}},
		{"Die wievielte Mitgliedsstadt aus Shandong ist Yantai?", "first-of-region", []string{"zweite", "Weihai"}},
		{"Which number member from Shandong is Yantai?", "first-of-region", []string{"second", "Weihai"}},
		{"Die wievielte Mitgliedsstadt aus Jiangsu ist Taicang?", "first-of-region", []string{"die erste Mitgliedsstadt"}},
		// Asked as which member of all, the answer says that too.
		{"Als wievieltes Mitglied trat Taicang aus Jiangsu der ISA bei?", "first-of-region", []string{"erste", "43. Mitglied"}},
	}
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != tt.rule {
			t.Errorf("%q: rule %s, want %s: %s", tt.question, a.Rule, tt.rule, a.Text)
		}
		for _, want := range tt.contains {
			if !strings.Contains(a.Text, want) {
				t.Errorf("%q: %s; want %q", tt.question, a.Text, want)
			}
		}
	}
}

func TestFirstOfRegionNotOfAssemblies(t *testing.T) {
	// At which assembly a city joined is no place among its region's
	// members.
	e := engineWith(t, "testdata/eval")
	for _, question := range []string{"Auf der wievielten Plenarversammlung wurde Taicang aus Jiangsu aufgenommen?", "江苏太仓是在第几届全体大会上加入联盟的？"} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule == "first-of-region" {
			t.Errorf("%s: %s", question, a.Text)
		}
	}
}

func TestAssemblyDayNotGiven(t *testing.T) {
	// An assembly the sources date to the month does not answer which day
	// it begins: said so, not answered; "when" it does answer.
	e := engineWith(t, "testdata/blind7")
	for _, question := range []string{"第十七届全体大会具体哪一天开幕？", "An welchem Tag genau beginnt die 17. Plenarversammlung?"} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered || !strings.Contains(a.Text, "2027") {
			t.Errorf("%q: answered %v: %s; want the month, not answered", question, a.Answered, a.Text)
		}
	}
	a, err := e.Answer(context.Background(), "Wann ist die 17. Plenarversammlung?", "")
	if err != nil || !a.Answered || !strings.Contains(a.Text, "April 2027") {
		t.Errorf("Wann ist die 17. Plenarversammlung?: %s, %v", a.Text, err)
	}
}

func TestRegionOfNotAnotherSubject(t *testing.T) {
	// "In welchem Bundesland liegt Göttingen?" asks the data; "Durch
	// welche Länder führt die Bahnstrecke nach Lanzhou?" names a subject
	// of its own, a noun the data do not know.
	e := testEngine(t)
	for question, regionOf := range map[string]bool{
		"In welchem Bundesland liegt Göttingen?":                  true,
		"Durch welche Länder führt die Bahnstrecke nach Lanzhou?": false,
	} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Rule == "region-of"; got != regionOf {
			t.Errorf("%q: rule %s: %s", question, a.Rule, a.Text)
		}
	}
}

func TestContactAfterATakeOver(t *testing.T) {
	// The German office that took over from the contact person's
	// organisation is who to turn to now; the person is who it was until
	// then.
	e := testEngine(t)
	a, err := e.Answer(context.Background(), "Wer ist der Ansprechpartner der ISA?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "Ansprechpartner der ISA ist heute: BWA") || !strings.Contains(a.Text, "Bis 2022: Stefanie Behmer") {
		t.Errorf("contact: %s", a.Text)
	}
}

func TestRegionAndJoinDate(t *testing.T) {
	// "Which province is X in, and when did it join?" asks both.
	e := testEngine(t)
	a, err := e.Answer(context.Background(), "Which Chinese province is Liuzhou in, and when did it join?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Guangxi") || !strings.Contains(a.Text, "joined") {
		t.Errorf("region and join date: %s (%s)", a.Text, a.Rule)
	}
}

func TestCitationGivesNoFact(t *testing.T) {
	// A release's title quoted as the source, or an "as of" date, is no
	// place or date asked for: "Genannt in der Pressemitteilung „…在株洲
	// 举行…“" says nowhere Markus Feldmann moves to.
	e := engineWith(t, "testdata/blind2")
	a, err := e.Answer(context.Background(), "Wohin wechselt Markus Feldmann?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule == "person" {
		t.Errorf("answered with the person's role: %s", a.Text)
	}
}

func TestOfficeNameIsNoAllianceWord(t *testing.T) {
	// A release's contact block names the "ISA Secretariat": it names
	// the secretariat in China, and its first word the alliance, not an
	// office that runs it.
	e := engineWith(t, "")
	addReleases(t, e, "---\ntitle: \"Test release: news\"\ndate: 2027-01-10\nlang: en\n---\n\nThis is a fictional test release.\n\nPress contact:\nHuang Lei\nISA Secretariat, Sino-German Industrial Services Zone\nFoshan, Guangdong, China\nPhone: +86 757 2878 4781\nE-mail: cityalliance@163.com\n")
	a, err := e.Answer(t.Context(), "How many member cities does the ISA have now?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule != "count" {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
	// The secretariat's contact is asked for by naming it, and its city
	// is the one known before when its block gives none.
	for question, want := range map[string]string{
		"Who is the press contact at the ISA secretariat in Foshan?": "Huang Lei",
		"Wer ist Pressekontakt des Sekretariats in Foshan?":          "Huang Lei",
		"Where is the ISA secretariat?":                              "is in Foshan (ISA Secretariat",
		"What is the e-mail of the ISA secretariat?":                 "in Foshan (ISA Secretariat",
		// The German secretariat's address is the office in Germany's.
		"联盟德国秘书处的地址是什么？": "Reinhardtstraße 34",
	} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, want) {
			t.Errorf("%s: %s lacks %q", question, a.Text, want)
		}
	}
	// Where it is: as the newest source says, not every source in turn.
	a, err = e.Answer(t.Context(), "Where is the ISA secretariat?", "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(a.Text, "The ISA secretariat is in") != 1 {
		t.Errorf("the secretariat's place said more than once: %s", a.Text)
	}
}

func TestCountKeepsRegionsOfTheSameSide(t *testing.T) {
	// The newest release gives the sides alone; an older one with the
	// same sides gave their Länder and provinces.
	e := engineWith(t, "")
	release := func(i int, about string) string {
		return fmt.Sprintf("---\ntitle: \"Test release %d\"\ndate: 2027-0%d-10\nlang: en\n---\n\nThis is a fictional test release.\n\nAbout the ISA\n\n%s\n", i, i+1, about)
	}
	addReleases(t, e, release(0, "It now has 51 member cities: 22 in Germany from 9 federal states and 29 in China from 15 provinces."), release(1, "It has 51 member cities: 22 in Germany and 29 in China."))
	for question, want := range map[string]string{
		"How many Chinese provinces are represented in the ISA?": "29 Chinese member cities from 15 provinces",
		"德国成员城市分布在几个联邦州？":                                        "9个联邦州",
	} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, want) {
			t.Errorf("%s: %s lacks %q", question, a.Text, want)
		}
	}
}

func TestCountKeepsNoRegionsOfAnotherSide(t *testing.T) {
	// Between the count that gave the Länder and the newest, which gives
	// the sides alone, a city joined and another left: the German side
	// had another number, so its Länder are not the older count's.
	e := engineWith(t, "")
	release := func(i int, about string) string {
		return fmt.Sprintf("---\ntitle: \"Test release %d\"\ndate: 2027-0%d-10\nlang: en\n---\n\nThis is a fictional test release.\n\nAbout the ISA\n\n%s\n", i, i+1, about)
	}
	addReleases(t, e,
		release(0, "It has 48 member cities: 20 in Germany from 8 federal states and 28 in China from 14 provinces."),
		release(1, "It has 49 member cities: 21 in Germany and 28 in China."),
		release(2, "It has 48 member cities: 20 in Germany and 28 in China."))
	a, err := e.Answer(t.Context(), "How many members does the ISA have?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "48") || strings.Contains(a.Text, "8 federal states") || !strings.Contains(a.Text, "14 provinces") {
		t.Errorf("%s: want 48, no federal states, 14 provinces", a.Text)
	}
}

func TestFaxNumberIsCalledSo(t *testing.T) {
	e := testEngine(t)
	q := e.read("What is Zhao Min's fax number?", "")
	for text, want := range map[string]bool{
		"Zhao Min, press office, Phone: +86 757 2878 5520": false,
		"Zhao Min, press office, Fax: +86 757 2878 5521":   true,
	} {
		if got := e.holds(text, aContact, q); got != want {
			t.Errorf("%q holds a fax number: %v, want %v", text, got, want)
		}
	}
}

func TestPhoneInText(t *testing.T) {
	for text, want := range map[string]bool{
		"Phone: +86 757 2878 5520":       true,
		"Telefon 030 2060 4127":          true,
		"Erreichbar unter 0911/123456":   true,
		"The plant opens on 2029-03-01.": false,
		"In 2010 2011 2012 it grew.":     false,
		"Der Fonds hat 3.600.000 Euro.":  false,
	} {
		if got := phoneInText.MatchString(text); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}

func TestHintsAreNoQuestionWords(t *testing.T) {
	// "wie viele", 多少 translate as "Zahl", which a sentence may hold
	// without giving the number asked for.
	e := testEngine(t)
	for question, asking := range map[string]string{
		"Wie viele Mitgliedsstädte machen beim Messeauftritt mit?": "viele",
		"联盟城市的展台一共有多少家企业参展？":                                       "多少",
		"How many buses is Kaiserslautern testing?":                "many",
	} {
		for _, w := range e.hintWords(e.read(question, "")) {
			if strings.Contains(w.text, asking) {
				t.Errorf("%s: hint %q", question, w.text)
			}
		}
	}
}

func TestHintsNameTheCountry(t *testing.T) {
	// A country's adjective and its name are one concept: "chinesische"
	// is said by "from China" and 中国 in a sentence too; a region is
	// named by its name in every language.
	e := engineWith(t, "testdata/eval") // releases in all three languages
	for _, tt := range []struct {
		question, hint, lang, sentence string
	}{
		{"Wie viele chinesische Firmen haben ausgestellt?", "chinesische", "en", "84 companies from Germany and 62 from China."},
		{"Wie viele chinesische Firmen haben ausgestellt?", "chinesische", "zh", "共有62家中国企业参展。"},
		{"How many German companies exhibited?", "German", "de", "84 Firmen kamen aus Deutschland."},
		{"How much are Saxony and Chemnitz putting into the project?", "Saxony", "de", "Davon tragen der Freistaat Sachsen und die Stadt Chemnitz 2,5 Millionen Euro."},
		{"萨克森州为这个项目出资多少？", "萨克森州", "de", "Davon trägt der Freistaat Sachsen 2,5 Millionen Euro."},
	} {
		hints := e.hintWords(e.read(tt.question, ""))
		i := slices.IndexFunc(hints, func(w topicWord) bool { return w.text == tt.hint })
		if i < 0 {
			t.Errorf("%s: no hint %q", tt.question, tt.hint)
			continue
		}
		if !hints[i].foundIn(e.termSet(corpus.Lang(tt.lang), tt.sentence)) {
			t.Errorf("%s: hint %q not in %q; terms %v", tt.question, tt.hint, tt.sentence, hints[i].terms)
		}
	}
	// Nor does the one country say the other: 德国 has a 国 as 中国 has.
	for question, sentence := range map[string]string{
		"Wie viele chinesische Firmen haben ausgestellt?": "84家德国企业参展。",
		"How many German companies exhibited?":            "其中有62家中国企业。",
	} {
		for _, w := range e.hintWords(e.read(question, "")) {
			if w.foundIn(e.termSet(corpus.Chinese, sentence)) {
				t.Errorf("%s: hint %q found in %q; terms %v", question, w.text, sentence, w.terms)
			}
		}
	}
}

func TestQuestionWordsAreNoTopic(t *testing.T) {
	// A question of keywords alone is about them, not about "How many".
	e := testEngine(t)
	for _, question := range []string{"How many people attended the twelfth plenary assembly?", "全体大会有多少人参加？"} {
		for _, w := range e.topicWords(e.read(question, "")) {
			if w.text == "How many" || w.text == "多少" {
				t.Errorf("%s: topic word %q", question, w.text)
			}
		}
	}
}

func TestVerbsCoverLess(t *testing.T) {
	// A German question's verbs and adverbs count half for how much of
	// its subject a passage covers: the publisher and the edition are
	// more than half of it.
	e := testEngine(t)
	q := e.read("Welcher Verlag bringt die Ausgabe des Jubiläumsbands heraus?", corpus.German)
	topic := e.topicWords(q)
	for _, w := range topic {
		if want := w.text == "bringt" || w.text == "heraus"; w.minor != want {
			t.Errorf("%q: minor %v, want %v", w.text, w.minor, want)
		}
	}
	passage := e.termSet(corpus.German, "Die chinesische Ausgabe erscheint im Verlag Foreign Languages Press.")
	if c, ok := covers(topic, passage, passage); !ok {
		t.Errorf("the passage does not cover %v: %.2f", topic, c)
	}
}

func TestCoordinatorGivesWay(t *testing.T) {
	// Asked what someone is responsible for, the German office's
	// coordinator, which is no list of tasks, gives way to the release.
	e := engineWith(t, "")
	addReleases(t, e,
		"---\ntitle: \"测试新闻稿：联盟任命新副秘书长\"\ndate: 2027-01-10\nlang: zh\n---\n\n本文为虚构测试新闻稿。王小明自2027年1月1日起担任联盟副秘书长，主要负责成员城市联络、项目对接和青年交流三项工作。\n",
	)
	a, err := e.Answer(t.Context(), "新的副秘书长主要负责哪些工作？", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "项目对接") || strings.Contains(a.Text, "BWA") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

func TestReleaseSaysMoreThanData(t *testing.T) {
	// A question with words of its own is answered by the release that
	// holds most of them, not by the data's answer for the city it names.
	e := engineWith(t, "")
	addReleases(t, e,
		"---\ntitle: \"Testmeldung: Zittau tritt bei\"\ndate: 2029-03-02\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. Der Vorstand stimmte am 26. Februar 2029 der Aufnahme von Zittau zu. Seit dem 1. März 2029 ist Zittau Mitglied der ISA.\n",
	)
	a, err := e.Answer(t.Context(), "Wann hat der Vorstand über die Aufnahme von Zittau entschieden?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "26. Februar 2029") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

func TestUntranslatableWordsMissNothing(t *testing.T) {
	// A run of Chinese characters that no dictionary translates (让流进)
	// cannot be missing from a German passage; the words that translate
	// must be there.
	e := engineWith(t, "testdata/eval") // releases in all three languages
	topic := e.withAttestedSenses(t.Context(), e.topicWords(e.read("这个项目要让流进下水道的雨水减少多少？", corpus.Chinese)), corpus.Chinese)
	i := slices.IndexFunc(topic, func(w topicWord) bool { return w.text == "让流进" })
	if i < 0 || !topic[i].untranslatable(corpus.German) || topic[i].untranslatable(corpus.Chinese) {
		t.Fatalf("让流进 is no untranslatable topic word: %v", topic)
	}
	for passage, want := range map[string]bool{
		"Ziel ist, dass 30 Prozent weniger Regenwasser in die Kanalisation fließt.": true,
		"Ziel ist, dass 30 Prozent weniger Abfall auf die Deponie kommt.":           false,
	} {
		terms := e.termSet(corpus.German, passage)
		if _, ok := covers(topic, terms, terms); ok != want {
			t.Errorf("%q covers %v: %v, want %v", passage, topic, ok, want)
		}
	}
	// A name no dictionary knows is no such word: a passage on Duisburg
	// does not cover Zhang Weiming's work there.
	for question, passage := range map[string]string{
		"张伟明在杜伊斯堡负责哪些工作？": "In Duisburg ist das Büro für die Zusammenarbeit mit den Häfen zuständig.",
	} {
		topic := e.withAttestedSenses(t.Context(), e.topicWords(e.read(question, corpus.Chinese)), corpus.Chinese)
		terms := e.termSet(corpus.German, passage)
		if c, ok := covers(topic, terms, terms); ok {
			t.Errorf("%q covers %s: %.2f", passage, question, c)
		}
	}
}

func TestMisspeltWordIsSearchedRight(t *testing.T) {
	// A word no release holds, one letter from a word of the
	// dictionaries, is searched for as that word in every language.
	// So is one a keyword of the engine's lexicon read despite its typo
	// ("budjet" as "budget"), and one with a letter changed.
	e := engineWith(t, "testdata/eval") // releases in all three languages
	for _, tt := range []struct{ question, word, english, chinese string }{
		{"How big was the Deyang delgation?", "delgation", "deleg", "表团"},
		{"What is the total budjet of ReCycle Cities?", "budjet", "budget", "预算"},
	} {
		q := e.read(tt.question, corpus.English)
		topic := e.withAttestedSenses(t.Context(), e.topicWords(q), corpus.English)
		i := slices.IndexFunc(topic, func(w topicWord) bool { return w.text == tt.word })
		if i < 0 {
			t.Fatalf("no topic word %s: %v", tt.word, topic)
		}
		if w := topic[i]; !slices.Contains(w.terms[corpus.English], tt.english) || !slices.Contains(w.terms[corpus.Chinese], tt.chinese) {
			t.Errorf("%s is searched for as %v", tt.word, w.terms)
		}
	}
}

func TestCountriesInEveryLanguage(t *testing.T) {
	// A country the question names is searched for by its names in every
	// language: Kasachstan, Kazakhstan, 哈萨克斯坦.
	e := engineWith(t, "testdata/eval") // releases in all three languages
	topic := e.topicWords(e.read("Fährt der Zug durch Kasachstan?", corpus.German))
	i := slices.IndexFunc(topic, func(w topicWord) bool { return w.text == "Kasachstan" })
	if i < 0 {
		t.Fatalf("no topic word Kasachstan: %v", topic)
	}
	if w := topic[i]; !slices.Contains(w.terms[corpus.English], "kazakhstan") || !slices.Contains(w.terms[corpus.Chinese], "克斯") { // 克斯 of 哈萨克斯坦, not of 萨克森
		t.Errorf("Kasachstan is searched for as %v", w.terms)
	}
}

func TestListAfterColon(t *testing.T) {
	// A sentence that announces a list is quoted with the list.
	e := engineWith(t, "")
	addReleases(t, e,
		"---\ntitle: \"Test release: Zittau applies\"\ndate: 2027-01-10\nlang: de\n---\n\nDies ist eine fiktive Testmitteilung. Zittau hat die Aufnahme in die ISA beantragt.\n\nIn ihrem Antrag nennt die Stadt Zittau drei Schwerpunkte für die Zusammenarbeit mit den chinesischen Mitgliedern:\n\n1. Textiltechnik, 2. Wasserstoff, 3. Berufsausbildung.\n",
	)
	a, err := e.Answer(t.Context(), "Welche Schwerpunkte nennt Zittau für die Zusammenarbeit?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Schwerpunkte") || !strings.Contains(a.Text, "Textiltechnik") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
	// A Markdown list is a paragraph an item: all of them.
	e = engineWith(t, "")
	addReleases(t, e,
		"---\ntitle: \"Test release: Zittau applies\"\ndate: 2027-01-10\nlang: de\n---\n\nDies ist eine fiktive Testmitteilung. Zittau hat die Aufnahme in die ISA beantragt.\n\nIn ihrem Antrag nennt die Stadt Zittau drei Schwerpunkte für die Zusammenarbeit mit den chinesischen Mitgliedern:\n\n- Textiltechnik\n- Wasserstoff\n- Berufsausbildung\n\nDie Entscheidung fällt im Mai.\n",
	)
	a, err = e.Answer(t.Context(), "Welche Schwerpunkte nennt Zittau für die Zusammenarbeit?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Textiltechnik") || !strings.Contains(a.Text, "Berufsausbildung") || strings.Contains(a.Text, "Entscheidung") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

func TestCountAfterAJoin(t *testing.T) {
	// The count as of a city's joining is the first a source gives from
	// that day on, not the newest.
	e := engineWith(t, "")
	addReleases(t, e,
		"---\ntitle: \"Test release: Zittau joins\"\ndate: 2027-01-10\nlang: en\n---\n\nThis is a fictional test release. The city of Zittau joined the ISA on 5 January 2027.\n\nAbout the ISA\n\nIt has 48 member cities.\n",
		"---\ntitle: \"Test release: news\"\ndate: 2027-03-10\nlang: en\n---\n\nThis is a fictional test release.\n\nAbout the ISA\n\nIt has 50 member cities.\n",
	)
	for _, question := range []string{"How many members did the alliance have after Zittau joined?", "Zittau加入后联盟共有多少个成员？", "Zittau是联盟第几个成员？"} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, "48") || strings.Contains(a.Text, "50") {
			t.Errorf("%s: %s", question, a.Text)
		}
	}
}

func TestPersonDateFromRelease(t *testing.T) {
	// No fact of the data says since when Ma Lin holds the role; a
	// release's sentence does, not the offices' answer.
	e := engineWith(t, "testdata/learndev2")
	a, err := e.Answer(t.Context(), "Since when has Ma Lin been Secretary-General?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule != "person-date" || !strings.Contains(a.Text, "15 April 2029") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

func TestContactAsOfATimeAsked(t *testing.T) {
	// The contact of a time asked for is the one the sources gave then.
	e := engineWith(t, "")
	addReleases(t, e, "---\ntitle: \"Test release: news\"\ndate: 2027-01-10\nlang: en\n---\n\nThis is a fictional test release.\n\nPress contact:\nJane Roe\nBWA – German Secretariat of the ISA\nInvalidenstraße 112\n10115 Berlin\nPhone: +49 30 2060 4112\nE-mail: jane.roe@example.de\n")
	for question, want := range map[string]string{
		"Who was the ISA's press contact in 2021?": "Stefanie Behmer",
		"2021年联盟的联系人是谁？":                           "Stefanie Behmer",
		"Who is the ISA's press contact?":          "Jane Roe",
	} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if first := strings.SplitN(a.Text, ".", 2)[0]; !strings.Contains(first, want) {
			t.Errorf("%s: %s, want %s first", question, a.Text, want)
		}
	}
}

func TestParticleVerbQuestion(t *testing.T) {
	// A German verb whose particle closes the question asks about
	// joining or leaving.
	e := testEngine(t)
	for question, want := range map[string]string{
		"Tritt Köln der ISA bei?":        "Köln",
		"Tritt Bottrop aus der ISA aus?": "Bottrop",
	} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.HasPrefix(a.Rule, "membership") || !strings.Contains(a.Text, want) {
			t.Errorf("%s: rule %s: %s", question, a.Rule, a.Text)
		}
	}
}

func TestAdmittedInAYear(t *testing.T) {
	// "nahm … als Mitglied auf" asks who joined: in a year, the members
	// of that year; "nahm … auf" alone takes in something else.
	e := testEngine(t)
	for question, joined := range map[string]bool{
		"Welche Städte nahm die ISA 2021 als Mitglied auf?":  true,
		"Welche Themen nahm die Plenarversammlung 2019 auf?": false,
	} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Rule == "joined-in"; got != joined {
			t.Errorf("%s: rule %s, answered %v: %s", question, a.Rule, a.Answered, a.Text)
		}
	}
}

func TestJoinOfNoMember(t *testing.T) {
	// When a city that never was a member joined is answered by its no;
	// another question about it with a date is not.
	e := testEngine(t)
	for question, membership := range map[string]bool{
		"When did Heilbronn join the ISA?":                true,
		"Wann ist Heilbronn der ISA beigetreten?":         true,
		"When did the Heilbronn delegation visit Foshan?": false,
	} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if said := a.Rule == "membership" && a.Answered; said != membership {
			t.Errorf("%s: rule %s, answered %v: %s", question, a.Rule, a.Answered, a.Text)
		}
	}
}

func TestOtherOrganisationFromRelease(t *testing.T) {
	// A question for a kind of fact that names another organisation is
	// answered by a release that covers it; one that asks whether a city
	// belongs to another organisation is not, nor is another
	// organisation's membership counted as the alliance's.
	e := engineWith(t, "testdata/eval")
	tests := []struct {
		question string
		answered bool
		contains string
	}{
		{"Welche neue Mitgliedsstadt will in der ISA bei der Technik für Batterien kooperieren?", true, "Heilbronn"},
		{"Ist Wuppertal Mitglied im Deutschen Städtetag?", false, ""},
	}
	for _, tt := range tests {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != "other-organisation" || a.Answered != tt.answered || !strings.Contains(a.Text, tt.contains) {
			t.Errorf("%s: rule %s, answered %v: %s", tt.question, a.Rule, a.Answered, a.Text)
		}
	}
	a, err := e.Answer(t.Context(), "Wie viele Mitglieder hat der Deutsche Städtetag?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule == "count" {
		t.Errorf("another organisation's members counted as the alliance's: %s", a.Text)
	}
}

// addReleases parses each text as a release file of its own and adds it
// answersContain asks e each question and checks that its answer holds
// the text given for it, with the rule that answered if not.
// refuses checks that e answers none of the questions: it says it cannot.
func refuses(t *testing.T, e *Engine, questions ...string) {
	t.Helper()
	for _, question := range questions {
		if a, err := e.Answer(t.Context(), question, ""); err != nil || a.Answered {
			t.Errorf("%s: answered by rule %s: %q, %v", question, a.Rule, a.Text, err)
		}
	}
}

func answersContain(t *testing.T, e *Engine, want map[string]string) {
	t.Helper()
	for question, text := range want {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, text) {
			t.Errorf("%s: %s (rule %s), want %q", question, a.Text, a.Rule, text)
		}
	}
}

// to e, as publishing does.
func addReleases(t *testing.T, e *Engine, texts ...string) {
	t.Helper()
	for i, text := range texts {
		r, err := corpus.ParseRelease(fmt.Sprintf("2027-01-%02d-test.md", i+1), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Add(t.Context(), r); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOrdinalWords(t *testing.T) {
	// The catalogue has every ordinal word ordinalWord picks; above ten,
	// digits.
	want := map[corpus.Lang][]string{
		corpus.German:  {"erste", "zweite", "zehnte", "11."},
		corpus.English: {"first", "second", "tenth", "11th"},
		corpus.Chinese: {"一", "二", "十", "11"},
	}
	for lang, words := range want {
		for i, n := range []int{1, 2, 10, 11} {
			if got := ordinalWord(lang, n); got != words[i] {
				t.Errorf("ordinalWord(%s, %d) = %q, want %q", lang, n, got, words[i])
			}
		}
		for n := 1; n <= 10; n++ {
			if got := ordinalWord(lang, n); got == "" || strings.Contains(got, "ordinal") {
				t.Errorf("ordinalWord(%s, %d) = %q", lang, n, got)
			}
		}
	}
	for word, want := range map[string]bool{"zweiten": true, "second": true, "erstellt": false, "Drittel": false, "seconds": false} {
		if got := isOrdinalWord(segment(word)[0]); got != want {
			t.Errorf("isOrdinalWord(%q) = %v, want %v", word, got, want)
		}
	}
	// Past the twelfth, and not the seventh of "seventeenth" nor the
	// first of "twenty-first".
	for word, want := range map[string]int{"seventeenth": 17, "sixteenth": 16, "neunzehnten": 19, "Zwanzigste": 20, "dritte": 3,
		"twenty-first": 21, "einundzwanzigsten": 21} {
		if n, _, ok := numberOf(segment(word), 0); !ok || n != want {
			t.Errorf("numberOf(%q) = %d, %v, want %d", word, n, ok, want)
		}
	}
}

func TestWithLead(t *testing.T) {
	// A later paragraph is read with its release's first; the first, and
	// a part other than the body, alone.
	e := engineWith(t, "testdata/eval")
	var r *corpus.Release
	for i := range e.data.Releases {
		if full := e.full(&e.data.Releases[i]); len(full.Body) > 1 {
			r = &e.data.Releases[i]
			break
		}
	}
	if r == nil {
		t.Fatal("no release with two paragraphs")
	}
	full := e.full(r)
	lead := e.termSet(r.Lang, full.Body[0])
	for _, tt := range []struct {
		kind     part
		index    int
		withLead bool
	}{{partBody, 1, true}, {partBody, 0, false}, {partTitle, 0, false}} {
		p, ok := passageAt(full, tt.kind, tt.index)
		if !ok {
			t.Fatalf("no passage %v %d", tt.kind, tt.index)
		}
		own := e.termSet(r.Lang, p.Text+"\n"+r.Title)
		wider := e.withLead(&p, own)
		for term := range lead.terms {
			if wider.terms[term] != (tt.withLead || own.terms[term]) {
				t.Errorf("part %v %d: term %q of the lead in the wider terms: %v", tt.kind, tt.index, term, wider.terms[term])
			}
		}
	}
}

func TestReleaseAboutTheSubject(t *testing.T) {
	// A release whose title names the question's subject is about it; one
	// that mentions it in passing is not, though the search ranks its
	// paragraph higher: "When is the hackathon in Aachen?" is answered by
	// the hackathon's release, not by the date of a reception in another.
	e := testEngine(t)
	q := e.read("When is the hackathon in Aachen?", corpus.English)
	topic := e.withAttestedSenses(t.Context(), e.topicWords(q), q.lang)
	fair := &corpus.Release{ID: "fair", Lang: corpus.English, Title: "The ISA joint pavilion at the trade fair"}
	hackathon := &corpus.Release{ID: "hackathon", Lang: corpus.English, Title: "First industrial hackathon in Aachen"}
	found := []scoredPassage{
		{p: &passage{Release: fair, Text: "On 26 April 2028 the alliance invites guests to a reception. The winning team of the hackathon in Aachen will present its solution."}, score: 1, coverage: 1},
		{p: &passage{Release: hackathon, Text: "From 17 to 19 March 2028, Aachen will host the first industrial hackathon of the alliance."}, score: 0.85, coverage: 1},
	}
	if c := e.bestSentence(q, found, topic, e.hintWords(q), nil); c.found.p.Release != hackathon {
		t.Errorf("answered from %s: %s", c.found.p.Release.ID, c.sentence)
	}
}

func TestLoneCharacterCoversNothing(t *testing.T) {
	// A lone Chinese character of the question (包, wrap) is in too many
	// words (包括, include) to say a passage is about it: a passage that
	// holds it but not the word beside it (饺子) does not cover the
	// question.
	e := engineWith(t, "testdata/eval")
	topic := e.withAttestedSenses(t.Context(), e.topicWords(e.read("饺子应该怎么包？", corpus.Chinese)), corpus.Chinese)
	terms := e.termSet(corpus.Chinese, "芜湖市代表团计划于2028年5月访问德国，行程包括英戈尔施塔特和纽伦堡。")
	if c, ok := covers(topic, terms, terms); ok {
		t.Errorf("covers %v: %.2f", topic, c)
	}
}

func TestAboutSectionAnswersOnlyTheAlliance(t *testing.T) {
	// A release's section about the alliance speaks of its members and
	// founding, not of a trade fair stand, though "Gemeinschaftsstand"
	// translates to "state" too ("eight federal states") and it holds a
	// date (April 2016).
	e := engineWith(t, "testdata/blind12")
	e.now = func() time.Time { return time.Date(2028, time.March, 31, 12, 0, 0, 0, time.UTC) }
	for question, want := range map[string]string{
		"Wann ist Anmeldeschluss für den ISA-Gemeinschaftsstand?":  "24 March 2028",
		"Wie viele Mitglieder hat die Allianz nach dem Hackathon?": "49",
	} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, want) {
			t.Errorf("%s: %s (rule %s), want %s", question, a.Text, a.Rule, want)
		}
	}
}

func TestGuestBecomesFullMember(t *testing.T) {
	// A city the data list with guest status is a full member from the
	// day a release says it is one; a release that names a guest beside
	// another city that joins leaves it a guest.
	e := engineWith(t, "")
	ask := func(question string) string {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered {
			t.Errorf("%s: not answered: %s", question, a.Text)
		}
		return a.Text
	}
	addReleases(t, e, "---\ntitle: \"Testmeldung: Görlitz tritt bei\"\ndate: 2028-01-10\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. Görlitz ist der ISA am 8. Januar 2028 beigetreten, wie Dortmund im Jahr 2021.\n")
	if got := ask("Is Dortmund a member?"); strings.Contains(got, "Joined") || !strings.Contains(got, "guest status") {
		t.Errorf("a guest named beside a city that joins: %s", got)
	}
	addReleases(t, e, "---\ntitle: \"Testmeldung: Dortmund wird Vollmitglied\"\ndate: 2028-03-20\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. Die Stadt Dortmund ist seit dem 17. März 2028 Vollmitglied der Chinesisch-Deutschen Industriestädteallianz (ISA).\n")
	if got := ask("Since when has Dortmund been a full member of the ISA?"); !strings.Contains(got, "full member of the ISA since 17 March 2028, with guest status before") {
		t.Errorf("a guest that becomes a full member: %s", got)
	}
	// It became a full member then; when it joined the data say.
	if got := ask("Ist Dortmund Mitglied?"); !strings.Contains(got, "Vollmitglied seit 17. März 2028") || strings.Contains(got, "Beigetreten am 17. März") {
		t.Errorf("a guest that becomes a full member: %s", got)
	}
}

func TestKeywordPrefixesSpareOtherWords(t *testing.T) {
	// A keyword's beginning ("join*") must not take words of their own
	// that begin alike: a joint workshop, partner organisations, the
	// authorities, a leading firm say nothing of joining,
	// of who coordinates or of authors.
	e := testEngine(t)
	for _, question := range []string{
		"What does the joint workshop cover?",
		"How many partner organisations are involved?",
		"Which authorities approved the plan?",
		"Which leading firms attend?",
	} {
		q := e.read(question, corpus.English)
		for _, c := range []concept{cJoin, cCoordinator, cOutside} {
			if q.has[c] {
				t.Errorf("%s: read as concept %d", question, c)
			}
		}
	}
}

func TestOtherOrdinalIsNoAnswer(t *testing.T) {
	// "der zweite Platz" is not answered by the first prize's sum, nor
	// the second webinar by the first's date; a day of a month is no
	// ordinal, and 首 is the first.
	e := testEngine(t)
	for _, tt := range []struct {
		question, sentence string
		holds              bool
	}{
		{"Wie viel Preisgeld bekommt der zweite Platz?", "The first prize is worth EUR 6,000.", false},
		{"Wie viel Preisgeld bekommt der zweite Platz?", "The second prize is worth EUR 4,000.", true},
		{"When is the second webinar?", "The first webinar is on 21 October 2027.", false},
		{"When is the second webinar?", "Das Webinar vom 5. bis 7. Juni 2028 gilt dem Wasserstoff.", true},
		{"Wann ist das erste Treffen?", "Das Treffen am zweiten Tag des 首届论坛 ist am 3. März 2028.", true},
	} {
		lang, _ := DetectLang(tt.question)
		q := e.read(tt.question, lang)
		found := []scoredPassage{{p: &passage{Text: tt.sentence, Release: &corpus.Release{ID: "r", Lang: corpus.English}}, score: 1, coverage: 1}}
		if c := e.bestSentence(q, found, nil, nil, nil); c.holds != tt.holds {
			t.Errorf("%s / %s: holds %v, want %v", tt.question, tt.sentence, c.holds, tt.holds)
		}
	}
}

func TestPredecessorOfSomeoneUnknown(t *testing.T) {
	// Whom a new press officer succeeds is in the release that names
	// him, not in the contact's details.
	e := engineWith(t, "testdata/blind11")
	e.now = func() time.Time { return time.Date(2027, time.December, 20, 12, 0, 0, 0, time.UTC) }
	a, err := e.Answer(t.Context(), "Whom does Daniel Rehbein succeed as press officer?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule == "contact" || !strings.Contains(a.Text, "Kessler") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

func TestOrdinalsIn(t *testing.T) {
	for text, want := range map[string][]int{
		"der zweite Platz und der zweite Preis": {2},
		"the 2nd prize, the 12th plenary":       {2, 12},
		"第二名":                                   {2},
		"am 5. Juni":                            nil,
		"vom 5. bis 7. Juni":                    nil,
		"on 1st March, the 3rd round":           {3},
		"am 3. Tag":                             {3},
	} {
		if got := ordinalsIn(text); !slices.Equal(got, want) {
			t.Errorf("ordinalsIn(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestRouteOfQuestion(t *testing.T) {
	// Each rule answers its questions and leaves others alone.
	e := testEngine(t)
	for _, tt := range []struct {
		question, rule string
		routed         bool
	}{
		// Two cities and "first" ask which joined first when the
		// question speaks of joining, or asks when and says nothing else:
		// a joint workshop of two members is no membership ("joint" is
		// no "join").
		// At which assembly a city joined asks its membership; how
		// many-th member it was, a count.
		{"太仓是在第几届全体大会上加入联盟的？", "membership", true},
		// The members answer no age, and an assembly's date no other
		// body's meeting.
		{"How old is the new press spokesman of the German ISA office?", "members", false},
		{"Which German cities are members?", "members", true},
		{"When is the new hydrogen and storage working group due to hold its first meeting?", "assembly-date", false},
		{"Wann war die 3. Plenarversammlung?", "assembly-date", true},
		{"Taicang ist als wievieltes Mitglied beigetreten?", "membership", false},
		{"Ist Köln vor Hamburg beigetreten?", "join-order", true},
		{"Which joined first, Foshan or Aachen?", "join-order", true},
		{"When is the first joint workshop of Dortmund and Luoyang planned?", "join-order", false},
		{"When did the first delegation from Foshan visit Aachen?", "join-order", false},
		// The forms that replaced a keyword's beginning still ask what
		// it did: "originate" the founding, "leader" and "manages" who
		// runs the alliance in Germany.
		{"When did the ISA originate?", "founding", true},
		{"Who is the leader of the ISA on the German side?", "coordinator", true},
		{"Who manages the alliance in Germany?", "coordinator", true},
		// "new" alone asks for the latest releases, unless the question
		// asks for a kind of fact of something new.
		{"What's new?", "latest-releases", true},
		{"Was gibt es Neues?", "latest-releases", true},
		{"How old is the new spokeswoman?", "latest-releases", false},
		// A region asked of a city; "how many federal states" beside a
		// city asks for a count.
		{"In welchem Bundesland liegt Bottrop?", "region-of", true},
		{"With Bottrop on board, from how many federal states are the German members?", "region-of", false},
		// Who left asks for the former members, but not of someone
		// named, known or not.
		{"哪些城市退出了联盟？", "former-members", true},
		{"Which cities have left the alliance?", "former-members", true},
		{"前任新闻联络人马蒂亚斯·克罗格（Matthias Kröger）离开联盟后去哪里工作？", "former-members", false},
		// "vor" right before a person asks who came before them.
		{"Wer war vor Dr. Liu Yi Generalsekretär?", "person-before", true},
		{"Wer ist Dr. Liu Yi?", "person-before", false},
	} {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Rule == tt.rule; got != tt.routed {
			t.Errorf("%s: rule %s; by %s: %v", tt.question, a.Rule, tt.rule, tt.routed)
		}
	}
}

func TestCityInTheGenitive(t *testing.T) {
	// A German genitive adds an s to a city's name: "Dortmunds
	// Vollmitgliedschaft", "nach dem Austritt Lanzhous" name the city,
	// no typo of it. A word that only ends like a name stays what it is.
	e := testEngine(t)
	for question, want := range map[string]string{
		"Wann hat der Stadtrat über Dortmunds Vollmitgliedschaft abgestimmt?": "Dortmund",
		"Wie viele Mitglieder gab es nach dem Austritt Lanzhous?":             "Lanzhou",
		"Wie hoch sind die Kosten?":                                           "",
	} {
		q := e.read(question, corpus.German)
		var got string
		for _, c := range q.cities {
			if !c.fuzzy { // no typo: searched for by its names
				got = c.city.Name
			}
		}
		if got != want {
			t.Errorf("%s: city %q, want %q", question, got, want)
		}
	}
}

func TestAssemblyOfSeveralDays(t *testing.T) {
	// An assembly held on two days is dated with both, and is the one
	// of each of its days; the cities its note names are not named again.
	e := testEngine(t)
	tests := []struct{ question, want, not string }{
		{"Wann war die 3. Plenarversammlung?", "24.–25. April 2017", "Aufgenommen wurde:"},
		{"When was the 3rd plenary assembly?", "24–25 April 2017", "Admitted:"},
		{"第三届全体大会是什么时候？", "2017年4月24日至25日", "新接纳成员："},
		{"Welche Plenarversammlung fand am 25. April 2017 statt?", "3. Plenarversammlung", ""},
	}
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(a.Text, tt.want) || tt.not != "" && strings.Contains(a.Text, tt.not) {
			t.Errorf("%q: %s; want %q, not %q", tt.question, a.Text, tt.want, tt.not)
		}
	}
}

func TestMobileNumberOfTheContact(t *testing.T) {
	// A release's contact block may give the spokesman's mobile number:
	// asked for, it is given; a later release of his that gives none
	// keeps it; his successor's answer does not give it.
	release := func(day int, person, mobile string) string {
		block := "Pressekontakt\n\n" + person + ", Pressesprecher\nISA-Geschäftsstelle Deutschland, Berlin\nTelefon: +49 30 23125-452\n"
		if mobile != "" {
			block += "Mobil: " + mobile + "\n"
		}
		return fmt.Sprintf("---\ntitle: \"Testmeldung %d\"\ndate: 2028-05-%02d\nlang: de\n---\n\nDies ist eine fiktive Testmeldung.\n\n%s", day, day, block)
	}
	ask := func(e *Engine, question string) answer.Answer {
		t.Helper()
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	e := engineWith(t, "")
	addReleases(t, e, release(2, "Tobias Wendland", "+49 160 5552871"), release(9, "Tobias Wendland", ""))
	for _, question := range []string{"Wie ist die Handynummer des Pressesprechers?", "What is the press spokesman's mobile number?", "新闻发言人的手机号码是多少？"} {
		if a := ask(e, question); a.Rule != "contact-details" || !strings.Contains(a.Text, "+49 160 5552871") || !strings.Contains(a.Text, "Wendland") {
			t.Errorf("%s: rule %s: %s", question, a.Rule, a.Text)
		}
	}
	e = engineWith(t, "")
	addReleases(t, e, release(2, "Tobias Wendland", "+49 160 5552871"), release(9, "Tobias Wendland", ""), release(20, "Lea Sommer", ""))
	if a := ask(e, "Wer ist der Pressesprecher?"); !strings.Contains(a.Text, "Lea Sommer") || strings.Contains(a.Text, "5552871") {
		t.Errorf("the successor's contact: %s", a.Text)
	}
	if !slices.ContainsFunc(e.data.Alliance.Offices, func(o corpus.Office) bool { return o.Person == "Tobias Wendland" && o.Mobile == "+49 160 5552871" }) ||
		slices.ContainsFunc(e.data.Alliance.Offices, func(o corpus.Office) bool { return o.Person == "Lea Sommer" && o.Mobile != "" }) {
		t.Errorf("offices %+v: want the number Tobias Wendland's, not Lea Sommer's", e.data.Alliance.Offices)
	}
}

func TestChineseNumeralInWord(t *testing.T) {
	// A numeral before unknown characters may begin their word (一等奖,
	// 五月); one that counts does not (一位, 哪一天, 每一场), nor is the
	// measure word it counts a subject (几年).
	e := testEngine(t)
	tests := []struct {
		question string
		in, out  string
	}{
		{"合作奖一等奖的奖金是多少？", "一等", ""},
		{"二等奖颁给了哪两家企业？", "二等", ""},
		{"书里有一章写的是一位柳州工程师", "", "一"},
		{"配对洽谈日安排在哪一天", "", "一"},
		{"联盟的线上研讨会每一场最多能有多少人参加？", "", "一"},
		// A unit of time after 几 is what is counted, no subject.
		{"秘书长的任期是几年？", "任期", "年"},
		// An ordinal of a glossary phrase is part of it.
		{"Wer hat den ersten Platz belegt?", "ersten Platz", ""},
	}
	for _, tt := range tests {
		var texts []string
		lang, _ := DetectLang(tt.question)
		for _, w := range e.topicWords(e.read(tt.question, lang)) {
			texts = append(texts, w.text)
		}
		all := strings.Join(texts, " ")
		if tt.in != "" && !strings.Contains(all, tt.in) || tt.out != "" && strings.Contains(all, tt.out) {
			t.Errorf("%s: topic %q, want %q in it, %q not", tt.question, texts, tt.in, tt.out)
		}
	}
}

func TestAgeAfterAName(t *testing.T) {
	// Press releases give an age between commas after the name.
	e := testEngine(t)
	q := e.read("Wie alt ist Tobias Wendland?", "")
	for sentence, want := range map[string]string{
		"Wendland, 38, arbeitete zuvor sieben Jahre als Redakteur.": "38",
		"Die Pressesprecherin ist 41 Jahre alt.":                    "",
		"Berlin, 12. Mai 2028, Pressemitteilung":                    "",
		"Er betreut 12, später 15 Städte.":                          "",
	} {
		holds := e.holds(sentence, anAge, q)
		if holds != (want != "" || strings.Contains(sentence, "Jahre alt")) {
			t.Errorf("%q holds an age: %v", sentence, holds)
		}
		if got := e.factIn(sentence, anAge, q); got != want {
			t.Errorf("%q: the age %q, want %q", sentence, got, want)
		}
	}
}

func TestEndDateInShort(t *testing.T) {
	// Asked when something ends, the fact said in short is the date the
	// text marks as an end, or none; "the end of" asks for no date.
	e := testEngine(t)
	tests := []struct{ question, sentence, want string }{
		{"When does the project end?", "Das Projekt läuft vom 1. Juli 2028 bis zum 30. Juni 2031.", "30 June 2031"},
		{"Wann endet das Projekt?", "The project runs from 1 October 2028 to 30 September 2031.", ""},
		{"Wann beginnt das Projekt?", "Das Projekt läuft vom 1. Juli 2028 bis zum 30. Juni 2031.", "1. Juli 2028"},
	}
	for _, tt := range tests {
		q := e.read(tt.question, "")
		q.lang, _ = DetectLang(tt.question)
		if got := e.factIn(tt.sentence, aDate, q); got != tt.want {
			t.Errorf("%s: %q in short, want %q", tt.question, got, tt.want)
		}
	}
	for _, question := range []string{"What did the jury do at the end of the presentations?", "到目前为止，联盟有多少成员？"} {
		if got := e.read(question, "").expects; got == aDate {
			t.Errorf("%s asks for a date", question)
		}
	}
}

func TestReadsAlike(t *testing.T) {
	de, en, zh := corpus.German, corpus.English, corpus.Chinese
	tests := []struct {
		number   string
		from, to corpus.Lang
		want     bool
	}{
		{"612", de, en, true},
		{"1,150", en, zh, true},
		{"5.000", de, en, false}, // five in English
		{"4,300", en, de, false}, // 4.3 in German
		{"5.000", de, de, true},
		{"2,5 Millionen", de, en, false},
		{"530万", zh, en, false},
		{"acht", de, en, false},
		{"", de, en, false},
	}
	for _, tt := range tests {
		if got := readsAlike(tt.number, tt.from, tt.to); got != tt.want {
			t.Errorf("readsAlike(%q, %s, %s) = %v, want %v", tt.number, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestPoemIsWrittenByNobody(t *testing.T) {
	// A poem asked for is out of scope, whatever words stand between 一首
	// and 诗: not the closest passage of the release on the festival.
	e := testEngine(t)
	refuses(t, e, "请帮我写一首关于春节的诗。")
	// The 诗 of a name is no poem.
	if a, err := e.Answer(t.Context(), "请问秘书处的诗琳女士的电话是多少？", ""); err != nil || a.Rule == "outside-subject" {
		t.Errorf("a name read as a poem: %s (%v)", a.Text, err)
	}
}

// TestAfieldWordMustBeNamed checks that a question on a subject far from
// the alliance's work (the weather, a share price) is answered only by a
// passage that names it: not by one that shares its other words.
func TestAfieldWordMustBeNamed(t *testing.T) {
	release := `---
title: "Testmeldung: Festwoche in Foshan"
date: 2029-05-02
lang: de
place: Foshan
---

Die Festwoche in Foshan beginnt am 10. Mai 2029. Der Wetterdienst sagt für die Festwoche sonniges Wetter mit 28 Grad voraus.

Die Aktie der Foshan Motoren AG wird an der Börse in Shenzhen gehandelt; ihre Beschäftigten teilen sich einen Bonus.
`
	e := engineWithRelease(t, "2029-05-02-festwoche.md", release)
	tests := []struct {
		question string
		answered bool
	}{
		// Answered by the sentence that names the weather, not by one
		// on the week.
		{"Wie wird das Wetter in der Festwoche in Foshan?", true},
		{"Wie wird das Wetter nächste Woche in Foshan?", true},
		// "teilen" holds no share price.
		{"What is the share price of Foshan Motoren AG today?", false},
		{"Wie hoch ist das Gehalt der Beschäftigten der Foshan Motoren AG?", false},
		{"Welches Visum brauche ich für die Festwoche in Foshan?", false},
	}
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered != tt.answered || a.Answered && !strings.Contains(a.Text, "Wetter") {
			t.Errorf("%q: answered %v (rule %s), want %v, by the weather: %s", tt.question, a.Answered, a.Rule, tt.answered, a.Text)
		}
	}
}

// TestSpeaksFromReleases checks that whether someone speaks a language
// is answered from the release that says so, not with their address.
func TestSpeaksFromReleases(t *testing.T) {
	e := engineWith(t, "testdata/blind16")
	for _, question := range []string{"Spricht die neue Pressesprecherin Chinesisch?", "spricht die neue kontaktperson chinesisch?"} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != "speaks" || !strings.Contains(a.Text, "fließend Chinesisch") {
			t.Errorf("%q: rule %s: %s", question, a.Rule, a.Text)
		}
	}
}

// TestMonthAskedIsNoSubject checks that "in welchem Monat" asks when, as
// "in welchem Jahr" does: the founding's month, not a release's sentence
// that holds the word "Monat".
func TestMonthAskedIsNoSubject(t *testing.T) {
	release := `---
title: "Testmeldung: Ein Newsletter für die Presse"
date: 2029-05-02
lang: de
place: Berlin
---

Ab Mai 2029 erscheint einmal im Monat ein Presse-Newsletter der ISA; die erste Ausgabe kommt am 6. Mai 2029.
`
	e := engineWithRelease(t, "2029-05-02-newsletter.md", release)
	for _, question := range []string{"In welchem Monat und Jahr wurde die Allianz gegründet?", "In which month was the ISA founded?"} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != "founding" || !strings.Contains(a.Text, "2016") {
			t.Errorf("%q: rule %s: %s", question, a.Rule, a.Text)
		}
	}
}

// TestRequestForOwnPapersIsRefused checks that a request to work on a
// journalist's own papers is refused, though a release shares its other
// words.
func TestRequestForOwnPapersIsRefused(t *testing.T) {
	release := `---
title: "Testmeldung: Kooperationsbörse übersetzt Firmenprofile"
date: 2029-05-02
lang: de
place: Berlin
---

Firmenprofile und Bewerbungen für die Kooperationsbörse werden maschinell ins Chinesische und Englische übersetzt.
`
	e := engineWithRelease(t, "2029-05-02-boerse.md", release)
	for _, question := range []string{"Please translate my CV into Chinese for a job application.", "Können Sie meinen Lebenslauf für eine Bewerbung ins Chinesische übersetzen?", "请把我的简历翻译成中文。"} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered {
			t.Errorf("%q answered (rule %s): %s", question, a.Rule, a.Text)
		}
	}
}

// TestAboutTheContactPerson checks that a question about the contact
// person named by role ("der neue Pressesprecher") is answered by what a
// release says of that person, not by the contact's address.
func TestAboutTheContactPerson(t *testing.T) {
	release := `---
title: "Testmeldung: Jan Probst wird Pressesprecher der ISA"
date: 2029-05-02
lang: de
place: Berlin
---

Jan Probst ist ab dem 1. Mai 2029 Pressesprecher der ISA in Deutschland. Vorher hat der 44-Jährige acht Jahre als Redakteur bei einer Zeitung in Dresden gearbeitet.

Probst spricht fließend Englisch und Polnisch. Er berichtet an Anna Weber, die Leiterin des Büros.

Pressekontakt:
Jan Probst, Pressesprecher
ISA-Büro Deutschland, Beispielstraße 1, 10117 Berlin
Telefon: +49 30 5550 1234
E-Mail: presse@isa-buero.example
`
	e := engineWithRelease(t, "2029-05-02-pressesprecher.md", release)
	e.now = func() time.Time { return time.Date(2029, time.June, 1, 12, 0, 0, 0, time.UTC) }
	tests := []struct{ question, rule, want string }{
		{"Wie alt ist der neue Pressesprecher?", "contact-person", "44"},
		// A question of its own about the new one: by name.
		{"Welche Sprachen spricht der neue Pressesprecher?", "contact-person", "Polnisch"},
		{"Wer ist der neue Pressesprecher?", "contact", "Jan Probst"},
	}
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != tt.rule || !strings.Contains(a.Text, tt.want) {
			t.Errorf("%q: rule %s, want %s with %q: %s", tt.question, a.Rule, tt.rule, tt.want, a.Text)
		}
	}
	// Not the former spokesperson, whom the current contact is not, nor
	// the press in general.
	// Nor are his languages another's whom the paragraph names.
	if a, err := e.Answer(context.Background(), "Which languages does Anna Weber speak?", ""); err != nil || strings.Contains(a.Text, "Polnisch") {
		t.Errorf("Anna Weber's languages: %s (%v)", a.Text, err)
	}
	// Nor someone else's contact person.
	for _, question := range []string{"Where did the former spokeswoman work before?", "Was hat die Presse vorher über die Allianz berichtet?",
		"Welche Sprachen spricht der Ansprechpartner für das Projekt SolarLoom?"} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule == "contact-person" {
			t.Errorf("%q answered about the contact person: %s", question, a.Text)
		}
	}
}

func TestSentenceBelowTheBestPassages(t *testing.T) {
	// Six passages name Lena Sommer and give no age; the seventh, which
	// scores less, does: it answers. One below that holds none of the
	// subject, though its release's title names her, does not.
	e := testEngine(t)
	q := e.read("Wie alt ist Lena Sommer?", corpus.German)
	topic := e.topicWords(q)
	r := &corpus.Release{ID: "r", Lang: corpus.German, Title: "Lena Sommer wird Pressesprecherin"}
	var found []scoredPassage
	for i := range maxAnswerPassages {
		found = append(found, scoredPassage{p: &passage{Release: r, Kind: partBody, Index: i, Text: "Lena Sommer ist ab Mai erreichbar unter presse@isa.example."},
			score: 1 - float64(i)/10, coverage: 1})
	}
	age := scoredPassage{p: &passage{Release: r, Kind: partBody, Index: 7, Text: "Die 38-jährige Lena Sommer kommt aus Jena."}, score: 0.2, coverage: 1}
	if got := e.bestSentence(q, append(slices.Clone(found), age), topic, nil, nil); got.sentence != age.p.Text {
		t.Errorf("best sentence %q, want %q", got.sentence, age.p.Text)
	}
	other := scoredPassage{p: &passage{Release: r, Kind: partBody, Index: 7, Text: "Die 38-jährige Kollegin kommt aus Jena."}, score: 0.2, coverage: 1}
	if got := e.bestSentence(q, append(slices.Clone(found), other), topic, nil, nil); got.sentence == other.p.Text {
		t.Errorf("best sentence %q, which names no Lena Sommer", got.sentence)
	}
}

func TestPersonByRoleOfTheCityAsked(t *testing.T) {
	// A role that names its city is no answer for another city's, though
	// the release's title names that one too; a vice mayor is no answer
	// for the mayor.
	tests := []struct {
		file, release, person string
		questions             map[string]bool // question: whether the person answers it
	}{
		{"2027-03-01-foshan.txt", "佛山，2027年3月1日\n新闻稿\n测试稿：佛山与开姆尼茨签署合作协议\n\n本新闻稿为虚构测试稿。开姆尼茨市经济促进局局长乌尔丽克·布兰道尔（Ulrike Brandauer）出席了签约仪式。\n",
			"布兰道尔", map[string]bool{"佛山市经济促进局局长是谁？": false, "开姆尼茨市经济促进局局长是谁？": true}},
		{"2027-03-01-wuxi.txt", "无锡，2027年3月1日\n新闻稿\n测试稿：无锡代表团访问德国\n\n本新闻稿为虚构测试稿。无锡市副市长李慧敏（Li Huimin）率团访问了德国。\n",
			"李慧敏", map[string]bool{"无锡市市长是谁？": false, "无锡市副市长是谁？": true}},
	}
	for _, tt := range tests {
		e := engineWithRelease(t, tt.file, tt.release)
		for q, person := range tt.questions {
			a, err := e.Answer(t.Context(), q, "")
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Rule == "person-by-role" && strings.Contains(a.Text, tt.person); got != person {
				t.Errorf("%s: %s: %s", q, a.Rule, a.Text)
			}
		}
	}
}

func TestContactSince(t *testing.T) {
	// Asked since when, the contact person's first day, which the
	// block's heading gives.
	e := engineWithRelease(t, "2032-07-07-presse.txt", "Berlin, 7. Juli 2032\nPressemitteilung\nTestmeldung: Neue Pressesprecherin\n\n"+
		"Dies ist eine fiktive Testmeldung. Zum 1. August 2032 übernimmt Jana Roe die Pressearbeit der ISA.\n\n"+
		"Pressekontakt (ab 1. August 2032)\n\nJana Roe, Pressesprecherin\nISA-Kontaktbüro Deutschland\nCharlottenstraße 42\n10117 Berlin\nTelefon: +49 30 5557 2040\nE-Mail: presse@isa.example\n")
	e.now = func() time.Time { return time.Date(2032, 12, 1, 12, 0, 0, 0, time.UTC) }
	for _, tt := range []struct{ q, want string }{
		{"Ab wann ist die neue Pressesprecherin zuständig?", "seit dem 1. August 2032"},
		{"Since when has the ISA had its current press contact?", "since 1 August 2032"},
		{"新的新闻发言人是从哪一天开始负责媒体咨询的？", "2032年8月1日"},
	} {
		a, err := e.Answer(t.Context(), tt.q, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != "contact-since" || !strings.Contains(a.Text, tt.want) || !strings.Contains(a.Text, "Jana Roe") {
			t.Errorf("%s: %s: %s, want Jana Roe and %q", tt.q, a.Rule, a.Text, tt.want)
		}
	}
	// Her successor at the same address, with no day given: neither
	// her day nor the release's is his.
	addReleases(t, e, "---\ntitle: \"Testmeldung: Neuer Pressesprecher\"\ndate: 2033-02-01\nlang: de\n---\n\n"+
		"Dies ist eine fiktive Testmeldung. Max Mustermann ist neuer Pressesprecher der ISA. Er folgt auf Jana Roe.\n\n"+
		"Pressekontakt\n\nMax Mustermann, Pressesprecher\nISA-Kontaktbüro Deutschland\nTelefon: +49 30 5557 2050\nE-Mail: presse@isa.example\n")
	e.now = func() time.Time { return time.Date(2033, 3, 1, 12, 0, 0, 0, time.UTC) }
	a, err := e.Answer(t.Context(), "Ab wann ist der neue Pressesprecher zuständig?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule == "contact-since" || strings.Contains(a.Text, "seit dem 1. August 2032") || strings.Contains(a.Text, "seit dem 1. Februar 2033") {
		t.Errorf("a day no source gives: %s: %s", a.Rule, a.Text)
	}
	// Nor is a question about the office's hours one about her day.
	for _, q := range []string{"Wann ist die Pressestelle erreichbar?", "Ab wann gilt die neue Adresse des Kontaktbüros?"} {
		if a, err := e.Answer(t.Context(), q, ""); err != nil || a.Rule == "contact-since" {
			t.Errorf("%s: %s: %s (%v)", q, a.Rule, a.Text, err)
		}
	}
}

func TestRoleOfAnotherCity(t *testing.T) {
	// A release names Heilbronn's mayor, in a role that names no city:
	// asked for Hildesheim's, the engine does not answer with him.
	e := engineWithRelease(t, "2032-11-12-zibo.txt", "淄博，2032年11月12日\n新闻稿\n测试稿：淄博代表团访问德国\n\n本新闻稿为虚构测试稿。"+
		"11月4日，孙立峰与海尔布隆市市长凯·布兰德霍斯特博士（Dr. Kai Brandhorst）在海尔布隆市政厅签署两市友好合作意向书。\n")
	for _, q := range []string{"希尔德斯海姆市长是谁？", "Wer ist Oberbürgermeister von Hildesheim?"} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(a.Text, "Brandhorst") || strings.Contains(a.Text, "布兰德霍斯特") {
			t.Errorf("%s: %s: %s", q, a.Rule, a.Text)
		}
	}
	// A release on Heilbronn quotes its Lord Mayor, by a role that
	// names no city: he is Heilbronn's.
	addReleases(t, e, "---\ntitle: \"Test release: Heilbronn joins the ISA\"\ndate: 2032-07-22\nlang: en\n---\n\n"+
		"This is a fictional test release. \"We are glad to be part of it,\" said Lord Mayor Dr. Kai Brandhorst.\n")
	if a, err := e.Answer(t.Context(), "Who is the Lord Mayor of Heilbronn?", ""); err != nil || a.Rule != "person-by-role" || !strings.Contains(a.Text, "Kai Brandhorst") {
		t.Errorf("Heilbronn's Lord Mayor: %s: %s (%v)", a.Rule, a.Text, err)
	}
}

func TestPersonFactIsNoSpeaker(t *testing.T) {
	// The person a sentence names for "who" is not who is quoted saying
	// it, a role of whose the learner reads.
	e := testEngine(t)
	q := e.read(cleanQuestion("Who was press officer before Jana Roe?"), corpus.English)
	for sentence, want := range map[string]string{
		"„Tom Weber danken wir für vier Jahre Pressearbeit“, sagte Dr. Jörg Ellerbrock, Leiter des ISA-Kontaktbüros Deutschland.": "",
		"Dr. Jörg Ellerbrock, Leiter des ISA-Kontaktbüros Deutschland, dankte Tom Weber.":                                         "Jörg Ellerbrock",
	} {
		if got := e.factIn(sentence, aPerson, q); got != want {
			t.Errorf("%q: the person %q, want %q", sentence, got, want)
		}
	}
}

func TestNamesWord(t *testing.T) {
	for _, tt := range []struct {
		text, name string
		want       bool
	}{
		{"Oberbürgermeister der Stadt Hof", "Hof", true},
		{"Leiter der Firma Hofmann", "Hof", false},
		{"Hof's mayor", "Hof", true},
		{"海尔布隆市市长", "海尔布隆", true},
	} {
		if got := namesWord(tt.text, tt.name); got != tt.want {
			t.Errorf("namesWord(%q, %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}

func TestPlaceFactIsNoPersonNorAsked(t *testing.T) {
	// The place a sentence gives for "where" is neither a place the
	// question names nor a person's name the gazetteer has as a town
	// (Grünewald), here the contact person's.
	e := engineWithRelease(t, "2031-02-24-presse.txt", "Berlin, 24. Februar 2031\nPressemitteilung\nTestmeldung: Neue Pressesprecherin\n\n"+
		"Diese Pressemitteilung ist eine fiktive Testmeldung. Yvonne Kasprzak wird Pressesprecherin der ISA.\n\n"+
		"Pressekontakt:\nMalte Grünewald\nISA-Geschäftsstelle Deutschland\nSchumannstraße 14, 10117 Berlin\nTelefon: +49 30 5557 4410\n")
	for _, tt := range []struct{ q, text, want string }{
		{"Where did Ms Kasprzak work before?", "Kasprzak folgt auf Malte Grünewald. Grünewald bleibt der Geschäftsstelle erhalten.", ""},
		{"Where did Ms Kasprzak work before?", "Zuletzt war sie Pressesprecherin in Duisburg.", "Duisburg"},
		{"Where was the Foshan–Halle agreement signed?", "Foshan und Halle (Saale) unterzeichneten das Abkommen in Duisburg.", "Duisburg"},
		{"Where was the forum?", "Das Forum fand in Grünewald statt.", "Grunewald"}, // no person's surname here; its English name
	} {
		q := e.read(cleanQuestion(tt.q), corpus.English)
		if got := e.factIn(tt.text, aPlace, q); got != tt.want {
			t.Errorf("%s in %q: %q, want %q", tt.q, tt.text, got, tt.want)
		}
	}
}

func TestAboutReleaseWeighedFurtherDown(t *testing.T) {
	// The release whose title names the whole subject answers with a
	// paragraph further down than another release's passing mention.
	e := engineWith(t, "testdata/blind19")
	e.now = func() time.Time { return time.Date(2031, time.June, 30, 12, 0, 0, 0, time.UTC) }
	a, err := e.Answer(t.Context(), "Who leads the hydrogen logistics project on the German side?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Oelschläger") {
		t.Errorf("%s (rule %s)", a.Text, a.Rule)
	}
	// A word for the kind of thing the name is ("Projekt") is no part
	// of the subject a title must name.
	e = engineWith(t, "testdata/blind20")
	e.now = func() time.Time { return time.Date(2031, time.December, 31, 12, 0, 0, 0, time.UTC) }
	if a, err = e.Answer(t.Context(), "Wer leitet das Projekt ReCast?", ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Wehrhahn") {
		t.Errorf("%s (rule %s)", a.Text, a.Rule)
	}
}

func TestSecretariatNamedWhenABlockNamesOnlyAPerson(t *testing.T) {
	// The newest contact block of the secretariat gives its acting press
	// contact and her numbers, not the secretariat's name: the answer
	// names it as the sources last did, with the newest details.
	e := engineWithRelease(t, "2033-06-13-daili.txt", "佛山，2033年6月13日\n\n新闻稿\n\n秘书处新闻联络工作由谭嘉欣代理\n\n"+
		"本文为虚构测试新闻稿。2033年6月1日至9月30日期间，秘书处的新闻联络工作由谭嘉欣代理。\n\n"+
		"新闻联络人（代理）：谭嘉欣\n电话：+86 757 2878 4797\n电子邮箱：tanjiaxin@isa-foshan.example\n")
	a, err := e.Answer(context.Background(), "Where is the ISA secretariat?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "tanjiaxin@isa-foshan.example") || strings.Contains(a.Text, "()") {
		t.Errorf("secretariat: %s", a.Text)
	}
}

func TestUnknownNameThatAReleaseExplains(t *testing.T) {
	// A word no gazetteer knows, in a question that reads like one about
	// membership, is no unknown city when a release says what is asked
	// of it.
	e := engineWithRelease(t, "2032-04-23-preis.txt", "Hannover, 23. April 2032\n\nPressemitteilung\n\nKooperationspreis für Solingen und Deyang\n\n"+
		"Diese Pressemitteilung ist eine fiktive Testmeldung. Der ISA-Kooperationspreis wurde am 21. April 2032 auf der Hannover Messe verliehen. "+
		"Er ging an zwei Unternehmen aus Solingen und Deyang.\n")
	a, err := e.Answer(context.Background(), "An welchem Tag wurde der Kooperationspreis verliehen?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "21. April") || strings.Contains(a.Text, "kenne ich nicht") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
	// A name that no release holds either is still unknown.
	a, err = e.Answer(context.Background(), "Ist Kleinmusterhausen Mitglied?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule != "unknown-city" {
		t.Errorf("Kleinmusterhausen: rule %s: %s", a.Rule, a.Text)
	}
}

func TestMergeActingHolderThenTheElected(t *testing.T) {
	// The deputy acts as Secretary-General from 1 March; the one elected
	// is named without a day, then with the day she takes office. Until
	// that day the acting one holds the role, the secretariat's answer
	// says, and after it the elected one.
	cite := func(y, m, d int) corpus.Cite {
		return corpus.Cite{Source: "s", AsOf: corpus.Date{Year: y, Month: time.Month(m), Day: d}}
	}
	base := &corpus.Data{Alliance: corpus.Alliance{People: []corpus.Person{
		{Name: "Liu Yi", Role: corpus.Text{corpus.English: "Secretary-General of the ISA secretariat in Foshan"}, Cite: cite(2022, 0, 0)},
		{Name: "Rong Qiang", Role: corpus.Text{corpus.English: "Deputy Secretary-General of the ISA secretariat"}, Cite: cite(2022, 0, 0)},
	}}}
	learnt := map[string]*learned{}
	add := func(id string, day time.Time, p corpus.Person) {
		learnt[id] = &learned{release: &corpus.Release{ID: id, Date: day}, people: []corpus.Person{p}}
	}
	add("r1", time.Date(2033, 2, 7, 0, 0, 0, 0, time.UTC), corpus.Person{Name: "Rong Qiang", Role: corpus.Text{corpus.English: "acting Secretary-General"}, Since: corpus.Date{Year: 2033, Month: 3, Day: 1}})
	add("r2", time.Date(2033, 5, 16, 0, 0, 0, 0, time.UTC), corpus.Person{Name: "Su Huimin", Role: corpus.Text{corpus.English: "Secretary-General"}})
	add("r3", time.Date(2033, 6, 13, 0, 0, 0, 0, time.UTC), corpus.Person{Name: "Su Huimin", Aliases: []string{"苏慧敏"}, Role: corpus.Text{corpus.Chinese: "秘书长"}, Since: corpus.Date{Year: 2033, Month: 8, Day: 1}})
	people := merge(base, learnt).Alliance.People
	byName := map[string]corpus.Person{}
	for _, p := range people {
		byName[p.Name] = p
	}
	if p := byName["Liu Yi"]; p.Successor != "Rong Qiang" || p.Until != (corpus.Date{Year: 2033, Month: 3, Day: 1}) {
		t.Errorf("Liu Yi: successor %q until %v", p.Successor, p.Until)
	}
	if p := byName["Rong Qiang"]; p.Role[corpus.English] != "acting Secretary-General" || p.Successor != "Su Huimin" || p.Until != (corpus.Date{Year: 2033, Month: 8, Day: 1}) {
		t.Errorf("Rong Qiang: %+v", p)
	}
	if p := byName["Su Huimin"]; p.Role[corpus.Chinese] != "秘书长" || p.Since != (corpus.Date{Year: 2033, Month: 8, Day: 1}) {
		t.Errorf("Su Huimin: %+v", p)
	}
	for _, tt := range []struct {
		day  time.Time
		want string
	}{
		{time.Date(2033, 2, 1, 0, 0, 0, 0, time.UTC), "Liu Yi"},
		{time.Date(2033, 7, 1, 0, 0, 0, 0, time.UTC), "Rong Qiang"},
		{time.Date(2033, 8, 1, 0, 0, 0, 0, time.UTC), "Su Huimin"},
	} {
		var holders []string
		for _, p := range people {
			if p.Name != "Liu Yi" && p.Name != "Rong Qiang" && p.Name != "Su Huimin" {
				continue
			}
			if holdsRoleOn(&p, tt.day) {
				holders = append(holders, p.Name)
			}
		}
		if len(holders) != 1 || holders[0] != tt.want {
			t.Errorf("on %s: %v hold the role, want %s", tt.day.Format(time.DateOnly), holders, tt.want)
		}
	}
}

func TestStillTheContact(t *testing.T) {
	// A contact person whom only contact blocks name, asked whether she
	// still is the contact: the contact of today answers, not the
	// release that named her.
	e := engineWith(t, "")
	addReleases(t, e,
		"---\ntitle: \"Testmeldung: Neue Ansprechpartnerin\"\ndate: 2033-01-10\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. Die Pressearbeit übernimmt Anna Schmitz.\n\nPressekontakt:\nAnna Schmitz\nDeutsches Sekretariat der ISA\nTelefon: +49 30 1111 22\nE-Mail: schmitz@isa.example\n",
		"---\ntitle: \"Testmeldung: Wechsel in der Pressestelle\"\ndate: 2033-05-02\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. Ab sofort ist die Pressestelle neu besetzt.\n\nPressekontakt:\nJana Brandt\nDeutsches Sekretariat der ISA\nTelefon: +49 30 1111 33\nE-Mail: brandt@isa.example\n",
	)
	e.now = func() time.Time { return time.Date(2033, 6, 1, 0, 0, 0, 0, time.UTC) }
	for _, q := range []string{"Is Anna Schmitz still the press contact?", "Ist Frau Schmitz noch Ansprechpartnerin für die Presse?"} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, "Jana Brandt") {
			t.Errorf("%s: %s", q, a.Text)
		}
	}
}

func TestContactOfAMonthNamedAgainLater(t *testing.T) {
	// The contact from 2 January, named again in February, was the
	// contact in January: not the office of 2022 before her.
	e := engineWith(t, "")
	addReleases(t, e,
		"---\ntitle: \"Testmeldung: Neue Ansprechpartnerin\"\ndate: 2033-01-10\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. Seit dem 2. Januar 2033 ist Anna Schmitz Ansprechpartnerin für die Presse.\n\nPressekontakt:\nAnna Schmitz\nDeutsches Sekretariat der ISA\nE-Mail: schmitz@isa.example\n",
		"---\ntitle: \"Testmeldung: Forum\"\ndate: 2033-02-21\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. Das Forum findet im März statt.\n\nPressekontakt:\nAnna Schmitz\nDeutsches Sekretariat der ISA\nE-Mail: schmitz@isa.example\n",
		"---\ntitle: \"Testmeldung: Wechsel\"\ndate: 2033-05-02\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. Die Pressestelle ist neu besetzt.\n\nPressekontakt:\nJana Brandt\nDeutsches Sekretariat der ISA\nE-Mail: brandt@isa.example\n",
	)
	e.now = func() time.Time { return time.Date(2033, 7, 1, 0, 0, 0, 0, time.UTC) }
	for _, q := range []string{"Wer war im Januar 2033 Pressekontakt der ISA?", "2033年1月中旬，德国方面的新闻联系人是谁？"} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, "Anna Schmitz") || strings.Contains(a.Text, "Foshan") {
			t.Errorf("%s: %s", q, a.Text)
		}
	}
}

func TestFollowUpSharesTheSubject(t *testing.T) {
	// "谁出钱？" after a question on the exhibition asks who pays for the
	// exhibition, not for the seminar another release names; the passage
	// that answers both is said once.
	e := engineWith(t, "")
	addReleases(t, e,
		"---\ntitle: \"测试稿：竹木建筑展览在湖州开幕\"\ndate: 2033-03-01\nlang: zh\n---\n\n本文为虚构测试新闻稿。竹木建筑展览3月1日在湖州开幕。\n\n展览总投入80万元，由湖州市政府出资。\n",
		"---\ntitle: \"测试稿：智能制造研讨会在佛山举行\"\ndate: 2033-03-05\nlang: zh\n---\n\n本文为虚构测试新闻稿。智能制造研讨会3月5日在佛山举行。\n\n研讨会由佛山市商务局出资举办。\n",
	)
	a, err := e.Answer(t.Context(), "这个竹木建筑展览总共花多少钱？谁出钱？", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "湖州市政府") || strings.Contains(a.Text, "佛山市商务局") || strings.Count(a.Text, "总投入") != 1 {
		t.Errorf("%s", a.Text)
	}
}

func TestDetailsOfAContactPersonNamedOnlyInABlock(t *testing.T) {
	// Whom only a contact block names: her details are her office's, and
	// a fax she has none of is none, not her phone.
	e := engineWithRelease(t, "2033-05-30-daili.md", "---\ntitle: \"秘书处新闻联络工作由谭嘉欣代理\"\ndate: 2033-05-30\nlang: zh\n---\n\n"+
		"本文为虚构测试新闻稿。2033年6月1日至9月30日期间，秘书处的新闻联络工作由谭嘉欣代理。\n\n"+
		"媒体联系人（代理）：谭嘉欣\n中德工业城市联盟秘书处\n电话：+86 757 2878 4797\n电子邮箱：tanjiaxin@isa-foshan.example\n")
	a, err := e.Answer(t.Context(), "谭嘉欣的邮箱是什么？", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "tanjiaxin@isa-foshan.example") {
		t.Errorf("e-mail: %s", a.Text)
	}
	a, err = e.Answer(t.Context(), "谭嘉欣的传真号码是多少？", "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "2878 4797") {
		t.Errorf("fax: %s", a.Text)
	}
}

func TestContactOfACity(t *testing.T) {
	// A contact asked for in a city is the one a release names there;
	// the alliance's contact is asked for without a city.
	e := engineWith(t, "")
	addReleases(t, e, "---\ntitle: \"Testmeldung: Dortmund ist Vollmitglied\"\ndate: 2027-01-10\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. "+
		"Dortmund ist seit dem 6. Januar 2027 Vollmitglied der ISA.\n\nAnsprechpartner für die Mitgliedschaft in der Dortmunder Verwaltung ist Dr. Volker Ostendarp von der Wirtschaftsförderung.\n\n"+
		"Pressekontakt\n\nMalte Kronsbein, Pressesprecher\nISA-Geschäftsstelle Deutschland\nTelefon: +49 30 5557 2214\nE-Mail: presse@isa.example\n")
	answersContain(t, e, map[string]string{
		"Who is the contact person for the ISA membership in Dortmund's city administration?": "Ostendarp",
		"Wer ist der Ansprechpartner der ISA?":                                                "Kronsbein",
	})
}

func TestSecretariatContactDetailsName(t *testing.T) {
	// The secretariat's details, asked for with who, name its person,
	// though no press word names them one: "Media Liaison".
	e := engineWith(t, "")
	addReleases(t, e, "---\ntitle: \"Test release: award\"\ndate: 2027-01-10\nlang: en\n---\n\nThis is a fictional test release.\n\n## Press contacts\n\n"+
		"ISA Secretariat, Foshan: Lu Jiaxin (陆嘉欣), Media Liaison, phone +86 757 2866 0415, media@isa-secretariat.example\n\n"+
		"ISA German Office, Berlin: Malte Kronsbein, Press Spokesman, phone +49 30 5557 2214, presse@isa.example\n")
	a, err := e.Answer(t.Context(), "Wer ist im Sekretariat in Foshan zuständig – mit Telefonnummer bitte?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Lu Jiaxin") || !strings.Contains(a.Text, "+86 757 2866 0415") {
		t.Errorf("the secretariat's contact: %s", a.Text)
	}
}

func TestMembershipAskedBeyond(t *testing.T) {
	// A question about a member that asks what, not whether or when, is
	// answered by a release's passage, not by the membership.
	e := engineWith(t, "")
	addReleases(t, e, "---\ntitle: \"Test release: Ningbo joins the ISA\"\ndate: 2027-01-10\nlang: en\n---\n\nThis is a fictional test release. "+
		"Ningbo joined the Sino-German Industrial Cities Alliance on 7 January 2027.\n\nNext, Ningbo plans a matchmaking day with German companies in April 2027.\n")
	for q, want := range map[string]string{
		"Ningbo just joined the alliance - what's the city planning next?": "matchmaking day",
		"Is Ningbo a member of the alliance?":                              "Yes, Ningbo is a member",
		"When did Ningbo join the alliance?":                               "7 January 2027",
	} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, want) {
			t.Errorf("%s: %s, want %q", q, a.Text, want)
		}
	}
}

func TestTitleNames(t *testing.T) {
	// Words side by side with capitals that a release's title holds are
	// one name, searched as written: not words the question's other
	// capitalised words, which no title holds, are.
	e := engineWith(t, "")
	addReleases(t, e, "---\ntitle: \"Test release: ISA launches \\\"Skills Bridge 2033\\\"\"\ndate: 2027-01-10\nlang: en\n---\n\nThis is a fictional test release. The ISA launches an exchange of young skilled workers.\n\nApplications: from 1 February to 31 March 2027 through the ISA portal.\n")
	for question, want := range map[string][]string{
		"Bis wann kann man sich für die Skills Bridge bewerben?": {"Skills Bridge", "bewerben"},
		"Wann beginnt die Grüne Brücke?":                         {"beginnt", "Grüne", "Brücke"},
	} {
		q := e.read(question, "")
		topic, err := e.withTitleNames(t.Context(), q, e.topicWords(q))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range topic {
			got = append(got, w.text)
			if w.titled != (w.text == "Skills Bridge") {
				t.Errorf("%s: %q titled %v", question, w.text, w.titled)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: topic %q, want %q", question, got, want)
		}
	}
	a, err := e.Answer(t.Context(), "Bis wann kann man sich für die Skills Bridge bewerben?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "31 March 2027") {
		t.Errorf("the deadline: %s", a.Text)
	}
}

func TestTitleNameTranslated(t *testing.T) {
	// A programme an English release's title names is named in a
	// Chinese release in its own words; its "first session" is no
	// plenary assembly numbered 1.
	e := engineWith(t, "")
	addReleases(t, e,
		"---\ntitle: \"Test release: ISA launches the \\\"Hydrogen Dialogues\\\"\"\ndate: 2036-01-20\nlang: en\n---\n\nThis is a fictional test release. Six meetings alternate between online sessions and meetings on site.\n",
		"---\ntitle: \"测试稿：联盟第二十四届全体大会在洛阳举行\"\ndate: 2036-05-13\nlang: zh\n---\n\n本新闻稿是虚构测试稿。“ISA氢能对话”系列活动3月4日举行的首场线上会议吸引了630名参与者。\n")
	a, err := e.Answer(t.Context(), "How many participants did the first online session of the Hydrogen Dialogues attract?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "630") {
		t.Errorf("answered=%v: %s", a.Answered, a.Text)
	}
}

func TestTranslatedNameBounded(t *testing.T) {
	// However long a name, its words' senses make at most maxNameGroups
	// combinations in each language: a title in Title Case may run to
	// eight words.
	var words []topicWord
	for range 8 {
		words = append(words, topicWord{terms: map[corpus.Lang][]string{
			corpus.German:  {"own", "a", "b", "c", "d", "e"},
			corpus.Chinese: {"own", "甲", "乙", "丙", "丁", "戊"},
		}})
	}
	name := topicWord{parts: map[corpus.Lang][][]string{}}
	addTranslatedName(&name, words, corpus.English)
	for _, l := range []corpus.Lang{corpus.German, corpus.Chinese} {
		if n := len(name.parts[l]); n == 0 || n > maxNameGroups {
			t.Errorf("%s: %d combinations", l, n)
		}
		for _, g := range name.parts[l] {
			if slices.Contains(g, "own") {
				t.Errorf("%s: %v holds the word as written", l, g)
			}
		}
	}
}

func TestAssemblyNumberWithName(t *testing.T) {
	// A name a Chinese release holds is no programme whose sessions the
	// releases number otherwise: the 24th plenary's delegates are not the
	// 25th's.
	e := engineWith(t, "")
	addReleases(t, e,
		"---\ntitle: \"测试稿：联盟第二十四届全体大会在洛阳举行\"\ndate: 2036-05-13\nlang: zh\n---\n\n本新闻稿是虚构测试稿。第二十四届全体大会通过Bilibili直播，共有1200名观众。\n\n大会由洛阳市市长梁文主持开幕，共有310名代表出席。\n",
		"---\ntitle: \"测试稿：联盟第二十五届全体大会在卡塞尔举行\"\ndate: 2036-11-10\nlang: zh\n---\n\n本新闻稿是虚构测试稿。来自40个城市的代表出席大会。\n")
	a, err := e.Answer(t.Context(), "Wie viele Delegierte kamen zur 25. Plenarversammlung, die auf Bilibili übertragen wurde?", "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "310") {
		t.Errorf("the 24th's delegates: %s", a.Text)
	}
}

func TestCoordinatorWordOfProject(t *testing.T) {
	// "run" and "leitet" ask who coordinates the alliance, unless the
	// question names a subject of its own that a release answers for:
	// the project's end, its head.
	e := engineWith(t, "")
	addReleases(t, e, "---\ntitle: \"Test release: Huzhou and Mainz start a project to recycle industrial water\"\ndate: 2036-04-22\nlang: en\n---\n\n"+
		"This is a fictional test release. Huzhou and Mainz have agreed on a joint project to recycle process water.\n\n"+
		"The project runs for three years, from 1 June 2036 to 31 May 2039. It is led by Dr. Wiebke Hallstein of the City of Mainz.\n")
	answersContain(t, e, map[string]string{
		"Until when does the project run?": "31 May 2039",
		"Wer leitet das Projekt?":          "Hallstein",
	})
}

func TestSizeOfStandAtFoundingPlace(t *testing.T) {
	// "Wie groß" asks the member count, but not of a question on the
	// founding's place with no word for members: the stand at the
	// Hannover Messe is a release's.
	e := engineWith(t, "")
	addReleases(t, e, "---\ntitle: \"Test release: 16 member cities, one stand at HANNOVER MESSE 2036\"\ndate: 2036-04-02\nlang: en\n---\n\n"+
		"This is a fictional test release. Sixteen member cities share the ISA joint stand at Hannover Messe 2036.\n\nThe stand covers 380 square metres in Hall 2.\n")
	a, err := e.Answer(t.Context(), "Wie groß war der Stand auf der Hannover Messe 2036?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "380") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

func TestNameInChinese(t *testing.T) {
	// A Chinese release gives a programme's German name once, in its
	// lead: the name is the release's subject, which a later paragraph
	// covers without naming it (titled); the dictionaries' words are no
	// names, though the release holds "Scholarship" too.
	e := engineWith(t, "")
	addReleases(t, e, "---\ntitle: \"测试稿：联盟启动“工匠桥”青年技工交流计划\"\ndate: 2036-03-27\nlang: zh\n---\n\n"+
		"本新闻稿是虚构测试稿。联盟秘书处3月26日在佛山宣布，启动“工匠桥”中德青年技工交流计划（德文名称“Handwerksbrücke”，英文名称“Craft Bridge Scholarship”）。\n\n"+
		"首批学员来自六个中国成员城市。报名条件为：年龄18至26岁，已完成职业教育，具备德语A2水平。\n")
	question := "Welche Voraussetzungen muss man für die Handwerksbrücke oder das Scholarship mitbringen?"
	q := e.read(question, "")
	topic := e.topicWords(q)
	if err := e.withNamesInChinese(t.Context(), q, topic); err != nil {
		t.Fatal(err)
	}
	for _, w := range topic {
		if w.titled != (w.text == "Handwerksbrücke") {
			t.Errorf("%q titled %v", w.text, w.titled)
		}
	}
	a, err := e.Answer(t.Context(), "Welche Voraussetzungen muss man für die Handwerksbrücke mitbringen?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "A2") {
		t.Errorf("answered=%v: %s", a.Answered, a.Text)
	}
}

func TestProgrammeNames(t *testing.T) {
	// A Chinese release names a project in both scripts; a Chinese
	// question by its Chinese name finds the English release that only
	// gives its Latin one, and the name is among the facts learned.
	e := engineWith(t, "")
	addReleases(t, e,
		"---\ntitle: \"测试稿：全体大会在洛阳举行\"\ndate: 2036-05-13\nlang: zh\n---\n\n本新闻稿是虚构测试稿。湖州和美因茨介绍了“蓝环”（BlueLoop）工业水循环项目，该项目将于6月1日正式启动。\n",
		"---\ntitle: \"Test release: Huzhou and Mainz start a project to recycle industrial water\"\ndate: 2036-04-22\nlang: en\n---\n\nThis is a fictional test release. Huzhou and Mainz have agreed on a joint project to recycle process water.\n\n"+
			"The lead partner of BlueLoop is Qingyuan Environmental Technology Co., Ltd. of Huzhou.\n")
	if got := e.Alliance().Alliance.Programmes; len(got) != 1 || got[0].Chinese != "蓝环" || got[0].Latin != "BlueLoop" || got[0].Source == "" {
		t.Errorf("programmes %+v, want 蓝环 = BlueLoop with its source", got)
	}
	a, err := e.Answer(t.Context(), "蓝环的牵头伙伴是谁？", "")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "Qingyuan") {
		t.Errorf("answered=%v: %s", a.Answered, a.Text)
	}
}

func TestPersonByDeputyRole(t *testing.T) {
	// Asked for the deputy, the deputy answers, not the holder of the
	// role whose name the deputy's holds.
	e := engineWith(t, "")
	addReleases(t, e, "---\ntitle: \"Testmeldung: Neue Generalsekretärin\"\ndate: 2027-01-10\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. "+
		"Tan Yuqing wurde mit sofortiger Wirkung zur Generalsekretärin des ISA-Sekretariats in Foshan ernannt. Neuer stellvertretender Generalsekretär ist Feng Haoran.\n")
	a, err := e.Answer(t.Context(), "Wer ist jetzt stellvertretender Generalsekretär im Sekretariat in Foshan?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Feng Haoran") || strings.Contains(a.Text, "Tan Yuqing") {
		t.Errorf("the deputy: %s", a.Text)
	}
}

func TestNthMemberAndItsAssembly(t *testing.T) {
	// An ordinal before a word for a member counts members, though the
	// question asks for the assembly too; one before an assembly counts
	// assemblies.
	e := engineWith(t, "")
	for q, rule := range map[string]string{
		"Which German city joined as the 41st full member, and at which plenary assembly?": "nth-member",
		"第41个成员是哪个城市？":                                                                     "nth-member",
		"Welche Stadt trat auf der 7. Plenarversammlung bei?":                              "assemblies",
	} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != rule || !strings.Contains(a.Text, "Bad Homburg") {
			t.Errorf("%s: rule %s: %s", q, a.Rule, a.Text)
		}
		// The member counted says the day it joined too.
		if a.Rule == "nth-member" && !strings.Contains(a.Text, "2019") {
			t.Errorf("%s: no day it joined: %s", q, a.Text)
		}
	}
}

func TestNoMemberOrdinalBeforeAssembly(t *testing.T) {
	// An ordinal before the assembly, not the member, counts assemblies.
	e := engineWith(t, "")
	a, err := e.Answer(t.Context(), "Welche Stadt wurde auf der 41. Plenarversammlung Mitglied?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule == "nth-member" {
		t.Errorf("the 41st assembly read as the 41st member: %s", a.Text)
	}
}

func TestMergeAssembliesOutOfOrder(t *testing.T) {
	// A release's number out of order with the data files' assemblies is
	// someone's own count: it neither moves an assembly nor hides one
	// another release dates in order.
	base := &corpus.Data{Alliance: corpus.Alliance{Assemblies: []corpus.Assembly{
		{Number: 5, Date: corpus.Date{Year: 2018, Month: 4}, Cite: corpus.Cite{Source: "s", AsOf: corpus.Date{Year: 2018}}},
		{Number: 6, Date: corpus.Date{Year: 2018, Month: 10}, Cite: corpus.Cite{Source: "s", AsOf: corpus.Date{Year: 2018}}},
	}}}
	learnt := map[string]*learned{}
	for i, as := range []corpus.Assembly{{Number: 5, Date: corpus.Date{Year: 2034, Month: 5}}, {Number: 10, Date: corpus.Date{Year: 2033, Month: 11}}} {
		r := &corpus.Release{ID: fmt.Sprint("r", i), Date: time.Date(2033, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC), Lang: corpus.German}
		learnt[r.ID] = &learned{release: r, assemblies: []corpus.Assembly{as}}
	}
	got := map[int]corpus.Date{}
	for _, as := range merge(base, learnt).Alliance.Assemblies {
		got[as.Number] = as.Date
	}
	if got[5] != (corpus.Date{Year: 2018, Month: 4}) || got[10] != (corpus.Date{Year: 2033, Month: 11}) {
		t.Errorf("assemblies %v", got)
	}
}

func TestMembershipLeavingAsked(t *testing.T) {
	// "Is X leaving?" asks for the day it leaves, not the day it joined,
	// which no source gives.
	e := engineWith(t, "")
	addReleases(t, e, "---\ntitle: \"Testmeldung: Bottrop tritt aus\"\ndate: 2027-01-10\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. Die Stadt Bottrop wird zum 31. Dezember 2027 aus der ISA austreten.\n")
	e.now = func() time.Time { return time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC) }
	for _, q := range []string{"Is Bottrop leaving the alliance? If so, as of when?", "Wann tritt Bottrop aus der ISA aus?"} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(a.Text, "31") {
			t.Errorf("%s: answered %v: %s", q, a.Answered, a.Text)
		}
	}
}

func TestWhenALeftCityJoinedIsNoYesOrNo(t *testing.T) {
	// A city that left, whose joining no source dates: "When did it
	// join?" is said what is known, with no "No" before it, and not
	// answered; "When did it leave?" is answered with the day.
	e := engineWithRelease(t, "2027-10-06-bottrop.txt", "Berlin, den 06.10.2027\n\nPressemitteilung\n\nTestmeldung: Bottrop scheidet aus der ISA aus\n\nDies ist eine fiktive Testmeldung. Die Stadt Bottrop gehört der Chinesisch-Deutschen Industriestädteallianz (ISA) seit dem 30. September 2027 nicht mehr an.\n")
	e.now = func() time.Time { return time.Date(2027, 12, 1, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		q        string
		answered bool
	}{
		{"When did Bottrop join the ISA?", false},
		{"博特罗普当初是哪一年加入联盟的？", false},
		{"When did Bottrop leave the ISA?", true},
		{"Seit wann ist Bottrop kein Mitglied der ISA mehr?", true},
		{"Ist Bottrop noch Mitglied?", true},
	} {
		a, err := e.Answer(t.Context(), tc.q, "")
		if err != nil {
			t.Fatal(err)
		}
		yesOrNo := strings.HasSuffix(tc.q, "Mitglied?")
		saysNo := strings.HasPrefix(a.Text, "No") || strings.HasPrefix(a.Text, "Nein") || strings.HasPrefix(a.Text, "不是")
		if a.Answered != tc.answered || !strings.Contains(a.Text, "30") || saysNo != yesOrNo {
			t.Errorf("%s: answered %v: %s", tc.q, a.Answered, a.Text)
		}
	}
}

func TestMayorIsNoViceMayorOrAnotherCitysMayor(t *testing.T) {
	// A release that names the vice mayor of one city and the lord mayor
	// of another says nothing of the first one's mayor.
	e := engineWithRelease(t, "2027-07-10-wuhu.txt", "Berlin, 10 July 2027\n\nPress release\n\nTest release: Schweinfurt and Wuhu sign a partnership\n\nThis is a fictional test release. Schweinfurt and Wuhu signed a partnership on robotics on 8 July 2027.\n\n\"Wuhu is where many of our customers are,\" said Dr. Ruth Lindemeyer, Lord Mayor of Schweinfurt.\n\nTao Jingwen, Vice Mayor of Wuhu, said the city's robot makers were looking for partners in Germany.\n")
	e.now = func() time.Time { return time.Date(2027, 12, 1, 0, 0, 0, 0, time.UTC) }
	for q, want := range map[string]string{
		"Who is the mayor of Wuhu?":        "",
		"芜湖市市长是谁？":                         "",
		"Who is the vice mayor of Wuhu?":   "Tao Jingwen",
		"Who is the mayor of Schweinfurt?": "Lindemeyer",
	} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if want == "" && a.Answered && !closestGuess(a) || want != "" && !strings.Contains(a.Text, want) {
			t.Errorf("%s: answered %v: %s", q, a.Answered, a.Text)
		}
		if want == "" && (strings.Contains(a.Text, "简而言之") || strings.Contains(a.Text, "In short")) {
			t.Errorf("%s: a short answer: %s", q, a.Text)
		}
	}
}

func TestContactDetailsAtAnotherOffice(t *testing.T) {
	// A person's number at their office answers for them, not for them
	// at another office of the alliance.
	e := engineWith(t, "testdata/blind26")
	e.now = func() time.Time { return time.Date(2034, 12, 31, 0, 0, 0, 0, time.UTC) }
	for q, named := range map[string]bool{
		"What is Jonas Ebeling's phone number?":                                            true,
		"Could you give me Jonas Ebeling's direct phone number at the Foshan secretariat?": false,
		"What is Jonas Ebeling's phone number for Chinese journalists?":                    true,
	} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if (a.Rule == "contact-details-named") != named {
			t.Errorf("%s: rule %s: %s", q, a.Rule, a.Text)
		}
	}
}

func TestWhatTheContactPersonDidBefore(t *testing.T) {
	// What the new spokeswoman did before is what the release on her
	// says, though not in words for "before", not her address.
	e := engineWith(t, "testdata/blind26")
	e.now = func() time.Time { return time.Date(2034, 12, 31, 0, 0, 0, 0, time.UTC) }
	for _, q := range []string{"联盟在德国的新发言人以前做过什么工作？", "新发言人以前在哪里工作？"} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != "contact-person" || !strings.Contains(a.Text, "Hörfunkredakteurin") {
			t.Errorf("%s: rule %s: %s", q, a.Rule, a.Text)
		}
	}
}

func TestRegionWithTheMostMembers(t *testing.T) {
	// The members counted by region: a German Land for "Bundesland", a
	// province for 省, without a city that left.
	e := engineWithRelease(t, "2026-12-01-austritt.txt", "Berlin, den 01.12.2026\n\nPressemitteilung\n\nTestmeldung: Bottrop tritt aus der ISA aus\n\nDies ist eine fiktive Testmeldung. Die Stadt Bottrop ist am 30. November 2026 aus der Chinesisch-Deutschen Industriestädteallianz (ISA) ausgetreten.\n")
	for q, want := range map[string][]string{
		"Welches Bundesland stellt die meisten Mitglieder, und wie viele?": {"Nordrhein-Westfalen", ": 6 ("},
		"哪个省的成员城市最多？":                                                      {"广东省", "8个"},
		"Which province has the most member cities?":                       {"Guangdong", "8"},
		// Not "at most", a country, former or guest members.
		"每个省最多可以有几个成员城市？":                                           nil,
		"How many member cities can a province have at most?":       nil,
		"Welches Land hat die meisten Mitglieder?":                  nil,
		"Welches Bundesland hat die meisten ehemaligen Mitglieder?": nil,
		"Which state has the most guest members?":                   nil,
	} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if (a.Rule == "region-with-most") != (want != nil) {
			t.Errorf("%s: rule %s: %s", q, a.Rule, a.Text)
		}
		for _, w := range want {
			if !strings.Contains(a.Text, w) {
				t.Errorf("%s: %s; want %q", q, a.Text, w)
			}
		}
	}
}

func TestMembershipStatusAsked(t *testing.T) {
	// A city's status is its membership, not an answer to whether it is
	// a guest.
	e := engineWith(t, "")
	a, err := e.Answer(t.Context(), "What's Cologne's status in the ISA?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rule != "membership" || strings.HasPrefix(a.Text, "No") || !strings.Contains(a.Text, "member") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

func TestLatestReleasesNotForATime(t *testing.T) {
	// A question for a time of day about the press office is no question
	// for the latest releases, though 新闻 is a word for them.
	e := engineWith(t, "")
	for q, latest := range map[string]bool{
		"德国那边的新闻办公室几点到几点有人？": false,
		"最新的新闻稿是什么？":         true,
	} {
		a, err := e.Answer(t.Context(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if (a.Rule == "latest-releases") != latest {
			t.Errorf("%s: rule %s: %s", q, a.Rule, a.Text)
		}
	}
}

func TestGlossIsAnotherName(t *testing.T) {
	// A Chinese release that writes a city otherwise than the gazetteer
	// gives the city another name: a question that writes it so asks of
	// the city.
	releases := map[string]string{
		"2034-01-23-eisenach.md": `---
title: "Testmeldung: Eisenach tritt der ISA bei"
date: 2034-01-23
lang: de
place: Eisenach
---

Dies ist eine fiktive Testmeldung. Die Stadt Eisenach ist der Chinesisch-Deutschen Industriestädteallianz (ISA) beigetreten.

Der jährliche Mitgliedsbeitrag der Stadt beträgt 7.200 Euro.
`,
		"2034-04-18-liuzhou.md": `---
title: "测试稿：爱森纳赫与柳州启动职业教育合作项目"
date: 2034-04-18
lang: zh
place: 柳州
---

本稿为虚构的测试新闻稿。4月17日，德国爱森纳赫市（Eisenach）与广西柳州市在柳州签署合作协议。

联盟主席团原则上同意爱森纳赫（Eisenach）参加明年的全体大会。

德国Eisenach（爱森纳赫大学）的专家也参加了签约仪式。主席团同意艾森纳赫（Eisenach）发言。
`,
	}
	e := engineWithReleases(t, releases)
	q := e.read("爱森纳赫每年要交多少会费？", corpus.Chinese)
	if len(q.cities) != 1 || q.cities[0].city.Name != "Eisenach" {
		t.Fatalf("cities %+v, want Eisenach", q.cities)
	}
	// Not a gloss that holds words before a name it has.
	// Nor one that names an organisation of the city.
	if c := q.cities[0].city; slices.ContainsFunc(c.Aliases, func(a string) bool { return strings.Contains(a, "同意") || strings.Contains(a, "大学") }) {
		t.Errorf("aliases %q hold words before the name or an organisation", c.Aliases)
	}
	a, err := e.Answer(context.Background(), "爱森纳赫每年要交多少会费？", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "7.200 Euro") {
		t.Errorf("answer lacks the fee: %s", a.Text)
	}
}

func TestTitledReleaseBelowTheBest(t *testing.T) {
	// The release whose title names the whole subject answers from a
	// paragraph further down, though other releases' passages that
	// mention the subject in passing matched better and filled the
	// passages weighed first.
	releases := map[string]string{"2034-02-09-dialogues.md": `---
title: "Test release: ISA launches the Hydrogen Dialogues"
date: 2034-02-09
lang: en
place: Berlin
---

This is a fictional test release. The Sino-German Industrial Cities Alliance (ISA) is launching a new event series on the production, transport and industrial use of green energy. Under the title "ISA Hydrogen Dialogues 2034", companies, research institutes, energy utilities and city administrations from German and Chinese member cities will meet five times between March and October 2034.
`}
	for i, month := range []string{"03", "04", "05", "06", "07", "08", "09"} {
		releases[fmt.Sprintf("2034-%s-1%d-other.md", month, i)] = fmt.Sprintf(`---
title: "Test release: news from the alliance, part %d"
date: 2034-%s-1%d
lang: en
place: Berlin
---

This is a fictional test release. The Hydrogen Dialogues drew %d participants to the hydrogen dialogue meeting in the city.
`, i+1, month, i, 100+i)
	}
	e := engineWithReleases(t, releases)
	a, err := e.Answer(context.Background(), "氢能对话一共要举办几场？", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "five times") {
		t.Errorf("answer not from the release on the series: %s", a.Text)
	}
}

func TestCountsOtherThanMembers(t *testing.T) {
	// The member count answers "how many" of members and cities, not of
	// people or of years, nor of a word nothing explained.
	tests := []struct {
		text string
		want bool
	}{
		{"Wie viele Städte sind Mitglied?", false},
		{"How many German cities are members?", false},
		{"联盟有多少个成员城市？", false},
		{"Wie viele Firmen stellten aus?", true},
		{"Wann war der Städtetag, und wie viele Leute kamen?", true},
		{"How many people came to the city forum?", true},
		{"她在中国哪个城市工作过？做了几年？", true},
		// What 是多少 asks the value of: a fee, not the members.
		{"会员费是多少？", true},
		{"联盟成员是多少？", false},
		{"会员数是多少？", false},
		{"会员人数是多少？", false},
		{"联盟成员城市的数目是多少？", false},
		{"这个城市交流活动来了多少人？", true},
		// The members are counted too.
		{"How many members does the ISA have, and how many people work at its secretariat?", false},
		{"Wie viele Mitglieder und wie viele Einwohner hat die Allianz?", false},
		{"联盟有多少个成员？有多少人在秘书处工作？", false},
	}
	e := testEngine(t)
	for _, tt := range tests {
		if got := e.read(tt.text, "").countsOther; got != tt.want {
			t.Errorf("%s: countsOther %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestContactHoursFromRelease(t *testing.T) {
	// The data hold the press office's number, not its hours: a question
	// for the times it can be called is answered by the release that
	// gives them, not by the number.
	e := engineWithRelease(t, "2035-03-10-hours.txt", "Berlin, 10. März 2035\n\nPressemitteilung\n\nNeue Sprechzeiten der Geschäftsstelle\n\n"+
		"Die Geschäftsstelle der ISA in Berlin hat neue Räume bezogen.\n\n"+
		"Die Pressestelle ist montags bis donnerstags von 9 bis 17 Uhr und freitags von 9 bis 13 Uhr erreichbar.\n\n"+
		"Pressekontakt\n\nAnna Beispiel\nTel. +49 30 1234 5678\n")
	for _, question := range []string{
		"Zu welchen Zeiten ist die ISA-Pressestelle telefonisch erreichbar?",
		"At what times can I call the press office?",
	} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(a.Text, "17 Uhr") {
			t.Errorf("%s: (%s) %s", question, a.Rule, a.Text)
		}
	}
}

func TestContactPersonWithoutOrganisation(t *testing.T) {
	// A contact block may name a person and a number, without an
	// organisation or a role: the contact answer names the person,
	// without an empty organisation, and answers "who".
	e := engineWithRelease(t, "2035-03-10-rooms.txt", "Berlin, 10. März 2035\n\nPressemitteilung\n\nNeue Räume der Geschäftsstelle\n\n"+
		"Die Geschäftsstelle der ISA in Berlin hat neue Räume bezogen.\n\nPressekontakt\n\nJana Kowalczyk\nTel. +49 30 1234 5678\n")
	for _, tt := range []struct{ question, says string }{
		{"Who is the ISA's contact person?", "The ISA's contact person is Jana Kowalczyk: phone +49 30 1234 5678 (as of 10 March 2035)."},
		{"How can I contact the press office?", "The ISA's contact person is Jana Kowalczyk: phone"},
		{"联盟的联系人是谁？", "联盟的联系人是Jana Kowalczyk：电话"},
	} {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || a.Rule != "contact" || !strings.Contains(a.Text, tt.says) || strings.Contains(a.Text, ", :") {
			t.Errorf("%s: (%s) %s", tt.question, a.Rule, a.Text)
		}
	}
	// The organisation of the data's contact is not explained as if its
	// role were a noun: "BWA is the took over …".
	a, err := testEngine(t).Answer(t.Context(), "How can I contact the press office?", "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "is the took") {
		t.Errorf("%s", a.Text)
	}
}

func TestHoldsAge(t *testing.T) {
	// Years in a role are no age; an age after a name, between commas or
	// in brackets, is.
	tests := []struct {
		sentence string
		holds    bool
	}{
		{"Sie war seit 2029 Sprecherin in Chemnitz und hat zwei Jahre als Korrespondentin in Shanghai gearbeitet.", false},
		{"Ihr Nachfolger wird zum 1. April 2033 Dr. Malte Sievers (46).", true},
		{"Lena Brandt, 38, joined the office in 2030.", true},
		{"Die 41 Jahre alte Juristin leitet das Büro.", true},
		{"新任发言人今年35岁。", true},
		// Numbers in brackets after places count something else.
		{"Rautenberg stellte sich den Delegationen aus Nürnberg (12) und Jena (35) vor.", false},
		{"Die Arbeitsgruppe Kreislaufwirtschaft (14) tagte in Jena.", false},
	}
	e := testEngine(t)
	q := e.read("Wie alt ist die neue Pressesprecherin?", corpus.German)
	for _, tt := range tests {
		if got := e.holds(tt.sentence, anAge, q); got != tt.holds {
			t.Errorf("holds(%q, age) = %v, want %v", tt.sentence, got, tt.holds)
		}
	}
	// Asked for someone's age, the age after another's name is none.
	q = e.read("Wie alt ist Friedhelm Ost?", corpus.German)
	if len(q.people) == 0 {
		t.Fatal("Friedhelm Ost is not read as a person")
	}
	for sentence, want := range map[string]bool{
		"Kröger, 57, is deputy mayor; Friedhelm Ost is chairman.": false,
		"Der Vorsitzende Dr. Friedhelm Ost (77) eröffnete.":       true,
		"Friedhelm Ost, 77, eröffnete die Sitzung.":               true,
		"Ernst Ost, 58, und Friedhelm Ost eröffneten.":            false,
	} {
		if got := e.holds(sentence, anAge, q); got != want {
			t.Errorf("holds(%q, age of Friedhelm Ost) = %v, want %v", sentence, got, want)
		}
	}
	if got := e.factIn("Annette Kröger, 57, und Friedhelm Ost, 77, eröffneten.", anAge, q); got != "77" {
		t.Errorf("the age of Friedhelm Ost: %q, want 77", got)
	}
	// Someone no source knows, whom the question names: the age in
	// brackets after that name, in a sentence that gives no role.
	q = e.read("How old is Lena Kowalczyk?", corpus.English)
	for sentence, want := range map[string]bool{
		`"I had never been so far away," said Lena Kowalczyk (19), a trainee from Ingolstadt.`: true,
		`"I had never been so far away," said Lena Brandt (19), a trainee from Ingolstadt.`:    false,
	} {
		if got := e.holds(sentence, anAge, q); got != want {
			t.Errorf("holds(%q, age of Lena Kowalczyk) = %v, want %v", sentence, got, want)
		}
	}
}

func TestFutureMembershipUnknown(t *testing.T) {
	// No source says what a city will do: "Will Munich join?" is not
	// answered "No", though Munich is no member; "Is Munich a member?"
	// is.
	e := testEngine(t)
	tests := []struct {
		question, says string
		answered       bool
	}{
		{"Will Munich join the alliance?", "No source says whether Munich (München) will join the ISA. Munich (München) is not a member of the ISA", false},
		{"Wird München der ISA beitreten?", "Ob München der ISA beitreten wird, sagt keine Quelle. München ist kein Mitglied", false},
		{"慕尼黑会加入联盟吗？", "没有资料说明慕尼黑（München）是否会加入联盟。", false},
		{"Is Munich a member?", "No, Munich (München) is not a member", true},
		{"慕尼黑是会员吗？", "不是，慕尼黑（München）不是", true},
		{"Will Cologne join the alliance?", "Yes, Cologne (Köln) is a member", true},
		{"Plant München einen Beitritt zur ISA?", "Ob München der ISA beitreten wird, sagt keine Quelle.", false},
		{"Wird München Mitglied werden?", "Ob München der ISA beitreten wird, sagt keine Quelle.", false},
		{"慕尼黑会成为成员吗？", "没有资料说明慕尼黑（München）是否会加入联盟。", false},
		{"Wann ist Köln Mitglied geworden?", "Köln ist der ISA am 24. April 2017 beigetreten", true},
		// Not a question what will be.
		{"Wird München als Mitglied geführt?", "Nein, München ist kein Mitglied", true},
		{"München soll Mitglied sein – stimmt das?", "Nein, München ist kein Mitglied", true},
		// Whatever the order of the cities.
		{"Will Munich and Cologne join?", "No source says whether Munich (München) will join the ISA.", false},
		{"Will Cologne and Munich join?", "No source says whether Munich (München) will join the ISA.", false},
	}
	for _, tt := range tests {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered != tt.answered || !strings.Contains(a.Text, tt.says) {
			t.Errorf("%s: answered %v (%s) %s", tt.question, a.Answered, a.Rule, a.Text)
		}
	}
}

func TestSecretariatPredecessor(t *testing.T) {
	// "Whom did the new Secretary-General succeed?" names the holder
	// and whom they followed, as a release says.
	e := engineWith(t, "testdata/blind27")
	e.now = func() time.Time { return time.Date(2035, time.June, 30, 12, 0, 0, 0, time.UTC) }
	for _, tt := range []struct{ question, says string }{
		{"Whom did the new Secretary-General succeed?", "Ou Jiaming (Secretary-General of the ISA secretariat in Foshan) was succeeded by Liang Zhenhua (as of 21 May 2035)."},
		{"新任秘书长接替了谁？", "Ou Jiaming（联盟秘书处（佛山）秘书长）的继任者是Liang Zhenhua"},
		// The word for the predecessor is the question's, no subject
		// of a release's.
		{"Wer war der Vorgänger des Generalsekretärs?", "Auf Ou Jiaming (Generalsekretär des ISA-Sekretariats in Foshan) folgte Liang Zhenhua"},
		{"Who was the previous Secretary-General?", "Ou Jiaming (Secretary-General of the ISA secretariat in Foshan) was succeeded by Liang Zhenhua"},
	} {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, tt.says) {
			t.Errorf("%s: (%s) %s", tt.question, a.Rule, a.Text)
		}
	}
	// Who holds the role, asked alone, is not told whom they followed;
	// nor is who will follow them.
	for _, question := range []string{"Who is the Secretary-General?", "Who will succeed the Secretary-General?", "Wer wird Nachfolger des Generalsekretärs?", "谁将接替秘书长？"} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(a.Text, "succeeded by") || strings.Contains(a.Text, "folgte") || strings.Contains(a.Text, "继任者是") {
			t.Errorf("%s: %s", question, a.Text)
		}
	}
}

func TestJoinsOnADayToCome(t *testing.T) {
	// A release says a city becomes a member on a day still to come:
	// asked before then, it is not one yet, it will be, on that day.
	e := engineWithRelease(t, "2026-11-20-schweinfurt.txt", "Berlin, 20. November 2026\n\nPressemitteilung\n\nSchweinfurt tritt der ISA bei\n\n"+
		"Die Stadt Schweinfurt wird zum 1. Januar 2027 Mitglied der ISA. Das hat der Stadtrat beschlossen.\n\nPressekontakt\n\nJana Kowalczyk\nTel. +49 30 1234 5678\n")
	e.now = func() time.Time { return time.Date(2026, time.December, 6, 12, 0, 0, 0, time.UTC) }
	tests := []struct{ question, says string }{
		{"Is Schweinfurt a member?", "Not yet: Schweinfurt becomes a member of the ISA on 1 January 2027 (as of 20 November 2026)."},
		{"Ist Schweinfurt Mitglied?", "Noch nicht: Schweinfurt wird am 1. Januar 2027 Mitglied der ISA"},
		{"Will Schweinfurt join the alliance?", "Yes: Schweinfurt becomes a member of the ISA on 1 January 2027"},
		{"When does Schweinfurt join?", "Schweinfurt becomes a member of the ISA on 1 January 2027"},
		{"Schweinfurt是联盟成员吗？", "还不是：Schweinfurt将于2027年1月1日成为中德工业城市联盟成员"},
		{"How many members does the ISA have?", "Still to join: Schweinfurt (1 January 2027)."},
	}
	for _, tt := range tests {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(a.Text, tt.says) {
			t.Errorf("%s: (%s) %s", tt.question, a.Rule, a.Text)
		}
	}
	// From that day on, it is one.
	e.now = func() time.Time { return time.Date(2027, time.January, 2, 12, 0, 0, 0, time.UTC) }
	a, err := e.Answer(t.Context(), "Is Schweinfurt a member?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "Yes, Schweinfurt is a member") {
		t.Errorf("on 2 January 2027: %s", a.Text)
	}
}

func TestAllianceAge(t *testing.T) {
	// How old the alliance is follows from its founding and today; how
	// old a person is does not.
	e := testEngine(t)
	e.now = func() time.Time { return time.Date(2036, time.March, 5, 12, 0, 0, 0, time.UTC) }
	tests := []struct {
		question, says string
	}{
		{"Wie alt ist die ISA?", "Sie ist damit 19 Jahre alt (Stand: 5. März 2036)."},
		{"How many years has the ISA existed?", "That makes it 19 years old (as of 5 March 2036)."},
		{"联盟有多少年历史？", "至今已有19年历史（截至2036年3月5日）。"},
		{"Seit wie vielen Jahren gibt es die ISA?", "Sie ist damit 19 Jahre alt"},
		{"Wie lange gibt es die ISA schon?", "Sie ist damit 19 Jahre alt"},
		{"联盟多少岁了？", "至今已有19年历史"},
		{"联盟至今有多少年历史？", "至今已有19年历史"},
		{"How many years ago was the ISA founded?", "That makes it 19 years old"},
	}
	for _, tt := range tests {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != "founding" || !strings.Contains(a.Text, tt.says) {
			t.Errorf("%s: (%s) %s\nwant %q", tt.question, a.Rule, a.Text, tt.says)
		}
	}
	// Nor of something else, or in another year.
	for _, question := range []string{"Wie alt ist Friedhelm Ost?", "Wann wurde die ISA gegründet?", "Wie viele Gäste kamen zur Gründungskonferenz?",
		"Wie alt ist die Ansprechpartnerin der ISA?", "How old is the head of the secretariat?", "Wie alt wird die ISA 2030?", "全体大会有几年历史？", "肇庆有多少年历史？",
		"Seit wie vielen Jahren gibt es die Plenarversammlung?"} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(a.Text, "19 Jahre alt") || strings.Contains(a.Text, "19 years old") || strings.Contains(a.Text, "19年历史") {
			t.Errorf("%s: %s", question, a.Text)
		}
	}
}

func TestPreviousAssembly(t *testing.T) {
	// "previous" and "vorherige" are the last one held, as "letzte" is:
	// no word of a release to search for ("die bisherige Adresse"). Of
	// the coordinator they ask for those before, not the newest only.
	e := engineWith(t, "testdata/blind27")
	e.now = func() time.Time { return time.Date(2035, time.June, 30, 12, 0, 0, 0, time.UTC) }
	for question, says := range map[string]string{
		"When was the previous plenary assembly?":        "21st plenary assembly: 19–20 May 2035, Nuremberg.",
		"Wo fand die vorherige Plenarversammlung statt?": "21. Plenarversammlung: 19.–20. Mai 2035, Nürnberg.",
	} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != "assemblies" || !strings.Contains(a.Text, says) {
			t.Errorf("%s: (%s) %s", question, a.Rule, a.Text)
		}
	}
	a, err := e.Answer(t.Context(), "Who was the previous German coordinator?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Before that") {
		t.Errorf("the coordinators before: %s", a.Text)
	}
}

func TestPronounRefersBack(t *testing.T) {
	// "he", "sie", 他 in a later question of a message are the person
	// the question before asked for by role; the answer adds what the
	// first did not say, not all of it again.
	e := engineWith(t, "testdata/blind27")
	e.now = func() time.Time { return time.Date(2035, time.June, 30, 12, 0, 0, 0, time.UTC) }
	tests := []struct{ question, adds string }{
		{"秘书长是谁？他接替的是谁？", "\n\nOu Jiaming（联盟秘书处（佛山）秘书长）的继任者是Liang Zhenhua（截至2035年5月21日）。"},
		{"Wer ist der Generalsekretär? Wen hat er abgelöst?", "\n\nAuf Ou Jiaming (Generalsekretär des ISA-Sekretariats in Foshan) folgte Liang Zhenhua (Stand: 21. Mai 2035)."},
		{"Wer ist die Pressesprecherin? Seit wann ist sie im Amt?", "\n\nAnnika Rautenberg ist seit dem 1. April 2035 Pressekontakt der ISA (Stand: 22. Juni 2035)."},
	}
	for _, tt := range tests {
		a, err := e.Answer(t.Context(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(a.Text, tt.adds) || strings.Count(a.Text, "Rong Qiang") > 1 {
			t.Errorf("%s: %s", tt.question, a.Text)
		}
	}
	// Not the 他 of 其他 ("other"); a later answer keeps its lines.
	a, err := e.Answer(t.Context(), "秘书长是谁？其他城市怎么加入联盟？", "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "\n\n") {
		t.Errorf("其他 read as 他: %s", a.Text)
	}
	a, err = e.Answer(t.Context(), "Wer ist die Pressesprecherin? Welche Pressemitteilungen gibt es?", "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(a.Text, "\n•") != 3 {
		t.Errorf("the list of releases lost its lines: %s", a.Text)
	}
	// Said already: nothing added.
	a, err = e.Answer(t.Context(), "Who is the Secretary-General? Since when has he held the post?", "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "\n\n") || !strings.Contains(a.Text, "Liang Zhenhua: Secretary-General since 1 June 2035") {
		t.Errorf("%s", a.Text)
	}
}

func TestDateAskedIsNoDeadline(t *testing.T) {
	// Asked when something happens, not until when, the date a sentence
	// marks as a deadline is not the answer's short fact.
	e := testEngine(t)
	sentence := "Pairs of member cities can submit joint projects until 14 November 2035; the prize will be awarded on 12 December 2035 in Jena."
	for _, tt := range []struct {
		question string
		lang     corpus.Lang
		want     string
	}{
		{"When will the prize be awarded?", corpus.English, "12 December 2035"},
		{"Until when can projects be submitted?", corpus.English, "14 November 2035"},
		{"奖项几号颁发？", corpus.Chinese, "2035年12月12日"},
	} {
		q := e.read(tt.question, tt.lang)
		if got := e.factIn(sentence, aDate, q); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.question, got, tt.want)
		}
	}
}

func TestMembershipYears(t *testing.T) {
	// How many years a city has been a member is answered by the day
	// it joined, not by the member count "how many" would give.
	e := testEngine(t)
	for question, says := range map[string]string{
		"How many years has Cologne been a member?": "Cologne (Köln) joined the ISA on 24 April 2017",
		"Seit wie vielen Jahren ist Köln Mitglied?": "Köln ist der ISA am 24. April 2017 beigetreten",
		"科隆加入联盟多少年了？":                               "科隆（Köln）于2017年4月24日加入联盟",
	} {
		a, err := e.Answer(t.Context(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, says) {
			t.Errorf("%s: (%s) %s", question, a.Rule, a.Text)
		}
	}
	// Words beyond those ask more: how long it was a guest before.
	q := e.read("多特蒙德以来宾身份参加联盟多少年后才成为正式成员？", "")
	if q.expects == aDate {
		t.Errorf("how many years as a guest read as since when")
	}
}

func TestPeriodAskedChoosesSentence(t *testing.T) {
	// A day in the period a question names, by its distance from the
	// day asked or as a date, chooses the sentence of the same subject
	// that answers: "next month's workshop" is July's, not June's.
	e := engineWithReleases(t, map[string]string{
		"2037-05-12-workshops.md": `---
title: "Test release: ISA workshop series on factory automation"
date: 2037-05-12
lang: en
---
This press release is a fictional test release. The ISA runs three online workshops on factory automation this summer.

The first workshop, on 3 June 2037, is about collaborative robots and is hosted by Aachen and Zhuzhou.

The second workshop, on 8 July 2037, is about industrial data spaces and is hosted by Köln and Foshan.

The third workshop, on 9 September 2037, is about machine vision and is hosted by Jena and Huzhou.
`,
		"2037-06-24-award.md": `---
title: "Test release: Green Factory Award 2037 goes to Solingen"
date: 2037-06-24
lang: en
---
This press release is a fictional test release. The ISA presented its Green Factory Award 2037 to a forging process from Solingen.
`,
	})
	e.now = func() time.Time { return time.Date(2037, time.June, 30, 12, 0, 0, 0, time.UTC) }
	answersContain(t, e, map[string]string{
		"What is next month's workshop about?":            "data spaces",
		"Welcher Workshop findet nächsten Monat statt?":   "data spaces",
		"下个月的研讨会由哪两个城市主办？":                                "Foshan",
		"Which cities host the workshop this month?":      "Aachen",
		"Which cities hosted the workshop in July 2037?":  "Köln",
		"What is the workshop on 9 September 2037 about?": "machine vision",
		"Welche Pressemitteilungen gab es letzten Monat?": "workshop series",
		"Which press releases came out in June 2037?":     "Green Factory",
		"Which press releases came out last week?":        "Green Factory",
		"Welche Pressemitteilungen gab es diese Woche?":   "Für 29. Juni – 5. Juli 2037 nennen die Quellen keine Pressemitteilung",
	})
	// Last week's releases are those of its days only.
	if a, err := e.Answer(t.Context(), "Which press releases came out last week?", ""); err != nil || strings.Contains(a.Text, "workshop") {
		t.Errorf("last week's releases: %s, %v; want none of May", a.Text, err)
	}
}

func TestShareAsked(t *testing.T) {
	// A question for a share asks a percentage or a part of a whole,
	// even of money: not the amount the companies pay.
	e := engineWithRelease(t, "2037-03-25-skills.md", `---
title: "Test release: Skills Bridge exchange starts"
date: 2037-03-25
lang: en
---
This press release is a fictional test release. The Skills Bridge exchange has a budget of EUR 2.4 million, of which the participating companies contribute EUR 600,000.

The ISA cooperation fund pays 40 percent of the costs, the member cities 35 percent and the participating companies the remaining 25 percent.
`)
	for question, want := range map[string]string{
		"What share of the Skills Bridge money comes from the participating companies?":  "25 percent",
		"Wie viel Prozent der Kosten trägt der Kooperationsfonds bei der Skills Bridge?": "40 percent",
		"“技能桥”项目的资金里，成员城市出多大比例？":                                                         "35 percent",
		"How much money do the companies contribute to the Skills Bridge?":               "600,000",
	} {
		q := e.read(question, "")
		if q.expects != aNumber && !strings.Contains(want, "000") {
			t.Errorf("%s: expects %v, want a number", question, q.expects)
		}
		answersContain(t, e, map[string]string{question: want})
	}
	// A share word away from the question word asks no share, and an
	// ordinal or a quarter of a year is no share.
	if q := e.read("How many companies expect growth of more than 10 percent?", ""); q.asksShare {
		t.Error("a count of companies read as a share")
	}
	q := e.read("What share of the member cities will get the results?", "")
	if !q.asksShare || e.holds("In the third quarter, the secretariat will publish the full results.", aNumber, q) {
		t.Errorf("asksShare %v; the third quarter holds a share", q.asksShare)
	}
}

func TestDurationByItsDays(t *testing.T) {
	// How long something runs is the days it runs from and to, not
	// another number of its release ("fünf Partner").
	e := engineWithRelease(t, "2037-06-08-hylink.md", `---
title: "Testmeldung: Ludwigshafen und Baoding starten HyLink"
date: 2037-06-08
lang: de
---
Diese Pressemitteilung ist eine fiktive Testmeldung. Ludwigshafen und Baoding starten das Wasserstoffprojekt HyLink.

An HyLink sind fünf Partner beteiligt.

Das Projekt HyLink läuft vom 1. Juli 2037 bis zum 30. Juni 2040.
`)
	answersContain(t, e, map[string]string{
		"Wie lange läuft das Projekt HyLink?": "30. Juni 2040",
	})
}

func TestHyphenedGlossaryWord(t *testing.T) {
	// Words joined by a hyphen that the glossary knows together are one
	// word, translated as one: "Ko-Präsidenten" is co-presidents.
	e := engineWithRelease(t, "2037-05-22-plenary.md", `---
title: "Test release: 26th ISA plenary assembly in Luoyang"
date: 2037-05-22
lang: en
---
This press release is a fictional test release. The 26th plenary assembly of the ISA met on 20 and 21 May 2037 in Luoyang.

Dr. Ulrike Brandhorst, Lord Mayor of Kaiserslautern, and Wei Lan, Vice Mayor of Huzhou, were elected co-presidents of the alliance for 2037 to 2039.
`)
	if got := topicTexts(e, "Wer sind die neuen Ko-Präsidenten der Allianz?", corpus.German); !slices.Contains(got, "Ko-Präsidenten") {
		t.Errorf("topic %v, want Ko-Präsidenten", got)
	}
	// Others stay their words, each translated or corrected.
	if got := topicTexts(e, "Woher kommt der Strom für die Wasserstof-Anlagen?", corpus.German); !slices.Contains(got, "Anlagen") {
		t.Errorf("topic %v, want Anlagen alone", got)
	}
	answersContain(t, e, map[string]string{"Wer sind die neuen Ko-Präsidenten der Allianz?": "Brandhorst"})
}

func TestInflectedGlossaryPhrase(t *testing.T) {
	// A glossary phrase is found with its last word inflected: "hydrogen
	// refuelling stations" is the phrase, which the glossary translates
	// as a whole (加氢站), not "refuelling" and "stations" each.
	e := engineWithRelease(t, "2039-03-09-h2.md", `---
title: "测试新闻稿：佛山与博特罗普启动氢能重卡项目"
date: 2039-03-09
lang: zh
---
本新闻稿为虚构测试稿。项目将投入60辆氢燃料电池重型卡车，并新建4座加氢站（佛山3座、博特罗普1座）。
`)
	if got := topicTexts(e, "How many hydrogen refuelling stations is the project building?", corpus.English); !slices.Contains(got, "hydrogen refuelling stations") {
		t.Errorf("topic %v, want the phrase whole", got)
	}
	answersContain(t, e, map[string]string{"How many hydrogen refuelling stations is the project building, and in which cities?": "4"})
	// The longer match wins: "city halls" is the phrase, not "city".
	if got := topicTexts(e, "Which city halls took part?", corpus.English); !slices.Contains(got, "city halls") {
		t.Errorf("topic %v, want city halls", got)
	}
	// A keyword's phrase is not found so: "Gibt es Seiten" is no "gibt
	// es seit" (since when there is), and the question asks no founding.
	if a, err := e.Answer(t.Context(), "Gibt es Seiten auf Chinesisch?", ""); err != nil || a.Rule == "founding" {
		t.Errorf("Gibt es Seiten: rule %s: %s (%v)", a.Rule, a.Text, err)
	}
	for word, base := range map[string]string{"stations": "station", "Tankstellen": "tankstelle"} {
		if !inflectionOf(fold(word), base) {
			t.Errorf("%s is no inflection of %s", word, base)
		}
	}
	// Not a word that only begins like it, nor a short one.
	for word, base := range map[string]string{"stationary": "station", "fees": "fee"} {
		if inflectionOf(word, base) {
			t.Errorf("%s read as an inflection of %s", word, base)
		}
	}
}

func TestLanguageAndLessonsAcrossLanguages(t *testing.T) {
	// 德语 is German and 课时 are Unterrichtsstunden: the glossary
	// translates them, where no dictionary does.
	e := engineWithRelease(t, "2039-04-12-azubis.md", `---
title: "Testmeldung: 34 Auszubildende aus Liuzhou zu Gast in Wuppertal"
date: 2039-04-12
lang: de
---
Diese Pressemitteilung ist eine erfundene Testmeldung. Vom 28. März bis zum 8. April 2039 haben 34 Auszubildende aus Liuzhou in Betrieben in Wuppertal mitgearbeitet.

Sie lernen die Berufe Industriemechaniker und Mechatroniker. Zur Vorbereitung hatten alle Teilnehmenden in ihren Heimatstädten einen Deutschkurs mit 120 Unterrichtsstunden absolviert.
`)
	answersContain(t, e, map[string]string{
		"学员们出发前在国内上了多少课时的德语？":                                  "120",
		"Which trades are the Chinese apprentices trained in?": "Mechatroniker",
	})
}

func TestHeavyTrucksAcrossLanguages(t *testing.T) {
	// 重卡 is the Lkw of a German question: the Chinese release that
	// says so is the one on the project, not a German one that names
	// hydrogen and the cities in a list of dates.
	e := engineWithReleases(t, map[string]string{
		"2039-03-09-h2link.md": `---
title: "测试新闻稿：佛山与博特罗普签约 中德氢能重卡物流示范项目启动"
date: 2039-03-09
lang: zh
---
本新闻稿为虚构测试稿。2039年3月7日，佛山市与德国博特罗普市在佛山市南海区签署合作协议，共同启动中德氢能重卡物流示范项目。
`,
		"2039-06-29-webinare.md": `---
title: "Testmeldung: ISA startet Webinarreihe zu Wasserstoff"
date: 2039-06-29
lang: de
---
Diese Pressemitteilung ist eine erfundene Testmeldung. Die ISA bietet ab Juli 2039 eine Webinarreihe über Wasserstoff an.

Die Termine: 12. Juli 2039: Grundlagen. 26. Juli 2039: Schwere Lkw mit Brennstoffzelle – Erfahrungen aus dem Projekt in Foshan und Bottrop. 9. August 2039: Häfen.
`,
	})
	question := "Wann und wo wurde der Vertrag über das Wasserstoff-Lkw-Projekt von Foshan und Bottrop unterzeichnet?"
	answersContain(t, e, map[string]string{question: "南海"})
	for _, w := range e.topicWords(e.read(question, corpus.German)) {
		if w.text == "Lkw" && !slices.Contains(w.terms[corpus.Chinese], "重卡") {
			t.Errorf("Lkw is searched as %v in Chinese, want 重卡 among them", w.terms[corpus.Chinese])
		}
	}
}

func TestAdmittedOnAnAssemblysSecondDay(t *testing.T) {
	// A city whose membership takes effect on the second day of a
	// two-day assembly was admitted by it; 吸纳 (admits) is a decision.
	e := engineWithRelease(t, "2039-05-23-plenary.txt", `洛阳, 2039年5月23日

新闻稿

测试新闻稿：中德工业城市联盟第二十八届全体大会在洛阳闭幕 长春加入联盟

中德工业城市联盟第二十八届全体大会于2039年5月19日至20日在洛阳举行。大会作出以下主要决议：

一、吸纳吉林省长春市为联盟新成员，自2039年5月20日起生效。

二、同意多特蒙德市提出的退出申请。
`)
	e.now = func() time.Time { return time.Date(2039, time.June, 30, 12, 0, 0, 0, time.UTC) }
	answersContain(t, e, map[string]string{
		"Which city was admitted at last month's plenary assembly?": "Admitted: Changchun",
		"When was the 28th plenary assembly?":                       "一、吸纳吉林省长春市",
	})
}

func TestContactWithACityIsNoContactPerson(t *testing.T) {
	// "Kontakt" of a question for a city is no press contact's.
	e := testEngine(t)
	a, err := e.Answer(t.Context(), "Mit welcher chinesischen Stadt hat Köln Kontakt geknüpft?", "")
	if err != nil || a.Rule == "contact" {
		t.Errorf("answered by rule %s: %s, %v", a.Rule, a.Text, err)
	}
	// The contact's own city is the contact's.
	if a, err := e.Answer(t.Context(), "In welcher Stadt ist der Ansprechpartner der ISA in China?", ""); err != nil || a.Rule != "contact" {
		t.Errorf("the contact's city answered by rule %s: %s, %v", a.Rule, a.Text, err)
	}
}

func TestAddressAsked(t *testing.T) {
	// A question for an address asks for a street, not a city.
	e := engineWithRelease(t, "2037-03-10-office.md", `---
title: "Testmeldung: Neue ISA-Geschäftsstelle Deutschland startet am 1. April"
date: 2037-03-10
lang: de
---
Diese Pressemitteilung ist eine fiktive Testmeldung. Zum 1. April 2037 übernimmt die neu gegründete ISA-Geschäftsstelle Deutschland mit Sitz in Berlin das deutsche Sekretariat der Allianz.

Die Geschäftsstelle befindet sich in der Schumannstraße 17, 10117 Berlin. Die Pressestelle ist montags bis freitags besetzt.
`)
	answersContain(t, e, map[string]string{"联盟新的德国办事处设在柏林什么地址？": "Schumannstraße 17"})
	// A street is a place only for an address: "road map" is none.
	if q := e.read("Where was the hydrogen road map presented?", ""); e.holds("The ISA presented its hydrogen road map on 5 February 2037.", aPlace, q) {
		t.Error("a road map holds a place")
	}
}

func TestPronounSentenceWithItsReferent(t *testing.T) {
	// The sentence that answers names the person by a pronoun only: the
	// answer quotes the sentence before, which names her, with it.
	release := `---
title: "Testmeldung: Neuer Pressesprecher der Geschäftsstelle"
date: 2037-10-15
lang: de
place: Berlin
---

Malte Grünewald übernimmt zum 1. November 2037 die Pressestelle der ISA-Geschäftsstelle Deutschland.

Johanna Reifferscheid bleibt bis zum 31. Oktober 2037 Ansprechpartnerin für die Presse. Zum 1. Januar 2038 wechselt sie als Verbindungsreferentin in das ISA-Sekretariat nach Foshan.
`
	e := engineWithRelease(t, "2037-10-15-pressestelle.md", release)
	for _, question := range []string{
		"Which member of the Berlin office staff moves to the Foshan secretariat, and in what role?",
		"Wer geht als Verbindungsreferentin nach Foshan, und ab wann?",
	} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, "Reifferscheid") {
			t.Errorf("%s: (%s) %s", question, a.Rule, a.Text)
		}
	}
}

func TestMemberWhetherAndSinceWhen(t *testing.T) {
	// Asked whether and since when, the answer says yes, then the day
	// the release says the membership took effect ("voted to accept …
	// with effect from 23 September 2037"), not the assembly's first.
	e := engineWith(t, "testdata/blind32")
	tests := []struct{ question, yes, day string }{
		{"Ist Saarbrücken inzwischen Mitglied der Allianz, und falls ja, seit wann?", "Ja", "23. September 2037"},
		{"Is Zibo a member, and since when?", "Yes", "23 September 2037"},
		{"淄博是联盟成员吗？", "是的", "2037年9月23日"},
	}
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, tt.yes) || !strings.Contains(a.Text, tt.day) {
			t.Errorf("%s: (%s) %s", tt.question, a.Rule, a.Text)
		}
	}
}

func TestPronounOfNoOneBefore(t *testing.T) {
	// A pronoun that names no one the sentence before names ("sie" of
	// the applications, 其他) does not bring that sentence in.
	e := engineWithReleases(t, map[string]string{
		"2037-05-10-bewerbung.md": `---
title: "Testmeldung: Bewerbungsfrist für das Austauschprogramm"
date: 2037-05-10
lang: de
place: Berlin
---

Die ISA hat heute ihren Jahresbericht vorgelegt. Bewerbungen für das Austauschprogramm sind bis zum 30. Juni 2037 möglich; sie sind per E-Mail einzureichen.
`,
		"2037-05-12-luntan.md": `---
title: "测试稿：湖州将举办绿色工业论坛"
date: 2037-05-12
lang: zh
place: 湖州
---

湖州市政府今天发布了年度工作报告。绿色工业论坛将于2037年6月18日在湖州举行，其他成员城市也将派代表参加。
`,
	})
	tests := []struct{ question, unwanted string }{
		{"Bis wann sind Bewerbungen für das Austauschprogramm möglich?", "Jahresbericht"},
		{"绿色工业论坛什么时候在湖州举行？", "年度工作报告"},
	}
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(a.Text, tt.unwanted) || !a.Answered {
			t.Errorf("%s: (%s) %s", tt.question, a.Rule, a.Text)
		}
	}
}

func TestFormalSieIsNoPronoun(t *testing.T) {
	// "melden Sie sich an" addresses the reader: the sentence before,
	// which names a mayor, is no part of the answer.
	release := `---
title: "Testmeldung: Workshop zur Wasserstoffwirtschaft"
date: 2037-04-01
lang: de
place: Kassel
---

Oberbürgermeister Tobias Lindner eröffnet den Workshop. Für den Workshop zur Wasserstoffwirtschaft melden Sie sich bitte bis zum 20. April 2037 an.
`
	e := engineWithRelease(t, "2037-04-01-workshop.md", release)
	a, err := e.Answer(context.Background(), "Bis wann muss man sich für den Workshop zur Wasserstoffwirtschaft anmelden?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "20. April 2037") || strings.Contains(a.Text, "Lindner") {
		t.Errorf("(%s) %s", a.Rule, a.Text)
	}
}

func TestListItemCoveredWithItsHead(t *testing.T) {
	// An item of a list is about what the paragraph that announces the
	// list says: "40 percent from the host cities" answers what share
	// of the budget the cities pay, though only its head speaks of
	// money; it is quoted after its head.
	e := engineWithRelease(t, "2037-03-02-fund.md", `---
title: "Test release: Kassel and Weifang start a battery recycling project"
date: 2037-03-02
lang: en
place: Kassel
---

The member cities Kassel and Weifang start a joint project on recycling batteries from electric buses. It runs for two years.

The project was agreed in Kassel in February 2037 after two years of talks. The budget of EUR 900,000 is shared as follows:

- 40 percent from the host cities,
- 35 percent from the recycling firms,
- 25 percent from the ISA cooperation fund

Applications for the pilot sites are open until 31 March 2037.

Mayor Jan Kühn said:

"We learn a lot from Weifang."
`)
	tests := []struct{ question, want, head string }{
		{"What share of the budget do the host cities pay?", "40 percent", "The budget of EUR 900,000 is shared as follows:"},
		{"Wie viel Prozent des Budgets tragen die Gastgeberstädte?", "40 percent", "The budget of EUR 900,000 is shared as follows:"},
		{"预算中有百分之几来自回收企业？", "35 percent", "The budget of EUR 900,000 is shared as follows:"},
		// A paragraph after the list, which ends as its last item
		// does, is no item of it.
		{"Until when are applications for the pilot sites open?", "31 March 2037", ""},
		// A paragraph that announces what follows is no item of the
		// list before it.
		{"What did Mayor Kühn say?", "We learn a lot", ""},
	}
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(a.Text, tt.want) || tt.head != "" && !strings.Contains(a.Text, tt.head) {
			t.Errorf("%s: (%s) %s", tt.question, a.Rule, a.Text)
		}
		// Only the sentence that announces the list, not its paragraph.
		if strings.Contains(a.Text, "two years of talks") || tt.head == "" && strings.Contains(a.Text, "shared as follows") {
			t.Errorf("%s: quotes more than the list's head: %s", tt.question, a.Text)
		}
	}
}

func TestNowInOtherWords(t *testing.T) {
	// "at this point" and "zum jetzigen Zeitpunkt" ask how things stand
	// today, as "now" does: no subject of their own, no city whose note
	// speaks of a "Stelle" (point).
	e := testEngine(t)
	for _, question := range []string{
		"How many member cities does the alliance have at this point?",
		"Wie viele Mitglieder hat die ISA zum jetzigen Zeitpunkt?",
		"How many members does the ISA have as things stand?",
		"Wie viele Mitgliedsstädte hat die Allianz im Moment?",
	} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Rule != "count" || !strings.Contains(a.Text, "47") {
			t.Errorf("%s: (%s) %s", question, a.Rule, a.Text)
		}
		if q := e.read(question, ""); !q.asksNow {
			t.Errorf("%s: asks now %v", question, q.asksNow)
		}
	}
	// A question how many that a city's note would hold is not answered
	// with the city.
	if a, _ := e.Answer(context.Background(), "How many cities from north-east China are members?", ""); a.Rule == "city-note" {
		t.Errorf("how many answered with a city: %s", a.Text)
	}
}

func TestFeeAndCityHallInOtherWords(t *testing.T) {
	// A release's "Jahresbeitrag" is the membership fee asked for in any
	// language, and its "Stadtverwaltung" the city hall.
	e := engineWithRelease(t, "2037-09-14-gera.md", `---
title: "Testmeldung: Gera tritt der ISA bei"
date: 2037-09-14
lang: de
place: Gera
---

Die Stadt Gera ist seit dem 1. September 2037 Mitglied der Chinesisch-Deutschen Industriestädteallianz (ISA).

Der Jahresbeitrag der Stadt beträgt 5.900 Euro. Ansprechpartner in der Stadtverwaltung ist Jonas Pfeiffer, Leiter des Büros für internationale Beziehungen.
`)
	tests := []struct{ question, want string }{
		{"Wie hoch ist der Mitgliedsbeitrag, den Gera pro Jahr zahlt?", "5.900"},
		{"How much is Gera's annual membership fee?", "5.900"},
		{"Who is the contact person at Gera city hall?", "Pfeiffer"},
	}
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(a.Text, tt.want) {
			t.Errorf("%s: (%s) %s", tt.question, a.Rule, a.Text)
		}
	}
}

func TestTakingPartIsOneKeyword(t *testing.T) {
	// "taking part" says what "participate" says: its "taking" is no
	// word a passage must hold.
	e := engineWithRelease(t, "2037-06-02-austausch.md", `---
title: "Testmeldung: Austausch junger Fachkräfte startet"
date: 2037-06-02
lang: de
place: Köln
---

Die ISA startet einen Austausch junger Fachkräfte für zwei Jahre.

Am Austausch beteiligen sich die deutschen Mitgliedsstädte Solingen und Fulda sowie die chinesischen Mitgliedsstädte Liuzhou und Deyang.
`)
	a, err := e.Answer(context.Background(), "Which German cities are taking part in the exchange?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "Solingen") || !strings.Contains(a.Text, "Fulda") {
		t.Errorf("(%s) %s", a.Rule, a.Text)
	}
}

func TestLanguagesAskedNeedNotBeNamed(t *testing.T) {
	// "languages" names the kind of fact asked for: the sentence that
	// names the languages need not say "Sprachen".
	e := engineWithReleases(t, map[string]string{
		"2037-04-01-sprecher.md": `---
title: "Testmeldung: Tobias Wernicke wird Pressesprecher der ISA"
date: 2037-04-01
lang: de
place: Köln
---

Tobias Wernicke ist vom 1. April 2037 an Pressesprecher der ISA. Er hat in Bochum Sinologie studiert und arbeitete zuletzt als Redakteur in Hamburg. Er spricht Deutsch, Englisch und Chinesisch.
`,
		"2037-05-10-exchange.md": `---
title: "Test release: the trainee exchange grows"
date: 2037-05-10
lang: en
place: Foshan
---

The new trainees spend three days a week in a company and two days in language classes, in German and Chinese.
`})
	for _, question := range []string{
		"Which languages does the new press spokesperson speak?",
		"Welche Sprachen spricht der neue Pressesprecher?",
		"新闻发言人会说哪些语言？",
	} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(a.Text, "Chinesisch") {
			t.Errorf("%s: (%s) %s", question, a.Rule, a.Text)
		}
	}
}

func TestAskedPlaceAnswersWhereAfterAPreposition(t *testing.T) {
	// The place a question names as who did something answers where they
	// did it, when the release puts it after a preposition of place.
	e := engineWithReleases(t, map[string]string{
		"2038-09-16-korridor.md": `---
title: "测试新闻稿：德阳与博特罗普启动氢能物流走廊"
date: 2038-09-16
lang: zh
place: 德阳
---

德阳与博特罗普于2038年9月15日在德阳签署合作协议，共同启动氢能物流走廊示范项目。
`})
	for _, question := range []string{
		"Where did Deyang and Bottrop sign the hydrogen agreement?",
		"Wo haben Deyang und Bottrop den Wasserstoffvertrag unterzeichnet?",
	} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || closestGuess(a) || !strings.Contains(a.Text, "在德阳签署") {
			t.Errorf("%s: (%s, %.2f) %s", question, a.Rule, a.Confidence, a.Text)
		}
	}
	// One place the question names is what it is about, not where; and
	// the 在 of 现在 (now) is no preposition.
	e = engineWithReleases(t, map[string]string{
		"2038-03-20-trainees.md": `---
title: "Test release: trainees from Nanning go to Bottrop"
date: 2038-03-20
lang: en
place: Bottrop
---

The selection interviews took place in Nanning in March. From September, the 20 trainees from Nanning will spend six months at companies in Bottrop.
`,
		"2038-09-16-corridor.md": `---
title: "Test release: a hydrogen corridor"
date: 2038-09-16
lang: en
place: Beijing
---

Companies in Deyang and Bottrop signed the hydrogen corridor agreement in Beijing on 15 September 2038.
`,
		"2038-03-21-zhongka.md": `---
title: "测试新闻稿：烟台氢能重卡"
date: 2038-03-21
lang: zh
place: 烟台
---

现在烟台已有40辆氢燃料电池重卡投入运营。
`})
	for question, wrong := range map[string]string{
		"Where will the Nanning trainees be trained?": "selection interviews",
		"烟台的氢能重卡在哪里生产？":                               "投入运营",
		"德阳和博特罗普在哪里签署氢能走廊协议？":                         "德阳和北京",
	} {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered && !closestGuess(a) && strings.Contains(a.Text, wrong) {
			t.Errorf("%s: (%s, %.2f) %s", question, a.Rule, a.Confidence, a.Text)
		}
	}
}

func TestTypoNotGuessedAcrossAWord(t *testing.T) {
	// Characters that sound like a word of the glossary are no typo of it
	// when they belong to words of their own: the 经系 of 已经系统地 is no
	// 惊喜.
	e := engineWith(t, "")
	q := e.read("有多少比例的企业已经系统地利用生产余热？", corpus.Chinese)
	for _, u := range q.guessed {
		t.Errorf("guessed %q as a typo", u.raw)
	}
}

func TestJoinedOnADayWithoutItsYear(t *testing.T) {
	// "after Magdeburg joined on 1 October" dates Magdeburg's joining in
	// the release's year, not by another city's application of May
	// that its paragraph names.
	e := engineWithRelease(t, "2039-11-17-plenary.txt", `Luoyang, 17 November 2039

Press release

Test release: 28th ISA plenary assembly in Luoyang admits Wuxi

The 28th plenary assembly of the Sino-German Industrial Cities Alliance (ISA) was held in Luoyang on 15 and 16 November 2039.

The assembly unanimously admitted the city of Wuxi in Jiangsu province, with effect from 16 November 2039. Wuxi, a centre of semiconductors, had applied in May 2039. It was the second accession this year, after Magdeburg joined on 1 October.
`)
	e.now = func() time.Time { return time.Date(2039, time.December, 31, 12, 0, 0, 0, time.UTC) }
	answersContain(t, e, map[string]string{
		"Seit wann ist Magdeburg Mitglied?": "1. Oktober 2039",
		"When did Wuxi join?":               "16 November 2039",
	})
	// The release's year, however long before it: 1 April of a release
	// of November.
	e = engineWithRelease(t, "2039-11-17-plenary.txt", `Luoyang, 17 November 2039

Press release

Test release: the ISA admits Wuxi

The assembly admitted the city of Wuxi in Jiangsu province. Wuxi had applied in May 2039. It was the second accession in a year, after Magdeburg joined on 1 April.
`)
	answersContain(t, e, map[string]string{"When did Magdeburg join?": "1 April 2039"})
	// Beside its word for joining only, in the year before the release;
	// a day after "with effect from" is still to come.
	for _, tt := range []struct{ file, dateline, sentence, want, not string }{
		{"2040-01-15-plenary.txt", "15 January 2040", "Magdeburg, which joined the ISA on 1 October, hosts the next assembly.", "1 October 2039", ""},
		{"2039-12-10-plenary.txt", "10 December 2039", "The assembly admitted the city of Magdeburg, with effect from 1 January.", "1 January 2040", ""},
		{"2039-11-17-plenary.txt", "17 November 2039", "The assembly admitted the city of Magdeburg, which will host the hydrogen day on 2 March.", "", "2 March"},
	} {
		e := engineWithRelease(t, tt.file, "Luoyang, "+tt.dateline+`

Press release

Test release: the plenary assembly in Luoyang

`+tt.sentence+`
`)
		a, err := e.Answer(t.Context(), "When did Magdeburg join?", "")
		if err != nil || !strings.Contains(a.Text, tt.want) || tt.not != "" && strings.Contains(a.Text, tt.not) {
			t.Errorf("%s: %s, %v", tt.sentence, a.Text, err)
		}
	}
	// A day still to come, of the release's year, not the application's.
	e = engineWithRelease(t, "2039-11-17-plenary.txt", `Luoyang, 17 November 2039

Press release

Test release: the ISA admits Wuxi

The assembly admitted the city of Wuxi in Jiangsu province. Wuxi had applied in May 2039. Magdeburg will join on 1 December.
`)
	e.now = func() time.Time { return time.Date(2039, time.November, 20, 12, 0, 0, 0, time.UTC) }
	answersContain(t, e, map[string]string{"Is Magdeburg a member?": "1 December 2039"})
}

func TestWhichCityAskedWithAWordUnknown(t *testing.T) {
	// A word the engine does not know, in a question that asks which
	// city, is not the name of a city it does not know.
	e := engineWithRelease(t, "2039-11-17-plenary.txt", `洛阳, 2039年11月17日

新闻稿

测试新闻稿：中德工业城市联盟第二十八届全体大会在洛阳闭幕

中德工业城市联盟第二十八届全体大会于2039年11月15日至16日在洛阳举行。大会吸纳江苏省无锡市为联盟新成员，自2039年11月16日起生效。
`)
	e.now = func() time.Time { return time.Date(2039, time.December, 31, 12, 0, 0, 0, time.UTC) }
	a, err := e.Answer(t.Context(), "上个月的全体大会新吸收了哪个城市入盟？", "")
	if err != nil || a.Rule == "unknown-city" || !strings.Contains(a.Text, "无锡") {
		t.Errorf("answered by rule %s: %s, %v", a.Rule, a.Text, err)
	}
	// A name it does not know is still one.
	if a, err := e.Answer(t.Context(), "Ist die Stadt Xyzberg Mitglied?", ""); err != nil || a.Rule != "unknown-city" {
		t.Errorf("answered by rule %s: %s, %v", a.Rule, a.Text, err)
	}
}

func TestFootballIsAfield(t *testing.T) {
	// A football result is not the alliance's work, though its members
	// are named, and a release names them together.
	e := engineWithRelease(t, "2039-12-05-delegation.txt", `Köln, 5. Dezember 2039

Pressemitteilung

Testmeldung: Delegation aus Chengdu besucht Köln und Dortmund

In Köln und Dortmund unterzeichneten Unternehmen aus Chengdu und Shanghai am 30. November 2039 drei Absichtserklärungen.
`)
	refuses(t, e,
		"Wer hat das letzte Bundesliga-Spiel zwischen Dortmund und Köln gewonnen?",
		"Who won the football match between Chengdu and Shanghai?",
		"Wer hat das Fußballspiel zwischen Köln und Dortmund gewonnen?",
		"德甲谁是冠军？",
	)
}

func TestSeasonsAndOfficesAcrossLanguages(t *testing.T) {
	// 春季 is the German release's Frühjahr; the English "finalists" its
	// Endrunde; "Ko-Präsidentschaft" the co-presidents of an English one.
	e := engineWithReleases(t, map[string]string{
		"2039-08-19-magdeburg.txt": `Magdeburg, 19. August 2039

Pressemitteilung

Testmeldung: Magdeburg plant Fachkonferenz

Für das Frühjahr 2040 ist eine gemeinsame Fachkonferenz „Schwere Maschinen, grüne Energie“ in Magdeburg geplant.
`,
		"2039-12-15-preis.txt": `Chemnitz, 15. Dezember 2039

Pressemitteilung

Testmeldung: ISA-Städtepreis verliehen

Eine siebenköpfige Jury wählte im Oktober zehn Projekte in die Endrunde.
`,
		"2039-11-17-plenary.txt": `Luoyang, 17 November 2039

Press release

Test release: the plenary assembly elects co-presidents

The assembly elected Dr. Felicitas Brandauer, Lord Mayor of Göttingen, and He Jianmin, Mayor of Luoyang, as co-presidents for 2040 and 2041.

Key dates: 1 January 2040: Dr. Brandauer and He Jianmin take office as co-presidents.
`,
	})
	e.now = func() time.Time { return time.Date(2039, time.December, 31, 12, 0, 0, 0, time.UTC) }
	answersContain(t, e, map[string]string{
		"马格德堡计划2040年春季举办什么活动？":                       "Fachkonferenz",
		"How many finalists did the jury shortlist?": "zehn Projekte",
		"Wer übernimmt die Ko-Präsidentschaft?":      "Brandauer",
	})
}

func TestContributionAsksAnAmount(t *testing.T) {
	// "How much does X put into …?", 出资多少 ask an amount of money: the
	// sentence with one, not the one counting the partners who signed.
	e := engineWithRelease(t, "2039-10-20-harbour.txt", `Hamburg, 20 October 2039

Press release

Test release: "H2 Harbour Bridge" – Hamburg and Weihai launch a hydrogen project

On 18 October 2039, five partners signed the cooperation agreement for the project "H2 Harbour Bridge" at Hamburg City Hall.

The project runs for three years. The ISA cooperation fund contributes EUR 2.5 million and the Weihai municipal government CNY 21 million; the partners cover the remaining EUR 1.6 million themselves.
`)
	answersContain(t, e, map[string]string{
		"How much does the ISA cooperation fund put into H2 Harbour Bridge?": "EUR 2.5 million",
		"威海市政府为这个项目出资多少？":                                                    "CNY 21 million",
	})
}

func TestAgeAfterASurnameAlone(t *testing.T) {
	// A release names someone again by surname, with an age in brackets:
	// hers when the question names her, not a count after a city.
	e := engineWithRelease(t, "2039-09-30-sprecherin.md", `---
title: "Testmeldung: Dr. Mareike Osterkamp wird Pressesprecherin der ISA"
date: 2039-09-30
lang: de
---
Ab dem 1. November 2039 ist Dr. Mareike Osterkamp Pressesprecherin der ISA-Geschäftsstelle Deutschland in Berlin.

Osterkamp (44) kennt beide Länder aus eigener Anschauung. Aus Jena (35) und Halle (12) kamen die Gäste der Antrittsfeier, Schüler (17) und Studierende (23).
`)
	answersContain(t, e, map[string]string{
		"Wie alt ist Frau Dr. Osterkamp?": "Osterkamp (44)",
		"How old is Osterkamp?":           "44",
	})
	// A common word is a surname of the person the question names whole.
	f := engineWithRelease(t, "2039-10-01-referent.txt", `Berlin, 1. Oktober 2039

Pressemitteilung

Testmeldung: Jonas Fischer wird Pressereferent der ISA

Ab dem 1. November 2039 ist Jonas Fischer Pressereferent der ISA-Geschäftsstelle Deutschland in Berlin. Fischer (31) war zuvor Redakteur in Leipzig.
`)
	answersContain(t, f, map[string]string{"Wie alt ist Jonas Fischer?": "31"})
	for _, q := range []string{"Wie alt ist der neue Pressesprecher?", "Wie alt sind die Schüler?"} {
		if a, err := e.Answer(t.Context(), q, ""); err != nil || strings.Contains(a.Text, "35") || strings.Contains(a.Text, "(17)") {
			t.Errorf("%s: an age from a count: %s, %v", q, a.Text, err)
		}
	}
}

func TestInternshipPlacesAcrossLanguages(t *testing.T) {
	// Praktikumsplätze are the 实习岗位 of a Chinese release.
	e := engineWithRelease(t, "2039-09-08-jiaoliu.txt", `株洲, 2039年9月8日

新闻稿

测试新闻稿：第三期中德青年技工交流计划在株洲启动

交流为期10周，至2039年11月11日结束。27家中德企业为学员提供实习岗位。
`)
	answersContain(t, e, map[string]string{
		"Wie viele Unternehmen stellen Praktikumsplätze bereit?": "27家",
	})
}

func TestDoubleSurnameNamesAPerson(t *testing.T) {
	// "Katrin Oswald-Brehm, Leiterin des Amts …" names a person, whom
	// "Who will coordinate …?" asks for.
	e := engineWithRelease(t, "2039-08-19-magdeburg.txt", `Magdeburg, 19. August 2039

Pressemitteilung

Testmeldung: Magdeburg wird Mitglied der ISA

„Mit Magdeburg ist die ISA nun in neun Bundesländern vertreten“, sagte Dr. Benedikt Auerhammer.

Ansprechpartnerin in der Stadtverwaltung ist Katrin Oswald-Brehm, Leiterin des Amts für Wirtschaftsförderung, die künftig die China-Kontakte der Stadt koordiniert.
`)
	answersContain(t, e, map[string]string{
		"Who will coordinate Magdeburg's China contacts inside the city administration?": "Katrin Oswald-Brehm",
	})
}

func TestCountStaysInItsSentence(t *testing.T) {
	// A number near the end of its sentence ("die 30 nicht
	// eingerechnet."): it counts nothing of the next one, which a window
	// of two sentences joins to it.
	e := engineWithRelease(t, "2039-11-05-sommerakademie.txt", `Berlin, 5. November 2039

Pressemitteilung

Testmeldung: Vierte Sommerakademie der ISA für Nachwuchsingenieure

Die Sommerakademie der ISA für Nachwuchsingenieure fand 2039 zum vierten Mal in Chemnitz statt.

Für die 30 Plätze gingen 212 Bewerbungen ein.

Seit 2036 haben 95 Nachwuchsingenieure an der Sommerakademie teilgenommen, die 30 nicht eingerechnet. Bewerbungen für 2040 sind bis zum 31. Januar 2040 möglich.
`)
	answersContain(t, e, map[string]string{
		"How many applications came in for the summer academy?": "212",
		"暑期学院收到了多少份申请？":                                         "212",
	})
}

func TestInterpretationNamesLanguagesUsed(t *testing.T) {
	// Languages an assembly is interpreted into are languages used, in a
	// sentence without "language" or "spoken".
	e := engineWithRelease(t, "2039-08-12-luntan.md", `---
title: "测试稿：中德氢能论坛将于10月在佛山举行"
date: 2039-08-12
lang: zh
---
中德工业城市联盟将于2039年10月15日在佛山举办中德氢能论坛。预计约200名代表出席。

论坛全程提供中文、德文和英文同声传译。
`)
	answersContain(t, e, map[string]string{
		"In which languages will the hydrogen forum be interpreted?": "德文",
		"In welche Sprachen wird das Wasserstoffforum gedolmetscht?": "英文",
	})
}

func TestFarewellsDeadlinesAndReworkAcrossLanguages(t *testing.T) {
	// Words of the glossary's: a farewell (Verabschiedung, 欢送仪式), an
	// application deadline (Bewerbungsschluss, 截止日期) and a rework rate
	// (Nacharbeitsquote, 返修率), asked in another language.
	e := engineWithReleases(t, map[string]string{
		"2039-05-02-austausch.txt": `Köln, 2. Mai 2039

Pressemitteilung

Testmeldung: 30 Auszubildende aus ISA-Städten reisen nach Wuxi

Die offizielle Verabschiedung der Gruppe findet am 20. Mai 2039 im Historischen Rathaus von Köln statt.

Bewerbungsschluss für die nächste Runde ist der 15. Februar 2040.
`,
		"2039-06-20-jiang.md": `---
title: "测试稿：“焊装双城实验室”获联盟创新奖"
date: 2039-06-20
lang: zh
---
“焊装双城实验室”利用人工智能检测焊点质量，使返修率下降了27%。
`,
	})
	answersContain(t, e, map[string]string{
		"学徒欢送仪式在哪里举行？":                                              "Rathaus",
		"下一轮的报名截止日期是哪天？":                                            "15. Februar 2040",
		"Um wie viel Prozent sank die Nacharbeitsquote des Labors?": "27%",
	})
}

func TestWhoLeadsAProgramme(t *testing.T) {
	// "Who is in charge of …?" is answered by the person a sentence says
	// leads or coordinates it, not by a sentence on the programme that
	// names only its organisers; a role ending in one of the roles'
	// words ("Referentin", "Abteilungsleiterin") follows a name.
	e := engineWithRelease(t, "2039-04-14-werkstattwochen.txt", `Dortmund, 14. April 2039

Pressemitteilung

Testmeldung: „Werkstattwochen“ – 40 junge Fachkräfte aus ISA-Städten arbeiten in Wuhan

Mit den „Werkstattwochen“ der Chinesisch-Deutschen Industriestädteallianz (ISA) arbeiten in diesem Herbst 40 junge Fachkräfte aus sieben deutschen Mitgliedsstädten vier Wochen lang in Betrieben in Wuhan.

„Wer einmal in Wuhan an einer Fertigungslinie stand, sieht sein Handwerk mit anderen Augen“, sagte Marlene Vogtherr, Referentin für Berufsbildung in der ISA-Geschäftsstelle Deutschland, die das Programm leitet. Auf chinesischer Seite koordiniert Zhou Minghui (周明辉) vom Sekretariat der Allianz die Werkstattwochen.
`)
	answersContain(t, e, map[string]string{
		"Who is in charge of the workshop weeks on the German side?":     "Vogtherr",
		"Wer ist auf deutscher Seite für die Werkstattwochen zuständig?": "Vogtherr",
		"德国青年技工来武汉的项目，中方由谁负责协调？":                                         "周明辉",
	})
	for _, sentence := range []string{
		"Das sagte Marlene Vogtherr, Referentin für Berufsbildung in der ISA-Geschäftsstelle.",
		"Jana Pohlmann, Abteilungsleiterin im Wirtschaftsamt, stellte das Programm vor.",
	} {
		if !e.namesPerson(sentence, segment(sentence)) {
			t.Errorf("%q names no person", sentence)
		}
	}
}

func TestDayWithoutYearStatedInTheAskersLanguage(t *testing.T) {
	// A Chinese release's day without a year ("6月6日晚") is stated for a
	// German or English asker as they write days, without a year, which
	// the sentence does not give.
	e := engineWithRelease(t, "2039-06-09-jiang.md", `---
title: "测试稿：2039年度联盟“城市合作奖”在株洲揭晓"
date: 2039-06-09
lang: zh
---
6月7日晚，2039年度中德工业城市联盟“城市合作奖”颁奖典礼在湖南株洲举行。
`)
	answersContain(t, e, map[string]string{
		"An welchem Tag wurde der Städtekooperationspreis in Zhuzhou verliehen?": "Kurz: 7. Juni.",
		"On which day was the city cooperation award ceremony held in Zhuzhou?":  "In short: 7 June.",
	})
}

func TestDayWithoutYearInAQuestion(t *testing.T) {
	// "am 20. Juni" names a day of any year, which a sentence of a
	// release in another language gives as 6月20日: not the words "Juni"
	// and "Mai", which the dictionaries translate as 可以 ("may").
	e := engineWithRelease(t, "2039-04-02-koeln.md", `---
title: "测试稿：联盟今年在科隆举办两场研讨会"
date: 2039-04-02
lang: zh
---
中德工业城市联盟今年将在科隆举办两场研讨会。

5月15日，第一场研讨会讨论氢能物流。6月20日，第二场研讨会讨论电池回收。
`)
	answersContain(t, e, map[string]string{
		"Worum geht es bei dem Seminar in Köln am 20. Juni?": "电池",
		"What is the seminar in Cologne on 15 May about?":    "氢能",
	})
	q := e.read("Worum geht es bei dem Seminar in Köln am 20. Juni?", corpus.German)
	if want := (period{from: corpus.Date{Month: time.June, Day: 20}, to: corpus.Date{Month: time.June, Day: 20}}); !slices.Contains(q.periods, want) {
		t.Errorf("periods %v, want %v", q.periods, want)
	}
	for _, w := range e.topicWords(q) {
		if w.text == "Juni" {
			t.Errorf("topic word %q", w.text)
		}
	}
}

func TestOnBehalfOfAndAwardCeremonies(t *testing.T) {
	// "on behalf of" says for whom someone acts, nothing of the subject;
	// 颁奖仪式 is an award ceremony, which "presented the award" held.
	e := engineWithReleases(t, map[string]string{
		"2039-03-12-plenary.txt": `Ulm, 12 March 2039

Press release

Test release: 30th plenary assembly of the ISA opens in Ulm

Lord Mayor Dr. Jana Seidelmann welcomed the 300 delegates to the opening of the 30th plenary assembly in Ulm.
`,
		"2039-05-20-award.md": `---
title: "Test release: ISA Circular City Award 2039 goes to Jiaxing and Ulm"
date: 2039-05-20
lang: en
---
The alliance presented the award on 19 May 2039 in Kassel, at its spring conference.
`,
	})
	answersContain(t, e, map[string]string{
		"Who welcomed the delegates on behalf of the host city at the opening of the 30th plenary?": "Seidelmann",
		"循环城市奖的颁奖仪式是哪天举行的？":                                                                         "2039年5月19日",
	})
	for _, question := range []string{"Who spoke on behalf of the host city?", "Wer sprach im Namen der Gastgeberstadt?"} {
		for _, w := range e.topicWords(e.read(question, "")) {
			if w.text == "behalf" || w.text == "Namen" {
				t.Errorf("%s: topic word %q", question, w.text)
			}
		}
	}
}

func TestWordAfieldHeldAsAPhrase(t *testing.T) {
	// A word far from the alliance's work is held only as a whole: "share"
	// and "price" apart are no share price, "exchange" and "rate" apart no
	// exchange rate; "an exchange rate of 7.8" is one.
	e := engineWithRelease(t, "2039-02-10-booth.txt", `Berlin, 10 February 2039

Press release

Test release: ISA member cities to share a joint booth at Hannover Messe 2039

"The pavilion gives small firms a place in Hall 6 for a fraction of the usual price," said the head of events. The youth exchange of the alliance will grow at a rate of ten places a year.
`)
	refuses(t, e, "What is today's share price of BYD?", "比亚迪今天股价多少", "What is today's euro to yuan exchange rate?")
	budget := engineWithRelease(t, "2039-03-01-budget.txt", `Foshan, 1 March 2039

Press release

Test release: ISA budget for the Green Port project set

The budget of CNY 78 million was converted at an exchange rate of 7.8 yuan per euro.
`)
	answersContain(t, budget, map[string]string{
		"At which exchange rate was the Green Port budget converted?": "7.8",
	})
}

// A question naming a day without a year and a member city asks what
// happens there that day, not whether the city is a member; the passage
// that names the day answers (written by a review of the change).
func TestDayWithoutYearAskedOfAMember(t *testing.T) {
	e := engineWithRelease(t, "2040-02-11-test.txt", `Köln, 11. Februar 2040

Pressemitteilung

Testmeldung: Köln lädt zum ISA-Wirtschaftstag ein

Am 1. Mai 2040 findet in Köln der ISA-Wirtschaftstag statt. Am 3. Oktober 2040 empfängt Köln eine Delegation aus Wuxi.
`)
	answersContain(t, e, map[string]string{
		"Was passiert am 1. Mai in Köln?":                 "Wirtschaftstag",
		"Was findet am 1. Mai in Köln statt?":             "Wirtschaftstag", // same
		"What happens in Cologne on 3 October?":           "Wuxi",
		"May I ask what happens in Cologne on 3 October?": "Wuxi", // same
		"Wer besucht Köln am 3. Oktober?":                 "Wuxi",
	})
}

// A day without a year is stated without one: the event may be past
// ("last year's seminar", a December release looking back on June).
func TestDayWithoutYearOfAPastEvent(t *testing.T) {
	e := engineWithRelease(t, "2040-09-20-zh.md", `---
title: "测试稿：联盟秋季研讨会在青岛举行"
date: 2040-09-20
lang: zh
---
联盟秋季研讨会于9月18日在青岛举行。去年的研讨会于3月12日在合肥举行。
`)
	a, _ := e.Answer(t.Context(), "When was last year's seminar in Hefei held?", "")
	if strings.Contains(a.Text, "2041") {
		t.Errorf("a past event dated after its release: %s", a.Text)
	}
	q := e.read("When was the meeting held?", corpus.English)
	for sentence, want := range map[string]string{
		"联盟年终交流会已于12月20日在无锡举行，约80名代表出席。":                         "20 December",
		"Die Sommerakademie fand am 10. Juni in Chemnitz statt.": "10 June",
	} {
		if got := e.factIn(sentence, aDate, q); got != want {
			t.Errorf("factIn(%q) = %q, want %q", sentence, got, want)
		}
	}
}

// Of days without a year, as of dated ones (TestDateAskedIsNoDeadline),
// a deadline is not the day asked for.
func TestDayWithoutYearAfterADeadline(t *testing.T) {
	e := engineWith(t, "")
	q := e.read("When will the prize be awarded?", corpus.English)
	q.lang = corpus.English
	for sentence, want := range map[string]string{
		"Projects can be submitted until 14 November; the prize will be awarded on 12 December.": "12 December",
	} {
		if got := e.factIn(sentence, aDate, q); got != want {
			t.Errorf("factIn(%q) = %q, want %q", sentence, got, want)
		}
	}
}

// Translating is no language used: "the brochures of the Chinese
// companies were translated", 其中文化界人士…随团翻译; interpreting is.
func TestTranslatedIsNoLanguageUsed(t *testing.T) {
	e := engineWithReleases(t, map[string]string{
		"2040-07-02-expo.md": `---
title: "Test release: Twelve Chinese companies present at Wuppertal supplier day"
date: 2040-07-02
lang: en
place: Wuppertal
---
Twelve Chinese companies presented their products at the Wuppertal supplier day on 1 July 2040. The brochures of the Chinese companies were translated by students of the University of Wuppertal.
`,
		"2040-07-20-daibiaotuan.md": `---
title: "测试稿：株洲代表团访问英戈尔施塔特"
date: 2040-07-20
lang: zh
---
株洲市代表团一行30人于7月18日访问英戈尔施塔特，其中文化界人士5人，另有随团翻译2名。
`})
	for _, q := range []string{
		"Which languages were spoken at the Wuppertal supplier day?",
		"In welcher Sprache fand der Zulieferertag in Wuppertal statt?",
		"株洲代表团使用什么语言？",
		"Welche Sprache spricht die Delegation aus Zhuzhou?",
	} {
		a, _ := e.Answer(t.Context(), q, "")
		if a.Answered {
			t.Errorf("%s: answered %q (rule %s)", q, a.Text, a.Rule)
		}
	}
	for _, s := range []string{
		"The brochures of the Chinese companies were translated by students.",
		"Chinese and German engineers translated the idea into a prototype.",
		"The German hosts' interpretation of the results was positive.",
		"代表团一行30人，其中文化界人士5人，另有随团翻译2名。",
	} {
		if e.namesLanguageUsed(s, segment(s)) {
			t.Errorf("%q names a language used", s)
		}
	}
}

// "Who organised …?" is answered by the organiser, not by a mayor who
// "heads the supervisory board" or "led a tour".
func TestOrganiserIsNoMayorWhoHeadsABoard(t *testing.T) {
	e := engineWithRelease(t, "2040-07-02-supplier.md", `---
title: "Test release: First ISA supplier day in Wuppertal"
date: 2040-07-02
lang: en
place: Wuppertal
---
The first ISA supplier day took place in Wuppertal on 1 July 2040. It was organised by Lena Fuchs, project officer at Wuppertal's business development agency.

Mayor Uwe Schneidewind, who heads the supervisory board of the agency, led a tour of the supplier day.
`)
	answersContain(t, e, map[string]string{
		"Who organised the supplier day in Wuppertal?":     "Lena Fuchs",
		"Wer organisierte den Zulieferertag in Wuppertal?": "Lena Fuchs",
		"Who looks after the supplier day in Wuppertal?":   "Lena Fuchs",
	})
}

// The endings of roles make no persons of things ("Halbleiter",
// "Lautsprecher", "Lichtwellenleiter"), nor roles of surnames
// ("Schleiter").
func TestRoleEndingsMakeNoPersonsOfThings(t *testing.T) {
	e := engineWithRelease(t, "2040-03-10-dresden.txt", `Dresden, 10. März 2040

Pressemitteilung

Testmeldung: Dresden und Wuxi vertiefen Zusammenarbeit in der Mikroelektronik

Dresden und Wuxi wollen in der Mikroelektronik enger zusammenarbeiten. Globalfoundries Dresden, Halbleiter und Sensoren aus Sachsen, stellte sein Werk vor.

Die Delegation wurde von Jens Schleiter, Leiter des Amts für Wirtschaftsförderung, begleitet. Die Bosch Sensortec, Lautsprecher und Mikrofone, präsentierte neue Bauteile.
`)
	facts, err := e.LearnedFacts("2040-03-10-dresden")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range facts {
		got = append(got, f.Fact)
	}
	joined := strings.Join(got, " | ")
	for _, bad := range []string{"Globalfoundries Dresden: Halbleiter", "Bosch Sensortec: Lautsprecher"} {
		if strings.Contains(joined, bad) {
			t.Errorf("learned a false person %q", bad)
		}
	}
	if !strings.Contains(joined, "Jens Schleiter") {
		t.Errorf("the surname Schleiter is read as a role; learned: %s", joined)
	}
	answersContain(t, e, map[string]string{
		"Wer ist Leiter des Amts für Wirtschaftsförderung in Dresden?": "Jens Schleiter: Leiter",
	})
	for _, s := range []string{
		"Zhang Wei, Lichtwellenleiter aus Wuhan, liefert Bauteile.",
		"Yangtze Memory, Halbleiter, baut ein Werk.",
	} {
		if e.namesPerson(s, segment(s)) {
			t.Errorf("%q names a person", s)
		}
	}
}

// A word of an organisation's name ("GmbH") that a role lacks does not
// keep the role from answering.
func TestOrganisationWordOfARoleAsked(t *testing.T) {
	e := engineWith(t, "")
	answersContain(t, e, map[string]string{
		"Wer ist die Ansprechpartnerin der ISA bei der PKS GmbH?": "Stefanie Behmer",
		"Who is the ISA's contact person at PKS GmbH?":            "Stefanie Behmer",
	})
}

// A number counts the words after an abbreviation ("30 sog.
// Innovationsbotschafter"), which ends no sentence.
func TestCountAfterAnAbbreviation(t *testing.T) {
	e := engineWith(t, "testdata/eval")
	for question, sentence := range map[string]string{
		"How many innovation ambassadors were appointed?": "Es wurden 30 sog. Innovationsbotschafter ernannt.",
		"How many scholarship holders came?":              "Zum Treffen kamen 45 ehem. Stipendiatinnen und Stipendiaten.",
	} {
		counted := e.countedWord(t.Context(), e.read(question, corpus.English))
		if got := e.countOf(corpus.German, sentence, counted); got == "" {
			t.Errorf("%s: countOf(%q) = \"\"", question, sentence)
		}
	}
	e2 := engineWithRelease(t, "2040-03-02-botschafter.txt", `Köln, 2. März 2040

Pressemitteilung

Testmeldung: ISA ernennt Innovationsbotschafter

Die Chinesisch-Deutsche Industriestädteallianz (ISA) hat auf ihrer Frühjahrstagung in Köln 30 sog. Innovationsbotschafter ernannt.
`)
	answersContain(t, e2, map[string]string{
		"How many innovation ambassadors did the ISA appoint in Cologne?": "In short: 30",
		"联盟在科隆任命了多少名创新大使？":                                                "简而言之：30",
	})
}

const koelnDaysRelease = `Köln, 11. Februar 2040

Pressemitteilung

Testmeldung: Köln lädt zum ISA-Innovationsforum ein

Am 23. Oktober 2040 findet in Köln das ISA-Innovationsforum statt. Im Mai 2040 tagt in Köln außerdem der Lenkungsausschuss.

Die Oberbürgermeisterin sprach bei der Eröffnung der Ausstellung „Seidenstraße“.
`
const cologneMayRelease = `Cologne, 11 February 2040

Press release

Test release: Cologne may host the 15th plenary assembly

Cologne may send 15 delegates to Wuxi, the mayor said. The city may host the plenary in autumn.
`
const keluoRelease = `---
title: "测试稿：科隆将举办中德论坛"
date: 2040-02-11
lang: zh
---
科隆将于2040年3月10日举办中德创新论坛，约200名代表参加。
`

// answerHolds asks e question q and fails unless the answer holds want
// and not notWant (either may be "").
func answerHolds(t *testing.T, e *Engine, q, want, notWant string) {
	t.Helper()
	a, _ := e.Answer(t.Context(), q, "")
	if want != "" && !strings.Contains(a.Text, want) || notWant != "" && strings.Contains(a.Text, notWant) {
		t.Errorf("%s\n  got (answered=%v conf=%.2f rule=%s): %.220s\n  want %q, not %q", q, a.Answered, a.Confidence, a.Rule, a.Text, want, notWant)
	}
}

// A day asked is held by its day and month side by side: not by the
// month alone, the number elsewhere, "may" the verb, or 3月10日 for 10月3日
// (written by a review of the change).
func TestDayAskedHeldSideBySide(t *testing.T) {
	de := engineWithRelease(t, "2040-02-11-koeln.txt", koelnDaysRelease) // "Am 23. Oktober 2040 …", "Im Mai 2040 tagt …"
	answerHolds(t, de, "Was passiert am 3. Oktober in Köln?", "", "23. Oktober")
	answerHolds(t, de, "Was passiert am 1. Mai in Köln?", "", "Im Mai 2040")
	answerHolds(t, de, "What happens in Cologne on 3 October?", "", "23. Oktober")
	en := engineWithRelease(t, "2040-02-11-cologne.txt", cologneMayRelease) // "Cologne may send 15 delegates to Wuxi"
	answerHolds(t, en, "What happens in Cologne on 15 May?", "", "may send")
	answerHolds(t, en, "What happens in Cologne on 1 May?", "", "may send")
	zh := engineWithRelease(t, "2040-02-11-keluo.md", keluoRelease) // "科隆将于2040年3月10日举办…"
	answerHolds(t, zh, "10月3日科隆有什么活动？", "", "3月10日")
	answerHolds(t, zh, "What happens in Cologne on 3 October?", "", "3月10日")
	emb := engineWith(t, "")
	answerHolds(t, emb, "Was passiert am 3. Oktober?", "", "im Oktober 2020")
	answerHolds(t, emb, "10月3日有什么活动？", "", "im Oktober 2020")
}

// A day the release names by its distance ("Gestern") answers a
// question for that day: no passage must name the day as written.
func TestDayAskedNamedByItsDistance(t *testing.T) {
	e := engineWithRelease(t, "2040-10-04-rede.txt", `Köln, 4. Oktober 2040

Pressemitteilung

Testmeldung: Wuxi-Delegation beim Festakt in Köln

Gestern hielt Oberbürgermeisterin Henriette Reker beim Festakt zur Städtepartnerschaft mit Wuxi in Köln eine Rede. Rund 200 Gäste hörten zu.
`)
	answerHolds(t, e, "Who gave a speech at the ceremony in Cologne on 3 October?", "In short: Henriette Reker", "")
}

// A surname near a stop word ("Nahmens", "Nemens") is no typo of it.
func TestSurnameLikeAStopWord(t *testing.T) {
	e := engineWithRelease(t, "2040-03-05-buero.txt", `Köln, 5. März 2040

Pressemitteilung

Testmeldung: Neue Leiterin des ISA-Kontaktbüros

Dr. Lena Nahmens übernimmt am 1. April 2040 die Leitung des ISA-Kontaktbüros in Köln. Dr. Jörg Nemens, bisher Leiter des Büros, geht in den Ruhestand.
`)
	answerHolds(t, e, "Wer ist Frau Nahmens?", "Nahmens", "")
	answerHolds(t, e, "Wer ist Herr Nemens?", "Nemens", "")
	answerHolds(t, e, "Wann übernimmt Frau Nahmens?", "1. April 2040", "Plenarversammlung")
}

// Compound roles of men ("Delegationsleiter", "Stadtsprecher") name a
// person as those of women do.
func TestCompoundRolesOfMen(t *testing.T) {
	e := engineWithRelease(t, "2040-03-10-wuxi.txt", `Wuppertal, 10. März 2040

Pressemitteilung

Testmeldung: Delegation aus Wuxi besucht Wuppertal

Eine Delegation aus Wuxi besuchte Wuppertal. Delegationsleiter Wang Wei dankte den Gastgebern. Stadtsprecher Tom Weber sagte, der Besuch sei ein Erfolg. Büroleiter Jörg Ellerbrock eröffnete die Sitzung.
`)
	for _, s := range []string{
		"Wang Wei, Delegationsleiter aus Wuxi, dankte den Gastgebern.",
		"Büroleiter Jörg Ellerbrock eröffnete die Sitzung.",
		"Stadtsprecher Tom Weber sagte, die Ausstellung sei ein Erfolg.",
		"Schulleiter Karl Brandt begrüßte die Gäste aus Foshan.",
	} {
		if !e.namesPerson(s, segment(s)) {
			t.Errorf("%q names no person", s)
		}
	}
	answerHolds(t, e, "Wer ist der Büroleiter?", "Jörg Ellerbrock", "")
	answerHolds(t, e, "Who led the delegation from Wuxi to Wuppertal?", "Wang Wei", "")
}

// "min." ends a sentence: a count is not read across it.
func TestMinutesEndASentence(t *testing.T) {
	e := engineWith(t, "")
	q := e.read("How many guests came?", "en")
	if got := e.countOf("de", "Die Fahrt mit der Schwebebahn dauert 20 min. 40 Gäste aus Wuxi fuhren mit.", e.countedWord(t.Context(), q)); got != "40" {
		t.Errorf("count %q, want 40", got)
	}
	for _, s := range []string{
		"Wuppertal's suspension railway is an engineering gem. Mayor Uwe Schneidewind welcomed 40 guests.",
		"The delegation toured the Old Cotton Mill. Mayor Uwe Schneidewind welcomed 40 guests.",
	} {
		if n := len(splitSentences(s)); n != 2 {
			t.Errorf("splitSentences(%q): %d sentences, want 2", s, n)
		}
	}
}

// The "bis" of a range, and 前 after a day, mark no deadline to skip
// for another event's day.
func TestRangeAndEndAreNoDeadlines(t *testing.T) {
	e := engineWith(t, "")
	for _, tt := range []struct{ q, s, notWant string }{
		{"Wann findet die Messe statt?", "Die Messe läuft vom 3. bis 5. Juni; am 4. Juni tagt der Beirat.", "4. Juni"},
		{"When is the fair?", "博览会于6月8日前结束，理事会6月7日开会。", "7 June"},
	} {
		lang, _ := DetectLang(tt.q)
		q := e.read(tt.q, lang)
		q.lang = lang
		if got := e.factIn(tt.s, q.expects, q); got == tt.notWant {
			t.Errorf("%s | %s: %q, the other event's day", tt.q, tt.s, got)
		}
	}
}

// "Who leads …?", "Who runs …?" ask for the coordinator, not the mayor
// who opened the camp.
func TestLeadsAndRunsAskForACoordinator(t *testing.T) {
	e := engineWithRelease(t, "2040-07-02-camp.md", `---
title: "Test release: ISA youth camp opens in Wuppertal"
date: 2040-07-02
lang: en
place: Wuppertal
---
Mayor Uwe Schneidewind opened the ISA youth camp in Wuppertal on 1 July 2040 and welcomed 40 young people from Wuxi. The youth camp is coordinated by Lena Fuchs of the city's youth office.
`)
	answerHolds(t, e, "Who leads the youth camp in Wuppertal?", "Lena Fuchs", "")
	answerHolds(t, e, "Who runs the youth camp in Wuppertal?", "Lena Fuchs", "")
}

func TestHyphenedWordsOfAGlossaryPhrase(t *testing.T) {
	// "the second-prize project" is the glossary's "second prize", 二等奖,
	// not a second (第二) of any prize.
	e := engineWithRelease(t, "2039-06-12-jiang.md", `---
title: "测试稿：2039年度联盟“城市合作奖”揭晓"
date: 2039-06-12
lang: zh
---
2039年度中德工业城市联盟“城市合作奖”评审委员会第二次会议评出三个获奖项目。

二等奖（奖金人民币12万元）：德阳与索林根合作的“涡轮叶片精密磨削”项目。
`)
	w := e.topicOf([]string{"second-prize"}, nil, nil, corpus.English)
	if len(w) != 1 || !slices.Contains(w[0].terms[corpus.Chinese], "二等") {
		t.Errorf("second-prize: %+v, want the terms of 二等奖", w)
	}
	answersContain(t, e, map[string]string{
		"Which cities are behind the second-prize project?": "德阳与索林根",
	})
}

func TestHeadsOfGovernmentAreAfield(t *testing.T) {
	// The chancellor and the national economy are far from the
	// alliance's work: only a passage that names them answers.
	e := engineWithRelease(t, "2039-04-20-messe.txt", `Hannover, 20. April 2039

Pressemitteilung

Testmeldung: ISA-Gemeinschaftsstand auf der Hannover Messe 2039 eröffnet

Der Gemeinschaftsstand der ISA auf der Hannover Messe 2039 wurde heute eröffnet. 40 Unternehmen aus 18 Mitgliedsstädten stellen dort aus; die Wirtschaft der Region wuchs zuletzt um 2 Prozent.
`)
	refuses(t, e, "Wer ist gerade Bundeskanzler?", "Who is the current chancellor?", "德国2039年的GDP增长率是多少？")
	visit := engineWithRelease(t, "2039-04-21-besuch.txt", `Hannover, 21. April 2039

Pressemitteilung

Testmeldung: Bundeskanzlerin besucht den ISA-Gemeinschaftsstand

Bundeskanzlerin Dr. Petra Albers besuchte am 21. April 2039 den Gemeinschaftsstand der ISA auf der Hannover Messe.
`)
	answersContain(t, visit, map[string]string{
		"Wann besuchte die Bundeskanzlerin den Stand der ISA?": "21. April 2039",
	})
}

func TestMemberOfWhatAReleaseSpeaksOf(t *testing.T) {
	// "participant in the exchange" names no other organisation when a
	// release speaks of the exchange: a person is no member city, and
	// the release's passage answers, as it would any question about a
	// release, even as the closest found. An organisation no release
	// names, as written or in the glossary's words, is still another's.
	e := engineWithRelease(t, "2041-07-24-exchange.md", `---
title: "Test release: Young Engineers Exchange"
date: 2041-07-24
lang: en
place: Chemnitz
---

This is a fictional test release. Forty young people take part in the exchange between Chemnitz and Liuzhou.

The youngest is Mia Kranich, an 18-year-old apprentice from Nuremberg; the oldest is Tan Yuxin, a 27-year-old doctoral student in vehicle engineering from Zhuzhou.
`)
	answerHolds(t, e, "Who is the oldest participant in the exchange, and what is their field?", "Tan Yuxin", "")
	refuses(t, e,
		"Ist Wuppertal Mitglied im Deutschen Städtetag?",
		"Who is the youngest member of the football club?",
		"Since when has Cologne been a member of Die Linke?",
	)
}

func TestWhichDaysAskForADate(t *testing.T) {
	// "An welchen Tagen …?" asks for a date: its "an welchen" is the
	// date's question word, no "which" of a list, as it is in "An
	// welchen Projekten …?", or of cities, as in "In welchen Städten …?".
	e := testEngine(t)
	for question, want := range map[string]answerType{
		"An welchen Tagen tagte die 29. Plenarversammlung?":   aDate,
		"On which days did the assembly meet?":                aDate,
		"第29届全体大会在哪几天举行？":                                     aDate,
		"In welchen Städten war die Delegation?":              aCity,
		"An welchen Projekten arbeiten Heilbronn und Yantai?": aList,
	} {
		if got := e.read(question, "").expects; got != want {
			t.Errorf("%s: expects %v, want %v", question, got, want)
		}
	}
}

func TestAnnouncedListHoldsTheList(t *testing.T) {
	// A sentence that announces a list holds the list for "which"
	// things, and the answer gives the items after it; "mainly" and "vor
	// allem" say how much, not what.
	e := engineWithRelease(t, "2040-07-10-rostock.txt", `Rostock, 10. Juli 2040

Pressemitteilung

Testmeldung: Rostock wird Mitglied der ISA

Die Hansestadt Rostock tritt der ISA zum 1. August 2040 bei.

In der Allianz will Rostock vor allem drei Branchen voranbringen:

– die Offshore-Windenergie und ihre Zulieferindustrie,
– den Schiffbau und die Meerestechnik,
– die Wasserstoffwirtschaft rund um den Überseehafen.

Über die ISA

Die ISA vernetzt Unternehmen, Branchen und Forschungseinrichtungen aus Industriestädten beider Länder.
`)
	answerHolds(t, e, "Which industries does Rostock mainly want to develop through its ISA membership?", "Schiffbau", "")
	answerHolds(t, e, "Welche Branchen will Rostock vor allem voranbringen?", "Schiffbau", "")
	// Items numbered in Chinese; a colon before a quote announces no
	// list (written by a review of the change).
	zh := engineWithRelease(t, "2027-01-26-yantai.txt", `烟台，2027年1月26日

新闻稿

测试新闻稿：烟台市正式加入中德工业城市联盟

烟台希望在以下三个领域与德国成员城市开展合作：

一、新能源汽车零部件和智能制造；
二、海洋工程装备和港口物流；
三、职业教育和技术工人培训。
`)
	answerHolds(t, zh, "In welchen Feldern möchte Yantai mit den deutschen Mitgliedern kooperieren?", "职业教育", "")
	quote := engineWithRelease(t, "2040-07-10-rostock.txt", `Rostock, 10. Juli 2040

Pressemitteilung

Testmeldung: Rostock wird Mitglied der ISA

Rostock ist bekannt für Offshore-Windenergie, Schiffbau und Wasserstoffwirtschaft.

Zu den Branchen, die Rostock in der Allianz voranbringen will, sagte Oberbürgermeisterin Eva Kranz:

„Wir haben viel vor, und wir freuen uns auf die Partner in China.“
`)
	if a, err := quote.Answer(t.Context(), "Welche Branchen will Rostock in der Allianz voranbringen?", ""); err != nil || strings.Contains(a.Text, "Wir haben viel vor") && !closestGuess(a) {
		t.Errorf("a quote announced by a colon given as the list: %q, %v", a.Text, err)
	}
}

func TestPartOfARelativeMonth(t *testing.T) {
	// "Anfang letzten Monats" is last month, no beginning asked about,
	// and a trip that "zu Ende ging" ended: the subject is the
	// delegation and its trip to Germany (访德).
	e := engineWithRelease(t, "2040-11-06-daibiaotuan.md", `---
title: "测试稿：中方代表团访问德国"
date: 2040-11-06
lang: zh
place: 佛山
---

本新闻稿为虚构测试稿。2040年10月27日至11月3日，中方成员城市经贸代表团访问了德国汉堡和科隆。代表团共五十三人，来自十二个成员城市。
`)
	e.now = func() time.Time { return time.Date(2040, time.December, 31, 12, 0, 0, 0, time.UTC) }
	answerHolds(t, e, "Wie groß war die chinesische Delegation, deren Deutschlandreise Anfang letzten Monats zu Ende ging?", "五十三人", "")
	q := e.read("Was geschah Ende letzten Monats?", corpus.German)
	if len(q.periods) != 1 || q.periods[0].from != (corpus.Date{Year: 2040, Month: time.November, Day: 1}) {
		t.Errorf("Ende letzten Monats: periods %v, want November 2040", q.periods)
	}
}

func TestOtherOrganisationWithoutReleases(t *testing.T) {
	// An engine whose index holds no release refuses a question of
	// another organisation's members, as it does with releases.
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	idx, err := NewMemIndex(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	e := NewEngine(data, idx)
	refuses(t, e, "Seit wann ist Köln Mitglied im Fußballverein?", "Who is the oldest member of the delegation?")
}

func TestPrioritiesWithinTheAlliance(t *testing.T) {
	// "within the alliance" says where a fact holds, nothing of what it
	// is; priorities are a city's Schwerpunkte, and its point person is
	// the representative it named.
	e := engineWithRelease(t, "2039-01-19-rostock.txt", `Rostock, 19. Januar 2039

Pressemitteilung

Testmeldung: Rostock wird Mitglied der ISA

Die Hansestadt Rostock tritt der ISA zum 1. Februar 2039 bei. Rostock hat Tobias Reinwald, Leiter der Wirtschaftsförderung, zum Vertreter der Stadt in der ISA benannt.

In der Allianz will Rostock drei Schwerpunkte setzen:

– die Offshore-Windenergie,
– den Schiffbau,
– grünen Wasserstoff.
`)
	answersContain(t, e, map[string]string{
		"What three priorities does Rostock want to pursue inside the ISA?": "Schiffbau",
		"Who is Rostock's point person for the ISA?":                        "Tobias Reinwald",
	})
}

func TestUnitsOfMeasureAreCounted(t *testing.T) {
	// "How many kilometres …?" is answered by a number of kilometres,
	// not by a sentence that counts partners; 四千八百吨 are tonnes.
	e := engineWithRelease(t, "2040-08-19-qingneng.md", `---
title: "测试稿：佛山与伍珀塔尔启动氢能重卡项目"
date: 2040-08-19
lang: zh
place: 佛山
---

本新闻稿为虚构测试稿。项目合作伙伴共六家，卡车将在佛山和伍珀塔尔运营。

项目全面运行后，预计每年可减少二氧化碳排放约四千八百吨。
`)
	answerHolds(t, e, "Wie viele Tonnen CO2 will das Projekt pro Jahr einsparen?", "四千八百吨", "")
	refuses(t, e, "How many kilometres will the hydrogen trucks run in Wuppertal?")
	// Units written short, or in Chinese after a Chinese numeral (written
	// by a review of the change).
	short := engineWithRelease(t, "2040-08-20-lkw.txt", `Wuppertal, 20. August 2040

Pressemitteilung

Testmeldung: Wasserstoff-Lkw für Wuppertal

Die zwölf Lkw fahren pro Jahr zusammen rund 9.800 km.
`)
	answerHolds(t, short, "Wie viele Kilometer fahren die Wasserstoff-Lkw pro Jahr?", "9.800 km", "")
	answerHolds(t, e, "How many tonnes of CO2 will the project save each year?", "四千八百吨", "")
}

func TestAssemblyPlaceInTheAnswersLanguage(t *testing.T) {
	// A place a Chinese release names in characters is named in Latin
	// letters in a German or English answer: Hamburg, not 汉堡.
	e := engineWithRelease(t, "2040-03-05-quanti-dahui.txt", `马鞍山，2040年3月5日

新闻稿

测试稿：联盟第三十二届全体大会将于9月在马鞍山举行

本新闻稿为虚构测试稿。中德工业城市联盟第三十二届全体大会将于2040年9月18日至19日在马鞍山举行。上一届即第三十一届全体大会于2039年10月在汉堡举行。
`)
	answerHolds(t, e, "Where did the 31st plenary assembly take place?", "Hamburg", "汉堡")
	answerHolds(t, e, "Wo findet die 32. Plenarversammlung statt?", "Ma'anshan", "马鞍山")
}

func TestWhenSomethingEnds(t *testing.T) {
	// "zu Ende" asks when something ends: no stop words (written by a
	// review of the change).
	e := engineWithRelease(t, "2040-01-10-austausch.txt", `Chemnitz, 10. Januar 2040

Pressemitteilung

Testmeldung: Austauschprogramm Chemnitz–Liuzhou

Das Austauschprogramm zwischen Chemnitz und Liuzhou beginnt am 1. März 2040. Die Bewerbungsfrist geht am 15. Februar 2040 zu Ende.
`)
	answerHolds(t, e, "Wann ist die Bewerbungsfrist zu Ende?", "15. Februar 2040", "")
}

func TestCompoundOfAKeywordWithAHeadOfItsOwn(t *testing.T) {
	// A German compound that a keyword begins is about its last word when
	// no keyword is that word: the place where the "Beitrittsurkunde" is
	// signed is not where a delegation signed agreements.
	e := testEngine(t)
	tests := []struct {
		question string
		heads    []string
	}{
		{"Wo wird die Beitrittsurkunde unterschrieben?", []string{"Urkunde"}},
		{"Wie hoch ist der Mitgliedsbeitrag?", nil}, // a keyword for costs
		{"Welche Mitgliedsstädte liegen in Bayern?", nil},
		{"Wie hoch ist die Mitgliederzahl?", nil},
		{"Seit wann gibt es die Mitgliedschaft?", nil},
		// Typed with "ue" or "ß", folded before it is cut into words.
		{"Wer hat die Gruendungsurkunde unterschrieben?", []string{"Urkunde"}},
		{"Wann ist das Beitrittsgrußwort?", []string{"Wort"}},
		{"Was kosten die Beitrittskosten?", nil}, // Kosten is a keyword
		// Cut after the keyword's "nachfolger": "Egelung" is no word.
		{"Wie ist die Nachfolgeregelung?", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, u := range e.read(tt.question, corpus.German).begun {
			if head, ok := e.ownHead(u); ok {
				got = append(got, head)
			}
		}
		if !slices.Equal(got, tt.heads) {
			t.Errorf("%s: heads of their own %q, want %q", tt.question, got, tt.heads)
		}
	}
	answersContain(t, engineWith(t, "testdata/blind42"), map[string]string{"Wo wird die Beitrittsurkunde unterschrieben?": "St. Johann"})
}

func TestMonthOfTheLeadFramesLaterParagraphs(t *testing.T) {
	// A release's first paragraph dates what it is about; a later one
	// on the same delegation need not name the month again.
	e := engineWith(t, "testdata/blind39")
	e.now = func() time.Time { return time.Date(2041, time.June, 30, 12, 0, 0, 0, time.UTC) }
	answersContain(t, e, map[string]string{"How many companies sent representatives with the April delegation?": "21"})
}

func TestCurrencyOfAnAmountIsItsKind(t *testing.T) {
	// "in yuan" says what kind of amount is asked for, as "Budget" does:
	// the passage with the budget need not name the currency as asked
	// (万元人民币).
	e := engineWith(t, "testdata/blind41")
	q := e.read("What is the total budget of the smart water grid project in yuan?", corpus.English)
	for _, w := range e.topicWords(q) {
		if w.text == "yuan" && !w.kind {
			t.Errorf("yuan is a word of the subject, want the kind of fact asked for")
		}
	}
	answersContain(t, e, map[string]string{"What is the total budget of the smart water grid project in yuan?": "1860万"})
}

package search

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

func TestFindDates(t *testing.T) {
	tests := []struct {
		text string
		want []corpus.Date
	}{
		{"Was passierte am 25.04.2016?", []corpus.Date{{Year: 2016, Month: time.April, Day: 25}}},
		{"What happened on 2015-09-10?", []corpus.Date{{Year: 2015, Month: time.September, Day: 10}}},
		{"2016年4月25日发生了什么？", []corpus.Date{{Year: 2016, Month: time.April, Day: 25}}},
		{"2019年10月有哪些城市加入？", []corpus.Date{{Year: 2019, Month: time.October}}},
		{"二〇三一年八月十七日至三十日，交流营在江门举行。", []corpus.Date{{Year: 2031, Month: time.August, Day: 17}}},
		{"二〇二〇年十二月", []corpus.Date{{Year: 2020, Month: time.December}}},
		{"Welche Versammlung fand am 1. April 2019 statt?", []corpus.Date{{Year: 2019, Month: time.April, Day: 1}}},
		{"What happened on April 23, 2018?", []corpus.Date{{Year: 2018, Month: time.April, Day: 23}}},
		{"on 23rd April 2018", []corpus.Date{{Year: 2018, Month: time.April, Day: 23}}},
		{"im Okt. 2018 und im März 2019", []corpus.Date{{Year: 2018, Month: time.October}, {Year: 2019, Month: time.March}}},
		{"How many provinces at the end of 2017?", []corpus.Date{{Year: 2017, Month: time.December}}},
		{"Mitglieder Ende 2017", []corpus.Date{{Year: 2017, Month: time.December}}},
		{"2018年初联盟有多少成员？", []corpus.Date{{Year: 2018, Month: time.January}}},
		// Not dates: a year alone, a word before a year, impossible days.
		{"Wie viele Mitglieder hatte die ISA 2018?", nil},
		{"im Jahr 2018", nil},
		{"am 32.13.2018", nil},
		{"May I ask about 2018?", nil},
	}
	for _, tt := range tests {
		var got []corpus.Date
		for _, d := range findDates(tt.text) {
			got = append(got, d.date)
		}
		if len(got) != len(tt.want) {
			t.Errorf("findDates(%q) = %v, want %v", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("findDates(%q) = %v, want %v", tt.text, got, tt.want)
			}
		}
	}
}

func TestFirstDays(t *testing.T) {
	tests := []struct{ text, want string }{
		{"am 15. und 16. Oktober 2025 in Huzhou", "am 15. Oktober 2025 in Huzhou"},
		{"on 4 and 5 November 2026 at the NCC", "on 4. November 2026 at the NCC"},
		{"2026年3月2日至6日，代表团访问了德国。", "2026年3月2日，代表团访问了德国。"},
		{"2025年10月15日到16日在湖州举行", "2025年10月15日在湖州举行"},
		// Two months, the year once, after the last.
		{"Zwischen dem 4. März und dem 25. November 2041 treffen sich", "Zwischen dem 4. März 2041 treffen sich"},
		{"from 4 March to 25 November 2041", "from 4 March 2041"},
		{"am 4. Projekt und 25. Oktober 2041", "am 4. Projekt und 25. Oktober 2041"}, // no month before
		{"finden am 4. Mai und 25. November 2041 statt", "finden am 4. Mai und 25. November 2041 statt"},
		{"vom 28. Dezember bis 9. Januar 2041", "vom 28. Dezember 2040"},
		{"4. März–25. November 2041", "4. März 2041"},
	}
	for _, tt := range tests {
		if got := firstDays(tt.text); got != tt.want {
			t.Errorf("firstDays(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestStripDates(t *testing.T) {
	// The patterns find the day before the month alone, which comes
	// first in these sentences: cut in the order of the text, both go.
	for _, tt := range []struct{ text, want string }{
		{"From March 2029, a weekly train leaves on 6 March 2029 and arrives on 25 March 2029.", "From , a weekly train leaves on  and arrives on ."},
		{"Sie ist seit Juli 2025 dabei und wechselt zum 1. April 2029 nach Saarbrücken.", "Sie ist seit  dabei und wechselt zum  nach Saarbrücken."},
		{"Die 48 Mitglieder trafen sich 2029.", "Die 48 Mitglieder trafen sich ."},
	} {
		if got := stripDates(tt.text); got != tt.want {
			t.Errorf("stripDates(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNamesDay(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"am 12. Mai 2030", true},
		{"am 12. Mai", true},
		{"on 12–13 May", true},
		{"on May 12", true},
		{"双方商定于今年10月12日在威海举办", true},
		{"十月十二日开幕", true},
		{"the 12th of May", true},
		{"am 3.Oktober", true},
		{"展台在3号馆", false},
		{"培训为期三日", false},
		{"im Oktober 2030", false},
		{"in October", false},
		{"今年10月在威海举办", false},
		{"Mai 2030", false},
		{"12 companies", false},
	}
	for _, tt := range tests {
		if got := namesDay(tt.text); got != tt.want {
			t.Errorf("namesDay(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestYearlessSpans(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []corpus.Date
	}{
		{"哈勒市于今年2月1日加入联盟", []corpus.Date{{Month: 2, Day: 1}}},
		{"am 17. Dezember", []corpus.Date{{Month: 12, Day: 17}}},
		{"on March 5th", []corpus.Date{{Month: 3, Day: 5}}},
		{"十二月三日", []corpus.Date{{Month: 12, Day: 3}}},
		{"am 5. Mai 2035", nil}, // a date with its year
		{"up to 5 may join", nil},
		{"seit 2 Jahren", nil},
	} {
		var got []corpus.Date
		for _, s := range yearlessSpans(tt.text, findDates(tt.text)) {
			got = append(got, s.date)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("yearlessSpans(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestYearlessMonths(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []time.Month
	}{
		{"Wer leitete die Wirtschaftsdelegation im April?", []time.Month{time.April}},
		{"Which cities did the April delegation visit?", []time.Month{time.April}},
		{"氢能系列活动10月那一场在哪个城市？", []time.Month{time.October}},
		{"四月份的代表团有多少人？", []time.Month{time.April}},
		{"May I ask who leads the delegation?", nil}, // a verb
		{"Wer ist Jan Petersen?", nil},               // a name, no month written whole
		{"项目为期3个月", nil},                             // a number of months
		{"代表团10月5日抵达", nil},                          // a day
		{"am 5. Mai 2035", nil},                      // a date with its year
		{"What did the MAY report say?", nil},
		{"联盟一月一次开会吗？", nil}, // once a month
	} {
		units := segment(tt.text)
		dated := findDates(tt.text)
		var got []time.Month
		for _, s := range yearlessMonths(tt.text, units, append(dated, yearlessSpans(tt.text, dated)...)) {
			got = append(got, s.date.Month)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("yearlessMonths(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestRelativePeriods(t *testing.T) {
	// Tuesday, 30 June 2037, and Saturday, 2 January 2038: a week runs
	// from Monday to Sunday, and a period may lie in another year.
	june30 := time.Date(2037, time.June, 30, 12, 0, 0, 0, time.UTC)
	jan2 := time.Date(2038, time.January, 2, 12, 0, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) corpus.Date { return corpus.Date{Year: y, Month: m, Day: d} }
	tests := []struct {
		now      time.Time
		question string
		want     period
		month    corpus.Date // the date the question names, if a month
	}{
		{june30, "Wo war die Plenarversammlung letzten Monat?", period{day(2037, time.May, 1), day(2037, time.May, 31)}, corpus.Date{Year: 2037, Month: time.May}},
		{june30, "What is next month's workshop about?", period{day(2037, time.July, 1), day(2037, time.July, 31)}, corpus.Date{Year: 2037, Month: time.July}},
		{june30, "上周联盟颁发了什么奖？", period{day(2037, time.June, 22), day(2037, time.June, 28)}, corpus.Date{}},
		{june30, "Was passiert nächste Woche?", period{day(2037, time.July, 6), day(2037, time.July, 12)}, corpus.Date{}},
		{jan2, "Which award was handed out last month?", period{day(2037, time.December, 1), day(2037, time.December, 31)}, corpus.Date{Year: 2037, Month: time.December}},
		{jan2, "Wer sprach diese Woche in Foshan?", period{day(2037, time.December, 28), day(2038, time.January, 3)}, corpus.Date{}},
		{jan2, "Welche Städte treten Anfang nächsten Monats bei?", period{day(2038, time.February, 1), day(2038, time.February, 28)}, corpus.Date{Year: 2038, Month: time.February}},
		// This month is now: no date the question names.
		{june30, "How many members does the ISA have this month?", period{day(2037, time.June, 1), day(2037, time.June, 30)}, corpus.Date{}},
		// "der" after the period begins the clause's subject.
		{june30, "Wo tagte letzten Monat der Vorstand der ISA?", period{day(2037, time.May, 1), day(2037, time.May, 31)}, corpus.Date{Year: 2037, Month: time.May}},
		// 周报 and 月份 make no other word of the period.
		{june30, "上周报道了哪些新闻？", period{day(2037, time.June, 22), day(2037, time.June, 28)}, corpus.Date{}},
		{june30, "本月份发表了哪些新闻稿？", period{day(2037, time.June, 1), day(2037, time.June, 30)}, corpus.Date{}},
		// Named twice, read once.
		{june30, "Was war letzten Monat, also im letzten Monat, los?", period{day(2037, time.May, 1), day(2037, time.May, 31)}, corpus.Date{Year: 2037, Month: time.May}},
		// How many months or weeks ago.
		{june30, "Wo tagte die Plenarversammlung vor zwei Monaten?", period{day(2037, time.April, 1), day(2037, time.April, 30)}, corpus.Date{Year: 2037, Month: time.April}},
		{june30, "What happened 2 months ago?", period{day(2037, time.April, 1), day(2037, time.April, 30)}, corpus.Date{Year: 2037, Month: time.April}},
		{june30, "Which award was handed out three weeks ago?", period{day(2037, time.June, 8), day(2037, time.June, 14)}, corpus.Date{}},
		{jan2, "两个月前的全体大会在哪里举行？", period{day(2037, time.November, 1), day(2037, time.November, 30)}, corpus.Date{Year: 2037, Month: time.November}},
		{june30, "十二个月前的全体大会在哪里？", period{day(2036, time.June, 1), day(2036, time.June, 30)}, corpus.Date{Year: 2036, Month: time.June}},
		{june30, "What happened a month ago?", period{day(2037, time.May, 1), day(2037, time.May, 31)}, corpus.Date{Year: 2037, Month: time.May}},
	}
	e := engineWith(t, "")
	for _, tt := range tests {
		e.now = func() time.Time { return tt.now }
		q := e.read(tt.question, "")
		if len(q.periods) != 1 || q.periods[0] != tt.want {
			t.Errorf("%s: periods %v, want %v", tt.question, q.periods, tt.want)
		}
		var months []corpus.Date
		if !tt.month.IsZero() {
			months = []corpus.Date{tt.month}
		}
		if !slices.Equal(q.dates, months) || len(q.years) > 0 {
			t.Errorf("%s: dates %v and years %v, want %v and none", tt.question, q.dates, q.years, months)
		}
	}
}

func TestNoPeriodAgo(t *testing.T) {
	// A number of months or weeks that does not count back from the day
	// asked names no period.
	e := engineWith(t, "")
	for _, question := range []string{"Die Reise dauert zwei Monate.", "Seit zwei Monaten ist Wuhu Mitglied.", "How long were the two weeks of the exchange?", "交流为期两个月。",
		"Which city joined less than two months ago?", "Was war bis vor zwei Monaten?", "代表团两周前往德国。", "What happened 9223372036854775807 months ago?"} {
		if q := e.read(question, ""); len(q.periods) > 0 {
			t.Errorf("%s: periods %v, want none", question, q.periods)
		}
	}
}

func TestPeriodOfOtherDay(t *testing.T) {
	// Words of a relative period that count it from another day, or
	// that are part of a longer word, name no period of the day asked.
	e := engineWith(t, "")
	e.now = func() time.Time { return time.Date(2037, time.June, 30, 12, 0, 0, 0, time.UTC) }
	for _, question := range []string{
		"What happens in the last week of July?",
		"Was passiert im letzten Monat des Jahres?",
		"What happens in the week after next week?",
		"以下月份有哪些活动？",
		"线上周年庆什么时候举办？",
		"日本周边有成员城市吗？",
		"下下周有什么活动？",
	} {
		if q := e.read(question, ""); len(q.periods) > 0 || len(q.dates) > 0 {
			t.Errorf("%s: periods %v, dates %v, want none", question, q.periods, q.dates)
		}
	}
}

func TestThisYear(t *testing.T) {
	// "This year" names the year asked in; beside an age or an
	// anniversary it is when that is reached.
	e := engineWith(t, "")
	e.now = func() time.Time { return time.Date(2039, time.June, 30, 12, 0, 0, 0, time.UTC) }
	for question, want := range map[string][]int{
		"Wie viele Besucher hatte der Stand auf der diesjährigen Hannover Messe?": {2039},
		"Which cities joined this year?":                                          {2039},
		"今年汉诺威工博会上联盟展区有多大？":                                                       {2039},
		"谭静怡今年多大？":                                                                nil,
		"How old is the alliance this year?":                                      nil,
		"联盟今年成立十周年，具体是哪天成立的？":                                                     nil,
		"联盟至今有多少成员？":                                                              nil,
	} {
		if q := e.read(question, ""); !slices.Equal(q.years, want) {
			t.Errorf("%s: years %v, want %v", question, q.years, want)
		}
	}
	// The fair of this year is not the founding's.
	if a, err := e.Answer(t.Context(), "Wie viele Besucher hatte der Gemeinschaftsstand auf der diesjährigen Hannover Messe?", ""); err != nil || a.Rule == "founding" {
		t.Errorf("answered by %s: %s (%v)", a.Rule, a.Text, err)
	}
}

func TestNamesDayIn(t *testing.T) {
	july := []period{{corpus.Date{Year: 2037, Month: time.July, Day: 1}, corpus.Date{Year: 2037, Month: time.July, Day: 31}}}
	tests := []struct {
		sentence string
		want     bool
	}{
		{"The second workshop, on 8 July 2037, is about data spaces.", true},
		{"Der zweite Workshop am 8. Juli ist Datenräumen gewidmet.", true}, // no year: the release's
		{"第二场研讨会将于2037年7月8日举行。", true},
		{"Im Juli 2037 folgt die dritte Runde.", true},
		{"The first workshop, on 3 June 2037, is about robots.", false},
		{"The second workshop, on 8 July 2036, is about data spaces.", false},
		{"The workshop is about data spaces.", false},
	}
	// A day without a year is the one nearest the release: a release
	// of November speaks of next January.
	january := []period{{corpus.Date{Year: 2038, Month: time.January, Day: 1}, corpus.Date{Year: 2038, Month: time.January, Day: 31}}}
	if !namesDayIn("The next workshop is on 14 January.", time.Date(2037, time.November, 20, 0, 0, 0, 0, time.UTC), january, nil) {
		t.Error("14 January in a release of 20 November 2037 is not in January 2038")
	}
	// A day later in the year is the release's year's.
	december := []period{{corpus.Date{Year: 2037, Month: time.December, Day: 1}, corpus.Date{Year: 2037, Month: time.December, Day: 31}}}
	if !namesDayIn("Bewerbungen sind bis zum 31. Dezember möglich.", time.Date(2037, time.June, 20, 0, 0, 0, 0, time.UTC), december, nil) {
		t.Error("31 December in a release of 20 June 2037 is not in December 2037")
	}
	for _, tt := range tests {
		if got := namesDayIn(tt.sentence, time.Date(2037, time.May, 12, 0, 0, 0, 0, time.UTC), july, nil); got != tt.want {
			t.Errorf("namesDayIn(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

func TestReleaseDays(t *testing.T) {
	// 14 July 2037 is a Tuesday.
	published := time.Date(2037, time.July, 14, 9, 30, 0, 0, time.UTC)
	day := func(month time.Month, d int) corpus.Date { return corpus.Date{Year: 2037, Month: month, Day: d} }
	tests := []struct {
		text string
		want []corpus.Date
	}{
		{"Die Urkunde wird am kommenden Dienstag unterzeichnet.", []corpus.Date{day(time.July, 21)}},
		{"The certificate will be signed next Thursday.", []corpus.Date{day(time.July, 16)}},
		{"Die Sitzung ist am Freitag nächster Woche.", []corpus.Date{day(time.July, 24)}},
		{"Journalists are invited to meet him in three weeks' time.", []corpus.Date{day(time.August, 4)}},
		{"工程师将于下周一抵达湖州。", []corpus.Date{day(time.July, 20)}},
		{"签约仪式定于本周五举行，下个星期三再次会谈。", []corpus.Date{day(time.July, 22), day(time.July, 17)}},
		{"代表团将于两周后返回，10天后提交报告。", []corpus.Date{day(time.July, 28), day(time.July, 24)}},
		{"Die Delegation kehrte am vergangenen Sonntag zurück.", []corpus.Date{day(time.July, 12)}},
		{"The delegation returned last Tuesday.", []corpus.Date{day(time.July, 7)}},
		{"代表团于上周日返回江门，上个星期三在科隆签约。", []corpus.Date{day(time.July, 12), day(time.July, 8)}},
		// Not days counted from the release's.
		{"Der Rat tagt am Montag.", nil},
		{"The council met on Tuesday; next week the cities vote.", nil},
		{"Wir haben in acht Tagen mehr Werkhallen als Konferenzsäle gesehen.", nil},
		{"Am Morgen des 3. Mai reiste sie ab, die Städte von morgen im Blick.", nil},
		{"The cities of tomorrow; the alliance today published its survey.", nil},
		{"共创更加美好的明天，说明天津的经验。", nil},
		{"在市长陪同下周五参观了工厂，日本周一的代表也在。", nil},
		{"活动于线上周五举行，晚上周六休息。", nil},
		{"The cities meet on the last Friday of the month; every last Monday the council meets.", nil},
		{"Die Sprechstunde ist jeden letzten Freitag im Monat.", nil},
		{"上周日程安排很紧，上周天气晴朗，世界上周一最忙，代表团赶上周五的航班。", nil},
		{"会议结束两周后提交报告。", nil},
		{"周一至周五开放。", nil},
		{"The plant opens in 99999999999 weeks' time, 将于4611686018427387904周后.", nil},
		{"Die Halle wurde in drei Wochen errichtet.", nil},
		{"由于两周后要开会，现在三天后出发，将于下下周一访问。", nil},
	}
	cues := mustLoadCues()
	for _, tt := range tests {
		if got := cues.releaseDates(tt.text, published); !slices.Equal(got, tt.want) {
			t.Errorf("releaseDates(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	// The words quoted are the ones the text gives, whole.
	text := "They meet next ‘Tuesday’ in Jena."
	if days := cues.releaseDays(text); len(days) != 1 || text[days[0].start:days[0].end] != "next ‘Tuesday" {
		t.Errorf("releaseDays(%q) = %+v", text, days)
	}
}

func TestReleaseDaySaid(t *testing.T) {
	// The answer says which day "am kommenden Dienstag" of the release
	// is, in the asker's language.
	e := engineWith(t, "testdata/blind32")
	tests := []struct{ question, want string }{
		{"On what date, and in which room, is Wolfsburg's accession certificate to be signed?", "21 July 2037"},
		{"An welchem Tag fand die erste Online-Infoveranstaltung zu Brückenschlag 2038 statt?", "22. Dezember 2037"},
		{"亚琛的工程师什么时候到湖州？", "2037年8月31日"},
	}
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, tt.want) {
			t.Errorf("%s: (%s) %s", tt.question, a.Rule, a.Text)
		}
	}
}

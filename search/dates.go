package search

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/bilingual"
)

// datePattern finds a date in a question; day, month and year are the
// numbers of its groups (0 for none). A named month is looked up in
// German and English.
type datePattern struct {
	re               *regexp.Regexp
	day, month, year int
	named            bool
	// at is the month of "Ende 2017" or "early 2018", which no group
	// gives.
	at time.Month
}

// datePatterns, most specific first: "25.04.2016", "2015-09-10",
// "2016年4月25日", "二〇一六年四月二十五日", "23. April 2018", "April 23,
// 2018", "Oktober 2018".
var datePatterns = []datePattern{
	{re: regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`), day: 1, month: 2, year: 3},
	{re: regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`), day: 3, month: 2, year: 1},
	{re: regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?`), day: 3, month: 2, year: 1},
	// A date in Chinese numerals: "二〇三一年八月十七日".
	{re: regexp.MustCompile(`(` + chineseYearNumerals + `)\s*年\s*([一二三四五六七八九十]{1,2})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*[日号])?`), day: 3, month: 2, year: 1},
	{re: regexp.MustCompile(`\b(\d{1,2})(?:\.|st|nd|rd|th)?\s+(\pL+)\.?\s+(\d{4})\b`), day: 1, month: 2, year: 3, named: true},
	{re: regexp.MustCompile(`\b(\pL+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`), day: 2, month: 1, year: 3, named: true},
	{re: regexp.MustCompile(`(?i)\b(?:ende|end of|late|year-end)\s+(\d{4})\b`), year: 1, at: time.December},
	{re: regexp.MustCompile(`(?i)\b(?:anfang|beginning of|start of|early)\s+(\d{4})\b`), year: 1, at: time.January},
	{re: regexp.MustCompile(`(\d{4})\s*年\s*(?:底|末)`), year: 1, at: time.December},
	{re: regexp.MustCompile(`(\d{4})\s*年\s*初`), year: 1, at: time.January},
	{re: regexp.MustCompile(`\b(\pL+)\.?\s+(\d{4})\b`), month: 1, year: 2, named: true},
}

// chineseYearNumerals are a year in Chinese numerals, digit by digit:
// 二〇三一.
const chineseYearNumerals = `[〇零一二三四五六七八九]{4}`

// Days of a month, with or without a year: "12. Mai", "3.Oktober",
// "12–13 May", "the 12th of May", "May 12", "5月12日", "十月十二日",
// "5月12号"; a day after its month, not "3号馆" or "为期三日".
var (
	dayBeforeMonth = regexp.MustCompile(`\b\d{1,2}(?:\.|st|nd|rd|th)?(?:\s*[–-]\s*\d{1,2}(?:\.|st|nd|rd|th)?)?\s*(?:of\s+)?(\pL+)`)
	dayAfterMonth  = regexp.MustCompile(`\b(\pL+)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b`)
	chineseDay     = regexp.MustCompile(`月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]`)
)

// namesDay reports whether a text names a day of a month.
func namesDay(text string) bool {
	if slices.ContainsFunc(findDates(text), func(d dateSpan) bool { return d.date.Day > 0 }) || chineseDay.MatchString(text) {
		return true
	}
	for _, re := range []*regexp.Regexp{dayBeforeMonth, dayAfterMonth} {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			if isMonth(m[1]) {
				return true
			}
		}
	}
	return false
}

// dateSpan is a date found in a question, and where.
type dateSpan struct {
	date       corpus.Date
	start, end int
}

// findDates finds the dates that name at least a month and a year, in
// the order of its patterns, the most precise first ("25 March 2029"
// before the "March 2029" earlier in the text), none overlapping
// another: the first is the sentence's most precise date, not its
// first.
func findDates(text string) []dateSpan {
	if !strings.ContainsAny(text, "0123456789") && !strings.Contains(text, "年") {
		return nil // every date has a year
	}
	var found []dateSpan
	for _, p := range datePatterns {
		for _, m := range p.re.FindAllStringSubmatchIndex(text, -1) {
			start, end := m[0], m[1]
			if slices.ContainsFunc(found, func(d dateSpan) bool { return start < d.end && d.start < end }) {
				continue
			}
			group := func(n int) string {
				if n == 0 || m[2*n] < 0 {
					return ""
				}
				return text[m[2*n]:m[2*n+1]]
			}
			var d corpus.Date
			d.Year, d.Day = chineseNumber(group(p.year)), chineseNumber(group(p.day))
			switch {
			case p.at != 0:
				d.Month = p.at
			case p.named:
				d.Month, _ = corpus.MonthNamed(group(p.month))
			default:
				d.Month = time.Month(chineseNumber(group(p.month)))
			}
			if d.Year < 1900 || d.Year > 2100 || d.Month < time.January || d.Month > time.December || d.Day < 0 || d.Day > 31 {
				continue
			}
			found = append(found, dateSpan{date: d, start: start, end: end})
		}
	}
	return found
}

// Days of a month without a year, with the day in a group: "1. Februar",
// "1 February", "February 1st", "2月1日", "二月一日"; a month's name with a
// capital ("may" is no May).
var (
	yearlessDayMonth = regexp.MustCompile(`\b(\d{1,2})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(\p{Lu}\pL+)`)
	yearlessMonthDay = regexp.MustCompile(`\b(\p{Lu}\pL+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b`)
	yearlessChinese  = regexp.MustCompile(`([0-9一二三四五六七八九十]{1,3})\s*月\s*([0-9一二三四五六七八九十]{1,3})\s*[日号]`)
)

// yearlessSpans finds the days a text names without a year, and where:
// their dates have no year. The days of its dates with a year, which the
// caller found (findDates), are not among them ("5. Mai" of "5. Mai
// 2035").
func yearlessSpans(text string, dated []dateSpan) []dateSpan {
	for _, d := range dated {
		text = text[:d.start] + strings.Repeat(" ", d.end-d.start) + text[d.end:]
	}
	var out []dateSpan
	add := func(m []int, day, month int) {
		if day >= 1 && day <= 31 && month >= 1 && month <= 12 {
			out = append(out, dateSpan{date: corpus.Date{Month: time.Month(month), Day: day}, start: m[0], end: m[1]})
		}
	}
	group := func(m []int, n int) string { return text[m[2*n]:m[2*n+1]] }
	for _, m := range yearlessDayMonth.FindAllStringSubmatchIndex(text, -1) {
		if month, ok := corpus.MonthNamed(group(m, 2)); ok {
			day, _ := strconv.Atoi(group(m, 1))
			add(m, day, int(month))
		}
	}
	for _, m := range yearlessMonthDay.FindAllStringSubmatchIndex(text, -1) {
		if month, ok := corpus.MonthNamed(group(m, 1)); ok {
			day, _ := strconv.Atoi(group(m, 2))
			add(m, day, int(month))
		}
	}
	for _, m := range yearlessChinese.FindAllStringSubmatchIndex(text, -1) {
		add(m, chineseNumber(group(m, 2)), chineseNumber(group(m, 1)))
	}
	slices.SortFunc(out, func(a, b dateSpan) int { return a.start - b.start })
	return out
}

// yearlessMonths are the months a question names alone, without a day
// or a year, outside the spans taken: "die Wirtschaftsdelegation im
// April", "the April delegation", 10月那一场. A Latin month is written
// whole, as a name is, and does not begin the question: "May I ask …",
// "Jan Petersen", "the MAY report" name no month ("August Bebel" still
// does: "seit November Ihr Ansprechpartner" is a month before a word
// with a capital too). 月 after a number that counts times is none: 一月
// 一次 is once a month.
func yearlessMonths(text string, units []unit, taken []dateSpan) []dateSpan {
	var out []dateSpan
	for i, u := range units {
		if u.han || i == 0 || inSpan(u.start, taken) {
			continue
		}
		m, ok := corpus.MonthNamed(u.raw)
		if ok && (u.raw == corpus.MonthName(m, corpus.German) || u.raw == corpus.MonthName(m, corpus.English)) {
			out = append(out, dateSpan{date: corpus.Date{Month: m}, start: u.start, end: endOf(u)})
		}
	}
	for _, m := range chineseMonth.FindAllStringSubmatchIndex(text, -1) {
		if n := chineseNumber(text[m[2]:m[3]]); n >= 1 && n <= 12 && !inSpan(m[0], taken) && !countsTimes.MatchString(text[m[1]:]) {
			out = append(out, dateSpan{date: corpus.Date{Month: time.Month(n)}, start: m[0], end: m[1]})
		}
	}
	return out
}

// countsTimes begins a text with a number of times: the 一次 of 一月一次.
var countsTimes = regexp.MustCompile(`^[一二两三四五六七八九十几0-9]+次`)

// within reports whether d falls in the time asked: the same year, the
// same month if one is asked, and the same day if both give one.
func within(d, asked corpus.Date) bool {
	return d.Year == asked.Year &&
		(asked.Month == 0 || d.Month == asked.Month) &&
		(asked.Day == 0 || d.Day == 0 || d.Day == asked.Day)
}

// inSpan reports whether the byte offset i lies in one of the spans.
func inSpan(i int, spans []dateSpan) bool {
	return slices.ContainsFunc(spans, func(d dateSpan) bool { return i >= d.start && i < d.end })
}

// relativePeriod is a period a question names by its distance from the
// day it is asked: the week or month before it (offset -1), its own (0)
// or the one after it (1).
type relativePeriod struct {
	unit   periodUnit
	offset int
	words  cueList
}

// periodUnit is the length of a relative period.
type periodUnit int

const (
	week periodUnit = iota
	month
)

// relativePeriods are the periods message.yaml has words for, each
// unit's before, its own and after.
func relativePeriods() []relativePeriod {
	var out []relativePeriod
	for _, unit := range []periodUnit{week, month} {
		for _, offset := range []int{-1, 0, 1} {
			out = append(out, relativePeriod{unit: unit, offset: offset})
		}
	}
	return out
}

// name is the period's list in message.yaml: "last_week", "next_month".
func (p *relativePeriod) name() string {
	return [...]string{"last_", "this_", "next_"}[p.offset+1] + [...]string{"week", "month"}[p.unit]
}

// period is the days from one day to another, both included.
type period struct {
	from, to corpus.Date
}

// around is the period p names, seen from day: a week runs from Monday
// to Sunday. date is the month it is, or zero for a week.
func (p *relativePeriod) around(day time.Time) (span period, date corpus.Date) {
	day = dayOf(day)
	if p.unit == month {
		first := time.Date(day.Year(), day.Month()+time.Month(p.offset), 1, 0, 0, 0, 0, time.UTC)
		date = corpus.Date{Year: first.Year(), Month: first.Month()}
		return periodOf(date), date
	}
	first := mondayOf(day).AddDate(0, 0, 7*p.offset)
	return period{from: corpus.DateOf(first), to: corpus.DateOf(first.AddDate(0, 0, 6))}, corpus.Date{}
}

// dayOf is the day of t, at midnight UTC: what days are counted from.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// mondayOf is the Monday of the week of day: weeks run from Monday to
// Sunday.
func mondayOf(day time.Time) time.Time {
	return day.AddDate(0, 0, -(int(day.Weekday())+6)%7)
}

// periodOf is the days of a date: its day, or the days of its month.
func periodOf(d corpus.Date) period {
	if d.Day != 0 {
		return period{from: d, to: d}
	}
	first := time.Date(d.Year, d.Month, 1, 0, 0, 0, 0, time.UTC)
	return period{from: corpus.DateOf(first), to: corpus.DateOf(first.AddDate(0, 1, -1))}
}

// forDays says the period after "für", "for": "den 3. März 2019", "März
// 2019", "22.–28. Juni 2037".
func (p period) forDays(lang corpus.Lang) string {
	switch {
	case p.from == p.to:
		return forDate(lang, p.from)
	case p == periodOf(corpus.Date{Year: p.from.Year, Month: p.from.Month}):
		return forDate(lang, corpus.Date{Year: p.from.Year, Month: p.from.Month})
	}
	return p.from.FormatDays(p.to, lang)
}

// holds reports whether a date falls in the period, as far as it says: a
// month does if one of its days does.
func (p period) holds(d corpus.Date) bool {
	if p.from.Year == 0 {
		// A day asked without its year ("am 15. Mai") is that day of any.
		return d.Month == p.from.Month && d.Day == p.from.Day
	}
	return compareCoarse(d, p.from) >= 0 && compareCoarse(d, p.to) <= 0
}

// namesDayIn reports whether text, a sentence of a release published
// on the day given, names a date in one of the periods: one of dates
// (the days it names by their distance from the release's), one with its
// year, or a day without one, of the release's year or, more than half a
// year before the release, of the next (a release of 20 November on "14
// January" speaks of the next year's; one of June on "31. Dezember" of
// its own).
func namesDayIn(text string, published time.Time, periods []period, dates []corpus.Date) bool {
	if len(periods) == 0 {
		return false
	}
	dates = slices.Clone(dates)
	dated := findDates(text)
	for _, d := range dated {
		dates = append(dates, d.date)
	}
	for _, d := range yearlessSpans(text, dated) {
		dates = append(dates, yearOf(d.date, published))
	}
	return slices.ContainsFunc(periods, func(p period) bool { return slices.ContainsFunc(dates, p.holds) })
}

// yearOf is the day and month of d in the year of the day given, or in
// the next when that puts it more than half a year before the day.
func yearOf(d corpus.Date, day time.Time) corpus.Date {
	d.Year = day.Year()
	if day.Sub(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, day.Location())) > halfYear {
		d.Year++
	}
	return d
}

// halfYear is how far before a release a day without a year may lie and
// still be of its year.
const halfYear = 183 * 24 * time.Hour

// releaseDay is a day a release names by its distance from its own date,
// and where: "am kommenden Dienstag", 下周一, "in two weeks' time".
type releaseDay struct {
	start, end int
	// from is the day, seen from the release's.
	from func(published time.Time) time.Time
}

// date is the day of a release published on the day given.
func (d releaseDay) date(published time.Time) corpus.Date {
	return corpus.DateOf(d.from(dayOf(published)))
}

// daysAfter is the day n days after the release's.
func daysAfter(n int) func(time.Time) time.Time {
	return func(day time.Time) time.Time { return day.AddDate(0, 0, n) }
}

// nextWeekday is the first weekday wd after the release's day: "next
// Tuesday" in a release of a Tuesday is a week later.
func nextWeekday(wd time.Weekday) func(time.Time) time.Time {
	return func(day time.Time) time.Time { return day.AddDate(0, 0, (int(wd)-int(day.Weekday())+6)%7+1) }
}

// lastWeekday is the last day before the release's that is a wd.
func lastWeekday(wd time.Weekday) func(time.Time) time.Time {
	return func(day time.Time) time.Time { return day.AddDate(0, 0, -((int(day.Weekday())-int(wd)+6)%7 + 1)) }
}

// weekdayOfWeek is weekday wd of the release's week (weeks 0), of the
// week after it (1) or before it (-1).
func weekdayOfWeek(wd time.Weekday, weeks int) func(time.Time) time.Time {
	return func(day time.Time) time.Time { return mondayOf(day).AddDate(0, 0, 7*weeks+(int(wd)+6)%7) }
}

// maxCountedDays bounds a count of days or weeks from a release's date:
// "in 99999999999 weeks" is no day.
const maxCountedDays = 366

// releaseDates are the days a sentence of a release published on the
// day given names by their distance from it.
func (c *cues) releaseDates(text string, published time.Time) []corpus.Date {
	var dates []corpus.Date
	for _, d := range c.releaseDays(text) {
		dates = append(dates, d.date(published))
	}
	return dates
}

// releaseDays finds the days a sentence of a release names by their
// distance from its date (learn.yaml's weekdays, coming_day,
// day_next_week, counted_from_release and the others).
func (c *cues) releaseDays(text string) []releaseDay {
	var days []releaseDay
	units := segment(text)
	for i := 0; i < len(units); i++ {
		if d, n := c.latinReleaseDay(text, units, i); n > 0 {
			days = append(days, d)
			i += n - 1
		}
	}
	return append(days, c.chineseReleaseDays(text)...)
}

// latinReleaseDay is the day the Latin words of text from units[i] on
// name, and how many words they are; 0 if they name none.
func (c *cues) latinReleaseDay(text string, units []unit, i int) (releaseDay, int) {
	if units[i].han {
		return releaseDay{}, 0
	}
	// The words of a day are next to each other: not "on Tuesday; next
	// week the cities vote".
	adjacent := func(a, b int) bool {
		return b < len(units) && strings.Trim(text[rawEnd(text, units[a]):units[b].start], " '‘’\"“”„") == ""
	}
	span := func(n int, from func(time.Time) time.Time) (releaseDay, int) {
		start := units[i].start + strings.Index(text[units[i].start:], units[i].raw)
		return releaseDay{start: start, end: rawEnd(text, units[i+n-1]), from: from}, n
	}
	if n := c.comingDay.at(units, i); n > 0 && adjacent(i+n-1, i+n) {
		if wd, ok := c.weekdayAt(units, i+n); ok {
			return span(n+1, nextWeekday(wd))
		}
	}
	if n := c.pastDay.at(units, i); n > 0 && adjacent(i+n-1, i+n) && (i == 0 || c.pastDayEvery.at(units, i-1) == 0) {
		if wd, ok := c.weekdayAt(units, i+n); ok && (i+n+1 >= len(units) || c.pastDayWithin.at(units, i+n+1) == 0) {
			return span(n+1, lastWeekday(wd))
		}
	}
	if wd, ok := c.weekdayAt(units, i); ok && adjacent(i, i+1) {
		for _, week := range c.weeksFromRelease() {
			if n := week.words.at(units, i+1); n > 0 {
				return span(n+1, weekdayOfWeek(wd, week.weeks))
			}
		}
	}
	if n := c.countedFromRelease.at(units, i); n > 0 && i+n+1 < len(units) && adjacent(i+n, i+n+1) {
		count, ok := cardinalWords[units[i+n].key]
		if digits, err := strconv.Atoi(units[i+n].key); err == nil {
			count, ok = digits, true
		}
		// "in two weeks' time", not "in drei Wochen errichtet", which
		// says how long it took.
		if ok && count <= maxCountedDays/7 && c.weekUnits.at(units, i+n+1) > 0 && adjacent(i+n+1, i+n+2) {
			if m := c.countedAfter.at(units, i+n+2); m > 0 {
				return span(n+2+m, daysAfter(7*count))
			}
		}
	}
	return releaseDay{}, 0
}

// rawEnd is where unit u ends in text: its raw text, which segment may
// have trimmed of a leading apostrophe ("’next"), runs from its start on.
func rawEnd(text string, u unit) int {
	return u.start + strings.Index(text[u.start:], u.raw) + len(u.raw)
}

// weekdayAt is the weekday units[i] names, if any.
func (c *cues) weekdayAt(units []unit, i int) (time.Weekday, bool) {
	for wd := range c.weekdays {
		if c.weekdays[wd].at(units, i) == 1 {
			return time.Weekday(wd), true
		}
	}
	return 0, false
}

// weeksCounted is a list of words for a week and how many weeks after the
// release's it is.
type weeksCounted struct {
	words *cueList
	weeks int
}

// weeksFromRelease are the words for the release's week, the next and
// the last.
func (c *cues) weeksFromRelease() []weeksCounted {
	return []weeksCounted{{&c.dayNextWeek, 1}, {&c.dayThisWeek, 0}, {&c.dayLastWeek, -1}}
}

// chineseReleaseDays finds the days a Chinese text names by their
// distance from its release's: 下周二, 本周五, 三周后, 10天后.
func (c *cues) chineseReleaseDays(text string) []releaseDay {
	var days []releaseDay
	for wd := range c.weekdays {
		for _, span := range c.weekdays[wd].spans(text, nil) {
			before := text[:span[0]]
			if hasChineseSuffix(&c.dayWeekBreakers, before) || continuesWord(text, span[1]) {
				continue
			}
			for _, week := range c.weeksFromRelease() {
				if rest, ok := cutChineseSuffix(week.words, before); ok {
					days = append(days, releaseDay{start: len(rest), end: span[1], from: weekdayOfWeek(time.Weekday(wd), week.weeks)})
					break
				}
			}
		}
	}
	for _, unit := range []struct {
		words *cueList
		days  int
	}{{&c.weekUnits, 7}, {&c.dayUnits, 1}} {
		for _, span := range unit.words.spans(text, nil) {
			number := numeralsBefore(text[:span[0]])
			n := chineseNumber(number)
			k := slices.IndexFunc(c.countedAfter.chinese, func(w string) bool { return strings.HasPrefix(text[span[1]:], w) })
			if n > 0 && n <= maxCountedDays/unit.days && k >= 0 && c.countsFromRelease(text[:span[0]-len(number)]) {
				end := span[1] + len(c.countedAfter.chinese[k])
				days = append(days, releaseDay{start: span[0] - len(number), end: end, from: daysAfter(n * unit.days)})
			}
		}
	}
	return days
}

// continuesWord reports whether the Chinese character at end of text
// makes a word of the dictionaries with the one before it: the 日 of
// 上周日程 (last week's schedule) and the 四 of 上周四川 are no weekday's.
func continuesWord(text string, end int) bool {
	last, size := utf8.DecodeLastRuneInString(text[:end])
	next, _ := utf8.DecodeRuneInString(text[end:])
	return size > 0 && isHan(next) && bilingual.Embedded().Headword(string(last)+string(next), corpus.Chinese)
}

// countsFromRelease reports whether a Chinese count of weeks or days
// after before counts from the release's day: before is empty or ends
// with a punctuation mark or a space, or with a word of
// counted_from_release (将于两周后); not 会议结束两周后.
func (c *cues) countsFromRelease(before string) bool {
	last, _ := utf8.DecodeLastRuneInString(before)
	return before == "" || unicode.IsPunct(last) || unicode.IsSpace(last) || hasChineseSuffix(&c.countedFromRelease, before)
}

// numeralsBefore is the run of digits or Chinese numerals text ends with:
// the 三 of 三周后.
func numeralsBefore(text string) string {
	i := len(text)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if (r < '0' || r > '9') && !strings.ContainsRune(chineseDigits, r) {
			break
		}
		i -= size
	}
	return text[i:]
}

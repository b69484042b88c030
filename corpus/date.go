package corpus

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Date is a calendar date that may be known only to the month or the year,
// as sources often give them ("April 2016", "2019"). Zero fields are
// unknown; the zero Date is no date at all.
type Date struct {
	Year  int
	Month time.Month // 0 when only the year is known
	Day   int        // 0 when only the month is known
}

// DateOf returns the Date of t, to the day.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// ParseDate reads "2016", "2016-04" or "2016-04-25".
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, "-")
	if len(parts) > 3 || s == "" {
		return Date{}, fmt.Errorf("invalid date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var nums [3]int
	for i, p := range parts {
		// Digits only ("+4" is no month); 00 is no month or day (an
		// unknown one is left out).
		n, err := strconv.Atoi(p)
		if err != nil || strings.TrimLeft(p, "0123456789") != "" || (i > 0 && n == 0) {
			return Date{}, fmt.Errorf("invalid date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		nums[i] = n
	}
	d := Date{Year: nums[0], Month: time.Month(nums[1]), Day: nums[2]}
	if err := d.validate(); err != nil {
		return Date{}, fmt.Errorf("invalid date %q: %w", s, err)
	}
	return d, nil
}

func (d Date) validate() error {
	switch {
	case d.Year < 1900 || d.Year > 2999:
		return fmt.Errorf("year %d out of range", d.Year)
	case d.Month > 12 || (d.Month == 0 && d.Day != 0):
		return fmt.Errorf("month %d out of range", d.Month)
	case d.Day != 0 && d.Day != d.Time().Day():
		return fmt.Errorf("day %d out of range for %s %d", d.Day, d.Month, d.Year)
	}
	return nil
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// Time returns the first instant the date may stand for, in UTC.
func (d Date) Time() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = time.January
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, m, day, 0, 0, 0, 0, time.UTC)
}

// Before orders dates by the first instant they may stand for; a less
// precise date sorts before a precise one in the same period.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// String returns the ISO form: "2016", "2016-04" or "2016-04-25".
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

var monthNames = map[Lang][12]string{
	German:  {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	English: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// MonthName is the name of month m in lang, German or English: "März",
// "March".
func MonthName(m time.Month, lang Lang) string {
	names, ok := monthNames[lang]
	if !ok || m < time.January || m > time.December {
		return ""
	}
	return names[m-1]
}

// Format writes the date as a reader of lang expects it:
// "25. April 2016", "25 April 2016", "2016年4月25日"; a day without its
// year as "25. April", "25 April", "4月25日".
func (d Date) Format(lang Lang) string {
	yearless := d.Year == 0 && d.Month != 0 && d.Day != 0
	if d.IsZero() && !yearless {
		return ""
	}
	if lang == Chinese {
		switch {
		case d.Month == 0:
			return fmt.Sprintf("%d年", d.Year)
		case d.Day == 0:
			return fmt.Sprintf("%d年%d月", d.Year, d.Month)
		case yearless:
			return fmt.Sprintf("%d月%d日", d.Month, d.Day)
		}
		return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
	}
	if d.Month == 0 {
		return strconv.Itoa(d.Year)
	}
	names, ok := monthNames[lang]
	if !ok {
		names = monthNames[German]
	}
	month := names[d.Month-1]
	var day string
	switch {
	case d.Day == 0:
		return fmt.Sprintf("%s %d", month, d.Year)
	case lang == English:
		day = fmt.Sprintf("%d %s", d.Day, month)
	default:
		day = fmt.Sprintf("%d. %s", d.Day, month)
	}
	if yearless {
		return day
	}
	return fmt.Sprintf("%s %d", day, d.Year)
}

// FormatDays formats the days from d to last as lang writes them: "24.–25.
// April 2017", "24–25 April 2017", "2017年4月24日至25日"; d alone when last
// is not a later day.
func (d Date) FormatDays(last Date, lang Lang) string {
	if d.Day == 0 || last.Day == 0 || !d.Time().Before(last.Time()) {
		return d.Format(lang)
	}
	switch {
	case lang == Chinese && d.Year == last.Year && d.Month == last.Month:
		return fmt.Sprintf("%s至%d日", d.Format(lang), last.Day)
	case lang == Chinese && d.Year == last.Year:
		return fmt.Sprintf("%s至%d月%d日", d.Format(lang), last.Month, last.Day)
	case lang == Chinese:
		return d.Format(lang) + "至" + last.Format(lang)
	case d.Year == last.Year && d.Month == last.Month && lang == English:
		return fmt.Sprintf("%d–%s", d.Day, last.Format(lang))
	case d.Year == last.Year && d.Month == last.Month:
		return fmt.Sprintf("%d.–%s", d.Day, last.Format(lang))
	case d.Year == last.Year:
		return strings.TrimSuffix(d.Format(lang), " "+strconv.Itoa(d.Year)) + " – " + last.Format(lang)
	}
	return d.Format(lang) + " – " + last.Format(lang)
}

// UnmarshalYAML reads a date written as YYYY, YYYY-MM or YYYY-MM-DD. A bad
// date is reported with its line, and decoding goes on with the rest.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	parsed, err := ParseDate(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: invalid date %q: want YYYY, YYYY-MM or YYYY-MM-DD", n.Line, n.Value)}}
	}
	*d = parsed
	return nil
}

// MarshalText writes the ISO form; the zero Date is empty.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads what MarshalText writes.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	parsed, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

package corpus

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		iso  string // String(); "" with want zero: an error is expected
		msg  string // part of the error
	}{
		{in: "2016", want: Date{Year: 2016}, iso: "2016"},
		{in: "2016-04", want: Date{Year: 2016, Month: time.April}, iso: "2016-04"},
		{in: "2016-04-25", want: Date{Year: 2016, Month: time.April, Day: 25}, iso: "2016-04-25"},
		{in: " 2016-04-25\n", want: Date{Year: 2016, Month: time.April, Day: 25}, iso: "2016-04-25"},
		{in: "2020-02-29", want: Date{Year: 2020, Month: time.February, Day: 29}, iso: "2020-02-29"},
		{in: "2021-12-31", want: Date{Year: 2021, Month: time.December, Day: 31}, iso: "2021-12-31"},
		{in: "1900", want: Date{Year: 1900}, iso: "1900"},
		{in: "2999-12", want: Date{Year: 2999, Month: time.December}, iso: "2999-12"},

		{in: "2021-02-30", msg: "day 30 out of range for February 2021"},
		{in: "2021-02-29", msg: "day 29 out of range for February 2021"},
		{in: "2021-04-31", msg: "day 31 out of range for April 2021"},
		{in: "2021-01-32", msg: "day 32 out of range"},
		{in: "2021-13", msg: "month 13 out of range"},
		{in: "2021-13-01", msg: "month 13 out of range"},
		{in: "2021-00", msg: `invalid date "2021-00"`},
		{in: "2021-04-00", msg: `invalid date "2021-04-00"`},
		{in: "2021-00-00", msg: `invalid date "2021-00-00"`},
		{in: "", msg: `invalid date ""`},
		{in: "   ", msg: `invalid date ""`},
		{in: "abc", msg: `invalid date "abc"`},
		{in: "2021-", msg: `invalid date "2021-"`},
		{in: "-2021", msg: `invalid date "-2021"`},
		{in: "+2021", msg: `invalid date "+2021"`},
		{in: "2021-+4", msg: `invalid date "2021-+4"`},
		{in: "2021-04-25-1", msg: `invalid date "2021-04-25-1"`},
		{in: "2021/04/25", msg: `invalid date "2021/04/25"`},
		{in: "25.04.2021", msg: `invalid date "25.04.2021"`},
		{in: "April 2016", msg: `invalid date "April 2016"`},
		{in: "1899", msg: "year 1899 out of range"},
		{in: "3000", msg: "year 3000 out of range"},
		{in: "16-04-25", msg: "year 16 out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.msg != "" {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %v, want an error containing %q", tt.in, got, tt.msg)
				}
				if !strings.Contains(err.Error(), tt.msg) {
					t.Errorf("ParseDate(%q) error = %q, want it to contain %q", tt.in, err, tt.msg)
				}
				if !got.IsZero() {
					t.Errorf("ParseDate(%q) = %#v with an error, want the zero Date", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseDate(%q) = %#v, want %#v", tt.in, got, tt.want)
			}
			if s := got.String(); s != tt.iso {
				t.Errorf("String() = %q, want %q", s, tt.iso)
			}
			// The ISO form reads back as the same date.
			if back, err := ParseDate(got.String()); err != nil || back != got {
				t.Errorf("ParseDate(%q) = %#v, %v; want %#v", got.String(), back, err, got)
			}
		})
	}
}

func TestDateFormat(t *testing.T) {
	year := Date{Year: 2016}
	month := Date{Year: 2016, Month: time.April}
	day := Date{Year: 2016, Month: time.April, Day: 25}
	tests := []struct {
		date Date
		lang Lang
		want string
	}{
		{year, German, "2016"},
		{month, German, "April 2016"},
		{day, German, "25. April 2016"},
		{Date{Year: 2021, Month: time.March, Day: 3}, German, "3. März 2021"},
		{Date{Year: 2021, Month: time.December}, German, "Dezember 2021"},

		{year, English, "2016"},
		{month, English, "April 2016"},
		{day, English, "25 April 2016"},
		{Date{Year: 2021, Month: time.March, Day: 3}, English, "3 March 2021"},
		{Date{Year: 2021, Month: time.January}, English, "January 2021"},

		{year, Chinese, "2016年"},
		{month, Chinese, "2016年4月"},
		{day, Chinese, "2016年4月25日"},
		{Date{Year: 2021, Month: time.December, Day: 3}, Chinese, "2021年12月3日"},

		// Another language falls back to German.
		{day, Lang("fr"), "25. April 2016"},
		{month, "", "April 2016"},

		{Date{}, German, ""},
		{Date{}, English, ""},
		{Date{}, Chinese, ""},

		// A day without its year.
		{Date{Month: time.June, Day: 20}, German, "20. Juni"},
		{Date{Month: time.June, Day: 20}, English, "20 June"},
		{Date{Month: time.June, Day: 20}, Chinese, "6月20日"},
	}
	for _, tt := range tests {
		if got := tt.date.Format(tt.lang); got != tt.want {
			t.Errorf("%#v.Format(%q) = %q, want %q", tt.date, tt.lang, got, tt.want)
		}
	}
}

func TestDateFormatDays(t *testing.T) {
	day := func(y int, m time.Month, d int) Date { return Date{Year: y, Month: m, Day: d} }
	tests := []struct {
		first, last Date
		lang        Lang
		want        string
	}{
		{day(2017, time.April, 24), day(2017, time.April, 25), German, "24.–25. April 2017"},
		{day(2017, time.April, 24), day(2017, time.April, 25), English, "24–25 April 2017"},
		{day(2017, time.April, 24), day(2017, time.April, 25), Chinese, "2017年4月24日至25日"},
		{day(2028, time.April, 30), day(2028, time.May, 2), German, "30. April – 2. Mai 2028"},
		{day(2028, time.April, 30), day(2028, time.May, 2), English, "30 April – 2 May 2028"},
		{day(2028, time.April, 30), day(2028, time.May, 2), Chinese, "2028年4月30日至5月2日"},
		{day(2028, time.December, 31), day(2029, time.January, 1), Chinese, "2028年12月31日至2029年1月1日"},
		{day(2028, time.December, 31), day(2029, time.January, 1), English, "31 December 2028 – 1 January 2029"},
		// One day, no last day, a last day before the first, a month.
		{day(2017, time.April, 24), day(2017, time.April, 24), German, "24. April 2017"},
		{day(2017, time.April, 24), Date{}, English, "24 April 2017"},
		{day(2017, time.April, 24), day(2017, time.April, 20), Chinese, "2017年4月24日"},
		{Date{Year: 2018, Month: time.October}, day(2018, time.October, 20), German, "Oktober 2018"},
	}
	for _, tt := range tests {
		if got := tt.first.FormatDays(tt.last, tt.lang); got != tt.want {
			t.Errorf("%v.FormatDays(%v, %q) = %q, want %q", tt.first, tt.last, tt.lang, got, tt.want)
		}
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		date Date
		want string
	}{
		{Date{}, ""},
		{Date{Year: 2016}, "2016"},
		{Date{Year: 2016, Month: time.April}, "2016-04"},
		{Date{Year: 2016, Month: time.April, Day: 5}, "2016-04-05"},
		{Date{Year: 2016, Month: time.December, Day: 25}, "2016-12-25"},
	}
	for _, tt := range tests {
		if got := tt.date.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.date, got, tt.want)
		}
		text, err := tt.date.MarshalText()
		if err != nil || string(text) != tt.want {
			t.Errorf("%#v.MarshalText() = %q, %v; want %q", tt.date, text, err, tt.want)
		}
	}
	// JSON and YAML write the ISO form through MarshalText.
	j, err := json.Marshal(struct{ D Date }{Date{Year: 2016, Month: time.April}})
	if err != nil || string(j) != `{"D":"2016-04"}` {
		t.Errorf("json.Marshal = %s, %v; want {\"D\":\"2016-04\"}", j, err)
	}
	y, err := yaml.Marshal(struct {
		D Date `yaml:"d"`
	}{Date{Year: 2016, Month: time.April, Day: 25}})
	if err != nil || string(y) != "d: \"2016-04-25\"\n" && string(y) != "d: 2016-04-25\n" {
		t.Errorf("yaml.Marshal = %q, %v; want d: 2016-04-25", y, err)
	}
}

func TestDateBefore(t *testing.T) {
	d := func(s string) Date {
		t.Helper()
		date, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return date
	}
	tests := []struct {
		a, b Date
		want bool
	}{
		{d("2016"), d("2017"), true},
		{d("2017"), d("2016"), false},
		{d("2016"), d("2016"), false},
		{d("2016-04"), d("2016-05"), true},
		{d("2016-05"), d("2016-04"), false},
		{d("2016-04-25"), d("2016-04-26"), true},
		{d("2016-04-26"), d("2016-04-25"), false},
		{d("2016-04-25"), d("2016-04-25"), false},
		{d("2016-12-31"), d("2017"), true},
		{d("2017"), d("2016-12-31"), false},
		{d("2016-04-30"), d("2016-05"), true},
		// A less precise date sorts before a precise one in its period.
		{d("2016"), d("2016-01"), true},
		{d("2016-01"), d("2016"), false},
		{d("2016"), d("2016-01-01"), true},
		{d("2016-04"), d("2016-04-01"), true},
		{d("2016-04-01"), d("2016-04"), false},
		// No date sorts before every date.
		{Date{}, d("1900"), true},
		{d("1900"), Date{}, false},
		{Date{}, Date{}, false},
	}
	for _, tt := range tests {
		if got := tt.a.Before(tt.b); got != tt.want {
			t.Errorf("%q.Before(%q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDateTime(t *testing.T) {
	tests := []struct {
		date Date
		want time.Time
	}{
		{Date{Year: 2016}, time.Date(2016, time.January, 1, 0, 0, 0, 0, time.UTC)},
		{Date{Year: 2016, Month: time.April}, time.Date(2016, time.April, 1, 0, 0, 0, 0, time.UTC)},
		{Date{Year: 2016, Month: time.April, Day: 25}, time.Date(2016, time.April, 25, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		if got := tt.date.Time(); !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("%q.Time() = %v, want %v", tt.date, got, tt.want)
		}
	}
	berlin := time.FixedZone("CET", 3600)
	if got, want := DateOf(time.Date(2021, time.February, 11, 23, 30, 0, 0, berlin)), (Date{Year: 2021, Month: time.February, Day: 11}); got != want {
		t.Errorf("DateOf = %#v, want %#v (the date where the time is)", got, want)
	}
	if !(Date{}).IsZero() || (Date{Year: 2016}).IsZero() {
		t.Error("IsZero: want true for Date{} only")
	}
}

// TestDateYAML decodes Date fields as the data files hold them: unquoted
// years (an int to YAML), months and days (a timestamp to YAML), quoted
// strings; a bad value is reported with its line while the other fields
// still decode.
func TestDateYAML(t *testing.T) {
	type entry struct {
		Name string `yaml:"name"`
		AsOf Date   `yaml:"as_of"`
	}
	type doc struct {
		Year    Date    `yaml:"year"`
		Month   Date    `yaml:"month"`
		Day     Date    `yaml:"day"`
		Quoted  Date    `yaml:"quoted"`
		Missing Date    `yaml:"missing"`
		Null    Date    `yaml:"null"`
		Entries []entry `yaml:"entries"`
	}

	t.Run("good", func(t *testing.T) {
		src := "year: 2016\nmonth: 2016-04\nday: 2016-04-25\nquoted: \"2019-10\"\nnull:\nentries:\n  - {name: a, as_of: 2021}\n  - name: b\n    as_of: 2021-07\n"
		var got doc
		if err := yaml.Unmarshal([]byte(src), &got); err != nil {
			t.Fatal(err)
		}
		want := doc{
			Year:   Date{Year: 2016},
			Month:  Date{Year: 2016, Month: time.April},
			Day:    Date{Year: 2016, Month: time.April, Day: 25},
			Quoted: Date{Year: 2019, Month: time.October},
			Entries: []entry{
				{Name: "a", AsOf: Date{Year: 2021}},
				{Name: "b", AsOf: Date{Year: 2021, Month: time.July}},
			},
		}
		if !equalDocs(got, want) {
			t.Errorf("got %+v\nwant %+v", got, want)
		}
	})

	tests := []struct {
		name string
		src  string
		errs []string // each TypeError message, with its line
	}{
		{
			name: "bad month",
			src:  "year: 2016\nmonth: 2021-13\nday: 2016-04-25\n",
			errs: []string{`line 2: invalid date "2021-13": want YYYY, YYYY-MM or YYYY-MM-DD`},
		},
		{
			name: "impossible day",
			src:  "year: 2016\nday: 2021-02-30\n",
			errs: []string{`line 2: invalid date "2021-02-30"`},
		},
		{
			name: "text",
			src:  "day: 2016-04-25\nyear: abc\n",
			errs: []string{`line 2: invalid date "abc"`},
		},
		{
			name: "german form",
			src:  "day: 25.04.2016\n",
			errs: []string{`line 1: invalid date "25.04.2016"`},
		},
		{
			name: "a list",
			src:  "year: 2016\nday:\n  - 2016-04-25\n",
			errs: []string{`line 3: invalid date ""`},
		},
		{
			name: "in a list of entries",
			src:  "year: 2016\nentries:\n  - {name: a, as_of: 2021}\n  - name: b\n    as_of: 2021-13\n  - name: c\n    as_of: 2021-02-30\n",
			errs: []string{`line 5: invalid date "2021-13"`, `line 7: invalid date "2021-02-30"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got doc
			err := yaml.Unmarshal([]byte(tt.src), &got)
			te, ok := err.(*yaml.TypeError)
			if !ok {
				t.Fatalf("err = %v (%T), want a *yaml.TypeError", err, err)
			}
			if len(te.Errors) != len(tt.errs) {
				t.Fatalf("errors = %q, want %d", te.Errors, len(tt.errs))
			}
			for i, want := range tt.errs {
				if !strings.HasPrefix(te.Errors[i], want) {
					t.Errorf("error %d = %q, want it to start with %q", i, te.Errors[i], want)
				}
			}
			// The good values around the bad one still decode.
			if strings.Contains(tt.src, "year: 2016") && got.Year != (Date{Year: 2016}) {
				t.Errorf("Year = %#v, want 2016", got.Year)
			}
			if strings.Contains(tt.src, "day: 2016-04-25") && got.Day != (Date{Year: 2016, Month: time.April, Day: 25}) {
				t.Errorf("Day = %#v, want 2016-04-25", got.Day)
			}
			if strings.Contains(tt.src, "name: c") {
				if len(got.Entries) != 3 || got.Entries[0].AsOf != (Date{Year: 2021}) || !got.Entries[1].AsOf.IsZero() || got.Entries[2].Name != "c" {
					t.Errorf("Entries = %+v, want a, b (no date) and c", got.Entries)
				}
			}
		})
	}
}

func equalDocs[T any](a, b T) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(ja) == string(jb)
}

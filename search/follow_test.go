package search

import (
	"slices"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

func TestCityNamed(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		words, want string
		ok          bool
	}{
		{"Köln", "Köln", true},
		{"Cologne", "Köln", true},
		{"koeln", "Köln", true},
		{"科隆", "Köln", true},
		{" Black Forest Region ", "Region Schwarzwald", true},
		{"Wasserstoff", "", false},
		{"Köln und Bonn", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := e.CityNamed(tt.words)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CityNamed(%q) = %q, %v; want %q, %v", tt.words, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCitiesNamedAndAbout(t *testing.T) {
	e := testEngine(t)
	date := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	releases := map[string]*corpus.Release{
		"de-koeln": {ID: "de-koeln", Lang: corpus.German, Date: date, Place: "Berlin", Title: "Wasserstoffgipfel in Cologne",
			Body: []string{"Die Stadt Freiburg und 科隆 laden zum Gipfel ein."}},
		"en-hydrogen": {ID: "en-hydrogen", Lang: corpus.English, Date: date, Title: "Hydrogen partnership signed",
			Body: []string{"Delegates from Foshan signed a hydrogen agreement."}},
		"zh-hydrogen": {ID: "zh-hydrogen", Lang: corpus.Chinese, Date: date, Title: "氢能合作",
			Body: []string{"佛山代表团访问德国。"}},
		"de-other": {ID: "de-other", Lang: corpus.German, Date: date, Title: "Jugendcamp",
			Body: []string{"Schülerinnen und Schüler reisen nach China."}},
	}
	cities := map[string][]string{
		"de-koeln":    {"Berlin", "Freiburg", "Köln", "Region Schwarzwald"},
		"en-hydrogen": {"Foshan"},
		"zh-hydrogen": {"Foshan"},
		"de-other":    nil,
	}
	for id, want := range cities {
		got := e.CitiesNamed(releases[id])
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%s names %v, want %s among them", id, got, w)
			}
		}
		if slices.Contains(got, "Köln") != slices.Contains(want, "Köln") {
			t.Errorf("%s names %v, Köln wrongly", id, got)
		}
	}
	about := []struct {
		release, topic string
		want           bool
	}{
		{"de-koeln", "Wasserstoff", true},
		{"de-koeln", "wasserstoff", true},
		{"en-hydrogen", "Wasserstoff", true},
		{"en-hydrogen", "hydrogen", true},
		{"zh-hydrogen", "Wasserstoff", true},
		{"de-other", "Wasserstoff", false},
		{"de-other", "Jugendcamp", true},
		{"en-hydrogen", "", false},
	}
	for _, tt := range about {
		if got := e.About(releases[tt.release], tt.topic); got != tt.want {
			t.Errorf("About(%s, %q) = %v, want %v", tt.release, tt.topic, got, tt.want)
		}
	}
}

package corpus

import (
	"reflect"
	"testing"
	"time"
)

// TestWithoutTextKeepsAllButText: a Lazy directory's release keeps every
// field but its text, an embargo too; a field added to Release later is
// kept without anyone remembering to copy it.
func TestWithoutTextKeepsAllButText(t *testing.T) {
	r := Release{ID: "r", Date: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Place: "Foshan", Title: "T", Lang: German,
		Body: []string{"b"}, About: []string{"a"}, Contact: []string{"c"}, Source: "releases/r.md", URL: "https://example.org/r",
		Embargo: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)}
	got := withoutText(r)
	want := r
	want.Body, want.About, want.Contact = nil, nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("withoutText\n = %+v\nwant %+v", got, want)
	}
}

package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestEmbargoFrontMatter(t *testing.T) {
	const head = "---\ntitle: Gipfel\ndate: 2026-03-01\nlang: de\n"
	tests := []struct {
		name, front string
		want        time.Time
		err         string
	}{
		{"none", "", time.Time{}, ""},
		{"with offset", "embargo: 2026-03-01T10:00:00+01:00\n", time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), ""},
		{"quoted, UTC", "embargo: \"2026-03-01T09:00:00Z\"\n", time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), ""},
		{"no offset", "embargo: 2026-03-01T10:00:00\n", time.Time{}, "x.md:5: embargo \"2026-03-01T10:00:00\": want a time with its offset"},
		{"a day", "embargo: 2026-03-01\n", time.Time{}, "x.md:5: embargo"},
	}
	for _, tt := range tests {
		r, err := ParseRelease("x.md", []byte(head+tt.front+"---\nText.\n"))
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.err == "" && !r.Embargo.Equal(tt.want):
			t.Errorf("%s: embargo %v, want %v", tt.name, r.Embargo, tt.want)
		}
	}
	r := Release{Embargo: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	if !r.Embargoed(r.Embargo.Add(-time.Second)) || r.Embargoed(r.Embargo) {
		t.Error("embargoed until, and not at, its time")
	}
}

// TestEmbargoLazy checks that a release loaded without its text keeps
// its embargo: the start drops it by that.
func TestEmbargoLazy(t *testing.T) {
	dir := t.TempDir()
	const file = "---\ntitle: Gipfel\ndate: 2026-03-01\nlang: de\nembargo: 2026-03-01T10:00:00+01:00\n---\nText.\n"
	if err := os.MkdirAll(filepath.Join(dir, ReleasesDir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ReleasesDir, "gipfel.md"), []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	d := OSDir(dir)
	d.Lazy = true
	data, problems := Load(d)
	if len(problems) > 0 || len(data.Releases) != 1 {
		t.Fatal(problems, data.Releases)
	}
	if r := data.Releases[0]; r.HasText() || !r.Embargo.Equal(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("loaded without text: embargo %v, text %v", r.Embargo, r.HasText())
	}
}

package corpus

import "testing"

func TestCorrectionFrontMatter(t *testing.T) {
	const head = "---\ntitle: Gipfel\ndate: 2026-03-01\nlang: de\n"
	tests := []struct{ name, front, want string }{
		{"none", "", ""},
		{"quoted", "correction: \"Es waren zwölf Städte,  nicht elf.\"\n", "Es waren zwölf Städte, nicht elf."},
		{"empty", "correction:\n", ""},
	}
	for _, tt := range tests {
		r, err := ParseRelease("x.md", []byte(head+tt.front+"---\nText.\n"))
		if err != nil || r.Correction != tt.want {
			t.Errorf("%s: %q, %v; want %q", tt.name, r.Correction, err, tt.want)
		}
	}
}

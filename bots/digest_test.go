package bots

import (
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

func TestParseDigest(t *testing.T) {
	tests := []struct {
		args     string
		at, zone string // "" for off
		err      string // what the chat is told, in part
	}{
		{"08:00", "08:00", "Europe/Berlin", ""},
		{"8:05", "08:05", "Europe/Berlin", ""},
		{"23:59 Asia/Shanghai", "23:59", "Asia/Shanghai", ""},
		{"OFF", "", "", ""},
		{"24:00", "", "", "Mit /digest 08:00"},
		{"8", "", "", "Mit /digest 08:00"},
		{"08:00 Asia/Shanghai extra", "", "", "Mit /digest 08:00"},
		{"", "", "", "Mit /digest 08:00"},
		{"08:00 Mars/Olympus", "", "", "„Mars/Olympus“"},
		{"08:00 Local", "", "", "„Local“"},
		{"08:00 ../../etc/passwd", "", "", "„../../etc/passwd“"},
		{"08:00 " + strings.Repeat("A", 500), "", "", "…“"},
	}
	texts := TextsFor(corpus.German).Digest
	for _, tt := range tests {
		d, err := ParseDigest(tt.args, corpus.English)
		switch {
		case tt.err != "":
			if msg := DigestError(texts, tt.args, err); err == nil || !strings.Contains(msg, tt.err) || len([]rune(msg)) > 400 {
				t.Errorf("ParseDigest(%q) = %+v, %v, told %q; want %q", tt.args, d, err, msg, tt.err)
			}
		case err != nil:
			t.Errorf("ParseDigest(%q): %v", tt.args, err)
		case tt.at == "" && d != nil:
			t.Errorf("ParseDigest(%q) = %+v; want off", tt.args, d)
		case tt.at != "" && (d == nil || d.At != tt.at || d.Zone != tt.zone || d.Lang != corpus.English):
			t.Errorf("ParseDigest(%q) = %+v; want %s %s", tt.args, d, tt.at, tt.zone)
		}
	}
}

func TestLastDue(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	tests := []struct {
		name string
		d    store.Digest
		now  time.Time
		want time.Time
	}{
		{"after today's hour", store.Digest{At: "08:00", Zone: "Europe/Berlin"},
			time.Date(2026, 3, 2, 9, 0, 0, 0, berlin), time.Date(2026, 3, 2, 8, 0, 0, 0, berlin)},
		{"before it: yesterday's", store.Digest{At: "08:00", Zone: "Europe/Berlin"},
			time.Date(2026, 3, 2, 7, 59, 0, 0, berlin), time.Date(2026, 3, 1, 8, 0, 0, 0, berlin)},
		{"at it", store.Digest{At: "08:00", Zone: "Europe/Berlin"},
			time.Date(2026, 3, 2, 8, 0, 0, 0, berlin), time.Date(2026, 3, 2, 8, 0, 0, 0, berlin)},
		{"another zone", store.Digest{At: "08:00", Zone: "Asia/Shanghai"},
			time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC), time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)},
		{"summer time begins", store.Digest{At: "08:00", Zone: "Europe/Berlin"},
			time.Date(2026, 3, 29, 12, 0, 0, 0, time.UTC), time.Date(2026, 3, 29, 6, 0, 0, 0, time.UTC)},
	}
	zones := Zones{}
	for _, tt := range tests {
		if got, ok := zones.LastDue(tt.d, tt.now); !ok || !got.Equal(tt.want) {
			t.Errorf("%s: LastDue = %v, %v; want %v", tt.name, got, ok, tt.want)
		}
	}
	for _, bad := range []store.Digest{{At: "8 Uhr", Zone: "UTC"}, {At: "08:00", Zone: "Nowhere/Else"}} {
		if _, ok := zones.LastDue(bad, time.Now()); ok {
			t.Errorf("LastDue(%+v) read a digest it cannot", bad)
		}
	}
}

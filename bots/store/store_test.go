package store

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

func TestClaimUpdate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		platform, id string
		want         bool
	}{
		{"telegram", "10", true},
		{"telegram", "10", false},
		{"telegram", "12", true},
		{"slack", "10", true}, // platforms do not share ids
		{"slack", "Ev123", true},
		{"slack", "Ev123", false},
	} {
		got, err := s.ClaimUpdate(tt.platform, tt.id)
		if err != nil || got != tt.want {
			t.Errorf("ClaimUpdate(%s, %s) = %v, %v; want %v", tt.platform, tt.id, got, err, tt.want)
		}
	}
	// A claim given up is claimed anew.
	if err := s.ReleaseUpdate("telegram", "12"); err != nil {
		t.Fatal(err)
	}
	if first, err := s.ClaimUpdate("telegram", "12"); !first || err != nil {
		t.Errorf("ClaimUpdate after ReleaseUpdate = %v, %v", first, err)
	}
	if err := s.ReleaseUpdate("line", "1"); err != nil {
		t.Errorf("ReleaseUpdate of a platform never seen: %v", err)
	}

	// Another process cannot open the file while it is held.
	if _, err := Open(path); !errors.Is(err, ErrLocked) {
		t.Errorf("second Open: %v, want ErrLocked", err)
	}

	// After a restart the claims are still there.
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if first, _ := s.ClaimUpdate("telegram", "10"); first {
		t.Error("claim forgotten across restart")
	}

	// Claims older than the memory are forgotten on the next open.
	s.now = func() time.Time { return time.Now().Add(updateMemory + time.Hour) }
	if err := s.forgetOldUpdates(); err != nil {
		t.Fatal(err)
	}
	if first, _ := s.ClaimUpdate("telegram", "10"); !first {
		t.Error("old claim not forgotten")
	}
}

func TestChatLang(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.ChatLang("telegram", "42"); ok {
		t.Error("language before any was set")
	}
	if err := s.SetChatLang("telegram", "42", corpus.Chinese); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, _ = Open(path)
	defer s.Close()
	if lang, ok := s.ChatLang("telegram", "42"); !ok || lang != corpus.Chinese {
		t.Errorf("ChatLang = %q, %v", lang, ok)
	}
	if _, ok := s.ChatLang("slack", "42"); ok {
		t.Error("language leaked across platforms")
	}
}

func TestRememberRecall(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	long := "Künstliche Intelligenz E-Mobilität autonomes Fahren automatisierte Produktion"
	key, err := s.Remember(long)
	if err != nil || len(key) > 16 {
		t.Fatalf("Remember = %q, %v", key, err)
	}
	if again, _ := s.Remember(long); again != key {
		t.Errorf("the same value got another key: %q, %q", again, key)
	}
	if got, ok := s.Recall(key); !ok || got != long {
		t.Errorf("Recall = %q, %v", got, ok)
	}
	if _, ok := s.Recall("unknown"); ok {
		t.Error("Recall of an unknown key succeeded")
	}
}

package store

import (
	"path/filepath"
	"testing"
)

func TestPauseHoldsDeliveries(t *testing.T) {
	// A paused chat's deliveries, owed and announced later, wait apart
	// from the outbox, through a restart, and come back once, in order,
	// when it resumes for the reason it was paused; others go on.
	path := filepath.Join(t.TempDir(), "state.db")
	s := openSubscribed(t, path, 2) // telegram 100 and 101
	if _, _, err := s.Announce(testRelease("a"), "print-a", nil); err != nil {
		t.Fatal(err)
	}
	if paused, err := s.Pause("telegram", "100", "archived"); err != nil || !paused {
		t.Fatalf("Pause: %v %v", paused, err)
	}
	if paused, _ := s.Pause("telegram", "100", "uninstalled"); paused {
		t.Error("a paused chat was paused again")
	}
	created, _, err := s.Announce(testRelease("b"), "print-b", nil)
	if err != nil || len(created) != 1 || created[0].Chat != "101" {
		t.Fatalf("announced while paused: %+v %v", created, err)
	}
	pending, _ := s.Pending()
	for _, d := range pending {
		if d.Chat == "100" {
			t.Errorf("a paused chat's delivery is in the outbox: %+v", d)
		}
		if owed, _ := s.Owed(d); !owed {
			t.Errorf("not owed: %+v", d)
		}
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if r, ok, _ := s.KeptRelease("b"); !ok || r.ID != "b" {
		t.Error("the release held for a paused chat was not kept")
	}

	for _, tt := range []struct {
		reason string
		want   []string // the releases back in the outbox
	}{
		{"uninstalled", nil},
		{"archived", []string{"a", "b"}},
		{"archived", nil},
	} {
		back, err := s.Resume("telegram", "100", tt.reason)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range back {
			got = append(got, d.Release)
			if owed, _ := s.Owed(d); !owed {
				t.Errorf("resumed but not owed: %+v", d)
			}
		}
		if len(got) != len(tt.want) || len(got) > 0 && (got[0] != tt.want[0] || got[1] != tt.want[1]) {
			t.Errorf("Resume(%s): %v, want %v", tt.reason, got, tt.want)
		}
	}
	if sub, ok, _ := s.Subscription("telegram", "100"); !ok || sub.Paused != "" {
		t.Errorf("after resuming: %+v %v", sub, ok)
	}
}

func TestUnsubscribeDropsHeldAndRename(t *testing.T) {
	s := openSubscribed(t, filepath.Join(t.TempDir(), "state.db"), 1)
	s.Pause("telegram", "100", "archived")
	s.Announce(testRelease("a"), "print-a", nil)
	if err := s.Rename("telegram", "100", "#neu"); err != nil {
		t.Fatal(err)
	}
	if sub, _, _ := s.Subscription("telegram", "100"); sub.Title != "#neu" || sub.Paused != "archived" {
		t.Errorf("renamed: %+v", sub)
	}
	if removed, _ := s.Unsubscribe("telegram", "100"); !removed {
		t.Fatal("not unsubscribed")
	}
	s.Subscribe(Subscription{Platform: "telegram", Chat: "100"})
	if back, _ := s.Resume("telegram", "100", "archived"); len(back) != 0 {
		t.Errorf("held deliveries outlived the subscription: %+v", back)
	}
}

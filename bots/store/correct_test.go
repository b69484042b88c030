package store

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestCorrectionsAreQueuedAndKept(t *testing.T) {
	// A changed release queues a correction of each announcement sent,
	// none for one still waiting or for a chat that left; the outbox
	// keeps them through a restart; a message maps to its release.
	path := filepath.Join(t.TempDir(), "state.db")
	s := openSubscribed(t, path, 4) // chats 100..103
	r := testRelease("fix-1")
	ds, _, err := s.Announce(r, "print-fix", nil)
	if err != nil || len(ds) != 4 {
		t.Fatalf("Announce: %d, %v", len(ds), err)
	}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	if cs, err := s.Correct(r, at); len(cs) != 0 || err != nil {
		t.Fatalf("the first version queued %+v, %v", cs, err)
	}
	for i, d := range ds[:3] {
		if _, err := s.Delivered(d, "4"+string(rune('0'+i))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Unsubscribe("telegram", "102"); err != nil {
		t.Fatal(err)
	}
	if cs, err := s.Correct(r, at); len(cs) != 0 || err != nil {
		t.Fatalf("the same version queued %+v, %v", cs, err)
	}
	fixed := *r
	fixed.Source = "elsewhere.md"
	if cs, err := s.Correct(&fixed, at); len(cs) != 0 || err != nil {
		t.Fatalf("the same text from elsewhere queued %+v, %v", cs, err)
	}
	fixed.Correction = "Chemnitz, nicht Zwickau."
	cs, err := s.Correct(&fixed, at)
	if err != nil || len(cs) != 2 {
		t.Fatalf("Correct: %+v, %v; want chats 100 and 101", cs, err)
	}
	for i, c := range cs {
		want := Delivery{Seq: c.Seq, Release: r.ID, Platform: "telegram", Chat: "10" + string(rune('0'+i)),
			Kind: KindCorrection, Message: "4" + string(rune('0'+i)), Note: fixed.Correction, At: at}
		if !reflect.DeepEqual(c, want) {
			t.Errorf("correction %d = %+v, want %+v", i, c, want)
		}
	}
	s.Close()
	s = openSubscribed(t, path, 0)
	pending, err := s.Pending()
	if err != nil || len(pending) != 3 { // the announcement to 103 and two corrections
		t.Fatalf("Pending after a restart: %+v, %v", pending, err)
	}
	if !reflect.DeepEqual(pending[1:], cs) {
		t.Errorf("Pending = %+v, want %+v after the announcement", pending, cs)
	}
	if kept, ok, _ := s.KeptRelease(r.ID); !ok || kept.Correction != fixed.Correction {
		t.Errorf("the outbox kept %+v, want the corrected release", kept)
	}
	if id, ok := s.MessageRelease("telegram", "101", "41"); !ok || id != r.ID {
		t.Errorf("MessageRelease = %q, %v", id, ok)
	}
	if _, ok := s.MessageRelease("telegram", "101", "40"); ok {
		t.Error("a message of another chat maps to a release")
	}
	// A correction replied: the reply maps to the release, and a second
	// correction still edits the announcement.
	if _, err := s.Delivered(cs[0], "99"); err != nil {
		t.Fatal(err)
	}
	if id, ok := s.MessageRelease("telegram", "100", "99"); !ok || id != r.ID {
		t.Errorf("the reply maps to %q, %v", id, ok)
	}
	fixed.Correction = "Und Plauen."
	if again, err := s.Correct(&fixed, at); err != nil || len(again) != 2 || again[0].Message != "40" {
		t.Errorf("a second correction: %+v, %v", again, err)
	}
}

package store

import (
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestDigestCollectsUntilItsHour(t *testing.T) {
	// A digest chat's announcements wait, counted as waiting, until its
	// hour; then one digest lists them, once, through a restart; a
	// correction of a release it listed answers the digest.
	path := filepath.Join(t.TempDir(), "state.db")
	s := openSubscribed(t, path, 1) // chat 100 gets each release
	day1 := time.Date(2026, 3, 2, 7, 0, 0, 0, time.UTC)
	if _, ok, err := s.SetDigest(Subscription{Platform: "telegram", Chat: "7"}, &Digest{At: "08:00", Zone: "UTC"}); err != nil || !ok {
		t.Fatalf("SetDigest: %v %v", ok, err)
	}
	due := day1
	dueAt := func(Subscription) (time.Time, bool) { return due, true }
	if ds, err := s.MakeDigests(dueAt); err != nil || len(ds) != 0 {
		t.Fatalf("a digest just chosen: %+v %v", ds, err)
	}
	r1, r2 := testRelease("r1"), testRelease("r2")
	for _, r := range []string{"r1", "r2"} {
		ds, _, err := s.Announce(testRelease(r), r, nil)
		if err != nil || len(ds) != 1 || ds[0].Chat != "100" {
			t.Fatalf("Announce %s: %+v %v; want chat 100 only now", r, ds, err)
		}
	}
	if report, _ := s.Deliveries(); len(report) != 2 || report[0].Pending != 2 || report[1].Pending != 2 {
		t.Errorf("Deliveries = %+v; want two waiting for each release", report)
	}
	if settled, _ := s.SettledFanOuts(); len(settled) != 0 {
		t.Errorf("settled %v while the digest waits", settled)
	}
	if ds, err := s.MakeDigests(dueAt); err != nil || len(ds) != 0 {
		t.Fatalf("a digest before its hour: %+v %v", ds, err)
	}
	due = day1.Add(25 * time.Hour)
	ds, err := s.MakeDigests(dueAt)
	if err != nil || len(ds) != 1 || ds[0].Kind != KindDigest || !slices.Equal(ds[0].Releases, []string{"r1", "r2"}) || !ds[0].At.Equal(due) {
		t.Fatalf("MakeDigests = %+v, %v; want one digest of r1 and r2", ds, err)
	}
	if again, _ := s.MakeDigests(dueAt); len(again) != 0 {
		t.Errorf("the digest was made twice: %+v", again)
	}
	s.Close()
	s = openSubscribed(t, path, 0)
	pending, _ := s.Pending()
	i := slices.IndexFunc(pending, func(d Delivery) bool { return d.Kind == KindDigest })
	if i < 0 {
		t.Fatalf("the digest is not in the outbox after a restart: %+v", pending)
	}
	if _, ok, _ := s.KeptRelease("r2"); !ok {
		t.Error("the release a digest waits to list was not kept")
	}
	if _, err := s.Delivered(pending[i], "77"); err != nil {
		t.Fatal(err)
	}
	if _, about := s.MessageRelease("telegram", "7", "77"); about {
		t.Error("a digest was taken for one release's message")
	}
	fixed := *r1
	fixed.Correction = "Chemnitz."
	s.Correct(r1, day1)
	cs, err := s.Correct(&fixed, day1)
	if err != nil || len(cs) != 1 || cs[0].Chat != "7" || !cs[0].Digest || cs[0].Message != "77" {
		t.Fatalf("Correct: %+v, %v; want the digest answered, nothing to chat 100, which has not had it", cs, err)
	}
	s.Correct(r2, day1)
	if _, err := s.Delivered(Delivery{Seq: 1, Release: "r2", Platform: "telegram", Chat: "100"}, "5"); err != nil {
		t.Fatal(err)
	}
	changed := *r2
	changed.Title = "Neu"
	cs, err = s.Correct(&changed, day1)
	if err != nil || len(cs) != 2 {
		t.Fatalf("Correct: %+v, %v; want chat 100's announcement and the digest", cs, err)
	}
	for _, c := range cs {
		if wantDigest := c.Chat == "7"; c.Digest != wantDigest || (wantDigest && c.Message != "77") {
			t.Errorf("correction %+v: digest %v", c, wantDigest)
		}
	}
}

func TestDigestOffSendsWhatWasCollected(t *testing.T) {
	s := openSubscribed(t, filepath.Join(t.TempDir(), "state.db"), 0)
	digest := &Digest{At: "08:00", Zone: "UTC"}
	if _, ok, _ := s.SetDigest(Subscription{Platform: "slack", Chat: "C1"}, nil); ok {
		t.Error("turning off the digest of a chat not subscribed subscribed it")
	}
	s.SetDigest(Subscription{Platform: "slack", Chat: "C1"}, digest)
	s.Announce(testRelease("r1"), "r1", nil)
	sub, ok, err := s.SetDigest(Subscription{Platform: "slack", Chat: "C1"}, nil)
	if err != nil || !ok || sub.Digest != nil {
		t.Fatalf("SetDigest(nil) = %+v %v %v", sub, ok, err)
	}
	back, err := s.MakeDigests(func(Subscription) (time.Time, bool) { return time.Now(), true })
	if err != nil || len(back) != 1 || back[0].Release != "r1" || back[0].Kind != KindAnnouncement {
		t.Fatalf("MakeDigests = %+v %v; want r1 back as an announcement", back, err)
	}
	if pending, _ := s.Pending(); len(pending) != 1 {
		t.Errorf("Pending = %+v", pending)
	}
}

func TestDigestGivenUpCountsEachRelease(t *testing.T) {
	s := openSubscribed(t, filepath.Join(t.TempDir(), "state.db"), 0)
	s.SetDigest(Subscription{Platform: "slack", Chat: "C1"}, &Digest{At: "08:00", Zone: "UTC"})
	now := time.Now()
	due := func(Subscription) (time.Time, bool) { return now, true }
	s.MakeDigests(due)
	s.Announce(testRelease("r1"), "r1", nil)
	s.Announce(testRelease("r2"), "r2", nil)
	now = now.Add(24 * time.Hour)
	ds, err := s.MakeDigests(due)
	if err != nil || len(ds) != 1 {
		t.Fatalf("MakeDigests: %+v %v", ds, err)
	}
	if err := s.GiveUp(ds[0], Failed, "too long"); err != nil {
		t.Fatal(err)
	}
	report, _ := s.Deliveries()
	if len(report) != 2 || report[0].Failed != 1 || report[1].Failed != 1 || report[0].Pending+report[1].Pending != 0 {
		t.Errorf("Deliveries = %+v; want each release failed once", report)
	}
}

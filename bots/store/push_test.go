package store

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/isa-alliance/isabot/corpus"
)

func testRelease(id string) *corpus.Release {
	return &corpus.Release{
		ID: id, Date: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), Title: "Testmeldung " + id, Lang: corpus.German,
		Body: []string{"Eine Delegation besucht Chemnitz."}, Source: "https://isabot.example/feed.xml", URL: "https://isabot.example/feed/1",
	}
}

func openSubscribed(t *testing.T, path string, chats int) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for i := range chats {
		if _, err := s.Subscribe(Subscription{Platform: "telegram", Chat: strconv.Itoa(100 + i)}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestOutboxKeepsTheRelease(t *testing.T) {
	// The outbox keeps the release it delivers, through a restart, and
	// forgets it once every delivery is made.
	path := filepath.Join(t.TempDir(), "state.db")
	s := openSubscribed(t, path, 2)
	r := testRelease("feed-1")
	ds, _, err := s.Announce(r, "print-1", nil)
	if err != nil || len(ds) != 2 {
		t.Fatalf("Announce: %d, %v", len(ds), err)
	}
	s.Close()
	s = openSubscribed(t, path, 0)
	kept, ok, err := s.KeptRelease(r.ID)
	if err != nil || !ok || !reflect.DeepEqual(kept, r) {
		t.Fatalf("KeptRelease = %+v, %v, %v; want %+v", kept, ok, err, r)
	}
	if all, err := s.KeptReleases(); err != nil || len(all) != 1 || all[0].ID != r.ID {
		t.Errorf("KeptReleases = %+v, %v", all, err)
	}
	for _, d := range ds {
		if _, err := s.Delivered(d, ""); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = openSubscribed(t, path, 0)
	if _, ok, _ := s.KeptRelease(r.ID); ok {
		t.Error("the release is kept after its last delivery")
	}
	// Nobody to deliver to: nothing kept.
	s = openSubscribed(t, filepath.Join(t.TempDir(), "state.db"), 0)
	if _, _, err := s.Announce(testRelease("feed-2"), "print-2", nil); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.KeptRelease("feed-2"); ok {
		t.Error("a release without subscribers is kept")
	}
}

func TestDeliveriesReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s := openSubscribed(t, path, 4)
	first, _, _ := s.Announce(testRelease("r1"), "p1", nil)
	second, _, _ := s.Announce(testRelease("r2"), "p2", nil)
	if _, err := s.Delivered(first[0], ""); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		d     Delivery
		state DeliveryState
	}{
		{first[1], Failed},
		{first[2], Abandoned},
		{second[0], Abandoned},
	} {
		if err := s.GiveUp(tt.d, tt.state, "because"); err != nil {
			t.Fatal(err)
		}
	}
	// A delivery the outbox no longer holds (its chat unsubscribed, and
	// what was owed to it with it) is not reported.
	if _, err := s.Unsubscribe("telegram", second[3].Chat); err != nil {
		t.Fatal(err)
	}
	if err := s.GiveUp(second[3], Failed, "because"); err != nil {
		t.Fatal(err)
	}

	report, err := s.Deliveries()
	if err != nil {
		t.Fatal(err)
	}
	type counts struct {
		release, title                      string
		pending, failed, abandoned, givenUp int
	}
	var got []counts
	for _, r := range report {
		got = append(got, counts{r.Release, r.Title, r.Pending, r.Failed, r.Abandoned, len(r.Undelivered)})
		for _, u := range r.Undelivered {
			if u.Release != r.Release || u.Title != r.Title || u.Cause != "because" || u.At.IsZero() {
				t.Errorf("given up: %+v", u)
			}
		}
	}
	want := []counts{
		{"r1", "Testmeldung r1", 0, 1, 1, 2},
		{"r2", "Testmeldung r2", 2, 0, 1, 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("report\n got %+v\nwant %+v", got, want)
	}

	// Deliveries given up are reported after a restart, then forgotten
	// with time.
	s.Close()
	s = openSubscribed(t, path, 0)
	if report, _ := s.Deliveries(); len(report) != 2 || len(report[0].Undelivered) != 2 {
		t.Errorf("after a restart: %+v", report)
	}
	s.now = func() time.Time { return time.Now().Add(undeliveredMemory + time.Hour) }
	if err := s.forgetSettled(); err != nil {
		t.Fatal(err)
	}
	if report, _ := s.Deliveries(); len(report) != 1 || report[0].Release != "r2" || len(report[0].Undelivered) != 0 || report[0].Pending != 2 {
		t.Errorf("after the memory: %+v", report)
	}
}

func TestOpenAnOldOutbox(t *testing.T) {
	// A state file from before the outbox kept releases opens, and its
	// deliveries are still owed and reported.
	path := filepath.Join(t.TempDir(), "state.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range []string{"updates", "offsets", "langs", "tokens", "subscriptions", "announced", "fingerprints", "outbox", "meta", "feeds"} {
			if _, err := tx.CreateBucket([]byte(name)); err != nil {
				return err
			}
		}
		sub, _ := json.Marshal(Subscription{Platform: "telegram", Chat: "100"})
		if err := tx.Bucket([]byte("subscriptions")).Put(subKey("telegram", "100"), sub); err != nil {
			return err
		}
		d, _ := json.Marshal(map[string]string{"release": "feed-old", "platform": "telegram", "chat": "100"})
		return tx.Bucket([]byte("outbox")).Put(seqKey(7), d)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	s := openSubscribed(t, path, 0)
	pending, err := s.Pending()
	if want := []Delivery{{Seq: 7, Release: "feed-old", Platform: "telegram", Chat: "100"}}; err != nil || !reflect.DeepEqual(pending, want) {
		t.Fatalf("Pending = %+v, %v", pending, err)
	}
	if _, ok, err := s.KeptRelease("feed-old"); ok || err != nil {
		t.Errorf("KeptRelease of an old delivery: %v, %v", ok, err)
	}
	if report, err := s.Deliveries(); err != nil || len(report) != 1 || report[0].Pending != 1 || report[0].Title != "" {
		t.Errorf("Deliveries = %+v, %v", report, err)
	}
	if err := s.GiveUp(pending[0], Abandoned, "gone"); err != nil {
		t.Fatal(err)
	}
	if report, _ := s.Deliveries(); len(report) != 1 || report[0].Abandoned != 1 || report[0].Pending != 0 {
		t.Errorf("after giving up: %+v", report)
	}
}

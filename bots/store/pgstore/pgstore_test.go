package pgstore_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/pgstore"
	"github.com/isa-alliance/isabot/bots/store/pgstore/pgtest"
	"github.com/isa-alliance/isabot/bots/store/storetest"
	"github.com/isa-alliance/isabot/corpus"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		url := pgtest.Database(t)
		return func(now func() time.Time) (store.State, error) {
			return pgstore.Open(context.Background(), url, pgstore.WithClock(now))
		}
	})
}

func TestMigrateOnce(t *testing.T) {
	url := pgtest.Database(t)
	ctx := context.Background()
	pool, err := pgstore.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	applied, err := pgstore.Migrate(ctx, pool)
	if err != nil || len(applied) == 0 || applied[0] != "0001_state.sql" {
		t.Fatalf("first Migrate: %v, %v", applied, err)
	}
	if again, err := pgstore.Migrate(ctx, pool); err != nil || len(again) != 0 {
		t.Errorf("second Migrate applied %v, %v", again, err)
	}
	// A database migrated by a newer isabot is refused, not damaged.
	if _, err := pool.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future.sql')`); err != nil {
		t.Fatal(err)
	}
	if _, err := pgstore.Migrate(ctx, pool); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Migrate of a newer schema: %v", err)
	}
}

func TestOpenHidesThePassword(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, url := range []string{
		"postgres://isabot:s3cr3t-pw@127.0.0.1:1/isabot?sslmode=disable",
		"postgres://isabot:s3cr3t-pw@127.0.0.1:5432/isabot?sslmode=nonsense",
	} {
		_, err := pgstore.Open(ctx, url)
		if err == nil || strings.Contains(err.Error(), "s3cr3t-pw") {
			t.Errorf("Open(%s): %v", url, err)
		}
	}
}

func TestImportFromBbolt(t *testing.T) {
	// Everything a state file holds is copied, and behaves the same in
	// PostgreSQL.
	b, err := store.Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, chat := range []string{"100", "101", "102"} {
		_, err := b.Subscribe(store.Subscription{Platform: "telegram", Chat: chat, Title: "chat " + chat, Since: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		must(err)
	}
	_, err = b.Follow(store.Subscription{Platform: "slack", Chat: "C1"}, store.Follows{Cities: []string{"Köln"}})
	must(err)
	_, err = b.Baseline(map[string]string{"old": "print-old"})
	must(err)
	first, _, err := b.Announce(storetest.Release("r1"), "print-r1", nil)
	must(err)
	_, err = b.Delivered(first[1], "7")
	must(err)
	must(b.GiveUp(first[2], store.Failed, "refused"))
	_, err = b.Correct(storetest.Release("r1"), time.Now())
	must(err)
	fixed := storetest.Release("r1")
	fixed.Correction = "Berichtigt."
	corrections, err := b.Correct(fixed, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))
	must(err)
	_, err = b.Delivered(corrections[0], "8")
	must(err)
	gone, _, err := b.Announce(storetest.Release("gone"), "print-gone", func(sub store.Subscription) bool { return sub.Chat == "101" })
	must(err)
	must(b.Gone(gone[0], "blocked"))
	must(b.FanOutReported("gone"))
	// Two digest chats: one has had its digest, the other collects.
	digestDue := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	due := func(store.Subscription) (time.Time, bool) { return digestDue, true }
	for _, chat := range []string{"D1", "D2"} {
		_, _, err = b.SetDigest(store.Subscription{Platform: "slack", Chat: chat}, &store.Digest{At: "08:00", Zone: "UTC", Lang: corpus.English})
		must(err)
	}
	_, err = b.MakeDigests(due)
	must(err)
	_, _, err = b.Announce(storetest.Release("d1"), "print-d1", func(sub store.Subscription) bool { return sub.Chat == "D1" || sub.Chat == "D2" })
	must(err)
	digestDue = digestDue.Add(24 * time.Hour)
	digests, err := b.MakeDigests(func(sub store.Subscription) (time.Time, bool) { return digestDue, sub.Chat == "D1" })
	must(err)
	_, err = b.Delivered(digests[0], "1700000000.000100")
	must(err)
	_, err = b.Pause("telegram", "102", "archived")
	must(err)
	_, err = b.ClaimUpdate("telegram", "555")
	must(err)
	must(b.SetChatLang("telegram", "100", corpus.English))
	key, err := b.Remember("a long search")
	must(err)
	must(b.SetFeedValidators("https://isabot.example/feed.xml", `"e1"`, "yesterday"))
	must(b.SaveHandoff("h1", []byte(`{"id":"h1"}`)))
	must(b.SaveHandoffThread("telegram:100:7", []byte(`{"handoff":"h1"}`)))

	snap, err := b.Snapshot()
	must(err)
	pg, err := pgstore.Open(context.Background(), pgtest.Database(t))
	must(err)
	defer pg.Close()
	must(pg.Import(context.Background(), snap))

	for _, read := range []struct {
		name string
		read func(s store.State) any
	}{
		{"Subscriptions", func(s store.State) any { v, _ := s.Subscriptions(); return v }},
		{"Pending", func(s store.State) any { v, _ := s.Pending(); return v }},
		{"Deliveries", func(s store.State) any {
			v, _ := s.Deliveries()
			// As JSON, as reported; PostgreSQL keeps microseconds.
			for _, r := range v {
				for i := range r.Undelivered {
					r.Undelivered[i].At = r.Undelivered[i].At.Truncate(time.Microsecond)
				}
			}
			raw, _ := json.Marshal(v)
			return string(raw)
		}},
		{"KeptReleases", func(s store.State) any { v, _ := s.KeptReleases(); return v }},
		{"Handoffs", func(s store.State) any { v, _ := s.Handoffs(); return v }},
		{"HandoffThread", func(s store.State) any { v, _ := s.HandoffThread("telegram:100:7"); return v }},
		{"ChatLang", func(s store.State) any { v, _ := s.ChatLang("telegram", "100"); return v }},
		{"Recall", func(s store.State) any { v, _ := s.Recall(key); return v }},
		{"FeedValidators", func(s store.State) any { e, m := s.FeedValidators("https://isabot.example/feed.xml"); return e + m }},
		{"ClaimUpdate", func(s store.State) any { v, _ := s.ClaimUpdate("telegram", "555"); return v }},
		{"MessageRelease", func(s store.State) any { v, _ := s.MessageRelease("telegram", "100", "8"); return v }},
		{"SettledFanOuts", func(s store.State) any { v, _ := s.SettledFanOuts(); return fmt.Sprint(v) }},
		{"Correct the same", func(s store.State) any { v, _ := s.Correct(fixed, time.Now()); return v }},
		{"Subscription with a digest", func(s store.State) any { v, _, _ := s.Subscription("slack", "D2"); return v }},
		{"Correct a release a digest listed", func(s store.State) any {
			d1 := storetest.Release("d1")
			s.Correct(d1, time.Now())
			d1.Correction = "Berichtigt."
			v, _ := s.Correct(d1, time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC))
			return v
		}},
		{"MakeDigests", func(s store.State) any {
			v, _ := s.MakeDigests(func(store.Subscription) (time.Time, bool) { return digestDue.Add(24 * time.Hour), true })
			return v
		}},
		{"Announce old", func(s store.State) any {
			_, v, _ := s.Announce(storetest.Release("old-copy"), "print-old", nil)
			return v
		}},
		{"Announce r1", func(s store.State) any { _, v, _ := s.Announce(storetest.Release("r1"), "", nil); return v }},
		{"Resume", func(s store.State) any { v, _ := s.Resume("telegram", "102", "archived"); return v }},
		{"Announce r2", func(s store.State) any { v, _, _ := s.Announce(storetest.Release("r2"), "print-r2", nil); return v }},
		{"Correct again", func(s store.State) any {
			again := *fixed
			again.Correction = "Noch einmal."
			v, _ := s.Correct(&again, time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC))
			return v
		}},
	} {
		want, got := read.read(b), read.read(pg)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n  PostgreSQL %+v\n       bbolt %+v", read.name, got, want)
		}
	}
	if err := pg.Import(context.Background(), snap); !errors.Is(err, pgstore.ErrNotEmpty) {
		t.Errorf("a second import: %v", err)
	}
}

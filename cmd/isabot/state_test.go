package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/isa-alliance/isabot/bots/inbox"
	"github.com/isa-alliance/isabot/bots/observe"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/pgstore/pgtest"
	"github.com/isa-alliance/isabot/corpus"
)

func TestConfigHidesDatabasePassword(t *testing.T) {
	for _, tt := range []struct{ url, shown string }{
		{"postgres://isabot:db-pass-123@db.example:5432/isabot", "postgres://isabot:xxxxx@db.example:5432/isabot"},
		{"postgres://isabot@db.example/isabot?password=db-pass-123&sslmode=require", "password=xxxxx"},
	} {
		t.Setenv("ISABOT_DATABASE_URL", tt.url)
		out, _, err := run(t, "config")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out, "db-pass-123") || !strings.Contains(out, tt.shown) {
			t.Errorf("the database URL shown as:\n%s", out)
		}
	}
	t.Setenv("ISABOT_DATABASE_URL", "mysql://db.example/isabot")
	if _, _, err := run(t, "config"); err == nil || !strings.Contains(err.Error(), "ISABOT_DATABASE_URL: not a postgres:// URL") {
		t.Errorf("a URL of another database: %v", err)
	}
}

func TestMigrateAlone(t *testing.T) {
	// isabot migrate, alone, applies the repository's migrations to an
	// empty database in the order of their numbers, and then none.
	files, err := filepath.Glob("../../bots/store/pgstore/migrations/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("the migrations: %v %v", files, err)
	}
	var want strings.Builder
	for _, f := range files { // Glob sorts them, as their numbers
		fmt.Fprintln(&want, "applied", filepath.Base(f))
	}
	t.Setenv("ISABOT_DATABASE_URL", pgtest.Database(t))
	if out, stderr, err := run(t, "migrate"); err != nil || out != want.String() {
		t.Fatalf("isabot migrate: %v %s\n%s, want\n%s", err, stderr, out, want.String())
	}
	if out, _, err := run(t, "migrate"); err != nil || strings.TrimSpace(out) != "the schema is up to date" {
		t.Errorf("migrate again: %v\n%s", err, out)
	}
}

func TestMigrateFromBbolt(t *testing.T) {
	// A state file's subscribers and outbox are copied into PostgreSQL,
	// once, and the commands then read them there.
	dataDir := t.TempDir()
	path := filepath.Join(dataDir, stateFile)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, chat := range []string{"-100", "-200"} {
		st.Subscribe(store.Subscription{Platform: "telegram", Chat: chat, Title: "chat " + chat})
	}
	st.Close()
	log := observe.NewUnanswered(filepath.Join(dataDir, unansweredFile), slog.New(slog.DiscardHandler))
	log.Add("Wann tagt der Vorstand?", corpus.German, "telegram")
	log.Add("wann tagt der vorstand", corpus.German, "slack")
	log.Close()

	if _, _, err := run(t, "migrate"); err == nil || !strings.Contains(err.Error(), "ISABOT_DATABASE_URL is not set") {
		t.Errorf("migrate without a database: %v", err)
	}
	t.Setenv("ISABOT_DATABASE_URL", pgtest.Database(t))
	out, stderr, err := run(t, "migrate", "--from-bbolt", path)
	if err != nil || !strings.Contains(out, "applied 0001_state.sql") || !strings.Contains(out, "2 subscriptions") {
		t.Fatalf("migrate --from-bbolt: %v %s\n%s", err, stderr, out)
	}
	if !strings.Contains(out, "1 unanswered questions") {
		t.Errorf("migrate --from-bbolt did not copy the unanswered questions:\n%s", out)
	}
	out, _, err = run(t, "unanswered", "--json")
	var questions []observe.Question
	if err == nil {
		err = json.Unmarshal([]byte(out), &questions)
	}
	if err != nil || len(questions) != 1 || questions[0].Count != 2 || !slices.Equal(questions[0].Platforms, []string{"slack", "telegram"}) {
		t.Errorf("unanswered from PostgreSQL: %v %+v", err, questions)
	}
	if out, _, err := run(t, "migrate"); err != nil || strings.TrimSpace(out) != "the schema is up to date" {
		t.Errorf("migrate again: %v\n%s", err, out)
	}
	out, _, err = run(t, "subscribers", "--json")
	var subs []store.Subscription
	if err == nil {
		err = json.Unmarshal([]byte(out), &subs)
	}
	if err != nil || len(subs) != 2 || subs[0].Title != "chat -100" {
		t.Errorf("subscribers from PostgreSQL: %v %+v", err, subs)
	}
	if _, _, err := run(t, "migrate", "--from-bbolt", path); err == nil || !strings.Contains(err.Error(), "holds isabot state already") {
		t.Errorf("a second copy: %v", err)
	}
}

func TestCrashDuringBroadcastOnPostgres(t *testing.T) {
	// As TestCrashDuringBroadcast, with the state in PostgreSQL.
	if testing.Short() {
		t.Skip("runs isabot as a child process")
	}
	t.Parallel() // beside TestTwoReplicas, which mostly waits
	rig := newBroadcastRig(t, 300, "ISABOT_DATABASE_URL="+pgtest.Database(t))
	child := rig.start()
	if _, err := inbox.Publish(rig.dataDir, "testdata/releases/2026-11-24-testmeldung-wasserstoff.md"); err != nil {
		t.Fatal(err)
	}
	atKill := rig.interrupt(child, syscall.SIGKILL)
	rig.start()
	repeats := rig.everyoneOnce(releaseTitle)
	t.Logf("killed after %d of %d deliveries; %d repeated after the restart", atKill, rig.subscribers, repeats)
}

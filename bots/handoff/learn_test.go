package handoff_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/slack/slackfake"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

// startLearning starts the harness with an engine of its own, which the
// curated answers change, and a data directory for them.
func startLearning(t *testing.T) *harness {
	t.Helper()
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	idx, err := search.NewMemIndex(context.Background(), data.Releases)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	h := start(t)
	h.stop()
	h.engine, h.dataDir = search.NewEngine(data, idx), t.TempDir()
	h.run(t)
	return h
}

// TestLearnedForOthers is the whole path: a question isabot
// cannot answer → consent → Slack → Answer → modal with "for others" →
// the journalist's reply → the Slack message updated → the curated
// answer kept → a second journalist, asking a close question in another
// language, gets it from isabot with its citation; the App Home lists it.
func TestLearnedForOthers(t *testing.T) {
	h := startLearning(t)
	const asked = "How much does membership of the ISA cost?"
	questionID, posted := h.handOff(t, asked, "Send anonymously")
	sent := len(h.tg.Messages(journalistChat.ID))
	h.press(t, jana, pressChannel, posted, "handoff_answer")
	eventually(t, "the modal", func() bool { return len(h.slack.Modals()) == 1 })
	modal := string(h.slack.Modals()[0].View)
	for _, want := range []string{"Diese Frage von nun an auch für andere beantworten", `"type":"checkboxes"`, "handoff_reply_org"} {
		if !strings.Contains(modal, want) {
			t.Errorf("the modal lacks %s: %s", want, modal)
		}
	}
	submission, err := slackfake.ViewSubmission(jana, h.slack.Modals()[0], map[string]map[string]any{
		"handoff_reply_text":   {"handoff_reply_text": slackfake.TextValue("Membership of the ISA is free of charge.")},
		"handoff_reply_lang":   {"handoff_reply_lang": slackfake.SelectValue("en")},
		"handoff_reply_org":    {"handoff_reply_org": slackfake.TextValue("Stadt Duisburg")},
		"handoff_reply_others": {"handoff_reply_others": slackfake.CheckedValue("yes")},
	})
	if err != nil {
		t.Fatal(err)
	}
	h.interact(t, submission)
	reply := h.telegramMessage(t, sent+1)
	today := corpus.DateOf(time.Now().UTC())
	if want := "Answer of the ISA press office (Stadt Duisburg, " + today.String() + "):"; reply.ReplyTo != questionID || !strings.Contains(reply.Plain, want) {
		t.Errorf("the reply %q (to %d) lacks %q or replies not to %d", reply.Plain, reply.ReplyTo, want, questionID)
	}
	eventually(t, "the Slack message updated", func() bool {
		blocks := string(h.slackMessage(t, posted.TS).Blocks)
		return strings.Contains(blocks, "Beantwortet von u0jana (Stadt Duisburg)") && strings.Contains(blocks, "Als kuratierte Antwort behalten")
	})
	file, err := os.ReadFile(filepath.Join(h.dataDir, corpus.CuratedFile))
	if err != nil || !strings.Contains(string(file), "organisation: Stadt Duisburg") || strings.Contains(string(file), "jo_reporter") {
		t.Errorf("curated.yaml: %v\n%s", err, file)
	}

	// A second journalist asks a close question in German.
	second := models.Chat{ID: 502, Type: models.ChatTypePrivate, FirstName: "Kim"}
	h.tg.Update(h.tg.SendText(second, models.User{ID: 502, FirstName: "Kim", LanguageCode: "de"}, "Was kostet die Mitgliedschaft in der ISA?"))
	eventually(t, "the second journalist's answer", func() bool { return len(h.tg.Messages(second.ID)) > 0 })
	got := h.tg.Messages(second.ID)[0].Plain
	for _, want := range []string{"Die ISA-Pressestelle hat darauf auf Englisch geantwortet:", "Membership of the ISA is free of charge.",
		"ISA-Pressestelle, " + today.Format(corpus.German)} {
		if !strings.Contains(got, want) {
			t.Errorf("the second journalist's answer lacks %q:\n%s", want, got)
		}
	}

	// The App Home lists the curated answer.
	h.slackPost(t, "/slack/events", "application/json", slackfake.EventCallback("Ev0HOME", slackfake.AppHomeOpened(tom)))
	eventually(t, "the App Home", func() bool { return len(h.slack.Views(tom)) > 0 })
	view := string(h.slack.Views(tom)[0])
	for _, want := range []string{"Kuratierte Antworten: 1", "Membership of the ISA is free of charge.", "Stadt Duisburg", "Offene Fragen an die Pressestelle: 0"} {
		if !strings.Contains(view, want) {
			t.Errorf("the App Home lacks %q: %s", want, view)
		}
	}
}

// TestAppHomeShowsOpenHandoffs lists an open hand-off on the App Home,
// without the journalist's name.
func TestAppHomeShowsOpenHandoffs(t *testing.T) {
	h := start(t)
	h.handOff(t, question, "Send with my name")
	h.slackPost(t, "/slack/events", "application/json", slackfake.EventCallback("Ev0HOME2", slackfake.AppHomeOpened(tom)))
	eventually(t, "the App Home", func() bool { return len(h.slack.Views(tom)) > 0 })
	view := string(h.slack.Views(tom)[0])
	if !strings.Contains(view, "Offene Fragen an die Pressestelle: 1") || !strings.Contains(view, question) {
		t.Errorf("the App Home lacks the open hand-off: %s", view)
	}
	if strings.Contains(view, "jo_reporter") || strings.Contains(view, "Reporter") {
		t.Errorf("the App Home names the journalist: %s", view)
	}
}

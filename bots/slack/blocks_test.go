package slack

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/isa-alliance/isabot/bots/slack/slackfake"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

func TestSearchBlocksPages(t *testing.T) {
	// The middle page of three: numbered on from the first, a button to
	// read each release, and buttons back and on.
	var hits []answer.Hit
	for i := range searchPageSize {
		r := &corpus.Release{ID: fmt.Sprintf("r%d", i), Title: fmt.Sprintf("Meldung %d", i), Date: time.Date(2024, 1, i+1, 0, 0, 0, 0, time.UTC)}
		hits = append(hits, answer.Hit{Release: r, Source: answer.Source{Snippet: "…"}})
	}
	blocks := searchBlocks("Zusammenarbeit", hits, 12, 1, corpus.German)
	raw, _ := json.Marshal(blocks)
	for _, want := range []string{"Seite 2 von 3 · 12 Pressemitteilungen", `"6. *Meldung 0*`, `"value":"r4"`, "‹ Zurück", "Weiter ›"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("page 2 lacks %s: %s", want, raw)
		}
	}
	last := searchBlocks("Zusammenarbeit", hits[:2], 12, 2, corpus.German)
	if raw, _ := json.Marshal(last); strings.Contains(string(raw), "Weiter ›") || !strings.Contains(string(raw), "Zurück") {
		t.Errorf("the last page: %s", raw)
	}
}

func TestTurnPage(t *testing.T) {
	// A page button replaces the ephemeral search with that page.
	t.Parallel()
	h := startSocket(t)
	value, _ := json.Marshal(pageValue{Words: "Masken", Page: 0, Lang: corpus.English})
	pageURL := h.fake.NewResponseURL()
	h.fake.WaitAck(t, h.fake.SendEnvelope(t, "interactive", slackfake.BlockAction(jana, presse, pageURL, pageAction+"_0", string(value)), true))
	turned := h.responses(t, pageURL, 1)[0]
	if !turned.ReplaceOriginal || turned.ResponseType != slack.ResponseTypeEphemeral || !strings.Contains(string(turned.Blocks), "Page 1 of 1") {
		t.Errorf("turned page: %+v", turned)
	}
	h.noErrors(t)
}

func TestClipMrkdwn(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"fits", "Köln &amp; Bonn", 15, "Köln &amp; Bonn"},
		{"cut between characters", "Kölner Dom", 5, "Köln…"},
		{"not inside an entity", "Q&amp;A", 4, "Q…"},
		{"after an entity", "Q&amp;A!", 7, "Q&amp;…"},
		{"not inside a link", "see <https://isa.example|ISA> now", 20, "see …"},
		{"after a link", "<https://isa.example|ISA> now", 26, "<https://isa.example|ISA>…"},
		{"not inside a mention", "hi <@U0JANA>", 8, "hi …"},
		{"an unclosed < is a character", "a <b", 3, "a …"},
		{"Chinese", "中德工业城市联盟", 5, "中德工业…"},
	}
	for _, tt := range tests {
		got := clipMrkdwn(tt.in, tt.n)
		if got != tt.want {
			t.Errorf("%s: clipMrkdwn(%q, %d) = %q, want %q", tt.name, tt.in, tt.n, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > tt.n {
			t.Errorf("%s: %d characters, more than %d", tt.name, n, tt.n)
		}
	}
}

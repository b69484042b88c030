package slack

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

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

package telegram

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

func TestDeliveryReportMatchesTheFake(t *testing.T) {
	// A release sent to four chats: two take it, one blocked the bot,
	// one keeps refusing it. The report counts what the fake recorded,
	// and the report chat is told once the fan-out settled.
	t.Parallel()
	h := start(t, func(c *Config) { c.Limits = &push.Limits{} })
	chats := []int64{901, 902, 903, 904}
	for _, c := range chats {
		if _, err := h.state.Subscribe(store.Subscription{Platform: platform, Chat: strconv.FormatInt(c, 10)}); err != nil {
			t.Fatal(err)
		}
	}
	h.srv.SetChatMember(903, h.srv.Bot().ID, "kicked")
	for range 10 { // every try the pusher makes
		h.srv.FailChatNext(904, http.StatusBadRequest, "Bad Request: TOPIC_CLOSED")
	}
	byID := &latest{}
	p := runPusher(t, h, byID, push.NewSimClock(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)))
	r := &corpus.Release{ID: "report-me", Lang: corpus.English, Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		Title: "Hydrogen summit in Nuremberg", Body: []string{"Text."}}
	byID.publish(r)
	if _, err := p.Announce(r); err != nil {
		t.Fatal(err)
	}
	drained(t, h.state)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		push.RunReports(ctx, h.state, []push.ReportTarget{{Notifier: h.bot, Chat: "-990"}}, 10*time.Millisecond, slog.New(slog.DiscardHandler))
		close(done)
	}()
	defer func() { cancel(); <-done }()
	summary := h.reply(t, -990, 1)

	report, err := h.state.Deliveries()
	if err != nil || len(report) != 1 {
		t.Fatalf("Deliveries: %+v, %v", report, err)
	}
	sent := 0
	for _, c := range chats {
		sent += len(h.srv.Messages(c))
	}
	got := report[0]
	if got.Sent != sent || got.Gone != 1 || got.Failed != 1 || got.Pending != 0 || len(got.Platforms) != 1 || got.Platforms[0].Counts != got.Counts {
		t.Errorf("report %+v; the fake has %d sent, 1 gone, 1 failed", got, sent)
	}
	if want := "telegram: 2 sent, 1 failed, 1 gone"; !strings.Contains(summary.Plain, want) || !strings.Contains(summary.Plain, r.Title) {
		t.Errorf("summary %q, want %q", summary.Plain, want)
	}
	time.Sleep(50 * time.Millisecond)
	h.quiet(t, -990, 1) // reported once
}

package push

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/isa-alliance/isabot/bots/store"
)

// ReportState is where the reports come from; package store's Store is
// it.
type ReportState interface {
	SettledFanOuts() ([]string, error)
	FanOutReported(id string) error
	Deliveries() ([]store.ReleaseDeliveries, error)
}

// Notifier sends a plain text to a chat of its platform.
type Notifier interface {
	Notify(ctx context.Context, chat, text string) error
}

// ReportTarget is a chat told of each release whose fan-out settled.
type ReportTarget struct {
	Notifier Notifier
	Chat     string
}

// RunReports tells the targets, every tick until ctx ends, of each
// release whose deliveries have all been sent, given up, or gone to
// chats that left: a release is reported once all targets took its
// summary (once, with none), and tried again at the next tick if one
// did not.
func RunReports(ctx context.Context, state ReportState, targets []ReportTarget, tick time.Duration, logger *slog.Logger) {
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		if err := report(ctx, state, targets); err != nil {
			logger.Error("push: cannot report the deliveries of a release", "error", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func report(ctx context.Context, state ReportState, targets []ReportTarget) error {
	settled, err := state.SettledFanOuts()
	if err != nil || len(settled) == 0 {
		return err
	}
	all, err := state.Deliveries()
	if err != nil {
		return err
	}
	byID := map[string]store.ReleaseDeliveries{}
	for _, r := range all {
		byID[r.Release] = r
	}
	for _, id := range settled {
		text := Summary(byID[id])
		if byID[id].Release == "" {
			text = Summary(store.ReleaseDeliveries{Release: id})
		}
		for _, to := range targets {
			if err := to.Notifier.Notify(ctx, to.Chat, text); err != nil {
				return fmt.Errorf("report %s to %s: %w", id, to.Chat, err)
			}
		}
		if err := state.FanOutReported(id); err != nil {
			return err
		}
	}
	return nil
}

// Summary is a release's delivery report in a few lines of plain text.
func Summary(r store.ReleaseDeliveries) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Delivered: %s (%s)", r.Title, r.Release)
	for _, p := range r.Platforms {
		fmt.Fprintf(&b, "\n%s: %s", p.Platform, CountsText(p.Counts))
	}
	reasons := map[string]int{}
	var order []string
	for _, u := range r.Undelivered {
		if u.State == store.Failed || u.State == store.Abandoned {
			if reasons[u.Cause] == 0 {
				order = append(order, u.Cause)
			}
			reasons[u.Cause]++
		}
	}
	for _, cause := range order {
		fmt.Fprintf(&b, "\nfailed %d× %s", reasons[cause], cause)
	}
	return b.String()
}

// CountsText says counts in words: "3 sent, 1 waiting, 1 failed, 1 gone".
func CountsText(c store.Counts) string {
	parts := []string{fmt.Sprintf("%d sent", c.Sent)}
	for _, n := range []struct {
		n    int
		word string
	}{{c.Pending, "waiting"}, {c.Failed + c.Abandoned, "failed"}, {c.Gone, "gone (blocked or removed the bot)"}} {
		if n.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n.n, n.word))
		}
	}
	return strings.Join(parts, ", ")
}

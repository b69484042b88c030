package slack

import (
	"sync"
	"time"
)

// replayWindow is how long the id of a command, an interaction or an
// event is remembered in memory. A signed request passes the signature
// check while its timestamp is within maxRequestAge of the clock, either
// way, so a copy of it can come up to 2×maxRequestAge after the first;
// Slack retries an event it thinks was lost within about six minutes. A
// minute more allows for slow delivery.
const replayWindow = 2*maxRequestAge + time.Minute

// triggerPrefix marks the trigger_id of a command or interaction among
// the ids recorded; an event's id is recorded as it is.
const triggerPrefix = "trigger:"

// seenSet is the ids seen within replayWindow: bounded by the time, as
// nobody without the signing secret can make new ones, and cheap to ask,
// so a flood of copies costs no disk write.
type seenSet struct {
	mu    sync.Mutex
	ids   map[string]bool
	queue []seenID // oldest first
}

type seenID struct {
	id      string
	expires time.Time
}

// first records id, seen at now, and reports whether it was not seen
// within replayWindow before.
func (s *seenSet) first(id string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.queue) > 0 && !now.Before(s.queue[0].expires) {
		delete(s.ids, s.queue[0].id)
		s.queue = s.queue[1:]
	}
	if s.ids[id] {
		return false
	}
	s.ids[id] = true
	s.queue = append(s.queue, seenID{id, now.Add(replayWindow)})
	return true
}

// once reports whether the command, interaction or event whose id is
// prefix+id is new, and records it; one without an id is new. A copy of
// a signed request passes the signature check while its timestamp is
// fresh, and Slack retries an event it thinks was lost: each is answered
// once. The id is remembered in memory for the replay window, and in the
// state store, so that a copy that comes after a restart is caught too.
// An id the store cannot record is answered: an answer too many beats
// none.
func (b *Bot) once(prefix, id string) bool {
	if id == "" {
		return true
	}
	key := prefix + id
	if !b.seen.first(key, b.now()) {
		return false
	}
	first, err := b.state.ClaimUpdate(platform, key)
	if err != nil {
		b.logger.Error("slack: cannot record a request; answering it anyway", "id", key, "error", err)
		return true
	}
	return first
}

// retry is how often Slack delivered an event before and why it sends
// it again: X-Slack-Retry-Num and X-Slack-Retry-Reason over HTTP, an
// envelope's retry_attempt and retry_reason in Socket Mode. Zero for a
// first delivery.
type retry struct {
	num    int
	reason string
}

package telegramtest

import (
	"fmt"
	"math"
	"net/http"
	"time"

	"github.com/go-telegram/bot/models"
)

// Telegram's rate limits for a bot
// (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
// about 30 messages a second in all, one a second to a chat, 20 a minute
// to a group. Telegram lets short bursts pass; the fake does not.
const (
	limitPerSecond      = 30
	limitPerChat        = time.Second
	limitPerGroupMinute = 20
)

// EnforceLimits makes the server refuse, from now on, a sendMessage that
// would break Telegram's rate limits for a bot: the 31st message within
// a second, all chats together; a second message to one chat within a
// second; the 21st to one group or channel within a minute. It refuses
// as Telegram does, with 429 "Too Many Requests: retry after N" and
// parameters.retry_after N, and logs which limit it was. Only messages
// it accepted count.
//
// The server sees a message when it arrives, and arrival lags sending
// by a delay that varies, by tens of milliseconds on a busy machine:
// each window is shortened by leeway, so that a bot that kept the limits
// when it sent is not refused for the delay. With a leeway under half a
// second, a bot that sends at twice the rate is refused within a second
// all the same.
func (s *Server) EnforceLimits(leeway time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = &limiter{leeway: leeway, chats: map[int64]time.Time{}, groups: map[int64][]time.Time{}}
}

// limiter keeps the times of the messages the server accepted, as far
// back as a limit looks.
type limiter struct {
	leeway time.Duration
	all    []time.Time           // within the last second
	chats  map[int64]time.Time   // the last to each chat
	groups map[int64][]time.Time // to each group or channel, within the last minute
}

// admitLocked takes a message to chat that arrived at now under the
// limits, or refuses it with a 429; s.mu is held.
func (s *Server) admitLocked(chat models.Chat, now time.Time) *apiError {
	l := s.limits
	if l == nil {
		return nil
	}
	l.all = within(l.all, now, time.Second-l.leeway)
	group := chat.Type != models.ChatTypePrivate
	if group {
		l.groups[chat.ID] = within(l.groups[chat.ID], now, time.Minute-l.leeway)
	}
	var free time.Time // when the message would be accepted
	var why string
	switch last, ok := l.chats[chat.ID]; {
	case len(l.all) >= limitPerSecond:
		free, why = l.all[len(l.all)-limitPerSecond].Add(time.Second-l.leeway), fmt.Sprintf("%d messages within a second", limitPerSecond)
	case ok && now.Sub(last) < limitPerChat-l.leeway:
		free, why = last.Add(limitPerChat-l.leeway), fmt.Sprintf("a message to chat %d %v before", chat.ID, now.Sub(last).Round(time.Millisecond))
	case group && len(l.groups[chat.ID]) >= limitPerGroupMinute:
		sent := l.groups[chat.ID]
		free, why = sent[len(sent)-limitPerGroupMinute].Add(time.Minute-l.leeway), fmt.Sprintf("%d messages to group %d within a minute", limitPerGroupMinute, chat.ID)
	}
	if why != "" {
		retry := max(1, int(math.Ceil(free.Sub(now).Seconds())))
		s.t.Logf("telegramtest: sendMessage to %d refused with 429 at %s: %s", chat.ID, now.Format("15:04:05.000"), why)
		return &apiError{code: http.StatusTooManyRequests, desc: fmt.Sprintf("Too Many Requests: retry after %d", retry), retryAfter: retry}
	}
	l.all = append(l.all, now)
	l.chats[chat.ID] = now
	if group {
		l.groups[chat.ID] = append(l.groups[chat.ID], now)
	}
	return nil
}

// within drops the times, oldest first, that are window or more before
// now.
func within(times []time.Time, now time.Time, window time.Duration) []time.Time {
	i := 0
	for i < len(times) && now.Sub(times[i]) >= window {
		i++
	}
	return times[i:]
}

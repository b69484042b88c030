package slack

import (
	"context"

	"github.com/isa-alliance/isabot/search/answer"
)

// announced is the release whose announcement (or correction) is the
// message ts in channel; "" for any other message, or none.
func (b *Bot) announced(channel, ts string) string {
	if ts == "" {
		return ""
	}
	id, _ := b.state.MessageRelease(platform, channel, ts)
	return id
}

// answer answers a question in its own language: one about a release
// from that release first.
func (b *Bot) answer(ctx context.Context, question, about string) (answer.Answer, error) {
	if about != "" {
		return b.engine.AnswerAbout(ctx, question, lang(question), about)
	}
	return b.engine.Answer(ctx, question, lang(question))
}

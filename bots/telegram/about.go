package telegram

import (
	"context"
	"strconv"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// announced is the release a message of the bot announced (or
// corrected), "" for any other message.
func (b *Bot) announced(m *models.Message) string {
	if m == nil || m.From == nil || m.From.ID != b.me.Load().ID {
		return ""
	}
	id, _ := b.state.MessageRelease(platform, chatKey(m.Chat.ID), strconv.Itoa(m.ID))
	return id
}

// answer answers a question: one that replies to an announcement from
// the release announced first.
func (b *Bot) answer(ctx context.Context, c conversation, question string, lang corpus.Lang) (answer.Answer, error) {
	if c.about != "" {
		return b.engine.AnswerAbout(ctx, question, lang, c.about)
	}
	return b.engine.Answer(ctx, question, lang)
}

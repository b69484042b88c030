package telegram

import (
	"context"
	"fmt"
	"strings"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/corpus"
)

// inlineResults is how many results an inline query offers: the answer,
// then matching releases.
const inlineResults = 10

// onInlineQuery offers the direct answer to "@bot question" first, then
// the releases that match, each ready to drop into any chat with its
// source.
func (b *Bot) onInlineQuery(ctx context.Context, q *models.InlineQuery) {
	text := strings.TrimSpace(q.Query)
	c := conversation{from: q.From}
	lang := b.lang(c, text)
	var results []models.InlineQueryResult
	if text == "" {
		for i, r := range b.engine.Latest(inlineResults) {
			results = append(results, releaseResult(fmt.Sprintf("r%d", i), r, "", lang))
		}
	} else {
		a, err := b.engine.Answer(ctx, text, lang)
		if err != nil {
			b.logger.Error("telegram: cannot answer inline", "error", err)
			return
		}
		if a.Answered {
			messages := answerMessages(a)
			results = append(results, &models.InlineQueryResultArticle{
				ID:          "answer",
				Title:       bots.Clip(text, 60),
				Description: bots.Clip(strings.ReplaceAll(a.Text, "\n", " "), 200),
				InputMessageContent: &models.InputTextMessageContent{
					// An inline result is one message: the first part of a
					// long answer, which holds its start.
					MessageText:        messages[0],
					ParseMode:          models.ParseModeHTML,
					LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
				},
			})
		}
		hits, _, err := b.engine.Search(ctx, text, lang, 0, inlineResults-len(results))
		if err != nil {
			b.logger.Error("telegram: inline search failed", "error", err)
		}
		for i, h := range hits {
			results = append(results, releaseResult(fmt.Sprintf("r%d", i), h.Release, snippetHTML(h.Source), lang))
		}
	}
	err := b.sender.answerInlineQuery(ctx, &bot.AnswerInlineQueryParams{
		InlineQueryID: q.ID,
		Results:       results,
		CacheTime:     300,
		// The results' language may come from the user's language_code:
		// Telegram must not show them to another user.
		IsPersonal: true,
	})
	if err != nil {
		b.logger.Warn("telegram: cannot answer inline query", "error", err)
	}
}

// releaseResult is an inline result for a release: its title, date,
// snippet and link.
func releaseResult(id string, r *corpus.Release, snippet string, lang corpus.Lang) models.InlineQueryResult {
	text := releaseLine(r, lang)
	if snippet != "" {
		text += "\n" + snippet
	}
	if r.URL != "" {
		text += "\n" + escape(r.URL)
	}
	return &models.InlineQueryResultArticle{
		ID:          id,
		Title:       bots.Clip(r.Title, 80),
		Description: corpus.DateOf(r.Date).Format(lang),
		URL:         r.URL,
		InputMessageContent: &models.InputTextMessageContent{
			MessageText:        text,
			ParseMode:          models.ParseModeHTML,
			LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
		},
	}
}

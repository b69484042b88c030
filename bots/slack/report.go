package slack

import (
	"context"

	"github.com/slack-go/slack"
)

// Notify posts plain text to a channel: the delivery reports to
// SLACK_REPORT_CHANNEL.
func (b *Bot) Notify(ctx context.Context, channel, text string) error {
	_, _, err := b.api.PostMessageContext(ctx, channel, slack.MsgOptionText(escape(text), false))
	b.noticeRefusal(err)
	return err
}

package slack

import (
	"context"
	"errors"
	"slices"

	"github.com/slack-go/slack"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/push"
)

// uneditable are the errors of chat.update that mean the message can no
// longer be edited (the workspace's edit window closed, or it was
// deleted): then a correction is a reply in its thread.
var uneditable = []string{"cant_update_message", "edit_window_closed", "message_not_found"}

// Correct edits an announcement to the corrected release, marked as
// corrected; where Slack no longer lets the message be edited, or the
// message is a digest that listed the release, it replies in the
// message's thread with the correction.
func (b *Bot) Correct(ctx context.Context, c push.Correction) (string, error) {
	r, lang := c.Release, c.Release.Lang
	note := slack.NewContextBlock("isa_corrected", mrkdwnText(":pencil2: _"+escape(bots.CorrectedLine(c.Note, c.At, lang))+"_"))
	if !c.Digest {
		blocks := append(announcementBlocks(r, lang, b.permalink(r)), note)
		_, _, _, err := b.api.UpdateMessageContext(ctx, c.Chat, c.Message, slack.MsgOptionBlocks(blocks...), slack.MsgOptionText(title(r.Title), false))
		b.noticeRefusal(err)
		var slackErr slack.SlackErrorResponse
		switch {
		case err == nil:
			return "", nil
		case !errors.As(err, &slackErr) || !slices.Contains(uneditable, slackErr.Err):
			return "", b.sendError(ctx, c.Chat, err)
		}
	}
	_, ts, err := b.api.PostMessageContext(ctx, c.Chat, slack.MsgOptionTS(c.Message),
		slack.MsgOptionBlocks(note, section("*"+title(r.Title)+"*")), slack.MsgOptionText(title(r.Title), false))
	b.noticeRefusal(err)
	if err != nil {
		return "", b.sendError(ctx, c.Chat, err)
	}
	return ts, nil
}

package telegram

import (
	"context"
	"strconv"
	"strings"
	"testing"
)

func TestAnnouncementReadMore(t *testing.T) {
	t.Parallel()
	r := longRelease()
	tests := []struct {
		name      string
		permalink func(id string) string
		want      string // in the button's markup
	}{
		{"shown in the chat", nil, `"callback_data":"r`},
		{"the release's page", func(id string) string { return "https://isa.example.org/releases/" + id }, `"url":"https://isa.example.org/releases/test-long-release"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, func(c *Config) { c.Permalink = tt.permalink })
			if _, err := h.bot.Send(context.Background(), strconv.FormatInt(private.ID, 10), &r); err != nil {
				t.Fatal(err)
			}
			m := h.reply(t, private.ID, 1)
			if !strings.Contains(m.ReplyMarkup, tt.want) {
				t.Errorf("the announcement's Read more is %s, want %s", m.ReplyMarkup, tt.want)
			}
			h.noErrors(t)
		})
	}
}

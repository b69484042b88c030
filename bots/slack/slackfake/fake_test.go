package slackfake_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/isa-alliance/isabot/bots/slack/slackfake"
)

const (
	bot = "xoxb-1-test"
	app = "xapp-1-test"
)

func newAPI(t *testing.T) (*slackfake.Server, *slack.Client) {
	t.Helper()
	s := slackfake.NewServer(t, bot, app)
	return s, slack.New(bot, slack.OptionAPIURL(s.APIURL()))
}

func section(text string) slack.Block {
	return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, text, false, false), nil, nil)
}

func TestAPIURL(t *testing.T) {
	t.Parallel()
	s := slackfake.NewServer(t, bot, app)
	if !strings.HasPrefix(s.APIURL(), "http://127.0.0.1:") || !strings.HasSuffix(s.APIURL(), "/api/") {
		t.Errorf("APIURL() = %q, want http://127.0.0.1:PORT/api/", s.APIURL())
	}
}

func TestAuthTest(t *testing.T) {
	t.Parallel()
	_, api := newAPI(t)
	auth, err := api.AuthTest()
	if err != nil {
		t.Fatal(err)
	}
	if auth.UserID != slackfake.BotUserID || auth.BotID != slackfake.BotID || auth.TeamID != slackfake.TeamID || auth.URL == "" {
		t.Errorf("auth.test = %+v", auth)
	}
}

func TestTokens(t *testing.T) {
	t.Parallel()
	s := slackfake.NewServer(t, bot, app)

	_, err := slack.New("xoxb-wrong", slack.OptionAPIURL(s.APIURL())).AuthTest()
	var slackErr slack.SlackErrorResponse
	if !errors.As(err, &slackErr) || slackErr.Err != "invalid_auth" {
		t.Errorf("wrong token: %v, want invalid_auth", err)
	}
	_, _, err = slack.New(app, slack.OptionAPIURL(s.APIURL())).PostMessage("C1", slack.MsgOptionText("hi", false))
	if err == nil || err.Error() != "not_allowed_token_type" {
		t.Errorf("app token on chat.postMessage: %v, want not_allowed_token_type", err)
	}
	_, _, err = slack.New(bot, slack.OptionAppLevelToken(bot), slack.OptionAPIURL(s.APIURL())).StartSocketModeContext(t.Context())
	if err == nil || err.Error() != "not_allowed_token_type" {
		t.Errorf("bot token on apps.connections.open: %v, want not_allowed_token_type", err)
	}

	res, err := http.Post(s.APIURL()+"chat.nope", "application/x-www-form-urlencoded", strings.NewReader("token="+bot))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `"error":"unknown_method"`) {
		t.Errorf("unknown method: %d %s", res.StatusCode, body)
	}
	if calls := s.Calls("auth.test"); len(calls) != 1 || calls[0].Token != "xoxb-wrong" || calls[0].Error != "invalid_auth" {
		t.Errorf("auth.test calls = %+v", calls)
	}
}

func TestPostMessage(t *testing.T) {
	t.Parallel()
	s, api := newAPI(t)
	button := slack.NewButtonBlockElement("isa_share", `{"t":"hi"}`, slack.NewTextBlockObject(slack.PlainTextType, "Share", false, false))
	ch, ts, err := api.PostMessage("C1",
		slack.MsgOptionText("fallback", false),
		slack.MsgOptionBlocks(section("*Answer*"), slack.NewActionBlock("isa_share", button)),
		slack.MsgOptionTS("1699999999.000001"))
	if err != nil {
		t.Fatal(err)
	}
	_, ts2, err := api.PostMessage("C1", slack.MsgOptionText("second", false))
	if err != nil {
		t.Fatal(err)
	}
	if ch != "C1" || ts == "" || ts2 <= ts {
		t.Errorf("posted to %q at %q then %q; want C1 and increasing timestamps", ch, ts, ts2)
	}
	msgs := s.Messages("C1")
	if len(msgs) != 2 {
		t.Fatalf("messages = %+v", msgs)
	}
	m := msgs[0]
	if m.TS != ts || m.ThreadTS != "1699999999.000001" || m.Text != "fallback" || m.Ephemeral {
		t.Errorf("message = %+v", m)
	}
	var blocks slack.Blocks
	if err := json.Unmarshal(m.Blocks, &blocks); err != nil || len(blocks.BlockSet) != 2 {
		t.Errorf("blocks %s: %v", m.Blocks, err)
	}
	call := s.WaitCalls(t, "chat.postMessage", 2)[0]
	if call.Token != bot || call.Params["channel"] != "C1" || call.Status != http.StatusOK || call.Error != "" {
		t.Errorf("call = %+v", call)
	}

	if _, _, _, err := api.UpdateMessage("C1", ts, slack.MsgOptionText("edited", false)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := api.DeleteMessage("C1", ts2); err != nil {
		t.Fatal(err)
	}
	if msgs := s.Messages(""); len(msgs) != 1 || msgs[0].Text != "edited" {
		t.Errorf("after update and delete: %+v", msgs)
	}
	if _, _, err := api.DeleteMessage("C1", ts2); err == nil || err.Error() != "message_not_found" {
		t.Errorf("deleting twice: %v", err)
	}
}

func TestPostEphemeral(t *testing.T) {
	t.Parallel()
	s, api := newAPI(t)
	ts, err := api.PostEphemeral("C1", "U1", slack.MsgOptionText("only you", false), slack.MsgOptionBlocks(section("only *you*")))
	if err != nil {
		t.Fatal(err)
	}
	msgs := s.Messages("C1")
	if len(msgs) != 1 || msgs[0].TS != ts || !msgs[0].Ephemeral || msgs[0].User != "U1" || len(msgs[0].Blocks) == 0 {
		t.Errorf("messages = %+v", msgs)
	}
}

func TestPublishView(t *testing.T) {
	t.Parallel()
	s, api := newAPI(t)
	res, err := api.PublishView("U1", slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: []slack.Block{section("Home")}}}, "")
	if err != nil {
		t.Fatal(err)
	}
	if res.View.ID == "" || res.View.Type != slack.VTHomeTab || len(res.View.Blocks.BlockSet) != 1 {
		t.Errorf("view = %+v", res.View)
	}
	views := s.Views("U1")
	if len(views) != 1 || !strings.Contains(string(views[0]), `"type":"home"`) {
		t.Errorf("views = %s", views)
	}

	_, err = api.PublishView("U1", slack.HomeTabViewRequest{Type: slack.VTModal, Blocks: slack.Blocks{BlockSet: []slack.Block{section("x")}}}, "")
	if err == nil || err.Error() != "invalid_arguments" {
		t.Errorf("modal published: %v", err)
	}
	many := make([]slack.Block, 101)
	for i := range many {
		many[i] = slack.NewDividerBlock()
	}
	_, err = api.PublishView("U1", slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: many}}, "")
	var slackErr slack.SlackErrorResponse
	if !errors.As(err, &slackErr) || slackErr.Err != "invalid_arguments" || len(slackErr.ResponseMetadata.Messages) == 0 {
		t.Errorf("101 blocks: %#v", err)
	}
	for _, tt := range []struct {
		name string
		view slack.HomeTabViewRequest
		want string
	}{
		{"long private_metadata", slack.HomeTabViewRequest{Type: slack.VTHomeTab, PrivateMetadata: strings.Repeat("m", 3001)}, "[json-pointer:/view/private_metadata]"},
		{"long callback_id", slack.HomeTabViewRequest{Type: slack.VTHomeTab, CallbackID: strings.Repeat("c", 256)}, "[json-pointer:/view/callback_id]"},
		{"long external_id", slack.HomeTabViewRequest{Type: slack.VTHomeTab, ExternalID: strings.Repeat("e", 256)}, "[json-pointer:/view/external_id]"},
		{"unescaped mrkdwn", slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: []slack.Block{section("Q&A")}}}, "[json-pointer:/view/blocks/0/text/text]"},
	} {
		_, err = api.PublishView("U1", tt.view, "")
		if !errors.As(err, &slackErr) || slackErr.Err != "invalid_arguments" || !strings.Contains(strings.Join(slackErr.ResponseMetadata.Messages, "\n"), tt.want) {
			t.Errorf("%s: %v %+v, want invalid_arguments at %s", tt.name, err, slackErr.ResponseMetadata, tt.want)
		}
	}
	if len(s.Views("U1")) != 1 {
		t.Error("a refused view was kept")
	}
}

func TestRefuseToken(t *testing.T) {
	t.Parallel()
	s, api := newAPI(t)
	s.RefuseToken(bot, "token_revoked")
	for _, call := range []func() error{
		func() error { _, err := api.AuthTest(); return err },
		func() error { _, _, err := api.PostMessage("C1", slack.MsgOptionText("hi", false)); return err },
	} {
		var slackErr slack.SlackErrorResponse
		if err := call(); !errors.As(err, &slackErr) || slackErr.Err != "token_revoked" {
			t.Errorf("with the token refused: %v, want token_revoked", err)
		}
	}
	s.RefuseToken(bot, "")
	if _, err := api.AuthTest(); err != nil {
		t.Errorf("with the token taken again: %v", err)
	}
}

func TestRateLimit(t *testing.T) {
	t.Parallel()
	s, api := newAPI(t)
	s.RateLimitNext("chat.postMessage", 7)
	_, _, err := api.PostMessage("C1", slack.MsgOptionText("hi", false))
	var limited *slack.RateLimitedError
	if !errors.As(err, &limited) || limited.RetryAfter != 7*time.Second {
		t.Fatalf("err = %v, want a RateLimitedError after 7s", err)
	}
	if _, _, err := api.PostMessage("C1", slack.MsgOptionText("hi", false)); err != nil {
		t.Fatalf("the fault was not consumed: %v", err)
	}
	calls := s.Calls("chat.postMessage")
	if len(calls) != 2 || calls[0].Status != http.StatusTooManyRequests || calls[0].Error != "ratelimited" || calls[1].Status != http.StatusOK {
		t.Errorf("calls = %+v", calls)
	}
	if len(s.Messages("C1")) != 1 {
		t.Error("a rate-limited message was kept")
	}
}

func TestFailNext(t *testing.T) {
	t.Parallel()
	s, api := newAPI(t)
	s.FailNext("chat.postMessage", "not_in_channel")
	s.FailNext("chat.postMessage", "channel_not_found")
	for _, want := range []string{"not_in_channel", "channel_not_found"} {
		_, _, err := api.PostMessage("C1", slack.MsgOptionText("hi", false))
		var slackErr slack.SlackErrorResponse
		if !errors.As(err, &slackErr) || slackErr.Err != want || err.Error() != want {
			t.Errorf("err = %#v, want %s", err, want)
		}
	}
	s.ServerErrorNext("chat.postMessage", http.StatusServiceUnavailable)
	_, _, err := api.PostMessage("C1", slack.MsgOptionText("hi", false))
	var status slack.StatusCodeError
	if !errors.As(err, &status) || status.Code != http.StatusServiceUnavailable || !status.Retryable() {
		t.Errorf("err = %#v, want StatusCodeError 503", err)
	}
	if len(s.Messages("")) != 0 {
		t.Error("a failed message was kept")
	}
}

func TestInvalidBlocks(t *testing.T) {
	t.Parallel()
	s, api := newAPI(t)
	many := make([]slack.Block, 51)
	for i := range many {
		many[i] = slack.NewDividerBlock()
	}
	elements := make([]slack.MixedElement, 11)
	for i := range elements {
		elements[i] = slack.NewTextBlockObject(slack.PlainTextType, "x", false, false)
	}
	tests := []struct {
		name   string
		blocks []slack.Block
		errSub string
	}{
		{"51 blocks", many, "no more than 50 items allowed [json-pointer:/blocks]"},
		{"long section", []slack.Block{section(strings.Repeat("ä", 3001))}, "must be less than 3001 characters [json-pointer:/blocks/0/text/text]"},
		{"empty section", []slack.Block{section("")}, "must be more than 0 characters"},
		{"11 context elements", []slack.Block{slack.NewContextBlock("", elements...)}, "no more than 10 items allowed [json-pointer:/blocks/0/elements]"},
		{"long button value", []slack.Block{slack.NewActionBlock("", slack.NewButtonBlockElement("a", strings.Repeat("v", 2001), slack.NewTextBlockObject(slack.PlainTextType, "b", false, false)))}, "[json-pointer:/blocks/0/elements/0/value]"},
		{"markdown text type", []slack.Block{slack.NewSectionBlock(&slack.TextBlockObject{Type: "markdown", Text: "x"}, nil, nil)}, "[json-pointer:/blocks/0/text/type]"},
		{"mrkdwn header", []slack.Block{slack.NewHeaderBlock(slack.NewTextBlockObject(slack.MarkdownType, "x", false, false))}, `must be "plain_text"`},
		{"duplicate block_id", []slack.Block{&slack.DividerBlock{Type: slack.MBTDivider, BlockID: "a"}, &slack.DividerBlock{Type: slack.MBTDivider, BlockID: "a"}}, "duplicate block_id"},
		{"long button text", []slack.Block{slack.NewActionBlock("", slack.NewButtonBlockElement("a", "v", slack.NewTextBlockObject(slack.PlainTextType, strings.Repeat("b", 76), false, false)))}, "must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]"},
		{"long header", []slack.Block{slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, strings.Repeat("h", 151), false, false))}, "must be less than 151 characters [json-pointer:/blocks/0/text/text]"},
		{"long action_id", []slack.Block{slack.NewActionBlock("", slack.NewButtonBlockElement(strings.Repeat("a", 256), "v", slack.NewTextBlockObject(slack.PlainTextType, "b", false, false)))}, "[json-pointer:/blocks/0/elements/0/action_id]"},
		{"long block_id", []slack.Block{&slack.DividerBlock{Type: slack.MBTDivider, BlockID: strings.Repeat("d", 256)}}, "must be less than 256 characters [json-pointer:/blocks/0/block_id]"},
		{"unescaped & in a section", []slack.Block{section("Q&A")}, `unescaped '&' at character 2`},
		{"11 checkboxes", []slack.Block{slack.NewActionBlock("", slack.NewCheckboxGroupsBlockElement("c", checkboxes(11, "d")...))}, "no more than 10 items allowed [json-pointer:/blocks/0/elements/0/options]"},
		{"long checkbox description", []slack.Block{slack.NewActionBlock("", slack.NewCheckboxGroupsBlockElement("c", checkboxes(1, strings.Repeat("d", 76))...))}, "must be less than 76 characters [json-pointer:/blocks/0/elements/0/options/0/description/text]"},
		{"unescaped < in a context", []slack.Block{slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, "a <b> c", false, false))}, `unescaped '<' at character 3`},
	}
	for _, tt := range tests {
		_, _, err := api.PostMessage("C1", slack.MsgOptionText("x", false), slack.MsgOptionBlocks(tt.blocks...))
		var slackErr slack.SlackErrorResponse
		if !errors.As(err, &slackErr) || slackErr.Err != "invalid_blocks" {
			t.Errorf("%s: err = %v, want invalid_blocks", tt.name, err)
			continue
		}
		var found []string
		for _, e := range slackErr.Errors {
			if e.Message != nil {
				found = append(found, *e.Message)
			}
		}
		if !strings.Contains(strings.Join(found, "\n"), tt.errSub) {
			t.Errorf("%s: errors %q lack %q", tt.name, found, tt.errSub)
		}
	}
	if _, _, err := api.PostMessage("C1", slack.MsgOptionText(strings.Repeat("x", 40001), false)); err == nil || err.Error() != "msg_too_long" {
		t.Errorf("40001 characters: %v, want msg_too_long", err)
	}
	if _, _, err := api.PostMessage("C1"); err == nil || err.Error() != "no_text" {
		t.Errorf("no text: %v, want no_text", err)
	}
	if len(s.Messages("")) != 0 {
		t.Error("a refused message was kept")
	}
}

func TestMarkup(t *testing.T) {
	// The fallback text and mrkdwn take &, < and > only escaped or in a
	// link or mention; plain text takes them as they are.
	t.Parallel()
	s, api := newAPI(t)
	tests := []struct {
		text string
		ok   bool
	}{
		{"Fish &amp; chips &lt;3 &gt;", true},
		{"<https://isa.example/a?b=1&amp;c=2|Q&amp;A> <@U123> <#C42|presse> <!here> <mailto:a@b.example>", true},
		{"Fish & chips", false},
		{"&nbsp;", false},
		{"a < b", false},
		{"a > b", false},
		{"> quoted", false},
		{"<b>bold</b>", false},
		{"<https://isa.example/a?b=1&c=2|x>", false},
		{"<https://isa.example", false},
		{"<>", false},
	}
	for _, tt := range tests {
		_, _, err := api.PostMessage("C1", slack.MsgOptionText(tt.text, false))
		var slackErr slack.SlackErrorResponse
		switch {
		case tt.ok && err != nil:
			t.Errorf("text %q: %v", tt.text, err)
		case !tt.ok && (!errors.As(err, &slackErr) || slackErr.Err != "invalid_arguments" || len(slackErr.ResponseMetadata.Messages) != 1 ||
			!strings.Contains(slackErr.ResponseMetadata.Messages[0], "unescaped") || !strings.HasSuffix(slackErr.ResponseMetadata.Messages[0], "[json-pointer:/text]")):
			t.Errorf("text %q: %v %+v, want invalid_arguments for the unescaped text", tt.text, err, slackErr.ResponseMetadata)
		}
		_, _, err = api.PostMessage("C1", slack.MsgOptionText("x", false), slack.MsgOptionBlocks(section(tt.text)))
		if gotOK := err == nil; gotOK != tt.ok {
			t.Errorf("mrkdwn %q: %v", tt.text, err)
		}
	}
	plain := slack.NewSectionBlock(slack.NewTextBlockObject(slack.PlainTextType, "Fish & chips <3", false, false), nil, nil)
	if _, _, err := api.PostMessage("C1", slack.MsgOptionText("x", false), slack.MsgOptionBlocks(plain)); err != nil {
		t.Errorf("plain text with & and <: %v", err)
	}
	// slack-go's own escaping passes.
	if _, _, err := api.PostMessage("C1", slack.MsgOptionText("Fish & chips <3", true)); err != nil {
		t.Errorf("text escaped by slack-go: %v", err)
	}
	if n := len(s.Messages("")); n != 2*2+2 {
		t.Errorf("%d messages kept, want the 6 accepted", n)
	}
}

func TestResponseURL(t *testing.T) {
	t.Parallel()
	s, api := newAPI(t)
	u := s.NewResponseURL()
	if !strings.HasPrefix(u, s.URL()+"/response/") || u == s.NewResponseURL() {
		t.Fatalf("response URL %q", u)
	}
	msg := &slack.WebhookMessage{ResponseType: slack.ResponseTypeEphemeral, Text: "answer", Blocks: &slack.Blocks{BlockSet: []slack.Block{section("answer")}}}
	if err := slack.PostWebhookCustomHTTPContext(t.Context(), u, http.DefaultClient, msg); err != nil {
		t.Fatal(err)
	}
	// slack-go's response_url mode of chat options reads Slack's "ok".
	if _, _, err := api.PostMessage("", slack.MsgOptionResponseURL(u, slack.ResponseTypeInChannel), slack.MsgOptionText("shared", false)); err != nil {
		t.Fatal(err)
	}
	bad := &slack.WebhookMessage{Text: "x", Blocks: &slack.Blocks{BlockSet: []slack.Block{section("")}}}
	err := slack.PostWebhookCustomHTTPContext(t.Context(), u, http.DefaultClient, bad)
	var status slack.StatusCodeError
	if !errors.As(err, &status) || status.Code != http.StatusBadRequest {
		t.Errorf("invalid blocks: %v, want 400", err)
	}
	for range 3 {
		if err := slack.PostWebhookCustomHTTPContext(t.Context(), u, http.DefaultClient, &slack.WebhookMessage{DeleteOriginal: true}); err != nil {
			t.Fatal(err)
		}
	}
	err = slack.PostWebhookCustomHTTPContext(t.Context(), u, http.DefaultClient, msg)
	if !errors.As(err, &status) || status.Code != http.StatusNotFound {
		t.Errorf("sixth post: %v, want 404", err)
	}
	if calls := s.WaitCalls(t, "response_url", 7); calls[6].Error != "expired_url" || calls[2].Error != "invalid_blocks" {
		t.Errorf("calls = %+v", calls)
	}
	posts := s.ResponsePosts()
	if len(posts) != 5 {
		t.Fatalf("posts = %+v", posts)
	}
	if p := posts[0]; p.ResponseType != "ephemeral" || p.Text != "answer" || len(p.Blocks) == 0 || p.DeleteOriginal || !strings.HasSuffix(u, "/"+p.ID) {
		t.Errorf("first post = %+v", p)
	}
	if p := posts[1]; p.ResponseType != "in_channel" || p.Text != "shared" {
		t.Errorf("second post = %+v", p)
	}
	if !posts[4].DeleteOriginal {
		t.Errorf("last post = %+v", posts[4])
	}

	// What Slack would refuse takes none of the URL's five uses.
	u3 := s.NewResponseURL()
	for _, tt := range []struct {
		name string
		msg  *slack.WebhookMessage
		want string
	}{
		{"unescaped text", &slack.WebhookMessage{Text: "Q&A <now>"}, "invalid_payload"},
		{"unknown response_type", &slack.WebhookMessage{ResponseType: "everyone", Text: "x"}, "invalid_payload"},
		{"no text", &slack.WebhookMessage{ResponseType: slack.ResponseTypeEphemeral}, "no_text"},
		{"too long", &slack.WebhookMessage{Text: strings.Repeat("x", 40001)}, "msg_too_long"},
		{"unescaped mrkdwn", &slack.WebhookMessage{Text: "x", Blocks: &slack.Blocks{BlockSet: []slack.Block{section("<b>")}}}, "invalid_blocks"},
	} {
		err := slack.PostWebhookCustomHTTPContext(t.Context(), u3, http.DefaultClient, tt.msg)
		if !errors.As(err, &status) || status.Code != http.StatusBadRequest {
			t.Errorf("%s: %v, want 400", tt.name, err)
		}
		if calls := s.Calls("response_url"); calls[len(calls)-1].Error != tt.want {
			t.Errorf("%s: answered %q, want %q", tt.name, calls[len(calls)-1].Error, tt.want)
		}
	}
	if len(s.ResponsePosts()) != 5 {
		t.Errorf("a refused post was kept")
	}

	u2 := s.NewResponseURL()
	s.RateLimitNext("response_url", 3)
	err = slack.PostWebhookCustomHTTPContext(t.Context(), u2, http.DefaultClient, msg)
	var limited *slack.RateLimitedError
	if !errors.As(err, &limited) || limited.RetryAfter != 3*time.Second {
		t.Errorf("rate limited response_url: %v", err)
	}
}

func TestPayloadsParse(t *testing.T) {
	t.Parallel()
	raw := slackfake.EventCallback("Ev01", slackfake.AppMention("U1", "C1", "<@UBOT> Wer ist Mitglied?", "1700000001.000100"))
	ev, err := slackevents.ParseEvent(json.RawMessage(raw), slackevents.OptionNoVerifyToken())
	if err != nil {
		t.Fatal(err)
	}
	cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent)
	mention, ok2 := ev.InnerEvent.Data.(*slackevents.AppMentionEvent)
	if !ok || !ok2 || cb.EventID != "Ev01" || ev.TeamID != slackfake.TeamID || mention.User != "U1" || mention.Channel != "C1" || mention.TimeStamp != "1700000001.000100" || len(cb.Authorizations) != 1 {
		t.Errorf("parsed %+v / %+v", ev, ev.InnerEvent.Data)
	}
	ev, err = slackevents.ParseEvent(json.RawMessage(slackfake.EventCallback("Ev02", slackfake.DirectMessage("U1", "D1", "hallo", "1.2"))), slackevents.OptionNoVerifyToken())
	if msg, ok := ev.InnerEvent.Data.(*slackevents.MessageEvent); err != nil || !ok || msg.ChannelType != slackevents.ChannelTypeIM || msg.Text != "hallo" {
		t.Errorf("direct message: %v %+v", err, ev.InnerEvent.Data)
	}
	ev, err = slackevents.ParseEvent(json.RawMessage(slackfake.EventCallback("Ev03", slackfake.AppHomeOpened("U1"))), slackevents.OptionNoVerifyToken())
	if home, ok := ev.InnerEvent.Data.(*slackevents.AppHomeOpenedEvent); err != nil || !ok || home.Tab != "home" || home.User != "U1" {
		t.Errorf("app home: %v %+v", err, ev.InnerEvent.Data)
	}
	ev, err = slackevents.ParseEvent(json.RawMessage(slackfake.URLVerification("chal")), slackevents.OptionNoVerifyToken())
	if v, ok := ev.Data.(*slackevents.EventsAPIURLVerificationEvent); err != nil || !ok || v.Challenge != "chal" {
		t.Errorf("url_verification: %v %+v", err, ev.Data)
	}

	form := slackfake.SlashCommand("/isa", "search Qingdao", "U1", "C1", "http://127.0.0.1:1/response/R1")
	req := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	cmd, err := slack.SlashCommandParse(req)
	if err != nil || cmd.Command != "/isa" || cmd.Text != "search Qingdao" || cmd.UserID != "U1" || cmd.ChannelID != "C1" || cmd.ResponseURL != "http://127.0.0.1:1/response/R1" || cmd.TriggerID == "" || cmd.TeamID != slackfake.TeamID || cmd.APIAppID != slackfake.AppID {
		t.Errorf("slash command: %v %+v", err, cmd)
	}

	var cb2 slack.InteractionCallback
	if err := json.Unmarshal(slackfake.BlockAction("U1", "C1", "http://127.0.0.1:1/response/R2", "isa_share", `{"t":"x"}`), &cb2); err != nil {
		t.Fatal(err)
	}
	if cb2.Type != slack.InteractionTypeBlockActions || cb2.User.ID != "U1" || cb2.Channel.ID != "C1" || cb2.ResponseURL == "" || !cb2.Container.IsEphemeral || cb2.Container.MessageTs == "" ||
		len(cb2.ActionCallback.BlockActions) != 1 || cb2.ActionCallback.BlockActions[0].ActionID != "isa_share" || cb2.ActionCallback.BlockActions[0].Value != `{"t":"x"}` {
		t.Errorf("block action: %+v", cb2)
	}
}

func TestSign(t *testing.T) {
	t.Parallel()
	body := slackfake.EventCallback("Ev01", slackfake.AppMention("U1", "C1", "hi", "1.1"))
	timestamp, signature := slackfake.Sign("s3cret", time.Now(), body)
	h := http.Header{}
	h.Set("X-Slack-Request-Timestamp", timestamp)
	h.Set("X-Slack-Signature", signature)
	v, err := slack.NewSecretsVerifier(h, "s3cret")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = v.Write(body)
	if err := v.Ensure(); err != nil {
		t.Errorf("signature refused: %v", err)
	}
	req := httptest.NewRequest(http.MethodPost, "/slack/events", bytes.NewReader(body))
	slackfake.SignRequest(req, "s3cret", body)
	if v, err := slack.NewSecretsVerifier(req.Header, "s3cret"); err != nil {
		t.Error(err)
	} else if _, _ = v.Write(body); v.Ensure() != nil {
		t.Error("SignRequest's signature refused")
	}
	v, _ = slack.NewSecretsVerifier(h, "other")
	_, _ = v.Write(body)
	if v.Ensure() == nil {
		t.Error("signature accepted with another secret")
	}
	// Sign is the documented HMAC.
	mac := hmac.New(sha256.New, []byte("k"))
	mac.Write([]byte("v0:1:b"))
	if ts, sig := slackfake.Sign("k", time.Unix(1, 0), []byte("b")); ts != "1" || sig != "v0="+hex.EncodeToString(mac.Sum(nil)) {
		t.Errorf("Sign = %s %s", ts, sig)
	}
}

// nextEvent reads client events until one of type typ.
func nextEvent(t *testing.T, client *socketmode.Client, typ socketmode.EventType) socketmode.Event {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case evt := <-client.Events:
			if evt.Type == typ {
				return evt
			}
			if evt.Type == socketmode.EventTypeErrorBadMessage || evt.Type == socketmode.EventTypeInvalidAuth {
				t.Fatalf("socketmode event %s: %+v", evt.Type, evt.Data)
			}
		case <-timeout:
			t.Fatalf("no %s event within 5s", typ)
		}
	}
}

func TestSocketMode(t *testing.T) {
	t.Parallel()
	s := slackfake.NewServer(t, bot, app)
	api := slack.New(bot, slack.OptionAppLevelToken(app), slack.OptionAPIURL(s.APIURL()))
	client := socketmode.New(api)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- client.RunContext(ctx) }()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("RunContext did not return after cancel")
		}
	}()

	nextEvent(t, client, socketmode.EventTypeConnected)
	hello := nextEvent(t, client, socketmode.EventTypeHello)
	if hello.Request.ConnectionInfo.AppID != slackfake.AppID || hello.Request.NumConnections != 1 {
		t.Errorf("hello = %+v", hello.Request)
	}
	if open := s.Calls("apps.connections.open"); len(open) != 1 || open[0].Token != app {
		t.Errorf("apps.connections.open calls = %+v", open)
	}

	// An Events API envelope, acknowledged without payload.
	id := s.SendEnvelope(t, "events_api", slackfake.EventCallback("Ev01", slackfake.AppMention("U1", "C1", "<@UBOT> hallo", "1700000001.000100")), false)
	evt := nextEvent(t, client, socketmode.EventTypeEventsAPI)
	data, ok := evt.Data.(slackevents.EventsAPIEvent)
	if !ok || evt.Request.EnvelopeID != id {
		t.Fatalf("event = %+v", evt)
	}
	if m, ok := data.InnerEvent.Data.(*slackevents.AppMentionEvent); !ok || m.Text != "<@UBOT> hallo" {
		t.Errorf("inner event = %+v", data.InnerEvent.Data)
	}
	if s.Acked(id) {
		t.Error("acked before the client acked")
	}
	if err := client.Ack(*evt.Request); err != nil {
		t.Fatal(err)
	}
	if payload := s.WaitAck(t, id); payload != nil {
		t.Errorf("ack payload = %s, want none", payload)
	}

	// A slash command, acknowledged with a response payload.
	id = s.SendEnvelope(t, "slash_commands", slackfake.SlashCommand("/isa", "hilfe", "U1", "C1", s.NewResponseURL()), true)
	evt = nextEvent(t, client, socketmode.EventTypeSlashCommand)
	if cmd, ok := evt.Data.(slack.SlashCommand); !ok || cmd.Text != "hilfe" || cmd.ResponseURL == "" || !evt.Request.AcceptsResponsePayload {
		t.Errorf("slash command = %+v", evt)
	}
	if err := client.Ack(*evt.Request, map[string]any{"text": "working on it"}); err != nil {
		t.Fatal(err)
	}
	if payload := s.WaitAck(t, id); string(payload) != `{"text":"working on it"}` {
		t.Errorf("ack payload = %s", payload)
	}

	// A button press.
	id = s.SendEnvelope(t, "interactive", slackfake.BlockAction("U1", "C1", s.NewResponseURL(), "isa_share", "v"), false)
	evt = nextEvent(t, client, socketmode.EventTypeInteractive)
	if cb, ok := evt.Data.(slack.InteractionCallback); !ok || cb.ActionCallback.BlockActions[0].Value != "v" {
		t.Errorf("interaction = %+v", evt)
	}
	client.Ack(*evt.Request)
	s.WaitAck(t, id)

	// Slack asks for a refresh; the client reconnects.
	s.Disconnect()
	s.WaitConnections(t, 2)
	if n := s.Connections(); n != 2 {
		t.Errorf("Connections() = %d, want 2", n)
	}
	id = s.SendEnvelope(t, "events_api", slackfake.EventCallback("Ev02", slackfake.AppHomeOpened("U1")), false)
	evt = nextEvent(t, client, socketmode.EventTypeEventsAPI)
	if evt.Request.EnvelopeID != id {
		t.Errorf("after reconnecting, got envelope %s, want %s", evt.Request.EnvelopeID, id)
	}
	client.Ack(*evt.Request)
	s.WaitAck(t, id)
	if open := s.Calls("apps.connections.open"); len(open) != 2 {
		t.Errorf("apps.connections.open called %d times, want 2", len(open))
	}
}

func TestSocketNeedsTicket(t *testing.T) {
	t.Parallel()
	s := slackfake.NewServer(t, bot, app)
	res, err := http.Get(s.URL() + "/socket?ticket=made-up")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("status %d, want 401", res.StatusCode)
	}
}

func TestJSONBodyNeedsHeaderToken(t *testing.T) {
	t.Parallel()
	s := slackfake.NewServer(t, bot, app)
	body := []byte(`{"token":"` + bot + `","channel":"C1","text":"hi"}`)
	res, err := http.Post(s.APIURL()+"chat.postMessage", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(data), `"error":"not_authed"`) {
		t.Errorf("answer %s, want not_authed", data)
	}
}

// The fake pings like Slack, so a client expecting pings every 600ms
// keeps its connection.
func TestSocketModePings(t *testing.T) {
	t.Parallel()
	s := slackfake.NewServer(t, bot, app)
	api := slack.New(bot, slack.OptionAppLevelToken(app), slack.OptionAPIURL(s.APIURL()))
	client := socketmode.New(api, socketmode.OptionPingInterval(600*time.Millisecond))
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- client.RunContext(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	nextEvent(t, client, socketmode.EventTypeHello)
	idle := time.After(1500 * time.Millisecond)
	for waiting := true; waiting; {
		select {
		case evt := <-client.Events:
			if evt.Type == socketmode.EventTypeConnecting {
				t.Fatalf("the client reconnected: %+v", evt.Data)
			}
		case <-idle:
			waiting = false
		}
	}
	if n := s.Connections(); n != 1 {
		t.Errorf("Connections() = %d, want 1", n)
	}
}

// modal is a valid modal with a text input and a language select.
func modal() slack.ModalViewRequest {
	plain := func(s string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
	}
	de := slack.NewOptionBlockObject("de", plain("Deutsch"), nil)
	sel := slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, nil, "lang", de, slack.NewOptionBlockObject("en", plain("English"), nil))
	sel.InitialOption = de
	text := slack.NewPlainTextInputBlockElement(nil, "reply")
	text.MaxLength = 3000
	return slack.ModalViewRequest{
		Type: slack.VTModal, Title: plain("Reply"), Submit: plain("Send"), Close: plain("Cancel"),
		CallbackID: "cb", PrivateMetadata: "id-1",
		Blocks: slack.Blocks{BlockSet: []slack.Block{
			slack.NewInputBlock("reply", plain("Your reply"), nil, text),
			slack.NewInputBlock("lang", plain("Language"), nil, sel),
		}},
	}
}

func TestOpenView(t *testing.T) {
	t.Parallel()
	s, api := newAPI(t)
	res, err := api.OpenView("T1", modal())
	if err != nil {
		t.Fatal(err)
	}
	if res.View.ID == "" || res.View.Type != slack.VTModal {
		t.Errorf("view = %+v", res.View)
	}
	if _, err := api.OpenView("T1", modal()); err == nil || err.Error() != "expired_trigger_id" {
		t.Errorf("a trigger id used twice: %v", err)
	}
	var slackErr slack.SlackErrorResponse
	for i, tt := range []struct {
		name   string
		change func(*slack.ModalViewRequest)
		want   string
	}{
		{"long title", func(v *slack.ModalViewRequest) { v.Title.Text = strings.Repeat("t", 25) }, "[json-pointer:/view/title/text]"},
		{"no submit for inputs", func(v *slack.ModalViewRequest) { v.Submit = nil }, "[json-pointer:/view/submit]"},
		{"long input", func(v *slack.ModalViewRequest) {
			v.Blocks.BlockSet[0].(*slack.InputBlock).Element.(*slack.PlainTextInputBlockElement).MaxLength = 3001
		}, "[json-pointer:/view/blocks/0/element/max_length]"},
		{"initial option not offered", func(v *slack.ModalViewRequest) {
			v.Blocks.BlockSet[1].(*slack.InputBlock).Element.(*slack.SelectBlockElement).InitialOption = slack.NewOptionBlockObject("zh", slack.NewTextBlockObject(slack.PlainTextType, "中文", false, false), nil)
		}, "[json-pointer:/view/blocks/1/element/initial_option]"},
		{"no label", func(v *slack.ModalViewRequest) { v.Blocks.BlockSet[0].(*slack.InputBlock).Label = nil }, "[json-pointer:/view/blocks/0/label]"},
	} {
		v := modal()
		tt.change(&v)
		_, err := api.OpenView(fmt.Sprintf("T-bad-%d", i), v)
		if !errors.As(err, &slackErr) || slackErr.Err != "invalid_arguments" || !strings.Contains(strings.Join(slackErr.ResponseMetadata.Messages, "\n"), tt.want) {
			t.Errorf("%s: %v %+v, want invalid_arguments at %s", tt.name, err, slackErr.ResponseMetadata, tt.want)
		}
	}
	modals := s.Modals()
	if len(modals) != 1 || modals[0].TriggerID != "T1" {
		t.Fatalf("modals = %+v", modals)
	}

	var cb slack.InteractionCallback
	submission, err := slackfake.ViewSubmission("U1", modals[0], map[string]map[string]any{
		"reply": {"reply": slackfake.TextValue("Hallo")}, "lang": {"lang": slackfake.SelectValue("en")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(submission, &cb); err != nil {
		t.Fatal(err)
	}
	if cb.Type != slack.InteractionTypeViewSubmission || cb.User.ID != "U1" || cb.TriggerID == "" || cb.View.ID != modals[0].ID ||
		cb.View.CallbackID != "cb" || cb.View.PrivateMetadata != "id-1" ||
		cb.View.State.Values["reply"]["reply"].Value != "Hallo" || cb.View.State.Values["lang"]["lang"].SelectedOption.Value != "en" {
		t.Errorf("view submission: %+v", cb)
	}
	var closed slack.InteractionCallback
	if err := json.Unmarshal(slackfake.ViewClosed("U1", modals[0]), &closed); err != nil {
		t.Fatal(err)
	}
	if closed.Type != slack.InteractionTypeViewClosed || closed.View.PrivateMetadata != "id-1" {
		t.Errorf("view closed: %+v", closed)
	}
}

// checkboxes are n options of checkboxes with the description desc.
func checkboxes(n int, desc string) []*slack.OptionBlockObject {
	out := make([]*slack.OptionBlockObject, n)
	for i := range out {
		out[i] = slack.NewOptionBlockObject(fmt.Sprint(i), slack.NewTextBlockObject(slack.PlainTextType, "o", false, false),
			slack.NewTextBlockObject(slack.PlainTextType, desc, false, false))
	}
	return out
}

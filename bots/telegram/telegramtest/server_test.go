package telegramtest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
)

const token = "1000:test-token"

var (
	journalist = models.User{ID: 42, FirstName: "Jo", Username: "jo_reporter", LanguageCode: "de"}
	private    = models.Chat{ID: 42, Type: models.ChatTypePrivate, FirstName: "Jo", Username: "jo_reporter"}
	group      = models.Chat{ID: -1001234567890, Type: models.ChatTypeSupergroup, Title: "Press room", Username: "pressroom"}
)

// newBot is a go-telegram/bot client of s that skips getMe and keeps its
// errors quiet; extra options come last.
func newBot(t *testing.T, s *telegramtest.Server, opts ...bot.Option) *bot.Bot {
	t.Helper()
	opts = append([]bot.Option{
		bot.WithServerURL(s.URL()), bot.WithSkipGetMe(), bot.WithErrorsHandler(func(error) {}),
	}, opts...)
	b, err := bot.New(token, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// start runs b's long polling until the test ends.
func start(t *testing.T, b *bot.Bot) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		b.Start(ctx)
		close(done)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

func receive(t *testing.T, ch <-chan *models.Update) *models.Update {
	t.Helper()
	select {
	case u := <-ch:
		return u
	case <-time.After(2 * time.Second):
		t.Fatal("no update reached the handler")
		return nil
	}
}

// post sends a raw request to the server and decodes the answer.
func post(t *testing.T, s *telegramtest.Server, path, contentType, body string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(s.URL()+path, contentType, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%s: %v in %s", path, err, raw)
	}
	return resp.StatusCode, v
}

// keyboard is an inline keyboard of one row of buttons written as JSON.
// go-telegram/bot's own InlineKeyboardButton cannot be used: it sends
// copy_text beside every other field, and the server refuses a button
// with two.
func keyboard(buttons ...string) models.ReplyMarkup {
	return json.RawMessage(`{"inline_keyboard":[[` + strings.Join(buttons, ",") + `]]}`)
}

func wantErr(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error = %v, want one containing %q", err, want)
	}
}

func TestGetMe(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	b, err := bot.New(token, bot.WithServerURL(s.URL())) // New calls getMe
	if err != nil {
		t.Fatal(err)
	}
	me, err := b.GetMe(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if me.ID != 1000 || !me.IsBot || me.Username != "isa_test_bot" || me.FirstName != "ISA Bot" || !me.CanJoinGroups {
		t.Errorf("getMe = %+v", me)
	}

	s.SetBotInfo("other_bot")
	if me, _ := b.GetMe(context.Background()); me.Username != "other_bot" {
		t.Errorf("after SetBotInfo, username = %q", me.Username)
	}

	// The wire has the Bot API's field name; go-telegram/bot's User reads
	// "support_inline_queries" and so never sees it.
	_, v := post(t, s, "/bot"+token+"/getMe", "", "")
	if res := v["result"].(map[string]any); res["supports_inline_queries"] != true {
		t.Errorf("getMe result = %v", res)
	}
	if len(s.Calls("getMe")) != 4 {
		t.Errorf("getMe calls = %d, want 4", len(s.Calls("getMe")))
	}
}

func TestWrongTokenAndUnknownMethod(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	_, err := bot.New("1000:wrong", bot.WithServerURL(s.URL()))
	if !errors.Is(err, bot.ErrorUnauthorized) {
		t.Fatalf("bot.New with a wrong token: %v", err)
	}

	status, v := post(t, s, "/bot1000:wrong/getMe", "", "")
	if status != 401 || v["ok"] != false || v["error_code"] != 401.0 || v["description"] != "Unauthorized" {
		t.Errorf("wrong token: %d %v", status, v)
	}
	status, v = post(t, s, "/botnot-a-token/getMe", "", "")
	if status != 404 || v["error_code"] != 404.0 || v["description"] != "Not Found" {
		t.Errorf("no token at all: %d %v", status, v)
	}
	// A token revoked, then valid again.
	s.SetToken("1000:other")
	if status, _ := post(t, s, "/bot"+token+"/getMe", "", ""); status != 401 {
		t.Errorf("revoked token: %d", status)
	}
	s.SetToken(token)
	if status, _ := post(t, s, "/bot"+token+"/getMe", "", ""); status != 200 {
		t.Errorf("token accepted again: %d", status)
	}
	status, v = post(t, s, "/bot"+token+"/sendTelepathy", "", "")
	if status != 404 || v["error_code"] != 404.0 || v["description"] != "Not Found" {
		t.Errorf("unknown method: %d %v", status, v)
	}
	if c := s.Calls("sendTelepathy"); len(c) != 1 || c[0].Status != 404 {
		t.Errorf("unknown method calls = %+v", c)
	}
}

func TestLongPolling(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	got := make(chan *models.Update, 10)
	b := newBot(t, s, bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) {
		got <- u
	}))
	start(t, b)
	s.WaitCalls(t, "getUpdates", 1) // the bot is waiting

	id := s.SendText(group, journalist, "/latest@isa_test_bot from @duisburg_city")
	u := receive(t, got)
	if u.ID != id || u.Message == nil || u.Message.Text != "/latest@isa_test_bot from @duisburg_city" {
		t.Fatalf("update = %+v", u)
	}
	m := u.Message
	if m.ID != 1 || m.Chat.ID != group.ID || m.Chat.Title != "Press room" || m.From.ID != journalist.ID || m.Date == 0 {
		t.Errorf("message = %+v", m)
	}
	want := []models.MessageEntity{
		{Type: models.MessageEntityTypeBotCommand, Offset: 0, Length: 20},
		{Type: models.MessageEntityTypeMention, Offset: 26, Length: 14},
	}
	if fmt.Sprint(m.Entities) != fmt.Sprint(want) {
		t.Errorf("entities = %+v, want %+v", m.Entities, want)
	}

	// The next poll confirms the update with its offset, and waits as long
	// as the library asks (its poll timeout, a minute, less one second).
	calls := s.WaitCalls(t, "getUpdates", 2)
	last := calls[len(calls)-1].Params
	if last["offset"] != strconv.FormatInt(id+1, 10) || last["timeout"] != "59" {
		t.Errorf("second getUpdates params = %v", last)
	}

	// A duplicate delivery has the same update_id.
	s.PushAgain(id)
	if u := receive(t, got); u.ID != id {
		t.Errorf("redelivered update id = %d, want %d", u.ID, id)
	}
	id2 := s.SendText(private, journalist, "Wie viele Städte?")
	if u := receive(t, got); u.ID != id2 || u.Message.Text != "Wie viele Städte?" {
		t.Errorf("update after the duplicate = %+v", u)
	}
}

func TestInlineAndCallbackThroughHandlers(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	errs := make(chan error, 10)
	b := newBot(t, s, bot.WithDefaultHandler(func(ctx context.Context, b *bot.Bot, u *models.Update) {
		var err error
		switch {
		case u.InlineQuery != nil:
			_, err = b.AnswerInlineQuery(ctx, &bot.AnswerInlineQueryParams{
				InlineQueryID: u.InlineQuery.ID,
				Results: []models.InlineQueryResult{&models.InlineQueryResultArticle{
					ID: "1", Title: u.InlineQuery.Query,
					InputMessageContent: &models.InputTextMessageContent{MessageText: "<b>Duisburg</b>", ParseMode: models.ParseModeHTML},
				}},
			})
		case u.CallbackQuery != nil:
			_, err = b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: u.CallbackQuery.ID, Text: "ok"})
		}
		errs <- err
	}))
	start(t, b)

	msg, err := b.SendMessage(context.Background(), &bot.SendMessageParams{
		ChatID: private.ID, Text: "Sprache?",
		ReplyMarkup: keyboard(`{"text":"Deutsch","callback_data":"lang:de"}`, `{"text":"中文","callback_data":"lang:zh"}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	s.InlineQuery(journalist, "Duisburg")
	s.Callback(private, journalist, msg.ID, "lang:zh")
	for range 2 {
		select {
		case err := <-errs:
			if err != nil {
				t.Error(err)
			}
		case <-time.After(2 * time.Second):
			t.Fatal("handler not called")
		}
	}
	if c := s.Calls("answerInlineQuery"); len(c) != 1 || c[0].Status != 200 || !strings.Contains(c[0].Params["results"], `"title":"Duisburg"`) {
		t.Errorf("answerInlineQuery calls = %+v", c)
	}
	if c := s.Calls("answerCallbackQuery"); len(c) != 1 || c[0].Params["text"] != "ok" {
		t.Errorf("answerCallbackQuery calls = %+v", c)
	}
}

func TestSendMessage(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	b := newBot(t, s)
	ctx := context.Background()

	msg, err := b.SendMessage(ctx, &bot.SendMessageParams{
		ChatID:    private.ID,
		Text:      ` 😀 <b>Duisburg</b> &amp; <a href="https://example.org/?a=1&amp;b=2">Wuhan</a> `,
		ParseMode: models.ParseModeHTML,
	})
	if err != nil {
		t.Fatal(err)
	}
	if msg.ID != 1 || msg.From == nil || msg.From.ID != 1000 || !msg.From.IsBot || msg.Chat.ID != private.ID || msg.Date == 0 {
		t.Errorf("message = %+v", msg)
	}
	if msg.Text != "😀 Duisburg & Wuhan" {
		t.Errorf("text = %q", msg.Text)
	}
	// Offsets count UTF-16 code units: the emoji is two.
	want := []models.MessageEntity{
		{Type: models.MessageEntityTypeBold, Offset: 3, Length: 8},
		{Type: models.MessageEntityTypeTextLink, Offset: 14, Length: 5, URL: "https://example.org/?a=1&b=2"},
	}
	if fmt.Sprint(msg.Entities) != fmt.Sprint(want) {
		t.Errorf("entities = %+v, want %+v", msg.Entities, want)
	}

	_, err = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: private.ID, Text: "<foo>bar</foo>", ParseMode: models.ParseModeHTML})
	if !errors.Is(err, bot.ErrorBadRequest) {
		t.Errorf("bad HTML: %v is not bot.ErrorBadRequest", err)
	}
	wantErr(t, err, `Bad Request: can't parse entities: Unsupported start tag "foo" at byte offset 0`)
	_, err = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: private.ID, Text: "<b>open", ParseMode: models.ParseModeHTML})
	wantErr(t, err, `can't parse entities: Can't find end tag corresponding to start tag "b"`)

	// The reply goes to the user's message.
	s.SendText(private, journalist, "Wer ist Mitglied?")
	reply, err := b.SendMessage(ctx, &bot.SendMessageParams{
		ChatID: private.ID, Text: "Zwölf Städte.", ReplyParameters: &models.ReplyParameters{MessageID: 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	if reply.ID != 3 || reply.ReplyToMessage == nil || reply.ReplyToMessage.Text != "Wer ist Mitglied?" {
		t.Errorf("reply = %+v", reply)
	}

	got := s.Messages(private.ID)
	if len(got) != 2 || got[0].Plain != "😀 Duisburg & Wuhan" || got[0].ParseMode != "HTML" ||
		!strings.HasPrefix(got[0].Text, " 😀 <b>") || got[1].ReplyTo != 2 || got[1].Plain != "Zwölf Städte." {
		t.Errorf("Messages = %+v", got)
	}
}

func TestSendMessageValidation(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	b := newBot(t, s)
	callback := func(data string) models.ReplyMarkup {
		raw, _ := json.Marshal(map[string]string{"text": "b", "callback_data": data})
		return keyboard(string(raw))
	}
	tests := []struct {
		name string
		p    bot.SendMessageParams
		err  string // "" for success
	}{
		{"no chat", bot.SendMessageParams{ChatID: "", Text: "x"}, "Bad Request: chat_id is empty"},
		{"unknown username", bot.SendMessageParams{ChatID: "@nobody", Text: "x"}, "Bad Request: chat not found"},
		{"empty text", bot.SendMessageParams{ChatID: 42, Text: ""}, "Bad Request: message text is empty"},
		{"blank text", bot.SendMessageParams{ChatID: 42, Text: " \n "}, "Bad Request: message text is empty"},
		{"empty after parsing", bot.SendMessageParams{ChatID: 42, Text: "<b> </b>", ParseMode: models.ParseModeHTML}, "Bad Request: message text is empty"},
		{"4096 characters", bot.SendMessageParams{ChatID: 42, Text: strings.Repeat("a", 4096)}, ""},
		{"4097 characters", bot.SendMessageParams{ChatID: 42, Text: strings.Repeat("a", 4097)}, "Bad Request: message is too long"},
		{"tags do not count", bot.SendMessageParams{ChatID: 42, Text: "<b>" + strings.Repeat("a", 4096) + "</b>", ParseMode: models.ParseModeHTML}, ""},
		{"entities count as one", bot.SendMessageParams{ChatID: 42, Text: strings.Repeat("&amp;", 4096), ParseMode: models.ParseModeHTML}, ""},
		{"emoji count twice", bot.SendMessageParams{ChatID: 42, Text: strings.Repeat("😀", 2049)}, "Bad Request: message is too long"},
		{"parse mode", bot.SendMessageParams{ChatID: 42, Text: "x", ParseMode: "BBCode"}, "Bad Request: unsupported parse_mode"},
		{"callback data of 64 bytes", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: callback(strings.Repeat("d", 64))}, ""},
		{"callback data of 65 bytes", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: callback(strings.Repeat("d", 65))}, "Bad Request: BUTTON_DATA_INVALID"},
		{"empty callback data", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: callback("")}, "Bad Request: BUTTON_DATA_INVALID"},
		{"callback data not a string", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: keyboard(`{"text":"b","callback_data":7}`)}, `Bad Request: can't parse inline keyboard button: Field "callback_data" must be of type String`},
		// go-telegram/bot sends "copy_text":{"text":""} on every button.
		{"library button", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "b", CallbackData: "d"}}}}},
			"Bad Request: can't parse inline keyboard button: exactly one of the optional fields must be used, got callback_data and copy_text"},
		{"two fields", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: keyboard(`{"text":"b","url":"https://example.org","callback_data":"d"}`)},
			"Bad Request: can't parse inline keyboard button: exactly one of the optional fields must be used, got url and callback_data"},
		{"an empty switch_inline_query counts", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: keyboard(`{"text":"b","switch_inline_query":"","callback_data":"d"}`)},
			"Bad Request: can't parse inline keyboard button: exactly one of the optional fields must be used, got callback_data and switch_inline_query"},
		{"button without action", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: keyboard(`{"text":"b"}`)}, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"},
		{"null and false are no action", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: keyboard(`{"text":"b","url":null,"pay":false}`)}, "Text buttons are unallowed"},
		{"button without text", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: keyboard(`{"text":"","callback_data":"d"}`)}, "Bad Request: BUTTON_TEXT_INVALID"},
		{"copy text button", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: keyboard(`{"text":"b","copy_text":{"text":"isa@pks-gmbh.net"}}`)}, ""},
		{"empty copy text", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: keyboard(`{"text":"b","copy_text":{"text":""}}`)}, "Bad Request: BUTTON_COPY_TEXT_INVALID"},
		{"copy text of 257 characters", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: keyboard(`{"text":"b","copy_text":{"text":"` + strings.Repeat("c", 257) + `"}}`)}, "Bad Request: BUTTON_COPY_TEXT_INVALID"},
		{"url button", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: keyboard(`{"text":"b","url":"https://example.org"}`)}, ""},
		{"bad url", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: keyboard(`{"text":"b","url":"example.org"}`)}, "Bad Request: BUTTON_URL_INVALID"},
		{"reply keyboard", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: &models.ReplyKeyboardMarkup{Keyboard: [][]models.KeyboardButton{{{Text: "a"}}}}}, ""},
		{"reply to nothing", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyParameters: &models.ReplyParameters{MessageID: 999}}, "Bad Request: message to be replied not found"},
		{"reply to nothing allowed", bot.SendMessageParams{ChatID: 42, Text: "x", ReplyParameters: &models.ReplyParameters{MessageID: 999, AllowSendingWithoutReply: true}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := b.SendMessage(context.Background(), &tt.p)
			if tt.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			wantErr(t, err, tt.err)
		})
	}
}

func TestFaults(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	b := newBot(t, s)
	ctx := context.Background()
	send := func(chatID int64) error {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: chatID, Text: "Neue Pressemitteilung"})
		return err
	}

	s.RateLimitNext("sendMessage", 7)
	err := send(42)
	var tooMany *bot.TooManyRequestsError
	if !errors.As(err, &tooMany) || tooMany.RetryAfter != 7 {
		t.Fatalf("after RateLimitNext: %v", err)
	}
	wantErr(t, err, "Too Many Requests: retry after 7")
	if err := send(42); err != nil {
		t.Fatalf("the fault is used once: %v", err)
	}
	if c := s.Calls("sendMessage"); len(c) != 2 || c[0].Status != 429 || c[1].Status != 200 {
		t.Errorf("calls = %+v", c)
	}

	s.FailNext("sendMessage", 403, "Forbidden: bot was blocked by the user")
	err = send(42)
	if !errors.Is(err, bot.ErrorForbidden) {
		t.Errorf("403: %v is not bot.ErrorForbidden", err)
	}
	wantErr(t, err, "bot was blocked by the user")

	s.FailNext("SENDMESSAGE", 500, "Internal Server Error")
	wantErr(t, send(42), "error response from telegram for method sendMessage, 500 Internal Server Error")

	s.MigrateNext(-4242, -1004242)
	err = send(-1) // another chat: not affected
	if err != nil {
		t.Fatal(err)
	}
	err = send(-4242)
	var migrate *bot.MigrateError
	if !errors.As(err, &migrate) || migrate.MigrateToChatID != -1004242 {
		t.Fatalf("after MigrateNext: %v", err)
	}
	wantErr(t, err, "group chat was upgraded to a supergroup chat")
	if errors.Is(err, bot.ErrorBadRequest) {
		t.Error("MigrateError unexpectedly wraps ErrorBadRequest")
	}
}

func TestLatency(t *testing.T) {
	// A call is handled when it arrives and answered after the latency;
	// a caller that gives up ends the wait.
	s := telegramtest.NewServer(t, token)
	s.SetLatency("sendMessage", time.Hour)
	b := newBot(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: 42, Text: "Neue Pressemitteilung"})
		done <- err
	}()
	if c := s.WaitCalls(t, "sendMessage", 1); c[0].Status != 0 {
		t.Errorf("answered before its latency: %+v", c[0])
	}
	if m := s.Messages(42); len(m) != 1 {
		t.Errorf("not handled when it arrived: %+v", m)
	}
	if _, err := b.GetMe(context.Background()); err != nil {
		t.Errorf("another method waits too: %v", err)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("the caller gave up: %v", err)
	}
}

func TestEnforceLimits(t *testing.T) {
	// Each case sends messages at times after the first and expects each
	// to be accepted, or refused with its retry_after.
	type send struct {
		at    time.Duration
		chat  int64
		retry int // the retry_after of the 429 expected; 0 when accepted
	}
	const private2 = 43
	inAll := func(n int, retry int) []send { // n to n chats, 10 ms apart
		var out []send
		for i := range n {
			out = append(out, send{at: time.Duration(i) * 10 * time.Millisecond, chat: int64(100 + i)})
		}
		out[n-1].retry = retry
		return out
	}
	toGroup := func(n int) []send { // one a second to a group
		var out []send
		for i := range n {
			out = append(out, send{at: time.Duration(i) * time.Second, chat: group.ID})
		}
		return out
	}
	for _, tt := range []struct {
		name   string
		leeway time.Duration
		sends  []send
	}{
		{"30 a second in all", 0, inAll(30, 0)},
		{"the 31st within a second", 0, inAll(31, 1)},
		{"the 31st once the first is a second old", 0, append(inAll(30, 0), send{at: time.Second, chat: 200})},
		{"one a second to a chat", 0, []send{{0, 42, 0}, {500 * time.Millisecond, 42, 1}, {600 * time.Millisecond, private2, 0}, {time.Second, 42, 0}}},
		{"leeway for a message that arrived early", 100 * time.Millisecond, []send{{0, 42, 0}, {920 * time.Millisecond, 42, 0}, {1500 * time.Millisecond, 42, 1}}},
		{"no leeway beyond it", 100 * time.Millisecond, []send{{0, 42, 0}, {880 * time.Millisecond, 42, 1}}},
		{"20 a minute to a group", 0, toGroup(20)},
		{"the 21st within a minute to a group", 0, append(toGroup(20), send{at: 20 * time.Second, chat: group.ID, retry: 40})},
		{"the 21st once the first is a minute old", 0, append(toGroup(20), send{at: time.Minute, chat: group.ID})},
		{"20 a minute to each group", 0, append(toGroup(20), send{at: 20 * time.Second, chat: -4242})},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := telegramtest.NewServer(t, token)
			s.AddChat(group)
			b := newBot(t, s)
			s.EnforceLimits(tt.leeway)
			start := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
			var now time.Time
			telegramtest.SetClock(s, func() time.Time { return now })
			for i, m := range tt.sends {
				now = start.Add(m.at)
				_, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: m.chat, Text: "Neue Pressemitteilung"})
				var tooMany *bot.TooManyRequestsError
				switch {
				case m.retry == 0 && err != nil:
					t.Errorf("message %d, to %d at %v: %v", i, m.chat, m.at, err)
				case m.retry != 0 && (!errors.As(err, &tooMany) || tooMany.RetryAfter != m.retry):
					t.Errorf("message %d, to %d at %v: got %v, want 429 retry after %d", i, m.chat, m.at, err, m.retry)
				}
			}
		})
	}
}

func TestEditMessageText(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	b := newBot(t, s)
	ctx := context.Background()
	more := keyboard(`{"text":"Mehr","callback_data":"more:1"}`)
	msg, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: group.ID, Text: "<b>Antwort</b>", ParseMode: models.ParseModeHTML, ReplyMarkup: more})
	if err != nil {
		t.Fatal(err)
	}
	edit := func(text string, markup models.ReplyMarkup, id int) (*models.Message, error) {
		return b.EditMessageText(ctx, &bot.EditMessageTextParams{
			ChatID: group.ID, MessageID: id, Text: text, ParseMode: models.ParseModeHTML, ReplyMarkup: markup,
		})
	}

	_, err = edit("<strong>Antwort</strong>", more, msg.ID) // the same once parsed
	wantErr(t, err, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")

	edited, err := edit("<b>Antwort</b> (aktualisiert)", more, msg.ID)
	if err != nil {
		t.Fatal(err)
	}
	if edited.ID != msg.ID || edited.EditDate == 0 || edited.Text != "Antwort (aktualisiert)" || edited.ReplyMarkup == nil {
		t.Errorf("edited = %+v", edited)
	}
	// Without reply_markup the keyboard goes, which is a change.
	if _, err := edit("<b>Antwort</b> (aktualisiert)", nil, msg.ID); err != nil {
		t.Fatal(err)
	}
	got := s.Messages(group.ID)
	if len(got) != 1 || !got[0].Edited || got[0].ReplyMarkup != "" || got[0].Plain != "Antwort (aktualisiert)" {
		t.Errorf("Messages = %+v", got)
	}

	_, err = edit("x", nil, 99)
	wantErr(t, err, "Bad Request: message to edit not found")
	s.SendText(group, journalist, "Danke")
	_, err = edit("x", nil, 2)
	wantErr(t, err, "Bad Request: message can't be edited")
	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: group.ID, Text: "x"})
	wantErr(t, err, "Bad Request: message identifier is not specified")
}

func TestCallbackQuery(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	b := newBot(t, s)
	ctx := context.Background()
	msg, err := b.SendMessage(ctx, &bot.SendMessageParams{
		ChatID: private.ID, Text: "<i>Sprache?</i>", ParseMode: models.ParseModeHTML,
		ReplyMarkup: keyboard(`{"text":"English","callback_data":"lang:en"}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	q := s.Update(s.Callback(private, journalist, msg.ID, "lang:en")).CallbackQuery
	if q == nil || q.ID == "" || q.Data != "lang:en" || q.From.ID != journalist.ID || q.ChatInstance == "" {
		t.Fatalf("callback query = %+v", q)
	}
	m := q.Message.Message
	if m == nil || m.ID != msg.ID || m.From.ID != 1000 || m.Text != "Sprache?" || m.ReplyMarkup == nil ||
		m.ReplyMarkup.InlineKeyboard[0][0].CallbackData != "lang:en" {
		t.Fatalf("callback message = %+v", m)
	}
	if s.Messages(private.ID)[0].ReplyMarkup != `{"inline_keyboard":[[{"text":"English","callback_data":"lang:en"}]]}` {
		t.Errorf("stored markup = %s", s.Messages(private.ID)[0].ReplyMarkup)
	}

	for _, tt := range []struct {
		name string
		p    bot.AnswerCallbackQueryParams
		err  string // "" for success
	}{
		{"text of 201 characters", bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, Text: strings.Repeat("t", 201)}, "Bad Request: MESSAGE_TOO_LONG"},
		{"a link elsewhere", bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, URL: "https://example.org/?start=x"}, "Bad Request: URL_INVALID"},
		{"another bot's chat", bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, URL: "https://t.me/other_bot?start=x"}, "Bad Request: URL_INVALID"},
		{"a start parameter of 65 bytes", bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, URL: "https://t.me/isa_test_bot?start=" + strings.Repeat("x", 65)}, "Bad Request: URL_INVALID"},
		{"the bot's chat", bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, Text: strings.Repeat("t", 200), URL: "https://t.me/isa_test_bot?start=r_2021-02-11"}, ""},
		{"answered already", bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID}, "Bad Request: query is too old and response timeout expired or query ID is invalid"},
	} {
		_, err := b.AnswerCallbackQuery(ctx, &tt.p)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: error = %v, want %q", tt.name, err, tt.err)
		}
	}

	r := s.Update(s.Reply(private, journalist, "Und Wuhan?", msg.ID)).Message
	if r.ReplyToMessage == nil || r.ReplyToMessage.ID != msg.ID || r.ReplyToMessage.From.ID != 1000 {
		t.Errorf("reply = %+v", r)
	}
}

func TestAnswerInlineQuery(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	b := newBot(t, s)
	ctx := context.Background()
	qid := s.Update(s.InlineQuery(journalist, "Duisburg")).InlineQuery.ID
	article := func(id, text string) models.InlineQueryResult {
		return &models.InlineQueryResultArticle{
			ID: id, Title: "Duisburg",
			InputMessageContent: &models.InputTextMessageContent{MessageText: text, ParseMode: models.ParseModeHTML},
		}
	}
	answer := func(id string, results ...models.InlineQueryResult) error {
		_, err := b.AnswerInlineQuery(ctx, &bot.AnswerInlineQueryParams{InlineQueryID: id, Results: results})
		return err
	}

	many := make([]models.InlineQueryResult, 51)
	for i := range many {
		many[i] = article(strconv.Itoa(i), "x")
	}
	wantErr(t, answer(qid, many...), "Bad Request: RESULTS_TOO_MUCH")
	wantErr(t, answer(qid, article("1", "a"), article("1", "b")), "Bad Request: RESULT_ID_DUPLICATE")
	wantErr(t, answer(qid, article(strings.Repeat("i", 65), "a")), "Bad Request: RESULT_ID_INVALID")
	wantErr(t, answer(qid, article("1", "<b>x")), `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`)
	wantErr(t, answer(qid, &models.InlineQueryResultArticle{ID: "1", InputMessageContent: &models.InputTextMessageContent{MessageText: "x"}}),
		`Field "title" must be of type String`)
	wantErr(t, answer(qid, &models.InlineQueryResultArticle{ID: "1", Title: "t"}), `Field "input_message_content" must be of type Object`)
	wantErr(t, answer("nope", article("1", "x")), "query is too old and response timeout expired or query ID is invalid")

	wantErr(t, answer(qid, &models.InlineQueryResultPhoto{ID: "1", PhotoURL: "https://example.org/p.jpg", ThumbnailURL: "https://example.org/t.jpg", Caption: strings.Repeat("c", 1025)}),
		"Bad Request: message caption is too long")
	_, err := b.AnswerInlineQuery(ctx, &bot.AnswerInlineQueryParams{InlineQueryID: qid, Results: many[:1], NextOffset: strings.Repeat("o", 65)})
	wantErr(t, err, "Bad Request: NEXT_OFFSET_INVALID")

	if err := answer(qid, many[:50]...); err != nil {
		t.Fatal(err)
	}
	wantErr(t, answer(qid, article("1", "x")), "query is too old") // answered already
}

func TestCommands(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	b := newBot(t, s)
	ctx := context.Background()
	set := func(lang string, scope models.BotCommandScope, cmds ...models.BotCommand) error {
		_, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: cmds, Scope: scope, LanguageCode: lang})
		return err
	}
	for lang, desc := range map[string]string{"": "Latest releases", "de": "Neueste Meldungen", "zh": "最新新闻稿"} {
		if err := set(lang, nil, models.BotCommand{Command: "latest", Description: desc}); err != nil {
			t.Fatal(err)
		}
	}
	if err := set("", &models.BotCommandScopeChat{ChatID: group.ID}, models.BotCommand{Command: "members", Description: "Members"}); err != nil {
		t.Fatal(err)
	}

	got, err := b.GetMyCommands(ctx, &bot.GetMyCommandsParams{LanguageCode: "de"})
	if err != nil || len(got) != 1 || got[0].Description != "Neueste Meldungen" {
		t.Errorf("getMyCommands de = %+v, %v", got, err)
	}
	got, _ = b.GetMyCommands(ctx, &bot.GetMyCommandsParams{LanguageCode: "fr"}) // no fallback
	if len(got) != 0 {
		t.Errorf("getMyCommands fr = %+v", got)
	}
	if got := s.Commands(nil, "zh"); len(got) != 1 || got[0].Description != "最新新闻稿" {
		t.Errorf("Commands zh = %+v", got)
	}
	if got := s.Commands(&models.BotCommandScopeChat{ChatID: group.ID}, ""); len(got) != 1 || got[0].Command != "members" {
		t.Errorf("Commands in the group = %+v", got)
	}

	wantErr(t, set("", nil, models.BotCommand{Command: "Latest", Description: "x"}), "Bad Request: BOT_COMMAND_INVALID")
	wantErr(t, set("", nil, models.BotCommand{Command: "latest"}), "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
	wantErr(t, set("deu", nil, models.BotCommand{Command: "latest", Description: "x"}), "Bad Request: LANG_CODE_INVALID")
}

func TestWebhook(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	got := make(chan *models.Update, 1)
	b := newBot(t, s,
		bot.WithWebhookSecretToken("s3cret"),
		bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) { got <- u }))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go b.StartWebhook(ctx)
	hook := httptest.NewServer(b.WebhookHandler())
	defer hook.Close()

	if _, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: hook.URL, SecretToken: "s3cret"}); err != nil {
		t.Fatal(err)
	}
	if u, secret := s.Webhook(); u != hook.URL || secret != "s3cret" {
		t.Errorf("Webhook() = %q, %q", u, secret)
	}
	info, err := b.GetWebhookInfo(ctx)
	if err != nil || info.URL != hook.URL || info.MaxConnections != 40 {
		t.Errorf("getWebhookInfo = %+v, %v", info, err)
	}
	status, v := post(t, s, "/bot"+token+"/getUpdates", "application/json", `{"timeout":1}`)
	if status != 409 || v["description"] != "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" {
		t.Errorf("getUpdates with a webhook: %d %v", status, v)
	}

	// The test delivers the update to the bot's handler itself.
	body, _ := json.Marshal(s.Update(s.SendText(private, journalist, "Hallo")))
	req, _ := http.NewRequest(http.MethodPost, hook.URL, strings.NewReader(string(body)))
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", "s3cret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if u := receive(t, got); u.Message.Text != "Hallo" {
		t.Errorf("webhook update = %+v", u)
	}

	_, err = b.SetWebhook(ctx, &bot.SetWebhookParams{URL: "ftp://example.org"})
	wantErr(t, err, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
	if ok, err := b.DeleteWebhook(ctx, &bot.DeleteWebhookParams{DropPendingUpdates: true}); !ok || err != nil {
		t.Fatalf("deleteWebhook = %v, %v", ok, err)
	}
	if u, _ := s.Webhook(); u != "" {
		t.Errorf("webhook after deleteWebhook = %q", u)
	}
	if status, v := post(t, s, "/bot"+token+"/getUpdates", "", ""); status != 200 || fmt.Sprint(v["result"]) != "[]" {
		t.Errorf("getUpdates after deleteWebhook: %d %v", status, v)
	}
}

// TestWebhookConflictReachesErrorsHandler shows how go-telegram/bot
// reports a failing getUpdates: to the errors handler, then it retries.
func TestWebhookConflictReachesErrorsHandler(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	errs := make(chan error, 10)
	b := newBot(t, s, bot.WithErrorsHandler(func(err error) {
		select {
		case errs <- err:
		default:
		}
	}))
	if _, err := b.SetWebhook(context.Background(), &bot.SetWebhookParams{URL: "https://bot.example.org/hook"}); err != nil {
		t.Fatal(err)
	}
	start(t, b)
	select {
	case err := <-errs:
		if !errors.Is(err, bot.ErrorConflict) {
			t.Errorf("error = %v, want bot.ErrorConflict", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no error reported")
	}
}

func TestChats(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	b := newBot(t, s)
	ctx := context.Background()
	s.SendText(group, journalist, "Hallo")

	chat, err := b.GetChat(ctx, &bot.GetChatParams{ChatID: "@pressroom"})
	if err != nil || chat.ID != group.ID || chat.Type != models.ChatTypeSupergroup || chat.Title != "Press room" {
		t.Errorf("getChat = %+v, %v", chat, err)
	}

	member := func(userID int64) models.ChatMemberType {
		m, err := b.GetChatMember(ctx, &bot.GetChatMemberParams{ChatID: group.ID, UserID: userID})
		if err != nil {
			t.Fatal(err)
		}
		return m.Type
	}
	if got := member(journalist.ID); got != models.ChatMemberTypeMember {
		t.Errorf("default status = %q", got)
	}
	for _, status := range []string{"creator", "administrator", "restricted", "left", "kicked", "member"} {
		s.SetChatMember(group.ID, journalist.ID, status)
		if got := member(journalist.ID); string(got) != status {
			t.Errorf("status = %q, want %q", got, status)
		}
	}
	s.SetChatMember(group.ID, journalist.ID, "administrator")
	m, _ := b.GetChatMember(ctx, &bot.GetChatMemberParams{ChatID: group.ID, UserID: journalist.ID})
	if m.Administrator == nil || m.Administrator.User.Username != "jo_reporter" {
		t.Errorf("administrator = %+v", m.Administrator)
	}

	if ok, err := b.LeaveChat(ctx, &bot.LeaveChatParams{ChatID: group.ID}); !ok || err != nil {
		t.Fatalf("leaveChat = %v, %v", ok, err)
	}
	_, err = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: group.ID, Text: "x"})
	if !errors.Is(err, bot.ErrorForbidden) {
		t.Errorf("after leaveChat: %v", err)
	}
	wantErr(t, err, "Forbidden: bot is not a member of the supergroup chat")
	if got := member(1000); got != models.ChatMemberTypeLeft {
		t.Errorf("the bot's status after leaveChat = %q", got)
	}

	s.SetChatMember(private.ID, 1000, "kicked")
	_, err = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: private.ID, Text: "x"})
	wantErr(t, err, "Forbidden: bot was blocked by the user")
}

// TestWireFormats sends the encodings other clients use: JSON, URL
// encoded forms, query strings; method names are case-insensitive.
func TestWireFormats(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	base := "/bot" + token + "/"

	status, v := post(t, s, base+"sendMessage", "application/json",
		`{"chat_id":42,"text":"<b>JSON</b>","parse_mode":"HTML","reply_markup":{"inline_keyboard":[[{"text":"a","callback_data":"b"}]]}}`)
	res, _ := v["result"].(map[string]any)
	if status != 200 || res["text"] != "JSON" || res["reply_markup"] == nil {
		t.Errorf("JSON body: %d %v", status, v)
	}
	c := s.Calls("sendMessage")[0].Params
	if c["chat_id"] != "42" || c["reply_markup"] != `{"inline_keyboard":[[{"text":"a","callback_data":"b"}]]}` {
		t.Errorf("JSON params = %v", c)
	}

	form := url.Values{"chat_id": {"42"}, "text": {"form & more"}}
	if status, v := post(t, s, base+"SENDMESSAGE", "application/x-www-form-urlencoded", form.Encode()); status != 200 {
		t.Errorf("form body: %d %v", status, v)
	}
	if status, v := post(t, s, base+"sendMessage?chat_id=42&text=query", "", ""); status != 200 {
		t.Errorf("query string: %d %v", status, v)
	}
	status, v = post(t, s, base+"sendMessage", "application/json", `{"chat_id":42,"text":"a < b","parse_mode":"HTML"}`)
	if status != 400 || v["error_code"] != 400.0 || v["description"] != `Bad Request: can't parse entities: Unsupported start tag "" at byte offset 2` {
		t.Errorf("bad HTML: %d %v", status, v)
	}
	if got := s.Messages(42); len(got) != 3 || got[1].Plain != "form & more" || got[2].Plain != "query" {
		t.Errorf("Messages = %+v", got)
	}
}

func TestGetUpdates(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	poll := func(query string) (int, []int64) {
		t.Helper()
		status, v := post(t, s, "/bot"+token+"/getUpdates?"+query, "", "")
		var ids []int64
		res, _ := v["result"].([]any)
		for _, u := range res {
			ids = append(ids, int64(u.(map[string]any)["update_id"].(float64)))
		}
		return status, ids
	}
	for range 3 {
		s.SendText(private, journalist, "x")
	}
	if _, ids := poll("limit=2"); fmt.Sprint(ids) != "[1 2]" {
		t.Errorf("limit=2: %v", ids)
	}
	if _, ids := poll("offset=2"); fmt.Sprint(ids) != "[2 3]" {
		t.Errorf("offset=2: %v", ids)
	}
	if _, ids := poll("offset=1"); fmt.Sprint(ids) != "[2 3]" {
		t.Errorf("update 1 was confirmed, yet: %v", ids)
	}
	if _, ids := poll("offset=-1"); fmt.Sprint(ids) != "[3]" {
		t.Errorf("offset=-1: %v", ids)
	}
	// chat_member updates come only when asked for.
	joined := func() models.Update {
		return models.Update{ChatMember: &models.ChatMemberUpdated{
			Chat: group, From: journalist,
			OldChatMember: models.ChatMember{Type: models.ChatMemberTypeLeft, Left: &models.ChatMemberLeft{User: &journalist}},
			NewChatMember: models.ChatMember{Type: models.ChatMemberTypeMember, Member: &models.ChatMemberMember{User: &journalist}},
		}}
	}
	s.Push(joined())
	if _, ids := poll("offset=4"); len(ids) != 0 {
		t.Errorf("chat_member delivered by default: %v", ids)
	}
	s.Push(joined())
	if _, ids := poll(`offset=4&allowed_updates=["chat_member"]`); fmt.Sprint(ids) != "[5]" {
		t.Errorf("allowed chat_member: %v", ids)
	}

	// A second poll ends the one held before it.
	var wg sync.WaitGroup
	var first int
	wg.Add(1)
	go func() {
		defer wg.Done()
		first, _ = poll("offset=6&timeout=5")
	}()
	s.WaitCalls(t, "getUpdates", 7)
	if status, _ := poll("offset=6"); status != 200 {
		t.Errorf("second poll: %d", status)
	}
	wg.Wait()
	if first != 409 {
		t.Errorf("first poll status = %d, want 409", first)
	}
}

// TestCleanupEndsHeldPoll checks that a test's end does not wait for a
// long poll nobody cancelled.
func TestCleanupEndsHeldPoll(t *testing.T) {
	var s *telegramtest.Server
	done := make(chan int, 1)
	began := time.Now()
	t.Run("poll", func(t *testing.T) {
		s = telegramtest.NewServer(t, token)
		go func() {
			resp, err := http.Post(s.URL()+"/bot"+token+"/getUpdates?timeout=50", "", nil)
			if err != nil {
				done <- 0
				return
			}
			resp.Body.Close()
			done <- resp.StatusCode
		}()
		s.WaitCalls(t, "getUpdates", 1)
	})
	if d := time.Since(began); d > time.Second {
		t.Errorf("cleanup took %v", d)
	}
	if status := <-done; status != 200 {
		t.Errorf("held poll answered %d", status)
	}
}

// recorder is a testing.TB that records Fatalf.
type recorder struct {
	testing.TB
	failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestWaitCallsFails(t *testing.T) {
	s := telegramtest.NewServer(t, token)
	telegramtest.SetWaitFor(s, 50*time.Millisecond)
	post(t, s, "/bot"+token+"/getMe", "", "")
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.WaitCalls(r, "sendMessage", 1)
	}()
	<-done
	if !strings.Contains(r.failed, `1 calls to "sendMessage", got 0`) || !strings.Contains(r.failed, "getMe 200") {
		t.Errorf("failure = %q", r.failed)
	}
}

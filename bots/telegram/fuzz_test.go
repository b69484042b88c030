package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
)

// fuzzSecret is the webhook secret of the bot FuzzWebhook runs.
const fuzzSecret = "fuzz-webhook-secret"

// FuzzWebhook posts arbitrary bodies, with an arbitrary secret header, to
// the webhook of a bot that answers through the fake Bot API server. A
// request without the right secret is refused (401) and makes the bot do
// nothing; with it, a body that is no JSON update is refused (400), and
// every update is answered (200) without a panic, and with only requests
// Telegram would take: what the bot sends is refused only for what the
// update itself says (see fuzzRefusalsAllowed), never for its HTML, its
// length or its buttons.
func FuzzWebhook(f *testing.F) {
	for _, u := range seedUpdates() {
		raw, err := json.Marshal(u)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(fuzzSecret, raw)
	}
	f.Add(fuzzSecret, []byte(`{"update_id":1,"message":{"message_id":1,"chat":{"id":5,"type":"private"},"text":"<b>&amp;</b>"}}`))
	f.Add(fuzzSecret, []byte(`{"update_id":1,"message":null,"callback_query":{"id":"q","from":{"id":5},"data":"s~1:"}}`))
	f.Add(fuzzSecret, []byte(`{not json`))
	f.Add("", []byte(`{"update_id":1}`))
	f.Add("wrong", []byte(`{"update_id":1}`))

	srv := telegramtest.NewServer(f, token)
	state, err := store.Open(filepath.Join(f.TempDir(), "state.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { state.Close() })
	engine, err := searchEngine()
	if err != nil {
		f.Fatal(err)
	}
	api := &refusals{}
	logs := &panicLog{}
	cfg := Config{
		Token: token, APIURL: srv.URL(), PollTimeout: 2 * time.Second,
		WebhookURL: "https://isabot.example/telegram/webhook", WebhookSecret: fuzzSecret,
		HTTPClient: &http.Client{Transport: api, Timeout: 10 * time.Second},
	}
	b, err := New(cfg, engine, freshUpdates{state}, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		f.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	f.Cleanup(func() {
		cancel()
		<-done
	})
	for deadline := time.Now().Add(10 * time.Second); b.Health() != nil; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			f.Fatalf("the bot did not reach the fake Bot API within 10s: %v", b.Health())
		}
	}
	handler := b.WebhookHandler()

	f.Fuzz(func(t *testing.T, secret string, body []byte) {
		api.take()
		var u models.Update
		want := http.StatusOK
		switch {
		case secret != fuzzSecret:
			want = http.StatusUnauthorized
		case len(body) > 1<<20:
			want = http.StatusRequestEntityTooLarge
		case json.Unmarshal(body, &u) != nil:
			want = http.StatusBadRequest
		}
		req := httptest.NewRequest(http.MethodPost, "/telegram/webhook", bytes.NewReader(body))
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)

		if rec.Code != want {
			t.Errorf("answered %d, want %d", rec.Code, want)
		}
		if p := logs.take(); len(p) > 0 {
			t.Errorf("the handler panicked:\n%s", strings.Join(p, "\n"))
		}
		calls, refused := api.take()
		if want != http.StatusOK && calls > 0 {
			t.Errorf("a request answered %d made %d calls to the Bot API", want, calls)
		}
		for _, r := range refused {
			if !fuzzRefusalAllowed(r) {
				t.Errorf("Telegram would refuse what the bot sent: %s", r)
			}
		}
	})
}

// fuzzRefusalsAllowed are the refusals an update can earn the bot on its
// own: a chat, message or query that Telegram does not know (the fake
// knows only what it was told: the answers to callback and inline queries
// are checked by the tests that push them), or a chat the bot may not
// write to.
var fuzzRefusalsAllowed = []string{
	"Bad Request: chat not found",
	"Bad Request: chat_id is empty",
	"Bad Request: query is too old",
	"Bad Request: message to edit not found",
	"Bad Request: message can't be edited",
	"Bad Request: message is not modified",
	"Bad Request: invalid user_id specified",
	"Bad Request: chat member status can't be changed in private chats",
	"Forbidden: ",
}

func fuzzRefusalAllowed(r string) bool {
	_, desc, _ := strings.Cut(r, " ")
	for _, a := range fuzzRefusalsAllowed {
		if strings.HasPrefix(desc, a) {
			return true
		}
	}
	return false
}

// seedUpdates are updates of every kind the bot handles.
func seedUpdates() []models.Update {
	now := int(time.Now().Unix())
	msg := func(id int, chat models.Chat, from models.User, text string) *models.Message {
		return &models.Message{ID: id, Chat: chat, From: &from, Text: text, Date: now}
	}
	me := &models.User{ID: 123456, IsBot: true, FirstName: "ISA Bot", Username: "isa_test_bot"}
	return []models.Update{
		{ID: 1, Message: msg(1, private, jana, "Ist Köln Mitglied?")},
		{ID: 2, Message: msg(2, private, jana, "/start")},
		{ID: 3, Message: msg(3, private, tom, "/search masks pandemic")},
		{ID: 4, Message: msg(4, private, tom, "/lang zh")},
		{ID: 5, Message: msg(5, private, jana, "/start q_wer_ist_der_kontakt")},
		{ID: 6, Message: msg(6, group, jana, "@isa_test_bot Wann wurde die ISA gegründet?")},
		{ID: 7, Message: &models.Message{ID: 7, Chat: group, From: &tom, Text: "and the contact?", Date: now,
			ReplyToMessage: &models.Message{ID: 3, Chat: group, From: me, Text: "…"}}},
		{ID: 8, Message: msg(8, group, jana, "/cities@isa_test_bot Bayern")},
		{ID: 9, Message: msg(9, private, jana, "/latest")},
		{ID: 10, CallbackQuery: &models.CallbackQuery{ID: "c1", From: jana, Data: "ex:de:0",
			Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: msg(20, private, *me, "…")}}},
		{ID: 11, CallbackQuery: &models.CallbackQuery{ID: "c2", From: jana, Data: "s:1:pandemie",
			Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: msg(21, private, *me, "…")}}},
		{ID: 12, CallbackQuery: &models.CallbackQuery{ID: "c3", From: tom, Data: "r::2021-02-11-isa-fruehlingsfest",
			Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: msg(22, group, *me, "…")}}},
		{ID: 13, InlineQuery: &models.InlineQuery{ID: "i1", From: &tom, Query: "Is Cologne a member?"}},
		{ID: 14, InlineQuery: &models.InlineQuery{ID: "i2", From: &jana}},
		{ID: 15, MyChatMember: &models.ChatMemberUpdated{Chat: group, From: jana, Date: now,
			OldChatMember: models.ChatMember{Type: models.ChatMemberTypeMember, Member: &models.ChatMemberMember{User: me}},
			NewChatMember: models.ChatMember{Type: models.ChatMemberTypeLeft, Left: &models.ChatMemberLeft{User: me}}}},
		{ID: 16, Message: msg(16, group, jana, "/subscribe")},
	}
}

// freshUpdates is the state store with every update new to it, so that
// inputs that share an update_id are all handled.
type freshUpdates struct{ *store.Store }

func (freshUpdates) ClaimUpdate(string, string) (bool, error) { return true, nil }

// refusals is the bot's transport to the fake Bot API: it counts the
// calls and keeps the refusals, as "method description".
type refusals struct {
	mu      sync.Mutex
	calls   int
	refused []string
}

func (r *refusals) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls++
	if err != nil || resp.StatusCode == http.StatusOK {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	var answer struct {
		Description string `json:"description"`
	}
	json.Unmarshal(body, &answer)
	r.refused = append(r.refused, path.Base(req.URL.Path)+" "+answer.Description)
	return resp, nil
}

// take returns what was seen since the last take, and forgets it.
func (r *refusals) take() (calls int, refused []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	calls, refused = r.calls, r.refused
	r.calls, r.refused = 0, nil
	return calls, refused
}

// panicLog is a log that keeps the lines telling of a recovered panic.
type panicLog struct {
	mu     sync.Mutex
	panics []string
}

func (l *panicLog) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("panicked")) {
		l.mu.Lock()
		l.panics = append(l.panics, string(p))
		l.mu.Unlock()
	}
	return len(p), nil
}

// take returns the panics logged since the last take, and forgets them.
func (l *panicLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	p := l.panics
	l.panics = nil
	return p
}

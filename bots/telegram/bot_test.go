package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/corpus/synthetic"
	"github.com/isa-alliance/isabot/search"
)

const token = "123456:TEST-token"

var (
	private = models.Chat{ID: 501, Type: models.ChatTypePrivate, FirstName: "Jana"}
	group   = models.Chat{ID: -100777, Type: models.ChatTypeSupergroup, Title: "Presse"}
	jana    = models.User{ID: 501, FirstName: "Jana", LanguageCode: "de"}
	tom     = models.User{ID: 502, FirstName: "Tom", LanguageCode: "en"}
)

// searchEngine answers from the default corpus plus twelve synthetic
// releases, so that a search has more than one page. Their contact blocks
// are left out: the engine learns the contact from the newest release,
// and these tests expect the data files' contact.
var searchEngine = sync.OnceValues(func() (*search.Engine, error) {
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		return nil, problems[0]
	}
	for _, r := range synthetic.Releases(12, 1) {
		r.Contact = nil
		data.Releases = append(data.Releases, r)
	}
	data.Releases = append(data.Releases, longRelease())
	idx, err := search.NewMemIndex(context.Background(), data.Releases)
	if err != nil {
		return nil, err
	}
	return search.NewEngine(data, idx), nil
})

// longRelease is too long for one Telegram message.
func longRelease() corpus.Release {
	para := strings.Repeat("Dieser Absatz einer sehr langen Testmeldung wiederholt sich, damit sie geteilt werden muss. ", 12)
	return corpus.Release{
		ID: "test-long-release", Date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Place: "Berlin", Lang: corpus.German,
		Title: "Testmeldung: eine sehr lange Pressemitteilung", Body: []string{para, para, para, para, para, para, para},
		Source: "test",
	}
}

// harness runs the bot against a fake Bot API server.
type harness struct {
	srv   *telegramtest.Server
	bot   *Bot
	state *store.Store
	logs  *syncBuffer
	stop  func()
	// engine answers; the shared searchEngine when nil.
	engine Engine
}

func start(t *testing.T, configure ...func(*Config)) *harness {
	t.Helper()
	h := newHarness(t)
	h.run(t, configure...)
	return h
}

// newHarness makes the fake server and the state, without a bot yet.
func newHarness(t *testing.T) *harness {
	t.Helper()
	state, err := store.Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{srv: telegramtest.NewServer(t, token), state: state, logs: &syncBuffer{}, stop: func() {}}
	t.Cleanup(func() {
		h.stop()
		state.Close()
	})
	return h
}

// run starts the bot and waits until it has connected, or failed to;
// stop ends it and waits.
func (h *harness) run(t *testing.T, configure ...func(*Config)) {
	t.Helper()
	engine := h.engine
	if engine == nil {
		shared, err := searchEngine()
		if err != nil {
			t.Fatal(err)
		}
		engine = shared
	}
	cfg := Config{Token: token, APIURL: h.srv.URL(), PollTimeout: 2 * time.Second}
	for _, c := range configure {
		c(&cfg)
	}
	logger := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := New(cfg, engine, h.state, logger)
	if err != nil {
		t.Fatal(err)
	}
	h.bot = b
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	stopped := false
	h.stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for errors.Is(b.Health(), errConnecting) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
}

// reply waits for the nth message the bot sent to chat (from 1).
func (h *harness) reply(t *testing.T, chat int64, n int) telegramtest.Message {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if msgs := h.srv.Messages(chat); len(msgs) >= n {
			return msgs[n-1]
		}
		if time.Now().After(deadline) {
			t.Fatalf("no message %d to chat %d; sent: %+v", n, chat, h.srv.Messages(chat))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// quiet checks that the bot sent chat no more than n messages.
func (h *harness) quiet(t *testing.T, chat int64, n int) {
	t.Helper()
	if msgs := h.srv.Messages(chat); len(msgs) > n {
		t.Errorf("chat %d got %d messages, want %d: %+v", chat, len(msgs), n, msgs)
	}
}

// noErrors checks that Telegram accepted every call, bar those a test
// provoked: no call was refused because of bad HTML or a bad button.
func (h *harness) noErrors(t *testing.T, allowed ...int) {
	t.Helper()
	for _, c := range h.srv.Calls("") {
		if c.Status != 200 && c.Status != 0 && !contains(allowed, c.Status) {
			t.Errorf("%s answered %d: %v", c.Method, c.Status, c.Params)
		}
	}
}

func contains(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

// buttons reads a message's inline keyboard: text → callback data.
func buttons(t *testing.T, m telegramtest.Message) map[string]string {
	t.Helper()
	var markup models.InlineKeyboardMarkup
	if err := json.Unmarshal([]byte(m.ReplyMarkup), &markup); err != nil {
		t.Fatalf("keyboard %q: %v", m.ReplyMarkup, err)
	}
	out := map[string]string{}
	for _, row := range markup.InlineKeyboard {
		for _, b := range row {
			out[b.Text] = b.CallbackData
		}
	}
	return out
}

// buttonFor returns the callback data of the message's button whose text
// matches, and fails the test when there is none.
func buttonFor(t *testing.T, m telegramtest.Message, match func(text string) bool) string {
	t.Helper()
	for text, data := range buttons(t, m) {
		if match(text) {
			return data
		}
	}
	t.Fatalf("no such button: %s", m.ReplyMarkup)
	return ""
}

func TestPrivateQuestions(t *testing.T) {
	t.Parallel()
	h := start(t)
	tests := []struct{ question, want string }{
		{"Wann wurde die ISA gegründet?", "April 2016"},
		{"Is Cologne a member?", "Yes, Cologne (Köln) is a member"},
		{"联盟有多少个成员城市？", "47个成员"},
	}
	for i, tt := range tests {
		h.srv.SendText(private, jana, tt.question)
		m := h.reply(t, private.ID, i+1)
		if !strings.Contains(m.Plain, tt.want) || m.ParseMode != "HTML" {
			t.Errorf("%q: %s (%s)", tt.question, m.Plain, m.ParseMode)
		}
		if !strings.Contains(m.Plain, map[int]string{0: "Quellen", 1: "Sources", 2: "来源"}[i]) {
			t.Errorf("%q: no sources: %s", tt.question, m.Plain)
		}
	}
	h.noErrors(t)
}

func TestGroup(t *testing.T) {
	t.Parallel()
	h := start(t)
	me := h.srv.Bot().Username

	// Chatter and commands for other bots are not for the bot.
	h.srv.SendText(group, jana, "Wann treffen wir uns morgen?")
	h.srv.SendText(group, jana, "/contact@some_other_bot")
	// A mention is.
	mention := h.srv.SendText(group, jana, "@"+me+" Ist Nürnberg Mitglied?")
	first := h.reply(t, group.ID, 1)
	if !strings.Contains(first.Plain, "Nürnberg") || first.ReplyTo == 0 {
		t.Errorf("mention answered with %+v", first)
	}
	_ = mention
	// A reply to the bot's message is, and a command addressed to it.
	h.srv.Reply(group, tom, "And Hamburg?", first.MessageID)
	if m := h.reply(t, group.ID, 2); !strings.Contains(m.Plain, "Hamburg") {
		t.Errorf("reply answered with %s", m.Plain)
	}
	h.srv.SendText(group, tom, "/cities@"+me+" Bavaria")
	if m := h.reply(t, group.ID, 3); !strings.Contains(m.Plain, "Ingolstadt") {
		t.Errorf("/cities@bot answered with %s", m.Plain)
	}
	h.srv.SendText(group, models.User{ID: 503, FirstName: "Li", LanguageCode: "zh-hans"}, "@"+me+" 汉堡是什么时候加入的？")
	if m := h.reply(t, group.ID, 4); !strings.Contains(m.Plain, "2018年10月") {
		t.Errorf("Chinese mention answered with %s", m.Plain)
	}
	// A command's question may follow on the next line.
	h.srv.SendText(group, jana, "/ask@"+me+"\nIst Mainz Mitglied?")
	if m := h.reply(t, group.ID, 5); !strings.Contains(m.Plain, "Mainz") {
		t.Errorf("/ask@bot and a new line answered with %s", m.Plain)
	}
	// A bare mention asks what the bot can do; an e-mail address with the
	// bot's name in it is no mention.
	h.srv.SendText(group, jana, "@"+me)
	if m := h.reply(t, group.ID, 6); !strings.Contains(m.Plain, "ISA") || strings.Contains(m.Plain, "nur Text") {
		t.Errorf("a bare mention answered with %s", m.Plain)
	}
	h.srv.SendText(group, jana, "schreib an info@"+me+".de")
	h.quiet(t, group.ID, 6)
	h.noErrors(t)
}

func TestCommands(t *testing.T) {
	t.Parallel()
	h := start(t)
	tests := []struct {
		text string
		want []string
	}{
		{"/start", []string{"Hallo! Ich beantworte Fragen"}},
		{"/start city_koeln", []string{"Ja, Köln ist Mitglied"}},
		{"/help", []string{"/cities", "/search"}},
		{"/ask", []string{"Stellen Sie Ihre Frage"}},
		{"/ask Wer ist die Ansprechpartnerin?", []string{"Stefanie Behmer"}},
		{"/ask\nWer ist die Ansprechpartnerin?", []string{"Stefanie Behmer"}},
		{"/cities Bayern", []string{"Ingolstadt", "Nürnberg"}},
		{"/cities", []string{"47 Mitglieder"}},
		{"/contact", []string{"isa@bwa-deutschland.com", "Bis 2022", "isa@pks-gmbh.net"}},
		{"/latest", []string{"Die neuesten Pressemitteilungen", "1. [SYNTHETIC]", "5. "}},
		{"/search", []string{"Wonach soll ich suchen?"}},
		{"/search Masken", []string{"Seite 1 von 1", "Masken"}},
		{"/search Wasserstoffgipfel Lummerland", []string{"Keine Pressemitteilung passt"}},
		{"/lang xx", []string{"/lang de, /lang en oder /lang zh"}},
		{"/unknown", []string{"/cities"}},
	}
	for i, tt := range tests {
		h.srv.SendText(private, jana, tt.text)
		m := h.reply(t, private.ID, i+1)
		for _, w := range tt.want {
			if !strings.Contains(m.Plain, w) {
				t.Errorf("%s: answer lacks %q: %s", tt.text, w, m.Plain)
			}
		}
	}
	h.noErrors(t)

	// The command menu is registered in every language.
	for lang, want := range map[string]string{"de": "Pressemitteilungen durchsuchen", "en": "Search the press releases", "zh": "搜索新闻稿"} {
		cmds := h.srv.Commands(nil, lang)
		if len(cmds) != 14 || cmds[6].Command != "search" || cmds[8].Command != "subscribe" || cmds[10].Command != "follow" || cmds[13].Command != "digest" || cmds[6].Description != want {
			t.Errorf("commands in %s: %+v", lang, cmds)
		}
	}
}

func TestLanguageChoice(t *testing.T) {
	t.Parallel()
	h := start(t)
	// Without a telling word the user's Telegram language decides...
	h.srv.SendText(private, tom, "ISA")
	if m := h.reply(t, private.ID, 1); !strings.Contains(m.Plain, "Chinese-German Industrial Cities Alliance") {
		t.Errorf("for an English user: %s", m.Plain)
	}
	// ...unless the chat chose one, which survives a restart.
	h.srv.SendText(private, tom, "/lang zh")
	if m := h.reply(t, private.ID, 2); !strings.Contains(m.Plain, "中文") {
		t.Errorf("/lang zh: %s", m.Plain)
	}
	h.stop()
	h.run(t)
	h.srv.SendText(private, tom, "ISA")
	if m := h.reply(t, private.ID, 3); !strings.Contains(m.Plain, "中德工业城市联盟") {
		t.Errorf("after /lang zh and a restart: %s", m.Plain)
	}
	// A question in a clear language is answered in it all the same.
	h.srv.SendText(private, tom, "Wann wurde die ISA gegründet?")
	if m := h.reply(t, private.ID, 4); !strings.Contains(m.Plain, "wurde im April 2016 gegründet") {
		t.Errorf("German question: %s", m.Plain)
	}
}

func TestSearchPagingAndReadMore(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.srv.SendText(private, jana, "/search Zusammenarbeit")
	page1 := h.reply(t, private.ID, 1)
	if !strings.Contains(page1.Plain, "Seite 1 von") {
		t.Fatalf("first page: %s", page1.Plain)
	}
	keys := buttons(t, page1)
	next, ok := keys["Weiter ›"]
	if !ok {
		t.Fatalf("no next button: %v", keys)
	}
	// Paging edits the same message.
	h.srv.Callback(private, jana, page1.MessageID, next)
	h.srv.WaitCalls(t, "editMessageText", 1)
	h.srv.WaitCalls(t, "answerCallbackQuery", 1)
	page2 := h.srv.Messages(private.ID)[0]
	if !page2.Edited || !strings.Contains(page2.Plain, "Seite 2 von") || !strings.Contains(page2.Plain, "6. ") {
		t.Errorf("second page: %+v", page2)
	}
	if _, ok := buttons(t, page2)["‹ Zurück"]; !ok {
		t.Errorf("no back button on page 2")
	}
	// Reading a release sends it whole, split where it is too long.
	h.srv.SendText(private, jana, "/search Testmeldung sehr lange")
	found := h.reply(t, private.ID, 2)
	open := buttonFor(t, found, func(text string) bool { return strings.Contains(text, "Testmeldung: eine sehr lange") })
	h.srv.Callback(private, jana, found.MessageID, open)
	h.reply(t, private.ID, 4)
	msgs := h.srv.Messages(private.ID)[2:]
	if len(msgs) < 2 || !strings.Contains(msgs[0].Plain, "Testmeldung: eine sehr lange Pressemitteilung") {
		t.Errorf("release sent as %d messages", len(msgs))
	}
	h.noErrors(t)
}

func TestReadMoreInAGroup(t *testing.T) {
	// In a group, "Read more" must not post the whole release to everyone:
	// the tap opens the reader's own chat with the bot, where /start shows
	// the release.
	t.Parallel()
	h := start(t)
	h.srv.SendText(group, jana, "/latest@"+h.srv.Bot().Username)
	latest := h.reply(t, group.ID, 1)
	open := buttonFor(t, latest, func(text string) bool { return strings.HasPrefix(text, "1. ") })
	h.srv.Callback(group, tom, latest.MessageID, open)
	h.srv.WaitCalls(t, "answerCallbackQuery", 1)
	link := h.srv.Calls("answerCallbackQuery")[0].Params["url"]
	payload, ok := strings.CutPrefix(link, "https://t.me/"+h.srv.Bot().Username+"?start=")
	if !ok || !strings.HasPrefix(payload, "r_") {
		t.Fatalf("the button answered with url %q", link)
	}
	h.quiet(t, group.ID, 1)
	h.srv.SendText(private, tom, "/start "+payload)
	if m := h.reply(t, private.ID, 1); !strings.Contains(m.Plain, "Testmeldung") && !strings.Contains(m.Plain, "SYNTHETIC") {
		t.Errorf("the deep link showed %s", m.Plain)
	}
	h.noErrors(t)
}

func TestUnansweredOffersExamples(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.srv.SendText(private, tom, "What's the weather in Foshan tomorrow?")
	m := h.reply(t, private.ID, 1)
	keys := buttons(t, m)
	data, ok := keys["Is Cologne a member?"]
	if !strings.Contains(m.Plain, "I can't answer that") || !ok {
		t.Fatalf("%s / %v", m.Plain, keys)
	}
	h.srv.Callback(private, tom, m.MessageID, data)
	if m := h.reply(t, private.ID, 2); !strings.Contains(m.Plain, "Yes, Cologne (Köln) is a member") {
		t.Errorf("example answered with %s", m.Plain)
	}
	h.noErrors(t)
}

func TestInlineQuery(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.srv.InlineQuery(tom, "When was the ISA founded?")
	call := h.srv.WaitCalls(t, "answerInlineQuery", 1)[0]
	var results []struct {
		ID      string `json:"id"`
		Title   string `json:"title"`
		Content struct {
			Text      string `json:"message_text"`
			ParseMode string `json:"parse_mode"`
		} `json:"input_message_content"`
	}
	if err := json.Unmarshal([]byte(call.Params["results"]), &results); err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 || len(results) > 10 || results[0].ID != "answer" || !strings.Contains(results[0].Content.Text, "April 2016") {
		t.Fatalf("results: %+v", results)
	}
	if !strings.Contains(results[0].Content.Text, "Sources") {
		t.Errorf("the inline answer drops its sources: %s", results[0].Content.Text)
	}
	if call.Params["is_personal"] != "true" {
		t.Errorf("results cached for every user, in %s's language: %v", tom.FirstName, call.Params)
	}
	h.srv.InlineQuery(tom, "谁是联系人")
	zh := h.srv.WaitCalls(t, "answerInlineQuery", 2)[1]
	if !strings.Contains(zh.Params["results"], "Stefanie Behmer") || !strings.Contains(zh.Params["results"], "来源") {
		t.Errorf("Chinese inline results: %s", zh.Params["results"])
	}
	h.noErrors(t)
}

func TestDuplicateUpdateAnsweredOnce(t *testing.T) {
	t.Parallel()
	h := start(t)
	id := h.srv.SendText(private, jana, "Ist Köln Mitglied?")
	h.reply(t, private.ID, 1)
	h.srv.PushAgain(id)
	h.srv.SendText(private, jana, "Ist Mainz Mitglied?")
	if m := h.reply(t, private.ID, 2); !strings.Contains(m.Plain, "Mainz") {
		t.Errorf("second answer: %s", m.Plain)
	}
	h.quiet(t, private.ID, 2)
	// Nor after a restart.
	h.stop()
	h.srv.PushAgain(id)
	h.run(t)
	h.srv.SendText(private, jana, "Ist Hamburg Mitglied?")
	h.reply(t, private.ID, 3)
	h.quiet(t, private.ID, 3)
}

func TestRateLimitIsWaitedOut(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.srv.RateLimitNext("sendMessage", 1)
	h.srv.SendText(private, jana, "Ist Köln Mitglied?")
	m := h.reply(t, private.ID, 1)
	if !strings.Contains(m.Plain, "Köln") {
		t.Errorf("answer: %s", m.Plain)
	}
	calls := h.srv.Calls("sendMessage")
	if len(calls) != 2 || calls[0].Status != 429 || calls[1].Status != 200 || calls[1].At.Sub(calls[0].At) < time.Second {
		t.Errorf("calls: %+v", calls)
	}
	h.noErrors(t, 429)
}

func TestServerErrorIsRetried(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.srv.FailNext("sendMessage", 502, "Bad Gateway")
	h.srv.SendText(private, jana, "Ist Köln Mitglied?")
	h.reply(t, private.ID, 1)
	h.noErrors(t, 502)
}

func TestHostileMessages(t *testing.T) {
	t.Parallel()
	h := start(t)
	// Markup in a question stays text: Telegram would refuse bad HTML.
	h.srv.SendText(private, jana, "<b>Ist</b> Köln & <i>Mitglied</i>? </b>")
	if m := h.reply(t, private.ID, 1); !strings.Contains(m.Plain, "Köln") {
		t.Errorf("markup question: %s", m.Plain)
	}
	// A sticker in a private chat gets a hint; in a group, nothing.
	h.srv.Push(models.Update{Message: &models.Message{ID: 90, Chat: private, From: &jana, Sticker: &models.Sticker{FileID: "x", Emoji: "🐂"}}})
	if m := h.reply(t, private.ID, 2); !strings.Contains(m.Plain, "Ich kann nur Text lesen") {
		t.Errorf("sticker: %s", m.Plain)
	}
	h.srv.Push(models.Update{Message: &models.Message{ID: 91, Chat: group, From: &jana, Photo: []models.PhotoSize{{FileID: "p"}}}})
	// 10,000 characters and control characters.
	h.srv.SendText(private, jana, strings.Repeat("Köln \x00\x07 ", 1500))
	h.reply(t, private.ID, 3)
	h.quiet(t, group.ID, 0)
	h.noErrors(t)
}

func TestLongWordsAreClipped(t *testing.T) {
	// A reply that repeats the user's words stays within Telegram's 4,096
	// characters however many they sent.
	t.Parallel()
	h := start(t)
	words := strings.Repeat("Lummerland ", 371) // 4,081 characters
	h.srv.SendText(private, jana, "/search "+words)
	if m := h.reply(t, private.ID, 1); !strings.Contains(m.Plain, "Keine Pressemitteilung passt zu „Lummerland") {
		t.Errorf("/search: %s", m.Plain)
	}
	h.srv.SendText(private, jana, "/subscribe @"+strings.Repeat("x", 4080))
	if m := h.reply(t, private.ID, 2); !strings.Contains(m.Plain, "Machen Sie mich zuerst zum Administrator von @xxx") {
		t.Errorf("/subscribe: %s", m.Plain)
	}
	for _, c := range h.srv.Calls("sendMessage") {
		if c.Status != 200 {
			t.Errorf("sendMessage answered %d", c.Status)
		}
	}
}

func TestWebhook(t *testing.T) {
	t.Parallel()
	h := start(t, func(c *Config) {
		c.WebhookURL = "https://isabot.example/telegram/webhook"
		c.WebhookSecret = "s3cret-token"
	})
	url, secret := h.srv.Webhook()
	if url != "https://isabot.example/telegram/webhook" || secret != "s3cret-token" {
		t.Fatalf("registered %q, %q", url, secret)
	}
	endpoint := httptest.NewServer(h.bot.WebhookHandler())
	defer endpoint.Close()
	post := func(secret string, body string) int {
		req, _ := http.NewRequest(http.MethodPost, endpoint.URL, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if secret != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	update := func(id int, text string) string {
		u := models.Update{ID: int64(id), Message: &models.Message{ID: id, Chat: private, From: &jana, Text: text, Date: int(time.Now().Unix())}}
		raw, _ := json.Marshal(u)
		return string(raw)
	}
	if code := post("", update(1, "Ist Köln Mitglied?")); code != http.StatusUnauthorized {
		t.Errorf("missing secret: %d", code)
	}
	if code := post("wrong", update(2, "Ist Köln Mitglied?")); code != http.StatusUnauthorized {
		t.Errorf("wrong secret: %d", code)
	}
	if code := post(secret, "{not json"); code != http.StatusBadRequest {
		t.Errorf("malformed update: %d", code)
	}
	if code := post(secret, update(3, "Ist Mainz Mitglied?")); code != http.StatusOK {
		t.Errorf("right secret: %d", code)
	}
	if m := h.reply(t, private.ID, 1); !strings.Contains(m.Plain, "Mainz") {
		t.Errorf("answer: %s", m.Plain)
	}
	h.quiet(t, private.ID, 1)
	if n := len(h.srv.Calls("getUpdates")); n != 0 {
		t.Errorf("polled %d times in webhook mode", n)
	}
}

func TestTokenNeverLogged(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.srv.FailNext("sendMessage", 500, "Internal Server Error")
	h.srv.SendText(private, jana, "Ist Köln Mitglied?")
	h.reply(t, private.ID, 1)
	if strings.Contains(h.logs.String(), token) || strings.Contains(h.logs.String(), "TEST-token") {
		t.Errorf("the token appears in the log:\n%s", h.logs.String())
	}
}

// syncBuffer is a bytes.Buffer safe for the logger's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestSubscribeChannel(t *testing.T) {
	// "/subscribe @channel" works for an admin of the channel once the bot
	// is an admin there; otherwise it says what is missing.
	t.Parallel()
	h := start(t)
	const channel = int64(-100555)
	h.srv.AddChat(models.Chat{ID: channel, Type: models.ChatTypeChannel, Title: "ISA News", Username: "isa_news"})
	botID := h.srv.Bot().ID

	h.srv.SetChatMember(channel, jana.ID, "administrator")
	h.srv.SendText(private, jana, "/subscribe @isa_news")
	if m := h.reply(t, private.ID, 1); !strings.Contains(m.Plain, "Machen Sie mich zuerst zum Administrator von @isa_news") {
		t.Errorf("bot not admin: %s", m.Plain)
	}
	h.srv.SetChatMember(channel, botID, "administrator")
	h.srv.SendText(private, tom, "/subscribe @isa_news")
	if m := h.reply(t, private.ID, 2); !strings.Contains(m.Plain, "Only an admin of @isa_news") {
		t.Errorf("user not admin: %s", m.Plain)
	}
	h.srv.SendText(private, jana, "/subscribe @isa_news")
	if m := h.reply(t, private.ID, 3); !strings.Contains(m.Plain, "Abonniert: @isa_news") {
		t.Errorf("admin: %s", m.Plain)
	}
	subs, _ := h.state.Subscriptions()
	if len(subs) != 1 || subs[0].Chat != "-100555" {
		t.Errorf("subscriptions: %+v", subs)
	}
	h.srv.SendText(private, jana, "/unsubscribe @isa_news")
	if m := h.reply(t, private.ID, 4); !strings.Contains(m.Plain, "Abo beendet: @isa_news") {
		t.Errorf("unsubscribe: %s", m.Plain)
	}
}

func TestSubscribeByAnonymousAdmin(t *testing.T) {
	// A group's anonymous admin writes as the group itself, from
	// GroupAnonymousBot: such a message may subscribe the group.
	t.Parallel()
	h := start(t)
	h.srv.SendText(group, tom, "/subscribe")
	if m := h.reply(t, group.ID, 1); !strings.Contains(m.Plain, "Administratoren") && !strings.Contains(m.Plain, "admins") {
		t.Errorf("a member who is no admin: %s", m.Plain)
	}
	h.srv.SendAsGroup(group, "/subscribe")
	h.reply(t, group.ID, 2)
	subs, _ := h.state.Subscriptions()
	if len(subs) != 1 || subs[0].Chat != strconv.FormatInt(group.ID, 10) {
		t.Errorf("subscriptions: %+v", subs)
	}
}

func TestButtonsHaveOneAction(t *testing.T) {
	// Every button goes out with its text and callback_data only: no
	// copy_text beside it, as go-telegram/bot's own button type sends.
	t.Parallel()
	h := start(t)
	for i, text := range []string{"/latest", "/search Zusammenarbeit", "What's the weather in Foshan tomorrow?"} {
		h.srv.SendText(private, jana, text)
		h.reply(t, private.ID, i+1)
	}
	h.noErrors(t)
	for _, c := range h.srv.Calls("sendMessage") {
		var markup struct {
			InlineKeyboard [][]map[string]json.RawMessage `json:"inline_keyboard"`
		}
		if err := json.Unmarshal([]byte(c.Params["reply_markup"]), &markup); err != nil || len(markup.InlineKeyboard) == 0 {
			t.Fatalf("reply_markup %q: %v", c.Params["reply_markup"], err)
		}
		for _, row := range markup.InlineKeyboard {
			for _, b := range row {
				if _, ok := b["callback_data"]; len(b) != 2 || !ok {
					t.Errorf("button %v: want text and callback_data only", b)
				}
			}
		}
	}
}

func TestShutdownLosesNoUpdate(t *testing.T) {
	// Twenty updates wait when the bot starts, and it is stopped while it
	// answers them. Each chat gets its answer once: within the drain
	// grace, or after a restart with the same state when the grace cut
	// the answers off (four rate limits hold all workers past it).
	tests := []struct {
		name       string
		rateLimits int
		grace      time.Duration
		// answered is how many chats have their answer when Run returns.
		answered int
	}{
		{"answered within the grace", 0, 0, 20},
		{"cut off by the grace", workers, 50 * time.Millisecond, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t)
			for range tt.rateLimits {
				h.srv.RateLimitNext("sendMessage", 60)
			}
			const first, n = 1001, 20
			for id := int64(first); id < first+n; id++ {
				h.srv.SendText(models.Chat{ID: id, Type: models.ChatTypePrivate}, models.User{ID: id, FirstName: "Kim"}, "/contact")
			}
			h.run(t, func(c *Config) { c.DrainGrace = tt.grace })
			h.srv.WaitCalls(t, "sendMessage", max(tt.rateLimits, 1))
			h.stop()
			answered := 0
			for id := int64(first); id < first+n; id++ {
				answered += len(h.srv.Messages(id))
			}
			if answered != tt.answered {
				t.Errorf("%d chats answered when the bot stopped, want %d", answered, tt.answered)
			}
			if tt.answered < n && !strings.Contains(h.logs.String(), "answered again after the restart") {
				t.Errorf("nothing in the log of the answers cut off:\n%s", h.logs.String())
			}

			// After a restart every chat has its answer, once: each is
			// waited for, workers answer in any order; then a later
			// update's answer, by which any second answer would be sent.
			h.run(t)
			for id := int64(first); id < first+n; id++ {
				h.reply(t, id, 1)
			}
			h.srv.SendText(private, jana, "/contact")
			h.reply(t, private.ID, 1)
			for id := int64(first); id < first+n; id++ {
				if msgs := h.srv.Messages(id); len(msgs) != 1 || !strings.Contains(msgs[0].Plain, "Stefanie Behmer") {
					t.Errorf("chat %d got %d answers: %+v", id, len(msgs), msgs)
				}
			}
			h.noErrors(t, http.StatusTooManyRequests)
		})
	}
}

func TestWebhookAnswers200OnlyWhenHandled(t *testing.T) {
	// An update whose answer shutdown cuts off is answered 503, and
	// answered when Telegram delivers it again to the restarted bot.
	t.Parallel()
	webhook := func(c *Config) {
		c.WebhookURL = "https://isabot.example/telegram/webhook"
		c.WebhookSecret = "s3cret-token"
		c.DrainGrace = 50 * time.Millisecond
	}
	h := start(t, webhook)
	update, _ := json.Marshal(models.Update{ID: 77, Message: &models.Message{ID: 1, Chat: private, From: &jana, Text: "/contact", Date: int(time.Now().Unix())}})
	post := func() int {
		endpoint := httptest.NewServer(h.bot.WebhookHandler())
		defer endpoint.Close()
		req, _ := http.NewRequest(http.MethodPost, endpoint.URL, bytes.NewReader(update))
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", "s3cret-token")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	h.srv.RateLimitNext("sendMessage", 60)
	status := make(chan int, 1)
	go func() { status <- post() }()
	h.srv.WaitCalls(t, "sendMessage", 1)
	h.stop()
	if code := <-status; code != http.StatusServiceUnavailable {
		t.Errorf("an answer cut off by shutdown: %d", code)
	}
	h.run(t, webhook)
	if code := post(); code != http.StatusOK {
		t.Errorf("delivered again after the restart: %d", code)
	}
	if m := h.reply(t, private.ID, 1); !strings.Contains(m.Plain, "Stefanie Behmer") {
		t.Errorf("answer: %s", m.Plain)
	}
	if code := post(); code != http.StatusOK {
		t.Errorf("delivered a third time: %d", code)
	}
	h.quiet(t, private.ID, 1)
}

func TestTokenRefused(t *testing.T) {
	// A wrong, revoked or malformed token is logged (never the token),
	// Health says so, and the bot retries: once Telegram takes the token
	// again it answers.
	tests := []struct {
		name     string
		botToken string
		// revoke, if set, is the token the server takes once the bot runs.
		revoke string
		// fixable: the server can be made to take the bot's token.
		fixable bool
	}{
		{"wrong token", "123456:wrong-token", "", true},
		{"revoked while polling", token, "123456:new-token", true},
		{"no token at all", "not-a-token", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t)
			h.run(t, func(c *Config) { c.Token = tt.botToken })
			if tt.revoke != "" {
				if err := h.bot.Health(); err != nil {
					t.Fatalf("Health before the token was revoked: %v", err)
				}
				h.srv.SetToken(tt.revoke)
			}
			waitHealth(t, h.bot, errTokenRefused)
			if logs := h.logs.String(); !strings.Contains(logs, "the bot token was refused") ||
				strings.Contains(logs, tt.botToken) || strings.Contains(logs, "TEST-token") {
				t.Errorf("log:\n%s", logs)
			}
			if !tt.fixable {
				h.srv.WaitCalls(t, "getMe", 2) // retried
				return
			}
			h.srv.SetToken(tt.botToken)
			waitHealth(t, h.bot, nil)
			h.srv.SendText(private, jana, "/contact")
			h.reply(t, private.ID, 1)
		})
	}
}

// waitHealth waits up to ten seconds for b.Health() to be want.
func waitHealth(t *testing.T, b *Bot, want error) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for b.Health() != want {
		if time.Now().After(deadline) {
			t.Fatalf("Health = %v, want %v", b.Health(), want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestBackoff(t *testing.T) {
	// Failures in a row wait from a second, doubling up to a minute; a
	// 429 waits what it asks for and leaves the doubling as it was.
	tooMany := &bot.TooManyRequestsError{RetryAfter: 7}
	var w backoff
	for i, tt := range []struct {
		err  error
		want time.Duration
	}{
		{errors.New("connection refused"), time.Second},
		{bot.ErrorUnauthorized, 2 * time.Second},
		{tooMany, 7 * time.Second},
		{errors.New("502 Bad Gateway"), 4 * time.Second},
		{bot.ErrorConflict, 8 * time.Second},
		{bot.ErrorNotFound, 16 * time.Second},
		{bot.ErrorNotFound, 32 * time.Second},
		{bot.ErrorNotFound, time.Minute},
		{bot.ErrorNotFound, time.Minute},
		{&bot.TooManyRequestsError{}, time.Second},
	} {
		if got := w.next(tt.err); got != tt.want {
			t.Errorf("failure %d (%v): wait %v, want %v", i+1, tt.err, got, tt.want)
		}
	}
	if got := (&backoff{}).next(bot.ErrorUnauthorized); got != time.Second {
		t.Errorf("afresh: %v", got)
	}
}

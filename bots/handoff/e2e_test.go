package handoff_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/handoff"
	"github.com/isa-alliance/isabot/bots/observe"
	slackbot "github.com/isa-alliance/isabot/bots/slack"
	"github.com/isa-alliance/isabot/bots/slack/slackfake"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/telegram"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

const (
	tgToken       = "123456:TEST-handoff-token"
	slackToken    = "xoxb-4711-0815-handoff"
	signingSecret = "handoff-signing-secret"
	pressChannel  = "C0HANDOFF" // the hand-off channel
	otherChannel  = "C0OTHER"
	jana, tom     = "U0JANA", "U0TOM" // liaisons
	question      = "How many inhabitants does the moon have?"
)

var (
	journalistChat = models.Chat{ID: 501, Type: models.ChatTypePrivate, FirstName: "Jo"}
	journalist     = models.User{ID: 501, FirstName: "Jo", LastName: "Reporter", Username: "jo_reporter", LanguageCode: "en"}
)

var testEngine = sync.OnceValues(func() (*search.Engine, error) {
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		return nil, problems[0]
	}
	idx, err := search.NewMemIndex(context.Background(), data.Releases)
	if err != nil {
		return nil, err
	}
	return search.NewEngine(data, idx), nil
})

// harness runs both bots, joined by a desk, against the two fakes, with
// a real state file.
type harness struct {
	tg    *telegramtest.Server
	slack *slackfake.Server
	path  string // the state file
	state *store.Store
	srv   *httptest.Server // the Slack bot's HTTP endpoints
	stop  func()
	logs  *logBuffer
	// metrics are the desk's, kept through restarts.
	metrics *observe.Metrics
	// engine answers the questions; dataDir, when set, holds the curated
	// answers, which the desk learns.
	engine  *search.Engine
	dataDir string
	// clock is the desk's, which a test may move on.
	clock *clock
}

// clock is the real time, moved on by what a test adds.
type clock struct {
	mu    sync.Mutex
	ahead time.Duration
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.ahead)
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ahead += d
}

// metricsText is what /metrics shows.
func (h *harness) metricsText() string {
	rec := httptest.NewRecorder()
	h.metrics.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	return rec.Body.String()
}

// logBuffer is the bots' log, shown when a test fails.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func start(t *testing.T) *harness {
	t.Helper()
	h := &harness{
		tg:      telegramtest.NewServer(t, tgToken),
		slack:   slackfake.NewServer(t, slackToken, ""),
		path:    filepath.Join(t.TempDir(), "state.db"),
		stop:    func() {},
		logs:    &logBuffer{},
		metrics: observe.NewMetrics(func() float64 { return 0 }, func() float64 { return 0 }),
		clock:   &clock{},
	}
	h.slack.SetChannel(pressChannel, slackfake.Channel{Member: true})
	h.slack.SetChannel(otherChannel, slackfake.Channel{Member: true})
	h.run(t)
	t.Cleanup(func() {
		h.stop()
		if t.Failed() {
			t.Logf("log:\n%s", h.logs)
		}
	})
	return h
}

// run starts the bots on the state file; stop ends them and closes it.
func (h *harness) run(t *testing.T) {
	t.Helper()
	engine, err := testEngine()
	if err != nil {
		t.Fatal(err)
	}
	if h.engine != nil {
		engine = h.engine
	}
	h.state, err = store.Open(h.path)
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	desk := handoff.New(h.state, handoff.Policy{}, h.metrics, logger)
	desk.SetNow(h.clock.now)
	if h.dataDir != "" {
		curated := handoff.NewCuratedFile(corpus.OSDir(h.dataDir), filepath.Join(h.dataDir, corpus.CuratedFile), engine, logger)
		curated.Load()
		desk.LearnWith(curated)
	}
	tg, err := telegram.New(telegram.Config{Token: tgToken, APIURL: h.tg.URL(), PollTimeout: time.Second, Handoff: desk}, engine, h.state, logger)
	if err != nil {
		t.Fatal(err)
	}
	sl, err := slackbot.New(slackbot.Config{BotToken: slackToken, SigningSecret: signingSecret, APIURL: h.slack.APIURL(),
		HandoffChannel: pressChannel, Handoff: desk, Asker: desk}, engine, h.state, logger)
	if err != nil {
		t.Fatal(err)
	}
	desk.Connect(sl, map[string]handoff.Journalists{handoff.Telegram: tg, handoff.Slack: sl})
	mux := http.NewServeMux()
	mux.Handle("POST /slack/interactivity", sl.InteractivityHandler())
	mux.Handle("POST /slack/events", sl.EventsHandler())
	h.srv = httptest.NewServer(mux)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, run := range []func(context.Context) error{tg.Run, sl.Run} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := run(ctx); err != nil {
				t.Errorf("Run: %v", err)
			}
		}()
	}
	h.stop = func() {
		h.srv.Close()
		cancel()
		wg.Wait()
		h.state.Close()
		h.stop = func() {}
	}
	eventually(t, "both bots ready", func() bool { return tg.Health() == nil && sl.Health() == nil })
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 5s for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// telegramMessage waits for the nth message the bot sent the journalist.
func (h *harness) telegramMessage(t *testing.T, n int) telegramtest.Message {
	t.Helper()
	eventually(t, "a Telegram message", func() bool { return len(h.tg.Messages(journalistChat.ID)) >= n })
	return h.tg.Messages(journalistChat.ID)[n-1]
}

// button is the callback data of a message's button labelled label.
func button(t *testing.T, m telegramtest.Message, label string) string {
	t.Helper()
	var markup models.InlineKeyboardMarkup
	if err := json.Unmarshal([]byte(m.ReplyMarkup), &markup); err != nil {
		t.Fatalf("keyboard %q: %v", m.ReplyMarkup, err)
	}
	for _, row := range markup.InlineKeyboard {
		for _, b := range row {
			if b.Text == label {
				if len(b.CallbackData) > 64 {
					t.Errorf("callback_data of %d bytes", len(b.CallbackData))
				}
				return b.CallbackData
			}
		}
	}
	t.Fatalf("no button %q in %s", label, m.ReplyMarkup)
	return ""
}

// handOff asks the question isabot cannot answer and sends it to the
// press office, with the journalist's name or not; it returns the
// question's message id and the Slack message.
func (h *harness) handOff(t *testing.T, question, consent string) (int, slackfake.Message) {
	t.Helper()
	before := len(h.tg.Messages(journalistChat.ID))
	update := h.tg.SendText(journalistChat, journalist, question)
	questionID := h.tg.Update(update).Message.ID
	answer := h.telegramMessage(t, before+1)
	h.tg.Callback(journalistChat, journalist, answer.MessageID, button(t, answer, "Ask the ISA press office"))
	preview := h.telegramMessage(t, before+2)
	if !strings.Contains(preview.Plain, question) {
		t.Errorf("the preview does not show the question: %q", preview.Plain)
	}
	sent := len(h.slack.Messages(pressChannel))
	h.tg.Callback(journalistChat, journalist, preview.MessageID, button(t, preview, consent))
	eventually(t, "the hand-off in Slack", func() bool { return len(h.slack.Messages(pressChannel)) > sent })
	eventually(t, "the preview confirmed", func() bool { return h.tg.Messages(journalistChat.ID)[before+1].Edited })
	return questionID, h.slack.Messages(pressChannel)[sent]
}

// interact posts an interaction payload to the Slack bot as Slack does.
func (h *harness) interact(t *testing.T, payload []byte) {
	t.Helper()
	h.slackPost(t, "/slack/interactivity", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(payload)}}.Encode()))
}

// slackPost posts a signed request to the Slack bot's endpoint path.
func (h *harness) slackPost(t *testing.T, path, contentType string, body []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.srv.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	slackfake.SignRequest(req, signingSecret, body)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s answered %d", path, res.StatusCode)
	}
}

// press presses a hand-off button of the Slack message m as user, in
// channel; it returns the response URL of the press.
func (h *harness) press(t *testing.T, user, channel string, m slackfake.Message, action string) string {
	t.Helper()
	respURL := h.slack.NewResponseURL()
	h.interact(t, slackfake.MessageAction(user, channel, m.TS, respURL, action, handoffID(t, m)))
	return respURL
}

// handoffID reads the hand-off's id from its message's buttons.
func handoffID(t *testing.T, m slackfake.Message) string {
	t.Helper()
	var blocks []struct {
		Type     string `json:"type"`
		Elements []struct {
			ActionID string `json:"action_id"`
			Value    string `json:"value"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(m.Blocks, &blocks); err != nil {
		t.Fatal(err)
	}
	for _, b := range blocks {
		for _, e := range b.Elements {
			if e.ActionID == "handoff_answer" {
				return e.Value
			}
		}
	}
	t.Fatalf("no Answer button in %s", m.Blocks)
	return ""
}

// submit submits the nth modal opened (from 1) as user.
func (h *harness) submit(t *testing.T, user string, n int, reply, lang string) {
	t.Helper()
	eventually(t, "the modal", func() bool { return len(h.slack.Modals()) >= n })
	payload, err := slackfake.ViewSubmission(user, h.slack.Modals()[n-1], map[string]map[string]any{
		"handoff_reply_text": {"handoff_reply_text": slackfake.TextValue(reply)},
		"handoff_reply_lang": {"handoff_reply_lang": slackfake.SelectValue(lang)},
	})
	if err != nil {
		t.Fatal(err)
	}
	h.interact(t, payload)
}

// slackMessage is the Slack message with ts as it is now.
func (h *harness) slackMessage(t *testing.T, ts string) slackfake.Message {
	t.Helper()
	for _, m := range h.slack.Messages(pressChannel) {
		if m.TS == ts {
			return m
		}
	}
	t.Fatalf("no message %s", ts)
	return slackfake.Message{}
}

// responses are the notes posted to a response URL.
func (h *harness) responses(respURL string) []string {
	var out []string
	for _, p := range h.slack.ResponsePosts() {
		if strings.HasSuffix(respURL, "/"+p.ID) {
			out = append(out, p.Text)
		}
	}
	return out
}

func TestAnsweredByTheLiaison(t *testing.T) {
	for _, tt := range []struct {
		name     string
		question string
		consent  string
		restart  bool
		shown    string // in the Slack message
		notShown string
	}{
		{name: "with name", question: question, consent: "Send with my name", shown: "Jo Reporter @jo_reporter"},
		{name: "anonymously", question: question, consent: "Send anonymously", shown: "anonym", notShown: "jo_reporter"},
		{name: "restart between hand-off and answer", question: question, consent: "Send anonymously", restart: true, shown: "anonym"},
		{name: "answered by isabot", question: "When was the ISA founded?", consent: "Send anonymously", shown: "*isabot antwortete:*"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t)
			questionID, posted := h.handOff(t, tt.question, tt.consent)
			wants := []string{tt.question, "English", tt.shown}
			if tt.question == question {
				wants = append(wants, "isabot konnte nicht antworten.")
			}
			for _, want := range wants {
				if !strings.Contains(string(posted.Blocks), want) {
					t.Errorf("the Slack message lacks %q: %s", want, posted.Blocks)
				}
			}
			if tt.notShown != "" && strings.Contains(string(posted.Blocks), tt.notShown) {
				t.Errorf("the Slack message shows %q: %s", tt.notShown, posted.Blocks)
			}
			if tt.notShown != "" {
				// What the journalist did not agree to send is nowhere in
				// the state file.
				h.stop()
				data, err := os.ReadFile(h.path)
				if err != nil {
					t.Fatal(err)
				}
				for _, personal := range []string{"jo_reporter", "Reporter"} {
					if bytes.Contains(data, []byte(personal)) {
						t.Errorf("the state file holds %q", personal)
					}
				}
				h.run(t)
			}
			if tt.restart {
				h.stop()
				h.run(t)
			}
			sent := len(h.tg.Messages(journalistChat.ID))
			h.press(t, jana, pressChannel, posted, "handoff_answer")
			h.submit(t, jana, 1, "The moon has no inhabitants.", "en")

			reply := h.telegramMessage(t, sent+1)
			if reply.ReplyTo != questionID {
				t.Errorf("the reply replies to %d, want the question %d", reply.ReplyTo, questionID)
			}
			for _, want := range []string{"Answer of the ISA press office (u0jana, ", "The moon has no inhabitants."} {
				if !strings.Contains(reply.Plain, want) {
					t.Errorf("the reply lacks %q: %q", want, reply.Plain)
				}
			}
			eventually(t, "the Slack message updated", func() bool {
				return strings.Contains(string(h.slackMessage(t, posted.TS).Blocks), "Beantwortet von u0jana")
			})
			if blocks := string(h.slackMessage(t, posted.TS).Blocks); strings.Contains(blocks, "handoff_answer") {
				t.Errorf("an answered hand-off keeps its buttons: %s", blocks)
			}
			for _, want := range []string{`isabot_handoffs_total{event="opened"} 1`, `isabot_handoffs_total{event="answered"} 1`, "isabot_handoff_answer_seconds_count 1"} {
				if !strings.Contains(h.metricsText(), want) {
					t.Errorf("/metrics lacks %s", want)
				}
			}
		})
	}
}

func TestClosedWithoutAnswer(t *testing.T) {
	for _, tt := range []struct {
		action, shown string
		told          string // to the journalist; "" for nothing
	}{
		{action: "handoff_decline", shown: "Nicht für uns, sagte u0tom", told: "The ISA press office is sorry: your question “" + question + "” is not one it can answer."},
		{action: "handoff_dismiss", shown: "Verworfen von u0tom"},
	} {
		t.Run(tt.action, func(t *testing.T) {
			h := start(t)
			_, posted := h.handOff(t, question, "Send anonymously")
			sent := len(h.tg.Messages(journalistChat.ID))
			h.press(t, tom, pressChannel, posted, tt.action)
			eventually(t, "the Slack message updated", func() bool {
				return strings.Contains(string(h.slackMessage(t, posted.TS).Blocks), tt.shown)
			})
			h.stop() // every answer in progress sent
			msgs := h.tg.Messages(journalistChat.ID)[sent:]
			switch {
			case tt.told == "" && len(msgs) > 0:
				t.Errorf("the journalist was told: %+v", msgs)
			case tt.told != "" && (len(msgs) != 1 || msgs[0].Plain != tt.told):
				t.Errorf("the journalist got %+v, want %q", msgs, tt.told)
			}
		})
	}
}

func TestTwoLiaisonsAnswerAtOnce(t *testing.T) {
	h := start(t)
	_, posted := h.handOff(t, question, "Send anonymously")
	h.press(t, jana, pressChannel, posted, "handoff_answer")
	eventually(t, "Jana's modal", func() bool { return len(h.slack.Modals()) == 1 })
	tomsPress := h.press(t, tom, pressChannel, posted, "handoff_answer")
	eventually(t, "Tom told", func() bool { return len(h.responses(tomsPress)) == 1 })
	if got, want := h.responses(tomsPress)[0], "u0jana beantwortet diese Frage schon."; got != want {
		t.Errorf("Tom was told %q, want %q", got, want)
	}
	if n := len(h.slack.Modals()); n != 1 {
		t.Errorf("%d modals opened, want Jana's only", n)
	}
	// Tom's reply, forged into Jana's modal, does not go.
	sent := len(h.tg.Messages(journalistChat.ID))
	h.submit(t, tom, 1, "Tom's reply", "en")
	h.submit(t, jana, 1, "Jana's reply", "en")
	reply := h.telegramMessage(t, sent+1)
	h.stop()
	if msgs := h.tg.Messages(journalistChat.ID)[sent:]; len(msgs) != 1 || !strings.Contains(reply.Plain, "Jana's reply") {
		t.Errorf("the journalist got %+v, want Jana's reply only", msgs)
	}
}

func TestClosedModalLetsAnotherAnswer(t *testing.T) {
	h := start(t)
	_, posted := h.handOff(t, question, "Send anonymously")
	h.press(t, jana, pressChannel, posted, "handoff_answer")
	eventually(t, "Jana's modal", func() bool { return len(h.slack.Modals()) == 1 })
	h.interact(t, slackfake.ViewClosed(jana, h.slack.Modals()[0]))
	// Tom presses until Jana's close has gone through: each press either
	// tells him Jana is answering or opens his modal.
	for tries := 0; len(h.slack.Modals()) < 2; tries++ {
		if tries == 100 {
			t.Fatal("Tom's modal never opened")
		}
		press := h.press(t, tom, pressChannel, posted, "handoff_answer")
		eventually(t, "Tom's press answered", func() bool { return len(h.responses(press)) > 0 || len(h.slack.Modals()) == 2 })
	}
	sent := len(h.tg.Messages(journalistChat.ID))
	h.submit(t, tom, 2, "Tom's reply", "en")
	if reply := h.telegramMessage(t, sent+1); !strings.Contains(reply.Plain, "(u0tom, ") {
		t.Errorf("the reply is %q, want Tom's", reply.Plain)
	}
}

func TestInteractionFromAnotherChannelRefused(t *testing.T) {
	h := start(t)
	_, posted := h.handOff(t, question, "Send anonymously")
	sent := len(h.tg.Messages(journalistChat.ID))
	forged := h.press(t, tom, otherChannel, posted, "handoff_decline")
	eventually(t, "Tom told", func() bool { return len(h.responses(forged)) == 1 })
	if got := h.responses(forged)[0]; !strings.Contains(got, "nur im Kanal der Pressestelle") {
		t.Errorf("Tom was told %q", got)
	}
	h.press(t, tom, otherChannel, posted, "handoff_answer")
	h.stop()
	if n := len(h.slack.Modals()); n != 0 {
		t.Errorf("%d modals opened", n)
	}
	if msgs := h.tg.Messages(journalistChat.ID)[sent:]; len(msgs) != 0 {
		t.Errorf("the journalist was told: %+v", msgs)
	}
	if blocks := string(h.slackMessage(t, posted.TS).Blocks); !strings.Contains(blocks, "handoff_answer") {
		t.Errorf("the hand-off was closed: %s", blocks)
	}
}

func TestReplyToABlockedJournalistReported(t *testing.T) {
	h := start(t)
	_, posted := h.handOff(t, question, "Send anonymously")
	h.tg.SetChatMember(journalistChat.ID, 123456, "kicked")
	h.press(t, jana, pressChannel, posted, "handoff_answer")
	h.submit(t, jana, 1, "The moon has no inhabitants.", "en")
	eventually(t, "the report in the thread", func() bool {
		for _, m := range h.slack.Messages(pressChannel) {
			if m.ThreadTS == posted.TS && strings.Contains(m.Text, "isabot wurde blockiert") {
				return true
			}
		}
		return false
	})
}

func TestConsentTappedTwiceSendsOnce(t *testing.T) {
	h := start(t)
	h.handOff(t, question, "Send anonymously")
	preview := h.tg.Messages(journalistChat.ID)[1]
	var again string
	for _, c := range h.tg.Calls("sendMessage") {
		if strings.Contains(c.Params["reply_markup"], "Send anonymously") {
			var markup models.InlineKeyboardMarkup
			if err := json.Unmarshal([]byte(c.Params["reply_markup"]), &markup); err != nil {
				t.Fatal(err)
			}
			again = markup.InlineKeyboard[1][0].CallbackData
		}
	}
	if again == "" {
		t.Fatal("no preview with the consent buttons was sent")
	}
	h.tg.Callback(journalistChat, journalist, preview.MessageID, again)
	h.tg.WaitCalls(t, "answerCallbackQuery", 3)
	h.stop()
	if n := len(h.slack.Messages(pressChannel)); n != 1 {
		t.Errorf("%d hand-offs posted, want 1", n)
	}
}

func TestHandoffSlackRefusedTellsTheJournalist(t *testing.T) {
	h := start(t)
	h.tg.SendText(journalistChat, journalist, question)
	answer := h.telegramMessage(t, 1)
	h.tg.Callback(journalistChat, journalist, answer.MessageID, button(t, answer, "Ask the ISA press office"))
	preview := h.telegramMessage(t, 2)
	h.slack.FailNext("chat.postMessage", "channel_not_found")
	h.tg.Callback(journalistChat, journalist, preview.MessageID, button(t, preview, "Send with my name"))
	eventually(t, "the preview edited", func() bool { return h.tg.Messages(journalistChat.ID)[1].Edited })
	h.stop()
	if got, want := h.tg.Messages(journalistChat.ID)[1].Plain, "The question could not be sent to the press office. Please try again later."; got != want {
		t.Errorf("the journalist was told %q, want %q", got, want)
	}
	data, err := os.ReadFile(h.path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("jo_reporter")) {
		t.Error("the state file keeps the name of a hand-off that was not posted")
	}
}

// slackButton is the value of the button with actionID in blocks.
func slackButton(t *testing.T, blocks json.RawMessage, actionID string) string {
	t.Helper()
	var list []struct {
		Elements []struct {
			ActionID string `json:"action_id"`
			Value    string `json:"value"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(blocks, &list); err != nil {
		t.Fatal(err)
	}
	for _, b := range list {
		for _, e := range b.Elements {
			if e.ActionID == actionID {
				return e.Value
			}
		}
	}
	t.Fatalf("no button %s in %s", actionID, blocks)
	return ""
}

func TestLiaisonsOwnQuestionFromADirectMessage(t *testing.T) {
	for _, tt := range []struct {
		action, shown string
	}{
		{action: "isa_offer_named", shown: `\u003c@` + tom + `\u003e`}, // <@U0TOM>, as JSON escapes it
		{action: "isa_offer_anonymous", shown: "anonym"},
	} {
		t.Run(tt.action, func(t *testing.T) {
			h := start(t)
			const dm = "D0TOM"
			h.slackPost(t, "/slack/events", "application/json",
				slackfake.EventCallback("Ev"+tt.action, slackfake.DirectMessage(tom, dm, question, "1700000001.000100")))
			eventually(t, "the answer in the DM", func() bool { return len(h.slack.Messages(dm)) == 1 })
			answer := h.slack.Messages(dm)[0]
			offer := h.slackPress(t, tom, dm, answer, "isa_offer", slackButton(t, answer.Blocks, "isa_offer"))
			eventually(t, "the preview", func() bool { return len(h.slackResponses(offer)) == 1 })
			preview := h.slackResponses(offer)[0]
			if !strings.Contains(string(preview.Blocks), question) {
				t.Errorf("the preview does not show the question: %s", preview.Blocks)
			}
			choice := h.slackPress(t, tom, dm, answer, tt.action, slackButton(t, preview.Blocks, tt.action))
			eventually(t, "the hand-off in the channel", func() bool { return len(h.slack.Messages(pressChannel)) == 1 })
			eventually(t, "the preview replaced", func() bool { return len(h.slackResponses(choice)) == 1 })
			if got := h.slackResponses(choice)[0]; !got.ReplaceOriginal || !strings.Contains(got.Text, "Sent to the ISA press office") {
				t.Errorf("the preview became %+v", got)
			}
			posted := h.slack.Messages(pressChannel)[0]
			if !strings.Contains(string(posted.Blocks), tt.shown) {
				t.Errorf("the hand-off lacks %q: %s", tt.shown, posted.Blocks)
			}
			if tt.action == "isa_offer_anonymous" && strings.Contains(string(posted.Blocks), tom) {
				t.Errorf("the anonymous hand-off names Tom: %s", posted.Blocks)
			}
			h.press(t, jana, pressChannel, posted, "handoff_answer")
			h.submit(t, jana, 1, "Nobody lives there.", "en")
			eventually(t, "the reply in the DM", func() bool { return len(h.slack.Messages(dm)) == 2 })
			if got := h.slack.Messages(dm)[1].Text; !strings.Contains(got, "Answer of the ISA press office (u0jana, ") || !strings.Contains(got, "Nobody lives there.") {
				t.Errorf("the reply in the DM is %q", got)
			}
		})
	}
}

// slackPress presses a button with value on the message m in channel,
// and returns the press's response URL.
func (h *harness) slackPress(t *testing.T, user, channel string, m slackfake.Message, actionID, value string) string {
	t.Helper()
	respURL := h.slack.NewResponseURL()
	h.interact(t, slackfake.MessageAction(user, channel, m.TS, respURL, actionID, value))
	return respURL
}

// slackResponses are the posts to a response URL.
func (h *harness) slackResponses(respURL string) []slackfake.ResponsePost {
	var out []slackfake.ResponsePost
	for _, p := range h.slack.ResponsePosts() {
		if strings.HasSuffix(respURL, "/"+p.ID) {
			out = append(out, p)
		}
	}
	return out
}

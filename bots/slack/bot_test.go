package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/slack/slackfake"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The secrets of the test workspace; none may ever reach the log.
const (
	botToken      = "xoxb-4711-0815-BOTSECRETbotsecret"
	appToken      = "xapp-1-A0ISA-4711-APPSECRETappsecret"
	signingSecret = "5ec12e7510a7e0bb8b2c3d4eSIGNSECRET"
)

// The people and places of the test workspace.
const (
	jana    = "U0JANA"
	tom     = "U0TOM"
	presse  = "C0PRESSE" // a channel the bot is in
	janaDM  = "D0JANA"   // the bot's direct-message channel with Jana
	mention = "<@" + slackfake.BotUserID + "> "
)

// testEngine answers from the default corpus, as isabot does.
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

// harness runs the bot against a fake Slack, with a real state file.
type harness struct {
	fake   *slackfake.Server
	state  *store.Store
	logs   *syncBuffer
	cfg    Config
	engine Engine  // the default corpus's unless a test gives another
	pauses *pauses // the bot's pauses, ended by the test
	bot    *Bot
	// srv serves the bot's HTTP endpoints in HTTP mode, as cmd/isabot
	// mounts them.
	srv        *httptest.Server
	runs       int
	rateLimits atomic.Int32
	stopped    bool
	stopFn     func()
}

// startSocket runs the bot in Socket Mode.
func startSocket(t *testing.T) *harness {
	t.Helper()
	return start(t, func(c *Config) { c.AppToken = appToken })
}

// startHTTP runs the bot in HTTP mode and serves its endpoints.
func startHTTP(t *testing.T) *harness {
	t.Helper()
	return start(t, func(c *Config) { c.SigningSecret = signingSecret })
}

func start(t *testing.T, mode func(*Config)) *harness {
	t.Helper()
	engine, err := testEngine()
	if err != nil {
		t.Fatal(err)
	}
	return startWith(t, engine, mode)
}

// startWith runs the bot with engine.
func startWith(t *testing.T, engine Engine, mode func(*Config)) *harness {
	t.Helper()
	h := &harness{fake: slackfake.NewServer(t, botToken, appToken), logs: &syncBuffer{}, engine: engine, pauses: newPauses()}
	var err error
	h.state, err = store.Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	h.cfg = Config{BotToken: botToken, APIURL: h.fake.APIURL(), OnRateLimit: func() { h.rateLimits.Add(1) }}
	mode(&h.cfg)
	h.run(t)
	t.Cleanup(func() {
		h.stop()
		h.state.Close()
		h.noSecretsLogged(t)
	})
	return h
}

// run starts the bot and waits until it has reached Slack.
func (h *harness) run(t *testing.T) {
	t.Helper()
	logger := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := New(h.cfg, h.engine, h.state, logger)
	if err != nil {
		t.Fatal(err)
	}
	b.after = h.pauses.after
	h.bot, h.stopped = b, false
	h.runs++
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	if !b.SocketMode() {
		mux := http.NewServeMux()
		mux.Handle("POST /slack/events", b.EventsHandler())
		mux.Handle("POST /slack/commands", b.CommandsHandler())
		mux.Handle("POST /slack/interactivity", b.InteractivityHandler())
		h.srv = httptest.NewServer(mux)
	}
	h.stopFn = func() {
		// The endpoints first (Close waits for the requests in flight),
		// then the bot, which waits for the answers in progress.
		if h.srv != nil {
			h.srv.Close()
		}
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("Run did not return within 10s of its context ending")
		}
	}
	h.eventually(t, "the bot to be ready", func() bool { return b.Health() == nil })
	if b.SocketMode() {
		h.fake.WaitConnections(t, h.runs)
	}
}

// stop ends the bot and waits until every answer in progress is sent:
// what a test counts after stop is all the bot will ever send.
func (h *harness) stop() {
	if !h.stopped {
		h.stopped = true
		h.stopFn()
	}
}

// eventually waits up to five seconds for cond and, failing, lists the
// calls Slack saw and the log.
func (h *harness) eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			var seen strings.Builder
			for _, c := range h.fake.Calls("") {
				fmt.Fprintf(&seen, "\n\t%s %d %q %.300v", c.Method, c.Status, c.Error, c.Params)
			}
			t.Fatalf("waited 5s for %s; calls seen:%s\nlog:\n%s", what, seen.String(), h.logs.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// event delivers an Events API event over Socket Mode and waits for its
// acknowledgement.
func (h *harness) event(t *testing.T, eventID string, ev map[string]any) {
	t.Helper()
	env := h.fake.SendEnvelope(t, "events_api", slackfake.EventCallback(eventID, ev), false)
	if payload := h.fake.WaitAck(t, env); payload != nil {
		t.Errorf("event %s acknowledged with a payload: %s", eventID, payload)
	}
}

// command runs "/isa text" over Socket Mode and returns the response URL
// its answer goes to.
func (h *harness) command(t *testing.T, user, text string) string {
	t.Helper()
	respURL := h.fake.NewResponseURL()
	env := h.fake.SendEnvelope(t, "slash_commands", slackfake.SlashCommand("/isa", text, user, presse, respURL), true)
	h.fake.WaitAck(t, env)
	return respURL
}

// message waits for the nth message the bot posted in channel (from 1).
func (h *harness) message(t *testing.T, channel string, n int) slackfake.Message {
	t.Helper()
	var msgs []slackfake.Message
	h.eventually(t, fmt.Sprintf("message %d in %s", n, channel), func() bool {
		msgs = h.fake.Messages(channel)
		return len(msgs) >= n
	})
	return msgs[n-1]
}

// responses waits for n posts to the response URL respURL.
func (h *harness) responses(t *testing.T, respURL string, n int) []slackfake.ResponsePost {
	t.Helper()
	var posts []slackfake.ResponsePost
	h.eventually(t, fmt.Sprintf("%d posts to %s", n, respURL), func() bool {
		posts = responsesTo(h.fake, respURL)
		return len(posts) >= n
	})
	return posts
}

func responsesTo(fake *slackfake.Server, respURL string) []slackfake.ResponsePost {
	id := respURL[strings.LastIndex(respURL, "/")+1:]
	var out []slackfake.ResponsePost
	for _, p := range fake.ResponsePosts() {
		if p.ID == id {
			out = append(out, p)
		}
	}
	return out
}

// noErrors checks that Slack accepted every call, bar the errors a test
// provoked: no call was refused for bad Block Kit, a bad argument or a
// bad token.
func (h *harness) noErrors(t *testing.T, provoked ...string) {
	t.Helper()
	for _, c := range h.fake.Calls("") {
		if (c.Status != http.StatusOK || c.Error != "") && !slices.Contains(provoked, c.Error) {
			t.Errorf("%s answered %d %q: %v", c.Method, c.Status, c.Error, c.Params)
		}
	}
}

// noSecretsLogged checks the log for the tokens and the signing secret.
func (h *harness) noSecretsLogged(t *testing.T) {
	t.Helper()
	logs := h.logs.String()
	for _, secret := range []string{botToken, appToken, signingSecret, "BOTSECRET", "APPSECRET", "SIGNSECRET"} {
		if strings.Contains(logs, secret) {
			t.Errorf("%q appears in the log:\n%s", secret, logs)
		}
	}
}

// block is a Block Kit block as Slack receives it.
type block struct {
	Type     string         `json:"type"`
	BlockID  string         `json:"block_id"`
	Text     *textObject    `json:"text"`
	Elements []blockElement `json:"elements"`
}

type textObject struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// blockElement is a context block's text or an actions block's button.
type blockElement struct {
	Type     string          `json:"type"`
	Text     json.RawMessage `json:"text"` // a string in a context block, an object in a button
	ActionID string          `json:"action_id"`
	Value    string          `json:"value"`
}

func (e blockElement) text() string {
	var s string
	if json.Unmarshal(e.Text, &s) == nil {
		return s
	}
	var o textObject
	_ = json.Unmarshal(e.Text, &o)
	return o.Text
}

func blocksOf(t *testing.T, raw json.RawMessage) []block {
	t.Helper()
	var blocks []block
	if err := json.Unmarshal(raw, &blocks); err != nil {
		t.Fatalf("blocks %s: %v", raw, err)
	}
	return blocks
}

// texts joins every text of the blocks: sections, headers, context
// elements and buttons.
func texts(blocks []block) string {
	var out []string
	for _, b := range blocks {
		if b.Text != nil {
			out = append(out, b.Text.Text)
		}
		for _, e := range b.Elements {
			out = append(out, e.text())
		}
	}
	return strings.Join(out, "\n")
}

// find returns the first block of type typ (and block id id, when set).
func find(blocks []block, typ, id string) (block, bool) {
	for _, b := range blocks {
		if b.Type == typ && (id == "" || b.BlockID == id) {
			return b, true
		}
	}
	return block{}, false
}

// shareButton is the value of the answer's "Share in channel" button.
func shareButton(t *testing.T, blocks []block) (label, value string) {
	t.Helper()
	actions, ok := find(blocks, "actions", "")
	if !ok || len(actions.Elements) != 1 || actions.Elements[0].Type != "button" || actions.Elements[0].ActionID != shareAction {
		t.Fatalf("no share button with action id %q in %+v", shareAction, blocks)
	}
	return actions.Elements[0].text(), actions.Elements[0].Value
}

// checkAnswer checks the shape of an answer: a section that says want,
// then a context block with the sources under their heading.
func checkAnswer(t *testing.T, raw json.RawMessage, want, sources string) []block {
	t.Helper()
	blocks := blocksOf(t, raw)
	if len(blocks) < 2 || blocks[0].Type != "section" || blocks[0].Text == nil || blocks[0].Text.Type != "mrkdwn" || !strings.Contains(blocks[0].Text.Text, want) {
		t.Errorf("answer does not start with a section saying %q: %s", want, raw)
	}
	ctx, ok := find(blocks, "context", "isa_sources")
	if !ok || len(ctx.Elements) < 2 || ctx.Elements[0].text() != "*"+sources+":*" {
		t.Errorf("answer has no context block of %s: %s", sources, raw)
	}
	return blocks
}

// golden compares v, as indented JSON, with testdata/name.golden,
// rewriting it with -update. Keys are sorted and mrkdwn's <, > and &
// left as they are, so the files read as what Slack gets.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var plain any
	if err := json.Unmarshal(data, &plain); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(plain); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("differs from %s:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// messageGolden is what a golden file keeps of a posted message.
type messageGolden struct {
	ThreadTS string          `json:"thread_ts,omitempty"`
	Text     string          `json:"text"`
	Blocks   json.RawMessage `json:"blocks"`
}

type responseGolden struct {
	ResponseType   string          `json:"response_type,omitempty"`
	DeleteOriginal bool            `json:"delete_original,omitempty"`
	Text           string          `json:"text,omitempty"`
	Blocks         json.RawMessage `json:"blocks,omitempty"`
}

func responseOf(p slackfake.ResponsePost) responseGolden {
	return responseGolden{ResponseType: p.ResponseType, DeleteOriginal: p.DeleteOriginal, Text: p.Text, Blocks: p.Blocks}
}

func TestMentionAnsweredInThread(t *testing.T) {
	t.Parallel()
	h := startSocket(t)

	const ts = "1700000100.000100"
	h.event(t, "Ev0MENTION1", slackfake.AppMention(jana, presse, mention+"Wann wurde die ISA gegründet?", ts))
	m := h.message(t, presse, 1)
	if m.ThreadTS != ts || m.Ephemeral {
		t.Errorf("answered with thread_ts %q (ephemeral %v), want a reply in the thread under the mention %s", m.ThreadTS, m.Ephemeral, ts)
	}
	checkAnswer(t, m.Blocks, "April 2016", "Quellen")
	if !strings.Contains(m.Text, "April 2016") {
		t.Errorf("fallback text: %q", m.Text)
	}
	golden(t, "mention-founding-de", messageGolden{m.ThreadTS, m.Text, m.Blocks})

	// A mention inside a thread is answered in that thread.
	const parent = "1700000050.000100"
	inThread := slackfake.AppMention(tom, presse, mention+"Is Cologne a member?", "1700000200.000100")
	inThread["thread_ts"] = parent
	h.event(t, "Ev0MENTION2", inThread)
	if m := h.message(t, presse, 2); m.ThreadTS != parent || !strings.Contains(m.Text, "Cologne (Köln)") {
		t.Errorf("mention in a thread answered with thread_ts %q: %q, want thread %s", m.ThreadTS, m.Text, parent)
	}

	// A bare mention gets the help.
	h.event(t, "Ev0MENTION3", slackfake.AppMention(jana, presse, strings.TrimSpace(mention), "1700000300.000100"))
	if m := h.message(t, presse, 3); m.ThreadTS != "1700000300.000100" || !strings.Contains(m.Text, "ISA") {
		t.Errorf("bare mention answered with %+v", m)
	}
	h.noErrors(t)
}

func TestDirectMessagesInTheirLanguage(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	tests := []struct{ question, want, sources string }{
		{"Wann wurde die ISA gegründet?", "April 2016", "Quellen"},
		{"Is Cologne a member?", "Cologne (Köln)", "Sources"},
		{"联盟有多少个成员城市？", "47", "来源"},
	}
	for i, tt := range tests {
		ts := fmt.Sprintf("1700001000.%06d", 100*(i+1))
		h.event(t, fmt.Sprintf("Ev0DM%d", i), slackfake.DirectMessage(jana, janaDM, tt.question, ts))
		m := h.message(t, janaDM, i+1)
		if m.ThreadTS != "" {
			t.Errorf("%q: answered in a thread (%s), want in the DM itself", tt.question, m.ThreadTS)
		}
		checkAnswer(t, m.Blocks, tt.want, tt.sources)
	}
	zh := h.message(t, janaDM, 3)
	golden(t, "dm-count-zh", messageGolden{Text: zh.Text, Blocks: zh.Blocks})
	if n := len(h.fake.Messages(presse)); n != 0 {
		t.Errorf("%d messages in a channel for direct messages", n)
	}
	h.noErrors(t)
}

func TestSocketModeReconnects(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	// Slack asks for a new connection from time to time.
	h.fake.Disconnect()
	h.fake.WaitConnections(t, 2)
	h.event(t, "Ev0AFTER", slackfake.AppMention(jana, presse, mention+"Ist Köln Mitglied?", "1700001500.000100"))
	if m := h.message(t, presse, 1); !strings.Contains(m.Text, "Köln") {
		t.Errorf("answer after reconnecting: %q", m.Text)
	}
	if calls := h.fake.Calls("apps.connections.open"); len(calls) != 2 || calls[1].Token != appToken {
		t.Errorf("apps.connections.open calls: %+v", calls)
	}
	h.noErrors(t)
}

func TestIgnoredMessages(t *testing.T) {
	t.Parallel()
	h := startSocket(t)

	// Another bot, in a DM and mentioning isabot.
	fromBot := slackfake.DirectMessage("U0OTHERBOT", janaDM, "Ist Köln Mitglied?", "1700002000.000100")
	fromBot["bot_id"] = "B0OTHER"
	h.event(t, "Ev0IGN1", fromBot)
	botMention := slackfake.AppMention("U0OTHERBOT", presse, mention+"Ist Köln Mitglied?", "1700002000.000200")
	botMention["bot_id"] = "B0OTHER"
	h.event(t, "Ev0IGN2", botMention)
	// An edit. Slack puts the user in the edited message; the top-level
	// one here leaves the subtype as the only reason to skip it.
	edit := slackfake.DirectMessage(jana, janaDM, "", "1700002000.000300")
	edit["subtype"] = "message_changed"
	edit["hidden"] = true
	edit["message"] = map[string]any{"type": "message", "user": jana, "text": "Ist Mainz Mitglied?", "ts": "1700001999.000100"}
	h.event(t, "Ev0IGN3", edit)
	// A deletion.
	del := slackfake.DirectMessage(jana, janaDM, "", "1700002000.000400")
	del["subtype"] = "message_deleted"
	h.event(t, "Ev0IGN4", del)
	// The bot's own messages, without a bot_id to give them away.
	h.event(t, "Ev0IGN5", slackfake.DirectMessage(slackfake.BotUserID, janaDM, "Ist Köln Mitglied?", "1700002000.000500"))
	h.event(t, "Ev0IGN6", slackfake.AppMention(slackfake.BotUserID, presse, mention+"Ist Köln Mitglied?", "1700002000.000600"))
	// Channel chatter without a mention.
	chatter := slackfake.DirectMessage(jana, presse, "Ist Köln Mitglied?", "1700002000.000700")
	chatter["channel_type"] = "channel"
	h.event(t, "Ev0IGN7", chatter)
	// The Messages tab of the App Home is no Home tab.
	tab := slackfake.AppHomeOpened(jana)
	tab["tab"] = "messages"
	h.event(t, "Ev0IGN8", tab)

	// Then a question that is answered.
	h.event(t, "Ev0ASK", slackfake.DirectMessage(jana, janaDM, "Ist Hamburg Mitglied?", "1700002000.000800"))
	h.message(t, janaDM, 1)
	h.stop()
	msgs := h.fake.Messages("")
	if len(msgs) != 1 || !strings.Contains(msgs[0].Text, "Hamburg") {
		t.Errorf("want only the answer about Hamburg, got %+v", msgs)
	}
	if calls := h.fake.Calls("views.publish"); len(calls) != 0 {
		t.Errorf("the Messages tab published a view: %+v", calls)
	}
	h.noErrors(t)
}

func TestRetriedEventAnsweredOnce(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	ev := slackfake.AppMention(jana, presse, mention+"Ist Köln Mitglied?", "1700003000.000100")
	h.event(t, "Ev0RETRY", ev)
	h.message(t, presse, 1)
	h.event(t, "Ev0RETRY", ev)
	h.event(t, "Ev0OTHER", slackfake.AppMention(jana, presse, mention+"Ist Mainz Mitglied?", "1700003000.000200"))
	h.message(t, presse, 2)
	h.stop()
	if msgs := h.fake.Messages(presse); len(msgs) != 2 || !strings.Contains(msgs[1].Text, "Mainz") {
		t.Fatalf("want the Köln answer once, then Mainz; got %+v", msgs)
	}

	// Nor after a restart: the state file remembers.
	h.run(t)
	h.event(t, "Ev0RETRY", ev)
	h.event(t, "Ev0THIRD", slackfake.AppMention(jana, presse, mention+"Ist Bremen Mitglied?", "1700003000.000300"))
	h.message(t, presse, 3)
	h.stop()
	if msgs := h.fake.Messages(presse); len(msgs) != 3 || !strings.Contains(msgs[2].Text, "Bremen") {
		t.Errorf("after a restart: %+v", msgs)
	}
	h.noErrors(t)
}

func TestSlashCommands(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	const de, en, zh = "Im Kanal teilen", "Share in channel", "分享到频道"
	tests := []struct {
		name, text string
		want       []string
		share      string // the button's label, in the answer's language
	}{
		{"question", "Ist Köln Mitglied?", []string{"Ja, Köln ist Mitglied", "*Quellen:*"}, de},
		{"question-en", "Who is the contact person?", []string{"Stefanie Behmer", "*Sources:*"}, en},
		{"question-zh", "科隆是成员吗？", []string{"科隆", "*来源:*"}, zh},
		{"help", "help", []string{"ISA"}, de},
		{"cities-bayern", "cities Bayern", []string{"Ingolstadt", "Nürnberg"}, de},
		{"contact", "contact", []string{"isa@pks-gmbh.net"}, de},
		{"latest", "latest", []string{"Die neuesten Pressemitteilungen", "• "}, de},
		{"search-masken", "search Masken", []string{"Seite 1 von", "Masken"}, de},
	}
	for _, tt := range tests {
		respURL := h.command(t, jana, tt.text)
		p := h.responses(t, respURL, 1)[0]
		if p.ResponseType != "ephemeral" || p.ReplaceOriginal || p.DeleteOriginal {
			t.Errorf("/isa %s: answered as %+v, want an ephemeral message", tt.text, p)
		}
		blocks := blocksOf(t, p.Blocks)
		all := texts(blocks)
		for _, w := range tt.want {
			if !strings.Contains(all, w) {
				t.Errorf("/isa %s: answer lacks %q:\n%s", tt.text, w, all)
			}
		}
		label, value := shareButton(t, blocks)
		if label != tt.share {
			t.Errorf("/isa %s: the share button says %q, want %q", tt.text, label, tt.share)
		}
		var share shareValue
		if err := json.Unmarshal([]byte(value), &share); err != nil || share.Text != tt.text {
			t.Errorf("/isa %s: share button value %q", tt.text, value)
		}
		golden(t, "command-"+tt.name, responseOf(p))
	}
	h.stop()
	if n := len(h.fake.ResponsePosts()); n != len(tests) {
		t.Errorf("%d posts to response URLs, want one for each of %d commands", n, len(tests))
	}
	if n := len(h.fake.Calls("chat.postMessage")); n != 0 {
		t.Errorf("/isa posted %d messages in the channel", n)
	}
	h.noErrors(t)
}

// A subcommand alone answers in the language of its word: Chinese for a
// Chinese word, German for a German one, and German, as for any text whose
// language is unclear, for the English words the help lists.
func TestCommandWordsTellTheLanguage(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	tests := []struct{ text, want, share string }{
		{"帮助", "`/isa help`", "分享到频道"},
		{"城市", "", "分享到频道"},
		{"联系", "isa@pks-gmbh.net", "分享到频道"},
		{"最新", "最新的新闻稿", "分享到频道"},
		{"搜索", "请告诉我要搜索什么", "分享到频道"},
		{"cities", "", "Im Kanal teilen"},
		{"Contact", "isa@pks-gmbh.net", "Im Kanal teilen"},
		{"search", "Zum Beispiel: /isa search Pandemie", "Im Kanal teilen"},
		{"kontakt", "isa@pks-gmbh.net", "Im Kanal teilen"},
		{"neueste", "Die neuesten Pressemitteilungen", "Im Kanal teilen"},
		{"help", "`/isa help`", "Im Kanal teilen"},
		{"hilfe", "`/isa help`", "Im Kanal teilen"},
		{"", "`/isa help`", "Im Kanal teilen"},
		// Words after the subcommand tell the language themselves.
		{"contact bitte", "isa@pks-gmbh.net", "Im Kanal teilen"},
	}
	for _, tt := range tests {
		respURL := h.command(t, jana, tt.text)
		blocks := blocksOf(t, h.responses(t, respURL, 1)[0].Blocks)
		if all := texts(blocks); !strings.Contains(all, tt.want) {
			t.Errorf("/isa %s: answer lacks %q:\n%s", tt.text, tt.want, all)
		}
		if label, _ := shareButton(t, blocks); label != tt.share {
			t.Errorf("/isa %s: the share button says %q, want %q", tt.text, label, tt.share)
		}
	}
	h.noErrors(t)
}

func TestShareInChannel(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	respURL := h.command(t, jana, "Ist Köln Mitglied?")
	ephemeral := h.responses(t, respURL, 1)[0]
	label, value := shareButton(t, blocksOf(t, ephemeral.Blocks))
	if label != "Im Kanal teilen" {
		t.Errorf("share button says %q", label)
	}

	// Tom presses it; the interaction comes with its own response URL.
	shareURL := h.fake.NewResponseURL()
	env := h.fake.SendEnvelope(t, "interactive", slackfake.BlockAction(tom, presse, shareURL, shareAction, value), true)
	h.fake.WaitAck(t, env)
	posts := h.responses(t, shareURL, 2)
	shared, deleted := posts[0], posts[1]
	if shared.ResponseType != "in_channel" || shared.DeleteOriginal {
		t.Errorf("shared as %+v, want in_channel", shared)
	}
	blocks := checkAnswer(t, shared.Blocks, "Ja, Köln ist Mitglied", "Quellen")
	by, ok := find(blocks, "context", "isa_shared_by")
	if !ok || len(by.Elements) != 1 || !strings.Contains(by.Elements[0].text(), "<@"+tom+">") || !strings.Contains(by.Elements[0].text(), "/isa Ist Köln Mitglied?") {
		t.Errorf("the shared answer does not name who shared it: %s", shared.Blocks)
	}
	if _, ok := find(blocks, "actions", ""); ok {
		t.Errorf("the shared answer still has the share button: %s", shared.Blocks)
	}
	if !deleted.DeleteOriginal || deleted.ResponseType == "in_channel" {
		t.Errorf("the ephemeral copy was not deleted: %+v", deleted)
	}
	golden(t, "share-koeln", []responseGolden{responseOf(shared), responseOf(deleted)})
	h.stop()
	if n := len(responsesTo(h.fake, shareURL)); n != 2 {
		t.Errorf("%d posts for one share", n)
	}
	h.noErrors(t)
}

func TestAppHome(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	h.event(t, "Ev0HOME", slackfake.AppHomeOpened(jana))
	h.fake.WaitCalls(t, "views.publish", 1)
	views := h.fake.Views(jana)
	if len(views) != 1 {
		t.Fatalf("views for %s: %d", jana, len(views))
	}
	var view struct {
		Type   string          `json:"type"`
		Blocks json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal(views[0], &view); err != nil {
		t.Fatal(err)
	}
	if view.Type != "home" {
		t.Errorf("view type %q", view.Type)
	}
	all := texts(blocksOf(t, view.Blocks))
	engine, _ := testEngine()
	latest := engine.Latest(5)
	if len(latest) == 0 || !strings.Contains(all, "Die neuesten Pressemitteilungen") {
		t.Errorf("home without the latest releases:\n%s", all)
	}
	for _, r := range latest {
		if !strings.Contains(all, escape(r.Title)) {
			t.Errorf("home lacks the release %q", r.Title)
		}
	}
	golden(t, "home", json.RawMessage(views[0]))
	h.noErrors(t)
}

func TestRateLimitIsWaitedOut(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	h.fake.RateLimitNext("chat.postMessage", 1)
	h.event(t, "Ev0RATE", slackfake.AppMention(jana, presse, mention+"Ist Köln Mitglied?", "1700004000.000100"))
	if m := h.message(t, presse, 1); !strings.Contains(m.Text, "Köln") {
		t.Errorf("answer: %q", m.Text)
	}
	calls := h.fake.Calls("chat.postMessage")
	if len(calls) != 2 || calls[0].Status != http.StatusTooManyRequests || calls[1].Error != "" || calls[1].At.Sub(calls[0].At) < time.Second {
		t.Errorf("calls: %+v", calls)
	}
	if n := h.rateLimits.Load(); n != 1 {
		t.Errorf("OnRateLimit called %d times", n)
	}
	h.noErrors(t, "ratelimited")
}

// rawMarkup is what would be Slack markup had the bot not escaped it.
var rawMarkup = []string{"<!channel>", "<@U123>", "<b>", "& "}

// noMarkupEchoed checks a message's fallback text and every text of its
// blocks for the hostile question's markup, and for markup escaped twice.
func noMarkupEchoed(t *testing.T, what, text string, raw json.RawMessage) {
	t.Helper()
	all := text
	if len(raw) > 0 {
		all += "\n" + texts(blocksOf(t, raw))
	}
	for _, m := range append(rawMarkup, "&amp;amp;", "&amp;lt;") {
		if strings.Contains(all, m) {
			t.Errorf("%s echoes %q as markup:\n%s", what, m, all)
		}
	}
}

func TestMarkupIsNotEchoed(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	// "<@U123> <!channel> & <b>" as Slack sends it: a mention, a special
	// mention, and &, < and > escaped.
	const hostile = "<@U123> <!channel> &amp; &lt;b&gt;"

	h.event(t, "Ev0HOSTILE1", slackfake.AppMention(jana, presse, mention+hostile, "1700005000.000100"))
	h.event(t, "Ev0HOSTILE2", slackfake.DirectMessage(jana, janaDM, hostile+" Ist Köln Mitglied?", "1700005000.000200"))
	for _, channel := range []string{presse, janaDM} {
		m := h.message(t, channel, 1)
		noMarkupEchoed(t, "the answer in "+channel, m.Text, m.Blocks)
	}
	// Unescaped, a question with &, < and > is the question typed.
	h.event(t, "Ev0HOSTILE3", slackfake.DirectMessage(jana, janaDM, "Ist Köln Mitglied? &amp; &lt;b&gt;", "1700005000.000300"))
	if m := h.message(t, janaDM, 2); !strings.Contains(m.Text, "Ja, Köln ist Mitglied") {
		t.Errorf("a question with escaped characters is not answered: %q", m.Text)
	}

	// The slash command's answer, its share and a search echo what was
	// typed; escaped once.
	respURL := h.command(t, jana, hostile)
	ephemeral := h.responses(t, respURL, 1)[0]
	noMarkupEchoed(t, "/isa's answer", ephemeral.Text, ephemeral.Blocks)
	_, value := shareButton(t, blocksOf(t, ephemeral.Blocks))
	shareURL := h.fake.NewResponseURL()
	h.fake.WaitAck(t, h.fake.SendEnvelope(t, "interactive", slackfake.BlockAction(jana, presse, shareURL, shareAction, value), true))
	shared := h.responses(t, shareURL, 2)[0]
	noMarkupEchoed(t, "the shared answer", shared.Text, shared.Blocks)
	if by, _ := find(blocksOf(t, shared.Blocks), "context", "isa_shared_by"); len(by.Elements) != 1 || !strings.Contains(by.Elements[0].text(), "/isa @U123 @channel &amp; &lt;b&gt; ·") {
		t.Errorf("the shared answer does not show the question as typed: %s", shared.Blocks)
	}

	searchURL := h.command(t, jana, "search "+hostile)
	found := h.responses(t, searchURL, 1)[0]
	noMarkupEchoed(t, "/isa search", found.Text, found.Blocks)
	if !strings.Contains(texts(blocksOf(t, found.Blocks)), "„@U123 @channel &amp; &lt;b&gt;“") {
		t.Errorf("the search does not show the words as typed: %s", found.Blocks)
	}
	h.stop()
	h.noErrors(t)
}

func TestLongQuestions(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	// A pasted paragraph, longer than a button's value may be, full of
	// characters that grow when escaped; as Slack sends it, escaped.
	long := "Ist Köln Mitglied? " + strings.Repeat("Köln &amp; Bonn &lt;&gt; ", 200)
	respURL := h.command(t, jana, long)
	blocks := blocksOf(t, h.responses(t, respURL, 1)[0].Blocks)
	if !strings.Contains(texts(blocks), "Ja, Köln ist Mitglied") {
		t.Errorf("answer: %s", texts(blocks))
	}
	if _, ok := find(blocks, "actions", ""); ok {
		t.Errorf("a share button whose value is too long for Slack")
	}
	h.event(t, "Ev0LONG", slackfake.AppMention(jana, presse, mention+long, "1700006000.000100"))
	h.message(t, presse, 1)

	// The longest question that fits a button can be shared, though it
	// grows when escaped.
	fits := "Ist Köln Mitglied? " + strings.Repeat("&amp;", 320)
	respURL = h.command(t, jana, fits)
	_, value := shareButton(t, blocksOf(t, h.responses(t, respURL, 1)[0].Blocks))
	shareURL := h.fake.NewResponseURL()
	h.fake.WaitAck(t, h.fake.SendEnvelope(t, "interactive", slackfake.BlockAction(jana, presse, shareURL, shareAction, value), true))
	if posts := h.responses(t, shareURL, 2); posts[0].ResponseType != "in_channel" || !posts[1].DeleteOriginal {
		t.Errorf("share: %+v", posts)
	}

	// A search for nothing known echoes the words.
	searchURL := h.command(t, jana, "search "+strings.Repeat("Lummerland &amp; &lt;&gt; ", 250))
	if none := texts(blocksOf(t, h.responses(t, searchURL, 1)[0].Blocks)); !strings.Contains(none, "Keine Pressemitteilung passt zu „Lummerland &amp; &lt;&gt;") || !strings.Contains(none, "…“") {
		t.Errorf("search for nothing known: %s", none)
	}
	h.stop()
	h.noErrors(t)
}

// httpPost posts body to the bot's endpoint path, signed by sign, and
// returns the status and the answer.
func (h *harness) httpPost(t *testing.T, path, contentType string, body []byte, sign func(*http.Request, []byte), header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.srv.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	if sign != nil {
		sign(req, body)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	answer, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(answer)
}

// signedAt signs a request as Slack would at time at, with secret.
func signedAt(secret string, at time.Time) func(*http.Request, []byte) {
	return func(r *http.Request, body []byte) {
		ts, sig := slackfake.Sign(secret, at, body)
		r.Header.Set("X-Slack-Request-Timestamp", ts)
		r.Header.Set("X-Slack-Signature", sig)
	}
}

// signed signs a request as Slack does.
func signed(r *http.Request, body []byte) { slackfake.SignRequest(r, signingSecret, body) }

const (
	jsonType = "application/json"
	formType = "application/x-www-form-urlencoded"
)

func TestHTTPEvents(t *testing.T) {
	t.Parallel()
	h := startHTTP(t)
	if h.bot.SocketMode() {
		t.Fatal("the bot is in Socket Mode without an app token")
	}

	code, answer := h.httpPost(t, "/slack/events", jsonType, slackfake.URLVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), signed)
	if code != http.StatusOK || answer != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("url_verification: %d %q", code, answer)
	}

	// Refused before anything reads them: an event the refused requests
	// carry is still answered when Slack delivers it properly.
	refused := slackfake.EventCallback("Ev0REFUSED", slackfake.AppMention(jana, presse, mention+"Ist Bremen Mitglied?", "1700007000.000100"))
	tampered := bytes.Replace(refused, []byte("Bremen"), []byte("Hamburg"), 1)
	for _, tt := range []struct {
		name string
		body []byte
		sign func(*http.Request, []byte)
	}{
		{"unsigned", refused, nil},
		{"tampered body", tampered, func(r *http.Request, _ []byte) { signed(r, refused) }},
		{"wrong secret", refused, signedAt("not-the-signing-secret", time.Now())},
		{"stale", refused, signedAt(signingSecret, time.Now().Add(-6*time.Minute))},
	} {
		if code, _ := h.httpPost(t, "/slack/events", jsonType, tt.body, tt.sign); code != http.StatusUnauthorized {
			t.Errorf("%s request: %d, want 401", tt.name, code)
		}
	}
	if code, _ := h.httpPost(t, "/slack/events", jsonType, []byte(`{"type":"event_callback","event":`), signed); code != http.StatusBadRequest {
		t.Errorf("malformed event: %d, want 400", code)
	}
	if calls := h.fake.Calls(""); len(calls) != 1 || calls[0].Method != "auth.test" {
		t.Errorf("refused requests called Slack: %+v", calls)
	}

	mentionEvent := slackfake.EventCallback("Ev0HTTP", slackfake.AppMention(jana, presse, mention+"Ist Köln Mitglied?", "1700007000.000200"))
	if code, _ := h.httpPost(t, "/slack/events", jsonType, mentionEvent, signed); code != http.StatusOK {
		t.Errorf("signed app_mention: %d", code)
	}
	m := h.message(t, presse, 1)
	if m.ThreadTS != "1700007000.000200" {
		t.Errorf("answered with thread_ts %q", m.ThreadTS)
	}
	checkAnswer(t, m.Blocks, "Ja, Köln ist Mitglied", "Quellen")

	// Slack retries what it thinks timed out.
	if code, _ := h.httpPost(t, "/slack/events", jsonType, mentionEvent, signed, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"); code != http.StatusOK {
		t.Errorf("retry: %d, want 200", code)
	}
	if code, _ := h.httpPost(t, "/slack/events", jsonType, refused, signed); code != http.StatusOK {
		t.Errorf("signed event: %d", code)
	}
	h.message(t, presse, 2)
	h.stop()
	msgs := h.fake.Messages(presse)
	if len(msgs) != 2 || !strings.Contains(msgs[0].Text, "Köln") || !strings.Contains(msgs[1].Text, "Bremen") {
		t.Errorf("want one answer about Köln and one about Bremen, got %+v", msgs)
	}
	if n := len(h.fake.Calls("apps.connections.open")); n != 0 {
		t.Errorf("opened %d Socket Mode connections in HTTP mode", n)
	}
	h.noErrors(t)
	if !strings.Contains(h.logs.String(), "refused an unverified request") {
		t.Errorf("refused requests are not logged:\n%s", h.logs.String())
	}
}

func TestHTTPCommandsAndShare(t *testing.T) {
	t.Parallel()
	h := startHTTP(t)

	// Slack wants the command acknowledged within three seconds; the
	// answer follows on the response URL, here after a rate limit.
	h.fake.RateLimitNext("response_url", 1)
	respURL := h.fake.NewResponseURL()
	cmd := []byte(slackfake.SlashCommand("/isa", "contact", jana, presse, respURL).Encode())
	began := time.Now()
	code, _ := h.httpPost(t, "/slack/commands", formType, cmd, signed)
	if took := time.Since(began); code != http.StatusOK || took > 900*time.Millisecond {
		t.Errorf("signed /isa: %d after %v, want 200 at once", code, took)
	}
	if n := len(responsesTo(h.fake, respURL)); n != 0 {
		t.Errorf("the answer came before the acknowledgement")
	}
	ephemeral := h.responses(t, respURL, 1)[0]
	if ephemeral.ResponseType != "ephemeral" || !strings.Contains(texts(blocksOf(t, ephemeral.Blocks)), "isa@pks-gmbh.net") {
		t.Errorf("answer: %+v", ephemeral)
	}
	_, value := shareButton(t, blocksOf(t, ephemeral.Blocks))

	// Refused and malformed commands and interactions.
	otherURL := h.fake.NewResponseURL()
	other := []byte(slackfake.SlashCommand("/isa", "contact", jana, presse, otherURL).Encode())
	if code, _ := h.httpPost(t, "/slack/commands", formType, other, nil); code != http.StatusUnauthorized {
		t.Errorf("unsigned /isa: %d, want 401", code)
	}
	if code, _ := h.httpPost(t, "/slack/commands", formType, []byte("command=%2Fisa&text=contact"), signed); code != http.StatusBadRequest {
		t.Errorf("/isa without a response_url: %d, want 400", code)
	}
	// Slack's certificate check of the command URL.
	if code, _ := h.httpPost(t, "/slack/commands", formType, []byte("ssl_check=1&token=x"), signed); code != http.StatusOK {
		t.Errorf("ssl_check: %d, want 200", code)
	}
	share := []byte(url.Values{"payload": {string(slackfake.BlockAction(tom, presse, otherURL, shareAction, value))}}.Encode())
	if code, _ := h.httpPost(t, "/slack/interactivity", formType, share, signedAt("not-the-signing-secret", time.Now())); code != http.StatusUnauthorized {
		t.Errorf("wrongly signed interaction: %d, want 401", code)
	}
	if code, _ := h.httpPost(t, "/slack/interactivity", formType, []byte("payload=%7Bnot+json"), signed); code != http.StatusBadRequest {
		t.Errorf("malformed interaction: %d, want 400", code)
	}

	// The share button.
	shareURL := h.fake.NewResponseURL()
	share = []byte(url.Values{"payload": {string(slackfake.BlockAction(tom, presse, shareURL, shareAction, value))}}.Encode())
	if code, _ := h.httpPost(t, "/slack/interactivity", formType, share, signed); code != http.StatusOK {
		t.Errorf("signed interaction: %d", code)
	}
	posts := h.responses(t, shareURL, 2)
	if posts[0].ResponseType != "in_channel" || !strings.Contains(texts(blocksOf(t, posts[0].Blocks)), "<@"+tom+">") || !posts[1].DeleteOriginal {
		t.Errorf("share: %+v", posts)
	}
	h.stop()
	if n := len(responsesTo(h.fake, otherURL)); n != 0 {
		t.Errorf("refused requests were answered %d times", n)
	}
	if n := len(h.fake.ResponsePosts()); n != 3 {
		t.Errorf("%d posts to response URLs, want 3", n)
	}
	h.noErrors(t, "rate_limited")
}

func TestReplayedRequestsAnsweredOnce(t *testing.T) {
	// A copy of a signed request passes the signature check for five
	// minutes, and Slack retries an event it thinks was lost: each is
	// acknowledged, and answered once, also after a restart.
	t.Parallel()
	h := startHTTP(t)
	at := time.Now() // one signature for the original and its copies
	commandURL, readURL := h.fake.NewResponseURL(), h.fake.NewResponseURL()
	tests := []struct {
		name, path, contentType string
		body                    []byte
		headers                 [][]string // of the original, then of each copy
		answered                func() int
	}{
		{"slash command", "/slack/commands", formType,
			[]byte(slackfake.SlashCommand("/isa", "contact", jana, presse, commandURL).Encode()),
			[][]string{nil, nil, nil},
			func() int { return len(responsesTo(h.fake, commandURL)) }},
		{"button", "/slack/interactivity", formType,
			[]byte(url.Values{"payload": {string(slackfake.BlockAction(tom, presse, readURL, readAction, "2021-02-11-isa-fruehlingsfest"))}}.Encode()),
			[][]string{nil, nil},
			func() int { return len(responsesTo(h.fake, readURL)) }},
		{"event", "/slack/events", jsonType,
			slackfake.EventCallback("Ev0REPLAY", slackfake.AppMention(jana, presse, mention+"Ist Köln Mitglied?", "1700009000.000100")),
			[][]string{nil, {"X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"}, {"X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_error"}, nil},
			func() int { return len(h.fake.Messages(presse)) }},
	}
	for _, tt := range tests {
		for i, header := range tt.headers {
			if code, _ := h.httpPost(t, tt.path, tt.contentType, tt.body, signedAt(signingSecret, at), header...); code != http.StatusOK {
				t.Errorf("%s, delivery %d: %d, want 200", tt.name, i+1, code)
			}
		}
		h.eventually(t, "an answer to the "+tt.name, func() bool { return tt.answered() > 0 })
	}
	h.stop()
	for _, tt := range tests {
		if n := tt.answered(); n != 1 {
			t.Errorf("%s answered %d times, want once", tt.name, n)
		}
	}
	for _, want := range []string{"a slash command seen before is not answered again", "an interaction seen before is not answered again", "event already handled"} {
		if !strings.Contains(h.logs.String(), want) {
			t.Errorf("the log does not say %q", want)
		}
	}

	// A copy after a restart, while the signature is still fresh.
	h.run(t)
	for _, tt := range tests {
		h.httpPost(t, tt.path, tt.contentType, tt.body, signedAt(signingSecret, at))
	}
	h.stop()
	for _, tt := range tests {
		if n := tt.answered(); n != 1 {
			t.Errorf("after a restart, %s answered %d times, want once", tt.name, n)
		}
	}
	h.noErrors(t)
}

func TestSocketModeCopiesAnsweredOnce(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	respURL := h.fake.NewResponseURL()
	cmd := slackfake.SlashCommand("/isa", "contact", jana, presse, respURL)
	for range 2 {
		h.fake.WaitAck(t, h.fake.SendEnvelope(t, "slash_commands", cmd, true))
	}
	h.responses(t, respURL, 1)
	h.stop()
	if n := len(responsesTo(h.fake, respURL)); n != 1 {
		t.Errorf("a command sent twice was answered %d times", n)
	}
}

func TestNewNeedsSecrets(t *testing.T) {
	t.Parallel()
	engine, err := testEngine()
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	if _, err := New(Config{SigningSecret: signingSecret}, engine, nil, logger); err == nil || !strings.Contains(err.Error(), "bot token") {
		t.Errorf("no bot token: %v", err)
	}
	_, err = New(Config{BotToken: botToken}, engine, nil, logger)
	if err == nil || !strings.Contains(err.Error(), "SLACK_SIGNING_SECRET") || !strings.Contains(err.Error(), "SLACK_APP_TOKEN") {
		t.Errorf("HTTP mode without a signing secret: %v, want an error naming SLACK_SIGNING_SECRET and SLACK_APP_TOKEN", err)
	}
	if err != nil && strings.Contains(err.Error(), botToken) {
		t.Errorf("the error shows the token: %v", err)
	}
	if _, err := New(Config{BotToken: botToken, AppToken: appToken}, engine, nil, logger); err != nil {
		t.Errorf("Socket Mode without a signing secret: %v", err)
	}
	if _, err := New(Config{BotToken: botToken, SigningSecret: signingSecret}, engine, nil, logger); err != nil {
		t.Errorf("HTTP mode with a signing secret: %v", err)
	}
}

// pauses stands in for the clock of the bot's pauses: each pause the
// bot asks for is told on asked, and ends when the test says so.
type pauses struct {
	asked chan time.Duration
	end   chan time.Time
}

func newPauses() *pauses {
	return &pauses{asked: make(chan time.Duration, 16), end: make(chan time.Time)}
}

func (p *pauses) after(d time.Duration) <-chan time.Time {
	p.asked <- d
	return p.end
}

// next waits for the bot to ask for a pause, and returns how long.
func (p *pauses) next(t *testing.T, logs *syncBuffer) time.Duration {
	t.Helper()
	select {
	case d := <-p.asked:
		return d
	case <-time.After(5 * time.Second):
		t.Fatalf("the bot asked for no pause within 5s; log:\n%s", logs.String())
		return 0
	}
}

func TestRefusedTokenRetried(t *testing.T) {
	// A token Slack refuses at the start makes the bot not ready, with
	// the reason and without the token in the log, and is asked about
	// again after pauses that double up to a limit; once Slack takes it,
	// the bot is ready.
	t.Parallel()
	engine, err := testEngine()
	if err != nil {
		t.Fatal(err)
	}
	wantPauses := []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 15 * time.Minute, 15 * time.Minute}
	tests := []struct {
		name   string
		cfg    Config
		refuse func(*slackfake.Server) // until accept
		accept func(*slackfake.Server)
		health string
	}{
		{"wrong bot token", Config{AppToken: appToken},
			func(f *slackfake.Server) { f.RefuseToken(botToken, "invalid_auth") },
			func(f *slackfake.Server) { f.RefuseToken(botToken, "") },
			"token refused (invalid_auth)"},
		{"revoked bot token", Config{SigningSecret: signingSecret},
			func(f *slackfake.Server) { f.RefuseToken(botToken, "token_revoked") },
			func(f *slackfake.Server) { f.RefuseToken(botToken, "") },
			"token refused (token_revoked)"},
		{"deactivated account", Config{SigningSecret: signingSecret},
			func(f *slackfake.Server) { f.RefuseToken(botToken, "account_inactive") },
			func(f *slackfake.Server) { f.RefuseToken(botToken, "") },
			"token refused (account_inactive)"},
		{"HTTP 401", Config{SigningSecret: signingSecret},
			func(f *slackfake.Server) {
				for range wantPauses {
					f.ServerErrorNext("auth.test", http.StatusUnauthorized)
				}
			},
			func(*slackfake.Server) {},
			"token refused (HTTP 401)"},
		{"revoked app-level token", Config{AppToken: appToken},
			func(f *slackfake.Server) { f.RefuseToken(appToken, "token_revoked") },
			func(f *slackfake.Server) { f.RefuseToken(appToken, "") },
			"app-level token refused (token_revoked)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := slackfake.NewServer(t, botToken, appToken)
			tt.refuse(fake)
			logs := &syncBuffer{}
			cfg := tt.cfg
			cfg.BotToken, cfg.APIURL = botToken, fake.APIURL()
			state, err := store.Open(filepath.Join(t.TempDir(), "state.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { state.Close() })
			b, err := New(cfg, engine, state, slog.New(slog.NewTextHandler(logs, nil)))
			if err != nil {
				t.Fatal(err)
			}
			p := newPauses()
			b.after = p.after
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- b.Run(ctx) }()

			for i, want := range wantPauses {
				if got := p.next(t, logs); got != want {
					t.Errorf("pause %d: %v, want %v", i+1, got, want)
				}
				if err := b.Health(); err == nil || err.Error() != tt.health {
					t.Errorf("health while refused: %v, want %q", err, tt.health)
				}
				if i == len(wantPauses)-1 {
					tt.accept(fake)
				}
				p.end <- time.Now()
			}
			deadline := time.Now().Add(5 * time.Second)
			for b.Health() != nil && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			if err := b.Health(); err != nil {
				t.Errorf("health once the token is taken: %v", err)
			}
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
			if want := "slack: " + tt.health + "; retrying in 30s"; !strings.Contains(logs.String(), want) {
				t.Errorf("the log does not say %q:\n%s", want, logs.String())
			}
			if strings.Contains(logs.String(), "SECRET") {
				t.Errorf("a token shows in the log:\n%s", logs.String())
			}
		})
	}
}

func TestTokenRevokedWhileRunning(t *testing.T) {
	// A token revoked while the bot runs is noticed at the next call
	// Slack refuses: the bot is not ready until Slack takes the token
	// again, and then answers again.
	t.Parallel()
	h := startHTTP(t)
	h.fake.RefuseToken(botToken, "token_revoked")
	ask := func(id, question, ts string) {
		t.Helper()
		event := slackfake.EventCallback(id, slackfake.AppMention(jana, presse, mention+question, ts))
		if code, _ := h.httpPost(t, "/slack/events", jsonType, event, signed); code != http.StatusOK {
			t.Errorf("event %s: %d", id, code)
		}
	}
	ask("Ev0REVOKED", "Ist Köln Mitglied?", "1700010000.000100")
	if d := h.pauses.next(t, h.logs); d != tokenPause {
		t.Errorf("first pause %v, want %v", d, tokenPause)
	}
	if err := h.bot.Health(); err == nil || err.Error() != "token refused (token_revoked)" {
		t.Errorf("health: %v", err)
	}
	if !strings.Contains(h.logs.String(), "slack: token refused (token_revoked); retrying in 30s") {
		t.Errorf("the refusal is not logged:\n%s", h.logs.String())
	}

	h.fake.RefuseToken(botToken, "")
	h.pauses.end <- time.Now()
	h.eventually(t, "the bot to be ready again", func() bool { return h.bot.Health() == nil })
	ask("Ev0TAKEN", "Ist Mainz Mitglied?", "1700010000.000200")
	if m := h.message(t, presse, 1); !strings.Contains(m.Text, "Mainz") {
		t.Errorf("answered %q", m.Text)
	}
	h.stop()
	h.noErrors(t, "token_revoked")
}

func TestSecretsNeverLogged(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	// Failures that get logged with their errors.
	h.fake.ServerErrorNext("chat.postMessage", http.StatusInternalServerError)
	h.event(t, "Ev0LOG1", slackfake.AppMention(jana, presse, mention+"Ist Köln Mitglied?", "1700008000.000100"))
	h.message(t, presse, 1)
	h.fake.FailNext("chat.postMessage", "channel_not_found")
	h.event(t, "Ev0LOG2", slackfake.AppMention(jana, presse, mention+"Ist Mainz Mitglied?", "1700008000.000200"))
	h.fake.FailNext("response_url", "expired_url")
	h.command(t, jana, "contact")
	h.fake.FailNext("views.publish", "invalid_auth")
	h.event(t, "Ev0LOG3", slackfake.AppHomeOpened(jana))
	h.stop()
	logs := h.logs.String()
	for _, want := range []string{"500", "channel_not_found", "404", "invalid_auth"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the log does not mention %q:\n%s", want, logs)
		}
	}
	h.noSecretsLogged(t)

	// In HTTP mode, with refused and malformed requests, too.
	hh := startHTTP(t)
	hh.httpPost(t, "/slack/events", jsonType, []byte(`{}`), signedAt("wrong", time.Now()))
	hh.httpPost(t, "/slack/events", jsonType, []byte(`{`), signed)
	hh.httpPost(t, "/slack/commands", formType, []byte(`text=contact`), signed)
	hh.stop()
	for _, want := range []string{"refused an unverified request", "malformed event", "malformed slash command"} {
		if !strings.Contains(hh.logs.String(), want) {
			t.Errorf("the log does not mention %q:\n%s", want, hh.logs.String())
		}
	}
	hh.noSecretsLogged(t)
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

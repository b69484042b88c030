package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/isa-alliance/isabot/bots/slack/slackfake"
	"github.com/isa-alliance/isabot/bots/store"
)

// slackEndpoints are the HTTP endpoints FuzzHTTP posts to, by the
// number it picks, with the content type Slack sends them.
var slackEndpoints = [][2]string{
	{"/slack/events", "application/json"},
	{"/slack/commands", "application/x-www-form-urlencoded"},
	{"/slack/interactivity", "application/x-www-form-urlencoded"},
}

// FuzzHTTP posts arbitrary bodies to the bot's HTTP endpoints (events,
// slash commands, interactivity), signed with the signing secret or, when
// forged, with another, and lets the bot answer through the fake Slack. A
// forged request is refused (401) and makes the bot do nothing; a signed
// one is taken (200) or refused as malformed (400), never a 5xx or a panic,
// here or in the answer's goroutine; and what the bot then sends, Slack
// would take: it is refused only for where the request said to send it
// (see fuzzSlackRefusalsAllowed), never for its blocks, text or length.
// The bot talks to nothing but the fake: a response_url elsewhere (another
// host, or https) is answered 404 on the spot.
func FuzzHTTP(f *testing.F) {
	fake := slackfake.NewServer(f, botToken, appToken)
	const ts = "1700000000.000100"
	events := [][]byte{
		slackfake.EventCallback("Ev1", slackfake.AppMention(jana, presse, mention+"Ist Köln Mitglied?", ts)),
		slackfake.EventCallback("Ev2", slackfake.DirectMessage(tom, "D0TOM", "When was the ISA founded?", ts)),
		slackfake.EventCallback("Ev3", slackfake.AppHomeOpened(jana)),
		slackfake.URLVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"),
	}
	for _, e := range events {
		f.Add(uint8(0), false, e)
	}
	for _, text := range []string{"Wer ist der Kontakt?", "help", "cities Bayern", "contact", "latest", "search masken", "subscribe", "", "<@UBOT> &lt;b&gt; &amp;"} {
		f.Add(uint8(1), false, []byte(slackfake.SlashCommand("/isa", text, jana, presse, fake.NewResponseURL()).Encode()))
	}
	f.Add(uint8(1), false, []byte("ssl_check=1&token="+slackfake.VerificationToken))
	for _, action := range [][2]string{
		{shareAction, `{"t":"Ist Köln Mitglied?"}`},
		{readAction, "2021-02-11-isa-fruehlingsfest"},
		{pageAction + "_next", `{"w":"masken","l":"de","p":1}`},
	} {
		payload := slackfake.BlockAction(jana, presse, fake.NewResponseURL(), action[0], action[1])
		f.Add(uint8(2), false, []byte(url.Values{"payload": {string(payload)}}.Encode()))
	}
	f.Add(uint8(0), true, events[0])

	state, err := store.Open(filepath.Join(f.TempDir(), "state.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { state.Close() })
	engine, err := testEngine()
	if err != nil {
		f.Fatal(err)
	}
	fakeURL, err := url.Parse(fake.URL())
	if err != nil {
		f.Fatal(err)
	}
	api := &slackRefusals{fakeHost: fakeURL.Host}
	logs := &panicLog{}
	cfg := Config{
		BotToken: botToken, SigningSecret: signingSecret, APIURL: fake.APIURL(),
		HTTPClient: &http.Client{Transport: api, Timeout: 10 * time.Second},
	}
	b, err := New(cfg, engine, freshEvents{state}, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		f.Fatal(err)
	}
	// The bot's clock: each input comes a replay window after the one
	// before, so that inputs sharing a trigger_id or event_id are all
	// answered (freshEvents forgets them in the store).
	var clock atomic.Int64 // Unix nanoseconds
	clock.Store(time.Now().UnixNano())
	b.now = func() time.Time { return time.Unix(0, clock.Load()) }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	f.Cleanup(func() {
		cancel()
		<-done
	})
	for deadline := time.Now().Add(10 * time.Second); b.Health() != nil; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			f.Fatalf("the bot did not reach the fake Slack within 10s: %v", b.Health())
		}
	}
	mux := http.NewServeMux()
	mux.Handle("POST /slack/events", b.EventsHandler())
	mux.Handle("POST /slack/commands", b.CommandsHandler())
	mux.Handle("POST /slack/interactivity", b.InteractivityHandler())

	f.Fuzz(func(t *testing.T, endpoint uint8, forged bool, body []byte) {
		api.take()
		e := slackEndpoints[int(endpoint)%len(slackEndpoints)]
		path := e[0]
		req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
		req.Header.Set("Content-Type", e[1])
		secret := signingSecret
		if forged {
			secret = "not-" + signingSecret
		}
		ts, sig := slackfake.Sign(secret, time.Unix(0, clock.Add(int64(replayWindow+time.Second))), body)
		req.Header.Set("X-Slack-Request-Timestamp", ts)
		req.Header.Set("X-Slack-Signature", sig)
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		b.work.Wait() // the answers in the background

		switch {
		case forged && rec.Code != http.StatusUnauthorized:
			t.Errorf("%s answered a forged request %d, want 401", path, rec.Code)
		case !forged && len(body) > maxRequestBody && rec.Code != http.StatusRequestEntityTooLarge:
			t.Errorf("%s answered %d bytes %d, want 413", path, len(body), rec.Code)
		case !forged && len(body) <= maxRequestBody && rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest:
			t.Errorf("%s answered %d, want 200 or 400", path, rec.Code)
		}
		if p := logs.take(); len(p) > 0 {
			t.Errorf("%s: the bot panicked:\n%s", path, strings.Join(p, "\n"))
		}
		calls, refused := api.take()
		if rec.Code != http.StatusOK && calls > 0 {
			t.Errorf("%s: a request answered %d made %d calls to Slack", path, rec.Code, calls)
		}
		for _, r := range refused {
			if !slices.ContainsFunc(fuzzSlackRefusalsAllowed, func(a string) bool { return strings.HasPrefix(r, a) }) {
				t.Errorf("%s: Slack would refuse what the bot sent: %s", path, r)
			}
		}
	})
}

// fuzzSlackRefusalsAllowed are the refusals a request can earn the bot on
// its own, as "method error": a channel, user or message Slack does not
// know, or a response_url that is unknown or used up.
var fuzzSlackRefusalsAllowed = []string{
	"chat.postMessage channel_not_found",
	"chat.postEphemeral channel_not_found",
	"chat.postEphemeral user_not_found",
	"conversations.info channel_not_found",
	"views.publish invalid_arguments [ERROR] missing required field: user_id",
	"response_url no_service",
	"response_url expired_url",
}

// freshEvents is the state store with every command, interaction and
// event new to it, so that inputs that share an id are all handled.
type freshEvents struct{ *store.Store }

func (freshEvents) ClaimUpdate(string, string) (bool, error) { return true, nil }

// slackRefusals is the bot's transport: it passes requests to the fake
// Slack, answers every other address 404 itself (at once, where a network
// error would be retried), counts the calls but the bot's checks of its
// own token (auth.test), and keeps the fake's refusals of the bot's Web
// API calls ("method error detail"), which carry its token, and of the
// posts to response URLs ("response_url error"), which do not. What a
// response_url elsewhere on the fake's host gets is not kept: the request
// chose it.
type slackRefusals struct {
	fakeHost string

	mu      sync.Mutex
	calls   int
	refused []string
}

func (r *slackRefusals) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Path != "/api/auth.test" {
		r.mu.Lock()
		r.calls++
		r.mu.Unlock()
	}
	if req.URL.Scheme != "http" || req.URL.Host != r.fakeHost {
		return &http.Response{
			Status: "404 Not Found", StatusCode: http.StatusNotFound, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header: http.Header{}, Body: io.NopCloser(strings.NewReader("no_service")), Request: req,
		}, nil
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	var refusal string
	switch method, api := strings.CutPrefix(req.URL.Path, "/api/"); {
	case api && carriesToken(req, botToken):
		var answer struct {
			OK       bool   `json:"ok"`
			Error    string `json:"error"`
			Metadata struct {
				Messages []string `json:"messages"`
			} `json:"response_metadata"`
		}
		if json.Unmarshal(body, &answer) == nil && !answer.OK {
			refusal = strings.Join(append([]string{method, answer.Error}, answer.Metadata.Messages...), " ")
		}
	case !api && strings.HasPrefix(req.URL.Path, "/response/") && resp.StatusCode != http.StatusOK:
		refusal = "response_url " + string(body)
	}
	if refusal != "" {
		r.mu.Lock()
		r.refused = append(r.refused, refusal)
		r.mu.Unlock()
	}
	return resp, nil
}

// carriesToken reports whether req carries token, as slack-go sends it:
// in the Authorization header or as the token field of a form.
func carriesToken(req *http.Request, token string) bool {
	if req.Header.Get("Authorization") == "Bearer "+token {
		return true
	}
	if req.GetBody == nil {
		return false
	}
	body, err := req.GetBody()
	if err != nil {
		return false
	}
	defer body.Close()
	raw, err := io.ReadAll(body)
	if err != nil {
		return false
	}
	form, err := url.ParseQuery(string(raw))
	return err == nil && form.Get("token") == token
}

// take returns what was seen since the last take, and forgets it.
func (r *slackRefusals) take() (calls int, refused []string) {
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

// TestRespondMalformedURL: a response_url that does not parse or is no
// http(s) URL fails at once, where it used to be retried as a network
// failure for 7.5 s (FuzzHTTP's testdata/fuzz/FuzzHTTP/response-url-bad-port).
func TestRespondMalformedURL(t *testing.T) {
	api := &slackRefusals{fakeHost: "slack.invalid"}
	b, err := New(Config{BotToken: botToken, SigningSecret: signingSecret, HTTPClient: &http.Client{Transport: api}},
		nil, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"http://127.0.0.1:3-561/response/R1", "http://127.0.0.1\x7f/response/R1", "ftp://hooks.slack.com/x", "hooks.slack.com/commands/x"} {
		start := time.Now()
		err := b.poster.respond(t.Context(), u, &slack.WebhookMessage{Text: "x"})
		if took := time.Since(start); err == nil || took > time.Second {
			t.Errorf("respond(%q) = %v after %v, want an error at once", u, err, took)
		}
	}
	if calls, _ := api.take(); calls != 0 {
		t.Errorf("%d posts made", calls)
	}
}

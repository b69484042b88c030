//go:build loadtest

package main

// The load test: not part of `go test ./...`. It builds isabot with
// .ci/build, runs `isabot serve` with the Telegram webhook and Slack's
// HTTP endpoints answering through the fake platforms, all on 127.0.0.1,
// and drives /api/ask, /telegram/webhook and /slack/events at once:
//
//	go test -tags loadtest -run '^TestLoad$' -v -timeout 10m ./cmd/isabot
//
// -args -load.duration 60s -load.clients 4 change how long and how hard.
// It prints the throughput and the p50 and p99 latency of each path and
// the server's resident memory (VmRSS) and goroutines each second.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/slack/slackfake"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
)

var (
	loadDuration = flag.Duration("load.duration", time.Minute, "how long TestLoad drives the server")
	loadClients  = flag.Int("load.clients", 4, "concurrent clients of each path in TestLoad")
)

const (
	loadTelegramToken = "4711:AAE-load-test-token-0123456789"
	loadWebhookSecret = "load-test-webhook-secret"
	loadSlackToken    = "xoxb-load-test"
	loadSigningSecret = "load-test-signing-secret"
)

// loadQuestions are asked in turn on every path: questions the data
// answer, questions answered from the release's text, and two with no
// answer.
var loadQuestions = []string{
	"Wann wurde die ISA gegründet?",
	"Is Cologne a member of the alliance?",
	"联盟一共有多少个成员城市？",
	"Welche Mitglieder kommen aus Nordrhein-Westfalen?",
	"What's the e-mail address of the ISA press office?",
	"Was hat Friedhelm Ost zum chinesischen Frühlingsfest gesagt?",
	"masken pandemie china hilfe",
	"牛年祝福",
	"Wer hat gestern Borussia Dortmund gegen Schalke gewonnen?",
	"ISA stock price",
}

func TestLoad(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "isabot")
	if out, err := exec.Command("../../.ci/build", bin).CombinedOutput(); err != nil {
		t.Fatalf(".ci/build: %v\n%s", err, out)
	}
	tg := telegramtest.NewServer(t, loadTelegramToken)
	sl := slackfake.NewServer(t, loadSlackToken, "")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	listen := ln.Addr().String()
	ln.Close()
	base := "http://" + listen

	dataDir := t.TempDir()
	logFile, err := os.Create(filepath.Join(t.TempDir(), "serve.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	serve := exec.Command(bin, "serve")
	serve.Env = append(os.Environ(),
		"ISABOT_DATA="+dataDir, "ISABOT_LISTEN="+listen, "ISABOT_LOG_FORMAT=json",
		// Every client here is 127.0.0.1: the per-client limit is lifted.
		"ISABOT_ASK_RATE=1000000000",
		"TELEGRAM_BOT_TOKEN="+loadTelegramToken, "TELEGRAM_API_URL="+tg.URL(),
		"TELEGRAM_WEBHOOK_URL=https://isabot.example/telegram/webhook", "TELEGRAM_WEBHOOK_SECRET="+loadWebhookSecret,
		"SLACK_BOT_TOKEN="+loadSlackToken, "SLACK_SIGNING_SECRET="+loadSigningSecret, "SLACK_API_URL="+sl.APIURL(),
	)
	serve.Stdout, serve.Stderr = logFile, logFile
	server, err := startChild(serve)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { server.terminate(t) })

	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 4 * *loadClients, MaxConnsPerHost: 4 * *loadClients},
	}
	server.waitReady(t, client, base+"/readyz", logFile.Name())

	paths := []*loadPath{
		{name: "GET /api/ask", request: askRequest(base)},
		{name: "POST /telegram/webhook", request: telegramRequest(base)},
		{name: "POST /slack/events", request: slackRequest(base)},
	}
	loadBefore := loadAverage()
	ctx, cancel := context.WithTimeout(t.Context(), *loadDuration)
	defer cancel()
	started := time.Now()
	samples := make(chan []memSample, 1)
	go func() { samples <- sampleMemory(ctx, serve.Process.Pid, client, base+"/metrics", started) }()
	var wg sync.WaitGroup
	for _, p := range paths {
		for range *loadClients {
			wg.Go(func() { p.drive(ctx, client) })
		}
	}
	wg.Wait()
	elapsed := time.Since(started)
	curve := <-samples

	// What the platforms were sent by the end of the run, and once the
	// Slack answers still in progress were finished by a graceful stop.
	tgAnswers, slAnswers := len(tg.Calls("sendMessage")), len(sl.Calls("chat.postMessage"))
	server.terminate(t)
	slDrained := len(sl.Calls("chat.postMessage"))

	fmt.Printf("\nisabot serve under load for %v: %d clients per path, %d CPUs, load average %s before and %s after\n\n",
		elapsed.Round(time.Millisecond), *loadClients, runtime.NumCPU(), loadBefore, loadAverage())
	fmt.Printf("| path | requests | per second | p50 | p99 | max | not 2xx | errors |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, p := range paths {
		fmt.Println(p.row(elapsed))
		if p.errors.Load() > 0 || p.failed.Load() > 0 {
			t.Errorf("%s: %d transport errors, %d answers not 2xx (first: %s)", p.name, p.errors.Load(), p.failed.Load(), p.firstFailure())
		}
	}
	fmt.Printf("\nanswers sent by the end of the run: %d Telegram messages for %d webhook updates, %d Slack messages for %d events (%d after the graceful stop)\n",
		tgAnswers, paths[1].count(), slAnswers, paths[2].count(), slDrained)
	if info, err := os.Stat(filepath.Join(dataDir, unansweredFile)); err == nil {
		fmt.Printf("%s: %d bytes\n", unansweredFile, info.Size())
	}
	fmt.Printf("\n| second | VmRSS | goroutines |\n|---:|---:|---:|\n")
	for _, s := range curve {
		fmt.Printf("| %d | %.1f MB | %d |\n", int(s.at.Round(time.Second).Seconds()), float64(s.rssKB)/1024, s.goroutines)
	}
}

// loadPath is one path under load and what its clients measured.
type loadPath struct {
	name    string
	request func(n int64) (*http.Request, error) // the nth request

	next   atomic.Int64
	errors atomic.Int64 // requests that got no answer
	failed atomic.Int64 // answers that were not 2xx

	mu        sync.Mutex
	latencies []time.Duration // of the 2xx answers
	failure   string
}

// drive sends requests one after another until ctx ends.
func (p *loadPath) drive(ctx context.Context, client *http.Client) {
	var mine []time.Duration
	defer func() {
		p.mu.Lock()
		p.latencies = append(p.latencies, mine...)
		p.mu.Unlock()
	}()
	for ctx.Err() == nil {
		req, err := p.request(p.next.Add(1))
		if err != nil {
			p.fail(&p.errors, err.Error())
			continue
		}
		start := time.Now()
		// Not ctx: a request in flight at the end is finished and counted.
		resp, err := client.Do(req)
		if err != nil {
			p.fail(&p.errors, err.Error())
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		took := time.Since(start)
		if resp.StatusCode/100 != 2 {
			p.fail(&p.failed, resp.Status)
			continue
		}
		mine = append(mine, took)
	}
}

func (p *loadPath) fail(counter *atomic.Int64, what string) {
	if counter.Add(1) == 1 {
		p.mu.Lock()
		p.failure = what
		p.mu.Unlock()
	}
}

func (p *loadPath) firstFailure() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.failure
}

// count is how many requests got a 2xx answer.
func (p *loadPath) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.latencies)
}

// row is the path's line of the results table.
func (p *loadPath) row(elapsed time.Duration) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	slices.Sort(p.latencies)
	n := len(p.latencies)
	ms := func(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }
	p50, p99, most := "-", "-", "-"
	if n > 0 {
		p50, p99, most = ms(p.latencies[rank(n, 0.50)]), ms(p.latencies[rank(n, 0.99)]), ms(p.latencies[n-1])
	}
	return fmt.Sprintf("| %s | %d | %.0f | %s | %s | %s | %d | %d |",
		p.name, n, float64(n)/elapsed.Seconds(), p50, p99, most, p.failed.Load(), p.errors.Load())
}

// rank is the index of the q quantile of n sorted values (nearest rank).
func rank(n int, q float64) int {
	return max(0, int(math.Ceil(q*float64(n)))-1)
}

// askRequest asks the questions in turn, in no language or in one.
func askRequest(base string) func(int64) (*http.Request, error) {
	langs := []string{"", "de", "en", "zh"}
	return func(n int64) (*http.Request, error) {
		q := url.Values{"q": {loadQuestions[n%int64(len(loadQuestions))]}}
		if l := langs[n%int64(len(langs))]; l != "" {
			q.Set("lang", l)
		}
		return http.NewRequest(http.MethodGet, base+"/api/ask?"+q.Encode(), nil)
	}
}

// telegramRequest posts a private message with a question as Telegram
// would, each with a new update_id, from 500 users in turn.
func telegramRequest(base string) func(int64) (*http.Request, error) {
	return func(n int64) (*http.Request, error) {
		user := models.User{ID: 100000 + n%500, FirstName: "Load", LanguageCode: "de"}
		chat := models.Chat{ID: user.ID, Type: models.ChatTypePrivate, FirstName: user.FirstName}
		u := models.Update{ID: n, Message: &models.Message{
			ID: int(n), Chat: chat, From: &user, Date: int(time.Now().Unix()),
			Text: loadQuestions[n%int64(len(loadQuestions))],
		}}
		body, err := json.Marshal(u)
		if err != nil {
			return nil, err
		}
		req, err := http.NewRequest(http.MethodPost, base+"/telegram/webhook", bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", loadWebhookSecret)
		return req, nil
	}
}

// slackRequest posts an app mention with a question as Slack would,
// signed, each with a new event_id, in 50 channels in turn.
func slackRequest(base string) func(int64) (*http.Request, error) {
	return func(n int64) (*http.Request, error) {
		ts := fmt.Sprintf("%d.%06d", time.Now().Unix(), n%1000000)
		text := "<@" + slackfake.BotUserID + "> " + loadQuestions[n%int64(len(loadQuestions))]
		body := slackfake.EventCallback("EvLoad"+strconv.FormatInt(n, 10),
			slackfake.AppMention(fmt.Sprintf("U%05d", n%500), fmt.Sprintf("C%04d", n%50), text, ts))
		req, err := http.NewRequest(http.MethodPost, base+"/slack/events", bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		slackfake.SignRequest(req, loadSigningSecret, body)
		return req, nil
	}
}

// memSample is the server's resident memory and goroutines at a moment
// of the run.
type memSample struct {
	at         time.Duration
	rssKB      int64
	goroutines int
}

// sampleMemory reads the server's VmRSS and its go_goroutines metric at
// the start, each second, and when ctx ends.
func sampleMemory(ctx context.Context, pid int, client *http.Client, metricsURL string, started time.Time) []memSample {
	sample := func() memSample {
		return memSample{at: time.Since(started), rssKB: vmRSS(pid), goroutines: goroutines(client, metricsURL)}
	}
	out := []memSample{sample()}
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return append(out, sample())
		case <-tick.C:
			out = append(out, sample())
		}
	}
}

// loadAverage is the machine's load average over the last minute, from
// /proc/loadavg: the load test shares the machine with whatever else runs.
func loadAverage() string {
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	first, _, _ := strings.Cut(string(raw), " ")
	return first
}

// vmRSS is a process's resident memory in kB, from /proc; -1 when it
// cannot be read.
func vmRSS(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				return -1
			}
			return kb
		}
	}
	return -1
}

// goroutines reads go_goroutines from the server's /metrics; -1 when it
// cannot.
func goroutines(client *http.Client, metricsURL string) int {
	resp, err := client.Get(metricsURL)
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "go_goroutines "); ok {
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return -1
			}
			return int(n)
		}
	}
	return -1
}

// child is a process the test started.
type child struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has ended
	err  error         // how it ended, once done is closed
	stop sync.Once
}

func startChild(cmd *exec.Cmd) (*child, error) {
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, done: make(chan struct{})}
	go func() {
		c.err = cmd.Wait()
		close(c.done)
	}()
	return c, nil
}

// terminate stops the process with SIGTERM, as a service manager does,
// and kills it if it has not ended within 15 s; a second call does
// nothing.
func (c *child) terminate(t *testing.T) {
	t.Helper()
	c.stop.Do(func() {
		if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
			t.Errorf("SIGTERM: %v", err)
		}
		select {
		case <-c.done:
			if c.err != nil {
				t.Errorf("isabot serve: %v", c.err)
			}
		case <-time.After(15 * time.Second):
			c.cmd.Process.Kill()
			<-c.done
			t.Errorf("isabot serve did not stop within 15 s of SIGTERM")
		}
	})
}

// waitReady waits up to a minute for the server's /readyz to answer 200;
// logPath is the server's log, shown if it ends first.
func (c *child) waitReady(t *testing.T, client *http.Client, readyURL string, logPath string) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		resp, err := client.Get(readyURL)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		select {
		case <-c.done:
			log, _ := os.ReadFile(logPath)
			t.Fatalf("isabot serve ended before it was ready: %v\n%s", c.err, log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("isabot serve was not ready within a minute")
		}
	}
}

package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// loadFrom runs loadConfig with command-line args, an environment and
// optionally a config file's text.
func loadFrom(t *testing.T, args []string, env map[string]string, file string) (*config, error) {
	t.Helper()
	values := map[string]*string{}
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	configFlags(fs, values)
	if file != "" {
		path := filepath.Join(t.TempDir(), "isabot.yaml")
		if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
			t.Fatal(err)
		}
		args = append([]string{"--config", path}, args...)
	}
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return loadConfig(set, values, func(k string) string { return env[k] })
}

func TestConfigPrecedence(t *testing.T) {
	file := "listen: ':7000'\nlog_level: debug\ntelegram:\n  channels: ['@isa_news', '@isa_de']\nfeed_interval: 5m\n"
	tests := []struct {
		name   string
		args   []string
		env    map[string]string
		file   string
		listen string
		level  string
	}{
		{"defaults", nil, nil, "", ":8080", "info"},
		{"file", nil, nil, file, ":7000", "debug"},
		{"environment over file", nil, map[string]string{"ISABOT_LISTEN": ":7100"}, file, ":7100", "debug"},
		{"flag over environment", []string{"--listen", ":7200"}, map[string]string{"ISABOT_LISTEN": ":7100"}, file, ":7200", "debug"},
		{"flag over default", []string{"--log-level", "warn"}, nil, "", ":8080", "warn"},
	}
	for _, tt := range tests {
		c, err := loadFrom(t, tt.args, tt.env, tt.file)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if c.Listen != tt.listen || c.LogLevel != tt.level {
			t.Errorf("%s: listen %q level %q, want %q %q", tt.name, c.Listen, c.LogLevel, tt.listen, tt.level)
		}
	}
	c, _ := loadFrom(t, nil, nil, file)
	if strings.Join(c.TelegramChannels, ",") != "@isa_news,@isa_de" || c.FeedInterval != 5*time.Minute {
		t.Errorf("file lists and durations: %v %v", c.TelegramChannels, c.FeedInterval)
	}
}

func TestConfigListenerLimits(t *testing.T) {
	// The listener's limits and the trusted proxies come from the file
	// and the environment like every setting; a bare address is a range
	// of one.
	file := "trusted_proxies: ['10.0.0.0/8', '192.0.2.10', 'fd00::/8']\nhttp:\n  read_timeout: 3s\n  max_header_bytes: 8192\nshutdown_timeout: 5s\n"
	c, err := loadFrom(t, nil, map[string]string{"ISABOT_HTTP_IDLE_TIMEOUT": "20s"}, file)
	if err != nil {
		t.Fatal(err)
	}
	if c.ReadTimeout != 3*time.Second || c.IdleTimeout != 20*time.Second || c.ReadHeaderTimeout != 5*time.Second ||
		c.WriteTimeout != time.Minute || c.MaxHeaderBytes != 8192 || c.ShutdownTimeout != 5*time.Second {
		t.Errorf("limits: %+v", c)
	}
	var proxies []string
	for _, p := range c.TrustedProxies {
		proxies = append(proxies, p.String())
	}
	if strings.Join(proxies, ",") != "10.0.0.0/8,192.0.2.10/32,fd00::/8" {
		t.Errorf("trusted proxies %v", proxies)
	}
}

func TestConfigSecretFromFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "token")
	os.WriteFile(path, []byte("123456:AAEsecretsecretsecretsecret\n"), 0o600)
	c, err := loadFrom(t, nil, map[string]string{"TELEGRAM_BOT_TOKEN_FILE": path}, "")
	if err != nil || c.TelegramToken != "123456:AAEsecretsecretsecretsecret" {
		t.Errorf("token %q, %v", c.TelegramToken, err)
	}
}

func TestConfigValidation(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		file string
		want string
	}{
		{"log format", map[string]string{"ISABOT_LOG_FORMAT": "xml"}, "", "ISABOT_LOG_FORMAT"},
		{"who may subscribe on Slack", map[string]string{"SLACK_SUBSCRIBE": "everyone"}, "", "SLACK_SUBSCRIBE"},
		{"log level", map[string]string{"ISABOT_LOG_LEVEL": "loud"}, "", "ISABOT_LOG_LEVEL"},
		{"listen", map[string]string{"ISABOT_LISTEN": "8080"}, "", "ISABOT_LISTEN"},
		{"telegram token shape", map[string]string{"TELEGRAM_BOT_TOKEN": "not-a-token"}, "", "TELEGRAM_BOT_TOKEN"},
		{"slack bot token shape", map[string]string{"SLACK_BOT_TOKEN": "xapp-1", "SLACK_APP_TOKEN": "xapp-2"}, "", "SLACK_BOT_TOKEN"},
		{"slack app token shape", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-2"}, "", "SLACK_APP_TOKEN"},
		{"slack http mode without secret", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"}, "", "SLACK_SIGNING_SECRET"},
		{"webhook url", map[string]string{"TELEGRAM_WEBHOOK_URL": "isabot.example/hook"}, "", "TELEGRAM_WEBHOOK_URL"},
		{"public url", map[string]string{"ISABOT_PUBLIC_URL": "isa.example.org"}, "", "ISABOT_PUBLIC_URL"},
		{"feed url", map[string]string{"ISABOT_FEEDS": "https://ok.example/feed, ftp://x"}, "", "ISABOT_FEEDS[1]"},
		{"feed interval", map[string]string{"ISABOT_FEED_INTERVAL": "often"}, "", "ISABOT_FEED_INTERVAL"},
		{"feed interval too short", map[string]string{"ISABOT_FEED_INTERVAL": "500ms"}, "", "ISABOT_FEED_INTERVAL"},
		{"ask rate not a number", map[string]string{"ISABOT_ASK_RATE": "NaN"}, "", "ISABOT_ASK_RATE"},
		{"ask rate infinite", map[string]string{"ISABOT_ASK_RATE": "+Inf"}, "", "ISABOT_ASK_RATE"},
		{"telegram rate zero", map[string]string{"TELEGRAM_RATE": "0"}, "", "TELEGRAM_RATE"},
		{"replicas without a shared webhook secret", map[string]string{"ISABOT_DATABASE_URL": "postgres://db/isabot", "TELEGRAM_BOT_TOKEN": "123456:AAEsecretsecretsecretsecret", "TELEGRAM_WEBHOOK_URL": "https://isabot.example/telegram/webhook"}, "", "TELEGRAM_WEBHOOK_SECRET"},
		{"webhook secret characters", map[string]string{"TELEGRAM_WEBHOOK_SECRET": "no spaces allowed"}, "", "TELEGRAM_WEBHOOK_SECRET"},
		{"trusted proxy not an address", map[string]string{"ISABOT_TRUSTED_PROXIES": "10.0.0.0/8, proxy.example"}, "", "ISABOT_TRUSTED_PROXIES"},
		{"trusted proxy range", map[string]string{"ISABOT_TRUSTED_PROXIES": "10.0.0.0/33"}, "", "ISABOT_TRUSTED_PROXIES"},
		{"read timeout zero", map[string]string{"ISABOT_HTTP_READ_TIMEOUT": "0s"}, "", "ISABOT_HTTP_READ_TIMEOUT"},
		{"idle timeout not a duration", nil, "http:\n  idle_timeout: forever\n", "http.idle_timeout"},
		{"header bytes negative", map[string]string{"ISABOT_HTTP_MAX_HEADER_BYTES": "-1"}, "", "ISABOT_HTTP_MAX_HEADER_BYTES"},
		{"shutdown timeout negative", map[string]string{"ISABOT_SHUTDOWN_TIMEOUT": "-10s"}, "", "ISABOT_SHUTDOWN_TIMEOUT"},
		{"unknown file key", nil, "lisen: ':80'\n", `unknown setting "lisen"`},
		{"broken file", nil, "listen: [\n", "config file"},
	}
	for _, tt := range tests {
		_, err := loadFrom(t, nil, tt.env, tt.file)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one naming %s", tt.name, err, tt.want)
		}
	}
	if _, err := loadFrom(t, nil, map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, ""); err != nil {
		t.Errorf("a valid Slack HTTP configuration: %v", err)
	}
	// docs/deploy/replicas/compose.yaml sets the Telegram webhook's URL
	// whether or not there is a Telegram bot.
	if _, err := loadFrom(t, nil, map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
		"ISABOT_DATABASE_URL": "postgres://db/isabot", "TELEGRAM_WEBHOOK_URL": "https://isabot.example/telegram/webhook"}, ""); err != nil {
		t.Errorf("replicas with Slack alone: %v", err)
	}
}

func TestConfigCommandMasksSecrets(t *testing.T) {
	secrets := map[string]string{
		"TELEGRAM_BOT_TOKEN":      "123456:AAEverysecretverysecretvery",
		"TELEGRAM_WEBHOOK_SECRET": "hook-secret-value",
		"SLACK_BOT_TOKEN":         "xoxb-slack-secret-value",
		"SLACK_APP_TOKEN":         "xapp-slack-app-secret",
		"SLACK_SIGNING_SECRET":    "signing-secret-value",
	}
	for k, v := range secrets {
		t.Setenv(k, v)
	}
	out, stderr, err := run(t, "config")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for k, v := range secrets {
		if strings.Contains(out+stderr, v) {
			t.Errorf("%s shown in clear", k)
		}
	}
	for _, want := range []string{"TELEGRAM_BOT_TOKEN", "****** (set", "Telegram bot: yes, long polling", "Slack bot: yes, Socket Mode"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestReadmeDocumentsEverySetting(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), settingsTable()) {
		t.Errorf("the README's configuration table is not the one `isabot config --table` prints:\n%s", settingsTable())
	}
}

func TestConfigHidesFeedPasswords(t *testing.T) {
	t.Setenv("ISABOT_FEEDS", "https://press:feed-pass-123@isa.example/feed.xml,https://open.example/rss")
	out, _, err := run(t, "config")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "feed-pass-123") || !strings.Contains(out, "press:xxxxx@isa.example") || !strings.Contains(out, "https://open.example/rss") {
		t.Errorf("feed URLs shown as:\n%s", out)
	}
}

func TestHandoffPlanSaysWhyOff(t *testing.T) {
	for _, tt := range []struct {
		name string
		cfg  config
		want string
	}{
		{"on", config{TelegramToken: "1", SlackBotToken: "x", SlackHandoffChannel: "C0PRESS", SlackHandoffRemind: 24 * time.Hour, SlackHandoffRetention: 720 * time.Hour},
			"on, to Slack channel C0PRESS; reminded after 24h0m0s, closed and the journalist's data deleted after 720h0m0s"},
		{"no channel", config{TelegramToken: "1", SlackBotToken: "x"}, "off (SLACK_HANDOFF_CHANNEL not set)"},
		{"no Telegram", config{SlackBotToken: "x", SlackHandoffChannel: "C0PRESS"}, "off (TELEGRAM_BOT_TOKEN not set)"},
		{"nothing", config{}, "off (TELEGRAM_BOT_TOKEN, SLACK_BOT_TOKEN, SLACK_HANDOFF_CHANNEL not set)"},
	} {
		if got := handoffPlan(&tt.cfg); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

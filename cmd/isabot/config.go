package main

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"math"
	"net"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/corpus"
)

// config is isabot's whole configuration. Each setting comes from a flag,
// else an environment variable, else the YAML file named by --config, else
// its default; secrets may also come from a file named by VAR_FILE, as in
// containers. settings() lists them all, and the README's table is made
// from that list.
type config struct {
	ConfigFile string
	DataDir    string
	Listen     string
	LogFormat  string
	LogLevel   string
	// DatabaseURL, postgres://…, keeps the state in PostgreSQL, shared by
	// replicas, instead of the data directory's state file.
	DatabaseURL string

	TelegramToken         string
	TelegramAPIURL        string
	TelegramWebhookURL    string
	TelegramWebhookSecret string
	TelegramChannels      []string
	// ReportChat (Telegram) and SlackReportChannel are told of each
	// release's deliveries once its fan-out is complete.
	ReportChat         string
	SlackReportChannel string

	SlackBotToken      string
	SlackAppToken      string
	SlackSigningSecret string
	SlackAPIURL        string
	SlackChannels      []string
	// SlackSubscribe is who may subscribe a Slack channel: "anyone" in it,
	// or the workspace's "admins" and owners.
	SlackSubscribe string
	// SlackHandoffChannel is the Slack channel id where questions
	// journalists hand to the press office go.
	SlackHandoffChannel string
	// SlackHandoffRemind is how long an open hand-off waits before the
	// channel is reminded of it; SlackHandoffRetention how long before it
	// is closed and the journalist's data in it deleted.
	SlackHandoffRemind    time.Duration
	SlackHandoffRetention time.Duration

	Feeds        []string
	FeedInterval time.Duration

	AskRate float64 // requests a second per client on /api/ask
	// PublicURL is where people reach the listener's pages; with it,
	// announcements link to each release's page.
	PublicURL string
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client, for the ask API's rate limit.
	TrustedProxies []netip.Prefix

	// TelegramRate is how many announcements a second the bot may send:
	// Telegram allows 30; a Bot API server of one's own may allow more.
	TelegramRate float64

	// MaxFileSize is the largest release or data file read, in bytes.
	MaxFileSize int64

	// The HTTP listener's limits, against slow and idle clients.
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	MaxHeaderBytes    int

	// ShutdownTimeout is how long serve may take to stop, from the signal
	// to its return.
	ShutdownTimeout time.Duration
}

// telegramLimits are Telegram's limits at the configured rate, or nil for
// Telegram's own.
func (c *config) telegramLimits() *push.Limits {
	if c.TelegramRate == 30 {
		return nil
	}
	return &push.Limits{PerSecond: c.TelegramRate, PerChat: time.Second, PerGroupMinute: 20}
}

// setting is one configuration value and where it may come from.
type setting struct {
	key    string // in the YAML file
	env    string
	flag   string // "" when there is no flag
	secret bool
	def    string
	help   string
	set    func(c *config, v string) error
	get    func(c *config) string
}

func settings() []setting {
	str := func(p func(*config) *string) (func(*config, string) error, func(*config) string) {
		return func(c *config, v string) error { *p(c) = v; return nil }, func(c *config) string { return *p(c) }
	}
	list := func(p func(*config) *[]string) (func(*config, string) error, func(*config) string) {
		return func(c *config, v string) error { *p(c) = splitList(v); return nil },
			func(c *config) string { return strings.Join(*p(c), ",") }
	}
	duration := func(p func(*config) *time.Duration) (func(*config, string) error, func(*config) string) {
		return func(c *config, v string) (err error) { *p(c), err = positiveDuration(v); return err },
			func(c *config) string { return p(c).String() }
	}
	mk := func(key, env, flagName string, secret bool, def, help string, set func(*config, string) error, get func(*config) string) setting {
		return setting{key: key, env: env, flag: flagName, secret: secret, def: def, help: help, set: set, get: get}
	}
	var s []setting
	add := func(st setting) { s = append(s, st) }

	set, get := str(func(c *config) *string { return &c.DataDir })
	add(mk("data_dir", "ISABOT_DATA", "data", false, "", "data directory: releases/, data files, index, state (default $XDG_DATA_HOME/isabot or ~/.local/share/isabot)", set, get))
	set, get = str(func(c *config) *string { return &c.DatabaseURL })
	add(mk("database_url", "ISABOT_DATABASE_URL", "", false, "", "PostgreSQL database (postgres://user:password@host/db) for the state, shared by several replicas of serve; unset keeps the state in the data directory's state.db", set, get))
	set, get = str(func(c *config) *string { return &c.Listen })
	add(mk("listen", "ISABOT_LISTEN", "listen", false, ":8080", "address of the HTTP listener (webhooks, health, metrics, ask API)", set, get))
	set, get = str(func(c *config) *string { return &c.LogFormat })
	add(mk("log_format", "ISABOT_LOG_FORMAT", "log-format", false, "auto", "log format: text, json, or auto (text on a terminal, else JSON)", set, get))
	set, get = str(func(c *config) *string { return &c.LogLevel })
	add(mk("log_level", "ISABOT_LOG_LEVEL", "log-level", false, "info", "log level: debug, info, warn or error", set, get))

	set, get = str(func(c *config) *string { return &c.TelegramToken })
	add(mk("telegram.token", "TELEGRAM_BOT_TOKEN", "", true, "", "Telegram bot token from BotFather; starts the Telegram bot", set, get))
	set, get = str(func(c *config) *string { return &c.TelegramAPIURL })
	add(mk("telegram.api_url", "TELEGRAM_API_URL", "", false, "https://api.telegram.org", "Telegram Bot API server", set, get))
	set, get = str(func(c *config) *string { return &c.TelegramWebhookURL })
	add(mk("telegram.webhook_url", "TELEGRAM_WEBHOOK_URL", "", false, "", "public URL of POST /telegram/webhook; unset means long polling", set, get))
	set, get = str(func(c *config) *string { return &c.TelegramWebhookSecret })
	add(mk("telegram.webhook_secret", "TELEGRAM_WEBHOOK_SECRET", "", true, "", "secret Telegram sends with each webhook request (generated when unset)", set, get))
	set, get = list(func(c *config) *[]string { return &c.TelegramChannels })
	add(mk("telegram.channels", "TELEGRAM_CHANNELS", "", false, "", "Telegram channels (@name or id) subscribed to new releases, comma-separated", set, get))
	set, get = str(func(c *config) *string { return &c.ReportChat })
	add(mk("report_chat", "ISABOT_REPORT_CHAT", "", false, "", "Telegram chat (id or @channel) told of each release's deliveries once its fan-out is complete", set, get))

	set, get = str(func(c *config) *string { return &c.SlackBotToken })
	add(mk("slack.bot_token", "SLACK_BOT_TOKEN", "", true, "", "Slack bot token (xoxb-...); starts the Slack bot", set, get))
	set, get = str(func(c *config) *string { return &c.SlackAppToken })
	add(mk("slack.app_token", "SLACK_APP_TOKEN", "", true, "", "Slack app-level token (xapp-...); switches on Socket Mode", set, get))
	set, get = str(func(c *config) *string { return &c.SlackSigningSecret })
	add(mk("slack.signing_secret", "SLACK_SIGNING_SECRET", "", true, "", "Slack signing secret; required in HTTP mode", set, get))
	set, get = str(func(c *config) *string { return &c.SlackAPIURL })
	add(mk("slack.api_url", "SLACK_API_URL", "", false, "https://slack.com/api/", "Slack Web API base URL", set, get))
	set, get = list(func(c *config) *[]string { return &c.SlackChannels })
	add(mk("slack.channels", "SLACK_CHANNELS", "", false, "", "Slack channel ids subscribed to new releases, comma-separated", set, get))
	set, get = str(func(c *config) *string { return &c.SlackSubscribe })
	add(mk("slack.subscribe", "SLACK_SUBSCRIBE", "", false, "anyone", "who may subscribe a Slack channel to new releases: anyone in it, or admins (the workspace's admins and owners)", set, get))
	set, get = str(func(c *config) *string { return &c.SlackReportChannel })
	add(mk("slack.report_channel", "SLACK_REPORT_CHANNEL", "", false, "", "Slack channel id told of each release's deliveries once its fan-out is complete", set, get))
	set, get = str(func(c *config) *string { return &c.SlackHandoffChannel })
	add(mk("slack.handoff_channel", "SLACK_HANDOFF_CHANNEL", "", false, "", "Slack channel id where journalists' questions to the press office go; with both bots, switches the hand-off on", set, get))
	set, get = duration(func(c *config) *time.Duration { return &c.SlackHandoffRemind })
	add(mk("slack.handoff_remind", "SLACK_HANDOFF_REMIND", "", false, "24h", "how long a question handed to the press office waits unanswered before the channel is reminded of it, once", set, get))
	set, get = duration(func(c *config) *time.Duration { return &c.SlackHandoffRetention })
	add(mk("slack.handoff_retention", "SLACK_HANDOFF_RETENTION", "", false, "720h", "how long a question handed to the press office stays open before it is closed and the journalist's data in it deleted", set, get))

	set, get = list(func(c *config) *[]string { return &c.Feeds })
	add(mk("feeds", "ISABOT_FEEDS", "", false, "", "RSS or Atom feeds of new releases, comma-separated URLs", set, get))
	add(mk("feed_interval", "ISABOT_FEED_INTERVAL", "", false, "15m", "how often the feeds are polled",
		func(c *config, v string) error {
			d, err := time.ParseDuration(v)
			if err != nil {
				return fmt.Errorf("not a duration such as 15m: %q", v)
			}
			c.FeedInterval = d
			return nil
		}, func(c *config) string { return c.FeedInterval.String() }))
	add(mk("telegram.rate", "TELEGRAM_RATE", "", false, "30", "announcements a second to Telegram (its limit for bots is 30)",
		func(c *config, v string) (err error) {
			c.TelegramRate, err = positiveNumber(v)
			return err
		}, func(c *config) string { return strconv.FormatFloat(c.TelegramRate, 'f', -1, 64) }))
	add(mk("ask_rate", "ISABOT_ASK_RATE", "", false, "2", "questions a second each client may ask /api/ask, and the same again the ask box of the web pages",
		func(c *config, v string) (err error) {
			c.AskRate, err = positiveNumber(v)
			return err
		}, func(c *config) string { return strconv.FormatFloat(c.AskRate, 'f', -1, 64) }))
	set, get = str(func(c *config) *string { return &c.PublicURL })
	add(mk("public_url", "ISABOT_PUBLIC_URL", "", false, "", "public URL of the listener's web pages (such as https://isa.example.org); with it, announcements' Read more links to the release's page", set, get))
	add(mk("max_file_size", "ISABOT_MAX_FILE_SIZE", "", false, "4MiB", "largest release or data file read (such as 512KiB, 4MiB); a larger one is refused with an error",
		func(c *config, v string) (err error) {
			c.MaxFileSize, err = corpus.ParseSize(v)
			return err
		}, func(c *config) string { return corpus.FormatSize(c.MaxFileSize) }))

	add(mk("trusted_proxies", "ISABOT_TRUSTED_PROXIES", "", false, "", "reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For names the client for the /api/ask rate limit; unset believes no one",
		func(c *config, v string) (err error) {
			c.TrustedProxies, err = parsePrefixes(splitList(v))
			return err
		}, func(c *config) string {
			var out []string
			for _, p := range c.TrustedProxies {
				out = append(out, p.String())
			}
			return strings.Join(out, ",")
		}))

	set, get = duration(func(c *config) *time.Duration { return &c.ReadHeaderTimeout })
	add(mk("http.read_header_timeout", "ISABOT_HTTP_READ_HEADER_TIMEOUT", "", false, "5s", "time a client of the HTTP listener has to send a request's headers", set, get))
	set, get = duration(func(c *config) *time.Duration { return &c.ReadTimeout })
	add(mk("http.read_timeout", "ISABOT_HTTP_READ_TIMEOUT", "", false, "15s", "time a client has to send a whole request, body included", set, get))
	set, get = duration(func(c *config) *time.Duration { return &c.WriteTimeout })
	add(mk("http.write_timeout", "ISABOT_HTTP_WRITE_TIMEOUT", "", false, "1m", "time from a request's headers to the end of its response (longer than a webhook update's answer)", set, get))
	set, get = duration(func(c *config) *time.Duration { return &c.IdleTimeout })
	add(mk("http.idle_timeout", "ISABOT_HTTP_IDLE_TIMEOUT", "", false, "1m", "how long an idle keep-alive connection stays open", set, get))
	add(mk("http.max_header_bytes", "ISABOT_HTTP_MAX_HEADER_BYTES", "", false, "65536", "largest request headers the HTTP listener reads, in bytes",
		func(c *config, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n <= 0 {
				return fmt.Errorf("not a positive number of bytes: %q", v)
			}
			c.MaxHeaderBytes = n
			return nil
		}, func(c *config) string { return strconv.Itoa(c.MaxHeaderBytes) }))
	set, get = duration(func(c *config) *time.Duration { return &c.ShutdownTimeout })
	add(mk("shutdown_timeout", "ISABOT_SHUTDOWN_TIMEOUT", "", false, "10s", "how long serve may take to stop once told to: requests, answers and deliveries in progress get nine tenths of it, whatever the platforms' latency", set, get))
	return s
}

func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// configFlags registers the flags that settings have, and --config.
// Their values are applied by loadConfig, after the other sources.
func configFlags(fs *flag.FlagSet, values map[string]*string) {
	cf := new(string)
	fs.StringVar(cf, "config", "", "read settings from the YAML `FILE` (flags and environment variables win)")
	values["config"] = cf
	for _, s := range settings() {
		if s.flag == "" {
			continue
		}
		v := new(string)
		fs.StringVar(v, s.flag, "", s.help+" (env "+s.env+")")
		values[s.flag] = v
	}
}

// loadConfig builds the configuration from defaults, the YAML file, the
// environment and the flags that were set, in rising precedence, then
// checks it.
func loadConfig(setByFlag map[string]bool, flags map[string]*string, getenv func(string) string) (*config, error) {
	c := &config{}
	for _, s := range settings() {
		if err := s.set(c, s.def); err != nil {
			return nil, fmt.Errorf("default of %s: %w", s.env, err)
		}
	}
	file := getenv("ISABOT_CONFIG")
	if setByFlag["config"] {
		file = *flags["config"]
	}
	c.ConfigFile = file
	if file != "" {
		values, err := readConfigFile(file)
		if err != nil {
			return nil, err
		}
		for _, s := range settings() {
			if v, ok := values[s.key]; ok {
				if err := s.set(c, v); err != nil {
					return nil, fmt.Errorf("%s: %s: %w", file, s.key, err)
				}
			}
		}
	}
	for _, s := range settings() {
		v := getenv(s.env)
		if s.secret {
			if path := getenv(s.env + "_FILE"); path != "" && v == "" {
				raw, err := os.ReadFile(path)
				if err != nil {
					return nil, fmt.Errorf("%s_FILE: %w", s.env, err)
				}
				v = strings.TrimSpace(string(raw))
			}
		}
		if v != "" {
			if err := s.set(c, v); err != nil {
				return nil, fmt.Errorf("%s: %w", s.env, err)
			}
		}
	}
	for _, s := range settings() {
		if s.flag != "" && setByFlag[s.flag] {
			if err := s.set(c, *flags[s.flag]); err != nil {
				return nil, fmt.Errorf("--%s: %w", s.flag, err)
			}
		}
	}
	return c, c.validate()
}

// readConfigFile reads the YAML file into setting keys ("slack.bot_token"),
// refusing keys that are no setting.
func readConfigFile(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("config file %s: %w", path, err)
	}
	known := map[string]bool{}
	for _, s := range settings() {
		known[s.key] = true
	}
	out := map[string]string{}
	var walk func(prefix string, m map[string]any) error
	walk = func(prefix string, m map[string]any) error {
		for k, v := range m {
			key := prefix + k
			// "telegram.token" and token under telegram are one setting:
			// given both ways, which one won would be left to chance.
			if _, twice := out[key]; twice {
				return fmt.Errorf("config file %s: setting %q given twice", path, key)
			}
			switch v := v.(type) {
			case map[string]any:
				if err := walk(key+".", v); err != nil {
					return err
				}
				continue
			case []any:
				var parts []string
				for _, p := range v {
					parts = append(parts, fmt.Sprint(p))
				}
				out[key] = strings.Join(parts, ",")
			case nil:
				out[key] = ""
			default:
				out[key] = fmt.Sprint(v)
			}
			if !known[key] {
				return fmt.Errorf("config file %s: unknown setting %q", path, key)
			}
		}
		return nil
	}
	return out, walk("", doc)
}

var (
	telegramToken = regexp.MustCompile(`^[0-9]{3,}:[A-Za-z0-9_-]{20,}$`)
	webhookSecret = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
	slackTokens   = map[string]string{"SLACK_BOT_TOKEN": "xoxb-", "SLACK_APP_TOKEN": "xapp-"}
)

// validate finds a wrong value now, not an hour later.
func (c *config) validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !slices.Contains([]string{"auto", "text", "json"}, c.LogFormat) {
		bad("ISABOT_LOG_FORMAT: %q is not text, json or auto", c.LogFormat)
	}
	if !slices.Contains([]string{"anyone", "admins"}, c.SlackSubscribe) {
		bad("SLACK_SUBSCRIBE: %q is not anyone or admins", c.SlackSubscribe)
	}
	if _, err := parseLevel(c.LogLevel); err != nil {
		bad("ISABOT_LOG_LEVEL: %v", err)
	}
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		bad("ISABOT_LISTEN: %q is not an address such as :8080: %v", c.Listen, err)
	}
	if c.TelegramToken != "" && !telegramToken.MatchString(c.TelegramToken) {
		bad("TELEGRAM_BOT_TOKEN: not of the shape 123456789:ABC... that BotFather gives")
	}
	tokens := map[string]string{"SLACK_BOT_TOKEN": c.SlackBotToken, "SLACK_APP_TOKEN": c.SlackAppToken}
	for _, env := range slices.Sorted(maps.Keys(tokens)) {
		if v := tokens[env]; v != "" && !strings.HasPrefix(v, slackTokens[env]) {
			bad("%s: a Slack token of this kind starts with %s", env, slackTokens[env])
		}
	}
	if c.SlackBotToken != "" && c.SlackAppToken == "" && c.SlackSigningSecret == "" {
		bad("SLACK_SIGNING_SECRET: needed in HTTP mode (without SLACK_APP_TOKEN) to verify that requests come from Slack")
	}
	urls := map[string]string{"TELEGRAM_API_URL": c.TelegramAPIURL, "TELEGRAM_WEBHOOK_URL": c.TelegramWebhookURL, "SLACK_API_URL": c.SlackAPIURL, "ISABOT_PUBLIC_URL": c.PublicURL}
	for i, f := range c.Feeds {
		urls[fmt.Sprintf("ISABOT_FEEDS[%d]", i)] = f
	}
	for _, env := range slices.Sorted(maps.Keys(urls)) {
		u := urls[env]
		if u == "" {
			continue
		}
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			bad("%s: %q is not an http(s) URL", env, redactURLs(u))
		}
	}
	if u, err := url.Parse(c.DatabaseURL); c.DatabaseURL != "" && (err != nil || u.Scheme != "postgres" && u.Scheme != "postgresql") {
		bad("ISABOT_DATABASE_URL: not a postgres:// URL")
	}
	if c.FeedInterval < time.Second {
		bad("ISABOT_FEED_INTERVAL: %v is too short (at least 1s)", c.FeedInterval)
	}
	// A replica without a secret makes one up and registers the webhook
	// with it, and the others' secrets then fail every update. Without a
	// Telegram bot there is no webhook to register: the replicas' compose
	// file sets the URL for those who add one.
	if c.DatabaseURL != "" && c.TelegramToken != "" && c.TelegramWebhookURL != "" && c.TelegramWebhookSecret == "" {
		bad("TELEGRAM_WEBHOOK_SECRET: needed with TELEGRAM_WEBHOOK_URL and ISABOT_DATABASE_URL, the same for every replica")
	}
	if c.TelegramWebhookSecret != "" && !webhookSecret.MatchString(c.TelegramWebhookSecret) {
		bad("TELEGRAM_WEBHOOK_SECRET: Telegram allows 1 to 256 of A-Z, a-z, 0-9, _ and -")
	}
	return errors.Join(errs...)
}

// handoffMissing names the settings the hand-off to the press office
// needs and lacks: both bots and the channel; none when it is on.
func (c *config) handoffMissing() []string {
	var missing []string
	for _, s := range []struct{ env, v string }{
		{"TELEGRAM_BOT_TOKEN", c.TelegramToken}, {"SLACK_BOT_TOKEN", c.SlackBotToken}, {"SLACK_HANDOFF_CHANNEL", c.SlackHandoffChannel},
	} {
		if s.v == "" {
			missing = append(missing, s.env)
		}
	}
	return missing
}

// positiveNumber parses a rate, which must be a finite number above 0.
func positiveNumber(v string) (float64, error) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || !(f > 0) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("not a positive number: %q", v)
	}
	return f, nil
}

// positiveDuration parses a timeout, which must be above 0.
func positiveDuration(v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("not a positive duration such as 10s: %q", v)
	}
	return d, nil
}

// parsePrefixes reads CIDR ranges; a bare address is a range of one.
func parsePrefixes(list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, v := range list {
		p, err := netip.ParsePrefix(v)
		if err != nil {
			a, aerr := netip.ParseAddr(v)
			if aerr != nil {
				return nil, fmt.Errorf("not an address or a CIDR range such as 10.0.0.0/8: %q", v)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// redactURLs hides the passwords of the URLs in a comma-separated list,
// such as a feed's https://user:password@host/, or a database's
// postgres://host/db?password=….
func redactURLs(list string) string {
	parts := strings.Split(list, ",")
	for i, p := range parts {
		u, err := url.Parse(strings.TrimSpace(p))
		if err != nil {
			continue
		}
		if q := u.Query(); q.Has("password") {
			q.Set("password", "xxxxx")
			u.RawQuery = q.Encode()
		} else if u.User == nil {
			continue
		}
		parts[i] = strings.Replace(p, strings.TrimSpace(p), u.Redacted(), 1)
	}
	return strings.Join(parts, ",")
}

// masked shows a secret's shape without the secret.
func masked(v string) string {
	if v == "" {
		return ""
	}
	return "****** (set, " + strconv.Itoa(len(v)) + " characters)"
}

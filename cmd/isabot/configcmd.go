package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/isa-alliance/isabot/corpus"
)

func configCommand() command {
	var table bool
	return command{
		name:    "config",
		summary: "print the effective configuration, secrets masked, what serve will start, and which data files it uses",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&table, "table", false, "print the table of all settings in Markdown, as in the README")
		},
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			if len(args) > 0 {
				fs.Usage()
				return errUsage
			}
			if table {
				fmt.Fprint(a.stdout, settingsTable())
				return nil
			}
			return a.printConfig(ctx)
		},
	}
}

// settingsTable documents every setting in Markdown.
func settingsTable() string {
	var b strings.Builder
	b.WriteString("| environment | flag | config file | default | what it is |\n|---|---|---|---|---|\n")
	for _, s := range settings() {
		flagName := ""
		if s.flag != "" {
			flagName = "`--" + s.flag + "`"
		}
		def := s.def
		if def != "" {
			def = "`" + def + "`"
		}
		help := s.help
		if s.secret {
			help += "; secret: also from the file named by `" + s.env + "_FILE`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s | %s |\n", s.env, flagName, s.key, def, help)
	}
	return b.String()
}

// printConfig shows every setting, where to set it, and its value; what
// serve will start; and which version of each data file is used.
func (a *app) printConfig(ctx context.Context) error {
	c := a.cfg
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "SETTING\tENVIRONMENT\tFLAG\tVALUE")
	for _, s := range settings() {
		v := redactURLs(s.get(c))
		if s.secret {
			v = masked(v)
		}
		if s.key == "data_dir" {
			v = a.dataDir
		}
		flagName := ""
		if s.flag != "" {
			flagName = "--" + s.flag
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", s.key, s.env, flagName, v)
	}
	w.Flush()
	if c.ConfigFile != "" {
		fmt.Fprintf(a.stdout, "\nConfig file: %s\n", c.ConfigFile)
	}
	fmt.Fprintln(a.stdout, "\nisabot serve will start:")
	for _, line := range a.plan() {
		fmt.Fprintln(a.stdout, "  "+line)
	}
	data, unused, err := a.loadCorpus(ctx, nil)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, "\nData files:")
	for _, line := range dataFiles(data, unused) {
		fmt.Fprintln(a.stdout, "  "+line)
	}
	return nil
}

// dataFiles says which version of each data file is used, and which have
// errors and are not used, with their errors.
func dataFiles(data *corpus.Data, unused []*corpus.UnusedFileError) []string {
	var out []string
	for _, name := range []string{corpus.SourcesFile, corpus.CitiesFile, corpus.AllianceFile} {
		used, ok := data.Files[name]
		switch {
		case !ok:
			used = "none"
		case strings.HasPrefix(used, corpus.Embedded().Path):
			used = "built in"
		}
		line := name + ": " + used
		var errs []error
		for _, u := range unused {
			if filepath.Base(u.Path) == name {
				line += fmt.Sprintf("; NOT USED, with %d %s: %s", len(u.Errs), plural(len(u.Errs), "error", "errors"), u.Path)
				errs = append(errs, u.Errs...)
			}
		}
		out = append(out, line)
		for _, err := range errs {
			out = append(out, "  "+err.Error())
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// handoffPlan says whether questions go from Telegram to the press
// office's Slack channel, or why not.
func handoffPlan(c *config) string {
	if missing := c.handoffMissing(); len(missing) > 0 {
		return "off (" + strings.Join(missing, ", ") + " not set)"
	}
	return fmt.Sprintf("on, to Slack channel %s; reminded after %v, closed and the journalist's data deleted after %v",
		c.SlackHandoffChannel, c.SlackHandoffRemind, c.SlackHandoffRetention)
}

// plan says what serve will start with this configuration.
func (a *app) plan() []string {
	c := a.cfg
	var out []string
	switch {
	case c.TelegramToken == "":
		out = append(out, "Telegram bot: no (TELEGRAM_BOT_TOKEN is not set)")
	case c.TelegramWebhookURL != "":
		out = append(out, "Telegram bot: yes, webhook at "+c.TelegramWebhookURL)
	default:
		out = append(out, "Telegram bot: yes, long polling")
	}
	switch {
	case c.SlackBotToken == "":
		out = append(out, "Slack bot: no (SLACK_BOT_TOKEN is not set)")
	case c.SlackAppToken != "":
		out = append(out, "Slack bot: yes, Socket Mode")
	default:
		out = append(out, "Slack bot: yes, HTTP mode (POST /slack/events, /slack/commands, /slack/interactivity)")
	}
	out = append(out, "Hand-off to the press office: "+handoffPlan(c))
	if len(c.Feeds) > 0 {
		out = append(out, fmt.Sprintf("Feeds: %s, polled every %v", redactURLs(strings.Join(c.Feeds, ", ")), c.FeedInterval))
	} else {
		out = append(out, "Feeds: none (ISABOT_FEEDS is not set)")
	}
	out = append(out, "New releases: watching "+filepath.Join(a.dataDir, corpus.ReleasesDir))
	if c.DatabaseURL != "" {
		out = append(out, "State: PostgreSQL, "+redactURLs(c.DatabaseURL))
	} else {
		out = append(out, "State: "+filepath.Join(a.dataDir, stateFile))
	}
	out = append(out, "HTTP listener on "+c.Listen)
	return out
}

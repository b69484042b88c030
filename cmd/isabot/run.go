package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// errUsage means the command line was wrong; the message has been printed.
var errUsage = errors.New("usage error")

// command is one subcommand of isabot.
type command struct {
	name    string
	summary string
	// flags registers the command's own flags; usage describes its
	// arguments.
	usage string
	run   func(ctx context.Context, app *app, fs *flag.FlagSet, args []string) error
	flags func(fs *flag.FlagSet)
}

func commands() []command {
	return []command{askCommand(), indexCommand(), serveCommand(), publishCommand(), releasesCommand(), factsCommand(), configCommand(), unansweredCommand(), curatedCommand(), subscribersCommand(), deliveriesCommand(), migrateCommand(), healthcheckCommand()}
}

// app is what every command gets: its output streams, its logger and the
// configuration.
type app struct {
	stdout, stderr io.Writer
	logger         *slog.Logger
	cfg            *config
	dataDir        string
	// dataFS, when set, is read for the data directory's corpus files
	// instead of the directory itself: tests make the load slow with it.
	dataFS fs.FS
	// now and embargoTick, when set, replace the clock and how often
	// releases under embargo and digests are checked: tests set them.
	now         func() time.Time
	embargoTick time.Duration
}

// Run runs isabot with the command-line arguments args (without the
// program name). It is main without the process: tests call it.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	// The settings' flags may stand before the command or after it; both
	// flag sets write into the same values.
	values := map[string]*string{}
	root := flag.NewFlagSet("isabot", flag.ContinueOnError)
	root.SetOutput(stderr)
	configFlags(root, values)
	root.Usage = func() { rootUsage(stderr) }
	if err := root.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	if root.NArg() == 0 {
		rootUsage(stderr)
		return errUsage
	}
	name := root.Arg(0)
	switch name {
	case "help":
		rootUsage(stdout)
		return nil
	case "version":
		fmt.Fprintln(stdout, "isabot", version)
		return nil
	}
	for _, cmd := range commands() {
		if cmd.name != name {
			continue
		}
		fs := flag.NewFlagSet("isabot "+cmd.name, flag.ContinueOnError)
		fs.SetOutput(stderr)
		reuseFlags(fs, root, values)
		if cmd.flags != nil {
			cmd.flags(fs)
		}
		fs.Usage = func() {
			fmt.Fprintf(stderr, "%s\n\nUsage:\n  isabot %s [flags] %s\n\nFlags:\n", cmd.summary, cmd.name, cmd.usage)
			fs.PrintDefaults()
		}
		rest, err := parseInterspersed(fs, root.Args()[1:])
		if err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return errUsage
		}
		set := map[string]bool{}
		root.Visit(func(f *flag.Flag) { set[f.Name] = true })
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		cfg, err := loadConfig(set, values, os.Getenv)
		if err != nil {
			return fmt.Errorf("configuration: %w", err)
		}
		logger, err := newLogger(stderr, cfg.LogFormat, cfg.LogLevel)
		if err != nil {
			return err
		}
		dir, err := resolveDataDir(cfg.DataDir)
		if err != nil {
			return err
		}
		a := &app{stdout: stdout, stderr: stderr, logger: logger, cfg: cfg, dataDir: dir}
		return cmd.run(ctx, a, fs, rest)
	}
	fmt.Fprintf(stderr, "isabot: unknown command %q\n\n", name)
	rootUsage(stderr)
	return errUsage
}

// reuseFlags defines root's flags on fs too, writing to the same values.
func reuseFlags(fs, root *flag.FlagSet, values map[string]*string) {
	root.VisitAll(func(f *flag.Flag) {
		fs.StringVar(values[f.Name], f.Name, *values[f.Name], f.Usage)
	})
}

func rootUsage(w io.Writer) {
	fmt.Fprint(w, `isabot answers questions about the Chinese-German Industrial Cities Alliance (ISA)
from its press releases and its city and alliance data.

Usage:
  isabot [flags] COMMAND [flags] [arguments]

Commands:
`)
	for _, cmd := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", cmd.name, cmd.summary)
	}
	fmt.Fprintf(w, "  %-12s %s\n", "version", "print the version")
	fmt.Fprint(w, `
Flags for every command:
  --data DIR        the data directory: extra releases in DIR/releases, data files
                    that replace the built-in ones, the search index and all state
                    (env ISABOT_DATA; default `+defaultDataDirHint()+`)
  --config FILE     settings from a YAML file (env ISABOT_CONFIG)
  --listen ADDR     the HTTP listener of serve (env ISABOT_LISTEN; default :8080)
  --log-format F    text, json or auto (env ISABOT_LOG_FORMAT)
  --log-level L     debug, info, warn or error (env ISABOT_LOG_LEVEL)

Every setting and its environment variable: isabot config, and the README.
Run "isabot COMMAND --help" for a command's own flags.
`)
}

// parseInterspersed parses flags wherever they stand among the arguments,
// so "isabot ask 'Is Köln a member?' --json" works like the flag first.
// Everything after "--" is an argument.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var tail []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, tail = args[:i], args[i+1:]
	}
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(rest, tail...), nil
		}
		// Parse stopped at an argument; take it and parse on.
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// resolveDataDir picks the data directory: the configured one, else the
// user's data directory, and makes sure it exists.
func resolveDataDir(dir string) (string, error) {
	if dir == "" {
		var err error
		if dir, err = defaultDataDir(); err != nil {
			return "", fmt.Errorf("no data directory: set --data or ISABOT_DATA (%w)", err)
		}
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", fmt.Errorf("data directory: %w", err)
	}
	return dir, nil
}

// defaultDataDir follows the XDG base directory convention:
// $XDG_DATA_HOME/isabot, else ~/.local/share/isabot.
func defaultDataDir() (string, error) {
	if xdg := os.Getenv("XDG_DATA_HOME"); xdg != "" {
		return filepath.Join(xdg, "isabot"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "isabot"), nil
}

func defaultDataDirHint() string {
	if dir, err := defaultDataDir(); err == nil {
		return strings.Replace(dir, os.Getenv("HOME"), "~", 1)
	}
	return "$XDG_DATA_HOME/isabot"
}

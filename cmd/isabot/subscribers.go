package main

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/isa-alliance/isabot/bots/store"
)

func subscribersCommand() command {
	var asJSON bool
	return command{
		name:    "subscribers",
		summary: "list the chats subscribed to new releases",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "print a JSON array")
		},
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			if len(args) > 0 {
				fs.Usage()
				return errUsage
			}
			subs, err := fromState(ctx, a, subscribersPath, subscriptions)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(subs)
			}
			if len(subs) == 0 {
				fmt.Fprintln(a.stdout, "No subscribers.")
				return nil
			}
			w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "PLATFORM\tCHAT\tNAME\tSINCE\tLAST RELEASE\tDELIVERED")
			for _, s := range subs {
				delivered := ""
				if !s.LastDelivered.IsZero() {
					delivered = s.LastDelivered.Local().Format("2006-01-02 15:04")
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", s.Platform, s.Chat, s.Title, s.Since.Local().Format("2006-01-02 15:04"), s.LastRelease, delivered)
			}
			return w.Flush()
		},
	}
}

// subscriptions lists the subscriptions, an empty list when there are
// none.
func subscriptions(st store.State) ([]store.Subscription, error) {
	subs, err := st.Subscriptions()
	if subs == nil {
		subs = []store.Subscription{}
	}
	return subs, err
}

// fromState reads from the state with read, or, while serve holds the
// state file, asks the running serve, which answers at path with what
// read returns (see stateHandler). PostgreSQL is read by any number.
func fromState[T any](ctx context.Context, a *app, path string, read func(store.State) (T, error)) (T, error) {
	var v T
	st, err := a.openState(ctx)
	if err == nil {
		defer st.Close()
		return read(st)
	}
	if !errors.Is(err, store.ErrLocked) {
		return v, err
	}
	u, uerr := localURL(a.cfg.Listen, path)
	if uerr != nil {
		return v, err
	}
	token, terr := os.ReadFile(filepath.Join(a.dataDir, internalTokenFile))
	if terr != nil {
		return v, fmt.Errorf("%w, and the running serve's token is unreadable: %w", err, terr)
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	req.Header.Set("Authorization", "Bearer "+string(token))
	resp, herr := http.DefaultClient.Do(req)
	if herr != nil {
		return v, fmt.Errorf("%w, and the running serve does not answer at %s: %w", err, u, herr)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return v, fmt.Errorf("the running serve answered %s: %s", resp.Status, body)
	}
	return v, json.NewDecoder(resp.Body).Decode(&v)
}

// subscribersPath lets `isabot subscribers` ask a running serve, which
// holds the state file.
const subscribersPath = "/internal/subscribers"

// internalTokenFile, in the data directory, holds the token that
// subscribersPath and deliveriesPath want: whoever may read the data
// directory may read the subscriptions and the outbox, through serve as
// from the state file, and nobody else, whatever proxy stands in front of
// the listener.
const internalTokenFile = "serve.token"

// writeInternalToken makes a new token for this run of serve.
func writeInternalToken(dataDir string) (string, error) {
	token := randomSecret()
	path := filepath.Join(dataDir, internalTokenFile)
	// WriteFile keeps the mode of a file that is there: start afresh.
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("replace the internal token: %w", err)
	}
	if err := os.WriteFile(path, []byte(token), 0o600); err != nil {
		return "", fmt.Errorf("write the internal token: %w", err)
	}
	return token, nil
}

// stateHandler serves what read returns, as JSON, to clients that show
// the token of internalTokenFile.
func stateHandler[T any](st store.State, token string, read func(store.State) (T, error)) http.Handler {
	want := []byte("Bearer " + token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		v, err := read(st)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(v)
	})
}

package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"time"
)

// localURL is the URL of path on the serve listening at listen, as seen
// from the same machine: an address on all interfaces is reached on the
// loopback one.
func localURL(listen, path string) (string, error) {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return "", err
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + path, nil
}

// healthcheckCommand asks the running serve whether it lives, for the
// container's HEALTHCHECK: the image has no shell or curl.
func healthcheckCommand() command {
	return command{
		name:    "healthcheck",
		summary: "exit 0 when the isabot serve on --listen answers /healthz",
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			u, err := localURL(a.cfg.Listen, "/healthz")
			if err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
			defer cancel()
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
			if err != nil {
				return err
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return fmt.Errorf("unhealthy: %w", err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				return fmt.Errorf("unhealthy: /healthz answered %s", resp.Status)
			}
			return nil
		},
	}
}

package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"time"
)

// healthcheckCommand asks the running serve whether it lives, for the
// container's HEALTHCHECK: the image has no shell or curl.
func healthcheckCommand() command {
	return command{
		name:    "healthcheck",
		summary: "exit 0 when the isabot serve on --listen answers /healthz",
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			host, port, err := net.SplitHostPort(a.cfg.Listen)
			if err != nil {
				return err
			}
			if host == "" || host == "0.0.0.0" || host == "::" {
				host = "127.0.0.1"
			}
			ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
			defer cancel()
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/healthz", nil)
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

package main

import (
	"strings"
	"testing"
	"time"
)

func TestLoggerFormats(t *testing.T) {
	tests := []struct{ format, want string }{
		{"json", `"in":"1.5s"`},
		{"text", "in=1.5s"},
	}
	for _, tt := range tests {
		var out strings.Builder
		logger, err := newLogger(&out, tt.format, "info")
		if err != nil {
			t.Fatal(err)
		}
		logger.Info("retrying", "in", 1500*time.Millisecond)
		if !strings.Contains(out.String(), tt.want) {
			t.Errorf("%s: %s, want %s", tt.format, out.String(), tt.want)
		}
	}
}

package slack

import (
	"errors"
	"net/http"
	"testing"
	"time"
)

func TestVerifySignature(t *testing.T) {
	// The example of Slack's documentation on verifying requests.
	const (
		secret = "8f742231b10e8888abcd99yyyzzz85a5"
		ts     = "1531420618"
		body   = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
		sig    = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
	)
	then := time.Unix(1531420618, 0).Add(30 * time.Second)
	header := func(ts, sig string) http.Header {
		h := http.Header{}
		if ts != "" {
			h.Set("X-Slack-Request-Timestamp", ts)
		}
		if sig != "" {
			h.Set("X-Slack-Signature", sig)
		}
		return h
	}
	tests := []struct {
		name   string
		header http.Header
		body   string
		now    time.Time
		want   error
	}{
		{"documented example", header(ts, sig), body, then, nil},
		{"tampered body", header(ts, sig), body + "x", then, errBadSignature},
		{"other timestamp", header("1531420619", sig), body, then, errBadSignature},
		{"wrong secret's signature", header(ts, "v0=b2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"), body, then, errBadSignature},
		{"no v0 prefix", header(ts, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"), body, then, errBadSignature},
		{"not hex", header(ts, "v0=zz"), body, then, errBadSignature},
		{"stale: six minutes old", header(ts, sig), body, time.Unix(1531420618, 0).Add(6 * time.Minute), errStale},
		{"from the future", header(ts, sig), body, time.Unix(1531420618, 0).Add(-6 * time.Minute), errStale},
		{"unsigned", header("", ""), body, then, errUnsigned},
		{"no timestamp", header("", sig), body, then, errUnsigned},
		{"bad timestamp", header("soon", sig), body, then, errUnsigned},
	}
	for _, tt := range tests {
		if err := verifySignature(tt.header, []byte(tt.body), secret, tt.now); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
}

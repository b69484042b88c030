package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// run runs isabot with args in a fresh data directory unless args name
// one, and returns its output.
func run(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	if !slices.Contains(args, "--data") {
		args = append([]string{"--data", t.TempDir()}, args...)
	}
	var out, errOut bytes.Buffer
	err = Run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestAskJSON(t *testing.T) {
	for _, args := range [][]string{
		{"ask", "--json", "Wann wurde die ISA gegründet?"},
		{"ask", "Wann wurde die ISA gegründet?", "--json"}, // flags after the question
		{"ask", "--json", "Wann", "wurde", "die", "ISA", "gegründet?"},
	} {
		out, stderr, err := run(t, args...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr)
		}
		var got struct {
			Question   string  `json:"question"`
			Language   string  `json:"language"`
			Answered   bool    `json:"answered"`
			Answer     string  `json:"answer"`
			Confidence float64 `json:"confidence"`
			Sources    []struct {
				Title, Date, Ref, Snippet string
			} `json:"sources"`
			Rule string `json:"rule"`
		}
		dec := json.NewDecoder(strings.NewReader(out))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("%v: output is not the contract's JSON: %v\n%s", args, err, out)
		}
		if got.Question != "Wann wurde die ISA gegründet?" || got.Language != "de" || !got.Answered ||
			!strings.Contains(got.Answer, "April 2016") || got.Confidence <= 0 || len(got.Sources) == 0 || got.Rule != "founding" {
			t.Errorf("%v: %+v", args, got)
		}
		if s := got.Sources[0]; s.Ref != "2021-02-11-isa-fruehlingsfest" || s.Date != "2021-02-11" || s.Title == "" {
			t.Errorf("%v: first source %+v", args, s)
		}
	}
}

func TestAskText(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"founding-de", []string{"ask", "Wann wurde die ISA gegründet?"}},
		{"member-en", []string{"ask", "Is Cologne a member?"}},
		{"count-zh", []string{"ask", "联盟有多少个成员城市？"}},
		{"lang-override", []string{"ask", "--lang", "en", "Welche Städte aus Bayern sind dabei?"}},
		{"passage", []string{"ask", "Welche Studie hat die ISA in Auftrag gegeben?"}},
		{"unanswered", []string{"ask", "Wie wird das Wetter morgen?"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, err := run(t, tt.args...)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s:\n--- got\n%s--- want\n%s", golden, out, want)
			}
		})
	}
}

func TestDataDirectory(t *testing.T) {
	// A release in the data directory is found by the next question; a
	// malformed one is reported with its file and line and loses nothing.
	dir := t.TempDir()
	t.Setenv("ISABOT_DATA", dir)
	releases := filepath.Join(dir, "releases")
	if err := os.MkdirAll(releases, 0o755); err != nil {
		t.Fatal(err)
	}
	good := "---\ntitle: Testmeldung zur Wasserstoff-Kooperation\ndate: 2026-03-01\nlang: de\n---\nDie Testmeldung berichtet über eine Wasserstoff-Kooperation zwischen Mainz und Huzhou.\n"
	bad := "---\ntitle: Kaputt\ndate: 2026-13-45\nlang: de\n---\nText.\n"
	for name, body := range map[string]string{"2026-03-01-test.md": good, "broken.md": bad} {
		if err := os.WriteFile(filepath.Join(releases, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	if err := Run(context.Background(), []string{"ask", "--json", "Was ist mit der Wasserstoff-Kooperation?"}, &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "2026-03-01-test") || !strings.Contains(out.String(), "Wasserstoff") {
		t.Errorf("the data directory's release was not used:\n%s", out.String())
	}
	if !strings.Contains(errOut.String(), filepath.Join(releases, "broken.md")+":3") {
		t.Errorf("the malformed release was not reported with file and line:\n%s", errOut.String())
	}
	// The on-disk index is reused: the second run does not rebuild it.
	out.Reset()
	errOut.Reset()
	if err := Run(context.Background(), []string{"index"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(errOut.String(), "built the search index") || !strings.Contains(out.String(), "2 releases") {
		t.Errorf("index rebuilt or wrong count:\n%s\n%s", out.String(), errOut.String())
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr error
		output  string
	}{
		{nil, errUsage, "Commands:"},
		{[]string{"--help"}, nil, "ask"},
		{[]string{"ask", "--help"}, nil, "-json"},
		{[]string{"index", "--help"}, nil, "on-disk search index"},
		{[]string{"frobnicate"}, errUsage, `unknown command "frobnicate"`},
		{[]string{"ask"}, errUsage, "a question is needed"},
		{[]string{"ask", "--lang", "fr", "Hallo"}, errUsage, "unknown language"},
		{[]string{"version"}, nil, "isabot"},
	}
	for _, tt := range tests {
		out, stderr, err := run(t, tt.args...)
		if !errors.Is(err, tt.wantErr) && err != tt.wantErr {
			t.Errorf("%v: error %v, want %v", tt.args, err, tt.wantErr)
		}
		if !strings.Contains(out+stderr, tt.output) {
			t.Errorf("%v: output lacks %q:\n%s%s", tt.args, tt.output, out, stderr)
		}
	}
}

// syncWriter collects output written from several goroutines.
type syncWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

func (w *syncWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

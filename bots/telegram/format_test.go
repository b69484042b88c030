package telegram

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
	"github.com/isa-alliance/isabot/search/answer"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var defaultEngine = sync.OnceValues(func() (*search.Engine, error) {
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		return nil, problems[0]
	}
	idx, err := search.NewMemIndex(context.Background(), data.Releases)
	if err != nil {
		return nil, err
	}
	return search.NewEngine(data, idx), nil
})

// testEngine answers from the default corpus, as isabot does.
func testEngine(t testing.TB) *search.Engine {
	t.Helper()
	e, err := defaultEngine()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// golden compares got with testdata/name.golden, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("differs from %s:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestAnswerMessagesGolden(t *testing.T) {
	e := testEngine(t)
	for _, tt := range []struct{ name, question string }{
		{"membership-de", "Ist Köln Mitglied?"},
		{"contact-en", "Who is the contact person?"},
		{"count-zh", "联盟有多少个成员城市？"},
		{"passage-de", "Welche Studie hat die ISA in Auftrag gegeben?"},
		{"unanswered-en", "What's the weather like?"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := e.Answer(context.Background(), tt.question, "")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "answer-"+tt.name, strings.Join(answerMessages(a), "\n----\n"))
		})
	}
}

func TestEscape(t *testing.T) {
	// Everything from the corpus or a user is escaped: a question full of
	// markup stays text.
	a := answer.Answer{Lang: corpus.English, Text: "<b>bold</b> & <script>x</script> \"q\" 'a'",
		Sources: []answer.Source{{Title: "A & B <c>", URL: "https://x.example/?a=1&b=\"2\""}}}
	got := strings.Join(answerMessages(a), "")
	for _, bad := range []string{"<b>bold", "<script>", " & ", "<c>", "b=\"2\""} {
		if strings.Contains(got, bad) {
			t.Errorf("unescaped %q in %s", bad, got)
		}
	}
	if !strings.Contains(got, "&lt;b&gt;bold&lt;/b&gt; &amp; ") || !strings.Contains(got, `href="https://x.example/?a=1&amp;b=&#34;2&#34;"`) {
		t.Errorf("escaped wrongly: %s", got)
	}
}

func TestLongAnswerIsSplit(t *testing.T) {
	long := strings.Repeat(strings.Repeat("Wort & <mehr> ", 60)+"\n", 12) // ~10,000 characters
	msgs := answerMessages(answer.Answer{Lang: corpus.German, Text: long, Sources: []answer.Source{{Title: "Quelle"}}})
	if len(msgs) < 3 {
		t.Fatalf("%d messages", len(msgs))
	}
	for i, m := range msgs {
		if n := plainLength(m); n > 4096 || n == 0 {
			t.Errorf("message %d has %d characters", i, n)
		}
	}
	if !strings.Contains(msgs[len(msgs)-1], "<b>Quellen</b>") {
		t.Error("the sources are not at the end")
	}
}

func TestLongWordIsSplitBetweenEntities(t *testing.T) {
	// A paragraph with no space to cut at is cut between characters, and
	// Telegram refuses a message that ends or starts inside an entity.
	long := strings.Repeat("x", 3990) + strings.Repeat("&", 2000)
	for _, msgs := range [][]string{
		answerMessages(answer.Answer{Lang: corpus.German, Text: long}),
		releaseMessages(&corpus.Release{Title: "Lang", Body: []string{long}}, corpus.German),
	} {
		if len(msgs) < 2 {
			t.Fatalf("%d messages", len(msgs))
		}
		for i, m := range msgs {
			plain, err := telegramtest.ParseHTML(m)
			if err != nil {
				t.Errorf("message %d: %v", i, err)
			}
			if n := len(utf16.Encode([]rune(plain))); n > 4096 {
				t.Errorf("message %d has %d characters", i, n)
			}
		}
	}
}

func TestParseCommand(t *testing.T) {
	tests := []struct {
		text string
		want command
		ok   bool
	}{
		{"/start", command{name: "start"}, true},
		{"/search Pandemie Masken", command{name: "search", args: "Pandemie Masken"}, true},
		{"/search@isa_test_bot  Köln ", command{name: "search", bot: "isa_test_bot", args: "Köln"}, true},
		{"/ASK Wann?", command{name: "ask", args: "Wann?"}, true},
		{"/ask\nWann wurde die ISA gegründet?", command{name: "ask", args: "Wann wurde die ISA gegründet?"}, true},
		{"/ask@isa_test_bot\nFrage", command{name: "ask", bot: "isa_test_bot", args: "Frage"}, true},
		{"/search\tKöln\nBonn", command{name: "search", args: "Köln\nBonn"}, true},
		{"/lang@isa_test_bot\u00a0en", command{name: "lang", bot: "isa_test_bot", args: "en"}, true},
		{"/", command{}, false},
		{"Frage /ask", command{}, false},
	}
	for _, tt := range tests {
		got, ok := parseCommand(tt.text)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseCommand(%q) = %+v, %v", tt.text, got, ok)
		}
	}
}

func TestStartPayload(t *testing.T) {
	for payload, want := range map[string]string{
		"city_koeln":        "koeln",
		"city_bad_homburg":  "bad homburg",
		"q_wer_ist_kontakt": "wer ist kontakt",
		"city_":             "",
		"unknown_x":         "",
		"":                  "",
	} {
		if got := startPayload(payload); got != want {
			t.Errorf("startPayload(%q) = %q, want %q", payload, got, want)
		}
	}
}

// Package answer holds what the answer engine returns: an Answer with its
// sources, the rule that chose it and the kind of fact it gives. The bots
// and the web API depend on these types and on a small interface of their
// own, not on the engine.
package answer

import (
	"strings"

	"github.com/isa-alliance/isabot/corpus"
)

// Answer is the engine's reply to a question. Its JSON form is the one
// `isabot ask --json` prints and the ask API returns.
type Answer struct {
	Question string      `json:"question"`
	Lang     corpus.Lang `json:"language"`
	// Answered is false when the corpus holds no answer; Text then says
	// what the engine can answer instead.
	Answered bool   `json:"answered"`
	Text     string `json:"answer"`
	// Confidence is 0 for no answer, about 0.9 for a fact from the data,
	// less for a guessed spelling or a passage of a release.
	Confidence float64  `json:"confidence"`
	Sources    []Source `json:"sources"`
	// Rule names the rule of the engine that chose this answer, so that
	// a wrong answer can be explained.
	Rule string `json:"rule"`
	// Kind says what sort of answer this is (see the Kind constants), for
	// metrics and for adapters that add buttons.
	Kind Kind `json:"-"`
}

// Source is where an answer's facts come from.
type Source struct {
	Title string `json:"title"`
	// Date is when the source was published, or the date its fact is
	// known to be true.
	Date corpus.Date `json:"date"`
	// Ref identifies the source: a release ID, a URL or a web site.
	Ref string `json:"ref"`
	// URL links to the source where one is known.
	URL string `json:"-"`
	// Snippet is the passage of a release that answers the question, with
	// Highlights marking the words that matched.
	Snippet    string `json:"snippet"`
	Highlights []Span `json:"-"`
}

// Span is a range of bytes in a snippet.
type Span struct{ Start, End int }

// MarkedSnippet renders the snippet for a chat platform: the highlighted
// words through marked, the text between them through plain.
func (s Source) MarkedSnippet(plain, marked func(string) string) string {
	var b strings.Builder
	last := 0
	for _, h := range s.Highlights {
		b.WriteString(plain(s.Snippet[last:h.Start]))
		b.WriteString(marked(s.Snippet[h.Start:h.End]))
		last = h.End
	}
	b.WriteString(plain(s.Snippet[last:]))
	return b.String()
}

// Kind is the sort of an answer.
type Kind string

// Kinds of answers.
const (
	KindNone        Kind = "none"
	KindFounding    Kind = "founding"
	KindContact     Kind = "contact"
	KindCoordinator Kind = "coordinator"
	KindSecretariat Kind = "secretariat"
	KindPerson      Kind = "person"
	KindMembership  Kind = "membership"
	KindMembers     Kind = "members"
	KindCount       Kind = "count"
	KindAssembly    Kind = "assembly"
	KindEvents      Kind = "events"
	KindReleases    Kind = "releases"
	KindNames       Kind = "names"
	KindAbout       Kind = "about"
	KindPassage     Kind = "passage"
	KindHelp        Kind = "help"
	KindCurated     Kind = "curated" // the press office's curated answer
)

// Hit is a release that matches a search, with its best passage.
type Hit struct {
	Release *corpus.Release
	Source  Source // the release as a source, with a snippet of the best passage
}

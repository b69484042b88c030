package inbox

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// embargoLine is a front matter's embargo key, at the start of a line.
var embargoLine = regexp.MustCompile(`(?m)^embargo:.*\r?\n`)

// withEmbargo sets the embargo of a Markdown release to t: in its front
// matter, replacing the one it has. A plain-text release has no front
// matter to hold one.
func withEmbargo(name string, data []byte, t time.Time) ([]byte, error) {
	if ext := strings.ToLower(filepath.Ext(name)); ext != ".md" && ext != ".markdown" {
		return nil, fmt.Errorf("publish: --embargo needs a Markdown release (.md) with front matter; %s is plain text: write it as Markdown, or publish it at its time", name)
	}
	open, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || strings.TrimRight(string(open), " \t\r") != "---" {
		return nil, fmt.Errorf("publish: %s has no front matter to hold the embargo", name)
	}
	end := bytes.Index(rest, []byte("\n---"))
	if end < 0 {
		return nil, fmt.Errorf("publish: %s: the front matter is not closed", name)
	}
	front := embargoLine.ReplaceAll(rest[:end+1], nil)
	var out bytes.Buffer
	out.Write(open)
	out.WriteString("\n")
	out.Write(front)
	fmt.Fprintf(&out, "embargo: %s\n", t.Format(time.RFC3339))
	out.Write(rest[end+1:])
	return out.Bytes(), nil
}

package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gofrs/flock"
	"go.yaml.in/yaml/v3"
)

// CuratedFile, in the data directory, holds the press office's curated
// answers: a list, written by isabot when a liaison marks a reply "for
// others", and by an editor by hand.
const CuratedFile = "curated.yaml"

// Curated is the press office's answer to a question, given once to a
// journalist and kept to answer the same or a close question again.
type Curated struct {
	// ID names the answer for `isabot curated remove`.
	ID       string `yaml:"id" json:"id"`
	Question string `yaml:"question" json:"question"`
	Answer   string `yaml:"answer" json:"answer"`
	// Lang is the language of the question and the answer.
	Lang Lang `yaml:"lang" json:"language"`
	// Organisation is the liaison's, who answered.
	Organisation string `yaml:"organisation,omitempty" json:"organisation"`
	Date         Date   `yaml:"date" json:"date"`
}

// Check says what a curated answer lacks, or nil: a store of curated
// answers takes none that lacks something.
func (c Curated) Check() error {
	var missing []string
	for _, f := range []struct{ name, value string }{{"id", c.ID}, {"question", c.Question}, {"answer", c.Answer}} {
		if strings.TrimSpace(f.value) == "" {
			missing = append(missing, f.name)
		}
	}
	if c.Date.IsZero() {
		missing = append(missing, "date")
	}
	if len(missing) > 0 {
		return fmt.Errorf("curated answer %q needs %s", c.ID, strings.Join(missing, ", "))
	}
	if l, err := ParseLang(string(c.Lang)); err != nil || l != c.Lang {
		return fmt.Errorf("curated answer %q: language %q is not de, en or zh", c.ID, c.Lang)
	}
	return nil
}

// LoadCurated reads the curated answers of dir's CuratedFile, none when
// there is none. An answer with an error is left out and reported as a
// *FileError with its line; the others load.
func LoadCurated(dir Dir) ([]Curated, []error) {
	f, ok := readDataFile(dir, CuratedFile)
	if !ok || f.root == nil {
		return nil, f.errs
	}
	l := loader{errs: f.errs}
	var list []Curated
	if !l.decode(f, &list) {
		return nil, l.errs
	}
	lines := itemLines(f.root, "")
	// An answer the decoder found wrong (a bad date, an unknown key) is
	// left out, as one that fails the checks is.
	wrong := func(i int) bool {
		return slices.ContainsFunc(l.errs, func(err error) bool {
			var fe *FileError
			return errors.As(err, &fe) && fe.Line >= lines.at(i) && (i+1 >= len(lines) || fe.Line < lines.at(i+1))
		})
	}
	seen := map[string]int{}
	var out []Curated
	for i, c := range list {
		line := lines.at(i)
		if wrong(i) {
			continue
		}
		if err := c.Check(); err != nil {
			l.fail(f.path, line, err)
			continue
		}
		if other, dup := seen[c.ID]; dup {
			l.fail(f.path, line, fmt.Errorf("curated answer id %q is used twice (also line %d)", c.ID, other))
			continue
		}
		seen[c.ID] = line
		out = append(out, c)
	}
	return out, l.errs
}

// AddCurated adds c to the curated answers in the file at path, which
// is made when missing. The file is changed as a YAML tree, so that what
// an editor wrote stays, comments and entries with errors too; a file
// that is not YAML is left alone and the error names its line.
func AddCurated(path string, c Curated) error {
	if err := c.Check(); err != nil {
		return err
	}
	var item yaml.Node
	if err := item.Encode(c); err != nil {
		return fmt.Errorf("curated answer %q: %w", c.ID, err)
	}
	return changeCurated(path, func(list *yaml.Node) (bool, error) {
		if slices.ContainsFunc(list.Content, func(n *yaml.Node) bool { return curatedID(n) == c.ID }) {
			return false, &FileError{Path: path, Err: fmt.Errorf("curated answer id %q is used already", c.ID)}
		}
		list.Content = append(list.Content, &item)
		return true, nil
	})
}

// RemoveCurated removes the curated answer id from the file at path; it
// reports whether there was one.
func RemoveCurated(path, id string) (bool, error) {
	removed := false
	err := changeCurated(path, func(list *yaml.Node) (bool, error) {
		var kept []*yaml.Node
		comment := "" // of the answers removed, which the next one keeps
		for _, n := range list.Content {
			if curatedID(n) == id {
				removed, comment = true, joinComments(comment, n.HeadComment)
				continue
			}
			n.HeadComment, comment = joinComments(comment, n.HeadComment), ""
			kept = append(kept, n)
		}
		if comment != "" {
			list.FootComment = joinComments(list.FootComment, comment)
		}
		list.Content = kept
		return removed, nil
	})
	return removed, err
}

// joinComments joins two comments, either of which may be empty: an
// editor's comment above a removed answer stays.
func joinComments(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "\n" + b
}

// curatedID is the id of a curated answer's node, "" if it has none.
func curatedID(n *yaml.Node) string {
	if v := valueNode(n, "id"); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// changeCurated applies change to the list of the curated file at path,
// and writes the file anew if change says so: to a new file beside it,
// renamed over it, so that a crash leaves the old file or the new. Two
// processes changing it at once (serve adding a reply while `isabot
// curated remove` runs) take turns on an advisory lock of a file beside
// it, path+".lock", so that neither writes over the other's change; the
// curated file itself cannot carry the lock, as the rename replaces it.
func changeCurated(path string, change func(list *yaml.Node) (bool, error)) error {
	lock := flock.New(path + ".lock")
	if err := lock.Lock(); err != nil {
		return fmt.Errorf("lock %s: %w", path, err)
	}
	defer lock.Unlock()
	raw, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return &FileError{Path: path, Line: yamlErrorLine(err), Err: fmt.Errorf("not valid YAML: %w", err)}
	}
	if len(doc.Content) == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.SequenceNode, Tag: "!!seq"}}}
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode {
		return &FileError{Path: path, Line: list.Line, Err: fmt.Errorf("%s must hold a list at its top", CuratedFile)}
	}
	if changed, err := change(list); err != nil || !changed {
		return err
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+CuratedFile+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	// Readable as the other data files are, not only by isabot's user.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(out.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

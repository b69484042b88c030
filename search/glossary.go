package search

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/isa-alliance/isabot/corpus"
)

// meaning is one subject of the alliance's releases, with the words for it
// in German, English and Chinese.
type meaning struct {
	DE []string `yaml:"de"`
	EN []string `yaml:"en"`
	ZH []string `yaml:"zh"`
}

func (m meaning) in(lang corpus.Lang) []string {
	switch lang {
	case corpus.English:
		return m.EN
	case corpus.Chinese:
		return m.ZH
	}
	return m.DE
}

func (m meaning) all() []string { return slices.Concat(m.DE, m.EN, m.ZH) }

// loadGlossary reads the glossary from the files at paths: one meaning
// per entry, with its words in each language. A word listed twice in one
// meaning, and a meaning whose words another meaning, in any of the
// files, all holds, are errors.
func loadGlossary(fsys fs.FS, paths []string) ([]meaning, error) {
	var out []meaning
	var errs []error
	type place struct {
		path string
		line int
	}
	var places []place            // where each meaning of out is
	holders := map[string][]int{} // word → the meanings so far that hold it, in every file
	for _, path := range paths {
		doc, err := readYAML(fsys, path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		fail := func(line int, format string, args ...any) {
			errs = append(errs, &corpus.FileError{Path: path, Line: line, Err: fmt.Errorf(format, args...)})
		}
		if doc.Kind != yaml.SequenceNode {
			fail(doc.Line, "want a list of meanings")
			continue
		}
		for _, item := range doc.Content {
			var m meaning
			if err := item.Decode(&m); err != nil || item.Kind != yaml.MappingNode {
				fail(item.Line, "want a meaning: {de: [...], en: [...], zh: [...]}")
				continue
			}
			for i := 0; i+1 < len(item.Content); i += 2 {
				if lang := item.Content[i].Value; lang != "de" && lang != "en" && lang != "zh" {
					fail(item.Content[i].Line, "unknown language %q", lang)
				}
			}
			for _, ws := range [][]string{m.DE, m.EN, m.ZH} {
				for i, w := range ws {
					if slices.Contains(ws[:i], w) {
						fail(item.Line, "%q is listed twice in one meaning", w)
					}
				}
			}
			// An earlier meaning that holds every word of this one:
			// counted word by word, as comparing each pair of meanings
			// took longer than reading the file.
			words := slices.Compact(slices.Sorted(slices.Values(m.all())))
			held := map[int]int{}
			for _, w := range words {
				for _, k := range holders[w] {
					held[k]++
				}
			}
			if k, ok := firstHolding(held, len(words)); ok {
				if at := places[k]; at.path == path {
					fail(item.Line, "repeats the meaning at line %d", at.line)
				} else {
					fail(item.Line, "repeats the meaning at %s:%d", at.path, at.line)
				}
			}
			for _, w := range words {
				holders[w] = append(holders[w], len(out))
			}
			out = append(out, m)
			places = append(places, place{path, item.Line})
		}
	}
	return out, errors.Join(errs...)
}

// firstHolding is the first meaning that holds all n words of another,
// given how many of them each meaning holds.
func firstHolding(held map[int]int, n int) (int, bool) {
	first, ok := 0, false
	for k, count := range held {
		if count == n && (!ok || k < first) {
			first, ok = k, true
		}
	}
	return first, ok
}

// translator looks words up in the glossary.
type translator struct {
	latin    map[string][]int // folded word → meanings
	han      []hanWord        // Chinese words, matched inside longer runs
	meanings []meaning
}

type hanWord struct {
	word    string
	meaning int
}

func newTranslator(glossary []meaning) *translator {
	tr := &translator{latin: map[string][]int{}, meanings: glossary}
	for m, meaning := range tr.meanings {
		for _, w := range meaning.all() {
			if strings.IndexFunc(w, isHan) >= 0 {
				tr.han = append(tr.han, hanWord{word: w, meaning: m})
			} else if key := fold(w); !slices.Contains(tr.latin[key], m) {
				tr.latin[key] = append(tr.latin[key], m)
			}
		}
	}
	return tr
}

// knows reports whether a folded Latin word is in the glossary.
func (tr *translator) knows(key string) bool { return len(tr.latin[key]) > 0 }

// translations returns the words of word's meanings in lang. A Chinese
// word matches a meaning when it contains one of its Chinese words:
// questions run Chinese words together.
func (tr *translator) translations(word string, lang corpus.Lang) []string {
	key := fold(word)
	meanings := tr.latin[key]
	if space := strings.LastIndex(key, " "); len(meanings) == 0 && space > 0 {
		// A phrase whose last word is inflected ("refuelling stations").
		for _, base := range baseForms(key[space+1:]) {
			for _, m := range tr.latin[key[:space+1]+base] {
				if !slices.Contains(meanings, m) {
					meanings = append(meanings, m)
				}
			}
		}
	}
	if strings.IndexFunc(word, isHan) >= 0 {
		for _, h := range tr.han {
			if strings.Contains(word, h.word) && !slices.Contains(meanings, h.meaning) {
				meanings = append(meanings, h.meaning)
			}
		}
	}
	var out []string
	for _, m := range meanings {
		for _, w := range tr.meanings[m].in(lang) {
			// A phrase is for reading questions: searched for, its words
			// ("neuen", "Jahr") would match nearly every passage.
			if !strings.Contains(w, " ") {
				out = append(out, w)
			}
		}
	}
	return out
}

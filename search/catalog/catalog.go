// Package catalog holds the sentences isabot says, in German, English and
// Chinese: those of the answer engine and those of the bots, one
// catalogue per language (de.yaml, en.yaml, zh.yaml), each sentence under
// a key. Sentences take the placeholders of fmt; numbers are written as
// they are, so that a year stays 2019 in every language.
package catalog

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/isa-alliance/isabot/corpus"
)

//go:embed de.yaml en.yaml zh.yaml
var files embed.FS

// Catalog is the sentences of every language, by key.
type Catalog struct {
	texts map[corpus.Lang]map[string]string
}

// Load reads the catalogues of fsys. Every key must be in every
// language, with the same number of placeholders; each problem is a
// *corpus.FileError with the file and line.
func Load(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{texts: map[corpus.Lang]map[string]string{}}
	lines := map[corpus.Lang]map[string]int{}
	var errs []error
	for _, lang := range corpus.Langs() {
		path := string(lang) + ".yaml"
		texts, at, err := read(fsys, path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c.texts[lang], lines[lang] = texts, at
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, lang := range corpus.Langs() {
		for key, text := range c.texts[lang] {
			for _, other := range corpus.Langs() {
				o, ok := c.texts[other][key]
				switch {
				case !ok:
					errs = append(errs, &corpus.FileError{Path: string(lang) + ".yaml", Line: lines[lang][key], Err: fmt.Errorf("%q is not in %s.yaml", key, other)})
				case other != lang && arity(o) != arity(text):
					errs = append(errs, &corpus.FileError{Path: string(lang) + ".yaml", Line: lines[lang][key],
						Err: fmt.Errorf("%q takes %d values, in %s.yaml %d", key, arity(text), other, arity(o))})
				}
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

// read reads one catalogue: its sentences and the line of each key.
func read(fsys fs.FS, path string) (map[string]string, map[string]int, error) {
	raw, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, nil, &corpus.FileError{Path: path, Err: err}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, nil, &corpus.FileError{Path: path, Err: err}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil, &corpus.FileError{Path: path, Err: errors.New("want a mapping of keys to sentences")}
	}
	texts, at := map[string]string{}, map[string]int{}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, value := m.Content[i], m.Content[i+1]
		if value.Kind != yaml.ScalarNode {
			return nil, nil, &corpus.FileError{Path: path, Line: value.Line, Err: fmt.Errorf("%q: want a sentence", key.Value)}
		}
		if first, ok := at[key.Value]; ok {
			return nil, nil, &corpus.FileError{Path: path, Line: key.Line, Err: fmt.Errorf("%q is listed twice (first at line %d)", key.Value, first)}
		}
		texts[key.Value], at[key.Value] = value.Value, key.Line
	}
	return texts, at, nil
}

// verb matches a placeholder of fmt, with its argument index if it has
// one: "%s", "%d", "%[2]s"; "%%" is none.
var verb = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

// arity is how many values a sentence takes.
func arity(text string) int {
	n, next := 0, 0
	for _, m := range verb.FindAllStringSubmatch(text, -1) {
		if m[0] == "%%" {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(m[1])
		} else {
			next++
		}
		n = max(n, next)
	}
	return n
}

// Keys lists the catalogue's keys, sorted.
func (c *Catalog) Keys() []string {
	var keys []string
	for key := range c.texts[corpus.German] {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	return keys
}

// Sprintf formats the sentence with key in lang.
func (c *Catalog) Sprintf(lang corpus.Lang, key string, args ...any) string {
	return fmt.Sprintf(c.Text(lang, key), args...)
}

// Text is the sentence with key in lang as written, placeholders and all;
// German where lang is none of the three. A key the catalogue lacks is a
// mistake in the code, which the tests find; it is returned as it is.
func (c *Catalog) Text(lang corpus.Lang, key string) string {
	texts, ok := c.texts[lang]
	if !ok {
		texts = c.texts[corpus.German]
	}
	if text, ok := texts[key]; ok {
		return text
	}
	return key
}

// embedded is the catalogue built into the binary, read the first time a
// sentence is needed.
var embedded = sync.OnceValue(func() *Catalog {
	c, err := Load(files)
	if err != nil {
		panic(fmt.Sprintf("embedded catalogue: %v", err)) // fixed at build time, checked by the tests
	}
	return c
})

// Embedded returns the catalogue built into the binary.
func Embedded() *Catalog { return embedded() }

// Sprintf formats the sentence with key of the embedded catalogue in lang.
func Sprintf(lang corpus.Lang, key string, args ...any) string {
	return embedded().Sprintf(lang, key, args...)
}

// Text is the sentence with key of the embedded catalogue in lang, as
// written.
func Text(lang corpus.Lang, key string) string { return embedded().Text(lang, key) }

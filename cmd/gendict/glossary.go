package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
)

// A glossary row is one term of a press office in German, English and
// Chinese; a language may be missing ("-").
type glossaryRow struct{ de, en, zh string }

// readGlossary reads glossary.tsv: German, English and Chinese separated
// by tabs, # comments.
func readGlossary(path string) ([]glossaryRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []glossaryRow
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 3 {
			return nil, fmt.Errorf("%s:%d: want German, English and Chinese separated by tabs", path, line)
		}
		for i, f := range fields {
			if f == "-" {
				fields[i] = ""
			} else if f != strings.ToLower(strings.TrimSpace(f)) || f == "" {
				return nil, fmt.Errorf("%s:%d: %q: want lower case without spaces around, or -", path, line, f)
			}
		}
		if fields[1] == "" {
			return nil, fmt.Errorf("%s:%d: want the English term", path, line)
		}
		rows = append(rows, glossaryRow{fields[0], fields[1], fields[2]})
	}
	return rows, sc.Err()
}

// addGlossary puts the glossary's pairs first in both directions, in the
// glossary's order, before the sources' translations.
func (d *dicts) addGlossary(rows []glossaryRow) {
	first := map[string][]string{} // "direction word" → glossary translations
	tables := map[string]table{"de-en": d.deEn, "en-de": d.enDe, "zh-en": d.zhEn, "en-zh": d.enZh}
	add := func(dir, word, tr string) {
		k := dir + " " + word
		if !slices.Contains(first[k], tr) {
			first[k] = append(first[k], tr)
		}
	}
	for _, r := range rows {
		if r.de != "" {
			add("de-en", r.de, r.en)
			add("en-de", r.en, r.de)
		}
		if r.zh != "" {
			add("zh-en", r.zh, r.en)
			add("en-zh", r.en, r.zh)
		}
	}
	for k, trs := range first {
		dir, word, _ := strings.Cut(k, " ")
		t := tables[dir]
		old := t[word]
		var out []translation
		for _, tr := range trs {
			pos := posOther // the glossary's terms are nouns
			if i := slices.IndexFunc(old, func(x translation) bool { return x.word == tr }); i >= 0 {
				pos = old[i].pos
			}
			out = append(out, translation{word: tr, pos: pos})
		}
		for _, tr := range old {
			if !slices.Contains(trs, tr.word) {
				out = append(out, tr)
			}
		}
		reweigh(out)
		t[word] = out
	}
}

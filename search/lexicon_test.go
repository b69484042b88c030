package search

import (
	"cmp"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadLexicon(t *testing.T) {
	if _, err := loadLexicon(lexiconFiles); err != nil {
		t.Fatalf("embedded lexicon: %v", err)
	}
	glossary := "- {de: [Masken], en: [masks], zh: [口罩]}\n"
	countries := "- {de: [Polen], en: [Poland], zh: [波兰]}\n"
	stop := "stop: [der, die]\n"
	tests := []struct {
		name                                  string
		concepts, stopwords, gloss, countries string
		want                                  []string // each error line must be there
	}{
		{
			name:     "a word twice in one concept",
			concepts: "founding:\n  - [gegründ*, gründ*]\n  - [gegründ*]\n",
			want:     []string{`data/concepts.yaml:3: "gegründ*" is listed twice in founding (first at data/concepts.yaml:2)`},
		},
		{
			name:      "a stop word with a meaning",
			concepts:  "list: [welche]\n",
			stopwords: "stop: [der, welche]\n",
			want:      []string{`data/stopwords.yaml:1: "welche" is in stop and in list (data/concepts.yaml:1), which contradict each other`},
		},
		{
			name:     "an outside word with a meaning",
			concepts: "count: [anzahl]\noutside:\n  - anzahl\n",
			want:     []string{`data/concepts.yaml:3: "anzahl" is in outside and in count (data/concepts.yaml:1), which contradict each other`},
		},
		{
			name:      "a stop word of each language",
			stopwords: "stop:\n  de: [der, stand]\n  en: [the, stand]\n",
		},
		{
			name:      "a stop word twice in one language",
			stopwords: "stop:\n  de: [der, stand]\n  en: [the]\n",
			concepts:  "founding: [gegründ*]\nstop: [stand]\n",
			want:      []string{`data/stopwords.yaml:2: "stand" is listed twice in stop (first at data/concepts.yaml:2)`},
		},
		{
			name:      "a stop word of one language with a meaning in all",
			stopwords: "stop:\n  en: [the, welche]\n",
			concepts:  "list: [welche]\n",
			want:      []string{`data/stopwords.yaml:2: "welche" is in stop and in list (data/concepts.yaml:1), which contradict each other`},
		},
		{
			name:      "an unknown language of a concept",
			stopwords: "stop:\n  fr: [le]\n",
			want:      []string{`data/stopwords.yaml:2: unknown language "fr": want de, en or zh`},
		},
		{
			name:     "two meanings of one word are fine",
			concepts: "coordinator: [took over]\nnew: [took over]\n",
		},
		{
			name:     "an unknown concept and an empty word",
			concepts: "foundation: [gegründet]\nwhen: [wann, '']\n",
			want:     []string{`data/concepts.yaml:1: unknown concept "foundation"`, `data/concepts.yaml:2: empty word`},
		},
		{
			name:  "a repeated meaning",
			gloss: glossary + "- {de: [Maske], en: [mask], zh: [口罩]}\n- {de: [Masken], en: [masks], zh: [口罩]}\n",
			want:  []string{`data/glossary.yaml:3: repeats the meaning at line 1`},
		},
		{
			name:      "the country names are read as the glossary",
			countries: "- {de: [Polen], en: [Poland], zh: [波兰]}\n- {de: [Polen], en: [Poland], zh: [波兰]}\n",
			want:      []string{`data/countries.yaml:2: repeats the meaning at line 1`},
		},
		{
			name:      "a meaning repeated in another file",
			countries: "- {de: [Masken], en: [masks], zh: [口罩]}\n",
			want:      []string{`data/countries.yaml:1: repeats the meaning at data/glossary.yaml:1`},
		},
		{
			name:  "a word twice in one meaning, an unknown language",
			gloss: "- {de: [Maske, Maske], fr: [masque]}\n",
			want:  []string{`data/glossary.yaml:1: "Maske" is listed twice in one meaning`, `data/glossary.yaml:1: unknown language "fr"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"data/concepts.yaml":  {Data: []byte(tt.concepts + "\n")},
				"data/stopwords.yaml": {Data: []byte(cmp.Or(tt.stopwords, stop))},
				"data/glossary.yaml":  {Data: []byte(cmp.Or(tt.gloss, glossary))},
				"data/countries.yaml": {Data: []byte(cmp.Or(tt.countries, countries))},
			}
			if tt.concepts == "" {
				fsys["data/concepts.yaml"] = &fstest.MapFile{Data: []byte("founding: [gegründ*]\n")}
			}
			_, err := loadLexicon(fsys)
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("loadLexicon: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("loadLexicon loaded; want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
		})
	}
}

// TestLexiconCache checks that the cache of the parsed lexicon is that of
// the embedded word lists, and that it reads as they parse; -update
// writes it after an edit of the lists.
func TestLexiconCache(t *testing.T) {
	lex, err := loadLexicon(lexiconFiles)
	if err != nil {
		t.Fatal(err)
	}
	want, err := encodeLexicon(lex, lexiconHash(lexiconFiles))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("data/lexicon.gob", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	cached, ok := decodeLexicon(lexiconCache, lexiconHash(lexiconFiles))
	if !ok {
		t.Fatal("data/lexicon.gob is not the cache of the word lists: run go test ./search -run TestLexiconCache -update")
	}
	if !reflect.DeepEqual(cached, lex) {
		t.Error("data/lexicon.gob reads otherwise than the word lists parse")
	}
	if _, ok := decodeLexicon(lexiconCache, lexiconHash(lexiconFiles)+1); ok {
		t.Error("the cache was taken for other word lists")
	}
}

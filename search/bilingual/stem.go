package bilingual

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"

	"github.com/isa-alliance/isabot/corpus"
)

// The stemmers of bleve's German and English analyzers, which the search
// index uses too: German is normalised (ä to a, ß to ss) and lightly
// stemmed, English Porter-stemmed. cmd/gendict uses the same ones.
var (
	germanNormalize = de.NewGermanNormalizeFilter()
	germanStemmer   = de.NewGermanLightStemmerFilter()
	englishStemmer  = porter.NewPorterStemmer()
)

// stemmers stem one lower-case word of a language; Chinese has none.
var stemmers = map[corpus.Lang]func(string) string{
	corpus.German: func(w string) string {
		ts := analysis.TokenStream{&analysis.Token{Term: []byte(w)}}
		return string(germanStemmer.Filter(germanNormalize.Filter(ts))[0].Term)
	},
	corpus.English: func(w string) string {
		ts := analysis.TokenStream{&analysis.Token{Term: []byte(w)}}
		return string(englishStemmer.Filter(ts)[0].Term)
	},
}

// stemPhrase stems each word of a phrase.
func stemPhrase(p string, stem func(string) string) string {
	words := strings.Fields(p)
	for i, w := range words {
		words[i] = stem(w)
	}
	return strings.Join(words, " ")
}

package pages

import (
	_ "embed"
	"fmt"
	"html/template"
	"net/url"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/isa-alliance/isabot/corpus"
)

// texts are the pages' words by language and key.
type texts map[corpus.Lang]map[string]string

//go:embed data/texts.yaml
var textsFile []byte

// loadTexts reads data/texts.yaml, where each key has its words in every
// language; a key that lacks one is an error, with its line.
func loadTexts() (texts, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(textsFile, &doc); err != nil {
		return nil, fmt.Errorf("pages: texts.yaml: %w", err)
	}
	var raw map[string]map[corpus.Lang]string
	if err := doc.Decode(&raw); err != nil {
		return nil, fmt.Errorf("pages: texts.yaml: %w", err)
	}
	out := texts{}
	for _, l := range langs {
		out[l] = map[string]string{}
	}
	root := doc.Content[0]
	for i := 0; i < len(root.Content); i += 2 {
		key := root.Content[i]
		for _, l := range langs {
			w, ok := raw[key.Value][l]
			if !ok || w == "" {
				return nil, fmt.Errorf("pages: texts.yaml:%d: %s has no %s", key.Line, key.Value, l)
			}
			out[l][key.Value] = w
		}
	}
	return out, nil
}

// funcs are the templates' helpers.
var funcs = template.FuncMap{
	"date":       func(t time.Time, lang corpus.Lang) string { return corpus.DateOf(t).Format(lang) },
	"cdate":      func(d corpus.Date, lang corpus.Lang) string { return d.Format(lang) },
	"iso":        func(t time.Time) string { return t.Format(time.DateOnly) },
	"in":         func(t corpus.Text, lang corpus.Lang) string { return t.In(lang) },
	"printf":     fmt.Sprintf,
	"releaseURL": releaseURL,
	"entries":    func(lang corpus.Lang, e []Entry) entriesView { return entriesView{lang, e} },
}

// releaseURL is the path of a release's page in lang.
func releaseURL(id string, lang corpus.Lang) string {
	return "/releases/" + url.PathEscape(id) + "?lang=" + string(lang)
}

// entriesView is a list of releases for the entries template.
type entriesView struct {
	Lang    corpus.Lang
	Entries []Entry
}

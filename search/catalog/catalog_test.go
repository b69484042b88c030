package catalog

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/isa-alliance/isabot/corpus"
)

func TestEmbedded(t *testing.T) {
	c, err := Load(files)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Keys()) < 100 {
		t.Errorf("only %d sentences", len(c.Keys()))
	}
	tests := []struct {
		lang      corpus.Lang
		key, want string
		args      []any
	}{
		{corpus.German, "assemblies.none_for_year", "Für 2019 nennen die Quellen keine Plenarversammlung.", []any{2019}},
		{corpus.English, "assemblies.none_for_year", "The sources name no plenary assembly for 2019.", []any{2019}},
		{corpus.Chinese, "common.as_of", "截至2021年2月11日", []any{"2021年2月11日"}},
		{"fr", "common.yes", "Ja.", nil},
		{corpus.English, "no.such.key", "no.such.key", nil},
	}
	for _, tt := range tests {
		if got := c.Sprintf(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("Sprintf(%s, %s) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	good := map[string]string{"de.yaml": "a: \"Ja\"\nb: \"%s und %d\"\n", "en.yaml": "a: \"Yes\"\nb: \"%s and %d\"\n", "zh.yaml": "a: \"是\"\nb: \"%s和%d\"\n"}
	tests := []struct {
		name    string
		replace map[string]string
		want    []string
	}{
		{"good", nil, nil},
		{"a key missing in one language", map[string]string{"zh.yaml": "a: \"是\"\n"}, []string{`de.yaml:2: "b" is not in zh.yaml`}},
		{"other placeholders", map[string]string{"en.yaml": "a: \"Yes\"\nb: \"%s\"\n"}, []string{`de.yaml:2: "b" takes 2 values, in en.yaml 1`}},
		{"indexed placeholders count as many", map[string]string{"zh.yaml": "a: \"是\"\nb: \"%[2]d和%[1]s\"\n"}, nil},
		{"a list for a sentence", map[string]string{"de.yaml": "a: [Ja]\nb: \"%s und %d\"\n"}, []string{`de.yaml:1: "a": want a sentence`}},
		{"a key twice", map[string]string{"de.yaml": "a: \"Ja\"\na: \"Ja\"\nb: \"%s und %d\"\n"}, []string{`de.yaml:2: "a" is listed twice (first at line 1)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, text := range good {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			for name, text := range tt.replace {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			_, err := Load(fsys)
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil {
				t.Fatalf("loaded; want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q: %v", w, err)
				}
			}
		})
	}
}

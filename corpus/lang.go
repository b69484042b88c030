package corpus

import "fmt"

// Lang is a language isabot reads and answers in.
type Lang string

// The languages of the alliance and of its journalists.
const (
	German  Lang = "de"
	English Lang = "en"
	Chinese Lang = "zh"
)

// Langs lists the supported languages, German first: the alliance's
// releases are German, so German is the fallback everywhere.
func Langs() []Lang { return []Lang{German, English, Chinese} }

// ParseLang accepts a language code such as "de", "EN" or "zh-CN".
func ParseLang(s string) (Lang, error) {
	if len(s) >= 2 {
		switch l := Lang(toLowerASCII(s[:2])); l {
		case German, English, Chinese:
			if len(s) == 2 || s[2] == '-' || s[2] == '_' {
				return l, nil
			}
		}
	}
	return "", fmt.Errorf("unknown language %q: want de, en or zh", s)
}

// Text is a short string in each language, such as a role or a place name.
type Text map[Lang]string

// In returns the text in lang, falling back to German, then English.
func (t Text) In(lang Lang) string {
	for _, l := range []Lang{lang, German, English, Chinese} {
		if s := t[l]; s != "" {
			return s
		}
	}
	return ""
}

func toLowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

package bots

import (
	"reflect"
	"strings"
	"testing"

	"github.com/isa-alliance/isabot/corpus"
)

// TestTextsFor checks that the message catalogue holds every text of the
// bots in every language.
func TestTextsFor(t *testing.T) {
	for _, lang := range corpus.Langs() {
		v := reflect.ValueOf(TextsFor(lang))
		for i := range v.NumField() {
			values := []string{}
			switch f := v.Field(i); f.Kind() {
			case reflect.String:
				values = append(values, f.String())
			case reflect.Slice:
				for j := range f.Len() {
					values = append(values, f.Index(j).String())
				}
			}
			for _, s := range values {
				if s == "" || strings.HasPrefix(s, "bots.") {
					t.Errorf("%s: %s is %q: not in the message catalogue", lang, v.Type().Field(i).Name, s)
				}
			}
		}
	}
}

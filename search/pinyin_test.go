package search

import (
	"slices"
	"testing"
)

func TestReadsAs(t *testing.T) {
	// A Chinese name in pinyin, without tones or spaces, is found in the
	// characters that read so, two or more of them.
	tests := []struct {
		text, romanised string
		want            bool
	}{
		{"河洛精密轴承成立于1998年", "heluo", true},
		{"陈思远上任后", "chensiyuan", true},
		{"河洛精密轴承", "luoyang", false},
		{"项目总投资6800万元人民币", "yuan", false}, // one character is no name
		{"", "heluo", false},
	}
	for _, tt := range tests {
		if got := readsAs(tt.text, tt.romanised); got != tt.want {
			t.Errorf("readsAs(%q, %q) = %v, want %v", tt.text, tt.romanised, got, tt.want)
		}
	}
	for word, want := range map[string]bool{"Heluo": true, "Bus": false, "Köln": false, "R&D": false, "Jianjun": true} {
		if got := isRomanisable(word); got != want {
			t.Errorf("isRomanisable(%q) = %v, want %v", word, got, want)
		}
	}
}

func TestRomanisedNameFindsChineseRelease(t *testing.T) {
	// "Heluo", a name no dictionary knows, is the 河洛 of a Chinese
	// release: a German question about it is answered from there.
	e := engineWith(t, "testdata/blind7")
	q := e.read(cleanQuestion("Wann soll das neue Entwicklungszentrum von Heluo in Chemnitz in Betrieb gehen?"), "de")
	topic := e.topicWords(q)
	i := slices.IndexFunc(topic, func(w topicWord) bool { return w.text == "Heluo" })
	if i < 0 || topic[i].romanised != "heluo" {
		t.Fatalf("topic %+v: want Heluo, romanised", topic)
	}
	if !topic[i].foundIn(e.termSet("zh", "河洛精密轴承成立于1998年。")) {
		t.Error("Heluo not found in 河洛")
	}
}

package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/isa-alliance/isabot/corpus"
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

func TestPlaceFoundByHowItReads(t *testing.T) {
	// A German city's Chinese name is written in characters for their
	// sound, in more than one way: 艾森纳赫 is 埃森纳赫, Eisenach. Two
	// characters that read as a name are no other way of writing it
	// (艾森 is no 埃森, Essen), nor is a Chinese city's name.
	table := gazetteerTable([]corpus.Place{
		{Country: corpus.Germany, Name: "Eisenach", Names: corpus.Text{corpus.Chinese: "埃森纳赫"}},
		{Country: corpus.Germany, Name: "Essen", Names: corpus.Text{corpus.Chinese: "埃森"}},
		{Country: corpus.China, Name: "Huaihua", Names: corpus.Text{corpus.Chinese: "怀化市"}},
	})
	for text, want := range map[string]string{
		"艾森纳赫是哪天加入的？": "Eisenach",
		"艾森是成员吗？":     "",
		"淮化市是成员吗？":    "",
	} {
		var got string
		if found := table.bySound(text, nil, nil); len(found) > 0 {
			got = found[0].nonMember.Name
		}
		if got != want {
			t.Errorf("%s: found %q, want %q", text, got, want)
		}
	}
	// A release's text is not read by sound: 没因此 reads as 美因茨.
	mainz := gazetteerTable([]corpus.Place{{Country: corpus.Germany, Name: "Mainz", Names: corpus.Text{corpus.Chinese: "美因茨"}}})
	if found := mainz.lookup("他们并没因此放弃合作。", segment("他们并没因此放弃合作。"), nil); len(found) > 0 {
		t.Errorf("found %v in a sentence that names no place", found)
	}
}

func TestLearnedMemberNamedInOtherCharacters(t *testing.T) {
	// Eisenach joined in a German release; a Chinese question that
	// writes it 艾森纳赫, as the gazetteer does not, asks about that
	// member.
	e := engineWith(t, "testdata/blind9")
	a, err := e.Answer(t.Context(), "艾森纳赫是联盟成员吗？", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "是的") {
		t.Errorf("rule %s: %s", a.Rule, a.Text)
	}
}

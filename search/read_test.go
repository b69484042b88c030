package search

import (
	"slices"
	"testing"

	"github.com/isa-alliance/isabot/corpus"
)

func TestQuestionNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []int
	}{
		{"第十一届全体大会在哪里开的？", []int{11}},
		{"第九届全体大会", []int{9}},
		{"第二十三个成员", []int{23}},
		{"第10届全体大会", []int{10}},
		{"Who was the 41st member?", []int{41}},
		{"die elfte Plenarversammlung", []int{11}},
	}
	e := testEngine(t)
	for _, tt := range tests {
		q := e.read(tt.text, "")
		if !slices.Equal(q.numbers, tt.want) {
			t.Errorf("%s: numbers %v, want %v", tt.text, q.numbers, tt.want)
		}
	}
}

func TestCompoundParts(t *testing.T) {
	tests := []struct {
		word string
		want []string
		en   []string // translated part by part
	}{
		{"Wasserstoffarbeitsgruppe", []string{"wasserstoff", "arbeit", "grupp"}, []string{"hydrogen", "work", "group"}},
		{"Kooperationschancen", []string{"kooperation", "chanc"}, nil},
		{"Stadt", nil, nil},
	}
	e := testEngine(t)
	for _, tt := range tests {
		if got := compoundParts(e.index.analyze(corpus.German, tt.word)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: parts %v, want %v", tt.word, got, tt.want)
		}
		if tt.en == nil {
			continue
		}
		if got := e.translatedParts(tt.word, corpus.English); !slices.Equal(got, tt.en) {
			t.Errorf("%s: English parts %v, want %v", tt.word, got, tt.en)
		}
	}
}

func TestExpectedAnswerType(t *testing.T) {
	tests := []struct {
		text string
		want answerType
	}{
		{"Who said that the fair showed how much the companies have to offer?", aPerson},
		{"Wann und wo wurde der Preis verliehen?", aDate},
		{"Wie viele Besucher hatte der Stand?", aNumber},
		{"Wie viel Geld kommt aus Fördermitteln?", anAmount},
		{"What is the budget of the project?", anAmount},
		{"How old is Clara Weidemann?", anAge},
		{"代表团一共多少人", aNumber},
		{"烟台代表团是什么时候访问德国的？", aDate},
		{"青年营是在哪两个城市举办的？", aPlace},
		{"Who will be the next member?", anyText},
		{"Was ist die ISA?", anyText},
	}
	e := testEngine(t)
	for _, tt := range tests {
		if got := e.read(tt.text, "").expects; got != tt.want {
			t.Errorf("%s: expects %d, want %d", tt.text, got, tt.want)
		}
	}
}

package search

import (
	"slices"
	"testing"
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

package search

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestNamesMeetByTheirSound(t *testing.T) {
	// A Chinese transliteration keeps a German name's consonants: its
	// keys meet one of the Latin name's.
	for _, test := range []struct {
		latin, han string
		meet       bool
	}{
		{"Schweinfurt", "施韦因富特", true},
		{"Eschenbach", "埃申巴赫", true},
		{"Kühnert", "屈纳特", true}, // the r dropped
		{"Falkenhayn", "法尔肯海因", true},
		{"Lohmar", "洛马尔", true},
		{"Hattkopf", "哈特科普夫", true},
		{"Brandhorst", "布兰德霍斯特", true},
		{"Lautenberg", "劳滕贝格", true},
		{"Hinrichsen", "欣里希森", true},
		{"Chemnitz", "开姆尼茨", true},
		{"Johann", "约翰", true},
		{"Dortmund", "多特蒙德", true}, // each syllable its consonant
		{"Hanna", "汉娜", true},      // one n
		{"Hölzel", "红烧肉", true},    // the same consonants: writtenForSound tells
		{"Essenbach", "施韦因富特", false},
		{"Eschenbach", "屈纳特", false},
		{"Schweinfurt", "法尔肯海因", false},
	} {
		han := hanSounds(test.han)
		meet := slices.ContainsFunc(latinSounds(test.latin), func(key string) bool { return slices.Contains(han, key) })
		if meet != test.meet {
			t.Errorf("%s and %s: meet %v, want %v (%v, %v)", test.latin, test.han, meet, test.meet, latinSounds(test.latin), han)
		}
	}
}

func TestRunsWrittenForTheirSound(t *testing.T) {
	// A name written for its sound is in the characters of foreign names,
	// not two words, nor a Chinese name.
	e := engineWith(t, "")
	for run, want := range map[string]bool{
		"施韦因富特": true, "埃申巴赫": true, "屈纳特": true, "哈特科普夫": true,
		"红烧肉": false, "末班车": false, "参展商": false, "住宿费用": false, "谭嘉欣": false,
	} {
		if got := e.writtenForSound(run); got != want {
			t.Errorf("writtenForSound(%s) = %v, want %v", run, got, want)
		}
	}
	for name, want := range map[string]bool{"Luo Zhijian": true, "Zhou Hanlin": true, "Malte Eschenbach": false, "Kühnert": false} {
		if got := romanisedChinese(name); got != want {
			t.Errorf("romanisedChinese(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestNamesWrittenForTheirSound(t *testing.T) {
	// A Chinese question writes the names of releases for their sound:
	// 法尔肯海因 is Annegret Falkenhayn, 施韦因富特 Schweinfurt, which the
	// gazetteer gives no Chinese name. Two words (住宿费用) are no name, nor
	// is a Chinese person's.
	e := engineWithReleases(t, map[string]string{
		"2038-08-18-sprecher.md": `---
title: "Test release: a new press spokesman for the ISA in Germany"
date: 2038-08-18
lang: en
place: Berlin
---

"He knows the newsrooms of both countries," said Dr. Annegret Falkenhayn, head of the ISA Office Germany. Falkenhayn herself worked for six years as a correspondent in Shanghai.
`,
		"2038-07-09-schweinfurt.md": `---
title: "Testmeldung: Schweinfurt tritt der ISA bei"
date: 2038-07-09
lang: de
place: Schweinfurt
---

Schweinfurt ist seit dem 1. August 2038 Mitglied der Chinesisch-Deutschen Industriestädteallianz (ISA). „Wir freuen uns“, sagte Oberbürgermeisterin Carola Wendisch. Wendisch arbeitete sechs Jahre als Korrespondentin in Peking.
`})
	for _, test := range []struct{ question, want string }{
		{"法尔肯海因以前在哪里做过驻外记者？", "Shanghai"},
		{"施韦因富特是哪天加入联盟的？", "2038年8月1日"},
	} {
		a, err := e.Answer(context.Background(), test.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(a.Text, test.want) || strings.Contains(a.Text, "Peking") {
			t.Errorf("%s: (%s) %s", test.question, a.Rule, a.Text)
		}
	}
	for _, question := range []string{"学员需要自己承担住宿费用吗？", "谭嘉欣的邮箱是什么？"} {
		q := e.read(question, "zh")
		if len(q.people) > 0 || len(q.cities) > 0 {
			t.Errorf("%s: read as %v, %v", question, q.people, q.cities)
		}
	}
}

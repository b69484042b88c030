package bilingual

import (
	"strings"
	"unicode/utf8"
)

// verbEndings are the endings of German verb forms, longest first, but
// for the rare endings of the second person's past ("-tet", "-test"),
// which come after "-et" and "-est": "kostet" is kosten, not kosen, and
// "arbeitet" arbeiten.
var verbEndings = []string{"ten", "est", "test", "te", "et", "tet", "st", "t", "e"}

// verb finds a German verb form by its infinitive, which is what the
// dictionary lists: "startet" is starten, "sagt" sagen, "behandelt"
// behandeln, "unterzeichneten" unterzeichnen, "gemacht" machen. The
// stemmer leaves such endings alone.
func (t *table) verb(word string) []hit {
	if strings.Contains(word, " ") {
		return nil
	}
	var bases []string
	for _, end := range verbEndings {
		base, ok := strings.CutSuffix(word, end)
		if !ok || utf8.RuneCountInString(base) < 2 {
			continue
		}
		bases = append(bases, base)
		if rest, ok := strings.CutPrefix(base, "ge"); ok && utf8.RuneCountInString(rest) >= 2 {
			bases = append(bases, rest) // a participle
		}
	}
	for _, base := range bases {
		for _, inf := range []string{base + "en", base + "n"} {
			if i, ok := t.find(inf); ok {
				return t.translations(i)
			}
		}
	}
	return nil
}

// linking are the joints between the parts of a German compound
// (Mitglied-s-stadt, Frau-en-anteil), longest first.
var linking = []string{"es", "en", "er", "s", "n", "e"}

// minPart is the shortest part of a compound, in letters.
const minPart = 3

// compound translates a German compound the dictionary lacks from its
// parts: the longest known last part (the head: what it is) and the first
// part before it, each translated on its own, joined as the target
// language joins words. "Wasserstoffwirtschaft" is "hydrogen economy",
// "Mitgliedsstädten" "member city", "Jugendaustausch" 青年交流. A
// hyphen splits too ("ISA-Generalsekretär"). The first part's best
// translation goes with the head's best three; a pair weighs the product
// of their weights.
func (t *table) compound(word string) []hit {
	return t.compoundOf(word, true)
}

// compoundOf translates a compound from its parts; nested lets its first
// part be a compound itself, once: "Berufsbildungsprogramm" is
// Berufsbildung and Programm, Berufsbildung Beruf and Bildung, and no
// deeper, as each level tries every split of the word.
func (t *table) compoundOf(word string, nested bool) []hit {
	if strings.Contains(word, " ") {
		return nil
	}
	if first, last, ok := cutLast(word, "-"); ok {
		head := t.lookup(last)
		if tr := t.join(t.part(first, nested), head); tr != nil {
			return tr
		}
		return head // a name before the hyphen: "ISA-Sekretariat"
	}
	r := []rune(word)
	for i := minPart; i <= len(r)-minPart; i++ {
		head := t.lookup(string(r[i:]))
		if head == nil {
			continue
		}
		if first := t.part(string(r[:i]), nested); first != nil {
			return t.join(first, head)
		}
	}
	return nil
}

// part translates the first part of a compound, less a joint if need be,
// and when nested is set, as a compound of its own.
func (t *table) part(first string, nested bool) []hit {
	if utf8.RuneCountInString(first) < minPart {
		return nil
	}
	if i, ok := t.find(first); ok {
		return t.translations(i)
	}
	for _, joint := range linking {
		if base, ok := strings.CutSuffix(first, joint); ok && utf8.RuneCountInString(base) >= minPart {
			if i, ok := t.find(base); ok {
				return t.translations(i)
			}
		}
	}
	if tr := t.lookup(first); tr != nil || !nested {
		return tr
	}
	// A first part that is a compound itself: "Berufsbildungs-" of
	// "Berufsbildungsprogramm", with or without its joint.
	if tr := t.compoundOf(first, false); tr != nil {
		return tr
	}
	for _, joint := range linking {
		if base, ok := strings.CutSuffix(first, joint); ok && utf8.RuneCountInString(base) >= 2*minPart {
			if tr := t.compoundOf(base, false); tr != nil {
				return tr
			}
		}
	}
	return nil
}

// cutLast cuts s around the last sep, if both sides are long enough.
func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return "", "", false
	}
	before, after = s[:i], s[i+len(sep):]
	return before, after, utf8.RuneCountInString(before) >= 2 && utf8.RuneCountInString(after) >= minPart
}

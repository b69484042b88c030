package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
)

// Words that say a question is German or English. Short function words
// decide most questions; umlauts and ß decide the rest.
const (
	germanMarkers = " der die das den dem des ein eine einen ist sind war wird wurde wurden hat haben gibt es und oder " +
		"von vom zum zur für mit bei aus auf im wann wer wie was wo welche welcher welches warum wieviele viele ich sie " +
		"mir uns kann können nicht kein keine auch noch bitte mitglied mitglieder städte stadt gegründet gründung " +
		"ansprechpartner kontakt telefonnummer adresse anschrift wurde pressemitteilung neueste deutsche chinesische " +
		"bundesland bundesländer seit sagte über morgen heute gestern wetter jahr "
	englishMarkers = " the a is are were has have does do did and or of from to at by with for when who how " +
		"what which where why many much can could not no please member members cities city founded founding contact " +
		"phone address website latest news release press german chinese state states province provinces joined " +
		"say said about tell me number pls please thanks secretariat secretary coordinator alliance munich cologne " +
		"nuremberg hanover bavaria hesse saxony westphalia guest it will would there this that they their our your " +
		"tomorrow today yesterday weather rain membership joining "
)

var (
	germanMarkerSet  = wordSet(germanMarkers)
	englishMarkerSet = wordSet(englishMarkers)
)

func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// chineseGrammar are particles and function words of Chinese sentences.
const chineseGrammar = "的是吗呢吧了么哪有在和与个"

// DetectLang guesses the language of a question. It reports false when
// the text gives no clear sign, so a caller can fall back to the chat's
// language; the guess is then German.
func DetectLang(text string) (corpus.Lang, bool) {
	han, latin := 0, 0
	for _, r := range text {
		switch {
		case isHan(r):
			han++
		case unicode.IsLetter(r) && r < 0x250:
			latin++
		}
	}
	// Chinese grammar says Chinese ("ISA的email"); a Chinese name in a
	// sentence of another language does not ("Is 纽伦堡 a member?").
	if han > 0 && strings.ContainsAny(text, chineseGrammar) {
		return corpus.Chinese, true
	}
	// Umlauts say German, but less surely than words, and only in a word
	// that does not start with a capital: a name such as Köln is written
	// so in any language ("Who signs Lübeck's certificate?").
	de, en, umlauts := 0, 0, 0
	for _, word := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		w := strings.ToLower(word)
		if first, _ := utf8.DecodeRuneInString(word); strings.ContainsAny(w, "äöüß") && !unicode.IsUpper(first) {
			umlauts++
		}
		if germanMarkerSet[w] {
			de++
		}
		if englishMarkerSet[w] {
			en++
		}
	}
	switch {
	case han > 0 && han*3 >= latin && de+en == 0:
		return corpus.Chinese, true
	case en > de+umlauts:
		return corpus.English, true
	case de > 0 && de+umlauts > en:
		return corpus.German, true
	case umlauts > en:
		return corpus.German, false
	case han > 0:
		return corpus.Chinese, false
	}
	// No telling word: spelling may still tell ("ISA foundet", "stock
	// price"), though less surely.
	switch de, en = spellingCues(text); {
	case en > de:
		return corpus.English, false
	case de == 0 && strings.IndexFunc(text, isCJKPunct) >= 0:
		return corpus.Chinese, false // "ISA？"
	}
	return corpus.German, false
}

// isCJKPunct reports whether r is Chinese punctuation or a full-width
// form, such as "？" or "。".
func isCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xff65
}

// Letter groups far more common in one of the two languages.
var (
	germanSpellings = []string{"sch", "ei", "ie", "ung", "tz", "pf", "cht", "lich", "keit", "heit", "ä", "ö", "ü", "ß"}
	// "ing" ends an English word, and is inside German ones
	// ("voranbringen", "Ingenieur").
	englishSpellings = []string{"th", "wh", "ou", "ea", "ee", "oo", "ing ", "ings ", "tion", "ph", "ce ", "ly ", "y "}
)

// spellingCues counts the letter groups of each language in text, whose
// words are each followed by a space.
func spellingCues(text string) (de, en int) {
	s := strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }), " ") + " "
	for _, c := range germanSpellings {
		de += strings.Count(s, c)
	}
	for _, c := range englishSpellings {
		en += strings.Count(s, c)
	}
	return de, en
}

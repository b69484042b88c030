package bots

import (
	"cmp"
	"fmt"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

// correctionRunes bounds what a correction's note shows: a line or two,
// well within any platform's message.
const correctionRunes = 500

// CorrectedLine is the line under a corrected announcement: "Corrected
// on 2 March 2026: the figure is 12.", the note from the release's
// correction: line, else that the text changed.
func CorrectedLine(note string, at time.Time, lang corpus.Lang) string {
	t := TextsFor(lang)
	return fmt.Sprintf(t.Corrected, corpus.DateOf(at).Format(lang), Clip(cmp.Or(note, t.CorrectedDefault), correctionRunes))
}

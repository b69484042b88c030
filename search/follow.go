package search

import (
	"slices"
	"strings"

	"github.com/isa-alliance/isabot/corpus"
)

// What a chat may follow instead of every release: cities and topics.
// A city is kept under its canonical name, so that "Cologne", "Koeln" and
// "科隆" are one follow and match a release that writes any of them; a
// topic is kept as written and matched in the release's language through
// the glossary and the index's analysis.

// CityNamed returns the canonical name of the city words name, in any of
// its names, aliases or scripts; false when words are no city, or more
// than one.
func (e *Engine) CityNamed(words string) (string, bool) {
	words = strings.TrimSpace(words)
	found := e.learner.places.find(words)
	if len(found) != 1 || found[0].start != 0 || found[0].end != len(words) {
		return "", false
	}
	return found[0].place.name, true
}

// CitiesNamed returns the canonical names of the cities a release names in
// its dateline, title or text, and of the groupings (one member made of
// several cities) whose parts it names.
func (e *Engine) CitiesNamed(r *corpus.Release) []string {
	text := strings.Join(slices.Concat([]string{r.Place, r.Title}, r.Body), "\n")
	var names []string
	for _, p := range e.learner.places.find(text) {
		names = append(names, p.place.name)
	}
	e.mu.RLock()
	cities := e.data.Cities
	e.mu.RUnlock()
	for _, c := range cities {
		if partNamed(c, names, e.CityNamed) {
			names = append(names, c.Name)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// partNamed reports whether names hold one of the parts of grouping c.
func partNamed(c corpus.City, names []string, canonical func(string) (string, bool)) bool {
	for _, part := range c.Parts {
		for _, n := range textValues(part) {
			if name, ok := canonical(n); ok && slices.Contains(names, name) {
				return true
			}
		}
	}
	return false
}

// About reports whether a release is about topic: whether its title or
// text holds the terms of the topic, or of one of its translations (the
// glossary's, and for one word the dictionaries'), in the release's
// language. A German compound counts for
// its parts, as the index has them: "Wasserstoff" is in
// "Wasserstoffgipfel".
func (e *Engine) About(r *corpus.Release, topic string) bool {
	topic = cleanQuestion(topic)
	if topic == "" {
		return false
	}
	have := map[string]bool{}
	for _, t := range e.index.analyze(r.Lang, strings.Join(append([]string{r.Title}, r.Body...), "\n")) {
		have[t.text] = true
	}
	variants := append([]string{topic}, e.translator.translations(topic, r.Lang)...)
	if !strings.Contains(topic, " ") {
		// A word the glossary lacks, in the dictionaries' translations.
		from, _ := DetectLang(topic)
		variants = append(variants, e.translate(topic, from, r.Lang)...)
	}
	for _, v := range variants {
		terms := e.index.analyze(r.Lang, v)
		if len(terms) > 0 && !slices.ContainsFunc(terms, func(t term) bool { return !t.part && !have[t.text] }) {
			return true
		}
	}
	return false
}

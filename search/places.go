package search

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/bilingual"
)

// placeFinder finds the cities and regions a text names, in any of their
// names: the cities of the data files (members or not), then those of the
// gazetteer, and the Länder and provinces.
type placeFinder struct {
	own *placeTable
	// gazetteer returns the gazetteer's table, which is built the first
	// time it is needed.
	gazetteer func() *placeTable
	regions   []*corpus.Region
	// dictionary tells a word from a place of the gazetteer with its
	// name (合作, "cooperation", is also Hezuo county).
	dictionary func() *bilingual.Dict
}

// place is a city that can be named.
type place struct {
	name    string // canonical: the local name
	names   corpus.Text
	aliases []string
	country string
	region  string       // key of a region of the data, if known
	city    *corpus.City // the city of the data files, if it is one
	// nonMember is the city as the answers know a gazetteer's place that
	// the data do not hold: no member.
	nonMember *corpus.City
}

// foundPlace is a place named in a text, as written there.
type foundPlace struct {
	*place
	name       string
	start, end int // bytes of the text
}

func newPlaceFinder(cities []corpus.City, regions []corpus.Region, gazetteer func() *placeTable, dictionary func() *bilingual.Dict) *placeFinder {
	f := &placeFinder{own: newPlaceTable(), gazetteer: gazetteer, dictionary: dictionary}
	for i := range regions {
		f.regions = append(f.regions, &regions[i])
	}
	for i := range cities {
		c := &cities[i]
		f.own.add(&place{name: c.Name, names: c.Names, aliases: c.Aliases, country: c.Country, region: c.Region, city: c})
	}
	return f
}

// placeTable finds places by their names: Latin names by their folded
// words, joined by spaces; Chinese names as written.
type placeTable struct {
	latin map[string]*place
	han   map[string]*place
	// sounds finds a German place by how its Chinese name reads, for the
	// other ways of writing it: 艾森纳赫 is Eisenach (埃森纳赫) too. It
	// is made the first time a question needs it (bySound).
	sounds map[string]*place
	// latinSounds finds a German place by the consonants of its Latin
	// name (soundNames), made with sounds.
	latinSounds soundNames[*place]
	maxSound    int
	soundsOnce  sync.Once
	// foreign are the characters of foreign names (foreignCharacters).
	foreign     map[rune]bool
	foreignOnce sync.Once
	maxWords    int
	// maxHan is the most characters of a Chinese name: 英戈尔施塔特 has six.
	maxHan int
}

func newPlaceTable() *placeTable {
	return &placeTable{latin: map[string]*place{}, han: map[string]*place{}}
}

// gazetteerTable makes a table of the gazetteer's places.
func gazetteerTable(places []corpus.Place) *placeTable {
	t := &placeTable{latin: make(map[string]*place, 2*len(places)), han: make(map[string]*place, len(places))}
	// A name two places share is the city's before the district's or
	// county's: "Changzhou" is 常州, not the district 长洲 of Wuzhou.
	places = slices.Clone(places)
	slices.SortStableFunc(places, func(a, b corpus.Place) int { return cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)) })
	population := make(map[string]int, len(places))
	for _, g := range places {
		population[g.Name] = max(population[g.Name], g.Population)
	}
	for _, g := range places {
		name := g.Name
		if g.Country == corpus.China {
			name = cmp.Or(g.Names[corpus.Chinese], g.Name)
		}
		p := &place{name: name, names: g.Names, aliases: placeNames(g), country: g.Country, region: g.Region}
		// "Halle" is Halle (Saale) as often as Halle in Westphalia: a
		// city's name without its river or region is its own where the
		// place that bears that name is smaller.
		if short, _, ok := strings.Cut(g.Name, " ("); ok && population[short] > 0 && g.Population > population[short] {
			p.aliases = append(p.aliases, short)
			key, _ := nameKey(short)
			t.latin[key] = p
		}
		p.nonMember = &corpus.City{Name: cmp.Or(g.Names[corpus.English], g.Name), Names: g.Names, Aliases: p.aliases,
			Country: g.Country, Region: g.Region, Status: corpus.StatusNone}
		if g.Country == corpus.Germany {
			p.nonMember.Name = g.Name
		}
		t.add(p)
	}
	return t
}

// kindRank orders the kinds of place by which keeps a shared name: a
// city first, a kind it does not know last.
func kindRank(kind string) int {
	switch kind {
	case corpus.KindCity:
		return 0
	case corpus.KindPrefecture:
		return 1
	case corpus.KindCounty:
		return 2
	case corpus.KindDistrict:
		return 3
	}
	return 4
}

// placeNames are all the names of a place of the gazetteer.
func placeNames(p corpus.Place) []string {
	names := slices.Concat([]string{p.Name}, textValues(p.Names))
	if p.ASCII != "" {
		names = append(names, p.ASCII)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// add makes p findable by all its names; a name already taken keeps its
// first place.
func (t *placeTable) add(p *place) {
	for _, n := range slices.Concat([]string{p.name}, textValues(p.names), p.aliases) {
		if strings.IndexFunc(n, isHan) >= 0 {
			if _, ok := t.han[n]; !ok {
				t.han[n] = p
			}
			t.maxHan = max(t.maxHan, utf8.RuneCountInString(n))
			continue
		}
		key, words := nameKey(n)
		if words == 0 {
			continue
		}
		if _, ok := t.latin[key]; !ok {
			t.latin[key] = p
		}
		t.maxWords = max(t.maxWords, words)
	}
}

// nameKey folds a Latin name's words and joins them by spaces, as find
// joins a text's: "Rhein-Kreis Neuss" is "rhein kreis neuss".
func nameKey(name string) (key string, words int) {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' }) {
		if f := fold(w); f != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(f)
			words++
		}
	}
	return b.String(), words
}

// find returns the places text names, in order, longest names first; the
// data's cities before the gazetteer's.
func (f *placeFinder) find(text string) []foundPlace {
	units := segment(text)
	out := f.own.lookup(text, units, nil)
	if f.gazetteer != nil {
		// A gazetteer's place in lower case in a text is a word ("kamen"
		// is no Kamen), as is one the dictionary translates as another;
		// one named as a region is the region ("Hebei province", not
		// Hebei district of Tianjin).
		out = append(out, slices.DeleteFunc(f.gazetteer().lookup(text, units, out), func(p foundPlace) bool {
			r, _ := utf8.DecodeRuneInString(p.name)
			return unicode.IsLower(r) || f.commonWord(p) || f.isRegion(p.name) || f.cutsWord(text, p)
		})...)
	}
	slices.SortStableFunc(out, func(a, b foundPlace) int { return a.start - b.start })
	return joinedNames(text, out)
}

// joinedNames makes two places of the gazetteer that a hyphen joins one
// city of both names, as German towns merged into one are named
// ("Dessau-Roßlau", "Villingen-Schwenningen"), in the first one's region.
func joinedNames(text string, found []foundPlace) []foundPlace {
	var out []foundPlace
	for _, p := range found {
		if n := len(out); n > 0 {
			last := out[n-1]
			if last.city == nil && p.city == nil && last.country == corpus.Germany && p.country == corpus.Germany && text[last.end:p.start] == "-" {
				name := text[last.start:p.end]
				city := &corpus.City{Name: name, Country: corpus.Germany, Region: last.region, Status: corpus.StatusNone}
				out[n-1] = foundPlace{place: &place{name: name, names: corpus.Text{}, country: corpus.Germany, region: last.region, nonMember: city},
					name: name, start: last.start, end: p.end}
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// commonWord reports whether a place found in a text is, by the name it
// is written with, rather a word: a gazetteer's Chinese place whose
// name the dictionary translates as something else (合作, "cooperation",
// is also Hezuo county).
func (f *placeFinder) commonWord(p foundPlace) bool {
	if p.city != nil || strings.IndexFunc(p.name, isHan) < 0 || f.dictionary == nil {
		return false
	}
	tr := f.dictionary().Translate(p.name, corpus.Chinese, corpus.English)
	if len(tr) == 0 {
		return false
	}
	english := strings.ToLower(p.names[corpus.English])
	return english == "" || !strings.Contains(strings.ToLower(tr[0].Word), english)
}

// isWord reports whether the dictionary knows a Chinese word.
func (f *placeFinder) isWord(word string) bool {
	return f.dictionary != nil && len(f.dictionary().Translate(word, corpus.Chinese, corpus.English)) > 0
}

// cutsWord reports whether a gazetteer's Chinese place found in a text
// ends inside a word of the dictionary that begins within it: the 德城
// (Decheng) of 中德城市 is 德 and the 城 of 城市.
func (f *placeFinder) cutsWord(text string, p foundPlace) bool {
	if strings.IndexFunc(p.name, isHan) < 0 || f.dictionary == nil {
		return false
	}
	// Not from a place suffix on: 市政府 begins no word in 温州市.
	name := p.name
	for _, suffix := range placeSuffixes {
		if trimmed, ok := strings.CutSuffix(name, suffix); ok && trimmed != "" {
			name = trimmed
		}
	}
	for i, r := range name {
		if i == 0 {
			continue
		}
		start := p.start + i
		for n, end := 2, start+utf8.RuneLen(r); n <= maxWordRunes; n++ {
			if end >= len(text) {
				break
			}
			next, size := utf8.DecodeRuneInString(text[end:])
			if !isHan(next) {
				break
			}
			end += size
			if end > p.end && f.isWord(text[start:end]) {
				return true
			}
		}
	}
	return false
}

// placeSuffixes end the full names of Chinese places: 温州市.
var placeSuffixes = []string{"市", "县", "区", "州", "省", "镇", "旗"}

// maxWordRunes is the longest Chinese word cutsWord looks for.
const maxWordRunes = 4

// lookup finds the places of t that text, cut into units, names where
// none of taken is.
func (t *placeTable) lookup(text string, units []unit, taken []foundPlace) []foundPlace {
	var out []foundPlace
	for i := 0; i < len(units); {
		n := t.latinAt(units, i)
		if n == 0 || !free(taken, units[i].start, endOf(units[i+n-1])) {
			i++
			continue
		}
		start, end := units[i].start, endOf(units[i+n-1])
		out = append(out, foundPlace{place: t.latin[unitKey(units[i:i+n])], name: text[start:end], start: start, end: end})
		i += n
	}
	return append(out, hanPlaces(text, taken, t.maxHan, 2, func(name string) *place { return t.han[name] })...)
}

// free reports whether no place of taken overlaps start to end.
func free(taken []foundPlace, start, end int) bool {
	return !slices.ContainsFunc(taken, func(p foundPlace) bool { return start < p.end && p.start < end })
}

// hanPlaces finds, left to right, the places that runs of Chinese
// characters of text name by find, the longest run first, of longest to
// shortest characters, where none of taken is.
func hanPlaces(text string, taken []foundPlace, longest, shortest int, find func(name string) *place) []foundPlace {
	var out []foundPlace
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		matched := false
		for n := longest; isHan(r) && n >= shortest && !matched; n-- {
			end := runeEnd(text, i, n)
			if end < 0 || !free(taken, i, end) {
				continue
			}
			if p := find(text[i:end]); p != nil {
				out = append(out, foundPlace{place: p, name: text[i:end], start: i, end: end})
				i, matched = end, true
			}
		}
		if !matched {
			i += size
		}
	}
	return out
}

// latinAt is how many Latin units from i on the longest name of t has,
// or 0.
func (t *placeTable) latinAt(units []unit, i int) int {
	for n := min(t.maxWords, len(units)-i); n >= 1; n-- {
		if slices.ContainsFunc(units[i:i+n], func(u unit) bool { return u.han }) {
			continue
		}
		if t.latin[unitKey(units[i:i+n])] != nil {
			return n
		}
	}
	return 0
}

// unitKey joins the units' folded words by spaces.
func unitKey(units []unit) string {
	if len(units) == 1 {
		return units[0].key
	}
	keys := make([]string, len(units))
	for k, u := range units {
		keys[k] = u.key
	}
	return strings.Join(keys, " ")
}

// runeEnd is the byte offset n characters after i in s, or -1.
func runeEnd(s string, i, n int) int {
	for ; n > 0; n-- {
		if i >= len(s) {
			return -1
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// zhCityName matches a Chinese city's name by its suffix: "安徽省芜湖市".
var zhCityName = regexp.MustCompile(`(?:^|[省，。、（(：:\s])([\p{Han}]{2,3}?)市`)

// citiesNamed returns the places text names, and the cities it names
// that nothing knows, by a word before them ("die Stadt Zwickau", "the
// city of Yantai") or their suffix ("芜湖市").
func (f *placeFinder) citiesNamed(text string, cityWords *cueList) []foundPlace {
	out := f.find(text)
	known := func(start int) bool {
		return slices.ContainsFunc(out, func(p foundPlace) bool { return p.start <= start && start < p.end })
	}
	units := segment(text)
	for i := range units {
		n := cityWords.at(units, i)
		if n == 0 || units[i].han || i+n >= len(units) {
			continue
		}
		u := units[i+n]
		if !u.capital || u.han || known(u.start) || f.isRegion(u.raw) {
			continue
		}
		out = append(out, foundPlace{place: &place{name: u.raw, names: corpus.Text{}}, name: u.raw, start: u.start, end: endOf(u)})
	}
	for _, m := range zhCityName.FindAllStringSubmatchIndex(text, -1) {
		start, end := m[2], m[3]
		name := text[start:end]
		if known(start) || strings.HasSuffix(name, "城") || f.isRegion(name) {
			continue
		}
		names := corpus.Text{corpus.Chinese: name}
		if latin := latinInBrackets(text[m[1]:]); latin != "" {
			names[corpus.English] = latin // "芜湖市（Wuhu）"
		}
		out = append(out, foundPlace{place: &place{name: name, names: names, country: corpus.China}, name: name, start: start, end: end})
	}
	slices.SortStableFunc(out, func(a, b foundPlace) int { return a.start - b.start })
	return out
}

// asCity is a city of the data for p: the data's own, or a new one with
// p's names.
func (p foundPlace) asCity() corpus.City {
	if p.city != nil {
		return *p.city
	}
	names := corpus.Text{}
	for l, n := range p.names {
		names[l] = n
	}
	if strings.IndexFunc(p.name, isHan) >= 0 {
		names[corpus.Chinese] = cmp.Or(names[corpus.Chinese], p.name)
	}
	return corpus.City{Name: cmp.Or(p.place.name, p.name), Names: names, Aliases: p.aliases, Country: p.country, Region: p.region, Status: corpus.StatusMember}
}

// isPlace reports whether word names a city or a region.
func (f *placeFinder) isPlace(word string) bool {
	return f.isRegion(word) || len(f.find(word)) == 1 && f.find(word)[0].name == word
}

func (f *placeFinder) isRegion(name string) bool { return f.regionNamed(name) != nil }

// regionNamed finds the region of name: "Sachsen", "sächsische",
// "Provinz Anhui" is found by "Anhui".
func (f *placeFinder) regionNamed(name string) *corpus.Region {
	key := fold(name)
	for _, r := range f.regions {
		for _, n := range append(textValues(r.Names), r.Aliases...) {
			if fold(n) == key {
				return r
			}
		}
	}
	return nil
}

// regionNear finds the region text names closest to p: "die sächsische
// Stadt Zwickau", "Wuhu aus der Provinz Anhui", "安徽省芜湖市".
func (f *placeFinder) regionNear(text string, p foundPlace) *corpus.Region {
	var best *corpus.Region
	bestDist := 60 // bytes
	consider := func(r *corpus.Region, at int) {
		d := at - p.start
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = r, d
		}
	}
	for _, u := range segment(text) {
		if u.han {
			continue
		}
		if r := f.regionNamed(u.raw); r != nil {
			consider(r, u.start)
		}
	}
	for _, r := range f.regions {
		for _, n := range append(textValues(r.Names), r.Aliases...) {
			if strings.IndexFunc(n, isHan) < 0 {
				continue
			}
			if i := strings.Index(text, n); i >= 0 {
				consider(r, i)
			}
		}
	}
	return best
}

// cityBefore returns the city named right before the end of text, with
// its suffix: "芜湖市" in "芜湖市副市长".
func (f *placeFinder) cityBefore(text string) string {
	tail := lastRunes(text, 6)
	for _, p := range f.find(tail) {
		if rest := tail[p.end:]; rest == "" || rest == "市" {
			return tail[p.start:]
		}
	}
	return ""
}

// bySound finds the German places of t that text, a question's words
// nothing else explained, names in other characters of the same sound,
// where none of taken is: by how their Chinese name reads, else, in one
// of runs (Engine.soundRuns), by the consonants of their Latin name (施韦
// 因富特 for Schweinfurt, which the gazetteer gives no Chinese name). Only
// in a question: a release's text has too many runs of characters that
// read as a name (没因此 as 美因茨).
func (t *placeTable) bySound(text string, taken []foundPlace, runs [][2]int) []foundPlace {
	t.soundsOnce.Do(func() {
		t.sounds = map[string]*place{}
		t.latinSounds = soundNames[*place]{}
		for name, p := range t.han {
			if p.country != corpus.Germany {
				continue
			}
			if key := soundKey(name); key != "" {
				if _, ok := t.sounds[key]; !ok {
					t.sounds[key] = p
				}
				t.maxSound = max(t.maxSound, utf8.RuneCountInString(name))
			}
		}
		for _, p := range t.latin {
			if p.country == corpus.Germany {
				t.latinSounds.add(p.name, p)
			}
		}
	})
	found := hanPlaces(text, taken, t.maxSound, minSoundRunes, func(name string) *place { return t.sounds[soundKey(name)] })
	for _, run := range runs {
		if !free(taken, run[0], run[1]) || !free(found, run[0], run[1]) {
			continue
		}
		if p, ok := t.latinSounds.find(text[run[0]:run[1]]); ok {
			found = append(found, foundPlace{place: p, name: text[run[0]:run[1]], start: run[0], end: run[1]})
		}
	}
	return found
}

// minSoundRunes is the fewest characters of a Chinese name found by how
// it reads: a German city's name written in characters for their sound
// has three or more; two characters that read as a city's are more
// often a word (艾森, "Essen" as 埃森 writes it, is no name).
const minSoundRunes = 3

// soundKey is how a Chinese name of minSoundRunes characters or more
// reads, its characters' readings joined by spaces; "" for a shorter one
// or one with a character of no reading.
func soundKey(name string) string {
	runes := []rune(name)
	if len(runes) < minSoundRunes {
		return ""
	}
	syllables := make([]string, len(runes))
	for i, r := range runes {
		reading, ok := commonReading(r)
		if !ok {
			return ""
		}
		syllables[i] = reading
	}
	return strings.Join(syllables, " ")
}

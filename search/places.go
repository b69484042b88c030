package search

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
)

// placeFinder finds the cities and regions a text names, in any of their
// names: the cities of the data files (members or not) and of the
// gazetteer, and the Länder and provinces.
type placeFinder struct {
	latin    map[string]*place // folded words, joined by spaces
	han      map[string]*place
	maxWords int
	regions  []*corpus.Region
}

// place is a city that can be named.
type place struct {
	name    string // canonical: the local name
	names   corpus.Text
	aliases []string
	country string
	region  string       // key of a region of the data, if known
	city    *corpus.City // the city of the data files, if it is one
}

// foundPlace is a place named in a text, as written there.
type foundPlace struct {
	*place
	name       string
	start, end int // bytes of the text
}

func newPlaceFinder(cities []corpus.City, regions []corpus.Region) *placeFinder {
	f := &placeFinder{latin: map[string]*place{}, han: map[string]*place{}}
	for i := range regions {
		f.regions = append(f.regions, &regions[i])
	}
	for i := range cities {
		c := &cities[i]
		f.add(&place{name: c.Name, names: c.Names, aliases: c.Aliases, country: c.Country, region: c.Region, city: c})
	}
	return f
}

// addGazetteer makes the places of the gazetteer findable, after the
// data's cities, whose names win.
func (f *placeFinder) addGazetteer(places []corpus.Place) {
	for _, g := range places {
		name := g.Name
		if g.Country == corpus.China {
			name = cmpOr(g.Names[corpus.Chinese], g.Name)
		}
		f.add(&place{name: name, names: g.Names, aliases: placeNames(g), country: g.Country, region: g.Region})
	}
}

// add makes p findable by all its names; a name already taken keeps its
// first place (the data files' cities come before the gazetteer's).
func (f *placeFinder) add(p *place) {
	for _, n := range slices.Concat([]string{p.name}, textValues(p.names), p.aliases) {
		if strings.IndexFunc(n, isHan) >= 0 {
			if _, ok := f.han[n]; !ok {
				f.han[n] = p
			}
			continue
		}
		keys := keyUnits(n)
		if len(keys) == 0 {
			continue
		}
		key := strings.Join(keys, " ")
		if _, ok := f.latin[key]; !ok {
			f.latin[key] = p
		}
		f.maxWords = max(f.maxWords, len(keys))
	}
}

// find returns the places text names, in order, longest names first.
func (f *placeFinder) find(text string) []foundPlace {
	var out []foundPlace
	units := segment(text)
	for i := 0; i < len(units); {
		if units[i].han {
			i++
			continue
		}
		found := false
		for n := min(f.maxWords, len(units)-i); n >= 1 && !found; n-- {
			if slices.ContainsFunc(units[i:i+n], func(u unit) bool { return u.han }) {
				continue
			}
			keys := make([]string, n)
			for k, u := range units[i : i+n] {
				keys[k] = u.key
			}
			if p := f.latin[strings.Join(keys, " ")]; p != nil {
				start, end := units[i].start, endOf(units[i+n-1])
				out = append(out, foundPlace{place: p, name: text[start:end], start: start, end: end})
				i += n
				found = true
			}
		}
		if !found {
			i++
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isHan(r) {
			i += size
			continue
		}
		matched := false
		for n := 4; n >= 2 && !matched; n-- {
			end := runeEnd(text, i, n)
			if end < 0 {
				continue
			}
			if p := f.han[text[i:end]]; p != nil {
				out = append(out, foundPlace{place: p, name: text[i:end], start: i, end: end})
				i, matched = end, true
			}
		}
		if !matched {
			i += size
		}
	}
	slices.SortStableFunc(out, func(a, b foundPlace) int { return a.start - b.start })
	return out
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
		names[corpus.Chinese] = cmpOr(names[corpus.Chinese], p.name)
	}
	return corpus.City{Name: cmpOr(p.place.name, p.name), Names: names, Aliases: p.aliases, Country: p.country, Region: p.region, Status: corpus.StatusMember}
}

// isPlace reports whether word names a city or a region.
func (f *placeFinder) isPlace(word string) bool {
	if f.han[word] != nil || f.isRegion(word) {
		return true
	}
	return f.latin[strings.Join(keyUnits(word), " ")] != nil
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

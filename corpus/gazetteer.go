package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
)

// GazetteerFile is the gazetteer in the embedded data: every German place
// of 10,000 inhabitants or more or with a seat of administration, and every
// Chinese prefecture-level and county-level division. scripts/gazetteer.sh
// generates it; GAZETTEER-LICENSE.md beside it says from what.
const GazetteerFile = "gazetteer.tsv"

// The kinds of place in the gazetteer.
const (
	KindCity       = "city"       // a German town or city, a Chinese 市
	KindDistrict   = "district"   // a section of a German city, a Chinese 区
	KindCounty     = "county"     // a Chinese 县 or 旗
	KindPrefecture = "prefecture" // a Chinese 自治州, 地区 or 盟
)

// Place is a German or Chinese place of the gazetteer, member of the
// alliance or not, so that isabot recognises it in a question.
type Place struct {
	// Name is the local name: German for a German place ("Göttingen",
	// "München"), the full Chinese name for a Chinese one ("烟台市").
	Name string
	// Names holds the name in each language where the sources give it: for
	// a German place de (Name), en (GeoNames' name: mostly the German one,
	// "Munich" for München) and zh where CC-CEDICT has it (海德堡); for a
	// Chinese place zh (the name without its suffix: 烟台) and en (its
	// pinyin: Yantai, Lüliang, Xi'an).
	Names Text
	// ASCII spells the name in ASCII: umlauts as ae, oe, ue and ß as ss
	// (Goettingen), pinyin with ü as v (Lvliang).
	ASCII   string
	Country string
	// Region is the ISO 3166-2 code of the Land or province, as the keys of
	// Data.Regions: DE-BW, CN-SD.
	Region string
	// Population is GeoNames' count for a German place; 0 where unknown,
	// as for every Chinese place.
	Population int
	// Kind is one of the Kind constants.
	Kind string
}

// gazetteerColumns is the header row of the gazetteer, the names of its
// tab-separated columns.
const gazetteerColumns = "country\tkind\tname\ten\tzh\tascii\tregion\tpopulation"

// LoadGazetteer parses the embedded gazetteer. A malformed row is an error
// naming the file and line, a *FileError.
func LoadGazetteer() ([]Place, error) {
	raw, err := fs.ReadFile(embedded, "data/"+GazetteerFile)
	p := filepath.Join("(embedded)", GazetteerFile)
	if err != nil {
		return nil, &FileError{Path: p, Err: err}
	}
	return parseGazetteer(p, raw)
}

// GazetteerHeader is the first line of the embedded gazetteer, which
// names its sources and their versions: what a cache of work done with
// the gazetteer is kept for.
func GazetteerHeader() string {
	raw, err := fs.ReadFile(embedded, "data/"+GazetteerFile)
	if err != nil {
		return ""
	}
	line, _, _ := strings.Cut(string(raw), "\n")
	return line
}

// parseGazetteer reads a gazetteer file: comment lines starting with #,
// the header row, then a row for each place.
func parseGazetteer(path string, raw []byte) ([]Place, error) {
	text := string(raw)
	places := make([]Place, 0, strings.Count(text, "\n"))
	header := false
	for line := 1; text != ""; line++ {
		var row string
		row, text, _ = strings.Cut(text, "\n")
		switch {
		case row == "" || row[0] == '#':
			continue
		case !header:
			if row != gazetteerColumns {
				return nil, &FileError{Path: path, Line: line, Err: fmt.Errorf("the header row is %q, want %q", row, gazetteerColumns)}
			}
			header = true
			continue
		}
		p, err := parsePlace(row)
		if err != nil {
			return nil, &FileError{Path: path, Line: line, Err: err}
		}
		places = append(places, p)
	}
	if !header {
		return nil, &FileError{Path: path, Err: errors.New("no header row")}
	}
	return places, nil
}

// parsePlace reads one row of the gazetteer.
func parsePlace(row string) (Place, error) {
	const n = 8 // columns
	var f [n]string
	for i := range n - 1 {
		var ok bool
		if f[i], row, ok = strings.Cut(row, "\t"); !ok {
			return Place{}, fmt.Errorf("%d columns, want %d", i+1, n)
		}
	}
	if strings.Contains(row, "\t") {
		return Place{}, fmt.Errorf("%d columns, want %d", n+strings.Count(row, "\t"), n)
	}
	f[n-1] = row
	country, kind, name, en, zh, ascii, region, pop := f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]

	switch {
	case country != Germany && country != China:
		return Place{}, fmt.Errorf("country %q is not DE or CN", country)
	case name == "":
		return Place{}, errors.New("a place needs a name")
	case kind != KindCity && kind != KindDistrict && kind != KindCounty && kind != KindPrefecture:
		return Place{}, fmt.Errorf("%s: kind %q is not city, district, county or prefecture", name, kind)
	case !strings.HasPrefix(region, country+"-"):
		return Place{}, fmt.Errorf("%s: region %q is not a region of %s", name, region, country)
	}
	p := Place{Name: name, ASCII: ascii, Country: country, Region: region, Kind: kind, Names: make(Text, 3)}
	if pop != "" {
		n, err := strconv.Atoi(pop)
		if err != nil || n < 0 {
			return Place{}, fmt.Errorf("%s: population %q is not a number", name, pop)
		}
		p.Population = n
	}
	if country == Germany {
		p.Names[German] = name
	}
	if en != "" {
		p.Names[English] = en
	}
	if zh != "" {
		p.Names[Chinese] = zh
	}
	return p, nil
}

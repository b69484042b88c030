package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeMO writes a gettext catalogue with the messages of translations.
func writeMO(t *testing.T, path string, msgids, msgstrs []string) {
	t.Helper()
	n := len(msgids)
	header := 28
	originals, translations := header, header+8*n
	textAt := header + 16*n
	var table, data []byte
	le := binary.LittleEndian
	entries := func(list []string) {
		for _, s := range list {
			table = le.AppendUint32(table, uint32(len(s)))
			table = le.AppendUint32(table, uint32(textAt+len(data)))
			data = append(data, s...)
			data = append(data, 0)
		}
	}
	entries(msgids)
	entries(msgstrs)
	var raw []byte
	for _, v := range []uint32{0x950412de, 0, uint32(n), uint32(originals), uint32(translations), 0, 0} {
		raw = le.AppendUint32(raw, v)
	}
	raw = append(append(raw, table...), data...)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestGenerate(t *testing.T) {
	root := t.TempDir()
	list := `{"3166-1": [
		{"alpha_2": "PL", "name": "Poland"},
		{"alpha_2": "CN", "name": "China"},
		{"alpha_2": "KR", "name": "Korea, Republic of", "common_name": "South Korea"},
		{"alpha_2": "VG", "name": "Virgin Islands, British"},
		{"alpha_2": "CI", "name": "Côte d'Ivoire"},
		{"alpha_2": "IS", "name": "Iceland"},
		{"alpha_2": "VA", "name": "Holy See (Vatican City State)"},
		{"alpha_2": "RU", "name": "Russian Federation"}
	]}`
	json := filepath.Join(root, "usr/share/iso-codes/json/iso_3166-1.json")
	if err := os.MkdirAll(filepath.Dir(json), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(json, []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	// In the order of their original texts, as a catalogue keeps them.
	names := []string{"China", "Côte d'Ivoire", "Iceland", "Poland", "Russian Federation", "South Korea"}
	writeMO(t, filepath.Join(root, "usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo"), names, []string{"China", "Côte d'Ivoire", "Island", "Polen", "Russische Föderation", "Südkorea"})
	writeMO(t, filepath.Join(root, "usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo"), names, []string{"中国", "科特迪瓦", "冰岛", "波兰", "俄罗斯", "韩国"})
	text, err := generate(root, "1.0")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(text), "\n") {
		if strings.HasPrefix(l, "- ") {
			lines = append(lines, l)
		}
	}
	want := []string{
		`- {de: ["Côte d'Ivoire"], en: ["Côte d'Ivoire"], zh: ["科特迪瓦"]}`,
		`- {en: ["Iceland"], zh: ["冰岛"]}`, // "Island" is an English word
		`- {de: ["Südkorea"], en: ["South Korea"], zh: ["韩国"]}`,
		`- {de: ["Polen"], en: ["Poland"], zh: ["波兰"]}`,
		`- {de: ["Russische Föderation", "Russland"], en: ["Russian Federation", "Russia"], zh: ["俄罗斯"]}`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadMOBadCatalogue(t *testing.T) {
	le := binary.LittleEndian
	header := func(n, originals, translations uint32) []byte {
		var raw []byte
		for _, v := range []uint32{0x950412de, 0, n, originals, translations, 0, 0} {
			raw = le.AppendUint32(raw, v)
		}
		return raw
	}
	for name, raw := range map[string][]byte{
		"no catalogue":            []byte("not a catalogue, but long enough to be read"),
		"too short":               []byte{0xde, 0x12, 0x04, 0x95},
		"more messages than room": header(0xffffffff, 28, 28),
		"a table out of range":    header(1, 1000, 28),
		"a string out of range":   append(header(1, 28, 36), le.AppendUint32(le.AppendUint32(le.AppendUint32(le.AppendUint32(nil, 5), 1000), 0), 0)...),
	} {
		path := filepath.Join(t.TempDir(), "x.mo")
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readMO(path); err == nil {
			t.Errorf("%s: read", name)
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzConfigFile reads arbitrary bytes as the file named by --config. A
// file is taken or refused with an error, never a panic; the same file
// gives the same configuration or error each time; and a configuration
// taken, written back as a file with the values `isabot config` shows
// (configFileText), gives the same configuration again.
func FuzzConfigFile(f *testing.F) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		f.Fatal(err)
	}
	for _, m := range yamlBlock.FindAllSubmatch(readme, -1) {
		f.Add(m[1])
	}
	defaults, err := loadConfig(nil, nil, func(string) string { return "" })
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(configFileText(f, defaults)))
	f.Add([]byte("listen: ':7000'\nlog_level: debug\ntelegram:\n  channels: ['@isa_news', '@isa_de']\nfeed_interval: 5m\n"))
	f.Add([]byte("telegram:\n  token: 123456:AAEsecretsecretsecretsecret\n  webhook_url: https://isabot.example/telegram/webhook\n" +
		"slack:\n  bot_token: xoxb-1\n  signing_secret: s\nfeeds:\n  - https://press:pw@isa.example/feed.xml\n  - https://open.example/rss\nask_rate: 0.5\ntelegram.rate: 1e2\n"))
	f.Add([]byte("lisen: ':80'\n"))
	f.Add([]byte("listen: [\n"))
	f.Add([]byte("telegram: ~\nslack: [1, {a: b}]\n"))
	f.Add([]byte("base: &b {token: x}\ntelegram: *b\n"))

	path := filepath.Join(f.TempDir(), "isabot.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := loadFileConfig(path, data)
		again, errAgain := loadFileConfig(path, data)
		if (err == nil) != (errAgain == nil) || (err == nil && !reflect.DeepEqual(c, again)) {
			t.Fatalf("the same file read twice gave\n%+v, %v\nand\n%+v, %v", c, err, again, errAgain)
		}
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		text := configFileText(t, c)
		back, err := loadFileConfig(path, []byte(text))
		if err != nil {
			t.Fatalf("the configuration written back is refused: %v\n%s", err, text)
		}
		if !reflect.DeepEqual(c, back) {
			t.Fatalf("the configuration written back reads as\n%+v\nnot\n%+v\nfile:\n%s", back, c, text)
		}
	})
}

// yamlBlock finds the YAML examples of a Markdown file.
var yamlBlock = regexp.MustCompile("(?s)```yaml\n(.*?)```")

// loadFileConfig writes data to path and loads the configuration with
// path as --config and no environment.
func loadFileConfig(path string, data []byte) (*config, error) {
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return nil, err
	}
	return loadConfig(map[string]bool{"config": true}, map[string]*string{"config": &path}, func(string) string { return "" })
}

// configFileText writes every setting of c into a config file, nested at
// the dots of its key.
func configFileText(t testing.TB, c *config) string {
	t.Helper()
	doc := map[string]any{}
	for _, s := range settings() {
		m := doc
		parts := strings.Split(s.key, ".")
		for _, p := range parts[:len(parts)-1] {
			if m[p] == nil {
				m[p] = map[string]any{}
			}
			m = m[p].(map[string]any)
		}
		m[parts[len(parts)-1]] = s.get(c)
	}
	out, err := yaml.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestConfigSettingGivenTwice: a setting both under its section and with
// its dotted key is an error, not a value picked by the order in which a
// map is walked (FuzzConfigFile's testdata/fuzz/FuzzConfigFile/setting-given-twice).
func TestConfigSettingGivenTwice(t *testing.T) {
	file := "telegram.webhook_url: https://a.example/\ntelegram:\n  webhook_url: https://b.example/\n"
	for range 20 {
		_, err := loadFrom(t, nil, nil, file)
		if err == nil || !strings.Contains(err.Error(), `"telegram.webhook_url" given twice`) {
			t.Fatalf("error %v, want one saying telegram.webhook_url is given twice", err)
		}
	}
}

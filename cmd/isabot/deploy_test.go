package main

import (
	"fmt"
	"maps"
	"os"
	"regexp"
	"testing"

	"go.yaml.in/yaml/v3"
)

// composeVar is a variable in a compose file: ${NAME}, ${NAME:-default}
// or ${NAME:?message}.
var composeVar = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([-?])([^}]*))?\}`)

// interpolate fills in a compose file's value from dotEnv, as docker
// compose does; a required variable that is unset is an error.
func interpolate(value string, dotEnv map[string]string) (string, error) {
	var missing error
	out := composeVar.ReplaceAllStringFunc(value, func(m string) string {
		g := composeVar.FindStringSubmatch(m)
		v, ok := dotEnv[g[1]]
		switch {
		case ok && v != "":
			return v
		case g[2] == "?":
			missing = fmt.Errorf("%s is required", g[1])
		case g[2] == "-":
			return g[3]
		}
		return ""
	})
	return out, missing
}

func TestComposeFiles(t *testing.T) {
	// The compose files of docs/deploy set only settings isabot reads,
	// and each isabot they run starts with the .env they describe: the
	// required variables alone, with a Telegram bot, or with Slack.
	known := map[string]bool{}
	for _, s := range settings() {
		known[s.env] = true
		if s.secret {
			known[s.env+"_FILE"] = true
		}
	}
	required := map[string]string{"ISABOT_DOMAIN": "isabot.example.org", "POSTGRES_PASSWORD": "long-random-string"}
	dotEnvs := map[string]map[string]string{
		"no platform yet": {},
		"Telegram":        {"TELEGRAM_BOT_TOKEN": "123456789:AAEsecretsecretsecretsecret", "TELEGRAM_WEBHOOK_SECRET": "webhook-secret"},
		"Slack":           {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "signing-secret"},
	}
	for _, path := range []string{"../../docs/deploy/compose.yaml", "../../docs/deploy/replicas/compose.yaml"} {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var compose struct {
			Services map[string]struct {
				Image       string            `yaml:"image"`
				Environment map[string]string `yaml:"environment"`
			} `yaml:"services"`
		}
		if err := yaml.Unmarshal(raw, &compose); err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		replicas := 0
		for name, svc := range compose.Services {
			if svc.Image != "isabot:latest" {
				continue
			}
			replicas++
			for k := range svc.Environment {
				if !known[k] {
					t.Errorf("%s: %s sets %s, which isabot does not read", path, name, k)
				}
			}
			for setup, dotEnv := range dotEnvs {
				dotEnv = maps.Clone(dotEnv)
				maps.Copy(dotEnv, required)
				env := map[string]string{}
				for k, v := range svc.Environment {
					if env[k], err = interpolate(v, dotEnv); err != nil {
						t.Errorf("%s: %s: %s: %v", path, name, k, err)
					}
				}
				if _, err := loadFrom(t, nil, env, ""); err != nil {
					t.Errorf("%s: %s does not start with %s: %v", path, name, setup, err)
				}
			}
		}
		if replicas == 0 {
			t.Errorf("%s runs no isabot", path)
		}
	}
}

package slackfake_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/isa-alliance/isabot/bots/slack/slackfake"
)

// TestViewSubmissionChecked: the fake submits only what Slack's client
// lets a user enter in the modal, and the state holds every input, those
// not given with their initial value.
func TestViewSubmissionChecked(t *testing.T) {
	t.Parallel()
	s, api := newAPI(t)
	v := modal()
	plain := func(s string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
	}
	others := slack.NewInputBlock("others", plain("For others"), nil,
		slack.NewCheckboxGroupsBlockElement("others", slack.NewOptionBlockObject("yes", plain("Also for others"), nil)))
	others.Optional = true
	short := slack.NewPlainTextInputBlockElement(nil, "org")
	short.MaxLength, short.MinLength = 10, 2
	org := slack.NewInputBlock("org", plain("Organisation"), nil, short)
	org.Optional = true
	v.Blocks.BlockSet = append(v.Blocks.BlockSet, others, org)
	if _, err := api.OpenView("T1", v); err != nil {
		t.Fatal(err)
	}
	m := s.Modals()[0]
	reply := func(text string) map[string]map[string]any {
		return map[string]map[string]any{"reply": {"reply": slackfake.TextValue(text)}}
	}
	with := func(values map[string]map[string]any, block, action string, value map[string]any) map[string]map[string]any {
		values[block] = map[string]any{action: value}
		return values
	}
	for _, tt := range []struct {
		name   string
		values map[string]map[string]any
		want   string // in the error; "" for none
	}{
		{"the required input only", reply("Hallo"), ""},
		{"every input", with(with(with(reply("Hallo"), "lang", "lang", slackfake.SelectValue("en")),
			"others", "others", slackfake.CheckedValue("yes")), "org", "org", slackfake.TextValue("Köln")), ""},
		{"no block with that id", with(reply("Hallo"), "langs", "lang", slackfake.SelectValue("en")), `block "langs": the modal has no input block`},
		{"another action id", with(reply("Hallo"), "lang", "language", slackfake.SelectValue("en")), `its element's action_id is "lang", not "language"`},
		{"the required input missing", map[string]map[string]any{}, `block "reply": required`},
		{"the required input empty", reply(""), `block "reply": required`},
		{"an option not offered", with(reply("Hallo"), "lang", "lang", slackfake.SelectValue("zh")), "option zh is not among"},
		{"a checkbox not offered", with(reply("Hallo"), "others", "others", slackfake.CheckedValue("no")), "option no is not among"},
		{"the wrong element type", with(reply("Hallo"), "lang", "lang", slackfake.TextValue("en")), "the element is a static_select, not a plain_text_input"},
		{"too long", with(reply("Hallo"), "org", "org", slackfake.TextValue("Stadt Duisburg")), "more than max_length 10"},
		{"too short", with(reply("Hallo"), "org", "org", slackfake.TextValue("K")), "fewer than min_length 2"},
		{"over the default length", reply(strings.Repeat("x", 3001)), "more than max_length 3000"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			payload, err := slackfake.ViewSubmission("U1", m, tt.values)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %v, want one with %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var cb slack.InteractionCallback
			if err := json.Unmarshal(payload, &cb); err != nil {
				t.Fatal(err)
			}
			state := cb.View.State.Values
			if len(state) != 4 || state["reply"]["reply"].Value != "Hallo" {
				t.Errorf("state %+v, want all four inputs with the reply", state)
			}
			lang, checked, orgText := "de", 0, "" // the initial and empty values
			if len(tt.values) > 1 {
				lang, checked, orgText = "en", 1, "Köln"
			}
			if got := state["lang"]["lang"].SelectedOption; got.Value != lang || got.Text == nil || got.Text.Text == "" {
				t.Errorf("the language is %+v, want %s as the modal offers it", got, lang)
			}
			if got := state["others"]["others"].SelectedOptions; len(got) != checked {
				t.Errorf("checked %+v, want %d", got, checked)
			}
			if got := state["org"]["org"].Value; got != orgText {
				t.Errorf("organisation %q, want %q", got, orgText)
			}
		})
	}
}

package slackfake

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"unicode/utf8"
)

// A user submits a modal through Slack's client, which sends the app
// only what the modal lets them enter: values of the input blocks'
// elements that exist, every required input filled, a text within its
// lengths, options among those offered. The view's state holds every
// input block, keyed by block_id and action_id, an entry left empty as
// null (https://api.slack.com/reference/interaction-payloads/views;
// https://api.slack.com/changelog/2020-09-full-state-on-view-submisson-and-block-actions).

// input is an input block of a modal.
type input struct {
	blockID  string
	element  map[string]any
	optional bool
}

// modalInputs returns the input blocks of a modal's view, in order.
func modalInputs(view map[string]any) []input {
	blocks, _ := view["blocks"].([]any)
	var out []input
	for _, b := range blocks {
		m, _ := b.(map[string]any)
		if m == nil || m["type"] != "input" {
			continue
		}
		id, _ := m["block_id"].(string)
		element, _ := m["element"].(map[string]any)
		optional, _ := m["optional"].(bool)
		if id != "" && element != nil {
			out = append(out, input{blockID: id, element: element, optional: optional})
		}
	}
	return out
}

// submittedState checks the values a test submits for a modal's view as
// Slack's client does, and returns the view's state.values: every input
// block, with what was entered or its initial value.
func submittedState(view map[string]any, values map[string]map[string]any) (map[string]map[string]any, error) {
	inputs := modalInputs(view)
	var errs []error
	for _, blockID := range sortedKeys(values) {
		i := slices.IndexFunc(inputs, func(in input) bool { return in.blockID == blockID })
		if i < 0 {
			errs = append(errs, fmt.Errorf("block %q: the modal has no input block with that block_id", blockID))
			continue
		}
		for _, actionID := range sortedKeys(values[blockID]) {
			if want, _ := inputs[i].element["action_id"].(string); actionID != want {
				errs = append(errs, fmt.Errorf("block %q: its element's action_id is %q, not %q", blockID, want, actionID))
			}
		}
	}
	state := map[string]map[string]any{}
	for _, in := range inputs {
		actionID, _ := in.element["action_id"].(string)
		v, given := values[in.blockID][actionID].(map[string]any)
		s, filled, err := elementState(in.element, v, given)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("block %q: %w", in.blockID, err))
		case !filled && !in.optional:
			errs = append(errs, fmt.Errorf("block %q: required, and left empty", in.blockID))
		}
		state[in.blockID] = map[string]any{actionID: s}
	}
	return state, errors.Join(errs...)
}

// elementState is the state of an input element: v as submitted when
// given, else its initial value; filled tells whether it holds one.
func elementState(e, v map[string]any, given bool) (state map[string]any, filled bool, err error) {
	typ, _ := e["type"].(string)
	if given && v["type"] != typ {
		return nil, false, fmt.Errorf("the element is a %s, not a %v", typ, v["type"])
	}
	state = map[string]any{"type": typ}
	switch typ {
	case "plain_text_input":
		text, _ := e["initial_value"].(string)
		if given {
			text, _ = v["value"].(string)
		}
		n := utf8.RuneCountInString(text)
		if max := number(e["max_length"], maxInputLength); n > max {
			return nil, false, fmt.Errorf("%d characters, more than max_length %d", n, max)
		}
		if min := number(e["min_length"], 0); n > 0 && n < min {
			return nil, false, fmt.Errorf("%d characters, fewer than min_length %d", n, min)
		}
		state["value"] = nil // as Slack sends an empty input
		if text != "" {
			state["value"] = text
		}
		return state, text != "", nil
	case "static_select", "radio_buttons":
		chosen, _ := e["initial_option"].(map[string]any)
		if given {
			chosen, _ = v["selected_option"].(map[string]any)
		}
		state["selected_option"] = nil
		if chosen == nil {
			return state, false, nil
		}
		o, err := offered(e, chosen)
		state["selected_option"] = o
		return state, err == nil, err
	case "checkboxes":
		chosen, _ := e["initial_options"].([]any)
		if given {
			chosen, _ = v["selected_options"].([]any)
		}
		selected := []any{}
		for _, c := range chosen {
			m, _ := c.(map[string]any)
			o, err := offered(e, m)
			if err != nil {
				return nil, false, err
			}
			selected = append(selected, o)
		}
		state["selected_options"] = selected
		return state, len(selected) > 0, nil
	}
	return nil, false, fmt.Errorf("slackfake does not submit a %s", typ)
}

// offered returns the element's option with the chosen value, as the
// modal holds it.
func offered(e, chosen map[string]any) (map[string]any, error) {
	options, _ := e["options"].([]any)
	if groups, _ := e["option_groups"].([]any); groups != nil {
		for _, g := range groups {
			m, _ := g.(map[string]any)
			more, _ := m["options"].([]any)
			options = append(options, more...)
		}
	}
	for _, o := range options {
		if m, _ := o.(map[string]any); m != nil && m["value"] == chosen["value"] {
			return m, nil
		}
	}
	return nil, fmt.Errorf("option %v is not among the element's options", chosen["value"])
}

// number is a JSON number field as an int, def when it is missing.
func number(v any, def int) int {
	if f, ok := v.(float64); ok {
		return int(f)
	}
	return def
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

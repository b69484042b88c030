package slackfake

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// Slack's Block Kit limits for what an app sends
// (https://docs.slack.dev/reference/block-kit/blocks).
const (
	maxMessageBlocks  = 50
	maxBlockID        = 255
	maxActionID       = 255
	maxSectionText    = 3000
	maxSectionFields  = 10
	maxFieldText      = 2000
	maxHeaderText     = 150
	maxContextItems   = 10
	maxActionElements = 25
	maxButtonText     = 75
	maxButtonValue    = 2000
	maxURL            = 3000
	maxAltText        = 2000
	maxMarkdownBlock  = 12000
	maxInputLabel     = 2000
	maxInputLength    = 3000
	maxOptions        = 100
	maxOptionText     = 75
	maxOptionValue    = 150
	maxOptionDesc     = 75
	maxCheckboxes     = 10 // options of checkboxes and radio buttons
)

// checker collects Slack-style errors: "message [json-pointer:/path]".
type checker struct {
	errs []string
}

func (c *checker) add(ptr, format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...)+" [json-pointer:"+ptr+"]")
}

// checkBlocks validates a JSON array of blocks with at most max of them;
// ptr is the array's JSON pointer in Slack's errors. A value that is not
// a JSON array is an error (Slack's invalid_blocks_format); a refused
// block gives messages.
func checkBlocks(raw string, max int, ptr string) (json.RawMessage, []string, error) {
	var blocks []any
	if err := json.Unmarshal([]byte(raw), &blocks); err != nil {
		return nil, nil, err
	}
	c := &checker{}
	if len(blocks) > max {
		c.add(ptr, "no more than %d items allowed", max)
	}
	ids := map[string]bool{}
	for i, b := range blocks {
		c.block(fmt.Sprintf("%s/%d", ptr, i), b, ids)
	}
	return json.RawMessage(raw), c.errs, nil
}

func (c *checker) block(ptr string, v any, ids map[string]bool) {
	b, isObj := v.(map[string]any)
	if !isObj {
		c.add(ptr, "must provide an object")
		return
	}
	if id, has := b["block_id"]; has {
		s, isStr := id.(string)
		switch {
		case !isStr:
			c.add(ptr+"/block_id", "must provide a string")
		case utf8.RuneCountInString(s) > maxBlockID:
			c.add(ptr+"/block_id", "must be less than %d characters", maxBlockID+1)
		case ids[s]:
			c.add(ptr+"/block_id", "duplicate block_id %q", s)
		default:
			ids[s] = true
		}
	}
	typ, _ := b["type"].(string)
	switch typ {
	case "section":
		text, hasText := b["text"]
		fields, hasFields := b["fields"]
		if !hasText && !hasFields {
			c.add(ptr, "must provide text or fields")
		}
		if hasText {
			c.text(ptr+"/text", text, maxSectionText, false)
		}
		if hasFields {
			list, isList := fields.([]any)
			if !isList {
				c.add(ptr+"/fields", "must provide an array")
			} else if len(list) > maxSectionFields {
				c.add(ptr+"/fields", "no more than %d items allowed", maxSectionFields)
			}
			for i, f := range list {
				c.text(fmt.Sprintf("%s/fields/%d", ptr, i), f, maxFieldText, false)
			}
		}
		if acc, has := b["accessory"]; has {
			c.element(ptr+"/accessory", acc, nil)
		}
	case "header":
		c.text(ptr+"/text", b["text"], maxHeaderText, true)
	case "divider":
	case "context":
		list := c.list(ptr+"/elements", b["elements"], maxContextItems)
		for i, e := range list {
			p := fmt.Sprintf("%s/elements/%d", ptr, i)
			if m, _ := e.(map[string]any); m != nil && m["type"] == "image" {
				c.image(p, m)
				continue
			}
			c.text(p, e, maxSectionText, false)
		}
	case "actions":
		list := c.list(ptr+"/elements", b["elements"], maxActionElements)
		actionIDs := map[string]bool{}
		for i, e := range list {
			c.element(fmt.Sprintf("%s/elements/%d", ptr, i), e, actionIDs)
		}
	case "image":
		c.image(ptr, b)
		if title, has := b["title"]; has {
			c.text(ptr+"/title", title, maxAltText, true)
		}
	case "markdown":
		s, isStr := b["text"].(string)
		switch n := utf8.RuneCountInString(s); {
		case !isStr:
			c.add(ptr+"/text", "must provide a string")
		case n == 0:
			c.add(ptr+"/text", "must be more than 0 characters")
		case n > maxMarkdownBlock:
			c.add(ptr+"/text", "must be less than %d characters", maxMarkdownBlock+1)
		}
	case "rich_text":
		if _, isList := b["elements"].([]any); !isList {
			c.add(ptr+"/elements", "must provide an array")
		}
	case "input":
		c.text(ptr+"/label", b["label"], maxInputLabel, true)
		if hint, has := b["hint"]; has {
			c.text(ptr+"/hint", hint, maxInputLabel, true)
		}
		if e, has := b["element"]; has {
			c.element(ptr+"/element", e, nil)
		} else {
			c.add(ptr, "missing required field: element")
		}
	case "video", "file", "table", "call", "context_actions":
		// Accepted as they are; the bot does not send them.
	case "":
		c.add(ptr, "missing required field: type")
	default:
		c.add(ptr+"/type", "unsupported block type %q", typ)
	}
}

// list checks an array of 1 to max items.
func (c *checker) list(ptr string, v any, max int) []any {
	list, isList := v.([]any)
	switch {
	case !isList:
		c.add(ptr, "must provide an array")
	case len(list) == 0:
		c.add(ptr, "must provide at least 1 item")
	case len(list) > max:
		c.add(ptr, "no more than %d items allowed", max)
	}
	return list
}

// text checks a text object: plain_text or mrkdwn (plain_text only when
// plainOnly), 1 to max characters.
func (c *checker) text(ptr string, v any, max int, plainOnly bool) {
	t, isObj := v.(map[string]any)
	if !isObj {
		c.add(ptr, "must provide an object")
		return
	}
	typ, _ := t["type"].(string)
	switch {
	case plainOnly && typ != "plain_text":
		c.add(ptr+"/type", `must be "plain_text"`)
	case typ != "plain_text" && typ != "mrkdwn":
		c.add(ptr+"/type", `must be one of "plain_text", "mrkdwn"`)
	}
	s, isStr := t["text"].(string)
	switch n := utf8.RuneCountInString(s); {
	case !isStr:
		c.add(ptr+"/text", "must provide a string")
	case n == 0:
		c.add(ptr+"/text", "must be more than 0 characters")
	case n > max:
		c.add(ptr+"/text", "must be less than %d characters", max+1)
	}
	// Plain text is shown as it is; mrkdwn is read as markup.
	if typ == "mrkdwn" {
		if problem := checkMarkup(s); problem != "" {
			c.add(ptr+"/text", "%s", problem)
		}
	}
}

// image checks an image block or element.
func (c *checker) image(ptr string, m map[string]any) {
	u, hasURL := m["image_url"].(string)
	_, hasFile := m["slack_file"]
	switch {
	case !hasURL && !hasFile:
		c.add(ptr, "must provide image_url or slack_file")
	case hasURL && (u == "" || utf8.RuneCountInString(u) > maxURL):
		c.add(ptr+"/image_url", "must be 1 to %d characters", maxURL)
	}
	alt, isStr := m["alt_text"].(string)
	if !isStr || alt == "" || utf8.RuneCountInString(alt) > maxAltText {
		c.add(ptr+"/alt_text", "must be 1 to %d characters", maxAltText)
	}
}

// elementTypes are the interactive elements Slack knows.
var elementTypes = map[string]bool{
	"button": true, "checkboxes": true, "datepicker": true, "datetimepicker": true,
	"email_text_input": true, "image": true, "number_input": true, "overflow": true,
	"plain_text_input": true, "radio_buttons": true, "rich_text_input": true,
	"static_select": true, "external_select": true, "users_select": true,
	"conversations_select": true, "channels_select": true, "multi_static_select": true,
	"multi_external_select": true, "multi_users_select": true,
	"multi_conversations_select": true, "multi_channels_select": true, "timepicker": true,
	"url_text_input": true, "workflow_button": true, "file_input": true,
	"feedback_buttons": true, "icon_button": true,
}

// element checks a block element; actionIDs, when not nil, holds the
// action ids already used in the block.
func (c *checker) element(ptr string, v any, actionIDs map[string]bool) {
	e, isObj := v.(map[string]any)
	if !isObj {
		c.add(ptr, "must provide an object")
		return
	}
	typ, _ := e["type"].(string)
	if !elementTypes[typ] {
		c.add(ptr+"/type", "unsupported element type %q", typ)
		return
	}
	if id, has := e["action_id"]; has {
		s, isStr := id.(string)
		switch {
		case !isStr:
			c.add(ptr+"/action_id", "must provide a string")
		case s == "" || utf8.RuneCountInString(s) > maxActionID:
			c.add(ptr+"/action_id", "must be 1 to %d characters", maxActionID)
		case actionIDs != nil && actionIDs[s]:
			c.add(ptr+"/action_id", "duplicate action_id %q", s)
		case actionIDs != nil:
			actionIDs[s] = true
		}
	}
	switch typ {
	case "button":
		c.text(ptr+"/text", e["text"], maxButtonText, true)
		c.optString(ptr+"/value", e, "value", maxButtonValue)
		c.optString(ptr+"/url", e, "url", maxURL)
		if style, has := e["style"]; has && style != "primary" && style != "danger" {
			c.add(ptr+"/style", `must be one of "primary", "danger"`)
		}
	case "image":
		c.image(ptr, e)
	case "plain_text_input":
		if n, has := e["max_length"]; has {
			if f, isNum := n.(float64); !isNum || f < 1 || f > maxInputLength {
				c.add(ptr+"/max_length", "must be 1 to %d", maxInputLength)
			}
		}
	case "static_select":
		c.options(ptr, e, maxOptions, true)
	case "checkboxes", "radio_buttons":
		c.options(ptr, e, maxCheckboxes, false)
	}
}

// options checks the options of a static select (plain text only), of
// checkboxes or radio buttons, and its initial options, which must be
// among them.
func (c *checker) options(ptr string, e map[string]any, max int, plainOnly bool) {
	values := map[string]bool{}
	for i, o := range c.list(ptr+"/options", e["options"], max) {
		op := fmt.Sprintf("%s/options/%d", ptr, i)
		m, isObj := o.(map[string]any)
		if !isObj {
			c.add(op, "must provide an object")
			continue
		}
		c.text(op+"/text", m["text"], maxOptionText, plainOnly)
		if d, has := m["description"]; has {
			c.text(op+"/description", d, maxOptionDesc, plainOnly)
		}
		v, _ := m["value"].(string)
		if n := utf8.RuneCountInString(v); n == 0 || n > maxOptionValue {
			c.add(op+"/value", "must be 1 to %d characters", maxOptionValue)
		}
		values[v] = true
	}
	if initial, has := e["initial_option"].(map[string]any); has {
		if v, _ := initial["value"].(string); !values[v] {
			c.add(ptr+"/initial_option", "must be one of the provided options")
		}
	}
	initials, _ := e["initial_options"].([]any)
	for i, o := range initials {
		if m, _ := o.(map[string]any); m == nil || !values[fmt.Sprint(m["value"])] {
			c.add(fmt.Sprintf("%s/initial_options/%d", ptr, i), "must be one of the provided options")
		}
	}
}

// optString checks an optional string field of 1 to max characters.
func (c *checker) optString(ptr string, m map[string]any, key string, max int) {
	v, has := m[key]
	if !has {
		return
	}
	s, isStr := v.(string)
	if !isStr {
		c.add(ptr, "must provide a string")
		return
	}
	if n := utf8.RuneCountInString(s); n == 0 || n > max {
		c.add(ptr, "must be 1 to %d characters", max)
	}
}

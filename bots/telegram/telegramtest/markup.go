package telegramtest

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
)

// buttonFields are the optional fields of an InlineKeyboardButton that
// give the button its kind. The Bot API specification says a button must
// use exactly one of them; the real server looks at them in this order
// and ignores the others, so a second field passes there unnoticed. The
// fake refuses it, as it refuses go-telegram/bot's buttons, which always
// send copy_text.
var buttonFields = []string{
	"url", "login_url", "callback_data", "switch_inline_query", "switch_inline_query_current_chat",
	"switch_inline_query_chosen_chat", "callback_game", "pay", "web_app", "copy_text",
}

// checkMarkup validates a reply_markup parameter. For an inline keyboard
// it returns the keyboard as Telegram returns it in Message.reply_markup
// and inline true; another markup is returned as sent. inlineOnly is for
// the methods that take only inline keyboards.
func checkMarkup(raw string, inlineOnly bool) (string, bool, *apiError) {
	if raw == "" || raw == "null" {
		return "", false, nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return "", false, badRequest("can't parse reply keyboard markup JSON object")
	}
	ik, ok := m["inline_keyboard"]
	if !ok {
		if inlineOnly {
			return "", false, badRequest("inline keyboard expected")
		}
		if kb, ok := m["keyboard"]; ok {
			var rows [][]json.RawMessage
			if err := json.Unmarshal(kb, &rows); err != nil {
				return "", false, badRequest(`field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays`)
			}
			for _, row := range rows {
				for _, b := range row {
					var text string
					if json.Unmarshal(b, &text) == nil && text != "" {
						continue
					}
					var button struct {
						Text string `json:"text"`
					}
					if json.Unmarshal(b, &button) != nil || button.Text == "" {
						return "", false, badRequest(`can't parse keyboard button: Field "text" must be of type String`)
					}
				}
			}
			return raw, false, nil
		}
		if _, ok := m["remove_keyboard"]; ok {
			return raw, false, nil
		}
		if _, ok := m["force_reply"]; ok {
			return raw, false, nil
		}
		return "", false, badRequest("can't parse reply keyboard markup JSON object")
	}

	var rows [][]map[string]json.RawMessage
	if err := json.Unmarshal(ik, &rows); err != nil {
		return "", false, badRequest(`field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays`)
	}
	var out bytes.Buffer
	out.WriteString(`{"inline_keyboard":[`)
	for i, row := range rows {
		if i > 0 {
			out.WriteByte(',')
		}
		out.WriteByte('[')
		for j, b := range row {
			if j > 0 {
				out.WriteByte(',')
			}
			field, e := checkButton(b)
			if e != nil {
				return "", false, e
			}
			text, _ := json.Marshal(jsonString(b["text"]))
			out.WriteString(`{"text":`)
			out.Write(text)
			out.WriteString(`,"` + field + `":`)
			compact := bytes.Buffer{}
			if json.Compact(&compact, b[field]) != nil {
				return "", false, badRequest("can't parse inline keyboard button")
			}
			out.Write(compact.Bytes())
			out.WriteByte('}')
		}
		out.WriteByte(']')
	}
	out.WriteString(`]}`)
	return out.String(), true, nil
}

// checkButton validates an inline keyboard button and returns the field
// that gives its kind.
func checkButton(b map[string]json.RawMessage) (string, *apiError) {
	var text *string
	if json.Unmarshal(b["text"], &text) != nil || text == nil {
		return "", buttonError(`Field "text" must be of type String`)
	}
	if *text == "" {
		return "", badRequest("BUTTON_TEXT_INVALID")
	}
	var used []string
	for _, f := range buttonFields {
		// pay is a flag: false is no Pay button.
		if v, ok := b[f]; ok && string(v) != "null" && !(f == "pay" && string(v) == "false") {
			used = append(used, f)
		}
	}
	switch len(used) {
	case 0:
		return "", buttonError("Text buttons are unallowed in the inline keyboard")
	case 1:
	default:
		return "", buttonError("exactly one of the optional fields must be used, got %s", strings.Join(used, " and "))
	}
	field, v := used[0], b[used[0]]
	var str string
	isString := json.Unmarshal(v, &str) == nil
	switch field {
	case "url", "callback_data", "switch_inline_query", "switch_inline_query_current_chat":
		if !isString {
			return "", buttonError(`Field "%s" must be of type String`, field)
		}
	case "pay":
		if string(v) != "true" {
			return "", buttonError(`Field "pay" must be of type Boolean`)
		}
	default:
		if !bytes.HasPrefix(bytes.TrimSpace(v), []byte("{")) {
			return "", buttonError(`Field "%s" must be of type Object`, field)
		}
	}
	switch field {
	case "callback_data":
		if len(str) < 1 || len(str) > 64 {
			return "", badRequest("BUTTON_DATA_INVALID")
		}
	case "url":
		u, err := url.Parse(str)
		if err != nil || !(u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "tg") ||
			(u.Scheme != "tg" && u.Host == "") {
			return "", badRequest("BUTTON_URL_INVALID")
		}
	case "copy_text":
		var ct struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(v, &ct) != nil || utf16Len(ct.Text) < 1 || utf16Len(ct.Text) > 256 {
			return "", badRequest("BUTTON_COPY_TEXT_INVALID")
		}
	}
	return field, nil
}

// buttonError is Telegram's answer to a button it cannot read.
func buttonError(format string, args ...any) *apiError {
	return badRequest("can't parse inline keyboard button: "+format, args...)
}

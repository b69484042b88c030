package telegram

// keyboard is an inline keyboard of callback buttons. The library's
// models.InlineKeyboardButton cannot be used: it always sends copy_text,
// a struct that omitempty never leaves out, beside callback_data, while
// the Bot API wants exactly one of a button's optional fields, and a
// copy_text of 1–256 characters.
type keyboard struct {
	InlineKeyboard [][]button `json:"inline_keyboard"`
}

// button is an inline keyboard button that sends callback data (1–64
// bytes, see callbackData) to the bot when tapped, or opens URL.
type button struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data,omitempty"`
	URL          string `json:"url,omitempty"`
}

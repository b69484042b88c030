package telegram

import (
	"strconv"
	"strings"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/catalog"
)

// commandMenu is the command list Telegram shows, in lang.
func commandMenu(lang corpus.Lang) []models.BotCommand {
	names := []string{"start", "help", "ask", "cities", "contact", "latest", "search", "lang", "subscribe", "unsubscribe", "follow", "following", "unfollow", "digest"}
	menu := make([]models.BotCommand, len(names))
	for i, n := range names {
		menu[i] = models.BotCommand{Command: n, Description: catalog.Text(lang, "telegram.command."+n)}
	}
	return menu
}

// helpLines is how many lines the help has: telegram.help.1 to .9 of the
// message catalogue.
const helpLines = 9

// helpText says what the bot does and how to use it, in lang.
func helpText(lang corpus.Lang) string {
	lines := make([]string, helpLines)
	for i := range lines {
		lines[i] = catalog.Text(lang, "telegram.help."+strconv.Itoa(i+1))
	}
	return strings.Join(lines, "\n")
}

package telegram

import (
	"strings"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/corpus"
)

// commandMenu is the command list Telegram shows, in lang.
func commandMenu(lang corpus.Lang) []models.BotCommand {
	descriptions := map[corpus.Lang][]string{
		corpus.German: {
			"Begrüßung und Beispielfragen", "Was ich beantworten kann", "Eine Frage stellen", "Mitgliedsstädte, nach Land oder Region",
			"Ansprechpartner und Kontaktdaten", "Die neuesten Pressemitteilungen", "Pressemitteilungen durchsuchen", "Sprache wählen: de, en oder zh",
			"Neue Pressemitteilungen abonnieren (auch @Kanal)", "Abo beenden",
		},
		corpus.English: {
			"Welcome and example questions", "What I can answer", "Ask a question", "Member cities, by country or region",
			"Contact person and details", "The latest press releases", "Search the press releases", "Choose the language: de, en or zh",
			"Get every new press release (also @channel)", "Stop getting press releases",
		},
		corpus.Chinese: {
			"欢迎和示例问题", "我能回答什么", "提问", "成员城市（可按国家或地区）",
			"联系人和联系方式", "最新新闻稿", "搜索新闻稿", "选择语言：de、en 或 zh",
			"订阅新新闻稿（也可 @频道）", "取消订阅",
		},
	}[lang]
	names := []string{"start", "help", "ask", "cities", "contact", "latest", "search", "lang", "subscribe", "unsubscribe"}
	menu := make([]models.BotCommand, len(names))
	for i, n := range names {
		menu[i] = models.BotCommand{Command: n, Description: descriptions[i]}
	}
	return menu
}

// helpText says what the bot does and how to use it, in lang.
func helpText(lang corpus.Lang) string {
	lines := map[corpus.Lang][]string{
		corpus.German: {
			"Ich beantworte Fragen zur Chinesisch-Deutschen Industriestädteallianz (ISA) aus ihren Pressemitteilungen und Daten – mit Quelle und Datum. Schreiben Sie mir einfach Ihre Frage, auf Deutsch, Englisch oder Chinesisch.",
			"/cities [Land oder Region] – Mitgliedsstädte, z. B. /cities Bayern",
			"/contact – Ansprechpartner und Kontaktdaten",
			"/latest – die neuesten Pressemitteilungen",
			"/search WÖRTER – Pressemitteilungen durchsuchen",
			"/lang de|en|zh – Sprache der Antworten in diesem Chat",
			"/subscribe – jede neue Pressemitteilung erhalten (in Gruppen für Administratoren; /subscribe @Kanal für einen Kanal), /unsubscribe – Abo beenden",
			"In Gruppen antworte ich auf Befehle, Erwähnungen und Antworten auf meine Nachrichten. In jedem Chat: @Botname Frage.",
		},
		corpus.English: {
			"I answer questions about the Chinese-German Industrial Cities Alliance (ISA) from its press releases and data – with source and date. Just send me your question, in German, English or Chinese.",
			"/cities [country or region] – member cities, e.g. /cities Bavaria",
			"/contact – contact person and details",
			"/latest – the latest press releases",
			"/search WORDS – search the press releases",
			"/lang de|en|zh – language of the answers in this chat",
			"/subscribe – get every new press release (in groups for admins; /subscribe @channel for a channel), /unsubscribe – stop",
			"In groups I answer commands, mentions and replies to my messages. In any chat: @botname question.",
		},
		corpus.Chinese: {
			"我根据中德工业城市联盟（ISA）的新闻稿和资料回答问题，并注明来源和日期。请直接发送您的问题，中文、德文或英文均可。",
			"/cities [国家或地区] – 成员城市，例如 /cities 广东",
			"/contact – 联系人和联系方式",
			"/latest – 最新新闻稿",
			"/search 关键词 – 搜索新闻稿",
			"/lang de|en|zh – 本聊天的回答语言",
			"/subscribe – 接收每一篇新新闻稿（群组中仅限管理员；/subscribe @频道 订阅频道），/unsubscribe – 取消订阅",
			"在群组中，我回答命令、提及我的消息和对我消息的回复。在任何聊天中：@机器人名 问题。",
		},
	}[lang]
	return strings.Join(lines, "\n")
}

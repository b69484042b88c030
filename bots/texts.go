package bots

import (
	"github.com/isa-alliance/isabot/corpus"
)

// Texts are the words the bots say around the engine's answers, in one
// language.
type Texts struct {
	Sources     string // heading of an answer's sources
	Examples    []string
	TryExamples string // above the example buttons of an unanswered question
	Welcome     string // /start
	LangSet     string // after /lang; %s is the language's name
	LangUsage   string
	LangName    string
	SearchUsage string
	SearchNone  string // %s is the search
	SearchPage  string // %d of %d pages, %d releases
	Latest      string
	NoReleases  string
	AskUsage    string
	ReadMore    string
	Next        string
	Previous    string
	Share       string // Slack: share an answer in the channel
	Unsupported string // a photo, sticker or other non-text message
	Failed      string // the engine failed: try again

	Subscribed         string // %s names the chat
	AlreadySubscribed  string
	Unsubscribed       string
	NotSubscribed      string
	AdminsOnly         string // a group member who is no admin
	ChannelAdminsOnly  string // %s is the channel
	BotNotChannelAdmin string // %s is the channel
	NewRelease         string // above an announcement
}

// TextsFor returns the texts in lang, German when lang is unknown.
func TextsFor(lang corpus.Lang) Texts {
	switch lang {
	case corpus.English:
		return Texts{
			Sources:     "Sources",
			Examples:    []string{"When was the ISA founded?", "Is Cologne a member?", "Which Chinese cities are members?", "Who is the contact person?"},
			TryExamples: "Try one of these questions:",
			Welcome:     "Hello! I answer questions about the Chinese-German Industrial Cities Alliance (ISA) from its press releases and data, with the source of every fact. Ask me in German, English or Chinese, for example:",
			LangSet:     "From now on I answer in %s in this chat, unless a question is clearly in another language.",
			LangUsage:   "Use /lang de, /lang en or /lang zh.",
			LangName:    "English",
			SearchUsage: "Tell me what to search for, for example: /search pandemic",
			SearchNone:  "No press release matches “%s”.",
			SearchPage:  "Page %d of %d · %d release(s)",
			Latest:      "The latest press releases:",
			NoReleases:  "There are no press releases yet.",
			AskUsage:    "Ask a question after the command, for example: /ask When was the ISA founded?",
			ReadMore:    "Read more",
			Next:        "Next ›",
			Previous:    "‹ Back",
			Share:       "Share in channel",
			Unsupported: "I can only read text. Ask me a question about the ISA, for example:",
			Failed:      "That did not work just now. Please try again in a moment.",

			Subscribed:         "Subscribed: %s gets every new press release of the ISA from now on. /unsubscribe ends it.",
			AlreadySubscribed:  "%s is subscribed already.",
			Unsubscribed:       "Unsubscribed: %s gets no more press releases.",
			NotSubscribed:      "%s was not subscribed.",
			AdminsOnly:         "Only the admins of this group can subscribe or unsubscribe it.",
			ChannelAdminsOnly:  "Only an admin of %s can subscribe or unsubscribe it.",
			BotNotChannelAdmin: "Make me an admin of %s first, so that I can post there.",
			NewRelease:         "New press release",
		}
	case corpus.Chinese:
		return Texts{
			Sources:     "来源",
			Examples:    []string{"联盟是什么时候成立的？", "科隆是成员吗？", "有哪些中国成员城市？", "联系人是谁？"},
			TryExamples: "可以试试这些问题：",
			Welcome:     "您好！我根据中德工业城市联盟（ISA）的新闻稿和资料回答有关联盟的问题，并注明每个事实的来源。您可以用中文、德文或英文提问，例如：",
			LangSet:     "从现在起，我在本聊天中用%s回答，除非问题明显使用其他语言。",
			LangUsage:   "请使用 /lang de、/lang en 或 /lang zh。",
			LangName:    "中文",
			SearchUsage: "请告诉我要搜索什么，例如：/search 疫情",
			SearchNone:  "没有与“%s”相符的新闻稿。",
			SearchPage:  "第%d页，共%d页 · %d篇新闻稿",
			Latest:      "最新的新闻稿：",
			NoReleases:  "目前还没有新闻稿。",
			AskUsage:    "请在命令后输入问题，例如：/ask 联盟是什么时候成立的？",
			ReadMore:    "阅读全文",
			Next:        "下一页 ›",
			Previous:    "‹ 上一页",
			Share:       "分享到频道",
			Unsupported: "我只能读文字。请问我一个关于联盟的问题，例如：",
			Failed:      "暂时无法完成，请稍后再试。",

			Subscribed:         "已订阅：%s 从现在起将收到联盟的每一篇新新闻稿。/unsubscribe 可取消。",
			AlreadySubscribed:  "%s 已经订阅。",
			Unsubscribed:       "已取消订阅：%s 将不再收到新闻稿。",
			NotSubscribed:      "%s 尚未订阅。",
			AdminsOnly:         "只有本群管理员才能为本群订阅或取消订阅。",
			ChannelAdminsOnly:  "只有 %s 的管理员才能为其订阅或取消订阅。",
			BotNotChannelAdmin: "请先把我设为 %s 的管理员，这样我才能在那里发布。",
			NewRelease:         "新新闻稿",
		}
	}
	return Texts{
		Sources:     "Quellen",
		Examples:    []string{"Wann wurde die ISA gegründet?", "Ist Köln Mitglied?", "Welche chinesischen Städte sind dabei?", "Wer ist die Ansprechpartnerin?"},
		TryExamples: "Probieren Sie eine dieser Fragen:",
		Welcome:     "Hallo! Ich beantworte Fragen zur Chinesisch-Deutschen Industriestädteallianz (ISA) aus ihren Pressemitteilungen und Daten, mit der Quelle jeder Angabe. Fragen Sie auf Deutsch, Englisch oder Chinesisch, zum Beispiel:",
		LangSet:     "Ab jetzt antworte ich in diesem Chat auf %s, außer eine Frage ist klar in einer anderen Sprache.",
		LangUsage:   "Mit /lang de, /lang en oder /lang zh.",
		LangName:    "Deutsch",
		SearchUsage: "Wonach soll ich suchen? Zum Beispiel: /search Pandemie",
		SearchNone:  "Keine Pressemitteilung passt zu „%s“.",
		SearchPage:  "Seite %d von %d · %d Pressemitteilungen",
		Latest:      "Die neuesten Pressemitteilungen:",
		NoReleases:  "Es gibt noch keine Pressemitteilungen.",
		AskUsage:    "Stellen Sie Ihre Frage nach dem Befehl, zum Beispiel: /ask Wann wurde die ISA gegründet?",
		ReadMore:    "Weiterlesen",
		Next:        "Weiter ›",
		Previous:    "‹ Zurück",
		Share:       "Im Kanal teilen",
		Unsupported: "Ich kann nur Text lesen. Fragen Sie mich etwas zur ISA, zum Beispiel:",
		Failed:      "Das hat gerade nicht geklappt. Bitte versuchen Sie es gleich noch einmal.",

		Subscribed:         "Abonniert: %s erhält ab jetzt jede neue Pressemitteilung der ISA. Mit /unsubscribe endet das Abo.",
		AlreadySubscribed:  "%s ist schon abonniert.",
		Unsubscribed:       "Abo beendet: %s erhält keine Pressemitteilungen mehr.",
		NotSubscribed:      "%s war nicht abonniert.",
		AdminsOnly:         "Nur die Administratoren dieser Gruppe können sie abonnieren oder das Abo beenden.",
		ChannelAdminsOnly:  "Nur ein Administrator von %s kann den Kanal abonnieren oder das Abo beenden.",
		BotNotChannelAdmin: "Machen Sie mich zuerst zum Administrator von %s, damit ich dort posten kann.",
		NewRelease:         "Neue Pressemitteilung",
	}
}

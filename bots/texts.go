package bots

import (
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/catalog"
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
	// Under a corrected announcement: %s the date, %s what changed;
	// CorrectedDefault when the release does not say.
	Corrected, CorrectedDefault string
	// Slack: the bot cannot join the channel to subscribe (%s).
	InviteFirst string
	// Slack: told the subscriber when the bot was removed from %s.
	SubscriptionLost string
	// Slack: after the bot joined a channel not subscribed.
	JoinHint string
	// Slack: who is no workspace admin or owner, under SLACK_SUBSCRIBE=admins; %s is the channel.
	WorkspaceAdminsOnly string
	// Follows are the words of /follow, /following and /unfollow.
	Follows FollowTexts
	// Digest are the words of /digest and of the digests.
	Digest DigestTexts
	// Handoff is what the bots say around a question handed to the press
	// office.
	Handoff HandoffTexts
}

// HandoffTexts are the words of a hand-off to the press office: to the
// journalist on Telegram, and to the liaisons in Slack.
type HandoffTexts struct {
	Offer       string // the button under an answer
	Preview     string // %s the question, %s its language's name
	WithName    string
	Anonymously string
	Sent        string
	Failed      string
	Reply       string // above the reply; %s the liaison, %s the date
	Declined    string // %s the question
	// FollowUpSent tells the journalist their follow-up went on.
	FollowUpSent string

	Title, Lang, AskedBy, Anonymous, BotAnswer, BotCannot, Source string
	Answer, NotForUs, Dismiss                                     string
	AnsweredBy, DeclinedBy, DismissedBy                           string // %s the liaison, %s the date
	Taken                                                         string // %s the liaison answering
	Closed, WrongChannel                                          string
	ModalTitle, ModalReply, ModalLang, Send, Cancel               string
	ModalOrg, ModalLearn, ModalOthers, ModalOthersHint            string
	Curated                                                       string // %s the curated answer's id
	NotCurated                                                    string // %s why
	BoardOpen, BoardCurated                                       string // %d how many
	BoardNone                                                     string
	BoardMore                                                     string // %d how many more
	Undelivered                                                   string // %s why
	Blocked                                                       string
	Reminder                                                      string // %s when it was asked
	Expired                                                       string // %s the date
	FollowUp                                                      string // %s who asked
}

// FollowTexts are the words about what a chat follows.
type FollowTexts struct {
	Usage   string
	TooMany string // %d the most
	All     string // %s the chat
	None    string // %s the chat
	Header  string // %s the chat
	Cities  string // %s the list
	Topics  string // %s the list
}

// DigestTexts are the words about a chat's daily digest.
type DigestTexts struct {
	Usage   string
	BadZone string // %s the zone
	On      string // %s the chat, %s the hour, %s the zone
	Off     string // %s the chat
	Heading string // %s the day, %d how many releases
}

// TextsFor returns the texts in lang, from the message catalogue; German
// when lang is unknown.
func TextsFor(lang corpus.Lang) Texts {
	text := func(key string) string { return catalog.Text(lang, "bots."+key) }
	return Texts{
		Sources:            text("sources"),
		TryExamples:        text("try_examples"),
		Welcome:            text("welcome"),
		LangSet:            text("lang_set"),
		LangUsage:          text("lang_usage"),
		LangName:           text("lang_name"),
		SearchUsage:        text("search_usage"),
		SearchNone:         text("search_none"),
		SearchPage:         text("search_page"),
		Latest:             text("latest"),
		NoReleases:         text("no_releases"),
		AskUsage:           text("ask_usage"),
		ReadMore:           text("read_more"),
		Next:               text("next"),
		Previous:           text("previous"),
		Share:              text("share"),
		Unsupported:        text("unsupported"),
		Failed:             text("failed"),
		Subscribed:         text("subscribed"),
		AlreadySubscribed:  text("already_subscribed"),
		Unsubscribed:       text("unsubscribed"),
		NotSubscribed:      text("not_subscribed"),
		AdminsOnly:         text("admins_only"),
		ChannelAdminsOnly:  text("channel_admins_only"),
		BotNotChannelAdmin: text("bot_not_channel_admin"),
		NewRelease:         text("new_release"),
		Corrected:          text("corrected"),
		CorrectedDefault:   text("corrected_default"),
		InviteFirst:        text("invite_first"),
		SubscriptionLost:   text("subscription_lost"),
		JoinHint:           text("join_hint"),

		WorkspaceAdminsOnly: text("workspace_admins_only"),
		Handoff:             handoffTexts(text),
		Follows: FollowTexts{
			Usage: text("follow_usage"), TooMany: text("follow_too_many"), All: text("follows_all"), None: text("follows_none"),
			Header: text("follows_header"), Cities: text("follows_cities"), Topics: text("follows_topics"),
		},
		Digest: DigestTexts{
			Usage: text("digest_usage"), BadZone: text("digest_bad_zone"), On: text("digest_on"), Off: text("digest_off"), Heading: text("digest_heading"),
		},
		Examples: []string{text("examples.1"), text("examples.2"), text("examples.3"), text("examples.4")},
	}
}

func handoffTexts(text func(string) string) HandoffTexts {
	h := func(key string) string { return text("handoff." + key) }
	return HandoffTexts{
		Offer: h("offer"), Preview: h("preview"), WithName: h("with_name"), Anonymously: h("anonymously"),
		Sent: h("sent"), Failed: h("failed"), Reply: h("reply"), Declined: h("declined"),
		Title: h("title"), Lang: h("lang"), AskedBy: h("asked_by"), Anonymous: h("anonymous"),
		BotAnswer: h("bot_answer"), BotCannot: h("bot_cannot"), Source: h("source"),
		Answer: h("answer"), NotForUs: h("not_for_us"), Dismiss: h("dismiss"),
		AnsweredBy: h("answered_by"), DeclinedBy: h("declined_by"), DismissedBy: h("dismissed_by"),
		Taken: h("taken"), Closed: h("closed"), WrongChannel: h("wrong_channel"),
		ModalTitle: h("modal_title"), ModalReply: h("modal_reply"), ModalLang: h("modal_lang"),
		Send: h("send"), Cancel: h("cancel"), Undelivered: h("undelivered"), Blocked: h("blocked"),
		Reminder: h("reminder"), Expired: h("expired"), FollowUp: h("follow_up"), FollowUpSent: h("follow_up_sent"),
		ModalOrg: h("modal_org"), ModalLearn: h("modal_learn"), ModalOthers: h("modal_others"), ModalOthersHint: h("modal_others_hint"),
		Curated: h("curated"), NotCurated: h("not_curated"),
		BoardOpen: h("board_open"), BoardCurated: h("board_curated"), BoardNone: h("board_none"), BoardMore: h("board_more"),
	}
}

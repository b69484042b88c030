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
	// Slack: the bot cannot join the channel to subscribe (%s).
	InviteFirst string
	// Slack: told the subscriber when the bot was removed from %s.
	SubscriptionLost string
	// Slack: after the bot joined a channel not subscribed.
	JoinHint string
	// Slack: who is no workspace admin or owner, under SLACK_SUBSCRIBE=admins; %s is the channel.
	WorkspaceAdminsOnly string
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
		InviteFirst:        text("invite_first"),
		SubscriptionLost:   text("subscription_lost"),
		JoinHint:           text("join_hint"),

		WorkspaceAdminsOnly: text("workspace_admins_only"),
		Examples:            []string{text("examples.1"), text("examples.2"), text("examples.3"), text("examples.4")},
	}
}

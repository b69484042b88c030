package slackfake

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Builders of what Slack sends an app, the same in Socket Mode (as an
// envelope's payload) and over HTTP (as a request body).

// eventTime is the event_time of the events the builders make.
const eventTime = 1700000000

// EventCallback is an Events API delivery of event (the inner event, with
// its "type"): {"token","team_id","api_app_id","event":{...},
// "type":"event_callback","event_id","event_time","authorizations":[...]}.
// An event without "event_ts" gets its "ts" as one.
func EventCallback(eventID string, event map[string]any) []byte {
	inner := make(map[string]any, len(event)+1)
	for k, v := range event {
		inner[k] = v
	}
	if _, has := inner["event_ts"]; !has {
		if ts, _ := inner["ts"].(string); ts != "" {
			inner["event_ts"] = ts
		} else {
			inner["event_ts"] = strconv.Itoa(eventTime) + ".000000"
		}
	}
	return mustJSON(map[string]any{
		"token":      VerificationToken,
		"team_id":    TeamID,
		"api_app_id": AppID,
		"event":      inner,
		"type":       "event_callback",
		"event_id":   eventID,
		"event_time": eventTime,
		"authorizations": []map[string]any{{
			"enterprise_id":         nil,
			"team_id":               TeamID,
			"user_id":               BotUserID,
			"is_bot":                true,
			"is_enterprise_install": false,
		}},
		"is_ext_shared_channel": false,
		"event_context":         "4-eyJldCI6ImFwcF9tZW50aW9uIn0",
	})
}

// AppMention is an app_mention event: userID wrote text, which mentions
// the bot, in channelID at ts.
func AppMention(userID, channelID, text, ts string) map[string]any {
	return map[string]any{
		"type":          "app_mention",
		"user":          userID,
		"text":          text,
		"ts":            ts,
		"channel":       channelID,
		"event_ts":      ts,
		"team":          TeamID,
		"client_msg_id": clientMsgID(ts),
	}
}

// clientMsgID makes a message's client_msg_id (a UUID) from its ts.
func clientMsgID(ts string) string {
	digits := strings.Repeat("0", 12) + strings.ReplaceAll(ts, ".", "")
	return "c0ffee00-0000-4000-8000-" + digits[len(digits)-12:]
}

// DirectMessage is a message event in the bot's direct-message channel
// channelID ("D..."): channel_type "im", no subtype.
func DirectMessage(userID, channelID, text, ts string) map[string]any {
	m := AppMention(userID, channelID, text, ts)
	m["type"] = "message"
	m["channel_type"] = "im"
	return m
}

// ThreadReply is a message event for a reply in the thread of the
// message threadTS in a channel ("C..." public, else private), as Slack
// sends it to an app subscribed to message.channels or message.groups.
func ThreadReply(userID, channelID, threadTS, text, ts string) map[string]any {
	m := AppMention(userID, channelID, text, ts)
	m["type"] = "message"
	m["channel_type"] = "channel"
	if !strings.HasPrefix(channelID, "C") {
		m["channel_type"] = "group"
	}
	m["thread_ts"] = threadTS
	m["parent_user_id"] = BotUserID
	return m
}

// AppHomeOpened is an app_home_opened event for the Home tab.
func AppHomeOpened(userID string) map[string]any {
	return map[string]any{
		"type":     "app_home_opened",
		"user":     userID,
		"channel":  "D0" + userID,
		"tab":      "home",
		"event_ts": strconv.Itoa(eventTime) + ".000000",
	}
}

// The workspace events: what Slack sends when a channel is renamed,
// archived or unarchived, when someone joins a channel, and when the app
// is uninstalled or its tokens revoked. Each is the inner event for
// EventCallback; the fake's own view of the channel is the test's to set
// (SetChannel), as Slack would have changed it.

// ChannelRename is a channel_rename event: channelID is now called name.
func ChannelRename(channelID, name string) map[string]any {
	return map[string]any{"type": "channel_rename", "channel": map[string]any{"id": channelID, "name": name, "created": 1700000000}}
}

// ChannelArchive is a channel_archive event: userID archived channelID.
func ChannelArchive(channelID, userID string) map[string]any {
	return map[string]any{"type": "channel_archive", "channel": channelID, "user": userID}
}

// ChannelUnarchive is a channel_unarchive event.
func ChannelUnarchive(channelID, userID string) map[string]any {
	return map[string]any{"type": "channel_unarchive", "channel": channelID, "user": userID}
}

// MemberJoinedChannel is a member_joined_channel event: userID joined
// channelID (public "C" or private "G"), invited by inviter.
func MemberJoinedChannel(userID, channelID, inviter string) map[string]any {
	typ := "C"
	if !strings.HasPrefix(channelID, "C") {
		typ = "G"
	}
	return map[string]any{"type": "member_joined_channel", "user": userID, "channel": channelID, "channel_type": typ, "team": TeamID, "inviter": inviter}
}

// AppUninstalled is an app_uninstalled event.
func AppUninstalled() map[string]any { return map[string]any{"type": "app_uninstalled"} }

// TokensRevoked is a tokens_revoked event for the bot's token.
func TokensRevoked() map[string]any {
	return map[string]any{"type": "tokens_revoked", "tokens": map[string]any{"bot": []string{BotUserID}}}
}

// URLVerification is the challenge Slack posts when an Events API
// request URL is set; the app answers with the challenge.
func URLVerification(challenge string) []byte {
	return mustJSON(map[string]any{
		"token":     VerificationToken,
		"challenge": challenge,
		"type":      "url_verification",
	})
}

// SlashCommand is the form Slack posts for a slash command (and, as a
// JSON object of the same strings, puts in a slash_commands envelope).
// Its trigger_id comes from responseURL: a command with a response URL
// of its own is a new command, one with the same URL a copy.
func SlashCommand(command, text, userID, channelID, responseURL string) url.Values {
	return url.Values{
		"token":                 {VerificationToken},
		"team_id":               {TeamID},
		"team_domain":           {TeamDomain},
		"channel_id":            {channelID},
		"channel_name":          {slashChannelName(channelID)},
		"user_id":               {userID},
		"user_name":             {strings.ToLower(userID)},
		"command":               {command},
		"text":                  {text},
		"api_app_id":            {AppID},
		"is_enterprise_install": {"false"},
		"response_url":          {responseURL},
		"trigger_id":            {triggerID(responseURL)},
	}
}

func slashChannelName(id string) string {
	switch {
	case strings.HasPrefix(id, "D"):
		return "directmessage"
	case strings.HasPrefix(id, "G"):
		return "privategroup"
	}
	return channelName(id)
}

// triggerID makes the trigger_id of a command or interaction, unique to
// each as Slack's are: from its response URL, which NewResponseURL makes
// anew for each.
func triggerID(responseURL string) string {
	sum := sha256.Sum256([]byte(responseURL))
	return "1700000000.1337." + hex.EncodeToString(sum[:8])
}

// EphemeralTS is the message_ts BlockAction gives the ephemeral message
// whose button was pressed.
const EphemeralTS = "1700000000.000050"

// BlockAction is the interactive payload Slack sends when userID presses
// a button (action actionID, value value) on an ephemeral message in
// channelID: type "block_actions", a container with message_ts and
// is_ephemeral true, and the button's block_id set to actionID. Its
// trigger_id comes from responseURL, as SlashCommand's does.
func BlockAction(userID, channelID, responseURL, actionID, value string) []byte {
	return mustJSON(map[string]any{
		"type": "block_actions",
		"user": map[string]any{
			"id":       userID,
			"username": strings.ToLower(userID),
			"name":     strings.ToLower(userID),
			"team_id":  TeamID,
		},
		"api_app_id": AppID,
		"token":      VerificationToken,
		"container": map[string]any{
			"type":         "message",
			"message_ts":   EphemeralTS,
			"channel_id":   channelID,
			"is_ephemeral": true,
		},
		"trigger_id":            triggerID(responseURL),
		"team":                  map[string]any{"id": TeamID, "domain": TeamDomain},
		"enterprise":            nil,
		"is_enterprise_install": false,
		"channel":               map[string]any{"id": channelID, "name": slashChannelName(channelID)},
		"state":                 map[string]any{"values": map[string]any{}},
		"response_url":          responseURL,
		"actions": []map[string]any{{
			"action_id": actionID,
			"block_id":  actionID,
			"text":      map[string]any{"type": "plain_text", "text": actionID, "emoji": true},
			"value":     value,
			"type":      "button",
			"action_ts": "1700000001.000200",
		}},
	})
}

// Sign signs an HTTP request body as Slack does, for the
// X-Slack-Request-Timestamp and X-Slack-Signature headers:
// "v0=" + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)).
func Sign(secret string, ts time.Time, body []byte) (timestamp, signature string) {
	timestamp = strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + timestamp + ":"))
	mac.Write(body)
	return timestamp, "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// SignRequest sets a request's Slack signature headers for body, signed
// now with secret.
func SignRequest(r *http.Request, secret string, body []byte) {
	timestamp, signature := Sign(secret, time.Now(), body)
	r.Header.Set("X-Slack-Request-Timestamp", timestamp)
	r.Header.Set("X-Slack-Signature", signature)
}

func mustJSON(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic("slackfake: " + err.Error())
	}
	return data
}

// MessageAction is BlockAction for a button on a message the bot posted
// in channelID at messageTS, not an ephemeral one.
func MessageAction(userID, channelID, messageTS, responseURL, actionID, value string) []byte {
	var p map[string]any
	if err := json.Unmarshal(BlockAction(userID, channelID, responseURL, actionID, value), &p); err != nil {
		panic("slackfake: " + err.Error())
	}
	p["container"] = map[string]any{"type": "message", "message_ts": messageTS, "channel_id": channelID, "is_ephemeral": false}
	p["message"] = map[string]any{"type": "message", "ts": messageTS, "user": BotUserID, "bot_id": BotID}
	return mustJSON(p)
}

// ViewSubmission is the interactive payload Slack sends when userID
// submits modal m with the inputs' values: block id → action id → value
// (TextValue, SelectValue, CheckedValue). As Slack's client, it refuses
// values the modal does not let the user enter (an unknown block_id or
// action_id, a required input left empty, a text beyond its lengths, an
// option not offered), and the state holds every input block, those not
// given with their initial value. Its trigger_id is m's and the user's
// own.
func ViewSubmission(userID string, m Modal, values map[string]map[string]any) ([]byte, error) {
	var view map[string]any
	if err := json.Unmarshal(m.View, &view); err != nil {
		return nil, fmt.Errorf("slackfake: modal %s: %w", m.ID, err)
	}
	state, err := submittedState(view, values)
	if err != nil {
		return nil, fmt.Errorf("slackfake: Slack would not submit modal %s so: %w", m.ID, err)
	}
	view["id"], view["team_id"], view["app_id"], view["bot_id"] = m.ID, TeamID, AppID, BotID
	view["state"] = map[string]any{"values": state}
	return mustJSON(map[string]any{
		"type": "view_submission",
		"user": map[string]any{
			"id":       userID,
			"username": strings.ToLower(userID),
			"name":     strings.ToLower(userID),
			"team_id":  TeamID,
		},
		"api_app_id":            AppID,
		"token":                 VerificationToken,
		"trigger_id":            triggerID(m.ID + "/" + userID),
		"team":                  map[string]any{"id": TeamID, "domain": TeamDomain},
		"enterprise":            nil,
		"is_enterprise_install": false,
		"view":                  view,
		"response_urls":         []any{},
	}), nil
}

// ViewClosed is the interactive payload Slack sends when userID closes
// modal m, opened with notify_on_close, without submitting it.
func ViewClosed(userID string, m Modal) []byte {
	var view map[string]any
	if err := json.Unmarshal(m.View, &view); err != nil {
		panic("slackfake: " + err.Error())
	}
	view["id"], view["team_id"], view["app_id"], view["bot_id"] = m.ID, TeamID, AppID, BotID
	return mustJSON(map[string]any{
		"type":                  "view_closed",
		"user":                  map[string]any{"id": userID, "username": strings.ToLower(userID), "name": strings.ToLower(userID), "team_id": TeamID},
		"api_app_id":            AppID,
		"token":                 VerificationToken,
		"team":                  map[string]any{"id": TeamID, "domain": TeamDomain},
		"is_enterprise_install": false,
		"view":                  view,
		"is_cleared":            false,
	})
}

// TextValue is a plain_text_input's value in ViewSubmission.
func TextValue(v string) map[string]any {
	return map[string]any{"type": "plain_text_input", "value": v}
}

// SelectValue is a static_select's chosen option in ViewSubmission.
func SelectValue(v string) map[string]any {
	return map[string]any{"type": "static_select", "selected_option": map[string]any{
		"text": map[string]any{"type": "plain_text", "text": v}, "value": v}}
}

// CheckedValue is a checkboxes element's chosen options in
// ViewSubmission.
func CheckedValue(values ...string) map[string]any {
	options := make([]any, len(values))
	for i, v := range values {
		options[i] = map[string]any{"text": map[string]any{"type": "plain_text", "text": v}, "value": v}
	}
	return map[string]any{"type": "checkboxes", "selected_options": options}
}

package slackfake

import "strings"

// Channel is what the fake knows of a conversation: its name, whether it
// is private, whether the bot is in it and whether it is archived. A
// conversation no test set is as Slack would have one the bot was
// invited to: public when its id starts with C, private otherwise (G),
// a direct message with the bot when it starts with D or is a user id
// (U, W), and the bot a member of it.
type Channel struct {
	Name     string
	Private  bool
	Member   bool // the bot is in it
	Archived bool
}

// User is what users.info tells of a workspace member.
type User struct {
	Admin, Owner bool
}

// SetChannel sets what the fake knows of conversation id.
func (s *Server) SetChannel(id string, c Channel) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.channels[id] = c
}

// Channel returns what the fake knows of conversation id.
func (s *Server) Channel(id string) Channel {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.channelLocked(id)
}

// SetUser sets what users.info tells of user id; a user no test set is
// a member who is neither admin nor owner.
func (s *Server) SetUser(id string, u User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[id] = u
}

// channelLocked is conversation id as a test set it, else the default.
// s.mu is held.
func (s *Server) channelLocked(id string) Channel {
	if c, ok := s.channels[id]; ok {
		return c
	}
	c := Channel{Private: !strings.HasPrefix(id, "C"), Member: true}
	if !direct(id) {
		c.Name = channelName(id)
	}
	return c
}

// direct reports whether id is a direct message: a D channel, or a user
// id that chat.postMessage takes for the bot's DM with the user.
func direct(id string) bool {
	return strings.HasPrefix(id, "D") || strings.HasPrefix(id, "U") || strings.HasPrefix(id, "W")
}

// postable is the error Slack answers a post to channel with, or "".
// s.mu is held.
func (s *Server) postable(channel string) string {
	c := s.channelLocked(channel)
	switch {
	case c.Archived:
		return "is_archived"
	case !c.Member:
		return "not_in_channel"
	}
	return ""
}

// channelJSON is a conversation as conversations.info and
// conversations.join answer it.
func channelJSON(id string, c Channel) map[string]any {
	im := direct(id)
	ch := map[string]any{
		"id":          id,
		"created":     1700000000,
		"is_channel":  !im && !c.Private,
		"is_group":    !im && c.Private,
		"is_im":       im,
		"is_private":  c.Private || im,
		"is_archived": c.Archived,
		"is_member":   c.Member,
	}
	if !im {
		ch["name"] = c.Name
		ch["name_normalized"] = c.Name
	}
	return ch
}

func (s *Server) conversationInfo(p map[string]string) reply {
	id := p["channel"]
	if id == "" {
		return fail("channel_not_found")
	}
	return ok(map[string]any{"channel": channelJSON(id, s.channelLocked(id))})
}

// joinConversation is conversations.join: a public channel only, as
// Slack allows a bot with the channels:join scope.
func (s *Server) joinConversation(p map[string]string) reply {
	id := p["channel"]
	if id == "" {
		return fail("channel_not_found")
	}
	c := s.channelLocked(id)
	switch {
	case c.Private || direct(id):
		return fail("method_not_supported_for_channel_type")
	case c.Archived:
		return fail("is_archived")
	}
	already := c.Member
	c.Member = true
	s.channels[id] = c
	r := ok(map[string]any{"channel": channelJSON(id, c)})
	if already {
		r.body["warning"] = "already_in_channel"
	}
	return r
}

func (s *Server) userInfo(p map[string]string) reply {
	id := p["user"]
	if id == "" {
		return fail("user_not_found")
	}
	u := s.users[id]
	return ok(map[string]any{"user": map[string]any{
		"id": id, "team_id": TeamID, "name": strings.ToLower(id),
		"is_admin": u.Admin || u.Owner, "is_owner": u.Owner, "is_bot": false,
	}})
}

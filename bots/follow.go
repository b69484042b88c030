package bots

import (
	"fmt"
	"strings"

	"github.com/isa-alliance/isabot/bots/store"
)

// Cities resolves a city's name in any of its spellings to its canonical
// name; package search's Engine is one.
type Cities interface {
	CityNamed(words string) (string, bool)
}

// Bounds on what one chat follows, so that no message can grow the state
// without end.
const (
	MaxFollows     = 50
	maxFollowRunes = 60
)

// ParseFollows reads the argument of /follow or /unfollow: cities and
// topics separated by commas. What cities names is a city, under its
// canonical name; anything else a topic, clipped. With cities nil every
// item is a topic.
func ParseFollows(args string, cities Cities) store.Follows {
	var f store.Follows
	for item := range strings.SplitSeq(args, ",") {
		item = strings.Join(strings.Fields(item), " ")
		if item == "" {
			continue
		}
		if cities != nil {
			if name, ok := cities.CityNamed(item); ok {
				f.Cities = append(f.Cities, name)
				continue
			}
		}
		f.Topics = append(f.Topics, Clip(item, maxFollowRunes))
	}
	return f
}

// FollowsText says what a chat named name gets: nothing (not
// subscribed), everything, or the cities and topics it follows.
func FollowsText(t FollowTexts, name string, sub store.Subscription, subscribed bool) string {
	switch {
	case !subscribed:
		return fmt.Sprintf(t.None, name)
	case len(sub.Cities)+len(sub.Topics) == 0:
		return fmt.Sprintf(t.All, name)
	}
	lines := []string{fmt.Sprintf(t.Header, name)}
	if len(sub.Cities) > 0 {
		lines = append(lines, fmt.Sprintf(t.Cities, strings.Join(sub.Cities, ", ")))
	}
	if len(sub.Topics) > 0 {
		lines = append(lines, fmt.Sprintf(t.Topics, strings.Join(sub.Topics, ", ")))
	}
	return strings.Join(lines, "\n")
}

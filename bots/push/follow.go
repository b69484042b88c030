package push

import (
	"slices"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// wants tells which subscriptions get r: those that follow everything,
// and those that follow a city r names or a topic it is about. What r
// names is worked out once, and each topic once, however many chats
// follow it: matching costs little beside the sending.
func (p *Pusher) wants(r *corpus.Release) func(store.Subscription) bool {
	if p.matcher == nil {
		return nil
	}
	var cities []string
	citiesKnown := false
	about := map[string]bool{}
	return func(sub store.Subscription) bool {
		if len(sub.Cities)+len(sub.Topics) == 0 {
			return true
		}
		if len(sub.Cities) > 0 && !citiesKnown {
			cities, citiesKnown = p.matcher.CitiesNamed(r), true
		}
		if slices.ContainsFunc(sub.Cities, func(c string) bool { return slices.Contains(cities, c) }) {
			return true
		}
		return slices.ContainsFunc(sub.Topics, func(t string) bool {
			is, ok := about[t]
			if !ok {
				is = p.matcher.About(r, t)
				about[t] = is
			}
			return is
		})
	}
}

package push

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// tableMatcher says what releases are about from their titles: a city
// is named when the title holds it, a topic when the title holds it in
// any case. It counts its calls.
type tableMatcher struct {
	mu           sync.Mutex
	cities       []string
	citiesCalls  int
	aboutCalls   int
	aboutByTopic map[string]int
}

func (m *tableMatcher) CitiesNamed(r *corpus.Release) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.citiesCalls++
	var out []string
	for _, c := range m.cities {
		if strings.Contains(r.Title, c) {
			out = append(out, c)
		}
	}
	return out
}

func (m *tableMatcher) About(r *corpus.Release, topic string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.aboutCalls++
	m.aboutByTopic[topic]++
	return strings.Contains(strings.ToLower(r.Title), strings.ToLower(topic))
}

func TestFollowsChooseTheChats(t *testing.T) {
	h := start(t, Limits{}, 0, nil)
	m := &tableMatcher{cities: []string{"Köln", "Foshan"}, aboutByTopic: map[string]int{}}
	h.stop()
	h.matcher = m
	h.run(realClock{})
	defer h.stop()
	follows := map[string]store.Follows{
		"all":       {},
		"koeln":     {Cities: []string{"Köln"}},
		"koeln2":    {Cities: []string{"Köln"}},
		"foshan":    {Cities: []string{"Foshan"}},
		"hydrogen":  {Topics: []string{"Wasserstoff"}},
		"hydrogen2": {Topics: []string{"Wasserstoff"}},
		"both":      {Cities: []string{"Foshan"}, Topics: []string{"Jugend"}},
	}
	for chat, f := range follows {
		sub := store.Subscription{Platform: "fake", Chat: chat}
		if len(f.Cities)+len(f.Topics) == 0 {
			h.state.Subscribe(sub)
			continue
		}
		if _, err := h.state.Follow(sub, f); err != nil {
			t.Fatal(err)
		}
	}
	releases := []*corpus.Release{newRelease("r1", 1), newRelease("r2", 2), newRelease("r3", 3)}
	releases[0].Title = "Wasserstoffgipfel in Köln"
	releases[1].Title = "Jugendcamp in Shanghai"
	releases[2].Title = "Delegation aus Berlin"
	total := 0
	for _, r := range releases {
		total += h.announce(t, r)
	}
	h.wait(t, total)
	want := map[string][]string{
		"all":       {"r1", "r2", "r3"},
		"koeln":     {"r1"},
		"koeln2":    {"r1"},
		"foshan":    nil,
		"hydrogen":  {"r1"},
		"hydrogen2": {"r1"},
		"both":      {"r2"},
	}
	for chat, w := range want {
		if got := h.sender.sentTo(chat); !slices.Equal(got, w) {
			t.Errorf("%s got %v, want %v", chat, got, w)
		}
	}
	// Each release is matched once for its cities and once per topic,
	// however many chats follow them.
	if m.citiesCalls != 3 {
		t.Errorf("cities worked out %d times for 3 releases", m.citiesCalls)
	}
	if m.aboutByTopic["Wasserstoff"] != 3 {
		t.Errorf("the topic matched %d times for 3 releases", m.aboutByTopic["Wasserstoff"])
	}
}

package store

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestFollowAndUnfollow(t *testing.T) {
	s := openSubscribed(t, filepath.Join(t.TempDir(), "state.db"), 1) // chat 100 gets everything
	steps := []struct {
		name       string
		chat       string
		follow     *Follows
		unfollow   *Follows
		wantCities []string
		wantTopics []string
		wantSub    bool
	}{
		{"a new chat follows a city", "7", &Follows{Cities: []string{"Köln"}}, nil, []string{"Köln"}, nil, true},
		{"and a topic, the city once", "7", &Follows{Cities: []string{"Köln"}, Topics: []string{"Wasserstoff"}}, nil, []string{"Köln"}, []string{"Wasserstoff"}, true},
		{"a topic in another case is the same", "7", &Follows{Topics: []string{"wasserstoff"}}, nil, []string{"Köln"}, []string{"Wasserstoff"}, true},
		{"unfollowing the city keeps the topic", "7", nil, &Follows{Cities: []string{"Köln"}}, nil, []string{"Wasserstoff"}, true},
		{"unfollowing the last ends the subscription", "7", nil, &Follows{Topics: []string{"WASSERSTOFF"}}, nil, nil, false},
		{"a chat that gets everything is narrowed", "100", &Follows{Cities: []string{"Foshan"}}, nil, []string{"Foshan"}, nil, true},
		{"unfollowing what it does not follow changes nothing", "100", nil, &Follows{Cities: []string{"Köln"}}, []string{"Foshan"}, nil, true},
	}
	for _, st := range steps {
		var err error
		if st.follow != nil {
			_, err = s.Follow(Subscription{Platform: "telegram", Chat: st.chat}, *st.follow)
		} else {
			_, _, err = s.Unfollow("telegram", st.chat, *st.unfollow)
		}
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		sub, ok, err := s.Subscription("telegram", st.chat)
		if err != nil || ok != st.wantSub || !slices.Equal(sub.Cities, st.wantCities) || !slices.Equal(sub.Topics, st.wantTopics) {
			t.Errorf("%s: subscribed %v, cities %v, topics %v (%v)", st.name, ok, sub.Cities, sub.Topics, err)
		}
	}
}

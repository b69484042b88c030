package push

import (
	"testing"
	"time"
)

func TestBucketHoldsASecondToTheRate(t *testing.T) {
	// Messages that go late by a little, now and then, must not put
	// more than the rate into any second: spaced at 1/30 s alone, a late
	// first and an on-time 31st fall within one second.
	for _, tt := range []struct {
		name string
		late func(i int) time.Duration
	}{
		{"on time", func(int) time.Duration { return 0 }},
		{"some late by a little", func(i int) time.Duration { return time.Duration(i%7) * 100 * time.Microsecond }},
		{"a stall, then on time", func(i int) time.Duration {
			if i == 10 {
				return 200 * time.Millisecond
			}
			return 0
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := tokenBucket{rate: 30, max: 30}
			now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			var went []time.Time
			for i := range 300 {
				now = now.Add(b.take(now) + tt.late(i))
				b.wentAt(now)
				went = append(went, now)
			}
			for i := 30; i < len(went); i++ {
				if d := went[i].Sub(went[i-30]); d < time.Second {
					t.Fatalf("messages %d to %d went within %v", i-30, i, d)
				}
			}
			if took := went[len(went)-1].Sub(went[0]); took > 10*time.Second+300*time.Millisecond {
				t.Errorf("300 messages took %v, want about 10 s", took)
			}
		})
	}
}

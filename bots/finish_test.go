package bots

import (
	"context"
	"testing"
	"time"
)

type valueKey struct{}

func TestFinish(t *testing.T) {
	// Work outlives its parent by the grace, and no longer.
	parent, stop := context.WithCancel(context.WithValue(context.Background(), valueKey{}, "v"))
	work, cancel := Finish(parent, time.Hour, 20*time.Millisecond)
	defer cancel()
	stop()
	if err := work.Err(); err != nil {
		t.Fatalf("work ended with its parent: %v", err)
	}
	if work.Value(valueKey{}) != "v" {
		t.Error("the parent's values are lost")
	}
	<-work.Done() // the test times out if the grace never ends it

	// Without shutdown, the timeout ends it; cancel releases it early.
	work, cancel = Finish(context.Background(), 20*time.Millisecond, time.Hour)
	<-work.Done()
	cancel()
	if work.Err() != context.DeadlineExceeded {
		t.Errorf("err = %v, want the deadline", work.Err())
	}
	work, cancel = Finish(context.Background(), time.Hour, time.Hour)
	cancel()
	if work.Err() != context.Canceled {
		t.Errorf("err = %v, want canceled", work.Err())
	}
}

func TestFinishDrain(t *testing.T) {
	// Under a drain, work ends when the drain ends: not when its parent
	// ends, not after a grace, and no later than its own timeout.
	drain, end := Draining(context.Background())
	defer end()
	parent, stop := context.WithCancel(drain)
	work, cancel := Finish(parent, time.Hour, time.Millisecond)
	defer cancel()
	short, cancelShort := Finish(parent, 20*time.Millisecond, time.Hour)
	defer cancelShort()
	// A request's context ends when its handler returns; what it started
	// in the background under the drain goes on.
	request, done := context.WithCancel(drain)
	background, cancelBackground := Finish(request, time.Hour, time.Millisecond)
	defer cancelBackground()
	done()

	stop()
	<-short.Done()
	time.Sleep(50 * time.Millisecond) // well past the grace
	for name, ctx := range map[string]context.Context{"work": work, "background work": background} {
		if err := ctx.Err(); err != nil {
			t.Fatalf("%s ended before the drain: %v", name, err)
		}
	}
	if short.Err() != context.DeadlineExceeded {
		t.Errorf("short work: err = %v, want its deadline", short.Err())
	}
	end()
	<-work.Done() // the test times out if the drain's end does not end it
	<-background.Done()
	if work.Err() != context.Canceled {
		t.Errorf("err = %v, want canceled", work.Err())
	}
}

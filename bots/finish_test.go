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

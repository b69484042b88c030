package telegramtest

import "time"

// SetWaitFor shortens how long WaitCalls waits, to test its failure.
func SetWaitFor(s *Server, d time.Duration) { s.waitFor = d }

// SetClock makes the server read the time of a call's arrival from now.
func SetClock(s *Server, now func() time.Time) { s.now = now }

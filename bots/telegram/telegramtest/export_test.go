package telegramtest

import "time"

// SetWaitFor shortens how long WaitCalls waits, to test its failure.
func SetWaitFor(s *Server, d time.Duration) { s.waitFor = d }

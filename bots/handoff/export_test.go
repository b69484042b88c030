package handoff

import "time"

// SetNow sets the desk's clock, for the tests of package handoff_test.
func (d *Desk) SetNow(now func() time.Time) { d.now = now }

package corpus

import "time"

// Release is one press release of the alliance.
type Release struct {
	// ID is stable across edits: the file name without its extension, the
	// front matter's id, or derived from a feed item's link.
	ID    string
	Date  time.Time
	Place string // the dateline's place, such as "Berlin"
	Title string
	Lang  Lang
	// Body holds the news text, one paragraph per element, with the
	// boilerplate kept apart in About and Contact.
	Body []string
	// About is the "Information zur ISA" section: the alliance's standard
	// self-description, repeated in every release.
	About []string
	// Contact holds the lines of the "Kontakt" block.
	Contact []string
	// Source is the file the release was read from, or its URL.
	Source string
	// URL links to the release on the web, where it has one.
	URL string
	// Embargo, when set, is the time before which the release must not be
	// searchable, answered from, shown or announced.
	Embargo time.Time `json:",omitzero"`
	// Correction, when set, says what a corrected release changed: the
	// announcements already sent are edited to say so.
	Correction string `json:",omitempty"`
}

// Embargoed reports whether the release is under embargo at now.
func (r *Release) Embargoed(now time.Time) bool { return now.Before(r.Embargo) }

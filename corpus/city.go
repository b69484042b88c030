package corpus

// Country codes of the two sides of the alliance.
const (
	Germany = "DE"
	China   = "CN"
)

// Membership states a source can give a city.
const (
	StatusMember = "member"
	StatusGuest  = "guest"  // listed with guest status ("Gaststatus")
	StatusFormer = "former" // in an early source, missing from later lists
	StatusNone   = "none"   // not a member: in the data so answers can say no
)

// City is a member of the alliance, or a well-known place that is not, so
// that "is Berlin a member?" gets a clear no.
type City struct {
	// Name is the canonical name, in the language of its country's side of
	// the member lists: "Köln", "Foshan".
	Name string `yaml:"name"`
	// Names holds the name as each language writes it: Cologne, 科隆.
	Names Text `yaml:"names,omitempty"`
	// Aliases are further spellings that mean the same member: ASCII forms
	// (Koeln, Nuernberg), older names, the city a district belongs to.
	Aliases []string `yaml:"aliases,omitempty"`
	Country string   `yaml:"country"`
	// Region is the key of the Bundesland or province in Data.Regions.
	Region string `yaml:"region"`
	// Coords place a member on the map: GeoNames' coordinates of the
	// city, or of a grouping's first city (see MAP-LICENSE.md).
	Coords *Coords `yaml:"coords,omitempty"`
	// Parts names the cities of a grouping that is one member, such as
	// "Region Schwarzwald" (Lahr and Freiburg), each in every language.
	Parts []Text `yaml:"parts,omitempty"`
	// Status is one of the Status constants; Cite says who says so.
	Status string `yaml:"status"`
	Cite   `yaml:",inline"`
	// Joined is when the city joined, where a source says; JoinedCite
	// names that source.
	Joined     Date  `yaml:"joined,omitempty"`
	JoinedCite *Cite `yaml:"joined_cite,omitempty"`
	// FullMember is when a member with guest status became a full
	// member, where a source says; FullMemberCite names that source.
	FullMember     Date  `yaml:"full_member,omitempty"`
	FullMemberCite *Cite `yaml:"full_member_cite,omitempty"`
	// Left is when a former member left, where a source says; LeftCite
	// names that source.
	Left     Date  `yaml:"left,omitempty"`
	LeftCite *Cite `yaml:"left_cite,omitempty"`
	// Suspended is when a member's membership rests ("ruht", 暂停), and
	// SuspendedUntil until when, if a source says; SuspendedCite names
	// that source. The city stays a member.
	Suspended      Date  `yaml:"suspended,omitempty"`
	SuspendedUntil Date  `yaml:"suspended_until,omitempty"`
	SuspendedCite  *Cite `yaml:"suspended_cite,omitempty"`
	// Applied is when a city that is no member applied to join, where a
	// source says; AppliedCite names that source.
	Applied     Date  `yaml:"applied,omitempty"`
	AppliedCite *Cite `yaml:"applied_cite,omitempty"`
	// Note carries what a source adds, in each language.
	Note Text `yaml:"note,omitempty"`
}

// Coords are a place's latitude and longitude, in degrees.
type Coords struct {
	Lat float64 `yaml:"lat"`
	Lon float64 `yaml:"lon"`
}

// IsMember reports whether the city counts among the alliance's members.
func (c *City) IsMember() bool { return c.Status == StatusMember || c.Status == StatusGuest }

// Region is a German Bundesland or a Chinese province.
type Region struct {
	Key     string   `yaml:"key"`
	Country string   `yaml:"country"`
	Names   Text     `yaml:"names"`
	Aliases []string `yaml:"aliases,omitempty"`
}

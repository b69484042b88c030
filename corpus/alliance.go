package corpus

// Alliance holds the facts about the alliance itself. Facts that change
// over time (counts, contacts) are lists, each entry with its own Cite, so
// answers can say "as of".
type Alliance struct {
	Names []Name `yaml:"names"`
	// Founded is the founding (April 2016); FoundingConference the
	// conference that marked it; Proposed the meeting where the alliance
	// was first proposed.
	Founded            Event `yaml:"founded"`
	FoundingConference Event `yaml:"founding_conference"`
	Proposed           Event `yaml:"proposed"`
	// Prospective says, in its note, which cities a source says want to
	// join, and names them where it does.
	Prospective Event      `yaml:"prospective,omitempty"`
	Counts      []Count    `yaml:"counts"`
	Assemblies  []Assembly `yaml:"assemblies"`
	// Offices are the German office (coordination, contact person, press)
	// and the secretariat in China, over time.
	Offices []Office `yaml:"offices"`
	People  []Person `yaml:"people"`
	Website Website  `yaml:"website"`
	// Programmes are the members' programmes and projects that releases
	// name in Chinese and in Latin letters: “蓝环”（BlueLoop）.
	Programmes []Programme `yaml:"programmes,omitempty"`
}

// Programme is a programme or project a release names in two scripts.
type Programme struct {
	Chinese string `yaml:"zh"`
	Latin   string `yaml:"latin"`
	Cite    `yaml:",inline"`
}

// Name is the alliance's name in one language.
type Name struct {
	Lang  Lang   `yaml:"lang"`
	Name  string `yaml:"name"`
	Short string `yaml:"short,omitempty"`
	// Variant marks names seen in sources but not the official form.
	Variant bool `yaml:"variant,omitempty"`
	Cite    `yaml:",inline"`
}

// Event is something that happened once, on a date, somewhere.
type Event struct {
	Date  Date `yaml:"date"`
	Place Text `yaml:"place,omitempty"`
	// Cities names the cities involved, such as the founding cities.
	Cities []string `yaml:"cities,omitempty"`
	Note   Text     `yaml:"note,omitempty"`
	Cite   `yaml:",inline"`
}

// Count is the number of members at one time, as one source gives it.
type Count struct {
	Total     int `yaml:"total"`
	Germany   int `yaml:"germany"`
	China     int `yaml:"china"`
	Länder    int `yaml:"laender"`
	Provinces int `yaml:"provinces"`
	// Note says which members the source names, where it does not name
	// them all.
	Note Text `yaml:"note,omitempty"`
	Cite `yaml:",inline"`
}

// Assembly is one of the alliance's plenary assemblies.
type Assembly struct {
	Number int  `yaml:"number"`
	Date   Date `yaml:"date"`
	// LastDay is the last day of an assembly held on several days ("24–25
	// April 2017"), zero for one held on one.
	LastDay Date `yaml:"last_day,omitempty"`
	Place   Text `yaml:"place"`
	Note    Text `yaml:"note,omitempty"`
	// Planned is the date an older source gave for an assembly since
	// moved to Date.
	Planned Date `yaml:"planned,omitempty"`
	Cite    `yaml:",inline"`
}

// Office kinds.
const (
	OfficeGerman      = "german"      // coordination and contact in Germany
	OfficeSecretariat = "secretariat" // the ISA secretariat in China
)

// Office is an organisation that runs part of the alliance, with its
// contact details as one source gives them.
type Office struct {
	Kind         string `yaml:"kind"`
	Organisation string `yaml:"organisation"`
	City         string `yaml:"city"`
	// Role says what the office does, in each language.
	Role Text `yaml:"role"`
	// Person is the contact person named by the source, PersonRole her or
	// his title there ("Ansprechpartnerin").
	Person     string   `yaml:"person,omitempty"`
	PersonRole Text     `yaml:"person_role,omitempty"`
	Address    []string `yaml:"address,omitempty"`
	Email      string   `yaml:"email,omitempty"`
	Phone      string   `yaml:"phone,omitempty"`
	Fax        string   `yaml:"fax,omitempty"`
	// Mobile is the contact person's mobile number.
	Mobile  string `yaml:"mobile,omitempty"`
	Website string `yaml:"website,omitempty"`
	// Since is when the office took the role, where a source says.
	Since Date `yaml:"since,omitempty"`
	// SinceSeen marks a Since that no source says: the day of the first
	// release that named the office, which orders offices but is no
	// answer to since when.
	SinceSeen bool `yaml:"-"`
	// Current marks the newest entry of its kind that a source confirms.
	Current bool `yaml:"current,omitempty"`
	// Press marks an office of the secretariat whose contact block names
	// the alliance's press contact ("联盟新闻联络人"): for the press, it
	// stands beside the office in Germany, and the newer of them answers.
	Press bool `yaml:"press,omitempty"`
	Cite  `yaml:",inline"`
}

// Person is someone the sources name in a role for the alliance.
type Person struct {
	Name string `yaml:"name"`
	// Aliases are other forms of the name, such as its Chinese script.
	Aliases      []string `yaml:"aliases,omitempty"`
	Role         Text     `yaml:"role"`
	Organisation string   `yaml:"organisation,omitempty"`
	// Since is when they took the role, where a source says.
	Since Date `yaml:"since,omitempty"`
	// Successor is who holds the role since Until, where a newer source
	// names another holder of it.
	Successor string `yaml:"successor,omitempty"`
	Until     Date   `yaml:"until,omitempty"`
	Cite      `yaml:",inline"`
}

// Website is the alliance's web portal.
type Website struct {
	URL  string `yaml:"url"`
	Cite `yaml:",inline"`
}

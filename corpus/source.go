package corpus

// Source is where facts come from: one of the alliance's press releases or
// a public page. Answers cite it by title, site and date.
type Source struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	// Site is the publisher's web site as the source was recorded
	// ("chinadaily.com.cn"); URL is set only where the exact page is known.
	Site string `yaml:"site,omitempty"`
	URL  string `yaml:"url,omitempty"`
	Date Date   `yaml:"date,omitempty"`
	// Release is the ID of the press release in the corpus that this
	// source is, if any.
	Release string `yaml:"release,omitempty"`
	// Note says what a reader should know about the source's reliability.
	Note string `yaml:"note,omitempty"`
}

// Cite is a fact's provenance: the source it comes from and the date it is
// known to be true. Every city, date, person and count in the data has one.
type Cite struct {
	Source string `yaml:"source"`
	AsOf   Date   `yaml:"as_of"`
}

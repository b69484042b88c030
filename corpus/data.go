package corpus

// Data is everything isabot knows, loaded and checked.
type Data struct {
	Releases []Release
	Cities   []City
	Regions  []Region
	Alliance Alliance
	Sources  []Source
	// Files maps each data file's name (cities.yaml) to the path of the
	// version in use, as its directory names it; a data file none of
	// whose versions could be read is missing.
	Files map[string]string
	// Stamps are the stamps of the files of the releases loaded without
	// their text, by release ID.
	Stamps map[string]Stamp
	// lazy are the Lazy directories, whose files Full reads.
	lazy []Dir
}

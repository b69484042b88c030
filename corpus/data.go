package corpus

// Data is everything isabot knows, loaded and checked.
type Data struct {
	Releases []Release
	Cities   []City
	Regions  []Region
	Alliance Alliance
	Sources  []Source
}

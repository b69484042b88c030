// Package corpus holds what isabot knows: the alliance's press releases,
// its member cities and the facts about the alliance itself, each fact with
// the source it comes from and the date it was true.
//
// The package parses releases (the plain-text layout of the alliance's PDF
// releases and hand-written Markdown with YAML front matter), loads the
// city and alliance data, and embeds the default corpus in the binary. A
// data directory on disk adds releases and overrides the data files.
//
// Nothing here knows about searching or about chat platforms.
package corpus

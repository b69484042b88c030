// Package search answers questions about the alliance.
//
// An Index is a bleve full-text index over the passages of the press
// releases (title, each paragraph, the about section, the contact block),
// with German, English and Chinese analysis. An Engine reads a question —
// its language, the concepts it asks about (founding, contact, members,
// counts, ...), the cities, regions and people it names, and the words it
// does not know — and answers from the city and alliance data when the
// question asks for a fact the data holds, else with the passage of a
// release that best covers the question's subject. A question it cannot
// answer gets an Answer with Answered false and a short list of what it can
// answer; it never makes a fact up.
//
// Chat text never reaches bleve's query-string parser: queries are built
// from match queries, so no input can make a search fail.
package search

package search

import (
	"fmt"
	"slices"
	"strings"

	"github.com/isa-alliance/isabot/corpus"
)

// LearnedFact is a fact a release states, as the engine learned it, for
// an editor to check.
type LearnedFact struct {
	Release string      `json:"release"`
	Date    corpus.Date `json:"date"`
	// Kind is contact, secretariat, count, joined, assembly, person,
	// name (a name given in Chinese and in Latin letters), or failed (the
	// learner failed on the release, which states nothing then).
	Kind string `json:"kind"`
	Fact string `json:"fact"`
	// Contradicted says what a data file says instead, as of a later
	// date, where it does; the data file then wins.
	Contradicted string `json:"contradicted,omitempty"`
}

// LearnedFacts lists what the engine learned from the release with id,
// or from every release when id is empty, oldest release first.
func (e *Engine) LearnedFacts(id string) ([]LearnedFact, error) {
	e.mu.Lock() // what was learned may be read first (learnAll)
	defer e.mu.Unlock()
	e.learnAll()
	if id != "" && e.learned[id] == nil {
		return nil, fmt.Errorf("no release with the ID %q", id)
	}
	var out []LearnedFact
	for _, k := range learnedInOrder(e.learned) {
		if id != "" && k.release.ID != id {
			continue
		}
		out = append(out, e.factsOf(k)...)
	}
	return out, nil
}

func (e *Engine) factsOf(k *learned) []LearnedFact {
	var out []LearnedFact
	date := corpus.DateOf(k.release.Date)
	add := func(kind, fact, contradicted string) {
		out = append(out, LearnedFact{Release: k.release.ID, Date: date, Kind: kind, Fact: fact, Contradicted: contradicted})
	}
	if k.failure != nil {
		first, _, _ := strings.Cut(k.failure.Error(), "\n")
		add("failed", first, "")
	}
	if o := k.contact; o != nil {
		kind := "contact"
		if o.Kind == corpus.OfficeSecretariat {
			kind = "secretariat"
		}
		add(kind, describeOffice(o), e.newerOffice(o))
	}
	if c := k.count; c != nil {
		add("count", countSentence(corpus.English, *c), e.newerCount(c))
	}
	for _, j := range k.memberships {
		switch j.change {
		case joins:
			add("joined", fmt.Sprintf("%s joined %s", cityLabel(&j.city), onDate(corpus.English, j.when)), e.newerMembership(j, date))
		case leaves:
			add("left", fmt.Sprintf("%s left %s", cityLabel(&j.city), onDate(corpus.English, j.when)), e.newerMembership(j, date))
		case suspends:
			fact := fmt.Sprintf("%s suspends its membership from %s", cityLabel(&j.city), j.when.Format(corpus.English))
			if !j.until.IsZero() {
				fact += " until " + j.until.Format(corpus.English)
			}
			add("suspended", fact, e.newerMembership(j, date))
		case becomesFull:
			add("full member", fmt.Sprintf("%s became a full member %s", cityLabel(&j.city), onDate(corpus.English, j.when)), e.newerMembership(j, date))
		case applies:
			add("applied", fmt.Sprintf("%s has applied to join (as of %s)", cityLabel(&j.city), j.when), e.newerMembership(j, date))
		}
	}
	for _, as := range k.assemblies {
		fact := fmt.Sprintf("%s plenary assembly", ordinalArg(corpus.English, as.Number))
		if w := whenAndWhere(corpus.English, as); w != "" {
			fact += ": " + w // a release may name it only
		}
		if n := as.Note.In(corpus.English); n != "" {
			fact += "; " + n
		}
		add("assembly", fact, e.newerAssembly(as, date))
	}
	for _, p := range k.people {
		fact := fmt.Sprintf("%s: %s", strings.Join(append([]string{p.Name}, p.Aliases...), " / "), p.Role.In(corpus.English))
		if !p.Since.IsZero() {
			fact += " since " + p.Since.Format(corpus.English)
		}
		add("person", fact, "")
	}
	for _, g := range k.glosses {
		add("name", g.Chinese+" = "+g.Latin, "")
	}
	return out
}

func describeOffice(o *corpus.Office) string {
	parts := []string{officeName(o)}
	parts = append(parts, o.Address...)
	for _, s := range []string{o.Email, o.Phone, o.Mobile, o.Fax, o.Website} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}

func cityLabel(c *corpus.City) string {
	names := namesOfCity(c)
	slices.Sort(names)
	label := strings.Join(slices.Compact(names), " / ")
	if c.Country != "" {
		label += " (" + strings.TrimSpace(c.Country+" "+c.Region) + ")"
	}
	return label
}

// The checks below find a data file's entry on the same subject that is
// newer than the release and says otherwise.

func (e *Engine) newerOffice(o *corpus.Office) string {
	for _, x := range e.base.Alliance.Offices {
		if x.Kind == o.Kind && o.AsOf.Before(x.AsOf) && !strings.EqualFold(x.Email, o.Email) {
			return fmt.Sprintf("%s (as of %s): %s", dataFile(x.Source), x.AsOf, describeOffice(&x))
		}
	}
	return ""
}

func (e *Engine) newerCount(c *corpus.Count) string {
	for _, x := range e.base.Alliance.Counts {
		if c.AsOf.Before(x.AsOf) && (x.Total != c.Total || x.Germany != c.Germany || x.China != c.China) {
			return fmt.Sprintf("%s (as of %s): %s", dataFile(x.Source), x.AsOf, countSentence(corpus.English, x))
		}
	}
	return ""
}

func (e *Engine) newerMembership(j learnedMembership, since corpus.Date) string {
	for _, x := range e.base.Cities {
		// A join and a suspension say it is a member, a leave and an
		// application that it is none.
		if sameCity(&x, &j.city) && x.IsMember() == (j.change == leaves || j.change == applies) && since.Before(x.AsOf) {
			return fmt.Sprintf("cities.yaml (as of %s): %s is %s", x.AsOf, x.Name, x.Status)
		}
	}
	return ""
}

func (e *Engine) newerAssembly(as corpus.Assembly, since corpus.Date) string {
	for _, x := range e.base.Alliance.Assemblies {
		if x.Number == as.Number && since.Before(x.AsOf) && (x.Date != as.Date || x.Place.In(corpus.English) != as.Place.In(corpus.English)) {
			return fmt.Sprintf("alliance.yaml (as of %s): %s", x.AsOf, whenAndWhere(corpus.English, x))
		}
	}
	return ""
}

// dataFile names the data file a fact with source came from.
func dataFile(source string) string { return "alliance.yaml, source " + source }

package search

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/isa-alliance/isabot/corpus"
)

// cues are the word lists of data/learn.yaml, by which facts are learned
// from a release's text.
type cues struct {
	contactPerson, contactEmail, contactPhone, contactFax, contactWebsite                cueList
	contactMobile                                                                        cueList
	organisation, street, secretariatContact, pressContact                               cueList
	countVerbs, countMembers, countGermany, countChina                                   cueList
	countLaender, countProvinces, countFrom, untilDay                                    cueList
	city, anaphora, join, joinWithAlliance, joinNot, leave, leaveNouns, alliance         cueList
	leaveAlliance                                                                        cueList
	applied, approved, joinParticleVerbs, joinParticles, membership                      cueList
	memberSince, memberWord, becomesSubject, admittedCity, measureDeterminers            cueList
	assembly, assemblyFuture, assemblyHost, decision, besideAssembly                     cueList
	role, title, roleLink, roleComplement, roleComplementEnd, surname                    cueList
	currency, numberWords, placeWords, money, invested, ageUnits, measureUnits           cueList
	freeOfCharge, reasons, frequencies, measureWords, totals                             cueList
	nounMeasureWords                                                                     cueList
	timeMeasureWords, countingDeterminers                                                cueList
	nameBoundaries, placeSuffixes, glossPrefixes, allianceContact, cityOffice, appointed cueList
	appoints, appointedBefore, roleSince, roleSinceAfter, roleTaken                      cueList
	joinObjectVerbs, joinParticiples, joinArticles, joinNoObject                         cueList
	leaveObjectVerbs, leaveParticiples, becomes, locationPrepositions                    cueList
	sideWords, conjunctions                                                              cueList
	suspend, noLonger, joinNotGerman, leaveParticles                                     cueList
	negations, noLongerParticles, rolePossessives, percent, fractions, streetWords       cueList
	allianceObjectEnds, belongParticleVerbs, belongParticles                             cueList
	admitParticleVerbs, admitParticles                                                   cueList
	effective, takesEffect, membershipEnds, fullMember, becomesMemberOn                  cueList
	languages, languageUse, personPronouns, deputy                                       cueList
	notANameBeforeCity, thisYear, lastYear, notDeputy, acting                            cueList
	relativePronouns, appointedAs, elects, electedPassive, electedTo, assemblyOf         cueList
	// nameTitles follow a foreign name in Chinese: 博士.
	nameTitles                                             cueList
	passiveAuxiliaries, formerRole, cityRoles, immediately cueList
	membershipBegins, roleOrganisations                    cueList
	// leads are the words by which a sentence says who leads or
	// coordinates something: "die das Programm leitet", 负责协调.
	leads cueList
	// The words by which a release names a day by its distance from its
	// own date (releaseDays).
	weekdays                                                                               [7]cueList // Sunday first, as time.Weekday
	comingDay, pastDay, pastDayEvery, pastDayWithin, dayNextWeek, dayThisWeek, dayLastWeek cueList
	dayWeekBreakers, countedFromRelease                                                    cueList
	pluralPronouns                                                                         cueList
	weekUnits, dayUnits, countedAfter                                                      cueList
}

// mustLoadCues loads the embedded word lists, which are fixed when the
// binary is built and checked by the tests.
func mustLoadCues() *cues {
	c, err := loadCues(lexiconFiles, "data/learn.yaml")
	if err != nil {
		panic(fmt.Sprintf("embedded cues: %v", err))
	}
	return c
}

// loadCues reads the word lists at path; every problem names its line.
func loadCues(fsys fs.FS, path string) (*cues, error) {
	c := &cues{}
	err := loadWordLists(fsys, path, map[string]*cueList{
		"contact_person": &c.contactPerson, "contact_email": &c.contactEmail, "contact_phone": &c.contactPhone,
		"contact_fax": &c.contactFax, "contact_mobile": &c.contactMobile, "contact_website": &c.contactWebsite, "organisation": &c.organisation,
		"street": &c.street, "secretariat_contact": &c.secretariatContact, "press_contact": &c.pressContact, "count_verbs": &c.countVerbs,
		"count_members": &c.countMembers, "count_germany": &c.countGermany, "count_china": &c.countChina,
		"count_laender": &c.countLaender, "count_provinces": &c.countProvinces, "count_from": &c.countFrom, "until_day": &c.untilDay, "city": &c.city, "anaphora": &c.anaphora, "join": &c.join, "join_with_alliance": &c.joinWithAlliance, "join_particle_verbs": &c.joinParticleVerbs, "join_particles": &c.joinParticles, "membership": &c.membership, "member_since": &c.memberSince, "member_word": &c.memberWord, "becomes_subject": &c.becomesSubject, "admitted_city": &c.admittedCity, "measure_determiners": &c.measureDeterminers, "full_member": &c.fullMember, "becomes_member_on": &c.becomesMemberOn, "join_not": &c.joinNot, "leave": &c.leave, "leave_nouns": &c.leaveNouns, "leave_alliance": &c.leaveAlliance, "alliance": &c.alliance, "applied": &c.applied, "approved": &c.approved,
		"assembly": &c.assembly, "assembly_future": &c.assemblyFuture, "assembly_host": &c.assemblyHost,
		"decision": &c.decision, "beside_assembly": &c.besideAssembly, "role": &c.role, "title": &c.title, "role_link": &c.roleLink, "role_complement": &c.roleComplement, "role_complement_end": &c.roleComplementEnd, "surname": &c.surname,
		"currency": &c.currency, "number_words": &c.numberWords, "place_words": &c.placeWords, "money": &c.money,
		"invested":             &c.invested,
		"age_units":            &c.ageUnits,
		"measure_units":        &c.measureUnits,
		"free_of_charge":       &c.freeOfCharge,
		"reasons":              &c.reasons,
		"frequencies":          &c.frequencies,
		"totals":               &c.totals,
		"measure_words":        &c.measureWords,
		"noun_measure_words":   &c.nounMeasureWords,
		"time_measure_words":   &c.timeMeasureWords,
		"counting_determiners": &c.countingDeterminers,
		"name_boundaries":      &c.nameBoundaries, "place_suffixes": &c.placeSuffixes, "gloss_prefixes": &c.glossPrefixes,
		"alliance_contact":       &c.allianceContact,
		"city_office":            &c.cityOffice,
		"appointed":              &c.appointed,
		"appoints":               &c.appoints,
		"appointed_before":       &c.appointedBefore,
		"role_since":             &c.roleSince,
		"role_since_after":       &c.roleSinceAfter,
		"role_taken":             &c.roleTaken,
		"join_object_verbs":      &c.joinObjectVerbs,
		"join_articles":          &c.joinArticles,
		"join_participles":       &c.joinParticiples,
		"join_no_object":         &c.joinNoObject,
		"leave_object_verbs":     &c.leaveObjectVerbs,
		"leave_participles":      &c.leaveParticiples,
		"becomes":                &c.becomes,
		"side_words":             &c.sideWords,
		"conjunctions":           &c.conjunctions,
		"location_prepositions":  &c.locationPrepositions,
		"suspend":                &c.suspend,
		"no_longer":              &c.noLonger,
		"join_not_german":        &c.joinNotGerman,
		"leave_particles":        &c.leaveParticles,
		"negations":              &c.negations,
		"no_longer_particles":    &c.noLongerParticles,
		"role_possessives":       &c.rolePossessives,
		"percent":                &c.percent,
		"fractions":              &c.fractions,
		"street_words":           &c.streetWords,
		"alliance_object_ends":   &c.allianceObjectEnds,
		"belong_particle_verbs":  &c.belongParticleVerbs,
		"belong_particles":       &c.belongParticles,
		"admit_particle_verbs":   &c.admitParticleVerbs,
		"admit_particles":        &c.admitParticles,
		"effective":              &c.effective,
		"takes_effect":           &c.takesEffect,
		"membership_ends":        &c.membershipEnds,
		"languages":              &c.languages,
		"language_use":           &c.languageUse,
		"sunday":                 &c.weekdays[time.Sunday],
		"monday":                 &c.weekdays[time.Monday],
		"tuesday":                &c.weekdays[time.Tuesday],
		"wednesday":              &c.weekdays[time.Wednesday],
		"thursday":               &c.weekdays[time.Thursday],
		"friday":                 &c.weekdays[time.Friday],
		"saturday":               &c.weekdays[time.Saturday],
		"coming_day":             &c.comingDay,
		"day_next_week":          &c.dayNextWeek,
		"day_this_week":          &c.dayThisWeek,
		"past_day":               &c.pastDay,
		"past_day_every":         &c.pastDayEvery,
		"past_day_within":        &c.pastDayWithin,
		"day_last_week":          &c.dayLastWeek,
		"day_week_breakers":      &c.dayWeekBreakers,
		"counted_from_release":   &c.countedFromRelease,
		"week_units":             &c.weekUnits,
		"day_units":              &c.dayUnits,
		"counted_after":          &c.countedAfter,
		"plural_pronouns":        &c.pluralPronouns,
		"person_pronouns":        &c.personPronouns,
		"deputy":                 &c.deputy,
		"leads":                  &c.leads,
		"not_a_name_before_city": &c.notANameBeforeCity,
		"this_year":              &c.thisYear,
		"last_year":              &c.lastYear,
		"not_deputy":             &c.notDeputy,
		"acting":                 &c.acting,
		"relative_pronouns":      &c.relativePronouns,
		"name_titles":            &c.nameTitles,
		"appointed_as":           &c.appointedAs,
		"elects":                 &c.elects,
		"elected_passive":        &c.electedPassive,
		"elected_to":             &c.electedTo,
		"assembly_of":            &c.assemblyOf,
		"passive_auxiliaries":    &c.passiveAuxiliaries,
		"former_role":            &c.formerRole,
		"city_roles":             &c.cityRoles,
		"immediately":            &c.immediately,
		"membership_begins":      &c.membershipBegins,
		"role_organisations":     &c.roleOrganisations,
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// loadWordLists fills lists from the file at path, a mapping of the
// lists' names to their words. A list missing, one unknown, and a word
// listed twice in one list are errors naming the file and line.
func loadWordLists(fsys fs.FS, path string, lists map[string]*cueList) error {
	doc, err := readYAML(fsys, path)
	if err != nil {
		return err
	}
	if doc.Kind != yaml.MappingNode {
		return &corpus.FileError{Path: path, Line: doc.Line, Err: errors.New("want a mapping of list names to word lists")}
	}
	var errs []error
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &corpus.FileError{Path: path, Line: line, Err: fmt.Errorf(format, args...)})
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		key, value := doc.Content[i], doc.Content[i+1]
		list, ok := lists[key.Value]
		if !ok {
			fail(key.Line, "unknown list %q", key.Value)
			continue
		}
		seen[key.Value] = true
		for _, w := range words(value, func(line int, msg string) { fail(line, "%s", msg) }) {
			if slices.Contains(list.all, w.text) {
				fail(w.line, "%q is listed twice in %s", w.text, key.Value)
				continue
			}
			list.add(w.text)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(lists)) {
		if !seen[name] {
			fail(doc.Line, "the list %s is missing", name)
		}
	}
	return errors.Join(errs...)
}

// cueList is a list of cue words: folded Latin words and phrases, word
// beginnings (a trailing "*"), word endings (a leading "*"), and Chinese
// words.
type cueList struct {
	all     []string
	phrases [][]string // folded words of each Latin entry
	prefix  []bool
	suffix  []bool
	chinese []string
}

func (l *cueList) add(w string) {
	l.all = append(l.all, w)
	if strings.IndexFunc(w, isHan) >= 0 {
		l.chinese = append(l.chinese, w)
		return
	}
	prefix, suffix := strings.HasSuffix(w, "*"), strings.HasPrefix(w, "*")
	keys := keyUnits(strings.Trim(w, "*"))
	l.phrases = append(l.phrases, keys)
	l.prefix = append(l.prefix, prefix)
	l.suffix = append(l.suffix, suffix)
}

// at reports how many words of units the longest Latin cue that matches
// from i on has, or 0.
func (l *cueList) at(units []unit, i int) int {
	longest := 0
	for k, keys := range l.phrases {
		if i+len(keys) > len(units) {
			continue
		}
		ok := true
		for j, key := range keys {
			u := units[i+j].key
			last, first := j == len(keys)-1, j == 0
			if u != key && !(last && l.prefix[k] && strings.HasPrefix(u, key)) && !(first && l.suffix[k] && strings.HasSuffix(u, key)) {
				ok = false
				break
			}
		}
		if ok {
			longest = max(longest, len(keys))
		}
	}
	return longest
}

// in reports whether the text, cut into units, holds one of the cues.
func (l *cueList) in(text string, units []unit) bool {
	for _, w := range l.chinese {
		if strings.Contains(text, w) {
			return true
		}
	}
	for i := range units {
		if !units[i].han && l.at(units, i) > 0 {
			return true
		}
	}
	return false
}

// index is where the first cue in text, cut into units, begins, or -1.
func (l *cueList) index(text string, units []unit) int {
	first := -1
	for _, w := range l.chinese {
		if i := strings.Index(text, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	for i := range units {
		if first >= 0 && units[i].start >= first {
			break
		}
		if !units[i].han && l.at(units, i) > 0 {
			return units[i].start
		}
	}
	return first
}

// inText cuts text into units and reports whether it holds a cue.
func (l *cueList) inText(text string) bool { return l.in(text, segment(text)) }

// spans are where the cues of l occur in text, cut into units, in bytes:
// "wie viele", 多少.
func (l *cueList) spans(text string, units []unit) [][2]int {
	var out [][2]int
	for i := range units {
		if n := l.at(units, i); n > 0 && !units[i].han {
			out = append(out, [2]int{units[i].start, endOf(units[i+n-1])})
		}
	}
	for _, w := range l.chinese {
		for at := 0; ; {
			i := strings.Index(text[at:], w)
			if i < 0 {
				break
			}
			out = append(out, [2]int{at + i, at + i + len(w)})
			at += i + len(w)
		}
	}
	return out
}

// startsIn reports whether a cue of l begins text: its first words, or,
// for a Chinese cue, its first characters (起 after a date).
func (l *cueList) startsIn(text string) bool {
	text = strings.TrimLeft(text, " ")
	if slices.ContainsFunc(l.chinese, func(w string) bool { return strings.HasPrefix(text, w) }) {
		return true
	}
	return l.at(segment(text), 0) > 0
}

// endsIn reports whether a cue of l ends text: its last words, or, for a
// Chinese cue, its last characters ("bis zum" before a date, 号码是多少).
func (l *cueList) endsIn(text string) bool {
	text = strings.TrimRight(text, " ")
	if slices.ContainsFunc(l.chinese, func(w string) bool { return strings.HasSuffix(text, w) }) {
		return true
	}
	units := segment(text)
	for i := range units {
		if n := l.at(units, i); n > 0 && i+n == len(units) {
			return true
		}
	}
	return false
}

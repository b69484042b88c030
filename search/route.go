package search

import (
	"cmp"
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// A read question is routed by a table of named rules: the first rule
// whose test the question passes, and whose answer function answers,
// gives the answer, and the answer carries the rule's name. A rule's test
// reads the question's concepts and names; its answer function decides
// the parameters of a composer (founding, contact, members, assemblies,
// people, releases), which never reads the question again.

// rule is one way of answering a question.
type rule struct {
	name string
	test func(q *question) bool
	// answer answers q; ok false passes the question on to the next
	// rule.
	answer func(ctx context.Context, e *Engine, q *question) (a answer.Answer, ok bool, err error)
}

// rules are tried in order. Facts from the data come first; a question
// about a subject the data does not hold goes to the releases' text.
var rules = []rule{
	// The press office's own answer to the same or a close question.
	{"curated", func(*question) bool { return true }, curated},
	// "Was kostet die Mitgliedschaft?" is not answered with the member
	// list: the releases may say, else nothing does.
	{"outside-subject", func(q *question) bool { return q.has[cOutside] }, fromReleases},
	// "Warum ist Bottrop ausgetreten?": a reason is in a release's text,
	// in no fact of the data; when no release gives one, the facts the
	// rules after it find are the answer ("Warum wurde die ISA
	// gegründet?": the founding's).
	{"reason", func(q *question) bool { return q.expects == aReason }, ifReleasesAnswer},
	// "Und wann war das?" on its own: the engine keeps no conversation.
	{"when-what", asksWhenOfNothing, declined(askBack)},
	// "Welches Bundesland stellt die meisten Mitglieder?", 哪个省的成员
	// 城市最多？: the members, counted by their region.
	{"region-with-most", func(q *question) bool {
		return q.asksMost && (q.namesStates || q.namesProvinces) && len(q.regions) == 0 && len(q.cities) == 0 && len(q.years) == 0 && !anyOf(q.has, cGuest, cFormer, cNew, cJoin)
	}, fact(func(e *Engine, q *question) answer.Answer {
		f := memberFilterOf(q)
		switch {
		case f.country != "":
		case q.namesStates && !q.namesProvinces:
			f.country = corpus.Germany
		case q.namesProvinces && !q.namesStates:
			f.country = corpus.China
		}
		return e.regionWithMost(q.lang, f)
	})},
	// "In welchem Bundesland liegt Bottrop?"
	// Not "Durch welche Länder fährt die Bahn nach Lanzhou?": a subject
	// of its own; nor "With Schweinfurt on board, from how many federal
	// states are the members?": a count.
	{"region-of", func(q *question) bool {
		return q.has[cRegion] && len(q.regions) == 0 && len(q.cities) > 0 && q.unknownWords() <= 1 && !q.unknownLatinNoun() && q.expects != aNumber
	},
		// "Which province is Panjin in, and when did it join?": both.
		fact(func(e *Engine, q *question) answer.Answer {
			region := e.regionOf(q.lang, q.cities)
			if q.has[cWhen] && q.memberish {
				return combine([]answer.Answer{region, membership(e, q)})
			}
			return region
		})},
	// "Wollen weitere Städte beitreten?"
	// Not "Who should a German city talk to if it wants to join?", nor
	// "Until when will Liu Yi stay on?": they ask for a person, a date.
	{"prospective", func(q *question) bool {
		return q.has[cWish] && q.memberish && len(q.cities) == 0 && !q.has[cContact] &&
			slices.Contains([]answerType{anyText, aCity, aList, aNumber}, q.expects)
	},
		maybe(func(e *Engine, q *question) (answer.Answer, bool) {
			return e.prospective(q.lang), e.data.Alliance.Prospective.Source != ""
		})},
	// "Ist Köln vor Hamburg beigetreten?", not "Ab wann soll das neue
	// Robotikinstitut von Aachen und Foshan loslegen?", nor "When is the
	// first workshop of Dortmund and Luoyang planned?" (words of its own).
	{"join-order", func(q *question) bool {
		return len(q.cities) >= 2 && (q.has[cOrder] || q.has[cNew]) && (q.memberish || q.has[cWhen] && q.unknownWords() == 0) && !q.unknownLatinNoun()
	}, fact(func(e *Engine, q *question) answer.Answer { return e.joinOrder(q.lang, q.cities) })},
	// "Köln Mitglied im Fußballverein?" asks about another club, and "Wann
	// wurde Köln gegründet?" about the city: neither about the ISA,
	// whatever a release says of Köln. A question for a kind of fact may
	// still be answered by a release that covers it whole ("Where will
	// the Deyang company set up its European service centre?").
	{"other-organisation", asksOfOtherOrganisation, func(ctx context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
		refuse := fact(func(e *Engine, q *question) answer.Answer { return e.notAnswered(q.lang) })
		if q.expects == anyText {
			return refuse(ctx, e, q)
		}
		// "Who is the oldest participant in the exchange?": a person
		// is no member city, and an exchange a release speaks of is
		// that release's subject, not another organisation: its closest
		// passage answers as it would any question about a release.
		if q.expects == aPerson || q.expects == anAge {
			speaks, err := e.releasesSpeakOf(ctx, q.memberOrganisation(), q.lang)
			if err != nil {
				return answer.Answer{}, false, err
			}
			if speaks {
				return releaseFirst(func(*question) bool { return true }, refuse)(ctx, e, q)
			}
		}
		return unlessReleaseSays(refuse)(ctx, e, q)
	}},
	// "Ist Wuxi die erste Mitgliedsstadt aus Jiangsu?", "Is Yantai the
	// first ISA city from Shandong?"
	// "烟台是山东省第几个加入联盟的城市？": which one it was, from the
	// region and of all members ("Als wievieltes Mitglied trat Taicang
	// aus Jiangsu bei?" may ask either); not at which assembly.
	{"first-of-region", func(q *question) bool {
		return len(q.cities) == 1 && len(q.regions) == 1 && (slices.Equal(q.numbers, []int{1}) || q.expects == anOrdinal && !q.has[cAssembly]) &&
			(q.memberish || q.has[cCity] || q.has[cAlliance])
	}, maybe(func(e *Engine, q *question) (answer.Answer, bool) {
		a, ok := e.firstOfRegion(q.lang, q.cities[0].city, q.regions[0], q.expects == anOrdinal)
		if ok && q.expects == anOrdinal {
			a = combine([]answer.Answer{a, membership(e, q)})
		}
		return a, ok
	})},
	// "Is X a member?" may describe X in words of its own ("die
	// Messestadt Hannover").
	{"membership", func(q *question) bool {
		return asksMembership(q) && len(q.cities) > 0 && q.unknownWords() <= 2 && !asksWhoDoes(q) && !asksOtherCities(q) && !q.citiesOnlyWhere
	}, releaseFirst(asksBeyondMembership, membershipOrNo)},
	// "Welche Stadt war die erste aus dem Nordosten Chinas?": a city of
	// the data whose note says so; not "how many", which no city answers,
	// nor "哪两座城市", which one city does not.
	{"city-note", func(q *question) bool {
		return len(q.cities) == 0 && q.has[cCity] && q.unknownWords() > 0 && q.expects != aNumber && !q.asksTwoOrMore
	},
		maybe(func(e *Engine, q *question) (answer.Answer, bool) {
			c, ok := e.cityNoted(e.topicWords(q), ordinalsIn(q.text))
			if !ok {
				return answer.Answer{}, false
			}
			return e.membership(q.lang, []cityMention{{city: c}}, membershipAspect{}), true
		})},
	// A name no gazetteer knows is said to be unknown, unless a release
	// says what the question asks of it: "What did Feldhaus do before he
	// became press officer?" names a person.
	{"unknown-city", func(q *question) bool {
		return asksMembership(q) && len(q.cities) == 0 && q.unknownWords() == 1 && len(q.regions) == 0 && q.unknownIsNoun() && !q.has[cPerson] && !asksWhichChineseCity(q)
	}, unlessReleaseSays(fact(func(e *Engine, q *question) answer.Answer { return e.unknownCity(q.lang, q.unknownName()) }))},
	// "Who is the deputy secretary-general?" names a person by the role
	// the data gives them.
	{"person-by-role", func(q *question) bool { return q.has[cPerson] && len(q.people) == 0 && q.unknownWords() > 0 },
		maybe(func(e *Engine, q *question) (answer.Answer, bool) {
			people := e.peopleByRole(q.content, q)
			return e.person(q.lang, people), len(people) > 0
		})},
	// "Wann ging das ISA-Portal online?": what the data's events note, by
	// its date.
	{"dated-note", func(q *question) bool {
		return q.expects == aDate && len(q.cities) == 0 && len(q.people) == 0 && !q.has[cFounding] && !q.has[cProposal]
	},
		maybe(func(e *Engine, q *question) (answer.Answer, bool) { return e.datedNote(q.lang, q.subjectWords) })},
	// A keyword-led question may carry one word the engine does not know
	// ("zuerst", "exactly"), but not a noun that names another subject:
	// "Wie viele Einwohner hat Wuppertal?" is not about members.
	// "An welchen Tagen genau findet die 12. Plenarversammlung statt?":
	// the date of an assembly named by its number is a fact of the data,
	// whatever other words ask for it.
	// Not "When will the new hydrogen working group hold its first
	// meeting?": another body's.
	{"assembly-date", func(q *question) bool {
		return q.has[cAssembly] && len(q.numbers) > 0 && q.expects == aDate && q.unknownWords() <= 1
	},
		maybe(func(e *Engine, q *question) (answer.Answer, bool) { return e.assemblies(q.lang, assembliesAsked(q)) })},
	// "Can I still call extension 4410 with press questions?": a number
	// of the question's own, which a release may say is no longer in use.
	{"contact-number", func(q *question) bool { return anyOf(q.has, contactConcepts...) }, aboutNumberAsked},
	// "Wo hat der neue Pressesprecher vorher gearbeitet?", "How old is
	// the new spokesman?", "新任发言人会说哪些语言？": what a release says
	// of the contact person, by name, not his address. Not "Who was the
	// contact before …?": a person, whom the contact's answer names; nor
	// the former spokeswoman, whom the current contact is not; nor,
	// unless it asks what they did before or their age, "Welche
	// Erfahrung hat der Ansprechpartner für Dual Path?", someone else's
	// contact: the question must ask about the new or the alliance's.
	{"contact-person", func(q *question) bool {
		// "伊韦森今年多大？" names the contact person in characters for the
		// sound of their name, which no release writes: a name in Latin
		// letters ("Kästl今年多大？") is searched for as written.
		byName := q.contactPerson != "" && (q.asksEarlier || q.expects == anAge) && !strings.Contains(q.text, contactSurname(q))
		return (q.namesContactPerson || byName) && len(q.people) == 0 && q.expects != aPerson && !q.has[cFormer] && !q.asksSuccessor &&
			len(requestedDetails(q.has)) == 0 &&
			(q.asksEarlier || q.expects == anAge || q.unknownWords() > 0 && (q.has[cNew] || q.has[cAlliance]) && len(q.cities) == 0 && !q.namesUnknown())
	}, aboutContactPerson},
	// "Is Miriam Osterkamp still the press contact?": whether someone a
	// contact block named is the contact today is the contact of today,
	// with those before.
	{"contact-now", func(q *question) bool {
		return q.contactKind != "" && q.asksNow && q.has[cContact] && len(requestedDetails(q.has)) == 0
	}, holding(func(e *Engine, q *question) answer.Answer {
		// The office of the person named, unless the question names the
		// secretariat: "… still the press contact in Foshan?"
		choice := officeAsked(e, q)
		if choice.kind != corpus.OfficeSecretariat {
			choice.kind = q.contactKind
		}
		return e.contact(q.lang, choice, timeAsked(q), q.has[cHow], false)
	})},
	// "谭嘉欣的邮箱是什么？": the details of the office whose contact
	// person the question names, whom only a contact block names, when
	// that office has all of them (a fax asked for is the fax). Not
	// "What's Miriam Osterkamp's new phone number in Duisburg?", which a
	// release's text answers.
	// Not at another office than theirs: "Jonas Ebeling's direct number
	// at the Foshan secretariat" is not his number in Berlin.
	{"contact-details-named", func(q *question) bool {
		return q.contactPerson != "" && len(requestedDetails(q.has)) > 0 && !q.asksNow && !q.has[cNew] && q.expects == aContact
	}, maybe(func(e *Engine, q *question) (answer.Answer, bool) {
		if e.namesOffice(q) && officeAsked(e, q).kind != q.contactKind {
			return answer.Answer{}, false
		}
		want := requestedDetails(q.has)
		if !slices.ContainsFunc(e.offices(q.contactKind), func(o *corpus.Office) bool {
			return o.Person == q.contactPerson && !slices.ContainsFunc(want, func(c concept) bool { return officeDetails(o, q.lang, []concept{c}) == "" })
		}) {
			return answer.Answer{}, false
		}
		return e.contactDetails(q.lang, want, officeChoice{kind: q.contactKind}, timeAsked(q), []*corpus.Person{{Name: q.contactPerson}}), true
	})},
	{"unknown-subject", func(q *question) bool {
		n := q.unknownWords()
		return n > 1 || n == 1 && (q.unknownIsNoun() && q.subjects() < 2 || q.namesProgramme)
	}, fromReleasesOrFacts},
	{"greeting", func(q *question) bool {
		return q.has[cGreeting] && q.unknownWords() == 0 &&
			!anyOf(q.has, cFounding, cProposal, cMember, cCount, cList) && !anyOf(q.has, contactConcepts...)
	}, declined(func(e *Engine, q *question) answer.Answer { return e.help(q.lang, true) })},
	{"help", func(q *question) bool { return q.has[cHelp] && q.unknownWords() == 0 },
		declined(func(e *Engine, q *question) answer.Answer { return e.help(q.lang, false) })},
	// "Welche Stadt war das 41. Mitglied?", "Which city joined as the
	// 41st full member, and at which plenary assembly?"
	{"nth-member", func(q *question) bool {
		return q.memberish && len(q.numbers) > 0 && len(q.cities) == 0 && (!q.has[cAssembly] || q.memberOrdinal > 0)
	}, maybe(func(e *Engine, q *question) (answer.Answer, bool) {
		return e.nthMember(q.lang, cmp.Or(q.memberOrdinal, q.numbers[0]))
	})},
	// "The phone number of the mayor of Aachen" is not the ISA's.
	{"others-contact", func(q *question) bool {
		return len(q.roles) > 0 && (len(requestedDetails(q.has)) > 0 || q.has[cContact])
	},
		func(ctx context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
			if len(e.peopleByRole(q.roles, q)) > 0 {
				return answer.Answer{}, false, nil // the role of someone of the alliance
			}
			return fromReleases(ctx, e, q)
		}},
	// "the address of the Chinese embassy", "contact at Eisenach's
	// economic development agency": another organisation's, which only
	// a release may give.
	{"others-organisation-contact", func(q *question) bool {
		return !q.has[cAlliance] && len(q.otherOrganisation(q.contactWords, contactPrepositions, 1, 4)) > 0
	}, fromReleases},
	// "Spricht die neue Pressesprecherin Chinesisch?": what the
	// release on her says, not her address.
	{"speaks", func(q *question) bool { return q.has[cSpeak] && len(requestedDetails(q.has)) == 0 }, fromReleases},
	// "Zu welchen Zeiten ist die Pressestelle telefonisch erreichbar?"
	// asks for hours, which only a release may give.
	{"contact-details", func(q *question) bool { return len(requestedDetails(q.has)) > 0 && q.expects != aTime }, holding(contactDetails)},
	// "Ab wann ist die neue Pressesprecherin zuständig?": the day the
	// contact person took up the role, where a source gives it.
	// Not "Wann ist die Pressestelle erreichbar?", nor "Ab wann gilt die
	// neue Adresse?": the person, by a role of theirs.
	{"contact-since", func(q *question) bool {
		return q.has[cContact] && q.namesContactPerson && q.expects == aDate && len(q.people) == 0
	},
		maybe(func(e *Engine, q *question) (answer.Answer, bool) { return e.contactSince(q.lang, officeAsked(e, q)) })},
	// "Whom does Daniel Rehbein succeed as press officer?" names someone
	// the data do not know: a release says whom.
	// "Who is the contact person for the ISA membership in Dortmund's
	// city administration?" is the city's, which a release may name.
	// "Mit welcher Stadt hatte Jena Kontakt geknüpft?" asks for a city
	// with words beside the contact's, no contact; "In welcher Stadt ist
	// der Ansprechpartner?" asks for the contact's.
	{"contact", func(q *question) bool {
		return (q.has[cContact] || q.has[cHow] && q.memberish && len(q.cities) == 0) && !(q.asksSuccessor && q.unknownWords() > 0) && q.expects != aTime &&
			!(q.expects == aCity && q.unknownWords() > 0) && q.expects != aNumber
	}, ofCityFromReleases(holding(func(e *Engine, q *question) answer.Answer {
		return e.contact(q.lang, officeAsked(e, q), timeAsked(q), q.has[cHow], q.asksNow)
	}))},
	// What people said is in the releases.
	{"quote", func(q *question) bool { return len(q.people) > 0 && q.has[cQuote] }, fromReleases},
	// "Wer ist Nachfolger von Liu Yi?": the successor the releases
	// name, else what their text says.
	{"successor", func(q *question) bool { return len(q.people) > 0 && q.asksSuccessor }, successor},
	// "What was Chen Siyuan's job before?": what the role does not say.
	{"person-before", func(q *question) bool { return len(q.people) > 0 && q.asksEarlier }, fromReleases},
	{"person", func(q *question) bool { return len(q.people) > 0 },
		holding(func(e *Engine, q *question) answer.Answer { return e.person(q.lang, q.people) })},
	// "Since when has Ma Lin been Secretary-General?" when no source
	// gives the day as a fact: what the releases' text says, not the
	// rules about offices after it.
	{"person-date", func(q *question) bool { return len(q.people) > 0 && q.expects == aDate }, fromReleases},
	// "Unterschied Koordinator und Sekretariat": both.
	{"coordinator-and-secretariat", func(q *question) bool {
		return q.has[cSecretariat] && q.has[cCoordinator] && !q.has[cPerson]
	}, fact(func(e *Engine, q *question) answer.Answer {
		return combine([]answer.Answer{e.coordinator(q.lang, false), secretariat(e, q)})
	})},
	// The German secretariat is the German office.
	{"german-secretariat", func(q *question) bool { return q.has[cSecretariat] && q.has[cGermany] }, holding(coordinator)},
	{"secretariat", func(q *question) bool { return q.has[cSecretariat] }, holding(secretariat)},
	// "Who is leading in the latest polls …?" leads nothing of the
	// alliance's: words of its own, and no word for the alliance; nor
	// does "Which ISA working group did Solingen lead?": a city's, in
	// words of its own ("Wer koordiniert die ISA in Solingen?" has none).
	{"coordinator", func(q *question) bool {
		return q.has[cCoordinator] && (len(q.cities) == 0 || q.unknownWords() == 0) && (q.unknownWords() <= 1 || q.has[cAlliance] || q.has[cSecretariat])
	}, unlessReleaseSays(holding(coordinator))},
	// "Wer wird zitiert?": the people quoted; if none, what the releases
	// say.
	{"quoted-people", func(q *question) bool { return q.has[cQuote] && q.has[cPerson] && q.unknownWords() == 0 },
		func(ctx context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
			if a, ok := e.quoted(q.lang); ok {
				return a, true, nil
			}
			return fromReleases(ctx, e, q)
		}},
	{"former-members", func(q *question) bool {
		// Not of a person it names, known or not: "前任新闻联络人马蒂亚斯·克罗格
		// (Matthias Kröger)离开联盟后去哪里工作？"
		return q.has[cFormer] && (q.memberish || anyOf(q.has, cCity, cPerson, cAlliance)) && len(q.cities) == 0 && len(q.people) == 0 &&
			!slices.ContainsFunc(q.unknown, unit.latinNoun)
	}, fact(func(e *Engine, q *question) answer.Answer { return e.formerMembers(q.lang) })},
	{"membership-named", func(q *question) bool {
		return len(q.cities) > 0 && !q.has[cAssembly] && !asksWhoDoes(q) && !asksOtherCities(q) &&
			(q.memberish || q.has[cWhen] || q.unknownWords() == 0 && len(q.periods) == 0 || q.has[cList] && slices.ContainsFunc(q.cities, grouping)) &&
			(q.memberish || !anyOf(q.has, cFounding, cProposal))
	}, unlessReleaseSays(membershipOrNo)},
	{"founding-members", func(q *question) bool {
		return (q.has[cFoundingMember] || q.has[cFounding] && q.has[cCity] && q.has[cList]) && len(q.cities) == 0 &&
			!anyOf(q.has, cWhere, cWhen, cCount)
	}, fact(func(e *Engine, q *question) answer.Answer { return e.foundingMembers(q.lang) })},
	// "Hannover Messe 2026" is not the founding conference of 2016.
	// "Wie alt ist die ISA?" is answered by the founding too.
	{"founding", func(q *question) bool {
		return (q.has[cFounding] || q.has[cProposal] || q.asksAllianceAge) && !q.namesUnknown()
	},
		func(_ context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
			check := foundingChecked(q)
			a := e.founding(q.lang, check, q.asksAllianceAge)
			return a, q.asksAllianceAge || (!check.IsZero() || e.ofFounding(q.years)) && e.givesExpected(q, a), nil
		}},
	// How many took part in an assembly, and who spoke, is in the
	// releases' text.
	{"assemblies", func(q *question) bool {
		countsOthers := q.has[cCount] && anyOf(q.has, cPerson, cMember, cCity)
		return q.has[cAssembly] && !countsOthers && !(q.unknownWords() > 0 && (q.has[cCount] || asksWhoDoes(q)))
	},
		// Words the data do not explain may ask for more than the date
		// and place: "the motto of the plenary in Mainz".
		unlessReleaseSays(unnumberedFromReleases(maybe(func(e *Engine, q *question) (answer.Answer, bool) { return e.assemblies(q.lang, assembliesAsked(q)) })))},
	// Who joined in a year, counted.
	{"joined-in", func(q *question) bool { return q.has[cJoin] && len(q.years) > 0 && len(q.cities) == 0 },
		fact(func(e *Engine, q *question) answer.Answer { return e.members(q.lang, memberFilterOf(q)) })},
	// "How many people live in Aachen" counts no members, nor do "how
	// many visitors" and "how many took part in the assembly", nor "Wie
	// viele Mitglieder hat der Deutsche Städtetag?": a noun the engine
	// does not know is another organisation, unless the question names
	// the alliance too. Nor does "Wie groß war der Stand auf der Hannover
	// Messe 2036?", whose only words besides "wie groß" name where the
	// alliance was founded.
	{"count", func(q *question) bool {
		return q.has[cCount] && (len(q.cities) == 0 || q.memberish) && !q.has[cAssembly] && !q.namesUnknown() && !q.countsOther &&
			(q.memberish || q.has[cCity] || q.unknownWords() == 0 && !q.has[cFounding]) && (!q.unknownLatinNoun() || q.has[cAlliance])
	},
		fact(func(e *Engine, q *question) answer.Answer {
			// "How many members did the alliance have after Paderborn
			// joined?": the count as of that change, which also says
			// the place of a city that joined alone (十堰是联盟第几个成员？).
			if q.has[cJoin] || q.has[cFormer] || q.expects == anOrdinal {
				if a, ok := e.countAfter(q.lang, q.cityList()); ok {
					return a
				}
			}
			return e.count(q.lang, memberFilterOf(q), timeAsked(q))
		})},
	// The data knows who joined, not who will.
	{"next-members", func(q *question) bool { return q.has[cNext] && (q.memberish || q.has[cCity]) }, fromReleases},
	{"newest-members", func(q *question) bool { return q.has[cNew] && (q.memberish || q.has[cCity]) && !q.has[cRelease] },
		fact(func(e *Engine, q *question) answer.Answer {
			return e.newestMembers(q.lang, e.atAssemblyIn(q, memberFilterOf(q)))
		})},
	// A question about what a release says of a subject is answered from
	// its text: these list releases.
	{"releases-on", func(q *question) bool { return q.has[cRelease] && len(q.periods) > 0 && q.unknownWords() == 0 },
		fact(func(e *Engine, q *question) answer.Answer { return e.releasesOn(q.lang, q.periods[0]) })},
	// "What's new?", not "How old is the new spokeswoman?"
	// "德国那边的新闻办公室几点到几点有人？" asks a time, which no list of
	// releases gives.
	{"latest-releases", func(q *question) bool {
		return (q.has[cRelease] || q.has[cNew] && q.expects == anyText) && q.unknownWords() == 0 && slices.Contains([]answerType{anyText, aList, aDate}, q.expects)
	},
		fact(func(e *Engine, q *question) answer.Answer { return e.latestReleases(q.lang) })},
	{"names", func(q *question) bool {
		return q.has[cName] && !q.has[cList] && (q.has[cAlliance] || q.unknownWords() == 0)
	},
		fact(func(e *Engine, q *question) answer.Answer { return e.names(q.lang, e.abbreviationsIn(q)) })},
	{"members", asksForMembers, fact(func(e *Engine, q *question) answer.Answer { return e.members(q.lang, memberFilterOf(q)) })},
	{"events", func(q *question) bool { return len(q.dates) > 0 && q.unknownWords() == 0 },
		fact(func(e *Engine, q *question) answer.Answer { return e.events(q.lang, q.dates[0]) })},
	// Not "What is the new mobile number for press enquiries?", which
	// asks for a contact detail the rules above could not give.
	{"about", func(q *question) bool {
		return q.unknownWords() == 0 && (q.has[cAbout] || q.has[cAlliance] && onlyAlliance(q)) && !anyOf(q.has, contactConcepts...)
	}, fact(func(e *Engine, q *question) answer.Answer { return e.about(q.lang) })},
	{"passage", func(*question) bool { return true }, fromReleases},
}

// route answers q by the first rule that answers it; the last rule always
// does.
func (e *Engine) route(ctx context.Context, q *question) (answer.Answer, error) {
	if len(q.units) == 0 {
		a := e.notAnswered(q.lang)
		a.Rule = "empty"
		return a, nil
	}
	for _, r := range rules {
		if !r.test(q) {
			continue
		}
		a, ok, err := r.answer(ctx, e, q)
		if err != nil {
			return answer.Answer{}, err
		}
		if ok {
			a.Rule = r.name
			return a, nil
		}
	}
	panic("search: the last rule answers every question")
}

// fact makes an answer function of a composer that always answers.
func fact(compose func(e *Engine, q *question) answer.Answer) func(context.Context, *Engine, *question) (answer.Answer, bool, error) {
	return func(_ context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
		return compose(e, q), true, nil
	}
}

// maybe makes an answer function of a composer that may find nothing.
func maybe(compose func(e *Engine, q *question) (answer.Answer, bool)) func(context.Context, *Engine, *question) (answer.Answer, bool, error) {
	return func(_ context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
		a, ok := compose(e, q)
		return a, ok && e.givesExpected(q, a), nil
	}
}

// unlessReleaseSays makes an answer function that answers from the data,
// with fromData, unless the question has words of its own that a
// release's passage holds, enough of them not to be the closest guess,
// with the names the question gives:
// "Mit welcher Stadt verhandelt Heilbronn über eine Partnerschaft?" is
// not answered by Heilbronn's membership when a release says it.
func unlessReleaseSays(fromData func(context.Context, *Engine, *question) (answer.Answer, bool, error)) func(context.Context, *Engine, *question) (answer.Answer, bool, error) {
	return releaseFirst(func(*question) bool { return false }, fromData)
}

// releaseFirst makes an answer function that answers as unlessReleaseSays
// does, and, for a question that asks for what the data do not hold
// (beyond), with a release's passage even when it is the closest guess:
// the releases are searched once for both.
func releaseFirst(beyond func(*question) bool, fromData func(context.Context, *Engine, *question) (answer.Answer, bool, error)) func(context.Context, *Engine, *question) (answer.Answer, bool, error) {
	return func(ctx context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
		asksBeyond := beyond(q)
		if q.unknownWords() > 0 || asksBeyond {
			a, ok, err := e.answerFromReleases(ctx, q)
			if err != nil || ok && a.Answered && (asksBeyond || !closestGuess(a)) {
				return a, true, err
			}
		}
		return fromData(ctx, e, q)
	}
}

// asksBeyondMembership reports whether a question about a member asks
// for something its membership does not say ("What fields does
// Heilbronn want to focus on in the alliance?", "宝鸡入盟后第一次参加的联盟活动是什么？"),
// which a release's passage comes closer to. What kind of member a city
// is, or whether a guest, the membership says.
func asksBeyondMembership(q *question) bool {
	return q.asksWhat && !q.asksKind && !q.has[cGuest] && slices.Contains([]answerType{anyText, aList, aPerson, aPlace, aReason}, q.expects)
}

// ofCityFromReleases makes an answer function that answers a question
// naming a city as unlessReleaseSays does, and any other with fromData:
// not one that names only where an office of the alliance sits ("Who
// should I contact at the Foshan secretariat?").
func ofCityFromReleases(fromData func(context.Context, *Engine, *question) (answer.Answer, bool, error)) func(context.Context, *Engine, *question) (answer.Answer, bool, error) {
	ofCity := unlessReleaseSays(fromData)
	return func(ctx context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
		if slices.ContainsFunc(q.cities, func(c cityMention) bool { return !e.hasOfficeIn(c.city) }) {
			return ofCity(ctx, e, q)
		}
		return fromData(ctx, e, q)
	}
}

// namesOffice reports whether a question names an office of the
// alliance: the secretariat, or the city an office sits in; not a side
// alone ("his phone number for Chinese journalists").
func (e *Engine) namesOffice(q *question) bool {
	return q.has[cSecretariat] || slices.ContainsFunc(q.cities, func(c cityMention) bool { return e.hasOfficeIn(c.city) })
}

// hasOfficeIn reports whether an office of the alliance sits in city.
func (e *Engine) hasOfficeIn(city *corpus.City) bool {
	return slices.ContainsFunc(e.data.Alliance.Offices, func(o corpus.Office) bool {
		return o.City != "" && city != nil && strings.EqualFold(city.Name, o.City)
	})
}

// unnumberedFromReleases makes an answer function that answers from the
// data, with fromData, unless the data know no assembly the question
// asks for, the next one or one of a year, and a release's sentence
// names one: for the next, with a time still to come ("Die nächste
// Sitzung der Plenarversammlung ist für den 18. Mai 2027 in Chemnitz
// geplant."), for a year, with that year ("联盟2027年全体大会将于2027年
// 10月在洛阳举行"). Such a sentence gives no number, so the data cannot
// hold the assembly it names.
func unnumberedFromReleases(fromData func(context.Context, *Engine, *question) (answer.Answer, bool, error)) func(context.Context, *Engine, *question) (answer.Answer, bool, error) {
	return func(ctx context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
		a, ok, err := fromData(ctx, e, q)
		if err != nil || !ok || a.Answered || !q.has[cNext] && len(q.years) == 0 {
			return a, ok, err
		}
		r, said, err := e.answerFromReleases(ctx, q)
		if err != nil || said && r.Answered && len(r.Sources) > 0 && (q.has[cNext] && e.namesTimeToCome(r.Sources[0].Snippet) || namesYear(r, q.years)) {
			return r, true, err
		}
		return a, ok, nil
	}
}

// namesTimeToCome reports whether a text names a day, month or year
// still to come: "im Herbst 2027", "2027年5月".
func (e *Engine) namesTimeToCome(text string) bool {
	today := corpus.DateOf(e.now())
	if slices.ContainsFunc(findDates(text), func(d dateSpan) bool { return compareCoarse(d.date, today) >= 0 }) {
		return true
	}
	// A year alone: the years of the dates found are no more to come
	// than their dates.
	return slices.ContainsFunc(yearPattern.FindAllString(stripDates(text), -1), func(y string) bool {
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(y, "年")))
		return err == nil && n >= today.Year
	})
}

// namesYear reports whether an answer's quote names one of years.
func namesYear(a answer.Answer, years []int) bool {
	return len(a.Sources) > 0 && slices.ContainsFunc(years, func(y int) bool { return strings.Contains(a.Sources[0].Snippet, strconv.Itoa(y)) })
}

// membershipOrNo answers with membership when its answer gives the kind
// of fact asked for, or when the question asks about joining cities that
// never were members: "When did Heilbronn join?" is answered by its no.
func membershipOrNo(_ context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
	a := membership(e, q)
	never := q.memberish && !slices.ContainsFunc(q.cities, func(c cityMention) bool {
		return c.city.IsMember() || c.city.Status == corpus.StatusFormer
	})
	return a, never || e.givesExpected(q, a), nil
}

// holding makes an answer function of a composer whose answer gives way
// when it lacks the kind of fact asked for: "Wer vertritt Yantai?" is not
// answered by whether Yantai is a member, nor "How old is Clara
// Weidemann?" by her role.
func holding(compose func(e *Engine, q *question) answer.Answer) func(context.Context, *Engine, *question) (answer.Answer, bool, error) {
	return func(_ context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
		a := compose(e, q)
		// An office's or a person's place may be the one the question
		// asks from: "Wo in Foshan sitzt das ISA-Sekretariat?" is
		// answered by its address in Foshan.
		where := q.expects == aPlace && len(e.placesIn(citationsCut.ReplaceAllString(a.Text, ""))) > 0
		return a, where || e.givesExpected(q, a), nil
	}
}

// givesExpected reports whether an answer holds the kind of fact the
// question asks for, if it asks for one; saying that the sources do not
// know is an answer too, and the data's facts are the answer to a "why"
// the rules let them answer (the founding's, to why it was founded).
func (e *Engine) givesExpected(q *question, a answer.Answer) bool {
	if !a.Answered || q.expects == anyText || q.expects == aReason {
		return true
	}
	text := citationsCut.ReplaceAllString(a.Text, "")
	if q.expects != aContact {
		// A phone number is no date nor number of things: the 2048 of
		// "+49 30 5557 2048" is no year.
		text = emailPattern.ReplaceAllString(phoneInText.ReplaceAllString(text, ""), "")
	}
	return e.holds(text, q.expects, q)
}

// citationsCut matches what an answer cites rather than states: a
// release's title in quotes with the day it was published, and a date in
// brackets ("Stand: …", "as of …"). Neither gives the fact asked for:
// "Genannt in der Pressemitteilung „…在株洲举行…“" names no place someone
// moves to, nor "„…“ vom 13. Januar 2027" the day she took office.
var citationsCut = regexp.MustCompile(`„[^“]*“(?:\s+vom\s+\d{1,2}\.\s+\pL+\s+\d{4})?|“[^”]*”(?:\s+of\s+\d{1,2}\s+\pL+\s+\d{4})?|《[^》]*》|"[^"]*"|\([^)]*\)|（[^）]*）`)

// declined makes an answer function of a composer whose reply states no
// fact: it ends the routing, but counts as not answered.
func declined(compose func(e *Engine, q *question) answer.Answer) func(context.Context, *Engine, *question) (answer.Answer, bool, error) {
	return fact(func(e *Engine, q *question) answer.Answer {
		a := compose(e, q)
		a.Answered = false
		return a
	})
}

// fromReleases answers from the releases' text, or says the question cannot
// be answered.
func fromReleases(ctx context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
	a, ok, err := e.answerFromReleases(ctx, q)
	if err != nil || ok {
		return a, true, err
	}
	return e.notAnswered(q.lang), true, nil
}

// aboutContactPerson answers from the releases about the contact person
// the question names by role, as if it named them; when the contact
// names no person, or no release says, the rules after it answer.
func aboutContactPerson(ctx context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
	name := q.contactPerson // named by name alone: "伊韦森今年多大？"
	if q.namesContactPerson || name == "" {
		lead, _, _ := e.contactOffices(officeAsked(e, q), timeAsked(q))
		if lead == nil || lead.Person == "" {
			return answer.Answer{}, false, nil
		}
		name = lead.Person
	}
	person := e.personNamed(name)
	if person == nil {
		person = &corpus.Person{Name: name}
	}
	named := *q
	named.people = []*corpus.Person{person}
	// "新任新闻发言人伊韦森今年多大？" writes the person's name for its
	// sound: no word of the subject beside it.
	runs := e.soundRuns(q)
	ofName := func(u unit) bool {
		return slices.ContainsFunc(runs, func(run [2]int) bool {
			return u.start >= run[0] && u.start < run[1] &&
				slices.ContainsFunc(namesOf(person, true), func(n string) bool { return writesBySound(q.text, [][2]int{run}, n) })
		})
	}
	named.unknown = slices.DeleteFunc(slices.Clone(q.unknown), ofName)
	a, ok, err := ifReleasesAnswer(ctx, e, &named)
	if err != nil || ok || !q.asksEarlier {
		return a, ok, err
	}
	// "新发言人以前做过什么工作？": a release may say what came before in
	// words of its own ("Danach war sie …"), with the person's name.
	named.unknown = slices.DeleteFunc(slices.Clone(named.unknown), inCues(q, &e.message.asksEarlier))
	return ifReleasesAnswer(ctx, e, &named)
}

// ifReleasesAnswer answers with a release's sentence, if one answers
// ("Warum ist Bottrop ausgetreten?": a sentence that gives a reason);
// else the rules after it answer.
func ifReleasesAnswer(ctx context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
	a, ok, err := e.answerFromReleases(ctx, q)
	return a, err != nil || ok && a.Answered, err
}

// fromReleasesOrFacts answers from the releases' text; when they hold
// nothing on a question that asks for a kind of fact and names no city,
// the rules after it may answer with a fact of that kind: "Who gave a
// speech at the founding conference?" is answered by the founding's
// speakers. (A city would be answered by its membership.)
func fromReleasesOrFacts(ctx context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
	switch {
	case q.expects == anyText || len(q.cities) > 0:
		return fromReleases(ctx, e, q)
	case q.expects == aContact && (q.namesContactPerson || q.has[cSecretariat] || q.has[cContact]) &&
		len(e.unknownPeople(q)) == 0 && !e.message.nameKinds.in(q.text, q.units):
		// "Unter welcher Handynummer ist der neue Pressesprecher in
		// dringenden Fällen erreichbar?", 现在要联系ISA德国办事处的新闻部门，
		// 应该打哪个电话？: the contact's details, which the release found
		// may not give. Not a project's contact person (氢能装备项目的联系人,
		// a kind of name), nor someone the sources do not know.
		return ifReleasesAnswer(ctx, e, q)
	}
	return e.answerFromReleases(ctx, q)
}

// The decisions of the rules: what a question asks of a composer.

// asksFutureJoin reports whether a question asks whether a city will
// join, or plans to: "Will Munich join?", "Plant München einen
// Beitritt?"; not "Wird München als Mitglied geführt?", nor whether it
// will leave.
func asksFutureJoin(q *question) bool {
	return (q.asksFuture || q.has[cWish]) && q.has[cJoin] && !q.has[cFormer] && !q.has[cFoundingMember]
}

func membership(e *Engine, q *question) answer.Answer {
	return e.membership(q.lang, q.cities, membershipAspect{when: q.has[cWhen], whether: q.asksWhether, leaving: q.has[cFormer], founding: q.has[cFoundingMember], guest: q.has[cGuest], future: asksFutureJoin(q)})
}

func contactDetails(e *Engine, q *question) answer.Answer {
	return e.contactDetails(q.lang, requestedDetails(q.has), officeAsked(e, q), timeAsked(q), slices.Concat(q.people, e.unknownPeople(q)))
}

// unknownPeople are the people a question names whom the sources do not
// know: a Latin word nothing explained, written with a capital, that no
// contact block names and that is a name: after a title ("Frau Vogel",
// "Mr Wolf"), or in a Chinese question, or inside the sentence where no
// dictionary has it as a word ("Dr. Mareike Stolzenberg's direct phone
// number"; not the "Press Desk"). Their details are no one else's; a
// former contact's are ("Ich habe bisher immer Frau Dallmann angerufen –
// wen erreiche ich stattdessen?").
func (e *Engine) unknownPeople(q *question) []*corpus.Person {
	var out []*corpus.Person
	end := -1 // where the last name taken ends
	for _, u := range q.unknown {
		if u.han || !u.capital || camelCase(u.raw) || e.contactBlockNames(u.raw) {
			continue
		}
		i := slices.IndexFunc(q.units, func(v unit) bool { return v.start == u.start })
		titled := i > 0 && e.learner.cues.title.at(q.units, i-1) > 0
		if !titled && q.lang != corpus.Chinese && (u.start == 0 || e.isHeadword(u)) {
			continue
		}
		if len(out) > 0 && strings.TrimSpace(q.text[end:u.start]) == "" {
			out[len(out)-1].Name += " " + u.raw // "Mareike Stolzenberg"
		} else {
			out = append(out, &corpus.Person{Name: u.raw})
		}
		end = endOf(u)
	}
	return out
}

// aboutNumberAsked answers from the release that speaks of a number the
// question gives beside its words for a contact (numbersAsked), if one
// does, and with the contact as it is now, whom to call instead; else
// the rules after it answer.
func aboutNumberAsked(ctx context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
	numbers := numbersAsked(q)
	if len(numbers) == 0 {
		return answer.Answer{}, false, nil
	}
	// What the release says of the number is the answer, not a contact
	// detail it gives: "Kann ich noch die Durchwahl 4410 anrufen?"
	withNumbers := *q
	withNumbers.expects = anyText
	withNumbers.unknown = slices.Concat(q.unknown, numbers)
	slices.SortFunc(withNumbers.unknown, func(a, b unit) int { return a.start - b.start })
	a, ok, err := ifReleasesAnswer(ctx, e, &withNumbers)
	if err != nil || !ok {
		return a, ok, err
	}
	return combine([]answer.Answer{a, e.contact(q.lang, officeAsked(e, q), timeAsked(q), false, true)}), true, nil
}

// numbersAsked are the numbers of three digits or more a question gives
// that are no year, or that follow a word for a contact: the extension
// of "alte Durchwahl 2041" and "extension 4410".
func numbersAsked(q *question) []unit {
	var out []unit
	for i, u := range q.units {
		if utf8.RuneCountInString(u.raw) < 3 || strings.IndexFunc(u.raw, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			continue
		}
		n, _ := strconv.Atoi(u.raw)
		if n < 1900 || n > 2100 || slices.Contains(q.contactWords, i-1) {
			out = append(out, u)
		}
	}
	return out
}

// contactSurname is the surname of the contact person a question names.
func contactSurname(q *question) string {
	if strings.TrimSpace(q.contactPerson) == "" {
		return ""
	}
	surname, _ := surnameOf(&corpus.Person{Name: q.contactPerson})
	return surname
}

// contactBlockNames reports whether an office's contact, now or before,
// has name as a word of their name.
func (e *Engine) contactBlockNames(name string) bool {
	for o := range e.contactPeople() {
		if slices.ContainsFunc(strings.Fields(o.Person), func(w string) bool { return strings.TrimSuffix(name, "s") == w || name == w }) {
			return true
		}
	}
	return false
}

// officeAsked is the office whose contact a question asks for: the
// secretariat's in China when it names the secretariat and not Germany,
// or the secretariat's city; else the office in Germany, only it when
// the question names Germany and not China.
func officeAsked(e *Engine, q *question) officeChoice {
	// "Wer ist für Anfragen chinesischer Medien zuständig?": the
	// secretariat's, in China.
	if (q.has[cSecretariat] || q.has[cChina]) && !q.has[cGermany] || slices.ContainsFunc(q.cities, func(c cityMention) bool { return c.city.Name == e.secretariatCity() }) {
		return officeChoice{kind: corpus.OfficeSecretariat}
	}
	return officeChoice{kind: corpus.OfficeGerman, inGermany: q.has[cGermany] && !q.has[cChina]}
}

// successor names who followed the people a question names in their
// roles, as far as the releases say; else the releases' text answers.
func successor(ctx context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
	switch {
	case slices.ContainsFunc(q.people, func(p *corpus.Person) bool { return p.Successor != "" }):
		return e.successors(q.lang, q.people), true, nil
	case slices.ContainsFunc(q.people, func(p *corpus.Person) bool { return e.predecessorOf(p) != nil }):
		// "Wen hat Chen Siyuan abgelöst?": whom the one named followed.
		return e.predecessors(q.lang, q.people), true, nil
	}
	return fromReleases(ctx, e, q)
}

// coordinator answers with the newest office alone for "Who took over
// from PKS?" and "Is PKS still in charge?".
func coordinator(e *Engine, q *question) answer.Answer {
	return e.coordinator(q.lang, q.has[cNew] || q.asksNow)
}

// secretariat answers "Is the secretariat in Berlin?" yes or no, and
// "who" with the people first.
func secretariat(e *Engine, q *question) answer.Answer {
	var cities []*corpus.City
	if !anyOf(q.has, cWhere, cPerson) {
		cities = q.cityList()
	}
	// "Who will succeed the Secretary-General?" asks for no predecessor.
	return e.secretariat(q.lang, cities, q.has[cPerson], q.asksSuccessor && !q.asksFuture)
}

// foundingChecked is the date a yes-or-no question about the founding
// asks about ("Was the ISA founded in 2015?"), or none. In Chinese "吗"
// makes a question one even with 年 ("2015年成立的吗"); "Was it proposed in
// 2015?" and "before 2016?" ask something else.
func foundingChecked(q *question) corpus.Date {
	yesNo := q.has[cFounding] && !anyOf(q.has, cProposal, cOrder, cWhere, cCount, cList, cMember, cPerson) &&
		(!q.has[cWhen] || q.lang == corpus.Chinese && strings.Contains(q.text, "吗"))
	if !yesNo || len(q.years) == 0 {
		return corpus.Date{}
	}
	return timeAsked(q)
}

// timeAsked is the date the question names, else its first year.
func timeAsked(q *question) corpus.Date {
	switch {
	case len(q.dates) > 0:
		return q.dates[0]
	case len(q.years) > 0:
		return corpus.Date{Year: q.years[0]}
	}
	return corpus.Date{}
}

func assembliesAsked(q *question) assemblyQuery {
	// "the previous plenary" is the last one held, as "the latest" is.
	asked := assemblyQuery{numbers: q.numbers, cities: q.cityList(), years: q.years, next: q.has[cNext], newest: q.has[cNew] || q.asksSuccessor, day: q.asksDay}
	if len(q.dates) > 0 {
		asked.date = q.dates[0]
	}
	return asked
}

// memberFilterOf is what a question narrows the member list to: a region,
// a country, the time they joined.
func memberFilterOf(q *question) memberFilter {
	var f memberFilter
	switch {
	case len(q.regions) > 0:
		f.region = q.regions[0]
		f.country = f.region.Country
	case q.countsTwice:
		// All of them, which says each side too.
	case q.has[cGermany] && !q.has[cChina]:
		f.country = corpus.Germany
	case q.has[cChina] && !q.has[cGermany]:
		f.country = corpus.China
	}
	if q.has[cJoin] {
		f.joined = timeAsked(q)
	}
	return f
}

// atAssemblyIn narrows f to the members who joined at the plenary
// assembly held in a city the question names, when it names no time:
// "Welche Städte sind in Huzhou neu aufgenommen worden?"
func (e *Engine) atAssemblyIn(q *question, f memberFilter) memberFilter {
	if !f.joined.IsZero() {
		return f
	}
	for _, c := range q.cities {
		for _, as := range e.data.Alliance.Assemblies {
			if namedBy(as.Place, c.city.Name) || slices.ContainsFunc(textValues(c.city.Names), func(n string) bool { return namedBy(as.Place, n) }) {
				// An assembly may last two days: who joined in its month.
				f.joined = corpus.Date{Year: as.Date.Year, Month: as.Date.Month}
			}
		}
	}
	return f
}

func asksWhenOfNothing(q *question) bool {
	return q.has[cWhen] && onlyConcepts(q.has, cWhen, cStop) && q.unknownWords() == 0 &&
		len(q.cities) == 0 && len(q.people) == 0 && len(q.regions) == 0 && len(q.years) == 0
}

func askBack(e *Engine, q *question) answer.Answer {
	a := e.newAnswer(q.lang)
	a.say("askBack.when_what_please_tell_me")
	return a.done(answer.KindNone, 0)
}

// asksOtherCities reports whether the question asks which cities, where
// the city it names is not the one asked about: "Welche Städte sind in
// Huzhou neu aufgenommen worden?".
func asksOtherCities(q *question) bool {
	return q.has[cList] && q.has[cCity] && !slices.ContainsFunc(q.cities, grouping)
}

// asksWhichChineseCity reports whether a Chinese question asks which
// city (哪个城市, 哪些城市): a word of it the engine does not know is no
// city's name, which the gazetteer would know in Chinese ("上个月的全体大会
// 新吸收了哪个城市入盟？"). A German or English one may name a place the
// engine does not know ("Welche Stadt im Elsass ist Mitglied?").
func asksWhichChineseCity(q *question) bool {
	return q.lang == corpus.Chinese && q.has[cCity] && (q.expects == aPlace || q.expects == aCity)
}

// asksWhoDoes reports whether the question asks who does something the
// data hold no fact on: "Wer vertritt Yantai?", "Who spoke?".
func asksWhoDoes(q *question) bool {
	return q.has[cPerson] && len(q.people) == 0 && q.unknownWords() > 0
}

// ofFounding reports whether the years a question names, if any, are
// those of the founding, the proposal or the founding conference.
func (e *Engine) ofFounding(years []int) bool {
	al := &e.data.Alliance
	return len(years) == 0 || slices.ContainsFunc(years, func(y int) bool {
		return y == al.Founded.Date.Year || y == al.Proposed.Date.Year || y == al.FoundingConference.Date.Year
	})
}

// asksMembership reports whether the question asks whether cities are
// members, rather than how to become one or how many there are; at which
// assembly a city joined is its membership ("太仓是在第几届全体大会上加入联盟的？").
func asksMembership(q *question) bool {
	return q.memberish && !q.has[cHow] && (!q.has[cCount] || q.expects == anOrdinal && q.has[cAssembly])
}

func asksOfOtherOrganisation(q *question) bool {
	return len(q.memberOrganisation()) > 0 ||
		len(q.cities) > 0 && q.has[cFounding] && !q.memberish && !q.has[cAlliance] && !q.has[cProposal]
}

func asksForMembers(q *question) bool {
	unknown := q.unknownWords()
	// "How old is the new press spokesman of the German office?" asks
	// for no members.
	if !slices.Contains([]answerType{anyText, aList, aCity, aPlace, aNumber}, q.expects) {
		return false
	}
	// "第23届全体大会有多少人参加？" counts the people at an assembly, whom
	// its release counts.
	if q.has[cAssembly] && q.has[cCount] && q.has[cPerson] {
		return false
	}
	switch {
	case q.has[cList] && q.memberish:
		return true
	case q.has[cList] && (q.has[cCity] || len(q.regions) > 0) && unknown == 0:
		// "Welche Städte aus Bayern?"; not "Which German cities have the
		// most bridges?", "Which Bavarian beers are famous?"
		return true
	case q.has[cList] && (q.has[cGermany] || q.has[cChina]) && unknown == 0:
		return true // "Welche chinesischen sind dabei?", not "Welche Aktien chinesischer Firmen …?"
	case q.memberish && unknown == 0 && len(q.cities) == 0:
		return true
	case len(q.regions) > 0 && unknown == 0:
		return true
	}
	return q.has[cGermany] != q.has[cChina] && q.has[cAlliance] && unknown == 0
}

// memberOrganisation is the name of the organisation other than the
// alliance that a question asks membership of, if any: "HSV" of "Ist
// Köln Mitglied im HSV?".
func (q *question) memberOrganisation() []unit {
	if !q.memberish {
		return nil
	}
	return q.otherOrganisation(q.memberWords, memberPrepositions, 0, 2)
}

// releasesSpeakOf reports whether the releases hold each of the words,
// as written or in the glossary's words for it in any language: an
// organisation they name (the delegation, 代表团), not one a dictionary's
// sense of the word finds ("Linke" as "verbinden").
func (e *Engine) releasesSpeakOf(ctx context.Context, words []unit, lang corpus.Lang) (bool, error) {
	if len(words) == 0 {
		return false, nil
	}
	for _, u := range words {
		lookup := map[corpus.Lang][]string{lang: searchTerms(e.index.analyze(lang, u.raw))}
		for _, l := range corpus.Langs() {
			for _, t := range e.translator.translations(u.raw, l) {
				lookup[l] = append(lookup[l], searchTerms(e.index.analyze(l, t))...)
			}
		}
		known, err := e.index.known(ctx, lookup)
		if err != nil {
			return false, err
		}
		if !anyKnown(known) {
			return false, nil
		}
	}
	return true, nil
}

// anyKnown reports whether the index holds one of the terms looked up.
func anyKnown(known map[corpus.Lang]map[string]bool) bool {
	for _, terms := range known {
		for _, ok := range terms {
			if ok {
				return true
			}
		}
	}
	return false
}

// otherOrganisation is the name of another organisation that a question
// gives after one of the words at the indexes given (for membership, for
// a contact), gap words after it at most, and one of prepositions: the
// unknown words within reach of it, none if it names none. "Mitglied im
// HSV", "member of FIFA", "the phone number of the Chinese embassy".
func (q *question) otherOrganisation(words []int, prepositions []string, gap, reach int) []unit {
	for _, w := range words {
		i := w
		if gap > 0 && i+2 < len(q.units) && !slices.Contains(prepositions, q.units[i+1].key) && q.isContent(q.units[i+1]) {
			i++ // "phone number of", "contact person for"; not "Handynummer ist der neue Pressesprecher"
		}
		if i+1 >= len(q.units) || !slices.Contains(prepositions, q.units[i+1].key) {
			continue
		}
		// The name may follow an article, an adjective or a city: "im
		// Deutschen Städtetag", "of the Chinese embassy", "for the
		// Hamburg port".
		name := slices.DeleteFunc(slices.Clone(q.units[i+2:min(i+2+reach, len(q.units))]), func(v unit) bool {
			return !q.isUnknown(v) && !q.isGuessed(v)
		})
		if len(name) > 0 {
			return name
		}
	}
	return nil
}

// memberPrepositions come before the organisation one is a member of,
// contactPrepositions before the one whose contact is asked.
var (
	memberPrepositions  = []string{"im", "beim", "bei", "in", "of", "der", "des"}
	contactPrepositions = []string{"beim", "bei", "of", "der", "des", "for", "fur", "für", "at", "von", "vom"}
)

// onlyConcepts reports whether the question has no concepts but allowed.
func onlyConcepts(has [numConcepts]bool, allowed ...concept) bool {
	for c, ok := range has {
		if ok && !slices.Contains(allowed, concept(c)) {
			return false
		}
	}
	return true
}

// grouping reports whether a member is a group of cities ("Drei
// gewinnt"): which cities it holds is answered by its membership.
func grouping(m cityMention) bool { return len(m.city.Parts) > 0 }

// onlyAlliance reports whether the question is just the alliance's name.
func onlyAlliance(q *question) bool {
	for c := concept(1); c < numConcepts; c++ {
		if q.has[c] && c != cAlliance && c != cStop && c != cPerson {
			return false
		}
	}
	return len(q.cities) == 0 && len(q.people) == 0 && len(q.regions) == 0
}

func anyOf(has [numConcepts]bool, cs ...concept) bool {
	for _, c := range cs {
		if has[c] {
			return true
		}
	}
	return false
}

// The contact details: those one reaches someone by, and all of them;
// contactConcepts are those of a contact and its details.
var (
	reachedBy       = []concept{cEmail, cPhone, cMobile, cFax}
	detailConcepts  = slices.Concat(reachedBy, []concept{cAddress, cWebsite})
	contactConcepts = slices.Concat([]concept{cContact}, detailConcepts)
)

func requestedDetails(has [numConcepts]bool) []concept {
	var out []concept
	for _, c := range detailConcepts {
		if has[c] {
			out = append(out, c)
		}
	}
	// "Where is the secretariat?" asks for a place, which the secretariat
	// answer gives; an address of the secretariat is no more than that.
	// The German secretariat is the office in Germany, whose address is
	// its address (联盟德国秘书处的地址).
	if len(out) == 1 && out[0] == cAddress && has[cSecretariat] && !has[cGermany] {
		return nil
	}
	return out
}

// abbreviationsIn are the short forms of the alliance's variant names
// that the question names ("What does SGICA stand for?").
func (e *Engine) abbreviationsIn(q *question) []string {
	var out []string
	for _, n := range e.data.Alliance.Names {
		if n.Variant && n.Short != "" && slices.ContainsFunc(q.units, func(u unit) bool { return u.key == fold(n.Short) }) {
			out = append(out, n.Short)
		}
	}
	return out
}

// isTimeWord reports whether a word says when rather than what: new,
// next, former.
func (e *Engine) isTimeWord(u unit) bool {
	for _, m := range e.dict.find([]unit{u}) {
		if slices.ContainsFunc(m.senses, func(s sense) bool { return slices.Contains([]concept{cNew, cNext, cFormer}, s.concept) }) {
			return true
		}
	}
	return false
}

// peopleByRole finds the people whose role, in some language or
// translated into the question q's, holds every word of content but at
// most one of three or more ("the new deputy secretary-general"): a Latin
// word as the start of a word of the role ("stellvertretende" in
// "stellvertretender"), a Chinese character anywhere in it; or whose
// Chinese role the question's text names (副秘书长 in
// 新来的副秘书长叫什么名字). Where several roles match, the
// longest wins (副秘书长, not 秘书长), and the newest holder comes first.
func (e *Engine) peopleByRole(content []unit, q *question) []*corpus.Person {
	lang := q.lang
	if len(content) == 0 {
		return nil
	}
	type found struct {
		p    *corpus.Person
		role int // the matching role's length
	}
	// The roles as written first; translated only when none matches, so
	// that a question the data answer does not wait for the dictionaries.
	var out []found
	for _, translated := range []bool{false, true} {
		for i := range e.data.Alliance.People {
			p := &e.data.Alliance.People[i]
			best := 0
			for from, role := range p.Role {
				roles := []string{role}
				if translated && from != lang {
					for _, t := range e.bilingual().Translate(role, from, lang) {
						roles = append(roles, t.Word)
					}
				}
				for _, r := range roles {
					best = max(best, e.roleMatch(r, content, q))
				}
			}
			if best > 0 && e.ofCitiesAsked(p, q.cities) {
				out = append(out, found{p, best})
			}
		}
		if len(out) > 0 {
			break
		}
	}
	longest := 0
	for _, f := range out {
		longest = max(longest, f.role)
	}
	out = slices.DeleteFunc(out, func(f found) bool { return f.role < longest })
	slices.SortStableFunc(out, func(a, b found) int {
		switch {
		case b.p.AsOf.Before(a.p.AsOf):
			return -1
		case a.p.AsOf.Before(b.p.AsOf):
			return 1
		}
		return 0
	})
	var people []*corpus.Person
	for _, f := range out {
		people = append(people, f.p)
	}
	return people
}

// countryOfUnit is the country a unit is a word for, or "": "German",
// "chinesische".
func (e *Engine) countryOfUnit(u unit) string {
	for _, m := range e.dict.find([]unit{u}) {
		if country := countryOf(m); country != "" {
			return country
		}
	}
	return ""
}

// ofCitiesAsked reports whether a person's role or organisation, or the
// title of the source that names them, names one of the cities a question
// names, if it names any: "希尔德斯海姆市长是谁？" is not answered by a 市长
// whose city neither says; "Who is the Lord Mayor of Heilbronn?" is, by
// the Lord Mayor a release on Heilbronn quotes.
func (e *Engine) ofCitiesAsked(p *corpus.Person, cities []cityMention) bool {
	if len(cities) == 0 {
		return true
	}
	roles := textValues(p.Role)
	namesOne := func(said ...string) bool {
		return slices.ContainsFunc(cities, func(c cityMention) bool {
			return slices.ContainsFunc(namesOfCity(c.city), func(name string) bool {
				return name != "" && slices.ContainsFunc(said, func(text string) bool { return namesWord(text, name) })
			})
		})
	}
	if namesOne(append(roles, p.Organisation)...) {
		return true
	}
	// A role that names a city is that city's: 开姆尼茨市经济促进局局长 is no
	// office head of Foshan, whatever city the release's title names.
	src := e.sources[p.Source]
	return src != nil && namesOne(src.Title) && !slices.ContainsFunc(roles, e.namesCity)
}

// namesWord reports whether text holds name as a word of its own, not
// inside another ("Hof" in "Hofmann"); a name in Chinese characters
// anywhere.
func namesWord(text, name string) bool {
	for at := 0; ; {
		i := strings.Index(text[at:], name)
		if i < 0 {
			return false
		}
		start, end := at+i, at+i+len(name)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if isHan([]rune(name)[0]) || (start == 0 || !unicode.IsLetter(before)) && (end == len(text) || !unicode.IsLetter(after)) {
			return true
		}
		at = end
	}
}

// namesCity reports whether text names a city, a member or not.
func (e *Engine) namesCity(text string) bool {
	return slices.ContainsFunc(e.placesIn(text), func(p foundPlace) bool { return p.city != nil || p.nonMember != nil })
}

// namedRoleEnd is how many characters of a Chinese role's end text
// names, its role word (秘书长, 局长) at least; 0 if it does not name it.
func (e *Engine) namedRoleEnd(role, text string) int {
	words := e.learner.chineseRoles(role)
	if len(words) == 0 {
		return 0
	}
	core := words[len(words)-1].start
	for start := range role {
		if start > core {
			break
		}
		if strings.Contains(text, role[start:]) {
			return utf8.RuneCountInString(role[start:])
		}
	}
	return 0
}

// roleMatch says how well a role matches the content words of question q:
// by the length of a Chinese role the text names, so that 副秘书长 wins
// over the 秘书长 in it; 1 for any other match; 0 for none, and for a
// deputy's role when the question asks for no deputy, and for any other
// when it asks for one.
func (e *Engine) roleMatch(role string, content []unit, q *question) int {
	if deputy := &e.learner.cues.deputy; deputy.in(role, segment(role)) != deputy.in(q.text, q.units) {
		return 0 // the vice mayor is no mayor, nor the mayor the vice mayor
	}
	if strings.IndexFunc(role, isHan) >= 0 {
		// 青年营的负责人 asks for the youth camp's, not any 负责人.
		// The longer the end of the role the question names, the better:
		// 商务局副局长 before any 副局长, the role's own word at least.
		inRole := !slices.ContainsFunc(q.unknown, func(u unit) bool { return u.han && !strings.Contains(role, u.key) })
		if named := e.namedRoleEnd(role, q.text); named > 0 && inRole {
			return named
		}
		if !slices.ContainsFunc(content, func(u unit) bool { return !u.han || !strings.Contains(role, u.key) }) {
			return 1
		}
		return 0
	}
	words := strings.FieldsFunc(fold(role), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	missed, latin := 0, 0
	for _, u := range content {
		if u.han || e.isTimeWord(u) {
			continue // "the new deputy": new is no part of a role
		}
		latin++
		if !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, u.key) }) {
			if asked := e.countryOfUnit(u); asked != "" && slices.ContainsFunc(segment(role), func(r unit) bool {
				other := e.countryOfUnit(r)
				return other != "" && other != asked
			}) {
				return 0 // "the German co-president" is no "Chinese co-president"
			}
			if q.isUnknown(u) && u.latinNoun() && !e.learner.cues.organisation.inText(u.raw) {
				// "Wer ist auf deutscher Seite für die Werkstattwochen
				// zuständig?" asks of what no role names, as 青年营的
				// 负责人 does: a noun the engine does not know, but a word
				// of an organisation's name ("PKS GmbH").
				return 0
			}
			missed++
		}
	}
	if latin > 0 && (missed == 0 || missed == 1 && latin >= 3) {
		return 1
	}
	return 0
}

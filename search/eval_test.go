package search

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// evalQuestion is one journalist's question of the evaluation set in
// testdata/questions, with what its answer must and must not contain.
type evalQuestion struct {
	Q        string      `yaml:"q"`
	Lang     corpus.Lang `yaml:"lang"`
	Answered bool        `yaml:"answered"`
	// Contains lists strings the answer must contain, case-insensitively;
	// "a|b" accepts either.
	Contains []string `yaml:"contains"`
	Absent   []string `yaml:"absent"`
	// Rule, when set, is the engine's rule that must answer.
	Rule string `yaml:"rule"`
	Note string `yaml:"note"`
}

// evalSuite is a set of evaluation questions and the corpus they are
// asked of: the embedded one, plus the releases of extra when it is set.
type evalSuite struct {
	name      string
	questions string // glob of question files
	extra     string // a corpus directory added to the embedded one
	// now is the day the suite's questions are asked, for what is still
	// to come; zero is today.
	now time.Time
	// minScore is the share of questions that must be answered right.
	// The engine's own questions must all pass; the blind sets, written
	// by people who never saw the engine, measure it, and the test fails
	// only when the score falls below what it reached.
	minScore float64
}

var evalSuites = []evalSuite{
	{name: "own", questions: "testdata/questions/*.yaml", minScore: 1},
	{name: "held-out", questions: "testdata/heldout/*.yaml", minScore: 0.96},
	// What the engine learns from releases in wordings of their own.
	{name: "learning", questions: "testdata/learning/questions.yaml", extra: "testdata/learning", minScore: 1,
		now: time.Date(2027, time.September, 10, 12, 0, 0, 0, time.UTC)},
	{name: "learning offices", questions: "testdata/learning-offices/questions.yaml", extra: "testdata/learning-offices", minScore: 1,
		now: time.Date(2027, time.November, 10, 12, 0, 0, 0, time.UTC)},
	// Twelve short releases of 2028 and 100 questions on what the engine
	// learns from them (members, counts, the press contact, the
	// secretariat, assemblies), in wordings of their own: written by a
	// helper who had not seen the engine, for the engine's authors to
	// work on. 38 were right at the first run, 67 after the fixes it
	// showed in the learner in the sixth session, 76 in the seventh, 78
	// in the eighth.
	{name: "learning dev", questions: "testdata/learndev/questions.yaml", extra: "testdata/learndev", minScore: 0.82,
		now: time.Date(2028, time.July, 10, 12, 0, 0, 0, time.UTC)},
	// A second development set for learning facts, written blind by a
	// helper in the seventh session: 12 short releases of 2029 in wordings
	// chosen to be unusual, and 100 questions. Training data: its failures
	// are looked at. 54 were right at the first run, 82 at the end of
	// the session, most of it from fixes of the learner it showed; 84 in
	// the eighth.
	{name: "learning dev2", questions: "testdata/learndev2/questions.yaml", extra: "testdata/learndev2", minScore: 0.89,
		now: time.Date(2029, time.July, 1, 12, 0, 0, 0, time.UTC)},
	// A third, written blind by a helper in the nineteenth session: 12
	// short releases of 2033 on people and contacts (press contacts in
	// Berlin and Foshan, acting and future ones, a secretary-general
	// stepping down, a head of office retiring, phone numbers changed),
	// and 100 questions. Training data: its failures are looked at. 43
	// were right at the first run, 57 at the session's end.
	{name: "learning dev3", questions: "testdata/learndev3/questions.yaml", extra: "testdata/learndev3", minScore: 0.65,
		now: time.Date(2033, time.July, 1, 12, 0, 0, 0, time.UTC)},
	{name: "new releases", questions: "testdata/eval/questions/*.yaml", extra: "testdata/eval", minScore: 0.88,
		now: time.Date(2026, time.October, 1, 12, 0, 0, 0, time.UTC)},
	// Written by a helper who had not seen the engine's code, after the
	// work on the suites above: four releases of its own and 80 questions.
	// It reached 60; 59 since the dictionaries keep eight senses a word,
	// not three, which gave more elsewhere (a Chinese release's 人员
	// now counts the secretariat's staff); 63 at the eighth session's end.
	{name: "blind", questions: "testdata/blind/questions.yaml", extra: "testdata/blind", minScore: 0.83,
		now: time.Date(2026, time.December, 2, 12, 0, 0, 0, time.UTC)},
	// A second blind set, by another helper who had not seen the engine,
	// after the work on all the sets above: seven releases, 114 questions.
	// It reached 84; 83 since a German compound's head covers half of it
	// ("Preis" of "Nachhaltigkeitspreis" is in other prizes' releases),
	// which gave two elsewhere; 82 since a city admitted at an assembly
	// joined on the assembly's day (Schweinfurt on 12 November, where its
	// own release says "seit dem 13. November"; the earlier date wins).
	{name: "blind2", questions: "testdata/blind2/questions.yaml", extra: "testdata/blind2", minScore: 0.77,
		now: time.Date(2026, time.December, 3, 12, 0, 0, 0, time.UTC)},
	// A third blind set, by a third helper who had not seen the engine:
	// eight releases, 138 questions, 59 of them across languages. 80 of
	// them (58 %) were right at the first run, before any change for them.
	// It reached 97; 95 since the third glossary, whose Chinese words
	// (友好学校, 集装箱) cut two questions into more subjects than a
	// passage covers; 101 later, 100 since the dictionaries keep eight
	// senses a word, not three, and 101 at the eighth session's end.
	// 103 in the ninth session, 102 since a run of Chinese characters
	// that no dictionary translates counts as missing again unless it
	// holds a function character (让): it may be a name. 100 in the
	// eleventh, since 天 is a measure word (五天, 几天): "配对洽谈日安排在
	// 哪一天" had been right because its lone 天, "day", found "Matchmaking
	// Day".
	{name: "blind3", questions: "testdata/blind3/questions.yaml", extra: "testdata/blind3", minScore: 0.81,
		now: time.Date(2026, time.December, 3, 12, 0, 0, 0, time.UTC)},
	// A fourth blind set, by a fourth helper who had not seen the engine:
	// eight releases, 150 questions, 80 of them across languages. 76 of
	// them (50.7 %) were right at the first run, before any change for them;
	// 99 (66.0 %) after this session's changes, of which the glossaries
	// were written without it and the rest were found in its failures.
	// It reached 112; 110 since the dictionaries keep eight senses a
	// word, which gave more elsewhere (an exchange rate is now found in a
	// release on membership fees in euros and yuan).
	{name: "blind4", questions: "testdata/blind4/questions.yaml", extra: "testdata/blind4", minScore: 0.82,
		now: time.Date(2026, time.December, 4, 12, 0, 0, 0, time.UTC)},
	// A fifth blind set, by a fifth helper who had not seen the engine,
	// written after all of this session's changes: eight releases, 136
	// questions, 88 of them across languages. 67 of them (49.3 %) were
	// right at the first run; 75 after a third glossary, written without
	// it, and two fixes found in its failures.
	{name: "blind5", questions: "testdata/blind5/questions.yaml", extra: "testdata/blind5", minScore: 0.77,
		now: time.Date(2026, time.December, 4, 12, 0, 0, 0, time.UTC)},
	// A sixth blind set, by a sixth helper who had not seen the engine,
	// written at the start of the fourth session: eight releases, among
	// them a new member (Ningbo) and a new press contact, and 146
	// questions, 77 of them about a release in another language. 82 of
	// them (56.2 %) were right at the first run, before any change of the
	// session was measured on it; 94 (64.4 %) at the session's end, some
	// of it from fixes found in its failures (the press contact, the
	// assembly of a year).
	{name: "blind6", questions: "testdata/blind6/questions.yaml", extra: "testdata/blind6", minScore: 0.76,
		now: time.Date(2026, time.December, 10, 12, 0, 0, 0, time.UTC)},
	// A seventh blind set, by a seventh helper who had not seen the engine,
	// written in the fourth session: eight releases, among them a plenary
	// assembly and a new Secretary-General, and 147 questions, 79 of them
	// about a release in another language. 79 of them (53.7 %) were right
	// at the first run, after this session's changes; the engine of the
	// session's start had 77 (52.4 %).
	{name: "blind7", questions: "testdata/blind7/questions.yaml", extra: "testdata/blind7", minScore: 0.76,
		now: time.Date(2027, time.January, 21, 12, 0, 0, 0, time.UTC)},
	// An eighth blind set, by an eighth helper who had not seen the
	// engine, written at the start of the fifth session: eight releases,
	// among them a new member (Yantai) and a new press contact, and 150
	// questions, 111 of them across languages. 79 of them (52.7 %) were
	// right at the first run, before any change of the session.
	{name: "blind8", questions: "testdata/blind8/questions.yaml", extra: "testdata/blind8", minScore: 0.74,
		now: time.Date(2027, time.March, 10, 12, 0, 0, 0, time.UTC)},
	// A ninth blind set, by a ninth helper who had not seen the engine,
	// written at the start of the sixth session: eight releases, among
	// them a new member (Eisenach), the 12th plenary assembly, which
	// admits another (Changzhou), a new press spokesman and a new
	// Secretary-General, and 150 questions, 91 of them across languages.
	// 80 of them (53.3 %) were right at the first run, with the engine of
	// the session's start and with its first change (byNamesAlone); 85
	// (56.7 %) at the session's end, none of its questions debugged; 95
	// at the end of the eighth (94 for a while, since a country's single
	// character, 中, no longer says China in a hint).
	{name: "blind9", questions: "testdata/blind9/questions.yaml", extra: "testdata/blind9", minScore: 0.84,
		now: time.Date(2027, time.June, 24, 12, 0, 0, 0, time.UTC)},
	// A tenth blind set, by a tenth helper who had not seen the engine,
	// written at the start of the seventh session: eight releases, among
	// them a new member (Schweinfurt), one that suspends its membership
	// (Panjin), the 13th plenary assembly, which admits another
	// (Xiangyang), and a new press spokesman, and 150 questions, 97 of
	// them across languages. 82 of them (54.7 %) were right at the first
	// run, with the engine of the session's start and with its first two
	// changes alike; 87 (58.0 %) at the session's end, none of its
	// questions debugged; 96 (64.0 %) at the end of the eighth, whose
	// changes were found on the other sets (its failures were not read).
	{name: "blind10", questions: "testdata/blind10/questions.yaml", extra: "testdata/blind10", minScore: 0.78,
		now: time.Date(2027, time.September, 30, 12, 0, 0, 0, time.UTC)},
	// An eleventh blind set, by an eleventh helper who had not seen the
	// engine, written at the start of the eighth session: eight releases,
	// among them a new member (Zwickau), the 14th plenary assembly, which
	// admits another (Changzhou), a member that leaves (Hildesheim) and a
	// new press spokesman, and 150 questions, 95 of them across languages.
	// 84 of them (56.0 %) were right at the first run, with the engine of
	// the session's start; 89 (59.3 %) at the session's end, none of its
	// questions or failures read; 88 since a release's passage that is no
	// closest guess beats the data's answer when the question has words of
	// its own (two more right elsewhere, one here lost).
	{name: "blind11", questions: "testdata/blind11/questions.yaml", extra: "testdata/blind11", minScore: 0.76,
		now: time.Date(2027, time.December, 20, 12, 0, 0, 0, time.UTC)},
	// A twelfth blind set, by a twelfth helper who had not seen the
	// engine, written at the start of the ninth session: eight releases,
	// among them a new member (Wuhu), the 15th plenary assembly, which
	// admits another (Heilbronn), a guest that becomes a full member
	// (Dortmund) and a new press spokeswoman, and 150 questions, 96 of
	// them across languages. 88 of them (58.7 %) were right at the first
	// run, with the engine of the session's start and with its first five
	// changes alike; of the 96 across languages 47, of the 130 that ask
	// for a kind of fact 78.
	{name: "blind12", questions: "testdata/blind12/questions.yaml", extra: "testdata/blind12", minScore: 0.78,
		now: time.Date(2028, time.March, 31, 12, 0, 0, 0, time.UTC)},
	// A thirteenth blind set, by a thirteenth helper who had not seen the
	// engine, written at the start of the tenth session: eight releases,
	// among them a new member (Changzhou), the 17th plenary assembly,
	// which admits another (Jena), a member that leaves (Bottrop) and a
	// new press spokesman, and 150 questions, 103 of them across
	// languages. 88 of them (58.7 %) were right with the engine of the
	// session's start, 89 (59.3 %) with its first change; of the 103
	// across languages 57, of the 130 that ask for a kind of fact 77;
	// 91 (60.7 %) at the session's end, none of its questions or
	// failures read. From this session on, blind11's and blind12's
	// failures are read: they are training sets now. Its own failures
	// were read in the eleventh session (100 right at its end).
	{name: "blind13", questions: "testdata/blind13/questions.yaml", extra: "testdata/blind13", minScore: 0.74,
		now: time.Date(2028, time.July, 31, 12, 0, 0, 0, time.UTC)},
	// A fourteenth blind set, by a fourteenth helper who had not seen the
	// engine, written at the start of the eleventh session: eight
	// releases, among them a new member (Magdeburg), the 16th plenary
	// assembly and a new press spokesman, and 150 questions, 109 of them
	// across languages. 87 of them (58.0 %) were right at the first run,
	// with the engine of the session's start and with its first change
	// alike; of the 109 across languages 54, of the 130 that ask for a
	// kind of fact 75; 87 at the session's end too, none of its questions
	// or failures read: the session's changes, found on the training
	// sets, moved none of them. A training set from the twelfth session:
	// 92 at its end.
	{name: "blind14", questions: "testdata/blind14/questions.yaml", extra: "testdata/blind14", minScore: 0.75,
		now: time.Date(2028, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// A fifteenth, written the same way at the start of the twelfth
	// session: 8 releases of January to June 2029 (3 German, 3 English,
	// 2 Chinese) and 150 questions, 95 across languages. Its first run,
	// on the session's first commit, which only mended the panic its
	// releases found: 90/150; of the 95 across languages 54, of the 140
	// that ask for a kind of fact 83. 90 at the session's end too, the
	// same tags right: none of the session's changes, found on the
	// training sets, reached one of its questions. A training set from
	// the thirteenth session: 96 at its end.
	{name: "blind15", questions: "testdata/blind15/questions.yaml", extra: "testdata/blind15", minScore: 0.78,
		now: time.Date(2029, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// A sixteenth, written the same way at the start of the thirteenth
	// session: 8 releases of July to December 2029 (3 German, 3 English,
	// 2 Chinese), among them two new members (Regensburg, then Hefei) and
	// a new press spokeswoman, and 150 questions, 101 across languages.
	// Its first run, on the session's first commit (798647c): 94/150; of
	// the 101 across languages 59. 95 at the session's end (60 across
	// languages), none of its questions or failures read. A training set
	// from the fourteenth session: 105 at its end.
	{name: "blind16", questions: "testdata/blind16/questions.yaml", extra: "testdata/blind16", minScore: 0.8,
		now: time.Date(2029, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// The seventeenth, written blind at the start of the fourteenth
	// session: 8 releases of January to June 2030 (Lübeck joins, a new
	// press spokesman, the 19th plenary in Chemnitz admits Xiangyang),
	// 150 questions, 99 of them across languages. The session's honest
	// measure: its questions, answers and releases are not read. Its
	// first run, on the session's start (1fd2faf) and first commit
	// (1c652d8) alike: 95/150; of the 99 across languages 63. 96 at the
	// session's end (one more out-of-scope question refused), 63 across
	// languages. A training set from the fifteenth session: 108 at its
	// end.
	{name: "blind17", questions: "testdata/blind17/questions.yaml", extra: "testdata/blind17", minScore: 0.77,
		now: time.Date(2030, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// The eighteenth, written blind at the start of the fifteenth
	// session: 8 releases of July to December 2030, 150 questions, 100 of
	// them across languages. The session's honest measure: its
	// questions, answers and releases are not read. Its first run, on the
	// session's start (23a1b10) and first commit (a763bc1) alike: 88/150;
	// of the 100 across languages 55. 91 at the session's end, 58 across
	// languages.
	{name: "blind18", questions: "testdata/blind18/questions.yaml", extra: "testdata/blind18", minScore: 0.74,
		now: time.Date(2030, time.December, 20, 12, 0, 0, 0, time.UTC)},
	// The nineteenth, written blind at the start of the sixteenth
	// session: 8 releases of January to June 2031, 150 questions, 97 of
	// them across languages. The session's honest measure: its
	// questions, answers and releases are not read. Its first run, on the
	// session's start (c757246) and first commit (02fc089) alike: 91/150;
	// of the 97 across languages 52. 95 at the session's end. A training
	// set from the seventeenth session: 99 at its end.
	{name: "blind19", questions: "testdata/blind19/questions.yaml", extra: "testdata/blind19", minScore: 0.73,
		now: time.Date(2031, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// The twentieth, written blind at the start of the seventeenth
	// session: 8 releases of July to December 2031, 150 questions, 97 of
	// them across languages. The session's honest measure: its
	// questions, answers and releases are not read. Its first run, on the
	// session's start (a2b9e48) and first commit (bc055a8) alike: 96/150;
	// of the 97 across languages 59. 97 at the session's end, 59 across
	// languages. A training set from the eighteenth session.
	{name: "blind20", questions: "testdata/blind20/questions.yaml", extra: "testdata/blind20", minScore: 0.72,
		now: time.Date(2031, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// The twenty-first, written blind at the start of the eighteenth
	// session: 8 releases of January to June 2032, 150 questions, 101 of
	// them across languages. The session's honest measure: its
	// questions, answers and releases are not read. Its first run, on the
	// session's start (a634b8e) and first commit (d105311) alike: 99/150;
	// of the 101 across languages 61. 100 at the session's end, 62
	// across languages. A training set from the nineteenth session.
	{name: "blind21", questions: "testdata/blind21/questions.yaml", extra: "testdata/blind21", minScore: 0.71,
		now: time.Date(2032, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// The twenty-second, written blind at the start of the nineteenth
	// session: 8 releases of July to December 2032, 150 questions, 100 of
	// them across languages. Its first run, on the nineteenth session's
	// start (0c15bab): 84/150; of the 100 across languages 50; 85 at that
	// session's end. A training set from the twentieth session on: its
	// failures showed a city's press office taken for the ISA's contact,
	// "Has Hildesheim left?" answered "Yes", another city's mayor.
	{name: "blind22", questions: "testdata/blind22/questions.yaml", extra: "testdata/blind22", minScore: 0.7,
		now: time.Date(2032, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// Blind set 23, written by a helper who had not seen the engine at
	// the twentieth session's start: 8 releases of January to June 2033,
	// 150 questions, 101 of them across languages. The session's honest
	// measure: its questions, answers and releases are not read. On the
	// session's start (393ad31) one of its releases made the learner
	// panic; its first run, with that fixed (8f1e469): 94/150, 61 across
	// languages. 93 at the session's end, 62 across languages. A training
	// set from the twenty-first session on: its failures showed a contact
	// with no name ("ISA Secretariat, Foshan: Lu Jiaxin, …"), the release's
	// day as a join's, a new Secretary-General not learned, the deputy
	// asked for answered by the holder.
	{name: "blind23", questions: "testdata/blind23/questions.yaml", extra: "testdata/blind23", minScore: 0.71,
		now: time.Date(2033, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// Blind set 24, written by a helper who had not seen the engine at
	// the twenty-first session's start: 8 releases of July to December
	// 2033, 150 questions, 105 of them across languages. Its first run,
	// on that session's start (1f5098e): 94/150, 63 of the 105 across
	// languages. A training set from the twenty-second session on.
	{name: "blind24", questions: "testdata/blind24/questions.yaml", extra: "testdata/blind24", minScore: 0.71,
		now: time.Date(2033, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// Blind set 25, written by a helper who had not seen the engine at
	// the twenty-second session's start: 8 releases of January to June
	// 2034, 150 questions, 101 of them across languages. The session's
	// honest measure: its questions, answers and releases are not read.
	// Its first run, on the session's start (b1cf5d2): 91/150.
	{name: "blind25", questions: "testdata/blind25/questions.yaml", extra: "testdata/blind25", minScore: 0.74,
		now: time.Date(2034, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// Blind set 26, written by a helper who had not seen the engine at
	// the twenty-third session's start: 8 releases of July to December
	// 2034, 150 questions, 98 of them across languages. Its first run, on
	// that session's start (7a9e82a): 80/150, and 80 at its end. A
	// training set from the twenty-fourth session on: its failures showed
	// a city's leaving day taken for its joining, a vice mayor for the
	// mayor, a founding and a contact asked in one sentence answered by
	// the contact alone.
	{name: "blind26", questions: "testdata/blind26/questions.yaml", extra: "testdata/blind26", minScore: 0.62,
		now: time.Date(2034, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// Blind set 27, written by a helper who had not seen the engine at
	// the twenty-fourth session's start: 8 releases of January to June
	// 2035, 150 questions, 101 of them across languages. The session's
	// honest measure: its questions, answers and releases are not read.
	// Its first run, on the session's start (bb7e092, in a worktree):
	// 106/150, 74 of the 101 across languages, 8 of its 20 unanswerable
	// questions refused; 106 at that session's end. A training set from
	// the twenty-fifth session on: its failures showed a bulleted list of
	// decisions read as one sentence, the member count given for "wie
	// viele Leute", a phone number for the press office's hours, "No"
	// to "Is Munich going to join?".
	{name: "blind27", questions: "testdata/blind27/questions.yaml", extra: "testdata/blind27", minScore: 0.76,
		now: time.Date(2035, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// Blind set 28, written by a helper who had not seen the engine at
	// the twenty-fifth session's start: 8 releases of July to December
	// 2035, 150 questions, 100 of them across languages. The session's
	// honest measure: its questions, answers and releases are not read.
	// Its first run, on the session's start (9069e37, in a worktree):
	// 90/150, 59 of the 100 across languages, 9 of its 20 unanswerable
	// questions refused; 90 at that session's end. A training set from
	// the twenty-sixth session on: its failures showed "Dr.-Ing." taken
	// for a sentence's end.
	{name: "blind28", questions: "testdata/blind28/questions.yaml", extra: "testdata/blind28", minScore: 0.67,
		now: time.Date(2035, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// Blind set 29, written by a helper who had not seen the engine at
	// the twenty-sixth session's start: 8 releases of January to June
	// 2036, 150 questions, 96 of them across languages. The session's
	// honest measure: its questions, answers and releases are not read.
	// Its first run, on the session's start (521a20b, in a worktree):
	// 105/150, 63 of the 96 across languages, 13 of its 20 unanswerable
	// questions refused; 106 at that session's end (one more across
	// languages, in Chinese). A training set from the twenty-seventh
	// session on: its failures showed a programme's name that a title
	// gives searched only as written in every language.
	{name: "blind29", questions: "testdata/blind29/questions.yaml", extra: "testdata/blind29", minScore: 0.76,
		now: time.Date(2036, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// Blind set 30, written by a helper who had not seen the engine at
	// the twenty-seventh session's start: 8 releases of July to December
	// 2036, 150 questions, 98 of them across languages. The session's
	// honest measure: its questions, answers and releases are not read.
	// Its first run, on the session's start (9a04aa0, in a worktree):
	// 98/150, 65 of the 98 across languages, 8 of its 20 unanswerable
	// questions refused; the same 98 at that session's end. A training
	// set from the twenty-eighth session on.
	{name: "blind30", questions: "testdata/blind30/questions.yaml", extra: "testdata/blind30", minScore: 0.72,
		now: time.Date(2036, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// Blind set 31, written by a helper who had not seen the engine at
	// the twenty-eighth session's start: 8 releases of January to June
	// 2037, 150 questions, 98 of them across languages. The session's
	// honest measure: its questions, answers and releases are not read.
	// Its first run, on the session's start (16d4be5, in a worktree):
	// 90/150, 63 of the 98 across languages, 8 of its 20 unanswerable
	// questions refused; the same 90 at that session's end. A training
	// set from the twenty-ninth session on.
	{name: "blind31", questions: "testdata/blind31/questions.yaml", extra: "testdata/blind31", minScore: 0.7,
		now: time.Date(2037, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// Blind set 32, written by a helper who had not seen the engine at
	// the twenty-ninth session's start: 8 releases of July to December
	// 2037, 150 questions, 100 of them across languages. The session's
	// honest measure: its questions, answers and releases are not read.
	// Its first run, on the session's start (4fd8319, in a worktree):
	// 91/150, 58 of the 100 across languages, 11 of its 20 unanswerable
	// questions refused; 93 at that session's end (60 across languages).
	// A training set from the thirtieth session on: its failures showed
	// days a release names by their distance from its date ("am
	// kommenden Dienstag", 下周一), a pronoun's sentence quoted without
	// the sentence that names her, a membership asked whether and since
	// when answered without the yes.
	{name: "blind32", questions: "testdata/blind32/questions.yaml", extra: "testdata/blind32", minScore: 0.68,
		now: time.Date(2037, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// Blind set 33, written by a helper who had not seen the engine at
	// the thirtieth session's start: 8 releases of January to June 2038,
	// 150 questions, 97 of them across languages. The session's honest
	// measure: its questions, answers and releases are not read.
	// Its first run, on the session's start (d377607, in a worktree):
	// 95/150, 58 of the 97 across languages, 14 of its 20 unanswerable
	// questions refused; 100 at that session's end (61 across languages).
	// A training set from the thirty-first session on: 105 at its end.
	{name: "blind33", questions: "testdata/blind33/questions.yaml", extra: "testdata/blind33", minScore: 0.73,
		now: time.Date(2038, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// Blind set 34, written by a helper who had not seen the engine at
	// the thirty-first session's start: 8 releases of July to December
	// 2038, 150 questions, 102 of them across languages. The session's
	// honest measure: its questions, answers and releases are not read.
	// Its first run, on the session's start (aa5edfa, in a worktree):
	// 92/150, 61 of the 102 across languages, 9 of its 20 unanswerable
	// questions refused; 91 at that session's end (60 across languages).
	// A training set from the thirty-second session on: its failures
	// showed names a Chinese question writes in characters for their
	// sound (施韦因富特, 埃申巴赫), a place the question names that is
	// where two cities signed, a release's 上周日. 98 at its end.
	{name: "blind34", questions: "testdata/blind34/questions.yaml", extra: "testdata/blind34", minScore: 0.68,
		now: time.Date(2038, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// Blind set 35, written by a helper who had not seen the engine at
	// the thirty-second session's start: 8 releases of January to June
	// 2039, 150 questions, 100 of them across languages. The session's
	// honest measure: its questions, answers and releases are not read.
	// Its first run, on the session's start (aba52ac, in a worktree):
	// 82/150, 53 of the 100 across languages, 11 of its 20 unanswerable
	// questions refused; 82 at that session's end, the same questions
	// failing (53 across languages). A training set from the
	// thirty-third session on: its failures showed glossary phrases with
	// an inflected last word, "this year" as a year, an assembly's
	// admissions on its second day, 课时 and 德语. 89 at its end.
	{name: "blind35", questions: "testdata/blind35/questions.yaml", extra: "testdata/blind35", minScore: 0.61,
		now: time.Date(2039, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// Blind set 36, written by a helper who had not seen the engine at
	// the thirty-third session's start: 8 releases of July to December
	// 2039, 150 questions, 105 of them across languages. That session's
	// honest measure. Its first run, on that session's start (bde1441,
	// in a worktree): 97/150, 65 of the 105 across languages, 11 of its
	// 20 unanswerable questions refused; 98 at that session's end. A
	// training set from the thirty-fourth session on: its failures showed
	// a joining day without a year, contributions as amounts of money,
	// an age after a surname, a double surname, seasons and professional
	// football. 109 at its end.
	{name: "blind36", questions: "testdata/blind36/questions.yaml", extra: "testdata/blind36", minScore: 0.74,
		now: time.Date(2039, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// Blind set 37, written by a helper who had not seen the engine at
	// the thirty-fourth session's start: 8 releases of January to June
	// 2040, 150 questions, 109 of them across languages. Its first run,
	// on that session's start (75a0e64, in a worktree): 98/150, 63 of the
	// 109 across languages, 14 of its 20 unanswerable questions refused;
	// 98 at that session's end, the same questions failing. A training
	// set from the thirty-fifth session on: its failures showed counts
	// read across a sentence's end, interpreting as a language used, who
	// leads or coordinates, roles ending in a role's word, days without a
	// year, and words of the glossary (Bewerbungsschluss, Verabschiedung,
	// Nacharbeitsquote). 107 at its end.
	{name: "blind37", questions: "testdata/blind37/questions.yaml", extra: "testdata/blind37", minScore: 0.71,
		now: time.Date(2040, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// Blind set 38, written by a helper who had not seen the engine at
	// the thirty-fifth session's start: 8 releases of July to December
	// 2040, 150 questions, 100 of them across languages. That session's
	// honest measure. Its first run, on that session's start (787bbf4,
	// in a worktree): 102/150, 68 of the 100 across languages, 9 of its
	// 20 unanswerable questions refused; 103 at that session's end. A
	// training set from the thirty-sixth session on: its failures showed
	// a member of a delegation taken for another organisation's, "An
	// welchen Tagen", a list announced by a colon, adverbs of degree
	// ("mainly", "vor allem"), a count of kilometres answered by a count
	// of partners, "Anfang letzten Monats" and a trip to Germany (访德).
	// 107 at its end.
	{name: "blind38", questions: "testdata/blind38/questions.yaml", extra: "testdata/blind38", minScore: 0.73,
		now: time.Date(2040, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// Blind set 39, written by a helper who had not seen the engine at
	// the thirty-sixth session's start: 8 releases of January to June
	// 2041, 150 questions, 98 of them across languages. The session's
	// honest measure: its questions, answers and releases are not read.
	// Its first run, on the session's start (c7eecd6, in a worktree):
	// 103/150, 66 of the 98 across languages, 9 of its 20 unanswerable
	// questions refused; 103 at that session's end. A training set from
	// the thirty-seventh session on: its failures showed a join dated by
	// a member's relative clause ("after Ma'anshan, which joined in
	// August 2016"), one city's note answering "哪两座城市", a contact
	// word's "ist der" read as another organisation's, 今年 of 今年多大
	// taken for a subject, a month alone ("im April") never found in a
	// Chinese release, "chaired" as leading, a range of two months with
	// one year, and a budget beside a verb. 111 at its end.
	{name: "blind39", questions: "testdata/blind39/questions.yaml", extra: "testdata/blind39", minScore: 0.74,
		now: time.Date(2041, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// Blind set 40, written by a helper who had not seen the engine at
	// the thirty-seventh session's start: 8 releases of July to December
	// 2041, 150 questions, 96 of them across languages. Its first run,
	// on that session's start (6293525): 99/150, 100 at its end. A
	// training set from the thirty-eighth session on. Its failures
	// showed "Aus welchen … Städten" and 哪几个城市 not read as which
	// cities, a sentence naming one city (and a surname, Laubach, read
	// as a town) beating one that names four, "is leaving … Its
	// withdrawal takes effect" not learned (Bottrop still "a member"
	// with confidence 0.95), "am 5. und 6. Mai" after a dashed aside
	// lost, "as which member" not read, "vor zwei Monaten" unread,
	// Kopräsidentin unknown, an election after an apposition not
	// learned, "How many journalists …?" given the press contact. 109 at
	// its end.
	{name: "blind40", questions: "testdata/blind40/questions.yaml", extra: "testdata/blind40", minScore: 0.73,
		now: time.Date(2041, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// Blind set 41, written by a helper who had not seen the engine at
	// the thirty-eighth session's start: 8 releases of January to June
	// 2042, 150 questions, 114 of them across languages. Its first run,
	// on that session's start (da996af): 101/150, 102 at its end. A
	// training set from the thirty-ninth session on. Its failures showed
	// a contact heading with its day and no brackets ("Pressekontakt ab
	// 1. April 2042") not read, so the new spokesman went unlearned; a
	// Chinese question's words looked for in single characters (年 of
	// 青年 in every date), which sent it to a Chinese release; Leute
	// untranslated; the paragraph that answered below the six best when
	// all scored alike; "office hours" after "What are the" read as a
	// list; a numbered list's items in one sentence, so "the first
	// webinar" got the series' months; and near misses answered (9 of
	// 10). 107 at the thirty-ninth session's end.
	{name: "blind41", questions: "testdata/blind41/questions.yaml", extra: "testdata/blind41", minScore: 0.72,
		now: time.Date(2042, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// Blind set 42, written by a helper who had not seen the engine at
	// the thirty-ninth session's start: 8 releases of July to December
	// 2042, 150 questions, 98 of them across languages. Its first run, on
	// that session's start (b056efd, in a worktree): 109/150, 109 at its
	// end. A training set from the fortieth session on. Its failures
	// showed a keyword's compound read as the keyword alone (the
	// "Beitrittsurkunde" as joining, so a delegation's signing answered
	// where it is signed); a month named alone not found in a paragraph
	// that its release's first paragraph dates; "in yuan" and "value"
	// not read as asking an amount; a release that postpones a day not
	// preferred to the older one that announced it (newest wins, 8 of
	// 11); Chinese questions on German releases weakest (7 of 17), with
	// 中小企业日 cut into 中小企业 and 日 (sun); and near misses
	// answered (6 of 10). 110 at the fortieth session's end.
	{name: "blind42", questions: "testdata/blind42/questions.yaml", extra: "testdata/blind42", minScore: 0.74,
		now: time.Date(2042, time.December, 31, 12, 0, 0, 0, time.UTC)},
	// Blind set 43, written by a helper who had not seen the engine at
	// the fortieth session's start: 8 releases of January to June 2043,
	// 150 questions, 106 of them across languages. Its first run, on that
	// session's start (8f44089, in a worktree): 91/150, 91 at its end. A
	// training set from the forty-first session on. Its failures showed
	// a German name written in Chinese characters for its sound
	// (萨尔费尔德博士（Dr. Henrik Saalfeld）) and a Chinese one of a rare
	// family-name reading (区嘉铭, Ou) learnt as nobody; a role held
	// "since November" from "a delegation from Yichang … in November";
	// a person preferred where an organisation was asked for ("Which
	// university …?"); "Haushalt" and 年薪 not read as money; the
	// originally planned day given as the short answer for a moved
	// forum; "Studienleiter" not read as who led; the typo pass's
	// fewer passages outweighing a better sentence of the exact search
	// (not fixed: blocking it lost as much); dictionary gaps between
	// English and Chinese (grant/资助, scheme/计划: a pivot through
	// German lost 40); and "Which four fields does the new funding
	// programme …?" read as asking an amount (not fixed). 95 at the
	// forty-first session's end.
	{name: "blind43", questions: "testdata/blind43/questions.yaml", extra: "testdata/blind43", minScore: 0.63,
		now: time.Date(2043, time.June, 30, 12, 0, 0, 0, time.UTC)},
	// blind44, written at the start of the forty-first session by a
	// helper who had not seen the engine: 8 releases of July to December
	// 2043, 150 questions, 100 of them across languages. The session's
	// honest measure: its questions, answers and releases are not read.
	// Its first run, on the session's start (9d02604, in a worktree):
	// 78/150, 45 of the 100 across languages, 13 of its 20 unanswerable
	// questions refused (4 of the 10 near misses).
	{name: "blind44", questions: "testdata/blind44/questions.yaml", extra: "testdata/blind44", minScore: 0,
		now: time.Date(2043, time.December, 31, 12, 0, 0, 0, time.UTC)},
}

// TestEvaluationSet asks every question of each evaluation suite and
// fails below the suite's minimum score. It prints the score, and each
// failure with the answer given.
func TestEvaluationSet(t *testing.T) {
	if raceDetector {
		// The suites ask one question after another on one goroutine;
		// the race detector made them the suite's longest test by far.
		// .ci/run runs them without it.
		t.Skip("run without the race detector")
	}
	for _, suite := range evalSuites {
		t.Run(suite.name, func(t *testing.T) {
			// Each suite with releases or a day of its own asks an engine
			// of its own; the others share testEngine's, which answers
			// concurrently as the bots' does. One after another they
			// were the longest step of .ci/run after the race detector's.
			t.Parallel()
			files, err := filepath.Glob(suite.questions)
			if err != nil || len(files) == 0 {
				t.Fatalf("no evaluation questions in %s: %v", suite.questions, err)
			}
			e := suite.engine(t)
			total, passed := 0, 0
			report := t.Errorf
			if suite.minScore < 1 {
				report = t.Logf
			}
			for _, file := range files {
				for _, q := range readEvalQuestions(t, file) {
					total++
					a, err := e.Answer(context.Background(), q.Q, "")
					if err != nil {
						t.Errorf("%s: %q: %v", file, q.Q, err)
						continue
					}
					if problems := checkAnswer(q, a); len(problems) > 0 {
						report("%s: %q\n  %s\n  answer (%s, answered=%v, rule=%s): %s",
							filepath.Base(file), q.Q, strings.Join(problems, "\n  "), a.Lang, a.Answered, a.Rule, a.Text)
						continue
					}
					passed++
				}
			}
			score := float64(passed) / float64(total)
			t.Logf("evaluation score: %d/%d (%.1f%%)", passed, total, 100*score)
			if score < suite.minScore {
				t.Errorf("score %.1f%% is below the suite's minimum of %.1f%%", 100*score, 100*suite.minScore)
			}
		})
	}
}

// engine is an engine over the suite's corpus, on the suite's day.
func (s evalSuite) engine(t *testing.T) *Engine {
	e := testEngine(t)
	if s.extra != "" || !s.now.IsZero() {
		// A clock of its own needs an engine of its own: the suites run
		// in parallel.
		e = engineWith(t, s.extra)
	}
	if !s.now.IsZero() {
		e.now = func() time.Time { return s.now }
	}
	return e
}

func readEvalQuestions(t *testing.T, file string) []evalQuestion {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var questions []evalQuestion
	if err := yaml.Unmarshal(raw, &questions); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return questions
}

// engineWith is an engine of its own over the embedded corpus and the
// corpus directory dir, if any: a test may add releases to it.
func engineWith(t testing.TB, dir string) *Engine {
	t.Helper()
	dirs := []corpus.Dir{corpus.Embedded()}
	if dir != "" {
		dirs = append(dirs, corpus.OSDir(dir))
	}
	data, problems := corpus.Load(dirs...)
	for _, err := range problems {
		t.Fatalf("corpus %s: %v", dir, err)
	}
	idx, err := NewMemIndex(context.Background(), data.Releases)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return NewEngine(data, idx)
}

// engineWithRelease is an engine over the embedded corpus and one more
// release, written as the file name to a folder of the test's own.
func engineWithRelease(t testing.TB, name, text string) *Engine {
	t.Helper()
	return engineWithReleases(t, map[string]string{name: text})
}

// engineWithReleases is an engine over the embedded corpus and releases,
// each text by its file name.
func engineWithReleases(t testing.TB, releases map[string]string) *Engine {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "releases"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range releases {
		if err := os.WriteFile(filepath.Join(dir, "releases", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return engineWith(t, dir)
}

func checkAnswer(q evalQuestion, a answer.Answer) []string {
	var problems []string
	if a.Lang != q.Lang {
		problems = append(problems, "language "+string(a.Lang)+", want "+string(q.Lang))
	}
	if a.Answered != q.Answered {
		if q.Answered {
			problems = append(problems, "not answered, want an answer")
		} else {
			problems = append(problems, "answered, want answered=false")
		}
	}
	if q.Rule != "" && a.Rule != q.Rule {
		problems = append(problems, "rule "+a.Rule+", want "+q.Rule)
	}
	text := strings.ToLower(a.Text)
	for _, want := range q.Contains {
		found := false
		for _, alt := range strings.Split(want, "|") {
			if strings.Contains(text, strings.ToLower(alt)) {
				found = true
			}
		}
		if !found {
			problems = append(problems, "missing "+want)
		}
	}
	for _, bad := range q.Absent {
		if strings.Contains(text, strings.ToLower(bad)) {
			problems = append(problems, "contains "+bad)
		}
	}
	return problems
}

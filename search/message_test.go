package search

import (
	"strings"
	"testing"
	"time"
)

func TestUnwrap(t *testing.T) {
	m := mustLoadMessageCues()
	tests := []struct{ message, want string }{
		{"Ist Köln Mitglied?", "Ist Köln Mitglied?"},
		{"Hallo zusammen,\nkurze Frage: Seit wann ist Nürnberg dabei?\n\nBeste Grüße aus Düsseldorf\nAnna Krüger\nRheinische Post",
			"kurze Frage: Seit wann ist Nürnberg dabei?"},
		{"---------- Weitergeleitete Nachricht ---------\nVon: Pressestelle <presse@example.de>\nDatum: Mo., 8. März 2021\nBetreff: Anfrage\n\nGuten Tag, an welchem Tag fand die Gründungskonferenz statt?\nMfG",
			"an welchem Tag fand die Gründungskonferenz statt?"},
		{"Begin forwarded message:\n\nFrom: Sarah Mitchell <s.mitchell@example.com>\nDate: 16 September 2026\nSubject: ISA plenary\n\nCan someone tell me when the plenary is? Thanks!",
			"Can someone tell me when the plenary is?"},
		{"Fwd from our correspondent:\n> Which cities proposed the alliance?\n\nRegards,\nMichael Braun", "Which cities proposed the alliance?"},
		{"Hi, kurze Frage: wann war die 7. Plenarversammlung?\nDanke! – Lena, Presseamt Stadt Köln", "kurze Frage: wann war die 7. Plenarversammlung?"},
		{"wer leitet das Sekretariat in Foshan?? lg Marie", "wer leitet das Sekretariat in Foshan??"},
		{"麻烦问下，德国成员来自几个联邦州？——澎湃新闻 周琳（上海）", "麻烦问下，德国成员来自几个联邦州？"},
		{"李老师您好，\n想问一下多特蒙德是正式成员吗？\n此致\n赵磊\n《环球时报》驻杜塞尔多夫记者", "想问一下多特蒙德是正式成员吗？"},
		{"您好，我是记者王芳，想核实一下：科隆是不是联盟成员？谢谢！\n王芳\n南方日报 广州", "我是记者王芳，想核实一下：科隆是不是联盟成员？"},
		{"Is Cologne a member?\nAnd Bonn?", "Is Cologne a member?\nAnd Bonn?"},
		{"王老师好！我们想了解德方负责联络的公司的地址，麻烦告知，谢谢🙏\n李明\n深圳宝安区外事办", "我们想了解德方负责联络的公司的地址，麻烦告知"},
		{"Danke, wann wurde die ISA gegründet?", "Danke, wann wurde die ISA gegründet?"},
		{"Hallo", ""},
		// A greeting before a dash; a request without a question mark
		// that signs off after its full stop, a name's initial after it.
		{"Good morning – Who is the head of the ISA's office in Germany? Cheers!", "Who is the head of the ISA's office in Germany?"},
		{"Hi - wann wurde die ISA gegründet?", "wann wurde die ISA gegründet?"},
		{"Guten Tag, ich brauche die Telefonnummer der Pressestelle. Mit freundlichen Grüßen, K. Brandt", "ich brauche die Telefonnummer der Pressestelle."},
		{"Ich brauche die Telefonnummer von Frau K. Brandt. Danke", "Ich brauche die Telefonnummer von Frau K. Brandt."},
	}
	for _, tt := range tests {
		if got := m.unwrap(tt.message); got != tt.want {
			t.Errorf("unwrap(%q)\n = %q\nwant %q", tt.message, got, tt.want)
		}
	}
}

func TestLeadInNamingAMedium(t *testing.T) {
	// A lead-in that names where the asker publishes is left out, though
	// its words are known; one that names a subject stays.
	e := engineWith(t, "testdata/blind13")
	e.now = func() time.Time { return time.Date(2028, 7, 31, 12, 0, 0, 0, time.UTC) }
	tests := []struct {
		question  string
		droppable bool
	}{
		{"Kurze Frage fürs Ruhrgebiet-Ressort: Ist Bottrop noch ISA-Mitglied?", true},
		{"Quick one for our Ruhr area newsletter: is Bottrop still a member?", true},
		{"Kurze Frage zum Ruhrgebiet und zur Kohle: Ist Bottrop noch ISA-Mitglied?", false},
	}
	for _, tt := range tests {
		i := e.message.leadIn(tt.question)
		if i == 0 {
			t.Errorf("%q: no lead-in", tt.question)
			continue
		}
		if got := e.droppable(e.read(tt.question[:i], ""), e.read(tt.question[i:], "")); got != tt.droppable {
			t.Errorf("%q: lead-in %q droppable %v, want %v", tt.question, tt.question[:i], got, tt.droppable)
		}
	}
	a, err := e.Answer(t.Context(), "Moin, kurze Frage fürs Ruhrgebiet-Ressort: Ist Botrop eigentlich noch ISA-Mitglied?", "")
	if err != nil || !a.Answered || !strings.Contains(a.Text, "30. Juni 2028") {
		t.Errorf("answered %v: %s (%v)", a.Answered, a.Text, err)
	}
}

func TestLeadIn(t *testing.T) {
	m := mustLoadMessageCues()
	tests := []struct{ question, core string }{
		{"Wann wurde die ISA gegründet?", "Wann wurde die ISA gegründet?"},
		{"kurze Frage für meinen Artikel: Seit wann ist Nürnberg dabei?", "Seit wann ist Nürnberg dabei?"},
		{"Können Sie mir sagen, welche Städte 2020 dazukamen?", "welche Städte 2020 dazukamen?"},
		{"Our mayor's office would like to know whether Düsseldorf is in the alliance.", "whether Düsseldorf is in the alliance."},
		{"Is Cologne a member?", "Is Cologne a member?"},
		{"我在写一篇稿子，想问一下多特蒙德是正式成员吗？", "多特蒙德是正式成员吗？"},
		{"我们区外事办想了解一下德方负责联络的公司的地址", "德方负责联络的公司的地址"},
		{"Our office would like to know whether Düsseldorf is a member.", "whether Düsseldorf is a member."},
		{"麻烦问下，德国成员来自几个联邦州？", "德国成员来自几个联邦州？"},
		// A question that opens with its verb after a colon.
		{"Kurze Frage fürs Ruhrgebiet-Ressort: Ist Bottrop noch Mitglied?", "Ist Bottrop noch Mitglied?"},
		{"Zur Messe: Gibt es einen Gemeinschaftsstand?", "Gibt es einen Gemeinschaftsstand?"},
		{"Uhrzeit: 10:30", "Uhrzeit: 10:30"},
		// The preposition before the question word is the question's.
		{"Unter welcher Nummer erreiche ich das Sekretariat?", "Unter welcher Nummer erreiche ich das Sekretariat?"},
		{"Kurze Frage: Über welche Adresse erreiche ich die ISA?", "Über welche Adresse erreiche ich die ISA?"},
		{"Kurze Frage fürs Ressort: Ist Bottrop noch Mitglied? ", "Ist Bottrop noch Mitglied? "},
	}
	for _, tt := range tests {
		if got := tt.question[m.leadIn(tt.question):]; got != tt.core {
			t.Errorf("leadIn(%q): core %q, want %q", tt.question, got, tt.core)
		}
	}
}

package slack

import "testing"

func TestPlainText(t *testing.T) {
	t.Parallel()
	const self = "U0ISABOT"
	tests := []struct{ slack, want string }{
		{"<@U0ISABOT> Ist Köln Mitglied?", "Ist Köln Mitglied?"},
		{"Frage an <@U0ISABOT|isabot>: Ist Köln Mitglied?", "Frage an : Ist Köln Mitglied?"},
		{"Lummerland &amp; Jim", "Lummerland & Jim"},
		{"Ist Köln Mitglied? &amp; &lt;b&gt;", "Ist Köln Mitglied? & <b>"},
		// What was typed as an entity stays one.
		{"&amp;lt;b&amp;gt; &amp;amp;", "&lt;b&gt; &amp;"},
		{"Wer ist <@U0JANA>?", "Wer ist @U0JANA?"},
		{"Wer ist <@U0JANA|jana>?", "Wer ist @jana?"},
		{"in <#C0PRESSE|presse> und <#C0OTHER>", "in #presse und #C0OTHER"},
		{"<!channel> <!here> <!subteam^S0ISA|@isa-team> <!subteam^S0ISA>", "@channel @here @isa-team @subteam"},
		{"<!date^1392734382^{date_short}|Feb 18, 2014>", "Feb 18, 2014"},
		{"siehe <https://www.isa-alliance.de/a?x=1&amp;y=2> und <https://isa.de|ISA &amp; Co>", "siehe https://www.isa-alliance.de/a?x=1&y=2 und ISA & Co"},
		{"<mailto:isa@pks-gmbh.net|isa@pks-gmbh.net>", "isa@pks-gmbh.net"},
		{"  <@U0ISABOT>  ", ""},
	}
	for _, tt := range tests {
		if got := plainText(tt.slack, self); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.slack, got, tt.want)
		}
	}
}

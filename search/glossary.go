package search

import (
	"slices"
	"strings"

	"github.com/isa-alliance/isabot/corpus"
)

// meaning is one subject of the alliance's releases, with the words for it
// in German, English and Chinese.
type meaning struct{ de, en, zh []string }

func (m meaning) in(lang corpus.Lang) []string {
	switch lang {
	case corpus.English:
		return m.en
	case corpus.Chinese:
		return m.zh
	}
	return m.de
}

func (m meaning) all() []string { return slices.Concat(m.de, m.en, m.zh) }

// glossary lists words of the alliance's subjects that mean the same, so
// that a question in one language finds a release in another, and a word
// finds its synonyms. The releases are German; journalists ask in all
// three languages.
func glossary() []meaning {
	return []meaning{
		{de: []string{"Pandemie", "Corona", "COVID", "Krise"}, en: []string{"pandemic", "coronavirus", "corona", "COVID", "crisis"}, zh: []string{"疫情", "新冠", "大流行", "危机"}},
		{de: []string{"Beginn", "Anfang"}, en: []string{"beginning", "start", "early"}, zh: []string{"开始", "刚开始", "初期", "之初"}},
		{de: []string{"versorgt", "geholfen", "helfen", "Hilfe", "Hilfsmitteln", "unterstützt", "geschickt", "schickten"}, en: []string{"helped", "help", "support", "supplied", "send", "sent"}, zh: []string{"提供", "援助", "支持", "帮助"}},
		{de: []string{"überwunden", "überwinden", "Bewältigung"}, en: []string{"overcome", "overcame", "recovered", "coped"}, zh: []string{"克服", "战胜", "应对"}},
		{de: []string{"Masken", "Maske", "Hilfsmittel"}, en: []string{"masks", "mask", "supplies"}, zh: []string{"口罩", "医疗物资", "物资"}},
		{de: []string{"Studie"}, en: []string{"study", "survey"}, zh: []string{"研究", "调研", "报告"}},
		{de: []string{"Branchen", "Branche", "Industriezweigen", "Industriezweige"}, en: []string{"industries", "industry", "sectors", "sector", "fields"}, zh: []string{"行业", "产业", "领域"}},
		{de: []string{"Zusammenarbeit", "kooperieren", "Kooperation"}, en: []string{"cooperation", "collaboration", "cooperate"}, zh: []string{"合作"}},
		{de: []string{"Zukunft", "zukünftige"}, en: []string{"future"}, zh: []string{"未来", "前景"}},
		{de: []string{"Auftrag", "beauftragt"}, en: []string{"commissioned", "commission"}, zh: []string{"委托"}},
		{de: []string{"Ergebnis", "Ergebnisse", "zeigte"}, en: []string{"findings", "results", "result", "showed"}, zh: []string{"结论", "结果"}},
		{de: []string{"Forschung"}, en: []string{"research"}, zh: []string{"研发", "科研"}},
		{de: []string{"Entwicklung"}, en: []string{"development"}, zh: []string{"开发", "发展"}},
		{de: []string{"Künstliche", "Intelligenz", "KI"}, en: []string{"artificial", "intelligence", "AI"}, zh: []string{"人工智能"}},
		{de: []string{"E-Mobilität", "Elektromobilität"}, en: []string{"mobility", "electric"}, zh: []string{"电动", "电动汽车", "新能源汽车"}},
		{de: []string{"autonomes", "Fahren"}, en: []string{"autonomous", "driving", "self-driving"}, zh: []string{"自动驾驶"}},
		{de: []string{"automatisierte", "Produktion"}, en: []string{"automated", "production", "automation"}, zh: []string{"自动化", "生产"}},
		{de: []string{"Investitionsabkommen", "Abkommen"}, en: []string{"agreement", "treaty", "CAI"}, zh: []string{"协定", "投资协定", "协议"}},
		{de: []string{"EU", "Europäische", "Union"}, en: []string{"EU", "European", "Union"}, zh: []string{"欧盟", "欧洲", "中欧"}},
		{de: []string{"wünscht", "wünschen", "Glückwünsche"}, en: []string{"wish", "wishes", "wished"}, zh: []string{"祝福", "祝愿"}},
		{de: []string{"Frühlingsfest", "Neujahr", "neues Jahr", "neuen Jahr", "neue Jahr"}, en: []string{"spring", "festival", "new year"}, zh: []string{"新年", "春节", "过年"}},
		{de: []string{"Eigenschaften", "zugeschrieben"}, en: []string{"qualities", "traits", "virtues", "characteristics"}, zh: []string{"品质", "特质", "特点", "寓意", "象征"}},
		{de: []string{"Büffel", "Büffels", "Metall-Büffel"}, en: []string{"ox", "buffalo"}, zh: []string{"牛", "牛年", "金牛"}},
		{de: []string{"Schicksalsjahre"}, en: []string{"destiny", "fate"}, zh: []string{"命运"}},
		{de: []string{"Unternehmen", "Firmen"}, en: []string{"companies", "company", "businesses", "business", "firms"}, zh: []string{"企业", "公司"}},
		{de: []string{"Zusammenarbeit", "Kooperation", "kooperieren"}, en: []string{"cooperation", "collaboration", "cooperate"}, zh: []string{"合作", "协作"}},
		{de: []string{"Wirtschaft", "wirtschaftlichen", "Wachstum"}, en: []string{"economy", "economic", "growth", "performance"}, zh: []string{"经济", "增长", "表现"}},
		{de: []string{"Wachstum"}, en: []string{"growth"}, zh: []string{"增长"}},
		{de: []string{"Freundschaft"}, en: []string{"friendship"}, zh: []string{"友谊", "友好"}},
		{de: []string{"Herausforderungen"}, en: []string{"challenges", "challenge"}, zh: []string{"挑战"}},
		{de: []string{"Chancen"}, en: []string{"opportunities", "opportunity"}, zh: []string{"机遇", "机会"}},
		{de: []string{"Innovationen", "innovative"}, en: []string{"innovative", "innovation", "innovations"}, zh: []string{"创新"}},
		{de: []string{"Investitionen"}, en: []string{"investment", "investments"}, zh: []string{"投资"}},
		{de: []string{"Vernetzung", "vernetzt", "miteinander"}, en: []string{"networking", "connect", "bringing", "together"}, zh: []string{"对接"}},
		{de: []string{"technologische", "Technologie"}, en: []string{"technology", "technological"}, zh: []string{"技术", "科技"}},
		{de: []string{"Industriezweige", "Industrie"}, en: []string{"industries", "industry", "sectors"}, zh: []string{"产业", "行业"}},
		{de: []string{"Erfolg"}, en: []string{"success"}, zh: []string{"成功"}},
		{de: []string{"Glück"}, en: []string{"luck"}, zh: []string{"好运"}},
		{de: []string{"wünscht", "Wünsche"}, en: []string{"wishes", "wish", "greetings"}, zh: []string{"祝愿", "祝福", "问候"}},
		{de: []string{"Zuversicht", "Optimismus", "Erwartungen", "Erwartung"}, en: []string{"optimism", "confidence", "optimistic", "outlook", "expectations", "expect", "hopes", "hope"}, zh: []string{"信心", "乐观", "期望", "期待", "展望", "希望"}},
		{de: []string{"kommunale"}, en: []string{"municipal"}, zh: []string{"地方政府"}},
		{de: []string{"Beiräte"}, en: []string{"advisory", "advisors"}, zh: []string{"顾问"}},
		{de: []string{"Veranstaltungsformate", "Veranstaltungen"}, en: []string{"events", "event"}, zh: []string{"活动"}},
		{de: []string{"digitale", "digital", "online"}, en: []string{"digital", "online", "virtual"}, zh: []string{"线上", "数字"}},
		{de: []string{"Partnern", "Partnerstädten"}, en: []string{"partners"}, zh: []string{"伙伴"}},
		{de: []string{"dankbar", "bedankt", "danken", "Dank"}, en: []string{"grateful", "thanks", "gratitude", "thank", "thankful"}, zh: []string{"感谢", "感激", "谢意"}},
		{de: []string{"Beziehungen", "Verhältnis", "Beziehung"}, en: []string{"relations", "relationship", "ties"}, zh: []string{"关系"}},
		{de: []string{"Handel"}, en: []string{"trade"}, zh: []string{"贸易"}},
		{de: []string{"Energie"}, en: []string{"energy"}, zh: []string{"能源"}},
		{de: []string{"Umwelt"}, en: []string{"environment"}, zh: []string{"环境"}},
	}
}

// translator looks words up in the glossary.
type translator struct {
	latin    map[string][]int // folded word → meanings
	han      []hanWord        // Chinese words, matched inside longer runs
	meanings []meaning
}

type hanWord struct {
	word    string
	meaning int
}

func newTranslator() *translator {
	tr := &translator{latin: map[string][]int{}, meanings: glossary()}
	for m, meaning := range tr.meanings {
		for _, w := range meaning.all() {
			if strings.IndexFunc(w, isHan) >= 0 {
				tr.han = append(tr.han, hanWord{word: w, meaning: m})
			} else if key := fold(w); !slices.Contains(tr.latin[key], m) {
				tr.latin[key] = append(tr.latin[key], m)
			}
		}
	}
	return tr
}

// translations returns the words of word's meanings in lang. A Chinese
// word matches a meaning when it contains one of its Chinese words:
// questions run Chinese words together.
func (tr *translator) translations(word string, lang corpus.Lang) []string {
	meanings := tr.latin[fold(word)]
	if strings.IndexFunc(word, isHan) >= 0 {
		for _, h := range tr.han {
			if strings.Contains(word, h.word) && !slices.Contains(meanings, h.meaning) {
				meanings = append(meanings, h.meaning)
			}
		}
	}
	var out []string
	for _, m := range meanings {
		for _, w := range tr.meanings[m].in(lang) {
			// A phrase is for reading questions: searched for, its words
			// ("neuen", "Jahr") would match nearly every passage.
			if !strings.Contains(w, " ") {
				out = append(out, w)
			}
		}
	}
	return out
}

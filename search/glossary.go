package search

import (
	"slices"
	"strings"
)

// glossary lists words of the alliance's subjects that mean the same in
// German, English and Chinese, so that a question in one language finds a
// release in another. The releases are German; journalists ask in all
// three. Each row is one meaning.
func glossary() [][]string {
	return [][]string{
		{"Pandemie", "Corona", "COVID", "Krise", "pandemic", "coronavirus", "crisis", "疫情", "新冠", "大流行", "危机"},
		{"Beginn", "Anfang", "beginning", "start", "early", "开始", "刚开始", "初期", "之初"},
		{"versorgt", "geholfen", "helfen", "Hilfe", "Hilfsmitteln", "unterstützt", "helped", "help", "support", "supplied", "提供", "援助", "支持", "帮助"},
		{"Masken", "Maske", "Hilfsmittel", "masks", "mask", "supplies", "口罩", "医疗物资", "物资"},
		{"Studie", "study", "survey", "研究", "调研", "报告"},
		{"Auftrag", "beauftragt", "commissioned", "commission", "委托"},
		{"Ergebnis", "Ergebnisse", "zeigte", "findings", "results", "result", "showed", "结论", "结果"},
		{"Forschung", "research", "研发", "科研"},
		{"Entwicklung", "development", "开发", "发展"},
		{"Künstliche", "Intelligenz", "artificial", "intelligence", "AI", "KI", "人工智能"},
		{"E-Mobilität", "Elektromobilität", "mobility", "electric", "电动", "电动汽车", "新能源汽车"},
		{"autonomes", "Fahren", "autonomous", "driving", "self-driving", "自动驾驶"},
		{"automatisierte", "Produktion", "automated", "production", "automation", "自动化", "生产"},
		{"Investitionsabkommen", "Abkommen", "agreement", "treaty", "CAI", "协定", "投资协定", "协议"},
		{"EU", "Europäische", "Union", "European", "欧盟", "欧洲", "中欧"},
		{"Frühlingsfest", "Neujahr", "spring", "festival", "新年", "春节", "过年"},
		{"Büffel", "Büffels", "Metall-Büffel", "ox", "buffalo", "牛", "牛年", "金牛"},
		{"Schicksalsjahre", "destiny", "fate", "命运"},
		{"Unternehmen", "Firmen", "companies", "company", "businesses", "business", "firms", "企业", "公司"},
		{"Zusammenarbeit", "Kooperation", "kooperieren", "cooperation", "collaboration", "cooperate", "合作", "协作"},
		{"Wirtschaft", "wirtschaftlichen", "economy", "economic", "经济"},
		{"Wachstum", "growth", "增长"},
		{"Freundschaft", "friendship", "友谊", "友好"},
		{"Herausforderungen", "challenges", "challenge", "挑战"},
		{"Chancen", "opportunities", "opportunity", "机遇", "机会"},
		{"Innovationen", "innovative", "innovation", "innovations", "创新"},
		{"Investitionen", "investment", "investments", "投资"},
		{"Vernetzung", "vernetzt", "miteinander", "networking", "connect", "bringing", "together", "对接"},
		{"technologische", "Technologie", "technology", "technological", "技术", "科技"},
		{"Industriezweige", "Industrie", "industries", "industry", "sectors", "产业", "行业"},
		{"Erfolg", "success", "成功"},
		{"Glück", "luck", "好运"},
		{"wünscht", "Wünsche", "wishes", "wish", "greetings", "祝愿", "祝福", "问候"},
		{"Zuversicht", "Optimismus", "optimism", "confidence", "optimistic", "信心", "乐观"},
		{"kommunale", "municipal", "地方政府"},
		{"Beiräte", "advisory", "advisors", "顾问"},
		{"Veranstaltungsformate", "Veranstaltungen", "events", "event", "活动"},
		{"digitale", "digital", "online", "virtual", "线上", "数字"},
		{"Partnern", "Partnerstädten", "partners", "伙伴"},
		{"dankbar", "grateful", "thanks", "感谢", "感激"},
		{"Beziehungen", "relations", "relationship", "关系"},
		{"Handel", "trade", "贸易"},
		{"Energie", "energy", "能源"},
		{"Umwelt", "environment", "环境"},
	}
}

// translator looks words up in the glossary.
type translator struct {
	latin map[string][]int // folded word → rows
	han   []hanWord        // Chinese words, matched inside longer runs
	rows  [][]string
}

type hanWord struct {
	word string
	row  int
}

func newTranslator() *translator {
	tr := &translator{latin: map[string][]int{}, rows: glossary()}
	for r, row := range tr.rows {
		for _, w := range row {
			if strings.IndexFunc(w, isHan) >= 0 {
				tr.han = append(tr.han, hanWord{word: w, row: r})
			} else {
				tr.latin[fold(w)] = append(tr.latin[fold(w)], r)
			}
		}
	}
	return tr
}

// translations returns the other words of word's meanings in the glossary.
// A Chinese word matches a row when it contains one of the row's Chinese
// words: questions run Chinese words together.
func (tr *translator) translations(word string) []string {
	key := fold(word)
	rows := tr.latin[key]
	if strings.IndexFunc(word, isHan) >= 0 {
		for _, h := range tr.han {
			if strings.Contains(word, h.word) && !slices.Contains(rows, h.row) {
				rows = append(rows, h.row)
			}
		}
	}
	var out []string
	for _, r := range rows {
		for _, w := range tr.rows[r] {
			if fold(w) != key {
				out = append(out, w)
			}
		}
	}
	return out
}

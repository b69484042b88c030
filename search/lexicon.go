package search

// concept is what a keyword of a question means to the answer engine. The
// engine decides what is asked from the concepts and names a question
// contains, never from its exact wording.
type concept uint8

const (
	cFounding concept = iota + 1
	cContact
	cEmail
	cPhone
	cFax
	cAddress
	cWebsite
	cCoordinator
	cSecretariat
	cMember         // member, belong, take part
	cJoin           // join, admitted
	cList           // which, list, all
	cCount          // how many
	cNew            // newest, latest, recent
	cNext           // next, upcoming
	cFormer         // no longer, left
	cOrder          // before, after, earlier, later
	cWish           // want, plan, intend
	cProposal       // proposed, idea
	cFoundingMember // founding member, founding city
	cGuest          // guest status, observer
	cRelease        // press release, news
	cCity           // city, town
	cGermany        // Germany, German
	cChina          // China, Chinese
	cRegion         // Bundesland, province
	cAssembly       // plenary assembly
	cName           // name, called, abbreviation
	cAbout          // what is, aim, purpose
	cQuote          // say, said, statement
	cPerson         // who, person
	cWhen           // when, since when
	cWhere          // where
	cHow            // how can, how do
	cHelp           // help, what can you do
	cGreeting       // hello
	cAlliance       // ISA, alliance
	cStop           // a word that carries no meaning for the engine
	// cOutside marks a subject the city and alliance data hold nothing on,
	// such as fees or population: "Was kostet die Mitgliedschaft?" is
	// not answered with the member list. Like cTopic, it stays unknown,
	// so the releases may still answer.
	cOutside
	// cTopic marks a word of the glossary: a subject of the releases that
	// the engine has no fact answer for. It is matched only so that
	// Chinese questions are cut into the right words; it stays unknown.
	cTopic
	numConcepts
)

// lexicon lists the keywords of each concept in German, English and
// Chinese. Latin keywords are folded like questions (see fold); a trailing
// "*" matches any ending, so "gegründ*" matches gegründet and Gründung
// does not need its own entry. Multi-word keywords match as sequences.
// Chinese keywords match as character sequences. Every language's keywords
// apply to every question: journalists mix languages ("ISA的email").
func lexicon() map[concept][]string {
	return map[concept][]string{
		cFounding: {
			"gründungsveranstaltung", "成立大会", "成立会议",
			"hannover messe", "hanover fair", "hannover fair", "汉诺威工业博览会", "汉诺威博览会",
			// de
			"gegründ*", "gründ*", "gruend*", "entstanden", "entstehung*", "ins leben gerufen", "ursprung*", "ursprünglich*",
			"wie alt", "aus der taufe gehoben", "seit wann gibt es", "gibt es seit", "existiert", "existieren", "existenz",
			// en
			"found", "founded", "founding", "foundation", "founder*", "establish*", "formed", "created",
			"creation", "launch*", "inception", "began", "begin", "start*", "initiated", "origin*", "how old", "set up",
			"come into being", "came into being", "exist", "exists", "existed", "existence",
			// zh
			"成立", "创立", "创建", "建立", "组建", "诞生", "发起", "起源", "创始",
		},
		cProposal: {
			"vorgeschlagen", "vorschlag", "vorschlug*", "initiiert", "initiative", "idee", "zuerst",
			"put forward", "first proposed", "idea", "propos*",
			"倡议", "提议", "提出", "最早",
		},
		cContact: {
			"speak", "talk", "sprechen", "reden", "媒体", "媒体联络", "采访",
			"presseanfrage*", "anfrage*", "medienanfrage*", "inquir*", "enquir*", "press", "presse", "咨询", "采访",
			"kontakt*", "ansprechpartner*", "ansprechperson", "ansprechstelle", "pressekontakt*",
			"pressesprecher*", "pressestelle", "pressearbeit", "öffentlichkeitsarbeit", "erreichen", "erreichbar", "kontaktieren",
			"wende ich mich", "an wen",
			"contact*", "reach", "get in touch", "call", "spokesperson", "spokeswoman", "spokesman",
			"press office", "press officer", "media contact", "liaison", "who do i",
			"联系", "联系人", "联络", "联系方式", "对接人", "找谁", "发言人", "新闻发言人", "联络人",
		},
		cEmail: {
			"e mail*", "email*", "mail", "mailadresse", "mails", "emailadresse", "e mail adresse*", "email adresse*", "mail adresse*", "e mail address*", "email address*",
			"邮箱", "电子邮件", "电子邮箱", "邮件", "电邮", "邮箱地址",
		},
		cPhone: {
			"number", "dial", "wählen", "拨打",
			"telefon*", "tel", "telephone", "phone*", "anruf*", "anrufen", "durchwahl",
			"电话", "致电", "号码", "电话号码", "打电话",
		},
		cFax: {"fax*", "telefax*", "传真"},
		cAddress: {
			"brief", "briefe", "post", "letter", "mail to", "write to", "寄", "信", "邮寄",
			"adresse", "anschrift", "postanschrift", "postadresse", "strasse", "büro", "buero", "sitzt", "sitz", "befindet",
			"address", "postal", "street", "located", "based", "office", "headquartered", "mailing",
			"地址", "邮寄地址", "办公室", "位于", "办公地点", "通讯地址",
		},
		cWebsite: {
			"官方网站", "官网",
			"website*", "webseite*", "internetseite*", "internetauftritt", "homepage", "web", "url", "internet", "internetadresse*",
			"webadresse*", "web adresse*", "internet adresse*", "web address*", "webpage*", "web page*",
			"portal", "isa portal", "site",
			"网站", "网址", "主页", "官网", "网页", "门户",
		},
		cCoordinator: {
			"kümmert*", "kümmern", "belange", "look after", "looks after", "looking after", "handles", "handle", "consultancy", "beratung", "agentur", "agency", "德国方面", "德方负责",
			"take over", "took over", "taken over", "übernommen", "übernahm", "nachfolger*", "successor", "接手", "接替", "接管",
			"koordinator*", "koordinier*", "koordination", "zuständig*", "zustandig*", "verantwortlich*", "betreut", "betreuung",
			"leitet", "leitung", "organisiert", "deutsche seite", "deutscher seite",
			"coordinator*", "coordinat*", "responsible", "in charge", "runs", "run", "manage*", "organis*", "organiz*",
			"german side", "lead*",
			"协调", "负责", "主管", "运营", "牵头", "管理", "协调人", "负责人",
		},
		cSecretariat: {
			"sekretariat*", "generalsekretär*", "geschäftsstelle", "zentrale", "hauptsitz",
			"secretariat*", "secretary*", "secretary general", "secretary-general", "headquarter*", "hq",
			"秘书处", "秘书长", "总部", "秘书",
		},
		cMember: {
			"mitmachen", "macht mit", "machen mit", "mitglied werden", "dabei sein",
			"mitglied*", "dabei", "teil", "gehört", "gehort", "gehören", "angehört", "angehörig*", "angeschlossen", "teilnehmer*",
			"member*", "part", "belong*", "participant*", "participat*", "included", "partner*", "partnerstädte",
			"stay*", "remain*", "geblieben", "bleibt", "verblieben", "status", "mitgliedsstatus", "vollmitglied*", "full member*", "正式会员", "正式成员",
			"成员", "会员", "属于", "参加", "参与", "成员城市", "是否在", "伙伴",
		},
		cJoin: {
			"beigetreten", "beitritt*", "beitreten", "beizutreten", "eingetreten", "aufgenommen", "aufnahme", "dazugekommen",
			"hinzugekommen", "hinzugefügt",
			"join*", "admitted", "admission", "admit", "became", "become", "accepted", "added", "add", "recruit*",
			"加入", "入盟", "吸纳", "接纳", "新加入",
		},
		cList: {
			"welche", "welcher", "welches", "liste", "auflisten", "aufzählen", "nenne", "nennen", "alle", "sämtliche", "übersicht",
			"which", "list", "all", "what cities", "overview", "name all", "enumerate",
			"哪些", "名单", "列表", "列出", "所有", "都有", "哪几个", "有哪些",
		},
		cCount: {
			"几个省", "几个州", "多少个省", "多少个州",
			"wie viele", "wieviele", "wie viel", "wie vielen", "anzahl", "zahl", "gesamtzahl", "insgesamt",
			"how many", "number of", "count", "total", "how much",
			"多少", "几个", "几座", "数量", "总数", "几",
		},
		cNew: {
			"neueste*", "neuste*", "neu", "neue", "neuen", "neues", "jüngste*", "zuletzt", "kürzlich", "letzte*",
			"latest", "newest", "recent*", "new", "last", "übernommen", "übernahm", "nachfolger*", "took over",
			"taken over", "takes over", "successor*",
			"最新", "最近", "新", "近期", "接手", "接管", "接替",
		},
		cFormer: {
			"nicht mehr", "kein mitglied mehr", "ehemalig*", "früher*", "ausgetreten", "ausgeschieden", "verlassen",
			"no longer", "not any more", "not anymore", "former", "formerly", "left", "leave", "leaves", "dropped out", "quit",
			"不再", "退出", "离开", "以前的", "前成员",
		},
		cWish: {
			"wollen", "will", "planen", "plant", "geplant", "interessiert*", "interesse", "beitrittswunsch",
			"want", "wants", "plan", "plans", "planning", "interested", "interest", "intention",
			"想", "希望", "打算", "计划", "有意", "意愿",
		},
		cFoundingMember: {
			"gründungsmitglied*", "gründungsstadt", "gründungsstädte*", "gründungsgruppe", "founding member*", "founder member*",
			"founding cit*", "founding group", "创始成员", "创始城市", "创始会员", "创始成员城市",
		},
		cGuest: {"gast", "gaststatus", "gastmitglied*", "guest", "guest status", "observer", "观察员", "观察员身份", "客座", "客座身份"},
		cOrder: {
			"vor", "zuerst", "eher", "früher", "später", "danach", "zuvor",
			"first", "earlier", "later", "before", "after",
			"先", "早", "晚", "更早", "更晚", "先后",
		},
		cNext: {
			"nächste*", "nachste*", "naechste*", "kommende*", "bevorstehende*", "künftige*", "next", "upcoming", "forthcoming",
			"下一届", "下届", "下一次", "下次", "即将",
		},
		cRelease: {
			"发布", "发布的", "published", "erschienen", "herausgegeben",
			"pm", "pms",
			"pressemitteilung*", "presseinformation*", "pressemeldung*", "meldung*", "mitteilung*", "nachricht*", "neuigkeit*",
			"news", "press release*", "release*", "announcement*", "publication*", "veröffentlich*",
			"新闻稿", "新闻", "公告", "消息", "动态", "通稿",
		},
		cCity: {
			"stadt", "städte", "stadte", "städten", "standort*", "kommune*", "mitgliedsstädte", "mitgliedsstadt", "kreis",
			"city", "cities", "town*", "municipal*", "member cities", "member city",
			"城市", "市", "城",
		},
		cGermany: {
			"deutschland", "deutsch", "deutsche", "deutschen", "deutscher", "deutsches", "german", "germany", "germans",
			"德国", "德方", "德",
		},
		cChina: {
			"china", "chinesisch", "chinesische", "chinesischen", "chinesischer", "chinese", "volksrepublik",
			"中国", "中方", "中",
		},
		cRegion: {
			"bundesland", "bundesländer", "bundesländern", "länder", "ländern", "provinz*", "province*", "state", "states",
			"region", "regionen", "regions", "land",
			"省份", "联邦州", "地区", "哪个省", "哪个州", "个省", "个州", "在哪个省", "在哪个州", "几个省", "几个州", "哪些省", "哪些州", "各省", "各州", "省的", "州的",
		},
		cAssembly: {
			"plenarversammlung*", "vollversammlung*", "versammlung*", "mitgliederversammlung*", "plenum", "tagung*",
			"jahrestagung*", "plenary", "plenaries", "assembly", "assemblies", "general meeting*", "meeting*", "session*",
			"全体大会", "大会", "全会", "年会", "会议", "全体会议",
		},
		cName: {
			"name", "namen", "heisst", "heißt", "nennt", "bezeichnung", "abkürzung", "abkurzung", "kürzel", "steht für",
			"englisch", "auf chinesisch", "called", "abbreviation", "acronym", "stand for", "stands for", "in english", "in chinese",
			"in german", "full name", "wofür steht", "wofur steht", "germans call", "chinese call", "people call", "call it", "is it called", "bedeutet",
			"bedeutung", "mean", "means", "meaning",
			"名称", "全称", "叫什么", "英文名", "德文名", "简称", "名字", "中文名", "英文", "德文", "缩写", "德语", "英语", "怎么说",
			"怎么称呼", "什么意思", "意思", "代表什么",
		},
		cAbout: {
			"was ist", "was macht", "ziel", "ziele", "zweck", "aufgabe*", "mission", "worum",
			"what is", "what does", "aim", "aims", "goal*", "purpose", "about", "objective*",
			"宗旨", "目标", "是什么", "介绍", "做什么", "目的", "简介",
		},
		cQuote: {
			"sagt", "sagte", "gesagt", "sagen", "äußert*", "aussage*", "zitat*", "zitiert", "meint", "betont*", "erklärt*",
			"says", "said", "say", "quote*", "quoted", "stated", "comment*", "remarks", "message",
			"说", "表示", "称", "讲话", "发言", "谈到", "指出", "引用", "引述", "援引", "的话",
		},
		cPerson: {
			"wer", "who", "whom", "person", "personen", "people", "leute", "谁", "人物", "人",
			"generalsekretär*", "secretary general", "secretary-general", "秘书长",
		},
		cWhen: {
			"wann", "seit wann", "when", "since when", "what year", "which year", "welchem jahr", "datum", "date", "jahr", "year",
			"何时", "什么时候", "是什么时候", "什么时间", "是什么时间", "哪月", "几月", "哪个月", "哪年", "哪一年", "日期", "时间", "年",
		},
		cWhere: {"wo", "wohin", "woher", "where", "哪里", "在哪", "哪儿", "在哪儿", "在哪里", "何处", "什么地方", "地点", "哪个地方"},
		cHow:   {"wie kann", "wie können", "wie wird", "how can", "how do", "how does", "how to", "如何", "怎么", "怎样"},
		cHelp: {
			"hilfe", "help", "was kannst du", "was weißt du", "what can you", "what do you know", "befehle", "commands",
			"帮助", "你能做什么", "怎么用", "你会什么",
		},
		cGreeting: {
			"hallo", "hi", "hey", "moin", "servus", "guten tag", "guten morgen", "grüße", "gruss", "grusse", "hello", "good morning",
			"good afternoon", "greetings",
			"你好", "您好", "嗨", "早上好", "问候",
		},
		cAlliance: {
			"isa", "allianz", "alliance", "bündnis", "bundnis", "netzwerk", "network", "verbund", "städteallianz",
			"industriestädteallianz", "industriestadteallianz", "industriestädte allianz", "chinesisch deutsche industriestädteallianz",
			"deutsch chinesische industriestädte allianz", "sino german industrial cities alliance", "sino german", "chinese german",
			"sino german industrial city alliance", "sgica", "chn d isa", "industrial cities alliance", "industrial cities",
			"organisation", "organization", "verein",
			"中德工业城市联盟", "中德", "联盟", "工业城市", "工业城市联盟", "该联盟", "这个联盟", "贵联盟", "贵会", "贵方",
		},
		cStop: stopwords(),
		cOutside: {
			"kosten", "kostet", "preis", "preise", "gebühr*", "beitrag", "beiträge", "mitgliedsbeitrag*", "jahresbeitrag*",
			"budget", "geld", "finanzier*", "bezahlen", "gehalt", "einwohner*", "bevölkerung", "wetter", "temperatur*",
			"ticket*", "eintrittskarte*", "anmeldung", "anmelden", "registration", "register", "门票", "报名",
			"mitarbeiter*", "beschäftigte*", "angestellte*", "umsatz", "gewinn", "employees", "employee", "staff", "revenue",
			"turnover", "profit", "员工", "雇员", "营业额", "利润", "工作人员", "人员", "handy", "handynummer", "mobilnummer",
			"mobile", "cell", "cellphone", "手机", "手机号", "手机号码", "durchgeführt", "verfasst", "verfasser*", "autor*",
			"conducted", "carried out", "author*", "authored", "哪家机构", "哪家",
			"cost", "costs", "price", "prices", "fee", "fees", "pay", "paid", "money", "funding", "funded", "salary",
			"population", "inhabitants", "residents", "weather", "temperature*",
			"费用", "多少钱", "会费", "价格", "预算", "资金", "经费", "人口", "天气", "气温", "工资", "收费",
		},
	}
}

// stopwords carry no meaning for the engine: articles, pronouns, auxiliary
// verbs, particles and the politeness and filler words of journalists'
// questions.
func stopwords() []string {
	return []string{
		// de
		"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "eines", "ist", "sind", "war",
		"waren", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "hatten", "gibt", "es", "und", "oder", "in",
		"im", "an", "am", "auf", "aus", "bei", "beim", "mit", "von", "vom", "zu", "zum", "zur", "für", "fur", "fuer", "über", "uber",
		"unter", "nach", "seit", "bis", "als", "wie", "was", "wen", "wem", "wessen", "warum", "wieso", "weshalb", "ob", "auch",
		"noch", "schon", "denn", "doch", "mal", "bitte", "danke", "gerne", "gern", "eigentlich", "genau", "überhaupt",
		"offiziell", "ungefähr", "etwa", "derzeit", "momentan", "jetzt", "heute", "aktuell", "mir", "ihre", "ihrer", "ihren", "it", "mich", "ich", "wir", "uns",
		"du", "sie", "ihnen", "ihr", "euch", "man", "kann", "können", "konnen", "könnten", "konnten", "könnte", "wäre",
		"möchte", "mochte", "würde", "sag", "verraten", "erzählen", "wissen", "weiß", "weiss",
		"info", "infos", "information", "informationen", "dies", "diese", "dieser", "dieses", "hier", "dort", "da", "so",
		"sehr", "viel", "mehr", "nicht", "kein", "keine", "nur", "dann", "wenn", "dass", "daß", "um", "gut", "ja", "nein",
		"hey", "frage", "fragen", "dazu", "darüber", "davon", "wirklich", "eigentlich", "nochmal", "nochmals", "denn",
		"zurzeit", "aktuelle", "derzeitige", "lautet", "statt", "fand", "findet", "finden", "besteht", "bestehen", "verteilen", "verteilt", "sich", "selbst",
		"bestätigen", "erwähnt", "genannt", "steht", "stehen", "stattgefunden", "stattfinden", "abgehalten", "schreibe",
		"passiert", "passierte", "geschah", "geschehen", "worum", "geht", "ging", "gäste", "teilgenommen", "beteiligt", "tagte", "tagt", "getagt",
		"eröffnet", "verfolgt", "verfolgen", "rolle", "spielt", "liegt", "liegen", "gelegen", "funktion", "position", "stand", "laut", "gemäß",
		"zufolge", "quelle", "quellen", "politisch", "zeichnet", "trifft", "zutreffend", "heutigem", "heutigen", "heutiger",
		"führt", "inhaltlich", "herbst", "frühjahr", "sommer", "winter", "online", "schwerpunkt*", "thema", "themen",
		"artikel", "bericht", "recherchiere", "journalistin", "geändert", "verändert", "inzwischen", "mittlerweile", "kommen", "kommt", "stammen", "stammt", "lauten", "stimmt", "richtig", "herr", "frau",
		// en
		"the", "a", "an", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
		"of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "as", "what", "what's", "whats", "which",
		"how", "why", "whose", "can", "could", "would", "will", "shall", "should", "may", "might", "must", "you", "your",
		"me", "my", "i", "we", "our", "us", "they", "their", "them", "its", "this", "that", "these", "those", "there",
		"here", "tell", "know", "please", "thanks", "thank", "any", "some", "currently", "now", "today", "exactly",
		"officially", "actually", "really", "again", "just", "also", "still", "yet", "so", "very", "much", "more", "not",
		"no", "yes", "if", "than", "then", "info", "current", "currently", "information", "details", "detail", "question", "wondering",
		"want", "like", "need", "find", "out", "get", "give", "let", "mr", "mrs", "ms", "dr", "kind", "ok", "okay", "one",
		"ones", "up", "into", "there's", "is there", "are there", "it's", "isa's", "alliance's", "roughly", "approximately",
		"exact", "official", "right", "correct", "true", "held", "hold", "holds", "hosted", "confirm", "whether", "going",
		"intend", "intends", "keep", "pls", "plz", "thx", "take place", "took place", "happen", "happened", "writing",
		"write", "article", "story", "piece", "background", "i'm", "im", "journalist", "reporter", "else", "someone",
		"somebody", "still", "anyone", "anything", "like", "today", "after all", "looking", "look", "guests", "attended",
		"attendees", "involved", "role", "plays", "opened", "located", "lies", "situated", "among", "function", "position", "title", "job",
		"ask", "mind", "telling", "kindly", "according", "source", "sources", "inform", "let me know", "make up", "makes up",
		"see", "sees", "view", "views", "regard", "regards", "achieve", "nutshell", "in short", "briefly", "main", "theme", "topic", "topics", "focus", "focused", "autumn", "summer",
		"consist", "consists", "consist of",
		// zh
		"的", "了", "吗", "呢", "吧", "啊", "呀", "是", "在", "有", "请问", "请", "问", "一下", "告诉", "我", "你", "您",
		"们", "我们", "你们", "这", "那", "这个", "那个", "哪", "哪个", "什么", "和", "与", "及", "以及", "个", "座", "家",
		"都", "也", "还", "就", "又", "被", "把", "对", "从", "到", "由", "为", "给", "跟", "向", "于", "之", "其", "该",
		"可以", "能", "能否", "会", "要", "想", "知道", "一", "些", "一些", "多", "吗？", "么", "怎么样", "如何", "目前",
		"现在", "当前", "是不是", "有没有", "是否", "多久", "情况", "关于", "下", "上", "里", "中的", "过", "着", "所",
		"谢谢", "麻烦", "具体", "方面", "那边", "这边", "事务", "工作", "事情", "主要", "讲", "内容", "官方", "有关", "相关", "正式", "到底", "究竟", "其中", "包括", "包含", "否", "时候", "举行", "召开", "开",
		"哪一天", "哪天", "记者", "以后", "之后", "后来", "换成", "变成", "换", "设在", "设", "一共", "总共", "来自", "来", "做",
		"得出", "那项", "项", "看", "怎么看", "报道", "文章", "写", "第", "届", "次", "号", "来宾", "嘉宾", "出席", "开通", "作用", "角色", "发生", "事件", "活动", "位于", "用", "机构", "分布", "拨", "应该", "劳驾", "烦请", "敬请", "告知", "确认", "确认一下",
		"是否为", "截至", "根据", "据", "哪份", "资料", "举办", "哪位", "重点", "主题", "讨论", "议题", "为什么", "重要", "评价", "期间", "态度", "看法", "立场", "观点", "持",
	}
}

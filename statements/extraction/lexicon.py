"""Word lists the extraction rules are built from.

These describe English news prose in general (speech verbs, titles, demonyms), never
a particular article; the archive's own Speaker and Topic tables add to them at run time.
"""

from __future__ import annotations

# Finite speech verbs that introduce what someone said: "X said that ...", "..., X stressed."
SPEECH_VERBS = frozenset(
    """
        said says stated states noted notes stressed stresses emphasized emphasizes emphasised
        emphasises added adds explained explains insisted insists warned warns announced announces
        declared declares claimed claims argued argues asserted asserts affirmed affirms reaffirmed
        reaffirms confirmed confirms underlined underlines underscored underscores remarked remarks
        commented comments observed observes believes believed thinks thought maintained maintains
        suggested suggests mentioned mentions recalled recalls acknowledged acknowledges admitted
        admits reiterated reiterates highlighted highlights clarified clarifies predicted predicts
        promised promises pledged pledges vowed vows assured assures denied denies contended
        contends specified specifies indicated indicates hoped hopes told tells wrote writes tweeted
        posted replied replies responded answered concluded concludes continued continues urged
        urges proposed proposes agreed agrees summed stressed opined informed informs alleged alleges
        """.split()
)

# Multi-word speech predicates, matched as phrases (longest first).
SPEECH_PHRASES = (
    "drew attention to the fact",
    "drew attention to",
    "draws attention to the fact",
    "went on to say",
    "goes on to say",
    "pointed out",
    "points out",
    "made it clear",
    "made clear",
    "expressed confidence",
    "expressed hope",
    "expressed the hope",
    "expressed concern",
    "expressed regret",
    "voiced hope",
    "voiced concern",
    "was quoted as saying",
    "is quoted as saying",
    "spoke of",
    "called on",
    # "As the minister put it, ...".
    "put it",
    "puts it",
)

# Verbs that take an addressee before the content: "told reporters that ...".
ADDRESSEE_VERBS = frozenset(
    {"told", "tells", "assured", "assures", "urged", "urges", "warned", "reminded", "informed", "informs"}
)
# Addressee verbs whose addressee takes an infinitive: in "urged X to avoid steps that ...", the
# "that" belongs to the infinitive's clause, not to the verb.
INFINITIVE_ADDRESSEE_VERBS = frozenset({"urged", "urges", "reminded"})

# Words allowed between a subject and its speech verb ("Ryabkov also said").
VERB_MODIFIERS = frozenset(
    """
        also further later then subsequently earlier previously repeatedly reportedly has have had
        once again in turn himself herself clearly specifically particularly moreover additionally
        however separately recently explicitly publicly firmly strongly openly directly personally
        officially today yesterday therefore furthermore meanwhile would will may might on already
        again
        """.split()
)

# A participle ending the reported content: "..., adding that ...", "..., noting ...".
CONTENT_TAIL_MARKERS = (
    "adding",
    "noting",
    "stressing",
    "emphasizing",
    "emphasising",
    "saying",
    "pointing out",
    "recalling",
    "explaining",
    "underlining",
    "stating",
    "arguing",
    "warning",
    "citing",
    "referring",
    "according to",
    # The reporter's caveat: "..., a claim that could not be independently verified."
    "a claim",
    "claims that",
    "which could not be",
)

# Phrases that frame a topic before the attribution ("Speaking about X, ..."): a quotation
# inside them names a subject, it is not a statement.
FRAMING_OPENERS = (
    "speaking about",
    "speaking of",
    "speaking on",
    "speaking at",
    "referring to",
    "commenting on",
    "touching upon",
    "touching on",
    "talking about",
    "asked about",
    "when asked",
    "answering a question",
    "responding to",
    "in response to",
    "turning to",
    "regarding",
    "as for",
    "as regards",
    "with regard to",
)

# Lower-case starts of a parenthetical between a subject and its verb that are circumstance,
# not a role ("Putin, while speaking at ..., said").
CIRCUMSTANCE_OPENERS = frozenset(
    """
        while when who whom which in at during for according as after before addressing responding
        commenting referring asked answering speaking speaking, talking meeting following despite on
        upon under with without like unlike
        """.split()
)

# Single adverbs a writer sets off with commas between a subject and its verb.
PARENTHETICAL_ADVERBS = frozenset(
    """
    meanwhile however moreover too also though therefore furthermore separately nonetheless
    nevertheless instead likewise similarly accordingly earlier later
    """.split()
)

# Nouns that head a role ("ambassador", "spokesperson") and so identify a person by office.
ROLE_NOUNS = frozenset(
    """
        president vice-president minister secretary ambassador envoy spokesperson spokesman
        spokeswoman director chairman chairwoman chair head chief leader commander adviser advisor
        counselor counsellor consul representative official diplomat premier chancellor king queen
        prince princess emir sheikh sultan governor mayor senator congressman congresswoman lawmaker
        legislator deputy member general admiral marshal colonel lieutenant captain major negotiator
        coordinator commissioner ombudsman speaker prosecutor judge attorney politician expert
        analyst researcher professor scholar economist strategist founder ceo executive manager
        administrator aide assistant undersecretary under-secretary attaché attache chairperson
        secretary-general director-general delegate
        """.split()
)

# Words that may appear inside a capitalised title before a name.
TITLE_WORDS = frozenset(
    """
        president vice minister ministers deputy foreign defense defence secretary general state
        ambassador envoy spokesperson spokesman spokeswoman press director chairman chairwoman chair
        head chief leader commander adviser advisor representative special permanent senior first
        executive council security committee commission office ministry affairs department national
        central federal assistant counselor counsellor consul premier prime chancellor king queen
        prince princess crown emir sheikh sultan governor mayor senator congressman congresswoman
        speaker lawmaker mp lieutenant colonel major admiral marshal gen col lt adm mr mrs ms dr
        prof professor sen rep gov party communist parliament duma federation republic people's
        peoples army navy forces armed military intelligence service staff joint chiefs board member
        official diplomat economy economic trade finance energy interior justice health education
        development culture information communications agriculture industry emergency emergencies
        relations international cooperation policy strategic planning division bureau agency
        administration cabinet government presidential kremlin legislative assembly congress senate
        house representatives commissioner high under undersecretary acting former ex spokesperson's
        press-secretary defense-ministry coordinator affairs commission's supreme united nations un
        u.n. nato eu european union organization organisation secretariat mission embassy consulate
        delegation general-secretary secretary-general vice-president vice-premier deputy-head
        first-deputy chief-of-staff top senior-ranking
        """.split()
)

TITLE_WORDS = TITLE_WORDS | {"chairperson", "secretary-general", "director-general", "delegate"}

# "his Iranian counterpart Abbas Moradi": the office is the other party's, the country his own.
TITLE_WORDS = TITLE_WORDS | {"counterpart"}

# Words of the bodies people work for, so "Department for Arms Control Dmitry Sokolin" keeps
# "Arms Control" out of the name.
TITLE_WORDS = TITLE_WORDS | frozenset(
    """
    arms control disarmament non-proliferation nonproliferation proliferation institute academy
    sciences science university center centre foundation fund studies research directorate
    division section unit authority inspectorate corporation company chamber society association
    league federation's ministry's department's office's commission's council's
    """.split()
)
ROLE_NOUNS = ROLE_NOUNS | {"fellow", "observer", "commentator", "ambassador-at-large"}

# Malaysian honorifics written before a name ("Datuk Seri Ahmad Faizal Rahman"): titles, not names.
TITLE_WORDS = TITLE_WORDS | {"datuk", "dato", "dato'", "dato’", "datin", "seri", "tun"}

# Offices written as initials after "the" ("the EAM said", "the PM told reporters"), with the
# office each stands for.
OFFICE_INITIALS = {
    "pm": "prime minister",
    "dpm": "deputy prime minister",
    "fm": "foreign minister",
    "eam": "external affairs minister",
    "cm": "chief minister",
}

# "Special Envoy on the Middle East Issue Wu Jianguo", "Special Representative for the Korean
# Peninsula Question": the subject of an envoy's brief ends the title, not opens the name.
TITLE_WORDS = TITLE_WORDS | {"issue", "question"}

# A leader's personal representative in summit preparations ("BRICS sherpa Grigory Lanskoy").
ROLE_NOUNS = ROLE_NOUNS | {"sherpa"}
TITLE_WORDS = TITLE_WORDS | {"sherpa"}

# "Amb. Yusuf Bello": the abbreviated ambassador.
TITLE_WORDS = TITLE_WORDS | {"amb"}

# Religious titles written before a name ("Ayatollah Ali Khamenei", "Patriarch Kirill").
TITLE_WORDS = TITLE_WORDS | {
    "ayatollah",
    "pope",
    "cardinal",
    "archbishop",
    "patriarch",
    "rabbi",
    "mawlawi",
    "maulana",
    "mullah",
}

# Heads of institution names: a phrase ending in one of these is an institution, not a person.
INSTITUTION_NOUNS = frozenset(
    """
        ministry department office embassy kremlin government cabinet council committee commission
        agency service parliament duma senate congress assembly administration pentagon mission
        secretariat bureau headquarters command court bank party organization organisation union
        alliance nato un eu asean sco brics secretariat house consulate delegation staff forces
        fleet corps authority
        """.split()
)

# What a ministry or department is named for ("the Ministry of Transport", "the Department of
# Homeland Security", "the Ministry of Natural Resources and Environment"): words that, after
# "Ministry of", are the body's field and not a person's name.
GOVERNED_FIELDS = frozenset(
    """
        transport transportation infrastructure environment environmental ecology climate natural
        resources labour labor employment social welfare protection tourism antiquities heritage
        sport sports youth women family families children veterans science technology technologies
        innovation innovations digital higher housing urban construction works public water
        irrigation fisheries forestry forests mines mining petroleum oil gas power electricity
        commerce investment investments statistics land lands homeland home customs immigration
        migration citizenship refugees religious endowments media broadcasting arts local regional
        rural municipal food consumer competition equality human rights reconciliation unification
        emergency situations overseas diaspora telecommunications communication aviation maritime
        shipping ports railways roads tax taxes revenue budget treasury
        solidarity integration gender minorities population medical sanitation urbanisation
        urbanization
        """.split()
)

INSTITUTION_PHRASES = (
    "white house",
    "state department",
    "foreign office",
    "kremlin",
    "pentagon",
)
# A country's armed forces speak as a body: "South Korea's military said", "Ukraine's air force
# said". Alone ("the military said") they name no body.
ARMED_SERVICES = ("military", "armed forces", "air force", "navy", "army", "coast guard")

PRONOUNS = frozenset({"he", "she"})

# Demonyms and the country each one names.
DEMONYMS = {
    "russian": "Russia",
    "chinese": "China",
    "american": "United States",
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "italian": "Italy",
    "spanish": "Spain",
    "japanese": "Japan",
    "korean": "Korea",
    "indian": "India",
    "pakistani": "Pakistan",
    "iranian": "Iran",
    "turkish": "Turkey",
    "azerbaijani": "Azerbaijan",
    "armenian": "Armenia",
    "georgian": "Georgia",
    "ukrainian": "Ukraine",
    "belarusian": "Belarus",
    "kazakh": "Kazakhstan",
    "kazakhstani": "Kazakhstan",
    "uzbek": "Uzbekistan",
    "kyrgyz": "Kyrgyzstan",
    "tajik": "Tajikistan",
    "turkmen": "Turkmenistan",
    "mongolian": "Mongolia",
    "vietnamese": "Vietnam",
    "thai": "Thailand",
    "indonesian": "Indonesia",
    "malaysian": "Malaysia",
    "philippine": "Philippines",
    "filipino": "Philippines",
    "australian": "Australia",
    "canadian": "Canada",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "venezuelan": "Venezuela",
    "cuban": "Cuba",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "syrian": "Syria",
    "iraqi": "Iraq",
    "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates",
    "qatari": "Qatar",
    "egyptian": "Egypt",
    "afghan": "Afghanistan",
    "polish": "Poland",
    "czech": "Czech Republic",
    "hungarian": "Hungary",
    "serbian": "Serbia",
    "greek": "Greece",
    "swedish": "Sweden",
    "finnish": "Finland",
    "norwegian": "Norway",
    "danish": "Denmark",
    "dutch": "Netherlands",
    "belgian": "Belgium",
    "swiss": "Switzerland",
    "austrian": "Austria",
    "estonian": "Estonia",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "moldovan": "Moldova",
    "romanian": "Romania",
    "bulgarian": "Bulgaria",
    "croatian": "Croatia",
    "slovak": "Slovakia",
    "taiwanese": "Taiwan",
    "lebanese": "Lebanon",
    "jordanian": "Jordan",
    "yemeni": "Yemen",
    "libyan": "Libya",
    "algerian": "Algeria",
    "moroccan": "Morocco",
    "tunisian": "Tunisia",
    "sudanese": "Sudan",
    "ethiopian": "Ethiopia",
    "nigerian": "Nigeria",
    "kenyan": "Kenya",
    "south african": "South Africa",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "new zealand": "New Zealand",
    "singaporean": "Singapore",
    "bangladeshi": "Bangladesh",
    "sri lankan": "Sri Lanka",
    "nepalese": "Nepal",
    "cambodian": "Cambodia",
    "laotian": "Laos",
    "burmese": "Myanmar",
    "myanmar": "Myanmar",
    "irish": "Ireland",
    "portuguese": "Portugal",
    "chilean": "Chile",
    "colombian": "Colombia",
    "peruvian": "Peru",
    "bolivian": "Bolivia",
    "nicaraguan": "Nicaragua",
}

COUNTRIES = frozenset(
    """
        russia china india pakistan iran turkey azerbaijan armenia georgia ukraine belarus
        kazakhstan uzbekistan kyrgyzstan tajikistan turkmenistan mongolia vietnam thailand indonesia
        malaysia philippines australia canada mexico brazil argentina venezuela cuba israel
        palestine syria iraq egypt afghanistan poland hungary serbia greece sweden finland norway
        denmark netherlands belgium switzerland austria estonia latvia lithuania moldova romania
        bulgaria croatia slovakia taiwan lebanon jordan yemen libya algeria morocco tunisia sudan
        ethiopia nigeria kenya japan korea france germany italy spain britain england america us usa
        u.s. uk singapore bangladesh nepal cambodia laos myanmar ireland portugal chile colombia
        peru bolivia nicaragua qatar kuwait bahrain oman
        """.split()
)

# Country names of several words, and abbreviations of them, a country may be called by.
MULTIWORD_COUNTRIES = {
    "united arab emirates": "United Arab Emirates",
    "uae": "United Arab Emirates",
    "saudi arabia": "Saudi Arabia",
    "united states": "United States",
    "united kingdom": "United Kingdom",
    "south korea": "South Korea",
    "north korea": "North Korea",
    "south africa": "South Africa",
    "new zealand": "New Zealand",
    "sri lanka": "Sri Lanka",
}

# Capitals that stand for their country's government when they own an office ("Seoul's foreign
# ministry", "Beijing's ambassador").
CAPITAL_CITIES = {
    "moscow": "Russia",
    "beijing": "China",
    "washington": "United States",
    "london": "United Kingdom",
    "paris": "France",
    "berlin": "Germany",
    "tokyo": "Japan",
    "seoul": "South Korea",
    "pyongyang": "North Korea",
    "delhi": "India",
    "islamabad": "Pakistan",
    "tehran": "Iran",
    "ankara": "Turkey",
    "baku": "Azerbaijan",
    "yerevan": "Armenia",
    "tbilisi": "Georgia",
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "minsk": "Belarus",
    "astana": "Kazakhstan",
    "tashkent": "Uzbekistan",
    "bishkek": "Kyrgyzstan",
    "dushanbe": "Tajikistan",
    "ashgabat": "Turkmenistan",
    "hanoi": "Vietnam",
    "bangkok": "Thailand",
    "jakarta": "Indonesia",
    "manila": "Philippines",
    "canberra": "Australia",
    "ottawa": "Canada",
    "rome": "Italy",
    "madrid": "Spain",
    "warsaw": "Poland",
    "budapest": "Hungary",
    "belgrade": "Serbia",
    "athens": "Greece",
    "stockholm": "Sweden",
    "helsinki": "Finland",
    "oslo": "Norway",
    "copenhagen": "Denmark",
    "havana": "Cuba",
    "caracas": "Venezuela",
    "brasilia": "Brazil",
    "damascus": "Syria",
    "baghdad": "Iraq",
    "cairo": "Egypt",
    "riyadh": "Saudi Arabia",
    "doha": "Qatar",
    "kabul": "Afghanistan",
    "taipei": "Taiwan",
}

# Seats of government whose name stands for their country's ("the Kremlin chief", "a White House
# spokesperson").
SEATS_OF_GOVERNMENT = {
    "kremlin": "Russia",
    "white house": "United States",
    "pentagon": "United States",
    "elysee": "France",
    "élysée": "France",
    "downing street": "United Kingdom",
    "zhongnanhai": "China",
}

# Capitals and other places that head datelines or stand for governments ("Beijing said").
PLACES = frozenset(
    """
        moscow beijing washington london paris berlin tokyo seoul pyongyang delhi islamabad tehran
        ankara baku yerevan tbilisi kiev kyiv minsk astana tashkent bishkek dushanbe ashgabat
        ulaanbaatar hanoi bangkok jakarta manila canberra ottawa brussels geneva vienna rome madrid
        warsaw budapest belgrade athens stockholm helsinki oslo copenhagen amsterdam prague
        bucharest sofia riga vilnius tallinn chisinau havana caracas brasilia jerusalem damascus
        baghdad cairo riyadh doha dubai kabul taipei hong kong xinjiang tibet macau shanghai
        vladivostok petersburg sochi kazan novosibirsk new york york lahore karachi
        """.split()
)

# Places of several words that head datelines ("Abu Dhabi: ..."), as written after lower-casing.
MULTIWORD_PLACES = frozenset(
    {
        "abu dhabi",
        "addis ababa",
        "buenos aires",
        "cape town",
        "dar es salaam",
        "hong kong",
        "kuala lumpur",
        "mexico city",
        "new delhi",
        "new york",
        "phnom penh",
        "rio de janeiro",
        "san francisco",
        "santo domingo",
        "sao paulo",
        "st petersburg",
        "tel aviv",
        "the hague",
        "ho chi minh city",
        "panama city",
        "guatemala city",
        "kuwait city",
        "vatican city",
        "port louis",
        "port moresby",
        "san jose",
        "san salvador",
        "sri jayawardenepura kotte",
        "las vegas",
        "los angeles",
    }
)

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Russian month names as dates write them ("24 ноября 2026 года"), on the furniture of
# Russian-language sites that publish in English.
RUSSIAN_MONTHS = {
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}

WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# Capitalised words that start sentences or clauses and are never part of a name.
NOT_NAME_WORDS = frozenset(
    """
        the a an this that these those it its in on at as but and or if when while however meanwhile
        additionally also earlier later according moreover furthermore still yet so thus then now
        today yesterday tomorrow last next both each all some many most such he she they we i you
        his her their our my after before during since until with without for from by to of under
        over among between against despite although though because unlike like following speaking
        asked commenting responding referring addressing separately similarly instead therefore
        nevertheless besides otherwise indeed finally first second third overall there here what
        which who whom whose where why how no not nor one two three western eastern northern
        southern west east north south international global world asia-pacific asian european
        african arab gulf middle security strategic forum club journal newspaper news agency
        television tv radio daily times post group summit conference talks meeting treaty initiative
        road belt day week month year quoted statement interview briefing press
    sources source officials experts analysts observers media reports diplomats residents witnesses
    critics participants authorities
        """.split()
    # Participles that open a sentence before a name ("Receiving Julien de Groote, ..., Hai said").
    + """
        receiving welcoming hosting visiting congratulating thanking greeting opening closing
        summing touching turning briefing noting talking answering writing reacting replying
        explaining describing emphasizing emphasising stressing recalling citing highlighting
        """.split()
    # The last words of states' and bodies' names ("Ambassador to the United States Anatoly
    # Antonov"), which would otherwise open the name that follows them.
    + """
        states kingdom nations emirates federation republic union charter
        """.split()
)

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """
        mr mrs ms dr prof gen lt col sgt capt adm amb sen rep gov st jr sr no vs etc e.g i.e u.s u.k u.n
        e.u jan feb mar apr aug sept sep oct nov dec inc ltd co corp a.m p.m approx dept est fig
        """.split()
)

# Words that mark a line as page furniture rather than article prose.
FURNITURE_LINES = frozenset(
    """
        subscribe newsfeed chats loader login log register share tweet follow comments comment
        advertisement menu search home world politics economy business sport sports opinion analysis
        video videos photo photos gallery podcast podcasts more related trending popular latest news
        top stories read also see print email whatsapp telegram facebook twitter vk
        """.split()
)

ENGLISH_STOPWORDS = frozenset(
    """
        the of and to in a is that for on with as by at from it was be are this have has had not but
        an or which were will their its been they he she we his her said would also who more
        """.split()
)

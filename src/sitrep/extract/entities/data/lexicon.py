"""Language data for the entity stage: title words, descriptions, pronouns, cue words.

Data only (no logic), in the manner of spaCy's ``lang/<code>/`` modules.
"""

# words that can make up a person's title before the name ("Polish Prime Minister",
# "Belarus leader", "Defence Secretary", "Gen."); lower-cased
TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "leader",
        "chief",
        "head",
        "secretary",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "deputy",
        "first",
        "acting",
        "former",
        "late",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "sultan",
        "emir",
        "crown",
        "general",
        "gen.",
        "lt.",
        "col.",
        "colonel",
        "major",
        "maj.",
        "commander",
        "admiral",
        "adm.",
        "marshal",
        "captain",
        "capt.",
        "lieutenant",
        "sergeant",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "governor",
        "mayor",
        "speaker",
        "minister-president",
        "state",
        "affairs",
        "supreme",
        "ayatollah",
        "pope",
        "cardinal",
        "archbishop",
        "bishop",
        "sheikh",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "sir",
        "lord",
        "lady",
        "opposition",
        "army",
        "navy",
        "military",
        "intelligence",
        "security",
        "national",
        "adviser",
        "advisor",
        "director",
        "strongman",
        "dictator",
        "autocrat",
        "ruler",
        "monarch",
        "taoiseach",
        "chairman",
        "chairwoman",
        "chair",
        "attorney",
        "justice",
        "judge",
        "officer",
        "official",
        "correspondent",
        "reporter",
        "journalist",
        "editor",
        "analyst",
    ]
)

# titles that only say "the one in charge": the leader table may give a precise role
GENERIC_TITLES = frozenset(
    ["leader", "strongman", "ruler", "head", "chief", "dictator", "autocrat", "monarch"]
)

# title words that are not part of a role name shown to the user
HONORIFICS = frozenset(["mr.", "mrs.", "ms.", "dr.", "sir", "lord", "lady"])

# head nouns of definite descriptions that can refer to a person
PERSON_DESCRIPTION_HEADS = frozenset(
    [
        "president",
        "premier",
        "chancellor",
        "leader",
        "strongman",
        "dictator",
        "autocrat",
        "ruler",
        "monarch",
        "king",
        "queen",
        "prince",
        "emir",
        "sultan",
        "minister",
        "secretary",
        "general",
        "commander",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "official",
        "diplomat",
        "senator",
        "governor",
        "mayor",
        "pope",
        "chief",
        "taoiseach",
        "politician",
        "lawmaker",
        "billionaire",
        "tycoon",
        "businessman",
        "activist",
        "journalist",
        "researcher",
        "director",
        "analyst",
        "expert",
        "adviser",
        "advisor",
        "professor",
        "correspondent",
        "officer",
        "head",
        "founder",
        "chairman",
        "chairwoman",
        "deputy",
    ]
)

# descriptions that fit any head of state or government (the role decides nothing)
EPITHETS = frozenset(["leader", "strongman", "dictator", "autocrat", "ruler", "monarch"])

# head nouns of definite descriptions of organizations, with the entity types they fit
ORG_DESCRIPTION_HEADS = {
    "group": ("ORG", "MILITARY_UNIT"),
    "organization": ("ORG",),
    "organisation": ("ORG",),
    "alliance": ("ORG", "BLOC"),
    "bloc": ("ORG", "BLOC"),
    "agency": ("ORG",),
    "ministry": ("ORG",),
    "company": ("ORG",),
    "firm": ("ORG",),
    "manufacturer": ("ORG",),
    "militia": ("ORG", "MILITARY_UNIT"),
    "movement": ("ORG",),
    "party": ("ORG",),
    "watchdog": ("ORG",),
    "broadcaster": ("ORG",),
    "newspaper": ("ORG",),
    "coalition": ("ORG", "BLOC"),
}

# ministries: the word in "the Russian Defense Ministry" -> the canonical portfolio
MINISTRY_PORTFOLIOS = {
    "defense": "Defence",
    "defence": "Defence",
    "foreign": "Foreign Affairs",
    "interior": "Internal Affairs",
    "internal": "Internal Affairs",
    "emergencies": "Emergency Situations",
    "emergency": "Emergency Situations",
    "justice": "Justice",
    "finance": "Finance",
    "economy": "Economy",
    "health": "Health",
    "energy": "Energy",
    "trade": "Trade",
    "foreign affairs": "Foreign Affairs",
    "home": "Home Affairs",
}
MINISTRY_NOUNS = frozenset(["ministry", "department"])

# armed services in "the Russian Navy", "Ukraine's Air Force"
ARMED_SERVICES = {
    "army": "Army",
    "navy": "Navy",
    "air force": "Air Force",
    "armed forces": "Armed Forces",
    "air forces": "Air Force",
    "marines": "Marines",
    "national guard": "National Guard",
    "coast guard": "Coast Guard",
    "aerospace forces": "Aerospace Forces",
    "ground forces": "Ground Forces",
    "special forces": "Special Forces",
}

# the words that let a plain-word weapon name ("Tor", "Patriot") count as a weapon
WEAPON_CUE_NOUNS = frozenset(
    [
        "system",
        "systems",
        "missile",
        "missiles",
        "launcher",
        "launchers",
        "tank",
        "tanks",
        "jet",
        "jets",
        "fighter",
        "fighters",
        "aircraft",
        "plane",
        "planes",
        "warplane",
        "warplanes",
        "helicopter",
        "helicopters",
        "gunship",
        "gunships",
        "drone",
        "drones",
        "howitzer",
        "howitzers",
        "rocket",
        "rockets",
        "bomber",
        "bombers",
        "vessel",
        "vessels",
        "warship",
        "warships",
        "ship",
        "ships",
        "submarine",
        "submarines",
        "carrier",
        "carriers",
        "frigate",
        "frigates",
        "destroyer",
        "destroyers",
        "corvette",
        "corvettes",
        "cruiser",
        "cruisers",
        "vehicle",
        "vehicles",
        "rifle",
        "rifles",
        "battery",
        "batteries",
        "interceptor",
        "interceptors",
        "munition",
        "munitions",
        "bomb",
        "bombs",
        "artillery",
        "complex",
        "complexes",
        "unit",
        "units",
        "defense",
        "defence",
        "air-defense",
        "air-defence",
        "anti-aircraft",
        "surface-to-air",
    ]
)

# prepositions after which a capital is a place, not an actor ("in Moscow")
LOCATIVE_PREPS = frozenset(
    [
        "in",
        "at",
        "near",
        "to",
        "from",
        "into",
        "outside",
        "around",
        "across",
        "toward",
        "towards",
        "via",
        "inside",
        "within",
        "through",
        "throughout",
        "between",
        "beyond",
        "over",
        "above",
        "below",
        "off",
        "onto",
    ]
)

# prepositions right before a name spaCy found that make it a place ("near X", "across X")
PLACE_PREPS = frozenset(["near", "in", "at", "outside", "around", "inside", "into", "across"])

# words spaCy may take into the front of a name ("The", "And", "Near"): trimmed off
# (with the locative prepositions above)
LEADING_FUNCTION_WORDS = LOCATIVE_PREPS | {"the", "a", "an", "and", "or", "but", "of", "on", "by"}

PERSON_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}

# role words that say a person is a woman (for "she"/"her")
FEMALE_WORDS = frozenset(["queen", "princess", "spokeswoman", "chairwoman", "mrs.", "ms.", "lady", "empress"])
MALE_WORDS = frozenset(
    ["king", "prince", "spokesman", "chairman", "mr.", "sir", "lord", "emperor", "sultan", "emir"]
)

# spaCy labels the stage keeps, and the entity type each starts as
SPACY_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "REGION",
    "FAC": "FACILITY",
    "EVENT": "EVENT_NAME",
    "NORP": "NORP",
    "WEAPON": "WEAPON_SYSTEM",  # Sitrep's trained NER (sitrep.nlp.trained_ner), not spaCy's
}

# verbs whose object is a government addressed, not a place ("urged Berlin", "accused Moscow")
ADDRESS_VERBS = frozenset(
    [
        "ask",
        "urge",
        "warn",
        "accuse",
        "criticize",
        "criticise",
        "blame",
        "pressure",
        "press",
        "thank",
        "condemn",
        "sanction",
        "support",
        "back",
        "tell",
        "call",
        "invite",
        "persuade",
        "convince",
        "lobby",
        "threaten",
        "reassure",
        "provide",
        "give",
        "offer",
        "grant",
        "reward",
        "pay",
    ]
)

# a description's head noun -> words of the roles it fits ("the top U.S. diplomat" fits a
# Secretary of State); a head not listed fits roles that contain the head itself
ROLE_SYNONYMS = {
    "diplomat": ("foreign", "secretary of state", "envoy", "ambassador", "diplomat"),
    "premier": ("prime minister", "premier"),
    "minister": ("minister", "secretary"),
    "secretary": ("secretary", "minister"),
    "commander": ("commander", "chief", "general"),
    "general": ("general", "commander", "chief of"),
    "official": ("minister", "secretary", "spokes", "official", "director", "adviser", "envoy"),
    "spokesman": ("spokes", "press secretary"),
    "spokeswoman": ("spokes", "press secretary"),
    "spokesperson": ("spokes", "press secretary"),
}

# head nouns of definite descriptions of a country ("the kingdom", "the country")
COUNTRY_DESCRIPTION_HEADS = frozenset(["country", "kingdom", "emirate", "republic", "nation", "state"])

# words that make an organization's name a military unit
MILITARY_UNIT_WORDS = frozenset(
    ["army", "brigade", "division", "regiment", "battalion", "corps", "fleet", "command", "forces",
     "guard", "marines", "squadron", "wing", "militia", "legion", "battery"]
)

# verbs whose subject "it" is an organization or a state ("the ministry said it would ...")
AGENT_VERBS = frozenset(
    ["say", "announce", "add", "deny", "warn", "claim", "state", "report", "plan", "want", "agree",
     "decide", "refuse", "accuse", "confirm", "insist", "urge", "vow", "pledge", "threaten", "reject",
     "approve", "sign", "order", "launch", "deploy", "buy", "sell", "supply", "send", "receive"]
)

# country names written with "the" inside a phrase ("President of the United States")
COUNTRIES_WITH_THE = frozenset(
    ["United States", "United Kingdom", "Netherlands", "Philippines", "United Arab Emirates",
     "Czech Republic", "Democratic Republic of the Congo", "Republic of the Congo",
     "Central African Republic", "Dominican Republic", "Bahamas", "Gambia", "Maldives",
     "Marshall Islands", "Solomon Islands", "Comoros", "Seychelles", "Soviet Union"]
)

# title words that say the person no longer holds the post
FORMER_WORDS = frozenset(["former", "ex", "ex-", "late", "then"])

# words that open a title before a name ("King Salman", "Ayatollah Ali Khamenei"): a
# gazetteer form starting with one is not taken as a person's full name
NAME_TITLES = frozenset(
    ["king", "queen", "prince", "crown", "sheikh", "sultan", "emir", "emperor", "pope", "sir", "ayatollah",
     "president", "general"]
)

# nouns that make a capital's name a place, not its state ("the capital Minsk", "the port of X")
PLACE_NOUNS = frozenset({"capital", "city", "town", "village", "port", "region", "province"})

# group sizes in "the two (leaders)", "both"
GROUP_NUMBERS = {"two": 2, "three": 3, "four": 4, "both": 2}

# compass words that qualify a place rather than name a new one ("Eastern Ukraine")
DIRECTION_WORDS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
     "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
     "southeastern", "southwestern", "upper", "lower", "greater"]
)

# nouns of geographic features that make a name a place of its own ("the Gulf of Guinea")
GEO_NOUNS = frozenset(
    ["gulf", "sea", "strait", "straits", "ocean", "bay", "island", "islands", "mountains", "mountain",
     "desert", "valley", "river", "lake", "peninsula", "basin", "coast", "horn", "channel", "canal",
     "archipelago", "plateau", "forest", "delta", "sound", "cape", "highlands", "corridor", "pass"]
)

# last words that make a name a law, treaty or programme (an OTHER entity), not an organization
DOCUMENT_NOUNS = frozenset(
    ["act", "law", "treaty", "accords", "agreement", "convention", "protocol", "resolution",
     "bill", "code", "charter", "doctrine", "declaration", "plan", "index", "report"]
)

# agent nouns of compositional actors ("Nigerian troops", "the Indian air force"), with
# the unit they name and its PLOVER/CAMEO-style sector code; two-word heads first
ACTOR_HEADS = {
    "air force": ("Air Force", "MIL"),
    "air forces": ("Air Force", "MIL"),
    "armed forces": ("Armed Forces", "MIL"),
    "security forces": ("Armed Forces", "MIL"),
    "special forces": ("Special Forces", "MIL"),
    "coast guard": ("Coast Guard", "MIL"),
    "national guard": ("National Guard", "MIL"),
    "naval forces": ("Navy", "MIL"),
    "ground forces": ("Ground Forces", "MIL"),
    "police force": ("Police", "COP"),
    "police forces": ("Police", "COP"),
    "troops": ("Armed Forces", "MIL"),
    "forces": ("Armed Forces", "MIL"),
    "soldiers": ("Armed Forces", "MIL"),
    "military": ("Armed Forces", "MIL"),
    "servicemen": ("Armed Forces", "MIL"),
    "army": ("Army", "MIL"),
    "navy": ("Navy", "MIL"),
    "marines": ("Marines", "MIL"),
    "police": ("Police", "COP"),
}

# heads that make "<Nationality> X" a mention of the state itself (annotation conventions)
GOVERNMENT_HEADS = frozenset(["authorities", "government", "administration", "regime", "state"])

# words of an organization's name that only qualify a government ("Interim Afghan Government")
GOVERNMENT_QUALIFIERS = frozenset(
    ["interim", "transitional", "federal", "central", "national", "provisional", "caretaker", "the"]
)

# nouns after an actor that still leave it the head of a mention ("an Indian navy contingent")
ACTOR_UNIT_NOUNS = frozenset(["contingent", "contingents", "unit", "units", "detachment", "detachments"])

# words between the country and the agent noun ("Somali government soldiers")
ACTOR_INNER_WORDS = frozenset(
    ["government", "regular", "elite", "federal", "state", "national", "allied", "loyalist", "local",
     "ground", "naval", "combat"]
)

# determiners that make a bare agent noun someone's, not an institution ("our security forces")
POSSESSIVE_PRONOUNS = frozenset(["our", "his", "her", "their", "its", "my", "your", "whose"])

# countries whose forces' official names use the country's name, not its adjective
# ("Pakistan Army", "United States Armed Forces")
FORCES_NAMED_BY_COUNTRY = frozenset(["Pakistan", "United States", "Bangladesh", "Sri Lanka"])

# description heads that never mean a state's own forces or police ("the terror group")
NON_STATE_HEADS = frozenset(["group", "militia", "movement", "party", "organization", "organisation"])

# generic heads after a place's name that still name the place ("Balochistan province")
PLACE_GENERIC_HEADS = frozenset(
    ["province", "district", "region", "state", "county", "island", "desert", "governorate", "oblast",
     "prefecture", "municipality", "territory", "town", "village", "city"]
)
# of those, the ones that make the place a town rather than a region
TOWN_HEADS = frozenset(["district", "town", "village", "municipality", "city"])

# nouns that make "<Name> (air) base" a facility, and the nouns that may stand between
FACILITY_NOUNS = frozenset(
    ["base", "airbase", "airport", "port", "station", "hospital", "prison", "airfield", "refinery", "dam",
     "barracks", "shipyard"]
)
FACILITY_MODIFIERS = frozenset(["air", "naval", "military", "railway", "train", "radar", "bus", "power",
                                "nuclear", "army"])

# prepositions that relate two actors unless a word of motion governs them ("a challenge to
# Washington", "ties between Washington and Kyiv" vs "flew to Moscow", "the road to Kabul")
RELATION_PREPS = frozenset(["to", "toward", "towards", "between"])
MOTION_WORDS = frozenset(
    ["go", "come", "fly", "travel", "return", "move", "head", "arrive", "drive", "march", "send", "deploy",
     "flee", "relocate", "transfer", "deliver", "ship", "bring", "take", "evacuate", "journey", "trip",
     "visit", "flight", "way", "road", "route", "highway", "border", "distance", "train", "bus",
     "railway", "pipeline", "corridor", "journey", "path", "invite", "welcome", "airlift", "fight",
     "push", "advance", "retreat", "withdraw", "close", "near", "next", "bound", "en"]
)

# nouns for groups of people that a people's adjective qualifies ("Baloch separatists")
PEOPLE_NOUNS = frozenset(
    ["separatist", "separatists", "minority", "minorities", "people", "peoples", "tribe", "tribes",
     "tribesmen", "community", "communities", "nationalist", "nationalists", "rebels", "insurgents",
     "militants", "fighters", "groups", "elders", "leaders", "activists", "population", "majority"]
)

# heads that name the same island group or island ("Chagos", "Chagos Islands", "Chagos Archipelago")
ISLAND_HEADS = frozenset(["island", "islands", "archipelago", "isles", "atoll"])

# nouns that introduce a named civilian vessel or train ("the cargo ship Jairan")
VESSEL_NOUNS = frozenset(
    ["ship", "vessel", "tanker", "freighter", "ferry", "train", "boat", "yacht", "trawler", "airliner",
     "carrier", "containership", "dhow"]
)
# words before such a noun that belong to the category ("cargo ship", "passenger train")
VESSEL_KINDS = frozenset(
    ["cargo", "container", "passenger", "oil", "fishing", "research", "cruise", "freight", "bulk",
     "gas", "supply", "merchant", "commercial"]
)

# ship prefixes of navies -> the navy's country ("INS Imphal", "USS Carl Vinson")
SHIP_PREFIXES = {
    "USS": "United States", "USNS": "United States", "HMS": "United Kingdom", "INS": "India",
    "HMAS": "Australia", "HMCS": "Canada", "HMNZS": "New Zealand", "FGS": "Germany", "ROKS": "South Korea",
    "JS": "Japan", "TCG": "Turkey", "PNS": "Pakistan", "BNS": "Bangladesh", "KRI": "Indonesia",
    "HNLMS": "Netherlands", "HDMS": "Denmark", "HNoMS": "Norway", "HSwMS": "Sweden", "ITS": "Italy",
    "SPS": "Spain", "NRP": "Portugal", "ORP": "Poland", "RSS": "Singapore", "BRP": "Philippines",
    "HTMS": "Thailand", "KD": "Malaysia", "IRIS": "Iran", "ARA": "Argentina", "ENS": "Egypt",
}

# last words that make a spaCy facility an event ("the Hanoi Summit")
EVENT_NOUNS = frozenset(["summit", "talks", "conference", "war", "games", "olympics", "forum", "dialogue"])

# nouns after an organization's name that describe it ("the Indian Express newspaper")
ORG_DESCRIPTOR_NOUNS = frozenset(
    ["group", "movement", "newspaper", "platform", "tank", "organization", "organisation", "agency",
     "militia", "outfit", "insurgency", "network", "party", "faction", "alliance", "coalition", "website",
     "broadcaster", "daily", "magazine", "channel", "militants", "consultancy", "firm", "company"]
)

# heads of an appositive that describes a person, beside PERSON_DESCRIPTION_HEADS ("X, a
# senior fellow at Y"); appositives only, never resolved as definite descriptions
APPOSITIVE_HEADS = frozenset(
    ["fellow", "member", "employee", "lawyer", "passenger", "resident", "lecturer", "scholar",
     "coordinator", "commissioner", "student", "teacher", "doctor", "worker", "witness", "survivor",
     "mother", "father", "son", "daughter", "wife", "husband", "veteran", "farmer", "trader"]
)

# heads of a description of a region named earlier ("the impoverished province", "the
# disputed sea"); the value: the kinds of place each may describe
REGION_DESCRIPTION_HEADS = {
    "province": ("REGION",), "region": ("REGION",), "sea": ("REGION",), "ocean": ("REGION",),
    "territory": ("REGION",), "peninsula": ("REGION",), "desert": ("REGION",),
    "archipelago": ("REGION",), "waterway": ("REGION",), "district": ("REGION", "CITY"),
}

# class nouns that make the designation before them a platform ("KC-390 transport",
# "Type 039 submarines"), with the category they give (sitrep/extract/entities/equipment.py)
EQUIPMENT_CLASSES = {
    "transport": "transport aircraft",
    "transports": "transport aircraft",
    "airlifter": "transport aircraft",
    "airlifters": "transport aircraft",
    "tanker": "aerial refueling tanker",
    "tankers": "aerial refueling tanker",
    "fighter": "combat aircraft",
    "fighters": "combat aircraft",
    "jet": "combat aircraft",
    "jets": "combat aircraft",
    "warplane": "combat aircraft",
    "warplanes": "combat aircraft",
    "bomber": "bomber",
    "bombers": "bomber",
    "trainer": "trainer aircraft",
    "trainers": "trainer aircraft",
    "aircraft": "aircraft",
    "plane": "aircraft",
    "planes": "aircraft",
    "helicopter": "helicopter",
    "helicopters": "helicopter",
    "gunship": "helicopter",
    "gunships": "helicopter",
    "drone": "drone",
    "drones": "drone",
    "uav": "drone",
    "uavs": "drone",
    "submarine": "submarine",
    "submarines": "submarine",
    "frigate": "frigate",
    "frigates": "frigate",
    "destroyer": "destroyer",
    "destroyers": "destroyer",
    "corvette": "corvette",
    "corvettes": "corvette",
    "cruiser": "cruiser",
    "cruisers": "cruiser",
    "warship": "warship",
    "warships": "warship",
    "tank": "tank",
    "tanks": "tank",
    "howitzer": "howitzer",
    "howitzers": "howitzer",
    "missile": "missile",
    "missiles": "missile",
    "rocket": "rocket",
    "rockets": "rocket",
    "launcher": "launcher",
    "launchers": "launcher",
    "radar": "radar",
    "radars": "radar",
    "interceptor": "interceptor",
    "interceptors": "interceptor",
    "rifle": "rifle",
    "rifles": "rifle",
}

# heads of a named publication whose findings are reported ("the Global Terrorism Index
# 2025 found that ...", "the Annual Threat Assessment"): an OTHER entity that may be a
# quote's speaker
PUBLICATION_HEADS = frozenset(
    ["index", "report", "survey", "study", "assessment", "barometer", "review", "yearbook",
     "monitor", "tracker", "database", "census", "audit", "outlook"]
)

# plural nouns for the members of an armed group: "the Islamist militants" names the group
# the article is about (a bare "the militants" is not listed as a mention in the gold, but
# means the same group)
ARMED_MEMBER_PLURALS = frozenset(
    ["militants", "insurgents", "rebels", "jihadists", "extremists", "fighters", "terrorists",
     "gunmen", "separatists"]
)

# words that open a relative clause, where a description's noun phrase ends
RELATIVE_WORDS = frozenset(["who", "whom", "whose", "which", "that"])

# ordinary nouns for a person (lemmas), beside PERSON_DESCRIPTION_HEADS: a name in
# apposition to one of them, or called one by "is", is a person's ("a passenger, X")
PERSON_NOUNS = frozenset(
    ["passenger", "resident", "witness", "survivor", "villager", "farmer", "student", "teacher",
     "doctor", "nurse", "driver", "worker", "mother", "father", "son", "daughter", "wife", "husband",
     "brother", "sister", "man", "woman", "victim", "hostage", "refugee", "voter", "shopkeeper",
     "trader", "owner", "employee", "member", "lawyer", "judge", "scholar", "lecturer", "writer",
     "author", "artist", "editor", "reporter", "photographer", "pilot", "engineer", "executive",
     "candidate", "negotiator", "mediator", "protester", "demonstrator", "organizer", "coordinator",
     "fellow", "representative", "delegate", "speaker", "manager", "president", "director"]
)

# verbs whose subject is a speaker ("X said", "X told VOA"): a name there is no town
SPEECH_VERBS = frozenset(
    ["say", "tell", "add", "explain", "recall", "describe", "insist", "recount", "remember", "ask"]
)

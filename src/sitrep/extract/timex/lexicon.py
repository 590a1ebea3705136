"""English time vocabulary (language data only, no logic).

Compiled by the Sitrep team from general English usage and the TimeML TIMEX3
guidelines (ISO-TimeML value forms); no third-party list was copied.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# month names that are also common words: accepted only with date context
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "dec"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
# words that make a day name part of a named day ("Black Monday", "Good Friday")
NAMED_DAY_WORDS = frozenset({"black", "cyber", "super", "good", "bloody", "ash", "palm", "holy", "maundy",
                             "easter", "shrove", "fat", "blue", "manic"})
# only full weekday names are matched in running text (abbreviations clash with words)
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a pair of": 2, "single": 1, "a single": 1,
}
# vague amounts: the value gets X for the number (P-X-D)
VAGUE_AMOUNTS = (
    "a few", "few", "several", "many", "some", "a number of", "dozens of",
    "hundreds of", "thousands of", "numerous", "countless", "multiple",
)

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7,
    "eighth": 8, "8th": 8, "ninth": 9, "9th": 9, "tenth": 10, "10th": 10,
    "eleventh": 11, "11th": 11, "twelfth": 12, "12th": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "final": 4, "last": 4,
}

# unit word -> (ISO 8601 designator, multiplier, is a time-of-day unit)
UNITS: dict[str, tuple[str, float, bool]] = {
    "year": ("Y", 1, False), "years": ("Y", 1, False), "yr": ("Y", 1, False),
    "yrs": ("Y", 1, False), "month": ("M", 1, False), "months": ("M", 1, False),
    "week": ("W", 1, False), "weeks": ("W", 1, False), "fortnight": ("W", 2, False),
    "fortnights": ("W", 2, False), "day": ("D", 1, False), "days": ("D", 1, False),
    "hour": ("H", 1, True), "hours": ("H", 1, True), "hr": ("H", 1, True), "hrs": ("H", 1, True),
    "minute": ("M", 1, True), "minutes": ("M", 1, True), "min": ("M", 1, True),
    "mins": ("M", 1, True), "second": ("S", 1, True), "seconds": ("S", 1, True),
    "decade": ("Y", 10, False), "decades": ("Y", 10, False), "century": ("Y", 100, False),
    "night": ("D", 1, False), "nights": ("D", 1, False),
    "centuries": ("Y", 100, False), "millennium": ("Y", 1000, False),
    "millennia": ("Y", 1000, False), "quarter": ("Q", 1, False), "quarters": ("Q", 1, False),
}
# units a bare plural ("for years") may stand for, and the plural's duration
BARE_PLURALS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries")

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# the month each season starts in (northern hemisphere) for last/next arithmetic
SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# fixed-date holidays -> (month, day); for Easter-based feasts see EASTER_FEASTS
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
    "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26),
    "victory day": (5, 9), "armistice day": (11, 11), "remembrance day": (11, 11),
    "may day": (5, 1), "bastille day": (7, 14), "all saints' day": (11, 1),
}

# Christian movable feasts -> days from Western Easter Sunday (dateutil computes Easter);
# Orthodox and lunar-calendar feasts (Ramadan, Eid, Passover) are not resolved
EASTER_FEASTS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
    "holy thursday": -3, "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46,
    "shrove tuesday": -47, "mardi gras": -47, "ascension day": 39, "pentecost": 49,
    "whit sunday": 49, "whit monday": 50, "whitsun": 49, "corpus christi": 60,
}

# holidays on the n-th weekday of a month -> (month, weekday 0=Monday, n; -1 = last)
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
}

# prepositions before "that time" when it refers back to a date ("by that time")
THAT_TIME_PREPS = frozenset({"at", "by", "until", "till", "since", "before", "after", "from", "to", "around"})

# "on the 24th": a day of the month only after these words, and before punctuation or these
ORDINAL_DAY_PREPS = frozenset({"on", "by", "until", "till", "since", "from", "before", "after", "through"})
ORDINAL_DAY_NEXT = frozenset({"and", "or", "to", "at", "in", "when", "after", "before", "but", "as", "with"})

# part of day -> TIMEX3 time suffix
PARTS_OF_DAY: dict[str, str] = {
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
    "overnight": "TNI", "midday": "T12:00", "noon": "T12:00", "midnight": "T24:00",
}
# words for the light of day -> TIMEX3 part-of-day suffix ("at dawn on Tuesday")
DAYLIGHT_WORDS: dict[str, str] = {
    "dawn": "TMO", "daybreak": "TMO", "first light": "TMO", "sunrise": "TMO",
    "dusk": "TEV", "nightfall": "TEV", "sunset": "TEV", "sundown": "TEV",
}
# prepositions before "dawn", "dusk" when they are a time ("at dawn"; not "a dawn raid")
DAYLIGHT_PREPS = frozenset({"at", "before", "after", "by", "until", "till", "since", "from", "around", "near",
                            "toward", "towards", "about", "past"})
# words after "overnight" that show it is an adverb of time ("shelling continued overnight, ...")
# words before "4 in the morning" that make the number an hour ("at 4 in the morning")
CLOCK_POD_PREPS = frozenset({"at", "by", "until", "till", "since", "from", "around", "about", "before",
                             "after", "to", "approximately", "roughly", "nearly", "almost"})
OVERNIGHT_NEXT = frozenset({"in", "on", "at", "to", "and", "as", "after", "before", "from", "into", "near",
                            "with", "when", "while", "but", "across", "around", "along", "outside"})

# deictic day words -> day offset from the DCT
DAY_DEICTICS: dict[str, int] = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}

# anaphoric words: the step from the anchor ("the following day")
ANAPHORIC_WORDS: dict[str, int] = {
    "following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1,
    "same": 0, "that": 0,
}


# mods from words inside the span, before the expression (TimeML TIMEX3 mod)
DURATION_MODS: dict[str, str] = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "upwards of": "MORE_THAN",
    "just over": "MORE_THAN", "well over": "MORE_THAN", "longer than": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "just under": "LESS_THAN",
    "shorter than": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly a": "LESS_THAN", "an estimated": "APPROX", "close to": "APPROX",
}
POINT_MODS: dict[str, str] = {
    "early": "START", "the beginning of": "START", "the start of": "START",
    "the early part of": "START", "the first part of": "START",
    "mid": "MID", "the middle of": "MID", "the mid": "MID",
    "late": "END", "the end of": "END", "the close of": "END", "the latter part of": "END",
    "the last part of": "END",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "circa": "APPROX",
}
# signal words outside the span that give a point a mod ("by 2025")
SIGNAL_MODS: dict[str, str] = {"by": "ON_OR_BEFORE", "no later than": "ON_OR_BEFORE"}

# "the day before/after": the step from the anchor
SIGNAL_STEP: dict[str, int] = {"before": -1, "earlier": -1, "after": 1, "later": 1}

# signal words before an expression that fix its direction ("since March": past)
SIGNAL_DIRECTION: dict[str, int] = {"since": -1, "until": 1, "till": 1, "ago": -1}

# single words (or fixed phrases) with a reference value
REF_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "right now": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "the past": "PAST_REF", "lately": "PAST_REF",
    "in recent times": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "the longer term": "FUTURE_REF", "the medium term": "FUTURE_REF", "the time being": "PRESENT_REF",
}
# REF words only used with context words before them (too ambiguous alone)
REF_NEEDS_PREP = frozenset({"the past", "future", "the present", "the near term", "the short term",
                            "the long term", "the longer term", "the medium term"})
REF_PREPS = ("in", "into", "for", "of", "to", "until", "till", "from", "since", "near", "over")

# adjectives that are time expressions of their own ("the recent attacks", "the current crisis")
ADJ_REFS: dict[str, str] = {"recent": "PAST_REF", "current": "PRESENT_REF"}
# words before "recent" that make it a ranking, not a time ("the most recent model")
ADJ_REF_BLOCKERS = frozenset({"most", "more", "less", "least", "very"})
# words after "the current" that show another sense (the finance term, a flow of water)
CURRENT_NOT_BEFORE = frozenset({
    "account", "accounts", "affairs", "assets", "liabilities", "of", "in", "is", "was", "and",
    "flows", "flowed", "flowing", "carried", "carries", "swept", "sweeps", "through", "to", "that",
})
# words that open a clause as its subject ("one day they will return")
CLAUSE_SUBJECTS = frozenset({"i", "you", "he", "she", "it", "we", "they", "the", "this", "these",
                             "those", "a", "an", "our", "their", "his", "her", "its", "my", "your", "there"})
# nouns after "today's" that mean the present age, not the day ("today's youth", "today's Russia")
NOWADAYS_NOUNS = frozenset({
    "world", "society", "youth", "generation", "generations", "children", "economy", "standards",
    "technology", "culture", "politics", "era", "age", "times", "climate", "environment",
    "military", "armies", "warfare", "battlefield", "battlefields", "europe", "market", "markets",
    "consumers", "media", "internet", "reality", "realities", "conflicts", "wars", "threats",
})

# recent/coming + plural unit -> reference
RECENT_WORDS: dict[str, str] = {"recent": "PAST_REF", "coming": "FUTURE_REF", "upcoming": "FUTURE_REF",
                                 "past": "PAST_REF", "next": "FUTURE_REF", "last": "PAST_REF"}
# ... except "recent days / weeks / months": a span of a few such units ending at the DCT,
# a vague duration (TimeBank marks them PXD / PXW / PXM with the DCT as end point, 5 of 6);
# "recent years" stays PAST_REF (an era: 5 of 8 across TimeBank, AQUAINT and MEANTIME)
RECENT_SPANS: dict[tuple[str, str], str] = {
    ("recent", "days"): "PXD", ("recent", "weeks"): "PXW", ("recent", "months"): "PXM",
}

# frequency words -> SET values
# (not "quarterly": "a quarterly dividend" names a kind of payment; TimeBank tags it once in 11.
# "annual" stays: MEANTIME tags it, TimeBank does not (docs/accuracy.md, conventions))
SET_WORDS: dict[str, str] = {
    "annual": "P1Y", "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "biannually": "P6M",
    "every day": "P1D", "each day": "P1D", "every week": "P1W", "each week": "P1W",
    "every month": "P1M", "each month": "P1M", "every year": "P1Y", "each year": "P1Y",
    "every hour": "PT1H", "a day": "P1D", "a week": "P1W", "a month": "P1M", "a year": "P1Y",
    "per day": "P1D", "per week": "P1W", "per month": "P1M", "per year": "P1Y",
    "per hour": "PT1H", "an hour": "PT1H", "every night": "P1D", "every morning": "P1D",
}
# prepositions after which "the day", "the year", "the weekend" refer to a time
THE_UNIT_PREPS = frozenset({
    "for", "on", "during", "of", "throughout", "over", "in", "across", "through",
    "end", "ended", "ending", "ends", "finish", "finished", "finishing", "start", "started", "starting",
})

# unit words that let a spaCy DATE/TIME entity the rules missed stand as a timex
FALLBACK_UNITS: dict[str, str] = {
    "day": "day", "days": "days", "week": "week", "weeks": "weeks", "month": "month",
    "months": "months", "year": "year", "years": "years", "decade": "decade",
    "decades": "decades", "morning": "morning", "afternoon": "afternoon",
    "evening": "evening", "night": "night", "weekend": "weekend",
}


# plural event nouns after a 4-digit number that show it is a year ("the 1967 killings"),
# where a plural noun otherwise marks a count ("2000 troops")
YEAR_EVENT_NOUNS = frozenset({
    "killings", "slayings", "murders", "attacks", "bombings", "shootings", "massacres", "riots",
    "protests", "elections", "primaries", "talks", "negotiations", "accords", "agreements", "games",
    "olympics", "oscars", "awards", "championships", "hearings", "floods", "earthquakes", "crashes",
    "sanctions", "strikes", "airstrikes", "clashes", "uprisings", "revolutions", "wars", "tests",
    "exercises", "drills", "summits", "reforms", "budgets", "results", "figures",
})
# nouns before "of the year" that make it an award title ("player of the year")
AWARD_NOUNS = frozenset({
    "player", "person", "man", "woman", "coach", "athlete", "rookie", "manager", "team", "car",
    "album", "song", "record", "book", "word", "artist", "entertainer", "driver", "businessman",
    "newcomer", "goal", "horse", "teacher", "firm", "company", "deal",
})

# capitalized function words of title-case headlines: a number beside them is not inside a
# name ("Oscars Host For 2014 Academy Awards")
TITLE_FUNCTION_WORDS = frozenset({
    "for", "at", "on", "to", "the", "and", "with", "during", "through", "a", "an", "as", "over",
    "under", "into", "its", "their", "his", "her", "our", "about", "around", "against", "than",
})

# words after a 4-digit number that show it is not a year
NON_YEAR_NEXT = frozenset({
    "people", "troops", "soldiers", "km", "kilometres", "kilometers", "miles", "meters",
    "metres", "feet", "tonnes", "tons", "jobs", "workers", "units", "aircraft", "planes",
    "dollars", "euros", "pounds", "employees", "points", "hp", "mw", "kg", "%", "percent",
    "per", "residents", "cars", "vehicles", "seats", "passengers", "members", "deaths",
})
TIME_ZONES = ("GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST",
              "CET", "CEST", "MSK", "ET", "PT", "local time")

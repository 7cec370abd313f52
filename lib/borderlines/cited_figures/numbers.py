"""Reading one quantity: the vocabulary of numbers, units and counted nouns, and :func:`_read_figure`
and :func:`_finish_figure`, which turn a number in a sentence into a figure (value, unit, kind,
measure, qualifier, direction). Conventions: see :mod:`borderlines.cited_figures`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from ..patterns import trie_pattern

if TYPE_CHECKING:
    from .periods import _Phrase


# ---------------------------------------------------------------------------------------
# Vocabulary

_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_VAGUE_PLURALS = {"dozens": 24.0, "hundreds": 200.0, "thousands": 2e3, "millions": 2e6,
                  "billions": 2e9}
_VAGUE_FEW = {"several": 3.0, "a few": 2.0, "a couple of": 2.0, "many": 2.0}
_RATIO_WORDS = {"double": 2.0, "doubled": 2.0, "doubles": 2.0, "twice": 2.0, "triple": 3.0,
                "tripled": 3.0, "triples": 3.0, "quadruple": 4.0, "quadrupled": 4.0}
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2,
              "thirds": 2 / 3, "quarters": 0.75}

#: People the coverage counts that are no measure of their own: counted as ``people``
#: after a number, but not the measure of a bare number elsewhere in the sentence.
_OTHER_PERSONS = frozenset(
    "officials members workers residents voters students patients employees lawmakers legislators senators "
    "staffers veterans sailors reporters journalists protesters protestors demonstrators victims prisoners "
    "inmates detainees passengers civilians doctors nurses teachers volunteers supporters delegates donors "
    "judges jurors justices survivors hostages fighters militants rebels suspects democrats republicans "
    "independents latinos latinas hispanics".split())

#: Person nouns that name machines after a model name ("12 F-35 fighters" are jets).
_MACHINE_NOUNS = frozenset({"fighters"})

# Counted nouns -> measure. Person nouns give unit 'people'.
_PERSON_NOUNS = {
    "people": "people", "persons": "people", "person": "people", "individuals": "people",
    "individual": "people", "men": "people", "women": "people", "adults": "people",
    "members": "people", "residents": "people", "officials": "people", "workers": "people",
    "migrants": "migrants", "migrant": "migrants", "immigrants": "migrants",
    "immigrant": "migrants", "refugees": "migrants", "refugee": "migrants", "aliens": "migrants",
    "crossers": "migrants", "noncitizens": "migrants", "foreigners": "migrants",
    "seekers": "asylum_seekers", "asylees": "asylum_seekers",
    "children": "children", "child": "children", "minors": "children", "minor": "children",
    "kids": "children", "teenagers": "children", "juveniles": "children",
    "families": "families", "family": "families",
    "troops": "troops", "soldiers": "troops", "marines": "troops", "guardsmen": "national_guard",
    "inspectors": "border_inspectors", "agents": "agents", "officers": "agents",
    "deportees": "removals", "nationals": "people", "citizens": "people",
    # other people, counted as people whatever they are called ("two dozen reporters")
    **dict.fromkeys(_OTHER_PERSONS, "people"),
    # nationalities: "9,000 Hondurans", "1,500 Guatemalans"
    **dict.fromkeys("mexicans hondurans guatemalans salvadorans salvadorians salvadoreans nicaraguans "
                    "haitians cubans venezuelans colombians ecuadorians ecuadoreans brazilians peruvians "
                    "dominicans panamanians ricans africans americans canadians ukrainians russians "
                    "indians afghans chinese".split(), "people"),
}
_THING_NOUNS = {
    "arrests": "arrests", "arrest": "arrests", "apprehensions": "apprehensions",
    "apprehension": "apprehensions", "encounters": "encounters", "crossings": "crossings",
    "removals": "removals", "deportations": "removals", "expulsions": "removals",
    "returns": "removals", "firearms": "firearms", "firearm": "firearms", "guns": "firearms",
    "gun": "firearms", "weapons": "firearms", "rifles": "firearms", "pistols": "firearms",
    "cases": "cases", "claims": "cases", "applications": "cases", "deaths": "deaths",
    "objective": "goal", "objectives": "goal", "goal": "goal", "goals": "goal",
    "target": "goal",
}
#: Modifiers that may stand between a number and the plural it counts ("seven new rules").
_ADJECTIVES = frozenset("new additional different separate major minor small large big senior junior foreign "
                        "local federal key top main young old private public partner member border".split())
_ADJECTIVE_ENDINGS = ("al", "an", "ese", "ish", "ic", "ive", "ous", "ern", "ful", "ary")
_UNIT_OF_THING = {"removals": "removals", "cases": "cases", "goal": "goal"}
_EVENT_MEASURES = ("crossings", "arrests", "apprehensions", "encounters", "removals")
#: Enforcement verbs -> what a count of the people they act on measures ("70,000 were
#: stopped", "agents apprehended 70,000 people"). Written as regexes ("turned back").
_ENFORCEMENT_VERBS = {
    "stopped": "apprehensions", "apprehended": "apprehensions", "caught": "apprehensions",
    "detained": "apprehensions", "arrested": "arrests", "encountered": "encounters",
    "expelled": "removals", "deported": "removals", "removed": "removals", "returned": "removals",
    "repatriated": "removals", r"turned\s+(?:back|away)": "removals", r"sent\s+back": "removals",
    "crossed": "crossings", "died": "deaths", "drowned": "deaths",
}
#: Enforcement verbs that police use too: they give their measure only in a migration
#: context (the sentence or the one before), like :data:`CONTEXT_MEASURES`.
_GENERAL_VERBS = frozenset({"arrested", "detained"})


def _forms(unit: str, kind: str, *written: str) -> dict[str, tuple[str, str]]:
    return {w: (unit, kind) for w in written}


#: Units of measurement after a number, spelled out (any case; singular forms for "a
#: 10-mile stretch") -> (unit, kind). Written apart, hyphenated or glued ("10km").
_UNIT_WORDS = {
    **_forms("miles", "distance", "mile", "miles"),
    **_forms("nautical miles", "distance", "nautical mile", "nautical miles"),
    **_forms("kilometers", "distance", "kilometer", "kilometers", "kilometre", "kilometres"),
    **_forms("feet", "distance", "foot", "feet"),
    **_forms("meters", "distance", "meter", "meters", "metre", "metres"),
    **_forms("yards", "distance", "yard", "yards"),
    **_forms("inches", "distance", "inch", "inches"),
    **_forms("centimeters", "distance", "centimeter", "centimeters", "centimetre", "centimetres"),
    **_forms("millimeters", "distance", "millimeter", "millimeters", "millimetre", "millimetres"),
    **_forms("pounds", "weight", "pound", "pounds"),
    **_forms("kilograms", "weight", "kilogram", "kilograms", "kilo", "kilos"),
    **_forms("grams", "weight", "gram", "grams"),
    **_forms("milligrams", "weight", "milligram", "milligrams"),
    **_forms("ounces", "weight", "ounce", "ounces"),
    **_forms("tons", "weight", "ton", "tons", "tonne", "tonnes", "metric ton", "metric tons"),
    **_forms("miles per hour", "speed", "miles per hour", "miles an hour"),
    **_forms("kilometers per hour", "speed", "kilometers per hour", "kilometres per hour",
             "kilometers an hour", "kilometres an hour"),
    **_forms("knots", "speed", "knot", "knots"),
    **_forms("degrees Fahrenheit", "temperature", "degrees fahrenheit", "degrees f"),
    **_forms("degrees Celsius", "temperature", "degrees celsius", "degrees centigrade", "degrees c"),
    **_forms("degrees", "temperature", "degrees"),
    **_forms("acres", "area", "acre", "acres"),
    **_forms("hectares", "area", "hectare", "hectares"),
    **_forms("square miles", "area", "square mile", "square miles"),
    **_forms("square kilometers", "area", "square kilometer", "square kilometers", "square kilometre",
             "square kilometres"),
    **_forms("square feet", "area", "square foot", "square feet"),
    **_forms("square meters", "area", "square meter", "square meters", "square metre", "square metres"),
    **_forms("gallons", "volume", "gallon", "gallons"),
    **_forms("liters", "volume", "liter", "liters", "litre", "litres"),
    **_forms("barrels", "volume", "barrel", "barrels"),
    **_forms("cubic meters", "volume", "cubic meter", "cubic meters", "cubic metre", "cubic metres"),
    **_forms("cubic feet", "volume", "cubic foot", "cubic feet"),
    **_forms("bytes", "data", "byte", "bytes"),
    **_forms("kilobytes", "data", "kilobyte", "kilobytes"),
    **_forms("megabytes", "data", "megabyte", "megabytes"),
    **_forms("gigabytes", "data", "gigabyte", "gigabytes"),
    **_forms("terabytes", "data", "terabyte", "terabytes"),
    **_forms("watts", "power", "watt", "watts"),
    **_forms("kilowatts", "power", "kilowatt", "kilowatts"),
    **_forms("megawatts", "power", "megawatt", "megawatts"),
    **_forms("gigawatts", "power", "gigawatt", "gigawatts"),
    **_forms("horsepower", "power", "horsepower", "brake horsepower"),
    **_forms("kilowatt-hours", "energy", "kilowatt-hour", "kilowatt-hours", "kilowatt hours"),
    **_forms("megawatt-hours", "energy", "megawatt-hour", "megawatt-hours", "megawatt hours"),
    **_forms("magnitude", "magnitude", "magnitude"),  # of an earthquake: "a 6.4-magnitude quake"
    **_forms("basis points", "points", "basis points", "basis point"),
    **_forms("points", "points", "points"),  # not "point": "at one point"
}
#: Abbreviated units (case as written: "5 GB", "10km", "40kg").
_UNIT_ABBREVIATIONS = {
    **_forms("kilometers", "distance", "km", "kms", "KM"), **_forms("miles", "distance", "mi"),
    **_forms("feet", "distance", "ft"), **_forms("yards", "distance", "yd", "yds"),
    **_forms("centimeters", "distance", "cm"), **_forms("millimeters", "distance", "mm"),
    **_forms("kilograms", "weight", "kg", "kgs", "KG"), **_forms("pounds", "weight", "lb", "lbs"),
    **_forms("ounces", "weight", "oz"), **_forms("milligrams", "weight", "mg"),
    **_forms("miles per hour", "speed", "mph", "MPH"), **_forms("kilometers per hour", "speed", "km/h", "kph", "kmh"),
    **_forms("degrees Fahrenheit", "temperature", "°F", "ºF"), **_forms("degrees Celsius", "temperature", "°C", "ºC"),
    **_forms("degrees", "temperature", "°"),
    **_forms("square feet", "area", "sq ft", "sq. ft"),  # the closing dot may end the sentence
    **_forms("square miles", "area", "sq mi"),
    **_forms("square kilometers", "area", "sq km", "km2", "km²"),
    **_forms("kilobytes", "data", "KB", "kB"), **_forms("megabytes", "data", "MB"),
    **_forms("gigabytes", "data", "GB"), **_forms("terabytes", "data", "TB"),
    **_forms("kilowatts", "power", "kW"), **_forms("megawatts", "power", "MW"),
    **_forms("gigawatts", "power", "GW"), **_forms("horsepower", "power", "hp", "bhp"),
    **_forms("kilowatt-hours", "energy", "kWh"), **_forms("megawatt-hours", "energy", "MWh"),
    **_forms("gigawatt-hours", "energy", "GWh"),
}
#: One-letter units read only glued to the number ("30m", "500g", "40C"): apart, they
#: are initials or the start of the next word.
_GLUED_UNITS = {**_forms("meters", "distance", "m"), **_forms("grams", "weight", "g"),
                **_forms("degrees Fahrenheit", "temperature", "F"), **_forms("degrees Celsius", "temperature", "C")}
#: Kinds of a measurement in a unit of :data:`_UNIT_WORDS` (distance, weight, ...): never
#: migration statistics, except drugs by weight.
_MEASUREMENT_KINDS = frozenset(kind for _, kind in _UNIT_WORDS.values()) - {"points"}
#: Kinds that are never migration statistics (drugs by weight excepted).
_NON_STAT_KINDS = _MEASUREMENT_KINDS | {"duration", "money", "age", "frequency"}
#: Scales written glued to a number ("$3bn", "$250k", "50k migrants", "5m people") or
#: apart ("$3 bn"). The one-letter ones are scales after a currency sign; without one,
#: only before a counted noun ("50k migrants"; "30m" is meters, "4K" no number).
_SCALE_SUFFIXES = {"bn": 1e9, "b": 1e9, "B": 1e9, "mn": 1e6, "m": 1e6, "M": 1e6, "k": 1e3, "K": 1e3,
                   "tn": 1e12, "trn": 1e12}
_BARE_SCALE_LETTERS = frozenset({"k", "K", "m"})

# ---------------------------------------------------------------------------------------
# Regular expressions (compiled once)

def _alt(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_ONES_RE = _alt(_SMALL)
_TENS_RE = _alt(_TENS)
_SCALE_RE = _alt(_SCALES)
_WORD_RE = rf"(?:(?:{_TENS_RE})(?:-(?:{_ONES_RE}))?|{_ONES_RE}|{_SCALE_RE}|dozen)"
_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
             r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))")
_YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
_DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

# "by half", "by nearly a third": a fraction a quantity changed by. Python lookbehinds
# have a fixed width: one per qualifier.
_BY_LOOKBEHIND = "|".join(rf"(?<=\bby\s{q})" for q in (
    "", r"nearly\s", r"almost\s", r"about\s", r"roughly\s", r"around\s", r"some\s", r"over\s",
    r"more\sthan\s", r"less\sthan\s", r"close\sto\s", r"just\sover\s", r"just\sunder\s",
    r"at\sleast\s", r"up\sto\s", r"as\smuch\sas\s"))

# The lookarounds let the engine skip positions inside words and before words that
# start no number (_NUMBER_START: what each alternative can start with): the
# alternation below is slow to try at every character or word.
_NUMBER_START = trie_pattern([*_SMALL, *_TENS, *_SCALES, "dozen", "half", "halved", "several", "many",
                       *_RATIO_WORDS])
_NUMBER = re.compile(rf"""(?<![A-Za-z])(?=[\d$€£uotfsenhmbdaqz])(?=[\d$€£]|us\$|a\s|{_NUMBER_START})(?:
 (?P<frac_ratio>\b(?:(?:a|one)\s+(?:half|third|quarter|fifth)|half|two[\s-]thirds|three[\s-]quarters)
   (?=\s+(?:what\s|as\s+(?:many|much|high|large|big|great|low|few)\s+as\b)))
|(?P<share>\b(?P<sh_a>{_ONES_RE}|\d{{1,2}})\s+(?:in|out\s+of)\s+(?:every\s+)?
   (?P<sh_b>{_ONES_RE}|\d{{1,3}})\b(?![,.]?\d))
|(?P<fraction>\b(?:(?:a|one)\s+(?:half|third|quarter|fifth)|half|two[\s-]thirds|three[\s-]quarters)
   (?=\s+(?:of|were|are)\b))
|(?P<frac_change>(?:{_BY_LOOKBEHIND})(?:a\s+|one\s+)?(?:half|third|quarter|fifth|two[\s-]thirds|three[\s-]quarters)\b
   (?!\s+(?:of|an?|the|hour|day|week|month|year|century|decade|dozen|mile|million|billion|percent)\b|-)
 |(?<=\bin\s)half\b(?!\s+(?:of|an?|the)\b|-)|halved\b)
|(?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)
   |(?:several|a\s+few|a\s+couple\s+of|many)\s+(?:hundred|thousand|million|billion|dozen)
   |dozens|hundreds|thousands|millions|billions)\b)
|(?P<ratio>\b(?:{_alt(_RATIO_WORDS)})\b)
|(?P<digits>(?:(?P<cur>US\$|\$|€|£)\s?)?(?<![\w@#/:.,\-+])(?P<num>{_DIGITS_RE})(?:\s+(?P<scale>{_SCALE_RE})\b)?)
|(?P<words>\b(?:a\s+(?:dozen|{_SCALE_RE})|{_WORD_RE}(?:(?:\s+|-){_WORD_RE})*)\b))
""", re.X | re.I)

_RANGE_TAIL = re.compile(rf"\s*(?P<conn>-|–|—|\bto\b|\band\b)\s*(?P<cur2>\$)?(?P<n2>{_DIGITS_RE})"
                         rf"(?:\s+(?P<scale2>{_SCALE_RE})\b)?", re.I)
_PERCENT = re.compile(r"\s?(?:(?P<pct>%|percent\b|per\s?cent\b)|(?P<pp>percentage[\s-]points?\b))", re.I)
_RECORD = re.compile(r"-(?P<ru>year|month|decade)[\s-]+(?P<rec>high|low|record|peak)\b", re.I)
_AGE = re.compile(r"-years?-old\b|\s+years?\s+old\b", re.I)
_TIME_UNIT = re.compile(r"(?:\s+|-)(?P<tu>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b(?!-)", re.I)
_ANCHOR_AFTER = re.compile(r"\s+(?:after|before|earlier|later|ago|prior|from\s+now|into|since)\b", re.I)


def _unit_alt(forms) -> str:
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


# A unit of measurement after a number: apart, hyphenated or glued ("10 km", "a 10-km
# stretch", "10km"); one-letter units glued only.
_MEASURE_UNIT = re.compile(rf"(?:\s+|-)?(?P<u>(?i:{_unit_alt(_UNIT_WORDS)})|{_unit_alt(_UNIT_ABBREVIATIONS)})"
                           rf"(?![\w°/²])|(?P<g>{_unit_alt(_GLUED_UNITS)})(?![\w°/²])")
_SCALE_SUFFIX = re.compile(r"\s?(?P<word>bn|mn|tn|trn)\b|(?P<glued>(?i:thousand|million|billion|trillion))\b"
                           r"|(?P<letter>[kKmMbB])(?![\w°/²])")
_MONEY_NOUN = re.compile(r"\s+(?:(?:in|of)\s+(?:[a-z]+\s+){0,2})?(?P<mu>dollars|pesos|euros)\b", re.I)
_DRUGS = re.compile(r"\b(?:fentanyl|cocaine|heroin|meth|methamphetamine|marijuana|drugs|narcotics)\b", re.I)
_QUAL_BEFORE = re.compile(r"""(?:\b(?P<q>more\s+than|over|above|upwards\s+of|in\s+excess\s+of|at\s+least
 |just\s+over|greater\s+than|exceeding|less\s+than|fewer\s+than|under|below|just\s+under|up\s+to
 |as\s+many\s+as|as\s+much\s+as|no\s+more\s+than|at\s+most|a\s+maximum\s+of|about|around|roughly
 |approximately|approx\.|some|nearly|almost(?:\s+in)?|close\s+to|an\s+estimated|estimated|circa
 |between)\s+|(?P<tilde>~)\s?)$""", re.I | re.X)
_QUAL_AFTER = re.compile(r"\s*(?:(?P<more>or\s+more|-plus\b|\+)|(?P<about>or\s+so\b))", re.I)
_QUAL_MAP = {
    "more than": "more than", "over": "more than", "above": "more than", "upwards of": "more than",
    "in excess of": "more than", "at least": "more than", "just over": "more than",
    "greater than": "more than", "exceeding": "more than",
    "less than": "fewer than", "fewer than": "fewer than", "under": "fewer than",
    "below": "fewer than", "just under": "fewer than",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "no more than": "up to",
    "at most": "up to", "a maximum of": "up to",
    "between": "exact",
}
_DIRECTION_BEFORE = re.compile(r"""\b(?P<w>up|rose|risen|rise|rising|increased?|increasing|jumped|jump|grew|grown
 |climbed|surged|soared|spiked|higher|down|declined?|declining|dropped|drop|fell|fallen|falling
 |decreased?|plunged|plummeted|lower|reduced?|cut|slid|dipped|gained|added|lost|shed)(?:\s+(?:by|of))?\s*$""",
                               re.I | re.X)
_DIRECTION_AFTER = re.compile(r"""\s*(?P<w>increase|rise|jump|gain|growth|hike|surge|spike|higher|more
 |decline|drop|decrease|fall|reduction|cut|dip|plunge|lower|fewer|less)\b""", re.I | re.X)
_UP_WORDS = frozenset("up rose risen rise rising increase increased increasing jumped jump grew grown "
                      "climbed surged soared spiked higher gain gained added growth hike surge spike more".split())
_BASELINE_AFTER = re.compile(r"\s*(?:from|compared\s+(?:to|with)|than|versus|vs\.?)\b", re.I)
_RATE_AFTER = re.compile(r"""\b(?:(?:per|a|an|every|each)\s+(?P<ru>hour|day|week|month|year)
 |(?P<adv>hourly|daily|weekly|monthly|annually|yearly))\b
 (?!\s+(?:earlier|ago|later|before|after|prior)\b)""", re.I | re.X)
_RATE_ADVERBS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month",
                 "annually": "year", "yearly": "year"}
_DAYS_WHEN = re.compile(r"\b(?:days|some\s+days|a\s+single\s+day|one\s+day)\b[^.;]{0,60}?"
                        r"\b(?:when|on\s+which|in\s+which)\b", re.I)
_CLAUSE_END = re.compile(r"[,;:()](?:(?<!\d,)|(?!\d))|\s[—–]\s|[.!?](?:\s|$)")  # not the comma of "1,200"
_RUN_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z’'\-]*|\d+|\S")
_PREV_TOKEN = re.compile(r"(\S+)\s+$")
_DAY_BEFORE = re.compile(rf"{_MONTH_RE}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?$")
_DAY_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}")
_YEAR_PREPS = frozenset("in since by until during of for from through to between and early late mid the "
                        "before after around".split())
_DEFINITE = frozenset("the these those both all its their his her our my your".split())
_LABEL_WORDS = frozenset({"no.", "nos.", "#", "number", "no"})
_QUALIFIER_WORDS = frozenset("nearly roughly approximately almost around about some over under "
                             "more fewer less up just only".split())
_REMOVAL_VERB = re.compile(r"\b(?:removed|returned|deported|expelled|repatriated)\b", re.I)
_VERB_RE = "|".join(sorted(_ENFORCEMENT_VERBS, key=len, reverse=True))
# The count is the object: "agents stopped 70,000 (people)", "“removed or returned” more than".
_VERB_OBJECT = re.compile(rf"""\b(?P<v>{_VERB_RE})(?:\s+(?:or|and)\s+(?:{_VERB_RE}))*[”"’]?\s+
 (?:(?:a\s+total\s+of|a\s+record(?:\s+of)?|an?\s+(?:additional|average|further)(?:\s+of)?|another)\s+)?$""",
                          re.I | re.X)
# The count is the subject: "70,000 (people) were stopped", "... a day are being caught",
# "70,000 who had crossed", "70,000 migrants stopped at the border".
_VERB_SUBJECT = re.compile(rf"""\s+(?:(?:a|an|per|every|each)\s+(?:hour|day|week|month|year)\s+)?
 (?:(?:who|that)\s+)?(?:(?:were|was|are|is|have|has|had|will|would|could|may|might|must|got|get)\s+)?
 (?:(?:been|be|being|not|already|also|reportedly|since|all|later|then)\s+)*(?:\w+ly\s+)?
 (?P<v>{_VERB_RE})\b""", re.I | re.X)
# A share of the people an enforcement verb acts on: "a third of those apprehended".
_OF_THOSE_VERB = re.compile(rf"""\s+of\s+(?:all\s+)?(?:those|the\s+ones|people|the\s+people|everyone)\s+
 (?:(?:who|that)\s+(?:were|was|had\s+been|have\s+been|are)\s+)?(?:\w+ly\s+)?(?P<v>{_VERB_RE})\b""",
                            re.I | re.X)
_OF_THOSE_BEFORE = re.compile(rf"""\b[Oo]f\s+(?:all\s+)?(?:those|the\s+people|people|everyone)\s+
 (?:(?:who|that)\s+(?:were|was|had\s+been|have\s+been|are)\s+)?(?:\w+ly\s+)?(?P<v>{_VERB_RE})\b
 [^.;]{{0,40}}$""", re.X)
# "Seven of the 12 jurors", "Two of the victims": a part of a group.
_PART_OF = re.compile(rf"\s+of\s+(?:the|these|those|its|their|his|her|our|all)\s+"
                      rf"(?:(?P<n>{_DIGITS_RE}(?![\w,.])|{_WORD_RE}(?:[\s-]{_WORD_RE})*)\s+)?", re.I)
# A number taking a singular verb or a possessive is a name, not a count ("the 787 was").
_SINGULAR_AFTER = re.compile(r"[’']s\b|\s+(?:was|is|has|does)(?:n[’']t)?\b", re.I)
_STRONG = re.compile(r"\s+strong\b", re.I)
# "The officer, 34, was ...": an age given in apposition.
_APPOSITIVE_AGE_BEFORE = re.compile(r"(?:\b(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu"
                                    r"|Fri|Sat|Sun)[a-z]*\.?\s*,)[A-Z][a-z’'.-]+"
                                    r"|\b(?:officer|agent|man|woman|mother|father|son|daughter"
                                    r"|wife|husband|boy|girl|teen|teenager|migrant|resident|worker|driver|smuggler"
                                    r"|victim|suspect|guard|soldier|child|grandmother|grandfather))\s*,\s*$")
_CUT_BEFORE = re.compile(r"\b(?:cut|cuts|slashed|sliced|reduced|fell|fallen|dropped|declined|decreased|"
                         r"shrunk|shrank|plunged|plummeted)\b[^,;.]{0,30}$", re.I)
# "three times as many", "five times higher than": a ratio, not a count of "times".
_TIMES_RATIO = re.compile(r"\s+times\s+(?:as\s+(?:many|much|high|large|big|likely|fast)|more|higher|larger"
                          r"|greater|bigger|faster|lower|fewer|less|smaller|the|that|what|its|their)\b", re.I)
_TIMES_DOWN = re.compile(r"\s+times\s+(?:lower|fewer|less|smaller)\b", re.I)
# "stopped migrants 75,000 times": events counted by an enforcement verb.
_VERB_BEFORE_TIMES = re.compile(rf"\b(?P<v>{_VERB_RE})\b[^,;:.\d]{{0,50}}$", re.I)
_OWN_VERB = re.compile(r"\b(?:were|was|are|is|have|has|had|will|would|\w+ed)\b", re.I)
_MAKE_UP = re.compile(r"\b(?:made|make|makes|making)\s+up\s*$", re.I)
_PEOPLE_AS = re.compile(r"\s+(?:\w+\s+){0,3}?as\s+(?:families|family\s+units|family\s+members)\b", re.I)
# A scale named before its number: "a magnitude 6.4 earthquake", "a magnitude of 5.8".
_UNIT_BEFORE = re.compile(r"\b(?P<u>magnitude)(?:\s+of)?\s+$", re.I)
# ... or left unsaid before an earthquake: "a 5.9 quake".
_QUAKE_AFTER = re.compile(r"[\s-]+(?:earthquake|quake|temblor|tremor)s?\b", re.I)
_TIME_OF_DAY = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b)", re.I)


def _number_words(text: str) -> float | None:
    """Value of a spelled-out number ("twenty-five", "two hundred thousand", "a dozen")."""
    total, current, seen = 0.0, 0.0, False
    for tok in re.split(r"[\s-]+", text.lower().strip()):
        if tok in ("a", "an"):
            current, seen = max(current, 1.0), True
        elif tok in _SMALL:
            current += _SMALL[tok]
            seen = True
        elif tok in _TENS:
            current += _TENS[tok]
            seen = True
        elif tok == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif tok in _SCALES:
            total += (current or 1.0) * _SCALES[tok]
            current, seen = 0.0, True
        elif tok == "and" or not tok:
            continue
        else:
            return None
    return total + current if seen else None


def _count(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    value = _number_words(text)
    return int(value) if value is not None else None


# ---------------------------------------------------------------------------------------
# Reading one quantity

@dataclass
class _Figure:
    start: int
    end: int
    value: float
    qualifier: str = "exact"
    unit: str = ""
    measure: str = ""
    kind: str = "count"
    direction: str = ""
    rate_per: str = ""
    range_high: float = np.nan
    counted: str = ""
    period: str = ""
    baseline: str = ""
    own_phrase: bool = False
    by_verb: bool = False  # measure given by an enforcement verb ("70,000 were stopped")
    general_verb: bool = False  # ... by "arrested" or "detained" (needs a migration context)
    base_match: re.Match | None = None  # the time phrase of `baseline`
    phrase: _Phrase | None = None  # the time phrase of `period` (counts and the like)


def _parse_digits(num: str, scale: str | None) -> float:
    value = float(num.replace(",", ""))
    return value * _SCALES[scale.lower()] if scale else value


def _is_label(text: str, start: int, s0: int) -> bool:
    """True when the word before ``start`` makes the number a label or a model name
    ("Title 42", "No. 2", "Boeing 787", "Windows 10", "iPhone 11"): a capitalized word
    (or one with a capital inside) that is not a function word, a month or an adverb
    ("Exactly 300")."""
    m = _PREV_TOKEN.search(text, max(0, start - 40), start)
    if m and m.group(1).lower() in _LABEL_WORDS:
        return True  # looked for across the sentence start: the sentencizer splits after "No."
    m = _PREV_TOKEN.search(text, max(s0, start - 40), start)
    if not m:
        return False
    tok = m.group(1)
    low = tok.lower()
    if tok[-1] in ".!?:;,)”\"’'—–" or not _is_capitalized(tok):
        return False
    word = low.strip(".,")
    return (word not in STOP_WORDS and word not in _QUALIFIER_WORDS and not word.endswith("ly")
            and not re.fullmatch(_MONTH_RE, tok))


def _is_capitalized(word: str) -> bool:
    """True for a word with a capital at its start or inside ("Boeing", "iPhone", "F-")."""
    return word[0].isupper() or (word[0].isalpha() and not word.islower())


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = _CLAUSE_END.search(text, pos, limit)
    return m.start() if m else limit


def _counted_run(text: str, pos: int, limit: int, skip_of: bool):
    """The counted noun after a number: ``(measure, unit, counted, end)`` or None.

    Walks at most five words, stopping at punctuation or a function word (the number of a
    model name, "iPhone 15", is one of the words); the head is the first counted noun
    (:data:`_PERSON_NOUNS`, :data:`_THING_NOUNS`), or a plural word."""
    tokens = []
    for tm in _RUN_TOKEN.finditer(text, pos, limit):
        tokens.append(tm)
        if len(tokens) >= 8:
            break
    i = 0
    if skip_of and tokens and tokens[0].group().lower() == "of":
        i = 1
        if i < len(tokens) and tokens[i].group().lower() in _DEFINITE | {"its", "their"}:
            i += 1
    run = []
    window = tokens[i:i + 5]
    for n, tm in enumerate(window):
        word = tm.group()
        low = word.lower()
        if run and ((word[0].isdigit() and (_is_label(text, tm.start(), run[0].start())
                                            or (run[-1].end() == tm.start() and _is_capitalized(run[-1].group()))))
                    or (word[0].isupper() and low in _SMALL and _is_capitalized(run[-1].group()))):
            run.append(tm)  # the number of a model name: "3 million iPhone 15 units", "AK-47 rifles", "Xbox One"
            continue
        if not word[0].isalpha():
            break
        if low in _PERSON_NOUNS or low in _THING_NOUNS:
            run.append(tm)
            nxt = window[n + 1].group().lower() if n + 1 < len(window) else ""
            if nxt in _PERSON_NOUNS or nxt in _THING_NOUNS:
                continue  # a compound: "migrant children", "family members"
            break
        if low in STOP_WORDS:
            break
        run.append(tm)
    if not run:
        return None
    head = run[-1]
    low = head.group().lower()
    mods = " ".join(t.group().lower() for t in run[:-1])
    counted = text[run[0].start():head.end()]
    if low in _PERSON_NOUNS and not (low in _MACHINE_NOUNS and any(t.group()[0].isdigit() for t in run)):
        measure = _PERSON_NOUNS[low]
        if "national guard" in mods:
            measure = "national_guard"
        elif low == "seekers" and "asylum" not in mods:
            measure = "people"
        elif low in ("members", "people") and "caravan" in mods:
            measure = "migrants"
        return measure, "people", counted, head.end()
    if low in _THING_NOUNS:
        measure = _THING_NOUNS[low]
        return measure, _UNIT_OF_THING.get(measure, measure), counted, head.end()
    # Another counted noun: the first plural in the run, after at most two modifiers that
    # are capitalized or adjectives ("seven countries", "seven Central American countries"),
    # a model name's number aside ("50 Boeing 787 jets").
    modifiers = 0
    for tm in run:
        word = tm.group()
        if word[0].isdigit() or (word[0].isupper() and word.lower() in _SMALL):
            continue
        if _is_plural(word):
            counted = text[run[0].start():tm.end()]
            if word[0].isupper() and word.endswith(("ans", "is")):  # "29 Texans", "40 Iraqis"
                return "people", "people", counted, tm.end()
            return "other", word.lower(), counted, tm.end()
        modifiers += 1
        if modifiers > 2 or not (_is_capitalized(word) or word.lower() in _ADJECTIVES
                                 or word.lower().endswith(_ADJECTIVE_ENDINGS)):
            break
    return None


def _counted_of_whole(text: str, fig: _Figure, limit: int):
    """The counted noun of the group ``fig`` is part of ("Seven of the 12 jurors", "3 of
    its 20 plants", "Two of the victims"): :func:`_counted_run` with ``fig.end`` as its
    end, or None."""
    whole = _PART_OF.match(text, fig.end, limit)
    if whole is None:
        return None
    n = whole.group("n")
    total = None if n is None else _parse_digits(n, None) if n[0].isdigit() else _number_words(n)
    run = _counted_run(text, whole.end(), limit, False) if n is None or (total and total > fig.value) else None
    return None if run is None else (*run[:3], fig.end)


def _is_plural(word: str) -> bool:
    low = word.lower()
    return (len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "'s", "’s"))
            and not (low.endswith("is") and word[0].islower())  # "crisis"; "Iraqis" is plural
            and low not in STOP_WORDS)


def _verb_measure(verb: str) -> tuple[str, bool]:
    """``(measure, general)`` of an enforcement verb as written ("turned  back" ->
    removals); ``general`` when it is one of :data:`_GENERAL_VERBS`."""
    verb = " ".join(verb.lower().split())
    for pattern, measure in _ENFORCEMENT_VERBS.items():
        if re.fullmatch(pattern, verb):
            return measure, verb in _GENERAL_VERBS
    return "", False


def _enforcement_measure(text: str, s0: int, qstart: int, end: int, limit: int) -> tuple[str, bool]:
    """``(measure, general)`` given by an enforcement verb that has the count
    ``text[qstart:end]`` as its object ("agents stopped 70,000 people") or subject
    ("70,000 were stopped", "2,000 people have died"); ``general`` when the verb is one
    of :data:`_GENERAL_VERBS`. ``('', False)`` when there is none."""
    window = text[max(s0, qstart - 80):qstart]
    m = _VERB_OBJECT.search(window)
    if m is None:
        m = _VERB_SUBJECT.match(text, end, limit)
    if m is None:
        return "", False
    return _verb_measure(m.group("v"))


def _set_verb_measure(fig: _Figure, measure: str, general: bool) -> None:
    fig.measure, fig.by_verb, fig.general_verb = measure, True, general


def _refine_people(text: str, fig: _Figure, s0: int, limit: int, qstart: int) -> None:
    """A count of generic people made specific by what they do ("people making
    crossings", "people ... as families", "removed or returned ... people", "people
    were stopped")."""
    after = text[fig.end:limit]
    tokens = _RUN_TOKEN.findall(after)[:4]
    for tok in tokens:
        low = tok.lower()
        if low in _THING_NOUNS and _THING_NOUNS[low] in _EVENT_MEASURES:
            fig.measure = _THING_NOUNS[low]
            return
    if _PEOPLE_AS.match(text, fig.end, limit):
        fig.measure = "families"
        return
    verb, general = _enforcement_measure(text, s0, qstart, fig.end, limit)
    if verb:
        _set_verb_measure(fig, verb, general)
        return
    if _REMOVAL_VERB.search(text, max(s0, qstart - 40), qstart):
        fig.measure = "removals"


def _context_measure(text: str, s0: int, pos: int, prev_sentence: str) -> tuple[str, str]:
    """Measure named in the sentence before ``pos`` (the last counted noun), else in the
    previous sentence; ``(measure, word as written)``."""
    for chunk in (text[s0:pos], prev_sentence):
        found = None
        for tm in _RUN_TOKEN.finditer(chunk):
            low = tm.group().lower()
            if low in _THING_NOUNS and _THING_NOUNS[low] != "goal":
                found = (_THING_NOUNS[low], tm.group())
            elif low in _PERSON_NOUNS and low not in _OTHER_PERSONS:
                found = (_PERSON_NOUNS[low], tm.group())
        if found:
            return found
    return "", ""


def _read_figure(text: str, m: re.Match, s0: int, s1: int) -> _Figure | None:
    """Interpret one :data:`_NUMBER` match in the sentence ``text[s0:s1]``; None when it is
    not a quantity (date, year, time, label, anchor, reference)."""
    start, end = m.start(), m.end()
    kind, value, qualifier, unit = "count", None, "exact", ""
    small_word = maybe_year = False
    if m.group("share"):
        a, b = _count(m.group("sh_a")), _count(m.group("sh_b"))
        if not a or not b or a >= b:
            return None
        value, unit, kind = a / b, "fraction", "share"
    elif m.group("frac_ratio"):
        # "half what they were in May", "a third as many as": a fraction of a baseline
        words = m.group("frac_ratio").lower().split()
        return _Figure(start=start, end=end, value=_FRACTIONS[words[-1].split("-")[-1]], unit="times",
                       kind="ratio", direction="down")
    elif m.group("fraction"):
        words = m.group("fraction").lower().split()
        prev = _PREV_TOKEN.search(text, max(s0, start - 20), start)
        if prev and prev.group(1).lower() in ("first", "second", "last", "the", "latter", "former"):
            return None
        value, unit, kind = _FRACTIONS[words[-1].split("-")[-1]], "fraction", "share"
    elif m.group("frac_change"):
        # "dropped by half", "fell by a third", "cut in half", "halved": a change by a fraction
        words = m.group("frac_change").lower().split()
        last = words[-1].split("-")[-1]
        if last == "halved":
            direction = "down"
        elif text[max(0, start - 3):start].lower() == "in " and last == "half":
            if not _CUT_BEFORE.search(text, max(s0, start - 40), start - 3):
                return None  # "split in half": not a change
            direction = "down"
        else:
            direction = ""
        fig = _Figure(start=start, end=end, value=_FRACTIONS.get(last, 0.5), unit="fraction",
                      kind="change", direction=direction)
        return fig
    elif m.group("vague"):
        words = " ".join(m.group("vague").lower().split())
        if words in _VAGUE_PLURALS:
            value = _VAGUE_PLURALS[words]
        elif " of " in words and words.split()[0] in ("tens", "hundreds"):
            first, _, mag = words.split()
            value = (20.0 if first == "tens" else 200.0) * _VAGUE_PLURALS[mag] / 2
        else:
            few, scale = words.rsplit(" ", 1)
            value = _VAGUE_FEW[few] * (12.0 if scale == "dozen" else _SCALES[scale])
        qualifier = "vague"
    elif m.group("ratio"):
        word = m.group("ratio").lower()
        after = text[end:end + 12]
        before = text[max(s0, start - 25):start].lower()
        if word in ("double", "triple", "quadruple", "twice"):
            ok_after = re.match(r"\s+(?:the|that|what|its|their|those|last|from|since|in|over|as)\b", after, re.I)
            ok_before = re.search(r"(?:about|nearly|almost|more\s+than|roughly|than|to|approximately)\s+$", before)
            if not (ok_after or ok_before) or after.startswith("-"):
                return None
        value, unit, kind = _RATIO_WORDS[word], "times", "ratio"
    elif m.group("digits"):
        num = m.group("num")
        start = m.start("cur") if m.group("cur") else m.start("num")
        factor, end = _scale_suffix(text, m, s1)
        nxt = text[end:end + 4]
        if re.match(r"[A-Za-z]", nxt) and not _MEASURE_UNIT.match(text, end, s1):
            return None  # ordinals (3rd), decades (2000s), times (7am), codes (24World, 4K); not "10km"
        if re.match(r":\d|/\d|-\d\d-\d\d|\.\d|@", nxt) or _TIME_OF_DAY.match(text, end):
            return None  # times (7:45, 10 p.m.), dates (3/28, 2019-03-28), e-mail addresses
        plain_int = "," not in num and "." not in num and not m.group("scale") and factor == 1.0
        maybe_year = plain_int and len(num) == 4 and 1800 <= int(num) <= 2100 and not m.group("cur")
        if plain_int and (int(num) <= 31 or maybe_year) and _DAY_BEFORE.search(text, max(s0, start - 20), start):
            return None  # "March 28", "Sept. 10", the year of "March 28, 2019"
        prev = _PREV_TOKEN.search(text, max(s0, start - 20), start)
        if maybe_year and prev and prev.group(1).lower() in _YEAR_PREPS:
            return None  # "in 2019", "since 2007"
        if plain_int and int(num) <= 31 and _DAY_AFTER.match(text, end):
            return None  # "28 March"
        if plain_int and not m.group("cur") and _is_label(text, start, s0):
            return None
        if (plain_int and prev and prev.group(1).lower() == "the" and not m.group("cur")
                and _SINGULAR_AFTER.match(text, end)):
            return None  # "the 787 was grounded", "the 747's engines": a model named by its number
        value = _parse_digits(num, m.group("scale")) * factor
        if (plain_int and 0 < value <= 110 and not m.group("cur") and re.match(r"\s*,", text[end:end + 3])
                and _APPOSITIVE_AGE_BEFORE.search(text, max(s0, start - 30), start)):
            return _Figure(start=start, end=end, value=value, unit="years", kind="age", measure="age")
        if m.group("cur"):
            unit, kind = {"€": "euros", "£": "pounds sterling"}.get(m.group("cur"), "dollars"), "money"
    else:
        words = m.group("words")
        value = _number_words(words)
        if value is None:
            return None
        if value <= 10 and not any(s in words.lower() for s in ("hundred", "thousand", "million", "billion", "dozen")):
            small_word = True
            prev = _PREV_TOKEN.search(text, max(s0, start - 20), start)
            if prev and prev.group(1).lower() in _DEFINITE:
                return None  # "the two countries": a reference, not a cited amount
        if _is_label(text, start, s0):
            return None

    fig = _Figure(start=start, end=end, value=float(value), qualifier=qualifier, unit=unit, kind=kind)
    if m.group("digits") or m.group("words"):
        # ranges: "3,000 to 5,000", "10-15 percent", "between 3,000 and 5,000"
        r = _RANGE_TAIL.match(text, end, s1)
        if r:
            conn = r.group("conn").lower()
            before = text[max(s0, start - 10):start].lower()
            high = _parse_digits(r.group("n2"), r.group("scale2"))
            ok = (conn == "and" and before.rstrip().endswith("between")) or (
                conn != "and" and not before.rstrip().endswith("from"))
            low = fig.value
            if r.group("scale2") and not m.group("scale"):
                low *= _SCALES[r.group("scale2").lower()]  # "3 to 5 million"
            if ok and high > low and not (maybe_year and 1800 <= high <= 2100):
                fig.value, fig.range_high, fig.end = low, high, r.end()
    limit = s1
    qa = _QUAL_AFTER.match(text, fig.end, limit)
    if qa and fig.qualifier == "exact":  # "5,000 or more migrants"
        fig.qualifier = "more than" if qa.group("more") else "about"
        fig.end = qa.end()
    if fig.kind != "money":
        pct = _PERCENT.match(text, fig.end, limit)
        if pct:
            fig.unit = "percent" if pct.group("pct") else "percentage points"
            fig.kind, fig.end = "share", pct.end()
    if fig.kind == "count" and _TIMES_RATIO.match(text, fig.end, limit):
        fig.unit, fig.kind = "times", "ratio"
        fig.direction = "down" if _TIMES_DOWN.match(text, fig.end, limit) else "up"
        fig.end = text.index("times", fig.end) + len("times")
    if fig.unit == "" and fig.kind == "count":
        rec = _RECORD.match(text, fig.end, limit)
        age = _AGE.match(text, fig.end, limit)
        tu = _TIME_UNIT.match(text, fig.end, limit)
        measured = _MEASURE_UNIT.match(text, fig.end, limit)
        money = _MONEY_NOUN.match(text, fig.end, limit)
        if not measured:
            named_before = _UNIT_BEFORE.search(text, max(s0, fig.start - 20), fig.start)
            if named_before:
                measured, fig.start = named_before, named_before.start()
            elif m.group("digits") and "." in m.group("num") and _QUAKE_AFTER.match(text, fig.end, limit):
                # "a 5.9 quake"; "two quakes" is a count
                fig.unit, fig.kind = _UNIT_WORDS["magnitude"]
                fig.measure = "measurement"
        if rec:
            fig.unit, fig.kind, fig.end = f"{rec.group('ru').lower()}s", "record", rec.end()
        elif age:
            fig.unit, fig.kind, fig.measure, fig.end = "years", "age", "age", age.end()
        elif tu:
            if _ANCHOR_AFTER.match(text, tu.end(), limit):
                return None  # "one day after", "three months later": a date, not an amount
            fig.unit = tu.group("tu").lower().rstrip("s") + "s"
            fig.kind, fig.measure, fig.end = "duration", "duration", tu.end()
        elif measured:
            fig.unit, fig.kind = _unit_of(measured)
            fig.end = max(fig.end, measured.end())
            if fig.kind == "weight":
                fig.measure = "drugs" if _DRUGS.search(text, fig.end, min(limit, fig.end + 40)) else "measurement"
            elif fig.kind in ("distance", "points"):
                fig.measure = "distance" if fig.kind == "distance" else ""
            else:
                fig.measure = "measurement"
        elif money and (money.group(0).strip().lower() in ("dollars", "pesos", "euros")
                        or m.group("vague") or (m.group("digits") and m.group("scale"))):
            fig.unit, fig.kind, fig.end = money.group("mu").lower(), "money", money.end()
    if fig.kind == "money":
        fig.measure = "funding"
    if fig.kind in ("count", "share", "ratio") and not fig.measure:
        skip_of = fig.qualifier == "vague" or fig.kind == "share"
        run = _counted_run(text, fig.end, _clause_end(text, fig.end, limit) if fig.kind != "count" else limit, skip_of)
        if run is None and fig.kind == "count" and not (small_word and fig.value < 2):
            run = _counted_of_whole(text, fig, limit)
        needs_of = fig.kind == "share" and not m.group("share")
        if run and not (needs_of and not text[fig.end:run[3]].lstrip().lower().startswith("of")):
            measure, unit, counted, run_end = run
            if measure == "goal" and fig.kind == "count":
                # "scored three goals": goals counted are things; the measure is a share met
                measure, unit = "other", counted.split()[-1].lower()
            fig.measure, fig.counted = measure, counted
            if fig.kind == "count":
                fig.unit, fig.end = unit, run_end
                if measure == "people":
                    _refine_people(text, fig, s0, _clause_end(text, fig.end, limit), _qual_start(text, fig, s0))
                elif counted.lower() == "times":
                    verb = _VERB_BEFORE_TIMES.search(text, s0, fig.start)
                    if verb:  # "agents stopped migrants 75,000 times"
                        _set_verb_measure(fig, *_verb_measure(verb.group("v")))
                        fig.unit = fig.measure
                    else:  # "visited the border three times": how often, not a factor
                        fig.unit, fig.kind, fig.measure = "occurrences", "frequency", ""
        elif fig.kind == "share" and not run:
            # "a third of those apprehended", "Of those stopped, 62% were ..."
            those = _OF_THOSE_VERB.match(text, fig.end, limit) or _OF_THOSE_BEFORE.search(
                text, max(s0, fig.start - 80), fig.start)
            if those:
                _set_verb_measure(fig, *_verb_measure(those.group("v")))
        elif (fig.kind == "count" and not fig.unit and not run and not maybe_year
              and not (small_word and fig.value < 2)):
            if _STRONG.match(text, fig.end, limit):  # "a caravan about 3,000 strong"
                fig.unit, fig.measure, fig.end = "people", "people", _STRONG.match(text, fig.end, limit).end()
            else:
                # a bare count acted on by an enforcement verb is a count of people
                verb, general = _enforcement_measure(text, s0, _qual_start(text, fig, s0), fig.end,
                                                     _clause_end(text, fig.end, limit))
                if verb:
                    fig.unit = "people"
                    _set_verb_measure(fig, verb, general)
    if small_word and (not fig.unit or (fig.value == 1 and fig.measure == "other")):
        return None  # "one of them", "zero tolerance", "one hopes"
    if maybe_year and (not fig.unit or fig.measure == "other"):
        return None  # a year ("2005 levels", "the 2016 elections")
    return fig


def _unit_of(m: re.Match) -> tuple[str, str]:
    """``(unit, kind)`` of a :data:`_MEASURE_UNIT` or :data:`_UNIT_BEFORE` match."""
    if m.groupdict().get("g"):
        return _GLUED_UNITS[m.group("g")]
    written = m.group("u")
    return _UNIT_ABBREVIATIONS.get(written) or _UNIT_WORDS[" ".join(written.lower().split())]


def _scale_suffix(text: str, m: re.Match, s1: int) -> tuple[float, int]:
    """``(factor, end)`` of a scale written after the digits of the :data:`_NUMBER` match
    ``m`` ("$3bn", "$3 bn", "$250k", "50k migrants"; see :data:`_SCALE_SUFFIXES`);
    ``(1.0, m.end())`` when there is none."""
    end = m.end()
    sfx = None if m.group("scale") else _SCALE_SUFFIX.match(text, end, s1)
    if sfx is None:
        return 1.0, end
    letter = sfx.group("letter")
    if letter and not m.group("cur") and (letter not in _BARE_SCALE_LETTERS
                                          or _counted_run(text, sfx.end(), s1, False) is None):
        return 1.0, end
    if sfx.group("glued"):  # "$1million"
        return _SCALES[sfx.group("glued").lower()], sfx.end()
    return _SCALE_SUFFIXES[sfx.group("word") or letter], sfx.end()


def _qual_start(text: str, fig: _Figure, s0: int) -> int:
    m = _QUAL_BEFORE.search(text, max(s0, fig.start - 30), fig.start)
    return m.start() if m else fig.start


def _finish_figure(text: str, fig: _Figure, s0: int, s1: int, prev_sentence: str,
                   sentence_figures: list[_Figure]) -> None:
    """Qualifier, direction, change/share, rate and context measure of a read figure."""
    q = _QUAL_BEFORE.search(text, max(s0, fig.start - 30), fig.start)
    if q:
        if q.group("tilde"):
            qual = "about"
        else:
            words = " ".join(q.group("q").lower().split())
            qual = _QUAL_MAP.get(words, "about")
        if fig.qualifier != "vague":
            fig.qualifier = qual
        fig.start = q.start()
    clause_start = s0
    for cm in _CLAUSE_END.finditer(text, s0, fig.start):
        clause_start = cm.end()
    if fig.kind in ("share", "ratio", "change", "points"):
        # a percentage (or points) is a change when a direction or a baseline goes with it
        d = _DIRECTION_BEFORE.search(text, max(clause_start, fig.start - 30), fig.start)
        if d and d.group("w").lower() == "up" and _MAKE_UP.search(text, max(clause_start, fig.start - 30),
                                                                   fig.start):
            d = None  # "made up 8 percent of": a share, not a rise
        da = _DIRECTION_AFTER.match(text, fig.end, s1) if fig.kind in ("share", "points") else None
        word = (d.group("w") if d else da.group("w") if da else "").lower()
        if (fig.kind in ("share", "points") and fig.unit != "fraction"
                and (word or _BASELINE_AFTER.match(text, fig.end, s1))):
            fig.kind = "change"
        if fig.kind in ("change", "ratio") and not fig.direction:
            fig.direction = "down" if word and word not in _UP_WORDS else "up" if word or fig.kind == "ratio" else ""
    if not fig.measure and fig.kind == "count" and not fig.unit:
        # "In November, 70,000 were stopped, and in December, 73,000": the verb of the
        # earlier count is understood
        verb = next((o for o in reversed(sentence_figures) if o.by_verb and o.kind == "count"
                     and o.end <= fig.start and o.unit == "people" and not o.counted), None)
        rest = text[fig.end:_clause_end(text, fig.end, s1)]
        if verb is not None and not _OWN_VERB.search(rest):
            _set_verb_measure(fig, verb.measure, verb.general_verb)
            fig.unit = "people"
    if not fig.measure and fig.kind in ("count", "share", "change", "ratio", "record"):
        fig.measure, fig.counted = _context_measure(text, s0, fig.start, prev_sentence)
        if fig.kind == "count" and fig.measure:
            fig.unit = "people" if fig.measure in _PERSON_MEASURES else fig.measure
    if fig.kind == "count":
        clause = _clause_end(text, fig.end, s1)
        r = _RATE_AFTER.search(text, fig.end, min(clause, fig.end + 80))
        if r and not any(o is not fig and fig.end <= o.start < r.start() for o in sentence_figures):
            fig.rate_per = (r.group("ru") or _RATE_ADVERBS[r.group("adv").lower()]).lower()
            if r.start() == fig.end + 1 or r.start() == fig.end:
                fig.end = r.end()
        elif _DAYS_WHEN.search(text, s0, fig.start):
            fig.rate_per = "day"
        if fig.rate_per:
            fig.kind = "rate"
            fig.unit = f"{fig.unit or 'count'} per {fig.rate_per}"


_PERSON_MEASURES = frozenset({"people", "migrants", "asylum_seekers", "children", "families", "troops",
                              "national_guard", "border_inspectors", "agents"})

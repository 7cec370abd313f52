"""Quantities the coverage cites: extraction, period resolution and per-era summaries.

:func:`extract_figures` finds every quantity in the clean text of each article (one row
per quantity, :data:`FIGURE_COLUMNS`): numerals ("66,450", "1.5 million", "56%"),
spelled-out numbers ("three months", "several hundred", "thousands of"), ratios ("about
double"), record spans ("a 12-year high"), ranges ("3,000 to 5,000") and per-unit rates
("567 ... every hour", "20,000 arrests per month"). Figures inside embedded tweets and
quotations are kept: they are still figures the coverage cites.

Conventions
-----------
* ``value`` is a float in the unit of ``unit``: a percentage is the number (56.0 with
  unit ``percent``); a ratio is the factor ("about double" and "doubled" are 2.0
  ``times``, "three times as many" and "five times higher" 3.0 and 5.0 ``times``); a
  share written as a fraction is its value ("one in five" is 0.2 ``fraction``, "a third
  were" 1/3); a change by a fraction too ("dropped by half", "cut in half", "halved" are
  0.5 ``fraction``, kind ``change``, direction ``down``; "fell by a third" 1/3); "a
  12-year high" is 12.0 ``years`` (kind ``record``).
* Vague magnitudes take the smallest value the words allow, with qualifier ``vague``:
  "thousands" 2,000, "hundreds" 200, "dozens" 24, "tens of thousands" 20,000, "several
  hundred" 300 (several = 3), "a few thousand" 2,000 (a few = 2).
* Numbers glued to a scale or a unit are read with it: "$3bn" (3e9 ``dollars``), "$250k",
  "50k runners", "256GB" (``gigabytes``), "5mph", "10km", "40kg", "43C"; a one-letter
  scale without a currency sign only before a counted noun ("30m" is meters, "4K" and
  "5G" are no numbers). Measurements take a kind of their own (``speed``,
  ``temperature``, ``area``, ``volume``, ``data``, ``power``, ``energy``, ``points``;
  :data:`UNITS`) and the measure ``measurement``; "500 points" after a direction ("fell
  500 points") is a ``change``. Small spelled-out counts of any plural are counts
  ("seven countries", "two dozen reporters"); "visited three times" is 3 ``occurrences``
  (kind ``frequency``), not a factor.
* A range has ``value`` = its low end and ``range_high`` = its high end; elsewhere
  ``range_high`` is NaN.
* ``unit`` is what one unit of ``value`` is (:data:`UNITS`); counts of persons are
  ``people`` whatever they are called, other counts are named for the thing counted
  (``arrests``, ``firearms``); a rate appends ``per <rate_per>`` ("firearms per hour").
  ``measure`` is what is counted (:data:`MEASURES`); percentages, ratios and record
  spans take the measure they describe from the sentence ("Arrests ... up 149
  percent" measures arrests). A count of people that an enforcement verb acts on is
  measured by the verb (:data:`_ENFORCEMENT_VERBS`): "70,000 (people) were stopped",
  "agents apprehended 70,000" are ``apprehensions`` (stopped, apprehended, caught,
  detained), also ``arrests`` (arrested), ``encounters`` (encountered), ``removals``
  (expelled, deported, removed, returned, turned back), ``crossings`` (crossed),
  ``deaths`` (died); a bare count so acted on is in ``people``, and a later bare count
  of the same sentence with no verb of its own shares it ("..., and in December,
  73,000"); "a third of those apprehended" measures apprehensions; "stopped migrants
  75,000 times" counts 75,000 ``apprehensions``. Generic people only: "70,000 migrants
  were stopped" stays ``migrants``. "arrested" and "detained" need a migration context
  (police make arrests too). Nationalities ("9,000 Hondurans") and "3,000 strong" are
  ``people``.
* ``period`` (:func:`resolve_period`) is ``YYYY-MM``, ``YYYY-MM..YYYY-MM`` or ``''``.
  A figure takes the time phrase that follows it in its clause ("66,450 in February"),
  unless that phrase opens the next coordinated clause ("In November, 70,000 were
  stopped, and in December, 73,000": 70,000 is November's), else the nearest one before
  it in the sentence ("days this month when ... more than 10,000"); a migration
  statistic with neither inherits the first time phrase of the previous sentence ("...
  during the month. About 55,000 people ..."), one sentence back only. "since" after a
  record ("the lowest level since 2017") dates no figure. A change is dated by the span
  it covers when its baseline is a different period ("56 percent from ... May to ...
  August" and "56 percent from May to August" are ``2019-05..2019-08``) and by its own
  period when the comparison is year-over-year ("149 percent from a year earlier" in
  February 2019 is ``2019-02``); a year-over-year change with no period of its own (nor
  one carried from the previous sentence) is the baseline a year on, up to the
  article's month ("fell 10% from a year earlier" in January 2021 is ``2021-01``, "from
  last year" is this year so far, ``2021-01``); a change carried from the previous
  sentence is compared with a year before that period ("70,000 in December. That was
  up 10% from a year earlier": baseline ``2019-12``). ``baseline`` holds the
  comparison period ("than", "compared with", "as many as", "what they were" introduce
  one); a change or ratio whose baseline is another past period and that names none of
  its own runs from the baseline to the article's month ("down 40% from their peak in May
  2019", "half what they were in May" in September 2019: ``2019-05..2019-09``). A time
  phrase closing a clause opened by "since" ("since Trump took office in 2017") runs from
  that period to the article's month, and after a record dates no figure. Figures with
  no time phrase in reach have ``period`` ``''``.
* ``attributed_to`` is the source the sentence gives: "according to X" (with "quoting
  Y" kept as "X (citing Y)"), "X data/figures show", else the subject of a speech verb
  ("Commissioner Kevin McAleenan said", "..., the agency said", "Name, the acting
  secretary, has said"); a pronoun speaker ("he later said") is the sentence's leading
  name; speech reported inside a relative clause ("a warning in which he said") and
  verbs such as "authorized" do not attribute. A figure in an embedded post is
  attributed to the post's author. ``''`` when unattributed.
* ``status`` (:data:`STATUSES`) says whether the sentence reports the figure, projects it
  or estimates it. A projection is a figure for the future or a hypothetical: a modal
  ("would make 100,000 arrests", "6,000 will arrive"), "expected to", "could reach",
  "projected", "forecast", "on track to", a plan or pledge ("agreed to send 6,000
  troops"), an authorization ("authorized ... up to 4,000"), or a period after the
  article ("12,000 next month"); a month name alone in a projection is the nearest such
  month ("expected to reach 120,000 in October" in September is the coming October). An
  estimate: "an estimated", "estimates (that)", "as many as", "up to", "is believed
  to", "may have". The signal must govern the figure: in its clause, at most 80
  characters before it with no new clause ("after", "which", "said", ...) between, or
  after it as its verb ("6,000 are expected"); comparisons with a projection ("more
  than expected", "as forecast") and poll findings ("46 percent would vote for") are
  reported. A clause describing the figure before it ("..., up 30 percent from
  February", "..., including 40,000 children") shares that figure's status.
* ``is_migration_stat`` is True for the measures in :data:`MIGRATION_MEASURES` (counts,
  rates, changes and record spans of arrests, migrants, troops, firearms, ...) and for
  :data:`CONTEXT_MEASURES` when the sentence or the one before is about migration;
  durations, distances, money and ages never are. An age in apposition ("The officer,
  34, was ...") is an age (``years``, kind ``age``).
* Not quantities: calendar dates ("March 28, 2019", "Sept. 10", "2019-03-28"), years
  and decades ("2007", "until 2011", "the early 2000s"), times of day ("7:45am"),
  handles, URLs, e-mail addresses and telephone numbers ("1-800-555-0199", "+52 55 1234
  5678"), labels and model names ("Title 42", "No. 2", "Air Force One", "Boeing 787",
  "iPhone 11", "COVID-19", "F-35", "I-95", "G20"),
  ordinals ("third"), relative-date anchors ("one day after", "three months later", "a
  year earlier": they date something, they are not cited amounts; "a day after" has no
  number at all), definite references to a small spelled-out number ("the two
  countries"), bare plurals without a number ("for months") and "one" or other small
  spelled-out numbers with no unit or counted noun ("one of them", "zero tolerance").
* Eras and administrations: "the early days of the Trump administration" resolves from
  :data:`ADMINISTRATION_STARTS` (first three months of the latest term begun by the
  article date); other era-relative phrases ("during the Trump administration") give
  ``''``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np
import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

from .cleaning import embedded_posts
from .nlp import sentence_table
from .patterns import trie_pattern

#: Columns of :func:`extract_figures` (one row per quantity).
FIGURE_COLUMNS = {
    "doc_id": "article id",
    "surface": "the quantity as written, qualifier and unit included (text[start:end])",
    "value": "the number (float) in `unit`; the low end for ranges (see module conventions)",
    "qualifier": "exact | about | more than | fewer than | up to | vague (see QUALIFIERS)",
    "unit": "what one unit of `value` is (see UNITS), with ' per <rate_per>' for rates",
    "measure": "what is counted (see MEASURES); '' when the sentence does not say",
    "period": "period the figure refers to: 'YYYY-MM', 'YYYY-MM..YYYY-MM' or ''",
    "is_migration_stat": "True for statistics about migration or its enforcement",
    "attributed_to": "source the sentence gives for the figure (as written), '' if none",
    "sentence": "the sentence holding the figure",
    "start": "offset of the surface in the clean text (characters)",
    "end": "end offset (exclusive) in the clean text (characters)",
    "range_high": "high end of a range (NaN when not a range)",
    "rate_per": "time unit of a per-unit rate: hour | day | week | month | year | ''",
    "kind": "count | rate | change | share | ratio | record | frequency | duration | distance | money | "
            "weight | speed | temperature | area | volume | data | power | energy | points | age",
    "direction": "up | down | '' (for changes and ratios)",
    "baseline": "period a change or ratio is compared with ('' when none)",
    "counted": "the counted noun phrase as written ('' when none)",
    "sent_id": "sentence number within the article (as in sentence_table)",
    "in_quote": "True when the figure is inside quotation marks",
    "in_post": "True when the figure is inside an embedded post (tweet)",
    "status": "reported | projection | estimate (see STATUSES)",
}

#: What a figure is, as the sentence words it.
STATUSES = {
    "reported": "a figure stated as a fact (also with a rounding hedge: 'about', 'more than')",
    "projection": "a figure for the future or a hypothetical: 'will', 'would', 'could', 'may', "
                  "'expected to', 'projected', 'forecast', 'on track to', 'plans to', a target, "
                  "or a period after the article",
    "estimate": "an approximation of an existing quantity: 'an estimated', 'estimates', 'as many as', "
                "'up to', 'is believed to', 'may have'",
}

#: Qualifier vocabulary, with the words that signal each.
QUALIFIERS = {
    "exact": "no hedge (also 'an average of', ranges)",
    "about": "about, around, roughly, approximately, some, nearly, almost, close to, an estimated, or so",
    "more than": "more than, over, above, at least, upwards of, in excess of, exceeding, or more",
    "fewer than": "fewer than, less than, under, below",
    "up to": "up to, as many as, as much as, no more than, at most, a maximum of",
    "vague": "a magnitude without a number: thousands, several hundred, dozens, ...",
}

#: Units of `value` (rates append ' per <rate_per>').
UNITS = {
    "people": "persons of any description (migrants, children, troops, members, ...)",
    "percent": "percentage (56.0 means 56 %)",
    "percentage points": "difference between two percentages",
    "times": "multiplicative factor (double = 2.0)",
    "fraction": "a share written as a fraction (one in five = 0.2, half = 0.5), or a change by one "
                "(dropped by half = 0.5)",
    "years": "years (durations, ages, and the span of an 'N-year high')",
    "months|weeks|days|hours|minutes|seconds|decades": "durations",
    "miles|kilometers|feet|meters|yards|inches|...": "distances (kind distance)",
    "dollars|pesos|euros|pounds sterling": "money",
    "pounds|kilograms|grams|ounces|tons|...": "weight (kind weight)",
    "miles per hour|kilometers per hour|knots": "speed (kind speed)",
    "degrees|degrees Fahrenheit|degrees Celsius": "temperature (kind temperature)",
    "acres|hectares|square miles|...": "area (kind area)",
    "gallons|liters|barrels|cubic meters|...": "volume (kind volume)",
    "kilobytes|megabytes|gigabytes|terabytes": "data size (kind data)",
    "watts|kilowatts|megawatts|...|kilowatt-hours|...": "power and energy (kinds power, energy)",
    "points": "points of a score, poll or index (kind points, or change with a direction)",
    "occurrences": "how often something happened ('visited three times'; kind frequency)",
    "<thing counted>": "other counts: arrests, apprehensions, encounters, crossings, removals, "
                       "firearms, cases, deaths, or the counted noun itself",
}

#: What is counted.
MEASURES = {
    "arrests": "arrests (by border agents)",
    "apprehensions": "apprehensions (CBP's term)",
    "encounters": "encounters (CBP's term)",
    "crossings": "border crossings, or people making them",
    "removals": "removals, returns, deportations, expulsions",
    "migrants": "migrants, immigrants, refugees (including those 'taken into custody')",
    "asylum_seekers": "asylum seekers",
    "families": "people arriving as families, family units",
    "children": "children and minors",
    "people": "people not otherwise described (caravan members, ...)",
    "cases": "asylum or court cases, claims, applications",
    "deaths": "deaths",
    "troops": "troops, soldiers",
    "national_guard": "National Guard troops or members",
    "border_inspectors": "border inspectors",
    "agents": "border agents and officers",
    "firearms": "firearms, guns, weapons",
    "drugs": "drug seizures by weight",
    "goal": "share of an objective, goal or target met",
    "funding": "money",
    "duration": "lengths of time",
    "distance": "distances",
    "measurement": "other measurements: speed, temperature, area, volume, data size, power, energy "
                   "(`kind` says which)",
    "age": "ages",
    "other": "a counted noun outside this list (see `counted`)",
    "": "a number whose sentence does not say what it counts",
}

#: Measures that are statistics about migration or its enforcement.
MIGRATION_MEASURES = frozenset({
    "arrests", "apprehensions", "encounters", "crossings", "removals", "migrants",
    "asylum_seekers", "families", "children", "cases", "deaths", "troops", "national_guard",
    "border_inspectors", "agents", "firearms", "drugs"})
#: Measures that count as migration statistics only in a migration context (the sentence
#: or the one before mentions migrants, the border, asylum, a caravan, ...).
CONTEXT_MEASURES = frozenset({"people", "goal", "other"})

#: Columns of :func:`migration_stats`.
MIGRATION_STAT_COLUMNS = {c: FIGURE_COLUMNS[c] for c in (
    "doc_id", "surface", "value", "range_high", "qualifier", "unit", "rate_per", "measure",
    "kind", "direction", "period", "baseline", "status", "attributed_to", "start", "end")}

#: Columns of :func:`figures_per_article` (one row per article).
ARTICLE_FIGURE_COLUMNS = {
    "doc_id": "article id",
    "era": "era key",
    "outlet": "publication",
    "n_figures": "quantities cited",
    "n_migration_stats": "of which statistics about migration or enforcement",
    "n_attributed": "quantities with a source (attributed_to not empty)",
    "n_attributed_stats": "migration statistics with a source",
    "n_words": "words in the clean text (borderlines.nlp.is_word)",
    "n_projections": "quantities that are projections (status 'projection')",
    "n_estimates": "quantities that are estimates (status 'estimate')",
}

#: Columns of :func:`recurring_measures` (one row per measure and period).
RECURRING_COLUMNS = {
    "measure": "what is counted",
    "unit": "unit of the values",
    "kind": "count, change, rate, ...",
    "direction": "up | down | '' (changes)",
    "period": "period the figures refer to",
    "status": "reported | projection | estimate: figures are compared only with figures of the same status",
    "n_outlets": "distinct outlets citing it (always > 1)",
    "n_figures": "figures citing it",
    "outlets": "the outlets, '; '-separated",
    "doc_ids": "the articles, '; '-separated",
    "values": "each figure as 'surface (outlet)', '; '-separated",
    "value_min": "smallest value cited",
    "value_max": "largest value cited",
    "agree": "True when the figures' value intervals overlap (see figure_interval)",
}

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

_MONTH_NUMBERS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
                  "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
#: First month of each administration, for "the early days of the X administration".
ADMINISTRATION_STARTS = {"bush": ["2001-01"], "obama": ["2009-01"], "trump": ["2017-01", "2025-01"],
                         "biden": ["2021-01"]}

#: People the coverage counts that are no measure of their own: counted as ``people``
#: after a number, but not the measure of a bare number elsewhere in the sentence.
_OTHER_PERSONS = frozenset(
    "officials members workers residents voters students patients employees lawmakers legislators senators "
    "staffers veterans sailors reporters journalists protesters protestors demonstrators victims prisoners "
    "inmates detainees passengers civilians doctors nurses teachers volunteers supporters delegates donors "
    "judges survivors hostages fighters militants rebels suspects democrats republicans independents latinos "
    "latinas hispanics".split())

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
    **_forms("kilowatt-hours", "energy", "kilowatt-hour", "kilowatt-hours", "kilowatt hours"),
    **_forms("megawatt-hours", "energy", "megawatt-hour", "megawatt-hours", "megawatt hours"),
    **_forms("points", "points", "points"),  # not "point": "at one point"
}
#: Abbreviated units (case as written: "5 GB", "10km", "40kg").
_UNIT_ABBREVIATIONS = {
    **_forms("kilometers", "distance", "km", "kms", "KM"), **_forms("miles", "distance", "mi"),
    **_forms("feet", "distance", "ft"), **_forms("yards", "distance", "yd", "yds"),
    **_forms("centimeters", "distance", "cm"), **_forms("millimeters", "distance", "mm"),
    **_forms("kilograms", "weight", "kg", "kgs", "KG"), **_forms("pounds", "weight", "lb", "lbs", "lb.", "lbs."),
    **_forms("ounces", "weight", "oz"), **_forms("milligrams", "weight", "mg"),
    **_forms("miles per hour", "speed", "mph", "MPH"), **_forms("kilometers per hour", "speed", "km/h", "kph", "kmh"),
    **_forms("degrees Fahrenheit", "temperature", "°F", "ºF"), **_forms("degrees Celsius", "temperature", "°C", "ºC"),
    **_forms("degrees", "temperature", "°"),
    **_forms("square feet", "area", "sq ft", "sq. ft."), **_forms("square miles", "area", "sq mi"),
    **_forms("square kilometers", "area", "sq km", "km2", "km²"),
    **_forms("kilobytes", "data", "KB", "kB"), **_forms("megabytes", "data", "MB"),
    **_forms("gigabytes", "data", "GB"), **_forms("terabytes", "data", "TB"),
    **_forms("kilowatts", "power", "kW"), **_forms("megawatts", "power", "MW"),
    **_forms("gigawatts", "power", "GW"),
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
_BASELINE_MARK = re.compile(r"\b(?:from|compared\s+(?:to|with)|than|versus|vs\.?"
                            r"|as\s+(?:many|much|high|large|big|great|low|few|likely)\s+as"
                            r"|what\s+(?:it|they|this|that|those|these)\s+(?:was|were|had\s+been))\b", re.I)
_BASELINE_TAIL = re.compile(r"(?:\bfrom|\bcompared\s+(?:to|with)|\bthan|\bversus|\bvs\.?)\s*$", re.I)
_RATE_AFTER = re.compile(r"""\b(?:(?:per|a|an|every|each)\s+(?P<ru>hour|day|week|month|year)
 |(?P<adv>hourly|daily|weekly|monthly|annually|yearly))\b
 (?!\s+(?:earlier|ago|later|before|after|prior)\b)""", re.I | re.X)
_RATE_ADVERBS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month",
                 "annually": "year", "yearly": "year"}
_DAYS_WHEN = re.compile(r"\b(?:days|some\s+days|a\s+single\s+day|one\s+day)\b[^.;]{0,60}?"
                        r"\b(?:when|on\s+which|in\s+which)\b", re.I)
_CLAUSE_END = re.compile(r"[,;:()](?:(?<!\d,)|(?!\d))|\s[—–]\s|[.!?](?:\s|$)")  # not the comma of "1,200"
_RUN_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z’'\-]*|\S")
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
_STRONG = re.compile(r"\s+strong\b", re.I)
# "The officer, 34, was ...": an age given in apposition.
_APPOSITIVE_AGE_BEFORE = re.compile(r"(?:\b(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu"
                                    r"|Fri|Sat|Sun)[a-z]*\.?\s*,)[A-Z][a-z’'.-]+"
                                    r"|\b(?:officer|agent|man|woman|mother|father|son|daughter"
                                    r"|wife|husband|boy|girl|teen|teenager|migrant|resident|worker|driver|smuggler"
                                    r"|victim|suspect|guard|soldier|child|grandmother|grandfather))\s*,\s*$")
_CUT_BEFORE = re.compile(r"\b(?:cut|cuts|slashed|sliced|reduced|fell|fallen|dropped|declined|decreased|"
                         r"shrunk|shrank|plunged|plummeted)\b[^,;.]{0,30}$", re.I)
# A time phrase that opens a coordinated clause ("..., and in December, 73,000"): gap
# from a figure to the phrase's core ends with a conjunction (and a preposition).
_COORDINATION_TAIL = re.compile(r"(?:^|[\s,;—–])(?:and|but|while|whereas|yet|or|then|whilst)\s*,?\s+"
                                r"(?:(?:in|during|by|on|through|for|since|throughout|around|until|from)\s+)?$",
                                re.I)
# "the lowest level since 2017": "since" dates the record the figure sets, not the figure.
# "since Trump took office in 2017": a time phrase at the end of a clause opened by "since"
# (up to six words, no number or punctuation between) dates from then to the article.
_SINCE_CLAUSE = re.compile(r"\b[Ss]ince\s+(?P<rest>(?:[^\s,;:.\d“”\"]+\s+){1,6})$")
_RECORD_SINCE = re.compile(r"\b(?:highest|lowest|most|fewest|least|largest|smallest|biggest|greatest|worst|best"
                           r"|busiest|slowest|quietest|sharpest|steepest|first\s+time|record"
                           r"|(?:a|an|the|its|their|new)\s+(?:[\w-]+\s+)?(?:highs?|lows?|peak))\b"
                           r"[^,;.\d]{0,40}\bsince\s+$", re.I)
# "three times as many", "five times higher than": a ratio, not a count of "times".
_TIMES_RATIO = re.compile(r"\s+times\s+(?:as\s+(?:many|much|high|large|big|likely|fast)|more|higher|larger"
                          r"|greater|bigger|faster|lower|fewer|less|smaller|the|that|what|its|their)\b", re.I)
_TIMES_DOWN = re.compile(r"\s+times\s+(?:lower|fewer|less|smaller)\b", re.I)
# "stopped migrants 75,000 times": events counted by an enforcement verb.
_VERB_BEFORE_TIMES = re.compile(rf"\b(?P<v>{_VERB_RE})\b[^,;:.\d]{{0,50}}$", re.I)
# North American ("(202) 344-1780", "202 344 1780", "+1 202.344.1780") and international
# numbers ("+52 55 1234 5678", "+44 (0)20 7946 0958").
_PHONE = re.compile(r"""(?<![\w.])(?:(?:\+?1[-.\s])?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}
 |\+\d{1,3}(?:[-.\s]?\(\d{1,4}\)\d{0,4}|[-.\s]\d{1,5}){2,5})(?!\w)""", re.X)
_OWN_VERB = re.compile(r"\b(?:were|was|are|is|have|has|had|will|would|\w+ed)\b", re.I)
_MAKE_UP = re.compile(r"\b(?:made|make|makes|making)\s+up\s*$", re.I)
_PEOPLE_AS = re.compile(r"\s+(?:\w+\s+){0,3}?as\s+(?:families|family\s+units|family\s+members)\b", re.I)
_MIGRATION_CONTEXT = re.compile(r"""\b(?:migra\w*|immigra\w*|caravans?|asylum|borders?|refugees?|deport\w*
 |crossings?|smuggl\w*|custody|apprehen\w*|cbp|c\.b\.p\.|remain\s+in\s+mexico|title\s+42|procession)\b""",
                                re.I | re.X)
_TIME_OF_DAY = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b)", re.I)
_LINK_MARKS = ("://", "www.", "@", ".com", ".org", ".gov")
_QUOTE = re.compile(r"[“\"][^“”\"\n]*[”\"]")

# Status of a figure (STATUSES). Estimate signals come first so that "may have crossed"
# (an estimate of the past) is not read as the modal "may" (a projection).
# (?=[...]): the letters a signal starts with, so the engine skips other positions (speed).
_STATUS_SIGNAL = re.compile(r"""(?=[eauiwbmcsopfvdh’'])(?:\b|(?<=\w)(?=[’']))(?:
 (?P<estimate>estimat(?:es?|ed|ing|ion)|as\s+(?:many|much)\s+as|up\s+to
  |(?:is|are|was|were|been)\s+(?:believed|thought|reckoned|said)\s+to
  |(?-i:may|might|could|must)\s+(?:well\s+)?(?:not\s+)?have)
 |(?P<projection>(?P<modal>(?-i:will|would|could|may|might|shall)|won[’']t|wouldn[’']t|(?<=\w)[’']ll)
  |expect(?:s|ed|ing|ations?)?|projected|projecting|projections?|forecast(?:s|ed|ing)?
  |predict(?:s|ed|ing|ions?)?|anticipat(?:es?|ed|ing)|on\s+(?:track|pace|course)\s+(?:to|for)
  |(?:is|are|was|were)\s+(?:likely|set|due|poised|going|about)\s+to
  |(?:pledged|promised|vowed|agreed|committed|plans?|planned|planning|aims?|aimed|intends?|intended
   |proposes?|proposed|seeks?|sought|wants?|wanted|hopes?|hoped)\s+to|authori[sz]ed))\b""",
                            re.I | re.X)
# "more than expected", "as forecast", "twice what it projected": the figure is compared
# with a projection, it is not one.
_STATUS_COMPARED = re.compile(r"\b(?:than|as|what\s+\w+)\s+(?:(?:had|has|have|was|were|been|previously"
                              r"|initially|first|widely|originally)\s+)*$", re.I)
# "46 percent would vote for her": a poll's finding, not a projection.
_POLL_VERB = re.compile(r"\s+(?:\w+ly\s+)?(?:vote|choose|back|support|favou?r|prefer|pick|select|oppose|consider)\b",
                        re.I)
# After the figure, only what makes it the subject of a projection or an estimate counts:
# a modal ("6,000 will arrive") or a passive ("6,000 are expected", "is estimated at").
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)
# Between a signal and the figure, a new clause: "expects 6,000 after 5,000 crossed".
_STATUS_BLOCK = re.compile(r"\b(?:after|before|when|whenever|while|because|since|although|though|than|but|who"
                           r"|whom|which|that|where|whereas|if|unless|said|says|say|told)\b", re.I)
_THAT_LEAD = re.compile(r"^\s*that\b")
_STATUS_BLOCK_AFTER = re.compile(r"\b(?:and|or|it|they|he|she|we|i|you|this|there)\b|[,;…]", re.I)
# A clause that describes the figure before it ("..., up 30 percent from February",
# "..., including 40,000 children") shares that figure's status.
_STATUS_APPOSITION = re.compile(r"(?:and\s+|or\s+)?(?:up|down|including|among\s+(?:them|whom|which)"
                                r"|of\s+(?:whom|which|them)|an?\s+(?:increase|decrease|rise|drop|decline|jump|fall"
                                r"|gain|loss|total)\s+of)\b", re.I)

# Time phrases. Month names are case-sensitive ("may" is a verb) and need a preposition,
# a day or a year next to them; the other forms are case-insensitive.
_MSPEC = (r"(?:(?i:the\s+(?:start|beginning|middle|end)\s+of|early|mid|late)[\s-]+)?"
          r"(?P<{m}>" + _MONTH_RE + r")(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?"
          r"(?:,?\s+(?:of\s+)?(?P<{y}>" + _YEAR_RE + r"))?")
_NUMWORD_RE = rf"(?:\d+|{_WORD_RE}(?:-{_WORD_RE})?)"
# How a time phrase can start (any case): a preposition before "the", "early", "mid",
# "late", a month, a weekday or a year; "the" before one of _THE_NEXT; "a year/month/
# week"; another word always followed by a space or hyphen; or a word standing alone.
_MONTH_WORDS = [*_MONTH_NUMBERS, "sept"]
_THE_NEXT = "early first same past last previous prior year month week spring summer fall autumn winter".split()
_TIME_START = ("(?i:(?:" + trie_pattern("in during since from to until through by of for and than before after between "
                                "around throughout on".split())
               + r")[\s-]+(?:" + trie_pattern(["the", "early", "mid", "late", *_MONTH_WORDS, *_WEEKDAYS]) + "|[12])"
               + r"|the\s+" + trie_pattern(_THE_NEXT) + r"|a\s+(?:year|month|week)"
               + "|(?:" + trie_pattern("early first same over past last previous earlier later so this next late mid "
                                "fiscal".split()) + r")[\s-]"
               + "|" + trie_pattern(["yesterday", "today", "tonight", "fy", *_WEEKDAYS, *_MONTH_WORDS]) + ")")
_TIME_PHRASE = re.compile(
    r"\b(?=[A-Za-z])(?=" + _TIME_START + ")(?:"  # only at word starts that may open one (speed)
    r"(?P<rng>(?i:between|from)\s+" + _MSPEC.format(m="m1", y="y1")
    + r"\s+(?i:and|to|through|until|till)\s+" + _MSPEC.format(m="m2", y="y2") + ")"
    + r"|(?P<adm>(?i:(?:the\s+)?(?:early|first)\s+(?P<adm_unit>days|weeks|months)\s+of\s+the\s+"
      r"(?P<adm_name>trump|biden|obama|bush)\s+administration))"
    + r"|(?P<same>(?i:(?:the\s+)?same\s+(?:period|month|time|quarter)\s+(?:a\s+year\s+(?:earlier|ago|before)"
      r"|last\s+year|the\s+(?:previous|prior)\s+year|of\s+the\s+previous\s+year)))"
    + r"|(?P<past>(?i:(?:over\s+)?(?:the\s+)?(?:past|last|previous)\s+(?P<pn>" + _NUMWORD_RE
    + r")\s+(?P<pu>days|weeks|months|years)|(?:over\s+)?the\s+past\s+(?P<pu1>week|month|year)))"
    + r"|(?P<rel>(?i:\b(?:a\s+(?P<ago_u>year|month|week)\s+(?:earlier|ago|before)"
      r"|the\s+(?:previous|prior)\s+(?P<prev_u>year|month|week)|the\s+(?P<bef_u>year|month|week)\s+before"
      r"|(?:(?:earlier|later|so\s+far)\s+)?(?P<rel_w>last|this|next)\s+(?P<rel_u>year|month|week)"
      r"|during\s+the\s+(?P<dur_u>month|week|year)|yesterday|today|tonight|this\s+(?:morning|afternoon|evening))\b))"
    + r"|(?P<mon>(?:(?P<mprep>(?i:in|during|since|from|to|until|through|by|of|for|last|this|next|and|than|"
      r"early|late|mid|before|after|between|around|throughout))[\s-]+|(?=" + _MONTH_RE + r"\s+\d))"
    + _MSPEC.format(m="m", y="my") + ")"
    + r"|(?P<wd>(?:(?P<wdprep>(?i:on|earlier|late|last|this|next))\s+)?(?P<wdn>Monday|Tuesday|Wednesday|"
      r"Thursday|Friday|Saturday|Sunday)s?\b)"
    + r"|(?P<season>(?i:(?P<sprep>in\s+the|during\s+the|last|this|next|the|early|late)\s+"
      r"(?P<sname>spring|summer|fall|autumn|winter))\b(?:\s+(?:of\s+)?(?P<sy>" + _YEAR_RE + r"))?)"
    + r"|(?P<yr>(?:(?P<fy>(?i:fiscal\s+(?:year\s+)?|FY\s?))|(?P<yprep>(?i:in|during|since|by|until|through|for|"
      r"of|throughout))\s+)(?P<y>" + _YEAR_RE + r")\b(?!s\b|’s|'s|-\d)))"
)
_PREP_LEAD = re.compile(r"(?i:in|during|since|from|to|until|through|by|of|for|and|than|between|on|around|"
                        r"throughout|before|after)\s+")

# Attribution.
_SPEECH = re.compile(r"\b(?:said|says|told|tells|announced|announces|reported|reports|estimated|estimates"
                     r"|stated|states|added|adds|noted|notes|tweeted|wrote|writes|explained|replied|claimed"
                     r"|claims|testified|warned|acknowledged|confirmed|predicted|projected|argued|insisted)\b")
# _ACCORDING and _DATA_SOURCE start with a letter, the word boundary checked just after it
# (\b before a word character): the engine then scans for that letter instead of
# trying every position.
_ACCORDING = re.compile(r"(?:A|a)(?<!\w.)ccording\s+to\s+(?P<src>(?:(?:[A-Z]\.){2,}|[^,;.”\"\n])+?)"
                        r"(?=\s+(?:in|at|on|during|which|who|that|released|published)\b|[,;”\"]|\.(?:\s|$)|$)"
                        r"(?:(?:\s+(?:in|at|on|during)\s+[^,;.”\"\n]*)?,?\s+(?:quoting|citing)\s+"
                        r"(?P<cited>(?:(?:[A-Z]\.){2,}|[^;.”\"\n])+))?")
_DATA_SOURCE = re.compile(r"(?P<src>[A-Z](?<!\w.)[\w.&’'-]*\s+(?:[A-Z][\w.&’'-]*\s+){0,5}(?:data|figures|statistics|estimates|numbers))"
                          r"\s+(?:show|showed|shows|indicate|indicated|released|published)\b")
_TRAILING_AUX = re.compile(r"(?:\s+(?:has|have|had|also|later|previously|then|repeatedly|recently|publicly"
                           r"|would|will|once|first|initially))+\s*$")
_RELATIVE_SPEAKER = re.compile(r"\b(?:in\s+which|which|who|whom|where)\s+\S+\s*$")
_APPOSITIVE = re.compile(r"(?:^|[.;:“”\"—]\s*)(?P<name>[A-Z][^,]{0,80}?),\s+[^,]{1,80},\s*$")
_SUBJECT_SPLIT = re.compile(r"[,;:“”\"—()]|\bthat\b")
_SUBJECT_AFTER = re.compile(r"\s+(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})")
_SENTENCE_NAME = re.compile(r"^(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+[a-z]")
_PRONOUNS = frozenset("he she they it we i you".split())
_SOURCE_NOUNS = re.compile(r"\b(?:agency|office|officials?|government|ministry|department|data|figures|statistics"
                           r"|experts|analysts|spokes(?:man|woman|person)|president|secretary|commissioner|aides"
                           r"|administration|police|authorities|groups|advocates|researchers|agents|patrol)\b", re.I)


# ---------------------------------------------------------------------------------------
# Periods

def _ym(year: int, month: int) -> int:
    return year * 12 + month - 1


def _fmt(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _span(first: int, last: int) -> str:
    return _fmt(first) if first == last else f"{_fmt(first)}..{_fmt(last)}"


def _parse_span(period: str) -> tuple[int, int] | None:
    if not period:
        return None
    parts = period.split("..")
    idx = [int(p[:4]) * 12 + int(p[5:7]) - 1 for p in parts]
    return idx[0], idx[-1]


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.lower()[:3]]


def _recent_month(month: int, ref: int, mode: str = "latest") -> int:
    """Index of ``month`` relative to the reference month index: the latest occurrence not
    after it (``latest``), strictly before it (``before``), or the next one (``next``)."""
    year = ref // 12
    idx = _ym(year, month)
    if mode == "next":
        return idx if idx > ref else idx + 12
    if mode == "before":
        return idx if idx < ref else idx - 12
    return idx if idx <= ref else idx - 12


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


def _resolve_match(m: re.Match, date: pd.Timestamp | None, anchor: str = "") -> str:
    """Period of a :data:`_TIME_PHRASE` match, given the article date and, for phrases
    relative to another figure ("a year earlier"), that figure's period ``anchor``. A
    month name with an anchor is the latest such month before the anchor ("up 20
    percent from December" said of February 2020 is 2019-12)."""
    dated = date is not None and not pd.isna(date)
    ref = _ym(date.year, date.month) if dated else None
    anchor_span = _parse_span(anchor)
    if m.group("mon") and anchor_span and not m.group("my"):
        return _fmt(_recent_month(_month_number(m.group("m")), anchor_span[0], "before"))
    if m.group("rng"):
        y2 = m.group("y2")
        m2 = _month_number(m.group("m2"))
        if y2:
            last = _ym(int(y2), m2)
        elif dated:
            last = _recent_month(m2, ref)
        else:
            return ""
        m1 = _month_number(m.group("m1"))
        first = _ym(int(m.group("y1")), m1) if m.group("y1") else _recent_month(m1, last)
        return _span(first, last) if first <= last else ""
    if m.group("mon"):
        month = _month_number(m.group("m"))
        if m.group("my"):
            idx = _ym(int(m.group("my")), month)
        elif not dated:
            return ""
        else:
            prep = (m.group("mprep") or "").lower()
            idx = _recent_month(month, ref, {"next": "next", "last": "before"}.get(prep, "latest"))
        if (m.group("mprep") or "").lower() == "since" and dated and idx <= ref:
            return _span(idx, ref)
        return _fmt(idx)
    if m.group("yr"):
        year = int(m.group("y"))
        if m.group("fy"):
            return _span(_ym(year - 1, 10), _ym(year, 9))
        if (m.group("yprep") or "").lower() == "since" and dated and _ym(year, 1) <= ref:
            return _span(_ym(year, 1), ref)
        return _span(_ym(year, 1), _ym(year, 12))
    if m.group("same"):
        if anchor_span:
            return _span(anchor_span[0] - 12, anchor_span[1] - 12)
        return _fmt(ref - 12) if dated else ""
    if m.group("adm"):
        name = m.group("adm_name").lower()
        starts = [_parse_span(s)[0] for s in ADMINISTRATION_STARTS[name]]
        usable = [s for s in starts if not dated or s <= ref]
        if not usable:
            return ""
        start = max(usable)
        length = 6 if m.group("adm_unit").lower() == "months" else 3
        return _span(start, start + length - 1)
    if not dated:
        return ""
    day = date.normalize()
    if m.group("past"):
        unit = (m.group("pu") or m.group("pu1")).lower().rstrip("s")
        n = _count(m.group("pn")) if m.group("pn") else 1
        if not n:
            return ""
        if unit in ("month", "year"):
            months = n * (12 if unit == "year" else 1)
            return _span(ref - months, ref - 1)
        days = n * (7 if unit == "week" else 1)
        first, last = day - pd.Timedelta(days=days), day - pd.Timedelta(days=1)
        return _span(_ym(first.year, first.month), _ym(last.year, last.month))
    if m.group("rel"):
        return _resolve_relative(m, day, ref, anchor_span)
    if m.group("wd"):
        target = _WEEKDAYS[m.group("wdn").lower()]
        prep = (m.group("wdprep") or "").lower()
        if prep == "next":
            back = -(((target - day.weekday()) % 7) or 7)
        else:
            back = (day.weekday() - target) % 7
            if prep == "last" and back == 0:
                back = 7
        when = day - pd.Timedelta(days=back)
        return _fmt(_ym(when.year, when.month))
    if m.group("season"):
        first_month = _SEASONS[m.group("sname").lower()]
        prep = m.group("sprep").lower()
        if m.group("sy"):
            start = _ym(int(m.group("sy")), first_month)
        else:
            start = _ym(ref // 12, first_month)
            if prep == "next":
                start = start if start > ref else start + 12
            elif prep == "last":
                while start + 2 >= ref:  # the latest season that has ended
                    start -= 12
            else:
                start = start if start <= ref else start - 12
        return _span(start, start + 2)
    return ""


def _resolve_relative(m: re.Match, day: pd.Timestamp, ref: int, anchor_span) -> str:
    text = m.group("rel").lower()
    shift_unit = m.group("ago_u") or m.group("prev_u") or m.group("bef_u")
    if shift_unit:
        shift_unit = shift_unit.lower()
        if shift_unit == "week":
            when = day - pd.Timedelta(days=7)
            return _fmt(_ym(when.year, when.month))
        months = 12 if shift_unit == "year" else 1
        if anchor_span:
            return _span(anchor_span[0] - months, anchor_span[1] - months)
        if shift_unit == "year" and (m.group("prev_u") or m.group("bef_u")):
            year = ref // 12 - 1
            return _span(_ym(year, 1), _ym(year, 12))
        return _fmt(ref - months)
    if m.group("rel_u"):
        which, unit = m.group("rel_w").lower(), m.group("rel_u").lower()
        step = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "month":
            return _fmt(ref + step)
        if unit == "week":
            when = day + pd.Timedelta(days=7 * step)
            return _fmt(_ym(when.year, when.month))
        year = ref // 12 + step
        return _span(_ym(year, 1), ref if step == 0 else _ym(year, 12))
    if m.group("dur_u"):
        unit = m.group("dur_u").lower()
        return _span(_ym(ref // 12, 1), ref) if unit == "year" else _fmt(ref)
    if text == "yesterday":
        when = day - pd.Timedelta(days=1)
        return _fmt(_ym(when.year, when.month))
    return _fmt(ref)


def resolve_period(phrase: str, article_date, anchor: str = "") -> str:
    """The period a time phrase refers to, for an article published on ``article_date``.

    Returns ``'YYYY-MM'``, ``'YYYY-MM..YYYY-MM'`` or ``''`` (not a time phrase, or one that
    names no period, such as "in recent weeks"). Rules:

    * a month name is its latest occurrence not after the article's month ("in February"
      in March 2019 is 2019-02; in January 2020 it is 2019-02); "last May" is strictly
      before, "next May" after; "since May" runs to the article's month;
    * "between May and the end of November" resolves the end first, then the start
      before it; an explicit year always wins;
    * "last/this/next month", "during the month", "last week", weekdays ("on Friday"),
      "yesterday", "today" resolve from the article date; "this year" runs from January
      to the article's month, "last year" is the previous calendar year;
    * "the past N months/years" are the N full months (12N) ending the month before the
      article; "the past N weeks/days" are those days before the article date;
    * "a year earlier", "a year ago", "the same period last year", "the previous year"
      shift ``anchor`` (the period of the figure compared) back 12 months; without an
      anchor they shift the article's month ("the previous year" without one is the
      previous calendar year);
    * seasons (spring = Mar–May, summer = Jun–Aug, fall = Sep–Nov, winter = Dec–Feb);
      "last fall" is the latest fall that has ended;
    * years ("in 2019") are Jan–Dec, "fiscal 2019" is Oct 2018–Sep 2019, "since 2007"
      runs to the article's month;
    * "the early days/weeks of the Trump administration" are the first three months of
      the latest term begun by the article date (:data:`ADMINISTRATION_STARTS`), "the
      early months" the first six.
    """
    date = pd.Timestamp(article_date) if article_date is not None and not pd.isna(article_date) else None
    text = " ".join(str(phrase).split())
    for candidate in (text, f"in {text}"):
        m = _TIME_PHRASE.search(candidate)
        if m:
            return _resolve_match(m, date, anchor)
    return ""


def _combine_change(current: str, base: str) -> str:
    """Period of a change: its own period for a year-over-year comparison (or no baseline),
    else the span from the baseline to it."""
    cur, prev = _parse_span(current), _parse_span(base)
    if not cur or not prev or prev[1] >= cur[0] or cur[0] - prev[0] == 12:
        return current
    return _span(prev[0], cur[1])


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


@dataclass
class _Phrase:
    start: int
    end: int
    core: int
    match: re.Match
    period: str
    inherent: bool  # dates something relative to another period ("a year earlier")
    baseline_like: bool  # introduced by "from", "compared to", "than" ...


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
    if tok[-1] in ".!?:;,)”\"’'—–" or not (tok[0].isupper() or (tok[0].isalpha() and not tok.islower())):
        return False
    word = low.strip(".,")
    return (word not in STOP_WORDS and word not in _QUALIFIER_WORDS and not word.endswith("ly")
            and not re.fullmatch(_MONTH_RE, tok))


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = _CLAUSE_END.search(text, pos, limit)
    return m.start() if m else limit


def _counted_run(text: str, pos: int, limit: int, skip_of: bool):
    """The counted noun after a number: ``(measure, unit, counted, end)`` or None.

    Walks at most five words, stopping at punctuation or a function word; the head is the
    first counted noun (:data:`_PERSON_NOUNS`, :data:`_THING_NOUNS`), or a plural word."""
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
    if low in _PERSON_NOUNS:
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
    # are capitalized or adjectives ("seven countries", "seven Central American countries").
    for n, tm in enumerate(run[:3]):
        word = tm.group()
        if _is_plural(word):
            counted = text[run[0].start():tm.end()]
            if word[0].isupper() and word.endswith(("ans", "is")):  # "29 Texans", "40 Iraqis"
                return "people", "people", counted, tm.end()
            return "other", word.lower(), counted, tm.end()
        if not (word[0].isupper() or word.lower() in _ADJECTIVES or word.lower().endswith(_ADJECTIVE_ENDINGS)):
            break
    return None


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
            fig.end = measured.end()
            if fig.kind == "weight":
                fig.measure = "drugs" if _DRUGS.search(text, fig.end, min(limit, fig.end + 40)) else "other"
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
        needs_of = fig.kind == "share" and not m.group("share")
        if run and not (needs_of and not text[fig.end:run[3]].lstrip().lower().startswith("of")):
            measure, unit, counted, run_end = run
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
    """``(unit, kind)`` of a :data:`_MEASURE_UNIT` match."""
    if m.group("g"):
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


# ---------------------------------------------------------------------------------------
# Attribution

def _clean_source(src: str) -> str:
    return " ".join(src.strip(" ,.;:“”\"").split())


def _valid_source(src: str) -> bool:
    words = src.split()
    return (0 < len(words) <= 12 and (src[0].isupper() or src.lower().startswith(("the ", "a ")))
            and (any(w[0].isupper() for w in words) or bool(_SOURCE_NOUNS.search(src))))


def _subject_before(sentence: str, verb_start: int) -> str:
    seg = _TRAILING_AUX.sub("", sentence[:verb_start].rstrip())
    if _RELATIVE_SPEAKER.search(seg):
        return ""  # "a warning in which he said": speech reported inside a description
    if seg.endswith(","):
        app = _APPOSITIVE.search(seg)
        if app:
            return _clean_source(app.group("name"))
    chunk = _clean_source(_SUBJECT_SPLIT.split(seg)[-1])
    if chunk.lower() in _PRONOUNS:
        return chunk.lower()
    return chunk if _valid_source(chunk) else ""


def _sentence_sources(sentence: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]], str]:
    """``(cited, speakers, subject)``: data sources ("according to X", "X figures show"),
    speakers of speech verbs (position, name; pronouns as written) and the sentence's
    leading proper-name subject (to resolve a pronoun speaker)."""
    cited = []
    for m in _ACCORDING.finditer(sentence):
        src = _clean_source(m.group("src"))
        if m.group("cited"):
            src = f"{src} (citing {_clean_source(m.group('cited'))})"
        cited.append((m.start(), src))
    for m in _DATA_SOURCE.finditer(sentence):
        cited.append((m.start(), _clean_source(m.group("src"))))
    speakers = []
    for m in _SPEECH.finditer(sentence):
        name = _subject_before(sentence, m.start())
        if not name and re.search(r"[,”\"]\s*$", sentence[:m.start()]):
            after = _SUBJECT_AFTER.match(sentence, m.end())
            name = _clean_source(after.group("name")) if after else ""
        if name:
            speakers.append((m.start(), name))
    lead = _SENTENCE_NAME.match(sentence)
    subject = lead.group("name") if lead and lead.group("name").split()[0].lower() not in STOP_WORDS else ""
    return cited, speakers, subject


def _attribution(sources, pos: int) -> str:
    cited, speakers, subject = sources
    if cited:
        return min(cited, key=lambda c: abs(c[0] - pos))[1]
    named = [(p, s) for p, s in speakers if s.lower() not in _PRONOUNS]
    if named:
        before = [c for c in named if c[0] <= pos]
        return (before[-1] if before else named[0])[1]
    if speakers and subject:
        return subject
    return ""


# ---------------------------------------------------------------------------------------
# Periods of the figures of one sentence

def _phrases(text: str, s0: int, s1: int, date) -> list[_Phrase]:
    """Time phrases of the sentence ``text[s0:s1]``, resolved against the article date."""
    out = []
    for m in _TIME_PHRASE.finditer(text, s0, s1):
        lead = _PREP_LEAD.match(text, m.start(), m.end())
        core = lead.end() if lead else m.start()
        since_end = core if lead and lead.group().lower().startswith("since") else m.start()
        lo = max(s0, m.start() - 70)
        clause = _SINCE_CLAUSE.search(text, lo, m.start()) if text.find("ince ", lo, m.start()) >= 0 else None
        if clause:  # "since Trump took office in 2017" is since 2017
            since_end = clause.start("rest")
        if _RECORD_SINCE.search(text, max(s0, since_end - 70), since_end):
            continue  # "the lowest level since 2017": no period of any figure
        inherent = bool(m.group("same") or (m.group("rel") and (
            m.group("ago_u") or m.group("prev_u") or m.group("bef_u"))))
        baseline_like = bool(_BASELINE_TAIL.search(text, max(0, m.start() - 25), core))
        period = _resolve_match(m, date)
        if clause:
            period = _since_period(period, date)
        out.append(_Phrase(m.start(), m.end(), core, m, period, inherent, baseline_like))
    return out


def _projected_period(phrase: _Phrase, period: str, date) -> str:
    """Period of a projection dated by a month name without a year ("expected to reach
    120,000 in October"): the nearest such month, which may lie after the article (October
    in a September article is the coming one; August the last). ``period`` otherwise."""
    m = phrase.match
    if (date is None or not m.group("mon") or m.group("my") or period != phrase.period
            or (m.group("mprep") or "").lower() in ("last", "next", "since", "this")):
        return period
    ref = _ym(date.year, date.month)
    latest = _recent_month(_month_number(m.group("m")), ref)
    return _fmt(latest + 12) if latest + 12 - ref < ref - latest else period


def _since_period(period: str, date) -> str:
    """From the start of ``period`` to the article's month (``''`` when either is missing
    or the period starts after the article)."""
    span = _parse_span(period)
    if span is None or date is None:
        return ""
    ref = _ym(date.year, date.month)
    return _span(span[0], ref) if span[0] <= ref else ""


def _assign_periods(text: str, figures: list[_Figure], phrases: list[_Phrase], date) -> None:
    """Period and baseline of each figure of one sentence from the sentence's phrases."""
    for i, fig in enumerate(figures):
        own = [p for p in phrases if p.start <= fig.start and fig.end <= p.end]
        if own:
            fig.period, fig.own_phrase = own[0].period, True
            continue
        before = [p for p in phrases if p.end <= fig.start and not p.inherent and not p.baseline_like]
        if fig.kind in ("change", "ratio"):
            stop = next((o.start for o in figures[i + 1:] if o.kind in ("change", "ratio")), len(text))
            current = base = None
            prev = fig.end
            for p in phrases:
                if p.start < fig.end or p.start >= stop:
                    continue
                gap = text[prev:p.core]
                if p.inherent or _BASELINE_MARK.search(gap):
                    base = base or p
                elif current is None:
                    current = p
                prev = p.end
            if base is not None and current is None and base.match.group("rng") and base.period:
                # "fell 56 percent from May to August": the change spans the range
                fig.baseline, fig.period = _fmt(_parse_span(base.period)[0]), base.period
                continue
            current_period = current.period if current else (before[-1].period if before else "")
            if base:
                fig.baseline = _resolve_match(base.match, date, current_period)
                fig.base_match = base.match
            fig.period = _combine_change(current_period, fig.baseline) if current_period else ""
            continue
        chosen = None
        for p in phrases:
            if p.start < fig.end:
                continue
            gap = text[fig.end:p.core]
            between = [o for o in figures if fig.end <= o.start < p.start]
            # a phrase opening the next coordinated clause ("70,000 were stopped, and in
            # December, 73,000") dates that clause, not this one
            if (len(gap) <= 80 and ";" not in gap and not _BASELINE_MARK.search(gap)
                    and (not between or fig.kind == "record") and not p.inherent
                    and not _COORDINATION_TAIL.search(gap)):
                chosen = p
            break
        if chosen is None and before:
            chosen = before[-1]
        if chosen is not None:
            fig.period, fig.phrase = chosen.period, chosen


def _current_of_baseline(base: re.Match, baseline: str, date) -> str:
    """Period of a change or ratio compared with ``baseline`` that names no period of its
    own. Compared with a year before ("fell 10% from last year", "up 149 percent from a
    year earlier"): the baseline a year on, up to the article's month ("from a year
    earlier" in January 2021 is 2021-01, "from last year" is this year so far). Compared
    with another period ("down 40% from their peak in May 2019", "half what they were in
    May"): from the baseline to the article's month, as "since May 2019"."""
    year_back = bool(base.group("same") or (base.group("rel") and (
        (base.group("ago_u") or base.group("prev_u") or base.group("bef_u") or "").lower() == "year"
        or ((base.group("rel_w") or "").lower() == "last" and (base.group("rel_u") or "").lower() == "year"))))
    span = _parse_span(baseline)
    if span is None or date is None:
        return ""
    if not year_back:
        return _since_period(baseline, date) if span[1] < _ym(date.year, date.month) else ""
    ref = _ym(date.year, date.month)
    first, last = span[0] + 12, min(span[1] + 12, ref)
    return _span(first, last) if first <= last else ""


def _main_period(phrases: list[_Phrase]) -> str:
    return next((p.period for p in phrases if not p.inherent and not p.baseline_like and p.period), "")


# ---------------------------------------------------------------------------------------
# Status: reported, projection or estimate

def _signal_status(text: str, fig: _Figure, signals: list[re.Match], lo: int, hi: int) -> str:
    """Status given by the ``signals`` (:data:`_STATUS_SIGNAL` matches of the sentence)
    within ``text[lo:hi]`` around ``fig``: ``projection`` or
    ``estimate`` from the words before the figure, else from its own words ("an
    estimated", "up to"), else from the words after it; ``''`` when none applies. A
    signal applies when no new clause (:data:`_STATUS_BLOCK`) stands between it and the
    figure and it does not compare ("than expected"); after the figure, only a modal or
    a passive whose subject the figure is ("6,000 will arrive", "6,000 are expected")."""
    found: dict[int, str] = {}  # zone (0 before, 1 in the figure, 2 after) -> status
    for m in signals:
        if m.start() < lo or m.end() > hi:
            continue
        if m.start() < fig.end:
            zone = 0 if m.start() < fig.start else 1
            gap = text[m.end():fig.start if zone == 0 else fig.end]
            gap = _THAT_LEAD.sub("", gap)  # "estimated that 5,000"
        else:
            zone, gap = 2, text[fig.end:m.start()]
            if (len(gap) > 30 or _STATUS_BLOCK_AFTER.search(gap)
                    or not (m.group("modal") or _BE_BEFORE.search(text, max(0, m.start() - 20), m.start()))):
                continue
        if (_STATUS_BLOCK.search(gap) or _STATUS_COMPARED.search(text, max(0, m.start() - 40), m.start())
                or (m.group("modal") and _POLL_VERB.match(text, m.end()))):
            continue
        if found.get(zone) != "projection":
            found[zone] = "projection" if m.group("projection") else "estimate"
    return found.get(0) or found.get(1) or found.get(2) or ""


def _figure_status(text: str, fig: _Figure, s0: int, s1: int, next_start: int, earlier: list[tuple[int, str]],
                   signals: list[re.Match], date) -> str:
    """``reported``, ``projection`` or ``estimate`` (:data:`STATUSES`) for ``fig`` of the
    sentence ``text[s0:s1]``: a period after the article, else the signal words around
    it within its clause (at most 80 characters before it, 60 after, not past the next
    figure), else the status of the figure a describing clause follows ("..., up 30
    percent", "..., including 40,000 children"). ``next_start`` is where the sentence's
    next figure starts, ``earlier`` the ``(end, status)`` of the figures before it,
    ``signals`` the :data:`_STATUS_SIGNAL` matches of the sentence."""
    if date is not None and fig.period:
        span = _parse_span(fig.period)
        if span[0] > _ym(date.year, date.month):
            return "projection"  # about a period after the article
    if not signals and all(st == "reported" for _, st in earlier):
        return "reported"
    lo = max(s0, fig.start - 80)
    clause_start = s0 if lo == s0 else None
    for cm in _CLAUSE_END.finditer(text, lo, fig.start):
        clause_start = cm.end()
    after_end = min(_clause_end(text, fig.end, s1), next_start, fig.end + 60)
    status = _signal_status(text, fig, signals, lo if clause_start is None else clause_start, after_end)
    if not status and clause_start and clause_start > s0 and _STATUS_APPOSITION.match(
            text, clause_start + len(text[clause_start:fig.start]) - len(text[clause_start:fig.start].lstrip())):
        status = next((st for e, st in reversed(earlier) if e <= clause_start), "")
    return status or "reported"


# ---------------------------------------------------------------------------------------
# Public API

def extract_figures(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None,
                    posts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every quantity the articles cite, one row per quantity, columns :data:`FIGURE_COLUMNS`.

    ``corpus`` is the table from :func:`~borderlines.corpus.load_corpus` (``doc_id``,
    ``date``, ``text``, optionally ``title`` for embedded posts); ``sentences`` an optional
    precomputed :func:`~borderlines.nlp.sentence_table` of it. Offsets are into the clean
    ``text``, so ``text[start:end] == surface``. Conventions: see the module docstring.
    ``posts``: :func:`~borderlines.cleaning.embedded_posts` of the corpus, if already
    computed (default: found with the default cleaning rules)."""
    if sentences is None:
        sentences = sentence_table(corpus)
    by_doc = _by_doc(sentences, ["start", "end", "sent_id"])
    post_source = corpus if "title" in corpus.columns else corpus.assign(title="")
    if posts is None:
        posts = embedded_posts(post_source[["doc_id", "text", "title"]])
    posts_by_doc = {d: list(zip(*cols)) for d, cols in _by_doc(posts, ["start", "text_end", "author"]).items()}
    rows = []
    dates = corpus["date"] if "date" in corpus.columns else pd.Series([pd.NaT] * len(corpus))
    for doc_id, text, date in zip(corpus["doc_id"], corpus["text"], dates):
        if doc_id not in by_doc:
            continue
        date = pd.Timestamp(date) if not pd.isna(date) else None
        rows.extend(_doc_figures(doc_id, text, date, *by_doc[doc_id], posts_by_doc.get(doc_id, [])))
    table = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
    return table.astype({"value": float, "range_high": float, "start": "int64", "end": "int64",
                         "sent_id": "int64", "is_migration_stat": bool, "in_quote": bool,
                         "in_post": bool})


def _by_doc(table: pd.DataFrame, columns: list[str]) -> dict[object, tuple[list, ...]]:
    """``{doc_id: (values of each of columns, ...)}``, rows in table order: what
    ``groupby("doc_id", sort=False)`` gives, as Python lists (pandas groups are slow to
    make one per article)."""
    out: dict[object, tuple[list, ...]] = {}
    if table["doc_id"].isna().any():   # groupby leaves out missing ids
        table = table[table["doc_id"].notna()]
    values = [table[c].tolist() for c in columns]
    for d, *row in zip(table["doc_id"].tolist(), *values):
        lists = out.get(d)
        if lists is None:
            lists = out[d] = tuple([] for _ in columns)
        for target, value in zip(lists, row):
            target.append(value)
    return out


def _in_phone(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is part of a telephone number ("1-800-555-0199",
    "(202) 344-1780", "+52 55 1234 5678"). Looked for only next to a hyphen, dot,
    parenthesis, plus sign or a space between digits (speed)."""
    before = text[start - 1:start] if start else ""
    after = text[end:end + 1]
    if (after not in ("-", ".", ")") and before not in ("(", "-", ".", "+")
            and not (after == " " and text[end + 1:end + 2].isdigit())
            and not (before == " " and text[start - 2:start - 1].isdigit())):
        return False
    return any(p.start() <= start < p.end() for p in _PHONE.finditer(text, max(0, start - 20), end + 20))


def _in_link(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is part of a URL, handle or e-mail address."""
    first = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    last = min((i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0), default=len(text))
    token = text[first:last]
    return any(mark in token for mark in _LINK_MARKS)


def _doc_figures(doc_id, text, date, starts, ends, sent_ids, posts) -> list[dict]:
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    by_sentence: dict[int, list[_Figure]] = {}
    consumed = -1
    for m in _NUMBER.finditer(text):
        if m.start() < consumed:
            continue
        if _in_phone(text, m.start(), m.end()):
            continue  # a telephone number
        if _in_link(text, m.start(), m.end()):
            continue
        k = bisect_right(starts, m.start()) - 1
        if k < 0 or m.start() >= ends[k]:
            continue
        fig = _read_figure(text, m, int(starts[k]), int(ends[k]))
        if fig is None:
            continue
        consumed = fig.end
        by_sentence.setdefault(k, []).append(fig)
    if not by_sentence:
        return []
    phrases_by_sentence = {k: _phrases(text, int(starts[k]), int(ends[k]), date)
                           for k in sorted(set(by_sentence) | {k - 1 for k in by_sentence if k > 0})}
    rows = []
    for k in sorted(by_sentence):
        s0, s1 = int(starts[k]), int(ends[k])
        sentence = text[s0:s1]
        prev_sentence = text[starts[k - 1]:ends[k - 1]] if k > 0 else ""
        figures = by_sentence[k]
        for fig in figures:
            _finish_figure(text, fig, s0, s1, prev_sentence, figures)
        phrases = phrases_by_sentence.get(k, [])
        _assign_periods(text, figures, phrases, date)
        carry = _main_period(phrases_by_sentence.get(k - 1, []))
        sources = _sentence_sources(sentence)
        context = bool(_MIGRATION_CONTEXT.search(sentence) or _MIGRATION_CONTEXT.search(prev_sentence))
        earlier: list[tuple[int, str]] = []
        signals = list(_STATUS_SIGNAL.finditer(text, s0, s1))
        for n, fig in enumerate(figures):
            if fig.general_verb and not context:
                fig.measure = "people"  # "Police detained two men": not about migration
            stat = fig.kind not in _NON_STAT_KINDS or fig.measure == "drugs"
            stat = stat and (fig.measure in MIGRATION_MEASURES or (fig.measure in CONTEXT_MEASURES and context))
            if stat and not fig.period and not fig.own_phrase:
                fig.period = carry
                if fig.kind in ("change", "ratio") and fig.baseline:
                    if carry and fig.base_match is not None:  # "a year earlier" than the carried period
                        fig.baseline = _resolve_match(fig.base_match, date, carry)
                    fig.period = _combine_change(carry, fig.baseline) if carry else ""
            if (fig.kind in ("change", "ratio") and not fig.period and not fig.own_phrase
                    and fig.base_match is not None):
                fig.period = _current_of_baseline(fig.base_match, fig.baseline, date)
            next_start = figures[n + 1].start if n + 1 < len(figures) else s1
            status = _figure_status(text, fig, s0, s1, next_start, earlier, signals, date)
            earlier.append((fig.end, status))
            if status == "projection" and fig.phrase is not None:
                fig.period = _projected_period(fig.phrase, fig.period, date)
            post = next((a for ps, pe, a in posts if ps <= fig.start < pe), None)
            source = post if post is not None else _attribution(sources, fig.start - s0)
            rows.append({
                "doc_id": doc_id, "surface": text[fig.start:fig.end], "value": fig.value,
                "qualifier": fig.qualifier, "unit": fig.unit, "measure": fig.measure,
                "period": fig.period, "is_migration_stat": bool(stat), "attributed_to": source,
                "sentence": sentence, "start": fig.start, "end": fig.end,
                "range_high": fig.range_high, "rate_per": fig.rate_per, "kind": fig.kind,
                "direction": fig.direction, "baseline": fig.baseline, "counted": fig.counted,
                "sent_id": int(sent_ids[k]),
                "in_quote": any(qs < fig.start and fig.end <= qe for qs, qe in quotes),
                "in_post": post is not None, "status": status,
            })
    return rows


def migration_stats(figures: pd.DataFrame) -> pd.DataFrame:
    """The statistics about migration or enforcement among ``figures`` (from
    :func:`extract_figures`), columns :data:`MIGRATION_STAT_COLUMNS`, in text order."""
    stats = figures[figures["is_migration_stat"]]
    return stats.sort_values(["doc_id", "start"], kind="stable")[list(MIGRATION_STAT_COLUMNS)].reset_index(drop=True)


def figures_per_article(figures: pd.DataFrame, corpus: pd.DataFrame,
                        sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article of ``corpus`` with its era, figure counts and word count,
    columns :data:`ARTICLE_FIGURE_COLUMNS` (inputs for
    :func:`borderlines.uncertainty.era_rates`, e.g. figures per 1,000 words).
    ``sentences`` is an optional precomputed :func:`~borderlines.nlp.sentence_table`."""
    if sentences is None:
        sentences = sentence_table(corpus)
    words = sentences.groupby("doc_id")["n_words"].sum()
    f = figures.assign(attributed=figures["attributed_to"] != "")
    grouped = f.groupby("doc_id")
    counts = pd.DataFrame({
        "n_figures": grouped.size(),
        "n_migration_stats": grouped["is_migration_stat"].sum(),
        "n_attributed": grouped["attributed"].sum(),
        "n_attributed_stats": (f["attributed"] & f["is_migration_stat"]).groupby(f["doc_id"]).sum(),
        "n_projections": (f["status"] == "projection").groupby(f["doc_id"]).sum(),
        "n_estimates": (f["status"] == "estimate").groupby(f["doc_id"]).sum(),
    })
    out = corpus[["doc_id", "era"]].copy()
    out["outlet"] = corpus["outlet"] if "outlet" in corpus.columns else ""
    out = out.join(counts, on="doc_id")
    for col in ("n_figures", "n_migration_stats", "n_attributed", "n_attributed_stats", "n_projections",
                "n_estimates"):
        out[col] = out[col].fillna(0).astype("int64")
    out["n_words"] = out["doc_id"].map(words).fillna(0).astype("int64")
    return out[list(ARTICLE_FIGURE_COLUMNS)].reset_index(drop=True)


def figure_interval(value: float, qualifier: str, range_high: float = np.nan,
                    tolerance: float = 0.01) -> tuple[float, float]:
    """``(low, high)`` the words allow: exact ±``tolerance`` (rounding), about ±10 %,
    more than / vague from the value up, fewer than / up to from 0, ranges their ends."""
    if not pd.isna(range_high):
        return value, range_high
    if qualifier == "about":
        return value * 0.9, value * 1.1
    if qualifier in ("more than", "vague"):
        return value, np.inf
    if qualifier in ("fewer than", "up to"):
        return 0.0, value
    return value * (1 - tolerance), value * (1 + tolerance)


def recurring_measures(figures: pd.DataFrame, corpus: pd.DataFrame,
                       include_undated: bool = False) -> pd.DataFrame:
    """Migration statistics cited by more than one outlet for the same measure, unit,
    kind, direction, period and status (a projection is never compared with a reported
    figure), and whether their values agree (their
    :func:`figure_interval` overlap). One row per such measure and period, columns
    :data:`RECURRING_COLUMNS`. Figures without a period are left out unless
    ``include_undated`` (then all undated figures of a measure form one group)."""
    stats = figures[figures["is_migration_stat"] & (figures["measure"] != "")]
    if not include_undated:
        stats = stats[stats["period"] != ""]
    outlets = corpus.set_index("doc_id")["outlet"] if "outlet" in corpus.columns else pd.Series(dtype=object)
    stats = stats.assign(outlet=stats["doc_id"].map(outlets).fillna(stats["doc_id"]))
    rows = []
    keys = ["measure", "unit", "kind", "direction", "period", "status"]
    for key, g in stats.groupby(keys, sort=True):
        if g["outlet"].nunique() < 2:
            continue
        bounds = [figure_interval(v, q, h) for v, q, h in zip(g["value"], g["qualifier"], g["range_high"])]
        rows.append({
            **dict(zip(keys, key)),
            "n_outlets": int(g["outlet"].nunique()), "n_figures": len(g),
            "outlets": "; ".join(dict.fromkeys(g["outlet"])),
            "doc_ids": "; ".join(dict.fromkeys(g["doc_id"])),
            "values": "; ".join(f"{s} ({o})" for s, o in zip(g["surface"], g["outlet"])),
            "value_min": float(g["value"].min()), "value_max": float(g["value"].max()),
            "agree": bool(max(b[0] for b in bounds) <= min(b[1] for b in bounds)),
        })
    return pd.DataFrame(rows, columns=list(RECURRING_COLUMNS))


# ---------------------------------------------------------------------------------------
# Figures in context: batches with progress, article metadata, periods as dates, per era

#: Columns :func:`figures_with_articles` adds to :data:`FIGURE_COLUMNS`.
FIGURE_ARTICLE_COLUMNS = {
    "outlet": "publication of the citing article",
    "article_date": "publication date of the citing article",
    "era": "era key of the citing article",
    "era_label": "era label of the citing article",
    "period_start": "first day of the period the figure describes (NaT when undated)",
    "period_end": "last day of that period (NaT when undated)",
}

#: Per-era rates of :func:`era_figure_rates`: name -> (numerator, denominator, scale,
#: description), all columns of :func:`figures_per_article`.
FIGURE_RATES = {
    "figures_per_1000_words": ("n_figures", "n_words", 1000.0, "Figures per 1,000 words"),
    "stats_per_1000_words": ("n_migration_stats", "n_words", 1000.0,
                             "Migration statistics per 1,000 words"),
    "pct_figures_attributed": ("n_attributed", "n_figures", 100.0, "% of figures attributed to a source"),
    "pct_stats_attributed": ("n_attributed_stats", "n_migration_stats", 100.0,
                             "% of migration statistics attributed to a source"),
}


def figures_and_sentences(corpus: pd.DataFrame, batch_size: int = 250,
                          progress: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(figures, sentences)`` of ``corpus``: :func:`extract_figures` and
    :func:`~borderlines.nlp.sentence_table`, computed ``batch_size`` articles at a time
    so that a large corpus shows a progress bar (``progress``). Same tables as calling
    the two functions on the whole corpus."""
    from .progress import in_batches

    def extract(batch):
        sentences = sentence_table(batch)
        return {"figures": extract_figures(batch, sentences), "sentences": sentences}

    tables = in_batches(corpus, extract, batch_size, progress)
    return tables["figures"], tables["sentences"]


def period_bounds(period: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """``(first day, last day)`` of a period ``'YYYY-MM'`` or ``'YYYY-MM..YYYY-MM'``;
    ``(NaT, NaT)`` for ``''``."""
    span = _parse_span(period)
    if span is None:
        return pd.NaT, pd.NaT
    first = pd.Timestamp(year=span[0] // 12, month=span[0] % 12 + 1, day=1)
    after = pd.Timestamp(year=(span[1] + 1) // 12, month=(span[1] + 1) % 12 + 1, day=1)
    return first, after - pd.Timedelta(days=1)


def figures_with_articles(figures: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """``figures`` (from :func:`extract_figures`) with their article's outlet, date and
    era, and the first and last day of the period each describes: columns
    :data:`FIGURE_COLUMNS` then :data:`FIGURE_ARTICLE_COLUMNS`, rows in the same order."""
    articles = corpus.set_index("doc_id")
    out = figures.copy()
    for col, src in (("outlet", "outlet"), ("article_date", "date"), ("era", "era"), ("era_label", "era_label")):
        values = articles[src] if src in articles.columns else pd.Series("", index=articles.index)
        out[col] = out["doc_id"].map(values)
    out["article_date"] = pd.to_datetime(out["article_date"])
    bounds = {p: period_bounds(p) for p in out["period"].unique()}
    out["period_start"] = pd.to_datetime(out["period"].map(lambda p: bounds[p][0]))
    out["period_end"] = pd.to_datetime(out["period"].map(lambda p: bounds[p][1]))
    return out[list(FIGURE_COLUMNS) + list(FIGURE_ARTICLE_COLUMNS)]


def undated_figures(placed: pd.DataFrame) -> pd.DataFrame:
    """The figures of ``placed`` (from :func:`figures_with_articles`) that name no period,
    so cannot be placed on a timeline: article, outlet, era, the figure and its sentence."""
    cols = ["doc_id", "outlet", "era_label", "surface", "measure", "is_migration_stat", "attributed_to",
            "sentence"]
    return placed.loc[placed["period"] == "", cols].reset_index(drop=True)


def _era_order(placed: pd.DataFrame, eras: pd.DataFrame | None) -> pd.Series:
    order = {key: i for i, key in enumerate(eras["era"])} if eras is not None else {}
    return placed["era"].map(order).fillna(len(order))


def migration_stats_by_era(placed: pd.DataFrame, eras: pd.DataFrame | None = None) -> pd.DataFrame:
    """The migration statistics of ``placed`` (from :func:`figures_with_articles`) with
    the citing article's era, outlet and date first, ordered by era (as in ``eras``),
    article and position in the text."""
    stats = placed[placed["is_migration_stat"]].assign(_order=lambda d: _era_order(d, eras))
    stats = stats.sort_values(["_order", "doc_id", "start"], kind="stable")
    cols = ["era_label", "outlet", "article_date", "doc_id", "surface", "value", "range_high", "qualifier",
            "unit", "measure", "kind", "direction", "period", "baseline", "status", "attributed_to"]
    return stats[cols].reset_index(drop=True)


#: Columns of :func:`status_counts` (one row per era and status).
STATUS_COUNT_COLUMNS = {
    "era": "era key of the citing articles",
    "era_label": "era label",
    "status": "reported | projection | estimate (see STATUSES)",
    "n_figures": "figures of that status cited in the era's articles",
    "n_migration_stats": "of which statistics about migration or enforcement",
    "pct_of_figures": "n_figures as a percentage of all the era's figures (NaN when it has none)",
}


def status_counts(placed: pd.DataFrame, eras: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many of each era's figures are reported, projections or estimates: one row
    per era present in ``placed`` (from :func:`figures_with_articles`, ordered as in
    ``eras``) and status of :data:`STATUSES` (zeros included), columns
    :data:`STATUS_COUNT_COLUMNS`."""
    order = _era_order(placed, eras)
    era_keys = list(dict.fromkeys(placed.assign(_o=order).sort_values("_o", kind="stable")["era"]))
    labels = dict(zip(placed["era"], placed["era_label"]))
    grid = pd.MultiIndex.from_product([era_keys, list(STATUSES)], names=["era", "status"])
    grouped = placed.groupby(["era", "status"])
    out = pd.DataFrame({"n_figures": grouped.size(), "n_migration_stats": grouped["is_migration_stat"].sum()})
    out = out.reindex(grid, fill_value=0).reset_index().astype({"n_figures": "int64", "n_migration_stats": "int64"})
    totals = out.groupby("era")["n_figures"].transform("sum")
    out["pct_of_figures"] = (100.0 * out["n_figures"] / totals.where(totals > 0)).astype(float)
    out["era_label"] = out["era"].map(labels)
    return out[list(STATUS_COUNT_COLUMNS)]


def measure_counts(placed: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Migration statistics per article and measure, for
    :func:`borderlines.uncertainty.era_shares`: columns ``doc_id``, ``era``, ``measure``,
    ``n`` (statistics), one row for every article of ``corpus`` and every measure cited
    anywhere (zeros included, so each era's articles are all resampled)."""
    stats = placed[placed["is_migration_stat"]]
    measures = sorted(stats["measure"].unique())
    counts = stats.groupby(["doc_id", "measure"]).size()
    grid = pd.MultiIndex.from_product([corpus["doc_id"], measures], names=["doc_id", "measure"])
    out = counts.reindex(grid, fill_value=0).rename("n").reset_index()
    out["era"] = out["doc_id"].map(corpus.set_index("doc_id")["era"])
    return out[["doc_id", "era", "measure", "n"]].astype({"n": "int64"})


def era_figure_rates(per_article: pd.DataFrame, eras: list[str], seed: int = 0,
                     n_resamples: int = 2000) -> pd.DataFrame:
    """How much each era's coverage relies on numbers: the rates of :data:`FIGURE_RATES`
    (figures and migration statistics per 1,000 words, percentage attributed to a
    source) for each era key in ``eras``, from :func:`figures_per_article` output, with
    bootstrap intervals over articles (:func:`borderlines.uncertainty.era_rates`).
    Columns ``measure``, ``description`` and :data:`~borderlines.uncertainty.ESTIMATE_COLUMNS`."""
    from .uncertainty import era_rates

    parts = []
    for i, (name, (num, den, scale, description)) in enumerate(FIGURE_RATES.items()):
        est = era_rates(per_article, num, den, scale=scale, seed=seed + 100 * i, eras=eras,
                        n_resamples=n_resamples)
        parts.append(est.assign(measure=name, description=description))
    table = pd.concat(parts, ignore_index=True)
    return table[["measure", "description", *[c for c in table.columns if c not in ("measure", "description")]]]


def _first_items(joined: str, max_items: int) -> str:
    items = joined.split("; ") if joined else []
    if len(items) <= max_items:
        return joined
    return "; ".join(items[:max_items]) + f"; … ({len(items) - max_items:,} more)"


def recurring_overview(recurring: pd.DataFrame, max_items: int = 4) -> pd.DataFrame:
    """:func:`recurring_measures` output for display: ``outlets``, ``doc_ids`` and
    ``values`` cut to their first ``max_items`` entries and "… (N more)", so a measure
    cited by hundreds of articles stays one readable row. Other columns unchanged."""
    out = recurring.copy()
    for col in ("outlets", "doc_ids", "values"):
        out[col] = out[col].map(lambda s: _first_items(s, max_items))
    return out

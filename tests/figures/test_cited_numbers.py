"""Reading one quantity (borderlines.cited_figures.numbers), as tables of (text, expected).

Each table runs through :func:`extract_figures` on an article of 2019-03-28 (2021-01-15 for
enforcement verbs and changes, whose examples speak of December); ``expected`` is
every figure of the text (a list of rows) or, per surface part, the columns that matter
(see ``cited_rows``). Periods are in ``test_cited_periods``, sources in
``test_cited_attribution``, statuses in ``test_cited_status``."""

from __future__ import annotations

import math

import pytest
from cited_rows import figure_rows

from borderlines.cited_figures import QUALIFIERS

# --- numerals, percentages, changes and shares ---------------------------------------

NUMERALS = [
    pytest.param("Arrests along the border jumped to 66,450 in February.",
                 {"66,450": {"value": 66450.0, "unit": "arrests", "measure": "arrests", "period": "2019-02"}},
                 id="thousands-separator"),
    pytest.param("The agency spent $1.5 million on buses.",
                 {"$1.5 million": {"value": 1.5e6, "unit": "dollars", "kind": "money", "is_migration_stat": False}},
                 id="money-with-scale-word"),
    pytest.param("Apprehensions rose to 3.5 million.", {"3.5 million": {"value": 3.5e6}}, id="decimal-with-scale"),
    pytest.param("Arrests were up 149 percent from a year earlier.",
                 {"149 percent": {"value": 149.0, "unit": "percent"}}, id="percent-word"),
    pytest.param("Crossings dropped 56% in August.", {"56%": {"value": 56.0, "unit": "percent"}}, id="percent-sign"),
    pytest.param("About 12.5 per cent of migrants were children.",
                 {"12.5 per cent": {"value": 12.5, "unit": "percent"}}, id="per-cent-two-words"),
    pytest.param("Arrests rose 20 percent from January.",
                 {"20 percent": {"kind": "change", "direction": "up", "measure": "arrests"}}, id="percent-change"),
    pytest.param("Ebrard said Mexico met 90 percent of the main objective on the border.",
                 {"90 percent": {"kind": "share", "measure": "goal", "direction": ""}}, id="percent-share-of-goal"),
    pytest.param("Unaccompanied children made up 8 percent of encounters in December.",
                 {"8 percent": {"kind": "share", "direction": "", "measure": "encounters"}},
                 id="made-up-is-a-share-not-a-rise"),
    pytest.param("Half of the families came from Honduras.", {"Half": {"kind": "share", "direction": ""}},
                 id="half-of-is-a-share"),
]


@pytest.mark.parametrize("text, expected", NUMERALS)
def test_numerals_percentages_changes_and_shares(text, expected):
    got, want = figure_rows(text, expected)
    assert got == want


# --- spelled-out numbers, vague magnitudes, fractions, records -----------------------

SPELLED_OUT = [
    pytest.param("Aides have been cautious over the past three months.",
                 {"three months": {"value": 3.0, "qualifier": "exact", "unit": "months", "measure": "duration"}},
                 id="duration"),
    pytest.param("The agency reassigned several hundred border inspectors.",
                 {"several hundred": {"value": 300.0, "qualifier": "vague", "unit": "people",
                                      "measure": "border_inspectors"}}, id="several-hundred"),
    pytest.param("The policy separated thousands of migrant children.",
                 {"thousands": {"value": 2000.0, "qualifier": "vague", "unit": "people", "measure": "children"}},
                 id="thousands-of"),
    pytest.param("Arrests were about double the same period last year.",
                 {"double": {"value": 2.0, "qualifier": "about", "unit": "times", "measure": "arrests"}},
                 id="about-double"),
    pytest.param("Twenty-five troops arrived.",
                 {"Twenty-five": {"value": 25.0, "qualifier": "exact", "unit": "people", "measure": "troops"}},
                 id="hyphenated-tens"),
    pytest.param("Two dozen agents arrived.",
                 {"dozen": {"value": 24.0, "qualifier": "exact", "unit": "people", "measure": "agents"}},
                 id="two-dozen"),
    pytest.param("Tens of thousands of migrants waited.",
                 {"Tens of thousands": {"value": 20000.0, "qualifier": "vague", "unit": "people",
                                        "measure": "migrants"}}, id="tens-of-thousands"),
    pytest.param("Officials expect a few thousand asylum seekers.",
                 {"a few thousand": {"value": 2000.0, "qualifier": "vague", "unit": "people",
                                     "measure": "asylum_seekers"}}, id="a-few-thousand"),
    pytest.param("One in five migrants was a child.",
                 {"One in five": {"value": 0.2, "qualifier": "exact", "unit": "fraction", "measure": "migrants"}},
                 id="one-in-five"),
    pytest.param("Half of the families came from Honduras.",
                 {"Half": {"value": 0.5, "qualifier": "exact", "unit": "fraction", "measure": "families"}},
                 id="half-of"),
    pytest.param("Custody numbers of migrants fell from a 12-year high of 144,000 in May.",
                 {"12-year high": {"value": 12.0, "unit": "years", "kind": "record", "measure": "migrants"}},
                 id="record-span"),
    pytest.param("The governor has visited the border three times.",
                 {"three times": {"value": 3.0, "unit": "occurrences", "kind": "frequency", "measure": ""}},
                 id="how-often-is-not-a-factor"),
    pytest.param("Agents stopped migrants 75,000 times in December.", {"75,000": {"unit": "apprehensions"}},
                 id="times-after-an-enforcement-verb-counts-events"),
]


@pytest.mark.parametrize("text, expected", SPELLED_OUT)
def test_spelled_out_numbers(text, expected):
    got, want = figure_rows(text, expected)
    assert got == want


# --- qualifiers ----------------------------------------------------------------------

QUALIFIED = [
    pytest.param("About 55,000 people arrived.", {"About 55,000": {"qualifier": "about"}}, id="about"),
    pytest.param("Around 3,000 people stayed.", {"Around 3,000": {"qualifier": "about"}}, id="around"),
    pytest.param("Roughly 1,000 miles south.", {"Roughly 1,000": {"qualifier": "about"}}, id="roughly"),
    pytest.param("Some 25,000 National Guard members deployed.", {"Some 25,000": {"qualifier": "about"}}, id="some"),
    pytest.param("Nearly 40 percent of migrants were children.", {"Nearly 40": {"qualifier": "about"}}, id="nearly"),
    pytest.param("A caravan of over 4,000 migrants.", {"over 4,000": {"qualifier": "more than"}}, id="over"),
    pytest.param("There were more than 190,000 apprehensions.", {"more than 190,000": {"qualifier": "more than"}},
                 id="more-than"),
    pytest.param("At least 300 families crossed.", {"At least 300": {"qualifier": "more than"}}, id="at-least"),
    pytest.param("Agents made 5,000 or more arrests.", {"5,000 or more": {"qualifier": "more than"}}, id="or-more"),
    pytest.param("Agents made fewer than 20,000 arrests.", {"fewer than 20,000": {"qualifier": "fewer than"}},
                 id="fewer-than"),
    pytest.param("Under 100 agents remained.", {"Under 100": {"qualifier": "fewer than"}}, id="under"),
    pytest.param("The Guard may deploy up to 4,000 troops.", {"up to 4,000": {"qualifier": "up to"}}, id="up-to"),
    pytest.param("As many as 1,200 children waited.", {"As many as 1,200": {"qualifier": "up to"}},
                 id="as-many-as"),
    pytest.param("An average of 567 illegal firearms enter every hour.", {"567": {"qualifier": "exact"}},
                 id="an-average-of-is-exact"),
]


@pytest.mark.parametrize("text, expected", QUALIFIED)
def test_qualifiers(text, expected):
    got, want = figure_rows(text, expected)
    assert got == want
    assert {row["qualifier"] for row in want.values()} <= set(QUALIFIERS)


# --- ranges and per-unit rates -------------------------------------------------------

RANGES_AND_RATES = [
    pytest.param("Between 3,000 and 5,000 people waited; 10-15 percent were children.",
                 [{"surface": "Between 3,000 and 5,000 people", "value": 3000.0, "range_high": 5000.0},
                  {"surface": "10-15 percent", "value": 10.0, "range_high": 15.0}], id="between-and-and-hyphen"),
    pytest.param("Arrests rose from 3,000 to 5,000.",
                 [{"value": 3000.0, "range_high": math.nan}, {"value": 5000.0, "range_high": math.nan}],
                 id="from-to-is-a-change-not-a-range"),
    pytest.param("Officials expect 3 to 5 million migrants.",
                 {"3 to 5 million": {"value": 3e6, "range_high": 5e6, "measure": "migrants"}}, id="scaled-range"),
    pytest.param("An average of 567 illegal firearms are entering Mexico every hour, officials said.",
                 {"567": {"unit": "firearms per hour", "rate_per": "hour", "measure": "firearms", "kind": "rate"}},
                 id="every-hour"),
    pytest.param("Agents were making fewer than 20,000 arrests per month.",
                 {"20,000": {"surface": "fewer than 20,000 arrests per month", "unit": "arrests per month",
                             "rate_per": "month"}}, id="per-month"),
    pytest.param("There have been days this month when the U.S. Border Patrol encountered more than "
                 "10,000 people making crossings.",
                 {"10,000": {"unit": "people per day", "measure": "crossings", "rate_per": "day"}},
                 id="days-when"),
    pytest.param("Arrests averaged 8,000 a day.", {"8,000": {"unit": "arrests per day"}}, id="a-day"),
    pytest.param("Arrests rose to 8,000 a year later.", {"8,000": {"rate_per": ""}}, id="a-year-later-is-no-rate"),
]


@pytest.mark.parametrize("text, expected", RANGES_AND_RATES)
def test_ranges_and_rates(text, expected):
    got, want = figure_rows(text, expected)
    assert got == want


# --- what is counted: nouns, enforcement verbs, nationalities, ages ------------------

COUNTED = [
    pytest.param("About 55,000 people will have arrived as families.", {"55,000": {"measure": "families"}},
                 id="people-arriving-as-families"),
    pytest.param("Officials “removed or returned” more than 400,000 people.", {"400,000": {"measure": "removals"}},
                 id="quoted-removal-verbs"),
    pytest.param("The Guard sent some 25,000 National Guard members.", {"25,000": {"measure": "national_guard"}},
                 id="guard-members"),
    pytest.param("The caravan had 3,000 people in it.", {"3,000": {"measure": "people"}}, id="plain-people"),
    pytest.param("Some 1,500 Guatemalans and 800 Salvadorans joined the caravan.",
                 [{"unit": "people", "is_migration_stat": True}, {"unit": "people", "is_migration_stat": True}],
                 id="nationalities"),
    pytest.param("The caravan, about 3,000 strong, was stopped by Mexican authorities.",
                 {"3,000": {"surface": "about 3,000 strong", "unit": "people", "is_migration_stat": True}},
                 id="n-strong"),
    pytest.param("The officer, 34, was arrested on Tuesday.",
                 {"34": {"kind": "age", "unit": "years", "measure": "age", "is_migration_stat": False}},
                 id="appositive-age"),
    pytest.param("Agents arrested Maria Lopez, 34, and her son.", {"34": {"kind": "age"}}, id="age-after-a-name"),
    pytest.param("Exactly 300 people waited at the gate.", {"300 people": {"value": 300.0}},
                 id="capitalized-adverb-is-not-a-label"),
    pytest.param("Precisely 40 migrants were on the bus.", {"40 migrants": {"value": 40.0}},
                 id="capitalized-precisely"),
]


@pytest.mark.parametrize("text, expected", COUNTED)
def test_counted_nouns(text, expected):
    got, want = figure_rows(text, expected)
    assert got == want


def _stat(unit, measure):
    return {"unit": unit, "measure": measure, "is_migration_stat": True}


ENFORCEMENT_VERBS = [
    pytest.param("70,000 people were stopped.", {"70,000 people": _stat("people", "apprehensions")},
                 id="passive-stopped"),
    pytest.param("In November, 70,000 were stopped.", {"70,000": _stat("people", "apprehensions")},
                 id="bare-count-stopped"),
    pytest.param("Border agents apprehended 70,000 in December.", {"70,000": _stat("people", "apprehensions")},
                 id="bare-object-apprehended"),
    pytest.param("Border agents stopped 70,000 people in December.",
                 {"70,000 people": _stat("people", "apprehensions")}, id="people-stopped"),
    pytest.param("The Border Patrol encountered more than 75,000 people in December.",
                 {"75,000": _stat("people", "encounters")}, id="encountered"),
    pytest.param("Nearly 30,000 were expelled in December alone.", {"30,000": _stat("people", "removals")},
                 id="expelled"),
    pytest.param("About 2,000 people were turned back at the bridge.", {"2,000": _stat("people", "removals")},
                 id="turned-back"),
    pytest.param("Mexico deported 60,000 Central Americans in 2019.", {"60,000": _stat("people", "removals")},
                 id="deported-nationality"),
    pytest.param("More than 20,000 people crossed in December.", {"20,000": _stat("people", "crossings")},
                 id="crossed"),
    pytest.param("Nearly 1,000 people a day are being caught.", {"1,000": _stat("people per day", "apprehensions")},
                 id="caught-a-day"),
    pytest.param("As many as 9,000 Hondurans crossed into Guatemala.", {"9,000": _stat("people", "crossings")},
                 id="crossed-into"),
    pytest.param("Since 2014, more than 2,000 people have died in the desert.", {"2,000": _stat("people", "deaths")},
                 id="died"),
    pytest.param("Agents detained 300 people at the border.", {"300": _stat("people", "apprehensions")},
                 id="detained-at-the-border"),
    pytest.param("Agents stopped migrants 75,000 times in December.",
                 {"75,000": _stat("apprehensions", "apprehensions")}, id="stopped-n-times"),
    pytest.param("In November, 70,000 were stopped, and in December, 73,000.",
                 [_stat("people", "apprehensions"), _stat("people", "apprehensions")], id="coordinated-clause"),
    pytest.param("In November, 70,000 were stopped, and 2,000 were released.",
                 [{"measure": "apprehensions"}, {"measure": ""}], id="a-verb-of-its-own-wins"),
    pytest.param("About a third of those apprehended in December were Mexican adults.",
                 {"third": {"value": 1 / 3, "unit": "fraction", "measure": "apprehensions",
                            "is_migration_stat": True}}, id="share-of-those-apprehended"),
    pytest.param("Of those stopped, a third were single adults.",
                 {"third": {"value": 1 / 3, "unit": "fraction", "measure": "apprehensions",
                            "is_migration_stat": True}}, id="of-those-stopped"),
    # generic people only; other verbs and police work leave the count alone
    pytest.param("Agents apprehended 70,000 migrants.", {"70,000": {"measure": "migrants"}},
                 id="named-migrants-stay-migrants"),
    pytest.param("About 55,000 people will have arrived as families.", {"55,000": {"measure": "families"}},
                 id="arrived-is-no-enforcement-verb"),
    pytest.param("Officials released 300 people at the border.", {"300": {"measure": "people", "unit": "people"}},
                 id="released"),
    pytest.param("Police detained two men in Tijuana.", {"two men": {"measure": "people", "is_migration_stat": False}},
                 id="police-need-a-migration-context"),
]


@pytest.mark.parametrize("text, expected", ENFORCEMENT_VERBS)
def test_enforcement_verbs(text, expected):
    got, want = figure_rows(text, expected, date="2021-01-15")
    assert got == want


# --- changes by a fraction and multiples ---------------------------------------------

def _change(value, qualifier, direction):
    return {"value": value, "unit": "fraction", "kind": "change", "qualifier": qualifier, "direction": direction,
            "is_migration_stat": True}


def _ratio(value, direction, measure):
    return {"value": value, "unit": "times", "kind": "ratio", "direction": direction, "measure": measure}


FRACTIONS_AND_MULTIPLES = [
    pytest.param("Arrests dropped by half.", {"half": _change(0.5, "exact", "down")}, id="by-half"),
    pytest.param("Crossings fell by a third.", {"a third": _change(1 / 3, "exact", "down")}, id="by-a-third"),
    pytest.param("Apprehensions dropped by nearly half in December.", {"nearly half": _change(0.5, "about", "down")},
                 id="by-nearly-half"),
    pytest.param("Arrests increased by two-thirds since October.", {"two-thirds": _change(2 / 3, "exact", "up")},
                 id="by-two-thirds"),
    pytest.param("Crossings were cut in half.", {"half": _change(0.5, "exact", "down")}, id="cut-in-half"),
    pytest.param("Arrests have halved since May.", {"halved": _change(0.5, "exact", "down")}, id="halved"),
    pytest.param("Arrests were five times higher than in 2017.", {"five times": _ratio(5.0, "up", "arrests")},
                 id="times-higher"),
    pytest.param("Apprehensions were three times as many as last year.",
                 {"three times": _ratio(3.0, "up", "apprehensions")}, id="times-as-many"),
    pytest.param("Crossings are now four times lower than in May.", {"four times": _ratio(4.0, "down", "crossings")},
                 id="times-lower"),
    pytest.param("Crossings are now half what they were in May.", {"half": _ratio(0.5, "down", "crossings")},
                 id="fraction-of-a-baseline-is-a-ratio-down"),
]


@pytest.mark.parametrize("text, expected", FRACTIONS_AND_MULTIPLES)
def test_changes_by_a_fraction_and_multiples(text, expected):
    got, want = figure_rows(text, expected, date="2021-01-15")
    assert got == want


# --- beyond migration wording: small counts, glued numbers, other units --------------

def _lib_gap(reason):
    """Marks an example the rules get wrong today (issue 12), so that fixing it shows."""
    return pytest.mark.xfail(strict=True, reason=reason)


def _other(surface, value, unit, kind):
    """The one figure written exactly ``surface``: no migration statistic."""
    return {surface: {"surface": surface, "value": value, "unit": unit, "kind": kind, "is_migration_stat": False}}


BEYOND_MIGRATION = [
    # small spelled-out counts of anything
    pytest.param("Delegations from seven countries signed the accord.",
                 _other("seven countries", 7, "countries", "count"), id="seven-countries"),
    pytest.param("Ministers of five Central American countries met in Panama.",
                 _other("five Central American countries", 5, "countries", "count"), id="five-adjective-countries"),
    pytest.param("Two dozen reporters waited outside the consulate.",
                 _other("Two dozen reporters", 24, "people", "count"), id="two-dozen-reporters"),
    pytest.param("A dozen lawmakers signed the letter.",
                 _other("A dozen lawmakers", 12, "people", "count"), id="a-dozen-lawmakers"),
    pytest.param("Nine Texans and 40 Iraqis were on the flight.",
                 _other("40 Iraqis", 40, "people", "count"), id="nationality-off-the-border"),
    pytest.param("The club fielded a dozen new volunteers.",
                 _other("a dozen new volunteers", 12, "people", "count"),
                 id="dozen-adjective-volunteers"),
    pytest.param("Eight senators signed the letter.", _other("Eight senators", 8, "people", "count"),
                 id="eight-senators"),
    # a part of a counted whole counts what the whole counts
    pytest.param("Seven of the 12 jurors voted to convict.",
                 [{"surface": "Seven", "value": 7.0, "unit": "people", "counted": "jurors"},
                  {"surface": "12 jurors", "value": 12.0, "unit": "people", "counted": "jurors"}],
                 id="seven-of-the-12-jurors"),
    pytest.param("The carmaker said 3 of its 20 plants would close.",
                 {"3": {"surface": "3", "unit": "plants", "measure": "other", "counted": "plants"}},
                 id="digits-of-its-digits-plants"),
    pytest.param("Eight of the nine justices joined the ruling.",
                 [{"surface": "Eight", "value": 8.0, "unit": "people", "counted": "justices"}],
                 id="part-of-a-definite-small-whole"),
    pytest.param("One of the 12 jurors was dismissed.", [{"surface": "12 jurors"}],
                 id="one-of-the-whole-is-no-count"),
    pytest.param("Three of the victims were children.",
                 [{"surface": "Three", "value": 3.0, "unit": "people", "counted": "victims"}],
                 id="part-of-a-group-without-a-number"),
    pytest.param("Two of the most senior aides resigned.", [], id="part-of-a-superlative-is-no-count"),
    pytest.param("Inspectors visited three warehouses near the port.",
                 _other("three warehouses", 3, "warehouses", "count"), id="three-warehouses"),
    pytest.param("Only four teams reached the final round.", _other("four teams", 4, "teams", "count"),
                 id="four-teams"),
    # numbers glued to a unit or a scale
    pytest.param("The tablet ships with 256GB of storage.", _other("256GB", 256, "gigabytes", "data"),
                 id="glued-GB"),
    pytest.param("The ferry slowed to 5mph near the dock.", _other("5mph", 5, "miles per hour", "speed"),
                 id="glued-mph"),
    pytest.param("The bridge project will cost $3bn.", _other("$3bn", 3e9, "dollars", "money"),
                 id="glued-bn"),
    pytest.param("A contract worth $2.5 bn was signed.", _other("$2.5 bn", 2.5e9, "dollars", "money"),
                 id="spaced-bn"),
    pytest.param("The city paid a $250k settlement.", _other("$250k", 250e3, "dollars", "money"),
                 id="glued-k-money"),
    pytest.param("Organizers counted 50k runners at the start.",
                 _other("50k runners", 50e3, "runners", "count"), id="glued-k-before-a-noun"),
    pytest.param("The new fence runs 10km along the canal.", _other("10km", 10, "kilometers", "distance"),
                 id="glued-km"),
    pytest.param("Her suitcase weighed 23kg at check-in.", _other("23kg", 23, "kilograms", "weight"),
                 id="glued-kg"),
    pytest.param("Crews laid a 30m pipe under the road.", _other("30m", 30, "meters", "distance"),
                 id="glued-m-is-meters"),
    pytest.param("Thermometers showed 43C in the shade.", _other("43C", 43, "degrees Celsius", "temperature"),
                 id="glued-C"),
    pytest.param("The drone flew at 40mph over the river.", _other("40mph", 40, "miles per hour", "speed"),
                 id="glued-mph-after-at"),
    pytest.param("Each phone carries 128GB of memory.", _other("128GB", 128, "gigabytes", "data"),
                 id="glued-GB-memory"),
    pytest.param("She won the 5km race in record time.", _other("5km", 5, "kilometers", "distance"),
                 id="glued-km-before-a-noun"),
    pytest.param("The startup raised $40m from investors.", _other("$40m", 40e6, "dollars", "money"),
                 id="glued-m-after-a-currency-is-millions"),
    pytest.param("A 500g bag of coffee costs more now.", _other("500g", 500, "grams", "weight"), id="glued-g"),
    pytest.param("The parcel weighed 5lbs.", _other("5lbs", 5, "pounds", "weight"),
                 id="glued-lbs-leaves-the-full-stop"),
    pytest.param("The river rose 12ft overnight.", _other("12ft", 12, "feet", "distance"), id="glued-ft"),
    # units outside the migration vocabulary
    pytest.param("Gusts reached 60 mph overnight.", _other("60 mph", 60, "miles per hour", "speed"),
                 id="mph"),
    pytest.param("The barge carried 1,200 tons of grain.", _other("1,200 tons", 1200, "tons", "weight"),
                 id="tons"),
    pytest.param("The truck hauled 20 tons of cement.", _other("20 tons", 20, "tons", "weight"),
                 id="tons-of-cement"),
    pytest.param("The pitcher threw a fastball at 101 mph.", _other("101 mph", 101, "miles per hour", "speed"),
                 id="mph-fastball"),
    pytest.param("The storm dropped 6 inches of rain on the town.", _other("6 inches", 6, "inches", "distance"),
                 id="inches-of-rain"),
    pytest.param("Her Toyota Camry had 90,000 miles on it.", _other("90,000 miles", 90000, "miles", "distance"),
                 id="miles-after-a-model-name"),
    pytest.param("Temperatures climbed to 112 degrees in the valley.",
                 _other("112 degrees", 112, "degrees", "temperature"), id="degrees"),
    pytest.param("It was 104 °F at noon.", _other("104 °F", 104, "degrees Fahrenheit", "temperature"),
                 id="degree-sign-F"),
    pytest.param("The blaze covered 40 sq mi of forest.", _other("40 sq mi", 40, "square miles", "area"),
                 id="sq-mi"),
    pytest.param("The new terminal adds 90,000 sq ft of space.",
                 _other("90,000 sq ft", 90000, "square feet", "area"), id="sq-ft"),
    pytest.param("The fire burned 3,000 acres of forest.", _other("3,000 acres", 3000, "acres", "area"),
                 id="acres"),
    pytest.param("The plant holds 2 million gallons of water.",
                 _other("2 million gallons", 2e6, "gallons", "volume"), id="gallons"),
    pytest.param("The new turbines add 600 megawatts.",
                 _other("600 megawatts", 600, "megawatts", "power"), id="megawatts"),
    pytest.param("The index fell 500 points on the news.",
                 _other("500 points", 500, "points", "change"), id="points-after-a-direction"),
    pytest.param("The Dow gained 300 points on Friday.", _other("300 points", 300, "points", "change"),
                 id="points-gained"),
    pytest.param("The truck has a 400hp engine.", _other("400hp", 400, "horsepower", "power"), id="glued-hp"),
    pytest.param("The engine makes 300 horsepower.", _other("300 horsepower", 300, "horsepower", "power"),
                 id="horsepower"),
    pytest.param("The boat has a 250-hp outboard motor.", _other("250-hp", 250, "horsepower", "power"),
                 id="hyphenated-hp"),
    pytest.param("Tuners squeezed 520 bhp from the old coupe.", _other("520 bhp", 520, "horsepower", "power"),
                 id="bhp"),
    pytest.param("The 400 HP employees in Houston kept their jobs.",
                 {"400": {"unit": "people", "kind": "count"}}, id="capital-HP-apart-is-a-name-not-a-unit"),
    pytest.param("The team scored three goals in the final.",
                 {"three goals": {"unit": "goals", "measure": "other"}},
                 id="goals-scored-are-not-the-goal-measure"),
    pytest.param("The striker has netted 14 goals since August.",
                 {"14 goals": {"unit": "goals", "measure": "other", "is_migration_stat": False}},
                 id="goals-netted"),
    pytest.param("The ministry listed five new targets for road safety.",
                 {"five new targets": {"unit": "targets", "measure": "other", "kind": "count"}},
                 id="targets-counted-are-things"),
    pytest.param("The ministry reached 75 percent of its target for new schools.",
                 {"75 percent": {"kind": "share", "measure": "goal"}},
                 id="share-of-a-target-stays-the-goal-measure"),
    pytest.param("The company sold 3 million iPhone 15 units.", {"3 million": {"value": 3e6, "unit": "units"}},
                 id="count-of-a-model-name"),
    pytest.param("Airlines ordered 50 Boeing 787 jets last year.",
                 _other("50 Boeing 787 jets", 50, "jets", "count"), id="count-of-a-maker-and-model"),
    pytest.param("The ranch bought 20 Ford F-150 pickups.",
                 _other("20 Ford F-150 pickups", 20, "pickups", "count"), id="count-of-a-hyphenated-model"),
    pytest.param("The shop sold 200 Xbox One consoles.", _other("200 Xbox One consoles", 200, "consoles", "count"),
                 id="count-of-a-model-with-a-spelled-out-number"),
    pytest.param("The budget adds 12 F-35 fighters.", _other("12 F-35 fighters", 12, "fighters", "count"),
                 id="fighters-after-a-model-are-jets"),
    pytest.param("Rebels sent 300 fighters to the town.", {"300 fighters": {"unit": "people"}},
                 id="fighters-without-a-model-are-people"),
    pytest.param("Crews checked 40 Boeing 737 passengers.", {"40": {"unit": "people", "measure": "people"}},
                 id="people-after-a-model-are-people"),
    pytest.param("The dealer sold 40 Model 3 sedans in March.",
                 _other("40 Model 3 sedans", 40, "sedans", "count"), id="count-of-a-model-word-and-number"),
    pytest.param("A magnitude 6.4 earthquake struck near the coast.",
                 _other("magnitude 6.4", 6.4, "magnitude", "magnitude"), id="magnitude-before-the-number"),
    pytest.param("A 7.1-magnitude quake shook the capital.",
                 _other("7.1-magnitude", 7.1, "magnitude", "magnitude"), id="hyphenated-magnitude"),
    pytest.param("The tremor had a magnitude of 5.8, seismologists said.",
                 _other("magnitude of 5.8", 5.8, "magnitude", "magnitude"), id="a-magnitude-of"),
    pytest.param("The 5.9 quake was felt across the valley.",
                 _other("5.9", 5.9, "magnitude", "magnitude"), id="decimal-before-quake-is-a-magnitude"),
    pytest.param("Two quakes shook the region overnight.",
                 _other("Two quakes", 2, "quakes", "count"), id="quakes-counted-are-a-count"),
    pytest.param("The senator leads by 4 points in the poll.",
                 _other("4 points", 4, "points", "points"), id="points-lead"),
    pytest.param("Mortgage rates fell 25 basis points in May.",
                 _other("25 basis points", 25, "basis points", "change"), id="basis-points"),
    pytest.param("Approval rose 6 percentage points.",
                 _other("6 percentage points", 6, "percentage points", "change"),
                 id="percentage-points"),
    pytest.param("The line ran a 12-mile stretch of desert.", _other("12-mile", 12, "miles", "distance"),
                 id="hyphenated-mile"),
    # a measurement has the measure "measurement"; drugs by weight stay statistics
    pytest.param("The ferry slowed to 5mph near the dock.", {"5mph": {"measure": "measurement"}},
                 id="measurement-measure"),
    pytest.param("The truck hauled 20 tons of cement.", {"20 tons": {"measure": "measurement"}},
                 id="weight-of-a-thing-is-a-measurement"),
    pytest.param("The newborn panda weighed 140 grams.", {"140 grams": {"measure": "measurement"}},
                 id="grams-measurement"),
    pytest.param("A 2000 lb bomb was dropped on the bridge.",
                 {"2000 lb": {"unit": "pounds", "measure": "measurement", "is_migration_stat": False}},
                 id="year-like-weight-is-still-a-weight"),
    pytest.param("Agents seized 40kg of fentanyl at the border crossing.",
                 {"40kg": {"measure": "drugs", "is_migration_stat": True}}, id="drugs-by-weight"),
]


@pytest.mark.parametrize("text, expected", BEYOND_MIGRATION)
def test_counts_and_units_beyond_migration(text, expected):
    got, want = figure_rows(text, expected)
    assert got == want


# --- what is not a quantity ----------------------------------------------------------

NOT_QUANTITIES = [
    pytest.param("It happened on March 28, 2019, and again on Sept. 10 and on 28 March.", [], id="dates"),
    pytest.param("The file is dated 2019-03-28 and 3/28/2019.", [], id="numeric-dates"),
    pytest.param("Arrests in 2007 and until 2011 were below the early 2000s and the 1990s.", [],
                 id="years-and-decades"),
    pytest.param("He spoke at 7:45am, at 7:45 a.m. and again at 10 p.m.", [], id="times-of-day"),
    pytest.param("Follow @usembassyhn and @CBP2019 at https://t.co/XPZD0RBawU or "
                 "https://example.com/2019/03/28/story-123.", [], id="handles-and-urls"),
    pytest.param("Write to contact24@example.com for details.", [], id="e-mail"),
    pytest.param("Under Title 42 and Section 8, one day after the deal, a day after that, the two countries agreed.",
                 [], id="labels-anchors-and-definite-small-numbers"),
    pytest.param("The zero tolerance policy was one of the harshest; No. 2 was the 3rd priority.", [],
                 id="zero-one-of-numero-ordinal"),
    pytest.param("They want a safe third country agreement, said the 24World Media page.", [],
                 id="ordinal-word-and-name-with-digits"),
    pytest.param("Migrants waited for months, and for years the border was closed.", [], id="bare-plural-durations"),
    pytest.param("The 2019-2020 fiscal year was busy.", [], id="year-range"),
    pytest.param("The group split in half on Tuesday.", [], id="split-in-half-is-no-change"),
    pytest.param("Wait times rose by half an hour.", [], id="half-an-hour-is-no-change"),
    pytest.param("One was detained.", [], id="one-without-a-noun"),
    pytest.param("Two weeks after the deal, talks lasted about 10 minutes.",
                 [{"surface": "about 10 minutes", "unit": "minutes", "is_migration_stat": False}],
                 id="relative-anchor-is-not-a-figure-but-a-duration-is"),
    pytest.param("Headline Here\n\nBy Jorge Valencia\nPublished: Wednesday, September 11, 2019 - 7:45am\n"
                 "Updated: Wednesday, September 11, 2019 - 7:51am\n\nOfficials said 2,000 troops deployed.",
                 [{"surface": "2,000 troops"}], id="byline-and-timestamps"),
    # telephone numbers
    pytest.param("Call 1-800-555-0199 or visit cbp.gov/newsroom/stats/2021 for the 2020 data.", [],
                 id="toll-free-and-url-path"),
    pytest.param("Contact the agency at (202) 344-1780 or 202-344-1780.", [], id="phone-area-code"),
    pytest.param("Call 202.344.1780 or +1-202-344-1780 for details.", [], id="phone-dots-and-country-code"),
    pytest.param("Call the consulate at 202 555 0143 for an appointment.", [], id="phone-spaces"),
    pytest.param("The hotline is +52 55 5080 2000 in Mexico City.", [], id="phone-mexico"),
    pytest.param("Dial +44 (0)20 7946 0958 from abroad.", [], id="phone-uk"),
    pytest.param("Or call (415) 555 0132 after noon.", [], id="phone-parenthesized-spaces"),
]


@pytest.mark.parametrize("text, expected", NOT_QUANTITIES)
def test_not_quantities(text, expected):
    got, want = figure_rows(text, expected)
    assert got == want


MODEL_NAMES_AND_CODES = [
    # product and model names, codes and labels carry numbers that are not quantities
    pytest.param("She bought an iPhone 11 at the airport.", [], id="iPhone-11"),
    pytest.param("A Boeing 787 landed in Houston.", [], id="Boeing-787"),
    pytest.param("COVID-19 closed the crossing.", [], id="COVID-19"),
    pytest.param("The laptop still runs Windows 10.", [], id="Windows-10"),
    pytest.param("The F-35 flew over the base.", [], id="F-35"),
    pytest.param("Expulsions under Title 42 ended.", [], id="Title-42"),
    pytest.param("Traffic backed up on I-95.", [], id="I-95"),
    pytest.param("Section 232 tariffs hit steel.", [], id="Section-232"),
    pytest.param("Leaders met at the G20 summit.", [], id="G20"),
    pytest.param("The 4K screen and the 5G phone were on sale.", [], id="4K-and-5G"),
    pytest.param("Apple and 3M said nothing.", [], id="3M"),
    pytest.param("He flew a Cessna 172 to the ranch.", [], id="Cessna-172"),
    pytest.param("The Galaxy S23 went on sale in March.", [], id="Galaxy-S23"),
    pytest.param("She drove a Tesla Model 3 to work.", [], id="Model-3"),
    pytest.param("An Airbus A320 was diverted to Denver.", [], id="Airbus-A320"),
    pytest.param("Passengers boarded a Boeing 737 Max in Dallas.", [], id="Boeing-737-Max"),
    pytest.param("The old PlayStation 2 still works.", [], id="PlayStation-2"),
    pytest.param("Fans lined up for the Pixel 8 launch.", [], id="Pixel-8"),
    pytest.param("The TV showed the Apollo 11 launch and a Ford F-150 ad.", [], id="Apollo-11-and-F-150"),
    pytest.param("Officials opened Gate 7 at the airport.", [], id="Gate-7"),
    pytest.param("Caravan members rode Line 2 of the subway.", [], id="Line-2"),
    pytest.param("The 787 was grounded after the fire.", [], id="bare-model-number-after-the"),
    pytest.param("Engineers said the 737 is safe to fly.", [], id="model-number-with-is"),
    pytest.param("The 747's engines failed over the ocean.", [], id="model-number-possessive"),
    pytest.param("The 300 were sent back to Mexico.", [{"surface": "300", "unit": "people"}],
                 id="the-number-with-a-plural-verb-is-a-count"),
    pytest.param("Officials said the 3,000 was a record.", [{"surface": "3,000"}],
                 id="the-number-with-a-separator-is-a-count"),
    # "one" before a plural is a pronoun before a verb
    pytest.param("One hopes the talks succeed.", [], id="one-as-a-pronoun"),
]


@pytest.mark.parametrize("text, expected", MODEL_NAMES_AND_CODES)
def test_model_names_and_codes(text, expected):
    got, want = figure_rows(text, expected)
    assert got == want

"""Tests for borderlines.cited_figures: quantity extraction, period resolution, summaries."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

from borderlines.compare.figures import (ARTICLE_FIGURE_COLUMNS, MIGRATION_STAT_COLUMNS, RECURRING_COLUMNS,
                                         figure_interval, figures_per_article, migration_stats, recurring_measures)
from borderlines.cited_figures import FIGURE_COLUMNS, MEASURES, QUALIFIERS, STATUSES, extract_figures, resolve_period
from borderlines.nlp import get_nlp, is_word, sentence_table
from conftest import make_corpus

PERIOD = re.compile(r"^(?:\d{4}-\d{2}(?:\.\.\d{4}-\d{2})?)?$")


def figures_of(text: str, date: str = "2019-03-28") -> pd.DataFrame:
    return extract_figures(make_corpus([{"doc_id": "t1", "text": text, "date": date}]))


def one(text: str, surface: str, date: str = "2019-03-28") -> pd.Series:
    """The single figure whose surface contains ``surface``."""
    f = figures_of(text, date)
    hit = f[f["surface"].str.contains(surface, regex=False)]
    assert len(hit) == 1, f"{surface!r} in {f['surface'].tolist()}"
    return hit.iloc[0]


# --- numerals, percentages, spelled-out numbers --------------------------------------

def test_numerals_with_separators_and_decimals():
    row = one("Arrests along the border jumped to 66,450 in February.", "66,450")
    assert (row.value, row.unit, row.measure, row.period) == (66450.0, "arrests", "arrests", "2019-02")
    money = one("The agency spent $1.5 million on buses.", "$1.5 million")
    assert (money.value, money.unit, money.kind, money.is_migration_stat) == (1.5e6, "dollars", "money", False)
    assert one("Apprehensions rose to 3.5 million.", "3.5 million").value == 3.5e6


@pytest.mark.parametrize("text,surface,value", [
    ("Arrests were up 149 percent from a year earlier.", "149 percent", 149.0),
    ("Crossings dropped 56% in August.", "56%", 56.0),
    ("About 12.5 per cent of migrants were children.", "12.5 per cent", 12.5),
])
def test_percentages(text, surface, value):
    row = one(text, surface)
    assert row.value == value and row.unit == "percent"


def test_percent_change_and_share():
    change = one("Arrests rose 20 percent from January.", "20 percent")
    assert (change.kind, change.direction, change.measure) == ("change", "up", "arrests")
    share = one("Ebrard said Mexico met 90 percent of the main objective on the border.", "90 percent")
    assert (share.kind, share.measure, share.direction) == ("share", "goal", "")


@pytest.mark.parametrize("text,surface,value,qualifier,unit,measure", [
    ("Aides have been cautious over the past three months.", "three months", 3.0, "exact", "months", "duration"),
    ("The agency reassigned several hundred border inspectors.", "several hundred", 300.0, "vague", "people",
     "border_inspectors"),
    ("The policy separated thousands of migrant children.", "thousands", 2000.0, "vague", "people", "children"),
    ("Arrests were about double the same period last year.", "double", 2.0, "about", "times", "arrests"),
    ("Twenty-five troops arrived.", "Twenty-five", 25.0, "exact", "people", "troops"),
    ("Two dozen agents arrived.", "dozen", 24.0, "exact", "people", "agents"),
    ("Tens of thousands of migrants waited.", "Tens of thousands", 20000.0, "vague", "people", "migrants"),
    ("Officials expect a few thousand asylum seekers.", "a few thousand", 2000.0, "vague", "people",
     "asylum_seekers"),
    ("One in five migrants was a child.", "One in five", 0.2, "exact", "fraction", "migrants"),
    ("Half of the families came from Honduras.", "Half", 0.5, "exact", "fraction", "families"),
])
def test_spelled_out_numbers(text, surface, value, qualifier, unit, measure):
    row = one(text, surface)
    assert math.isclose(row.value, value)
    assert (row.qualifier, row.unit, row.measure) == (qualifier, unit, measure)


def test_record_span():
    row = one("Custody numbers of migrants fell from a 12-year high of 144,000 in May.", "12-year high",
              date="2019-09-10")
    assert (row.value, row.unit, row.kind, row.measure, row.period) == (12.0, "years", "record", "migrants", "2019-05")


@pytest.mark.parametrize("text,surface,qualifier", [
    ("About 55,000 people arrived.", "About 55,000", "about"),
    ("Around 3,000 people stayed.", "Around 3,000", "about"),
    ("Roughly 1,000 miles south.", "Roughly 1,000", "about"),
    ("Some 25,000 National Guard members deployed.", "Some 25,000", "about"),
    ("Nearly 40 percent of migrants were children.", "Nearly 40", "about"),
    ("A caravan of over 4,000 migrants.", "over 4,000", "more than"),
    ("There were more than 190,000 apprehensions.", "more than 190,000", "more than"),
    ("At least 300 families crossed.", "At least 300", "more than"),
    ("Agents made 5,000 or more arrests.", "5,000 or more", "more than"),
    ("Agents made fewer than 20,000 arrests.", "fewer than 20,000", "fewer than"),
    ("Under 100 agents remained.", "Under 100", "fewer than"),
    ("The Guard may deploy up to 4,000 troops.", "up to 4,000", "up to"),
    ("As many as 1,200 children waited.", "As many as 1,200", "up to"),
    ("An average of 567 illegal firearms enter every hour.", "567", "exact"),
])
def test_qualifiers(text, surface, qualifier):
    row = one(text, surface)
    assert row.qualifier == qualifier and row.qualifier in QUALIFIERS


def test_ranges():
    f = figures_of("Between 3,000 and 5,000 people waited; 10-15 percent were children.")
    assert f["surface"].tolist() == ["Between 3,000 and 5,000 people", "10-15 percent"]
    assert f["value"].tolist() == [3000.0, 10.0] and f["range_high"].tolist() == [5000.0, 15.0]
    rose = figures_of("Arrests rose from 3,000 to 5,000.")
    assert rose["value"].tolist() == [3000.0, 5000.0] and rose["range_high"].isna().all()
    scaled = one("Officials expect 3 to 5 million migrants.", "3 to 5 million")
    assert (scaled.value, scaled.range_high, scaled.measure) == (3e6, 5e6, "migrants")
    assert figures_of("The 2019-2020 fiscal year was busy.").empty


def test_per_unit_rates():
    guns = one("An average of 567 illegal firearms are entering Mexico every hour, officials said.", "567")
    assert (guns.unit, guns.rate_per, guns.measure, guns.kind) == ("firearms per hour", "hour", "firearms", "rate")
    arrests = one("Agents were making fewer than 20,000 arrests per month.", "20,000")
    assert arrests.surface == "fewer than 20,000 arrests per month"
    assert (arrests.unit, arrests.rate_per) == ("arrests per month", "month")
    days = one("There have been days this month when the U.S. Border Patrol encountered more than "
               "10,000 people making crossings.", "10,000", date="2023-12-27")
    assert (days.unit, days.measure, days.rate_per, days.period) == ("people per day", "crossings", "day", "2023-12")
    assert one("Arrests averaged 8,000 a day.", "8,000").unit == "arrests per day"
    assert one("Arrests rose to 8,000 a year later.", "8,000").rate_per == ""


def test_counted_noun_refinements():
    assert one("About 55,000 people will have arrived as families.", "55,000").measure == "families"
    assert one("Officials “removed or returned” more than 400,000 people.", "400,000").measure == "removals"
    assert one("The Guard sent some 25,000 National Guard members.", "25,000").measure == "national_guard"
    assert one("The caravan had 3,000 people in it.", "3,000").measure == "people"


# --- not quantities ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "It happened on March 28, 2019, and again on Sept. 10 and on 28 March.",
    "The file is dated 2019-03-28 and 3/28/2019.",
    "Arrests in 2007 and until 2011 were below the early 2000s and the 1990s.",
    "He spoke at 7:45am, at 7:45 a.m. and again at 10 p.m.",
    "Follow @usembassyhn and @CBP2019 at https://t.co/XPZD0RBawU or https://example.com/2019/03/28/story-123.",
    "Write to contact24@example.com for details.",
    "Under Title 42 and Section 8, one day after the deal, a day after that, the two countries agreed.",
    "The zero tolerance policy was one of the harshest; No. 2 was the 3rd priority.",
    "They want a safe third country agreement, said the 24World Media page.",
    "Migrants waited for months, and for years the border was closed.",
])
def test_non_quantities(text):
    assert figures_of(text).empty, figures_of(text)["surface"].tolist()


def test_byline_and_timestamps_are_not_figures():
    raw = ("Headline Here\n\nBy Jorge Valencia\nPublished: Wednesday, September 11, 2019 - 7:45am\n"
           "Updated: Wednesday, September 11, 2019 - 7:51am\n\nOfficials said 2,000 troops deployed.")
    f = figures_of(raw, date="2019-09-11")
    assert f["surface"].tolist() == ["2,000 troops"]


def test_relative_anchor_is_not_a_figure_but_a_duration_is():
    f = figures_of("Two weeks after the deal, talks lasted about 10 minutes.")
    assert f["surface"].tolist() == ["about 10 minutes"]
    assert (f.iloc[0]["unit"], f.iloc[0]["is_migration_stat"]) == ("minutes", False)


# --- period resolution ---------------------------------------------------------------

@pytest.mark.parametrize("phrase,date,expected", [
    ("in February", "2019-03-28", "2019-02"),
    ("in May", "2019-09-10", "2019-05"),
    ("in November", "2023-12-27", "2023-11"),
    ("in February", "2020-01-15", "2019-02"),          # previous year across January
    ("in December", "2024-01-05", "2023-12"),
    ("in January", "2024-01-05", "2024-01"),
    ("last May", "2019-05-20", "2018-05"),
    ("next month", "2019-12-20", "2020-01"),
    ("last month", "2020-01-10", "2019-12"),
    ("last month", "2019-09-10", "2019-08"),
    ("this month", "2023-12-27", "2023-12"),
    ("during the month", "2019-03-28", "2019-03"),
    ("February 2018", "2019-03-28", "2018-02"),
    ("in March of 2017", "2019-03-28", "2017-03"),
    ("between May and the end of November", "2023-12-27", "2023-05..2023-11"),
    ("between November and February", "2020-03-02", "2019-11..2020-02"),
    ("from May to August", "2019-09-10", "2019-05..2019-08"),
    ("since June", "2019-09-10", "2019-06..2019-09"),
    ("the past three months", "2019-09-10", "2019-06..2019-08"),
    ("over the past three months", "2020-02-01", "2019-11..2020-01"),
    ("the past 12 months", "2020-01-10", "2019-01..2019-12"),
    ("the past two weeks", "2020-01-05", "2019-12..2020-01"),
    ("last week", "2020-01-03", "2019-12"),
    ("yesterday", "2020-01-01", "2019-12"),
    ("on Friday", "2023-12-27", "2023-12"),
    ("on Thursday", "2021-01-02", "2020-12"),
    ("on Wednesday", "2023-12-27", "2023-12"),
    ("this year", "2019-09-10", "2019-01..2019-09"),
    ("last year", "2019-09-10", "2018-01..2018-12"),
    ("in 2018", "2019-09-10", "2018-01..2018-12"),
    ("fiscal 2019", "2019-12-01", "2018-10..2019-09"),
    ("since 2007", "2019-09-10", "2007-01..2019-09"),
    ("last fall", "2019-09-10", "2018-09..2018-11"),
    ("in the spring", "2019-09-10", "2019-03..2019-05"),
    ("last winter", "2020-01-15", "2018-12..2019-02"),
    ("the early days of the Trump administration", "2019-09-10", "2017-01..2017-03"),
    ("the early days of the Trump administration", "2025-06-01", "2025-01..2025-03"),
    ("a year earlier", "2019-03-28", "2018-03"),
    ("in recent weeks", "2019-03-28", ""),
    ("the early 2000s", "2019-03-28", ""),
    ("the border", "2019-03-28", ""),
])
def test_resolve_period(phrase, date, expected):
    assert resolve_period(phrase, pd.Timestamp(date)) == expected


@pytest.mark.parametrize("phrase,anchor,expected", [
    ("a year earlier", "2019-02", "2018-02"),
    ("a year earlier", "2020-01", "2019-01"),
    ("the same period last year", "2019-03", "2018-03"),
    ("the previous year", "2019-05..2019-08", "2018-05..2018-08"),
    ("a month earlier", "2020-01", "2019-12"),
    ("from December", "2020-02", "2019-12"),
    ("from February", "2019-03", "2019-02"),
])
def test_resolve_period_relative_to_anchor(phrase, anchor, expected):
    assert resolve_period(phrase, pd.Timestamp("2020-06-15"), anchor=anchor) == expected


def test_resolve_period_without_date():
    assert resolve_period("in May", None) == ""
    assert resolve_period("in May 2019", None) == "2019-05"
    assert resolve_period("in 2018", pd.NaT) == "2018-01..2018-12"


def test_periods_across_year_boundary_in_text():
    f = figures_of("Agents made 40,000 arrests in December, up 20 percent from November. "
                   "Arrests fell to 30,000 last month.", date="2020-01-15")
    got = dict(zip(f["surface"], zip(f["period"], f["baseline"])))
    assert got["40,000 arrests"] == ("2019-12", "")
    assert got["20 percent"] == ("2019-11..2019-12", "2019-11")
    assert got["30,000"] == ("2019-12", "")
    assert one("Arrests reached 50,000 in February.", "50,000", date="2020-01-15").period == "2019-02"
    assert one("Arrests reached 50,000 in February.", "50,000", date="2020-03-15").period == "2020-02"


def test_change_periods():
    f = figures_of("Arrests jumped to 66,450 in February, up 149 percent from a year earlier.")
    pct = f[f["unit"] == "percent"].iloc[0]
    assert (pct.period, pct.baseline, pct.direction) == ("2019-02", "2018-02", "up")
    span = one("The number of migrants dropped by 56 percent in August, compared to May.", "56 percent",
               date="2019-09-11")
    assert (span.period, span.baseline, span.direction) == ("2019-05..2019-08", "2019-05", "down")


def test_period_carries_over_one_sentence_for_statistics():
    f = figures_of("The agency expects 100,000 arrests during the month. About 55,000 people will arrive "
                   "as families. Several hundred inspectors were reassigned.")
    assert f["period"].tolist() == ["2019-03", "2019-03", ""]
    durations = figures_of("Arrests rose in February. The meeting lasted about 10 minutes.")
    assert durations["period"].tolist() == [""]
    explicit_wins = figures_of("Arrests rose in February. In January, 40,000 migrants arrived.")
    assert explicit_wins["period"].tolist() == ["2019-01"]


# --- clause-level periods, enforcement verbs, year-over-year changes, fractions -------

def test_period_comes_from_the_time_phrase_of_its_own_clause():
    f = figures_of("In November, 70,000 were stopped, and in December, 73,000.", date="2021-01-15")
    assert f["period"].tolist() == ["2020-11", "2020-12"]
    # a phrase opening the next coordinated clause dates that clause only
    f = figures_of("The Border Patrol made 500 arrests, and on Friday it released 300 people.", date="2021-01-15")
    assert f["period"].tolist() == ["", "2021-01"]
    f = figures_of("The agency recorded 75,000 encounters in December and in November it recorded 69,000.",
                   date="2021-01-15")
    assert f["period"].tolist() == ["2020-12", "2020-11"]
    # an ordinary following phrase still wins, in the clause or coordinated with the number
    f = figures_of("Agents made 66,000 arrests in February and 70,000 in March.", date="2021-01-15")
    assert f["period"].tolist() == ["2020-02", "2020-03"]
    assert one("More than 20,000 people crossed in December and January.", "20,000",
               date="2021-01-15").period == "2020-12"


@pytest.mark.parametrize("text", [
    "In April, apprehensions fell to 17,000, the lowest level since 2017.",
    "Apprehensions fell to 17,000 in April, the lowest level since 2017.",
    "In April, apprehensions fell to 17,000, the fewest since March 2017.",
])
def test_since_of_a_record_does_not_date_the_figure(text):
    assert one(text, "17,000", date="2021-01-15").period == "2020-04"


@pytest.mark.parametrize("text,surface,unit,measure", [
    ("70,000 people were stopped.", "70,000 people", "people", "apprehensions"),
    ("In November, 70,000 were stopped.", "70,000", "people", "apprehensions"),
    ("Border agents apprehended 70,000 in December.", "70,000", "people", "apprehensions"),
    ("Border agents stopped 70,000 people in December.", "70,000 people", "people", "apprehensions"),
    ("The Border Patrol encountered more than 75,000 people in December.", "75,000", "people", "encounters"),
    ("Nearly 30,000 were expelled in December alone.", "30,000", "people", "removals"),
    ("About 2,000 people were turned back at the bridge.", "2,000", "people", "removals"),
    ("Mexico deported 60,000 Central Americans in 2019.", "60,000", "people", "removals"),
    ("More than 20,000 people crossed in December.", "20,000", "people", "crossings"),
    ("Nearly 1,000 people a day are being caught.", "1,000", "people per day", "apprehensions"),
    ("As many as 9,000 Hondurans crossed into Guatemala.", "9,000", "people", "crossings"),
    ("Since 2014, more than 2,000 people have died in the desert.", "2,000", "people", "deaths"),
    ("Agents detained 300 people at the border.", "300", "people", "apprehensions"),
    ("Agents stopped migrants 75,000 times in December.", "75,000", "apprehensions", "apprehensions"),
])
def test_enforcement_verbs_make_a_count_a_migration_statistic(text, surface, unit, measure):
    row = one(text, surface, date="2021-01-15")
    assert (row.unit, row.measure, row.is_migration_stat) == (unit, measure, True)


def test_enforcement_verb_is_understood_in_a_coordinated_clause():
    f = figures_of("In November, 70,000 were stopped, and in December, 73,000.", date="2021-01-15")
    assert f["unit"].tolist() == ["people", "people"]
    assert f["measure"].tolist() == ["apprehensions", "apprehensions"] and f["is_migration_stat"].all()
    other = figures_of("In November, 70,000 were stopped, and 2,000 were released.", date="2021-01-15")
    assert other["measure"].tolist() == ["apprehensions", ""]


def test_enforcement_verbs_leave_other_counts_alone():
    assert one("Agents apprehended 70,000 migrants.", "70,000").measure == "migrants"
    assert one("About 55,000 people will have arrived as families.", "55,000").measure == "families"
    released = one("Officials released 300 people at the border.", "300")
    assert (released.measure, released.unit) == ("people", "people")
    # police verbs need a migration context, like other counts of people
    police = one("Police detained two men in Tijuana.", "two men")
    assert (police.measure, police.is_migration_stat) == ("people", False)
    assert figures_of("One was detained.").empty


@pytest.mark.parametrize("text", [
    "About a third of those apprehended in December were Mexican adults.",
    "Of those stopped, a third were single adults.",
])
def test_share_of_those_acted_on_by_an_enforcement_verb(text):
    row = figures_of(text, date="2021-01-15").iloc[0]
    assert math.isclose(row.value, 1 / 3)
    assert (row.unit, row.measure, row.is_migration_stat) == ("fraction", "apprehensions", True)


@pytest.mark.parametrize("text,date,period,baseline", [
    ("Apprehensions fell 10% from last year.", "2021-01-15", "2021-01", "2020-01..2020-12"),
    ("Arrests fell 10% from a year earlier.", "2021-01-15", "2021-01", "2020-01"),
    ("Crossings rose 20 percent compared with last year.", "2021-01-15", "2021-01", "2020-01..2020-12"),
    ("Encounters were up 150% compared with the same month a year earlier.", "2021-01-15", "2021-01", "2020-01"),
    ("Apprehensions fell 10% from last year.", "2019-09-10", "2019-01..2019-09", "2018-01..2018-12"),
    ("Apprehensions were three times as many as last year.", "2021-01-15", "2021-01", "2020-01..2020-12"),
    # a period of its own wins, as "up 149 percent from a year earlier" in February
    ("Apprehensions in December rose 10% from last year.", "2021-01-15", "2020-12", "2020-01..2020-12"),
    ("Arrests jumped to 66,450 in February, up 149 percent from a year earlier.", "2019-03-28", "2019-02",
     "2018-02"),
])
def test_year_over_year_change_without_a_period_of_its_own(text, date, period, baseline):
    f = figures_of(text, date)
    row = f[f["kind"].isin(["change", "ratio"])].iloc[0]
    assert (row.period, row.baseline) == (period, baseline)


def test_change_compared_with_a_year_earlier_than_the_carried_period():
    f = figures_of("Arrests reached 70,000 in December. That was up 10% from a year earlier.", date="2021-01-15")
    assert f["period"].tolist() == ["2020-12", "2020-12"] and f["baseline"].tolist() == ["", "2019-12"]


def test_change_over_a_range_spans_it():
    row = one("Crossings fell 56 percent from May to August.", "56 percent", date="2019-09-10")
    assert (row.period, row.baseline, row.direction) == ("2019-05..2019-08", "2019-05", "down")


@pytest.mark.parametrize("text,surface,value,qualifier,direction", [
    ("Arrests dropped by half.", "half", 0.5, "exact", "down"),
    ("Crossings fell by a third.", "a third", 1 / 3, "exact", "down"),
    ("Apprehensions dropped by nearly half in December.", "nearly half", 0.5, "about", "down"),
    ("Arrests increased by two-thirds since October.", "two-thirds", 2 / 3, "exact", "up"),
    ("Crossings were cut in half.", "half", 0.5, "exact", "down"),
    ("Arrests have halved since May.", "halved", 0.5, "exact", "down"),
])
def test_change_by_a_fraction(text, surface, value, qualifier, direction):
    row = one(text, surface, date="2021-01-15")
    assert math.isclose(row.value, value)
    assert (row.unit, row.kind, row.qualifier, row.direction, row.is_migration_stat) == (
        "fraction", "change", qualifier, direction, True)


def test_change_by_a_fraction_periods_and_non_changes():
    assert one("Apprehensions dropped by nearly half in December.", "half", date="2021-01-15").period == "2020-12"
    assert one("Arrests have halved since May.", "halved", date="2021-01-15").period == "2020-05..2021-01"
    assert figures_of("The group split in half on Tuesday.").empty
    assert figures_of("Wait times rose by half an hour.").empty
    share = one("Half of the families came from Honduras.", "Half")
    assert (share.kind, share.direction) == ("share", "")


@pytest.mark.parametrize("text,surface,value,direction,measure", [
    ("Arrests were five times higher than in 2017.", "five times", 5.0, "up", "arrests"),
    ("Apprehensions were three times as many as last year.", "three times", 3.0, "up", "apprehensions"),
    ("Crossings are now four times lower than in May.", "four times", 4.0, "down", "crossings"),
])
def test_multiples_are_ratios(text, surface, value, direction, measure):
    row = one(text, surface, date="2021-01-15")
    assert (row.value, row.unit, row.kind, row.direction, row.measure) == (value, "times", "ratio", direction, measure)


def test_made_up_is_a_share_not_a_rise():
    row = one("Unaccompanied children made up 8 percent of encounters in December.", "8 percent",
              date="2021-01-15")
    assert (row.kind, row.direction, row.measure, row.period) == ("share", "", "encounters", "2020-12")


def test_counts_of_people_named_by_nationality_or_strength():
    f = figures_of("Some 1,500 Guatemalans and 800 Salvadorans joined the caravan.")
    assert f["unit"].tolist() == ["people", "people"] and f["is_migration_stat"].all()
    strong = one("The caravan, about 3,000 strong, was stopped by Mexican authorities.", "3,000")
    assert (strong.surface, strong.unit, strong.is_migration_stat) == ("about 3,000 strong", "people", True)


def test_appositive_age():
    row = one("The officer, 34, was arrested on Tuesday.", "34")
    assert (row.kind, row.unit, row.measure, row.is_migration_stat) == ("age", "years", "age", False)
    assert one("Agents arrested Maria Lopez, 34, and her son.", "34").kind == "age"


@pytest.mark.parametrize("text", [
    "Call 1-800-555-0199 or visit cbp.gov/newsroom/stats/2021 for the 2020 data.",
    "Contact the agency at (202) 344-1780 or 202-344-1780.",
    "Call 202.344.1780 or +1-202-344-1780 for details.",
])
def test_telephone_numbers_are_not_quantities(text):
    assert figures_of(text).empty, figures_of(text)["surface"].tolist()


# --- beyond migration wording: small counts, units, glued numbers, model names -------

@pytest.mark.parametrize("text,surface,value,unit,kind", [
    # small spelled-out counts of anything
    ("Delegations from seven countries signed the accord.", "seven countries", 7, "countries", "count"),
    ("Ministers of five Central American countries met in Panama.", "five Central American countries", 5,
     "countries", "count"),
    ("Two dozen reporters waited outside the consulate.", "Two dozen reporters", 24, "people", "count"),
    ("A dozen lawmakers signed the letter.", "A dozen lawmakers", 12, "people", "count"),
    ("Nine Texans and 40 Iraqis were on the flight.", "40 Iraqis", 40, "people", "count"),
    ("The club fielded a dozen new volunteers.", "a dozen new volunteers", 12, "people", "count"),
    # numbers glued to a unit or a scale
    ("The tablet ships with 256GB of storage.", "256GB", 256, "gigabytes", "data"),
    ("The ferry slowed to 5mph near the dock.", "5mph", 5, "miles per hour", "speed"),
    ("The bridge project will cost $3bn.", "$3bn", 3e9, "dollars", "money"),
    ("A contract worth $2.5 bn was signed.", "$2.5 bn", 2.5e9, "dollars", "money"),
    ("The city paid a $250k settlement.", "$250k", 250e3, "dollars", "money"),
    ("Organizers counted 50k runners at the start.", "50k runners", 50e3, "runners", "count"),
    ("The new fence runs 10km along the canal.", "10km", 10, "kilometers", "distance"),
    ("Her suitcase weighed 23kg at check-in.", "23kg", 23, "kilograms", "weight"),
    ("Crews laid a 30m pipe under the road.", "30m", 30, "meters", "distance"),
    ("Thermometers showed 43C in the shade.", "43C", 43, "degrees Celsius", "temperature"),
    # units outside the migration vocabulary
    ("Gusts reached 60 mph overnight.", "60 mph", 60, "miles per hour", "speed"),
    ("The barge carried 1,200 tons of grain.", "1,200 tons", 1200, "tons", "weight"),
    ("Temperatures climbed to 112 degrees in the valley.", "112 degrees", 112, "degrees", "temperature"),
    ("It was 104 °F at noon.", "104 °F", 104, "degrees Fahrenheit", "temperature"),
    ("The fire burned 3,000 acres of forest.", "3,000 acres", 3000, "acres", "area"),
    ("The plant holds 2 million gallons of water.", "2 million gallons", 2e6, "gallons", "volume"),
    ("The new turbines add 600 megawatts.", "600 megawatts", 600, "megawatts", "power"),
    ("The index fell 500 points on the news.", "500 points", 500, "points", "change"),
    ("The senator leads by 4 points in the poll.", "4 points", 4, "points", "points"),
    ("Approval rose 6 percentage points.", "6 percentage points", 6, "percentage points", "change"),
    ("The line ran a 12-mile stretch of desert.", "12-mile", 12, "miles", "distance"),
])
def test_counts_and_units_beyond_migration(text, surface, value, unit, kind):
    row = one(text, surface)
    assert row.surface == surface
    assert (row.value, row.unit, row.kind, row.is_migration_stat) == (value, unit, kind, False)


def test_measurements_have_a_measure_and_drugs_by_weight_stay_statistics():
    assert one("The ferry slowed to 5mph near the dock.", "5mph").measure == "measurement"
    drugs = one("Agents seized 40kg of fentanyl at the border crossing.", "40kg")
    assert (drugs.measure, drugs.is_migration_stat) == ("drugs", True)
    assert set(MEASURES) >= {"measurement"}


@pytest.mark.parametrize("text", [
    # product and model names, codes and labels carry numbers that are not quantities
    "She bought an iPhone 11 at the airport.",
    "A Boeing 787 landed in Houston.",
    "COVID-19 closed the crossing.",
    "The laptop still runs Windows 10.",
    "The F-35 flew over the base.",
    "Expulsions under Title 42 ended.",
    "Traffic backed up on I-95.",
    "Section 232 tariffs hit steel.",
    "Leaders met at the G20 summit.",
    "The 4K screen and the 5G phone were on sale.",
    "Apple and 3M said nothing.",
    # "one" before a plural is a pronoun before a verb
    "One hopes the talks succeed.",
])
def test_model_names_and_codes_are_not_quantities(text):
    assert figures_of(text).empty, figures_of(text)["surface"].tolist()


@pytest.mark.parametrize("text,surface", [
    ("Exactly 300 people waited at the gate.", "300 people"),
    ("Precisely 40 migrants were on the bus.", "40 migrants"),
])
def test_a_capitalized_adverb_is_not_a_label(text, surface):
    assert one(text, surface).value > 0


def test_how_often_is_not_a_factor():
    row = one("The governor has visited the border three times.", "three times")
    assert (row.value, row.unit, row.kind, row.measure) == (3.0, "occurrences", "frequency", "")
    assert one("Agents stopped migrants 75,000 times in December.", "75,000").unit == "apprehensions"


@pytest.mark.parametrize("text", [
    "Call the consulate at 202 555 0143 for an appointment.",
    "The hotline is +52 55 5080 2000 in Mexico City.",
    "Dial +44 (0)20 7946 0958 from abroad.",
    "Or call (415) 555 0132 after noon.",
])
def test_telephone_numbers_with_spaces_are_not_quantities(text):
    assert figures_of(text).empty, figures_of(text)["surface"].tolist()


@pytest.mark.parametrize("text,date,surface,period,baseline,kind", [
    # a change from a named past period, with no period of its own, runs to the article
    ("Encounters are down 40% from their peak in May 2019.", "2019-09-10", "40%", "2019-05..2019-09",
     "2019-05", "change"),
    # a fraction of a baseline is a ratio
    ("Crossings are now half what they were in May.", "2019-09-10", "half", "2019-05..2019-09", "2019-05",
     "ratio"),
    ("Arrests were a third as many as in March.", "2019-09-10", "a third", "2019-03..2019-09", "2019-03",
     "ratio"),
    # a time phrase closing a "since" clause dates from then
    ("Deportations have risen 20 percent since Trump took office in 2017.", "2019-09-10", "20 percent",
     "2017-01..2019-09", "", "change"),
    ("Since the agency changed its rules in March, 4,000 asylum seekers have waited.", "2019-09-10", "4,000",
     "2019-03..2019-09", "", "count"),
    # ... and dates no figure after a record
    ("Arrests hit 20,000, the most since the president took office in 2017.", "2019-09-10", "20,000", "", "",
     "count"),
])
def test_periods_of_baselines_and_since_clauses(text, date, surface, period, baseline, kind):
    row = one(text, surface, date=date)
    assert (row.period, row.baseline, row.kind) == (period, baseline, kind)


def test_fraction_of_a_baseline_is_a_ratio_down():
    row = one("Crossings are now half what they were in May.", "half", date="2019-09-10")
    assert (row.value, row.unit, row.direction, row.measure) == (0.5, "times", "down", "crossings")


# --- status: reported, projection, estimate -----------------------------------------

@pytest.mark.parametrize("text,surface,status", [
    # projections: modals, expectations, forecasts, plans and pledges
    ("The ministry said it would hire 2,000 inspectors this year.", "2,000", "projection"),
    ("Shelters are expected to hold 9,000 families by winter.", "9,000", "projection"),
    ("Port traffic could reach 40,000 trucks a week.", "40,000", "projection"),
    ("The state projected 1.2 million visitors for the fair.", "1.2 million", "projection"),
    ("Economists forecast growth of 3 percent.", "3 percent", "projection"),
    ("The city is on track to build 500 homes.", "500 homes", "projection"),
    ("The two governments agreed to resettle 3,000 refugees.", "3,000", "projection"),
    ("About 8,000 students will graduate in June.", "8,000", "projection"),
    ("Guatemala may send up to 1,500 police officers.", "1,500", "projection"),
    ("The plan will cost $3bn over a decade.", "$3bn", "projection"),
    ("Mexico will post 6,000 guards and 2,000 soldiers on the river.", "2,000 soldiers", "projection"),
    # a describing clause shares the status of the figure it describes
    ("Officials expect 90,000 arrivals this month, up 20 percent from last month.", "20 percent", "projection"),
    ("Some 30,000 people will have moved by spring, including 9,000 children.", "9,000", "projection"),
    # estimates
    ("An estimated 11 million people live there without papers.", "11 million", "estimate"),
    ("Analysts estimate that 4,000 people left the island.", "4,000", "estimate"),
    ("As many as 600 workers walked out.", "600", "estimate"),
    ("As many as 70 people may have drowned.", "70", "estimate"),
    ("Attendance is believed to have topped 20,000 fans.", "20,000", "estimate"),
    # reported
    ("Police arrested 40 people on Friday.", "40", "reported"),
    ("About 5,000 people marched downtown, organizers said.", "5,000", "reported"),
    ("Sales rose 12% more than expected.", "12%", "reported"),
    ("Exports grew 4 percent, as forecast.", "4 percent", "reported"),
    ("Officials expect 6,000 in June after 5,000 arrived in May.", "5,000", "reported"),
    ("The factory holds 3,000 tons of steel and would need more.", "3,000 tons", "reported"),
    ("In the poll, 46 percent would vote for the mayor.", "46 percent", "reported"),
    ("The 300 delegates who will vote on Friday arrived.", "300 delegates", "reported"),
    ("Crossings will be counted next week, after 7,000 were stopped in May.", "7,000", "reported"),
    ("The sheriff had no plans to release 12 videos of the raid.", "12 videos", "reported"),
    ("Nobody expected 400 people at the hearing.", "400 people", "reported"),
    ("Arrests will not exceed 3,000 this month.", "3,000", "projection"),
])
def test_status_of_a_figure(text, surface, status):
    row = one(text, surface, date="2019-03-28")
    assert row.status == status and row.status in STATUSES


def test_a_figure_about_a_later_period_is_a_projection():
    row = one("Arrests reached 9,000 in May and 12,000 next month.", "12,000", date="2019-03-28")
    assert (row.period, row.status) == ("2019-04", "projection")
    assert one("Arrests reached 9,000 in May and 12,000 next month.", "9,000", date="2019-03-28").status == \
        "reported"


def test_a_projection_names_the_coming_month():
    # a month name alone is the latest such month, except in a projection, where it is the nearest
    projected = one("Arrests are expected to reach 120,000 in October.", "120,000", date="2019-09-10")
    assert (projected.period, projected.status) == ("2019-10", "projection")
    assert one("Arrests reached 120,000 in October.", "120,000", date="2019-09-10").period == "2018-10"
    assert one("Arrests could reach 120,000 in August.", "120,000", date="2019-09-10").period == "2019-08"


# --- attribution, quotes, posts ------------------------------------------------------

@pytest.mark.parametrize("text,surface,source", [
    ("Arrests fell 56 percent, according to federal data.", "56 percent", "federal data"),
    ("Migrants fell 56 percent, according to U.S. Customs and Border Protection figures.", "56 percent",
     "U.S. Customs and Border Protection figures"),
    ("U.S. Customs and Border Protection Commissioner Kevin McAleenan said the agency would make "
     "100,000 arrests.", "100,000", "U.S. Customs and Border Protection Commissioner Kevin McAleenan"),
    ("Kevin McAleenan, the acting homeland security secretary, has said agents made fewer than 20,000 "
     "arrests per month.", "20,000", "Kevin McAleenan"),
    ("It initially included approximately 5,000 people, the agency said.", "5,000", "the agency"),
    ("“We are almost at 90 percent of the objective on migration,” Ebrard said.", "90 percent", "Ebrard"),
    ("Ebrard spoke for about 10 minutes with President Trump, he later said.", "10 minutes", "Ebrard"),
    ("An average of 567 firearms enter every hour, according to the Mexican government’s presentation in "
     "the meeting, quoting ATF figures.", "567",
     "the Mexican government’s presentation (citing ATF figures)"),
    ("CBP data show 70,000 apprehensions in May.", "70,000", "CBP data"),
    ("Arrests jumped to 66,450 in February.", "66,450", ""),
    ("The statement follows Trump’s warning in which he said he would close the border, referring to a "
     "caravan of over 4,000 migrants.", "4,000", ""),
])
def test_attribution(text, surface, source):
    assert one(text, surface).attributed_to == source


def test_figures_in_embedded_posts_and_quotes():
    raw = ("Officials spoke on Thursday.\n\nWe apprehended 5,000 migrants this month. — Sec. Kirstjen Nielsen "
           "(@SecNielsen) March 28, 2019\n\n“We detained 500 migrants,” the official said.")
    f = figures_of(raw)
    post = f[f["in_post"]].iloc[0]
    assert (post.surface, post.attributed_to, post.period) == ("5,000 migrants", "Sec. Kirstjen Nielsen", "2019-03")
    quote = f[f["in_quote"]].iloc[0]
    assert (quote.surface, quote.attributed_to, quote.in_post) == ("500 migrants", "the official", False)


# --- the bundled corpus --------------------------------------------------------------

# Hand-coded: every quantity of the five bundled articles, with the module's conventions.
GOLD = [
    # doc, value, unit, measure, period
    ("000", 66450, "arrests", "arrests", "2019-02"),
    ("000", 149, "percent", "arrests", "2019-02"),
    ("000", 100000, "arrests", "arrests", "2019-03"),
    ("000", 30, "percent", "arrests", "2019-02..2019-03"),
    ("000", 2, "times", "arrests", "2019-03"),
    ("000", 55000, "people", "families", "2019-03"),
    ("000", 40000, "people", "children", "2019-03"),
    ("000", 300, "people", "border_inspectors", ""),
    ("000", 2e9, "dollars", "funding", "2019-02"),
    ("001", 4000, "people", "migrants", "2018-10"),
    ("001", 4000, "people", "troops", "2018-04"),
    ("001", 2000, "people", "children", ""),
    ("002", 3, "months", "duration", "2019-06..2019-08"),
    ("002", 56, "percent", "migrants", "2019-05..2019-08"),
    ("002", 12, "years", "migrants", "2019-05"),
    ("002", 144000, "people", "migrants", "2019-05"),
    ("002", 64000, "people", "migrants", "2019-08"),
    ("002", 2000, "people", "national_guard", ""),
    ("002", 10, "minutes", "duration", ""),
    ("002", 2000, "people", "migrants", ""),
    ("002", 20000, "arrests per month", "arrests", "2017-01..2017-03"),
    ("003", 10000, "people per day", "crossings", "2023-12"),
    ("003", 1000, "miles", "distance", ""),
    ("003", 3000, "people", "people", ""),
    ("003", 5000, "people", "people", ""),
    ("003", 190000, "apprehensions", "apprehensions", "2023-11"),
    ("003", 400000, "people", "removals", "2023-05..2023-11"),
    ("004", 25000, "people", "national_guard", ""),
    ("004", 56, "percent", "migrants", "2019-05..2019-08"),
    ("004", 10, "minutes", "duration", ""),
    ("004", 90, "percent", "goal", ""),
    ("004", 567, "firearms per hour", "firearms", ""),
]


@pytest.fixture(scope="module")
def bundled_figures(bundled_corpus):
    return extract_figures(bundled_corpus)


def precision_recall(found: list[tuple], gold: list[tuple]) -> tuple[float, float]:
    """Multiset precision and recall of ``found`` against ``gold``."""
    remaining = list(gold)
    hits = 0
    for item in found:
        if item in remaining:
            remaining.remove(item)
            hits += 1
    return hits / len(found) if found else 0.0, hits / len(gold)


def test_gold_precision_and_recall(bundled_figures):
    f = bundled_figures
    found = [(d, float(v), u, m, p) for d, v, u, m, p in
             zip(f["doc_id"], f["value"], f["unit"], f["measure"], f["period"])]
    gold = [(d, float(v), u, m, p) for d, v, u, m, p in GOLD]
    precision, recall = precision_recall(found, gold)
    values_p, values_r = precision_recall([x[:2] for x in found], [x[:2] for x in gold])
    assert values_p >= 0.97 and values_r >= 0.97, (values_p, values_r)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, set(found) ^ set(gold))


def test_bundled_expected_rows(bundled_figures):
    f = bundled_figures.set_index(["doc_id", "surface"])
    assert f.loc[("000", "66,450"), "is_migration_stat"]
    assert f.loc[("000", "about double"), "qualifier"] == "about"
    assert f.loc[("000", "several hundred border inspectors"), "qualifier"] == "vague"
    assert f.loc[("002", "56 percent"), "attributed_to"] == "federal data"
    assert f.loc[("004", "56 percent"), "attributed_to"] == "U.S. Customs and Border Protection figures"
    assert f.loc[("003", "more than 190,000 apprehensions"), "attributed_to"] == \
        "U.S. Customs and Border Protection officials"
    assert f.loc[("004", "567 illegal firearms"), "attributed_to"].startswith("the Mexican government’s presentation")
    assert not f.loc[("003", "roughly 1,000 miles"), "is_migration_stat"]
    assert f.loc[("000", "100,000 arrests"), "status"] == "projection"  # "on track to make"
    assert f.loc[("000", "66,450"), "status"] == "reported"
    assert not bundled_figures["surface"].str.contains("Title|2019|2007|2011|2000s|one day|two countries").any()


def test_bundled_invariants(bundled_corpus, bundled_figures):
    f = bundled_figures
    assert list(f.columns) == list(FIGURE_COLUMNS)
    texts = dict(zip(bundled_corpus["doc_id"], bundled_corpus["text"]))
    for row in f.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.surface
        assert row.surface in row.sentence
        assert PERIOD.match(row.period) and PERIOD.match(row.baseline)
    assert set(f["measure"]) <= set(MEASURES)
    assert set(f["qualifier"]) <= set(QUALIFIERS)
    assert set(f["status"]) <= set(STATUSES)
    assert f["value"].dtype == float and f["is_migration_stat"].dtype == bool


def test_precomputed_sentences_give_the_same_result(bundled_corpus, bundled_figures):
    again = extract_figures(bundled_corpus, sentences=sentence_table(bundled_corpus))
    pd.testing.assert_frame_equal(again, bundled_figures)


def test_no_figures_and_empty_corpus():
    f = figures_of("Officials met on Thursday to talk about the border.")
    assert f.empty and list(f.columns) == list(FIGURE_COLUMNS)
    empty = make_corpus([{"doc_id": "e", "text": "Nothing here."}]).iloc[0:0]
    assert extract_figures(empty).empty


# --- summaries -----------------------------------------------------------------------

def test_migration_stats(bundled_figures):
    stats = migration_stats(bundled_figures)
    assert list(stats.columns) == list(MIGRATION_STAT_COLUMNS)
    assert len(stats) == int(bundled_figures["is_migration_stat"].sum())
    assert not stats["measure"].isin(["duration", "distance", "funding"]).any()
    expected = bundled_figures[bundled_figures["is_migration_stat"]].sort_values(["doc_id", "start"])
    assert stats["surface"].tolist() == expected["surface"].tolist()


def test_figures_per_article(bundled_corpus, bundled_figures):
    table = figures_per_article(bundled_figures, bundled_corpus)
    assert list(table.columns) == list(ARTICLE_FIGURE_COLUMNS)
    assert table["doc_id"].tolist() == bundled_corpus["doc_id"].tolist()
    assert table["n_figures"].sum() == len(bundled_figures)
    assert (table["n_attributed"] <= table["n_figures"]).all()
    nlp = get_nlp()
    words = [sum(is_word(t) for t in doc) for doc in nlp.pipe(bundled_corpus["text"])]
    assert table["n_words"].tolist() == words
    counts = dict(zip(table["doc_id"], table["n_figures"]))
    assert counts == {"000": 9, "001": 3, "002": 9, "003": 6, "004": 5}


def test_figures_per_article_keeps_articles_without_figures():
    corpus = make_corpus([{"doc_id": "a", "text": "Arrests hit 5,000 in May."},
                          {"doc_id": "b", "text": "Nothing to count here."}])
    table = figures_per_article(extract_figures(corpus), corpus)
    assert table["n_figures"].tolist() == [1, 0] and table["n_words"].tolist() == [5, 4]
    none = figures_per_article(extract_figures(corpus).iloc[0:0], corpus)
    assert none["n_figures"].tolist() == [0, 0] and none["n_words"].tolist() == [5, 4]


def test_recurring_measures_bundled(bundled_corpus, bundled_figures):
    rec = recurring_measures(bundled_figures, bundled_corpus)
    assert list(rec.columns) == list(RECURRING_COLUMNS)
    row = rec[(rec["measure"] == "migrants") & (rec["unit"] == "percent")].iloc[0]
    assert row.period == "2019-05..2019-08" and row.n_outlets == 2 and row.agree
    assert set(row.outlets.split("; ")) == {"The Washington Post", "KJZZ"}
    assert (rec["n_outlets"] > 1).all()


def test_recurring_measures_disagreement_and_undated():
    corpus = make_corpus([
        {"doc_id": "a", "text": "Arrests reached 90,000 in May.", "date": "2019-06-10"},
        {"doc_id": "b", "text": "Arrests reached about 100,000 in May.", "date": "2019-06-11"},
        {"doc_id": "c", "text": "Arrests reached 70,000 in May.", "date": "2019-06-12"},
        {"doc_id": "d", "text": "Mexico sent thousands of National Guard troops.", "date": "2019-06-12"},
        {"doc_id": "e", "text": "Mexico sent some 25,000 National Guard members.", "date": "2019-06-12"},
    ])
    corpus["outlet"] = ["A", "B", "B", "C", "D"]
    figures = extract_figures(corpus)
    rec = recurring_measures(figures, corpus)
    assert len(rec) == 1 and rec.iloc[0].n_figures == 3 and not rec.iloc[0].agree
    undated = recurring_measures(figures, corpus, include_undated=True)
    guard = undated[undated["measure"] == "national_guard"].iloc[0]
    assert guard.agree and guard.period == ""
    assert recurring_measures(figures.iloc[0:0], corpus).empty


def test_recurring_measures_compare_like_with_like():
    corpus = make_corpus([
        {"doc_id": "a", "text": "Arrests reached 90,000 in May.", "date": "2019-06-10"},
        {"doc_id": "b", "text": "Arrests reached 91,000 in May.", "date": "2019-06-11"},
        {"doc_id": "c", "text": "Officials said arrests would reach 150,000 in May.", "date": "2019-05-02"},
    ])
    corpus["outlet"] = ["A", "B", "C"]
    figures = extract_figures(corpus)
    assert figures["status"].tolist() == ["reported", "reported", "projection"]
    rec = recurring_measures(figures, corpus)
    assert len(rec) == 1 and rec.iloc[0].status == "reported" and rec.iloc[0].agree
    assert rec.iloc[0].outlets == "A; B"


def test_figures_per_article_counts_projections_and_estimates_apart():
    corpus = make_corpus([
        {"doc_id": "a", "text": "Arrests hit 5,000 in May. Officials expect 7,000 in June. An estimated 300 "
                                "people hid.", "date": "2019-05-20"},
        {"doc_id": "b", "text": "Arrests hit 6,000 in May.", "date": "2019-05-21"},
    ])
    table = figures_per_article(extract_figures(corpus), corpus)
    assert table["n_figures"].tolist() == [3, 1]
    assert table["n_projections"].tolist() == [1, 0] and table["n_estimates"].tolist() == [1, 0]


def test_status_counts():
    from borderlines.compare.figures import STATUS_COUNT_COLUMNS, status_counts
    corpus = make_corpus([
        {"doc_id": "a", "text": "Arrests hit 5,000 in May. Officials expect 7,000 arrests in June.",
         "date": "2019-05-20"},
        {"doc_id": "b", "text": "Crossings will reach 9,000 next month.", "date": "2021-05-21", "era": "biden",
         "era_label": "Biden"},
    ])
    placed = figures_with_articles(extract_figures(corpus), corpus)
    counts = status_counts(placed, load_eras())
    assert list(counts.columns) == list(STATUS_COUNT_COLUMNS)
    assert counts["era"].tolist() == ["trump_1"] * 3 + ["biden"] * 3
    assert counts["era_label"].tolist()[-1] == "Biden"
    assert counts["status"].tolist() == list(STATUSES) * 2
    got = counts.set_index(["era", "status"])
    assert got.loc[("trump_1", "reported"), "n_figures"] == 1 and got.loc[("trump_1", "projection"), "n_figures"] == 1
    assert got.loc[("trump_1", "projection"), "pct_of_figures"] == 50.0
    assert got.loc[("biden", "projection"), "n_migration_stats"] == 1
    assert got.loc[("biden", "estimate"), "n_figures"] == 0
    assert counts["n_figures"].sum() == len(placed)
    assert status_counts(placed.iloc[0:0], load_eras()).empty


def test_figure_interval():
    assert figure_interval(56, "exact") == pytest.approx((55.44, 56.56))
    assert figure_interval(100, "about") == pytest.approx((90, 110))
    assert figure_interval(4000, "more than") == (4000, np.inf)
    assert figure_interval(2000, "vague") == (2000, np.inf)
    assert figure_interval(20000, "fewer than") == (0.0, 20000)
    assert figure_interval(3000, "exact", 5000.0) == (3000, 5000.0)


# --- figures in context (notebook 03 helpers) ----------------------------------------

from borderlines.eras import load_eras  # noqa: E402
from borderlines.compare.figures import (FIGURE_ARTICLE_COLUMNS,   # noqa: E402
                                 figures_with_articles,
                                 measure_counts, migration_stats_by_era, period_bounds, undated_figures)
from borderlines.measures import FIGURE_MEASURES  # noqa: E402
from borderlines.uncertainty import measure_estimates  # noqa: E402


@pytest.mark.parametrize("period,first,last", [
    ("2019-02", "2019-02-01", "2019-02-28"),
    ("2019-05..2019-08", "2019-05-01", "2019-08-31"),
    ("2019-12", "2019-12-01", "2019-12-31"),
    ("2020-11..2021-02", "2020-11-01", "2021-02-28"),
])
def test_period_bounds(period, first, last):
    assert period_bounds(period) == (pd.Timestamp(first), pd.Timestamp(last))


def test_period_bounds_of_no_period():
    assert all(pd.isna(v) for v in period_bounds(""))


def test_figures_with_articles(bundled_corpus, bundled_figures):
    placed = figures_with_articles(bundled_figures, bundled_corpus)
    assert list(placed.columns) == list(FIGURE_COLUMNS) + list(FIGURE_ARTICLE_COLUMNS)
    pd.testing.assert_frame_equal(placed[list(FIGURE_COLUMNS)], bundled_figures)
    row = placed[placed["surface"] == "66,450"].iloc[0]
    assert (row.era, row.period_start, row.period_end) == ("trump_1", pd.Timestamp("2019-02-01"),
                                                           pd.Timestamp("2019-02-28"))
    assert row.article_date == pd.Timestamp("2019-03-28")
    assert placed["period_start"].isna().tolist() == (placed["period"] == "").tolist()
    assert (placed["era"] == placed["doc_id"].map(bundled_corpus.set_index("doc_id")["era"])).all()


def test_undated_and_stats_by_era(bundled_corpus, bundled_figures):
    placed = figures_with_articles(bundled_figures, bundled_corpus)
    undated = undated_figures(placed)
    assert len(undated) == int((bundled_figures["period"] == "").sum())
    assert "several hundred border inspectors" in undated["surface"].tolist()
    stats = migration_stats_by_era(placed, load_eras())
    assert len(stats) == int(bundled_figures["is_migration_stat"].sum())
    assert stats["era_label"].tolist() == sorted(stats["era_label"], key=["Trump (first term)", "Biden"].index)


def test_measure_counts_include_zeros(bundled_corpus, bundled_figures):
    placed = figures_with_articles(bundled_figures, bundled_corpus)
    counts = measure_counts(placed, bundled_corpus)
    measures = set(placed.loc[placed["is_migration_stat"], "measure"])
    assert len(counts) == len(bundled_corpus) * len(measures)
    assert counts["n"].sum() == int(placed["is_migration_stat"].sum())
    assert counts.loc[(counts["doc_id"] == "003") & (counts["measure"] == "troops"), "n"].item() == 0
    assert measure_counts(placed.iloc[0:0], bundled_corpus).empty


RATES = [m for m in FIGURE_MEASURES if m.category is None]


def _figure_rates(per_article, eras):
    return measure_estimates(per_article, RATES, eras, empty_eras=True)


def test_era_figure_rates(bundled_corpus, bundled_figures):
    per_article = figures_per_article(bundled_figures, bundled_corpus)
    rates = _figure_rates(per_article, ["trump_1", "biden", "trump_2"])
    assert len(rates) == 3 * len(RATES)
    r = rates.set_index(["measure", "era"])
    trump = per_article[per_article["era"] == "trump_1"]
    assert r.loc[("figures_per_1000_words", "trump_1"), "estimate"] == pytest.approx(
        1000 * trump["n_figures"].sum() / trump["n_words"].sum())
    assert r.loc[("pct_figures_attributed", "trump_1"), "estimate"] == pytest.approx(
        100 * trump["n_attributed"].sum() / trump["n_figures"].sum())
    low, est, high = r.loc[("figures_per_1000_words", "trump_1"), ["ci_low", "estimate", "ci_high"]]
    assert low <= est <= high
    assert r.loc[("figures_per_1000_words", "biden"), "note"] == "one article: no interval"
    assert r.loc[("figures_per_1000_words", "trump_2"), "note"] == "no articles"
    again = _figure_rates(per_article, ["trump_1"])
    pd.testing.assert_frame_equal(again, rates[rates["era"] == "trump_1"].reset_index(drop=True))


def test_era_figure_rates_with_an_era_without_figures():
    corpus = make_corpus([{"doc_id": "a", "text": "Nothing was counted here."},
                          {"doc_id": "b", "text": "Nor here, officials said."}])
    per_article = figures_per_article(extract_figures(corpus), corpus)
    rates = _figure_rates(per_article, ["trump_1"]).set_index("measure")
    assert rates.loc["figures_per_1000_words", "estimate"] == 0
    assert pd.isna(rates.loc["pct_figures_attributed", "estimate"])
    assert "denominator is zero" in rates.loc["pct_figures_attributed", "note"]


def test_era_comparison_notes(bundled_corpus):
    from borderlines.eras import era_comparison_notes
    eras = load_eras()
    assert era_comparison_notes(bundled_corpus, eras, "trump_1", "biden") == []
    notes = era_comparison_notes(bundled_corpus, eras, "trump_1", "trump_2")
    assert len(notes) == 1 and "no articles from Trump (second term)" in notes[0] and "era_b" in notes[0]
    with pytest.raises(ValueError, match="era_b = 'bidn'.*trump_1, biden, trump_2"):
        era_comparison_notes(bundled_corpus, eras, "trump_1", "bidn")
    with pytest.raises(ValueError, match="both"):
        era_comparison_notes(bundled_corpus, eras, "biden", "biden")


def test_recurring_overview_cuts_long_lists(bundled_corpus, bundled_figures):
    from borderlines.compare.figures import recurring_overview
    rec = recurring_measures(bundled_figures, bundled_corpus)
    pd.testing.assert_frame_equal(recurring_overview(rec), rec)
    long = rec.assign(outlets="; ".join(f"O{i}" for i in range(10)), values="a (O1); b (O2)")
    short = recurring_overview(long, max_items=3)
    assert short["outlets"].iloc[0] == "O0; O1; O2; … (7 more)"
    assert short["values"].iloc[0] == "a (O1); b (O2)"
    assert recurring_overview(rec.iloc[0:0]).empty


def test_the_stable_import_path_is_the_cited_figures_package():
    # scripts outside the project import borderlines.figures; the code is borderlines.cited_figures
    import borderlines.cited_figures as cited
    import borderlines.figures as stable
    assert stable.extract_figures is cited.extract_figures
    assert set(stable.__all__) == set(cited.__all__) and all(hasattr(stable, n) for n in cited.__all__)

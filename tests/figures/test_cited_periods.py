"""The period a figure refers to (borderlines.cited_figures.periods), as tables.

Time phrases go through :func:`resolve_period` (phrase, article date or anchor, period);
figures in running text through :func:`extract_figures` (text, article date, expected rows
as in ``cited_rows``)."""

from __future__ import annotations

import pandas as pd
import pytest
from cited_rows import figure_rows

from borderlines.cited_figures import resolve_period

# --- one time phrase -----------------------------------------------------------------

PHRASES = [
    pytest.param("in February", "2019-03-28", "2019-02", id="month-name"),
    pytest.param("in May", "2019-09-10", "2019-05", id="month-name-months-back"),
    pytest.param("in November", "2023-12-27", "2023-11", id="month-name-last-month"),
    pytest.param("in February", "2020-01-15", "2019-02", id="month-name-previous-year-across-january"),
    pytest.param("in December", "2024-01-05", "2023-12", id="december-from-january"),
    pytest.param("in January", "2024-01-05", "2024-01", id="the-articles-own-month"),
    pytest.param("last May", "2019-05-20", "2018-05", id="last-month-name"),
    pytest.param("next month", "2019-12-20", "2020-01", id="next-month-across-year"),
    pytest.param("last month", "2020-01-10", "2019-12", id="last-month-across-year"),
    pytest.param("last month", "2019-09-10", "2019-08", id="last-month"),
    pytest.param("this month", "2023-12-27", "2023-12", id="this-month"),
    pytest.param("during the month", "2019-03-28", "2019-03", id="during-the-month"),
    pytest.param("February 2018", "2019-03-28", "2018-02", id="month-and-year"),
    pytest.param("in March of 2017", "2019-03-28", "2017-03", id="month-of-year"),
    pytest.param("between May and the end of November", "2023-12-27", "2023-05..2023-11", id="between-and"),
    pytest.param("between November and February", "2020-03-02", "2019-11..2020-02", id="between-across-year"),
    pytest.param("from May to August", "2019-09-10", "2019-05..2019-08", id="from-to"),
    pytest.param("since June", "2019-09-10", "2019-06..2019-09", id="since-month"),
    pytest.param("the past three months", "2019-09-10", "2019-06..2019-08", id="past-three-months"),
    pytest.param("over the past three months", "2020-02-01", "2019-11..2020-01", id="past-months-across-year"),
    pytest.param("the past 12 months", "2020-01-10", "2019-01..2019-12", id="past-12-months"),
    pytest.param("the past two weeks", "2020-01-05", "2019-12..2020-01", id="past-two-weeks"),
    pytest.param("last week", "2020-01-03", "2019-12", id="last-week"),
    pytest.param("yesterday", "2020-01-01", "2019-12", id="yesterday"),
    pytest.param("on Friday", "2023-12-27", "2023-12", id="weekday"),
    pytest.param("on Thursday", "2021-01-02", "2020-12", id="weekday-across-year"),
    pytest.param("on Wednesday", "2023-12-27", "2023-12", id="weekday-same-day"),
    pytest.param("this year", "2019-09-10", "2019-01..2019-09", id="this-year"),
    pytest.param("last year", "2019-09-10", "2018-01..2018-12", id="last-year"),
    pytest.param("in 2018", "2019-09-10", "2018-01..2018-12", id="year"),
    pytest.param("fiscal 2019", "2019-12-01", "2018-10..2019-09", id="fiscal-year"),
    pytest.param("since 2007", "2019-09-10", "2007-01..2019-09", id="since-year"),
    pytest.param("last fall", "2019-09-10", "2018-09..2018-11", id="last-fall"),
    pytest.param("in the spring", "2019-09-10", "2019-03..2019-05", id="season"),
    pytest.param("last winter", "2020-01-15", "2018-12..2019-02", id="last-winter"),
    pytest.param("the early days of the Trump administration", "2019-09-10", "2017-01..2017-03",
                 id="early-days-first-term"),
    pytest.param("the early days of the Trump administration", "2025-06-01", "2025-01..2025-03",
                 id="early-days-second-term"),
    pytest.param("a year earlier", "2019-03-28", "2018-03", id="a-year-earlier"),
    pytest.param("in recent weeks", "2019-03-28", "", id="vague-recent-weeks"),
    pytest.param("the early 2000s", "2019-03-28", "", id="decade"),
    pytest.param("the border", "2019-03-28", "", id="no-time-phrase"),
    # without an article date only a phrase naming its year resolves
    pytest.param("in May", None, "", id="no-date-month"),
    pytest.param("in May 2019", None, "2019-05", id="no-date-month-and-year"),
    pytest.param("in 2018", pd.NaT, "2018-01..2018-12", id="NaT-year"),
]


@pytest.mark.parametrize("phrase, date, expected", PHRASES)
def test_resolve_period(phrase, date, expected):
    assert resolve_period(phrase, pd.Timestamp(date) if isinstance(date, str) else date) == expected


RELATIVE_TO_ANCHOR = [
    pytest.param("a year earlier", "2019-02", "2018-02", id="a-year-earlier"),
    pytest.param("a year earlier", "2020-01", "2019-01", id="a-year-earlier-from-january"),
    pytest.param("the same period last year", "2019-03", "2018-03", id="same-period-last-year"),
    pytest.param("the previous year", "2019-05..2019-08", "2018-05..2018-08", id="previous-year-of-a-span"),
    pytest.param("a month earlier", "2020-01", "2019-12", id="a-month-earlier"),
    pytest.param("from December", "2020-02", "2019-12", id="month-before-anchor-across-year"),
    pytest.param("from February", "2019-03", "2019-02", id="month-before-anchor"),
]


@pytest.mark.parametrize("phrase, anchor, expected", RELATIVE_TO_ANCHOR)
def test_resolve_period_relative_to_anchor(phrase, anchor, expected):
    assert resolve_period(phrase, pd.Timestamp("2020-06-15"), anchor=anchor) == expected


# --- figures in text: which phrase dates a figure ------------------------------------

IN_TEXT = [
    pytest.param("Agents made 40,000 arrests in December, up 20 percent from November. "
                 "Arrests fell to 30,000 last month.", "2020-01-15",
                 {"40,000 arrests": {"period": "2019-12", "baseline": ""},
                  "20 percent": {"period": "2019-11..2019-12", "baseline": "2019-11"},
                  "30,000": {"period": "2019-12", "baseline": ""}}, id="across-the-year-boundary"),
    pytest.param("Arrests reached 50,000 in February.", "2020-01-15", {"50,000": {"period": "2019-02"}},
                 id="february-from-january"),
    pytest.param("Arrests reached 50,000 in February.", "2020-03-15", {"50,000": {"period": "2020-02"}},
                 id="february-from-march"),
    pytest.param("Custody numbers of migrants fell from a 12-year high of 144,000 in May.", "2019-09-10",
                 {"12-year high": {"period": "2019-05"}}, id="record-span"),
    pytest.param("There have been days this month when the U.S. Border Patrol encountered more than "
                 "10,000 people making crossings.", "2023-12-27", {"10,000": {"period": "2023-12"}},
                 id="phrase-before-the-figure"),
    # a migration statistic without a phrase takes the previous sentence's, one sentence back only
    pytest.param("The agency expects 100,000 arrests during the month. About 55,000 people will arrive "
                 "as families. Several hundred inspectors were reassigned.", "2019-03-28",
                 [{"period": "2019-03"}, {"period": "2019-03"}, {"period": ""}], id="carried-one-sentence"),
    pytest.param("Arrests rose in February. The meeting lasted about 10 minutes.", "2019-03-28",
                 [{"period": ""}], id="durations-carry-no-period"),
    pytest.param("Arrests rose in February. In January, 40,000 migrants arrived.", "2019-03-28",
                 [{"period": "2019-01"}], id="explicit-phrase-wins"),
    # the time phrase of the figure's own clause
    pytest.param("In November, 70,000 were stopped, and in December, 73,000.", "2021-01-15",
                 [{"period": "2020-11"}, {"period": "2020-12"}], id="own-clause"),
    pytest.param("The Border Patrol made 500 arrests, and on Friday it released 300 people.", "2021-01-15",
                 [{"period": ""}, {"period": "2021-01"}], id="phrase-opening-next-clause-dates-it-only"),
    pytest.param("The agency recorded 75,000 encounters in December and in November it recorded 69,000.",
                 "2021-01-15", [{"period": "2020-12"}, {"period": "2020-11"}], id="following-and-next-clause"),
    pytest.param("Agents made 66,000 arrests in February and 70,000 in March.", "2021-01-15",
                 [{"period": "2020-02"}, {"period": "2020-03"}], id="coordinated-with-the-number"),
    pytest.param("More than 20,000 people crossed in December and January.", "2021-01-15",
                 {"20,000": {"period": "2020-12"}}, id="first-of-two-months"),
    # "since" after a record dates no figure
    pytest.param("In April, apprehensions fell to 17,000, the lowest level since 2017.", "2021-01-15",
                 {"17,000": {"period": "2020-04"}}, id="record-since-after-leading-phrase"),
    pytest.param("Apprehensions fell to 17,000 in April, the lowest level since 2017.", "2021-01-15",
                 {"17,000": {"period": "2020-04"}}, id="record-since-after-following-phrase"),
    pytest.param("In April, apprehensions fell to 17,000, the fewest since March 2017.", "2021-01-15",
                 {"17,000": {"period": "2020-04"}}, id="fewest-since-month"),
    pytest.param("Unaccompanied children made up 8 percent of encounters in December.", "2021-01-15",
                 {"8 percent": {"period": "2020-12"}}, id="share-in-a-month"),
]


@pytest.mark.parametrize("text, date, expected", IN_TEXT)
def test_periods_in_text(text, date, expected):
    got, want = figure_rows(text, expected, date)
    assert got == want


# --- changes and ratios: span and baseline -------------------------------------------

CHANGES = [
    pytest.param("Arrests jumped to 66,450 in February, up 149 percent from a year earlier.", "2019-03-28",
                 {"149 percent": {"period": "2019-02", "baseline": "2018-02", "direction": "up"}},
                 id="year-over-year-in-a-month"),
    pytest.param("The number of migrants dropped by 56 percent in August, compared to May.", "2019-09-11",
                 {"56 percent": {"period": "2019-05..2019-08", "baseline": "2019-05", "direction": "down"}},
                 id="compared-to-an-earlier-month"),
    pytest.param("Crossings fell 56 percent from May to August.", "2019-09-10",
                 {"56 percent": {"period": "2019-05..2019-08", "baseline": "2019-05", "direction": "down"}},
                 id="over-a-range"),
    # a year-over-year change without a period of its own runs to the article's month
    pytest.param("Apprehensions fell 10% from last year.", "2021-01-15",
                 {"10%": {"period": "2021-01", "baseline": "2020-01..2020-12"}}, id="from-last-year"),
    pytest.param("Arrests fell 10% from a year earlier.", "2021-01-15",
                 {"10%": {"period": "2021-01", "baseline": "2020-01"}}, id="from-a-year-earlier"),
    pytest.param("Crossings rose 20 percent compared with last year.", "2021-01-15",
                 {"20 percent": {"period": "2021-01", "baseline": "2020-01..2020-12"}}, id="compared-with-last-year"),
    pytest.param("Encounters were up 150% compared with the same month a year earlier.", "2021-01-15",
                 {"150%": {"period": "2021-01", "baseline": "2020-01"}}, id="same-month-a-year-earlier"),
    pytest.param("Apprehensions fell 10% from last year.", "2019-09-10",
                 {"10%": {"period": "2019-01..2019-09", "baseline": "2018-01..2018-12"}}, id="this-year-so-far"),
    pytest.param("Apprehensions were three times as many as last year.", "2021-01-15",
                 {"three times": {"period": "2021-01", "baseline": "2020-01..2020-12"}}, id="ratio-to-last-year"),
    # a period of its own wins, as "up 149 percent from a year earlier" in February
    pytest.param("Apprehensions in December rose 10% from last year.", "2021-01-15",
                 {"10%": {"period": "2020-12", "baseline": "2020-01..2020-12"}}, id="own-period-wins"),
    pytest.param("Arrests jumped to 66,450 in February, up 149 percent from a year earlier.", "2019-03-28",
                 {"149 percent": {"period": "2019-02", "baseline": "2018-02"}}, id="own-month-wins"),
    pytest.param("Arrests reached 70,000 in December. That was up 10% from a year earlier.", "2021-01-15",
                 [{"period": "2020-12", "baseline": ""}, {"period": "2020-12", "baseline": "2019-12"}],
                 id="a-year-before-the-carried-period"),
    # a change from a named past period, with no period of its own, runs to the article
    pytest.param("Encounters are down 40% from their peak in May 2019.", "2019-09-10",
                 {"40%": {"period": "2019-05..2019-09", "baseline": "2019-05", "kind": "change"}},
                 id="down-from-a-peak"),
    # a fraction of a baseline is a ratio
    pytest.param("Crossings are now half what they were in May.", "2019-09-10",
                 {"half": {"period": "2019-05..2019-09", "baseline": "2019-05", "kind": "ratio"}},
                 id="half-what-they-were"),
    pytest.param("Arrests were a third as many as in March.", "2019-09-10",
                 {"a third": {"period": "2019-03..2019-09", "baseline": "2019-03", "kind": "ratio"}},
                 id="a-third-as-many"),
    # a time phrase closing a "since" clause dates from then ...
    pytest.param("Deportations have risen 20 percent since Trump took office in 2017.", "2019-09-10",
                 {"20 percent": {"period": "2017-01..2019-09", "baseline": "", "kind": "change"}},
                 id="since-clause-change"),
    pytest.param("Since the agency changed its rules in March, 4,000 asylum seekers have waited.", "2019-09-10",
                 {"4,000": {"period": "2019-03..2019-09", "baseline": "", "kind": "count"}},
                 id="since-clause-count"),
    # ... and dates no figure after a record
    pytest.param("Arrests hit 20,000, the most since the president took office in 2017.", "2019-09-10",
                 {"20,000": {"period": "", "baseline": "", "kind": "count"}}, id="since-clause-after-a-record"),
    pytest.param("Apprehensions dropped by nearly half in December.", "2021-01-15",
                 {"half": {"period": "2020-12"}}, id="fraction-change-in-a-month"),
    pytest.param("Arrests have halved since May.", "2021-01-15",
                 {"halved": {"period": "2020-05..2021-01"}}, id="halved-since"),
    # a month name alone is the latest such month, except in a projection, where it is the nearest
    pytest.param("Arrests are expected to reach 120,000 in October.", "2019-09-10",
                 {"120,000": {"period": "2019-10", "status": "projection"}}, id="projection-coming-month"),
    pytest.param("Arrests reached 120,000 in October.", "2019-09-10", {"120,000": {"period": "2018-10"}},
                 id="report-latest-month"),
    pytest.param("Arrests could reach 120,000 in August.", "2019-09-10", {"120,000": {"period": "2019-08"}},
                 id="projection-nearest-past-month"),
]


@pytest.mark.parametrize("text, date, expected", CHANGES)
def test_periods_of_changes_and_ratios(text, date, expected):
    got, want = figure_rows(text, expected, date)
    assert got == want

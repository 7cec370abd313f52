"""Quantities the coverage cites: extraction and period resolution.

The package's modules follow the seams of the work: :mod:`.numbers` reads one quantity
(value, unit, kind, measure, qualifier), :mod:`.periods` finds the period it refers to,
:mod:`.attribution` its source, :mod:`.status` whether it is reported, projected or
estimated, :mod:`.extract` runs them over a corpus (:func:`extract_figures`). The per-article and
per-era tables built on the figures are in :mod:`borderlines.compare.figures`.

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
  "50k runners", "256GB" (``gigabytes``), "5mph", "10km", "40kg", "43C", "400hp"
  (``horsepower``); a one-letter scale without a currency sign only before a counted noun
  ("30m" is meters, "4K" and "5G" are no numbers). Measurements take a kind of their own
  (``weight``, ``speed``, ``temperature``, ``area``, ``volume``, ``data``, ``power``,
  ``energy``, ``magnitude``: "a magnitude 6.4 earthquake", "a 5.9 quake"; :data:`UNITS`)
  and the measure ``measurement`` (drugs by weight: ``drugs``; distances: ``distance``);
  ``points`` and ``basis points`` after a direction ("fell 500 points") are a ``change``.
  Small spelled-out counts of any plural are counts ("seven countries", "two dozen
  reporters"); a part of a group counts what the group counts ("Seven of the 12 jurors":
  7 ``people``, counted ``jurors``; "Three of the victims"); "visited three times" is 3
  ``occurrences`` (kind ``frequency``), not a factor.
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
  "iPhone 11", "COVID-19", "F-35", "I-95", "G20"; a count before a model name counts the noun
  after it: "50 Boeing 787 jets" is 50 ``jets``; a bare number after "the" taking a singular
  verb or a possessive is a model: "the 787 was grounded", "the 747's engines"),
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

from .extract import (
    FIGURE_COLUMNS, STATUSES, QUALIFIERS, UNITS, MEASURES, MIGRATION_MEASURES, CONTEXT_MEASURES,
    extract_figures)
from .periods import ADMINISTRATION_STARTS, resolve_period

__all__ = [
    "ADMINISTRATION_STARTS", "resolve_period", "FIGURE_COLUMNS", "STATUSES", "QUALIFIERS", "UNITS",
    "MEASURES", "MIGRATION_MEASURES", "CONTEXT_MEASURES", "extract_figures",
]

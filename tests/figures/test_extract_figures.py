"""The figure table's driver and contract (borderlines.cited_figures.extract): columns,
vocabularies, empty input, the stable import path, and the five bundled articles against
a hand-coded list of their quantities."""

from __future__ import annotations

import re

import pandas as pd
from cited_rows import figures_of
from conftest import make_corpus

from borderlines.cited_figures import FIGURE_COLUMNS, MEASURES, QUALIFIERS, STATUSES, extract_figures
from borderlines.nlp import sentence_table

PERIOD = re.compile(r"^(?:\d{4}-\d{2}(?:\.\.\d{4}-\d{2})?)?$")


def test_no_figures_and_empty_corpus():
    f = figures_of("Officials met on Thursday to talk about the border.")
    assert f.empty and list(f.columns) == list(FIGURE_COLUMNS)
    empty = make_corpus([{"doc_id": "e", "text": "Nothing here."}]).iloc[0:0]
    assert extract_figures(empty).empty


def test_measurements_have_a_measure_of_their_own():
    assert set(MEASURES) >= {"measurement"}


def test_the_stable_import_path_is_the_cited_figures_package():
    # scripts outside the project import borderlines.figures; the code is borderlines.cited_figures
    import borderlines.cited_figures as cited
    import borderlines.figures as stable
    assert stable.extract_figures is cited.extract_figures
    assert set(stable.__all__) == set(cited.__all__) and all(hasattr(stable, n) for n in cited.__all__)


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

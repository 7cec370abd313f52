"""The chart of era differences."""

from __future__ import annotations

import numpy as np
import pandas as pd

from borderlines import charts
from borderlines.compare import rate_differences


def test_difference_intervals_chart():
    table = pd.DataFrame({"doc_id": [f"d{i}" for i in range(9)], "era": ["a"] * 4 + ["b"] * 4 + ["c"],
                          "n": [2, 3, 1, 2, 8, 9, 7, 10, 4], "n_words": [500] * 9})
    measures = {"per 1,000 words": ("n", "n_words", 1000.0), "per article": "n"}
    diffs = pd.concat([rate_differences(table, measures, "a", "b"),
                       rate_differences(table, {"few": "n"}, "a", "c")], ignore_index=True)
    spec = charts.difference_intervals(diffs, "Quotes", "Difference").to_dict()
    data = next(d for d in spec["datasets"].values() if "measure" in d[0])
    by = {d["measure"]: d for d in data}
    assert by["per article"]["verdict"] == "higher" and by["per article"]["has_interval"]
    assert by["few"]["interval"] == "too few articles: no interval" and not by["few"]["has_interval"]
    assert np.isnan(diffs.loc[2, "low"])
    svg = charts.to_svg(charts.difference_intervals(diffs, "Quotes", "Difference"))
    assert "too few articles: no interval" in svg


def test_all_eras_chart_shows_every_era_and_pair():
    from borderlines.compare import pairwise_differences
    from borderlines.uncertainty import measure_estimates
    eras = pd.DataFrame({"era": ["a", "b", "c"], "label": ["Era A", "Era B", "Era C"],
                         "start": pd.to_datetime(["2001-01-01", "2002-01-01", "2003-01-01"]),
                         "end": pd.to_datetime(["2001-12-31", "2002-12-31", "2003-12-31"])})
    table = pd.DataFrame({"doc_id": [f"d{i}" for i in range(12)], "era": ["a"] * 4 + ["b"] * 4 + ["c"] * 4,
                          "n": [2, 3, 1, 2, 8, 9, 7, 10, 4, 5, 3, 6], "n_words": [500] * 12})
    measures = {"rate": ("n", "n_words", 1000.0)}
    chart = charts.all_eras(measure_estimates(table, measures, eras), pairwise_differences(table, measures, eras),
                            eras, "Quotes in every era", "Quotes per 1,000 words", names={"rate": "Quotes"})
    spec = chart.to_dict()
    assert "each era's estimate" in charts.chart_description(spec)
    pairs = {d["pair"] for data in spec["datasets"].values() for d in data if "pair" in d}
    assert pairs == {"Era B − Era A", "Era C − Era A", "Era C − Era B"}
    svg = charts.to_svg(chart)
    assert "Era C − Era B" in svg and "Quotes: each era" in svg

"""The declarative table of measures and the one comparison function over it."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from borderlines import charts, compare, measures, uncertainty, wording
from borderlines.measures import MEASURES, Measure, counted_rows, quote_measures


def test_every_measure_is_defined_in_one_sentence():
    table = measures.measure_table()
    assert list(table.columns) == list(measures.MEASURE_COLUMNS)
    assert table["name"].is_unique and len(table) == len(MEASURES)
    for m in MEASURES.values():
        assert m.label and m.definition and m.table, m.name
        assert m.kind in measures.KINDS_OF_MEASURE
        assert "\n" not in m.definition and not m.definition.endswith("."), m.name
        assert ("{category}" in m.definition) == (m.category is not None), m.name


@pytest.mark.parametrize("kinds,start", [
    (("direct", "partial", "embedded"), "direct + partial + embedded quotes per 1,000 words"),
    (("direct",), "direct quotes per 1,000 words"),
    (("direct", "indirect"), "direct + indirect quotes per 1,000 words"),
])
def test_quote_measures_name_the_kinds_they_count(kinds, start):
    rate, = quote_measures(kinds, "quotes_per_1000_words")
    assert rate.definition.startswith(start)
    assert measures.filter_text(rate) == f"kind in {{{', '.join(kinds)}}}"


def test_counted_rows_applies_the_filter_and_names_a_missing_column():
    quotes = pd.DataFrame({"kind": ["direct", "indirect", "partial", "term"], "n": range(4)})
    rate, = quote_measures(("direct", "partial"), "quotes_per_1000_words")
    assert counted_rows(quotes, rate)["kind"].tolist() == ["direct", "partial"]
    with pytest.raises(ValueError, match="'kind'"):
        counted_rows(quotes.drop(columns="kind"), rate)


def test_a_mean_has_no_denominator_and_kinds_are_checked():
    with pytest.raises(ValueError, match="no denominator"):
        Measure("x", "x", "x per article", "n", "n_words", kind="mean")
    with pytest.raises(ValueError, match="kind"):
        Measure("x", "x", "x per article", "n", kind="ratio")
    with pytest.raises(KeyError, match="choose from"):
        measures.measures("quotes per word")


def _articles():
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(8)], "era": ["a"] * 4 + ["b"] * 4,
                         "n": [2, 3, 1, 2, 8, 9, 7, 10], "n_words": [500, 600, 400, 500, 500, 600, 450, 520]})


def test_compare_measures_gives_the_numbers_of_rate_differences_with_definitions():
    rates = quote_measures(("direct",), "quotes_per_article", "quotes_per_1000_words")
    out = compare.compare_measures(_articles(), rates, "a", "b", seed=5)
    assert list(out.columns) == list(compare.MEASURE_DIFFERENCE_COLUMNS)
    assert out["definition"].tolist() == [m.definition for m in rates]
    assert out["label"].tolist() == ["Quotes per article", "Quotes per 1,000 words"]
    old = compare.rate_differences(_articles(), {"quotes_per_article": "n",
                                                 "quotes_per_1000_words": ("n", "n_words", 1000.0)}, "a", "b", seed=5)
    numbers = [c for c in compare.DIFFERENCE_COLUMNS if c not in ("measure", "method", "note", "era_a", "era_b")]
    pd.testing.assert_frame_equal(out[numbers], old[numbers])
    with pytest.raises(ValueError, match="era_a and era_b"):
        compare.compare_measures(_articles(), rates)


def _voices():
    return pd.DataFrame({"doc_id": [f"d{i // 2}" for i in range(12)], "era": ["a"] * 6 + ["b"] * 6,
                         "voice_group": ["US", "MX"] * 6, "n": [3, 1, 4, 1, 5, 2, 1, 3, 1, 4, 2, 5]})


def test_a_share_family_compares_each_category_with_its_own_definition():
    voice, = quote_measures(("direct",), "voice_share")
    out = compare.compare_measures(_voices(), [voice], "a", "b", seed=2)
    assert out["measure"].tolist() == ["US", "MX"] and out["label"].tolist() == ["US", "MX"]
    assert out.loc[0, "definition"] == "share of the era's direct quotes whose speaker is in the voice group 'US' " \
                                       "(unattributed and unknown speakers count as 'Other or unknown')"
    same = compare.share_differences(_voices(), "voice_group", "a", "b", seed=2)
    assert out["estimate"].tolist() == pytest.approx(same["estimate"].tolist())
    assert out["p_value"].tolist() == pytest.approx(same["p_value"].tolist())
    assert out.loc[0, "value_a"] == pytest.approx(12 / 16)


def test_every_pair_of_eras_when_given_the_eras():
    table = pd.concat([_articles(), _articles().assign(era="c", doc_id=lambda d: d["doc_id"] + "c")])
    eras = pd.DataFrame({"era": ["a", "b", "c", "z"], "label": ["A", "B", "C", "Z"]})
    out = compare.compare_measures(table, quote_measures(("direct",), "quotes_per_article"), eras=eras)
    assert list(zip(out["era_a"], out["era_b"])) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert (out["definition"] == out.loc[0, "definition"]).all()


def test_estimates_carry_the_definition_and_list_empty_eras_when_asked():
    rate, = quote_measures(("direct",), "quotes_per_1000_words")
    out = uncertainty.measure_estimates(_articles(), [rate], ["a", "b", "c"], empty_eras=True)
    assert out["era"].tolist() == ["a", "b", "c"] and out.loc[2, "note"] == "no articles"
    assert (out["definition"] == rate.definition).all() and (out["label"] == rate.label).all()
    voice, = quote_measures(("direct",), "voice_share")
    shares = uncertainty.measure_estimates(_voices(), [voice], ["a", "b"])
    era_shares = uncertainty.era_shares(_voices(), "voice_group", eras=["a", "b"], measure=voice)
    assert shares.sort_values(["era", "measure"])["estimate"].tolist() == pytest.approx(
        era_shares.sort_values(["era", "voice_group"])["estimate"].tolist())
    assert era_shares["definition"].str.contains("'US'|'MX'").all()


def test_the_definition_travels_into_tables_and_tooltips():
    out = compare.compare_measures(_articles(), quote_measures(("direct",), "quotes_per_1000_words"), "a", "b")
    shown = wording.display_differences(out, "A", "B")
    assert shown.loc[0, "compared"] == "Quotes per 1,000 words"
    assert shown.loc[0, "definition"].startswith("direct quotes per 1,000 words")
    spec = json.dumps(charts.difference_intervals(out, "t", "x").to_dict())
    assert '"title": "Definition"' in spec and "direct quotes per 1,000 words" in spec
    est = uncertainty.measure_estimates(_articles(), quote_measures(("direct",), "quotes_per_1000_words"), ["a", "b"])
    assert '"title": "Definition"' in json.dumps(charts.era_estimates(est, pd.DataFrame(
        {"era": ["a", "b"], "label": ["A", "B"]}), "t", "x").to_dict())


def test_extraction_imports_nothing_of_the_comparison_layer():
    """A change to a measure or a comparison must not re-extract every article: nothing the
    extraction pipeline loads is in study.NOT_EXTRACTION (the code fingerprint skips it)."""
    import subprocess
    import sys

    from borderlines.study import NOT_EXTRACTION
    code = ("import sys, borderlines.pipeline as p; p.extract_batch; "
            "print(' '.join(m for m in sys.modules if m.startswith('borderlines.')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    parts = {m.split(".")[1] for m in loaded}
    skipped = {n.removesuffix(".py") for n in NOT_EXTRACTION} - {"study", "progress"}
    assert "compare" in skipped and not parts & skipped, parts & skipped


def test_the_phrase_travels_into_tables_and_findings_sentences():
    out = compare.compare_measures(_articles(), quote_measures(("direct",), "quotes_per_article",
                                                               "quotes_per_1000_words"), "a", "b")
    assert out["phrase"].tolist() == ["quotes per article", "quotes per 1,000 words"]
    lines = wording.difference_lines(out, "A", "B").splitlines()
    assert len(lines) == 2 and "quotes per article" in lines[0].lower() and "quotes per 1,000 words" in lines[1].lower()
    voices = compare.compare_measures(_voices(), quote_measures(("direct",), "voice_share"), "a", "b")
    assert [f"the share of quotes from the voice group ‘{g}’" for g in voices["measure"]] == voices["phrase"].tolist()
    assert "phrase" in uncertainty.measure_estimates(_voices(), quote_measures(("direct",), "voice_share"),
                                                     ["a", "b"]).columns
    assert all(m.phrase for m in MEASURES.values())   # every measure says what it is in prose

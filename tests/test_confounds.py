"""Near-duplicate articles and the outlet × era confound."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import make_corpus

from borderlines import confounds as cf

STORY = ("Officials from both countries met on Tuesday in the capital to discuss a new agreement on "
         "asylum processing at the southern border, according to three people familiar with the talks. "
         "The agreement would expand legal pathways for workers and set up regional processing centers, "
         "while both governments promised more inspections of cargo trucks at busy crossings. ")
OTHER = ("A school board in a small farming town voted to extend the library's opening hours after "
         "parents asked for a quiet place where children could read in the evenings during winter. ")


def _corpus():
    return make_corpus([
        {"doc_id": "w1", "text": STORY + "The ministry declined to comment.", "outlet": "Daily A", "era": "trump_1"},
        {"doc_id": "w2", "text": STORY + "A spokesman did not answer calls.", "outlet": "Daily B", "era": "trump_1"},
        {"doc_id": "u1", "text": OTHER, "outlet": "Daily A", "era": "trump_1"},
        {"doc_id": "u2", "text": OTHER.replace("school board", "city council") + STORY[:60],
         "outlet": "Daily C", "era": "biden"},
    ])


def test_shingles():
    assert cf.shingles("One two three four five six") == {"one two three four five", "two three four five six"}
    assert cf.shingles("Too short") == {"too short"}
    assert cf.shingles("") == set()


def test_the_same_wire_story_in_two_outlets_is_one_cluster():
    corpus = _corpus()
    pairs = cf.duplicate_pairs(corpus)
    assert list(pairs[["doc_a", "doc_b"]].itertuples(index=False, name=None)) == [("w1", "w2")]
    assert pairs.loc[0, "similarity"] > 0.8
    dups = cf.near_duplicates(corpus, pairs=pairs)
    assert list(dups.columns) == list(cf.DUPLICATE_COLUMNS)
    by = dups.set_index("doc_id")
    assert by.loc["w2", "cluster"] == "w1" and by.loc["w1", "cluster_size"] == 2
    assert by.loc["u1", "cluster"] == "u1" and by.loc["u1", "max_similarity"] == 0


@pytest.mark.parametrize("mode, kept, clustered", [("cluster", 4, True), ("collapse", 3, False),
                                                  ("keep", 4, False)])
def test_apply_duplicates(mode, kept, clustered):
    corpus = _corpus()
    out, clusters = cf.apply_duplicates(corpus, cf.near_duplicates(corpus), mode)
    assert len(out) == kept and (clusters is not None) == clustered
    if mode == "collapse":
        assert "w2" not in set(out["doc_id"])


def test_apply_duplicates_rejects_unknown_mode():
    with pytest.raises(ValueError, match="cluster, collapse, keep"):
        cf.apply_duplicates(pd.DataFrame({"doc_id": []}), pd.DataFrame({"doc_id": [], "cluster": []}), "drop")


def test_clusters_reach_the_comparison():
    from borderlines.compare import rate_differences
    corpus = _corpus()
    dups = cf.near_duplicates(corpus)
    table = corpus[["doc_id", "era"]].assign(n=[1, 1, 3, 2], w=100)
    plain = rate_differences(table[table["era"] == "trump_1"].assign(era=["a", "a", "b"]),
                             {"r": ("n", "w", 1.0)}, "a", "b")
    once = rate_differences(table[table["era"] == "trump_1"].assign(era=["a", "a", "b"]),
                            {"r": ("n", "w", 1.0)}, "a", "b", clusters=dups)
    assert (plain.loc[0, "n_a"], once.loc[0, "n_a"]) == (2, 1)   # w1 and w2 are one wire story


def test_outlet_era_table_and_warning():
    corpus = _corpus()
    table = cf.outlet_era_table(corpus, ["trump_1", "biden"])
    assert list(table.columns) == ["outlet", "trump_1", "biden", "total"]
    assert table.set_index("outlet").loc["Daily A", "trump_1"] == 2
    warnings = cf.outlet_warnings(corpus, ["trump_1", "biden"], {"biden": "Biden"})
    assert len(warnings) == 1 and warnings[0].startswith("Every article of Biden comes from one outlet (Daily C)")


def test_within_outlet_differences():
    table = pd.DataFrame({"doc_id": [f"d{i}" for i in range(10)],
                          "outlet": ["X"] * 6 + ["Y"] * 4,
                          "era": ["a", "a", "a", "b", "b", "b", "a", "a", "a", "a"],
                          "n": [1, 2, 1, 5, 6, 4, 1, 1, 2, 1], "n_words": [100] * 10})
    out = cf.within_outlet_differences(table, {"rate": ("n", "n_words", 1000.0)}, "a", "b")
    assert list(out["outlet"]) == ["X"]     # Y has no article of era b
    assert out.loc[0, "estimate"] == pytest.approx(1000 * 15 / 300 - 1000 * 4 / 300)
    none = cf.within_outlet_differences(table[table["outlet"] == "Y"], {"rate": ("n", "n_words", 1000.0)}, "a", "b")
    assert none.empty and "outlet" in none.columns


def test_study_duplicate_pairs_are_found_once_and_kept_with_the_tables(tmp_path, monkeypatch):
    from types import SimpleNamespace
    story = "The ministry said the new crossing would open in spring after months of talks with the city. "
    corpus = make_corpus([{"doc_id": "a", "text": story * 3}, {"doc_id": "b", "text": story * 3 + "More soon."},
                          {"doc_id": "c", "text": "A different story about orchards and rain in the valley."}])
    tables = SimpleNamespace(corpus=corpus, provenance={"cache_dir": str(tmp_path), "corpus_checksum": "x",
                                                        "fingerprint": "y"})
    first = cf.study_duplicate_pairs(tables)
    assert first[["doc_a", "doc_b"]].values.tolist() == [["a", "b"]]
    monkeypatch.setattr(cf, "duplicate_pairs", lambda *a, **k: pytest.fail("found again"))
    pd.testing.assert_frame_equal(cf.study_duplicate_pairs(tables), first)
    assert cf.study_near_duplicates(tables)["cluster"].tolist() == ["a", "a", "c"]
    monkeypatch.undo()
    other = SimpleNamespace(corpus=corpus.iloc[[0, 2]], provenance={**tables.provenance, "corpus_checksum": "z"})
    assert cf.study_duplicate_pairs(other).empty
    assert len(list((tmp_path / cf.DUPLICATES_FOLDER).glob("*.json"))) == 1   # the older corpus's pairs are gone
    no_folder = SimpleNamespace(corpus=corpus, provenance={})
    pd.testing.assert_frame_equal(cf.study_duplicate_pairs(no_folder), first)

"""Validation: items to code, the stratified sample, coding sheets (CSV and XLSX) written
and read back, malformed sheets refused with file, row and column, precision and recall
with Wilson intervals, and Krippendorff's alpha between coders. Every sheet is written
by the tests."""

from __future__ import annotations

import krippendorff
import numpy as np
import pandas as pd
import pytest
from conftest import make_corpus
from scipy import stats

from borderlines import validation as v
from borderlines.cli import main

TEXTS = [
    ("a1", "trump_1", "The mayor of Tucson said, “We need more shelters now.” About 1,200 people waited at "
                      "the station. Officials argued about tariffs and trade for hours."),
    ("a2", "trump_1", "Farm groups said wages rose 12 percent last year. “Prices are too high,” a grower said. "
                      "The court heard the asylum appeal in March."),
    ("b1", "biden", "The governor told reporters that 300 troops would go to the border. “It is a "
                    "humanitarian crisis,” she said. Nobody counted the buses."),
]


@pytest.fixture(scope="module")
def corpus():
    return make_corpus([{"doc_id": d, "era": e, "text": t, "date": "2020-05-01" if e == "trump_1" else "2022-05-01"}
                        for d, e, t in TEXTS])


@pytest.fixture(scope="module")
def items(corpus):
    return v.corpus_items(corpus)


# --------------------------------------------------------------------------- items and sample


def test_items_have_ids_context_and_the_other_items_of_their_sentence(items, corpus):
    assert list(items.columns) == list(v.ITEM_COLUMNS)
    assert set(items["kind"]) == {"quote", "figure", "frame"} and items["item_id"].is_unique
    text = dict(zip(corpus["doc_id"], corpus["text"]))
    for r in items[items["kind"] != "frame"].itertuples():
        assert r.item_id == f"{r.kind}:{r.doc_id}:{r.start}-{r.end}"
        assert text[r.doc_id][r.start:r.end] == r.item
        assert f"[[{' '.join(r.item.split())}]]" in r.context and r.item in r.in_sentence
    shelters = items[(items["kind"] == "quote") & items["item"].str.contains("shelters")].iloc[0]
    assert "Tucson" in shelters["context"] and "About 1,200 people" in shelters["context"]   # one sentence after
    frames = items[items["kind"] == "frame"]
    assert frames["item_id"].str.count(":").eq(3).all()
    trade = frames[frames["item_id"].str.endswith(":economic_trade")].iloc[0]
    assert "tariffs" in trade["item"] and "Economic and trade" in trade["in_sentence"]


def test_sample_is_stratified_seeded_and_independent_of_row_order(items):
    one = v.sample_items(items, n_per_stratum=2, seed=5)
    assert list(one.columns) == list(v.ITEM_COLUMNS) + list(v.SAMPLE_COLUMNS)
    drawn = one[one["sampled"]].groupby(["kind", "era"]).size()
    sizes = items.groupby(["kind", "era"]).size()
    assert (drawn == np.minimum(sizes, 2)).all()
    assert one["n_in_stratum"].eq(one.set_index(["kind", "era"]).index.map(sizes)).all()
    shuffled = items.sample(frac=1, random_state=3)
    assert v.sample_items(shuffled, 2, seed=5)["item_id"].tolist() == one["item_id"].tolist()
    others = {tuple(v.sample_items(items, 1, seed=s).query("sampled")["item_id"]) for s in range(8)}
    assert len(others) > 1                                       # the seed matters
    # every companion shares a sentence with a drawn item of its kind, and is not drawn itself
    keys = set(zip(one.loc[one["sampled"], "kind"], one.loc[one["sampled"], "sentence"]))
    companions = one[~one["sampled"]]
    assert all((k, s) in keys for k, s in zip(companions["kind"], companions["sentence"]))
    with pytest.raises(ValueError, match="unknown kind"):
        v.sample_items(items, 2, kinds=["tweet"])
    with pytest.raises(ValueError, match="at least 1"):
        v.sample_items(items, 0)


def test_coding_sheet_csv_and_xlsx_round_trip(items, tmp_path):
    import openpyxl
    sheet = v.coding_sheet(v.sample_items(items, 2, seed=1), coder="ab")
    assert list(sheet.columns)[:8] == ["item_id", "kind", "context", "item", "extracted", "question",
                                      "detail_question", "in_sentence"]
    csv_path, xlsx_path = v.save_coding_sheet(sheet, tmp_path / "sheet")
    assert (csv_path.name, xlsx_path.name) == ("sheet.csv", "sheet.xlsx")
    book = openpyxl.load_workbook(xlsx_path)
    assert book.sheetnames == ["instructions", "items"]
    assert "missed_items" in " ".join(c.value or "" for c in book["instructions"]["A"])
    assert book["items"].data_validations.dataValidation            # yes/no lists
    coded = sheet.assign(correct="yes", missed_items="0")
    coded.loc[0, "correct"] = "No"
    v.save_coding_sheet(coded, tmp_path / "coded")
    from_csv = v.read_coded_sheets(tmp_path / "coded.csv")
    from_xlsx = v.read_coded_sheets(tmp_path / "coded.xlsx")
    assert list(from_csv.columns) == list(v.CODED_COLUMNS)
    columns = ["item_id", "kind", "correct", "missed_items", "sampled", "n_in_stratum", "sent_id"]
    pd.testing.assert_frame_equal(from_csv[columns], from_xlsx[columns])
    assert from_csv["correct"].tolist() == [0.0] + [1.0] * (len(coded) - 1)


# --------------------------------------------------------------------------- malformed sheets


def coded_sheet(n: int = 6, coder: str = "ana", **columns) -> pd.DataFrame:
    """A coded sheet of ``n`` figure items of one sentence each, era trump_1."""
    base = {"item_id": [f"figure:d{i}:0-5" for i in range(n)], "kind": "figure", "era": "trump_1",
            "doc_id": [f"d{i}" for i in range(n)], "sent_id": "0", "sampled": "True", "n_in_stratum": "40",
            "correct": "yes", "detail_correct": "", "missed_items": "0", "coder": coder, "notes": ""}
    base.update(columns)
    return pd.DataFrame(base)


def write(table: pd.DataFrame, path):
    table.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("change, expected", [
    ({"correct": ["yes", "maybe", "no", "yes", "yes", "yes"]}, "row 2, field 'correct': correct is 'maybe'"),
    ({"coder": ["ana", "ana", "", "ana", "ana", "ana"]}, "row 3, field 'coder': coder is empty"),
    ({"missed_items": ["0", "0", "0", "-1", "0", "0"]}, "row 4, field 'missed_items': missed_items is '-1'"),
    ({"missed_items": ["0", "0", "0", "0", "two", "0"]}, "row 5, field 'missed_items'"),
    ({"kind": ["figure"] * 5 + ["tweet"]}, "row 6, field 'kind': kind 'tweet' is not one of"),
    ({"sampled": ["True"] * 5 + ["perhaps"]}, "row 6, field 'sampled'"),
    ({"item_id": ["figure:d0:0-5"] * 2 + [f"figure:d{i}:0-5" for i in range(2, 6)]},
     "row 2, field 'item_id': item figure:d0:0-5 is coded twice by ana"),
    ({"correct": "", "missed_items": ""}, "no row is coded"),
])
def test_malformed_sheets_name_file_row_and_column(tmp_path, change, expected):
    path = write(coded_sheet(**change), tmp_path / "ana.csv")
    with pytest.raises(v.CodingSheetError) as info:
        v.read_coded_sheets(path)
    assert str(path) in str(info.value) and expected in str(info.value)


def test_missing_columns_other_files_and_repeats_across_files(tmp_path):
    path = write(coded_sheet().drop(columns=["coder", "era"]), tmp_path / "bare.csv")
    with pytest.raises(v.CodingSheetError, match="lacks the column.*era, coder"):
        v.read_coded_sheets(path)
    (tmp_path / "notes.txt").write_text("yes\n")
    with pytest.raises(v.CodingSheetError, match="not a .csv or .xlsx"):
        v.read_coded_sheets(tmp_path / "notes.txt")
    with pytest.raises(v.CodingSheetError, match="missing.csv: file not found"):
        v.read_coded_sheets(tmp_path / "missing.csv")
    a, b = write(coded_sheet(), tmp_path / "a.csv"), write(coded_sheet(), tmp_path / "b.csv")
    with pytest.raises(v.CodingSheetError, match=r"ana coded item figure:d0:0-5 also in .*a.csv"):
        v.read_coded_sheets([a, b])
    many = write(coded_sheet(n=30, coder=""), tmp_path / "nameless.csv")
    with pytest.raises(v.CodingSheetError) as info:
        v.read_coded_sheets(many)
    assert len(info.value.problems) == 4 and "the same problem on 27 more rows" in str(info.value)


def test_excel_cells_typed_by_a_coder_and_a_missing_sheet(tmp_path):
    import openpyxl
    table = coded_sheet(n=2)
    book = openpyxl.Workbook()
    book.active.title = "items"
    book.active.append(list(table.columns))
    for row in table.itertuples(index=False):
        values = dict(zip(table.columns, row))
        book.active.append([2 if c == "missed_items" else True if c == "correct" else 40 if c == "n_in_stratum"
                            else values[c] for c in table.columns])
    book.save(tmp_path / "typed.xlsx")
    coded = v.read_coded_sheets(tmp_path / "typed.xlsx")
    assert coded["correct"].tolist() == [1.0, 1.0] and coded["missed_items"].tolist() == [2.0, 2.0]
    assert coded["n_in_stratum"].tolist() == [40, 40]
    book.active.title = "Sheet1"
    book.save(tmp_path / "renamed.xlsx")
    with pytest.raises(v.CodingSheetError, match="has no sheet 'items' \\(it has: Sheet1\\)"):
        v.read_coded_sheets(tmp_path / "renamed.xlsx")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(v.CodingSheetError, match="cannot be read as an Excel workbook"):
        v.read_coded_sheets(tmp_path / "broken.xlsx")


def test_rows_not_yet_coded_are_skipped(tmp_path):
    table = coded_sheet(correct=["yes", "no", "", "", "yes", "yes"], missed_items=["0", "1", "", "", "", "0"],
                        coder=["ana", "ana", "", "", "ana", "ana"])
    coded = v.read_coded_sheets(write(table, tmp_path / "part.csv"))
    assert coded["row"].tolist() == [1, 2, 5, 6]


# --------------------------------------------------------------------------- measures


def test_wilson_interval_is_scipys_for_whole_counts():
    for k, n in ((0, 5), (3, 7), (12, 12), (40, 100)):
        ci = stats.binomtest(k, n).proportion_ci(confidence_level=0.9, method="wilson")
        assert v.wilson_interval(k, n, 0.9) == pytest.approx((ci.low, ci.high))
    assert np.isnan(v.wilson_interval(0, 0)).all()


def test_precision_per_era_and_weighted_over_eras(tmp_path):
    trump = coded_sheet(n=10, correct=["yes"] * 8 + ["no"] * 2, n_in_stratum="300")
    biden = coded_sheet(n=4, era="biden", correct=["yes", "no", "no", "no"], n_in_stratum="100",
                        item_id=[f"figure:b{i}:0-5" for i in range(4)], doc_id=[f"b{i}" for i in range(4)])
    companion = coded_sheet(n=1, sampled="False", correct="no", item_id=["figure:c:0-5"], doc_id=["c"])
    coded = v.read_coded_sheets(write(pd.concat([trump, biden, companion]), tmp_path / "s.csv"))
    table = v.precision_by_kind(coded)
    assert list(table.columns) == list(v.PRECISION_COLUMNS)
    p = table.set_index(["era", "question"])
    assert (p.loc[("trump_1", "correct"), "n_items"], p.loc[("trump_1", "correct"), "precision"]) == (10, 0.8)
    ci = stats.binomtest(1, 4).proportion_ci(method="wilson")
    assert (p.loc[("biden", "correct"), "ci_low"], p.loc[("biden", "correct"), "ci_high"]) == pytest.approx((ci.low, ci.high))
    assert p.loc[("all", "correct"), "precision"] == pytest.approx(0.75 * 0.8 + 0.25 * 0.25)   # by stratum size
    assert p.loc[("all", "correct"), "n_items"] == 14                                          # companion left out
    low, high = p.loc[("all", "correct"), ["ci_low", "ci_high"]]
    assert low < 0.6625 < high


def test_majority_verdicts_ties_and_detail_precision(tmp_path):
    ana = coded_sheet(n=4, correct=["yes", "yes", "no", "yes"], detail_correct=["yes", "no", "", "yes"])
    ben = coded_sheet(n=4, coder="ben", correct=["yes", "no", "no", "yes"], detail_correct=["yes", "", "", "no"])
    cy = coded_sheet(n=4, coder="cy", correct=["yes", "no", "no", "yes"], detail_correct=["yes", "", "", "yes"])
    coded = v.read_coded_sheets([write(t, tmp_path / f"{c}.csv") for t, c in ((ana, "a"), (ben, "b"), (cy, "c"))])
    p = v.precision_by_kind(coded).set_index(["era", "question"])
    assert p.loc[("trump_1", "correct"), ["n_items", "n_correct"]].tolist() == [4, 2]   # item 1: 1 yes of 3
    # detail among items judged correct (0 and 3): item 0 yes, item 3 two yes of three
    assert p.loc[("trump_1", "detail_correct"), ["n_items", "n_correct", "n_tied"]].tolist() == [2, 2, 0]
    two = v.read_coded_sheets([tmp_path / "a.csv", tmp_path / "b.csv"])
    assert v.precision_by_kind(two).set_index(["era", "question"]).loc[("trump_1", "correct"), "n_tied"] == 1


def test_recall_counts_found_and_missed_per_sentence(tmp_path):
    # two items of one sentence (one sampled, one companion), a miss written on one row only
    table = coded_sheet(n=3, doc_id=["d0", "d0", "d1"], sampled=["True", "False", "True"],
                        correct=["yes", "yes", "no"], missed_items=["2", "", "1"])
    coded = v.read_coded_sheets(write(table, tmp_path / "r.csv"))
    table = v.recall_by_kind(coded)
    assert list(table.columns) == list(v.RECALL_COLUMNS)
    r = table.set_index("era")
    assert r.loc["trump_1", ["n_sentences", "n_found", "n_missed"]].tolist() == [2, 2, 3]
    assert r.loc["trump_1", "recall"] == pytest.approx(0.4)
    ci = stats.binomtest(2, 5).proportion_ci(method="wilson")
    assert r.loc["all", ["ci_low", "ci_high"]].tolist() == pytest.approx([ci.low, ci.high])


def test_krippendorff_alpha_between_coders(tmp_path):
    ana = ["yes", "yes", "no", "yes", "no", "yes", "yes", "no"]
    ben = ["yes", "no", "no", "yes", "no", "yes", "yes", "yes"]
    sheets = [write(coded_sheet(n=8, correct=ana, missed_items=["0", "1", "0", "2", "0", "0", "1", "0"]),
                    tmp_path / "ana.csv"),
              write(coded_sheet(n=8, coder="ben", correct=ben, missed_items=["0", "1", "0", "1", "0", "0", "1", "0"]),
                    tmp_path / "ben.csv")]
    agreement = v.coder_agreement(v.read_coded_sheets(sheets))
    assert list(agreement.columns) == list(v.AGREEMENT_COLUMNS)
    row = agreement.set_index(["kind", "question"]).loc[("figure", "correct")]
    expected = krippendorff.alpha(reliability_data=[[1 if x == "yes" else 0 for x in c] for c in (ana, ben)],
                                  level_of_measurement="nominal")
    assert (row["n_coders"], row["n_items"]) == (2, 8) and row["alpha"] == pytest.approx(expected)
    assert 0 < row["alpha"] < 1
    counts = agreement.set_index(["kind", "question"]).loc[("figure", "missed_items")]
    assert counts["level"] == "ratio" and 0 < counts["alpha"] < 1
    same = v.coder_agreement(v.read_coded_sheets([sheets[0], write(coded_sheet(n=8, coder="cy", correct=ana),
                                                                   tmp_path / "cy.csv")]))
    assert same.set_index(["kind", "question"]).loc[("figure", "correct"), "alpha"] == pytest.approx(1.0)
    alone = v.coder_agreement(v.read_coded_sheets(sheets[0])).set_index(["kind", "question"])
    assert np.isnan(alone.loc[("figure", "correct"), "alpha"]) and "one coder" in alone.loc[("figure", "correct"), "note"]


def test_the_shipped_example_sheet_reads_and_has_every_kind():
    from borderlines.paths import data_dir
    coded = v.read_coded_sheets(data_dir() / "validation" / "coded_example.csv")
    assert set(coded["kind"]) == set(v.KINDS) and coded["correct"].notna().all()
    assert set(coded["era"]) == {"trump_1", "biden"}


def test_accuracy_chart_has_a_point_and_interval_per_kind_era_and_measure(tmp_path):
    from borderlines import charts
    from borderlines.eras import load_eras
    table = pd.concat([coded_sheet(n=4, correct=["yes", "yes", "no", "yes"]),
                       coded_sheet(n=2, era="biden", item_id=["figure:b0:0-5", "figure:b1:0-5"], doc_id=["b0", "b1"])])
    coded = v.read_coded_sheets(write(table, tmp_path / "c.csv"))
    chart = charts.extractor_accuracy(v.precision_by_kind(coded), v.recall_by_kind(coded), load_eras())
    data = chart.data
    assert len(data) == 6 and set(data["measure"].str[:6]) == {"Precis", "Recall"}
    assert set(data["era_label"]) == {"Trump (first term)", "Biden", "All eras (weighted)"}
    assert charts.to_svg(chart).startswith("<svg")


def test_words_for_findings(tmp_path):
    table = coded_sheet(n=4, correct=["yes", "yes", "no", "yes"], missed_items=["0", "1", "0", "0"])
    coded = v.read_coded_sheets(write(table, tmp_path / "c.csv"))
    text = v.accuracy_text(v.precision_by_kind(coded), v.recall_by_kind(coded), "figure")
    assert text.startswith("precision 75% (4 items judged; 95% interval ") and "recall 75% (4 items found or missed" in text
    assert "not measured" in v.accuracy_text(v.precision_by_kind(coded), v.recall_by_kind(coded), "quote")
    assert "cannot be measured: one coder" in v.agreement_text(v.coder_agreement(coded))
    ben = coded_sheet(n=4, coder="ben", correct=["yes", "yes", "no", "no"])
    two = v.read_coded_sheets([tmp_path / "c.csv", write(ben, tmp_path / "b.csv")])
    assert "too low to rely on" in v.agreement_text(v.coder_agreement(two))
    assert v.unmatched_items(two, pd.DataFrame({"item_id": ["figure:d0:0-5"]}))["item_id"].tolist() == [
        "figure:d1:0-5", "figure:d2:0-5", "figure:d3:0-5"]
    assert v.coded_sheet_paths(tmp_path) == [tmp_path / "b.csv", tmp_path / "c.csv"]
    assert v.coded_sheet_paths() == [v.default_coded_sheets()]
    with pytest.raises(ValueError, match="no .csv or .xlsx"):
        v.coded_sheet_paths(tmp_path / "empty" if (tmp_path / "empty").mkdir() is None else None)


# --------------------------------------------------------------------------- command line


def test_study_items_are_the_items_extracted_from_the_corpus(tmp_path):
    from borderlines.study import study_tables
    path = tmp_path / "corpus.csv"
    pd.DataFrame({"id": [d for d, _, _ in TEXTS], "text": [t for _, _, t in TEXTS],
                  "date": ["2020-05-01" if e == "trump_1" else "2022-05-01" for _, e, _ in TEXTS]}).to_csv(path, index=False)
    tables = study_tables(path, cache_dir=tmp_path / "tables", progress=False, warn=False)
    from_tables = v.study_items(tables)
    assert set(from_tables["kind"]) == {"quote", "figure", "frame"}
    pd.testing.assert_frame_equal(from_tables, v.corpus_items(tables.corpus), check_dtype=False)
    assert set(v.study_items(tables, ["figure"])["kind"]) == {"figure"}
    with pytest.raises(ValueError, match="unknown kind"):
        v.study_items(tables, ["tone"])


def test_sample_and_agreement_verbs(tmp_path, capsys):
    out = tmp_path / "coding" / "sheet"
    assert main(["sample", "--out", str(out), "--kinds", "figure", "--per-stratum", "3", "--seed", "4",
                 "--coder", "ana", "--tables", str(tmp_path / "tables")]) == 0
    assert (tmp_path / "tables").is_dir()   # the study's tables, made once and read
    printed = capsys.readouterr().out
    assert "figure/trump_1: 3" in printed and "sheet.xlsx" in printed
    sheet = pd.read_csv(out.with_suffix(".csv"), dtype=str, keep_default_na=False)
    assert set(sheet["kind"]) == {"figure"} and (sheet["coder"] == "ana").all()
    write(sheet.assign(correct="yes", missed_items="0"), tmp_path / "ana.csv")
    write(sheet.assign(correct="yes", missed_items="0", coder="ben"), tmp_path / "ben.csv")
    assert main(["agreement", str(tmp_path / "ana.csv"), str(tmp_path / "ben.csv"), "--out", str(tmp_path / "t")]) == 0
    printed = capsys.readouterr().out
    assert "2 coder(s) (ana, ben)" in printed and "precision:" in printed and "alpha" in printed
    assert (tmp_path / "t" / "precision.csv").exists() and (tmp_path / "t" / "agreement.csv").exists()
    write(sheet.assign(correct="perhaps", missed_items="0"), tmp_path / "bad.csv")
    assert main(["agreement", str(tmp_path / "bad.csv")]) == 1
    assert "field 'correct'" in capsys.readouterr().err

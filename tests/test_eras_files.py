"""Eras, file I/O and problems."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from borderlines import files as bio
from borderlines.eras import OUTSIDE, UNDATED, assign_era, era_labels, load_eras
from borderlines.paths import raw_dir
from borderlines.problems import Problem


def test_default_eras():
    eras = load_eras()
    assert eras.era.tolist() == ["trump_1", "biden", "trump_2"]
    assert pd.isna(eras.end.iloc[2])


def test_assign_era_boundaries():
    eras = load_eras()
    dates = pd.Series(pd.to_datetime(["2017-01-19", "2017-01-20", "2021-01-19", "2021-01-20",
                                      "2030-01-01", None]))
    assert assign_era(dates, eras).tolist() == [OUTSIDE, "trump_1", "trump_1", "biden", "trump_2", UNDATED]
    assert era_labels(eras)[OUTSIDE] == "Outside every era"


@pytest.mark.parametrize("body, message", [
    ("era,label,start,end\na,A,2019-13-01,\n", "row 1, field 'start': '2019-13-01' is not a date"),
    ("era,label,start,end\na,A,2019-01-01,2018-01-01\n", "ends before it starts"),
    ("name,start\na,2019-01-01\n", "missing required column"),
    ("era,label,start,end\na,A,2019-01-01,\na,B,2020-01-01,\n", "appears twice"),
])
def test_bad_eras_file(tmp_path, body, message):
    path = tmp_path / "eras.csv"
    path.write_text(body)
    with pytest.raises(bio.InputProblem) as info:
        load_eras(path)
    assert message in str(info.value)


def test_utf8_error_names_line_and_column(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes("line one\nab\xff".encode("latin1"))
    with pytest.raises(bio.InputProblem) as info:
        bio.read_text(p)
    assert "byte 11 (line 2, column 3)" in str(info.value)


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "t.txt"
    bio.write_text_atomic(target, "first")
    bio.write_text_atomic(target, "second")
    assert target.read_text() == "second"
    assert os.listdir(target.parent) == ["t.txt"]


def test_atomic_write_failure_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "t.txt"
    bio.write_text_atomic(target, "good")
    monkeypatch.setattr(bio.os, "replace", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        bio.write_text_atomic(target, "half")
    assert target.read_text() == "good" and os.listdir(tmp_path) == ["t.txt"]


def test_raw_folder_is_never_written():
    with pytest.raises(PermissionError, match="never modified"):
        bio.write_text_atomic(raw_dir() / "new.txt", "x")


def test_write_table_is_deterministic(tmp_path):
    df = pd.DataFrame({"a": [1, 2], "b": ["x", "ü"], "d": pd.to_datetime(["2019-01-01", "2020-02-02"])})
    first = [p.read_bytes() for p in bio.write_table(df, tmp_path / "one")]
    second = [p.read_bytes() for p in bio.write_table(df.copy(), tmp_path / "two")]
    assert first == second
    assert (tmp_path / "one.csv").read_text().splitlines()[1] == "1,x,2019-01-01"


def test_iter_table_batches_rows(tmp_path):
    path = tmp_path / "t.csv"
    pd.DataFrame({"id": range(5), "text": list("abcde")}).to_csv(path, index=False)
    batches = list(bio.iter_table_batches(path, batch_size=2))
    assert [len(b) for b in batches] == [2, 2, 1]
    assert batches[2]["_row"].tolist() == [5]


def test_problem_text():
    p = Problem(file="m.csv", row=3, field="date", message="bad", fix="fix it", doc_id="x")
    assert str(p) == "m.csv, row 3 (id x), field 'date': bad — fix it"


def test_find_bad_utf8_locates_every_run():
    data = "\ufeffok\nné ".encode() + b"\xe9\xe8 x\n\xff"
    text, runs = bio.find_bad_utf8(data)
    assert text == "ok\nné \ufffd x\n\ufffd"
    assert [(r.offset, r.line, r.column, r.bad) for r in runs] == [(10, 2, 5, b"\xe9\xe8"), (15, 3, 1, b"\xff")]
    assert [text[r.index] for r in runs] == ["\ufffd", "\ufffd"]
    assert bio.find_bad_utf8(b"fine") == ("fine", [])


def test_strict_table_reading_names_the_row_and_id(tmp_path):
    csv_path = tmp_path / "t.csv"
    csv_path.write_bytes(b'id,date,text\na1,2019-01-01,"one\ntwo"\na2,2019-01-02,caf\xe9\n')
    with pytest.raises(bio.InputProblem) as info:
        list(bio.iter_table_batches(csv_path))
    p = info.value.problem
    assert (p.row, p.doc_id, p.field) == (2, "a2", "text") and "at byte 54 (line 4, column 18)" in p.message
    jsonl = tmp_path / "t.jsonl"
    jsonl.write_bytes(b'{"id": "a1", "text": "x"}\n{"id": "a2", "text": "caf\xe9"}\n')
    with pytest.raises(bio.InputProblem) as info:
        list(bio.iter_table_batches(jsonl))
    p = info.value.problem
    assert (p.row, p.doc_id, p.field) == (2, "a2", "text") and "at byte 51 (line 2, column 26)" in p.message
    found: list[Problem] = []                           # collecting: read on, with U+FFFD
    table = pd.concat(list(bio.iter_table_batches(jsonl, problems=found)))
    assert table["text"].tolist() == ["x", "caf\ufffd"] and len(found) == 1


def test_bad_bytes_in_a_csv_header():
    problems = bio.csv_bad_byte_problems("t.csv", "id,d\ufffdte\na,b\n", bio.find_bad_utf8(b"id,d\xe4te\na,b\n")[1])
    assert len(problems) == 1 and problems[0].row is None and "in the header line" in problems[0].message


def test_json_values_become_text(tmp_path):
    assert [bio.json_cell(v) for v in (1, 1.0, 2.5, None, float("nan"), True, "s", [1, "a"])] == [
        "1", "1", "2.5", None, None, "true", "s", '[1, "a"]']
    path = tmp_path / "t.json"
    path.write_text('[\n {"id": 7, "text": "a"},\n {"id": 8, "text": "b", "extra": {"k": 1}}\n]\n')
    table = bio.read_table(path)
    assert table["_row"].tolist() == [1, 2] and table["id"].tolist() == ["7", "8"]
    assert table["extra"].tolist() == [None, '{"k": 1}']


def test_era_bounds_are_strict_dates(tmp_path):
    from borderlines.eras import load_eras
    path = tmp_path / "eras.csv"
    path.write_text("era,label,start,end\na,A,2019,2020-01-01\n")
    with pytest.raises(bio.InputProblem) as info:
        load_eras(path)
    p = info.value.problem
    assert (p.row, p.field) == (1, "start") and "'2019' is not a date (a year or month alone" in p.message


def test_workbook_keeps_the_first_rows_and_says_how_many_there_are(tmp_path):
    import openpyxl

    from borderlines.files import write_workbook
    table = pd.DataFrame({"n": range(5)})
    path = write_workbook({"long": table.head(3), "short": table.head(2)}, tmp_path / "all.xlsx", max_rows=3,
                          total_rows={"long": 5})
    book = openpyxl.load_workbook(path)
    contents = [[c.value for c in r] for r in book["contents"].iter_rows()][1:]
    assert contents == [["long", "long", 5, "first 3 rows; the CSV has all"], ["short", "short", 2, None]]
    assert [r[0].value for r in book["long"].iter_rows()] == ["n", 0, 1, 2]

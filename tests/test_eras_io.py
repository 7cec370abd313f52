"""Eras, file I/O and problems."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from borderlines import io as bio
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

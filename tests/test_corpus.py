"""Loading, validating and cleaning corpora: the bundled one and researchers' own."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from borderlines import corpus as corpus_mod
from borderlines.corpus import CorpusWarning, load_corpus, validate_corpus
from borderlines.files import sha256_file
from borderlines.paths import raw_dir
from borderlines.problems import CorpusError, errors

RAW = raw_dir()


def test_bundled_corpus_columns_and_eras(bundled_corpus):
    c = bundled_corpus
    assert list(c["doc_id"]) == ["000", "001", "002", "003", "004"]
    for col in ["doc_id", "date", "era", "outlet", "title", "text", "raw_text"]:
        assert col in c.columns
    assert dict(c.groupby("era").size()) == {"trump_1": 4, "biden": 1}
    assert c.loc[c.doc_id == "003", "date"].iloc[0] == pd.Timestamp("2023-12-27")
    assert c.loc[c.doc_id == "004", "outlet"].iloc[0] == "KJZZ"
    assert c.loc[c.doc_id == "004", "meta_byline"].iloc[0] == "Jorge Valencia"
    assert c.loc[c.doc_id == "000", "meta_scraped_date"].iloc[0] == "2019-03-28"


def test_contributor_credit_is_not_an_outlet(bundled_corpus):
    # "X contributed to this report" marks an outlet's own story that used X's material:
    # the credited agency is not the publisher, and the manifest says so.
    from borderlines.files import read_csv_strings
    from borderlines.paths import data_dir
    row = bundled_corpus.set_index("doc_id").loc["000"]
    assert row["meta_credit"] == "The Associated Press contributed to this report."
    assert row["outlet"] == "not named"
    manifest = read_csv_strings(data_dir() / "manifest.csv").set_index("id")
    evidence = manifest.loc["000", "outlet_evidence"]
    assert "contributed" in evidence and "not AP wire copy" in evidence


def test_bundled_raw_text_is_byte_identical(bundled_corpus):
    for row in bundled_corpus.itertuples():
        assert row.raw_text.encode("utf-8") == (RAW / row.file).read_bytes()


def test_cleaning_removes_debris_and_keeps_quotes(bundled_corpus):
    text = dict(zip(bundled_corpus.doc_id, bundled_corpus.text))
    assert not text["000"].startswith("date") and text["000"].startswith("President Donald Trump")
    assert "Democracy Dies in Darkness" not in text["002"]
    assert text["002"].count("Marcelo Ebrard holds a news conference") == 0
    assert "{mosads}" not in text["001"] and "“Finally, the government" in text["001"]
    assert "24World Media" not in text["003"]
    assert "More Stories From" not in text["004"] and "PoliticsFronterasMexico" not in text["004"]
    assert "Published:" not in text["004"] and "By Jorge Valencia" not in text["004"]
    assert "\u00a0" not in "".join(text.values())
    assert "López Obrador" in text["003"] and "“" in text["000"]
    # embedded tweets stay in the text
    assert "— Donald J. Trump (@realDonaldTrump) March 28, 2019" in text["000"]


def _folder(tmp_path: Path, rows: list[str], files: dict[str, bytes]) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "manifest.csv").write_text("id,file,date,outlet\n" + "\n".join(rows) + "\n", encoding="utf-8")
    for name, data in files.items():
        (d / name).write_bytes(data)
    return d


def test_own_folder_corpus_loads(tmp_path):
    d = _folder(tmp_path, ["a,a.txt,2019-05-01,Daily", "b,b.txt,2022-02-02,Weekly"],
                {"a.txt": "Hello “world”.\u00a0More text.\n".encode(), "b.txt": b"Second article."})
    c = load_corpus(d)
    assert list(c.doc_id) == ["a", "b"] and list(c.era) == ["trump_1", "biden"]
    assert c.text[0] == "Hello “world”. More text."


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_own_table_corpus_loads(tmp_path, suffix):
    df = pd.DataFrame({"id": ["x1", "x2"], "date": ["2018-01-02", "2024-06-30"],
                       "body": ["One text here.", "Another one."], "outlet": ["A", "B"]})
    path = tmp_path / f"t.{suffix}"
    {"csv": lambda: df.to_csv(path, index=False),
     "jsonl": lambda: df.to_json(path, orient="records", lines=True),
     "parquet": lambda: df.to_parquet(path)}[suffix]()
    c = load_corpus(path, text_column="body")
    assert list(c.doc_id) == ["x1", "x2"] and list(c.era) == ["trump_1", "biden"]
    assert list(c.outlet) == ["A", "B"]


def test_every_problem_reported_at_once(tmp_path):
    d = _folder(tmp_path, [
        "a,a.txt,2019-01-01,X",
        "b,b.txt,2019-02-30,X",      # impossible date
        "c,c.txt,2019-03-01,X",      # empty text
        "a,d.txt,,X",                # duplicate id, missing date
        "e,missing.txt,2019-05-01,X",
        "f,f.txt,2010-05-01,X",      # outside every era: a warning
    ], {"a.txt": b"Fine.", "b.txt": b"caf\xe9 au lait", "c.txt": b"  \n", "d.txt": b"D.", "f.txt": b"F."})
    problems = validate_corpus(d)
    text = "\n".join(str(p) for p in problems)
    assert "duplicate id 'a'" in text
    assert "row 4 (id a), field 'date': missing date" in text
    assert "'2019-02-30' is not a date" in text
    assert "b.txt: bytes are not UTF-8 at byte 3 (line 1, column 4)" in text
    assert "c.txt, id c: empty text" in text
    assert "row 5 (id e), field 'file': file not found" in text
    outside = [p for p in problems if "outside every era" in p.message]
    assert len(outside) == 1 and outside[0].severity == "warning" and outside[0].row == 6
    with pytest.raises(CorpusError) as info:
        load_corpus(d)
    assert len(info.value.problems) >= 6 and "missing.txt" in str(info.value)


def test_outside_era_is_kept_labelled_and_warned(tmp_path):
    d = _folder(tmp_path, ["old,old.txt,2010-05-01,X"], {"old.txt": b"An old article."})
    with pytest.warns(CorpusWarning, match="outside every era"):
        c = load_corpus(d)
    assert c.era.tolist() == ["outside"] and c.era_label.tolist() == ["Outside every era"]
    assert corpus_mod.outside_eras(c).doc_id.tolist() == ["old"]


def test_missing_required_columns(tmp_path):
    path = tmp_path / "t.csv"
    pd.DataFrame({"identifier": ["1"], "when": ["2019-01-01"]}).to_csv(path, index=False)
    problems = errors(validate_corpus(path))
    fields = {p.field for p in problems if "required column is missing" in p.message}
    assert fields == {"id", "date", "text"}


def test_checksum_mismatch_is_an_error(tmp_path):
    d = tmp_path / "copy"
    shutil.copytree(RAW, d)
    shutil.copy(RAW.parent / "manifest.csv", d / "manifest.csv")
    assert errors(validate_corpus(d)) == []
    with open(d / "001_957251fa41a97581.txt", "ab") as fh:
        fh.write(b" tampered")
    problems = errors(validate_corpus(d))
    assert len(problems) == 1 and "checksum mismatch" in problems[0].message
    assert problems[0].file.endswith("001_957251fa41a97581.txt")


def test_loader_never_writes_raw(bundled_corpus):
    sums = (RAW / "SHA256SUMS").read_text()
    for line in sums.splitlines():
        digest, name = line.split()
        assert sha256_file(RAW / name) == digest


def test_unknown_source_kinds(tmp_path):
    assert "no such file" in str(validate_corpus(tmp_path / "nope")[0])
    odd = tmp_path / "x.docx"
    odd.write_bytes(b"x")
    assert "not a corpus folder or table" in str(validate_corpus(odd)[0])


# --------------------------------------------------------------------------- strict input


def _csv(tmp_path: Path, body: bytes, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(body)
    return path


@pytest.mark.parametrize("value", ["2021", "2021-01", "05/06/2020", "May 5 2020", "20200506",
                                   "2020-5-6", "2021-01-20 at noon", "2021-01-20T25:00"])
def test_loose_dates_are_errors(tmp_path, value):
    path = _csv(tmp_path, f"id,date,text\na1,2019-06-07,Fine.\na2,{value},Loose date.\n".encode())
    problems = errors(validate_corpus(path))
    assert len(problems) == 1
    p = problems[0]
    assert (p.row, p.doc_id, p.field) == (2, "a2", "date")
    assert f"'{value}' is not a date" in p.message and "YYYY-MM-DD" in p.fix
    with pytest.raises(CorpusError, match="row 2 \\(id a2\\), field 'date'"):
        load_corpus(path)


def test_impossible_and_missing_dates_keep_their_messages(tmp_path):
    path = _csv(tmp_path, b"id,date,text\na1,2019-02-30,X.\na2,,Y.\n")
    text = "\n".join(str(p) for p in validate_corpus(path))
    assert "row 1 (id a1), field 'date': '2019-02-30' is not a date" in text
    assert "row 2 (id a2), field 'date': missing date — give every article a date as YYYY-MM-DD" in text


def test_a_time_keeps_the_date_as_written(tmp_path):
    # 23:30 in New York on 19 January 2021 is already the 20th in UTC: the Biden era
    path = _csv(tmp_path, b"id,date,text\nny,2021-01-19T23:30:00-05:00,Late.\n"
                          b"z,2021-01-19T23:30:00Z,Zulu.\nsp,2021-01-19 08:00,Space.\n")
    c = load_corpus(path)
    assert c.date.tolist() == [pd.Timestamp("2021-01-19")] * 3
    assert c.era.tolist() == ["trump_1"] * 3
    assert corpus_mod.parse_date("2021-01-20 23:30:00.123+0100") == pd.Timestamp("2021-01-20")


def test_parquet_datetimes_give_their_own_date(tmp_path):
    local = pd.Timestamp("2021-01-19 23:30", tz="America/New_York")
    df = pd.DataFrame({"id": ["tz", "naive", "day"],
                       "date": [local, local, local],
                       "text": ["A.", "B.", "C."]})
    df["naive"] = pd.to_datetime(["2021-01-19 23:30"] * 3)
    df["day"] = [pd.Timestamp("2021-01-19").date()] * 3
    for column in ("date", "naive", "day"):
        path = tmp_path / f"{column}.parquet"
        df.to_parquet(path)
        assert errors(validate_corpus(path, date_column=column)) == []
        c = load_corpus(path, date_column=column)
        assert c.date.tolist() == [pd.Timestamp("2021-01-19")] * 3, column
        assert set(c.era) == {"trump_1"}


def test_bad_bytes_in_a_csv_do_not_hide_other_problems(tmp_path):
    path = _csv(tmp_path, b"id,date,text\n"
                          b"a1,2019-06-07,Fine.\n"
                          b"a2,2019-06-08,Caf\xe9 society.\n"
                          b"a1,2019-06-09,Duplicate id.\n"
                          b"a4,05/06/2020,Loose date.\n"
                          b"a5,,No date.\n"
                          b"a6,2019-06-10,\n"
                          b'a7,2019-06-11,"two\nlines \xff"\n')
    problems = errors(validate_corpus(path))
    text = "\n".join(str(p) for p in problems)
    assert ("t.csv, row 2 (id a2), field 'text': bytes are not UTF-8 at byte 50 (line 3, column 18): "
            "b'\\xe9'") in text
    assert "row 7 (id a7), field 'text': bytes are not UTF-8 at byte 168 (line 9, column 7)" in text
    assert "duplicate id 'a1'" in text
    assert "row 4 (id a4), field 'date': '05/06/2020' is not a date" in text
    assert "row 5 (id a5), field 'date': missing date" in text
    assert "row 6 (id a6), field 'text': empty text" in text
    assert len(problems) == 7
    with pytest.raises(CorpusError) as info:                 # loading still refuses the file
        load_corpus(path)
    assert "bytes are not UTF-8" in str(info.value) and "(id a2)" in str(info.value)


def test_bad_bytes_in_jsonl_do_not_hide_other_problems(tmp_path):
    path = _csv(tmp_path, b'{"id": "a1", "date": "2019-06-07", "text": "Fine."}\n'
                          b'{"id": "a2", "date": "2019-06-08", "text": "Caf\xe9."}\n'
                          b'{"id": "a1", "date": "2021", "text": "Duplicate, loose date."}\n'
                          b'{"id": "a4", "date": null, "text": ""}\n', "t.jsonl")
    text = "\n".join(str(p) for p in errors(validate_corpus(path)))
    assert "t.jsonl, row 2 (id a2), field 'text': bytes are not UTF-8 at byte 99 (line 2, column 48)" in text
    assert "duplicate id 'a1'" in text and "row 3 (id a1), field 'date': '2021' is not a date" in text
    assert "row 4 (id a4), field 'date': missing date" in text
    assert "row 4 (id a4), field 'text': empty text" in text
    with pytest.raises(CorpusError, match="bytes are not UTF-8"):
        load_corpus(path)


def test_json_array_is_read(tmp_path):
    path = tmp_path / "t.json"
    path.write_text(json.dumps([{"id": 1, "date": "2019-06-07", "text": "One."},
                                {"id": 2, "date": "2022-02-02", "text": "Two.", "outlet": None}], indent=2))
    c = load_corpus(path)
    assert c.doc_id.tolist() == ["1", "2"] and c.era.tolist() == ["trump_1", "biden"]
    assert c.outlet.tolist() == ["", ""]


def test_json_that_is_not_objects_is_a_clear_error(tmp_path):
    lines = tmp_path / "t.jsonl"
    lines.write_text('{"id": "a", "date": "2019-06-07", "text": "One."}\n[1, 2]\n\n7\n{"id": "b", "date"\n'
                     '{"id": "c", "date": "2019-06-07", "text": ""}\n')
    text = "\n".join(str(p) for p in validate_corpus(lines))
    assert "t.jsonl: expected JSON Lines, one object per line; line 2 is an array" in text
    assert "line 4 is a number (7)" in text and "line 5 is not valid JSON" in text
    assert "row 6 (id c), field 'text': empty text" in text              # the rest is still checked
    array = tmp_path / "t.json"
    array.write_text('[{"id": "a", "date": "2019-06-07", "text": "One."},\n 3]')
    assert "t.json: expected an array of objects; item 2 (line 2) is a number (3)" in str(validate_corpus(array)[0])
    broken = tmp_path / "b.json"
    broken.write_text('[{"id": "a", "date": "2019-06-07", "text": "One."}\n {"id": "b"}]')
    assert "b.json: not valid JSON at line 2" in str(validate_corpus(broken)[0])


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_a_table_without_rows_is_an_error(tmp_path, suffix):
    path = tmp_path / f"t.{suffix}"
    df = pd.DataFrame({"id": pd.Series(dtype=str), "date": pd.Series(dtype=str), "text": pd.Series(dtype=str)})
    {"csv": lambda: df.to_csv(path, index=False), "jsonl": lambda: path.write_text(""),
     "parquet": lambda: df.to_parquet(path)}[suffix]()
    problems = errors(validate_corpus(path))
    assert len(problems) == 1 and problems[0].file == str(path) and "no articles" in problems[0].message
    with pytest.raises(CorpusError, match="no articles"):
        load_corpus(path)


def test_an_empty_manifest_is_an_error(tmp_path):
    d = _folder(tmp_path, [], {})
    (d / "manifest.csv").write_text("id,file,date\n")
    problems = errors(validate_corpus(d))
    assert len(problems) == 1 and "no articles" in str(problems[0]) and "manifest.csv" in problems[0].file


def test_jsonl_ids_missing_and_numeric(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"id": 1, "date": "2019-06-07", "text": "One."}\n'
                    '{"id": null, "date": "2019-06-08", "text": "No id."}\n'
                    '{"date": "2019-06-09", "text": "No id key."}\n'
                    '{"id": 4.0, "date": "2019-06-10", "text": "Four."}\n')
    problems = errors(validate_corpus(path))
    assert [str(p) for p in problems] == [
        f"{path}, row 2, field 'id': missing id — give every article a unique, non-empty id",
        f"{path}, row 3, field 'id': missing id — give every article a unique, non-empty id"]
    ok = tmp_path / "ok.jsonl"
    ok.write_text("".join(line + "\n" for i, line in enumerate(path.read_text().splitlines()) if i in (0, 3)))
    assert load_corpus(ok).doc_id.tolist() == ["1", "4"]


def test_parquet_integer_ids_with_a_null(tmp_path):
    path = tmp_path / "t.parquet"
    pd.DataFrame({"id": pd.array([1, None, 3], dtype="Int64"), "date": ["2019-06-07"] * 3,
                  "text": ["A.", "B.", "C."]}).to_parquet(path)
    problems = errors(validate_corpus(path))
    assert len(problems) == 1 and (problems[0].row, problems[0].message) == (2, "missing id")


def test_missing_checksums(tmp_path, monkeypatch):
    d = _folder(tmp_path, ["a,a.txt,2019-05-01,Daily"], {"a.txt": b"Text."})
    notes = validate_corpus(d)                           # a researcher's folder: a warning
    assert [(p.severity, p.message) for p in notes] == [
        ("warning", "no SHA256SUMS in the folder: the files' checksums were not verified")]
    assert validate_corpus(d, verify_checksums=False) == []
    home = tmp_path / "home"                             # the bundled corpus: an error
    shutil.copytree(RAW.parent, home / "data")
    (home / "data" / "raw" / "SHA256SUMS").unlink()
    monkeypatch.setenv("BORDERLINES_HOME", str(home))
    problems = errors(validate_corpus())
    assert len(problems) == 1 and problems[0].file.endswith("SHA256SUMS")
    assert "bundled articles cannot be verified" in problems[0].message
    with pytest.raises(CorpusError, match="SHA256SUMS"):
        load_corpus()


def test_folder_file_problems_name_the_manifest_line_and_id(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "manifest.csv").write_text('id,file,date,title\na,a.txt,2019-01-01,"A title\non two lines"\n'
                                    'b,b.txt,2019-02-01,B\nc,c.txt,2019-03-01,C\n')
    (d / "a.txt").write_bytes(b"Fine.")
    (d / "b.txt").write_bytes(b"caf\xe9")
    (d / "c.txt").write_bytes(b"Third.")
    (d / "SHA256SUMS").write_text("".join(f"{sha256_file(d / n)}  {n}\n" for n in ("a.txt", "b.txt", "c.txt")))
    (d / "c.txt").write_bytes(b"Third, edited.")
    problems = {p.file.rsplit("/", 1)[-1]: str(p) for p in errors(validate_corpus(d))}
    assert "(id b, listed on line 4 of manifest.csv)" in problems["b.txt"]
    assert "c.txt, id c: checksum mismatch" in problems["c.txt"]
    assert "listed on line 5 of manifest.csv" in problems["c.txt"]


def test_cli_validate_reports_everything_and_documents_the_column_options(tmp_path, capsys):
    from borderlines.cli import main
    path = _csv(tmp_path, b"id,date,text\na1,2021,Caf\xe9.\na1,2019-01-01,\n")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "bytes are not UTF-8" in out and "'2021' is not a date" in out and "duplicate id" in out
    assert "empty text" in out and "5 error(s)" in out        # the duplicate on both rows
    for command in ("validate", "extract"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        help_text = " ".join(capsys.readouterr().out.split())
        assert "each article's unique id" in help_text
        assert "publication date, written YYYY-MM-DD" in help_text
        assert "holding the article's text" in help_text

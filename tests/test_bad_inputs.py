"""Adversarial corpora: each bad input is a clear error (file, row, field, what to fix)
that ``validate`` reports and ``load_corpus`` refuses, or a correct result."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from borderlines.cli import main
from borderlines.corpus import load_corpus, validate_corpus
from borderlines.problems import CorpusError, errors

SECRET = "Confidential outside words that no report may show."


def _folder(tmp_path: Path, rows: list[str], files: dict[str, str] | None = None) -> Path:
    """A corpus folder ``tmp_path/corpus`` with a manifest of ``rows`` (after the header
    ``id,file,date``) and ``files``; a file ``tmp_path/outside.txt`` lies beside it."""
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "manifest.csv").write_text("id,file,date\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    for name, text in (files or {"ok.txt": "An ordinary article about border talks."}).items():
        (d / name).write_text(text, encoding="utf-8")
    (tmp_path / "outside.txt").write_text(SECRET, encoding="utf-8")
    return d


def climbing_path(tmp_path):
    return _folder(tmp_path, ["ok,ok.txt,2019-01-02", "bad,../outside.txt,2019-01-03"]), 2, "file"


def deep_climbing_path(tmp_path):
    return _folder(tmp_path, ["ok,ok.txt,2019-01-02", "bad,../../../../../../etc/hostname,2019-01-03"]), 2, "file"


def absolute_path(tmp_path):
    d = _folder(tmp_path, ["ok,ok.txt,2019-01-02"])
    with open(d / "manifest.csv", "a", encoding="utf-8") as fh:
        fh.write(f"bad,{tmp_path / 'outside.txt'},2019-01-03\n")
    return d, 2, "file"


def symlink_out(tmp_path):
    d = _folder(tmp_path, ["ok,ok.txt,2019-01-02", "bad,link.txt,2019-01-03"])
    (d / "link.txt").symlink_to(tmp_path / "outside.txt")
    return d, 2, "file"


def symlinked_subfolder_out(tmp_path):
    d = _folder(tmp_path, ["ok,ok.txt,2019-01-02", "bad,sub/outside.txt,2019-01-03"])
    (d / "sub").symlink_to(tmp_path, target_is_directory=True)
    return d, 2, "file"


def file_is_a_folder(tmp_path):
    d = _folder(tmp_path, ["ok,ok.txt,2019-01-02", "bad,sub,2019-01-03"])
    (d / "sub").mkdir()
    return d, 2, "file"


def empty_manifest(tmp_path):
    d = _folder(tmp_path, [])
    (d / "manifest.csv").write_bytes(b"")
    return d, None, None


def ids_differing_by_spaces(tmp_path):
    d = _folder(tmp_path, ["a1,ok.txt,2019-01-02", "a1 ,two.txt,2019-01-03"],
                {"ok.txt": "First article.", "two.txt": "Second article."})
    return d, 2, "id"


def table_ids_differing_by_spaces(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"id": "a1", "date": "2019-01-02", "text": "One."}\n'
                    '{"id": " a1", "date": "2019-01-03", "text": "Two."}\n')
    return path, 2, "id"


def integer_text_column(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,date,text\na,2019-01-02,17\nb,2019-01-03,4\nc,2019-01-04,1200\n")
    return path, None, "text"


def integer_text_column_parquet(tmp_path):
    import pandas as pd
    path = tmp_path / "t.parquet"
    pd.DataFrame({"id": ["a", "b"], "date": ["2019-01-02", "2019-01-03"], "text": [3, 41]}).to_parquet(path)
    return path, None, "text"


# (how to make the bad input, a fragment of the message)
BAD_INPUTS = [
    (climbing_path, "'../outside.txt' points outside the corpus folder (listed on line 3 of manifest.csv)"),
    (deep_climbing_path, "points outside the corpus folder"),
    (absolute_path, "is an absolute path; files must be inside the corpus folder"),
    (symlink_out, "'link.txt' is a symbolic link to"),
    (symlinked_subfolder_out, "'sub/outside.txt' is a symbolic link to"),
    (file_is_a_folder, "'sub' is a folder, not a text file (listed on line 3 of manifest.csv)"),
    (empty_manifest, "the file is empty: no header and no articles"),
    (ids_differing_by_spaces, "duplicate id 'a1'"),
    (table_ids_differing_by_spaces, "duplicate id 'a1'"),
    (integer_text_column, "the text column 'text' holds only numbers"),
    (integer_text_column_parquet, "the text column 'text' holds only numbers"),
]


@pytest.mark.parametrize("make, fragment", BAD_INPUTS, ids=[m.__name__ for m, _ in BAD_INPUTS])
def test_bad_input_is_a_clear_error(tmp_path, make, fragment, capsys):
    source, row, field = make(tmp_path)
    problems = errors(validate_corpus(source, verify_checksums=False))
    hits = [p for p in problems if fragment in p.message]
    assert hits, [str(p) for p in problems]
    if row is not None:
        assert any(p.row == row for p in hits), [str(p) for p in hits]
    if field is not None:
        assert all(p.field == field for p in hits), [str(p) for p in hits]
    with pytest.raises(CorpusError, match="problem"):
        load_corpus(source, verify_checksums=False)
    assert main(["validate", str(source)]) == 1            # a message, not a traceback
    out = capsys.readouterr().out
    assert fragment in out and SECRET not in out


def test_a_path_inside_the_folder_through_dots_or_a_link_is_fine(tmp_path):
    d = _folder(tmp_path, ["a,sub/../ok.txt,2019-01-02", "b,link.txt,2019-01-03"])
    (d / "sub").mkdir()
    (d / "link.txt").symlink_to(d / "ok.txt")
    assert errors(validate_corpus(d, verify_checksums=False)) == []
    assert len(load_corpus(d, verify_checksums=False)) == 2


@pytest.mark.parametrize("sep", [";", "\t", "|"])
def test_csv_separators_are_detected(tmp_path, sep):
    path = tmp_path / "t.csv"
    rows = [["id", "date", "outlet", "text"], ["a", "2019-01-02", "Diario", "Uno, dos; tres."],
            ["b", "2019-01-03", "Zeitung", "Eins, zwei."]]
    path.write_text("".join(sep.join(f'"{v}"' if sep in v else v for v in r) + "\n" for r in rows))
    corpus = load_corpus(path)
    assert corpus["outlet"].tolist() == ["Diario", "Zeitung"]
    assert corpus["text"].tolist() == ["Uno, dos; tres.", "Eins, zwei."]


def test_semicolon_manifest_is_read(tmp_path):
    d = _folder(tmp_path, [])
    (d / "manifest.csv").write_text("id;file;date\nok;ok.txt;2019-01-02\n")
    assert load_corpus(d, verify_checksums=False)["doc_id"].tolist() == ["ok"]


def test_a_comma_csv_whose_texts_hold_semicolons_stays_comma(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('id,date,text\na,2019-01-02,"One; two; three; four."\n')
    assert load_corpus(path)["text"].tolist() == ["One; two; three; four."]


def test_numbers_in_some_texts_are_fine(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,date,text\na,2019-01-02,17\nb,2019-01-03,Seventeen arrests.\n")
    assert errors(validate_corpus(path)) == []


TEXT = ("By Jane Roe\nPublished: March 3, 2019\nUpdated: March 4, 2019\n\nOfficials met on Monday to talk trade.\n"
        "“We agreed,” the minister said.\n\nThe Wire Service contributed to this report.\n"
        "More Stories From The Daily\nPoliticsWorldTrade\n")


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_endings_change_no_result(tmp_path, ending):
    from borderlines.cleaning import clean_text, cleaning_log, load_rules
    from borderlines.nlp import sentence_table
    rules = load_rules()
    lf = clean_text(TEXT, rules, "a")
    other = clean_text(TEXT.replace("\n", ending), rules, "a")
    assert other[0] == lf[0] and other[1] == lf[1]
    assert [(r["rule"], r["start"], r["end"]) for r in other[2]] == [(r["rule"], r["start"], r["end"]) for r in lf[2]]
    assert len(lf[2]) == 6                                  # every line but the two of news
    corpora = []
    for name, text in (("lf", TEXT), ("other", TEXT.replace("\n", ending))):
        d = tmp_path / name
        d.mkdir()
        (d / "manifest.csv").write_bytes(f"id,file,date{ending}a,a.txt,2019-03-04{ending}".encode())
        (d / "a.txt").write_bytes(text.encode())
        corpora.append(load_corpus(d, verify_checksums=False))
    a, b = corpora
    assert b["text"].tolist() == a["text"].tolist() and b["raw_text"].tolist() == a["raw_text"].tolist()
    assert cleaning_log(b, rules).equals(cleaning_log(a, rules))
    assert sentence_table(b)["n_words"].tolist() == sentence_table(a)["n_words"].tolist()

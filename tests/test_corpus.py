"""Loading, validating and cleaning corpora: the bundled one and researchers' own."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from borderlines import corpus as corpus_mod
from borderlines.corpus import CorpusWarning, load_corpus, validate_corpus
from borderlines.io import sha256_file
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

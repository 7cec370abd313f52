"""Shared fixtures: small inline corpora built with the real loader and cleaner."""

from __future__ import annotations

import pandas as pd
import pytest

from borderlines.corpus import corpus_from_records


def make_corpus(docs: list[dict]) -> pd.DataFrame:
    """A corpus table from inline dicts with at least ``text`` (``doc_id`` defaults to the
    position, ``date`` to 2019-03-28, ``outlet`` to "Test Outlet"), built by the library's
    own constructor (:func:`borderlines.corpus.corpus_from_records`: validated and cleaned
    like a file), in the order given. ``era``, ``era_label`` and ``file``, when a dict
    gives them, override what the date says, so a test can set an era directly."""
    ids = [str(d.get("doc_id", f"{i:03d}")) for i, d in enumerate(docs)]
    records = [{"id": i, "date": d.get("date", "2019-03-28"), "text": d["text"],
                "outlet": d.get("outlet", "Test Outlet"), "title": d.get("title", "")}
               for i, d in zip(ids, docs)]
    corpus = corpus_from_records(records).set_index("doc_id", drop=False).loc[ids].reset_index(drop=True)
    corpus["file"] = [d.get("file", f"{i:03d}.txt") for i, d in enumerate(docs)]
    for column in ("era", "era_label"):
        given = [d.get(column, d.get("era")) if column == "era_label" else d.get(column) for d in docs]
        corpus[column] = [g if g is not None else v for g, v in zip(given, corpus[column])]
    return corpus


@pytest.fixture(scope="session")
def bundled_corpus() -> pd.DataFrame:
    from borderlines.corpus import load_corpus
    return load_corpus()


@pytest.fixture(scope="session")
def bundled_quotes(bundled_corpus) -> pd.DataFrame:
    """``extract_quotes`` of the bundled corpus, extracted once for the session (do not
    modify it in a test)."""
    from borderlines.quotes import extract_quotes
    return extract_quotes(bundled_corpus)


@pytest.fixture
def corpus_factory():
    """``make_corpus`` as a fixture."""
    return make_corpus


@pytest.fixture(scope="session")
def bundled_figures(bundled_corpus) -> pd.DataFrame:
    """The cited figures of the bundled corpus (``extract_figures``), extracted once for
    the session (do not modify it in a test)."""
    from borderlines.cited_figures import extract_figures
    return extract_figures(bundled_corpus)


# --------------------------------------------------------------------------- built reports

import os  # noqa: E402
from pathlib import Path  # noqa: E402

HOSTILE = '<script>window.__pwned = (window.__pwned || 0) + 1</script>'
HOSTILE_IMG = '<img src=x onerror="window.__pwned = 99">'
MARKDOWN_LINK = "[clickme](javascript:alert(5))"


def write_hostile_corpus(folder: Path) -> Path:
    """A small corpus whose text, outlet, title, speakers and file names carry HTML,
    scripts and Markdown links: reports built from it must show them as text and run
    or link none of them."""
    folder.mkdir(parents=True, exist_ok=True)
    docs = [
        ("h1", "<img src=x onerror=alert(1)>a.txt", "2019-03-01", f"Outlet {HOSTILE_IMG}", f"Title {HOSTILE}",
         f"President Donald Trump said on Monday that {HOSTILE} arrests rose to 66,450 in February.\n\n"
         f"“We will close the border {HOSTILE_IMG},” said Evil <b>Person</b>, an analyst at {HOSTILE}.\n\n"
         "Mexico deployed 25,000 National Guard troops, Ebrard said. Security and crime dominated."),
        ("h2", "b.txt", "2019-06-01", "Second <i>Outlet</i>", "Plain title",
         "The number of migrants fell 56 percent in August, according to federal data.\n\n"
         f"“It is a crisis,” McAleenan said. “{HOSTILE}”\n\nHumanitarian groups criticized the policy."),
        ("h3", "c.txt", "2023-12-27", f"Biden {HOSTILE_IMG}", "Biden era",
         f"Secretary of State Antony J. Blinken met López Obrador. “Migration {HOSTILE} matters,” he said.\n\n"
         "There were more than 190,000 apprehensions in November, officials said."),
        ("h4", "d.txt", "2019-03-05", MARKDOWN_LINK, "Markdown in the outlet",
         "Border Patrol arrests rose to 66,450 in February, officials said.\n\n"
         "Mexico deployed 25,000 National Guard troops, the minister said."),
    ]
    import csv
    import io as _io
    buf = _io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "file", "date", "outlet", "title"])
    for doc_id, name, date, outlet, title, text in docs:
        (folder / name).write_text(text, encoding="utf-8")
        w.writerow([doc_id, name, date, outlet, title])
    (folder / "manifest.csv").write_text(buf.getvalue(), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def reports_root(tmp_path_factory) -> Path:
    """Reports of the test session go to a temporary folder, never to reports/."""
    root = tmp_path_factory.mktemp("reports")
    os.environ["BORDERLINES_REPORTS"] = str(root)
    return root


@pytest.fixture(scope="session")
def built_default(reports_root):
    """The default study built once for the session: (study, results)."""
    from borderlines.build import build, load_study
    from borderlines.paths import project_root
    study = load_study(project_root() / "params" / "default.yml")
    results = build(study, progress=False)
    return study, results


@pytest.fixture(scope="session")
def built_hostile(reports_root, tmp_path_factory):
    """Every notebook built on the hostile corpus: (study, results)."""
    from borderlines.build import Study, build
    corpus = write_hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus")
    study = Study("hostile", {"corpus_path": str(corpus)}, source="tests")
    results = build(study, progress=False)
    return study, results

"""Shared fixtures: small inline corpora built with the real loader and cleaner."""

from __future__ import annotations

import pandas as pd
import pytest

from borderlines.cleaning import clean_text, load_rules


def make_corpus(docs: list[dict]) -> pd.DataFrame:
    """A corpus table (the columns later modules use) from inline dicts with at least
    ``doc_id`` and ``text``; ``date`` defaults to 2019-03-28, ``era`` to trump_1."""
    rules = load_rules()
    rows = []
    for i, d in enumerate(docs):
        text, meta, _ = clean_text(d["text"], rules, d.get("doc_id", f"{i:03d}"), d.get("title", ""))
        rows.append({
            "doc_id": d.get("doc_id", f"{i:03d}"), "file": d.get("file", f"{i:03d}.txt"),
            "date": pd.Timestamp(d.get("date", "2019-03-28")), "era": d.get("era", "trump_1"),
            "era_label": d.get("era_label", d.get("era", "trump_1")),
            "outlet": d.get("outlet", "Test Outlet"), "author": "", "title": d.get("title", ""),
            "text": text, "raw_text": d["text"], "n_chars": len(text),
        })
    return pd.DataFrame(rows)


@pytest.fixture(scope="session")
def bundled_corpus() -> pd.DataFrame:
    from borderlines.corpus import load_corpus
    return load_corpus()


@pytest.fixture
def corpus_factory():
    """``make_corpus`` as a fixture."""
    return make_corpus

"""Batches of articles with a progress bar: same tables as one pass."""

from __future__ import annotations

import pandas as pd
import pytest

from borderlines import progress
from borderlines.nlp import sentence_table
from borderlines.terms import concat_tokens, token_table


def test_in_batches_equals_one_pass(bundled_corpus):
    def extract(batch):
        return {"sentences": sentence_table(batch), "tokens": token_table(batch)}

    whole = extract(bundled_corpus)
    batched = progress.in_batches(bundled_corpus, extract, batch_size=2, combine={"tokens": concat_tokens})
    pd.testing.assert_frame_equal(batched["sentences"], whole["sentences"])
    pd.testing.assert_frame_equal(batched["tokens"], whole["tokens"], check_categorical=False)


def test_in_batches_edges(bundled_corpus):
    calls = []
    out = progress.in_batches(bundled_corpus.iloc[:0], lambda b: calls.append(len(b)) or {"t": b}, batch_size=3)
    assert calls == [0] and out["t"].empty
    with pytest.raises(ValueError, match="at least 1"):
        progress.in_batches(bundled_corpus, lambda b: {}, batch_size=0)


def test_progress_off_during_a_build(monkeypatch):
    monkeypatch.setenv(progress.BUILD_ENV, "1")
    assert not progress.interactive()
    assert progress.progress_bar(10, "x").disable
    monkeypatch.delenv(progress.BUILD_ENV)
    assert not progress.progress_bar(10, "x").disable
    assert progress.progress_bar(10, "x", enabled=False).disable

"""Example texts run through :func:`borderlines.cited_figures.extract_figures`, cut to what
an example table expects.

An expected value is either

* a list of row dicts: every figure of the text, in order, cut to the dicts' columns
  (``[]``: the text holds no figure); or
* a dict ``{surface part: {column: value}}``: for each key, the one figure whose
  ``surface`` contains it, cut to those columns.

Floats are compared to 9 decimals and NaN equals NaN, so ``1 / 3`` and ``math.nan``
can be written as such in a table.

The test files of this folder import it as ``cited_rows`` (pytest's default import mode
puts a test file's folder on ``sys.path``; the folder has no ``__init__.py``, so module
names in ``tests/`` must be unique).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from conftest import make_corpus

from borderlines.cited_figures import extract_figures

DATE = "2019-03-28"


def figures_of(text: str, date: str = DATE) -> pd.DataFrame:
    """The figures of one article with ``text`` published on ``date`` (``FIGURE_COLUMNS``)."""
    return extract_figures(make_corpus([{"doc_id": "t1", "text": text, "date": date}]))


def _cell(value):
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else round(value, 9)
    return value


def _cut(row: pd.Series, columns) -> dict:
    return {c: _cell(row[c]) for c in columns}


def _normal(expected):
    if isinstance(expected, list):
        return [{c: _cell(v) for c, v in row.items()} for row in expected]
    return {key: {c: _cell(v) for c, v in cols.items()} for key, cols in expected.items()}


def figure_rows(text: str, expected, date: str = DATE) -> tuple[object, object]:
    """``(got, want)``: the figures of ``text`` (published on ``date``) in the shape of
    ``expected`` and ``expected`` with its floats rounded alike; a test asserts
    ``got == want``. When a surface part matches no figure or several, ``got`` holds
    the surfaces found instead of the row."""
    figures = figures_of(text, date)
    if isinstance(expected, list):
        columns = list(dict.fromkeys(c for row in expected for c in row))
        return [_cut(row, columns) for _, row in figures.iterrows()], _normal(expected)
    got = {}
    for part, columns in expected.items():
        hit = figures[figures["surface"].str.contains(part, regex=False)]
        got[part] = _cut(hit.iloc[0], columns) if len(hit) == 1 else {"surfaces": figures["surface"].tolist()}
    return got, _normal(expected)

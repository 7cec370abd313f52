"""What the quote rule tests share: a one-article corpus built with the library's own
constructor (``make_corpus``) run through the public entry point
(:func:`borderlines.quotes.extract_quotes`), and the rows an example names, cut to the
columns it states, so that each rule module's tests are tables of (text, expected rows).

An expected row is ``row(quote, column=value, ...)``: the row whose ``quote`` is that
text, with the columns that matter. Two columns are compared as written in the table:
``flags`` as the set of flag names (``{"split_quote"}``; ``set()`` for none) and ``group``
as a number counted from 0 in order of first appearance among the named rows (so two rows
with ``group=0`` are parts of one quotation, and ``group=1`` is another).

Test files import it by name (``from quote_examples import ...``): pytest's default
(prepend) import mode puts this folder, which has no ``__init__.py``, on ``sys.path``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from borderlines.quotes import extract_quotes
from conftest import make_corpus

# Canonical names of the bundled actors table (data/actors.csv) the examples expect.
TRUMP, NIELSEN, AMLO = "Donald Trump", "Kirstjen Nielsen", "Andrés Manuel López Obrador"
EBRARD, POMPEO, BROWN = "Marcelo Ebrard", "Mike Pompeo", "Theresa C. Brown"

#: An actors table listing no one: the speakers must come from the text alone.
NO_ACTORS = pd.DataFrame(columns=["name", "aliases", "role", "country"])


def quotes_of(text: str, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """``extract_quotes`` of a corpus of one article holding ``text`` (``actors``: default
    the bundled ``data/actors.csv``; :data:`NO_ACTORS` for none)."""
    return extract_quotes(make_corpus([{"doc_id": "t1", "text": text}]), actors=actors)


def row(quote: str, **columns) -> dict:
    """An expected row: the quote's text and the values of the columns that matter."""
    return {"quote": quote, **columns}


def _value(found: pd.Series, column: str, groups: dict[int, int]):
    if column == "flags":
        return set(filter(None, found["flags"].split("|")))
    if column == "group":
        return groups[found["group"]]
    return found[column]


def rows_named(quotes: pd.DataFrame, expected: Sequence[dict]) -> list[dict]:
    """Every row of ``quotes`` whose quote an expected row names, in text order, cut to the
    columns that expected row gives: equal to ``expected`` when each named quote was
    found once with the values given."""
    columns = {e["quote"]: list(e) for e in expected}
    found = quotes[quotes["quote"].isin(columns)]
    groups = {g: i for i, g in enumerate(dict.fromkeys(found["group"].tolist()))}
    return [{c: _value(f, c, groups) for c in columns[f["quote"]]} for _, f in found.iterrows()]


def rows_of(quotes: pd.DataFrame, columns: Sequence[str], kinds: Sequence[str] | None = None) -> list[tuple]:
    """Every row of ``quotes`` (of ``kinds``, default all) as a tuple of ``columns``, in
    text order: for examples that list all the rows a text gives."""
    if kinds is not None:
        quotes = quotes[quotes["kind"].isin(kinds)]
    groups = {g: i for i, g in enumerate(dict.fromkeys(quotes["group"].tolist()))}
    return [tuple(_value(f, c, groups) for c in columns) for _, f in quotes.iterrows()]

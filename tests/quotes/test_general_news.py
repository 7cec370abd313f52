"""Attribution in the forms news copy in general uses, on sentences written for these
tests (no actor table): each rule as a table of (text, expected rows)."""

from __future__ import annotations

import pandas as pd
import pytest

from borderlines.quotes import extract_quotes
from conftest import make_corpus

NO_ACTORS = pd.DataFrame(columns=["name", "aliases", "role", "country"])


def quotes_of(text: str) -> pd.DataFrame:
    return extract_quotes(make_corpus([{"doc_id": "g1", "text": text}]), actors=NO_ACTORS)


def rows_of(text: str, kind: str) -> list[tuple[str, str]]:
    """(quote, speaker_mention) of the rows of ``kind``, in order."""
    q = quotes_of(text)
    q = q[q["kind"] == kind]
    return list(zip(q["quote"], q["speaker_mention"]))


# A relative clause between the speaker and the verb: its words are not the speaker.
RELATIVE_CLAUSE = [
    ("Dana Kolb, who chairs the Zoning Commission, said the vote would wait until June.",
     [("the vote would wait until June", "Dana Kolb")]),
    ("The county manager, who oversees the voter rolls, said the count would finish Friday.",
     [("the count would finish Friday", "The county manager")]),
    ("Ana Pell, who sued the Port Authority in 2019, told reporters the cranes were unsafe.",
     [("the cranes were unsafe", "Ana Pell")]),
]


@pytest.mark.parametrize("text, expected", RELATIVE_CLAUSE)
def test_a_relative_clause_does_not_speak(text, expected):
    assert rows_of(text, "indirect") == expected

"""Roles and countries the text gives a speaker (borderlines.quotes.roles): titles,
nationalities, appositives and party labels, held for the later surname and pronoun;
``unknown`` and no country when the words do not say."""

from __future__ import annotations

import pytest

from quote_examples import NO_ACTORS, quotes_of, row, rows_named

# (text, rows named by their quote: role and country), with no actors listed
ROLES_FROM_THE_TEXT = [
    pytest.param("“The levee held,” said Rep. Lara Quist (D-Vt.).",
                 [row("The levee held", role="us_congress_or_state", country="US")], id="party-label"),
    pytest.param("“We will not sign,” Honduran Foreign Minister Rosa Ipiña said.",
                 [row("We will not sign", role="central_america_government", country="Honduras")],
                 id="nationality-and-title"),
    pytest.param("“Crossings fell,” said Tomas Reyes, an analyst at the Harbor Institute.",
                 [row("Crossings fell", role="expert_or_ngo", country="")], id="appositive-job"),
    # the role stated once holds for the later surname and pronoun
    pytest.param("Mexican Interior Secretary Ines Varga met the governors. “The plan stands,” Varga said. “It "
                 "is final,” she added.",
                 [row("It is final", role="mexico_government", country="Mexico")],
                 id="stated-once-holds-for-surname-and-pronoun"),
    # nothing in the text places her: unknown, never a default
    pytest.param("“I sell bread here,” said Ana Roe.",
                 [row("I sell bread here", role="unknown", country="")], id="nothing-places-her"),
]


@pytest.mark.parametrize("text, expected", ROLES_FROM_THE_TEXT)
def test_role_and_country_from_the_text(text, expected):
    assert rows_named(quotes_of(text, actors=NO_ACTORS), expected) == expected

"""One output row (borderlines.quotes.rows): the confidence of an attribution follows its
path (a name is surer than a title, a surname, a pronoun, an institution) and each warning
flag lowers it."""

from __future__ import annotations

import pytest

from borderlines.quotes import METHOD_CONFIDENCE
from quote_examples import quotes_of

# (text, quote, what its confidence is below: a number, or another quote of the same text)
LOWERED = [
    pytest.param("“We will not pay for the wall,” Ebrard said. “Never. Not now.”", "Never. Not now.",
                 "We will not pay for the wall", id="second-part-of-a-split-quotation"),
    pytest.param("“We will see,” he said.", "We will see", METHOD_CONFIDENCE["pronoun"], id="unresolved-pronoun"),
    pytest.param("Ebrard said “the talks will continue next week and beyond\n\n"
                 "The meeting ended at noon. “We are done,” Pompeo said.",
                 "the talks will continue next week and beyond", METHOD_CONFIDENCE["surname"],
                 id="unclosed-quotation"),
]


@pytest.mark.parametrize("text, quote, below", LOWERED)
def test_flags_lower_the_confidence(text, quote, below):
    q = quotes_of(text)

    def confidence_of(words: str) -> float:
        found = q.loc[q["quote"] == words, "confidence"]
        assert len(found) == 1, f"{words!r} not found once in {list(q['quote'])}"
        return found.iloc[0]

    assert confidence_of(quote) < (below if isinstance(below, float) else confidence_of(below))


def test_confidence_follows_the_attribution_path():
    c = METHOD_CONFIDENCE
    assert c["name"] > c["title_name"] > c["surname"] > c["pronoun"] > c["institution"] > c["none"] == 0


# (text, expected): the words before the end of the text that describe whoever follows,
# up to three, each followed by spaces or tabs; the window is the last 50 characters.
DESCRIBED_BEFORE = [
    pytest.param("Then the port's acting harbor master ", "acting harbor master ", id="three-words"),
    pytest.param("Asked twice, deputy mayor ", "deputy mayor ", id="stops-at-a-comma"),
    pytest.param("in a letter.\tveteran  pilot\t", "letter.\tveteran  pilot\t", id="tabs-and-double-spaces"),
    pytest.param("nothing before the name", None, id="no-space-before-the-end"),
    pytest.param("", None, id="empty"),
    pytest.param("the ferry line's new chief \n", "line's new chief ", id="end-before-a-final-newline"),
    pytest.param("x" * 45 + " tailing ", "tailing ", id="a-word-cut-by-the-window-is-left-out"),
    pytest.param("y" * 47 + " a b ", "a b ", id="window-starting-at-a-space"),
]


@pytest.mark.parametrize("text, expected", DESCRIBED_BEFORE)
def test_description_before_matches_its_regex(text, expected):
    from borderlines.quotes.rows import _DESCRIPTION_BEFORE_RE, _description_before
    lo, hi = max(0, len(text) - 50), len(text)
    found = _DESCRIPTION_BEFORE_RE.search(text, lo, hi)
    assert _description_before(text, lo, hi) == (found.group() if found else None) == expected

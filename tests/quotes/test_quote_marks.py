"""Quotation marks (borderlines.quotes.marks): marks paired into quotations (curly,
straight, mixed, two apostrophes; nested, unclosed, continued across paragraphs or hard
line breaks), and a quoted clause (``direct``) told from a woven-in phrase (``partial``)
and from a quoted name or scare quote (``term``)."""

from __future__ import annotations

import pytest

from quote_examples import EBRARD, NO_ACTORS, POMPEO, TRUMP, quotes_of, row, rows_named, rows_of

# (text, rows named by their quote), with the bundled actors table
MARKED = [
    pytest.param("Trump called the deal “the best ever” on Monday. Critics used the words “a disaster.”",
                 [row("the best ever", kind="partial", speaker=TRUMP)],
                 id="partial-phrase-in-the-reporters-sentence"),
    pytest.param("The policy, known as “Remain in Mexico,” began in 2019.",
                 [row("Remain in Mexico", kind="term", speaker="", method="none", confidence=0.0)],
                 id="unattributed-term"),
    pytest.param('“We will close <img src="x"> the border,” Ebrard said.',
                 [row('We will close <img src="x"> the border', speaker=EBRARD)], id="markup-inside-a-quote"),
    pytest.param('Pompeo said: "We are very pleased with the progress."\n\n'
                 '"We are very pleased,” Pompeo said. “It is a start."',
                 [row("We are very pleased with the progress.", flags=set()),
                  row("We are very pleased", speaker=POMPEO, flags={"mixed_marks"}),
                  row("It is a start.", speaker=POMPEO, flags={"mixed_marks", "split_quote"})],
                 id="straight-and-mixed-marks"),
    pytest.param("“This never closes, Ebrard said in Mexico City.\n\nThe reporter goes on.",
                 [row("This never closes", speaker=EBRARD, flags={"unclosed_quote"})],
                 id="unclosed-quote-ends-before-its-own-attribution"),
    pytest.param("“The first one never closes. Then Ebrard said “the second one does,” and left.",
                 [row("The first one never closes.", flags={"unclosed_quote"}),
                  row("the second one does", speaker=EBRARD)],
                 id="unclosed-quote-met-by-another-opening-mark"),
    pytest.param("Ebrard said: “The first paragraph of a long statement.\n\n"
                 "“The second paragraph ends it,” he added.\n\nThen he left.",
                 [row("The first paragraph of a long statement.", speaker=EBRARD, flags={"continues_paragraph"},
                      group=0, paragraph=0),
                  row("The second paragraph ends it", speaker=EBRARD, flags={"continued_quote"}, group=0,
                      paragraph=1)],
                 id="quote-continuing-into-the-next-paragraph"),
]


@pytest.mark.parametrize("text, expected", MARKED)
def test_quotation_marks(text, expected):
    assert rows_named(quotes_of(text), expected) == expected


# (text, every row it gives as (kind, quote, speaker, flags)), with the bundled actors table
ALL_ROWS = [
    pytest.param("“", [], id="a-lone-opening-mark"),
    pytest.param("“” and \"\" and “ ”", [], id="empty-pairs"),
    pytest.param("A lone ” closing mark.", [], id="a-lone-closing-mark"),
    pytest.param("“one “two “three",
                 [("term", "one", "", {"unclosed_quote"}), ("term", "two", "", {"unclosed_quote"}),
                  ("term", "three", "", {"unclosed_quote"})], id="opening-marks-only"),
    pytest.param('The fence is 6" wide and 30 feet tall.', [], id="straight-mark-inside-a-measure"),
    pytest.param("“They told us, ‘Go back home,’ and we did,” said Adam Isacson.",
                 [("direct", "They told us, ‘Go back home,’ and we did", "Adam Isacson", {"nested_quote"})],
                 id="nested-single-quotes-stay-inside"),
    pytest.param('“He told me "no" twice,” Ebrard said.',
                 [("direct", 'He told me "no" twice', EBRARD, set())], id="nested-quote-of-the-other-style"),
    pytest.param("Ebrard said “the talks will continue next week and beyond\n\n"
                 "The meeting ended at noon. “We are done,” Pompeo said.",
                 [("direct", "the talks will continue next week and beyond", EBRARD, {"unclosed_quote"}),
                  ("direct", "We are done", POMPEO, set())], id="unclosed-quote-stops-at-the-paragraph-end"),
    pytest.param("“Mexico will do its part.\n\n“We will not accept a safe third country,” Ebrard said.",
                 [("direct", "Mexico will do its part.", EBRARD, {"continues_paragraph"}),
                  ("direct", "We will not accept a safe third country", EBRARD, {"continued_quote"})],
                 id="attribution-at-the-end-of-a-multi-paragraph-quote"),
    pytest.param("“Line one of the quote\nand line two,” Ebrard said.",
                 [("direct", "Line one of the quote", EBRARD, {"continues_paragraph"}),
                  ("direct", "and line two", EBRARD, {"continued_quote"})],
                 id="hard-wrapped-quote-continues-without-an-opening-mark"),
]


@pytest.mark.parametrize("text, expected", ALL_ROWS)
def test_every_quotation_a_text_gives(text, expected):
    assert rows_of(quotes_of(text), ["kind", "quote", "speaker", "flags"]) == expected


# (text, rows named by their quote), with no actors listed: names, titles and scare quotes
# are nobody's words; unusual marks still pair
TEXT_ONLY = [
    pytest.param("The ministry ended the “Stay Home” program in March.",
                 [row("Stay Home", kind="term", speaker="")], id="program-name"),
    pytest.param("Critics mocked the so-called “iron wall” along the river.",
                 [row("iron wall", kind="term", speaker="")], id="so-called"),
    pytest.param("She appeared on “Good Morning Lakeside” twice last week.",
                 [row("Good Morning Lakeside", kind="term", speaker="")], id="show-title"),
    pytest.param("The word on the docks was “strike.”", [row("strike.", kind="term", speaker="")],
                 id="a-word-as-a-word"),
    pytest.param("Dockworkers shouted over each other. (CROSSTALK.) “(CROSSTALK.)”",
                 [row("(CROSSTALK.)", kind="term", speaker="")], id="transcript-noise"),
    # a quotation within a quotation written with the same marks, then a signature
    pytest.param("“I would rather live in what he calls “hell” than in his town.” ― Mira Tovar\n\n"
                 "More letters came.",
                 [row("I would rather live in what he calls “hell” than in his town.", kind="direct",
                      speaker="Mira Tovar", speaker_mention="Mira Tovar")], id="same-marks-nested"),
    # two apostrophes as quotation marks, as some newswire archives write them
    pytest.param("''We raised the tolls twice,'' Mr. Lindqvist said.",
                 [row("We raised the tolls twice", kind="direct", speaker="Lindqvist",
                      speaker_mention="Mr. Lindqvist")], id="two-apostrophes-direct"),
    pytest.param("The levy ''is a blunt instrument,'' said Ms. Okafor.",
                 [row("is a blunt instrument", kind="partial", speaker="Okafor", speaker_mention="Ms. Okafor")],
                 id="two-apostrophes-partial"),
]


@pytest.mark.parametrize("text, expected", TEXT_ONLY)
def test_quotation_marks_without_actors(text, expected):
    assert rows_named(quotes_of(text, actors=NO_ACTORS), expected) == expected

"""Coreference within an article (borderlines.quotes.coreference): pronouns, titles alone
("the president", "the senator"), nominals ("the agency") and descriptions ("the Lakeside
governor") resolved to the nearest fitting earlier mention; the writer's own "we" resolved
to no one."""

from __future__ import annotations

import pytest

from quote_examples import EBRARD, NIELSEN, NO_ACTORS, TRUMP, quotes_of, row, rows_named, rows_of

# (text, rows named by their quote), with the bundled actors table
RESOLVED = [
    pytest.param("Nielsen met Ebrard in Washington on Tuesday.\n\n“We made progress,” he said.",
                 [row("We made progress", speaker=EBRARD)], id="he-is-the-man"),
    pytest.param("Ebrard met Nielsen in Washington on Tuesday.\n\n“We made progress,” she said.",
                 [row("We made progress", speaker=NIELSEN, method="pronoun")], id="she-is-the-woman"),
    pytest.param("“We will see,” he said.",
                 [row("We will see", speaker="", method="pronoun", flags={"unresolved_pronoun"})],
                 id="unresolved-pronoun-is-flagged"),
    pytest.param("President Donald Trump met Mexican President Andres Manuel Lopez Obrador. Trump spoke "
                 "first and Lopez Obrador replied. Trump left.\n\n"
                 "“The caravan is a disgrace,” the president wrote on Twitter.",
                 [row("The caravan is a disgrace", speaker=TRUMP, speaker_mention="the president")],
                 id="a-title-alone-is-its-most-mentioned-holder"),
    pytest.param("“We are ready,” said Blinken, the secretary of state. Mayorkas agreed. "
                 "“So are we,” he said.",
                 [row("So are we", speaker="Alejandro N. Mayorkas")],
                 id="pronoun-after-reported-words-prefers-the-new-subject"),
]


@pytest.mark.parametrize("text, expected", RESOLVED)
def test_references(text, expected):
    assert rows_named(quotes_of(text), expected) == expected


# (text, every row it gives as (kind, quote, speaker)), with the bundled actors table
RESOLVED_ALL = [
    pytest.param("Ebrard told reporters that Trump joined the meeting. Trump did not renew the threat "
                 "of tariffs, he said. “We are satisfied,” he added.",
                 [("indirect", "Trump joined the meeting", EBRARD),
                  ("indirect", "Trump did not renew the threat of tariffs", EBRARD),
                  ("direct", "We are satisfied", EBRARD)],
                 id="pronoun-after-reported-words-is-the-last-speaker"),
    pytest.param("The U.N. refugee agency said in a statement that the caravan was dispersing. "
                 "It had about 5,000 people, the agency said.",
                 [("indirect", "the caravan was dispersing", "UNHCR"),
                  ("indirect", "It had about 5,000 people", "UNHCR")],
                 id="nominal-is-the-last-matching-institution"),
]


@pytest.mark.parametrize("text, expected", RESOLVED_ALL)
def test_every_row_of_resolved_references(text, expected):
    assert rows_of(quotes_of(text), ["kind", "quote", "speaker"]) == expected


# (text, rows named by their quote), with no actors listed: a description ("the Lakeside
# governor", "the senator") is the person the article named earlier with that title;
# nobody when no one was
RESOLVED_IN_THE_TEXT = [
    pytest.param("Gov. Ana Roe signed the bill on Monday. Critics were loud. The Lakeside governor said the "
                 "levy would stay.",
                 [row("the levy would stay", kind="indirect", speaker="Ana Roe")],
                 id="title-alone-is-the-person-named-earlier-with-that-title"),
    pytest.param("Sen. Dana Kolb spoke first. “We will win,” the senator said.",
                 [row("We will win", kind="direct", speaker="Dana Kolb")], id="the-senator"),
    pytest.param("Mayor Ines Varga and Gov. Ana Roe met. “The bridge stays shut,” the mayor said.",
                 [row("The bridge stays shut", kind="direct", speaker="Ines Varga")],
                 id="the-mayor-not-the-governor"),
    pytest.param("Ana Roe signed the bill. The Lakeside governor said the levy would stay.",
                 [row("the levy would stay", kind="indirect", speaker="Lakeside governor")],
                 id="no-one-named-earlier-with-that-title"),
    # a title in apposition is the name before it
    pytest.param("Ana Roe, the mayor of Lakeside, told the Harbor Herald that the pier would reopen in May.",
                 [row("the pier would reopen in May", kind="indirect", speaker="Ana Roe")],
                 id="title-in-apposition-is-the-name-before-it"),
    # the writer speaking of themselves: a mention resolved to no one
    pytest.param("We asked whether the pier would reopen.",
                 [row("whether the pier would reopen", kind="indirect", speaker_mention="We", speaker="")],
                 id="the-writer-alone"),
    pytest.param("Kolb spoke first. We asked whether the pier would reopen.",
                 [row("whether the pier would reopen", kind="indirect", speaker_mention="We", speaker="")],
                 id="the-writer-after-a-named-speaker"),
]


@pytest.mark.parametrize("text, expected", RESOLVED_IN_THE_TEXT)
def test_references_without_actors(text, expected):
    assert rows_named(quotes_of(text, actors=NO_ACTORS), expected) == expected

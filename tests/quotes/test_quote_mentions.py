"""Who may speak (borderlines.quotes.mentions): institutions and their spokespeople,
officials, groups of people ("police said", "six of 10 voters say"), described speakers
("the city of Lakeside", "aides to the mayor") and relative pronouns that speak ("dock
workers who said")."""

from __future__ import annotations

import pytest

from quote_examples import NO_ACTORS, quotes_of, row, rows_named

# (text, rows named by their quote), with the bundled actors table
MENTIONED = [
    pytest.param("“We reject the proposal,” the Mexican Foreign Ministry said in a statement. "
                 "“It is unacceptable,” it added.\n\n"
                 "“The measures are temporary,” the Foreign Ministry of Guatemala said.",
                 [row("We reject the proposal", speaker="Mexico's Foreign Ministry", method="institution",
                      role="mexico_government"),
                  row("It is unacceptable", speaker="Mexico's Foreign Ministry", method="pronoun"),
                  # unlisted, but the text places it: a ministry of Guatemala (issue 12: roles from the text)
                  row("The measures are temporary", speaker="Foreign Ministry of Guatemala",
                      role="central_america_government", country="Guatemala", method="institution")],
                 id="institutions-and-it"),
    pytest.param("“We are working on it,” a White House spokesman said. "
                 "“No comment,” said a spokeswoman for the Mexican Foreign Ministry. "
                 "“We have to be careful,” a senior administration official said. "
                 "“We will see,” one official said.",
                 [row("We are working on it", speaker="White House"),
                  row("No comment", speaker="Mexico's Foreign Ministry"),
                  row("We have to be careful", speaker="U.S. officials"),
                  row("We will see", speaker="official", role="unknown", method="institution")],
                 id="spokespeople-and-officials-speak-for-their-institution"),
]


@pytest.mark.parametrize("text, expected", MENTIONED)
def test_mentions(text, expected):
    assert rows_named(quotes_of(text), expected) == expected


# (text, rows named by their quote), with no actors listed
MENTIONED_IN_THE_TEXT = [
    # people speaking as a group, with a count or a clause first
    pytest.param("The ferry captain who hit the pier was not carrying a radio, police said.",
                 [row("The ferry captain who hit the pier was not carrying a radio", kind="indirect",
                      speaker="police")], id="the-ferry-captain-who-hit-the-pier"),
    pytest.param("Nearly six of 10 voters say they expect a worse harvest this year.",
                 [row("they expect a worse harvest this year", kind="indirect", speaker="voters")],
                 id="nearly-six-of-10-voters-say-they"),
    pytest.param("Residents of the valley say the new road has doubled traffic past the school.",
                 [row("the new road has doubled traffic past the school", kind="indirect", speaker="residents")],
                 id="residents-of-the-valley-say-the-new"),
    # two groups speaking together
    pytest.param("Farmers and truckers say the toll is unfair.",
                 [row("the toll is unfair", kind="indirect", speaker="Farmers and truckers")],
                 id="farmers-and-truckers-say-the-toll-is"),
    # who speaks: "the city of X" (not X), a plain noun phrase opening a headline, a plural
    # noun before a relative clause
    pytest.param("The city of Lakeside is demanding that the ferry company stop using the logo.",
                 [row("the ferry company stop using the logo", kind="indirect", speaker="city of Lakeside")],
                 id="the-city-of-lakeside-is-demanding-that"),
    pytest.param("Former harbor chief says the pier is unsafe",
                 [row("the pier is unsafe", kind="indirect", speaker="Former harbor chief")],
                 id="former-harbor-chief-says-the-pier-is"),
    pytest.param("He met with dock workers who said they had not been paid.",
                 [row("they had not been paid", kind="indirect", speaker="dock workers")],
                 id="he-met-with-dock-workers-who-said"),
    pytest.param("The toll angered farmers, many of whom say the levy is unfair.",
                 [row("the levy is unfair", kind="indirect", speaker="farmers")],
                 id="the-toll-angered-farmers-many-of-whom"),
    # a body named in an appositive ("a member of X") is not the speaker; the name before it is
    pytest.param("Ana Pell, the mayor of Lakeside, a member of the Harbor Council, said the pier is old.",
                 [row("the pier is old", kind="indirect", speaker="Ana Pell")],
                 id="ana-pell-the-mayor-of-lakeside-a"),
    pytest.param("The office of the Harbor Council said the pier is old.",
                 [row("the pier is old", kind="indirect", speaker="Harbor Council")],
                 id="the-office-of-the-harbor-council-said"),
    # a group noun modifying a noun ("police videos") speaks for no one
    pytest.param('Harbor chair Ana Roe chimed in on the radio, saying that Tulsa officials should release the '
                 'police videos "without delay." Roe plans to visit Tulsa.',
                 [row("without delay.", speaker="Ana Roe")], id="group-noun-modifying-a-noun"),
]


@pytest.mark.parametrize("text, expected", MENTIONED_IN_THE_TEXT)
def test_mentions_without_actors(text, expected):
    assert rows_named(quotes_of(text, actors=NO_ACTORS), expected) == expected

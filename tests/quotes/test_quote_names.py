"""Names in the text (borderlines.quotes.names): a capitalized run trimmed to the name it
holds, the title or description before a name, a surname resolved to the full name the
article gave (or marked ambiguous when two people share it), described speakers ("the
Ohio grain trader"), and unlisted people kept under the name the text gives them."""

from __future__ import annotations

import pytest

from quote_examples import EBRARD, NO_ACTORS, POMPEO, quotes_of, row, rows_named

# (text, rows named by their quote), with the bundled actors table
NAMED = [
    pytest.param("“We will help,” said Marcelo Ebrard. “We will not,” said Secretary of State Mike Pompeo.",
                 [row("We will help", speaker=EBRARD, method="name"),
                  row("We will not", speaker=POMPEO, method="title_name",
                      speaker_mention="Secretary of State Mike Pompeo")], id="full-name-and-title-name"),
    pytest.param("“We need a wall,” Stephen Miller said.",
                 [row("We need a wall", speaker="Stephen Miller", role="unknown")],
                 id="a-listed-surname-after-an-unknown-first-name-is-someone-else"),
    pytest.param("Adam Isacson, a security analyst at the Washington Office on Latin America, said "
                 "“Mexico is not East Germany.”\n\n"
                 "“The border is closed,” said Maria Gonzalez, a shelter director in Tijuana.",
                 [row("Mexico is not East Germany.", speaker="Adam Isacson", method="appositive"),
                  row("The border is closed", speaker="Maria Gonzalez", method="appositive", role="unknown",
                      country="")], id="appositive-speakers-listed-and-unlisted"),
    pytest.param("Gov. Jane Smith of Arizona said the state would sue. “We will win in court,” Smith said. "
                 "“We will appeal,” Smith added.",
                 [row("We will win in court", speaker="Jane Smith", role="unknown", method="surname")],
                 id="unlisted-speaker-kept-under-the-name-the-text-gives"),
]


@pytest.mark.parametrize("text, expected", NAMED)
def test_names(text, expected):
    assert rows_named(quotes_of(text), expected) == expected


# (text, rows named by their quote), with no actors listed: every speaker is named in the
# text itself (invented people, places and bodies)
NAMED_IN_THE_TEXT = [
    # titles, party labels and descriptions between the name and the verb
    pytest.param("“The vote is done,” Senate Minority Whip Dana Kolb, D-Ore., said Tuesday.",
                 [row("The vote is done", kind="direct", speaker="Dana Kolb",
                      speaker_mention="Senate Minority Whip Dana Kolb")],
                 id="title-and-party-label-before-the-verb"),
    pytest.param("“The ledger is wrong,” Rep. Lara Quist (D-Vt.) said.",
                 [row("The ledger is wrong", kind="direct", speaker="Lara Quist",
                      speaker_mention="Rep. Lara Quist")], id="title-and-party-in-parentheses"),
    pytest.param("“Stock up on water,” said 9/11 widow Ana Roe.",
                 [row("Stock up on water", kind="direct", speaker="Ana Roe", speaker_mention="Ana Roe")],
                 id="description-before-the-name"),
    pytest.param('"We are pleased with the ruling," Acme lawyer Mark Pell said.',
                 [row("We are pleased with the ruling", kind="direct", speaker="Mark Pell",
                      speaker_mention="Mark Pell")], id="employer-and-job-before-the-name"),
    # a surname is the full name given earlier in the article
    pytest.param("Harbor chief Lena Marsh toured the docks. “The cranes are too old,” Marsh said.",
                 [row("The cranes are too old", kind="direct", speaker="Lena Marsh", speaker_mention="Marsh")],
                 id="surname-is-the-full-name-given-earlier"),
    # organizations and described speakers
    pytest.param("The tide tables are “badly out of date,” the Coastal Herald reported.",
                 [row("badly out of date", kind="partial", speaker="Coastal Herald",
                      speaker_mention="Coastal Herald")], id="news-organization"),
    pytest.param("“Prices will fall,” the Ohio grain trader said.",
                 [row("Prices will fall", kind="direct", speaker="Ohio grain trader",
                      speaker_mention="the Ohio grain trader")], id="described-speaker"),
    pytest.param("“The levy is void,” said the ruling.",
                 [row("The levy is void", kind="direct", speaker="ruling", speaker_mention="the ruling")],
                 id="a-document-as-speaker"),
    # two appositives in a row between the name and the verb
    pytest.param("“The rule is an invasion of the state’s domain,” Ana Pruett, the attorney general of "
                 "Lakeland, one of the states suing the agency, said at an event.",
                 [row("The rule is an invasion of the state’s domain", kind="direct", speaker="Ana Pruett",
                      speaker_mention="Ana Pruett")], id="two-appositives"),
    # one person described by two roles
    pytest.param("Ana Roe spoke in May. The former harbor chief and state senator said she wanted to speak "
                 '"directly to farmers" about the levy.',
                 [row("directly to farmers", kind="partial", speaker="former harbor chief and state senator",
                      speaker_mention="The former harbor chief and state senator")], id="one-person-two-roles"),
    pytest.param("Ana Roe spoke. On the “Morning Show,” the former secretary of state and current Lakeland "
                 'governor said it was "a mistake" to close the pier.',
                 [row("a mistake", kind="partial",
                      speaker="former secretary of state and current Lakeland governor",
                      speaker_mention="the former secretary of state and current Lakeland governor")],
                 id="one-person-two-roles-after-a-show"),
    # a full stop ends a name
    pytest.param("The lead is “the same as in May,” reported Reuters. "
                 "Police say they have “enough officers.”",
                 [row("the same as in May", speaker="Reuters")], id="a-full-stop-ends-a-name"),
    # a surname two people share is the name as written, marked ambiguous
    pytest.param("Nora Pell and Ivo Pell run the mill. “Wages will rise,” Pell said.\n\n"
                 "Mayor Ana Roe agreed. “Good,” Roe said.",
                 [row("Wages will rise", speaker="Pell", ambiguous=True, speaker_source="text"),
                  row("Good", speaker="Ana Roe", ambiguous=False, speaker_source="text")],
                 id="ambiguous-surname"),
]


@pytest.mark.parametrize("text, expected", NAMED_IN_THE_TEXT)
def test_names_without_actors(text, expected):
    assert rows_named(quotes_of(text, actors=NO_ACTORS), expected) == expected

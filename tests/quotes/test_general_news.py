"""Attribution in the forms news copy in general uses, on sentences written for these
tests (no actor table): each rule as a table of (text, expected rows)."""

from __future__ import annotations

import pytest

from quote_examples import NO_ACTORS, quotes_of


def rows_of(text: str, kind: str) -> list[tuple[str, str]]:
    """(quote, speaker_mention) of the rows of ``kind``, in order, with no actor table."""
    q = quotes_of(text, NO_ACTORS)
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


# Poll findings and groups counted in numbers speak as their subject, after an opening
# phrase too; a list of names before the subject is not an opening phrase.
SUBJECTS = [
    ("Only 41 percent of bus riders said the buses run on time.",
     [("the buses run on time", "Only 41 percent of bus riders")]),
    ("However, 63 percent said the new tolls were fair to commuters.",
     [("the new tolls were fair to commuters", "63 percent")]),
    ("In Ohio, most school nurses said the new rules came too late.",
     [("the new rules came too late", "most school nurses")]),
    ("Pressing for a recount, the losing candidates said the machines had jammed twice.",
     [("the machines had jammed twice", "the losing candidates")]),
]


# "according to X" after the reported clause, set off by a comma or a dash.
ACCORDING = [
    ("Most of the new shelters are still empty — according to the county housing office.",
     [("Most of the new shelters are still empty", "the county housing office")]),
    ("Most of the new shelters are still empty -- according to the county housing office.",
     [("Most of the new shelters are still empty", "the county housing office")]),
    ("Ticket sales doubled in the spring, according to the Lakeside Theater Guild.",
     [("Ticket sales doubled in the spring", "Lakeside Theater Guild")]),
]


# A participle after the main clause ("..., arguing", "by telling") speaks for the
# sentence's subject: names joined by "and", a group described at length.
PARTICIPLES = [
    ("The Courier and the Gazette filed a motion to open the files, arguing the public needed them "
     "to judge the deal.",
     [("the public needed them to judge the deal", "The Courier and the Gazette")]),
    ("Leaders from three coastal towns who have long opposed the dredging have backed the plan, "
     "warning that the harbor could silt up within a decade.",
     [("the harbor could silt up within a decade", "Leaders")]),
    ("Mayor Ana Roe won the room by telling them that the plant would reopen next spring.",
     [("the plant would reopen next spring", "Mayor Ana Roe")]),
    ("The striking nurses marched past the clinic after saying the wards were short of staff.",
     [("the wards were short of staff", "The striking nurses")]),
    ("A New Jersey judge has rejected a request to open the files of the case, saying the courts have "
     "no business judging what voters need.",
     [("the courts have no business judging what voters need", "A New Jersey judge")]),
]


# Documents speak as their subject ("the audit says", "a memo states that"); "states",
# "claims" and "charges" are verbs only before a clause, never in "the states that border".
DOCUMENTS = [
    ("A memo from the treasurer states that the fund will run dry by spring.",
     [("the fund will run dry by spring", "A memo from the treasurer")]),
    ("The union’s complaint to the state labor board says the mill broke the contract twice.",
     [("the mill broke the contract twice", "The union’s complaint to the state labor board")]),
    ("A letter posted on the district website argued that the schools needed more nurses.",
     [("the schools needed more nurses", "A letter posted on the district website")]),
    ("The lawsuit claims that county officials hid the inspection records.",
     [("county officials hid the inspection records", "The lawsuit")]),
    ("Both states that border the lake sued the mill in 2020.", []),
    ("The claims that remain unpaid total $4 million.", []),
]


# "as X put it" attributes the quotation beside it; "put it" alone is no verb of saying.
PUT_IT = [
    ('The fee is, as one city memo put it, "a tax by another name."',
     [("a tax by another name.", "one city memo")]),
    ('The fee is "a tax by another name," as the Harbor Gazette put it in an editorial.',
     [("a tax by another name", "Harbor Gazette")]),
]


@pytest.mark.parametrize("text, expected", PUT_IT)
def test_as_x_put_it(text, expected):
    q = quotes_of(text, NO_ACTORS)
    assert list(zip(q["quote"], q["speaker_mention"])) == expected


def test_put_it_alone_speaks_for_no_one():
    q = quotes_of('"Closed until June," the clerk put it in the window.', NO_ACTORS)
    assert q["speaker_mention"].fillna("").tolist() == [""]


# A participle set off after the main clause ("..., saying", "..., while chanting") speaks
# for the sentence's subject, not for a name in a clause between.
SET_OFF_PARTICIPLES = [
    ('Mayor Ana Roe was curt when asked about a contractor who said he was never paid, saying, '
     '"He did poor work and I owed him nothing."',
     "He did poor work and I owed him nothing.", "Mayor Ana Roe"),
    ('Small groups of nurses circled the hospital, where the Lakeside Tigers played the Rams, '
     'while chanting, "Staff the wards now."',
     "Staff the wards now.", "Small groups"),
    ('Tenants rallied outside city hall, where Mayor Ana Roe met the board, chanting "No more rent hikes."',
     "No more rent hikes.", "Tenants"),
    ('Supporters of the mayor circled the school board building - where the Lakeside Tigers played the Rams - '
     'while chanting, "Open the pools now."',
     "Open the pools now.", "Supporters"),
]


@pytest.mark.parametrize("text, quote, mention", SET_OFF_PARTICIPLES)
def test_a_set_off_participle_quotes_the_sentence_subject(text, quote, mention):
    q = quotes_of(text, NO_ACTORS)
    assert q.loc[q["quote"] == quote, "speaker_mention"].tolist() == [mention]


def test_reported_speech_ends_where_a_colon_opens_a_quotation():
    text = ('The letter also described the effect it said the levy would have on renters: '
            '"Families will leave the island and the schools will empty," the tenants\' union wrote.')
    indirect = rows_of(text, "indirect")
    assert indirect == [("the levy would have on renters", "it")]
    direct = quotes_of(text, NO_ACTORS).query("kind == 'direct'")
    assert direct["speaker_mention"].tolist() == ["the tenants\' union"]


# A verb after a bare comma reports the clause before it ("..., noted Kolb"); a name set
# off by commas before it is still its subject ("The chairman, Phil Lovas, said").
INVERTED = [
    ("Turnout alone will not change the way voters see the agency, noted the Gazette’s Dana Kolb.",
     [("Turnout alone will not change the way voters see the agency", "Gazette’s Dana Kolb")]),
    ("The county’s party chairman, Tim Osei, said he had not seen the letter.",
     [("he had not seen the letter", "Tim Osei")]),
]


# Subjects joined to the verb in other ways: a floating "all"/"both", a second clause
# after "while"/"but".
JOINED = [
    ("Sens. Ana Roe (D-Ore.) and Lee Park (D-N.J.) both argued that the fees could be waived.",
     [("the fees could be waived", "Lee Park")]),
    ("Only half of the riders liked the new routes, while 73 percent of drivers said the same of the old ones.",
     [("the same of the old ones", "73 percent of drivers")]),
]


# A relative clause speaks for the noun it follows, described ("the state board, which
# contended that") or named before a dash ("Roe — who’s called for"), and reports only
# the words of its own clause.
RELATIVE_SPEAKERS = [
    ("The fine levied by the state board, which contended that the mill polluted the river, is a warning.",
     [("the mill polluted the river", "which")]),
    ("It is now a big issue, with Mayor Ana Roe — who’s called for steep fees on yachts — blasting the plan.",
     [("for steep fees on yachts", "who")]),
    ("The deal came from two port cities, which together vowed to cut emissions by half.",
     [("to cut emissions by half", "which")]),
]


# A verb that carries the verb of saying ("continues to insist", "appeared to suggest"),
# and an aside before "that".
CARRIED = [
    ("Mayor Ana Roe continues to insist, most recently in a radio interview, that the pier will reopen.",
     [("the pier will reopen", "Mayor Ana Roe")]),
    ("Dana Kolb appeared to suggest that the vote could slip to June.",
     [("the vote could slip to June", "Dana Kolb")]),
]


def test_a_conjunction_after_the_closing_mark_opens_a_new_clause():
    # "though she noted" reports its own clause; it does not attribute the quotation before it
    q = quotes_of('Kolb spoke first. "We will not rest," Kolb said, though she noted the pier had reopened.',
                  NO_ACTORS)
    assert rows_of('"We will not rest," though she noted the pier had reopened.', "direct") == [("We will not rest", "")]
    assert list(zip(q["kind"], q["quote"], q["speaker"])) == [
        ("direct", "We will not rest", "Kolb"), ("indirect", "the pier had reopened", "Kolb")]


# A headline's "calls X ‘Y’" characterizes X (single quotation marks stand for double in
# headlines); "calls" stays a noun or an intransitive verb otherwise.
HEADLINE_CALLS = [
    ("Former mayor calls harbor plan ‘a costly mistake’ at town meeting.",
     [("harbor plan ‘a costly mistake’ at town meeting", "Former mayor")]),
    ("Ana Roe Calls Dana Kolb ‘A Liar’ Over Pier Comments.",
     [("Dana Kolb ‘A Liar’ Over Pier Comments", "Ana Roe")]),
    ("The calls to the harbor hotline doubled in May.", []),
]


# "called the X <adjective>" characterizes X like "called X a Y"; other objects do not.
CALLED_ADJECTIVE = [
    ("The campaign called the charges unsubstantiated and fabricated by former staff.",
     [("the charges unsubstantiated and fabricated by former staff", "The campaign")]),
    ("Dana Kolb called the audit false and misleading.", [("the audit false and misleading", "Dana Kolb")]),
    ("Dana Kolb called the meeting early.", []),
    ("The mayor called the hospital in Lakeside.", []),
]


def test_a_relative_pronoun_finds_its_antecedent_in_a_long_article():
    # mentions are found rule by rule: the name before "who" may be far back in that list
    names = ["Ana Pell", "Tim Osei", "Lee Park", "Ines Varga", "Omar Haddad", "Rita Moss", "Carl Dunn",
             "Mia Lopez", "Sam Reyes", "Eva Stone", "Noah Frank"]
    later = " ".join(f"{n} said the port would need {k + 2} new cranes." for k, n in enumerate(names))
    text = ("The crowd cheered Mr. Kolb, who argued that the fees would fall on renters. "
            + later)
    q = quotes_of(text, NO_ACTORS)
    row = q[(q["kind"] == "indirect") & (q["quote"] == "the fees would fall on renters")]
    assert row[["speaker_mention", "speaker"]].values.tolist() == [["who", "Kolb"]]


# Every table of reported speech above: (text, the (quote, speaker mention) rows expected).
REPORTED = {name.lower(): table for name, table in [
    ("RELATIVE_CLAUSE", RELATIVE_CLAUSE),
    ("SUBJECTS", SUBJECTS),
    ("ACCORDING", ACCORDING),
    ("PARTICIPLES", PARTICIPLES),
    ("DOCUMENTS", DOCUMENTS),
    ("INVERTED", INVERTED),
    ("JOINED", JOINED),
    ("RELATIVE_SPEAKERS", RELATIVE_SPEAKERS),
    ("CARRIED", CARRIED),
    ("HEADLINE_CALLS", HEADLINE_CALLS),
    ("CALLED_ADJECTIVE", CALLED_ADJECTIVE),
]}


@pytest.mark.parametrize("text, expected", [pytest.param(text, expected, id=f"{name}-{k}")
                                            for name, table in REPORTED.items()
                                            for k, (text, expected) in enumerate(table)])
def test_reported_speech_in_general_news(text, expected):
    assert rows_of(text, "indirect") == expected

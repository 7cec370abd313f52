"""Speakers found in the text itself, without the actors table (borderlines.quotes).

Every sentence here is written for these tests: invented people, places and bodies, so
that no rule can lean on the bundled actors table.
"""

from __future__ import annotations

import pandas as pd
import pytest

from borderlines.quotes import extract_quotes
from conftest import make_corpus

NO_ACTORS = pd.DataFrame(columns=["name", "aliases", "role", "country"])


def quotes_of(text: str) -> pd.DataFrame:
    return extract_quotes(make_corpus([{"doc_id": "s1", "text": text}]), actors=NO_ACTORS)


def row_of(q: pd.DataFrame, quote: str) -> pd.Series:
    rows = q[q["quote"] == quote]
    assert len(rows) == 1, f"{quote!r} not found once in {list(q['quote'])}"
    return rows.iloc[0]


# (text, quote, expected speaker, expected kind)
QUOTED = [
    # name after the closing mark, bare surname and inverted order
    ("“The ferry will run again by June,” Halvorsen said on Friday.", "The ferry will run again by June",
     "Halvorsen", "direct"),
    ("“We have no money left for the dam,” said Okonkwo.", "We have no money left for the dam", "Okonkwo", "direct"),
    # titles, party labels and appositives between the name and the verb
    ("“The vote is done,” Senate Minority Whip Dana Kolb, D-Ore., said Tuesday.", "The vote is done",
     "Dana Kolb", "direct"),
    ("“The ledger is wrong,” Rep. Lara Quist (D-Vt.) said.", "The ledger is wrong", "Lara Quist", "direct"),
    ("“Stock up on water,” said 9/11 widow Ana Roe.", "Stock up on water", "Ana Roe", "direct"),
    ('"We are pleased with the ruling," Acme lawyer Mark Pell said.', "We are pleased with the ruling",
     "Mark Pell", "direct"),
    # a question or exclamation ends the sentence before a capitalized attribution
    ("“Why should farmers pay twice?” Brandvold asked.", "Why should farmers pay twice?", "Brandvold", "direct"),
    # a surname is the full name given earlier in the article
    ("Harbor chief Lena Marsh toured the docks. “The cranes are too old,” Marsh said.",
     "The cranes are too old", "Lena Marsh", "direct"),
    # organizations and described speakers
    ("The tide tables are “badly out of date,” the Coastal Herald reported.", "badly out of date",
     "Coastal Herald", "partial"),
    ("“Prices will fall,” the Ohio grain trader said.", "Prices will fall", "Ohio grain trader", "direct"),
    # a quotation within a quotation written with the same marks, then a signature
    ("“I would rather live in what he calls “hell” than in his town.” ― Mira Tovar\n\nMore letters came.",
     "I would rather live in what he calls “hell” than in his town.", "Mira Tovar", "direct"),
    # signed quotations and transcript labels
    ("“I moved here for the schools and stayed for the river.” ― Mira Tovar\n\nOther readers wrote in too.",
     "I moved here for the schools and stayed for the river.", "Mira Tovar", "direct"),
    ("Dana Kolb hosts the morning show.\n\n“KOLB: Welcome back to the show, everyone.”",
     "KOLB: Welcome back to the show, everyone.", "Dana Kolb", "direct"),
    # a claim named by its owner's possessive; a full name as the sentence's subject
    ("The agency checked Dana Kolb’s claim that there were “thousands of leaks” in the old pipes.",
     "thousands of leaks", "Dana Kolb", "partial"),
    ("Democratic candidate Ana Roe chimed in on the radio, saying that Lakeside officials should release "
     "the videos \"without delay.\" Roe plans to visit.", "without delay.", "Ana Roe", "partial"),
    ("Secretary General Ban Ki-moon condemned what he called a \"brazen breach\" of the rules.", "brazen breach",
     "Ban Ki-moon", "partial"),
    # two appositives in a row between the name and the verb
    ("“The rule is an invasion of the state’s domain,” Ana Pruett, the attorney general of Lakeland, one of "
     "the states suing the agency, said at an event.", "The rule is an invasion of the state’s domain",
     "Ana Pruett", "direct"),
    # a pronoun after the quotation is the subject opening its sentence; a phrase whose
    # speaker follows its closing mark at once
    ("Democratic Sen. Claire Roe (D-Mo.) scolded him: “The scientists are against you,” she said.",
     "The scientists are against you", "Claire Roe", "direct"),
    # the subject of the sentence a phrase is quoted in
    ("In a statement, Mayor Ines Varga condemned the closure as “reckless and cruel.”", "reckless and cruel.",
     "Ines Varga", "partial"),
    ("Sen. Li Pell (D-Vt.), who lost the race, named the cause: “We ran out of money in May.”",
     "We ran out of money in May.", "Li Pell", "direct"),
    ("In May, Gov. Ana Roe of Lakeland praised Kolb in her address for helping develop \"new and clever ideas.\"",
     "new and clever ideas.", "Ana Roe", "partial"),
    # one person described by two roles
    ("Ana Roe spoke in May. The former harbor chief and state senator said she wanted to speak "
     "\"directly to farmers\" about the levy.", "directly to farmers",
     "former harbor chief and state senator", "partial"),
    ("Ana Roe spoke. On the “Morning Show,” the former secretary of state and current Lakeland governor said "
     "it was \"a mistake\" to close the pier.", "a mistake",
     "former secretary of state and current Lakeland governor", "partial"),
    # whom the words are said of is not the speaker
    ("The Lakeside trader says of Roe, “If she wins, she will sell the pier.”",
     "If she wins, she will sell the pier.", "Lakeside trader", "direct"),
    # the subject past a relative clause; a participle belongs to the sentence's subject
    ("Kolb, who has worked for Mayor Ana Roe since she took office in May, blasted the plan as a “disgrace.”",
     "disgrace.", "Kolb", "partial"),
    ("Dana Kolb spoke Tuesday about the flood in Tulsa, Oklahoma, arguing that the levee “was never inspected.”",
     "was never inspected.", "Dana Kolb", "partial"),
    # "footage of X saying": the participle's subject after "of"
    ("The ad uses footage of Ana Roe asking, “Why aren’t we ahead by now?”", "Why aren’t we ahead by now?",
     "Ana Roe", "direct"),
    # a contraction between the subject and its verb
    ("Ana Roe spoke first. She’s claiming that the count is “a big, big fraud” again.", "a big, big fraud",
     "Ana Roe", "partial"),
    # "claims" after a name is a noun: the quotation is the sentence subject's
    ("FactDesk rated 30% of Harbor claims as “false” or “pants on fire,” against 9% of Valley claims.",
     "pants on fire", "FactDesk", "partial"),
    ("According to Ana Roe, the bridge “will not survive another winter.”", "will not survive another winter.",
     "Ana Roe", "partial"),
    # the attribution in the sentence before, or a paragraph introducing the quotation
    ("The fund is empty, Halvorsen said. “We will ask the state for a loan.”",
     "We will ask the state for a loan.", "Halvorsen", "direct"),
    ("Ana Roe made this remark at the hearing:\n\n“We will not move the market.”", "We will not move the market.",
     "Ana Roe", "direct"),
    ("“The levy is void,” said the ruling.", "The levy is void", "ruling", "direct"),
    # two apostrophes as quotation marks, as some newswire archives write them
    ("''We raised the tolls twice,'' Mr. Lindqvist said.", "We raised the tolls twice", "Lindqvist", "direct"),
    ("The levy ''is a blunt instrument,'' said Ms. Okafor.", "is a blunt instrument", "Okafor", "partial"),
]


@pytest.mark.parametrize("text, quote, speaker, kind", QUOTED)
def test_quoted_speaker_named_in_the_text(text, quote, speaker, kind):
    row = row_of(quotes_of(text), quote)
    assert (row["speaker"], row["kind"]) == (speaker, kind)
    assert row["speaker_start"] >= 0


# (text, quote): names, titles and scare quotes are nobody's words
TERMS = [
    ("The ministry ended the “Stay Home” program in March.", "Stay Home"),
    ("Critics mocked the so-called “iron wall” along the river.", "iron wall"),
    ("She appeared on “Good Morning Lakeside” twice last week.", "Good Morning Lakeside"),
    ("The word on the docks was “strike.”", "strike."),
    ("Dockworkers shouted over each other. (CROSSTALK.) “(CROSSTALK.)”", "(CROSSTALK.)"),
]


@pytest.mark.parametrize("text, quote", TERMS)
def test_quoted_names_and_scare_quotes_are_terms(text, quote):
    row = row_of(quotes_of(text), quote)
    assert (row["kind"], row["speaker"]) == ("term", "")


def test_a_phrase_whose_speaker_follows_it_at_once_takes_that_mention():
    q = quotes_of("Dana Roe said she felt the law was worth a look because “most people never read it,” she said.")
    row = row_of(q, "most people never read it")
    assert (row["kind"], row["speaker"], row["speaker_mention"]) == ("partial", "Dana Roe", "she")


def test_a_full_stop_ends_a_name():
    q = quotes_of("The lead is “the same as in May,” reported Reuters. Police say they have “enough officers.”")
    assert row_of(q, "the same as in May")["speaker"] == "Reuters"


# (text, quote, role, country): roles and countries from the words describing the speaker
ROLES_FROM_TEXT = [
    ("“The levee held,” said Rep. Lara Quist (D-Vt.).", "The levee held", "us_congress_or_state", "US"),
    ("“We will not sign,” Honduran Foreign Minister Rosa Ipiña said.", "We will not sign",
     "central_america_government", "Honduras"),
    ("“Crossings fell,” said Tomas Reyes, an analyst at the Harbor Institute.", "Crossings fell",
     "expert_or_ngo", ""),
    # the role stated once holds for the later surname and pronoun
    ("Mexican Interior Secretary Ines Varga met the governors. “The plan stands,” Varga said. "
     "“It is final,” she added.", "It is final", "mexico_government", "Mexico"),
    # nothing in the text places her: unknown, never a default
    ("“I sell bread here,” said Ana Roe.", "I sell bread here", "unknown", ""),
]


@pytest.mark.parametrize("text, quote, role, country", ROLES_FROM_TEXT)
def test_role_and_country_from_the_text(text, quote, role, country):
    row = row_of(quotes_of(text), quote)
    assert (row["role"], row["country"]) == (role, country)


def test_speaker_source_and_ambiguous_surnames():
    q = extract_quotes(make_corpus([{"doc_id": "s2", "text":
                       "Nora Pell and Ivo Pell run the mill. “Wages will rise,” Pell said.\n\n"
                       "Mayor Ana Roe agreed. “Good,” Roe said."}]), actors=NO_ACTORS)
    wages = row_of(q, "Wages will rise")
    assert (wages["speaker"], wages["ambiguous"], wages["speaker_source"]) == ("Pell", True, "text")
    good = row_of(q, "Good")
    assert (good["speaker"], good["ambiguous"]) == ("Ana Roe", False)
    assert set(q["speaker_source"]) <= {"text", "actor_table", "none"}


# (text, reported clause, speaker): reported speech in any order, with described speakers
INDIRECT = [
    ("Dana Kolb said the ferry would run again by June.", "the ferry would run again by June", "Dana Kolb"),
    ("The budget is short by a third, noted Herald columnist Dana Kolb.", "The budget is short by a third",
     "Dana Kolb"),
    ("The plan is an insult to farmers, top state lawmakers said Friday.", "The plan is an insult to farmers",
     "top state lawmakers"),
    ("The Roe team has said single parents would qualify for the credit.",
     "single parents would qualify for the credit", "Roe team"),
    ("Turnout rose by a fifth, according to the county election office.", "Turnout rose by a fifth",
     "county election office"),
    ("The harbor board called for a ban on night fishing.", "for a ban on night fishing", "harbor board"),
    ("Lindqvist announced he will retire in May.", "he will retire in May", "Lindqvist"),
    ("Members met Friday, shortly after Roe said the vote was rigged.", "the vote was rigged", "Roe"),
    ("The architect Ana Roe, who said she was never paid, sued the firm.", "she was never paid", "Ana Roe"),
    ("Kolb asked the board whether the fund was empty.", "the board whether the fund was empty", "Kolb"),
    ("Kolb urged the council to close the pier.", "the council to close the pier", "Kolb"),
    ("Roe Says Levee Will Hold Through Spring", "Levee Will Hold Through Spring", "Roe"),
    ("Farmers described the plan as ruinous, and said the levy would close their farms.",
     "the levy would close their farms", "Farmers"),
    ("He refused to pay an architect who said he was stiffed after the job.", "he was stiffed after the job",
     "an architect"),
    ("The Committee for a Fair Harbor reported that the plan would cost $150 million.",
     "the plan would cost $150 million", "Committee for a Fair Harbor"),
    ("Roe charges that the mill dumped waste.", "the mill dumped waste", "Roe"),
    ("Harbor leaders warn that the port could close.", "the port could close", "Harbor leaders"),
    ("The state attorney general is confirming that the fund is not registered.", "the fund is not registered",
     "state attorney general"),
    ("Several dock workers said the cranes had failed twice.", "the cranes had failed twice",
     "Several dock workers"),
    ("The Lakeside Port Authority Safety Center said that 40 percent of the cranes are idle.",
     "40 percent of the cranes are idle", "Lakeside Port Authority Safety Center"),
    # people speaking as a group, with a count or a clause first
    ("The ferry captain who hit the pier was not carrying a radio, police said.",
     "The ferry captain who hit the pier was not carrying a radio", "police"),
    ("Nearly six of 10 voters say they expect a worse harvest this year.",
     "they expect a worse harvest this year", "voters"),
    ("Residents of the valley say the new road has doubled traffic past the school.",
     "the new road has doubled traffic past the school", "residents"),
    # two parentheticals between the subject and the verb
    ("Dana Kolb, a lawyer for the Harbor Trust, which owns the mill, said the lease will end in May.",
     "the lease will end in May", "Dana Kolb"),
    # perfect forms, "long", and a verb that also takes objects before a described subject
    ("Ana Roe has long said that the levee was built too low.", "the levee was built too low", "Ana Roe"),
    ("Ana Roe has acknowledged the old levee was built too low.", "the old levee was built too low", "Ana Roe"),
    # a verb coordinated after an object: the sentence's subject speaks, not the object
    ("Dana Kolb bemoaned the unrest in the harbor and said the cranes were too old.", "the cranes were too old",
     "Dana Kolb"),
    ("Ana Roe outlined her harbor plan and vowed to fine all who dump oil.", "to fine all who dump oil", "Ana Roe"),
    ("Police in Tulsa said the road was closed.", "the road was closed", "police"),
    # an inverted speaker after a sentence with a subject of its own, and with an appositive
    ("Harbor officials felt the plan was sound because the tolls could cover repairs, said Ms. Dana Okafor, "
     "the lawyer for the port authority.", "Harbor officials felt the plan was sound because the tolls could "
     "cover repairs", "Dana Okafor"),
    ("Rita Okafor runs the port. The ferries could run late, but the delay would matter little, said Okafor.",
     "The ferries could run late, but the delay would matter little", "Rita Okafor"),
    # whom the words were told to, and when and while, after the speaker
    ("The bridge could close for a month, Sen. Mara Lindqvist (D-Ore.) told The Lakeside Gazette on Friday.",
     "The bridge could close for a month", "Mara Lindqvist"),
    ("It would take three weeks to convene the board, Ana Roe said, and the wrangling could be paralyzing.",
     "It would take three weeks to convene the board", "Ana Roe"),
    ("The pier is unsafe, County officials said Friday afternoon, as they waited for the storm.",
     "The pier is unsafe", "County officials"),
    ("Lindqvist told KXLT's \"Morning Desk\" that the vote would be close.", "the vote would be close",
     "Lindqvist"),
    # a negated verb of saying; a verb coordinated by "but"; a participle after the subject's clause
    ("But Attorney General Ana Ruiz isn’t saying if the utility broke any laws.",
     "if the utility broke any laws", "Ana Ruiz"),
    ("The mayor, like her deputy, has praised the plan but has said she will review the cost.",
     "she will review the cost", "mayor"),
    ("A county judge has rejected the request, saying the court has no business deciding it.",
     "the court has no business deciding it", "A county judge"),
    # a characterization, a denial, "pointed out", an appeal with "asked"
    ("At the forum, Roe called her vote on the levee a mistake, but she noted that the river rose.",
     "her vote on the levee a mistake", "Roe"),
    ("Farmers described the plan as ruinous for the valley.", "the plan as ruinous for the valley", "Farmers"),
    ("But she denied that she had read the memo.", "she had read the memo", ""),
    ("Kolb pointed out that the levee was built in 1950.", "the levee was built in 1950", "Kolb"),
    # a headline's present tense: a demand, a vow
    ("Former harbor chief calls for audit of the pier fund", "for audit of the pier fund", "Former harbor chief"),
    ("Roe Vows To Rebuild Pier By May", "To Rebuild Pier By May", "Roe"),
    # two groups speaking together
    ("Farmers and truckers say the toll is unfair.", "the toll is unfair", "Farmers and truckers"),
    # a parenthetical between dashes
    ("Kolb -- a former harbor pilot and author of a book on tides -- said the channel silts up each spring.",
     "the channel silts up each spring", "Kolb"),
    # the writer speaking of themselves: a mention resolved to no one
    ("We asked whether the pier would reopen.", "whether the pier would reopen", ""),
    # a charge ("accused X of doing Y"), also past a relative clause; a longer object called something
    ("Farm groups accused the harbor board of hiding the cost of the cranes.",
     "the harbor board of hiding the cost of the cranes", "Farm groups"),
    ("Kolb repeatedly accused Dana Roe, who grew up in Lakeside, of taking bribes from the ferry firm.",
     "Dana Roe, who grew up in Lakeside, of taking bribes from the ferry firm", "Kolb"),
    ("Farm groups called the toll on grain and the new fees a blatant grab for cash.",
     "the toll on grain and the new fees a blatant grab for cash", "Farm groups"),
    ("Kolb asked the board to delay the vote.", "the board to delay the vote", "Kolb"),
    # who speaks: "the city of X" (not X), a plain noun phrase opening a headline, a plural
    # noun before a relative clause
    ("The city of Lakeside is demanding that the ferry company stop using the logo.",
     "the ferry company stop using the logo", "city of Lakeside"),
    ("Former harbor chief says the pier is unsafe", "the pier is unsafe", "Former harbor chief"),
    ("He met with dock workers who said they had not been paid.", "they had not been paid", "dock workers"),
    ("The toll angered farmers, many of whom say the levy is unfair.", "the levy is unfair", "farmers"),
    # a claim named by its owner's possessive; a second speech act coordinated with the first
    ("Video contradicts Roe's earlier claim that the crew had left.", "the crew had left", "Roe"),
    ("Kolb said the pier was safe, but Roe said it was not.", "the pier was safe", "Kolb"),
    ("Kolb said the pier was safe, but Roe said it was not.", "it was not", "Roe"),
    ("Roe said fathers would not be eligible, and when pressed on why, the young mother of three replied "
     "that it was meant for mothers.", "fathers would not be eligible", "Roe"),
    ("Kolb said Roe told him the pier was safe.", "Roe told him the pier was safe", "Kolb"),
    # a title of two words before the name
    ("Attorney General Ana Ruiz said the fund broke no law.", "the fund broke no law", "Ana Ruiz"),
    # whom the words were told to, a longer object up to "that" (not a relative "that")
    ("In Lakeside last week, Kolb told a meeting of grain farmers that few people knew the river better.",
     "few people knew the river better", "Kolb"),
    ("Kolb told reporters the pier that was closed is open.", "the pier that was closed is open", "Kolb"),
    # an aside within the reported clause; described speakers with "to", "those close to"
    ("But in recent weeks, aides to the mayor say, the governor has tired of the levee fight.",
     "the governor has tired of the levee fight", "aides to the mayor"),
    ("Those close to him say that the harbor chief will quit in May.", "the harbor chief will quit in May",
     "Those close to him"),
    ("Advisers to Ana Roe said the pier would reopen.", "the pier would reopen", "Advisers to Ana Roe"),
    # a relative clause with a time and an auxiliary, after an appositive with a capitalized word
    ("Kolb has long feuded with Roe, now the Senate majority leader, who in 2010 said the levy was a waste.",
     "the levy was a waste", "Roe"),
    ("Kolb met Ana Roe, who on Monday had said the pier was unsafe.", "the pier was unsafe", "Ana Roe"),
    # a body named in an appositive ("a member of X") is not the speaker; the name before it is
    ("Ana Pell, the mayor of Lakeside, a member of the Harbor Council, said the pier is old.",
     "the pier is old", "Ana Pell"),
    ("The office of the Harbor Council said the pier is old.", "the pier is old", "Harbor Council"),

    ("Sen. Dana Kolb spoke first. Kolb added:\n\nIt is typical of the board. They know nothing about tides.\n\n"
     "Other news followed.", "It is typical of the board. They know nothing about tides", "Dana Kolb"),
]


# (text): a verb that takes objects reports nothing when its object is a plain noun phrase
NOT_REPORTED = [
    "Ana Roe has acknowledged the problems that were found in the levee.",
    "The board confirmed the closure of the pier in May.",
    "The mayor called a meeting for Friday.",
    "Kolb called him a week later.",
    "Kolb called reporters to a briefing.",
    "The so-called harbor plan is a mess.",
    "She denied the charges.",
    "Kolb was accused of taking bribes.",
    "The calls for reform grew louder.",
    "Her vows to the church were long.",
    "The mayor called the meeting of the harbor board to order a day early.",
]


def test_a_group_noun_modifying_a_noun_speaks_for_no_one():
    q = quotes_of('Harbor chair Ana Roe chimed in on the radio, saying that Tulsa officials should release the '
                  'police videos "without delay." Roe plans to visit Tulsa.')
    assert row_of(q, "without delay.")["speaker"] != "police"


# (text, quote, speaker): a description ("the Lakeside governor", "the senator") is the person
# the article named earlier with that title; nobody when no one was
DESCRIBED = [
    ("Gov. Ana Roe signed the bill on Monday. Critics were loud. The Lakeside governor said the levy "
     "would stay.", "the levy would stay", "Ana Roe"),
    ("Sen. Dana Kolb spoke first. “We will win,” the senator said.", "We will win", "Dana Kolb"),
    ("Mayor Ines Varga and Gov. Ana Roe met. “The bridge stays shut,” the mayor said.",
     "The bridge stays shut", "Ines Varga"),
    ("Ana Roe signed the bill. The Lakeside governor said the levy would stay.", "the levy would stay",
     "Lakeside governor"),
    # a title in apposition is the name before it
    ("Ana Roe, the mayor of Lakeside, told the Harbor Herald that the pier would reopen in May.",
     "the pier would reopen in May", "Ana Roe"),
]


@pytest.mark.parametrize("text, quote, speaker", DESCRIBED)
def test_descriptions_resolve_to_earlier_titled_names(text, quote, speaker):
    assert row_of(quotes_of(text), quote)["speaker"] == speaker


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_objects_are_not_reported_speech(text):
    assert (quotes_of(text)["kind"] == "indirect").sum() == 0


@pytest.mark.parametrize("text, content, speaker", INDIRECT)
def test_reported_speech(text, content, speaker):
    q = quotes_of(text)
    row = row_of(q[q["kind"] == "indirect"], content)
    assert row["speaker"] == speaker


def test_nouns_that_look_like_verbs_of_saying():
    # "charges" and "claims" are verbs only before "that"
    q = quotes_of("The charges against the mill were dropped. Harbor claims rose by a third in May.")
    assert (q["kind"] == "indirect").sum() == 0


def test_the_writer_is_a_mention_resolved_to_no_one():
    q = quotes_of("Kolb spoke first. We asked whether the pier would reopen.")
    row = row_of(q[q["kind"] == "indirect"], "whether the pier would reopen")
    assert (row["speaker_mention"], row["speaker"]) == ("We", "")


# --------------------------------------------------------------------------- with_actors

SPEAKER_COLUMNS = ["doc_id", "kind", "start", "end", "speaker", "role", "country", "speaker_source"]


def actors_of(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["name", "aliases", "role", "country"])


# (text, the actor added, expected (speaker, role, country, speaker_source) of the first quote)
ADDED_ACTORS = [
    # found by the rules as written, then listed: the table's role and country fill the gaps
    ("“The ferry will run again by June,” said Tove Halvorsen.\n\nShe added that fares would rise.",
     ("Tove Halvorsen", "", "expert_or_ngo", "Norway"), ("Tove Halvorsen", "expert_or_ngo", "Norway", "actor_table")),
    # the text's own words (a US senator) come before the table's
    ("“The vote is done,” said Sen. Dana Kolb (D-Ore.).",
     ("Dana Kolb", "Kolb", "other", "Canada"), ("Dana Kolb", "us_congress_or_state", "US", "actor_table")),
    # words the rules took in before a name do not hide the actor
    ("“We will sign it,” Harbor Chief Mara Ilves said.",
     ("Mara Ilves", "", "other", "Estonia"), ("Mara Ilves", "other", "Estonia", "actor_table")),
    # an actor nobody quotes changes nothing
    ("“No comment,” said Ivo Brandt.", ("Pia Sorel", "", "other", ""), ("Ivo Brandt", "unknown", "", "text")),
]


@pytest.mark.parametrize("text,actor,expected", ADDED_ACTORS)
def test_with_actors_equals_extracting_with_the_actor(text, actor, expected):
    from borderlines.quotes import with_actors
    corpus = make_corpus([{"doc_id": "w1", "text": text}])
    listed = actors_of(actor)
    again = with_actors(extract_quotes(corpus, actors=NO_ACTORS), listed)
    extracted = extract_quotes(corpus, actors=listed)
    pd.testing.assert_frame_equal(again[SPEAKER_COLUMNS], extracted[SPEAKER_COLUMNS])
    assert tuple(again.iloc[0][["speaker", "role", "country", "speaker_source"]]) == expected


def test_with_actors_keeps_listed_rows_and_ambiguous_names():
    from borderlines.quotes import with_actors
    corpus = make_corpus([{"doc_id": "w2", "text": "“Roads first,” said Lena Voss. “Rail later,” said Omar Tal."}])
    quotes = extract_quotes(corpus, actors=actors_of(("Lena Voss", "", "other", "Austria")))
    # two actors go by "Omar Tal": the name alone cannot say which
    twins = actors_of(("Lena Voss", "", "expert_or_ngo", "Chile"), ("Omar Tal (mayor)", "Omar Tal", "other", ""),
                      ("Omar Tal (judge)", "Omar Tal", "other", ""))
    again = with_actors(quotes, twins).set_index("quote")
    assert tuple(again.loc["Roads first", ["speaker", "role", "speaker_source"]]) == ("Lena Voss", "other",
                                                                                     "actor_table")
    assert tuple(again.loc["Rail later", ["speaker", "speaker_source"]]) == ("Omar Tal", "text")
    with pytest.raises(ValueError, match="speaker_source"):
        with_actors(quotes.drop(columns="speaker_source"), twins)


def test_with_actors_on_the_bundled_corpus():
    """The study's quotes extracted without an actor, then given the table with it,
    name the same speakers with the same roles as extracting with the whole table."""
    from borderlines.corpus import load_corpus
    from borderlines.quotes import load_actors, with_actors
    corpus, actors = load_corpus(), load_actors()
    full = extract_quotes(corpus, actors=actors)
    name = "Andrés Manuel López Obrador"
    assert (full["speaker"] == name).sum() > 0
    without = extract_quotes(corpus, actors=actors[actors["name"] != name].reset_index(drop=True))
    assert set(without.loc[without["speaker"].str.contains("Obrador"), "speaker_source"]) == {"text"}
    pd.testing.assert_frame_equal(with_actors(without, actors)[SPEAKER_COLUMNS], full[SPEAKER_COLUMNS])

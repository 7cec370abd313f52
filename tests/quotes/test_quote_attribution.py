"""The speaker of a quotation (borderlines.quotes.attribution): the attribution after the
closing mark ("“...,” he said", "said Brown"), before the opening mark ("Pompeo added that
“...”"), "according to X", a signature, a transcript label, a paragraph introduced by a
colon, the sentence's subject; shared by the parts of a split or continued quotation."""

from __future__ import annotations

import pytest

from quote_examples import BROWN, EBRARD, NO_ACTORS, POMPEO, quotes_of, row, rows_named

# (text, rows named by their quote), with the bundled actors table
ATTRIBUTED = [
    pytest.param("“We will not pay for the wall,” Ebrard said. “Never. Not now.”",
                 [row("We will not pay for the wall", kind="direct", speaker=EBRARD, method="surname", group=0),
                  row("Never. Not now.", kind="direct", speaker=EBRARD, flags={"split_quote"}, group=0)],
                 id="quotation-split-by-its-attribution"),
    pytest.param("“No.” “Never,” Ebrard said.",
                 [row("No.", speaker=EBRARD, flags={"split_quote"}, group=0),
                  row("Never", speaker=EBRARD, flags=set(), group=0)],
                 id="split-quotation-attributed-after-its-second-part"),
    # a paragraph that is only a quotation keeps the previous speaker, unless narration stands between
    pytest.param("“We will help,” Ebrard said.\n\n“We always do.”\n\nThe talks ended. “Done.”",
                 [row("We will help", group=0),
                  row("We always do.", speaker=EBRARD, flags={"inherited_speaker"}, group=1),
                  row("Done.", speaker="")], id="quotation-paragraph-keeps-the-previous-speaker"),
    pytest.param("Pompeo added that “the talks went well and we will meet again.”",
                 [row("the talks went well and we will meet again.", kind="direct", speaker=POMPEO,
                      speaker_mention="Pompeo")], id="attribution-before-the-quotation"),
    pytest.param("“It is too soon,” said Brown, who served at the Department of Homeland Security.",
                 [row("It is too soon", speaker=BROWN, method="surname", role="expert_or_ngo", country="US")],
                 id="inverted-attribution-with-a-relative-clause"),
    pytest.param("According to Ebrard, “the talks went very well for both sides.” "
                 "In a statement, the White House said: “The border is secure.”",
                 [row("the talks went very well for both sides.", speaker=EBRARD),
                  row("The border is secure.", speaker="White House", kind="direct", method="institution")],
                 id="according-to-and-a-colon-introduction"),
]


@pytest.mark.parametrize("text, expected", ATTRIBUTED)
def test_attribution(text, expected):
    assert rows_named(quotes_of(text), expected) == expected


# (text, rows named by their quote), with no actors listed: every speaker is named in the
# text itself (invented people, places and bodies)
ATTRIBUTED_IN_THE_TEXT = [
    # the name after the closing mark, a bare surname, inverted order
    pytest.param("“The ferry will run again by June,” Halvorsen said on Friday.",
                 [row("The ferry will run again by June", kind="direct", speaker="Halvorsen",
                      speaker_mention="Halvorsen")], id="name-after-the-closing-mark"),
    pytest.param("“We have no money left for the dam,” said Okonkwo.",
                 [row("We have no money left for the dam", kind="direct", speaker="Okonkwo",
                      speaker_mention="Okonkwo")], id="inverted-said-name"),
    # a question or exclamation ends the sentence before a capitalized attribution
    pytest.param("“Why should farmers pay twice?” Brandvold asked.",
                 [row("Why should farmers pay twice?", kind="direct", speaker="Brandvold",
                      speaker_mention="Brandvold")], id="question-ends-before-a-capitalized-attribution"),
    # signed quotations and transcript labels
    pytest.param("“I moved here for the schools and stayed for the river.” ― Mira Tovar\n\nOther readers wrote "
                 "in too.",
                 [row("I moved here for the schools and stayed for the river.", kind="direct",
                      speaker="Mira Tovar", speaker_mention="Mira Tovar")], id="signed-quotation"),
    pytest.param("Dana Kolb hosts the morning show.\n\n“KOLB: Welcome back to the show, everyone.”",
                 [row("KOLB: Welcome back to the show, everyone.", kind="direct", speaker="Dana Kolb",
                      speaker_mention="KOLB")], id="transcript-label"),
    # a claim named by its owner's possessive; a full name as the sentence's subject
    pytest.param("The agency checked Dana Kolb’s claim that there were “thousands of leaks” in the old pipes.",
                 [row("thousands of leaks", kind="partial", speaker="Dana Kolb", speaker_mention="Dana Kolb")],
                 id="claim-named-by-its-owners-possessive"),
    pytest.param("Democratic candidate Ana Roe chimed in on the radio, saying that Lakeside officials should "
                 'release the videos "without delay." Roe plans to visit.',
                 [row("without delay.", kind="partial", speaker="Ana Roe", speaker_mention="Ana Roe")],
                 id="full-name-as-the-sentences-subject"),
    pytest.param('Secretary General Ban Ki-moon condemned what he called a "brazen breach" of the rules.',
                 [row("brazen breach", kind="partial", speaker="Ban Ki-moon", speaker_mention="he")],
                 id="what-he-called"),
    # a pronoun after the quotation is the subject opening its sentence
    pytest.param("Democratic Sen. Claire Roe (D-Mo.) scolded him: “The scientists are against you,” she said.",
                 [row("The scientists are against you", kind="direct", speaker="Claire Roe",
                      speaker_mention="she")], id="pronoun-after-the-quotation-opens-the-sentence"),
    # the subject of the sentence a phrase is quoted in
    pytest.param("In a statement, Mayor Ines Varga condemned the closure as “reckless and cruel.”",
                 [row("reckless and cruel.", kind="partial", speaker="Ines Varga",
                      speaker_mention="Mayor Ines Varga")], id="phrase-in-the-subjects-sentence"),
    pytest.param("Sen. Li Pell (D-Vt.), who lost the race, named the cause: “We ran out of money in May.”",
                 [row("We ran out of money in May.", kind="direct", speaker="Li Pell",
                      speaker_mention="Sen. Li Pell")], id="subject-past-a-party-label-and-relative-clause"),
    pytest.param('In May, Gov. Ana Roe of Lakeland praised Kolb in her address for helping develop "new and '
                 'clever ideas."',
                 [row("new and clever ideas.", kind="partial", speaker="Ana Roe",
                      speaker_mention="Gov. Ana Roe")], id="subject-with-title-and-place"),
    # whom the words are said of is not the speaker
    pytest.param("The Lakeside trader says of Roe, “If she wins, she will sell the pier.”",
                 [row("If she wins, she will sell the pier.", kind="direct", speaker="Lakeside trader",
                      speaker_mention="The Lakeside trader")], id="said-of-someone-else"),
    # the subject past a relative clause; a participle belongs to the sentence's subject
    pytest.param("Kolb, who has worked for Mayor Ana Roe since she took office in May, blasted the plan as a "
                 "“disgrace.”",
                 [row("disgrace.", kind="partial", speaker="Kolb", speaker_mention="Kolb")],
                 id="subject-past-a-relative-clause"),
    pytest.param("Dana Kolb spoke Tuesday about the flood in Tulsa, Oklahoma, arguing that the levee “was never "
                 "inspected.”",
                 [row("was never inspected.", kind="partial", speaker="Dana Kolb", speaker_mention="Dana Kolb")],
                 id="participle-belongs-to-the-subject"),
    # "footage of X saying": the participle's subject after "of"
    pytest.param("The ad uses footage of Ana Roe asking, “Why aren’t we ahead by now?”",
                 [row("Why aren’t we ahead by now?", kind="direct", speaker="Ana Roe",
                      speaker_mention="Ana Roe")], id="footage-of-x-saying"),
    # a contraction between the subject and its verb
    pytest.param("Ana Roe spoke first. She’s claiming that the count is “a big, big fraud” again.",
                 [row("a big, big fraud", kind="partial", speaker="Ana Roe", speaker_mention="She")],
                 id="contraction-between-subject-and-verb"),
    # "claims" after a name is a noun: the quotation is the sentence subject's
    pytest.param("FactDesk rated 30% of Harbor claims as “false” or “pants on fire,” against 9% of Valley "
                 "claims.",
                 [row("pants on fire", kind="partial", speaker="FactDesk", speaker_mention="FactDesk")],
                 id="claims-as-a-noun"),
    pytest.param("According to Ana Roe, the bridge “will not survive another winter.”",
                 [row("will not survive another winter.", kind="partial", speaker="Ana Roe",
                      speaker_mention="Ana Roe")], id="according-to"),
    # the attribution in the sentence before, or a paragraph introducing the quotation
    pytest.param("The fund is empty, Halvorsen said. “We will ask the state for a loan.”",
                 [row("We will ask the state for a loan.", kind="direct", speaker="Halvorsen",
                      speaker_mention="Halvorsen")], id="attribution-in-the-sentence-before"),
    pytest.param("Ana Roe made this remark at the hearing:\n\n“We will not move the market.”",
                 [row("We will not move the market.", kind="direct", speaker="Ana Roe",
                      speaker_mention="Ana Roe")], id="paragraph-introducing-the-quotation"),
    # a phrase whose speaker follows its closing mark at once takes that mention
    pytest.param("Dana Roe said she felt the law was worth a look because “most people never read it,” she said.",
                 [row("most people never read it", kind="partial", speaker="Dana Roe", speaker_mention="she")],
                 id="speaker-right-after-the-phrase"),
]


@pytest.mark.parametrize("text, expected", ATTRIBUTED_IN_THE_TEXT)
def test_attribution_without_actors(text, expected):
    assert rows_named(quotes_of(text, actors=NO_ACTORS), expected) == expected

"""Reported speech (borderlines.quotes.reported): a verb of saying and its reported clause
("X said (that) ...", "..., X said", "according to X", "X told Y that ...", "X called Y Z",
"X accused Y of ..."), one ``indirect`` row per speech act, and verbs that take a plain
object reporting nothing."""

from __future__ import annotations

import pytest

from quote_examples import EBRARD, NO_ACTORS, POMPEO, TRUMP, quotes_of, row, rows_named, rows_of

# (text, rows named by their quote), with no actors listed: reported speech in any order,
# with described speakers
REPORTED = [
    pytest.param("Dana Kolb said the ferry would run again by June.",
                 [row("the ferry would run again by June", kind="indirect", speaker="Dana Kolb")],
                 id="dana-kolb-said-the-ferry-would-run"),
    pytest.param("The budget is short by a third, noted Herald columnist Dana Kolb.",
                 [row("The budget is short by a third", kind="indirect", speaker="Dana Kolb")],
                 id="the-budget-is-short-by-a-third"),
    pytest.param("The plan is an insult to farmers, top state lawmakers said Friday.",
                 [row("The plan is an insult to farmers", kind="indirect", speaker="top state lawmakers")],
                 id="the-plan-is-an-insult-to-farmers"),
    pytest.param("The Roe team has said single parents would qualify for the credit.",
                 [row("single parents would qualify for the credit", kind="indirect", speaker="Roe team")],
                 id="the-roe-team-has-said-single-parents"),
    pytest.param("Turnout rose by a fifth, according to the county election office.",
                 [row("Turnout rose by a fifth", kind="indirect", speaker="county election office")],
                 id="turnout-rose-by-a-fifth-according-to"),
    pytest.param("The harbor board called for a ban on night fishing.",
                 [row("for a ban on night fishing", kind="indirect", speaker="harbor board")],
                 id="the-harbor-board-called-for-a-ban"),
    pytest.param("Lindqvist announced he will retire in May.",
                 [row("he will retire in May", kind="indirect", speaker="Lindqvist")],
                 id="lindqvist-announced-he-will-retire-in-may"),
    pytest.param("Members met Friday, shortly after Roe said the vote was rigged.",
                 [row("the vote was rigged", kind="indirect", speaker="Roe")],
                 id="members-met-friday-shortly-after-roe-said"),
    pytest.param("The architect Ana Roe, who said she was never paid, sued the firm.",
                 [row("she was never paid", kind="indirect", speaker="Ana Roe")],
                 id="the-architect-ana-roe-who-said-she"),
    pytest.param("Kolb asked the board whether the fund was empty.",
                 [row("the board whether the fund was empty", kind="indirect", speaker="Kolb")],
                 id="kolb-asked-the-board-whether-the-fund"),
    pytest.param("Kolb urged the council to close the pier.",
                 [row("the council to close the pier", kind="indirect", speaker="Kolb")],
                 id="kolb-urged-the-council-to-close-the"),
    pytest.param("Roe Says Levee Will Hold Through Spring",
                 [row("Levee Will Hold Through Spring", kind="indirect", speaker="Roe")],
                 id="roe-says-levee-will-hold-through-spring"),
    pytest.param("Farmers described the plan as ruinous, and said the levy would close their farms.",
                 [row("the levy would close their farms", kind="indirect", speaker="Farmers")],
                 id="farmers-described-the-plan-as-ruinous-and"),
    pytest.param("He refused to pay an architect who said he was stiffed after the job.",
                 [row("he was stiffed after the job", kind="indirect", speaker="an architect")],
                 id="he-refused-to-pay-an-architect-who"),
    pytest.param("The Committee for a Fair Harbor reported that the plan would cost $150 million.",
                 [row("the plan would cost $150 million", kind="indirect",
                      speaker="Committee for a Fair Harbor")], id="the-committee-for-a-fair-harbor-reported"),
    pytest.param("Roe charges that the mill dumped waste.",
                 [row("the mill dumped waste", kind="indirect", speaker="Roe")],
                 id="roe-charges-that-the-mill-dumped-waste"),
    pytest.param("Harbor leaders warn that the port could close.",
                 [row("the port could close", kind="indirect", speaker="Harbor leaders")],
                 id="harbor-leaders-warn-that-the-port-could"),
    pytest.param("The state attorney general is confirming that the fund is not registered.",
                 [row("the fund is not registered", kind="indirect", speaker="state attorney general")],
                 id="the-state-attorney-general-is-confirming-that"),
    pytest.param("Several dock workers said the cranes had failed twice.",
                 [row("the cranes had failed twice", kind="indirect", speaker="Several dock workers")],
                 id="several-dock-workers-said-the-cranes-had"),
    pytest.param("The Lakeside Port Authority Safety Center said that 40 percent of the cranes are idle.",
                 [row("40 percent of the cranes are idle", kind="indirect",
                      speaker="Lakeside Port Authority Safety Center")],
                 id="the-lakeside-port-authority-safety-center-said"),
    # two parentheticals between the subject and the verb
    pytest.param("Dana Kolb, a lawyer for the Harbor Trust, which owns the mill, said the lease will end in "
                 "May.",
                 [row("the lease will end in May", kind="indirect", speaker="Dana Kolb")],
                 id="dana-kolb-a-lawyer-for-the-harbor"),
    # perfect forms, "long", and a verb that also takes objects before a described subject
    pytest.param("Ana Roe has long said that the levee was built too low.",
                 [row("the levee was built too low", kind="indirect", speaker="Ana Roe")],
                 id="ana-roe-has-long-said-that-the"),
    pytest.param("Ana Roe has acknowledged the old levee was built too low.",
                 [row("the old levee was built too low", kind="indirect", speaker="Ana Roe")],
                 id="ana-roe-has-acknowledged-the-old-levee"),
    # a verb coordinated after an object: the sentence's subject speaks, not the object
    pytest.param("Dana Kolb bemoaned the unrest in the harbor and said the cranes were too old.",
                 [row("the cranes were too old", kind="indirect", speaker="Dana Kolb")],
                 id="dana-kolb-bemoaned-the-unrest-in-the"),
    pytest.param("Ana Roe outlined her harbor plan and vowed to fine all who dump oil.",
                 [row("to fine all who dump oil", kind="indirect", speaker="Ana Roe")],
                 id="ana-roe-outlined-her-harbor-plan-and"),
    pytest.param("Police in Tulsa said the road was closed.",
                 [row("the road was closed", kind="indirect", speaker="police")],
                 id="police-in-tulsa-said-the-road-was"),
    # an inverted speaker after a sentence with a subject of its own, and with an appositive
    pytest.param("Harbor officials felt the plan was sound because the tolls could cover repairs, said Ms. Dana "
                 "Okafor, the lawyer for the port authority.",
                 [row("Harbor officials felt the plan was sound because the tolls could cover repairs",
                      kind="indirect", speaker="Dana Okafor")], id="harbor-officials-felt-the-plan-was-sound"),
    pytest.param("Rita Okafor runs the port. The ferries could run late, but the delay would matter little, "
                 "said Okafor.",
                 [row("The ferries could run late, but the delay would matter little", kind="indirect",
                      speaker="Rita Okafor")], id="rita-okafor-runs-the-port-the-ferries"),
    # whom the words were told to, and when and while, after the speaker
    pytest.param("The bridge could close for a month, Sen. Mara Lindqvist (D-Ore.) told The Lakeside Gazette on "
                 "Friday.",
                 [row("The bridge could close for a month", kind="indirect", speaker="Mara Lindqvist")],
                 id="the-bridge-could-close-for-a-month"),
    pytest.param("It would take three weeks to convene the board, Ana Roe said, and the wrangling could be "
                 "paralyzing.",
                 [row("It would take three weeks to convene the board", kind="indirect", speaker="Ana Roe")],
                 id="it-would-take-three-weeks-to-convene"),
    pytest.param("The pier is unsafe, County officials said Friday afternoon, as they waited for the storm.",
                 [row("The pier is unsafe", kind="indirect", speaker="County officials")],
                 id="the-pier-is-unsafe-county-officials-said"),
    pytest.param('Lindqvist told KXLT\'s "Morning Desk" that the vote would be close.',
                 [row("the vote would be close", kind="indirect", speaker="Lindqvist")],
                 id="lindqvist-told-kxlt-s-morning-desk-that"),
    # a negated verb of saying; a verb coordinated by "but"; a participle after the subject's clause
    pytest.param("But Attorney General Ana Ruiz isn’t saying if the utility broke any laws.",
                 [row("if the utility broke any laws", kind="indirect", speaker="Ana Ruiz")],
                 id="but-attorney-general-ana-ruiz-isn-t"),
    pytest.param("The mayor, like her deputy, has praised the plan but has said she will review the cost.",
                 [row("she will review the cost", kind="indirect", speaker="mayor")],
                 id="the-mayor-like-her-deputy-has-praised"),
    pytest.param("A county judge has rejected the request, saying the court has no business deciding it.",
                 [row("the court has no business deciding it", kind="indirect", speaker="A county judge")],
                 id="a-county-judge-has-rejected-the-request"),
    # a characterization, a denial, "pointed out", an appeal with "asked"
    pytest.param("At the forum, Roe called her vote on the levee a mistake, but she noted that the river rose.",
                 [row("her vote on the levee a mistake", kind="indirect", speaker="Roe")],
                 id="at-the-forum-roe-called-her-vote"),
    pytest.param("Farmers described the plan as ruinous for the valley.",
                 [row("the plan as ruinous for the valley", kind="indirect", speaker="Farmers")],
                 id="farmers-described-the-plan-as-ruinous-for"),
    pytest.param("But she denied that she had read the memo.",
                 [row("she had read the memo", kind="indirect", speaker="")],
                 id="but-she-denied-that-she-had-read"),
    pytest.param("Kolb pointed out that the levee was built in 1950.",
                 [row("the levee was built in 1950", kind="indirect", speaker="Kolb")],
                 id="kolb-pointed-out-that-the-levee-was"),
    # a headline's present tense: a demand, a vow
    pytest.param("Former harbor chief calls for audit of the pier fund",
                 [row("for audit of the pier fund", kind="indirect", speaker="Former harbor chief")],
                 id="former-harbor-chief-calls-for-audit-of"),
    pytest.param("Roe Vows To Rebuild Pier By May",
                 [row("To Rebuild Pier By May", kind="indirect", speaker="Roe")],
                 id="roe-vows-to-rebuild-pier-by-may"),
    # a parenthetical between dashes
    pytest.param("Kolb -- a former harbor pilot and author of a book on tides -- said the channel silts up each "
                 "spring.",
                 [row("the channel silts up each spring", kind="indirect", speaker="Kolb")],
                 id="kolb-a-former-harbor-pilot-and-author"),
    # a charge ("accused X of doing Y"), also past a relative clause; a longer object called something
    pytest.param("Farm groups accused the harbor board of hiding the cost of the cranes.",
                 [row("the harbor board of hiding the cost of the cranes", kind="indirect",
                      speaker="Farm groups")], id="farm-groups-accused-the-harbor-board-of"),
    pytest.param("Kolb repeatedly accused Dana Roe, who grew up in Lakeside, of taking bribes from the ferry "
                 "firm.",
                 [row("Dana Roe, who grew up in Lakeside, of taking bribes from the ferry firm", kind="indirect",
                      speaker="Kolb")], id="kolb-repeatedly-accused-dana-roe-who-grew"),
    pytest.param("Farm groups called the toll on grain and the new fees a blatant grab for cash.",
                 [row("the toll on grain and the new fees a blatant grab for cash", kind="indirect",
                      speaker="Farm groups")], id="farm-groups-called-the-toll-on-grain"),
    pytest.param("Kolb asked the board to delay the vote.",
                 [row("the board to delay the vote", kind="indirect", speaker="Kolb")],
                 id="kolb-asked-the-board-to-delay-the"),
    # a claim named by its owner's possessive; a second speech act coordinated with the first
    pytest.param("Video contradicts Roe's earlier claim that the crew had left.",
                 [row("the crew had left", kind="indirect", speaker="Roe")],
                 id="video-contradicts-roe-s-earlier-claim-that"),
    pytest.param("Kolb said the pier was safe, but Roe said it was not.",
                 [row("the pier was safe", kind="indirect", speaker="Kolb"),
                  row("it was not", kind="indirect", speaker="Roe")], id="kolb-said-the-pier-was-safe-but"),
    pytest.param("Roe said fathers would not be eligible, and when pressed on why, the young mother of three "
                 "replied that it was meant for mothers.",
                 [row("fathers would not be eligible", kind="indirect", speaker="Roe")],
                 id="roe-said-fathers-would-not-be-eligible"),
    pytest.param("Kolb said Roe told him the pier was safe.",
                 [row("Roe told him the pier was safe", kind="indirect", speaker="Kolb")],
                 id="kolb-said-roe-told-him-the-pier"),
    # a title of two words before the name
    pytest.param("Attorney General Ana Ruiz said the fund broke no law.",
                 [row("the fund broke no law", kind="indirect", speaker="Ana Ruiz")],
                 id="attorney-general-ana-ruiz-said-the-fund"),
    # whom the words were told to, a longer object up to "that" (not a relative "that")
    pytest.param("In Lakeside last week, Kolb told a meeting of grain farmers that few people knew the river "
                 "better.",
                 [row("few people knew the river better", kind="indirect", speaker="Kolb")],
                 id="in-lakeside-last-week-kolb-told-a"),
    pytest.param("Kolb told reporters the pier that was closed is open.",
                 [row("the pier that was closed is open", kind="indirect", speaker="Kolb")],
                 id="kolb-told-reporters-the-pier-that-was"),
    # an aside within the reported clause; described speakers with "to", "those close to"
    pytest.param("But in recent weeks, aides to the mayor say, the governor has tired of the levee fight.",
                 [row("the governor has tired of the levee fight", kind="indirect",
                      speaker="aides to the mayor")], id="but-in-recent-weeks-aides-to-the"),
    pytest.param("Those close to him say that the harbor chief will quit in May.",
                 [row("the harbor chief will quit in May", kind="indirect", speaker="Those close to him")],
                 id="those-close-to-him-say-that-the"),
    pytest.param("Advisers to Ana Roe said the pier would reopen.",
                 [row("the pier would reopen", kind="indirect", speaker="Advisers to Ana Roe")],
                 id="advisers-to-ana-roe-said-the-pier"),
    # a relative clause with a time and an auxiliary, after an appositive with a capitalized word
    pytest.param("Kolb has long feuded with Roe, now the Senate majority leader, who in 2010 said the levy was "
                 "a waste.",
                 [row("the levy was a waste", kind="indirect", speaker="Roe")],
                 id="kolb-has-long-feuded-with-roe-now"),
    pytest.param("Kolb met Ana Roe, who on Monday had said the pier was unsafe.",
                 [row("the pier was unsafe", kind="indirect", speaker="Ana Roe")],
                 id="kolb-met-ana-roe-who-on-monday"),
    # the paragraph set off after "X added:" without quotation marks
    pytest.param("Sen. Dana Kolb spoke first. Kolb added:\n\nIt is typical of the board. They know nothing "
                 "about tides.\n\nOther news followed.",
                 [row("It is typical of the board. They know nothing about tides", kind="indirect",
                      speaker="Dana Kolb", flags={"block_quote"})], id="sen-dana-kolb-spoke-first-kolb-added"),
]


@pytest.mark.parametrize("text, expected", REPORTED)
def test_reported_speech(text, expected):
    assert rows_named(quotes_of(text, actors=NO_ACTORS), expected) == expected


# (text, every indirect row it gives), with no actors listed: a verb that takes objects
# reports nothing when its object is a plain noun phrase, and nouns that look like verbs of
# saying ("charges", "claims") are no verbs
NOT_REPORTED = [
    pytest.param("Ana Roe has acknowledged the problems that were found in the levee.",
                 [], id="ana-roe-has-acknowledged-the-problems-that"),
    pytest.param("The board confirmed the closure of the pier in May.",
                 [], id="the-board-confirmed-the-closure-of-the"),
    pytest.param("The mayor called a meeting for Friday.", [], id="the-mayor-called-a-meeting-for-friday"),
    pytest.param("Kolb called him a week later.", [], id="kolb-called-him-a-week-later"),
    pytest.param("Kolb called reporters to a briefing.", [], id="kolb-called-reporters-to-a-briefing"),
    pytest.param("The so-called harbor plan is a mess.", [], id="the-so-called-harbor-plan-is-a"),
    pytest.param("She denied the charges.", [], id="she-denied-the-charges"),
    pytest.param("Kolb was accused of taking bribes.", [], id="kolb-was-accused-of-taking-bribes"),
    pytest.param("The calls for reform grew louder.", [], id="the-calls-for-reform-grew-louder"),
    pytest.param("Her vows to the church were long.", [], id="her-vows-to-the-church-were-long"),
    pytest.param("The mayor called the meeting of the harbor board to order a day early.",
                 [], id="the-mayor-called-the-meeting-of-the"),
    pytest.param("The charges against the mill were dropped. Harbor claims rose by a third in May.", [],
                 id="nouns-that-look-like-verbs-of-saying"),
]


@pytest.mark.parametrize("text, expected", NOT_REPORTED)
def test_objects_are_not_reported_speech(text, expected):
    assert rows_of(quotes_of(text, actors=NO_ACTORS), ["quote", "speaker"], kinds=["indirect"]) == expected


# (text, every row it gives as (kind, quote, speaker, flags)), with the bundled actors table
REPORTED_ALL = [
    pytest.param("Ebrard said Mexico would deploy 25,000 troops to its borders. "
                 "The numbers fell 30 percent in August, according to CBP. "
                 "The talks will resume next month, Pompeo said.",
                 [("indirect", "Mexico would deploy 25,000 troops to its borders", EBRARD, set()),
                  ("indirect", "The numbers fell 30 percent in August", "U.S. Customs and Border Protection", set()),
                  ("indirect", "The talks will resume next month", POMPEO, set())],
                 id="said-that-according-to-said-after"),
    # hand-written after article 000 ("the president declared a national emergency") and
    # 002 ("Pence also emphasized the need for Mexico to expand a program"): verbs with an
    # object report speech only with "that", a colon or a promise
    pytest.param("Trump declared a national emergency to obtain billions. "
                 "Pence emphasized the need for Mexico to expand the program. "
                 "Trump declared that the border was closed. "
                 "Pompeo announced: the talks will resume next month. "
                 "Mexican officials rushed to Washington, promising to employ more troops.",
                 [("indirect", "the border was closed", TRUMP, set()),
                  ("indirect", "the talks will resume next month", POMPEO, set()),
                  ("indirect", "to employ more troops", "Mexican officials", set())],
                 id="verbs-with-an-object-need-that-a-colon-or-a-promise"),
    pytest.param("Ebrard replied that Mexico has met its goals, he later said in a news conference.",
                 [("indirect", "Mexico has met its goals", EBRARD, set())],
                 id="not-duplicated-by-a-trailing-attribution"),
    # the introductory phrase is no speech; the clause holding a quoted word is
    pytest.param("In a statement, Mexico’s Foreign Ministry said it “rejects” the measure.",
                 [("indirect", "it “rejects” the measure", "Mexico's Foreign Ministry", {"contains_quote"}),
                  ("partial", "rejects", "Mexico's Foreign Ministry", set())], id="introductory-phrase"),
    # the complement is the quotation itself: no indirect row
    pytest.param("Pompeo added that “the talks went well and we will meet again.”",
                 [("direct", "the talks went well and we will meet again.", POMPEO, set())],
                 id="a-quotation-as-the-complement"),
]


@pytest.mark.parametrize("text, expected", REPORTED_ALL)
def test_every_row_of_reported_speech(text, expected):
    assert rows_of(quotes_of(text), ["kind", "quote", "speaker", "flags"]) == expected

"""Quote extraction and speaker attribution (borderlines.quotes).

The gold set below is a hand-coding of every direct, partial and embedded quote of the
five bundled articles: the quote as it stands between its quotation marks (surrounding
spaces and a trailing comma dropped; for posts, the post without its signature) and its
speaker's canonical name ('' when the text names nobody).
"""

from __future__ import annotations

import pandas as pd
import pytest

from borderlines.files import InputProblem
from borderlines.nlp import get_nlp, is_word, sentence_table
from borderlines.compare.quotes import quote_counts_per_article, quotes_by_speaker, unknown_speakers
from borderlines.quotes import (KINDS, METHOD_CONFIDENCE, QUOTE_COLUMNS, ROLES, ActorsError,
                                checked_actors, extract_quotes, fold_accents, load_actors)
from borderlines.uncertainty import era_rates, era_shares
from conftest import make_corpus

TRUMP, NIELSEN, AMLO = "Donald Trump", "Kirstjen Nielsen", "Andrés Manuel López Obrador"
EBRARD, POMPEO, BROWN = "Marcelo Ebrard", "Mike Pompeo", "Theresa C. Brown"

# (doc_id, kind, quote, speaker)
GOLD = [
    ("000", "partial", "nothing", TRUMP),
    ("000", "direct", "Mexico is doing NOTHING to help stop the flow of illegal immigrants to our Country", TRUMP),
    ("000", "direct", "They are all talk and no action. Likewise, Honduras, Guatemala and El Salvador have "
                      "taken our money for years, and do Nothing.", TRUMP),
    ("000", "embedded", "Mexico is doing NOTHING to help stop the flow of illegal immigrants to our Country. "
                        "They are all talk and no action. Likewise, Honduras, Guatemala and El Salvador have "
                        "taken our money for years, and do Nothing. The Dems don’t care, such BAD laws. May "
                        "close the Southern Border!", TRUMP),
    ("000", "partial", "containment belt", "Mexican government"),
    ("000", "embedded", "I would like to extend my profound gratitude to our Central American allies Honduras, "
                        "Guatemala & El Salvador—as well as @usembassyhn and @USAmbHonduras—for their "
                        "commitment to our common cause of secure borders & more orderly migration flows. "
                        "https://t.co/XPZD0RBawU", NIELSEN),
    ("000", "direct", "because there are no options, no alternatives in Central America.", AMLO),
    ("000", "direct", "We are going to do everything we can to help", AMLO),
    ("000", "direct", "We don’t in any way want a confrontation with the U.S. government.", AMLO),
    ("000", "partial", "very respectful relationship", AMLO),
    ("000", "embedded", "Our system is at a breaking point. Because of outdated laws, misguided court decisions "
                        "& congressional inaction, the U.S. is unable to efficiently process the mass arrival "
                        "of migrants. The result is an ongoing humanitarian and security emergency at our "
                        "Southern Border.", NIELSEN),
    ("000", "direct", "That breaking point has arrived this week", "Kevin McAleenan"),
    ("000", "direct", "CBP is facing an unprecedented humanitarian and border security crisis all along our "
                      "southwest border.", "Kevin McAleenan"),
    ("000", "direct", "It’s going to be a big change", "Olga Sánchez Cordero"),
    ("001", "direct", "seeks to guarantee the security and integrity of migrants, particularly minors, the "
                      "elderly and women, and to avoid people being deceived by international criminal "
                      "organizations dedicated to human trafficking, who put their lives in danger",
     "Mexico's Foreign Ministry"),
    ("001", "direct", "Finally, the government of Mexico reiterates its commitments with the international "
                      "community’s efforts in favor of safe, orderly and regular migration; and with the human "
                      "rights of migrants. At the same time, it expresses its conviction that dialogue and "
                      "international cooperation among countries of origin, transit and destination of "
                      "migrants are indispensable to confront the challenges that the migratory phenomenon "
                      "implies", "Mexico's Foreign Ministry"),
    ("001", "partial", "onslaught", TRUMP),
    ("001", "direct", "I am watching the Democrat Party led (because they want Open Borders and existing weak "
                      "laws) assault on our country by Guatemala, Honduras and El Salvador, whose leaders are "
                      "doing little to stop this large flow of people, INCLUDING MANY CRIMINALS, from entering "
                      "Mexico to U.S.", TRUMP),
    ("001", "direct", "In addition to stopping all payments to these countries, which seem to have almost no "
                      "control over their population, I must, in the strongest of terms, ask Mexico to stop "
                      "this onslaught — and if unable to do so I will call up the U.S. Military and CLOSE OUR "
                      "SOUTHERN BORDER!", TRUMP),
    ("001", "direct", "The assault on our country at our Southern Border, including the Criminal elements and "
                      "DRUGS pouring in, is far more important to me, as President, than Trade or the USMCA",
     TRUMP),
    ("001", "direct", "Hopefully Mexico will stop this onslaught at their Northern Border. All Democrats fault "
                      "for weak laws!", TRUMP),
    ("001", "term", "zero tolerance policy", ""),   # a policy's name: nobody is said to say it
    # the name of the agreement the administration demands (Ebrard reports the demand)
    ("002", "term", "safe third country", ""),
    ("002", "partial", "substantial and real and material", POMPEO),
    ("002", "partial", "made Americans more safe.", POMPEO),
    ("002", "direct", "we know there is still work to do, and we’re going to talk about how best we can "
                      "jointly deliver that.", POMPEO),
    ("002", "direct", "Incredible progress being made at the Southern Border!", TRUMP),
    ("002", "partial", "positive impression", TRUMP),
    ("002", "direct", "What Mexico is doing has achieved results", EBRARD),
    ("002", "direct", "While we’re still above historic [migration] levels, this trend is irreversible. "
                      "It’s something that we think will be permanent.", EBRARD),
    ("002", "direct", "They are at least being somewhat nuanced because if they claim victory it could give "
                      "Mexico an excuse to say, ‘See, we don’t need to negotiate a safe third agreement,’",
     BROWN),
    ("002", "direct", "It’s too soon to assess whether this is a long-term change, a short-term change, a "
                      "blip. A lot is still in limbo.", BROWN),
    ("002", "partial", "caravan", TRUMP),
    ("002", "partial", "historic lows", "Kevin McAleenan"),
    ("002", "direct", "Mexico is not East Germany", "Adam Isacson"),
    ("002", "direct", "It’s always going to be a place that is pretty permeable, especially when you have "
                      "large numbers of people who want to leave their home countries and sophisticated "
                      "smuggling networks that aren’t going out of business any time soon.", "Adam Isacson"),
    ("003", "partial", "barriers, barbed wire fences on the river or thinking about building walls.", AMLO),
    ("003", "direct", "It is more efficient and more humane to invest in the development of the people", AMLO),
    ("003", "direct", "The migration issue is going to intensify", AMLO),
    ("003", "term", "Remain in Mexico", ""),        # a policy's name
    ("003", "partial", "significant compromises", "Joe Biden"),
    ("003", "direct", "Now we have an extraordinary situation because the number of migrants passing through "
                      "our country with the purpose of reaching the United States has increased", AMLO),
    ("003", "partial", "going to help, as we always do.", AMLO),
    ("003", "partial", "removed or returned", "U.S. officials"),
    ("003", "direct", "We are facing a serious challenge along the southwest border, and C.B.P. and our "
                      "federal partners need more resources from Congress — as outlined in the supplemental "
                      "budget request — to enhance border security and America’s national security",
     "Troy Miller"),
    ("004", "direct", "I had the opportunity to explain to the president that we are almost in 90 percent of "
                      "the main objective", EBRARD),
    ("004", "direct", "Mexico won’t consider the safe third country as a possible solution in this point.",
     EBRARD),
]


@pytest.fixture(scope="module")
def bundled_quotes(bundled_corpus) -> pd.DataFrame:
    return extract_quotes(bundled_corpus)


def quotes_of(text: str, **kwargs) -> pd.DataFrame:
    corpus = make_corpus([{"doc_id": "t1", "text": text}])
    return extract_quotes(corpus, **kwargs)


def one(q: pd.DataFrame, quote: str) -> pd.Series:
    rows = q[q["quote"] == quote]
    assert len(rows) == 1, f"{quote!r} not found once in {list(q['quote'])}"
    return rows.iloc[0]


# --------------------------------------------------------------------------- the gold set


def gold_scores(found: pd.DataFrame) -> pd.DataFrame:
    """Per kind: gold quotes, extracted quotes, exact matches, right speaker, recall,
    precision and attribution accuracy (right speaker among matches)."""
    gold = pd.DataFrame(GOLD, columns=["doc_id", "kind", "quote", "speaker"])
    found = found[found["kind"].isin(["direct", "partial", "embedded", "term"])]
    both = gold.merge(found[["doc_id", "kind", "quote", "speaker"]], on=["doc_id", "kind", "quote"],
                      how="inner", suffixes=("_gold", ""))
    rows = []
    for kind in ["direct", "partial", "embedded", "term", "all"]:
        pick = (lambda t: t) if kind == "all" else (lambda t: t[t["kind"] == kind])
        g, f, b = pick(gold), pick(found), pick(both)
        right = int((b["speaker"] == b["speaker_gold"]).sum())
        rows.append({"kind": kind, "gold": len(g), "found": len(f), "matched": len(b), "right_speaker": right,
                     "recall": len(b) / len(g), "precision": len(b) / len(f) if len(f) else float("nan"),
                     "attribution": right / len(b) if len(b) else float("nan")})
    return pd.DataFrame(rows)


def test_gold_quotes_are_in_the_texts(bundled_corpus):
    text = dict(zip(bundled_corpus["doc_id"], bundled_corpus["text"]))
    for doc_id, _, quote, _ in GOLD:
        assert text[doc_id].count(quote) >= 1, quote


def test_gold_set_recall_precision_and_speakers(bundled_quotes):
    scores = gold_scores(bundled_quotes).set_index("kind")
    print("\n" + scores.to_string())
    gold = pd.DataFrame(GOLD, columns=["doc_id", "kind", "quote", "speaker"])
    got = bundled_quotes.set_index(["doc_id", "kind", "quote"])["speaker"]
    missing = [g for g in GOLD if (g[0], g[1], g[2]) not in got.index]
    wrong = [(g, got[(g[0], g[1], g[2])]) for g in GOLD
             if (g[0], g[1], g[2]) in got.index and got[(g[0], g[1], g[2])] != g[3]]
    assert not missing, missing
    assert not wrong, wrong
    assert scores.loc["all", "recall"] == 1.0 and scores.loc["all", "precision"] == 1.0
    assert len(gold) == 47


def test_every_span_is_the_quote(bundled_corpus, bundled_quotes):
    text = dict(zip(bundled_corpus["doc_id"], bundled_corpus["text"]))
    q = bundled_quotes
    assert len(q) > 47
    for row in q.itertuples():
        assert text[row.doc_id][row.start:row.end] == row.quote
        if row.speaker_start >= 0:
            assert text[row.doc_id][row.speaker_start:row.speaker_end] == row.speaker_mention


def test_table_shape_and_vocabularies(bundled_quotes):
    q = bundled_quotes
    assert list(q.columns) == list(QUOTE_COLUMNS)
    assert list(q.columns[:12]) == ["doc_id", "kind", "quote", "start", "end", "sentence", "speaker_mention",
                                    "speaker", "role", "country", "method", "confidence"]
    assert set(q["kind"]) == set(KINDS)
    assert set(q["role"]) <= set(ROLES) | {"unknown"}
    assert set(q["method"]) <= set(METHOD_CONFIDENCE)
    assert q["confidence"].between(0, 1).all()
    assert (q.loc[q["method"] == "none", "speaker"] == "").all()
    assert q[["doc_id", "start"]].apply(tuple, axis=1).is_monotonic_increasing
    assert q.dtypes["start"] == "int64" and q.dtypes["confidence"] == "float64"


def test_sentences_given_or_not_give_the_same_table(bundled_corpus, bundled_quotes):
    again = extract_quotes(bundled_corpus, sentences=sentence_table(bundled_corpus))
    pd.testing.assert_frame_equal(again, bundled_quotes)


def test_sentence_column_holds_the_quote(bundled_quotes):
    for row in bundled_quotes.itertuples():
        assert row.quote in row.sentence


def test_kinds_filter(bundled_corpus, bundled_quotes):
    only = extract_quotes(bundled_corpus, kinds=["embedded"])
    assert list(only["kind"].unique()) == ["embedded"] and len(only) == 3
    with pytest.raises(ValueError, match="unknown kind"):
        extract_quotes(bundled_corpus, kinds=["direct", "paraphrase"])


# --------------------------------------------------------------------------- kinds


def test_direct_quote_split_by_its_attribution():
    q = quotes_of("“We will not pay for the wall,” Ebrard said. “Never. Not now.”")
    a, b = one(q, "We will not pay for the wall"), one(q, "Never. Not now.")
    assert a["kind"] == b["kind"] == "direct"
    assert a["speaker"] == b["speaker"] == EBRARD and a["group"] == b["group"]
    assert a["method"] == "surname" and "split_quote" in b["flags"]
    assert b["confidence"] < a["confidence"]


def test_split_quote_with_the_attribution_after_the_second_part():
    q = quotes_of("“No.” “Never,” Ebrard said.")
    a, b = one(q, "No."), one(q, "Never")
    assert a["speaker"] == b["speaker"] == EBRARD and a["group"] == b["group"]
    assert "split_quote" in a["flags"] and b["flags"] == ""


def test_a_paragraph_that_is_only_a_quote_keeps_the_previous_speaker():
    q = quotes_of("“We will help,” Ebrard said.\n\n“We always do.”\n\nThe talks ended. “Done.”")
    row = one(q, "We always do.")
    assert row["speaker"] == EBRARD and "inherited_speaker" in row["flags"]
    assert row["group"] != one(q, "We will help")["group"]
    assert one(q, "Done.")["speaker"] == ""   # narration stands between


def test_attribution_before_the_quote():
    q = quotes_of("Pompeo added that “the talks went well and we will meet again.”")
    row = one(q, "the talks went well and we will meet again.")
    assert (row["kind"], row["speaker"], row["speaker_mention"]) == ("direct", POMPEO, "Pompeo")
    assert not (q["kind"] == "indirect").any()   # the complement is the quotation itself


def test_partial_quote_is_a_phrase_in_the_reporters_sentence():
    q = quotes_of("Trump called the deal “the best ever” on Monday. Critics used the words “a disaster.”")
    row = one(q, "the best ever")
    assert (row["kind"], row["speaker"]) == ("partial", TRUMP)


def test_embedded_posts_resolve_by_handle_or_name():
    q = quotes_of("Border numbers are down. — Donald J. Trump (@realDonaldTrump) June 10, 2019\n\n"
                  "We stand with migrants. — Jane Roe (@janeroe) March 3, 2019")
    trump, roe = one(q, "Border numbers are down."), one(q, "We stand with migrants.")
    assert trump["kind"] == "embedded" and trump["method"] == "tweet_signature"
    assert trump["speaker"] == TRUMP and trump["speaker_mention"] == "Donald J. Trump (@realDonaldTrump)"
    assert (roe["speaker"], roe["role"], roe["country"]) == ("Jane Roe", "unknown", "")


def test_quotes_inside_an_embedded_post_are_not_quotes_of_their_own():
    q = quotes_of("They call it a “crisis” but it is not. — Donald J. Trump (@realDonaldTrump) June 10, 2019")
    assert list(q["kind"]) == ["embedded"]


@pytest.mark.parametrize("text", [
    "Roe tweeted: “The ferry runs again on Monday.”\n\nThe ferry runs again on Monday. "
    "— Ana Roe (@anaroe) June 10, 2019",
    "The ferry runs again on Monday. — Ana Roe (@anaroe) June 10, 2019\n\n"
    "Later, Roe tweeted again: “The ferry runs again on Monday.”",
])
def test_an_embedded_post_quoted_again_counts_once(text):
    q = quotes_of(text)
    assert list(q["kind"]) == ["embedded"] and q["speaker"].iloc[0] == "Ana Roe"


def test_indirect_speech_forms():
    q = quotes_of("Ebrard said Mexico would deploy 25,000 troops to its borders. "
                  "The numbers fell 30 percent in August, according to CBP. "
                  "The talks will resume next month, Pompeo said.")
    ind = q[q["kind"] == "indirect"].set_index("quote")
    assert ind.loc["Mexico would deploy 25,000 troops to its borders", "speaker"] == EBRARD
    assert ind.loc["The numbers fell 30 percent in August", "speaker"] == "U.S. Customs and Border Protection"
    assert ind.loc["The talks will resume next month", "speaker"] == POMPEO
    assert len(ind) == 3


def test_verbs_with_an_object_report_speech_only_with_that_a_colon_or_a_promise():
    # hand-written after article 000 ("the president declared a national emergency") and
    # 002 ("Pence also emphasized the need for Mexico to expand a program")
    q = quotes_of("Trump declared a national emergency to obtain billions. "
                  "Pence emphasized the need for Mexico to expand the program. "
                  "Trump declared that the border was closed. "
                  "Pompeo announced: the talks will resume next month. "
                  "Mexican officials rushed to Washington, promising to employ more troops.")
    ind = q[q["kind"] == "indirect"]
    assert list(ind["quote"]) == ["the border was closed", "the talks will resume next month",
                                  "to employ more troops"]


def test_indirect_is_not_duplicated_by_a_trailing_attribution():
    q = quotes_of("Ebrard replied that Mexico has met its goals, he later said in a news conference.")
    ind = q[q["kind"] == "indirect"]
    assert list(ind["quote"]) == ["Mexico has met its goals"] and ind["speaker"].iloc[0] == EBRARD


# --------------------------------------------------------------------------- attribution paths


def test_inverted_attribution_with_relative_clause():
    q = quotes_of("“It is too soon,” said Brown, who served at the Department of Homeland Security.")
    row = one(q, "It is too soon")
    assert (row["speaker"], row["method"], row["role"], row["country"]) == (BROWN, "surname", "expert_or_ngo", "US")


def test_full_name_and_title_name():
    q = quotes_of("“We will help,” said Marcelo Ebrard. “We will not,” said Secretary of State Mike Pompeo.")
    assert one(q, "We will help")["method"] == "name"
    row = one(q, "We will not")
    assert (row["speaker"], row["method"], row["speaker_mention"]) == (
        POMPEO, "title_name", "Secretary of State Mike Pompeo")


def test_pronoun_picks_the_person_of_fitting_gender():
    he = quotes_of("Nielsen met Ebrard in Washington on Tuesday.\n\n“We made progress,” he said.")
    she = quotes_of("Ebrard met Nielsen in Washington on Tuesday.\n\n“We made progress,” she said.")
    assert one(he, "We made progress")["speaker"] == EBRARD
    assert one(she, "We made progress")["speaker"] == NIELSEN
    assert one(she, "We made progress")["method"] == "pronoun"


def test_pronoun_after_reported_words_refers_to_the_last_speaker():
    q = quotes_of("Ebrard told reporters that Trump joined the meeting. Trump did not renew the threat "
                  "of tariffs, he said. “We are satisfied,” he added.")
    assert q.loc[q["kind"] == "indirect", "speaker"].tolist()[-1] == EBRARD
    assert one(q, "We are satisfied")["speaker"] == EBRARD


def test_unresolved_pronoun_is_flagged():
    row = one(quotes_of("“We will see,” he said."), "We will see")
    assert row["speaker"] == "" and row["method"] == "pronoun" and "unresolved_pronoun" in row["flags"]
    assert row["confidence"] < METHOD_CONFIDENCE["pronoun"]


def test_institution_speakers_and_it():
    q = quotes_of("“We reject the proposal,” the Mexican Foreign Ministry said in a statement. "
                  "“It is unacceptable,” it added.\n\n"
                  "“The measures are temporary,” the Foreign Ministry of Guatemala said.")
    a, b, c = one(q, "We reject the proposal"), one(q, "It is unacceptable"), one(q, "The measures are temporary")
    assert (a["speaker"], a["method"], a["role"]) == ("Mexico's Foreign Ministry", "institution", "mexico_government")
    assert (b["speaker"], b["method"]) == ("Mexico's Foreign Ministry", "pronoun")
    # unlisted, but the text places it: a ministry of Guatemala (issue 12: roles from the text)
    assert (c["speaker"], c["role"], c["country"], c["method"]) == (
        "Foreign Ministry of Guatemala", "central_america_government", "Guatemala", "institution")


def test_nominal_refers_to_the_last_matching_institution():
    q = quotes_of("The U.N. refugee agency said in a statement that the caravan was dispersing. "
                  "It had about 5,000 people, the agency said.")
    assert set(q.loc[q["kind"] == "indirect", "speaker"]) == {"UNHCR"}


def test_spokespeople_and_officials_speak_for_their_institution():
    q = quotes_of("“We are working on it,” a White House spokesman said. "
                  "“No comment,” said a spokeswoman for the Mexican Foreign Ministry. "
                  "“We have to be careful,” a senior administration official said. "
                  "“We will see,” one official said.")
    assert one(q, "We are working on it")["speaker"] == "White House"
    assert one(q, "No comment")["speaker"] == "Mexico's Foreign Ministry"
    assert one(q, "We have to be careful")["speaker"] == "U.S. officials"
    row = one(q, "We will see")
    assert (row["speaker"], row["role"], row["method"]) == ("official", "unknown", "institution")


def test_a_title_alone_refers_to_the_most_mentioned_holder():
    q = quotes_of("President Donald Trump met Mexican President Andres Manuel Lopez Obrador. Trump spoke "
                  "first and Lopez Obrador replied. Trump left.\n\n"
                  "“The caravan is a disgrace,” the president wrote on Twitter.")
    row = one(q, "The caravan is a disgrace")
    assert (row["speaker"], row["speaker_mention"]) == (TRUMP, "the president")


def test_pronoun_after_reported_words_prefers_the_new_subject():
    q = quotes_of("“We are ready,” said Blinken, the secretary of state. Mayorkas agreed. "
                  "“So are we,” he said.")
    assert one(q, "So are we")["speaker"] == "Alejandro N. Mayorkas"


def test_introductory_phrase_is_not_reported_speech():
    q = quotes_of("In a statement, Mexico’s Foreign Ministry said it “rejects” the measure.")
    ind = q[q["kind"] == "indirect"]
    assert list(ind["quote"]) == ["it “rejects” the measure"] and "contains_quote" in ind["flags"].iloc[0]
    assert one(q, "rejects")["kind"] == "partial"


def test_appositive_speakers_listed_and_unlisted():
    q = quotes_of("Adam Isacson, a security analyst at the Washington Office on Latin America, said "
                  "“Mexico is not East Germany.”\n\n"
                  "“The border is closed,” said Maria Gonzalez, a shelter director in Tijuana.")
    a, b = one(q, "Mexico is not East Germany."), one(q, "The border is closed")
    assert (a["speaker"], a["method"]) == ("Adam Isacson", "appositive")
    assert (b["speaker"], b["method"], b["role"], b["country"]) == ("Maria Gonzalez", "appositive", "unknown", "")


def test_unknown_speakers_are_kept_and_listed():
    q = quotes_of("Gov. Jane Smith of Arizona said the state would sue. “We will win in court,” Smith said. "
                  "“We will appeal,” Smith added.")
    row = one(q, "We will win in court")
    assert (row["speaker"], row["role"], row["method"]) == ("Jane Smith", "unknown", "surname")
    listed = unknown_speakers(q)
    assert listed.loc[0, "speaker"] == "Jane Smith" and listed.loc[0, "n"] == 3
    assert "Gov. Jane Smith" in listed.loc[0, "mentions"]


def test_accent_insensitive_matching():
    q = quotes_of("“We will help,” said Andres Manuel Lopez Obrador. Later, López Obrador added: “Always.”\n\n"
                  "“We are ready,” Garduno said.")
    assert set(q["speaker"]) == {AMLO, "Francisco Garduño"}
    assert fold_accents("Sánchez Cordero, Garduño") == "Sanchez Cordero, Garduno"
    unaccented = checked_actors(pd.DataFrame({"name": ["Olga Sanchez Cordero"], "aliases": ["Sanchez Cordero"],
                                              "role": ["mexico_government"], "country": ["Mexico"]}))
    q = quotes_of("“It is a big change,” said Olga Sánchez Cordero.", actors=unaccented)
    assert one(q, "It is a big change")["speaker"] == "Olga Sanchez Cordero"


def test_surname_after_an_unknown_first_name_is_someone_else():
    row = one(quotes_of("“We need a wall,” Stephen Miller said."), "We need a wall")
    assert (row["speaker"], row["role"]) == ("Stephen Miller", "unknown")


def test_ambiguous_alias_follows_the_full_name_mentioned():
    actors = checked_actors(pd.DataFrame({
        "name": ["Troy Miller", "Stephen Miller"], "aliases": ["Miller", "Miller"],
        "role": ["us_agency", "us_executive"], "country": ["US", "US"]}))
    q = quotes_of("Stephen Miller spoke on Monday. “We need a wall,” Miller said.", actors=actors)
    assert one(q, "We need a wall")["speaker"] == "Stephen Miller"
    q = quotes_of("“We need a wall,” Miller said.", actors=actors)
    assert "ambiguous_alias" in one(q, "We need a wall")["flags"]


def test_according_to_before_a_quote_and_colon_introduction():
    q = quotes_of("According to Ebrard, “the talks went very well for both sides.” "
                  "In a statement, the White House said: “The border is secure.”")
    assert one(q, "the talks went very well for both sides.")["speaker"] == EBRARD
    row = one(q, "The border is secure.")
    assert (row["speaker"], row["kind"], row["method"]) == ("White House", "direct", "institution")


def test_unattributed_term():
    row = one(quotes_of("The policy, known as “Remain in Mexico,” began in 2019."), "Remain in Mexico")
    assert (row["kind"], row["speaker"], row["method"], row["confidence"]) == ("term", "", "none", 0.0)


def test_confidence_follows_the_attribution_path():
    c = METHOD_CONFIDENCE
    assert c["name"] > c["title_name"] > c["surname"] > c["pronoun"] > c["institution"] > c["none"] == 0


# --------------------------------------------------------------------------- bad text


def test_nested_single_quotes_stay_inside():
    q = quotes_of("“They told us, ‘Go back home,’ and we did,” said Adam Isacson.")
    row = one(q, "They told us, ‘Go back home,’ and we did")
    assert "nested_quote" in row["flags"] and row["speaker"] == "Adam Isacson" and len(q) == 1


def test_nested_quote_of_the_other_style():
    q = quotes_of('“He told me "no" twice,” Ebrard said.')
    assert list(q["quote"]) == ['He told me "no" twice']


def test_straight_and_mixed_marks():
    q = quotes_of('Pompeo said: "We are very pleased with the progress."\n\n'
                  '"We are very pleased,” Pompeo said. “It is a start."')
    assert one(q, "We are very pleased with the progress.")["flags"] == ""
    for quote in ["We are very pleased", "It is a start."]:
        row = one(q, quote)
        assert row["speaker"] == POMPEO and "mixed_marks" in row["flags"]


def test_straight_marks_inside_words_are_not_quotes():
    assert quotes_of('The fence is 6" wide and 30 feet tall.').empty


def test_unclosed_quote_stops_at_the_paragraph_end():
    text = ("Ebrard said “the talks will continue next week and beyond\n\n"
            "The meeting ended at noon. “We are done,” Pompeo said.")
    q = quotes_of(text)
    row = one(q, "the talks will continue next week and beyond")
    assert "unclosed_quote" in row["flags"] and row["speaker"] == EBRARD
    assert row["confidence"] < METHOD_CONFIDENCE["surname"]
    assert one(q, "We are done")["speaker"] == POMPEO
    assert not q["quote"].str.contains("The meeting ended").any()


def test_unclosed_quote_ends_before_its_own_attribution():
    row = one(quotes_of("“This never closes, Ebrard said in Mexico City.\n\nThe reporter goes on."),
              "This never closes")
    assert row["speaker"] == EBRARD and "unclosed_quote" in row["flags"]


def test_unclosed_quote_met_by_another_opening_mark():
    q = quotes_of("“The first one never closes. Then Ebrard said “the second one does,” and left.")
    assert "unclosed_quote" in one(q, "The first one never closes.")["flags"]
    assert one(q, "the second one does")["speaker"] == EBRARD


def test_quote_continuing_into_the_next_paragraph():
    q = quotes_of("Ebrard said: “The first paragraph of a long statement.\n\n"
                  "“The second paragraph ends it,” he added.\n\nThen he left.")
    a, b = one(q, "The first paragraph of a long statement."), one(q, "The second paragraph ends it")
    assert "continues_paragraph" in a["flags"] and "continued_quote" in b["flags"]
    assert a["speaker"] == b["speaker"] == EBRARD and a["group"] == b["group"]
    assert a["paragraph"] == 0 and b["paragraph"] == 1


def test_attribution_at_the_end_of_a_multi_paragraph_quote():
    q = quotes_of("“Mexico will do its part.\n\n“We will not accept a safe third country,” Ebrard said.")
    assert set(q.loc[q["kind"] == "direct", "speaker"]) == {EBRARD}


def test_hard_wrapped_quote_continues_without_an_opening_mark():
    q = quotes_of("“Line one of the quote\nand line two,” Ebrard said.")
    assert list(q["quote"]) == ["Line one of the quote", "and line two"]
    assert set(q["speaker"]) == {EBRARD}


def test_degenerate_text():
    # a text cleaning left empty (the corpus constructor refuses an empty one as input)
    emptied = make_corpus([{"doc_id": "t1", "text": "Boilerplate."}]).assign(text="", n_chars=0)
    assert extract_quotes(emptied).empty
    for text in ["“", "“” and \"\" and “ ”", "A lone ” closing mark."]:
        assert quotes_of(text).empty, text
    q = quotes_of("“one “two “three")
    assert list(q["quote"]) == ["one", "two", "three"]
    assert q["flags"].str.contains("unclosed_quote").all()


def test_markup_inside_a_quote_does_not_break_pairing():
    q = quotes_of('“We will close <img src="x"> the border,” Ebrard said.')
    assert one(q, 'We will close <img src="x"> the border')["speaker"] == EBRARD


# --------------------------------------------------------------------------- actors table


def test_bundled_actors_table_is_valid():
    actors = load_actors()
    assert actors["name"].is_unique
    assert set(actors["role"]) <= set(ROLES)
    for name in [TRUMP, NIELSEN, AMLO, "Kevin McAleenan", "Olga Sánchez Cordero", EBRARD, "Mike Pence",
                 POMPEO, BROWN, "Adam Isacson", "Antony J. Blinken", "Alejandro N. Mayorkas", "Troy Miller",
                 "Mexico's Foreign Ministry", "UNHCR", "U.S. Customs and Border Protection", "Greg Abbott",
                 "James Mattis", "Francisco Garduño", "Liz Sherwood-Randall", "Mexican government",
                 "White House", "Office of the Vice President"]:
        assert name in set(actors["name"]), name
    handles = actors.set_index("name")["aliases"]
    assert "@realDonaldTrump" in handles[TRUMP] and "@SecNielsen" in handles[NIELSEN]


def test_actors_errors_name_file_row_and_field(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("name,aliases,role,country,type,gender\n"
                    "Jane Doe,Doe,pundit,US,person,f\n"
                    "Jane Doe,,other,US,robot,x\n"
                    ",a||b,other,,person,\n", encoding="utf-8")
    with pytest.raises(ActorsError) as err:
        load_actors(path)
    found = {(p.row, p.field) for p in err.value.problems}
    assert {(1, "role"), (2, "name"), (2, "type"), (2, "gender"), (3, "name"), (3, "aliases")} <= found
    message = str(err.value)
    assert str(path) in message and "row 1" in message and "unknown role 'pundit'" in message
    assert "us_executive" in message   # tells how to fix it


def test_actors_missing_column_and_missing_file(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("name,role,country\nJane Doe,other,US\n", encoding="utf-8")
    with pytest.raises(ActorsError, match="aliases"):
        load_actors(path)
    with pytest.raises(InputProblem, match="file not found"):
        load_actors(tmp_path / "nope.csv")


def test_optional_columns_default():
    actors = checked_actors(pd.DataFrame({"name": ["Jane Doe"], "aliases": [""], "role": ["other"],
                                          "country": [""]}))
    assert actors.loc[0, "type"] == "person" and actors.loc[0, "gender"] == ""


def test_missing_person_model_is_a_clear_error(bundled_corpus):
    with pytest.raises(InputProblem, match="not installed"):
        extract_quotes(bundled_corpus.head(1), person_model="borderlines_no_such_model")


# --------------------------------------------------------------------------- summaries


def test_quotes_by_speaker(bundled_quotes):
    table = quotes_by_speaker(bundled_quotes)
    top = table.iloc[0]
    assert top["speaker"] == TRUMP and top["n"] == top[list(KINDS)].sum()
    assert top["n"] == (bundled_quotes["speaker"] == TRUMP).sum()
    assert "" not in set(table["speaker"])


def test_unknown_speakers_of_the_bundled_corpus(bundled_quotes):
    listed = unknown_speakers(bundled_quotes)
    assert (bundled_quotes.loc[bundled_quotes["speaker"].isin(listed["speaker"]), "role"] == "unknown").all()
    assert listed["n"].sum() == ((bundled_quotes["role"] == "unknown") & (bundled_quotes["speaker"] != "")).sum()


def test_counts_per_article_with_zero_rows_and_word_counts(bundled_corpus, bundled_quotes):
    sentences = sentence_table(bundled_corpus)
    counts = quote_counts_per_article(bundled_quotes, bundled_corpus, kinds=["direct", "partial", "embedded"])
    assert len(counts) == 5 * (len(ROLES) + 1)
    assert counts["n"].sum() == bundled_quotes["kind"].isin(["direct", "partial", "embedded"]).sum()
    assert (counts["n"] == 0).any()
    tokenizer = get_nlp().tokenizer
    words = {d: sum(1 for t in tokenizer(text) if is_word(t))
             for d, text in zip(bundled_corpus["doc_id"], bundled_corpus["text"])}
    assert counts.groupby("doc_id")["n_words"].first().to_dict() == words
    assert sentences.groupby("doc_id")["n_words"].sum().to_dict() == words
    with_sentences = quote_counts_per_article(bundled_quotes, bundled_corpus, sentences=sentences,
                                              kinds=["direct", "partial", "embedded"])
    pd.testing.assert_frame_equal(with_sentences, counts)
    shares = era_shares(counts, category="role", count="n")
    trump_era = shares[shares["era"] == "trump_1"].set_index("role")
    assert trump_era["estimate"].sum() == pytest.approx(1.0)
    assert trump_era.loc["us_executive", "count"] == ((bundled_quotes["role"] == "us_executive")
                                                      & bundled_quotes["kind"].isin(["direct", "partial", "embedded"])
                                                      & (bundled_quotes["doc_id"] != "003")).sum()


def test_counts_per_article_totals_feed_era_rates(bundled_corpus, bundled_quotes):
    totals = quote_counts_per_article(bundled_quotes, bundled_corpus, by=None)
    assert list(totals.columns) == ["doc_id", "era", "era_label", "n", "n_words"] and len(totals) == 5
    rates = era_rates(totals, "n", "n_words", scale=1000).set_index("era")
    biden = totals[totals["era"] == "biden"]
    assert rates.loc["biden", "estimate"] == pytest.approx(1000 * biden["n"].sum() / biden["n_words"].sum())
    by_country = quote_counts_per_article(bundled_quotes, bundled_corpus, by=["role", "country"])
    assert by_country.groupby("doc_id")["n"].sum().to_dict() == totals.set_index("doc_id")["n"].to_dict()
    with pytest.raises(ValueError, match="no column"):
        quote_counts_per_article(bundled_quotes, bundled_corpus, by="party")


# --------------------------------------------------------------------------- voices per era

from borderlines.compare.quotes import (OTHER_VOICE, QUOTE_ARTICLE_COLUMNS, QUOTE_TABLE_COLUMNS,  # noqa: E402
                                TOP_SPEAKER_COLUMNS, UNATTRIBUTED, UNKNOWN_COUNTRY, VOICE_GROUPS,
                                included_quotes, quote_table,
                                quotes_by_era, quotes_with_articles, top_speakers, voice_counts_per_article,
                                voice_group)

OWN_WORDS = ["direct", "partial", "embedded"]


@pytest.fixture(scope="module")
def placed_quotes(bundled_corpus, bundled_quotes) -> pd.DataFrame:
    return quotes_with_articles(bundled_quotes, bundled_corpus)


def test_voice_groups_hold_every_role_once():
    held = [role for roles in VOICE_GROUPS.values() for role in roles]
    assert sorted(held) == sorted([*ROLES, "unknown"])
    assert [voice_group(r) for r in ("us_executive", "us_agency", "us_congress_or_state")] == ["US government"] * 3
    assert voice_group("mexico_government") == "Mexican government"
    assert voice_group("expert_or_ngo") == "Experts and NGOs"
    assert voice_group("unknown") == voice_group("no_such_role") == OTHER_VOICE


def test_included_quotes_keeps_the_kinds_asked_for(bundled_quotes):
    kept = included_quotes(bundled_quotes, OWN_WORDS)
    assert set(kept["kind"]) == set(OWN_WORDS) and len(kept) == bundled_quotes["kind"].isin(OWN_WORDS).sum()
    assert included_quotes(bundled_quotes, []).empty
    with pytest.raises(ValueError, match="choose from"):
        included_quotes(bundled_quotes, ["direct", "quoted"])


def test_quotes_with_articles(bundled_corpus, bundled_quotes, placed_quotes):
    assert list(placed_quotes.columns) == list(bundled_quotes.columns) + list(QUOTE_ARTICLE_COLUMNS)
    assert len(placed_quotes) == len(bundled_quotes)
    biden = placed_quotes[placed_quotes["doc_id"] == "003"]
    assert set(biden["era"]) == {"biden"} and set(biden["outlet"]) == {bundled_corpus.set_index("doc_id").loc["003", "outlet"]}
    assert (placed_quotes["voice_group"] == placed_quotes["role"].map(voice_group)).all()


def test_quotes_by_era_counts_kinds_and_keeps_empty_eras(bundled_corpus, placed_quotes):
    table = quotes_by_era(placed_quotes, bundled_corpus, ["trump_1", "biden", "trump_2"],
                          labels={"trump_2": "Trump (second term)"}).set_index("era")
    assert table.loc["trump_1", "n_articles"] == 4 and table.loc["biden", "n_articles"] == 1
    for kind in KINDS:
        assert table.loc["biden", kind] == ((placed_quotes["era"] == "biden") & (placed_quotes["kind"] == kind)).sum()
    assert table.loc["trump_2", "era_label"] == "Trump (second term)"
    assert table.loc["trump_2", ["n_articles", *KINDS]].sum() == 0


def test_era_quote_rates_per_article_and_per_1000_words(bundled_corpus, bundled_quotes):
    per_article = quote_counts_per_article(bundled_quotes, bundled_corpus, by=None, kinds=OWN_WORDS)
    from borderlines.measures import quote_measures
    from borderlines.uncertainty import measure_estimates
    rates = measure_estimates(per_article, quote_measures(OWN_WORDS, "quotes_per_article", "quotes_per_1000_words"),
                              ["trump_1", "biden", "trump_2"], empty_eras=True)
    assert list(rates["measure"].unique()) == ["quotes_per_article", "quotes_per_1000_words"]
    assert rates["definition"].str.startswith("direct + partial + embedded quotes per").all()
    est = rates.set_index(["measure", "era"])
    trump = per_article[per_article["era"] == "trump_1"]
    assert est.loc[("quotes_per_article", "trump_1"), "estimate"] == pytest.approx(trump["n"].mean())
    assert est.loc[("quotes_per_1000_words", "trump_1"), "estimate"] == pytest.approx(
        1000 * trump["n"].sum() / trump["n_words"].sum())
    assert est.loc[("quotes_per_article", "trump_1"), "ci_low"] <= trump["n"].mean()
    assert est.loc[("quotes_per_article", "biden"), "note"] == "one article: no interval"
    assert est.loc[("quotes_per_1000_words", "trump_2"), "note"] == "no articles"


def test_voice_counts_per_article_by_group_and_country(bundled_corpus, bundled_quotes):
    counts = voice_counts_per_article(bundled_quotes, bundled_corpus, kinds=OWN_WORDS)
    assert len(counts) == 5 * len(VOICE_GROUPS)
    assert list(counts.loc[counts["doc_id"] == "000", "voice_group"]) == list(VOICE_GROUPS)
    own = bundled_quotes[bundled_quotes["kind"].isin(OWN_WORDS)]
    assert counts.groupby("doc_id")["n"].sum().to_dict() == own.groupby("doc_id").size().to_dict()
    us = counts[counts["voice_group"] == "US government"]["n"].sum()
    assert us == own["role"].isin(VOICE_GROUPS["US government"]).sum()
    shares = era_shares(counts, "voice_group")
    assert shares[shares["era"] == "trump_1"]["estimate"].sum() == pytest.approx(1.0)

    # every kind: terms (nobody's words) have no country, so "unknown" is among them
    countries = voice_counts_per_article(bundled_quotes, bundled_corpus, "country")
    order = list(countries.loc[countries["doc_id"] == "000", "country"])
    assert order[-1] == UNKNOWN_COUNTRY and "" not in order and order[0] == "US"
    assert countries["n"].sum() == len(bundled_quotes)
    assert (countries.loc[countries["country"] == UNKNOWN_COUNTRY, "n"].sum()
            == (bundled_quotes["country"] == "").sum())


def test_voice_counts_without_quotes_are_all_zero(bundled_corpus, bundled_quotes):
    none = bundled_quotes.head(0)
    counts = voice_counts_per_article(none, bundled_corpus)
    assert len(counts) == 5 * len(VOICE_GROUPS) and counts["n"].sum() == 0
    assert voice_counts_per_article(none, bundled_corpus, "country").empty


def test_top_speakers_sum_to_each_eras_quotes(placed_quotes):
    own = included_quotes(placed_quotes, OWN_WORDS)
    top = top_speakers(own, ["trump_1", "biden", "trump_2"], n=3)
    assert list(top.columns) == list(TOP_SPEAKER_COLUMNS)
    assert set(top["era"]) == {"trump_1", "biden"}  # an era without quotes has no rows
    for era, rows in top.groupby("era"):
        assert rows["n"].sum() == (own["era"] == era).sum()
        assert rows["share"].sum() == pytest.approx(1.0)
        assert list(rows["rank"]) == list(range(1, len(rows) + 1))
        named = rows[~rows["aggregate"]]
        assert len(named) <= 3 and list(named["n"]) == sorted(named["n"], reverse=True)
    trump = top[top["era"] == "trump_1"]
    assert trump.iloc[0]["speaker"] == TRUMP and trump.iloc[0]["voice_group"] == "US government"
    n_speakers = own.loc[(own["era"] == "trump_1") & (own["speaker"] != ""), "speaker"].nunique()
    assert f"Other speakers ({n_speakers - 3})" in set(trump["speaker"])
    assert (UNATTRIBUTED in set(trump["speaker"])) == ((own["era"] == "trump_1") & (own["speaker"] == "")).any()
    assert top_speakers(own.head(0), ["trump_1"]).empty


def test_quote_table_shows_sentence_and_article(placed_quotes):
    table = quote_table(placed_quotes)
    assert list(table.columns) == list(QUOTE_TABLE_COLUMNS) and len(table) == len(placed_quotes)
    row = table.iloc[0]
    assert row["doc_id"] == "000" and "2019-03-28" in row["article_title"]
    assert table["sent_id"].tolist() == placed_quotes["sent_id"].tolist()   # where each quote stands
    assert (table["speaker"] == UNATTRIBUTED).sum() == (placed_quotes["speaker"] == "").sum()
    undated = quote_table(placed_quotes.head(1).assign(date=pd.NaT, outlet=""))
    assert undated.loc[0, "article_title"] == placed_quotes.loc[0, "title"]

"""The driver and its contract (borderlines.quotes.extract_quotes): the columns and their
vocabularies, offsets that hold the quote, the same table with or without a given parse,
the kinds filter, clear errors, and the gold set of the bundled corpus.

The gold set below is a hand-coding of every direct, partial and embedded quote of the
five bundled articles: the quote as it stands between its quotation marks (surrounding
spaces and a trailing comma dropped; for posts, the post without its signature) and its
speaker's canonical name ('' when the text names nobody).
"""

from __future__ import annotations

import pandas as pd
import pytest

from borderlines.files import InputProblem
from borderlines.nlp import sentence_table
from borderlines.quotes import KINDS, METHOD_CONFIDENCE, QUOTE_COLUMNS, ROLES, extract_quotes
from conftest import make_corpus
from quote_examples import AMLO, BROWN, EBRARD, NIELSEN, POMPEO, TRUMP


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
    assert set(q["speaker_source"]) <= {"text", "actor_table", "none"}
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



def test_an_article_cleaning_left_empty_gives_no_rows():
    # the corpus constructor refuses an empty text as input, so empty it after cleaning
    emptied = make_corpus([{"doc_id": "t1", "text": "Boilerplate."}]).assign(text="", n_chars=0)
    assert extract_quotes(emptied).empty


def test_missing_person_model_is_a_clear_error(bundled_corpus):
    with pytest.raises(InputProblem, match="not installed"):
        extract_quotes(bundled_corpus.head(1), person_model="borderlines_no_such_model")

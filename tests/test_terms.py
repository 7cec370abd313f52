"""Terms: tokens, n-grams, counts, log-odds z (checked against a second computation),
G² (checked against hand-computed values), keyword in context."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from conftest import make_corpus
from scipy import stats

from borderlines import terms
from borderlines.nlp import get_nlp, sentence_table

# --------------------------------------------------------------------------- tokens, lemmas


def test_token_table_agrees_with_sentence_table(bundled_corpus):
    tokens = terms.token_table(bundled_corpus)
    sents = sentence_table(bundled_corpus)
    per_sent = (tokens.groupby(["doc_id", "sent_id"], observed=True)
                .agg(start=("start", "min"), end=("end", "max"), n_words=("is_word", "sum"))
                .reset_index())
    per_sent["doc_id"] = per_sent["doc_id"].astype(str)
    merged = sents.merge(per_sent, on=["doc_id", "sent_id"], suffixes=("", "_tok"), validate="1:1")
    assert len(merged) == len(sents) == len(per_sent)
    assert (merged["start"] == merged["start_tok"]).all()
    assert (merged["end"] == merged["end_tok"]).all()
    assert (merged["n_words"] == merged["n_words_tok"]).all()
    texts = dict(zip(bundled_corpus["doc_id"], bundled_corpus["text"]))
    sample = tokens.iloc[::97]
    assert all(texts[d][s:e] == t for d, s, e, t in
               zip(sample["doc_id"], sample["start"], sample["end"], sample["text"]))


LEMMAS = [
    pytest.param("deported", False, "deport", id="past-participle"),
    pytest.param("Deported", True, "deport", id="capitalized-first-word"),
    pytest.param("Migrants", True, "migrant", id="capitalized-first-word-plural"),
    pytest.param("DRUGS", False, "drug", id="all-capitals"),
    # mid-sentence capitals are names: not lemmatized through the lowercase form
    pytest.param("United", False, "united", id="name-word"),
    pytest.param("States", False, "states", id="name-plural-kept"),
    # a word the table gives as a lemma keeps itself ("number" -> "numb" in the table)
    pytest.param("numbers", False, "number", id="plural-of-a-lemma"),
    pytest.param("number", False, "number", id="lemma-keeps-itself"),
    pytest.param("crossings", False, "crossing", id="plural-gerund-noun"),
    pytest.param("crossing", False, "crossing", id="gerund-noun-keeps-itself"),
    # stop words are left alone (the table maps "third" to "3")
    pytest.param("third", False, "third", id="stop-word"),
]


@pytest.mark.parametrize("word, sentence_initial, lemma", LEMMAS)
def test_lookup_lemmas_from_the_package(word, sentence_initial, lemma):
    assert terms.word_lemma(word, sentence_initial=sentence_initial) == lemma


def test_lemma_of_first_word_and_stop_words_in_token_table():
    corpus = make_corpus([{"doc_id": "a", "text": "Deported people said so. Others were deported."}])
    tokens = terms.token_table(corpus)
    lemmas = dict(zip(tokens["text"].astype(str) + "@" + tokens["i"].astype(str), tokens["lemma"].astype(str)))
    assert lemmas["Deported@0"] == "deport"
    assert lemmas["deported@7"] == "deport"
    stops = dict(zip(tokens["text"].astype(str), tokens["is_stop"]))
    assert stops["said"]          # its lemma "say" is a spaCy stop word
    assert not stops["people"] and not stops["Deported"]


def test_doc_lemmas_agree_with_token_table(bundled_corpus):
    tokens = terms.token_table(bundled_corpus)
    for doc_id, doc in zip(bundled_corpus["doc_id"], get_nlp().pipe(bundled_corpus["text"])):
        lemmas = [lemma for lemma, tok in zip(terms.doc_lemmas(doc), doc) if not tok.is_space]
        assert lemmas == list(tokens.loc[tokens["doc_id"] == doc_id, "lemma"].astype(str))


# --------------------------------------------------------------------------- n-grams and counts


NGRAM_TEXT = "Remain in Mexico. The border wall, the wall."


def test_ngrams_respect_sentences_punctuation_and_stop_words():
    corpus = make_corpus([{"doc_id": "a", "text": NGRAM_TEXT}])
    tokens = terms.token_table(corpus)
    kept = terms.doc_terms(tokens, (1, 3))
    assert set(kept["term"]) == {"remain", "mexico", "border", "wall", "border wall", "remain in mexico"}
    assert kept.set_index("term").loc["wall", "n"] == 2
    everything = set(terms.doc_terms(tokens, (2, 2), drop_stopwords=False)["term"])
    assert everything == {"remain in", "in mexico", "the border", "border wall", "the wall"}
    assert "mexico the" not in everything      # crosses a sentence boundary
    assert "wall the" not in everything        # a comma breaks the run


def test_counts_per_10k_words_include_stop_words():
    corpus = make_corpus([{"doc_id": "a", "text": NGRAM_TEXT},
                          {"doc_id": "b", "text": "A wall. Walls!", "era": "biden"}])
    counts = terms.term_counts(corpus)
    trump = counts[counts["era"] == "trump_1"].set_index("term")
    assert trump.loc["wall", "n"] == 2
    assert trump.loc["wall", "n_words"] == 8          # remain in mexico the border wall the wall
    assert trump.loc["wall", "per_10k"] == pytest.approx(2 * 10_000 / 8)
    biden = counts[counts["era"] == "biden"].set_index("term")
    assert biden.loc["wall", "n"] == 2 and biden.loc["wall", "n_words"] == 3
    assert list(counts.columns) == ["era", *list(terms.TERM_COUNT_COLUMNS)[1:]]


def test_unigram_counts_without_stop_word_removal_add_up_to_words(bundled_corpus):
    tokens = terms.token_table(bundled_corpus)
    counts = terms.term_counts(bundled_corpus, by="doc_id", drop_stopwords=False, tokens=tokens)
    words = terms.doc_words(tokens).set_index("doc_id")["n_words"]
    assert counts.groupby("doc_id")["n"].sum().to_dict() == words.to_dict()
    assert words.sum() == sentence_table(bundled_corpus)["n_words"].sum()


def test_doc_terms_of_articles_add_up(bundled_corpus):
    whole = terms.doc_terms(terms.token_table(bundled_corpus), (1, 3))
    parts = pd.concat([terms.doc_terms(terms.token_table(bundled_corpus.iloc[[k]]), (1, 3))
                       for k in range(len(bundled_corpus))], ignore_index=True)
    pd.testing.assert_frame_equal(whole, parts)


def test_bad_ngram_range():
    tokens = terms.token_table(make_corpus([{"doc_id": "a", "text": "wall"}]))
    with pytest.raises(ValueError, match="ngram_range"):
        terms.doc_terms(tokens, (2, 4))


# --------------------------------------------------------------------------- log-odds


# Plain words, no stop words, no inflection: word counts are just str.split().
LOG_ODDS_DOCS = [
    ("t1", "trump_1", "wall tariff wall border troops wall"),
    ("t2", "trump_1", "border tariff asylum wall"),
    ("b1", "biden", "asylum asylum border parole"),
    ("b2", "biden", "parole asylum border cooperation"),
    ("o1", "outside", "tariff parole wall asylum border border cooperation"),
]


def fightin_words_by_hand(docs, era_a, era_b, alpha0=None):
    """Monroe, Colaresi and Quinn (2008), eqs. 16-22, written out with dicts and loops."""
    by_era = {}
    for _, era, text in docs:
        bucket = by_era.setdefault(era, {})
        for word in text.split():
            bucket[word] = bucket.get(word, 0) + 1
    corpus = {}
    for bucket in by_era.values():
        for word, n in bucket.items():
            corpus[word] = corpus.get(word, 0) + n
    total = sum(corpus.values())
    a0 = total if alpha0 is None else alpha0
    n_i, n_j = sum(by_era[era_a].values()), sum(by_era[era_b].values())
    result = {}
    for word, count in corpus.items():
        a_w = a0 * count / total
        y_i, y_j = by_era[era_a].get(word, 0), by_era[era_b].get(word, 0)
        delta = (math.log((y_i + a_w) / (n_i + a0 - y_i - a_w))
                 - math.log((y_j + a_w) / (n_j + a0 - y_j - a_w)))
        sigma2 = 1 / (y_i + a_w) + 1 / (y_j + a_w)
        result[word] = delta / math.sqrt(sigma2)
    return result


def log_odds_corpus():
    return make_corpus([{"doc_id": d, "era": e, "text": t} for d, e, t in LOG_ODDS_DOCS])


@pytest.mark.parametrize("alpha0", [None, 1000.0, 3.5])
def test_log_odds_z_matches_the_published_formula(alpha0):
    table = terms.distinctive_terms(log_odds_corpus(), "trump_1", "biden", min_count=1,
                                    alpha0=alpha0, lemmas=False, drop_stopwords=False)
    expected = fightin_words_by_hand(LOG_ODDS_DOCS, "trump_1", "biden", alpha0)
    got = dict(zip(table["term"], table["z"]))
    # every word seen in trump_1 or biden; "cooperation" only in biden and outside
    assert set(got) == set(expected)
    for word, z in expected.items():
        assert got[word] == pytest.approx(z, rel=1e-12), word
    assert list(table["z"]) == sorted(table["z"], reverse=True)
    assert got["wall"] > 0 and got["parole"] < 0       # positive z favours era A
    assert table.set_index("term").loc["wall", "favours"] == "trump_1"


def test_log_odds_prior_comes_from_the_whole_corpus():
    with_outside = terms.distinctive_terms(log_odds_corpus(), "trump_1", "biden", min_count=1,
                                           lemmas=False, drop_stopwords=False)
    without = terms.distinctive_terms(
        make_corpus([{"doc_id": d, "era": e, "text": t} for d, e, t in LOG_ODDS_DOCS if e != "outside"]),
        "trump_1", "biden", min_count=1, lemmas=False, drop_stopwords=False)
    z_with = with_outside.set_index("term")["z"]
    assert not np.allclose(z_with.loc[without["term"]].to_numpy(), without["z"].to_numpy())
    # default prior α_w = corpus count of w: "border" occurs 6 times in the five articles
    assert with_outside.set_index("term").loc["border", "prior"] == pytest.approx(6.0)


# --------------------------------------------------------------------------- G² and log ratio


G2 = [
    # a=10 in corpus 1 (c=10,000 words), b=2 in corpus 2 (d=20,000 words):
    # E1 = 10000*12/30000 = 4, E2 = 20000*12/30000 = 8,
    # G² = 2*(10 ln(10/4) + 2 ln(2/8)) = 2*(9.162907 - 2.772589) = 12.780637.
    pytest.param((10, 2, 10_000, 20_000), 12.7806371930035, id="hand-computed"),
    # a zero frequency adds nothing: a=5, b=0, c=d=1000: E1 = 2.5, G² = 2*5 ln 2 = 6.931472
    pytest.param((5, 0, 1000, 1000), 6.93147180559945, id="zero-frequency"),
    # equal relative frequencies: no evidence
    pytest.param((3, 6, 1000, 2000), 0.0, id="equal-relative-frequencies"),
]


@pytest.mark.parametrize("counts, expected", G2)
def test_g2_against_hand_computed_examples(counts, expected):
    assert terms.log_likelihood_g2(*counts) == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_g2_is_scipys_log_likelihood_statistic():
    g, _ = stats.power_divergence([10, 2], f_exp=[4, 8], lambda_="log-likelihood")
    assert terms.log_likelihood_g2(10, 2, 10_000, 20_000) == pytest.approx(g)


LOG_RATIOS = [
    pytest.param((10, 2, 10_000, 20_000), math.log2(10), id="ten-times-as-frequent"),   # (10/10000) / (2/20000)
    pytest.param((5, 0, 1000, 1000), math.log2(10), id="zero-taken-as-half"),           # (5/1000) / (0.5/1000)
    pytest.param((0, 5, 1000, 1000), -math.log2(10), id="zero-in-era-a"),
]


@pytest.mark.parametrize("counts, expected", LOG_RATIOS)
def test_log_ratio(counts, expected):
    assert terms.log_ratio(*counts) == pytest.approx(expected)


def test_distinctive_terms_g2_uses_words_per_era():
    corpus = make_corpus([{"doc_id": "a", "text": "The wall and the wall and the fence."},
                          {"doc_id": "b", "text": "A fence, a fence.", "era": "biden"}])
    table = terms.distinctive_terms(corpus, "trump_1", "biden", min_count=1).set_index("term")
    # trump_1 has 8 words, biden 4; wall: 2 vs 0
    assert table.loc["wall", "g2"] == pytest.approx(terms.log_likelihood_g2(2, 0, 8, 4))
    assert table.loc["wall", "log_ratio"] == pytest.approx(math.log2((2 / 8) / (0.5 / 4)))
    assert table.loc["fence", "per_10k_b"] == pytest.approx(2 * 10_000 / 4)
    assert table.loc["fence", "g2_p"] == pytest.approx(stats.chi2.sf(table.loc["fence", "g2"], 1))
    assert {"term", "count_a", "count_b", "per_10k_a", "per_10k_b", "z", "g2", "log_ratio"} <= set(table.reset_index())


def test_distinctive_terms_min_count_and_bad_eras():
    corpus = log_odds_corpus()
    table = terms.distinctive_terms(corpus, "trump_1", "biden", min_count=3, lemmas=False)
    assert ((table["count_a"] + table["count_b"]) >= 3).all()
    assert "troops" not in set(table["term"])
    with pytest.raises(ValueError, match=r"era 'trump_2' has no articles.*trump_1 \(2 articles\).*biden"):
        terms.distinctive_terms(corpus, "trump_2", "biden")
    with pytest.raises(ValueError, match="two different eras"):
        terms.distinctive_terms(corpus, "biden", "biden")
    with pytest.raises(ValueError, match="min_count"):
        terms.distinctive_terms(corpus, "trump_1", "biden", min_count=0)


def test_bundled_corpus_distinctive_terms(bundled_corpus):
    table = terms.distinctive_terms(bundled_corpus, "trump_1", "biden")
    assert table.iloc[0]["favours"] == "trump_1" and table.iloc[-1]["favours"] == "biden"
    assert "biden" in set(table.tail(5)["term"])
    assert table["g2"].ge(0).all() and np.isfinite(table["z"]).all()


# --------------------------------------------------------------------------- KWIC


KWIC_DOCS = [
    {"doc_id": "k1", "text": "Border wall talks began. The wall, said officials, is a border wall."},
    {"doc_id": "k2", "text": "Deported families waited. Officials were deporting more.", "era": "biden"},
    {"doc_id": "k3", "text": "This line has an end"},
    {"doc_id": "k4", "text": "start of another article"},
]


def test_kwic_multiword_case_and_document_edges():
    corpus = make_corpus(KWIC_DOCS)
    table = terms.kwic(corpus, "border WALL", window=2)
    assert list(table.columns) == list(terms.KWIC_COLUMNS)
    assert list(table["match"]) == ["Border wall", "border wall"]
    first, last = table.iloc[0], table.iloc[1]
    assert first["left"] == "" and first["right"] == "talks began"        # article start
    assert last["left"] == "is a" and last["right"] == "."                # article end
    text = corpus.set_index("doc_id").loc["k1", "text"]
    assert all(text[s:e] == m for s, e, m in zip(table["start"], table["end"], table["match"]))
    assert list(table["sent_id"]) == [0, 1] and set(table["era"]) == {"trump_1"}
    # edges of an article in the middle of the corpus: context stops at its own start and end
    middle = terms.kwic(corpus, "line has", window=3).iloc[0]
    assert (middle["doc_id"], middle["left"], middle["right"]) == ("k3", "This", "an end")
    start_of_next = terms.kwic(corpus, "start", window=3).iloc[0]
    assert (start_of_next["left"], start_of_next["right"]) == ("", "of another article")


def test_kwic_window_sizes_and_punctuation_in_term():
    corpus = make_corpus(KWIC_DOCS)
    wide = terms.kwic(corpus, "said", window=100)
    assert wide.iloc[0]["left"] == "Border wall talks began. The wall,"
    assert wide.iloc[0]["right"] == "officials, is a border wall."
    none = terms.kwic(corpus, "said", window=0)
    assert none.iloc[0][["left", "right"]].tolist() == ["", ""]
    assert terms.kwic(corpus, "wall, said", window=1).iloc[0]["match"] == "wall, said"
    with pytest.raises(ValueError, match="window"):
        terms.kwic(corpus, "wall", window=-1)


def test_kwic_lemmas_no_match_and_no_crossing_articles():
    corpus = make_corpus(KWIC_DOCS)
    assert terms.kwic(corpus, "deport").empty
    by_lemma = terms.kwic(corpus, "deport", window=1, lemmas=True)
    assert list(by_lemma["match"]) == ["Deported", "deporting"]
    assert list(by_lemma["era"]) == ["biden", "biden"]
    across = terms.kwic(corpus, "end start")       # k3 ends with "end", k4 starts with "start"
    assert across.empty and list(across.columns) == list(terms.KWIC_COLUMNS)
    assert terms.kwic(corpus, "nowhere to be found").empty


def test_kwic_reuses_tokens(bundled_corpus):
    tokens = terms.token_table(bundled_corpus)
    table = terms.kwic(bundled_corpus, "safe third country", tokens=tokens)
    assert len(table) == 3 and table["match"].str.lower().eq("safe third country").all()


# --------------------------------------------------------------------------- concordance, plotting helpers


CONC_DOCS = [
    {"doc_id": "c1", "text": "Deported families waited. The U.S. deported more. Border wall talks.", "era": "trump_1"},
    {"doc_id": "c2", "text": "Officials deported people. Deporting is a border wall issue.", "era": "trump_1"},
    {"doc_id": "c3", "text": "Mr. Biden spoke. Deported again, they said.", "era": "biden"},
]


def test_concordance_finds_lemma_terms_as_counted():
    corpus = make_corpus(CONC_DOCS)
    lines = terms.concordance(corpus, ["deport", "u.s.", "border wall", "mr. biden", "absent"], window=2, per_era=10)
    assert list(lines.columns) == list(terms.CONCORDANCE_COLUMNS)
    got = lines.groupby("term")["match"].apply(list).to_dict()
    assert got == {"deport": ["Deported", "deported", "deported", "Deporting", "Deported"],
                   "u.s.": ["U.S."], "border wall": ["Border wall", "border wall"], "mr. biden": ["Mr. Biden"]}
    assert list(dict.fromkeys(lines["term"])) == ["deport", "u.s.", "border wall", "mr. biden"]  # order given
    text = dict(zip(corpus["doc_id"], corpus["text"]))
    assert all(text[d][s:e] == m for d, s, e, m in zip(lines["doc_id"], lines["start"], lines["end"], lines["match"]))
    # the same lines as kwic gives for one term
    one = terms.kwic(corpus, "border wall", window=2)
    assert lines[lines["term"] == "border wall"].drop(columns="term").reset_index(drop=True).equals(one)


def test_concordance_caps_lines_per_era_spread_over_articles():
    corpus = make_corpus(CONC_DOCS)
    lines = terms.concordance(corpus, ["deport"], window=1, per_era=2)
    # trump_1 has three "deport" in c1/c2: the first of each article wins over c1's second
    assert list(zip(lines["doc_id"], lines["era"])) == [("c1", "trump_1"), ("c2", "trump_1"), ("c3", "biden")]
    assert terms.concordance(corpus, ["deport"], per_era=0).empty
    assert terms.concordance(corpus, []).empty
    with pytest.raises(ValueError, match="per_era"):
        terms.concordance(corpus, ["deport"], per_era=-1)


def test_concordance_does_not_cross_sentences():
    corpus = make_corpus([{"doc_id": "s1", "text": "They met at the border. Wall repairs continued."}])
    assert terms.concordance(corpus, ["border wall"]).empty


def test_concordance_of_every_distinctive_term(bundled_corpus):
    tokens = terms.token_table(bundled_corpus)
    table = terms.distinctive_terms(bundled_corpus, "trump_1", "biden", (1, 2), tokens=tokens)
    lines = terms.concordance(bundled_corpus, table["term"], per_era=1, tokens=tokens)
    assert set(lines["term"]) == set(table["term"])
    per = lines.groupby(["term", "era"]).size()
    assert per.max() == 1
    # a term has a line in each era where it occurs
    want = {(t, "trump_1") for t in table.loc[table["count_a"] > 0, "term"]} | \
           {(t, "biden") for t in table.loc[table["count_b"] > 0, "term"]}
    assert set(per.index) == want


def test_comparison_problem_names_the_reason():
    corpus = make_corpus([{"doc_id": "a", "text": "Migrants crossed the border."},
                          {"doc_id": "b", "text": "The of and.", "era": "biden"}])
    counts = terms.term_counts(corpus)
    assert terms.comparison_problem(corpus, counts, "trump_1", "trump_1").startswith("era_a and era_b are both")
    msg = terms.comparison_problem(corpus, counts, "trump_1", "trump_2")
    assert "'trump_2' has no articles" in msg and "trump_1 (1 article)" in msg
    assert "no countable terms" in terms.comparison_problem(corpus, counts, "trump_1", "biden")
    corpus.loc[1, "text"] = "Officials crossed too."
    assert terms.comparison_problem(corpus, terms.term_counts(corpus), "trump_1", "biden") == ""


def test_empty_distinctive_has_the_columns():
    empty = terms.empty_distinctive()
    assert list(empty.columns) == list(terms.DISTINCTIVE_COLUMNS) and empty.empty
    assert terms.top_distinctive(empty, "trump_1").empty and terms.terms_to_plot(empty, 5).empty


def distinctive_example():
    return pd.DataFrame({"term": list("abcdef"), "z": [3.0, 1.0, 0.2, -0.1, -0.5, -4.0],
                         "count_a": [5, 2, 40, 30, 1, 0], "count_b": [0, 1, 30, 35, 3, 9],
                         "favours": ["A", "A", "A", "B", "B", "B"]})


def test_top_distinctive_by_absolute_z():
    d = distinctive_example()
    assert list(terms.top_distinctive(d, "B", 2)["term"]) == ["f", "e"]
    assert list(terms.top_distinctive(d, "A", 5)["term"]) == ["a", "b", "c"]


def test_terms_to_plot_alternates_distinctive_and_frequent():
    d = distinctive_example()
    assert terms.terms_to_plot(d, 10).equals(d)
    # by |z|: f, a, b, e, c, d; by frequency: c, d, f, a, e, b
    assert list(terms.terms_to_plot(d, 2)["term"]) == ["c", "f"]          # best of each ranking, z order
    assert list(terms.terms_to_plot(d, 4)["term"]) == ["a", "c", "d", "f"]
    with pytest.raises(ValueError):
        terms.terms_to_plot(d, -1)


def test_era_sizes_agree_with_sentence_table_and_doc_words(bundled_corpus):
    tokens = terms.token_table(bundled_corpus)
    sizes = terms.era_sizes(bundled_corpus, tokens, ["trump_1", "biden", "trump_2"]).set_index("era")
    assert list(sizes.reset_index().columns) == list(terms.ERA_SIZE_COLUMNS)
    sentences = sentence_table(bundled_corpus).merge(bundled_corpus[["doc_id", "era"]], on="doc_id")
    words = terms.doc_words(tokens).merge(bundled_corpus[["doc_id", "era"]], on="doc_id")
    for era in ("trump_1", "biden"):
        assert sizes.loc[era, "n_sentences"] == (sentences["era"] == era).sum()
        assert sizes.loc[era, "n_words"] == words.loc[words["era"] == era, "n_words"].sum()
    assert tuple(sizes.loc["trump_1", ["n_articles"]]) == (4,) and sizes.loc["biden", "n_articles"] == 1
    assert sizes.loc["trump_2"].tolist() == [0, 0, 0]


def test_concat_tokens_of_batches_equals_token_table(bundled_corpus):
    whole = terms.token_table(bundled_corpus)
    parts = [terms.token_table(bundled_corpus.iloc[i:i + 2]) for i in range(0, len(bundled_corpus), 2)]
    joined = terms.concat_tokens(parts)
    assert list(joined.columns) == list(terms.TOKEN_COLUMNS)
    assert list(joined["doc_id"].cat.categories) == list(bundled_corpus["doc_id"])
    pd.testing.assert_frame_equal(joined, whole, check_categorical=False)
    for column in ("doc_id", "text", "lower", "lemma"):
        assert joined[column].astype(object).tolist() == whole[column].astype(object).tolist()
    # counts and KWIC read the joined table like the whole one
    assert terms.term_counts(bundled_corpus, tokens=joined).equals(terms.term_counts(bundled_corpus, tokens=whole))
    assert terms.kwic(bundled_corpus, "border", tokens=joined).equals(terms.kwic(bundled_corpus, "border", tokens=whole))
    assert terms.concat_tokens([]).empty


# --------------------------------------------------------------------------- many terms, sensitivity

def _two_era_corpus():
    a = ["The wall plan stalled again in Congress.", "Officials said the wall would rise.",
         "The wall and the tariffs dominated talks."]
    b = ["Asylum officers met families at the port.", "The asylum backlog grew, officials said.",
         "Lawyers described the asylum hearings as rushed."]
    return make_corpus([{"doc_id": f"a{i}", "text": t, "era": "trump_1"} for i, t in enumerate(a)]
                       + [{"doc_id": f"b{i}", "text": t, "era": "biden"} for i, t in enumerate(b)])


def test_q_values_and_one_article_flag():
    corpus = _two_era_corpus()
    d = terms.distinctive_terms(corpus, "trump_1", "biden", min_count=1)
    assert list(d.columns) == list(terms.DISTINCTIVE_COLUMNS)
    assert np.allclose(d["z_p"], 2 * stats.norm.sf(d["z"].abs()))
    assert np.allclose(d["z_q"], stats.false_discovery_control(d["z_p"], method="bh"))
    assert (d["z_q"] >= d["z_p"] - 1e-12).all() and (d["g2_q"] >= d["g2_p"] - 1e-12).all()
    row = d.set_index("term")
    assert not row.loc["wall", "one_article"]          # in all three articles of its era
    assert row.loc["tariff", "one_article"]            # one article's subject


def test_user_stop_words_are_dropped():
    corpus = _two_era_corpus()
    d = terms.distinctive_terms(corpus, "trump_1", "biden", min_count=1, stop_words=["Wall", "asylum"])
    assert not {"wall", "asylum"} & set(d["term"])
    assert "official" in set(d["term"]) or "officials" in set(d["term"])


def test_top_term_sensitivity():
    corpus = _two_era_corpus()
    table = terms.top_term_sensitivity(corpus, "trump_1", "biden", n=3, min_count=1)
    assert list(table.columns) == list(terms.SENSITIVITY_COLUMNS)
    assert set(table["setting"]) == {f"prior ×{s}, stop words {w}" for s in ("0.1", "1", "10")
                                     for w in ("dropped", "kept")}
    assert table[table["setting"] == terms.DEFAULT_SETTING]["in_default"].all()
    kept = table[table["stop_words"] == "kept"]
    assert kept["term"].isin(["the", "and", "at", "as", "in"]).any() or not kept["in_default"].all()
    summary = terms.sensitivity_summary(table)
    assert set(summary.columns) == {"setting", "era", "n_top", "n_in_default", "new"}
    default = summary[summary["setting"] == terms.DEFAULT_SETTING]
    assert (default["n_in_default"] == default["n_top"]).all() and (default["new"] == "").all()


@pytest.mark.parametrize("by", ["era", "doc_id", "outlet"])
def test_counts_by_equals_a_plain_groupby(bundled_corpus, by):
    """counts_by (on integer codes) gives what its definition says, computed the plain
    way: per-article counts joined to the groups, summed, articles counted, then sorted."""
    tokens = terms.token_table(bundled_corpus)
    per_doc = terms.doc_terms(tokens, (1, 3))
    words = terms.doc_words(tokens)
    got = terms.counts_by(per_doc, words, bundled_corpus, by=by)
    groups = bundled_corpus[["doc_id"] + ([by] if by != "doc_id" else [])].drop_duplicates("doc_id")
    joined = per_doc.merge(groups, on="doc_id") if by != "doc_id" else per_doc
    want = (joined.groupby([by, "term"], sort=False)
            .agg(ngram=("ngram", "first"), n=("n", "sum"), n_docs=("doc_id", "nunique")).reset_index())
    want["n_words"] = want[by].map(words.merge(groups, on="doc_id").groupby(by)["n_words"].sum()).astype(np.int64)
    want["per_10k"] = 10_000 * want["n"] / want["n_words"]
    order = {g: k for k, g in enumerate(dict.fromkeys(bundled_corpus[by]))}
    want = (want.assign(_g=want[by].map(order))
            .sort_values(["_g", "n", "term"], ascending=[True, False, True]).drop(columns="_g")
            .reset_index(drop=True))
    pd.testing.assert_frame_equal(got, want)

"""Tables built on the quotes (borderlines.compare.quotes): speakers, unknown speakers,
counts per article, voice groups, rates and shares per era, top speakers and the quote
table, on the bundled corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from borderlines.compare.quotes import (OTHER_VOICE, QUOTE_ARTICLE_COLUMNS, QUOTE_TABLE_COLUMNS,
                                        TOP_SPEAKER_COLUMNS, UNATTRIBUTED, UNKNOWN_COUNTRY, VOICE_GROUPS,
                                        included_quotes, quote_counts_per_article, quote_table,
                                        quotes_by_era, quotes_by_speaker, quotes_with_articles, top_speakers,
                                        unknown_speakers, voice_counts_per_article, voice_group)
from borderlines.nlp import get_nlp, is_word, sentence_table
from borderlines.quotes import KINDS, ROLES
from borderlines.uncertainty import era_rates, era_shares
from quote_examples import quotes_of

TRUMP = "Donald Trump"
OWN_WORDS = ["direct", "partial", "embedded"]


@pytest.fixture(scope="module")
def placed_quotes(bundled_corpus, bundled_quotes) -> pd.DataFrame:
    return quotes_with_articles(bundled_quotes, bundled_corpus)


# --------------------------------------------------------------------------- speakers and counts


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


def test_unknown_speakers_list_each_unlisted_speaker_with_its_mentions():
    q = quotes_of("Gov. Jane Smith of Arizona said the state would sue. “We will win in court,” Smith said. "
                  "“We will appeal,” Smith added.")
    listed = unknown_speakers(q)
    assert listed.loc[0, "speaker"] == "Jane Smith" and listed.loc[0, "n"] == 3
    assert "Gov. Jane Smith" in listed.loc[0, "mentions"]


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

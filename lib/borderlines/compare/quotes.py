"""Tables over the quotes of :func:`~borderlines.quotes.extract_quotes`: per speaker, per
article, per era and per voice group, with the speakers missing from the actors table and
how each speaker was found. The quote measures compared between eras are
:func:`borderlines.measures.quote_measures`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from ..nlp import count_words, get_nlp
from ..quotes import KINDS, ROLES, UNKNOWN_ROLE


# --------------------------------------------------------------------------- summaries

#: Columns of :func:`quotes_by_speaker`.
SPEAKER_COLUMNS = {
    "speaker": "speaker (canonical name, or as written when unlisted)",
    "role": "role category or 'unknown'",
    "country": "country ('' when unknown)",
    "n": "quotes of every kind",
    **{k: f"{k} quotes" for k in KINDS},
    "n_articles": "articles quoting the speaker",
    "mean_confidence": "mean attribution confidence of the speaker's quotes",
}


def quotes_by_speaker(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per attributed speaker with quote counts by kind, most quoted first;
    columns :data:`SPEAKER_COLUMNS`. Unattributed quotes are left out."""
    q = quotes[quotes["speaker"] != ""]
    if q.empty:
        return pd.DataFrame(columns=list(SPEAKER_COLUMNS))
    counts = (q.pivot_table(index=["speaker", "role", "country"], columns="kind", values="start",
                            aggfunc="size", fill_value=0)
              .reindex(columns=list(KINDS), fill_value=0))
    out = counts.assign(n=counts.sum(axis=1),
                        n_articles=q.groupby(["speaker", "role", "country"])["doc_id"].nunique(),
                        mean_confidence=q.groupby(["speaker", "role", "country"])["confidence"].mean().round(3))
    out = out.reset_index().sort_values(["n", "speaker"], ascending=[False, True], kind="stable")
    return out[list(SPEAKER_COLUMNS)].reset_index(drop=True).rename_axis(None, axis=1)


#: Where the speakers of :func:`speaker_sources` come from, in display order.
SPEAKER_SOURCES = {
    "text": "named in the article only (not in the actors table)",
    "actor_table": "named in the article and found in the actors table",
    "none": "no speaker: the text names nobody",
}


def speaker_sources(quotes: pd.DataFrame) -> pd.DataFrame:
    """How the speakers of ``quotes`` (from :func:`extract_quotes`) were found: one row per
    :data:`SPEAKER_SOURCES` key, in its order, with ``description``, ``n`` (quotes),
    ``share`` (0–1 of all rows) and ``n_ambiguous`` (quotes whose surname the text could
    not decide between people)."""
    counts = quotes["speaker_source"].value_counts()
    ambiguous = quotes.loc[quotes["ambiguous"].astype(bool), "speaker_source"].value_counts()
    total = max(len(quotes), 1)
    return pd.DataFrame([{"speaker_source": key, "description": text, "n": int(counts.get(key, 0)),
                          "share": counts.get(key, 0) / total, "n_ambiguous": int(ambiguous.get(key, 0))}
                         for key, text in SPEAKER_SOURCES.items()])


#: Columns of :func:`unknown_speakers`.
UNKNOWN_SPEAKER_COLUMNS = {
    "speaker": "the speaker as written in the articles",
    "n": "quotes attributed to them",
    "n_articles": "articles quoting them",
    "doc_ids": "those articles, '|'-separated",
    "mentions": "how the text names them, '|'-separated",
    "example": "a sentence quoting them",
}


def unknown_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """Speakers missing from the actors table (role ``unknown``) and how often they are
    quoted, most quoted first, for the researcher to add to ``data/actors.csv``; columns
    :data:`UNKNOWN_SPEAKER_COLUMNS`."""
    q = quotes[(quotes["role"] == UNKNOWN_ROLE) & (quotes["speaker"] != "")]
    if q.empty:
        return pd.DataFrame(columns=list(UNKNOWN_SPEAKER_COLUMNS))
    out = q.groupby("speaker", sort=False).agg(
        n=("start", "size"), n_articles=("doc_id", "nunique"),
        doc_ids=("doc_id", lambda s: "|".join(sorted(set(s)))),
        mentions=("speaker_mention", lambda s: "|".join(dict.fromkeys(s))),
        example=("sentence", "first")).reset_index()
    return out.sort_values(["n", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


#: Columns of :func:`quote_counts_per_article`.
QUOTE_COUNT_COLUMNS = {
    "doc_id": "article id",
    "era": "era key of the article",
    "era_label": "era name",
    "<by>": "one column per category asked for (default role); every category appears "
            "for every article, with n = 0 when the article has none",
    "n": "quotes of the article in the category",
    "n_words": "words in the article's clean text (borderlines.nlp.is_word), for rates per 1,000 words",
}


def _article_word_counts(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.Series:
    """Words (:func:`borderlines.nlp.is_word`) in each article's clean text, indexed by
    ``doc_id``: the ``n_words`` column of ``corpus`` when it has one (the study's
    ``articles`` table, :mod:`borderlines.study`), else from ``sentences`` (the sentence
    table) when given, else by tokenizing."""
    if "n_words" in corpus.columns:
        return pd.Series(corpus["n_words"].to_numpy("int64"), index=[str(d) for d in corpus["doc_id"]],
                         dtype="int64", name="n_words")
    if sentences is not None:
        counts = sentences.groupby(sentences["doc_id"].astype(str))["n_words"].sum()
        return counts.reindex([str(d) for d in corpus["doc_id"]], fill_value=0).astype("int64")
    tokenizer = get_nlp().tokenizer
    n = [count_words(doc) for doc in tokenizer.pipe(corpus["text"], batch_size=64)]
    return pd.Series(n, index=[str(d) for d in corpus["doc_id"]], dtype="int64", name="n_words")


def quote_counts_per_article(quotes: pd.DataFrame, corpus: pd.DataFrame, by: str | Sequence[str] | None = "role",
                             kinds: Iterable[str] | None = None,
                             sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quotes per article and category, with zero rows, the article's era and word count:
    columns :data:`QUOTE_COUNT_COLUMNS`. Feed it to ``era_shares(counts, category="role",
    count="n")``; with ``by=None`` (one row per article) to ``era_rates(counts, "n",
    "n_words", scale=1000)``. ``kinds`` keeps only those kinds of quote (default all).
    ``corpus``: best the study's ``articles`` table, whose ``n_words`` every notebook
    divides by (else words are counted from ``sentences`` or the text)."""
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    q = quotes if kinds is None else quotes[quotes["kind"].isin(list(kinds))]
    missing = [c for c in by if c not in q.columns]
    if missing:
        raise ValueError(f"quotes table has no column(s) {missing}: choose from {list(q.columns)}")
    articles = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str),
                             "era": corpus["era"] if "era" in corpus else "",
                             "era_label": corpus["era_label"] if "era_label" in corpus else ""})
    articles["n_words"] = _article_word_counts(corpus, sentences).to_numpy()
    if by:
        if by == ["role"]:
            cats = pd.DataFrame({"role": [*ROLES, UNKNOWN_ROLE]
                                 + sorted(set(q["role"]) - set(ROLES) - {UNKNOWN_ROLE})})
        else:
            cats = q[by].drop_duplicates().sort_values(by).reset_index(drop=True)
        grid = articles.merge(cats, how="cross")
        n = q.assign(doc_id=q["doc_id"].astype(str)).groupby(["doc_id", *by]).size().rename("n").reset_index()
        out = grid.merge(n, on=["doc_id", *by], how="left")
    else:
        n = q.assign(doc_id=q["doc_id"].astype(str)).groupby("doc_id").size().rename("n").reset_index()
        out = articles.merge(n, on="doc_id", how="left")
    out["n"] = out["n"].fillna(0).astype("int64")
    return out[["doc_id", "era", "era_label", *by, "n", "n_words"]].reset_index(drop=True)


# --------------------------------------------------------------------------- voices per era

#: Voice groups the notebooks compare, in display order: group -> the roles it holds.
#: Unattributed quotes and speakers missing from the actors table (role ``unknown``)
#: count as "Other or unknown".
VOICE_GROUPS = {
    "US government": ("us_executive", "us_agency", "us_congress_or_state"),
    "Mexican government": ("mexico_government",),
    "Central American governments": ("central_america_government",),
    "International organizations": ("international_org",),
    "Experts and NGOs": ("expert_or_ngo",),
    "Other or unknown": ("other", UNKNOWN_ROLE),
}
OTHER_VOICE = "Other or unknown"
_GROUP_OF_ROLE = {role: group for group, roles in VOICE_GROUPS.items() for role in roles}
#: Country shown for quotes whose speaker's country is not known.
UNKNOWN_COUNTRY = "unknown"
#: Speaker shown for quotes whose text names nobody.
UNATTRIBUTED = "(unattributed)"


def voice_group(role: str) -> str:
    """The voice group (a key of :data:`VOICE_GROUPS`) holding ``role``; any role not
    listed there counts as :data:`OTHER_VOICE`."""
    return _GROUP_OF_ROLE.get(role, OTHER_VOICE)


def included_quotes(quotes: pd.DataFrame, kinds: Iterable[str]) -> pd.DataFrame:
    """The rows of ``quotes`` whose kind is in ``kinds`` (a subset of :data:`KINDS`);
    ``ValueError`` naming the valid kinds for any other."""
    kinds = list(kinds)
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise ValueError(f"unknown kind(s) {bad}: choose from {list(KINDS)}")
    return quotes[quotes["kind"].isin(kinds)].reset_index(drop=True)


#: Columns :func:`quotes_with_articles` adds to :data:`QUOTE_COLUMNS`.
QUOTE_ARTICLE_COLUMNS = {
    "era": "era key of the quoting article",
    "era_label": "era name of the quoting article",
    "outlet": "publication of the quoting article",
    "date": "publication date of the quoting article",
    "title": "headline of the quoting article",
    "voice_group": "the speaker's voice group (VOICE_GROUPS)",
}


def quotes_with_articles(quotes: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` (from :func:`extract_quotes`) with the quoting article's era, outlet,
    date and title and the speaker's voice group: the columns of ``quotes`` then
    :data:`QUOTE_ARTICLE_COLUMNS`, rows in the same order."""
    articles = corpus.assign(doc_id=corpus["doc_id"].astype(str)).set_index("doc_id")
    out = quotes.copy()
    doc_ids = out["doc_id"].astype(str)
    for col in ("era", "era_label", "outlet", "date", "title"):
        values = articles[col] if col in articles.columns else pd.Series("", index=articles.index)
        out[col] = doc_ids.map(values)
    out["date"] = pd.to_datetime(out["date"])
    out["voice_group"] = out["role"].map(voice_group)
    return out


def _era_labels(quotes: pd.DataFrame, labels: dict[str, str] | None) -> dict[str, str]:
    found = dict(zip(quotes["era"], quotes["era_label"])) if len(quotes) else {}
    return {**found, **(labels or {})}


#: Columns of :func:`quotes_by_era`.
ERA_QUOTE_COLUMNS = {
    "era": "era key",
    "era_label": "era name",
    "n_articles": "articles of the corpus in the era",
    **{k: f"{k} quotes in the era's articles" for k in KINDS},
}


def quotes_by_era(quotes: pd.DataFrame, corpus: pd.DataFrame, eras: Sequence[str],
                  labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Raw counts: for each era key in ``eras`` (in that order, empty eras included),
    its articles and its quotes of each kind; columns :data:`ERA_QUOTE_COLUMNS`.
    ``quotes`` from :func:`quotes_with_articles`; ``labels`` maps era keys to names."""
    names = _era_labels(quotes, labels)
    rows = []
    for key in eras:
        kinds = quotes.loc[quotes["era"] == key, "kind"].value_counts()
        rows.append({"era": key, "era_label": names.get(key, key),
                     "n_articles": int((corpus["era"] == key).sum()),
                     **{k: int(kinds.get(k, 0)) for k in KINDS}})
    return pd.DataFrame(rows, columns=list(ERA_QUOTE_COLUMNS))


def voice_counts_per_article(quotes: pd.DataFrame, corpus: pd.DataFrame, by: str = "voice_group",
                             kinds: Iterable[str] | None = None,
                             sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quotes per article and voice, zeros included, for
    :func:`borderlines.uncertainty.era_shares`: columns ``doc_id``, ``era``,
    ``era_label``, ``by``, ``n`` (quotes), ``n_words``.

    ``by="voice_group"``: every group of :data:`VOICE_GROUPS`, in its order.
    ``by="country"``: every speaker country quoted, most quoted first, with
    :data:`UNKNOWN_COUNTRY` (no country known, or unattributed) last. Other columns of
    ``quotes`` work as in :func:`quote_counts_per_article`. ``kinds`` keeps only those kinds."""
    if by == "voice_group":
        counts = quote_counts_per_article(quotes, corpus, by="role", kinds=kinds, sentences=sentences)
        counts["voice_group"] = counts["role"].map(voice_group)
        keys = ["doc_id", "era", "era_label", "n_words", "voice_group"]
        out = counts.groupby(keys, sort=False, dropna=False, as_index=False)["n"].sum()
    elif by == "country":
        q = quotes.assign(country=quotes["country"].replace("", UNKNOWN_COUNTRY))
        out = quote_counts_per_article(q, corpus, by="country", kinds=kinds, sentences=sentences)
        totals = out.groupby("country")["n"].sum()
        order = sorted(totals.index, key=lambda c: (c == UNKNOWN_COUNTRY, -totals[c], c))
        rank = {c: i for i, c in enumerate(order)}
        out = (out.assign(_r=out["country"].map(rank)).sort_values(["doc_id", "_r"], kind="stable")
               .drop(columns="_r"))
    else:
        out = quote_counts_per_article(quotes, corpus, by=by, kinds=kinds, sentences=sentences)
    return out[["doc_id", "era", "era_label", by, "n", "n_words"]].reset_index(drop=True)


#: Columns of :func:`top_speakers`.
TOP_SPEAKER_COLUMNS = {
    "era": "era key",
    "era_label": "era name",
    "rank": "1 = most quoted in the era; the aggregate rows come last",
    "speaker": "the speaker; 'Other speakers (k)' and UNATTRIBUTED for the aggregate rows",
    "role": "role category ('' for aggregate rows)",
    "voice_group": "voice group (VOICE_GROUPS; '' for aggregate rows)",
    "country": "the speaker's country ('' when unknown or aggregate)",
    "n": "quotes in the era's articles",
    "n_articles": "articles of the era quoting the speaker",
    "share": "n / all quotes of the era (0–1)",
    "aggregate": "True for the rows that sum other speakers or unattributed quotes",
}


def top_speakers(quotes: pd.DataFrame, eras: Sequence[str], n: int = 10) -> pd.DataFrame:
    """The ``n`` most quoted speakers of each era key in ``eras`` (ties by name), then one
    row for all other attributed speakers and one for unattributed quotes (when there
    are any), so each era's rows sum to its quotes; columns :data:`TOP_SPEAKER_COLUMNS`.
    ``quotes`` from :func:`quotes_with_articles`; eras without quotes have no rows."""
    rows = []
    for key in eras:
        q = quotes[quotes["era"] == key]
        if q.empty:
            continue
        label, total = q["era_label"].iloc[0], len(q)
        named = q[q["speaker"] != ""]
        per = (named.groupby(["speaker", "role", "country"], sort=False)
               .agg(n=("doc_id", "size"), n_articles=("doc_id", "nunique")).reset_index()
               .sort_values(["n", "speaker"], ascending=[False, True], kind="stable"))
        era_rows = [{"speaker": r.speaker, "role": r.role, "voice_group": voice_group(r.role),
                     "country": r.country, "n": int(r.n), "n_articles": int(r.n_articles), "aggregate": False}
                    for r in per.head(max(n, 0)).itertuples(index=False)]
        rest = per.iloc[max(n, 0):]
        if len(rest):
            others = named[named["speaker"].isin(set(rest["speaker"]))]
            era_rows.append({"speaker": f"Other speakers ({len(rest)})", "role": "", "voice_group": "",
                             "country": "", "n": len(others), "n_articles": others["doc_id"].nunique(),
                             "aggregate": True})
        unnamed = q[q["speaker"] == ""]
        if len(unnamed):
            era_rows.append({"speaker": UNATTRIBUTED, "role": "", "voice_group": "", "country": "",
                             "n": len(unnamed), "n_articles": unnamed["doc_id"].nunique(), "aggregate": True})
        rows += [{"era": key, "era_label": label, "rank": i, **r, "share": r["n"] / total}
                 for i, r in enumerate(era_rows, start=1)]
    return pd.DataFrame(rows, columns=list(TOP_SPEAKER_COLUMNS)).astype(
        {"rank": "int64", "n": "int64", "n_articles": "int64", "share": "float64", "aggregate": "bool"})


#: Columns of :func:`quote_table`.
QUOTE_TABLE_COLUMNS = {
    "era": "era name of the quoting article",
    "speaker": "the speaker (UNATTRIBUTED when the text names nobody)",
    "role": "the speaker's role category",
    "kind": "direct | partial | embedded | indirect",
    "quote": "the quoted words",
    "sentence": "the sentence holding the quote",
    "doc_id": "the quoting article's id (in a report, a link to its text at this sentence)",
    "article_title": "the quoting article: 'outlet · YYYY-MM-DD · title' (empty parts left out)",
    "confidence": "attribution confidence (0–1, two decimals)",
    "sent_id": "the sentence's position in the article (0-based; <NA> when unknown)",
}


def quote_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes of :func:`quotes_with_articles` for reading: one row per quote with its
    era, speaker, role, kind, words, sentence and article, and where it stands (article id
    and sentence); columns :data:`QUOTE_TABLE_COLUMNS`."""
    dates = pd.to_datetime(quotes["date"]).dt.strftime("%Y-%m-%d")
    parts = zip(quotes["outlet"], dates, quotes["title"])
    article = [" · ".join(str(x) for x in part if isinstance(x, str) and x) for part in parts]
    out = pd.DataFrame({
        "era": quotes["era_label"],
        "speaker": quotes["speaker"].replace("", UNATTRIBUTED),
        "role": quotes["role"], "kind": quotes["kind"], "quote": quotes["quote"],
        "sentence": quotes["sentence"], "doc_id": quotes["doc_id"].astype(str),
        "article_title": pd.Series(article, index=quotes.index, dtype="object"),
        "confidence": quotes["confidence"].round(2),
        "sent_id": pd.array(quotes["sent_id"], dtype="Int64") if "sent_id" in quotes else pd.NA})
    return out[list(QUOTE_TABLE_COLUMNS)].reset_index(drop=True)

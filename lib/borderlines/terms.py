"""Terms: word and n-gram counts per era, distinctive terms, keyword in context.

The work is split in steps, each a pure function on tables, so the expensive step
(tokenizing) runs once and per-article results can be computed anywhere (one process,
or per partition on Dask) and then summed::

    corpus --token_table--> tokens --doc_terms, doc_words--> per-article counts
           --counts_by--> per-era counts --distinctive_terms_from_counts--> comparison

:func:`term_counts` and :func:`distinctive_terms` chain these for the common case.

Words, lemmas, stop words
    Tokens come from the suite's spaCy pipeline (:func:`borderlines.nlp.get_nlp`, blank
    English); a *word* is :func:`borderlines.nlp.is_word`, and "per 10,000 words" always
    divides by all words, stop words included. Lemmas come from spaCy's English lookup
    table (package ``spacy-lookups-data``), read case-sensitively as spaCy does, with
    two guards against its quirks (see :func:`word_lemma`); terms are lowercase.
    Stop words are spaCy's English list (``spacy.lang.en.stop_words.STOP_WORDS``); a
    token is a stop word when its lowercase form or its lemma is on the list (so "said",
    lemma "say", is one).

N-grams
    Runs of 1 to 3 consecutive words within one sentence; a punctuation token between
    two words breaks the run. With ``drop_stopwords`` a unigram must not be a stop word
    and a longer n-gram must neither start nor end with one ("remain in mexico" is kept;
    "of the" and "the border" are not).

Distinctive terms (era A against era B)
    * Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn
      2008, "Fightin' Words", §3.5, eqs. 16–22)::

          δ_w = log[(y_wA + α_w) / (n_A + α_0 − y_wA − α_w)]
              − log[(y_wB + α_w) / (n_B + α_0 − y_wB − α_w)]
          σ²_w ≈ 1/(y_wA + α_w) + 1/(y_wB + α_w)          z_w = δ_w / σ_w

      y_wE is the count of term w in era E, n_E = Σ_w y_wE (all counted terms of the
      era). The prior is the *whole corpus* (every era, not only A and B):
      α_w = α_0 · y_w / Σ_v y_v with y_w the count of w in the whole corpus. By default
      α_0 = Σ_v y_v, i.e. α_w = y_w: the prior weighs as much as the corpus itself, so
      its weight relative to the data is the same whatever the corpus size, and rare
      terms are strongly shrunk; pass ``alpha0`` for a weaker (e.g. 1000) or stronger
      prior. With an n-gram range, the vocabulary holds every n-gram size counted.
      Positive z favours era A.
    * Log-likelihood keyness G² (Rayson and Garside 2000; the two-cell form of the
      Lancaster UCREL calculator) with corpus sizes = words in each era, its p-value
      (χ², 1 df) and, as effect size, Hardie's (2014) log ratio
      log2((a/c)/(b/d)), with a zero frequency replaced by 0.5.
    * Many terms are tested at once: ``z_q`` and ``g2_q`` are Benjamini–Hochberg
      q-values across the terms listed, and ``one_article`` flags a term found in a
      single article of the era it favours. :func:`top_term_sensitivity` shows how the
      top lists move with the prior's strength and with stop words.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals
from scipy import stats
from spacy.attrs import IDX, IS_SPACE, LENGTH, ORTH, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS

from .nlp import get_nlp, is_word

#: Columns of :func:`token_table` (one row per non-space token, in text order).
TOKEN_COLUMNS = {
    "doc_id": "article id (categorical, categories in corpus order)",
    "sent_id": "0-based sentence number in the article (as in nlp.sentence_table)",
    "i": "spaCy token index in the article",
    "start": "offset of the token in the clean text (characters)",
    "end": "end offset (exclusive) in the clean text (characters)",
    "text": "the token as written (categorical)",
    "lower": "lowercase token (categorical)",
    "lemma": "lowercase lookup lemma, see word_lemma (categorical)",
    "is_word": "True for a word (nlp.is_word)",
    "is_stop": "True when the lowercase form or the lemma is a spaCy stop word",
}

#: Columns of :func:`doc_terms` (one row per article and term it contains).
DOC_TERM_COLUMNS = {
    "doc_id": "article id",
    "term": "lowercase lemma or word n-gram, words joined by one space",
    "ngram": "number of words in the term (1 to 3)",
    "n": "occurrences in the article",
}

#: Columns of :func:`doc_words`.
DOC_WORD_COLUMNS = {
    "doc_id": "article id",
    "n_words": "words in the article (nlp.is_word), stop words included",
}

#: Columns of :func:`counts_by` / :func:`term_counts`; the first column is named after
#: ``by`` (``era`` by default, or ``doc_id`` or any corpus column).
TERM_COUNT_COLUMNS = {
    "<by>": "group key, e.g. era",
    "term": "lowercase lemma or word n-gram",
    "ngram": "number of words in the term",
    "n": "occurrences in the group (terms with none are not listed)",
    "n_docs": "articles of the group containing the term",
    "n_words": "words in the group (all words, stop words included)",
    "per_10k": "occurrences per 10,000 words of the group",
}

#: Columns of :func:`distinctive_terms`, sorted by ``z`` descending (era A first).
DISTINCTIVE_COLUMNS = {
    "term": "lowercase lemma or word n-gram",
    "ngram": "number of words in the term",
    "count_a": "occurrences in era A",
    "count_b": "occurrences in era B",
    "docs_a": "articles of era A containing the term",
    "docs_b": "articles of era B containing the term",
    "per_10k_a": "occurrences per 10,000 words of era A",
    "per_10k_b": "occurrences per 10,000 words of era B",
    "prior": "Dirichlet prior pseudo-count α_w from the whole corpus",
    "delta": "log-odds ratio δ_w (natural log), A over B",
    "z": "δ_w / σ_w (Monroe et al. 2008); > 0 favours era A",
    "g2": "log-likelihood G² (Rayson and Garside 2000), ≥ 0",
    "g2_p": "p-value of G² (χ², 1 df), not corrected for multiple terms",
    "log_ratio": "Hardie's log ratio log2(rel. freq. A / rel. freq. B); zeros as 0.5",
    "favours": "era key that z favours",
    "z_p": "two-sided normal p-value of z, not corrected",
    "z_q": "Benjamini–Hochberg q-value of z_p across the terms listed (false discovery rate)",
    "g2_q": "Benjamini–Hochberg q-value of g2_p across the terms listed",
    "one_article": "True when the term occurs in a single article of the era it favours: "
                   "one article's subject, not the era's",
}

#: Columns of :func:`kwic` (one row per match, in corpus order).
KWIC_COLUMNS = {
    "doc_id": "article id",
    "era": "era key of the article",
    "sent_id": "sentence of the match's first token",
    "start": "offset of the match in the clean text (characters)",
    "end": "end offset (exclusive) of the match",
    "left": "up to `window` words before the match (whitespace collapsed)",
    "match": "the matched text as written",
    "right": "up to `window` words after the match (whitespace collapsed)",
}


# --------------------------------------------------------------------------- lemmas


@lru_cache(maxsize=1)
def _lemma_table():
    return get_nlp(lemmas=True).get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


@lru_cache(maxsize=1)
def _table_lemmas() -> frozenset[str]:
    return frozenset(_lemma_table().values())


def _lookup(word: str) -> str:
    # The table maps "numbers" to "number" but also "number" to "numb" (and "crossing"
    # to "cross"): a word the table itself gives as a lemma is kept as its own lemma, so
    # every word and its lemma share one lemma.
    if word in _table_lemmas():
        return word
    return _lemma_table().get(word, word)


@lru_cache(maxsize=None)
def word_lemma(text: str, sentence_initial: bool = False) -> str:
    """Lowercase lemma of one token ``text`` from spaCy's English lookup table
    (``spacy-lookups-data``), where a word the table gives as some word's lemma is its
    own lemma ("numbers", "number" → "number"; "found", a noun too, stays "found").

    The table is case-sensitive, which keeps mid-sentence proper names whole ("United
    States" stays "united states"). A capitalized word missing from it is looked up in
    lowercase only when it opens its sentence or is written in capitals ("Migrants",
    "DRUGS"). Stop words are not lemmatized (the table maps "third" to "3")."""
    lower = text.lower()
    if lower in STOP_WORDS:
        return lower
    if text in _lemma_table():
        return _lookup(text).lower()
    if sentence_initial or text.isupper():
        return _lookup(lower).lower()
    return lower


def pattern_lemmas(words: list[str]) -> list[str]:
    """Lemmas of the tokens of a search pattern (a KWIC term or lexicon entry), typed in
    any case: each token is lowercased, then lemmatized like a mid-sentence word."""
    return [word_lemma(w.lower()) for w in words]


@lru_cache(maxsize=None)
def _type_lemmas(text: str) -> tuple[bool, str, str]:
    # (is a word, lemma mid-sentence, lemma as first word of a sentence) of a token text
    return is_word(get_nlp().vocab[text]), word_lemma(text), word_lemma(text, True)


def doc_lemmas(doc) -> list[str]:
    """Lemma of every token of a parsed article (a spaCy ``Doc`` from
    :func:`borderlines.nlp.get_nlp`), exactly as :func:`token_table` gives them: the
    first word of each sentence counts as sentence-initial for :func:`word_lemma`."""
    if not len(doc):
        return []
    arr = doc.to_array([ORTH, SENT_START]).view(np.int64).reshape(-1, 2)
    strings = doc.vocab.strings
    info = [_type_lemmas(strings[int(h)]) for h in arr[:, 0].view(np.uint64)]
    word = np.fromiter((x[0] for x in info), dtype=bool, count=len(info))
    sent = np.cumsum((arr[:, 1] == 1) | (np.arange(len(arr)) == 0))
    words_so_far = np.cumsum(word)
    before_sentence = np.maximum.accumulate(np.where(np.r_[True, sent[1:] != sent[:-1]],
                                                     words_so_far - word, 0))
    initial = word & (words_so_far - before_sentence == 1)
    return [x[2] if first else x[1] for x, first in zip(info, initial)]


# --------------------------------------------------------------------------- tokens


def token_table(corpus: pd.DataFrame, docs=None) -> pd.DataFrame:
    """Every non-space token of every article (``corpus``: ``doc_id``, ``text``), parsed
    once with :func:`borderlines.nlp.get_nlp`; columns :data:`TOKEN_COLUMNS`. ``docs``:
    the articles already parsed (:func:`borderlines.nlp.parse_texts`), one per row, to
    skip parsing again."""
    nlp = get_nlp()
    doc_ids = list(corpus["doc_id"])
    orths, rest, lengths = [], [], []
    for doc in (nlp.pipe(corpus["text"], batch_size=64) if docs is None else docs):
        orths.append(doc.to_array(ORTH))
        rest.append(doc.to_array([IDX, LENGTH, SENT_START, IS_SPACE]).view(np.int64).reshape(-1, 4))
        lengths.append(len(doc))
    doc_index = pd.Index(doc_ids, dtype=object)
    if sum(lengths) == 0:
        return _empty_tokens(doc_index)
    orth = np.concatenate(orths)
    rest_a = np.concatenate(rest)
    doc = np.repeat(np.arange(len(doc_ids)), lengths)
    i = np.concatenate([np.arange(k) for k in lengths])
    sent_start = (rest_a[:, 2] == 1) | (i == 0)
    global_sent = np.cumsum(sent_start)
    keep = rest_a[:, 3] == 0
    if not keep.any():
        return _empty_tokens(doc_index)
    orth, doc, i, global_sent = orth[keep], doc[keep], i[keep], global_sent[keep]
    start = rest_a[keep, 0]
    end = start + rest_a[keep, 1]

    # Sentences numbered among those with a non-space token, like nlp.sentence_table.
    sent_counter = np.cumsum(np.r_[True, global_sent[1:] != global_sent[:-1]])
    first_of_doc = np.r_[True, doc[1:] != doc[:-1]]
    sent_id = sent_counter - np.maximum.accumulate(np.where(first_of_doc, sent_counter, 0))

    # token types in hash order (as np.unique gives), found by hashing, not sorting tokens
    inv, types = pd.factorize(orth)
    by_hash = np.argsort(types)
    recode = np.empty(len(types), dtype=np.int64)
    recode[by_hash] = np.arange(len(types))
    types, inv = types[by_hash], recode[inv]
    # Everything per token type (lowercase form, lemmas, word or not) is computed once per
    # type and spread to the tokens by integer codes: no per-token Python or string work.
    texts = np.array([nlp.vocab.strings[int(h)] for h in types], dtype=object)
    info = [_type_lemmas(t) for t in texts]
    word = np.fromiter((x[0] for x in info), dtype=bool, count=len(info))[inv]
    # The first word of a sentence may have its lemma looked up in lowercase.
    new_sent = np.r_[True, (doc[1:] != doc[:-1]) | (sent_id[1:] != sent_id[:-1])]
    words_so_far = np.cumsum(word)
    before_sentence = np.maximum.accumulate(np.where(new_sent, words_so_far - word, 0))
    initial = word & (words_so_far - before_sentence == 1)
    lower_codes, lower_uniques = pd.factorize(np.array([t.lower() for t in texts], dtype=object))
    lower_cat = _categorical_codes(lower_codes[inv], lower_uniques)
    lemma_codes, lemma_uniques = pd.factorize(np.array([x[1] for x in info] + [x[2] for x in info], dtype=object))
    lemma_cat = _categorical_codes(np.where(initial, lemma_codes[len(info):][inv], lemma_codes[:len(info)][inv]),
                                   lemma_uniques)
    stop_lower = np.array([s in STOP_WORDS for s in lower_cat.categories], dtype=bool)
    stop_lemma = np.array([s in STOP_WORDS for s in lemma_cat.categories], dtype=bool)
    stop = stop_lower[lower_cat.codes] | stop_lemma[lemma_cat.codes]

    return pd.DataFrame({
        "doc_id": pd.Categorical.from_codes(doc, categories=doc_index),
        "sent_id": sent_id.astype(np.int64),
        "i": i.astype(np.int64),
        "start": start.astype(np.int64),
        "end": end.astype(np.int64),
        "text": pd.Categorical.from_codes(inv, categories=pd.Index(texts, dtype=object)),
        "lower": lower_cat,
        "lemma": lemma_cat,
        "is_word": word,
        "is_stop": stop,
    }, columns=list(TOKEN_COLUMNS))


def flat_tokens(tokens: pd.DataFrame) -> pd.DataFrame:
    """A :func:`token_table` with plain text columns instead of categoricals (for
    storing: the study's ``tokens`` table); :func:`tokens_from_flat` turns it back."""
    return tokens.astype({c: object for c in TOKEN_COLUMNS if isinstance(tokens[c].dtype, pd.CategoricalDtype)})


def tokens_from_flat(flat: pd.DataFrame, doc_ids) -> pd.DataFrame:
    """The :func:`token_table` of the articles ``doc_ids`` (in that order, the corpus's)
    from its :func:`flat_tokens` form (rows in article order): the same rows and values,
    ``doc_id``, ``text``, ``lower`` and ``lemma`` categorical again."""
    out = flat.reset_index(drop=True).copy()
    out["doc_id"] = pd.Categorical(out["doc_id"].astype(object), categories=pd.Index(list(doc_ids), dtype=object))
    for c in ("text", "lower", "lemma"):
        codes, uniques = pd.factorize(out[c].astype(object).to_numpy())
        out[c] = _categorical_codes(codes, uniques)
    return out[list(TOKEN_COLUMNS)]


def concat_tokens(tables: list[pd.DataFrame]) -> pd.DataFrame:
    """One :func:`token_table` from the token tables of consecutive batches of a corpus
    (categories united, articles in batch order): the same rows and values as
    :func:`token_table` of the whole corpus, so a large corpus can be read in batches."""
    if not tables:
        return _empty_tokens(pd.Index([], dtype=object))
    categorical = [c for c in TOKEN_COLUMNS if isinstance(tables[0][c].dtype, pd.CategoricalDtype)]
    out = pd.concat([t.drop(columns=categorical) for t in tables], ignore_index=True)
    for c in categorical:
        united = union_categoricals([t[c] for t in tables])
        # keep the categories' dtype of a single token_table (union_categoricals infers str)
        out[c] = united.set_categories(pd.Index(united.categories, dtype=tables[0][c].cat.categories.dtype))
    return out[list(TOKEN_COLUMNS)]


def _empty_tokens(doc_index: pd.Index) -> pd.DataFrame:
    empty_cat = pd.Categorical([], categories=pd.Index([], dtype=object))
    return pd.DataFrame({
        "doc_id": pd.Categorical([], categories=doc_index), "sent_id": np.zeros(0, np.int64),
        "i": np.zeros(0, np.int64), "start": np.zeros(0, np.int64), "end": np.zeros(0, np.int64),
        "text": empty_cat, "lower": empty_cat, "lemma": empty_cat,
        "is_word": np.zeros(0, bool), "is_stop": np.zeros(0, bool)}, columns=list(TOKEN_COLUMNS))


def _categorical_codes(codes: np.ndarray, uniques) -> pd.Categorical:
    # A categorical of uniques[codes] whose categories are in order of first appearance
    # (as pd.factorize of the values would give), found on the integer codes alone.
    order = pd.unique(codes)
    recode = np.empty(len(uniques), dtype=np.int64)
    recode[order] = np.arange(len(order))
    return pd.Categorical.from_codes(recode[codes], categories=pd.Index(np.asarray(uniques, dtype=object)[order],
                                                                        dtype=object))


def doc_words(tokens: pd.DataFrame) -> pd.DataFrame:
    """Words per article from a :func:`token_table`; columns :data:`DOC_WORD_COLUMNS`
    (articles without words get 0)."""
    counts = tokens.groupby("doc_id", observed=False)["is_word"].sum()
    return pd.DataFrame({"doc_id": counts.index.astype(str), "n_words": counts.to_numpy(np.int64)},
                        columns=list(DOC_WORD_COLUMNS))


def _check_range(ngram_range) -> tuple[int, int]:
    lo, hi = (int(x) for x in ngram_range)
    if not 1 <= lo <= hi <= 3:
        raise ValueError(f"ngram_range must be (min, max) with 1 <= min <= max <= 3, got {ngram_range!r}")
    return lo, hi


def doc_terms(tokens: pd.DataFrame, ngram_range: tuple[int, int] = (1, 1), lemmas: bool = True,
              drop_stopwords: bool = True, stop_words=()) -> pd.DataFrame:
    """Term counts per article from a :func:`token_table` (n-grams as in the module
    notes); columns :data:`DOC_TERM_COLUMNS`, sorted by article, n-gram size, term.
    ``stop_words``: the user's own stop words (any case; a token is one when its
    lowercase form or lemma is listed), dropped as spaCy's are, even with
    ``drop_stopwords=False``.

    Articles are independent: the table for a corpus equals the concatenation of the
    tables for any split of its articles."""
    lo, hi = _check_range(ngram_range)
    form = tokens["lemma" if lemmas else "lower"]
    codes = np.asarray(form.cat.codes, dtype=np.int64)
    vocab = np.asarray(form.cat.categories, dtype=object)
    doc_cat = tokens["doc_id"].cat
    doc = np.asarray(doc_cat.codes, dtype=np.int64)
    sent = tokens["sent_id"].to_numpy()
    word = tokens["is_word"].to_numpy(bool)
    stop = tokens["is_stop"].to_numpy(bool) if drop_stopwords else np.zeros(len(tokens), bool)
    stop = stop | _user_stop(tokens, stop_words)
    parts = []
    for size in range(lo, hi + 1):
        m = len(tokens) - size + 1
        if m <= 0:
            continue
        last = size - 1
        valid = word[:m] & ~stop[:m] & ~stop[last:last + m]
        for j in range(1, size):
            valid &= word[j:j + m]
        valid &= (doc[:m] == doc[last:last + m]) & (sent[:m] == sent[last:last + m])
        if not valid.any():
            continue
        # Each n-gram gets an integer id (factorizing its codes one word at a time keeps
        # the keys small), each (article, n-gram) pair is counted on integers, and the
        # term's text is made once per distinct n-gram, not once per article.
        gram, firsts = pd.factorize(codes[:m][valid])
        first_codes = [firsts]
        for j in range(1, size):
            nxt = codes[j:j + m][valid]
            gram, uniq = pd.factorize(gram.astype(np.int64) * len(vocab) + nxt)
            first_codes = [c[uniq // len(vocab)] for c in first_codes] + [uniq % len(vocab)]
        term = (vocab[first_codes[0]] if size == 1 else
                np.array([" ".join(w) for w in zip(*(vocab[c] for c in first_codes))], dtype=object))
        pair, counts = np.unique(doc[:m][valid] * len(term) + gram, return_counts=True)
        d, g = pair // len(term), pair % len(term)
        rank = np.empty(len(term), dtype=np.int64)
        rank[np.argsort(term, kind="stable")] = np.arange(len(term))
        order = np.lexsort((rank[g], d))
        # strings are converted once per distinct term and article, then taken by index
        parts.append(pd.DataFrame({"doc": d[order], "term": pd.array(term, dtype="str").take(g[order]),
                                   "ngram": size, "n": counts[order].astype(np.int64)}))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in
                             zip(DOC_TERM_COLUMNS, (object, object, np.int64, np.int64))})
    out = pd.concat(parts, ignore_index=True).sort_values(["doc", "ngram"], kind="stable")
    doc_ids = pd.array(np.asarray(doc_cat.categories, dtype=object), dtype="str")
    out.insert(0, "doc_id", doc_ids.take(out.pop("doc").to_numpy()))
    return out.reset_index(drop=True)[list(DOC_TERM_COLUMNS)]


def _user_stop(tokens: pd.DataFrame, stop_words) -> np.ndarray:
    # True for tokens whose lowercase form or lemma is one of the user's stop words.
    words = {str(w).lower() for w in stop_words}
    if not words:
        return np.zeros(len(tokens), bool)
    return (tokens["lower"].astype(object).isin(words) | tokens["lemma"].astype(object).isin(words)).to_numpy(bool)


# --------------------------------------------------------------------------- counts


def counts_by(terms: pd.DataFrame, words: pd.DataFrame, corpus: pd.DataFrame,
              by: str = "era") -> pd.DataFrame:
    """Sum per-article ``terms`` (:func:`doc_terms`) and ``words`` (:func:`doc_words`)
    over the groups of corpus column ``by``; columns :data:`TERM_COUNT_COLUMNS`, groups
    in order of first appearance in ``corpus``, terms by count descending."""
    if by not in corpus.columns:
        raise ValueError(f"cannot count by '{by}': the corpus has no such column "
                         f"(columns: {', '.join(map(str, corpus.columns))})")
    # Counted on integer codes (article → group, term → id): one pass, no string joins.
    groups = (corpus[["doc_id", by]] if by != "doc_id" else corpus[["doc_id"]]).drop_duplicates("doc_id")
    group_codes, group_keys = pd.factorize(groups[by].to_numpy(object), sort=False)
    doc_index = pd.Index(groups["doc_id"].to_numpy(object))
    word_group = _group_of(doc_index, group_codes, words["doc_id"])
    keep = word_group >= 0
    word_tot = np.bincount(word_group[keep], weights=words["n_words"].to_numpy(np.float64)[keep],
                           minlength=len(group_keys)).astype(np.int64)
    d_codes, d_uniques = pd.factorize(terms["doc_id"])
    g = _group_of(doc_index, group_codes, d_uniques)[d_codes] if len(d_codes) else np.zeros(0, np.int64)
    keep = g >= 0
    t_codes, t_uniques = pd.factorize(terms["term"])
    t_codes, d_codes, g = t_codes[keep], d_codes[keep], g[keep].astype(np.int64)
    n_t, n_d = max(len(t_uniques), 1), max(len(d_uniques), 1)
    cells, first, cell = np.unique(g * n_t + t_codes, return_index=True, return_inverse=True)
    n = np.bincount(cell, weights=terms["n"].to_numpy(np.float64)[keep], minlength=len(cells)).astype(np.int64)
    n_docs = np.bincount(pd.unique(cell.astype(np.int64) * n_d + d_codes) // n_d,
                         minlength=len(cells)).astype(np.int64)
    cell_group, cell_term = cells // n_t, cells % n_t
    term = np.asarray(t_uniques, dtype=object)[cell_term]
    rank = np.empty(len(t_uniques), dtype=np.int64)
    rank[np.argsort(np.asarray(t_uniques, dtype=object), kind="stable")] = np.arange(len(t_uniques))
    # groups in order of first appearance in the corpus, then count descending, then term
    appearance = pd.Index(list(dict.fromkeys(corpus[by]))).get_indexer(pd.Index(group_keys))
    order = np.lexsort((rank[cell_term], -n, appearance[cell_group]))
    words_of = word_tot[cell_group][order]
    out = pd.DataFrame({by: np.asarray(group_keys, dtype=object)[cell_group[order]], "term": term[order],
                        "ngram": terms["ngram"].to_numpy(np.int64)[keep][first[order]],
                        "n": n[order], "n_docs": n_docs[order], "n_words": words_of})
    out[by] = out[by].astype(corpus[by].dtype)
    out["per_10k"] = 10_000 * out["n"] / out["n_words"].where(out["n_words"] > 0)
    return out[[by, *list(TERM_COUNT_COLUMNS)[1:]]]


def _group_of(doc_index: pd.Index, group_codes: np.ndarray, doc_ids) -> np.ndarray:
    # The group code of each article id in doc_ids (-1 for an article not in the corpus).
    pos = doc_index.get_indexer(pd.Index(doc_ids))
    return np.where(pos >= 0, np.asarray(group_codes)[pos], -1)


def term_counts(corpus: pd.DataFrame, ngram_range: tuple[int, int] = (1, 1), by: str = "era",
                lemmas: bool = True, drop_stopwords: bool = True,
                tokens: pd.DataFrame | None = None, stop_words=()) -> pd.DataFrame:
    """Term counts per ``by`` group (``era``, ``doc_id`` or another corpus column), with
    rates per 10,000 words; columns :data:`TERM_COUNT_COLUMNS`. Pass ``tokens`` (from
    :func:`token_table`) to skip tokenizing again; ``stop_words``: the user's own
    stop words (:func:`doc_terms`)."""
    tokens = token_table(corpus) if tokens is None else tokens
    terms = doc_terms(tokens, ngram_range, lemmas=lemmas, drop_stopwords=drop_stopwords, stop_words=stop_words)
    return counts_by(terms, doc_words(tokens), corpus, by=by)


# --------------------------------------------------------------------------- statistics


def log_odds_dirichlet(y_a, y_b, alpha) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(delta, variance, z)`` of the log-odds ratio with informative Dirichlet prior
    (Monroe et al. 2008, eqs. 16–22) for every term of a vocabulary.

    ``y_a``, ``y_b``: counts of each term in the two groups; ``alpha``: prior pseudo-
    count of each term (α_0 is their sum). All three cover the same, whole vocabulary,
    since n_A, n_B and α_0 are sums over it."""
    y_a, y_b, alpha = (np.asarray(x, dtype=float) for x in (y_a, y_b, alpha))
    n_a, n_b, a0 = y_a.sum(), y_b.sum(), alpha.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((y_a + alpha) / (n_a + a0 - y_a - alpha))
                 - np.log((y_b + alpha) / (n_b + a0 - y_b - alpha)))
        variance = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha)
        z = delta / np.sqrt(variance)
    return delta, variance, z


def log_likelihood_g2(a, b, c, d) -> np.ndarray:
    """Log-likelihood G² (Rayson and Garside 2000) of frequencies ``a`` (corpus 1) and
    ``b`` (corpus 2) in corpora of ``c`` and ``d`` words: E1 = c(a+b)/(c+d),
    E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)), a zero frequency adding 0."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    return 2.0 * (t1 + t2)


def log_ratio(a, b, c, d) -> np.ndarray:
    """Hardie's (2014) log ratio, log2((a/c)/(b/d)), of frequencies ``a``, ``b`` in
    corpora of ``c``, ``d`` words; a zero frequency is taken as 0.5 so the value is
    finite (1 unit = twice as frequent)."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    return np.log2((np.where(a == 0, 0.5, a) / c) / (np.where(b == 0, 0.5, b) / d))


# --------------------------------------------------------------------------- comparison


def _era_list(values) -> str:
    counts = pd.Series(list(values)).value_counts(sort=False)
    return ", ".join(f"{k} ({v} article{'s' if v != 1 else ''})" for k, v in counts.items()) or "none"


def distinctive_terms_from_counts(counts: pd.DataFrame, era_a: str, era_b: str, min_count: int = 2,
                                  alpha0: float | None = None, by: str = "era") -> pd.DataFrame:
    """Compare two groups of a :func:`counts_by` table (which must cover the whole
    corpus: the prior comes from all its groups); columns :data:`DISTINCTIVE_COLUMNS`.

    ``min_count``: keep terms with count_a + count_b ≥ min_count (the statistics use
    the whole vocabulary either way); ``alpha0``: prior size α_0, default the corpus
    total (α_w = corpus count of w)."""
    if era_a == era_b:
        raise ValueError(f"era_a and era_b are both '{era_a}': compare two different eras")
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count}")
    present = list(dict.fromkeys(counts[by]))
    for era in (era_a, era_b):
        if era not in present:
            raise ValueError(f"{by} '{era}' has no terms in the counts; present: "
                             f"{', '.join(map(str, present)) or 'none'}")
    corpus_n = counts.groupby("term", sort=True)["n"].sum()
    vocab = corpus_n.index
    total = float(corpus_n.sum())
    a0 = total if alpha0 is None else float(alpha0)
    if a0 <= 0:
        raise ValueError(f"alpha0 must be positive, got {alpha0}")
    alpha = a0 * corpus_n.to_numpy(float) / total

    def side(era):
        part = counts[counts[by] == era].set_index("term")
        return (part["n"].reindex(vocab, fill_value=0).to_numpy(float),
                part["n_docs"].reindex(vocab, fill_value=0).to_numpy(np.int64),
                int(part["n_words"].iloc[0]))

    y_a, docs_a, words_a = side(era_a)
    y_b, docs_b, words_b = side(era_b)
    delta, _, z = log_odds_dirichlet(y_a, y_b, alpha)
    g2 = log_likelihood_g2(y_a, y_b, words_a, words_b)
    ngram = counts.groupby("term", sort=True)["ngram"].first().reindex(vocab).to_numpy(np.int64)
    out = pd.DataFrame({
        "term": np.asarray(vocab, dtype=object), "ngram": ngram,
        "count_a": y_a.astype(np.int64), "count_b": y_b.astype(np.int64),
        "docs_a": docs_a, "docs_b": docs_b,
        "per_10k_a": 10_000 * y_a / words_a, "per_10k_b": 10_000 * y_b / words_b,
        "prior": alpha, "delta": delta, "z": z, "g2": g2, "g2_p": stats.chi2.sf(g2, 1),
        "log_ratio": log_ratio(y_a, y_b, words_a, words_b),
        "favours": np.where(z >= 0, era_a, era_b),
        "z_p": 2 * stats.norm.sf(np.abs(z)),
    })
    out = out[out["count_a"] + out["count_b"] >= min_count].copy()
    out["z_q"] = _bh(out["z_p"].to_numpy(float))
    out["g2_q"] = _bh(out["g2_p"].to_numpy(float))
    out["one_article"] = np.where(out["favours"] == era_a, out["docs_a"], out["docs_b"]) <= 1
    out = out[list(DISTINCTIVE_COLUMNS)]
    return out.sort_values(["z", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _bh(p: np.ndarray) -> np.ndarray:
    return stats.false_discovery_control(p, method="bh") if len(p) else p


def distinctive_terms(corpus: pd.DataFrame, era_a: str, era_b: str,
                      ngram_range: tuple[int, int] = (1, 1), min_count: int = 2,
                      alpha0: float | None = None, lemmas: bool = True, drop_stopwords: bool = True,
                      tokens: pd.DataFrame | None = None, stop_words=()) -> pd.DataFrame:
    """Terms distinguishing era ``era_a`` from ``era_b`` (log-odds z with the whole
    corpus as prior, G², log ratio, q-values; see the module notes); columns
    :data:`DISTINCTIVE_COLUMNS`, sorted by ``z`` descending. ``stop_words``: the user's
    own, dropped like spaCy's. Raises ``ValueError`` naming the available eras if
    either era has no articles."""
    for era in (era_a, era_b):
        if not (corpus["era"] == era).any():
            raise ValueError(f"era '{era}' has no articles in the corpus; eras with articles: "
                             f"{_era_list(corpus['era'])}")
    counts = term_counts(corpus, ngram_range, by="era", lemmas=lemmas, drop_stopwords=drop_stopwords,
                         tokens=tokens, stop_words=stop_words)
    for era in (era_a, era_b):
        if not (counts["era"] == era).any():
            raise ValueError(f"era '{era}' has articles but no countable terms (only stop words "
                             f"or punctuation); eras with articles: {_era_list(corpus['era'])}")
    return distinctive_terms_from_counts(counts, era_a, era_b, min_count=min_count, alpha0=alpha0)


# --------------------------------------------------------------------------- KWIC


def _empty_kwic() -> pd.DataFrame:
    types = (object, object, np.int64, np.int64, np.int64, object, object, object)
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(KWIC_COLUMNS, types)})


def _codes_for(categories: pd.Index, values: list[str]) -> np.ndarray:
    # -1 for a value the corpus never has: it can match nothing.
    return np.asarray(categories.get_indexer(pd.Index(values, dtype=object)), dtype=np.int64)


def _squash(text: str) -> str:
    return " ".join(text.split())


def kwic(corpus: pd.DataFrame, term: str, window: int = 8, lemmas: bool = False,
         tokens: pd.DataFrame | None = None) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` (one or more words, any case)
    with up to ``window`` words either side, never past the article's start or end;
    columns :data:`KWIC_COLUMNS` (empty table when nothing matches).

    The term matches a run of tokens equal to its own tokens in lowercase; with
    ``lemmas`` also a run whose lemmas equal its lemmas ("deport" finds "deported").
    Pass ``tokens`` (from :func:`token_table`) to skip tokenizing again."""
    if window < 0:
        raise ValueError(f"window must be 0 or more words, got {window}")
    pattern = [t.text for t in get_nlp().make_doc(str(term)) if not t.is_space]
    if not pattern:
        raise ValueError(f"kwic needs a term with at least one token, got {term!r}")
    tokens = token_table(corpus) if tokens is None else tokens
    size, m = len(pattern), len(tokens) - len(pattern) + 1
    if m <= 0:
        return _empty_kwic()
    lower = np.asarray(tokens["lower"].cat.codes, dtype=np.int64)
    want_lower = _codes_for(tokens["lower"].cat.categories, [w.lower() for w in pattern])
    hit = np.ones(m, bool)
    for j in range(size):
        hit &= lower[j:j + m] == want_lower[j]
    if lemmas:
        lemma = np.asarray(tokens["lemma"].cat.codes, dtype=np.int64)
        want_lemma = _codes_for(tokens["lemma"].cat.categories, pattern_lemmas(pattern))
        by_lemma = np.ones(m, bool)
        for j in range(size):
            by_lemma &= lemma[j:j + m] == want_lemma[j]
        hit |= by_lemma
    doc = np.asarray(tokens["doc_id"].cat.codes, dtype=np.int64)
    hit &= doc[:m] == doc[size - 1:size - 1 + m]
    rows = np.flatnonzero(hit)
    if not len(rows):
        return _empty_kwic()
    return _kwic_lines(corpus, tokens, rows, rows + size - 1, window)


def _kwic_lines(corpus: pd.DataFrame, tokens: pd.DataFrame, rows: np.ndarray, last: np.ndarray,
                window: int) -> pd.DataFrame:
    # KWIC_COLUMNS rows for matches from token row rows[i] to last[i] (same article).
    doc = np.asarray(tokens["doc_id"].cat.codes, dtype=np.int64)
    word = tokens["is_word"].to_numpy(bool)
    word_rows = np.flatnonzero(word)
    words_through = np.cumsum(word)                  # words up to and including each row
    starts, ends = tokens["start"].to_numpy(), tokens["end"].to_numpy()
    n_docs = len(tokens["doc_id"].cat.categories)
    first_row = np.searchsorted(doc, np.arange(n_docs), side="left")
    last_row = np.searchsorted(doc, np.arange(n_docs), side="right") - 1
    doc_ids = np.asarray(tokens["doc_id"].cat.categories, dtype=object)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    eras = dict(zip(corpus["doc_id"], corpus["era"])) if "era" in corpus else {}
    sent = tokens["sent_id"].to_numpy()
    out = []
    for r, e in zip(rows, last):
        d = doc[r]
        text = texts[doc_ids[d]]
        m_start, m_end = int(starts[r]), int(ends[e])
        words_before_doc = words_through[first_row[d]] - word[first_row[d]]
        left_ord = words_through[r] - word[r] - window    # 0-based word ordinal in the corpus
        right_ord = words_through[e] + window - 1
        left_start = (m_start if window == 0 else
                      int(starts[word_rows[left_ord]]) if left_ord >= words_before_doc else 0)
        right_end = (m_end if window == 0 else
                     int(ends[word_rows[right_ord]]) if right_ord < words_through[last_row[d]] else len(text))
        out.append({"doc_id": doc_ids[d], "era": eras.get(doc_ids[d], ""), "sent_id": int(sent[r]),
                    "start": m_start, "end": m_end, "left": _squash(text[left_start:m_start]),
                    "match": text[m_start:m_end], "right": _squash(text[m_end:right_end])})
    return pd.DataFrame(out, columns=list(KWIC_COLUMNS))


#: Columns of :func:`concordance`: the term, then :data:`KWIC_COLUMNS`.
CONCORDANCE_COLUMNS = {"term": "the term (as given)", **KWIC_COLUMNS}


def concordance(corpus: pd.DataFrame, terms, window: int = 8, per_era: int = 2,
                tokens: pd.DataFrame | None = None) -> pd.DataFrame:
    """Keyword-in-context lines for many terms of a :func:`distinctive_terms` or
    :func:`term_counts` table (lemma n-grams, words joined by one space), found as they
    were counted: runs of words within one sentence with those lemmas. At most
    ``per_era`` lines per term and era, spread over the era's articles (each article's
    first occurrence before any article's second, articles in corpus order); columns
    :data:`CONCORDANCE_COLUMNS`, terms in the order given, then corpus order. Pass
    ``tokens`` (from :func:`token_table`) to skip tokenizing again."""
    if window < 0:
        raise ValueError(f"window must be 0 or more words, got {window}")
    if per_era < 0:
        raise ValueError(f"per_era must be 0 or more lines, got {per_era}")
    tokens = token_table(corpus) if tokens is None else tokens
    wanted = [str(t) for t in dict.fromkeys(terms)]
    codes = np.asarray(tokens["lemma"].cat.codes, dtype=np.int64)
    categories = tokens["lemma"].cat.categories
    doc = np.asarray(tokens["doc_id"].cat.codes, dtype=np.int64)
    sent = tokens["sent_id"].to_numpy()
    word = tokens["is_word"].to_numpy(bool)
    hits = []
    for size in sorted({len(t.split(" ")) for t in wanted}):
        group = [(k, t) for k, t in enumerate(wanted) if len(t.split(" ")) == size]
        want = np.array([_codes_for(categories, t.split(" ")) for _, t in group], dtype=np.int64)
        m = len(tokens) - size + 1
        if m <= 0:
            continue
        valid = word[:m] & (doc[:m] == doc[size - 1:size - 1 + m]) & (sent[:m] == sent[size - 1:size - 1 + m])
        for j in range(1, size):
            valid &= word[j:j + m]
        pos = np.flatnonzero(valid)
        found = pd.DataFrame({f"c{j}": codes[pos + j] for j in range(size)}).assign(row=pos)
        targets = pd.DataFrame(want, columns=[f"c{j}" for j in range(size)]).assign(
            term=[k for k, _ in group])
        hits.append(found.merge(targets, on=[f"c{j}" for j in range(size)])[["term", "row"]]
                    .assign(size=size))
    hits = pd.concat(hits, ignore_index=True) if hits else pd.DataFrame(columns=["term", "row", "size"])
    if hits.empty:
        return _empty_kwic().assign(term=pd.Series(dtype=object))[list(CONCORDANCE_COLUMNS)]
    doc_ids = np.asarray(tokens["doc_id"].cat.categories, dtype=object)
    eras = dict(zip(corpus["doc_id"], corpus["era"])) if "era" in corpus else {}
    hits["doc"] = doc[hits["row"].to_numpy(np.int64)]
    hits["era"] = [eras.get(d, "") for d in doc_ids[hits["doc"].to_numpy()]]
    hits = hits.sort_values(["term", "row"], kind="stable")
    hits["nth"] = hits.groupby(["term", "doc"], sort=False).cumcount()
    picked = (hits.sort_values(["term", "nth", "row"], kind="stable")
              .groupby(["term", "era"], sort=False).head(per_era)
              .sort_values(["term", "row"], kind="stable"))
    rows = picked["row"].to_numpy(np.int64)
    if not len(rows):
        return _empty_kwic().assign(term=pd.Series(dtype=object))[list(CONCORDANCE_COLUMNS)]
    lines = _kwic_lines(corpus, tokens, rows, rows + picked["size"].to_numpy(np.int64) - 1, window)
    lines.insert(0, "term", np.asarray(wanted, dtype=object)[picked["term"].to_numpy(np.int64)])
    return lines


#: Columns of :func:`era_sizes`.
ERA_SIZE_COLUMNS = {
    "era": "era key",
    "n_articles": "articles of the era",
    "n_words": "words (nlp.is_word, stop words included)",
    "n_sentences": "sentences with at least one non-space token (as nlp.sentence_table)",
}


def era_sizes(corpus: pd.DataFrame, tokens: pd.DataFrame | None = None,
              eras: list[str] | None = None) -> pd.DataFrame:
    """Articles, words and sentences per era; columns :data:`ERA_SIZE_COLUMNS`, one row
    per era of ``eras`` (default: corpus order), zeros for an era without articles.
    Words and sentences are the sums of the ``n_words`` and ``n_sentences`` of
    ``corpus`` when it is the study's ``articles`` table (:mod:`borderlines.study`),
    else counted in ``tokens`` (a :func:`token_table`)."""
    keys = list(eras) if eras is not None else list(dict.fromkeys(corpus["era"]))
    if tokens is None:
        if not {"n_words", "n_sentences"} <= set(corpus.columns):
            raise ValueError("era_sizes needs the articles table (n_words, n_sentences) or a token table")
        totals = corpus.groupby("era")[["n_words", "n_sentences"]].sum()
        articles = corpus["era"].value_counts()
        return pd.DataFrame({"era": keys, "n_articles": [int(articles.get(k, 0)) for k in keys],
                             **{c: [int(totals[c].get(k, 0)) for k in keys] for c in ("n_words", "n_sentences")}},
                            columns=list(ERA_SIZE_COLUMNS))
    era_of = dict(zip(corpus["doc_id"], corpus["era"]))
    doc_era = pd.Series(np.asarray(tokens["doc_id"].astype(object)), dtype=object).map(era_of)
    words = tokens["is_word"].groupby(doc_era.to_numpy()).sum()
    sentences = (pd.DataFrame({"era": doc_era.to_numpy(), "doc": tokens["doc_id"].cat.codes.to_numpy(),
                               "sent": tokens["sent_id"].to_numpy()})
                 .drop_duplicates().groupby("era").size())
    articles = corpus["era"].value_counts()
    return pd.DataFrame({"era": keys,
                         "n_articles": [int(articles.get(k, 0)) for k in keys],
                         "n_words": [int(words.get(k, 0)) for k in keys],
                         "n_sentences": [int(sentences.get(k, 0)) for k in keys]},
                        columns=list(ERA_SIZE_COLUMNS))


def empty_distinctive() -> pd.DataFrame:
    """A :func:`distinctive_terms` table with no rows (its columns and types)."""
    types = {"term": object, "ngram": np.int64, "count_a": np.int64, "count_b": np.int64,
             "docs_a": np.int64, "docs_b": np.int64, "favours": object, "one_article": bool}
    return pd.DataFrame({c: pd.Series(dtype=types.get(c, float)) for c in DISTINCTIVE_COLUMNS})


def comparison_problem(corpus: pd.DataFrame, counts: pd.DataFrame, era_a: str, era_b: str) -> str:
    """Why eras ``era_a`` and ``era_b`` cannot be compared ('' when they can): the same
    era twice, an era without articles, or one whose articles have no countable term
    (``counts`` from :func:`term_counts` by era). Names the eras that have articles."""
    if era_a == era_b:
        return f"era_a and era_b are both '{era_a}': choose two different eras to compare."
    available = _era_list(corpus["era"])
    for era in (era_a, era_b):
        if not (corpus["era"] == era).any():
            return (f"Era '{era}' has no articles in this corpus, so there is nothing to compare. "
                    f"Eras with articles: {available}.")
    for era in (era_a, era_b):
        if not (counts["era"] == era).any():
            return (f"Era '{era}' has articles but no countable terms (only stop words or "
                    f"punctuation). Eras with articles: {available}.")
    return ""


def top_distinctive(distinctive: pd.DataFrame, era: str, n: int = 15) -> pd.DataFrame:
    """The ``n`` terms of a :func:`distinctive_terms` table that most favour ``era``
    (largest |z| among rows whose ``favours`` is ``era``), most distinctive first."""
    part = distinctive[distinctive["favours"] == era]
    order = part["z"].abs().sort_values(ascending=False, kind="stable").index
    return part.loc[order].head(n).reset_index(drop=True)


#: Columns of :func:`top_term_sensitivity` (one row per setting, era and rank).
SENSITIVITY_COLUMNS = {
    "setting": "the choice made, e.g. 'prior ×0.1, stop words dropped'",
    "prior_scale": "the prior's strength α_0 as a multiple of the default (the corpus total)",
    "stop_words": "'dropped' (spaCy's list and the user's) or 'kept' (none dropped)",
    "era": "era key the terms favour",
    "rank": "1 = most distinctive (largest |z|)",
    "term": "the term",
    "z": "its z in this setting",
    "in_default": "True when the term is in the default setting's top list for the era too",
}
DEFAULT_SETTING = "prior ×1, stop words dropped"


def top_term_sensitivity(corpus: pd.DataFrame, era_a: str, era_b: str, n: int = 15,
                         ngram_range: tuple[int, int] = (1, 1), min_count: int = 2,
                         prior_scales=(0.1, 1.0, 10.0), stop_words=(),
                         tokens: pd.DataFrame | None = None) -> pd.DataFrame:
    """How the top ``n`` distinctive terms of each era move with the prior's strength
    (α_0 × each of ``prior_scales``) and with stop words dropped (spaCy's list plus the
    user's ``stop_words``) or kept; columns :data:`SENSITIVITY_COLUMNS`. The default
    setting is :data:`DEFAULT_SETTING`."""
    tokens = token_table(corpus) if tokens is None else tokens
    parts = []
    for drop in (True, False):
        counts = term_counts(corpus, ngram_range, tokens=tokens, drop_stopwords=drop,
                             stop_words=stop_words if drop else ())
        total = float(counts["n"].sum())
        for scale in prior_scales:
            d = distinctive_terms_from_counts(counts, era_a, era_b, min_count=min_count, alpha0=scale * total)
            setting = f"prior ×{scale:g}, stop words {'dropped' if drop else 'kept'}"
            for era in (era_a, era_b):
                top = top_distinctive(d, era, n)
                parts.append(pd.DataFrame({"setting": setting, "prior_scale": float(scale),
                                           "stop_words": "dropped" if drop else "kept", "era": era,
                                           "rank": np.arange(1, len(top) + 1), "term": top["term"],
                                           "z": top["z"]}))
    out = pd.concat(parts, ignore_index=True)
    default = out[out["setting"] == DEFAULT_SETTING]
    base = set(zip(default["era"], default["term"]))
    out["in_default"] = [(e, t) in base for e, t in zip(out["era"], out["term"])]
    return out[list(SENSITIVITY_COLUMNS)]


def sensitivity_summary(sensitivity: pd.DataFrame) -> pd.DataFrame:
    """Per setting and era of a :func:`top_term_sensitivity` table: ``n_top`` terms
    listed, ``n_in_default`` of them also in the default top list, and the ``new``
    terms (joined by ", ")."""
    g = sensitivity.groupby(["setting", "era"], sort=False)
    return pd.DataFrame({
        "n_top": g.size(), "n_in_default": g["in_default"].sum(),
        "new": g.apply(lambda p: ", ".join(p.loc[~p["in_default"], "term"]), include_groups=False),
    }).reset_index()


def terms_to_plot(distinctive: pd.DataFrame, n: int = 400) -> pd.DataFrame:
    """At most ``n`` rows of a :func:`distinctive_terms` table for a chart: terms are
    taken alternately from the ranking by |z| and the ranking by frequency (count_a +
    count_b), so both the most distinctive and the most common terms appear; in the
    input's order (z descending)."""
    if n < 0:
        raise ValueError(f"n must be 0 or more terms, got {n}")
    d = distinctive.reset_index(drop=True)
    if len(d) <= n:
        return d
    rank_z = d["z"].abs().rank(ascending=False, method="first")
    rank_n = (d["count_a"] + d["count_b"]).rank(ascending=False, method="first")
    best = np.minimum(rank_z, rank_n) + 0.5 * (rank_n < rank_z)   # ties: the |z| ranking first
    keep = best.sort_values(kind="stable").index[:n]
    return d.loc[np.sort(keep)].reset_index(drop=True)

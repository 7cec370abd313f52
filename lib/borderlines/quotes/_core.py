"""The driver: :func:`extract_quotes` parses each article (or takes its parse), finds the
listed actors, and turns each article into rows (:func:`_article_quotes`) through the rule
modules: quotation marks (:mod:`.marks`), mentions (:mod:`.mentions`), coreference
(:mod:`.coreference`), quoted rows (:mod:`.attribution`), embedded posts (:mod:`.posts`)
and reported speech (:mod:`.reported`).

:func:`extract_quotes` returns one row per quote (:data:`QUOTE_COLUMNS`):

* ``direct``: a clause or more inside double quotation marks (curly, straight or mixed,
  across sentences). A quotation split by its attribution ("“A,” he said. “B.”") gives a
  row per part, with one speaker and one ``group``.
* ``partial``: a short quoted phrase woven into the reporter's sentence ("called the
  trends “substantial and real”").
* ``embedded``: a post reproduced without quotation marks and signed
  "— Name (@handle) date" (found by :func:`borderlines.cleaning.embedded_posts`); it
  counts once (a direct quote of the same words in the text is dropped), and its
  signature line is no quotation or speech of the article's own.
* ``indirect``: reported speech: "X said (that) ...", "..., X said", "according to X".
* ``term``: a quoted name or scare quote (the “Remain in Mexico” policy): nobody's voice.

``start``/``end`` are character offsets into the article's clean ``text`` of the quote
itself (no quotation marks, no trailing comma; for posts the text without the signature;
for indirect speech the reported clause), so ``text[start:end] == quote`` always.

Speakers are found by rules only (no statistical model is needed): names, titles,
surnames, appositives and institutions from ``data/actors.csv`` matched by a spaCy
``EntityRuler`` on accent-folded text (López Obrador = Lopez Obrador); unlisted people
introduced by a title, an appositive or a speech verb; groups ("U.S. officials", "a
spokeswoman for the Foreign Ministry"); pronouns, "the agency" and "the president"
resolved to the most recent fitting person or institution. The speaker is named after
the closing mark (“...,” he said / said Brown) or by the speech verb before the opening
mark (Pompeo added that “...”); the parts of a split or continued quotation share it.
Speakers missing from the actors table keep role ``unknown``; :func:`unknown_speakers`
lists them. Bad text is flagged, never fatal: see the ``flags`` column.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import spacy

from ..cleaning import embedded_posts
from ..files import InputProblem
from ..nlp import doc_sentences, get_nlp
from ..problems import Problem
from .actors import (_actor_entities, _actor_index, _actor_rows, checked_actors, fold_accents, _folded_docs,
                     load_actors)
from .vocabulary import (_AS_BEFORE_RE, _CALLS_FORMS, _CALLS_NEXT_RE, _FORM_LEMMA, KINDS, _NOUN_LIKE_FORMS, _NOUN_LIKE_NEXT_RE,
                         _PUT_IT_FORMS, QUOTE_COLUMNS)
from .article import _article, _listed_words, _Verb
from .marks import _marks_view, _quote_segments
from .mentions import _article_mentions
from .coreference import _resolve_references
from .attribution import _quoted_rows
from .posts import _embedded_rows, _posts_by_doc, _without_repeated_posts
from .reported import _indirect_rows


def _sentence_spans(sentences: pd.DataFrame) -> dict[str, list[tuple[int, int, int]]]:
    """``{doc_id: [(start, end, sent_id), ...]}`` from a sentence table."""
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for d, a, b, i in zip(sentences["doc_id"].astype(str).tolist(), _ints(sentences["start"]),
                          _ints(sentences["end"]), _ints(sentences["sent_id"])):
        spans.setdefault(d, []).append((a, b, i))
    return spans


def _ints(values: pd.Series) -> list[int]:
    """``[int(v) for v in values]``, without the per-value pandas overhead for integer columns."""
    array = values.to_numpy()
    return array.tolist() if array.dtype.kind in "iu" else [int(v) for v in array]


def _person_model_spans(texts: list[str], model: str | None) -> list[list[tuple[int, int]]]:
    if model is None:
        return [[] for _ in texts]
    try:
        nlp = spacy.load(model, exclude=["lemmatizer", "textcat"])
    except OSError:
        raise InputProblem(Problem(file=f"spaCy model '{model}'", field="person_model",
                                   message="the model is not installed",
                                   fix="leave person_model=None (the rules need no model), or "
                                       "install the model package")) from None
    return [[(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
            for doc in nlp.pipe(texts)]


def extract_quotes(corpus: pd.DataFrame, actors: pd.DataFrame | None = None,
                   kinds: Iterable[str] | None = None, sentences: pd.DataFrame | None = None,
                   person_model: str | None = None, docs=None, posts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every quote of every article with its speaker: columns :data:`QUOTE_COLUMNS`,
    sorted by ``doc_id`` and ``start``.

    ``corpus``: the table of :func:`~borderlines.corpus.load_corpus` (``doc_id``, ``text``).
    ``actors``: table of :func:`load_actors` (default ``data/actors.csv``).
    ``kinds``: keep only these of :data:`KINDS` (default all).
    ``sentences``: ``sentence_table(corpus)`` if already computed (saves a parse).
    ``person_model``: name of an installed statistical spaCy model to add person names
    the rules miss (optional; nothing needs it).
    ``docs``: the articles already parsed (:func:`borderlines.nlp.parse_texts`), one per
    row, to skip parsing again (actors are matched on their tokens, accents folded; the
    docs are left as they are). Same table either way.
    ``posts``: :func:`borderlines.cleaning.embedded_posts` of the corpus, if already
    computed (default: found with the default cleaning rules)."""
    kinds = tuple(KINDS if kinds is None else kinds)
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise ValueError(f"unknown kind(s) {bad}: choose from {list(KINDS)}")
    for column in ("doc_id", "text"):
        if column not in corpus.columns:
            raise ValueError(f"corpus table lacks column '{column}': pass the table from load_corpus()")
    actors = load_actors() if actors is None else checked_actors(actors)
    index = _actor_index(_actor_rows(actors))
    refold = False   # docs of the texts as written, matched folded by _actor_entities
    doc_ids = [str(d) for d in corpus["doc_id"]]
    texts = [str(t) for t in corpus["text"]]
    nlp = get_nlp()
    if sentences is not None:
        missing = sorted(set(doc_ids) - set(sentences["doc_id"].astype(str)))
        if missing:
            raise ValueError(f"sentences lacks article(s) {missing[:5]}: pass sentence_table(corpus) "
                             "of this same corpus, or leave sentences=None")
        by_doc = _sentence_spans(sentences)
        if docs is None:
            docs = nlp.tokenizer.pipe([fold_accents(t) for t in texts], batch_size=64)
        else:
            refold = True
    else:
        by_doc = None
        docs = (nlp.pipe([fold_accents(t) for t in texts], batch_size=64) if docs is None
                else _folded_docs(docs, texts, nlp))
    if posts is None:
        posts = embedded_posts(corpus[["doc_id", "text"]].assign(
            title=corpus["title"] if "title" in corpus.columns else ""))
    posts_by_doc = _posts_by_doc(posts)
    model_spans = _person_model_spans(texts, person_model)
    rows: list[dict] = []
    for doc_id, text, doc, spans in zip(doc_ids, texts, docs, model_spans):
        ents = _actor_entities(doc, index, text if refold else None)
        sent_rows = (by_doc[doc_id] if by_doc is not None else
                     [(r["start"], r["end"], r["sent_id"]) for r in doc_sentences(doc, doc_id)])
        rows.extend(_article_quotes(doc_id, text, ents, sent_rows, posts_by_doc.get(doc_id), index,
                                    kinds, spans))
    table = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    table = table.astype({"start": "int64", "end": "int64", "paragraph": "int64", "sent_id": "int64",
                          "group": "int64", "speaker_start": "int64", "speaker_end": "int64", "ambiguous": "bool",
                          "confidence": "float64"})
    order = {k: i for i, k in enumerate(KINDS)}
    table = (table.assign(_k=table["kind"].map(order))
             .sort_values(["doc_id", "start", "_k"], kind="stable").drop(columns="_k")
             .reset_index(drop=True))
    table["group"] = np.asarray(_renumber_groups(table["doc_id"].tolist(), table["group"].tolist()),
                                dtype=np.int64)
    return table


def _renumber_groups(doc_ids: list, groups: list[int]) -> list[int]:
    """Quotation numbers from 0 within each article, in order of first appearance; the
    rows of an article are consecutive (the table is sorted by ``doc_id``)."""
    out, seen, current = [], {}, object()
    for doc_id, group in zip(doc_ids, groups):
        if doc_id != current:
            seen, current = {}, doc_id
        out.append(seen.setdefault(group, len(seen)))
    return out


def _article_quotes(doc_id, text, ents, sent_rows, posts, index, kinds, person_spans) -> list[dict]:
    """All rows of one article (see :func:`extract_quotes`)."""
    art = _article(doc_id, text, sent_rows)
    art.index = index
    # a post's text holds no quotations or speech of the article's own, nor does its
    # signature line (whose name still tells who a later surname is)
    post_spans = [] if posts is None else sorted((p.start, p.text_end) for p in posts)
    view = _marks_view(text)
    segments = _quote_segments(view, [] if posts is None else sorted((p.start, p.end) for p in posts))
    if view is not text:
        for seg in segments:        # a two-apostrophe mark spans both characters
            seg.open -= view[seg.open - 1:seg.open] == "\u200b"
            seg.close_end += view[seg.close_end:seg.close_end + 1] == "\u200b"
    art.quoted = sorted([(s.open, max(s.close_end, s.q_end)) for s in segments] + post_spans)
    art.quoted_starts = [a for a, _ in art.quoted]
    listed = _listed_words(text)
    for start, end, form in listed:
        if form in _FORM_LEMMA and not art.in_quoted(start) and (
                form not in _NOUN_LIKE_FORMS or _NOUN_LIKE_NEXT_RE.match(text, end)) and (
                form not in _CALLS_FORMS or _CALLS_NEXT_RE.match(text, end)) and (
                form not in _PUT_IT_FORMS or _AS_BEFORE_RE.search(text, max(0, start - 80), start)):
            art.verbs.append(_Verb(start, end, _FORM_LEMMA[form], form.endswith("ing")))
    art.verb_starts = [v.start for v in art.verbs]
    _article_mentions(art, ents, index, person_spans, listed)
    _resolve_references(art, index)
    rows, used = _quoted_rows(art, segments, index)
    rows = [r for r in rows if r["kind"] in kinds]
    group0 = 1 + max([s.group for s in segments], default=-1)
    if "embedded" in kinds and posts is not None:
        embedded = _embedded_rows(art, posts, index, group0)
        rows = _without_repeated_posts(rows, embedded) + embedded
    group0 += 0 if posts is None else len(posts)
    if "indirect" in kinds:
        rows += _indirect_rows(art, used, index, group0)
    return rows

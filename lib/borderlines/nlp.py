"""The shared spaCy pipeline and the sentence table.

spaCy's blank English pipeline (no model download) with the rule-based
``sentencizer`` and :func:`sentence_fixes` (paragraph breaks, opening quotes). Every module that needs
tokens or sentences uses :func:`get_nlp` so all counts agree.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import spacy
from spacy.language import Language
from spacy.tokens import Doc

#: Columns of :func:`sentence_table`.
SENTENCE_COLUMNS = {
    "doc_id": "article id",
    "sent_id": "0-based sentence number within the article",
    "paragraph": "0-based paragraph number within the article",
    "start": "offset of the sentence in the clean text (characters)",
    "end": "end offset (exclusive) in the clean text (characters)",
    "sentence": "the sentence text",
    "n_words": "words in the sentence (see is_word)",
}


_OPENING_QUOTES = {"“", "‘", '"', "'"}


@Language.component("sentence_fixes")
def sentence_fixes(doc: Doc) -> Doc:
    """Corrections to the sentencizer: start a sentence after every line break (so
    headlines, tweets and paragraphs without final punctuation stand alone), and give an
    opening quotation mark to the sentence it opens (``said. “While`` splits before “)."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    for tok in doc[1:-1]:
        nxt = doc[tok.i + 1]
        if (tok.text in _OPENING_QUOTES and nxt.is_sent_start and not tok.is_sent_start
                and doc[tok.i - 1].whitespace_ and not tok.whitespace_):
            tok.is_sent_start = True
            nxt.is_sent_start = False
    return doc


@lru_cache(maxsize=4)
def get_nlp(lemmas: bool = False) -> Language:
    """spaCy blank English with paragraph breaks and the sentencizer; with ``lemmas``,
    also the lookup lemmatizer (tables from the ``spacy-lookups-data`` package)."""
    nlp = spacy.blank("en")
    nlp.max_length = 5_000_000
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sentence_fixes")
    if lemmas:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize()
    return nlp


def is_word(token) -> bool:
    """A word is a token with at least one letter or digit (so "don" and "’t" are two
    words, "—" and "“" are none, "66,450" and "@SecNielsen" are one each)."""
    return not token.is_space and any(ch.isalnum() for ch in token.text)


def sentence_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of every article, columns :data:`SENTENCE_COLUMNS`.

    ``corpus`` is the table from :func:`~borderlines.corpus.load_corpus` (``doc_id``, ``text``)."""
    rows = []
    nlp = get_nlp()
    for doc_id, doc in zip(corpus["doc_id"], nlp.pipe(corpus["text"], batch_size=64)):
        rows.extend(doc_sentences(doc, doc_id))
    return pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))


def doc_sentences(doc: Doc, doc_id: str) -> list[dict]:
    """Sentence rows (see :data:`SENTENCE_COLUMNS`) of one parsed article."""
    rows = []
    paragraph, sent_id = 0, 0
    text = doc.text
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if rows and "\n" in text[rows[-1]["end"]:start]:
            paragraph += 1
        rows.append({"doc_id": doc_id, "sent_id": sent_id, "paragraph": paragraph,
                     "start": start, "end": end, "sentence": text[start:end],
                     "n_words": sum(1 for t in toks if is_word(t))})
        sent_id += 1
    return rows

"""The shared spaCy pipeline and the sentence table.

spaCy's blank English pipeline (no model download) with the rule-based
``sentencizer`` and :func:`sentence_fixes` (paragraph breaks, opening quotes). Every module that needs
tokens or sentences uses :func:`get_nlp` so all counts agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START, SPACY
from spacy.lang.en import English
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
_CLOSING_QUOTES = {"”", '"'}
_EXCLAIM = {"!", "?"}
# Abbreviations that spaCy's tokenizer keeps whole ("Ariz.", so the sentencizer never sees
# their period) but that often end a sentence: a state after "City," ("in Lukeville,
# Ariz. While ...") and company or name suffixes ("Acme Inc. The ..."). One ends the
# sentence only when the next word is one that opens sentences, never a name ("D.C.
# Mayor ...", "Ariz. Gov. ...").
_STATE_ABBREVIATIONS = frozenset(
    "Ala. Ak. Ariz. Ark. Calif. Colo. Conn. D.C. Del. Fla. Ga. Ia. Ill. Ind. Kan. Kans. Ky. La. "
    "Mass. Md. Mich. Minn. Miss. Mo. Mont. N.C. N.D. N.H. N.J. N.M. N.Y. Neb. Nebr. Nev. Okla. "
    "Ore. Pa. S.C. Tenn. Va. Wash. Wis. Wyo.".split())
_SUFFIX_ABBREVIATIONS = frozenset("Inc. Corp. Co. Ltd. Bros. Jr.".split())
_SENTENCE_OPENERS = frozenset(
    "The A An This That These Those There It Its He His She Her They Their We Our I In On At "
    "After Before During When While As But And Yet So Still However Meanwhile Since Although "
    "Though If Some Many Most Officials".split())


@Language.component("sentence_fixes")
def sentence_fixes(doc: Doc) -> Doc:
    """Corrections to the sentencizer: start a sentence after every line break (so
    headlines, tweets and paragraphs without final punctuation stand alone), give an
    opening quotation mark to the sentence it opens (``said. “While`` splits before “),
    and keep an attribution after an exclaimed or asked quotation in its sentence
    (``BORDER!” he said`` is one sentence), and end a sentence at an abbreviation that
    ends one (``Lukeville, Ariz. While``; see ``_STATE_ABBREVIATIONS``). The rules are
    :func:`_fixed_starts`, which :func:`parse_texts` runs too."""
    if len(doc):
        a = doc.to_array([ORTH, IS_PUNCT, IS_SPACE, SPACY, SENT_START]).view(np.int64).reshape(-1, 5)
        flags = _type_flags(doc.vocab, a[:, 0].view(np.uint64), _TYPE_FLAGS)
        starts = _fixed_starts(a[:, 4].copy(), a[:, :4], flags)
        # Set once: setting Token.is_sent_start checks the whole Doc each time (quadratic).
        doc.from_array([SENT_START], starts.view(np.uint64).reshape(-1, 1))
    return doc


# Where a long text may be cut, best first: after a paragraph break, a line break, a space.
_BREAKS = (re.compile(r"\n[^\S\n]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"\s+"))
_SPACE_RUN = re.compile(r"\s*")


def text_pieces(text: str, size: int) -> list[str]:
    """``text`` cut into consecutive pieces of about ``size`` characters at most, whose
    concatenation is ``text``: each piece ends after the last paragraph break within
    ``size`` characters (else the last line break, else the last space; a text without
    any is cut at ``size``), together with all the whitespace there. Tokenized one by
    one, the pieces give the tokens of the whole text."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = start + size
        for pattern in _BREAKS:
            last = None
            for last in pattern.finditer(window, 1):
                pass
            if last is not None:
                cut = _SPACE_RUN.match(text, start + last.start()).end()
                break
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


class LongTextEnglish(English):
    """spaCy's blank English whose ``make_doc`` (so ``nlp(text)`` and ``nlp.pipe``)
    takes a text of any length: one longer than ``max_length`` is tokenized in pieces
    (:func:`text_pieces`) joined into one Doc, with the same tokens and character
    offsets, instead of raising spaCy's E088."""

    def make_doc(self, text: str) -> Doc:
        if len(text) <= self.max_length:
            return self.tokenizer(text)
        doc = Doc.from_docs([self.tokenizer(piece) for piece in text_pieces(text, self.max_length)],
                            ensure_whitespace=False)
        # from_docs starts a sentence at each piece; the sentencizer decides, as for a short text
        doc.from_array([SENT_START], np.zeros((len(doc), 1), dtype=np.uint64))
        return doc


@lru_cache(maxsize=4)
def get_nlp(lemmas: bool = False) -> Language:
    """spaCy blank English with paragraph breaks and the sentencizer; with ``lemmas``,
    also the lookup lemmatizer (tables from the ``spacy-lookups-data`` package). Texts
    longer than ``max_length`` (spaCy's default, 1,000,000 characters) are tokenized in
    pieces (:class:`LongTextEnglish`), so an article of any size is parsed."""
    nlp = LongTextEnglish.from_config({})
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sentence_fixes")
    if lemmas:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize()
    return nlp


def is_word_text(text: str) -> bool:
    """Whether a token's text is a word: at least one letter or digit (so "don" and "’t"
    are two words, "—" and "“" are none, "66,450" and "@SecNielsen" are one each). The
    one rule every word count of the suite uses ("per 1,000 words" means these words)."""
    return not text.isspace() and any(ch.isalnum() for ch in text)


def is_word(token) -> bool:
    """Whether a spaCy token (or lexeme) is a word (:func:`is_word_text`)."""
    return is_word_text(token.text)


def count_words(tokens) -> int:
    """Words (:func:`is_word`) among ``tokens`` (a Doc, a Span or any iterable of tokens)."""
    return sum(1 for t in tokens if is_word(t))


def sentence_table(corpus: pd.DataFrame, docs: Sequence[Doc] | None = None) -> pd.DataFrame:
    """One row per sentence of every article, columns :data:`SENTENCE_COLUMNS`.

    ``corpus`` is the table from :func:`~borderlines.corpus.load_corpus` (``doc_id``, ``text``).
    ``docs``: the articles already parsed (:func:`parse_texts` or ``get_nlp().pipe``), one
    per row of ``corpus``, to skip parsing again; the table is the same."""
    if docs is not None:
        return docs_sentence_table(list(corpus["doc_id"]), docs, list(corpus["text"]))
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
                     "n_words": count_words(toks)})
        sent_id += 1
    return rows


# --------------------------------------------------------------------------- fast paths
#
# The same results as get_nlp().pipe and sentence_table, computed with array operations
# instead of a Python loop over tokens: the pipeline (borderlines.pipeline) parses each
# article once with parse_texts and shares the Doc between every extraction step.


def _type_flags(vocab, orth: np.ndarray, cache: dict[int, tuple[bool, ...]]) -> np.ndarray:
    """(in sentencizer punctuation, opening quote, holds a line break, is a word, closing
    quote, ! or ?, starts lowercase, a comma, a state abbreviation, a suffix abbreviation,
    a sentence opener) for every token hash in ``orth``, as a boolean array of shape
    (len(orth), 11)."""
    codes, types = pd.factorize(orth)
    rows = []
    punct = None
    for h in types.tolist():
        flags = cache.get(h)
        if flags is None:
            if punct is None:
                punct = get_nlp().get_pipe("sentencizer").punct_chars
            text = vocab.strings[h]
            flags = cache[h] = (text in punct, text in _OPENING_QUOTES, "\n" in text,
                                is_word_text(text),
                                text in _CLOSING_QUOTES, text in _EXCLAIM, text[:1].islower(),
                                text == ",", text in _STATE_ABBREVIATIONS, text in _SUFFIX_ABBREVIATIONS,
                                text in _SENTENCE_OPENERS)
        rows.append(flags)
    return np.array(rows, dtype=bool).reshape(-1, 11)[codes]


_TYPE_FLAGS: dict[int, tuple[bool, ...]] = {}


def _sentence_starts(a: np.ndarray, flags: np.ndarray) -> np.ndarray:
    """Sentence starts (1 / -1 per token) that the ``sentencizer`` followed by
    :func:`sentence_fixes` give a Doc fresh from the tokenizer, from its
    ``to_array([ORTH, IS_PUNCT, IS_SPACE, SPACY])`` and :func:`_type_flags`."""
    n = len(a)
    in_punct = flags[:, 0]
    # sentencizer: a sentence starts at the first token that is neither punctuation nor a
    # sentence-final character after one of those characters
    content = np.flatnonzero((a[:, 1] != 1) & ~in_punct)
    seen = np.cumsum(in_punct)
    before = np.where(content > 0, seen[np.maximum(content - 1, 0)], 0)
    prev = np.r_[-1, content[:-1]]
    upto = np.where(prev >= 0, seen[np.maximum(prev, 0)], 0)
    starts = np.full(n, -1, dtype=np.int64)
    starts[0] = 1
    starts[content[before > upto]] = 1
    return _fixed_starts(starts, a, flags)


def _fixed_starts(starts: np.ndarray, a: np.ndarray, flags: np.ndarray) -> np.ndarray:
    """The rules of :func:`sentence_fixes` applied to the sentencizer's ``starts`` (1 a
    start, -1 not, 0 undecided; changed in place and returned), from the Doc's
    ``to_array([ORTH, IS_PUNCT, IS_SPACE, SPACY])`` and :func:`_type_flags`."""
    n = len(a)
    quote, newline = flags[:, 1], flags[:, 2]
    space, ws = a[:, 2] == 1, a[:, 3] == 1
    # a line break starts a sentence
    starts[np.flatnonzero(space[:-1] & newline[:-1]) + 1] = 1
    if n > 2:
        i = np.arange(1, n - 1)
        # an abbreviation that ends a sentence ("Lukeville, Ariz. While", "Acme Inc. The")
        comma, state, suffix, opener = flags[:, 7], flags[:, 8], flags[:, 9], flags[:, 10]
        starts[i[ws[i] & opener[i + 1] & (suffix[i] | (state[i] & comma[i - 1]))] + 1] = 1
        # an opening quote joins the sentence it opens
        moved = i[quote[i] & (starts[i + 1] == 1) & (starts[i] != 1) & ws[i - 1] & ~ws[i]]
        starts[moved] = 1
        starts[moved + 1] = -1
        # “... CLOSE OUR SOUTHERN BORDER!” he said: the attribution continues the sentence
        closing, exclaim, lower = flags[:, 4], flags[:, 5], flags[:, 6]
        i = np.arange(2, n)
        starts[i[(starts[i] == 1) & lower[i] & closing[i - 1] & exclaim[i - 2] & ws[i - 1]]] = -1
    return starts


def parse_texts(texts: Iterable[str]) -> list[Doc]:
    """The articles parsed exactly as ``list(get_nlp().pipe(texts))`` (same tokens, same
    sentence starts), about twice as fast: the sentencizer and :func:`sentence_fixes`
    rules run as array operations. Parse once and pass the Docs to ``sentence_table``,
    ``token_table``, ``extract_quotes`` and ``sentence_frames`` (argument ``docs``)."""
    make_doc = get_nlp().make_doc
    docs = [make_doc(text) for text in texts]
    arrays = [doc.to_array([ORTH, IS_PUNCT, IS_SPACE, SPACY]).view(np.int64).reshape(-1, 4) for doc in docs]
    if not docs or not sum(len(a) for a in arrays):
        return docs
    flat = np.concatenate(arrays)
    flags = _type_flags(docs[0].vocab, flat[:, 0].view(np.uint64), _TYPE_FLAGS)
    offset = 0
    for doc, a in zip(docs, arrays):
        if len(a):
            starts = _sentence_starts(a, flags[offset:offset + len(a)])
            doc.from_array([SENT_START], starts.view(np.uint64).reshape(-1, 1))
        offset += len(a)
    return docs


def docs_sentence_table(doc_ids: Sequence, docs: Sequence[Doc], texts: Sequence[str] | None = None) -> pd.DataFrame:
    """:func:`sentence_table` of articles already parsed: ``docs[k]`` is article
    ``doc_ids[k]`` (``texts[k]`` its text, if at hand: saves rebuilding it from the Doc).
    Same rows and columns (:data:`SENTENCE_COLUMNS`)."""
    arrays = [doc.to_array([ORTH, SENT_START, IS_SPACE, IDX, LENGTH]).view(np.int64).reshape(-1, 5)
              for doc in docs]
    if not docs or not sum(len(a) for a in arrays):
        return pd.DataFrame([], columns=list(SENTENCE_COLUMNS))
    flat = np.concatenate(arrays)
    words = _type_flags(docs[0].vocab, flat[:, 0].view(np.uint64), _TYPE_FLAGS)[:, 3]
    cols: dict[str, list] = {c: [] for c in SENTENCE_COLUMNS}
    offset = 0
    for k, (doc_id, a) in enumerate(zip(doc_ids, arrays)):
        n = len(a)
        word = words[offset:offset + n]
        offset += n
        keep = a[:, 2] != 1
        if not keep.any():
            continue
        sent = np.cumsum((a[:, 1] == 1) | (np.arange(n) == 0))[keep]
        idx, length, word = a[keep, 3], a[keep, 4], word[keep]
        first = np.flatnonzero(np.r_[True, sent[1:] != sent[:-1]])
        last = np.r_[first[1:] - 1, len(sent) - 1]
        starts = idx[first].tolist()
        ends = (idx[last] + length[last]).tolist()
        text = texts[k] if texts is not None else docs[k].text
        paragraph, paragraphs = 0, [0]
        for j in range(1, len(starts)):
            if text.find("\n", ends[j - 1], starts[j]) >= 0:
                paragraph += 1
            paragraphs.append(paragraph)
        cols["doc_id"].extend([doc_id] * len(starts))
        cols["sent_id"].extend(range(len(starts)))
        cols["paragraph"].extend(paragraphs)
        cols["start"].extend(starts)
        cols["end"].extend(ends)
        cols["sentence"].extend(text[i:j] for i, j in zip(starts, ends))
        cols["n_words"].extend(np.add.reduceat(word.astype(np.int64), first).tolist())
    if not cols["doc_id"]:
        return pd.DataFrame([], columns=list(SENTENCE_COLUMNS))
    return pd.DataFrame({c: (cols[c] if c in ("doc_id", "sentence") else np.asarray(cols[c], dtype=np.int64))
                         for c in SENTENCE_COLUMNS})

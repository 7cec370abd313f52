"""Frame matching: lexicon entries found in the articles' sentences.

Matching uses spaCy's ``PhraseMatcher`` on the suite's tokens: a ``lemma`` entry
matches its lemmas (lookup lemmas, :func:`borderlines.terms.word_lemma`) or its own
words in any case, a ``word`` entry its words in any case, an ``exact`` entry its text
as written. Within a frame, overlapping matches keep the longest.

Entries do not fire inside titles and names of offices: a match that is part of a longer
run of capitalized words holding a title or an institution word (:data:`TITLE_WORDS`,
e.g. "Defense Secretary Mark Esper", "Department of Homeland Security") names a person
or a body, not a way of framing the issue; a name that is itself the entry ("National
Guard", "Supreme Court", "State Department") still fires. A frame's
``exclude`` list names further phrases (any case) inside which its entries do not count
("defense attorney" for security). The codebook, ``data/lexicons/README.md``, gives each
frame's definition, inclusion and exclusion rules.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice

import numpy as np
import pandas as pd
from spacy.attrs import LEMMA, ORTH, SENT_START
from spacy.matcher import PhraseMatcher

from ..nlp import SENTENCE_COLUMNS, doc_sentences, get_nlp
from ..terms import _type_lemmas, pattern_lemmas
from .lexicon import EXCLUDE, frame_labels, load_frames

#: Capitalized words that make a run of capitalized words a title or the name of an
#: office or institution, inside which frame entries do not fire.
TITLE_WORDS = frozenset({
    "President", "Vice", "Secretary", "Sec.", "Minister", "Commissioner", "Gov.", "Governor",
    "Sen.", "Senator", "Rep.", "Representative", "Director", "Ambassador", "Mayor", "Chief",
    "Adviser", "Advisor", "Spokesman", "Spokeswoman", "Spokesperson", "Speaker", "Chancellor",
    "Judge", "Justice", "Gen.", "General", "Commander", "Chairman", "Chairwoman", "Undersecretary",
    "Envoy", "Administrator", "Coordinator", "Officer", "Attorney", "Prosecutor", "Sheriff",
    "Department", "Dept.", "Ministry", "Secretariat", "Agency", "Office", "Bureau", "Committee",
    "Subcommittee", "Commission", "Council", "Administration", "Institute", "Center", "Centre",
    "Foundation", "Association", "Coalition", "University", "College", "Corporation", "Service",
})
_NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "&", "de", "del", "la", "los", "y"})
_ARTICLES = frozenset({"The", "A", "An"})

#: Columns of :func:`frame_matches` (one row per trigger, in text order).
FRAME_MATCH_COLUMNS = {
    "doc_id": "article id",
    "era": "era key",
    "sent_id": "sentence number in the article (nlp.sentence_table)",
    "frame": "frame key",
    "entry": "lexicon entry that matched",
    "mode": "match mode of the entry",
    "text": "the matched words as written",
    "start": "offset of the match in the clean text (characters)",
    "end": "end offset (exclusive)",
}

#: Columns of :func:`sentence_frames` (one row per sentence and frame it has).
SENTENCE_FRAME_COLUMNS = {
    "doc_id": "article id",
    "era": "era key",
    "sent_id": "sentence number in the article",
    "start": "offset of the sentence in the clean text",
    "end": "end offset (exclusive) of the sentence",
    "frame": "frame key",
    "label": "frame label",
    "n_matches": "triggers of the frame in the sentence",
    "triggers": "the triggering words as written, distinct, '; '-separated",
    "entries": "the lexicon entries that matched, distinct, '; '-separated",
    "sentence": "the sentence text",
}


def _string_id(text: str) -> int:
    return get_nlp().vocab.strings.add(text)


def _set_lemmas(doc, lemmas: list[str]) -> None:
    ids = np.fromiter((_string_id(x) for x in lemmas), dtype=np.uint64, count=len(lemmas))
    doc.from_array([LEMMA], ids.reshape(-1, 1))


def _matchers(frames: pd.DataFrame):
    return _entry_matchers(tuple(zip(frames["entry"].tolist(), frames["match"].tolist())))


@lru_cache(maxsize=8)
def _entry_matchers(entries: tuple[tuple[str, str], ...]):
    """The PhraseMatchers (LEMMA, LOWER, ORTH) of a lexicon's (entry, match) pairs and
    ``{match id: entry number}``, built once per lexicon."""
    nlp = get_nlp()
    by_attr = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in ("LEMMA", "LOWER", "ORTH")}
    ids = {}
    for k, (phrase, mode) in enumerate(entries):
        key = f"frame-entry-{k}"
        ids[nlp.vocab.strings.add(key)] = k
        pattern = nlp.make_doc(phrase)
        if mode == EXCLUDE:
            by_attr["LOWER"].add(key, [pattern])
            continue
        if mode == "exact":
            by_attr["ORTH"].add(key, [pattern])
            continue
        by_attr["LOWER"].add(key, [pattern])
        if mode == "lemma":
            lemma_pattern = nlp.make_doc(phrase)
            _set_lemmas(lemma_pattern, pattern_lemmas([t.text for t in lemma_pattern]))
            by_attr["LEMMA"].add(key, [lemma_pattern])
    return list(by_attr.values()), ids


def titled_name_spans(doc) -> list[tuple[int, int]]:
    """Token spans ``(start, end)`` of a spaCy ``doc``'s titled names: runs of two or more
    capitalized words (joined by connectors such as "of", "the", "and"; a leading "The"
    left out) holding one of :data:`TITLE_WORDS`, i.e. a title with its holder or the
    name of an office ("Defense Secretary Mark Esper", "Department of Homeland Security")."""
    spans: list[tuple[int, int]] = []
    run: list[int] = []

    def close() -> None:
        while run and (doc[run[-1]].text in _NAME_CONNECTORS):
            run.pop()
        while run and (doc[run[0]].text in _NAME_CONNECTORS or doc[run[0]].text in _ARTICLES):
            run.pop(0)
        if len(run) >= 2 and any(doc[i].text in TITLE_WORDS for i in run):
            spans.append((run[0], run[-1] + 1))
        run.clear()

    pending: list[int] = []     # connectors after the run, kept if a capitalized word follows
    for t in doc:
        if t.is_sent_start:
            close()
            pending.clear()
        if t.text[:1].isupper() and any(c.isalpha() for c in t.text):
            # One connector, or "of the", joins two names' words; "and the" starts another name.
            if pending and (len(pending) > 2 or len(pending) == 2 and doc[pending[0]].text == "and"):
                close()
            run.extend(pending)
            pending.clear()
            run.append(t.i)
        elif run and t.text in _NAME_CONNECTORS:
            pending.append(t.i)
        else:
            close()
            pending.clear()
    close()
    return spans


def _counted_matches(doc, found: set[tuple[int, int, int]], frame_of: np.ndarray,
                     is_exclude: np.ndarray) -> list[tuple[int, int, int]]:
    """The entry matches that count: not a part of a longer titled name
    (:func:`titled_name_spans`; a match that is the whole name counts), nor inside a
    phrase of the same frame's exclude list."""
    excluded: dict[str, list[tuple[int, int]]] = {}
    for k, s, e in found:
        if is_exclude[k]:
            excluded.setdefault(frame_of[k], []).append((s, e))
    names = titled_name_spans(doc) if found else []
    kept = []
    for k, s, e in found:
        if is_exclude[k]:
            continue
        if any(ns <= s and e <= ne and (ns, ne) != (s, e) for ns, ne in names):
            continue
        if any(xs <= s and e <= xe for xs, xe in excluded.get(frame_of[k], ())):
            continue
        kept.append((k, s, e))
    return kept


def _longest_per_frame(found: list[tuple[int, int, int]], frame_of: np.ndarray) -> list[tuple[int, int, int]]:
    """Keep, within each frame, the longest of overlapping matches (then the earliest)."""
    kept, taken = [], {}
    for k, s, e in sorted(found, key=lambda m: (-(m[2] - m[1]), m[1], m[0])):
        used = taken.setdefault(frame_of[k], set())
        if used.isdisjoint(range(s, e)):
            used.update(range(s, e))
            kept.append((k, s, e))
    return sorted(kept, key=lambda m: (m[1], m[0]))


def _match_corpus(corpus: pd.DataFrame, frames: pd.DataFrame,
                  sentences: pd.DataFrame | None, docs=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    nlp = get_nlp()
    matchers, ids = _matchers(frames)
    frame_of = frames["frame"].to_numpy()
    is_exclude = (frames["match"] == EXCLUDE).to_numpy()
    rows, sent_rows = [], []
    texts = list(corpus["text"])
    articles = zip(corpus["doc_id"], texts, nlp.pipe(texts, batch_size=64) if docs is None else docs)
    while chunk := list(islice(articles, 256)):
        for (doc_id, text, doc), lemma_ids in zip(chunk, _lemma_ids([doc for _, _, doc in chunk])):
            doc.from_array([LEMMA], lemma_ids.reshape(-1, 1))
            found = {(ids[mid], s, e) for m in matchers for mid, s, e in m(doc)}
            found = _counted_matches(doc, found, frame_of, is_exclude)
            for k, s, e in _longest_per_frame(found, frame_of):
                start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
                rows.append((doc_id, k, start, end, text[start:end]))
            if sentences is None:
                sent_rows.extend(doc_sentences(doc, doc_id))
    if sentences is None:
        sentences = pd.DataFrame(sent_rows, columns=list(SENTENCE_COLUMNS))
    matches = pd.DataFrame(rows, columns=["doc_id", "k", "start", "end", "text"])
    return _in_sentences(matches, sentences, frames, corpus), sentences


def _lemma_ids(docs: list) -> list[np.ndarray]:
    """The LEMMA string ids of every token of each doc, the lemmas of
    :func:`borderlines.terms.doc_lemmas` (the first word of a sentence counts as
    sentence-initial), looked up once per token type of all the docs instead of once
    per token."""
    arrays = [doc.to_array([ORTH, SENT_START]).view(np.int64).reshape(-1, 2) for doc in docs]
    if not sum(len(a) for a in arrays):
        return [np.zeros(len(a), dtype=np.uint64) for a in arrays]
    types, codes = np.unique(np.concatenate(arrays)[:, 0], return_inverse=True)
    strings = docs[0].vocab.strings
    info = [_type_lemmas(strings[h]) for h in types.view(np.uint64).tolist()]
    is_word = np.array([x[0] for x in info], dtype=bool)
    mid = np.array([_string_id(x[1]) for x in info], dtype=np.uint64)
    initial = np.array([_string_id(x[2]) for x in info], dtype=np.uint64)
    out, offset = [], 0
    for a in arrays:
        n = len(a)
        c = codes[offset:offset + n].reshape(-1)
        offset += n
        word = is_word[c]
        sent = np.cumsum((a[:, 1] == 1) | (np.arange(n) == 0))
        words_so_far = np.cumsum(word)
        before_sentence = np.maximum.accumulate(np.where(np.r_[True, sent[1:] != sent[:-1]],
                                                         words_so_far - word, 0))
        first = word & (words_so_far - before_sentence == 1)
        out.append(np.where(first, initial[c], mid[c]))
    return out


def _in_sentences(matches: pd.DataFrame, sentences: pd.DataFrame, frames: pd.DataFrame,
                  corpus: pd.DataFrame) -> pd.DataFrame:
    # A match belongs to the sentence holding it; one across a sentence break is dropped.
    sent_ids = _sentence_of(matches, sentences)
    k = matches["k"].to_numpy(dtype=np.int64)
    out = pd.DataFrame({
        "doc_id": matches["doc_id"], "era": matches["doc_id"].map(dict(zip(corpus["doc_id"], corpus["era"]))),
        "sent_id": sent_ids, "frame": frames["frame"].to_numpy()[k], "entry": frames["entry"].to_numpy()[k],
        "mode": frames["match"].to_numpy()[k], "text": matches["text"], "start": matches["start"],
        "end": matches["end"]}, columns=list(FRAME_MATCH_COLUMNS))
    return out[out["sent_id"] >= 0].reset_index(drop=True)


def _sentence_of(matches: pd.DataFrame, sentences: pd.DataFrame) -> np.ndarray:
    """``sent_id`` of the sentence of the same article holding each match (the last one
    starting at or before it, if the match ends within it), else -1: one search over
    the whole batch, with (article, offset) keys."""
    sent_ids = np.full(len(matches), -1, dtype=np.int64)
    if not len(matches) or not len(sentences):
        return sent_ids
    codes, uniques = pd.factorize(sentences["doc_id"])
    m_codes = pd.Index(uniques).get_indexer(matches["doc_id"])
    starts = sentences["start"].to_numpy(dtype=np.int64)
    ends = sentences["end"].to_numpy(dtype=np.int64)
    m_start = matches["start"].to_numpy(dtype=np.int64)
    m_end = matches["end"].to_numpy(dtype=np.int64)
    span = int(max(starts.max(), m_start.max(), 0)) + 1
    order = np.lexsort((starts, codes))
    keys = codes[order].astype(np.int64) * span + starts[order]
    pos = np.searchsorted(keys, m_codes.astype(np.int64) * span + m_start, side="right") - 1
    at = order[np.maximum(pos, 0)]
    ok = (m_codes >= 0) & (pos >= 0) & (codes[at] == m_codes) & (m_end <= ends[at])
    return np.where(ok, sentences["sent_id"].to_numpy(dtype=np.int64)[at], -1)


def frame_matches(corpus: pd.DataFrame, frames: pd.DataFrame | None = None,
                  sentences: pd.DataFrame | None = None, docs=None) -> pd.DataFrame:
    """Every trigger of every frame in the corpus; columns :data:`FRAME_MATCH_COLUMNS`.

    ``frames``: a :func:`load_frames` table (default lexicon if ``None``);
    ``sentences``: a :func:`~borderlines.nlp.sentence_table` of the corpus (made from
    the same parse if ``None``); ``docs``: the articles already parsed
    (:func:`borderlines.nlp.parse_texts`), one per row, to skip parsing again (their
    lemmas are set)."""
    frames = load_frames() if frames is None else frames
    return _match_corpus(corpus, frames, sentences, docs)[0]


def _sentence_frames_from(matches: pd.DataFrame, sentences: pd.DataFrame,
                          frames: pd.DataFrame) -> pd.DataFrame:
    if matches.empty:
        return pd.DataFrame(columns=list(SENTENCE_FRAME_COLUMNS))
    frame_order = {f: i for i, f in enumerate(dict.fromkeys(frames["frame"]))}
    doc_order = {d: i for i, d in enumerate(dict.fromkeys(sentences["doc_id"]))}
    groups: dict[tuple, dict] = {}
    # One pass in text order; triggers and entries are kept distinct (case-insensitively).
    ranks: list[tuple] = []     # (article, sentence, frame order, first seen) of each group
    n_docs = len(doc_order)
    for doc_id, era, sent_id, frame, entry, text in zip(*(matches[c].tolist() for c in (
            "doc_id", "era", "sent_id", "frame", "entry", "text"))):
        key = (doc_id, sent_id, frame)
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"era": era, "n_matches": 0, "triggers": {}, "entries": {}}
            ranks.append((doc_order.get(doc_id, n_docs), sent_id, frame_order[frame], len(ranks), key))
        g["n_matches"] += 1
        trigger = " ".join(text.split())
        g["triggers"].setdefault(trigger.lower(), trigger)
        g["entries"].setdefault(entry.lower(), entry)
    labels = frame_labels(frames)
    keys = [rank[-1] for rank in sorted(ranks)]
    out = pd.DataFrame({
        "doc_id": [k[0] for k in keys], "era": [groups[k]["era"] for k in keys],
        "sent_id": np.array([k[1] for k in keys], dtype=np.int64), "frame": [k[2] for k in keys],
        "label": [labels[k[2]] for k in keys],
        "n_matches": np.array([groups[k]["n_matches"] for k in keys], dtype=np.int64),
        "triggers": ["; ".join(groups[k]["triggers"].values()) for k in keys],
        "entries": ["; ".join(groups[k]["entries"].values()) for k in keys]})
    sent = sentences[["doc_id", "sent_id", "start", "end", "sentence"]]
    return out.merge(sent, on=["doc_id", "sent_id"], how="left")[list(SENTENCE_FRAME_COLUMNS)]


def sentence_frames(corpus: pd.DataFrame, frames: pd.DataFrame | None = None,
                    sentences: pd.DataFrame | None = None, docs=None) -> pd.DataFrame:
    """The frames of every sentence with their triggers: one row per sentence and
    frame (sentences with no frame have no row, see :func:`unframed_sentences`);
    columns :data:`SENTENCE_FRAME_COLUMNS`. Arguments as :func:`frame_matches`."""
    frames = load_frames() if frames is None else frames
    matches, sentences = _match_corpus(corpus, frames, sentences, docs)
    return _sentence_frames_from(matches, sentences, frames)


def sentence_frames_from_matches(matches: pd.DataFrame, sentences: pd.DataFrame,
                                 frames: pd.DataFrame) -> pd.DataFrame:
    """:func:`sentence_frames` from a :func:`frame_matches` table (and the same
    ``sentences`` and ``frames``), so one parse gives both the triggers and the
    framed sentences; columns :data:`SENTENCE_FRAME_COLUMNS`."""
    return _sentence_frames_from(matches, sentences, frames)


def unframed_sentences(sentence_frames: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``sentences`` (:func:`~borderlines.nlp.sentence_table`) that have no
    frame in ``sentence_frames``; columns :data:`~borderlines.nlp.SENTENCE_COLUMNS`."""
    framed = pd.MultiIndex.from_frame(sentence_frames[["doc_id", "sent_id"]])
    keys = pd.MultiIndex.from_frame(sentences[["doc_id", "sent_id"]])
    return sentences[~keys.isin(framed)].reset_index(drop=True)

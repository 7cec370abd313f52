"""Frames and tone of sentences.

Framing: an editable lexicon (``data/lexicons/frames.yml``, see its header) lists for
each Policy Frames Codebook dimension (Boydstun et al. 2014) the words and phrases that
signal it. Every sentence gets the frames whose entries occur in it, with the words
that triggered them; per era, the share of sentences with each frame is estimated over
articles with a bootstrap interval (:mod:`borderlines.uncertainty`).

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

Tone: VADER (the ``vaderSentiment`` package and the lexicon it ships) scores every
sentence; compound ranges from -1 (most negative) to +1, and VADER's own thresholds
(±0.05) name a sentence positive, neutral or negative. Sentences are labelled quote or
narration by how much of them lies inside quote spans. VADER's limits: its lexicon was
built for social-media text, it scores words, not stance or target ("safe third
country" reads as positive, "illegal" as negative whoever says it), and news prose is
mostly neutral; a tone estimate over fewer than ``min_sentences`` sentences
(:data:`MIN_TONE_SENTENCES`) is flagged ``too_few_sentences`` and is not a finding.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from spacy.attrs import LEMMA, ORTH, SENT_START
from spacy.matcher import PhraseMatcher
import vaderSentiment.vaderSentiment as _vs
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .io import InputProblem, read_text, read_yaml
from .nlp import SENTENCE_COLUMNS, doc_sentences, get_nlp, is_word, sentence_table
from .paths import lexicon_dir
from .problems import Problem
from .terms import _type_lemmas, pattern_lemmas
from .compare import DIFFERENCE_COLUMNS, rate_differences
from .uncertainty import DEFAULT_RESAMPLES, ESTIMATE_COLUMNS, era_rates

#: How an entry is matched (the ``match`` field of an entry in frames.yml).
MATCH_MODES = {
    "lemma": "its lemmas or its own words, any case (the default)",
    "word": "its words as written, any case",
    "exact": "its text as written, case included",
}

#: Columns of :func:`load_frames` (one row per lexicon entry, in file order).
LEXICON_COLUMNS = {
    "frame": "frame key",
    "label": "frame label for charts",
    "description": "what the frame is about",
    "entry": "word or phrase (whitespace collapsed)",
    "match": "match mode, one of MATCH_MODES; 'exclude' for a phrase of the frame's exclude list",
}

#: The ``match`` of a lexicon row that comes from a frame's ``exclude`` list: the frame's
#: entries do not count inside that phrase (matched by its words, any case).
EXCLUDE = "exclude"

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

#: Columns of :func:`frame_shares`: per era and frame, the share of sentences with the
#: frame (Σ framed sentences / Σ sentences over the era's articles, bootstrapped).
FRAME_SHARE_COLUMNS = {
    "era": "era key",
    "frame": "frame key",
    "label": "frame label",
    "n_framed": "sentences of the era with the frame",
    "n_sentences": "sentences of the era",
    **{k: v for k, v in ESTIMATE_COLUMNS.items() if k != "era"},
}

#: Columns of :func:`frame_examples`.
FRAME_EXAMPLE_COLUMNS = {
    "era": "era key",
    "frame": "frame key",
    "label": "frame label",
    "rank": "1 = the sentence with most triggers",
    "doc_id": "article id",
    "sent_id": "sentence number in the article",
    "n_matches": "triggers of the frame in the sentence",
    "triggers": "the triggering words",
    "sentence": "the sentence text",
}

#: Columns of :func:`frame_triggers` (one row per era, frame and lexicon entry that
#: matched).
FRAME_TRIGGER_COLUMNS = {
    "era": "era key",
    "frame": "frame key",
    "label": "frame label",
    "entry": "lexicon entry",
    "n_matches": "times the entry triggered the frame in the era",
    "n_sentences": "sentences of the era in which it did",
    "forms": "the words it matched, lowercase, most frequent first, '; '-separated",
}

#: Columns of :func:`frame_share_differences` (one row per frame): the frame's key and
#: label, the sentences of each era with it, then
#: :data:`borderlines.compare.DIFFERENCE_COLUMNS` (``measure`` is the frame key).
FRAME_DIFFERENCE_COLUMNS = {
    "frame": "frame key",
    "label": "frame label",
    "n_framed_a": "sentences of era A with the frame",
    "n_framed_b": "sentences of era B with the frame",
}

#: Columns of :func:`sentence_tone` (one row per sentence).
TONE_COLUMNS = {
    "doc_id": "article id",
    "era": "era key",
    "sent_id": "sentence number in the article",
    "start": "offset of the sentence in the clean text",
    "end": "end offset (exclusive)",
    "sentence": "the sentence text",
    "compound": "VADER compound score, -1 (negative) to +1 (positive)",
    "pos": "VADER share of positive text, 0 to 1",
    "neu": "VADER share of neutral text, 0 to 1",
    "neg": "VADER share of negative text, 0 to 1",
    "tone": "'positive' (compound ≥ 0.05), 'negative' (≤ -0.05) or 'neutral'",
}

#: Fewer sentences than this and a tone estimate is not a finding (flagged).
MIN_TONE_SENTENCES = 20

#: Columns of :func:`tone_by_era`: the estimate is the mean compound score of the
#: era's sentences, bootstrapped over articles; then the sentence distribution.
TONE_ERA_COLUMNS = {
    **ESTIMATE_COLUMNS,
    "n_sentences": "sentences of the era",
    "too_few_sentences": "True when n_sentences < min_sentences: the estimate is not a finding "
                         "(its note says so)",
    "median": "median compound score",
    "q25": "25th percentile of compound",
    "q75": "75th percentile of compound",
    "sd": "standard deviation of compound across sentences",
    "share_positive": "share of sentences with compound ≥ 0.05",
    "share_neutral": "share of sentences between the thresholds",
    "share_negative": "share of sentences with compound ≤ -0.05",
}

#: Columns of :func:`tone_quotes_vs_narration`.
TONE_VOICE_COLUMNS = {
    "era": "era key",
    "voice": "'quote' or 'narration'",
    "n_sentences": "sentences of the era with this voice",
    **{k: v for k, v in ESTIMATE_COLUMNS.items() if k != "era"},
    "too_few_sentences": "True when n_sentences < min_sentences: not a finding (see note)",
}

#: Columns of :func:`tone_histogram` (one row per era and compound-score bin).
TONE_BIN_COLUMNS = {
    "era": "era key",
    "bin_start": "lower edge of the bin (compound score)",
    "bin_end": "upper edge (exclusive, but 1.0 is in the last bin)",
    "n_sentences": "sentences of the era in the bin",
    "share": "their share of the era's sentences (NaN when the era has none)",
}

VADER_THRESHOLD = 0.05
#: Quote kinds (``kind`` column of borderlines.quotes) that make a sentence a quote.
QUOTED_KINDS = ("direct", "embedded")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_FRAME_FIELDS = {"key", "label", "description", "entries", "exclude"}
_ENTRY_FIELDS = {"phrase", "match"}


# --------------------------------------------------------------------------- lexicon


class LexiconError(InputProblem):
    """A frames lexicon with problems; ``problems`` lists all of them."""

    def __init__(self, problems: list[Problem]):
        Exception.__init__(self, "\n".join(
            [f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the frames lexicon:"]
            + [f"  - {p}" for p in problems]))
        self.problem = problems[0]
        self.problems = problems


def default_frames_path() -> Path:
    """``data/lexicons/frames.yml``."""
    return lexicon_dir() / "frames.yml"


def _lines(text: str) -> dict[tuple, int]:
    """1-based line of each frame ``(i,)`` and entry ``(i, j)`` of a parsed lexicon."""
    lines: dict[tuple, int] = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return lines
    for key, value in root.value:
        if key.value == "frames" and isinstance(value, yaml.SequenceNode):
            for i, frame in enumerate(value.value):
                lines[(i,)] = frame.start_mark.line + 1
                if isinstance(frame, yaml.MappingNode):
                    for fkey, fvalue in frame.value:
                        if fkey.value == "entries" and isinstance(fvalue, yaml.SequenceNode):
                            for j, entry in enumerate(fvalue.value):
                                lines[(i, j)] = entry.start_mark.line + 1
    return lines


def _signature(phrase: str, mode: str) -> tuple:
    # Two entries of one frame that match the same words are duplicates.
    words = [t.text for t in get_nlp().make_doc(phrase) if not t.is_space]
    if mode == "lemma":
        return ("lemma", tuple(pattern_lemmas(words)))
    if mode == "word":
        return ("word", tuple(w.lower() for w in words))
    return ("exact", tuple(words))


def frames_from_data(data: object, source: str = "<frames>", lines: dict | None = None) -> pd.DataFrame:
    """Validate parsed lexicon ``data`` (the YAML structure) into the table of
    :data:`LEXICON_COLUMNS`; raises :class:`LexiconError` listing every problem, each
    naming ``source``, the line, the frame and the entry."""
    lines = lines or {}
    problems: list[Problem] = []

    def problem(where: tuple, message: str, fix: str = "") -> None:
        line = lines.get(where)
        problems.append(Problem(file=source, message=(f"line {line}: " if line else "") + message, fix=fix))

    if not isinstance(data, dict) or "frames" not in data:
        raise LexiconError([Problem(file=source, message="no 'frames:' list found",
                                    fix="start the file with 'frames:' followed by a list of frames")])
    for extra in sorted(set(data) - {"frames"}, key=str):
        problem((), f"unknown top-level field '{extra}'", "the file has one top-level field, 'frames'")
    frames = data["frames"]
    if not isinstance(frames, list) or not frames:
        raise LexiconError(problems + [Problem(file=source, message="'frames' is empty or not a list",
                                               fix="list at least one frame under 'frames:'")])
    rows, seen_keys = [], {}
    for i, frame in enumerate(frames):
        if not isinstance(frame, dict):
            problem((i,), f"frame number {i + 1} is not a mapping",
                    "give each frame the fields key, label, description, entries")
            continue
        key = frame.get("key")
        name = f"frame '{key}'" if isinstance(key, str) else f"frame number {i + 1}"
        for extra in sorted(set(frame) - _FRAME_FIELDS, key=str):
            problem((i,), f"{name}: unknown field '{extra}'",
                    f"allowed fields are {', '.join(sorted(_FRAME_FIELDS))}")
        if not isinstance(key, str) or not _KEY.match(key):
            problem((i,), f"{name}: key {key!r} is missing or invalid",
                    "use lowercase letters, digits and underscores, e.g. 'security_defense'")
        elif key in seen_keys:
            problem((i,), f"{name}: key also used by frame number {seen_keys[key] + 1}",
                    "give every frame its own key")
        else:
            seen_keys[key] = i
        label = frame.get("label")
        if not isinstance(label, str) or not label.strip():
            problem((i,), f"{name}: label is missing", "add a label, e.g. 'Security and defense'")
        description = frame.get("description", "") or ""
        if not isinstance(description, str):
            problem((i,), f"{name}: description is not text", "write the description as text")
            description = ""
        entries = frame.get("entries")
        if not isinstance(entries, list) or not entries:
            problem((i,), f"{name}: has no entries", "list at least one word or phrase under 'entries:'")
            continue
        signatures: dict[tuple, str] = {}
        texts: dict[str, str] = {}
        for j, entry in enumerate(entries):
            if isinstance(entry, dict):
                for extra in sorted(set(entry) - _ENTRY_FIELDS, key=str):
                    problem((i, j), f"{name}, entry {j + 1}: unknown field '{extra}'",
                            "an entry is a phrase, or {phrase: ..., match: lemma|word|exact}")
                phrase, mode = entry.get("phrase"), entry.get("match", "lemma")
            else:
                phrase, mode = entry, "lemma"
            if isinstance(phrase, (int, float)) and not isinstance(phrase, bool):
                phrase = str(phrase)
            if not isinstance(phrase, str) or not phrase.strip():
                problem((i, j), f"{name}, entry {j + 1}: empty or not text ({phrase!r})",
                        "write a word or phrase (in quotes if YAML reads it as something else, "
                        "e.g. 'no', 'on', '42'), or delete the line")
                continue
            phrase = " ".join(phrase.split())
            if mode not in MATCH_MODES:
                problem((i, j), f"{name}, entry '{phrase}': unknown match '{mode}'",
                        f"use one of {', '.join(MATCH_MODES)}")
                continue
            if not any(is_word(t) for t in get_nlp().make_doc(phrase)):
                problem((i, j), f"{name}, entry '{phrase}': has no word (letters or digits)",
                        "write a word or phrase")
                continue
            sig, low = _signature(phrase, mode), phrase.lower()
            if low in texts or sig in signatures:
                other = texts.get(low) or signatures[sig]
                same = "appears twice" if other.lower() == low else f"matches the same words as '{other}'"
                problem((i, j), f"{name}, entry '{phrase}': {same} in this frame",
                        "keep one of them (an entry may appear in several frames, but once per frame)")
                continue
            texts[low], signatures[sig] = phrase, phrase
            rows.append({"frame": key, "label": label, "description": " ".join(description.split()),
                         "entry": phrase, "match": mode})
        excludes = frame.get("exclude") or []
        if not isinstance(excludes, list):
            problem((i,), f"{name}: exclude is not a list", "list phrases under 'exclude:', one per line")
            excludes = []
        seen_excludes: set[str] = set()
        for phrase in excludes:
            if not isinstance(phrase, str) or not any(is_word(t) for t in get_nlp().make_doc(phrase)):
                problem((i,), f"{name}: exclude phrase {phrase!r} has no word", "write a word or phrase, or delete it")
                continue
            phrase = " ".join(phrase.split())
            if phrase.lower() in seen_excludes:
                problem((i,), f"{name}: exclude phrase '{phrase}' appears twice", "keep one of them")
                continue
            seen_excludes.add(phrase.lower())
            rows.append({"frame": key, "label": label, "description": " ".join(description.split()),
                         "entry": phrase, "match": EXCLUDE})
    if problems:
        raise LexiconError(problems)
    return pd.DataFrame(rows, columns=list(LEXICON_COLUMNS))


def load_frames(path: str | Path | None = None) -> pd.DataFrame:
    """The frames lexicon (default ``data/lexicons/frames.yml``) as a table of
    :data:`LEXICON_COLUMNS`; raises :class:`LexiconError` (an
    :class:`~borderlines.io.InputProblem`) naming the file, line, frame and entry of
    every problem."""
    path = Path(path) if path else default_frames_path()
    data = read_yaml(path)
    try:
        return frames_from_data(data, str(path))
    except LexiconError:
        # Line numbers only matter for the problems: a second parse finds them.
        return frames_from_data(data, str(path), _lines(read_text(path)))


def frame_labels(frames: pd.DataFrame) -> dict[str, str]:
    """``{frame key: label}`` in lexicon order."""
    return dict(zip(frames["frame"], frames["label"]))


# --------------------------------------------------------------------------- matching


@lru_cache(maxsize=None)
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


def frame_triggers(matches: pd.DataFrame, frames: pd.DataFrame | None = None,
                   eras: list[str] | None = None, max_forms: int = 5) -> pd.DataFrame:
    """Which lexicon entries triggered each frame in each era, and as which words: a
    summary of :func:`frame_matches`; columns :data:`FRAME_TRIGGER_COLUMNS`, eras in
    ``eras`` order (others dropped; default: order in ``matches``), frames in lexicon
    order when ``frames`` is given, then most matches first. ``forms`` lists at most
    ``max_forms`` distinct matched words."""
    keys = list(eras) if eras is not None else list(dict.fromkeys(matches["era"]))
    m = matches[matches["era"].isin(keys)]
    if m.empty:
        return pd.DataFrame({c: pd.Series(dtype=np.int64 if c.startswith("n_") else object)
                             for c in FRAME_TRIGGER_COLUMNS})
    m = m.assign(form=[" ".join(t.split()).lower() for t in m["text"]])
    group = ["era", "frame", "entry"]
    out = m.groupby(group, sort=False).size().rename("n_matches").reset_index()
    n_sentences = m.drop_duplicates(group + ["doc_id", "sent_id"]).groupby(group, sort=False).size()
    out["n_sentences"] = out.set_index(group).index.map(n_sentences).astype(np.int64)
    forms = (m.groupby(group + ["form"], sort=False).size().rename("n").reset_index()
             .sort_values(["n", "form"], ascending=[False, True], kind="stable")
             .groupby(group, sort=False)["form"].agg(lambda f: "; ".join(list(f)[:max_forms])))
    out["forms"] = out.set_index(group).index.map(forms)
    labels = frame_labels(frames) if frames is not None else {}
    out["label"] = [labels.get(f, f) for f in out["frame"]]
    frame_order = {f: i for i, f in enumerate(dict.fromkeys(
        frames["frame"] if frames is not None else out["frame"]))}
    out = out.assign(_e=out["era"].map({e: i for i, e in enumerate(keys)}),
                     _f=out["frame"].map(frame_order).fillna(len(frame_order)))
    out = out.sort_values(["_e", "_f", "n_matches", "entry"], ascending=[True, True, False, True],
                          kind="stable")
    return out[list(FRAME_TRIGGER_COLUMNS)].reset_index(drop=True)


def unframed_sentences(sentence_frames: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``sentences`` (:func:`~borderlines.nlp.sentence_table`) that have no
    frame in ``sentence_frames``; columns :data:`~borderlines.nlp.SENTENCE_COLUMNS`."""
    framed = pd.MultiIndex.from_frame(sentence_frames[["doc_id", "sent_id"]])
    keys = pd.MultiIndex.from_frame(sentences[["doc_id", "sent_id"]])
    return sentences[~keys.isin(framed)].reset_index(drop=True)


def _era_order(corpus: pd.DataFrame, eras: list[str] | None) -> list[str]:
    return list(eras) if eras is not None else list(dict.fromkeys(corpus["era"]))


def _framed_per_article(sentence_frames: pd.DataFrame, sentences: pd.DataFrame, corpus: pd.DataFrame,
                        frames: pd.DataFrame | None):
    # (frame, label, per-article table: doc_id, era, n_sentences, n_framed) for each frame.
    if frames is not None:
        labels = frame_labels(frames)
    else:
        labels = dict(zip(sentence_frames["frame"], sentence_frames["label"]))
    per_doc = (sentences.groupby("doc_id").size().rename("n_sentences")
               .reindex(corpus["doc_id"], fill_value=0))
    base = pd.DataFrame({"doc_id": corpus["doc_id"].to_numpy(), "era": corpus["era"].to_numpy(),
                         "n_sentences": per_doc.to_numpy()})
    framed = sentence_frames.groupby(["frame", "doc_id"]).size()
    for frame, label in labels.items():
        counts = framed.get(frame, pd.Series(dtype=np.int64))
        yield frame, label, base.assign(n_framed=base["doc_id"].map(counts).fillna(0).astype(np.int64))


def frame_shares(sentence_frames: pd.DataFrame, sentences: pd.DataFrame, corpus: pd.DataFrame,
                 frames: pd.DataFrame | None = None, seed: int = 0,
                 eras: list[str] | None = None, n_resamples: int = DEFAULT_RESAMPLES) -> pd.DataFrame:
    """Per era and frame, the share of sentences with the frame, bootstrapped over
    articles (:func:`borderlines.uncertainty.era_rates`, ``n_resamples`` resamples);
    columns :data:`FRAME_SHARE_COLUMNS`. Pass the lexicon as ``frames`` to list frames
    that matched nothing (share 0); ``eras`` fixes the era order (default: corpus order)."""
    keys = _era_order(corpus, eras)
    parts = []
    for frame, label, table in _framed_per_article(sentence_frames, sentences, corpus, frames):
        est = era_rates(table, "n_framed", "n_sentences", seed=seed, eras=keys, n_resamples=n_resamples)
        totals = table.groupby("era")[["n_framed", "n_sentences"]].sum().reindex(keys, fill_value=0)
        est.insert(1, "frame", frame)
        est.insert(2, "label", label)
        est.insert(3, "n_framed", totals["n_framed"].to_numpy())
        est.insert(4, "n_sentences", totals["n_sentences"].to_numpy())
        parts.append(est)
    if not parts:
        return pd.DataFrame(columns=list(FRAME_SHARE_COLUMNS))
    out = pd.concat(parts, ignore_index=True)
    out["_e"] = out["era"].map({e: i for i, e in enumerate(keys)})
    return out.sort_values("_e", kind="stable")[list(FRAME_SHARE_COLUMNS)].reset_index(drop=True)


def frame_examples(sentence_frames: pd.DataFrame, n: int = 3,
                   frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """Up to ``n`` example sentences per era and frame, those with most triggers first
    (ties: most distinct triggers, then text order); columns
    :data:`FRAME_EXAMPLE_COLUMNS`, frames in lexicon order when ``frames`` is given."""
    if sentence_frames.empty:
        return pd.DataFrame(columns=list(FRAME_EXAMPLE_COLUMNS))
    sf = sentence_frames.assign(_distinct=sentence_frames["triggers"].str.count("; ") + 1,
                                _order=np.arange(len(sentence_frames)))
    sf = sf.sort_values(["n_matches", "_distinct", "_order"], ascending=[False, False, True], kind="stable")
    top = sf.groupby(["era", "frame"], sort=False).head(n).copy()
    top["rank"] = top.groupby(["era", "frame"], sort=False).cumcount() + 1
    era_order = {e: i for i, e in enumerate(dict.fromkeys(sentence_frames["era"]))}
    keys = frames["frame"] if frames is not None else sentence_frames["frame"]
    frame_order = {f: i for i, f in enumerate(dict.fromkeys(keys))}
    top = top.assign(_e=top["era"].map(era_order), _f=top["frame"].map(frame_order))
    top = top.sort_values(["_e", "_f", "rank"], kind="stable")
    return top[list(FRAME_EXAMPLE_COLUMNS)].reset_index(drop=True)


def frame_share_differences(sentence_frames: pd.DataFrame, sentences: pd.DataFrame, corpus: pd.DataFrame,
                            era_a: str, era_b: str, frames: pd.DataFrame | None = None,
                            clusters: pd.DataFrame | None = None, seed: int = 0, **kwargs) -> pd.DataFrame:
    """Per frame, era B's share of sentences with it minus era A's, with its interval
    and permutation p over articles (:func:`borderlines.compare.era_difference`);
    columns :data:`FRAME_DIFFERENCE_COLUMNS` then ``DIFFERENCE_COLUMNS``, largest
    absolute difference first. ``clusters`` (``doc_id``, ``cluster``, from
    :func:`borderlines.confounds.near_duplicates`) counts near-duplicates once."""
    if era_a == era_b:
        raise ValueError(f"era_a and era_b are both '{era_a}': compare two different eras")
    rows = []
    for frame, label, table in _framed_per_article(sentence_frames, sentences, corpus, frames):
        diff = rate_differences(table, {frame: ("n_framed", "n_sentences", 1.0)}, era_a, era_b,
                                clusters=clusters, seed=seed, **kwargs)
        counts = table.groupby("era")["n_framed"].sum()
        rows.append(diff.assign(frame=frame, label=label, n_framed_a=int(counts.get(era_a, 0)),
                                n_framed_b=int(counts.get(era_b, 0))))
    columns = [*FRAME_DIFFERENCE_COLUMNS, *DIFFERENCE_COLUMNS]
    if not rows:
        return pd.DataFrame(columns=columns)
    out = pd.concat(rows, ignore_index=True)[columns]
    order = out["estimate"].abs().sort_values(ascending=False, kind="stable", na_position="last").index
    return out.loc[order].reset_index(drop=True)


# --------------------------------------------------------------------------- tone


class FastSentimentIntensityAnalyzer(SentimentIntensityAnalyzer):
    """VADER with the same lexicon and rules, and the same scores, about three times
    faster: each word is lowercased once per sentence instead of once per check. Text
    with emoji (or that is not a ``str``) is scored by VADER's own code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)
        # The emoji of the Basic Multilingual Plane as a regex class: one search is much
        # faster than a set test per character. (A class of characters beyond it is
        # tried item by item: those are looked for only in a text that has any.)
        bmp = sorted(e for e in self._emoji_chars if e <= "\uffff")
        self._bmp_emoji_re = re.compile("[" + "".join(map(re.escape, bmp)) + "]" if bmp else r"(?!x)x")

    def _has_emoji(self, text: str) -> bool:
        return (self._bmp_emoji_re.search(text) is not None
                or (_BEYOND_BMP.search(text) is not None and not self._emoji_chars.isdisjoint(text)))

    def polarity_scores(self, text):
        if not isinstance(text, str) or self._has_emoji(text):
            return super().polarity_scores(text)
        vs = _vs
        text = text.strip()
        punct = vs.string.punctuation
        words = []
        for token in text.split():
            stripped = token.strip(punct)
            words.append(token if len(stripped) <= 2 else stripped)
        low = [w.lower() for w in words]
        n = len(words)
        lexicon, booster, negate = self.lexicon, vs.BOOSTER_DICT, _VADER_NEGATE
        if n and lexicon.keys().isdisjoint(low):
            # No word of the lexicon: every word scores 0 (boosters, negations and "but"
            # only scale the scores of lexicon words), which score_valence turns into
            # this (punctuation emphasis only ever adds to a non-zero sum).
            return {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
        n_caps = sum(1 for w in words if w.isupper())
        cap_diff = 0 < n - n_caps < n
        special = vs.SPECIAL_CASES
        n_scalar, c_incr = vs.N_SCALAR, vs.C_INCR

        def negated(word):
            return word in negate or "n't" in word

        sentiments = []
        for i, item in enumerate(words):
            il = low[i]
            if il in booster or (i < n - 1 and il == "kind" and low[i + 1] == "of"):
                sentiments.append(0)
                continue
            valence = 0
            if il in lexicon:
                valence = lexicon[il]
                if il == "no" and i != n - 1 and low[i + 1] in lexicon:
                    valence = 0.0
                if ((i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no")
                        or (i > 2 and low[i - 3] == "no" and low[i - 1] in ["or", "nor"])):
                    valence = lexicon[il] * n_scalar
                if item.isupper() and cap_diff:
                    if valence > 0:
                        valence += c_incr
                    else:
                        valence -= c_incr
                for start_i in range(0, 3):
                    j = i - (start_i + 1)
                    if i > start_i and low[j] not in lexicon:
                        # scalar_inc_dec
                        s = 0.0
                        if low[j] in booster:
                            s = booster[low[j]]
                            if valence < 0:
                                s *= -1
                            if words[j].isupper() and cap_diff:
                                if valence > 0:
                                    s += c_incr
                                else:
                                    s -= c_incr
                        if start_i == 1 and s != 0:
                            s = s * 0.95
                        if start_i == 2 and s != 0:
                            s = s * 0.9
                        valence = valence + s
                        # _negation_check
                        if start_i == 0:
                            if negated(low[i - 1]):
                                valence = valence * n_scalar
                        elif start_i == 1:
                            if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
                                valence = valence * 1.25
                            elif low[i - 2] == "without" and low[i - 1] == "doubt":
                                pass
                            elif negated(low[i - 2]):
                                valence = valence * n_scalar
                        else:
                            if (low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this")
                                    or (low[i - 1] == "so" or low[i - 1] == "this")):
                                valence = valence * 1.25
                            elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                                pass
                            elif negated(low[i - 3]):
                                valence = valence * n_scalar
                            # _special_idioms_check
                            onezero = f"{low[i - 1]} {low[i]}"
                            twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
                            twoone = f"{low[i - 2]} {low[i - 1]}"
                            threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
                            threetwo = f"{low[i - 3]} {low[i - 2]}"
                            for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
                                if seq in special:
                                    valence = special[seq]
                                    break
                            if n - 1 > i:
                                zeroone = f"{low[i]} {low[i + 1]}"
                                if zeroone in special:
                                    valence = special[zeroone]
                            if n - 1 > i + 1:
                                zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
                                if zeroonetwo in special:
                                    valence = special[zeroonetwo]
                            for n_gram in (threetwoone, threetwo, twoone):
                                if n_gram in booster:
                                    valence = valence + booster[n_gram]
                # _least_check
                if i > 1 and low[i - 1] not in lexicon and low[i - 1] == "least":
                    if low[i - 2] != "at" and low[i - 2] != "very":
                        valence = valence * n_scalar
                elif i > 0 and low[i - 1] not in lexicon and low[i - 1] == "least":
                    valence = valence * n_scalar
            sentiments.append(valence)
        if "but" in low:
            sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)


_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


def _vader_negate() -> frozenset[str]:
    from vaderSentiment.vaderSentiment import NEGATE
    return frozenset(NEGATE)


_VADER_NEGATE = _vader_negate()


@lru_cache(maxsize=1)
def fast_vader() -> FastSentimentIntensityAnalyzer:
    """The shared :class:`FastSentimentIntensityAnalyzer` (for ``sentence_tone(...,
    analyzer=fast_vader())``: the same scores as the default analyzer, faster)."""
    return FastSentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def tone_label(compound: float) -> str:
    """VADER's reading of a compound score: positive (≥ 0.05), negative (≤ -0.05),
    else neutral."""
    if compound >= VADER_THRESHOLD:
        return "positive"
    if compound <= -VADER_THRESHOLD:
        return "negative"
    return "neutral"


def sentence_tone(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None,
                  analyzer: SentimentIntensityAnalyzer | None = None) -> pd.DataFrame:
    """VADER scores of every sentence; columns :data:`TONE_COLUMNS`. ``sentences`` is
    a :func:`~borderlines.nlp.sentence_table` of the corpus (made if ``None``);
    ``analyzer`` another VADER analyzer, e.g. :func:`fast_vader` (same scores, faster)."""
    sentences = sentence_table(corpus) if sentences is None else sentences
    analyzer = _vader() if analyzer is None else analyzer
    scores = [analyzer.polarity_scores(s) for s in sentences["sentence"]]
    out = pd.DataFrame({
        "doc_id": sentences["doc_id"].to_numpy(),
        "era": sentences["doc_id"].map(dict(zip(corpus["doc_id"], corpus["era"]))).to_numpy(),
        "sent_id": sentences["sent_id"].to_numpy(),
        "start": sentences["start"].to_numpy(), "end": sentences["end"].to_numpy(),
        "sentence": sentences["sentence"].to_numpy(),
        "compound": [s["compound"] for s in scores], "pos": [s["pos"] for s in scores],
        "neu": [s["neu"] for s in scores], "neg": [s["neg"] for s in scores],
    })
    out["tone"] = [tone_label(c) for c in out["compound"]]
    return out[list(TONE_COLUMNS)]


def tone_per_article(tone: pd.DataFrame) -> pd.DataFrame:
    """Per article of a :func:`sentence_tone` table: ``doc_id``, ``era``, ``total``
    (sum of compound scores) and ``n`` (sentences), so ``total / n`` is its mean tone."""
    return (tone.groupby(["doc_id", "era"], sort=False)
            .agg(total=("compound", "sum"), n=("compound", "size")).reset_index())


def too_few_sentences(estimates: pd.DataFrame, n_sentences, min_sentences: int = MIN_TONE_SENTENCES) -> pd.DataFrame:
    """``estimates`` (:data:`~borderlines.uncertainty.ESTIMATE_COLUMNS`) with
    ``too_few_sentences`` (``n_sentences`` below ``min_sentences``, per row) and, on those
    rows, the note "too few sentences (n, under min): not a finding" (after any other note), so
    :func:`~borderlines.uncertainty.format_estimate` prints it instead of an interval."""
    few = np.asarray(n_sentences) < min_sentences
    out = estimates.assign(too_few_sentences=few)
    flag = [f"too few sentences ({n}, under {min_sentences}): not a finding" for n in np.asarray(n_sentences)]
    out["note"] = [("; ".join(x for x in (note, f) if x) if is_few and n else note)
                   for note, f, is_few, n in zip(out["note"], flag, few, np.asarray(n_sentences))]
    return out


def tone_by_era(tone: pd.DataFrame, seed: int = 0, eras: list[str] | None = None,
                n_resamples: int = DEFAULT_RESAMPLES, min_sentences: int = MIN_TONE_SENTENCES) -> pd.DataFrame:
    """Per era, the mean compound score of its sentences with a bootstrap interval over
    articles (``n_resamples`` resamples), and the distribution of sentence scores;
    columns :data:`TONE_ERA_COLUMNS`. ``eras`` fixes the order (default: order in ``tone``).
    An era with fewer than ``min_sentences`` sentences is flagged ``too_few_sentences``
    (see :func:`too_few_sentences`): VADER scores single sentences noisily, so a mean over
    a handful is not a finding."""
    keys = list(eras) if eras is not None else list(dict.fromkeys(tone["era"]))
    est = era_rates(tone_per_article(tone), "total", "n", seed=seed, eras=keys, n_resamples=n_resamples)
    rows = []
    for key in keys:
        c = tone.loc[tone["era"] == key, "compound"].to_numpy(float)
        has = len(c) > 0
        rows.append({
            "n_sentences": len(c),
            "median": float(np.median(c)) if has else np.nan,
            "q25": float(np.quantile(c, 0.25)) if has else np.nan,
            "q75": float(np.quantile(c, 0.75)) if has else np.nan,
            "sd": float(np.std(c, ddof=1)) if len(c) > 1 else np.nan,
            "share_positive": float(np.mean(c >= VADER_THRESHOLD)) if has else np.nan,
            "share_neutral": float(np.mean(np.abs(c) < VADER_THRESHOLD)) if has else np.nan,
            "share_negative": float(np.mean(c <= -VADER_THRESHOLD)) if has else np.nan,
        })
    out = pd.concat([est, pd.DataFrame(rows, index=est.index)], axis=1)
    return too_few_sentences(out, out["n_sentences"], min_sentences)[list(TONE_ERA_COLUMNS)]


def tone_histogram(tone: pd.DataFrame, bins: int = 20, eras: list[str] | None = None) -> pd.DataFrame:
    """The distribution of sentence compound scores per era (from
    :func:`sentence_tone`) in ``bins`` equal bins over [-1, 1], as counts and shares of
    the era's sentences: a chart of any corpus size plots ``bins`` rows per era;
    columns :data:`TONE_BIN_COLUMNS`. ``eras`` fixes the order (default: order in
    ``tone``); an era without sentences gets zero counts and NaN shares."""
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    keys = list(eras) if eras is not None else list(dict.fromkeys(tone["era"]))
    edges = np.linspace(-1.0, 1.0, bins + 1)
    parts = []
    for key in keys:
        c = tone.loc[tone["era"] == key, "compound"].to_numpy(float)
        counts, _ = np.histogram(np.clip(c, -1.0, 1.0), bins=edges)
        share = counts / len(c) if len(c) else np.full(bins, np.nan)
        parts.append(pd.DataFrame({"era": key, "bin_start": edges[:-1], "bin_end": edges[1:],
                                   "n_sentences": counts.astype(np.int64), "share": share}))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object if c == "era" else float) for c in TONE_BIN_COLUMNS})
    return pd.concat(parts, ignore_index=True)[list(TONE_BIN_COLUMNS)]


def _merged_spans(quotes: pd.DataFrame) -> pd.DataFrame:
    # Union of overlapping quote spans per article, so nested quotes count once.
    q = quotes[["doc_id", "start", "end"]].sort_values(["doc_id", "start"], kind="stable")
    q = q[q["end"] > q["start"]]
    prev_end = q.groupby("doc_id", sort=False)["end"].transform(lambda s: s.cummax().shift())
    new = prev_end.isna() | (q["start"] > prev_end)
    group = new.cumsum()
    return q.groupby(group).agg(doc_id=("doc_id", "first"), start=("start", "min"),
                                end=("end", "max")).reset_index(drop=True)


def sentence_voice(sentences: pd.DataFrame, quotes: pd.DataFrame, min_overlap: float = 0.5,
                   kinds: tuple[str, ...] | None = QUOTED_KINDS) -> pd.DataFrame:
    """``sentences`` (any table with ``doc_id``, ``start``, ``end``, e.g.
    :func:`sentence_tone`) plus ``quote_chars`` (characters inside quote spans),
    ``quote_share`` (their share of the sentence) and ``voice``: 'quote' when at least
    ``min_overlap`` of the sentence is quoted, else 'narration'.

    ``quotes`` has one row per quote with ``doc_id``, ``start``, ``end`` (offsets in the
    clean text), e.g. from :func:`borderlines.quotes.extract_quotes`. If it has a
    ``kind`` column, only ``kinds`` count (default: direct and embedded quotes, the
    speakers' own words; partial quotes are a few words inside narration and indirect
    ones the reporter's paraphrase); ``kinds=None`` counts every row."""
    missing = [c for c in ("doc_id", "start", "end") if c not in quotes.columns]
    if missing:
        raise ValueError(f"quotes table lacks column(s) {', '.join(missing)}: it needs doc_id, start, "
                         "end (character offsets of each quote in the clean text)")
    if not 0 < min_overlap <= 1:
        raise ValueError(f"min_overlap is a share of the sentence in (0, 1], got {min_overlap}")
    if kinds is not None and "kind" in quotes.columns:
        quotes = quotes[quotes["kind"].isin(kinds)]
    spans = _merged_spans(quotes)
    s = sentences.reset_index(drop=True)
    pairs = (s[["doc_id", "start", "end"]].reset_index(names="_row")
             .merge(spans, on="doc_id", suffixes=("", "_q")))
    overlap = (np.minimum(pairs["end"], pairs["end_q"])
               - np.maximum(pairs["start"], pairs["start_q"])).clip(lower=0)
    chars = overlap.groupby(pairs["_row"]).sum().reindex(s.index, fill_value=0).astype(np.int64)
    length = (s["end"] - s["start"]).clip(lower=1)
    out = s.assign(quote_chars=chars.to_numpy(), quote_share=(chars / length).to_numpy())
    out["voice"] = np.where(out["quote_share"] >= min_overlap, "quote", "narration")
    return out


def tone_quotes_vs_narration(tone: pd.DataFrame, quotes: pd.DataFrame, min_overlap: float = 0.5,
                             seed: int = 0, eras: list[str] | None = None,
                             kinds: tuple[str, ...] | None = QUOTED_KINDS,
                             n_resamples: int = DEFAULT_RESAMPLES,
                             min_sentences: int = MIN_TONE_SENTENCES) -> pd.DataFrame:
    """Mean VADER compound of quoted sentences and of narration per era, each
    bootstrapped over the era's articles that have such sentences (``n_resamples``
    resamples); columns :data:`TONE_VOICE_COLUMNS`. ``quotes``, ``min_overlap`` and
    ``kinds`` as in :func:`sentence_voice`; a row over fewer than ``min_sentences``
    sentences is flagged ``too_few_sentences`` and is not a finding."""
    voiced = sentence_voice(tone, quotes, min_overlap, kinds)
    keys = list(eras) if eras is not None else list(dict.fromkeys(tone["era"]))
    parts = []
    for i, voice in enumerate(("quote", "narration")):
        part = voiced[voiced["voice"] == voice]
        est = era_rates(tone_per_article(part), "total", "n", seed=seed + 7919 * i, eras=keys,
                        n_resamples=n_resamples)
        est.insert(1, "voice", voice)
        est.insert(2, "n_sentences", [int((part["era"] == k).sum()) for k in keys])
        parts.append(est)
    out = pd.concat(parts, ignore_index=True)
    out = too_few_sentences(out, out["n_sentences"], min_sentences)
    out["_e"] = out["era"].map({e: i for i, e in enumerate(keys)})
    return out.sort_values(["_e"], kind="stable")[list(TONE_VOICE_COLUMNS)].reset_index(drop=True)


def tone_differences(tone: pd.DataFrame, quotes: pd.DataFrame, era_a: str, era_b: str, seed: int = 0,
                     clusters: pd.DataFrame | None = None, min_overlap: float = 0.5,
                     kinds: tuple[str, ...] | None = QUOTED_KINDS) -> pd.DataFrame:
    """Era B minus era A in the mean compound score of all sentences, of quoted
    sentences and of narration (``quotes``, ``min_overlap``, ``kinds`` as in
    :func:`sentence_voice`), each over the articles that have such sentences;
    :data:`~borderlines.compare.DIFFERENCE_COLUMNS` rows with ``measure`` "all
    sentences", "quote", "narration"."""
    voiced = sentence_voice(tone, quotes, min_overlap, kinds)
    parts = [("all sentences", voiced), ("quote", voiced[voiced["voice"] == "quote"]),
             ("narration", voiced[voiced["voice"] == "narration"])]
    return pd.concat([rate_differences(tone_per_article(part), {name: ("total", "n", 1.0)}, era_a, era_b,
                                       seed=seed, clusters=clusters) for name, part in parts],
                     ignore_index=True)


def add_frame_entry(frames: pd.DataFrame, frame: str, entry: str, match: str = "lemma") -> pd.DataFrame:
    """A copy of the lexicon table ``frames`` with ``entry`` added to ``frame`` (an
    in-memory edit, e.g. to try a keyword before adding it to ``frames.yml``). Raises
    ``ValueError`` naming the known frames if ``frame`` is unknown, and
    :class:`LexiconError` if the entry duplicates one already in that frame."""
    known = list(dict.fromkeys(frames["frame"]))
    if frame not in known:
        raise ValueError(f"unknown frame {frame!r}; the lexicon has: {', '.join(known)}")
    data = {"frames": [
        {"key": key, "label": part["label"].iloc[0], "description": part["description"].iloc[0],
         "entries": [e if m == "lemma" else {"phrase": e, "match": m}
                     for e, m in zip(part["entry"], part["match"]) if m != EXCLUDE]
         + ([entry if match == "lemma" else {"phrase": entry, "match": match}] if key == frame else []),
         "exclude": part.loc[part["match"] == EXCLUDE, "entry"].tolist()}
        for key, part in frames.groupby("frame", sort=False)]}
    return frames_from_data(data, source=f"<lexicon with '{entry}' added to {frame}>")

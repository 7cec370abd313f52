"""The frames lexicon: loading and validating ``frames.yml``, and editing it in memory.

An editable lexicon (``data/lexicons/frames.yml``, see its header) lists for each Policy
Frames Codebook dimension (Boydstun et al. 2014) the words and phrases that signal it;
:func:`load_frames` reads it into a table of :data:`LEXICON_COLUMNS` and reports every
problem at once, naming the file, line, frame and entry.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import yaml

from ..files import InputProblem, read_text, read_yaml
from ..nlp import get_nlp, is_word
from ..paths import lexicon_dir
from ..problems import Problem
from ..terms import pattern_lemmas

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

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_FRAME_FIELDS = {"key", "label", "description", "entries", "exclude"}
_ENTRY_FIELDS = {"phrase", "match"}


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
    :class:`~borderlines.files.InputProblem`) naming the file, line, frame and entry of
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

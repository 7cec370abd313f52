"""The actors table (``data/actors.csv``): who the study knows, with canonical names,
aliases, roles and countries; validated (:func:`load_actors`, :func:`checked_actors`)
and turned once per table into a spaCy ``EntityRuler`` and lookups (:func:`_actor_index`)
that match names with or without accents, and the actors that index finds in a parsed
article (:func:`_actor_entities`).

The table is an optional enrichment of the quotes: :func:`actor_fields` is the one rule
giving a quote's speaker its role, country and source from an actor, used by extraction
and by :func:`with_actors`, which applies another actors table to a quotes table already
extracted (no text parsed again)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import spacy
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler

from ..files import read_csv_strings
from ..nlp import get_nlp
from ..paths import default_actors
from ..problems import Problem
from .roles import ROLES, UNKNOWN_ROLE

#: What an actor is: decides which pronouns can refer to it.
ACTOR_TYPES = {
    "person": "one person (he/she)",
    "institution": "a government, ministry, agency or organisation (it)",
    "group": "unnamed people speaking together, e.g. 'U.S. officials' (they)",
}

#: Columns of :func:`load_actors` (and of ``data/actors.csv``).
ACTOR_COLUMNS = {
    "name": "canonical name, used as the speaker (unique)",
    "aliases": "other spellings, separated by '|': full names, surnames, handles (@name); "
               "accents never matter; an all-lowercase alias also matches capitalized",
    "role": "role category, one of ROLES",
    "country": "country of the speaker ('US', 'Mexico', 'Honduras', ..., 'international'; '' unknown)",
    "type": "person | institution | group (optional column; default person)",
    "gender": "f | m | '' (optional column; lets she/he find the right person)",
    "notes": "free text for the researcher (optional column)",
}
_REQUIRED_ACTOR_COLUMNS = ("name", "aliases", "role", "country")
_OPTIONAL_ACTOR_COLUMNS = {"type": "person", "gender": "", "notes": ""}


# --------------------------------------------------------------------------- accents


def _fold_table() -> dict[int, str]:
    table = {}
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        parts = unicodedata.normalize("NFD", chr(cp))
        if (len(parts) > 1 and parts[0].isascii() and parts[0].isalpha()
                and all(unicodedata.combining(c) for c in parts[1:])):
            table[cp] = parts[0]
    return table


_FOLD = _fold_table()
_FOLD_CHARS = frozenset(map(chr, _FOLD))   # texts without these are unchanged by fold_accents
# The same set as a regex class: searching a text for one is much faster than a set test per character.
_FOLD_CHAR_RE = re.compile("[" + "".join(sorted(_FOLD_CHARS)) + "]")
_FOLD_RANGES = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")   # holds every key of _FOLD


def fold_accents(text: str) -> str:
    """``text`` with accented Latin letters replaced by their base letter, one character
    for one, so offsets are unchanged ("López" -> "Lopez")."""
    return text.translate(_FOLD) if _FOLD_CHAR_RE.search(text) else text


def _key(text: str) -> str:
    """Lookup key of a name: accents folded, lowercase, straight apostrophes, single spaces."""
    return " ".join(fold_accents(text).replace("’", "'").lower().split())


# --------------------------------------------------------------------------- actors


class ActorsError(ValueError):
    """The actors table cannot be used; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__()
        self.problems = problems

    def __str__(self) -> str:
        n = len(self.problems)
        return "\n".join([f"{n} problem{'s' if n != 1 else ''} in the actors table:"]
                         + [f"  - {p}" for p in self.problems])


def load_actors(path: str | Path | None = None) -> pd.DataFrame:
    """The actors table (default ``data/actors.csv``): one row per speaker the study
    knows, columns :data:`ACTOR_COLUMNS`.

    Raises :class:`~borderlines.files.InputProblem` if the file is missing or not UTF-8 and
    :class:`ActorsError` naming file, row and field of every bad value."""
    path = Path(path) if path is not None else default_actors()
    return checked_actors(read_csv_strings(path), str(path))


def checked_actors(table: pd.DataFrame, file: str = "<actors table>") -> pd.DataFrame:
    """``table`` validated and completed (optional columns filled with their defaults),
    columns :data:`ACTOR_COLUMNS`; :class:`ActorsError` lists every problem (rows are
    1-based data rows of ``file``)."""
    missing = [c for c in _REQUIRED_ACTOR_COLUMNS if c not in table.columns]
    if missing:
        raise ActorsError([Problem(file=file, field=c, message="required column is missing",
                                   fix="the actors table needs columns name, aliases, role, "
                                       "country (and optionally type, gender, notes)")
                           for c in missing])
    table = table.copy()
    for column, default in _OPTIONAL_ACTOR_COLUMNS.items():
        if column not in table.columns:
            table[column] = default
    table = table[list(ACTOR_COLUMNS)].fillna("").astype(str).apply(lambda s: s.str.strip())
    problems = []
    seen: dict[str, int] = {}
    for row, actor in enumerate(table.itertuples(index=False), start=1):
        def problem(column, message, fix):
            problems.append(Problem(file=file, row=row, field=column, message=message, fix=fix,
                                    doc_id=actor.name or None))
        if not actor.name:
            problem("name", "empty name", "give the canonical name, or delete the row")
        elif actor.name in seen:
            problem("name", f"'{actor.name}' is listed twice (also row {seen[actor.name]})",
                    "keep one row; put other spellings in its 'aliases'")
        else:
            seen[actor.name] = row
        if actor.role not in ROLES:
            problem("role", f"unknown role '{actor.role}'", f"use one of: {', '.join(ROLES)}")
        if actor.type not in ACTOR_TYPES:
            problem("type", f"unknown type '{actor.type}'", f"use one of: {', '.join(ACTOR_TYPES)}")
        if actor.gender not in ("", "f", "m"):
            problem("gender", f"unknown gender '{actor.gender}'", "use f, m, or leave it empty")
        if actor.aliases and any(not a.strip() for a in actor.aliases.split("|")):
            problem("aliases", f"empty alias in '{actor.aliases}'",
                    "separate aliases with a single '|' and no '|' at either end")
    if problems:
        raise ActorsError(problems)
    return table.reset_index(drop=True)


@dataclass(frozen=True)
class _Actor:
    name: str
    role: str
    country: str
    type: str
    gender: str


@dataclass
class _ActorIndex:
    actors: dict[str, _Actor]
    ruler: EntityRuler
    alias_kind: dict[str, str]              # folded alias text -> name | surname | handle | institution
    candidates: dict[str, tuple[str, ...]]  # ruler id -> actor names (several when ambiguous)
    lookup: dict[str, tuple[str, ...]]      # _key(alias) -> actor names
    # the ruler's phrase patterns as token ORTH ids, by first token: {orth: [(orths, ruler id)]},
    # and in a PhraseMatcher keyed by ruler id; None when two patterns are the same tokens
    # (then only the ruler itself decides between them)
    phrases: dict[int, list[tuple[tuple[int, ...], str]]] | None = None
    matcher: PhraseMatcher | None = None


def _actor_rows(actors: pd.DataFrame) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(r) for r in actors[["name", "aliases", "role", "country", "type", "gender"]]
                 .itertuples(index=False))


@lru_cache(maxsize=8)
def _actor_index(rows: tuple[tuple[str, ...], ...]) -> _ActorIndex:
    """Entity ruler and lookups for one actors table, built once per table."""
    actors: dict[str, _Actor] = {}
    names_of: dict[str, list[str]] = {}     # folded alias -> names
    kind_of: dict[str, str] = {}
    lookup: dict[str, list[str]] = {}
    for name, aliases, role, country, typ, gender in rows:
        actors[name] = _Actor(name, role, country, typ, gender)
        spellings = list(dict.fromkeys([name, *(a.strip() for a in aliases.split("|") if a.strip())]))
        full = [_key(s).split() for s in spellings if not s.startswith("@") and len(s.split()) > 1]
        for spelling in spellings:
            toks = _key(spelling).split()
            if spelling.startswith("@"):
                kind = "handle"
            elif typ != "person":
                kind = "institution"
            elif any(len(f) > len(toks) and f[-len(toks):] == toks for f in full):
                kind = "surname"
            else:
                kind = "name"
            variants = {fold_accents(spelling)}
            for v in list(variants):
                variants |= {v.replace("'", "’"), v.replace("’", "'")}
            if spelling == spelling.lower():
                variants |= {v[:1].upper() + v[1:] for v in variants}
            for v in variants:
                names_of.setdefault(v, [])
                if name not in names_of[v]:
                    names_of[v].append(name)
                kind_of.setdefault(v, kind)
            lookup.setdefault(_key(spelling), [])
            if name not in lookup[_key(spelling)]:
                lookup[_key(spelling)].append(name)
    ruler = EntityRuler(spacy.blank("en", vocab=get_nlp().vocab), phrase_matcher_attr="ORTH")
    patterns, candidates = [], {}
    for alias, names in names_of.items():
        ent_id = names[0] if len(names) == 1 else "?" + alias
        candidates[ent_id] = tuple(names)
        label = "PERSON" if any(actors[n].type == "person" for n in names) else "ORG"
        patterns.append({"label": label, "pattern": alias, "id": ent_id})
    ruler.add_patterns(patterns)
    return _ActorIndex(actors, ruler, kind_of, candidates, {k: tuple(v) for k, v in lookup.items()},
                       *_phrase_tables(ruler, patterns))


def _phrase_tables(ruler: EntityRuler, patterns: list[dict]):
    """The ruler's patterns tokenized as the ruler tokenizes them: by first token, and
    in a PhraseMatcher keyed by ruler id (see :func:`_actor_entities`); ``(None, None)``
    when two patterns are the same tokens."""
    table: dict[int, list[tuple[tuple[int, ...], str]]] = {}
    matcher = PhraseMatcher(ruler.nlp.vocab, attr="ORTH")
    seen: set[tuple[int, ...]] = set()
    for entry, doc in zip(patterns, ruler.nlp.pipe([e["pattern"] for e in patterns])):
        orths = tuple(doc.to_array(ORTH).tolist())
        if not orths:
            continue
        if orths in seen:
            return None, None
        seen.add(orths)
        table.setdefault(orths[0], []).append((orths, entry["id"]))
        matcher.add(entry["id"], [doc])
    return table, matcher


def actor_ruler(actors: pd.DataFrame | None = None) -> EntityRuler:
    """The spaCy ``EntityRuler`` built from the actors table (labels PERSON/ORG, entity
    id = canonical name, or ``?alias`` when an alias fits several actors). It matches
    accent-folded text: apply it to ``get_nlp()(fold_accents(text))``."""
    actors = checked_actors(actors) if actors is not None else load_actors()
    return _actor_index(_actor_rows(actors)).ruler


def add_actor(actors: pd.DataFrame, name: str, role: str, country: str = "", aliases=(),
              type: str = "person", gender: str = "", notes: str = "") -> pd.DataFrame:
    """A copy of the actors table with one more actor (an in-memory edit, e.g. to try a
    speaker before adding them to ``actors.csv``), validated like the file: an unknown
    role or a name already listed raises :class:`ActorsError` naming the field."""
    row = {"name": name, "aliases": "|".join(aliases) if not isinstance(aliases, str) else aliases,
           "role": role, "country": country, "type": type, "gender": gender, "notes": notes}
    table = pd.concat([actors.astype(str), pd.DataFrame([row])], ignore_index=True)
    return checked_actors(table[[c for c in table.columns if c in ACTOR_COLUMNS]],
                          f"<actors with {name!r} added>")


def actor_fields(speaker: str, role: str, country: str, actor: _Actor | None) -> dict:
    """A quote's ``speaker``, ``role``, ``country`` and ``speaker_source``
    (:data:`~borderlines.quotes.QUOTE_COLUMNS`) from the speaker's name, the role and
    country the article's words give them (``"unknown"`` / ``""`` when they give none)
    and their row of the actors table (``None`` when unlisted): the text's words come
    first, the table fills what they leave open, and a listed speaker takes its
    canonical name."""
    if actor is None:
        return {"speaker": speaker, "role": role, "country": country,
                "speaker_source": "text" if speaker else "none"}
    return {"speaker": actor.name, "role": actor.role if role == UNKNOWN_ROLE else role,
            "country": country or actor.country, "speaker_source": "actor_table"}


def _names_ending(index: _ActorIndex, phrase: str, min_words: int = 1) -> tuple[str, ...]:
    """The actors going by the longest run of at least ``min_words`` words that ends
    ``phrase`` ("a senior administration official", "State Mike Pompeo"), or by the
    whole phrase; ``()`` when none does."""
    words = phrase.split()
    keys = (_key(" ".join(words[i:])) for i in range(max(1, len(words) - min_words + 1)))
    return next((index.lookup[k] for k in keys if k in index.lookup), ())


def _listed_actor(index: _ActorIndex, name: str) -> _Actor | None:
    """The one actor a speaker's name as found in the text names: the canonical name,
    or an alias (accents and case aside) that is the name or its last two words or more
    (the words the rules took in before a name: "Rival Jane Roe"); ``None`` when no
    actor, or several, go by it."""
    if name in index.actors:
        return index.actors[name]
    names = _names_ending(index, name, min_words=2) if name else ()
    return index.actors[names[0]] if len(names) == 1 else None


def with_actors(quotes: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` (:func:`~borderlines.quotes.extract_quotes` columns, e.g. a study's
    ``tables.quotes``) with their speakers resolved again against ``actors`` (a table of
    :func:`load_actors` or :func:`add_actor`), by :func:`actor_fields`: a speaker found in
    the text only (``speaker_source`` ``text``) whose name is the name or an alias of one
    actor takes that actor's canonical name, and its role and country where the text
    gave none. Rows already resolved through an actors table are kept as they are.

    Equal to extracting with ``actors`` when the table adds speakers the rules already
    found by their name (after a title, with an appositive or next to a speech verb),
    which is what an actor added for an unknown speaker does. The table also guides
    extraction itself (aliases, surnames, institutions and genders find and resolve
    mentions), so a new alias the text never spells in full, a surname two people share,
    a changed gender or type, or a changed role or country of an actor already listed
    needs the quotes extracted again (``borderlines build --force``, or :func:`~borderlines.quotes.extract_quotes`)."""
    missing = [c for c in ("speaker", "role", "country", "speaker_source") if c not in quotes.columns]
    if missing:
        raise ValueError(f"quotes table lacks column(s) {missing}: pass the table of extract_quotes() "
                         "or a study's tables.quotes")
    index = _actor_index(_actor_rows(checked_actors(actors)))
    out = quotes.copy()
    text_rows = out.index[out["speaker_source"] == "text"]
    fields = [actor_fields(s, r, c, _listed_actor(index, s))
              for s, r, c in zip(out.loc[text_rows, "speaker"], out.loc[text_rows, "role"],
                                 out.loc[text_rows, "country"])]
    if fields:
        out.loc[text_rows, list(fields[0])] = pd.DataFrame(fields, index=text_rows)
    return out


def _folded_docs(docs, texts: list[str], parse):
    """Parses of the accent-folded ``texts``: the given parse of a text that folding
    leaves unchanged, else ``parse`` (tokenizer or pipeline) of the folded text."""
    for doc, text in zip(docs, texts):
        yield doc if _FOLD_CHAR_RE.search(text) is None else parse(_fold_sparse(text))


def _actor_entities(doc, index: _ActorIndex, text: str | None = None) -> list[tuple[int, int, str]]:
    """``(start_char, end_char, ruler id)`` of the actors ``index.ruler`` finds in the
    fresh parse ``doc``, in text order, without setting them on ``doc``. ``text``: the
    doc's text when it may hold accents, which the ruler matches folded
    (:func:`_refolded`).

    The ruler's rule, on token ORTH ids: every occurrence of every pattern, the longest
    first (then the leftmost), each kept unless its first or last token is already taken.
    A doc with entities already set goes to the ruler itself."""
    fold = text is not None and _FOLD_CHAR_RE.search(text) is not None
    if index.phrases is None or (not fold and doc.has_annotation("ENT_IOB")):
        target = get_nlp().tokenizer(_fold_sparse(text)) if fold else doc
        index.ruler(target)
        return [(e.start_char, e.end_char, e.ent_id_) for e in sorted(target.ents, key=lambda e: e.start_char)]
    if not fold:
        strings = doc.vocab.strings
        kept = _longest_first([(s, e, strings[key]) for key, s, e in index.matcher(doc)])
        return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), ent_id) for s, e, ent_id in kept]
    arr = _refolded(text, doc.to_array([ORTH, IDX, LENGTH]))
    orth = arr[:, 0].tolist()
    phrases = index.phrases
    found = []
    for i in [i for i, o in enumerate(orth) if o in phrases]:
        for pattern, ent_id in phrases[orth[i]]:
            if tuple(orth[i:i + len(pattern)]) == pattern:
                found.append((i, i + len(pattern), ent_id))
    idx, length = arr[:, 1].tolist(), arr[:, 2].tolist()
    return [(idx[s], idx[e - 1] + length[e - 1], ent_id) for s, e, ent_id in _longest_first(found)]


def _longest_first(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The token spans the ruler keeps of ``found`` (start, end, id), in text order."""
    found.sort(key=lambda m: (m[1] - m[0], -m[0]), reverse=True)
    taken: set[int] = set()
    kept = []
    for start, end, ent_id in found:
        if start not in taken and end - 1 not in taken:
            kept.append((start, end, ent_id))
            taken.update(range(start, end))
    kept.sort()
    return kept


def _refolded(text: str, arr: np.ndarray) -> np.ndarray:
    """``[ORTH, IDX, LENGTH]`` token rows of ``fold_accents(text)`` from those of ``text``.
    The tokenizer splits each whitespace-separated chunk of a text on its own, so only
    the chunks with an accented letter are tokenized again, folded (folding keeps the
    offsets: one character for one)."""
    tokenizer = get_nlp().tokenizer
    idx = arr[:, 1]
    pieces, last, chunk_end = [], 0, -1
    for m in _FOLD_CHAR_RE.finditer(text):
        if m.start() < chunk_end:
            continue
        a, b = m.start(), m.end()
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        chunk_end = b
        first, stop = np.searchsorted(idx, [a, b]).tolist()   # the chunk's tokens start in [a, b)
        folded = tokenizer(_fold_sparse(text[a:b])).to_array([ORTH, IDX, LENGTH])
        folded[:, 1] += a
        pieces += [arr[last:first], folded]
        last = stop
    pieces.append(arr[last:])
    return np.concatenate(pieces)


def _fold_sparse(text: str) -> str:
    """:func:`fold_accents` for a text with few accented letters (the same string, faster)."""
    return _FOLD_RANGES.sub(lambda m: _FOLD.get(ord(m.group()), m.group()), text)

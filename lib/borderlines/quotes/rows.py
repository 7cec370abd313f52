"""One output row (:data:`QUOTE_COLUMNS`) from a quote and its speaker mention: confidence
from the method and the flags, and the role and country from the words the article
describes the speaker with, else from the actors table."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .actors import _ActorIndex, actor_fields
from .roles import role_and_country, UNKNOWN_ROLE
from .vocabulary import _APPOSITIVE_RE, FLAG_CONFIDENCE, METHOD_CONFIDENCE, _UNRESOLVED_PRONOUN_CONFIDENCE
from .article import _Article, _Mention


def _row(art: _Article, kind: str, start: int, end: int, sent_a: int, sent_b: int,
         mention: _Mention | None, method: str, flags: Sequence[str], index: _ActorIndex,
         group: int) -> dict:
    """One output row (see :data:`QUOTE_COLUMNS`)."""
    text = art.text
    speaker = mention.speaker if mention is not None else ""
    actor = index.actors.get(speaker)
    flags = list(dict.fromkeys([*flags, *(mention.flags if mention is not None else ())]))
    if mention is not None and mention.method == "pronoun" and not speaker:
        flags.append("unresolved_pronoun")
    confidence = (_UNRESOLVED_PRONOUN_CONFIDENCE if "unresolved_pronoun" in flags
                  else METHOD_CONFIDENCE[method])
    for f in [*flags, kind]:
        confidence *= FLAG_CONFIDENCE.get(f, 1.0)
    role, country = role_and_country(_descriptions(art).get(speaker, "")) if speaker else (UNKNOWN_ROLE, "")
    resolved = actor_fields(speaker, role, country, actor)
    return {
        "doc_id": art.doc_id, "kind": kind, "quote": text[start:end], "start": start, "end": end,
        "sentence": text[sent_a:sent_b],
        "speaker_mention": text[mention.start:mention.end] if mention is not None else "",
        "speaker": resolved["speaker"],
        "role": resolved["role"],
        "country": resolved["country"],
        "method": method, "confidence": round(confidence, 3), "flags": "|".join(flags),
        "paragraph": art.paragraph_of(start), "sent_id": art.sent_ids[art.sentence_of(start)],
        "group": group,
        "speaker_start": mention.start if mention is not None else -1,
        "speaker_end": mention.end if mention is not None else -1,
        "speaker_source": resolved["speaker_source"],
        "ambiguous": not _AMBIGUOUS_FLAGS.isdisjoint(flags),
    }


_AMBIGUOUS_FLAGS = frozenset({"ambiguous_surname", "ambiguous_alias"})

# Lowercase role words and a possessive owner right before a name ("Mexico's foreign minister").
_DESCRIPTION_BEFORE_RE = re.compile(r"(?<![\w.'’-])(?:[\w.'’-]+[ \t]+){1,3}$")
# The same, read backwards from the name: matched once instead of searched at every
# position of the window.
_DESCRIPTION_REVERSED_RE = re.compile(r"(?:[ \t]+[\w.'’-]+){1,3}")


def _description_before(text: str, lo: int, hi: int) -> str | None:
    """The words ``_DESCRIPTION_BEFORE_RE`` finds in ``text[lo:hi]`` (up to three, each
    followed by spaces, ending at ``hi``), or None."""
    found = _DESCRIPTION_REVERSED_RE.match(text[lo:hi][::-1])
    if hi > lo and text[hi - 1] == "\n" or found is not None and found.end() == hi - lo and lo > 0:
        # cut by the window's start, or "$" before a final newline: the regex decides
        before = _DESCRIPTION_BEFORE_RE.search(text, lo, hi)
        return before.group() if before else None
    return text[hi - found.end():hi] if found is not None else None


_PARTY_AFTER_RE = re.compile(r"\s*(?:\([DRI][^()\n]{0,20}\)|,\s*[DRI]-[A-Z][a-z]{1,3}\.)")


def _descriptions(art: _Article) -> dict[str, str]:
    """``{speaker: the words describing them}`` over the whole article: each named
    mention as written (titles included), its appositive, a party label after it and the
    role words before it; computed once per article, after coreference."""
    if art.descriptions is None:
        text = art.text
        out: dict[str, list[str]] = {}
        for m in art.mentions:
            if not m.speaker or m.method == "pronoun" and m.type != "person":
                continue
            parts = out.setdefault(m.speaker, [])
            if m.method != "pronoun":
                parts.append(text[m.start:m.end])
            for pattern in (_APPOSITIVE_RE, _PARTY_AFTER_RE):
                found = pattern.match(text, m.end)
                if found:
                    parts.append(found.group())
            before = _description_before(text, max(0, m.start - 50), m.start)
            if before:
                parts.append(before)
        art.descriptions = {k: " | ".join(v) for k, v in out.items()}
    return art.descriptions

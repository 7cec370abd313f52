"""Per-article state the rules share: the text, its paragraphs and sentences, the spans
inside quotation marks, the verbs of saying and the speaker mentions (:class:`_Mention`)
found so far, with lookups by offset."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..patterns import trie_pattern
from .actors import _ActorIndex
from .vocabulary import _FORM_LEMMA, _GROUP_NOUN_FORMS, _ORG_KEYWORDS, _PARAGRAPH_RE, _PRONOUNS


@dataclass(eq=False)     # a mention is itself: found and removed by identity
class _Mention:
    start: int            # the mention as written, title included
    end: int
    speaker: str          # canonical or discovered name; '' while unresolved
    type: str             # person | institution | group | pronoun | nominal
    method: str           # name | title_name | surname | institution | pronoun
    gender: str = ""
    weak: bool = False    # pronouns, nominals, one-word institutions: only next to their verb
    possessive: bool = False
    candidates: tuple[str, ...] = ()   # several actors share the alias
    word: str = ""        # pronoun or nominal head
    flags: tuple[str, ...] = ()


@dataclass
class _Verb:
    start: int
    end: int
    lemma: str
    participle: bool


@dataclass
class _Article:
    doc_id: str
    text: str
    paragraphs: list[tuple[int, int]]
    sent_starts: list[int]
    sent_ends: list[int]
    sent_ids: list[int]
    quoted: list[tuple[int, int]] = field(default_factory=list)
    quoted_starts: list[int] = field(default_factory=list)
    mentions: list[_Mention] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    verbs: list[_Verb] = field(default_factory=list)
    verb_starts: list[int] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    paragraph_starts: list[int] = field(default_factory=list)
    eligible: dict[int, bool] = field(default_factory=dict)   # _eligible_subject by id(mention)
    full_names: dict[str, dict[str, int]] = field(default_factory=dict)   # _full_names by surname
    descriptions: dict[str, str] | None = None                 # _descriptions, once computed
    index: _ActorIndex | None = None

    def __post_init__(self):
        self.paragraph_starts = [p[0] for p in self.paragraphs]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, pos) - 1)

    def in_quoted(self, pos: int) -> bool:
        i = bisect_right(self.quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def mentions_in(self, a: int, b: int) -> list[_Mention]:
        i = bisect_left(self.mention_starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def verbs_in(self, a: int, b: int) -> list[_Verb]:
        i, j = bisect_left(self.verb_starts, a), bisect_left(self.verb_starts, b)
        return [v for v in self.verbs[i:j] if v.end <= b]


# Speech verbs, organisation keywords, group nouns and pronouns are all whole words: one
# scan finds them all, and each step takes its own. ("(?<!\w)" is "\b" before a word
# character, which the engine tries faster.)
_LISTED_WORD_RE = re.compile(
    r"(?<!\w)" + trie_pattern({*_FORM_LEMMA, *_ORG_KEYWORDS, *_GROUP_NOUN_FORMS, *_PRONOUNS}) + r"\b")


def _listed_words(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of every speech verb, organisation keyword, group noun and
    pronoun of ``text``, in text order."""
    return [(m.start(), m.end(), m.group()) for m in _LISTED_WORD_RE.finditer(text)]


def _article(doc_id: str, text: str, sentences: Sequence[tuple[int, int, int]]) -> _Article:
    """Per-article state from its text and its sentences ``(start, end, sent_id)``."""
    sentences = sorted(sentences) or [(0, len(text), 0)]
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text)] or [(0, len(text))]
    return _Article(doc_id, text, paragraphs, [int(a) for a, _, _ in sentences],
                    [int(b) for _, b, _ in sentences], [int(i) for _, _, i in sentences])

"""Quotation marks: pairs them into quotation spans (:class:`_Segment`) paragraph by
paragraph (curly, straight, guillemets, two apostrophes; unclosed and continued
quotations), and tells a quoted clause (``direct``) from a woven-in phrase (``partial``)
and from a quoted name or scare quote (``term``)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from .vocabulary import (_AFTER_CLOSE, _BEFORE_OPEN, _CLOSING_GLYPHS, _FORM_LEMMA, _MARK_RE, _MINOR_WORDS,
                         _OPENING_GLYPHS, _PARAGRAPH_RE, _SUBJECT_OPENERS, _SUBORDINATORS, _WORD_RE)

_ENDS_WITH_VERB_RE = re.compile(r"\b(?:" + "|".join(_FORM_LEMMA) + r")(?:\s+that)?$")

# An attribution inside an unclosed quotation shows where its closing mark was forgotten.
_INNER_ATTRIBUTION_RE = re.compile(
    r",\s+(?:he|she|it|they|(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?:later\s+|also\s+)?(?:said|says|added|told|wrote|tweeted|explained|noted)\b")
_SENTENCE_BREAK_RE = re.compile(r"[.!?][’'”\")\]]*(?=\s)")

# Small patterns tried at one place at a time (compiled once).
_NESTED_RE = re.compile(r"(?:^|[\s(“\"—])[‘']\w")
_INNER_SENTENCE_RE = re.compile(r"[.!?]\s+[A-Z“‘\"']")
_APOSTROPHE_RE = re.compile(r"['’]")
_FINAL_STOP_RE = re.compile(r"[.!?][’'”\"]?$")


@dataclass
class _Segment:
    open: int             # offset of the opening mark
    close: int            # offset of the closing mark (content end when unclosed)
    close_end: int        # just after the closing mark
    q_start: int
    q_end: int
    para: int
    flags: list[str] = field(default_factory=list)
    chain: int = -1       # segments continued across paragraphs share a chain
    attribution: tuple | None = None   # (mention, method, flags)
    kind: str = ""
    group: int = -1


def _mark_role(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close' or '' (undecided) for the mark at ``i`` from its neighbours."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left = not nxt.isspace() and (prev.isspace() or prev in _BEFORE_OPEN)
    right = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSE)
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return ""


def _content_span(text: str, a: int, b: int) -> tuple[int, int]:
    """The quote inside ``text[a:b]``: surrounding spaces and a trailing comma dropped."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and text[b - 1] == ",":
        b -= 1
        while b > a and text[b - 1].isspace():
            b -= 1
    return a, b


def _unclosed_end(text: str, open_at: int, limit: int) -> int:
    """Where an unclosed quotation that meets another opening mark at ``limit`` most
    likely ends: after the last sentence it holds, else just before ``limit``."""
    last = None
    for m in _SENTENCE_BREAK_RE.finditer(text, open_at + 1, limit):
        last = m.end()
    return last if last is not None else limit


def _style(ch: str) -> str:
    return "straight" if ch == '"' else "guillemet" if ch in "«»" else "curly"


def _mark(text: str, i: int, lo: int, hi: int, open_style: str | None) -> str:
    """'open', 'close' or '' (not a quotation mark here) for the mark at ``i``, given the
    style of the quotation open at that point (None when none is)."""
    ch = text[i]
    context = _mark_role(text, i, lo, hi)
    if ch in _OPENING_GLYPHS:
        return "close" if context == "close" else "open"
    if ch in _CLOSING_GLYPHS:
        return "open" if context == "open" else "close"
    if context:
        return context
    if open_style is None:
        return "open"
    # A straight mark glued to words inside a curly quotation is an inch mark or markup.
    return "close" if open_style == "straight" else ""


def _quote_segments(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[_Segment]:
    """Quotation spans of one clean text, paired paragraph by paragraph; marks inside
    ``skip`` spans (embedded posts) are ignored. A quotation of the other style inside
    one ("“He said "no"”") stays part of it. An opening mark that never closes stops at
    its paragraph's end, or at an attribution it holds (", Ebrard said"), flagged
    ``unclosed_quote``, unless the next paragraph opens with a quotation mark (the
    journalistic convention) or its first mark closes one (hard-wrapped text): then the
    quotation continues there (``continues_paragraph`` / ``continued_quote``)."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text)]
    skip_starts = [a for a, _ in skip]
    segments: list[_Segment] = []
    chains = 0

    def marks(lo, hi):
        for m in _MARK_RE.finditer(text, lo, hi):
            i = bisect_right(skip_starts, m.start()) - 1
            if not (i >= 0 and skip[i][0] <= m.start() < skip[i][1]):
                yield m.start()

    def emit(o, content_from, c, c_end, para, flags, chain):
        qs, qe = _content_span(text, content_from, c)
        if qe <= qs:
            return
        mixed = c_end > c and content_from > o and (text[o] == '"') != (text[c] == '"')
        nested = bool(_NESTED_RE.search(text[qs:qe]))
        segments.append(_Segment(o, c, c_end, qs, qe, para,
                                 flags + ["mixed_marks"] * mixed + ["nested_quote"] * nested, chain))

    carry = None   # (style, chain, with_mark) of a quotation continuing into the next paragraph
    for p_index, (lo, hi) in enumerate(paragraphs):
        state = None   # [open offset, content start, style, flags, chain, nested other style]
        if carry is not None and not carry[2]:
            state = [lo, lo, carry[0], ["continued_quote"], carry[1], False]
        found = list(marks(lo, hi))
        for k, i in enumerate(found):
            role = _mark(text, i, lo, hi, state[2] if state else None)
            style = _style(text[i])
            if role == "open":
                if state is None:
                    state = [i, i + 1, style, [], -1, False]
                    if carry is not None and carry[2] and i == lo:
                        state[3], state[4] = ["continued_quote"], carry[1]
                elif not state[5] and (style != state[2]
                                       or _nested_same_style(text, found[k + 1:k + 3], i, lo, hi, style)):
                    state[5] = style
                else:
                    end = _unclosed_end(text, state[1], i)
                    emit(state[0], state[1], end, end, p_index, state[3] + ["unclosed_quote"], state[4])
                    state = [i, i + 1, style, [], -1, False]
            elif role == "close" and state is not None:
                if state[5] and (style != state[2] or state[5] == style):
                    state[5] = False
                else:
                    emit(state[0], state[1], i, i + 1, p_index, state[3], state[4])
                    state = None
        carry = None
        if state is None:
            continue
        nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
        first = next(marks(*nxt), None) if nxt else None
        with_mark = first == nxt[0] and _mark(text, first, *nxt, None) == "open" if first is not None else False
        without_mark = (first is not None and not with_mark
                        and _mark(text, first, nxt[0], nxt[1], state[2]) == "close")
        if with_mark or without_mark:
            chain = state[4] if state[4] >= 0 else chains
            chains += state[4] < 0
            emit(state[0], state[1], hi, hi, p_index, state[3] + ["continues_paragraph"], chain)
            carry = (state[2], chain, with_mark)
        else:
            inner = _INNER_ATTRIBUTION_RE.search(text, state[1], hi)
            end = inner.start() if inner else hi
            emit(state[0], state[1], end, end, p_index, state[3] + ["unclosed_quote"], state[4])
    return segments


def _nested_same_style(text: str, after: list[int], open_at: int, lo: int, hi: int, style: str) -> bool:
    """Whether the opening mark at ``open_at``, inside a quotation of the same style, opens
    a quotation within it (“He called it “hell” and left.”): the next two marks of the
    paragraph (``after``) both close, the first within 60 characters."""
    if len(after) < 2:
        return False
    first, second = after[0], after[1]
    return (first - open_at <= 60 and _mark(text, first, lo, hi, style) == "close"
            and _mark(text, second, lo, hi, style) == "close")


_TWO_APOSTROPHES_RE = re.compile(r"''")


def _marks_view(text: str) -> str:
    """``text`` with each pair of apostrophes used as a double quotation mark (''like
    this,'' in some newswire archives) written as a straight mark and a zero-width space,
    the mark on the side of the quoted words, so offsets are unchanged."""
    if "''" not in text:
        return text
    def mark(m):
        before = text[m.start() - 1] if m.start() else " "
        return "\u200b\"" if before.isspace() or before in "([{—–-" else "\"\u200b"
    return _TWO_APOSTROPHES_RE.sub(mark, text)


def _quote_kind(seg: _Segment, text: str, sent_start: int) -> str:
    """'direct' for a clause or more, 'partial' for a phrase woven into the sentence."""
    if "continued_quote" in seg.flags:
        return "direct"
    before = text[sent_start:seg.open].rstrip()
    if not before.strip("([{—–- ") or before.endswith((":", ",")):
        return "direct"
    quote = text[seg.q_start:seg.q_end]
    words = _WORD_RE.findall(quote)
    if len(words) >= 15 or _INNER_SENTENCE_RE.search(quote):
        return "direct"
    if len(words) >= 4 and _ENDS_WITH_VERB_RE.search(before):
        return "direct"   # the whole complement of a speech verb: "Pompeo added that “...”"
    first = _APOSTROPHE_RE.split(words[0].lower())[0] if words else ""
    if first in _SUBJECT_OPENERS or (first in _SUBORDINATORS and len(words) >= 4):
        return "direct"
    if quote[:1].isupper() and _FINAL_STOP_RE.search(quote) and len(words) >= 3:
        return "direct"
    return "partial"


# A quoted name: followed by the noun it names, or after a naming word.
_NAMED_NOUN_RE = re.compile(r"[,”\"»]?\s*[”\"»]?\s*(?:policy|policies|program|programme|agreement|plan|act|law|bill|"
                            r"initiative|doctrine|operation|strategy|deal|campaign|slogan|label|rule|status|"
                            r"designation|accord|pact|treaty|protocol|movement|era|show|book|film|series)\b")
_NAMING_BEFORE_RE = re.compile(r"(?:so-called|dubbed|nicknamed|known\s+as|titled|entitled|labeled|labelled|"
                               r"termed|the\s+term|the\s+word|the\s+phrase|the\s+slogan|the\s+hashtag)\s*[“\"«]?$")
_TERM_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _is_term(text: str, seg: _Segment, attributed: bool) -> bool:
    """Whether a partial quote names something rather than quoting someone: followed by
    the noun it names ("the “Remain in Mexico” policy"), after a naming word ("the
    so-called “caravan”"), or, when no speech verb attributes it, a short title in title
    case ("Fox News Sunday", "War on Drugs")."""
    if _NAMED_NOUN_RE.match(text, seg.close_end) or (
            _NAMED_NOUN_RE.search(text, seg.q_start, seg.q_end) and text[seg.q_end - 6:seg.q_end].strip().isalpha()
            and _NAMED_NOUN_RE.search(text, seg.q_start, seg.q_end).end() == seg.q_end):
        return True
    if _NAMING_BEFORE_RE.search(text, max(0, seg.open - 30), seg.open + 1):
        return True
    words = _TERM_WORD_RE.findall(text, seg.q_start, seg.q_end)
    if attributed and len(words) < 2:
        return False
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    return (0 < len(words) <= 6 and bool(content) and all(w[0].isupper() for w in content)
            and not text[seg.q_end - 1:seg.q_end] in "!?" and not all(w.isupper() for w in content))


def _is_scare_quote(text: str, seg: _Segment) -> bool:
    """Whether a quotation nobody is said to speak is a word or two set off (“quack”,
    “sex tape”), a parenthesis ("(CROSSTALK.)") or no words at all (a number, a link)."""
    quote = text[seg.q_start:seg.q_end]
    words = _TERM_WORD_RE.findall(quote)
    return len(words) <= 2 or (quote.startswith("(") and quote.endswith((")", ").")))

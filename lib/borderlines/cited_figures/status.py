"""Whether a sentence reports a figure, projects it or estimates it
(:data:`~borderlines.cited_figures.extract.STATUSES`)."""

from __future__ import annotations

import re

from .numbers import _CLAUSE_END, _Figure, _clause_end
from .periods import _parse_span, _ym


# Status of a figure (STATUSES). Estimate signals come first so that "may have crossed"
# (an estimate of the past) is not read as the modal "may" (a projection).
# (?=[...]): the letters a signal starts with, so the engine skips other positions (speed).
_STATUS_SIGNAL = re.compile(r"""(?=[eauiwbmcsopfvdh’'])(?:\b|(?<=\w)(?=[’']))(?:
 (?P<estimate>estimat(?:es?|ed|ing|ion)|as\s+(?:many|much)\s+as|up\s+to
  |(?:is|are|was|were|been)\s+(?:believed|thought|reckoned|said)\s+to
  |(?-i:may|might|could|must)\s+(?:well\s+)?(?:not\s+)?have)
 |(?P<projection>(?P<modal>(?-i:will|would|could|may|might|shall)|won[’']t|wouldn[’']t|(?<=\w)[’']ll)
  |expect(?:s|ed|ing|ations?)?|projected|projecting|projections?|forecast(?:s|ed|ing)?
  |predict(?:s|ed|ing|ions?)?|anticipat(?:es?|ed|ing)|on\s+(?:track|pace|course)\s+(?:to|for)
  |(?:is|are|was|were)\s+(?:likely|set|due|poised|going|about)\s+to
  |(?:pledged|promised|vowed|agreed|committed|plans?|planned|planning|aims?|aimed|intends?|intended
   |proposes?|proposed|seeks?|sought|wants?|wanted|hopes?|hoped)\s+to|authori[sz]ed))\b""",
                            re.I | re.X)
# "more than expected", "as forecast", "twice what it projected": the figure is compared
# with a projection, it is not one.
_STATUS_COMPARED = re.compile(r"\b(?:than|as|what\s+\w+)\s+(?:(?:had|has|have|was|were|been|previously"
                              r"|initially|first|widely|originally)\s+)*$", re.I)
# "46 percent would vote for her": a poll's finding, not a projection.
_POLL_VERB = re.compile(r"\s+(?:\w+ly\s+)?(?:vote|choose|back|support|favou?r|prefer|pick|select|oppose|consider)\b",
                        re.I)
# After the figure, only what makes it the subject of a projection or an estimate counts:
# a modal ("6,000 will arrive") or a passive ("6,000 are expected", "is estimated at").
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)
# Between a signal and the figure, a new clause: "expects 6,000 after 5,000 crossed".
_STATUS_BLOCK = re.compile(r"\b(?:after|before|when|whenever|while|because|since|although|though|than|but|who"
                           r"|whom|which|that|where|whereas|if|unless|said|says|say|told)\b", re.I)
# "had no plans to release two recordings", "nobody expected 90 minutes": a plan or
# expectation denied projects nothing.
_NEGATED = re.compile(r"\b(?:no|not|never|nobody|none)\s+(?:\w+\s+)?$|n[’']t\s+(?:\w+\s+)?$", re.I)
_THAT_LEAD = re.compile(r"^\s*that\b")
_STATUS_BLOCK_AFTER = re.compile(r"\b(?:and|or|it|they|he|she|we|i|you|this|there)\b|[,;…]", re.I)
# A clause that describes the figure before it ("..., up 30 percent from February",
# "..., including 40,000 children") shares that figure's status.
_STATUS_APPOSITION = re.compile(r"(?:and\s+|or\s+)?(?:up|down|including|among\s+(?:them|whom|which)"
                                r"|of\s+(?:whom|which|them)|an?\s+(?:increase|decrease|rise|drop|decline|jump|fall"
                                r"|gain|loss|total)\s+of)\b", re.I)


# ---------------------------------------------------------------------------------------
# Status: reported, projection or estimate

def _signal_status(text: str, fig: _Figure, signals: list[re.Match], lo: int, hi: int) -> str:
    """Status given by the ``signals`` (:data:`_STATUS_SIGNAL` matches of the sentence)
    within ``text[lo:hi]`` around ``fig``: ``projection`` or
    ``estimate`` from the words before the figure, else from its own words ("an
    estimated", "up to"), else from the words after it; ``''`` when none applies. A
    signal applies when no new clause (:data:`_STATUS_BLOCK`) stands between it and the
    figure and it does not compare ("than expected"); after the figure, only a modal or
    a passive whose subject the figure is ("6,000 will arrive", "6,000 are expected")."""
    found: dict[int, str] = {}  # zone (0 before, 1 in the figure, 2 after) -> status
    for m in signals:
        if m.start() < lo or m.end() > hi:
            continue
        if m.start() < fig.end:
            zone = 0 if m.start() < fig.start else 1
            gap = text[m.end():fig.start if zone == 0 else fig.end]
            gap = _THAT_LEAD.sub("", gap)  # "estimated that 5,000"
        else:
            zone, gap = 2, text[fig.end:m.start()]
            if (len(gap) > 30 or _STATUS_BLOCK_AFTER.search(gap)
                    or not (m.group("modal") or _BE_BEFORE.search(text, max(0, m.start() - 20), m.start()))):
                continue
        if (_STATUS_BLOCK.search(gap) or _STATUS_COMPARED.search(text, max(0, m.start() - 40), m.start())
                or (m.group("modal") and _POLL_VERB.match(text, m.end()))
                or (not m.group("modal") and _NEGATED.search(text, max(0, m.start() - 25), m.start()))):
            continue
        if found.get(zone) != "projection":
            found[zone] = "projection" if m.group("projection") else "estimate"
    return found.get(0) or found.get(1) or found.get(2) or ""


def _figure_status(text: str, fig: _Figure, s0: int, s1: int, next_start: int, earlier: list[tuple[int, str]],
                   signals: list[re.Match], date) -> str:
    """``reported``, ``projection`` or ``estimate`` (:data:`STATUSES`) for ``fig`` of the
    sentence ``text[s0:s1]``: a period after the article, else the signal words around
    it within its clause (at most 80 characters before it, 60 after, not past the next
    figure), else the status of the figure a describing clause follows ("..., up 30
    percent", "..., including 40,000 children"). ``next_start`` is where the sentence's
    next figure starts, ``earlier`` the ``(end, status)`` of the figures before it,
    ``signals`` the :data:`_STATUS_SIGNAL` matches of the sentence."""
    if date is not None and fig.period:
        span = _parse_span(fig.period)
        if span[0] > _ym(date.year, date.month):
            return "projection"  # about a period after the article
    if not signals and all(st == "reported" for _, st in earlier):
        return "reported"
    lo = max(s0, fig.start - 80)
    clause_start = s0 if lo == s0 else None
    for cm in _CLAUSE_END.finditer(text, lo, fig.start):
        clause_start = cm.end()
    after_end = min(_clause_end(text, fig.end, s1), next_start, fig.end + 60)
    status = _signal_status(text, fig, signals, lo if clause_start is None else clause_start, after_end)
    if not status and clause_start and clause_start > s0 and _STATUS_APPOSITION.match(
            text, clause_start + len(text[clause_start:fig.start]) - len(text[clause_start:fig.start].lstrip())):
        status = next((st for e, st in reversed(earlier) if e <= clause_start), "")
    return status or "reported"

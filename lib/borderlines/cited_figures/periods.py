"""The period a figure refers to: time phrases, :func:`resolve_period`, and the assignment of
periods and baselines to the figures of a sentence. Conventions: see :mod:`borderlines.cited_figures`."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..patterns import trie_pattern
from .numbers import _Figure, _MONTH_RE, _WORD_RE, _YEAR_RE, _count


_MONTH_NUMBERS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
                  "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
#: First month of each administration, for "the early days of the X administration".
ADMINISTRATION_STARTS = {"bush": ["2001-01"], "obama": ["2009-01"], "trump": ["2017-01", "2025-01"],
                         "biden": ["2021-01"]}
_BASELINE_MARK = re.compile(r"\b(?:from|compared\s+(?:to|with)|than|versus|vs\.?"
                            r"|as\s+(?:many|much|high|large|big|great|low|few|likely)\s+as"
                            r"|what\s+(?:it|they|this|that|those|these)\s+(?:was|were|had\s+been))\b", re.I)
_BASELINE_TAIL = re.compile(r"(?:\bfrom|\bcompared\s+(?:to|with)|\bthan|\bversus|\bvs\.?)\s*$", re.I)
# A time phrase that opens a coordinated clause ("..., and in December, 73,000"): gap
# from a figure to the phrase's core ends with a conjunction (and a preposition).
_COORDINATION_TAIL = re.compile(r"(?:^|[\s,;—–])(?:and|but|while|whereas|yet|or|then|whilst)\s*,?\s+"
                                r"(?:(?:in|during|by|on|through|for|since|throughout|around|until|from)\s+)?$",
                                re.I)
# "the lowest level since 2017": "since" dates the record the figure sets, not the figure.
# "since Trump took office in 2017": a time phrase at the end of a clause opened by "since"
# (up to six words, no number or punctuation between) dates from then to the article.
_SINCE_CLAUSE = re.compile(r"\b[Ss]ince\s+(?P<rest>(?:[^\s,;:.\d“”\"]+\s+){1,6})$")
_RECORD_SINCE = re.compile(r"\b(?:highest|lowest|most|fewest|least|largest|smallest|biggest|greatest|worst|best"
                           r"|busiest|slowest|quietest|sharpest|steepest|first\s+time|record"
                           r"|(?:a|an|the|its|their|new)\s+(?:[\w-]+\s+)?(?:highs?|lows?|peak))\b"
                           r"[^,;.\d]{0,40}\bsince\s+$", re.I)

# Time phrases. Month names are case-sensitive ("may" is a verb) and need a preposition,
# a day or a year next to them; the other forms are case-insensitive.
_MSPEC = (r"(?:(?i:the\s+(?:start|beginning|middle|end)\s+of|early|mid|late)[\s-]+)?"
          r"(?P<{m}>" + _MONTH_RE + r")(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?"
          r"(?:,?\s+(?:of\s+)?(?P<{y}>" + _YEAR_RE + r"))?")
_NUMWORD_RE = rf"(?:\d+|{_WORD_RE}(?:-{_WORD_RE})?)"
# How a time phrase can start (any case): a preposition before "the", "early", "mid",
# "late", a month, a weekday or a year; "the" before one of _THE_NEXT; "a year/month/
# week"; another word always followed by a space or hyphen; or a word standing alone.
_MONTH_WORDS = [*_MONTH_NUMBERS, "sept"]
_THE_NEXT = "early first same past last previous prior year month week spring summer fall autumn winter".split()
_TIME_START = ("(?i:(?:" + trie_pattern("in during since from to until through by of for and than before after between "
                                "around throughout on".split())
               + r")[\s-]+(?:" + trie_pattern(["the", "early", "mid", "late", *_MONTH_WORDS, *_WEEKDAYS]) + "|[12])"
               + r"|the\s+" + trie_pattern(_THE_NEXT) + r"|a\s+(?:year|month|week)"
               + "|(?:" + trie_pattern("early first same over past last previous earlier later so this next late mid "
                                "fiscal".split()) + r")[\s-]"
               + "|" + trie_pattern(["yesterday", "today", "tonight", "fy", *_WEEKDAYS, *_MONTH_WORDS]) + ")")
_TIME_PHRASE = re.compile(
    r"\b(?=[A-Za-z])(?=" + _TIME_START + ")(?:"  # only at word starts that may open one (speed)
    r"(?P<rng>(?i:between|from)\s+" + _MSPEC.format(m="m1", y="y1")
    + r"\s+(?i:and|to|through|until|till)\s+" + _MSPEC.format(m="m2", y="y2") + ")"
    + r"|(?P<adm>(?i:(?:the\s+)?(?:early|first)\s+(?P<adm_unit>days|weeks|months)\s+of\s+the\s+"
      r"(?P<adm_name>trump|biden|obama|bush)\s+administration))"
    + r"|(?P<same>(?i:(?:the\s+)?same\s+(?:period|month|time|quarter)\s+(?:a\s+year\s+(?:earlier|ago|before)"
      r"|last\s+year|the\s+(?:previous|prior)\s+year|of\s+the\s+previous\s+year)))"
    + r"|(?P<past>(?i:(?:over\s+)?(?:the\s+)?(?:past|last|previous)\s+(?P<pn>" + _NUMWORD_RE
    + r")\s+(?P<pu>days|weeks|months|years)|(?:over\s+)?the\s+past\s+(?P<pu1>week|month|year)))"
    + r"|(?P<rel>(?i:\b(?:a\s+(?P<ago_u>year|month|week)\s+(?:earlier|ago|before)"
      r"|the\s+(?:previous|prior)\s+(?P<prev_u>year|month|week)|the\s+(?P<bef_u>year|month|week)\s+before"
      r"|(?:(?:earlier|later|so\s+far)\s+)?(?P<rel_w>last|this|next)\s+(?P<rel_u>year|month|week)"
      r"|during\s+the\s+(?P<dur_u>month|week|year)|yesterday|today|tonight|this\s+(?:morning|afternoon|evening))\b))"
    + r"|(?P<mon>(?:(?P<mprep>(?i:in|during|since|from|to|until|through|by|of|for|last|this|next|and|than|"
      r"early|late|mid|before|after|between|around|throughout))[\s-]+|(?=" + _MONTH_RE + r"\s+\d))"
    + _MSPEC.format(m="m", y="my") + ")"
    + r"|(?P<wd>(?:(?P<wdprep>(?i:on|earlier|late|last|this|next))\s+)?(?P<wdn>Monday|Tuesday|Wednesday|"
      r"Thursday|Friday|Saturday|Sunday)s?\b)"
    + r"|(?P<season>(?i:(?P<sprep>in\s+the|during\s+the|last|this|next|the|early|late)\s+"
      r"(?P<sname>spring|summer|fall|autumn|winter))\b(?:\s+(?:of\s+)?(?P<sy>" + _YEAR_RE + r"))?)"
    + r"|(?P<yr>(?:(?P<fy>(?i:fiscal\s+(?:year\s+)?|FY\s?))|(?P<yprep>(?i:in|during|since|by|until|through|for|"
      r"of|throughout))\s+)(?P<y>" + _YEAR_RE + r")\b(?!s\b|’s|'s|-\d)))"
)
_PREP_LEAD = re.compile(r"(?i:in|during|since|from|to|until|through|by|of|for|and|than|between|on|around|"
                        r"throughout|before|after)\s+")


# ---------------------------------------------------------------------------------------
# Periods

def _ym(year: int, month: int) -> int:
    return year * 12 + month - 1


def _fmt(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _span(first: int, last: int) -> str:
    return _fmt(first) if first == last else f"{_fmt(first)}..{_fmt(last)}"


def _parse_span(period: str) -> tuple[int, int] | None:
    if not period:
        return None
    parts = period.split("..")
    idx = [int(p[:4]) * 12 + int(p[5:7]) - 1 for p in parts]
    return idx[0], idx[-1]


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.lower()[:3]]


def _recent_month(month: int, ref: int, mode: str = "latest") -> int:
    """Index of ``month`` relative to the reference month index: the latest occurrence not
    after it (``latest``), strictly before it (``before``), or the next one (``next``)."""
    year = ref // 12
    idx = _ym(year, month)
    if mode == "next":
        return idx if idx > ref else idx + 12
    if mode == "before":
        return idx if idx < ref else idx - 12
    return idx if idx <= ref else idx - 12


def _resolve_match(m: re.Match, date: pd.Timestamp | None, anchor: str = "") -> str:
    """Period of a :data:`_TIME_PHRASE` match, given the article date and, for phrases
    relative to another figure ("a year earlier"), that figure's period ``anchor``. A
    month name with an anchor is the latest such month before the anchor ("up 20
    percent from December" said of February 2020 is 2019-12)."""
    dated = date is not None and not pd.isna(date)
    ref = _ym(date.year, date.month) if dated else None
    anchor_span = _parse_span(anchor)
    if m.group("mon") and anchor_span and not m.group("my"):
        return _fmt(_recent_month(_month_number(m.group("m")), anchor_span[0], "before"))
    if m.group("rng"):
        y2 = m.group("y2")
        m2 = _month_number(m.group("m2"))
        if y2:
            last = _ym(int(y2), m2)
        elif dated:
            last = _recent_month(m2, ref)
        else:
            return ""
        m1 = _month_number(m.group("m1"))
        first = _ym(int(m.group("y1")), m1) if m.group("y1") else _recent_month(m1, last)
        return _span(first, last) if first <= last else ""
    if m.group("mon"):
        month = _month_number(m.group("m"))
        if m.group("my"):
            idx = _ym(int(m.group("my")), month)
        elif not dated:
            return ""
        else:
            prep = (m.group("mprep") or "").lower()
            idx = _recent_month(month, ref, {"next": "next", "last": "before"}.get(prep, "latest"))
        if (m.group("mprep") or "").lower() == "since" and dated and idx <= ref:
            return _span(idx, ref)
        return _fmt(idx)
    if m.group("yr"):
        year = int(m.group("y"))
        if m.group("fy"):
            return _span(_ym(year - 1, 10), _ym(year, 9))
        if (m.group("yprep") or "").lower() == "since" and dated and _ym(year, 1) <= ref:
            return _span(_ym(year, 1), ref)
        return _span(_ym(year, 1), _ym(year, 12))
    if m.group("same"):
        if anchor_span:
            return _span(anchor_span[0] - 12, anchor_span[1] - 12)
        return _fmt(ref - 12) if dated else ""
    if m.group("adm"):
        name = m.group("adm_name").lower()
        starts = [_parse_span(s)[0] for s in ADMINISTRATION_STARTS[name]]
        usable = [s for s in starts if not dated or s <= ref]
        if not usable:
            return ""
        start = max(usable)
        length = 6 if m.group("adm_unit").lower() == "months" else 3
        return _span(start, start + length - 1)
    if not dated:
        return ""
    day = date.normalize()
    if m.group("past"):
        unit = (m.group("pu") or m.group("pu1")).lower().rstrip("s")
        n = _count(m.group("pn")) if m.group("pn") else 1
        if not n:
            return ""
        if unit in ("month", "year"):
            months = n * (12 if unit == "year" else 1)
            return _span(ref - months, ref - 1)
        days = n * (7 if unit == "week" else 1)
        first, last = day - pd.Timedelta(days=days), day - pd.Timedelta(days=1)
        return _span(_ym(first.year, first.month), _ym(last.year, last.month))
    if m.group("rel"):
        return _resolve_relative(m, day, ref, anchor_span)
    if m.group("wd"):
        target = _WEEKDAYS[m.group("wdn").lower()]
        prep = (m.group("wdprep") or "").lower()
        if prep == "next":
            back = -(((target - day.weekday()) % 7) or 7)
        else:
            back = (day.weekday() - target) % 7
            if prep == "last" and back == 0:
                back = 7
        when = day - pd.Timedelta(days=back)
        return _fmt(_ym(when.year, when.month))
    if m.group("season"):
        first_month = _SEASONS[m.group("sname").lower()]
        prep = m.group("sprep").lower()
        if m.group("sy"):
            start = _ym(int(m.group("sy")), first_month)
        else:
            start = _ym(ref // 12, first_month)
            if prep == "next":
                start = start if start > ref else start + 12
            elif prep == "last":
                while start + 2 >= ref:  # the latest season that has ended
                    start -= 12
            else:
                start = start if start <= ref else start - 12
        return _span(start, start + 2)
    return ""


def _resolve_relative(m: re.Match, day: pd.Timestamp, ref: int, anchor_span) -> str:
    text = m.group("rel").lower()
    shift_unit = m.group("ago_u") or m.group("prev_u") or m.group("bef_u")
    if shift_unit:
        shift_unit = shift_unit.lower()
        if shift_unit == "week":
            when = day - pd.Timedelta(days=7)
            return _fmt(_ym(when.year, when.month))
        months = 12 if shift_unit == "year" else 1
        if anchor_span:
            return _span(anchor_span[0] - months, anchor_span[1] - months)
        if shift_unit == "year" and (m.group("prev_u") or m.group("bef_u")):
            year = ref // 12 - 1
            return _span(_ym(year, 1), _ym(year, 12))
        return _fmt(ref - months)
    if m.group("rel_u"):
        which, unit = m.group("rel_w").lower(), m.group("rel_u").lower()
        step = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "month":
            return _fmt(ref + step)
        if unit == "week":
            when = day + pd.Timedelta(days=7 * step)
            return _fmt(_ym(when.year, when.month))
        year = ref // 12 + step
        return _span(_ym(year, 1), ref if step == 0 else _ym(year, 12))
    if m.group("dur_u"):
        unit = m.group("dur_u").lower()
        return _span(_ym(ref // 12, 1), ref) if unit == "year" else _fmt(ref)
    if text == "yesterday":
        when = day - pd.Timedelta(days=1)
        return _fmt(_ym(when.year, when.month))
    return _fmt(ref)


def resolve_period(phrase: str, article_date, anchor: str = "") -> str:
    """The period a time phrase refers to, for an article published on ``article_date``.

    Returns ``'YYYY-MM'``, ``'YYYY-MM..YYYY-MM'`` or ``''`` (not a time phrase, or one that
    names no period, such as "in recent weeks"). Rules:

    * a month name is its latest occurrence not after the article's month ("in February"
      in March 2019 is 2019-02; in January 2020 it is 2019-02); "last May" is strictly
      before, "next May" after; "since May" runs to the article's month;
    * "between May and the end of November" resolves the end first, then the start
      before it; an explicit year always wins;
    * "last/this/next month", "during the month", "last week", weekdays ("on Friday"),
      "yesterday", "today" resolve from the article date; "this year" runs from January
      to the article's month, "last year" is the previous calendar year;
    * "the past N months/years" are the N full months (12N) ending the month before the
      article; "the past N weeks/days" are those days before the article date;
    * "a year earlier", "a year ago", "the same period last year", "the previous year"
      shift ``anchor`` (the period of the figure compared) back 12 months; without an
      anchor they shift the article's month ("the previous year" without one is the
      previous calendar year);
    * seasons (spring = Mar–May, summer = Jun–Aug, fall = Sep–Nov, winter = Dec–Feb);
      "last fall" is the latest fall that has ended;
    * years ("in 2019") are Jan–Dec, "fiscal 2019" is Oct 2018–Sep 2019, "since 2007"
      runs to the article's month;
    * "the early days/weeks of the Trump administration" are the first three months of
      the latest term begun by the article date (:data:`ADMINISTRATION_STARTS`), "the
      early months" the first six.
    """
    date = pd.Timestamp(article_date) if article_date is not None and not pd.isna(article_date) else None
    text = " ".join(str(phrase).split())
    for candidate in (text, f"in {text}"):
        m = _TIME_PHRASE.search(candidate)
        if m:
            return _resolve_match(m, date, anchor)
    return ""


def _combine_change(current: str, base: str) -> str:
    """Period of a change: its own period for a year-over-year comparison (or no baseline),
    else the span from the baseline to it."""
    cur, prev = _parse_span(current), _parse_span(base)
    if not cur or not prev or prev[1] >= cur[0] or cur[0] - prev[0] == 12:
        return current
    return _span(prev[0], cur[1])


@dataclass
class _Phrase:
    start: int
    end: int
    core: int
    match: re.Match
    period: str
    inherent: bool  # dates something relative to another period ("a year earlier")
    baseline_like: bool  # introduced by "from", "compared to", "than" ...


# ---------------------------------------------------------------------------------------
# Periods of the figures of one sentence

def _phrases(text: str, s0: int, s1: int, date) -> list[_Phrase]:
    """Time phrases of the sentence ``text[s0:s1]``, resolved against the article date."""
    out = []
    for m in _TIME_PHRASE.finditer(text, s0, s1):
        lead = _PREP_LEAD.match(text, m.start(), m.end())
        core = lead.end() if lead else m.start()
        since_end = core if lead and lead.group().lower().startswith("since") else m.start()
        lo = max(s0, m.start() - 70)
        clause = _SINCE_CLAUSE.search(text, lo, m.start()) if text.find("ince ", lo, m.start()) >= 0 else None
        if clause:  # "since Trump took office in 2017" is since 2017
            since_end = clause.start("rest")
        if _RECORD_SINCE.search(text, max(s0, since_end - 70), since_end):
            continue  # "the lowest level since 2017": no period of any figure
        inherent = bool(m.group("same") or (m.group("rel") and (
            m.group("ago_u") or m.group("prev_u") or m.group("bef_u"))))
        baseline_like = bool(_BASELINE_TAIL.search(text, max(0, m.start() - 25), core))
        period = _resolve_match(m, date)
        if clause:
            period = _since_period(period, date)
        out.append(_Phrase(m.start(), m.end(), core, m, period, inherent, baseline_like))
    return out


def _projected_period(phrase: _Phrase, period: str, date) -> str:
    """Period of a projection dated by a month name without a year ("expected to reach
    120,000 in October"): the nearest such month, which may lie after the article (October
    in a September article is the coming one; August the last). ``period`` otherwise."""
    m = phrase.match
    if (date is None or not m.group("mon") or m.group("my") or period != phrase.period
            or (m.group("mprep") or "").lower() in ("last", "next", "since", "this")):
        return period
    ref = _ym(date.year, date.month)
    latest = _recent_month(_month_number(m.group("m")), ref)
    return _fmt(latest + 12) if latest + 12 - ref < ref - latest else period


def _since_period(period: str, date) -> str:
    """From the start of ``period`` to the article's month (``''`` when either is missing
    or the period starts after the article)."""
    span = _parse_span(period)
    if span is None or date is None:
        return ""
    ref = _ym(date.year, date.month)
    return _span(span[0], ref) if span[0] <= ref else ""


def _assign_periods(text: str, figures: list[_Figure], phrases: list[_Phrase], date) -> None:
    """Period and baseline of each figure of one sentence from the sentence's phrases."""
    for i, fig in enumerate(figures):
        own = [p for p in phrases if p.start <= fig.start and fig.end <= p.end]
        if own:
            fig.period, fig.own_phrase = own[0].period, True
            continue
        before = [p for p in phrases if p.end <= fig.start and not p.inherent and not p.baseline_like]
        if fig.kind in ("change", "ratio"):
            stop = next((o.start for o in figures[i + 1:] if o.kind in ("change", "ratio")), len(text))
            current = base = None
            prev = fig.end
            for p in phrases:
                if p.start < fig.end or p.start >= stop:
                    continue
                gap = text[prev:p.core]
                if p.inherent or _BASELINE_MARK.search(gap):
                    base = base or p
                elif current is None:
                    current = p
                prev = p.end
            if base is not None and current is None and base.match.group("rng") and base.period:
                # "fell 56 percent from May to August": the change spans the range
                fig.baseline, fig.period = _fmt(_parse_span(base.period)[0]), base.period
                continue
            current_period = current.period if current else (before[-1].period if before else "")
            if base:
                fig.baseline = _resolve_match(base.match, date, current_period)
                fig.base_match = base.match
            fig.period = _combine_change(current_period, fig.baseline) if current_period else ""
            continue
        chosen = None
        for p in phrases:
            if p.start < fig.end:
                continue
            gap = text[fig.end:p.core]
            between = [o for o in figures if fig.end <= o.start < p.start]
            # a phrase opening the next coordinated clause ("70,000 were stopped, and in
            # December, 73,000") dates that clause, not this one
            if (len(gap) <= 80 and ";" not in gap and not _BASELINE_MARK.search(gap)
                    and (not between or fig.kind == "record") and not p.inherent
                    and not _COORDINATION_TAIL.search(gap)):
                chosen = p
            break
        if chosen is None and before:
            chosen = before[-1]
        if chosen is not None:
            fig.period, fig.phrase = chosen.period, chosen


def _current_of_baseline(base: re.Match, baseline: str, date) -> str:
    """Period of a change or ratio compared with ``baseline`` that names no period of its
    own. Compared with a year before ("fell 10% from last year", "up 149 percent from a
    year earlier"): the baseline a year on, up to the article's month ("from a year
    earlier" in January 2021 is 2021-01, "from last year" is this year so far). Compared
    with another period ("down 40% from their peak in May 2019", "half what they were in
    May"): from the baseline to the article's month, as "since May 2019"."""
    year_back = bool(base.group("same") or (base.group("rel") and (
        (base.group("ago_u") or base.group("prev_u") or base.group("bef_u") or "").lower() == "year"
        or ((base.group("rel_w") or "").lower() == "last" and (base.group("rel_u") or "").lower() == "year"))))
    span = _parse_span(baseline)
    if span is None or date is None:
        return ""
    if not year_back:
        return _since_period(baseline, date) if span[1] < _ym(date.year, date.month) else ""
    ref = _ym(date.year, date.month)
    first, last = span[0] + 12, min(span[1] + 12, ref)
    return _span(first, last) if first <= last else ""


def _main_period(phrases: list[_Phrase]) -> str:
    return next((p.period for p in phrases if not p.inherent and not p.baseline_like and p.period), "")

""":func:`extract_figures`: every quantity of every article, one row per quantity, with its period,
source and status; the table's columns and vocabularies."""

from __future__ import annotations

import re
from bisect import bisect_right

import pandas as pd

from ..cleaning import embedded_posts
from ..nlp import sentence_table
from .attribution import _attribution, _sentence_sources
from .numbers import _Figure, _NON_STAT_KINDS, _NUMBER, _finish_figure, _read_figure
from .periods import (
    _assign_periods, _combine_change, _current_of_baseline, _main_period, _phrases, _projected_period,
    _resolve_match)
from .status import _STATUS_SIGNAL, _figure_status


#: Columns of :func:`extract_figures` (one row per quantity).
FIGURE_COLUMNS = {
    "doc_id": "article id",
    "surface": "the quantity as written, qualifier and unit included (text[start:end])",
    "value": "the number (float) in `unit`; the low end for ranges (see module conventions)",
    "qualifier": "exact | about | more than | fewer than | up to | vague (see QUALIFIERS)",
    "unit": "what one unit of `value` is (see UNITS), with ' per <rate_per>' for rates",
    "measure": "what is counted (see MEASURES); '' when the sentence does not say",
    "period": "period the figure refers to: 'YYYY-MM', 'YYYY-MM..YYYY-MM' or ''",
    "is_migration_stat": "True for statistics about migration or its enforcement",
    "attributed_to": "source the sentence gives for the figure (as written), '' if none",
    "sentence": "the sentence holding the figure",
    "start": "offset of the surface in the clean text (characters)",
    "end": "end offset (exclusive) in the clean text (characters)",
    "range_high": "high end of a range (NaN when not a range)",
    "rate_per": "time unit of a per-unit rate: hour | day | week | month | year | ''",
    "kind": "count | rate | change | share | ratio | record | frequency | duration | distance | money | "
            "weight | speed | temperature | area | volume | data | power | energy | magnitude | points | age",
    "direction": "up | down | '' (for changes and ratios)",
    "baseline": "period a change or ratio is compared with ('' when none)",
    "counted": "the counted noun phrase as written ('' when none)",
    "sent_id": "sentence number within the article (as in sentence_table)",
    "in_quote": "True when the figure is inside quotation marks",
    "in_post": "True when the figure is inside an embedded post (tweet)",
    "status": "reported | projection | estimate (see STATUSES)",
}

#: What a figure is, as the sentence words it.
STATUSES = {
    "reported": "a figure stated as a fact (also with a rounding hedge: 'about', 'more than')",
    "projection": "a figure for the future or a hypothetical: 'will', 'would', 'could', 'may', "
                  "'expected to', 'projected', 'forecast', 'on track to', 'plans to', a target, "
                  "or a period after the article",
    "estimate": "an approximation of an existing quantity: 'an estimated', 'estimates', 'as many as', "
                "'up to', 'is believed to', 'may have'",
}

#: Qualifier vocabulary, with the words that signal each.
QUALIFIERS = {
    "exact": "no hedge (also 'an average of', ranges)",
    "about": "about, around, roughly, approximately, some, nearly, almost, close to, an estimated, or so",
    "more than": "more than, over, above, at least, upwards of, in excess of, exceeding, or more",
    "fewer than": "fewer than, less than, under, below",
    "up to": "up to, as many as, as much as, no more than, at most, a maximum of",
    "vague": "a magnitude without a number: thousands, several hundred, dozens, ...",
}

#: Units of `value` (rates append ' per <rate_per>').
UNITS = {
    "people": "persons of any description (migrants, children, troops, members, ...)",
    "percent": "percentage (56.0 means 56 %)",
    "percentage points": "difference between two percentages",
    "times": "multiplicative factor (double = 2.0)",
    "fraction": "a share written as a fraction (one in five = 0.2, half = 0.5), or a change by one "
                "(dropped by half = 0.5)",
    "years": "years (durations, ages, and the span of an 'N-year high')",
    "months|weeks|days|hours|minutes|seconds|decades": "durations",
    "miles|kilometers|feet|meters|yards|inches|...": "distances (kind distance)",
    "dollars|pesos|euros|pounds sterling": "money",
    "pounds|kilograms|grams|ounces|tons|...": "weight (kind weight)",
    "miles per hour|kilometers per hour|knots": "speed (kind speed)",
    "degrees|degrees Fahrenheit|degrees Celsius": "temperature (kind temperature)",
    "acres|hectares|square miles|...": "area (kind area)",
    "gallons|liters|barrels|cubic meters|...": "volume (kind volume)",
    "kilobytes|megabytes|gigabytes|terabytes": "data size (kind data)",
    "watts|kilowatts|megawatts|...|horsepower|kilowatt-hours|...": "power and energy (kinds power, energy)",
    "magnitude": "magnitude of an earthquake (kind magnitude; 'a magnitude 6.4 earthquake')",
    "basis points": "hundredths of a percentage point (kind points, or change with a direction)",
    "points": "points of a score, poll or index (kind points, or change with a direction)",
    "occurrences": "how often something happened ('visited three times'; kind frequency)",
    "<thing counted>": "other counts: arrests, apprehensions, encounters, crossings, removals, "
                       "firearms, cases, deaths, or the counted noun itself",
}

#: What is counted.
MEASURES = {
    "arrests": "arrests (by border agents)",
    "apprehensions": "apprehensions (CBP's term)",
    "encounters": "encounters (CBP's term)",
    "crossings": "border crossings, or people making them",
    "removals": "removals, returns, deportations, expulsions",
    "migrants": "migrants, immigrants, refugees (including those 'taken into custody')",
    "asylum_seekers": "asylum seekers",
    "families": "people arriving as families, family units",
    "children": "children and minors",
    "people": "people not otherwise described (caravan members, ...)",
    "cases": "asylum or court cases, claims, applications",
    "deaths": "deaths",
    "troops": "troops, soldiers",
    "national_guard": "National Guard troops or members",
    "border_inspectors": "border inspectors",
    "agents": "border agents and officers",
    "firearms": "firearms, guns, weapons",
    "drugs": "drug seizures by weight",
    "goal": "share of an objective, goal or target met (goals counted, 'scored three goals', are `other`)",
    "funding": "money",
    "duration": "lengths of time",
    "distance": "distances",
    "measurement": "other measurements: weight (but drugs), speed, temperature, area, volume, data size, "
                   "power, energy, magnitude (`kind` says which)",
    "age": "ages",
    "other": "a counted noun outside this list (see `counted`)",
    "": "a number whose sentence does not say what it counts",
}

#: Measures that are statistics about migration or its enforcement.
MIGRATION_MEASURES = frozenset({
    "arrests", "apprehensions", "encounters", "crossings", "removals", "migrants",
    "asylum_seekers", "families", "children", "cases", "deaths", "troops", "national_guard",
    "border_inspectors", "agents", "firearms", "drugs"})
#: Measures that count as migration statistics only in a migration context (the sentence
#: or the one before mentions migrants, the border, asylum, a caravan, ...).
CONTEXT_MEASURES = frozenset({"people", "goal", "other"})
# North American ("(202) 344-1780", "202 344 1780", "+1 202.344.1780") and international
# numbers ("+52 55 1234 5678", "+44 (0)20 7946 0958").
_PHONE = re.compile(r"""(?<![\w.])(?:(?:\+?1[-.\s])?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}
 |\+\d{1,3}(?:[-.\s]?\(\d{1,4}\)\d{0,4}|[-.\s]\d{1,5}){2,5})(?!\w)""", re.X)
_MIGRATION_CONTEXT = re.compile(r"""\b(?:migra\w*|immigra\w*|caravans?|asylum|borders?|refugees?|deport\w*
 |crossings?|smuggl\w*|custody|apprehen\w*|cbp|c\.b\.p\.|remain\s+in\s+mexico|title\s+42|procession)\b""",
                                re.I | re.X)
_LINK_MARKS = ("://", "www.", "@", ".com", ".org", ".gov")
_QUOTE = re.compile(r"[“\"][^“”\"\n]*[”\"]")


# ---------------------------------------------------------------------------------------
# Public API

def extract_figures(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None,
                    posts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every quantity the articles cite, one row per quantity, columns :data:`FIGURE_COLUMNS`.

    ``corpus`` is the table from :func:`~borderlines.corpus.load_corpus` (``doc_id``,
    ``date``, ``text``, optionally ``title`` for embedded posts); ``sentences`` an optional
    precomputed :func:`~borderlines.nlp.sentence_table` of it. Offsets are into the clean
    ``text``, so ``text[start:end] == surface``. Conventions: see the module docstring.
    ``posts``: :func:`~borderlines.cleaning.embedded_posts` of the corpus, if already
    computed (default: found with the default cleaning rules)."""
    if sentences is None:
        sentences = sentence_table(corpus)
    by_doc = _by_doc(sentences, ["start", "end", "sent_id"])
    post_source = corpus if "title" in corpus.columns else corpus.assign(title="")
    if posts is None:
        posts = embedded_posts(post_source[["doc_id", "text", "title"]])
    posts_by_doc = {d: list(zip(*cols)) for d, cols in _by_doc(posts, ["start", "text_end", "author"]).items()}
    rows = []
    dates = corpus["date"] if "date" in corpus.columns else pd.Series([pd.NaT] * len(corpus))
    for doc_id, text, date in zip(corpus["doc_id"], corpus["text"], dates):
        if doc_id not in by_doc:
            continue
        date = pd.Timestamp(date) if not pd.isna(date) else None
        rows.extend(_doc_figures(doc_id, text, date, *by_doc[doc_id], posts_by_doc.get(doc_id, [])))
    table = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
    return table.astype({"value": float, "range_high": float, "start": "int64", "end": "int64",
                         "sent_id": "int64", "is_migration_stat": bool, "in_quote": bool,
                         "in_post": bool})


def _by_doc(table: pd.DataFrame, columns: list[str]) -> dict[object, tuple[list, ...]]:
    """``{doc_id: (values of each of columns, ...)}``, rows in table order: what
    ``groupby("doc_id", sort=False)`` gives, as Python lists (pandas groups are slow to
    make one per article)."""
    out: dict[object, tuple[list, ...]] = {}
    if table["doc_id"].isna().any():   # groupby leaves out missing ids
        table = table[table["doc_id"].notna()]
    values = [table[c].tolist() for c in columns]
    for d, *row in zip(table["doc_id"].tolist(), *values):
        lists = out.get(d)
        if lists is None:
            lists = out[d] = tuple([] for _ in columns)
        for target, value in zip(lists, row):
            target.append(value)
    return out


def _in_phone(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is part of a telephone number ("1-800-555-0199",
    "(202) 344-1780", "+52 55 1234 5678"). Looked for only next to a hyphen, dot,
    parenthesis, plus sign or a space between digits (speed)."""
    before = text[start - 1:start] if start else ""
    after = text[end:end + 1]
    if (after not in ("-", ".", ")") and before not in ("(", "-", ".", "+")
            and not (after == " " and text[end + 1:end + 2].isdigit())
            and not (before == " " and text[start - 2:start - 1].isdigit())):
        return False
    return any(p.start() <= start < p.end() for p in _PHONE.finditer(text, max(0, start - 20), end + 20))


def _in_link(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is part of a URL, handle or e-mail address."""
    first = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    last = min((i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0), default=len(text))
    token = text[first:last]
    return any(mark in token for mark in _LINK_MARKS)


def _doc_figures(doc_id, text, date, starts, ends, sent_ids, posts) -> list[dict]:
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    by_sentence: dict[int, list[_Figure]] = {}
    consumed = -1
    for m in _NUMBER.finditer(text):
        if m.start() < consumed:
            continue
        if _in_phone(text, m.start(), m.end()):
            continue  # a telephone number
        if _in_link(text, m.start(), m.end()):
            continue
        k = bisect_right(starts, m.start()) - 1
        if k < 0 or m.start() >= ends[k]:
            continue
        fig = _read_figure(text, m, int(starts[k]), int(ends[k]))
        if fig is None:
            continue
        consumed = fig.end
        by_sentence.setdefault(k, []).append(fig)
    if not by_sentence:
        return []
    phrases_by_sentence = {k: _phrases(text, int(starts[k]), int(ends[k]), date)
                           for k in sorted(set(by_sentence) | {k - 1 for k in by_sentence if k > 0})}
    rows = []
    for k in sorted(by_sentence):
        s0, s1 = int(starts[k]), int(ends[k])
        sentence = text[s0:s1]
        prev_sentence = text[starts[k - 1]:ends[k - 1]] if k > 0 else ""
        figures = by_sentence[k]
        for fig in figures:
            _finish_figure(text, fig, s0, s1, prev_sentence, figures)
        phrases = phrases_by_sentence.get(k, [])
        _assign_periods(text, figures, phrases, date)
        carry = _main_period(phrases_by_sentence.get(k - 1, []))
        sources = _sentence_sources(sentence)
        context = bool(_MIGRATION_CONTEXT.search(sentence) or _MIGRATION_CONTEXT.search(prev_sentence))
        earlier: list[tuple[int, str]] = []
        signals = list(_STATUS_SIGNAL.finditer(text, s0, s1))
        for n, fig in enumerate(figures):
            if fig.general_verb and not context:
                fig.measure = "people"  # "Police detained two men": not about migration
            stat = fig.kind not in _NON_STAT_KINDS or fig.measure == "drugs"
            stat = stat and (fig.measure in MIGRATION_MEASURES or (fig.measure in CONTEXT_MEASURES and context))
            if stat and not fig.period and not fig.own_phrase:
                fig.period = carry
                if fig.kind in ("change", "ratio") and fig.baseline:
                    if carry and fig.base_match is not None:  # "a year earlier" than the carried period
                        fig.baseline = _resolve_match(fig.base_match, date, carry)
                    fig.period = _combine_change(carry, fig.baseline) if carry else ""
            if (fig.kind in ("change", "ratio") and not fig.period and not fig.own_phrase
                    and fig.base_match is not None):
                fig.period = _current_of_baseline(fig.base_match, fig.baseline, date)
            next_start = figures[n + 1].start if n + 1 < len(figures) else s1
            status = _figure_status(text, fig, s0, s1, next_start, earlier, signals, date)
            earlier.append((fig.end, status))
            if status == "projection" and fig.phrase is not None:
                fig.period = _projected_period(fig.phrase, fig.period, date)
            post = next((a for ps, pe, a in posts if ps <= fig.start < pe), None)
            source = post if post is not None else _attribution(sources, fig.start - s0)
            rows.append({
                "doc_id": doc_id, "surface": text[fig.start:fig.end], "value": fig.value,
                "qualifier": fig.qualifier, "unit": fig.unit, "measure": fig.measure,
                "period": fig.period, "is_migration_stat": bool(stat), "attributed_to": source,
                "sentence": sentence, "start": fig.start, "end": fig.end,
                "range_high": fig.range_high, "rate_per": fig.rate_per, "kind": fig.kind,
                "direction": fig.direction, "baseline": fig.baseline, "counted": fig.counted,
                "sent_id": int(sent_ids[k]),
                "in_quote": any(qs < fig.start and fig.end <= qe for qs, qe in quotes),
                "in_post": post is not None, "status": status,
            })
    return rows

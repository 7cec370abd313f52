"""Every measure the reports compare, declared once with its definition.

A measure is a ratio of sums over an era's articles, ``scale * Σ numerator / Σ
denominator``, read from a per-article table: a **rate** (quotes per 1,000 words), a
**share** (a category's count over the article's total, or framed sentences over
sentences) or a **mean** per article (``denominator`` ``None``: each article counts one).
Its ``definition`` is one plain sentence saying what is counted and over what; it
travels with the number into result tables, chart tooltips and saved CSVs
(:func:`borderlines.compare.compare_measures`,
:func:`borderlines.uncertainty.measure_estimates`). A measure with a ``category`` is a
family: one comparison per value of that column of a long per-article table, its
``definition`` naming the value where it says ``{category}``.

``filter`` records which extracted rows the numerator counts (``kind`` in direct,
partial, embedded), as ``(column, values)`` pairs; :func:`counted_rows` applies it.
To add a measure, add a row to :data:`MEASURES` (its columns must be in the
per-article table named by ``table``), then compare it with
:func:`~borderlines.compare.compare_measures`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import pandas as pd

KINDS_OF_MEASURE = ("rate", "share", "mean")

#: Columns of :func:`measure_table` (one row per measure).
MEASURE_COLUMNS = {
    "name": "key of the measure (the ``measure`` column of result tables; seeds its permutations)",
    "label": "the words shown for it in tables and charts",
    "definition": "one plain sentence: what is counted, over what",
    "numerator": "per-article column summed over an era's articles",
    "denominator": "per-article column it is divided by ('' for a mean per article)",
    "scale": "the ratio is multiplied by this (1,000 for 'per 1,000 words')",
    "filter": "which extracted rows the numerator counts ('' for all)",
    "unit": "unit of the value",
    "kind": "rate | share | mean",
    "category": "for a family: the column whose values are compared one by one",
    "table": "the per-article table holding the columns",
    "phrase": "the words for it in a findings sentence ('quotes per 1,000 words'; default: its label)",
}


#: The columns that say which measure a result row is, first in every result table
#: (:data:`borderlines.compare.MEASURE_DIFFERENCE_COLUMNS`,
#: :data:`borderlines.uncertainty.MEASURE_ESTIMATE_COLUMNS`).
RESULT_ID_COLUMNS = {
    "measure": "the measure's name, or for a family (a measure with a category) the category",
    "label": "the words shown for it",
    "definition": "what is counted, over what (one sentence)",
    "unit": "unit of the values",
    "phrase": "the words for it in a findings sentence (plain text; borderlines.wording escapes it)",
}


@dataclass(frozen=True)
class Measure:
    """One measure: see the module docstring and :data:`MEASURE_COLUMNS`."""

    name: str
    label: str
    definition: str
    numerator: str
    denominator: str | None = None
    scale: float = 1.0
    kind: str = "rate"
    unit: str = ""
    filter: tuple[tuple[str, tuple], ...] = ()
    category: str | None = None
    table: str = ""
    phrase: str = ""

    def __post_init__(self):
        if self.kind not in KINDS_OF_MEASURE:
            raise ValueError(f"measure {self.name!r}: kind must be one of {KINDS_OF_MEASURE}, got {self.kind!r}")
        if self.kind == "mean" and self.denominator is not None:
            raise ValueError(f"measure {self.name!r}: a mean per article has no denominator")

    def label_of(self, category: str | None = None) -> str:
        """The label, with ``{category}`` replaced by the category compared."""
        return self.label.replace("{category}", str(category)) if category is not None else self.label

    def definition_of(self, category: str | None = None) -> str:
        """The definition, with ``{category}`` replaced by the category compared."""
        return self.definition.replace("{category}", str(category)) if category is not None else self.definition

    def phrase_of(self, category: str | None = None) -> str:
        """The words for the measure in a findings sentence (its ``phrase``, else its
        label), with ``{category}`` replaced by the category compared."""
        text = self.phrase or self.label
        return text.replace("{category}", str(category)) if category is not None else text

    def ids(self, category: str | None = None) -> dict[str, str]:
        """The :data:`RESULT_ID_COLUMNS` of a result row of this measure (of ``category``
        for a family)."""
        return {"measure": self.name if self.category is None else category, "label": self.label_of(category),
                "definition": self.definition_of(category), "unit": self.unit, "phrase": self.phrase_of(category)}


def filter_text(measure: Measure) -> str:
    """``measure``'s filter in words: ``"kind in {direct, partial, embedded}"``, ``''`` for none."""
    return "; ".join(f"{col} in {{{', '.join(str(v) for v in values)}}}" for col, values in measure.filter)


def counted_rows(rows: pd.DataFrame, measure: Measure) -> pd.DataFrame:
    """The rows of an extracted table (quotes, figures, ...) that ``measure``'s numerator
    counts; ``ValueError`` naming the column when ``rows`` lacks one its filter reads."""
    keep = pd.Series(True, index=rows.index)
    for col, values in measure.filter:
        if col not in rows.columns:
            raise ValueError(f"measure {measure.name!r} filters on column {col!r}, which the table lacks "
                             f"(it has {list(rows.columns)})")
        keep &= rows[col].isin(list(values))
    return rows[keep]


# --------------------------------------------------------------------------- the table

#: Quote kinds counted by default: the speakers' own words (see borderlines.quotes.KINDS).
DEFAULT_QUOTE_KINDS = ("direct", "partial", "embedded")
_ARTICLE_TEXT = "the article's clean text (words: tokens with a letter or digit)"


def quote_measures(kinds: Iterable[str] = DEFAULT_QUOTE_KINDS, *names: str) -> tuple[Measure, ...]:
    """The quote measures counting the quotes of ``kinds`` (their definitions name them),
    those called ``names`` (default all): ``quotes_per_article``,
    ``quotes_per_1000_words`` (per-article table
    :func:`borderlines.compare.quotes.quote_counts_per_article` with ``by=None``) and the shares
    ``voice_share``, ``role_share``, ``country_share`` (its long forms by voice group,
    role, country)."""
    kinds = tuple(kinds)
    if names:
        return measures(*names, among=quote_measures(kinds))
    what = " + ".join(kinds) + " quotes"
    flt = (("kind", kinds),)
    common = dict(filter=flt, table="quote_counts")
    return (
        Measure("quotes_per_article", "Quotes per article",
                f"{what} per article, averaged over the era's articles (each article counts once)",
                "n", None, 1.0, "mean", "quotes", phrase="quotes per article", **common),
        Measure("quotes_per_1000_words", "Quotes per 1,000 words",
                f"{what} per 1,000 words of article text (Σ quotes / Σ words over the era's articles)",
                "n", "n_words", 1000.0, "rate", "quotes per 1,000 words", phrase="quotes per 1,000 words", **common),
        Measure("voice_share", "{category}",
                f"share of the era's {what} whose speaker is in the voice group '{{category}}' "
                "(unattributed and unknown speakers count as 'Other or unknown')",
                "n", None, 1.0, "share", "share of quotes", category="voice_group",
                phrase="the share of quotes from the voice group ‘{category}’", **common),
        Measure("role_share", "{category}",
                f"share of the era's {what} whose speaker has the role '{{category}}' (actors table or text)",
                "n", None, 1.0, "share", "share of quotes", category="role",
                phrase="the share of quotes from speakers with the role ‘{category}’", **common),
        Measure("country_share", "{category}",
                f"share of the era's {what} whose speaker's country is '{{category}}'",
                "n", None, 1.0, "share", "share of quotes", category="country",
                phrase="the share of quotes from speakers whose country is ‘{category}’", **common),
    )


TEXT_MEASURES = (
    Measure("n_words", "words per article",
            f"words in {_ARTICLE_TEXT}, averaged over the era's articles", "n_words", None, 1.0, "mean",
            "words", table="article_stats", phrase="words per article"),
    Measure("n_sentences", "sentences per article",
            "sentences in the article's clean text, averaged over the era's articles", "n_sentences", None, 1.0,
            "mean", "sentences", table="article_stats", phrase="sentences per article"),
    Measure("mean_sentence_length", "words per sentence (mean over articles)",
            "each article's words divided by its sentences, averaged over the era's articles",
            "mean_sentence_length", None, 1.0, "mean", "words per sentence", table="article_stats",
            phrase="words per sentence"),
    Measure("mattr", "MATTR (mean over articles)",
            "moving-average type–token ratio over 50-word windows (distinct lowercased words per window, 0–1), "
            "averaged over the era's articles", "mattr", None, 1.0, "mean", "ratio (0–1)", table="article_stats",
            phrase="the moving-average type–token ratio"),
    Measure("flesch_reading_ease", "Flesch reading ease (mean over articles)",
            "206.835 − 1.015 × words per sentence − 84.6 × syllables per word (higher is easier), "
            "averaged over the era's articles", "flesch_reading_ease", None, 1.0, "mean", "score",
            table="article_stats", phrase="Flesch reading ease"),
    Measure("fk_grade", "Flesch–Kincaid grade (mean over articles)",
            "0.39 × words per sentence + 11.8 × syllables per word − 15.59 (a US school grade), "
            "averaged over the era's articles", "fk_grade", None, 1.0, "mean", "grade", table="article_stats",
            phrase="the Flesch–Kincaid grade"),
    Measure("words_per_sentence_pooled", "words per sentence (all sentences of the era)",
            "Σ words / Σ sentences over the era's articles (long articles weigh more)",
            "n_words", "n_sentences", 1.0, "rate", "words per sentence", table="article_stats",
            phrase="words per sentence over all the era's sentences"),
)

FIGURE_MEASURES = (
    Measure("figures_per_1000_words", "Figures per 1,000 words",
            "quantities cited (numbers with their unit, of any status) per 1,000 words of article text",
            "n_figures", "n_words", 1000.0, "rate", "figures per 1,000 words", table="figures_per_article",
            phrase="figures per 1,000 words"),
    Measure("stats_per_1000_words", "Migration statistics per 1,000 words",
            "quantities that are statistics about migration or its enforcement per 1,000 words of article text",
            "n_migration_stats", "n_words", 1000.0, "rate", "statistics per 1,000 words",
            filter=(("is_migration_stat", (True,)),), table="figures_per_article",
            phrase="migration statistics per 1,000 words"),
    Measure("pct_figures_attributed", "% of figures attributed to a source",
            "quantities whose sentence names a source, as a percentage of all quantities cited",
            "n_attributed", "n_figures", 100.0, "share", "percent", table="figures_per_article",
            phrase="the percentage of figures attributed to a source"),
    Measure("pct_stats_attributed", "% of migration statistics attributed to a source",
            "migration statistics whose sentence names a source, as a percentage of all migration statistics",
            "n_attributed_stats", "n_migration_stats", 100.0, "share", "percent",
            filter=(("is_migration_stat", (True,)),), table="figures_per_article",
            phrase="the percentage of migration statistics attributed to a source"),
    Measure("statistic_share", "{category}",
            "share of the era's migration statistics that count '{category}'",
            "n", None, 1.0, "share", "share of statistics", filter=(("is_migration_stat", (True,)),),
            category="measure", table="measure_counts",
            phrase="the share of migration statistics that count ‘{category}’"),
)

FRAME_MEASURES = (
    Measure("frame_share", "{category}",
            "share of the era's sentences with at least one entry of the frame '{category}' "
            "(frames lexicon; titles and excluded phrases do not count)",
            "n_framed", "n_sentences", 1.0, "share", "share of sentences", category="frame",
            table="frames_per_article", phrase="the share of sentences with the frame ‘{category}’"),
)

#: Tone measures; their names are those of the rows of ``tone_differences`` tables.
TONE_MEASURES = (
    Measure("all sentences", "Mean tone of a sentence",
            "mean VADER compound score (−1 to +1) of the era's sentences (Σ scores / Σ sentences over its articles)",
            "total", "n", 1.0, "rate", "compound score", table="tone_per_article",
            phrase="the mean tone of a sentence"),
    Measure("quote", "Mean tone of quoted sentences",
            "mean VADER compound score of sentences at least half inside a direct quotation or reproduced post",
            "total_quote", "n_quote", 1.0, "rate", "compound score", table="tone_per_article",
            phrase="the mean tone of quoted sentences"),
    Measure("narration", "Mean tone of narration",
            "mean VADER compound score of the other sentences (the reporter's narration)",
            "total_narration", "n_narration", 1.0, "rate", "compound score", table="tone_per_article",
            phrase="the mean tone of narration"),
)

#: Every measure of the reports, by name (quote measures counting :data:`DEFAULT_QUOTE_KINDS`).
MEASURES: dict[str, Measure] = {m.name: m for m in (*TEXT_MEASURES, *quote_measures(), *FIGURE_MEASURES,
                                                     *FRAME_MEASURES, *TONE_MEASURES)}


def measures(*names: str, among=None) -> tuple[Measure, ...]:
    """The measures called ``names``, in that order, from ``among`` (a sequence of
    measures; default :data:`MEASURES`); ``KeyError`` listing the known names."""
    table = {m.name: m for m in among} if among is not None else MEASURES
    missing = [n for n in names if n not in table]
    if missing:
        raise KeyError(f"unknown measure(s) {missing}: choose from {list(table)}")
    return tuple(table[n] for n in names)


def labelled(measure: Measure, label: str | None = None, definition: str | None = None) -> Measure:
    """A copy of ``measure`` with another ``label`` or ``definition``."""
    return replace(measure, label=label or measure.label, definition=definition or measure.definition)


def measure_table(among=None) -> pd.DataFrame:
    """The measures (default: every one of :data:`MEASURES`) as a table, columns
    :data:`MEASURE_COLUMNS`, for reading and for the docs."""
    rows = [{"name": m.name, "label": m.label, "definition": m.definition, "numerator": m.numerator,
             "denominator": m.denominator or "", "scale": m.scale, "filter": filter_text(m), "unit": m.unit,
             "kind": m.kind, "category": m.category or "", "table": m.table, "phrase": m.phrase_of()}
            for m in (among if among is not None else MEASURES.values())]
    return pd.DataFrame(rows, columns=list(MEASURE_COLUMNS))

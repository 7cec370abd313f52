"""The comparison layer: every "per article → per era" table, and the era differences.

Extraction (``quotes``, ``figures``, ``frames``, ``tone``, ``terms``, ``textstats``) finds
things in text; everything that sums articles into eras lives here, one module per topic:

* :mod:`.core`: era differences with intervals and permutation p
  (:func:`era_difference`, :func:`compare_measures` over the measures of
  :mod:`borderlines.measures`, :func:`rate_differences`, :func:`share_differences`,
  :func:`pairwise_differences`, :func:`format_difference`); its names are importable
  from ``borderlines.compare``;
* :mod:`.text`: words, sentences and text measures per era;
* :mod:`.quotes`: quotes per article, era, voice group and speaker;
* :mod:`.figures`: cited figures per article and era, placed in time, recurring measures;
* :mod:`.frames`: frame shares per era, their differences, triggers and examples;
* :mod:`.tone`: tone per era, of quotes and narration, and its differences.

Each era's own estimate with its interval is :mod:`borderlines.uncertainty`; the words
that report a difference, :mod:`borderlines.wording`.
"""

from importlib import import_module

from .core import (DEFAULT_PERMUTATIONS, DIFFERENCE_COLUMNS, ERA_NO_VARIATION, EXACT_SPLITS,  # noqa: F401
                   FEW_ARTICLES, MEASURE_DIFFERENCE_COLUMNS, MIN_ARTICLES, NO_ARTICLES, NO_DENOMINATOR,
                   NO_VARIATION, ONE_ARTICLE, TOO_FEW, compare_measures, difference_intervals, era_difference,
                   era_interval, eras_with_articles, format_difference, mean_difference, mean_differences,
                   measure_rng, pairwise_differences, pairwise_share_differences, permutation_p,
                   rate_differences, share_difference, share_differences)

TOPICS = ("text", "quotes", "figures", "frames", "tone")


def __getattr__(name: str):
    # Topic modules load on first use: they import the extraction packages, which must
    # not be loaded just to compute a difference.
    if name in TOPICS:
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted([*globals(), *TOPICS])

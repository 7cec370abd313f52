"""Eras: named date ranges (administrations) that articles are compared across.

``data/eras.csv`` has columns ``era`` (key), ``label``, ``start``, ``end`` (ISO dates,
inclusive; an empty ``end`` means open-ended). A researcher may pass another file.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .io import InputProblem, read_csv_strings
from .paths import default_eras
from .problems import Problem

OUTSIDE = "outside"
OUTSIDE_LABEL = "Outside every era"
UNDATED = "undated"


def load_eras(path: str | Path | None = None) -> pd.DataFrame:
    """Eras table: ``era`` (str key), ``label`` (str), ``start``, ``end`` (Timestamp,
    ``end`` NaT when open), in file order. Raises :class:`InputProblem` for a bad row."""
    path = Path(path) if path else default_eras()
    df = read_csv_strings(path)
    missing = [c for c in ("era", "start") if c not in df.columns]
    if missing:
        raise InputProblem(Problem(file=str(path), field=", ".join(missing),
                                   message="missing required column(s)",
                                   fix="eras need columns era, label, start, end"))
    if "label" not in df.columns:
        df["label"] = df["era"]
    if "end" not in df.columns:
        df["end"] = ""
    out = []
    for i, row in enumerate(df.itertuples(index=False), start=1):
        bounds = {}
        for col in ("start", "end"):
            value = getattr(row, col).strip()
            if not value and col == "end":
                bounds[col] = pd.NaT
                continue
            try:
                bounds[col] = pd.Timestamp(value)
            except (ValueError, TypeError):
                raise InputProblem(Problem(file=str(path), row=i, field=col,
                                           message=f"'{value}' is not a date",
                                           fix="write dates as YYYY-MM-DD")) from None
        if pd.notna(bounds["end"]) and bounds["end"] < bounds["start"]:
            raise InputProblem(Problem(file=str(path), row=i, field="end",
                                       message="era ends before it starts"))
        out.append({"era": row.era.strip(), "label": (row.label or row.era).strip(), **bounds})
    eras = pd.DataFrame(out, columns=["era", "label", "start", "end"])
    if eras["era"].duplicated().any():
        dup = eras.loc[eras["era"].duplicated(), "era"].iloc[0]
        raise InputProblem(Problem(file=str(path), field="era", message=f"era '{dup}' appears twice"))
    return eras


def assign_era(dates: pd.Series, eras: pd.DataFrame) -> pd.Series:
    """The era key for each date: the first era whose [start, end] holds it, ``"outside"``
    for a date in no era, ``"undated"`` for a missing date."""
    result = pd.Series(OUTSIDE, index=dates.index, dtype="object")
    result[dates.isna()] = UNDATED
    assigned = dates.isna().copy()
    for era in eras.itertuples(index=False):
        inside = (dates >= era.start) & (dates <= era.end if pd.notna(era.end) else True) & ~assigned
        result[inside] = era.era
        assigned |= inside
    return result


def era_labels(eras: pd.DataFrame) -> dict[str, str]:
    """``{era key: label}``, including the labels for outside/undated."""
    labels = dict(zip(eras["era"], eras["label"]))
    labels.setdefault(OUTSIDE, OUTSIDE_LABEL)
    labels.setdefault(UNDATED, "Undated")
    return labels


def era_order(eras: pd.DataFrame) -> list[str]:
    """Era keys in file order, then outside and undated: the order charts use."""
    return list(eras["era"]) + [OUTSIDE, UNDATED]


def era_comparison_notes(corpus: pd.DataFrame, eras: pd.DataFrame, era_a: str, era_b: str) -> list[str]:
    """Notes on the two eras a notebook compares: one sentence for each of ``era_a``,
    ``era_b`` that has no articles in ``corpus`` (empty when both have some). Raises
    ``ValueError`` naming the known eras when a key is not in ``eras`` or both are equal."""
    known = list(eras["era"])
    for name, key in (("era_a", era_a), ("era_b", era_b)):
        if key not in known:
            raise ValueError(f"{name} = {key!r} is not an era of the eras table; "
                             f"use one of: {', '.join(known)}")
    if era_a == era_b:
        raise ValueError(f"era_a and era_b are both {era_a!r}: compare two different eras")
    labels = dict(zip(eras["era"], eras["label"]))
    return [f"The corpus has no articles from {labels[key]} ({name} = '{key}'): its estimates "
            f"are empty and the comparison below shows the other era only."
            for name, key in (("era_a", era_a), ("era_b", era_b)) if not (corpus["era"] == key).any()]

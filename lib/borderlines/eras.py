"""Eras: named date ranges (administrations) that articles are compared across.

``data/eras.csv`` has columns ``era`` (key), ``label``, ``start``, ``end`` (ISO dates,
inclusive; an empty ``end`` means open-ended). A researcher may pass another file.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .files import InputProblem, read_csv_strings
from .paths import default_eras
from .problems import Problem

OUTSIDE = "outside"
OUTSIDE_LABEL = "Outside every era"
UNDATED = "undated"


#: ``YYYY-MM-DD``, optionally a time (after ``T`` or a space: ``hh[:mm[:ss[.fff]]]`` and a
#: zone ``Z``, ``±hh``, ``±hhmm`` or ``±hh:mm``), whose calendar date as written is kept.
ISO_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
                      r"(?:[T ](?:[01]\d|2[0-4])(?::[0-5]\d(?::[0-6]\d(?:[.,]\d+)?)?)?"
                      r" ?(?:Z|[+-](?:[01]\d|2[0-4])(?::?[0-5]\d)?)?)?", re.IGNORECASE)


def parse_date(value) -> pd.Timestamp:
    """One date as a day-precision, timezone-naive Timestamp, strictly: a string must be
    ``YYYY-MM-DD``, optionally followed by an ISO 8601 time and zone (see
    :data:`ISO_DATE`), and the calendar date as written is kept (no conversion to UTC:
    ``2021-01-20T23:30:00-05:00`` is 2021-01-20). A datetime value (Parquet) gives its
    date as stored, a timezone-aware one the date in its own zone. ``NaT`` for anything
    else (``2021``, ``05/06/2020``, ``May 5 2020``, ``20200506``, ``2019-02-30``) and for
    empty values."""
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return pd.NaT
    if isinstance(value, (datetime.date, np.datetime64)):         # datetime, date, Timestamp
        ts = pd.Timestamp(value)
        if ts is pd.NaT:
            return pd.NaT
        return (ts.tz_localize(None) if ts.tzinfo is not None else ts).normalize()
    if not isinstance(value, str):
        return pd.NaT
    m = ISO_DATE.fullmatch(value.strip())
    if m is None:
        return pd.NaT
    try:
        return pd.Timestamp(year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))
    except ValueError:
        return pd.NaT


def parse_dates(values: pd.Series) -> pd.Series:
    """:func:`parse_date` of each value: day-precision, timezone-naive Timestamps,
    ``NaT`` where not a strict ISO date or empty."""
    return pd.Series([parse_date(v) for v in values], index=values.index, dtype="datetime64[ns]")


def date_hint(value) -> str:
    """Why ``value`` is not a date, for the error message ('' when nothing more to say)."""
    text = str(value).strip()
    m = ISO_DATE.match(text)
    if m and m.end() == len(text):
        if not 1 <= int(m["m"]) <= 12:
            return f" (there is no month {m['m']})"
        return f" ({m['y']}-{m['m']} has no day {m['d']})"
    if m:
        return " (the part after the date is not an ISO time such as T14:30:00 or T14:30:00-05:00)"
    if re.fullmatch(r"\d{4}(-\d{1,2})?", text):
        return " (a year or month alone: give the day too)"
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", text):
        return " (day and month order is ambiguous)"
    if re.fullmatch(r"\d{8}", text):
        return " (write the dashes: YYYY-MM-DD)"
    return ""


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
            bounds[col] = parse_date(value)
            if bounds[col] is pd.NaT:
                raise InputProblem(Problem(file=str(path), row=i, field=col,
                                           message=f"'{value}' is not a date{date_hint(value)}",
                                           fix="write dates as YYYY-MM-DD"))
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

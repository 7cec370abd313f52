"""Publication dates as sources write them → ``YYYY-MM-DD``.

Exports and pages write dates in many ways ("March 5, 2019 Tuesday", "5 March 2019",
"2019-03-05T10:00:00Z", "5 de marzo de 2019", a spreadsheet's datetime cell). A date is
taken only when its day, month and year are all in the value; ``05/03/2019`` is refused
unless the caller says which comes first, because 5 March and 3 May are both possible.
"""

from __future__ import annotations

import datetime
import functools
import re
import warnings

import pandas as pd
from dateutil import parser as du_parser

from ..eras import ISO_DATE, date_hint, parse_date

NO_DATE = "no date"
BAD_DATE = "undecidable date"

#: day and month both ≤ 12 and different: either order is a real date
_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
# two defaults that share no field: a field that differs between them was not in the value
_DEFAULTS = (datetime.datetime(1111, 1, 1), datetime.datetime(2222, 2, 2))


class DateProblem(ValueError):
    """A value that is not a full date: ``reason`` is :data:`NO_DATE` or :data:`BAD_DATE`,
    ``detail`` says why, ``fix`` what to do."""

    def __init__(self, reason: str, detail: str, fix: str = ""):
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail, self.fix = reason, detail, fix


def _full_date(text: str, dayfirst: bool, fuzzy: bool) -> datetime.date | None:
    """The date in ``text`` by dateutil (English), or None when it is not there or
    lacks its day, month or year."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a, b = (du_parser.parse(text, default=d, dayfirst=dayfirst, fuzzy=fuzzy, ignoretz=True)
                    for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None
    return a.date()


#: languages whose month names dateparser reads (news on US–Mexico migration: English and
#: Spanish foremost); a short list keeps it fast (trying all its locales takes ~0.2 s a date)
LANGUAGES = ("en", "es", "fr", "pt", "de", "it")


@functools.lru_cache(maxsize=3)
def _dateparser(dayfirst: bool | None):
    from dateparser.date import DateDataParser
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
    if dayfirst is not None:
        settings["DATE_ORDER"] = "DMY" if dayfirst else "MDY"
    return DateDataParser(languages=list(LANGUAGES), settings=settings)


def _other_language(text: str, dayfirst: bool | None) -> datetime.date | None:
    """The date by dateparser, for month names in other languages (Spanish, French, …)."""
    found = _dateparser(dayfirst).get_date_data(text).date_obj
    return found.date() if found is not None else None


def iso_date(value, dayfirst: bool | None = None, fuzzy: bool = True) -> str:
    """``value`` (text, or a date/datetime/Timestamp cell) as ``YYYY-MM-DD``: the calendar
    date as written (a time zone never moves it). ``dayfirst``: whether ``05/03/2019``
    is 5 March (True) or 3 May (False); ``None`` refuses such a value. ``fuzzy``: words
    around the date ("Updated: …") are skipped.

    Raises :class:`DateProblem` for an empty value or one without a day, month and year."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        raise DateProblem(NO_DATE, "the record has no date", "give the article's publication date")
    if isinstance(value, (datetime.date, pd.Timestamp)):
        return parse_date(value).strftime("%Y-%m-%d")
    text = " ".join(str(value).split())
    if not text:
        raise DateProblem(NO_DATE, "the record has no date", "give the article's publication date")
    return _iso_text(text, dayfirst, fuzzy)


@functools.lru_cache(maxsize=65536)     # a list's dates repeat: each is parsed once
def _iso_text(text: str, dayfirst: bool | None, fuzzy: bool) -> str:
    if ISO_DATE.match(text):
        day = parse_date(ISO_DATE.match(text).group(0))
        if pd.isna(day):
            raise DateProblem(BAD_DATE, f"'{text}' is not a date{date_hint(ISO_DATE.match(text).group(0))}")
        return day.strftime("%Y-%m-%d")
    numeric = _NUMERIC.match(text)
    if numeric and dayfirst is None:
        first, second = int(numeric[1]), int(numeric[2])
        if first <= 12 and second <= 12 and first != second:
            raise DateProblem(BAD_DATE, f"'{text}' may be day/month or month/day",
                              "say which with --day-first or --month-first")
    found = _full_date(text, bool(dayfirst), fuzzy=False)
    if found is None and fuzzy:
        found = _full_date(text, bool(dayfirst), fuzzy=True)
    if found is None and not text.isdigit() and len(text) <= 60:
        found = _other_language(text, dayfirst)
    if found is None or not _YEAR.search(text) and not numeric:
        raise DateProblem(BAD_DATE, f"'{text}' is not a date with a day, month and year",
                          "correct the date in the source, or give it as YYYY-MM-DD")
    return found.strftime("%Y-%m-%d")


@functools.lru_cache(maxsize=65536)
def looks_like_date(text: str) -> bool:
    """Whether a whole line of an export is a full date (with a weekday or time, maybe)."""
    if not _YEAR.search(text) or len(text) > 60:
        return False
    try:
        iso_date(text, dayfirst=True, fuzzy=False)
        return True
    except DateProblem:
        return False

"""Findings sentences whose words come from the estimate, so they cannot overclaim.

One rule for every notebook: a difference between eras is called higher or lower only
when its interval excludes zero *and* its permutation p is below ``1 − level``.
Otherwise the sentence says there is no clear difference and gives the range of
differences the data are consistent with; without an interval (too few articles) it
says so and that the numbers are not a finding. Input rows are
:data:`borderlines.compare.MEASURE_DIFFERENCE_COLUMNS` rows (a dict or a table row),
whose ``phrase`` (from the measure, :class:`borderlines.measures.Measure`) names what
is compared.
"""

from __future__ import annotations

import pandas as pd

from .notebook import escape, markdown_text

HIGHER, LOWER, UNCLEAR, NO_INTERVAL, NO_DATA = "higher", "lower", "unclear", "no interval", "no data"


def verdict(row) -> str:
    """``"higher"`` (era B above A), ``"lower"``, ``"unclear"`` (the interval spans zero
    or the permutation p is not below 1 − level), ``"no interval"`` or ``"no data"``."""
    if pd.isna(row["estimate"]):
        return NO_DATA
    if pd.isna(row["low"]) or pd.isna(row["high"]):
        return NO_INTERVAL
    clear = pd.notna(row["p_value"]) and row["p_value"] < 1 - row["level"]
    if clear and row["low"] > 0:
        return HIGHER
    if clear and row["high"] < 0:
        return LOWER
    return UNCLEAR


def _number(value: float, digits: int, percent: bool, sign: bool = False) -> str:
    text = f"{100 * value if percent else value:{'+' if sign else ''},.{digits}f}".replace("-", "−")
    return text + ("%" if percent and not sign else " pp" if percent else "")


def _p(row) -> str:
    if pd.isna(row["p_value"]):
        return ""
    return f"permutation p = {row['p_value']:.2g}"


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]    # str.capitalize would lowercase "US" and names


def _articles(n: int) -> str:
    return f"{n} article{'' if n == 1 else 's'}"


def _floor(row) -> str:
    alpha = 1 - row["level"]
    if pd.notna(row["p_min"]) and row["p_min"] >= alpha:
        return (f" With these numbers of articles no permutation test can give p below {alpha:.2g} "
                f"(the smallest possible is {row['p_min']:.2g}).")
    return ""


def difference_sentence(row, label_a: str, label_b: str, digits: int = 1, percent: bool = False,
                        what: str | None = None) -> str:
    """One Markdown sentence comparing era B with era A on the row's measure, named by
    its ``phrase`` (e.g. "quotes per 1,000 words"), worded by :func:`verdict`.
    ``percent`` shows proportions as % and differences in percentage points. The phrase
    and era labels are escaped here (:func:`borderlines.notebook.escape`); ``what``, if
    given, replaces the phrase and is Markdown composed by the caller (its corpus values
    escaped). Returned as :class:`~borderlines.notebook.MarkdownText`."""
    if what is None:
        what = escape(row["phrase"] if "phrase" in row and pd.notna(row["phrase"]) else row["measure"])
    return markdown_text(_difference_sentence(row, what, escape(label_a), escape(label_b), digits, percent))


def _difference_sentence(row, what: str, label_a: str, label_b: str, digits: int, percent: bool) -> str:
    v = verdict(row)
    if v == NO_DATA:
        return f"{_upper(what)}: {label_a} and {label_b} cannot be compared ({row['note'] or 'no data'})."
    a, b = _number(row["value_a"], digits, percent), _number(row["value_b"], digits, percent)
    if v == NO_INTERVAL:
        p = _p(row)
        return (f"{_upper(what)}: {b} in {label_b} ({_articles(row['n_b'])}) and {a} in {label_a} "
                f"({_articles(row['n_a'])}); {row['note'] or 'no interval'}, so this is not a finding"
                f"{' (' + p + ')' if p else ''}.{_floor(row)}")
    level = f"{100 * row['level']:.0f}%"
    low, high = _number(row["low"], digits, percent, True), _number(row["high"], digits, percent, True)
    if v == UNCLEAR:
        return (f"No clear difference in {what} between {label_a} ({a}) and {label_b} ({b}): the data are "
                f"consistent with a difference ({label_b} − {label_a}) from {low} to {high} "
                f"({level} CI; {_p(row)}).{_floor(row)}")
    d = _number(row["estimate"], digits, percent, True)
    times = ""
    if pd.notna(row.get("ratio")) and pd.notna(row.get("ratio_low")):
        times = (f", {row['ratio']:.2f} times {label_a}'s ({level} CI {row['ratio_low']:.2f}–"
                 f"{row['ratio_high']:.2f})")
    return (f"{_upper(what)} is {v} in {label_b} than in {label_a}: {b} against {a}, a difference of "
            f"{d} ({level} CI {low} to {high}; {_p(row)}){times}.")


def differences_summary(table: pd.DataFrame, what: str) -> str:
    """How many rows of a difference table are clear, e.g. "2 of 9 frames differ clearly
    between the eras (interval excluding zero and permutation p below 0.05); 3 have no
    interval"."""
    verdicts = [verdict(r) for _, r in table.iterrows()]
    clear = sum(v in (HIGHER, LOWER) for v in verdicts)
    none = sum(v in (NO_INTERVAL, NO_DATA) for v in verdicts)
    alpha = 1 - float(table["level"].iloc[0]) if len(table) else 0.05
    text = (f"{clear} of {len(verdicts)} {what} differ clearly between the eras (interval excluding "
            f"zero and permutation p below {alpha:.2g})")
    return text + (f"; {none} {'has' if none == 1 else 'have'} too few articles for an interval" if none else "")


def difference_lines(table: pd.DataFrame, label_a: str, label_b: str, digits: int = 1, percent: bool = False,
                     measures=None) -> str:
    """A Markdown list: one :func:`difference_sentence` per row of ``table`` (of
    :func:`borderlines.compare.compare_measures`, each row naming its measure by its
    ``phrase``), in table order; ``measures``: only the rows of these ``measure``
    values, in that order (those the table lacks are left out)."""
    rows = table.set_index("measure", drop=False)
    keys = list(rows.index) if measures is None else [m for m in measures if m in rows.index]
    return markdown_text("\n".join(f"- {difference_sentence(rows.loc[m], label_a, label_b, digits, percent)}"
                                    for m in keys))


def display_differences(table: pd.DataFrame, label_a: str, label_b: str, digits: int = 2,
                        percent: bool = False, names: dict | None = None) -> pd.DataFrame:
    """A difference table for reading: what is compared (``names`` maps a measure to its
    words; default its ``label``), its ``definition`` when the table has one
    (:func:`borderlines.compare.compare_measures`), each era's articles and value, the
    difference with its interval and p (:func:`borderlines.compare.format_difference`)
    and the verdict in words."""
    from .compare import format_difference

    k = 100 if percent else 1
    unit = "%" if percent else ""
    shown = table["label"] if "label" in table else table["measure"]
    definition = {"definition": table["definition"]} if "definition" in table else {}
    return pd.DataFrame({
        "compared": [(names or {}).get(m, s) for m, s in zip(table["measure"], shown)],
        **definition,
        f"articles {label_a}": table["n_a"], f"articles {label_b}": table["n_b"],
        label_a: [f"{k * v:,.{digits}f}{unit}" if pd.notna(v) else "n/a" for v in table["value_a"]],
        label_b: [f"{k * v:,.{digits}f}{unit}" if pd.notna(v) else "n/a" for v in table["value_b"]],
        f"{label_b} − {label_a}": [format_difference(r, digits, percent) for _, r in table.iterrows()],
        "verdict": [verdict(r) for _, r in table.iterrows()],
    })

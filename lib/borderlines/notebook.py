"""Notebook helpers: one setup call, tables and findings that are safe to publish.

Call :func:`setup` in the first code cell of every notebook. It enables the chart theme
and the offline chart renderer, puts the Vega bundle in the page once, and loads the
interactive-table library (DataTables via itables) offline.
"""

from __future__ import annotations

import html
import os
import re
import string

import pandas as pd
from IPython.display import HTML, Markdown, display

from . import charts
from .paths import project_root

#: Interactive (paged, searchable) tables longer than this are capped, with a note.
MAX_TABLE_ROWS = 2000
#: Static tables longer than this show their first rows only, with a note.
MAX_STATIC_ROWS = 100


def setup(interactive_tables: bool = True) -> None:
    """Prepare a notebook: chart theme and offline renderer, the Vega bundle (once per
    page), offline interactive tables, and pandas display options. The kernel works
    from the project folder (the one with ``README.md``), so a relative path in a
    ``parameters`` cell means what it means in a study file or ``borderlines build -p``."""
    os.chdir(project_root())
    charts.enable()
    display(HTML(charts.vega_bundle_html()))
    if interactive_tables:
        import itables
        itables.init_notebook_mode(all_interactive=False, connected=False)
    pd.set_option("display.max_colwidth", 200)
    pd.set_option("display.width", 160)


def show_table(df: pd.DataFrame, caption: str = "", max_rows: int | None = None,
               interactive: bool = True, **options) -> None:
    """Display ``df`` as a searchable, sortable, paged table, or with ``interactive=False``
    a plain one (text is HTML-escaped either way).

    Tables longer than ``max_rows`` (default :data:`MAX_TABLE_ROWS` interactive,
    :data:`MAX_STATIC_ROWS` plain) are capped, with a note giving the full count;
    ``options`` go to itables (e.g. ``column_filters="footer"``, ``pageLength=10``)."""
    if max_rows is None:
        max_rows = MAX_TABLE_ROWS if interactive else MAX_STATIC_ROWS
    shown = df
    note = ""
    if len(df) > max_rows:
        shown = df.head(max_rows)
        note = f"Showing the first {max_rows:,} of {len(df):,} rows; the full table is in the data outputs."
    if interactive:
        import itables
        options.setdefault("pageLength", 10)
        options.setdefault("lengthMenu", [5, 10, 25, 50, 100])
        options.setdefault("maxBytes", 0)
        options.setdefault("classes", "display compact")
        if "columnDefs" not in options:  # text reads left to right; numbers stay right-aligned
            text = [i for i, c in enumerate(shown.columns) if not pd.api.types.is_numeric_dtype(shown[c])]
            if text:
                options["columnDefs"] = [{"className": "dt-left", "targets": text}]
        if options.get("column_filters") and "css" not in options:
            options["css"] = "table.dataTable tfoot input { width: 100%; box-sizing: border-box; }"
        itables.show(shown, caption=html.escape(caption) if caption else None, showIndex=False,
                     allow_html=False, **options)
    else:
        display(HTML(shown.to_html(index=False, escape=True, border=0, classes="bl-table")))
    if note:
        display(Markdown(f"*{escape(note)}*"))


# Markdown syntax that can appear anywhere in a line: links and images ([ ]), emphasis,
# code, strikethrough, tables, math ($) and the escape character itself.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]|~$])")
# Markdown syntax that counts only at the start of a line: headings, lists, quotes, rules.
_MARKDOWN_LINE_START = re.compile(r"^(\s*\d*)([#+=.)-])")


def escape(text: object) -> str:
    """``text`` (any value, as ``str``) made safe to put in Markdown or HTML output: it
    shows as written and cannot become markup, a link, an image or a script. HTML
    characters become entities (``&lt;``); Markdown syntax is backslash-escaped
    (``\\[clickme\\](javascript:...)`` stays text); line breaks become spaces, so a value
    cannot open a heading or list. The one escaping function for text from a corpus, a
    study or a data file that enters a report."""
    value = html.escape(" ".join(str(text).splitlines()), quote=True)
    return _MARKDOWN_LINE_START.sub(r"\1\\\2", _MARKDOWN_INLINE.sub(r"\\\1", value))


class MarkdownText(str):
    """Markdown composed by a notebook, whose corpus values already went through
    :func:`escape`: :func:`findings` inserts it as it is (see :func:`markdown_text`)."""


def markdown_text(text: str) -> MarkdownText:
    """Mark ``text`` as Markdown composed in the notebook (lists, emphasis) in which
    every value taken from the corpus or a data file was passed through :func:`escape`,
    so :func:`findings` keeps its markup instead of escaping it."""
    return MarkdownText(text)


class _EscapingFormatter(string.Formatter):
    def format_field(self, value, format_spec):
        formatted = super().format_field(value, format_spec)
        return formatted if isinstance(value, MarkdownText) else escape(formatted)


def findings(template: str, **values) -> Markdown:
    """Markdown for a Findings cell: ``template`` uses ``{name}`` / ``{name:,.1f}``
    placeholders filled from ``values`` (computed variables, never typed-in numbers).
    Values are escaped for HTML and Markdown (:func:`escape`), so corpus text cannot
    inject markup or links; a value made with :func:`markdown_text` is kept as it is."""
    return Markdown(_EscapingFormatter().format(template, **values))

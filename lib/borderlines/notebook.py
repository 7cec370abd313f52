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

import numpy as np
import pandas as pd
from IPython.display import HTML, Markdown, display

from . import charts
from .paths import project_root

#: Interactive (paged, searchable) tables longer than this are capped, with a note.
MAX_TABLE_ROWS = 2000
#: Static tables longer than this show their first rows only, with a note.
MAX_STATIC_ROWS = 100


#: How report tables read: the table fits the page and text wraps between words (only a
#: table whose single words are wider than the page scrolls sideways), text reads from
#: the left, numbers from the right.
TABLE_CSS = """
table.dataTable, table.bl-table { width: 100% !important; table-layout: auto; }
table.dataTable td, table.dataTable th, table.bl-table td, table.bl-table th {
  white-space: normal; overflow-wrap: break-word; word-break: normal; hyphens: manual; vertical-align: top; }
div.dt-container, .jp-OutputArea-output:has(> table.bl-table) { overflow-x: auto; }
table.dataTable thead th .dt-column-title { cursor: pointer; }
table.bl-table td.bl-text, table.bl-table th.bl-text, table.dataTable td.dt-left { text-align: left !important; }
table.bl-table td.bl-num, table.bl-table th.bl-num { text-align: right; }
.bl-empty { font-style: italic; color: #555; }
.bl-filters { display: flex; flex-wrap: wrap; gap: .3em 1.2em; margin: .4em 0; font-size: 13px; }
.bl-filters select { margin-left: .4em; max-width: 22em; }
.bl-filter-note { font-size: 13px; font-style: italic; margin: .2em 0; }
.bl-filter-note:empty { display: none; }
@media print { .bl-filters { display: none !important; } }
"""

#: Columns a reader can narrow a table to one value of (an outlet, an era): the era's
#: label when a table has it, else its key.
FILTER_COLUMNS = ("outlet", "era_label", "era")

#: ``window.blTableFilters(table, columns, api)``: select boxes above ``table`` (a
#: ``<table>``; ``api``: its DataTables API, or nothing for a plain table) that keep only
#: the rows whose column holds the chosen value; ``columns``: ``[[position, label], ...]``.
#: A line under them says what is filtered (printed too, while the boxes are not).
FILTER_JS = r"""
window.blTableFilters = window.blTableFilters || function (table, columns, api) {
  if (!table || table.getAttribute('data-bl-filtered')) { return; }
  table.setAttribute('data-bl-filtered', '1');
  var text = function (v) { var t = document.createElement('textarea'); t.innerHTML = String(v); return t.value; };
  var rows = api ? null : Array.prototype.slice.call(table.tBodies[0] ? table.tBodies[0].rows : []);
  var bar = document.createElement('div'), note = document.createElement('p'), chosen = {};
  bar.className = 'bl-filters'; note.className = 'bl-filter-note'; note.setAttribute('role', 'status');
  // the values as the table shows them (DataTables: as rendered for display, HTML-escaped)
  function shown(row, i) { return String(api.cell(row, i).render('display')); }
  function values(i) {
    var all = api ? api.rows().indexes().toArray().map(function (r) { return shown(r, i); })
                  : rows.map(function (r) { return r.cells[i] ? r.cells[i].textContent : ''; });
    return all.filter(function (v, k) { return v !== '' && all.indexOf(v) === k; }).sort();
  }
  function apply() {
    if (api) {
      api.search.fixed('bl-filters', function (_, data, row) {
        return columns.every(function (c) { return !chosen[c[0]] || shown(row, c[0]) === chosen[c[0]]; });
      }).draw();
    } else {
      rows.forEach(function (r) {
        r.style.display = columns.every(function (c) {
          return !chosen[c[0]] || (r.cells[c[0]] && r.cells[c[0]].textContent === chosen[c[0]]); }) ? '' : 'none';
      });
    }
    var parts = columns.filter(function (c) { return chosen[c[0]]; })
                       .map(function (c) { return c[1] + ': ' + (api ? text(chosen[c[0]]) : chosen[c[0]]); });
    note.textContent = parts.length ? 'Showing only the rows of ' + parts.join(' and ') + '.' : '';
  }
  columns.forEach(function (c) {
    var label = document.createElement('label'), select = document.createElement('select');
    label.textContent = c[1];
    select.setAttribute('data-bl-filter', c[1]);
    select.add(new Option('All', ''));
    values(c[0]).forEach(function (v) { select.add(new Option(api ? text(v) : v, v)); });
    select.addEventListener('change', function () { chosen[c[0]] = select.value; apply(); });
    label.appendChild(select);
    bar.appendChild(label);
  });
  var anchor = api ? api.table().container() : table;
  anchor.parentNode.insertBefore(bar, anchor);
  anchor.parentNode.insertBefore(note, anchor);
};
"""


def source_links(df: pd.DataFrame) -> list[str] | None:
    """For a table with a ``doc_id`` column, in a build that publishes article pages
    (:data:`borderlines.navigation.ARTICLES_ENV`), each row's link to its article's page, at its sentence when
    the table has ``sent_id`` (:func:`borderlines.navigation.source_link`); else None."""
    from .navigation import ARTICLES_ENV, source_link
    if os.environ.get(ARTICLES_ENV) != "1" or "doc_id" not in df.columns:
        return None
    sent_ids = df["sent_id"] if "sent_id" in df.columns else [None] * len(df)
    return [source_link(d, s) for d, s in zip(df["doc_id"], sent_ids)]


def filter_columns(df: pd.DataFrame) -> list[int]:
    """Positions (in table order) of the columns of ``df`` a reader can filter on
    (:data:`FILTER_COLUMNS`: the outlet; the era's label, or its key when there is no
    label), each with at least two different values."""
    names = [str(c) for c in df.columns]
    wanted = [c for c in FILTER_COLUMNS if c in names]
    if "era_label" in wanted and "era" in wanted:
        wanted.remove("era")
    return sorted(names.index(c) for c in wanted if df.iloc[:, names.index(c)].dropna().nunique() >= 2)


def _filter_spec(df: pd.DataFrame, labels: dict[str, str] | None) -> str:
    """The ``columns`` argument of :data:`FILTER_JS` for ``df``, as JavaScript ('' when none)."""
    import json
    spec = [[i, column_label(df.columns[i], labels)] for i in filter_columns(df)]
    return json.dumps(spec).replace("<", "\\u003c") if spec else ""
#: Column names shown as labels (any other: underscores to spaces, ``n_`` and an era
#: suffix ``_a``/``_b`` spelled out, see :func:`column_label`).
COLUMN_LABELS = {
    "doc_id": "Article", "era": "Era", "era_label": "Era", "outlet": "Outlet", "date": "Date",
    "title": "Title", "author": "Author", "n_chars": "Characters", "n_words": "Words",
    "n_sentences": "Sentences", "n_articles": "Articles", "estimate": "Estimate", "ci_low": "95% interval: low",
    "ci_high": "95% interval: high", "note": "Note", "mattr": "MATTR", "share": "Share", "label": "Label",
}
#: Shown for a missing value (NaN, None) in a table.
MISSING = "—"


def column_label(name: str, labels: dict[str, str] | None = None) -> str:
    """How a table heads column ``name``: ``labels`` first, then :data:`COLUMN_LABELS`,
    else a readable form (``share_a`` → 'Share (A)', ``n_quotes`` → 'Quotes',
    ``outside_interval`` → 'Outside interval')."""
    labels = {**COLUMN_LABELS, **(labels or {})}
    if name in labels:
        return labels[name]
    text = str(name)
    suffix = ""
    m = re.fullmatch(r"(.+)_([ab])", text)
    if m:
        text, suffix = m.group(1), f" ({m.group(2).upper()})"
    if text in labels:
        return labels[text] + suffix
    text = re.sub(r"^n_", "", text).replace("_", " ").strip()
    return (text[:1].upper() + text[1:] if text else str(name)) + suffix


def reader_table(df: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """``df`` as a reader sees it: columns headed by :func:`column_label`, True/False as
    yes/no, and missing values as ``None`` (shown as :data:`MISSING`). Numbers stay numbers."""
    out = df.copy()
    out.columns = range(out.shape[1])   # by position: a repeated column name is still one column
    for c in out.columns:
        col = out[c]
        if pd.api.types.is_datetime64_any_dtype(col) and (col.dropna() == col.dropna().dt.normalize()).all():
            out[c] = col.dt.strftime("%Y-%m-%d").astype(object).where(col.notna(), MISSING)  # dates read as dates
        elif pd.api.types.is_bool_dtype(col) or (col.dtype == object and col.notna().any()
                                                and col.dropna().map(lambda v: isinstance(v, (bool, np.bool_))).all()):
            out[c] = pd.Series([MISSING if pd.isna(v) else "yes" if v else "no" for v in col],
                               index=col.index, dtype=object)
        elif not col.isna().any():
            continue
        elif pd.api.types.is_numeric_dtype(col):
            continue   # a missing number stays NaN, so the column sorts as numbers; shown as MISSING
        else:
            out[c] = col.astype(object).where(col.notna(), MISSING)
    out.columns = [column_label(c, labels) for c in df.columns]
    return out


# DataTables cell renderer: a missing number (NaN, null) is displayed as MISSING, while
# sorting and search still see the value itself.
_SHOW_MISSING = ("function (data, type) { return (type === 'display' && (data === null || "
                 "(typeof data === 'number' && isNaN(data)))) ? '" + MISSING + "' : data; }")


def setup(interactive_tables: bool = True) -> None:
    """Prepare a notebook: chart theme and offline renderer, the Vega bundle (once per
    page), offline interactive tables, and pandas display options. The kernel works
    from the project folder (the one with ``README.md``), so a relative path in a
    ``parameters`` cell means what it means in a study file or ``borderlines build -p``."""
    os.chdir(project_root())
    charts.enable()
    display(HTML(charts.vega_bundle_html() + f"<style>{TABLE_CSS}</style><script>{FILTER_JS}</script>"))
    if interactive_tables:
        import itables
        itables.init_notebook_mode(all_interactive=False, connected=False)
    pd.set_option("display.max_colwidth", 200)
    pd.set_option("display.width", 160)


def show_table(df: pd.DataFrame, caption: str = "", max_rows: int | None = None,
               interactive: bool = True, labels: dict[str, str] | None = None,
               empty: str = "none", **options) -> None:
    """Display ``df`` as a searchable, sortable, paged table, or with ``interactive=False``
    a plain one (text is HTML-escaped either way), as :func:`reader_table` shows it:
    labelled columns (``labels`` overrides :func:`column_label`), yes/no, and
    :data:`MISSING` for missing values. A table without rows is a sentence instead,
    ``"<caption>: <empty>."``. In a build that publishes article pages, the ``doc_id``
    column links each row to its article's text, at its sentence when the table has a
    ``sent_id`` column (which is then not shown).

    Tables longer than ``max_rows`` (default :data:`MAX_TABLE_ROWS` interactive,
    :data:`MAX_STATIC_ROWS` plain) are capped, with a note giving the full count;
    ``options`` go to itables (e.g. ``column_filters="footer"``, ``pageLength=10``)."""
    if df.empty:
        display(HTML(f'<p class="bl-empty">{html.escape(caption or "This table")}: {html.escape(empty)}.</p>'))
        return
    if max_rows is None:
        max_rows = MAX_TABLE_ROWS if interactive else MAX_STATIC_ROWS
    links = source_links(df)
    if links and "sent_id" in df.columns:   # a locator for the link, not something to read
        df = df.drop(columns=["sent_id"])
    text_columns = [i for i, c in enumerate(df.columns) if not pd.api.types.is_numeric_dtype(df[c])
                    or pd.api.types.is_bool_dtype(df[c])]
    shown = reader_table(df, labels)
    filters = _filter_spec(df, labels)
    link_column = list(map(str, df.columns)).index("doc_id") if links else None
    note = ""
    if len(df) > max_rows:
        shown = reader_table(df.head(max_rows), labels)
        links = links[:max_rows] if links else links
        note = f"Showing the first {max_rows:,} of {len(df):,} rows; the full table is in the data outputs."
    if interactive:
        import itables
        options.setdefault("pageLength", 10)
        options.setdefault("lengthMenu", [5, 10, 25, 50, 100])
        options.setdefault("maxBytes", 0)
        options.setdefault("classes", "display compact")
        options.setdefault("autoWidth", False)        # columns wrap to the page, no sideways scroll
        options.setdefault("text_in_header_can_be_selected", False)  # a click on the header text sorts
        if "columnDefs" not in options:  # text reads left to right; numbers stay right-aligned
            options["columnDefs"] = ([{"className": "dt-left", "targets": text_columns}] if text_columns else []) + [
                {"targets": "_all", "defaultContent": MISSING, "render": itables.JavascriptFunction(_SHOW_MISSING)}]
        if links:   # the article column links to the article's page, kept in a hidden column
            hidden = shown.shape[1]
            shown = shown.assign(_source_link=links)
            options["columnDefs"] = [
                {"targets": hidden, "visible": False, "searchable": False},
                {"targets": link_column, "render": itables.JavascriptFunction(
                    "function (data, type, row) { return type === 'display' ? '<a class=\"bl-source\" href=\"' + "
                    f"row[{hidden}] + '\">' + data + '</a>' : data; }}")},
                *options["columnDefs"]]
        if filters and "drawCallback" not in options:
            # select boxes for outlet and era, made at the first draw (itables calls an
            # initComplete only with column filters or selectable header text)
            options["drawCallback"] = itables.JavascriptFunction(
                "function (settings) { var api = new $.fn.dataTable.Api(settings); if (window.blTableFilters) { "
                f"window.blTableFilters(api.table().node(), {filters}, api); }} }}")
        if options.get("column_filters") and "css" not in options:
            options["css"] = "table.dataTable tfoot input { width: 100%; box-sizing: border-box; }"
        itables.show(shown, caption=html.escape(caption) if caption else None, showIndex=False,
                     allow_html=False, **options)
    else:
        script = ("<script>if (window.blTableFilters) { window.blTableFilters("
                  f"document.currentScript.previousElementSibling, {filters}); }}</script>") if filters else ""
        display(HTML(static_table_html(shown, text_columns, caption, links, link_column) + script))
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


def static_table_html(df: pd.DataFrame, text_columns: list[int], caption: str = "",
                      links: list[str] | None = None, link_column: int | None = None) -> str:
    """A plain HTML table (``class="bl-table"``), every value escaped, text columns
    (positions ``text_columns``) left-aligned and numbers right-aligned, missing values
    as :data:`MISSING`; with ``links`` (one per row), the cells of column ``link_column``
    link there."""
    def cell(tag, value, i, href=None):
        kind = "bl-text" if i in text_columns else "bl-num"
        if value is None or value is pd.NA or (isinstance(value, (float, np.floating)) and np.isnan(value)):
            text = MISSING
        elif isinstance(value, (float, np.floating)):
            text = (f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}" if abs(value) >= 100
                    else f"{value:.4g}")
        else:
            text = str(value)
        text = html.escape(text)
        if href is not None:
            text = f'<a class="bl-source" href="{html.escape(href)}">{text}</a>'
        return f'<{tag} class="{kind}">{text}</{tag}>'
    head = "".join(cell("th", c, i) for i, c in enumerate(df.columns))
    hrefs = links or [None] * len(df)
    rows = "".join("<tr>" + "".join(cell("td", v, i, href if i == link_column else None)
                                    for i, v in enumerate(row)) + "</tr>"
                   for row, href in zip(df.itertuples(index=False, name=None), hrefs))
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f'<table class="bl-table">{cap}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


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

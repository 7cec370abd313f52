"""Interactive explorers for JupyterLab: a quote browser and a term explorer.

Both are ipywidgets that need only the running kernel (no extra server). In a built
report (no kernel to answer the widgets) they show a static first view instead and say
so: run the notebook in JupyterLab to use them.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML, Markdown, display

from .notebook import escape
from .progress import BUILD_ENV, interactive  # noqa: F401  (BUILD_ENV for callers)

ALL = "(all)"


def _table_html(df: pd.DataFrame, max_rows: int) -> str:
    shown = df.head(max_rows)
    note = f"<p><em>{len(df):,} rows; showing {len(shown):,}.</em></p>" if len(df) > max_rows else \
        f"<p><em>{len(df):,} rows.</em></p>"
    return note + shown.to_html(index=False, escape=True, border=0, classes="bl-table")


def filter_quotes(quotes: pd.DataFrame, era: str = ALL, speaker: str = ALL, role: str = ALL,
                  kind: str = ALL, text: str = "") -> pd.DataFrame:
    """Rows of ``quotes`` matching every filter (``"(all)"`` leaves a column unfiltered;
    ``text`` is a case-insensitive substring of the quote or its sentence)."""
    mask = pd.Series(True, index=quotes.index)
    for column, value in (("era", era), ("speaker", speaker), ("role", role), ("kind", kind)):
        if value != ALL and column in quotes:
            mask &= quotes[column] == value
    if text:
        needle = text.lower()
        mask &= (quotes["quote"].str.lower().str.contains(needle, regex=False)
                 | quotes["sentence"].str.lower().str.contains(needle, regex=False))
    return quotes[mask]


def quote_browser(quotes: pd.DataFrame, corpus: pd.DataFrame, max_rows: int = 50):
    """A filterable quote browser: era, speaker, role and kind menus and a text search
    over ``quotes`` (from ``extract_quotes``); each row shows the quote, its speaker,
    sentence and article. Returns the widget (or shows a static table in a build)."""
    table = quotes.merge(corpus[["doc_id", "era", "outlet", "date"]], on="doc_id", how="left")
    table = table.assign(date=table["date"].dt.date)
    columns = ["era", "speaker", "role", "kind", "quote", "sentence", "doc_id", "outlet", "date"]
    if not interactive():
        display(Markdown("*The quote browser is interactive in JupyterLab; here is its first view.*"))
        display(HTML(_table_html(table[columns], max_rows)))
        return None
    import ipywidgets as w

    def options(col):
        return [ALL] + sorted(v for v in table[col].dropna().unique() if v != "")

    menus = {col: w.Dropdown(options=options(col), value=ALL, description=col.capitalize())
             for col in ("era", "speaker", "role", "kind")}
    search = w.Text(placeholder="words in the quote or sentence", description="Search")
    out = w.Output()

    def refresh(*_):
        rows = filter_quotes(table, **{k: m.value for k, m in menus.items()}, text=search.value)
        out.clear_output()
        with out:
            display(HTML(_table_html(rows[columns], max_rows)))

    for widget in [*menus.values(), search]:
        widget.observe(refresh, names="value")
    refresh()
    return w.VBox([w.HBox(list(menus.values())[:2]), w.HBox(list(menus.values())[2:]), search, out])


def term_explorer(corpus: pd.DataFrame, tokens: pd.DataFrame | None = None, term: str = "border",
                  window: int = 8, max_rows: int = 40):
    """A term explorer: type a word or phrase to see its frequency per era (per 10,000
    words) and its concordance (keyword in context), any form of it (lemmas, as notebook
    04 counts terms). ``corpus``: best the study's ``articles`` table, whose ``n_words``
    the rates divide by (else words are counted in the tokens); ``tokens`` from
    ``terms.token_table`` (computed if omitted). Returns the widget (or a static view)."""
    from .terms import doc_words, kwic, token_table

    tokens = token_table(corpus) if tokens is None else tokens
    counts = corpus[["doc_id", "n_words"]] if "n_words" in corpus.columns else doc_words(tokens)
    words = counts.merge(corpus[["doc_id", "era"]], on="doc_id").groupby("era")["n_words"].sum()

    def view(query: str, span: int) -> str:
        lines = kwic(corpus, query, window=span, lemmas=True, tokens=tokens) if query.strip() else None
        if lines is None or lines.empty:
            return f"<p>No occurrence of <b>{html.escape(query)}</b>.</p>"
        per_era = lines.groupby("era").size().reindex(words.index, fill_value=0)
        rates = ", ".join(f"{html.escape(str(e))}: {n} ({10000 * n / max(words[e], 1):.1f} per 10,000 words)"
                          for e, n in per_era.items())
        shown = lines[["doc_id", "era", "left", "match", "right"]]
        return f"<p><b>{html.escape(query)}</b> — {rates}</p>" + _table_html(shown, max_rows)

    if not interactive():
        display(Markdown(f"*The term explorer is interactive in JupyterLab; here is its view of '{escape(term)}'.*"))
        display(HTML(view(term, window)))
        return None
    import ipywidgets as w
    box = w.Text(value=term, description="Term", continuous_update=False)
    span = w.IntSlider(value=window, min=2, max=20, description="Window")
    out = w.Output()

    def refresh(*_):
        out.clear_output()
        with out:
            display(HTML(view(box.value, span.value)))

    box.observe(refresh, names="value")
    span.observe(refresh, names="value")
    refresh()
    return w.VBox([w.HBox([box, span]), out])

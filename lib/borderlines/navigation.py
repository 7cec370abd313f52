"""A study's reading pages: every article's clean text, and one search over what was extracted.

``borderlines build`` writes, beside a study's reports (:func:`write_navigation`):

* ``articles/<page>.html`` per article (:func:`article_page`): its clean text paragraph by
  paragraph, each sentence a ``<span id="s<sent_id>">`` (:func:`sentence_anchor`), so a
  link ``articles/<page>.html#s12`` (:func:`source_link`) opens the article scrolled to
  sentence 12 and highlights it (CSS ``:target``: no script needed);
* ``search.html``: one box over the study's quotes (with speakers), cited figures and
  frame-lexicon hits (:func:`search_rows`), filtered by kind, outlet and era, each result
  linking to its sentence. The rows are scripts of their own, ``assets/search-<hash>.js``
  of about 2 MB each (:func:`search_chunks`, :func:`search_script`), grouped by era and
  outlet. The page loads the first part when it opens and the others only once the reader
  searches, one after the other, searching what has arrived, and only the parts that can
  hold the chosen outlet and era (:func:`search_parts`): the page stays a few kilobytes,
  and opens as fast, however large the corpus, and it works from ``file://`` offline (a
  browser refuses to ``fetch`` a JSON file there, not to load a script).

Every value from the corpus is escaped (Jinja autoescape in pages, ``textContent`` in the
search script): article text is untrusted.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jinja2
import numpy as np
import pandas as pd

from .files import write_text_atomic

ARTICLES = "articles"
SEARCH_PAGE = "search.html"
#: Set (to ``1``) by ``borderlines build`` for the notebooks of a study that publishes
#: article pages: their tables link each article id to its page
#: (:func:`borderlines.notebook.source_links`).
ARTICLES_ENV = "BORDERLINES_ARTICLES"

_ENV = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)


def article_page(doc_id: object) -> str:
    """The page of article ``doc_id``, relative to the study folder:
    ``articles/<doc_id>.html`` when the id is a safe file name (lower-case letters,
    digits, ``_``, ``-``; at most 64), else ``articles/<slug>-<hash>.html`` (ids that
    differ only in case, or in characters a file name cannot hold, get different pages)."""
    text = str(doc_id)
    if re.fullmatch(r"[a-z0-9_-]{1,64}", text):
        return f"{ARTICLES}/{text}.html"
    slug = re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-")[:40] or "article"
    return f"{ARTICLES}/{slug}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:10]}.html"


def sentence_anchor(sent_id: int) -> str:
    """The element id of sentence ``sent_id`` on its article's page: ``s<sent_id>``."""
    return f"s{int(sent_id)}"


def source_link(doc_id: object, sent_id: int | None = None) -> str:
    """Link (relative to the study folder) to article ``doc_id``, at sentence ``sent_id``."""
    page = article_page(doc_id)
    return page if sent_id is None or pd.isna(sent_id) else f"{page}#{sentence_anchor(sent_id)}"


def article_paragraphs(text: str, sentences: pd.DataFrame) -> list[list[tuple[int | None, str]]]:
    """An article's clean ``text`` cut for its page: paragraphs (split at blank lines),
    each a list of ``(sent_id, words)`` for the sentences of ``sentences`` (the article's
    rows: ``sent_id``, ``start``, ``end``) and ``(None, words)`` for text between them.
    Joined back, the pieces give ``text`` without its blank lines."""
    pieces: list[tuple[int | None, str]] = []
    at = 0
    for sent_id, start, end in sentences[["sent_id", "start", "end"]].sort_values("start").itertuples(
            index=False, name=None):
        start, end = max(int(start), at), int(end)
        if end <= start:
            continue
        if start > at:
            pieces.append((None, text[at:start]))
        pieces.append((int(sent_id), text[start:end]))
        at = end
    if at < len(text):
        pieces.append((None, text[at:]))
    paragraphs: list[list[tuple[int | None, str]]] = [[]]
    for sent_id, words in pieces:
        parts = re.split(r"\n\s*\n", words) if sent_id is None else [words]
        for i, part in enumerate(parts):
            if i:
                paragraphs.append([])
            if part:
                paragraphs[-1].append((sent_id, part))
    out = []
    for paragraph in paragraphs:     # spaces between sentences stay; at a paragraph's ends they go
        while paragraph and paragraph[0][0] is None and not paragraph[0][1].strip():
            paragraph.pop(0)
        while paragraph and paragraph[-1][0] is None and not paragraph[-1][1].strip():
            paragraph.pop()
        if paragraph:
            out.append(paragraph)
    return out


_STYLE = """
body { font: 17px/1.6 Georgia, 'Times New Roman', serif; max-width: 760px; margin: 2em auto; padding: 0 1em; color: #222; }
nav, .meta, .bl-hint { font: 14px/1.5 system-ui, -apple-system, Segoe UI, sans-serif; }
nav a { margin-right: 1em; } .meta { color: #555; }
.bl-sent { scroll-margin-top: 30vh; }
.bl-sent:target { background: #fff1a8; outline: 2px solid #d9a400; border-radius: 2px; }
@media print { nav, .bl-hint { display: none; } }
"""

ARTICLE_TEMPLATE = _ENV.from_string("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ a.title or a.doc_id }} · Borderlines</title><style>{{ style }}</style></head>
<body>
<nav><a href="../index.html">&larr; This study's reports</a><a href="../{{ search }}">Search quotes, figures and frames</a></nav>
<h1>{{ a.title or "(no title)" }}</h1>
<p class="meta">{{ a.outlet or "unknown outlet" }} · {{ a.date }} · {{ a.era_label }} · article <code>{{ a.doc_id }}</code>{% if a.author %} · {{ a.author }}{% endif %}</p>
<p class="bl-hint">The article's clean text, as the reports analysed it. A link from a table or the search
opens it at the sentence it came from, highlighted.</p>
<article>
{% for paragraph in paragraphs %}
<p>{% for sent_id, words in paragraph %}{% if sent_id is none %}{{ words }}{% else %}<span class="bl-sent" id="s{{ sent_id }}">{{ words }}</span>{% endif %}{% endfor %}</p>
{% endfor %}
</article>
</body></html>
""")


def article_html(article: dict, sentences: pd.DataFrame) -> str:
    """The page of one article (``article``: a row of the corpus, with ``doc_id``, ``title``,
    ``outlet``, ``date``, ``era_label``, ``author``, ``text``; ``sentences``: its rows of
    the sentence table), every value escaped."""
    date = article.get("date")
    shown = {**article, "date": "" if date is None or pd.isna(date) else pd.Timestamp(date).date().isoformat()}
    return ARTICLE_TEMPLATE.render(a=shown, paragraphs=article_paragraphs(str(article.get("text") or ""), sentences),
                                   style=_STYLE, search=SEARCH_PAGE)


def write_article_pages(out_dir: str | Path, corpus: pd.DataFrame, sentences: pd.DataFrame) -> list[Path]:
    """Write :func:`article_html` of every article of ``corpus`` into ``<out_dir>/articles/``
    (atomically) and remove pages of articles no longer in it. Returns the pages' paths."""
    out = Path(out_dir)
    by_doc = dict(list(sentences.groupby(sentences["doc_id"].astype(str), sort=False)))
    empty = sentences.iloc[:0]
    written = []
    for article in corpus.to_dict("records"):
        doc_id = str(article["doc_id"])
        written.append(write_text_atomic(out / article_page(doc_id), article_html(article, by_doc.get(doc_id, empty))))
    keep = set(written)
    for old in (out / ARTICLES).glob("*.html"):
        if old not in keep:
            old.unlink()
    return written


#: Columns of :func:`search_rows`.
SEARCH_COLUMNS = {
    "kind": "quote | figure | frame",
    "doc_id": "article id",
    "sent_id": "sentence of the article the row comes from (<NA> when unknown)",
    "text": "what was extracted: the quoted words, the figure as written, the frame's trigger words "
            "in the sentence ('; ' between them)",
    "detail": "who or what: the speaker (and role), the measure (and unit), the frame",
    "sentence": "the sentence holding it",
}


def search_rows(quotes: pd.DataFrame, figures: pd.DataFrame, frame_matches: pd.DataFrame,
                sentences: pd.DataFrame) -> pd.DataFrame:
    """One tidy table of what the search page searches (columns :data:`SEARCH_COLUMNS`):
    the study's ``quotes``, ``figures`` and ``frame_matches`` (as
    :class:`~borderlines.study.StudyTables` holds them, each row with its ``sent_id``);
    a frame's hits in one sentence make one row, with the sentence's text from
    ``sentences``. A quote without a speaker says 'no speaker'."""
    speaker = quotes["speaker"].fillna("").astype(str)
    role = quotes["role"].fillna("").astype(str)
    known_role = ~role.isin(["", "unknown"])
    # a frame's hits in one sentence are one row: its trigger words, each once
    hits = (frame_matches.astype({"doc_id": str, "sent_id": "int64", "frame": str, "text": str})
            .groupby(["doc_id", "sent_id", "frame"], sort=False)["text"]
            .agg(lambda words: "; ".join(dict.fromkeys(words))).reset_index())
    frame_sentences = hits[["doc_id", "sent_id"]].merge(
        sentences[["doc_id", "sent_id", "sentence"]].astype({"doc_id": str, "sent_id": "int64"}),
        on=["doc_id", "sent_id"], how="left")["sentence"].fillna("")
    parts = [
        ("quote", quotes, quotes["quote"],
         np.where(speaker == "", "no speaker", speaker + np.where(known_role, " (" + role + ")", "")),
         quotes["sentence"]),
        ("figure", figures, figures["surface"],
         [", ".join(p for p in (str(m or ""), str(u or "")) if p) for m, u in zip(figures["measure"], figures["unit"])],
         figures["sentence"]),
        ("frame", hits, hits["text"], hits["frame"], frame_sentences.to_numpy()),
    ]
    out = pd.concat([pd.DataFrame({"kind": kind, "doc_id": table["doc_id"].astype(str).to_numpy(),
                                   "sent_id": pd.array(table["sent_id"].to_numpy(), dtype="Int64"),
                                   "text": np.asarray(text, dtype=object).astype(str),
                                   "detail": np.asarray(detail, dtype=object).astype(str),
                                   "sentence": np.asarray(sentence, dtype=object).astype(str)})
                     for kind, table, text, detail, sentence in parts], ignore_index=True)
    return out[list(SEARCH_COLUMNS)]


def search_data(rows: pd.DataFrame, corpus: pd.DataFrame) -> dict:
    """What the search page loads, compact: ``articles`` (``[page, title, outlet, era
    label, date]`` each), ``sentences`` (each text once) and ``rows`` (``[kind, article
    index, sent_id or -1, text, detail, sentence index]``), from :func:`search_rows`
    ``rows`` and the ``corpus`` (``doc_id``, ``title``, ``outlet``, ``era_label``, ``date``)."""
    ids = corpus["doc_id"].astype(str).tolist()
    position = {d: i for i, d in enumerate(ids)}
    dates = pd.to_datetime(corpus["date"]).dt.strftime("%Y-%m-%d").fillna("")
    articles = [[article_page(d), str(t or ""), str(o or ""), str(e or ""), dt]
                for d, t, o, e, dt in zip(ids, corpus["title"], corpus["outlet"], corpus["era_label"], dates)]
    rows = rows[rows["doc_id"].isin(position)]
    codes, uniques = pd.factorize(rows["sentence"].astype(str))
    table = [[k, position[d], -1 if pd.isna(s) else int(s), t, det, int(c)]
             for k, d, s, t, det, c in zip(rows["kind"], rows["doc_id"], rows["sent_id"], rows["text"],
                                           rows["detail"], codes)]
    return {"articles": articles, "sentences": list(uniques), "rows": table}


#: The search's rows go in scripts of about this many bytes (of text) each.
CHUNK_BYTES = 2_000_000


def search_chunks(rows: pd.DataFrame, corpus: pd.DataFrame, max_bytes: int = CHUNK_BYTES) -> list[dict]:
    """:func:`search_data` in parts, whole articles each, of about ``max_bytes`` of text
    (an article with more is a part alone), the articles grouped by era and outlet (corpus
    order within), so a search narrowed to one era or outlet loads only its parts
    (:func:`search_parts`); at least one part."""
    corpus = corpus.iloc[np.lexsort((corpus["outlet"].fillna("").astype(str).to_numpy(),
                                     corpus["era_label"].fillna("").astype(str).to_numpy()))]
    ids = corpus["doc_id"].astype(str)
    size = (rows["text"].str.len() + rows["detail"].str.len() + rows["sentence"].str.len() + 40
            ).groupby(rows["doc_id"]).sum()
    per_article = ids.map(size).fillna(0).to_numpy() + 100
    part, used, parts = 0, 0, []
    for n in per_article:
        if used and used + n > max_bytes:
            part, used = part + 1, 0
        parts.append(part)
        used += n
    parts = np.asarray(parts, dtype=int)
    return [search_data(rows[rows["doc_id"].isin(set(ids[parts == k]))], corpus[parts == k])
            for k in range(int(parts.max()) + 1 if len(parts) else 1)]


def search_parts(chunks: list[dict]) -> list[dict]:
    """What the search page knows of each part before loading it: the ``eras`` and
    ``outlets`` of its articles (sorted), so it loads only parts that can match a filter."""
    return [{"eras": sorted({a[3] for a in c["articles"]}), "outlets": sorted({a[2] for a in c["articles"]})}
            for c in chunks]


def search_script(data: dict) -> tuple[str, str]:
    """``(asset name, body)`` of the script holding one part of the search's rows
    (``data``, see :func:`search_chunks`): ``search-<hash of the body>.js``, which hands
    it to ``window.blSearchChunk``."""
    body = "window.blSearchChunk(" + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ");\n"
    return f"search-{hashlib.sha256(body.encode('utf-8')).hexdigest()[:12]}.js", body


# The page's own script: loads the parts of the rows one after the other (a page opened
# from file:// may load scripts, not fetch files), searches what has arrived, and writes
# every value with textContent.
_SEARCH_JS = r"""
(function () {
  var LIMIT = 200, rows = [], loaded = {}, nLoaded = 0, loading = -1, started = false, failed = '', last = null;
  var q = document.getElementById('bl-q'), kind = document.getElementById('bl-kind'),
      outlet = document.getElementById('bl-outlet'), era = document.getElementById('bl-era'),
      count = document.getElementById('bl-count'), list = document.getElementById('bl-results');
  function fold(s) { return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  BL_CHOICES.outlets.forEach(function (v) { outlet.add(new Option(v, v)); });
  BL_CHOICES.eras.forEach(function (v) { era.add(new Option(v, v)); });
  var params = new URLSearchParams(window.location.search);
  if (params.get('q')) { q.value = params.get('q'); started = true; }
  function el(tag, cls, text) {
    var e = document.createElement(tag); if (cls) { e.className = cls; } if (text) { e.textContent = text; } return e;
  }
  // the parts that can hold rows of the chosen outlet and era; before any search, the first only
  function wanted() {
    var o = outlet.value, e = era.value, out = [];
    BL_PARTS.forEach(function (p, i) {
      if ((!o || p.outlets.indexOf(o) >= 0) && (!e || p.eras.indexOf(e) >= 0)) { out.push(i); }
    });
    return started ? out : out.slice(0, 1);
  }
  function missing() { return wanted().filter(function (i) { return !loaded[i]; }); }
  function run(force) {
    var terms = fold(q.value).split(/\s+/).filter(Boolean), k = kind.value, o = outlet.value, e = era.value;
    var key = JSON.stringify([terms, k, o, e]);
    if (key === last && !force) { return; }   // e.g. the box losing focus to a click on a result
    last = key;
    var found = rows.filter(function (r) {
      return (!k || r.kind === k) && (!o || r.article[2] === o) && (!e || r.article[3] === e) &&
        terms.every(function (t) { return r.hay.indexOf(t) >= 0; });
    });
    list.textContent = '';
    found.slice(0, LIMIT).forEach(function (r) {
      var li = el('li', 'bl-result bl-' + r.kind);
      li.appendChild(el('span', 'bl-kind', r.kind));
      li.appendChild(el('strong', 'bl-text', r.text));
      if (r.detail) { li.appendChild(el('span', 'bl-detail', ' — ' + r.detail)); }
      li.appendChild(el('div', 'bl-sentence', r.sentence));
      var link = el('a', 'bl-source', (r.article[1] || 'article') + ' · ' + (r.article[2] || 'unknown outlet') +
                    ' · ' + r.article[4] + ' · ' + r.article[3]);
      link.href = r.article[0] + (r.sent >= 0 ? '#s' + r.sent : '');
      var source = el('div', 'bl-where', 'Source: '); source.appendChild(link); li.appendChild(source);
      list.appendChild(li);
    });
    var status = found.length.toLocaleString('en') + ' of ' + rows.length.toLocaleString('en') + ' rows match' +
      (found.length > LIMIT ? '; showing the first ' + LIMIT + ' (narrow the search to see others)' : '') + '.';
    var todo = missing().length;
    if (todo) {
      status += ' Loading the rows: ' + todo + ' more part(s) of ' + BL_CHUNKS.length + '…';
    } else if (!started && BL_CHUNKS.length > 1) {
      status += ' Type or choose to search all ' + BL_CHUNKS.length + ' parts of the rows.';
    }
    count.textContent = failed || status;
  }
  window.blSearchChunk = function (data) {
    data.rows.forEach(function (r) {
      var a = data.articles[r[1]], sentence = data.sentences[r[5]];
      rows.push({kind: r[0], article: a, sent: r[2], text: r[3], detail: r[4], sentence: sentence,
                 hay: fold([r[3], r[4], sentence, a[1]].join(' \u0001 '))});
    });
  };
  // loads the wanted parts not loaded yet, one after the other (a page opened from
  // file:// may load scripts, not fetch files), searching what has arrived after each
  function next() {
    if (loading >= 0 || failed) { return; }
    var todo = missing();
    if (!todo.length) { run(true); return; }
    loading = todo[0];
    var script = document.createElement('script');
    script.src = 'assets/' + BL_CHUNKS[loading];
    script.onload = function () { loaded[loading] = true; nLoaded += 1; loading = -1; run(true); next(); };
    script.onerror = function () {
      failed = 'The search data (assets/' + BL_CHUNKS[loading] + ') is missing: copy the study folder whole.';
      run(true);
    };
    document.body.appendChild(script);
  }
  function changed() { started = true; run(false); next(); }
  q.addEventListener('input', changed);
  [kind, outlet, era].forEach(function (c) { c.addEventListener('change', changed); });
  next();
})();
"""

SEARCH_TEMPLATE = _ENV.from_string("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Search · Borderlines · {{ study }}</title>
<style>
body { font: 15px/1.5 system-ui, -apple-system, Segoe UI, sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #222; }
nav a { margin-right: 1em; } form { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: end; }
label { display: flex; flex-direction: column; font-size: 13px; color: #444; }
#bl-q { font-size: 16px; width: 24em; max-width: 90vw; padding: 4px; }
ol { padding-left: 1.5em; } .bl-result { margin: .8em 0; }
.bl-kind { font-size: 12px; text-transform: uppercase; color: #fff; background: #555; border-radius: 3px; padding: 0 5px; margin-right: .5em; }
.bl-quote .bl-kind { background: #1f5f99; } .bl-figure .bl-kind { background: #8a4b00; } .bl-frame .bl-kind { background: #3f6e2a; }
.bl-detail { color: #555; } .bl-sentence { font-family: Georgia, serif; } .bl-where { font-size: 13px; }
</style></head>
<body>
<nav><a href="index.html">&larr; This study's reports</a><a href="glossary.html">Glossary of the statistics</a></nav>
<h1>Search quotes, figures and frame hits</h1>
<p>Every quote (with its speaker), cited figure and frame-lexicon hit extracted from the
{{ n_articles }} articles of study <em>{{ study }}</em>: {{ counts.quote }} quotes, {{ counts.figure }} figures,
{{ counts.frame }} frame hits. Each result links to its sentence in the article's clean text.
Words match anywhere in the extracted text, its speaker, measure or frame, its sentence and the headline;
all words must match; case and accents are ignored.</p>
<form role="search" onsubmit="return false">
<label>Search <input type="search" id="bl-q" placeholder="e.g. National Guard" autocomplete="off"></label>
<label>Kind <select id="bl-kind"><option value="">All</option><option value="quote">Quotes</option>
<option value="figure">Figures</option><option value="frame">Frame hits</option></select></label>
<label>Outlet <select id="bl-outlet"><option value="">All</option></select></label>
<label>Era <select id="bl-era"><option value="">All</option></select></label>
</form>
<p id="bl-count" role="status" aria-live="polite"><noscript>The search needs JavaScript; the same rows are in
the reports' data tables.</noscript></p>
<ol id="bl-results"></ol>
<script>var BL_CHUNKS = {{ chunks | safe }}, BL_PARTS = {{ parts | safe }}, BL_CHOICES = {{ choices | safe }};
{{ js | safe }}</script>
</body></html>
""")


def _script_json(value) -> str:
    """``value`` as JSON to put inside a ``<script>`` element (no ``<`` to end it)."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def write_search_page(out_dir: str | Path, study: str, rows: pd.DataFrame, corpus: pd.DataFrame,
                      max_bytes: int = CHUNK_BYTES) -> Path:
    """Write ``<out_dir>/search.html`` and the scripts of its rows, ``assets/search-<hash>.js``
    (:func:`search_chunks` of ``rows`` and ``corpus``, parts of about ``max_bytes``),
    atomically; older search scripts are removed. Returns the page's path."""
    from .report import ASSETS
    out = Path(out_dir)
    names = []
    chunks = search_chunks(rows, corpus, max_bytes)
    for data in chunks:
        name, body = search_script(data)
        write_text_atomic(out / ASSETS / name, body)
        names.append(name)
    for old in (out / ASSETS).glob("search-*.js"):
        if old.name not in names:
            old.unlink()
    counts = rows["kind"].value_counts()
    choices = {"outlets": sorted({str(o) for o in corpus["outlet"].fillna("") if str(o)}),
               "eras": list(dict.fromkeys(str(e) for e in corpus["era_label"].fillna("") if str(e)))}
    page = SEARCH_TEMPLATE.render(study=study, chunks=_script_json(names), choices=_script_json(choices),
                                  parts=_script_json(search_parts(chunks)),
                                  js=_SEARCH_JS, n_articles=f"{len(corpus):,}",
                                  counts={k: f"{int(counts.get(k, 0)):,}" for k in ("quote", "figure", "frame")})
    return write_text_atomic(out / SEARCH_PAGE, page)


#: In ``articles/``: the key of the inputs the pages were written from.
STAMP = ".inputs"


def write_navigation(out_dir: str | Path, study: str, tables, key: str = "") -> dict[str, object]:
    """Write a study's article pages and search page (see the module notes) into
    ``out_dir`` from its :class:`~borderlines.study.StudyTables` ``tables`` (``articles``,
    ``sentences``, ``quotes``, ``figures``, ``frame_matches``). Returns
    ``{"search": path, "articles": [paths]}``. ``key`` (e.g. of the build's inputs) is
    recorded in ``articles/.inputs``; see :func:`navigation_current`."""
    out = Path(out_dir)
    corpus = tables.articles      # the clean text and metadata; the raw text is not shown
    pages = write_article_pages(out, corpus, tables.sentences)
    rows = search_rows(tables.quotes, tables.figures, tables.frame_matches, tables.sentences)
    search = write_search_page(out, study, rows, corpus)
    write_text_atomic(out / ARTICLES / STAMP, key)
    return {"search": search, "articles": pages}


def navigation_current(out_dir: str | Path, key: str) -> bool:
    """Whether ``out_dir`` holds navigation pages written from inputs ``key``."""
    out = Path(out_dir)
    try:
        stamp = (out / ARTICLES / STAMP).read_text(encoding="utf-8")
    except OSError:
        return False
    return bool(key) and stamp == key and (out / SEARCH_PAGE).exists()

"""The index pages that link the reports: one per study and one over all studies.

Everything that comes from a corpus or a file name is HTML-escaped (Jinja autoescape).
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2

from .files import write_text_atomic
from .paths import project_root

_ENV = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)

_STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, Segoe UI, sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; } th, td { padding: 4px 10px; border-bottom: 1px solid #e5e5e5; text-align: left; vertical-align: top; }
.built { color: #1a7f37; } .reused { color: #555; } .failed { color: #b42318; font-weight: bold; }
code, .mono { font-family: ui-monospace, monospace; font-size: 13px; }
details { background: #f7f7f7; padding: .5em 1em; border-radius: 4px; }
"""

STUDY_TEMPLATE = _ENV.from_string("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Borderlines · {{ m.study }}</title>
<style>{{ style }}</style></head>
<body>
<p><a href="../index.html">&larr; All studies</a></p>
<h1>Borderlines · study <em>{{ m.study }}</em></h1>
<p>News coverage of US–Mexico cooperation on migration, compared across administrations.
Last build {{ m.built_at }} from <code>{{ m.study_file }}</code> in {{ m.seconds }} s{% if m.only %}
(only {{ m.only|join(', ') }}; the other notebooks' reports are from the builds in their <em>Built</em> column){% endif %}.</p>
{% if m.description %}<p class="description">{{ m.description }}</p>{% endif %}
{% if corpus %}
<h2>Corpus</h2>
<p>{{ corpus.n_articles }} articles from {{ corpus.n_outlets }} named outlets, {{ corpus.first }} to {{ corpus.last }}{% if m.corpus %}
(corpus: <code>{{ m.corpus }}</code>){% endif %}.</p>
{% if corpus.warnings %}<ul class="warnings">{% for w in corpus.warnings %}<li>{{ w }}</li>{% endfor %}</ul>{% endif %}
<table class="corpus"><tr><th>Era</th><th>Articles</th><th>Outlets</th></tr>
{% for e in corpus.eras %}<tr><td>{{ e.label }}</td><td>{{ e.n }}</td><td>{{ e.outlets }}</td></tr>
{% endfor %}</table>
{% elif corpus_error %}<p class="failed">The corpus could not be summarised: {{ corpus_error }}</p>{% endif %}
<h2>Reports</h2>
<p>The statistics they use are defined in the <a href="glossary.html">glossary</a>.{% if search %}
<a href="{{ search }}" class="bl-search">Search the quotes, figures and frame hits</a> of every article, each
linked to its sentence in the article's text.{% endif %}{% if workbook %}
Every data table, in one workbook: <a href="{{ workbook }}">all_tables.xlsx</a>.{% endif %}</p>
<table class="reports"><tr><th>Notebook</th><th>Status</th><th>Report</th><th>With code</th><th>Executed notebook</th><th>Data</th><th>Built (UTC)</th><th>Time</th></tr>
{% for r in m.notebooks %}
<tr class="nb-{{ r.status }}" data-notebook="{{ r.stem }}">
<td>{{ r.title }}</td>
<td class="{{ r.status }}">{{ r.status }}{% if r.error %}<br><span class="mono">{{ r.error }}</span>{% endif %}</td>
<td>{% if r.files.report %}<a href="{{ r.files.report }}">report</a>{% endif %}</td>
<td>{% if r.files.full %}<a href="{{ r.files.full }}">notebook</a>{% endif %}</td>
<td>{% if r.files.executed %}<a href="{{ r.files.executed }}">.ipynb</a>{% endif %}</td>
<td>{% for t in r.files.tables or [] %}{% if t.endswith('.csv') %}<a href="{{ t }}">{{ t.split('/')[-1] }}</a> {% endif %}{% endfor %}</td>
<td class="mono">{{ (r.provenance or {}).get('built_at', '') }}{% if r.provenance and r.provenance.git_commit %}<br>{{ r.provenance.git_commit[:10] }}{% endif %}</td>
<td>{{ '%.1f' % r.seconds }} s</td></tr>
{% endfor %}</table>
<details id="reproducibility"><summary><strong>Reproducibility</strong></summary>
<p>Of the last build; each report carries its own block, and each notebook's entry in
<a href="manifest.json">manifest.json</a> its own commit, corpus checksum and parameters.</p>
<table>
<tr><td>corpus checksum (sha256)</td><td class="mono">{{ m.corpus_checksum }}</td></tr>
<tr><td>git commit</td><td class="mono">{{ m.git_commit }} (tree dirty: {{ m.git_dirty }})</td></tr>
<tr><td>python</td><td class="mono">{{ m.python }}</td></tr>
<tr><td>parameters</td><td class="mono">{{ params }}</td></tr>
{% for k, v in m.packages.items() %}<tr><td>{{ k }}</td><td class="mono">{{ v }}</td></tr>{% endfor %}
</table><p>The same, machine-readable: <a href="manifest.json">manifest.json</a>.</p></details>
</body></html>
""")

TOP_TEMPLATE = _ENV.from_string("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Borderlines reports</title>
<style>{{ style }}</style></head>
<body>
<h1>Borderlines reports</h1>
<p>Each study is one set of parameters (corpus, eras, lexicons) and its reports.</p>
{% for s in studies %}
<h2><a href="{{ s.dir }}/index.html">{{ s.m.study }}</a></h2>
<p>Built {{ s.m.built_at }}; corpus checksum <span class="mono">{{ s.m.corpus_checksum[:12] }}</span>.
{% if s.corpus %}{{ s.corpus.n_articles }} articles ({% for e in s.corpus.eras %}{{ e.label }}: {{ e.n }}{% if not loop.last %}, {% endif %}{% endfor %}).{% endif %}</p>
<ul>
{% for r in s.m.notebooks %}<li class="nb-{{ r.status }}">{% if r.files.report %}<a href="{{ s.dir }}/{{ r.files.report }}">{{ r.title }}</a>{% else %}{{ r.title }}{% endif %}
 <span class="{{ r.status }}">({{ r.status }}{% if r.error %}: {{ r.error }}{% endif %})</span>
 {% if r.files.full %}· <a href="{{ s.dir }}/{{ r.files.full }}">with code</a>{% endif %}</li>
{% endfor %}</ul>
{% else %}<p>No reports yet: run <code>make reports</code>.</p>{% endfor %}
</body></html>
""")


def corpus_overview(study) -> dict | None:
    """Articles per era and outlets of a study's corpus, for the index pages."""
    from .parameters import resolve_paths
    from .corpus import count_outlets, load_corpus
    from .eras import era_labels, load_eras

    import warnings
    p = resolve_paths(study.parameters)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        eras = load_eras(p.get("eras_path"))
        corpus = load_corpus(p.get("corpus_path"), eras=eras, rules=p.get("cleaning_rules_path"))
    labels = era_labels(eras)
    rows = []
    parts = dict(list(corpus.groupby("era", sort=False)))
    for key in list(eras["era"]) + [k for k in parts if k not in set(eras["era"])]:
        part = parts.get(key, corpus.iloc[:0])
        rows.append({"key": key, "label": labels.get(key, key), "n": len(part),
                     "outlets": ", ".join(sorted(o or "(unknown)" for o in part["outlet"].unique()))})
    warnings_ = [f"{r['label']} has no articles: it cannot be compared." for r in rows if r["n"] == 0]
    warnings_ += [f"{r['label']} has a single article: it has no interval, and shows that article, not the era."
                  for r in rows if r["n"] == 1 and r["key"] in set(eras["era"])]
    return {"n_articles": len(corpus), "n_outlets": count_outlets(corpus), "warnings": warnings_,
            "first": corpus["date"].min().date() if len(corpus) else "", "last": corpus["date"].max().date() if len(corpus) else "",
            "eras": rows}


GLOSSARY_TEMPLATE = _ENV.from_string("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Borderlines · glossary of the statistics</title>
<style>{{ style }} body { max-width: 760px; } p { line-height: 1.5; }</style></head>
<body><p><a href="index.html">&larr; This study's reports</a></p>
{{ body | safe }}
</body></html>
""")


def glossary_path() -> Path:
    """``docs/glossary.md``: the one definition of every statistic the reports use."""
    return project_root() / "docs" / "glossary.md"


def write_glossary(out_dir: Path) -> Path:
    """``<study>/glossary.html`` from :func:`glossary_path`, which every report page links."""
    import mistune
    body = mistune.create_markdown(escape=True)(glossary_path().read_text(encoding="utf-8"))
    return write_text_atomic(out_dir / "glossary.html", GLOSSARY_TEMPLATE.render(body=body, style=_STYLE))


#: The study's tables in one workbook, linked from every report page and the index.
# (beside data/, not in it: an .xlsx carries its write time, and data/ holds only tables
# that are byte-identical when rebuilt)
WORKBOOK = "all_tables.xlsx"
#: Rows of each table in the workbook: a spreadsheet to browse, written in seconds on
#: thousands of articles (the CSV and Parquet files in data/ hold every row).
WORKBOOK_MAX_ROWS = 10_000


def write_study_workbook(out_dir: Path, manifest: dict) -> Path | None:
    """``<study>/all_tables.xlsx``: every data table of the study's reports, a sheet
    each, its first :data:`WORKBOOK_MAX_ROWS` rows (see :func:`borderlines.files.write_workbook`);
    rewritten only when a table is newer."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .files import write_workbook
    names = sorted({Path(t).stem for r in manifest.get("notebooks", [])
                    for t in (r.get("files") or {}).get("tables") or [] if t.endswith(".parquet")})
    files = [out_dir / "data" / f"{n}.parquet" for n in names if (out_dir / "data" / f"{n}.parquet").exists()]
    target = out_dir / WORKBOOK
    if not files:
        return None
    if target.exists() and target.stat().st_mtime_ns >= max(f.stat().st_mtime_ns for f in files):
        return target
    heads, totals = {}, {}
    for f in files:   # only the rows the sheet keeps are read
        source, batches, n = pq.ParquetFile(f), [], 0
        for batch in source.iter_batches(batch_size=WORKBOOK_MAX_ROWS):
            batches.append(batch)
            n += len(batch)
            if n >= WORKBOOK_MAX_ROWS:
                break
        heads[f.stem] = pa.Table.from_batches(batches, schema=source.schema_arrow).slice(0, WORKBOOK_MAX_ROWS) \
            .to_pandas()
        totals[f.stem] = source.metadata.num_rows
    return write_workbook(heads, target, max_rows=WORKBOOK_MAX_ROWS, total_rows=totals)


def write_study_index(study, manifest: dict) -> Path:
    """``reports/<study>/index.html`` from the build manifest; also saves the corpus
    overview into ``corpus_overview.json`` for the top index."""
    corpus, error = None, ""
    saved = study.out_dir / "corpus_overview.json"
    # the overview of the same corpus, eras, rules and code is the saved one: a no-op
    # build of a large corpus need not load it again
    key = manifest.get("inputs_key") or ""     # borderlines.build.inputs_key
    try:
        previous = json.loads(saved.read_text())
    except (OSError, ValueError):
        previous = None
    if key and isinstance(previous, dict) and previous.get("key") == key:
        corpus = previous
    else:
        try:
            corpus = {**corpus_overview(study), "key": key}
        except Exception as exc:  # the index must still be written
            error = str(exc)
        write_text_atomic(saved, json.dumps(corpus, default=str, indent=2))
    from .parameters import shown_parameters
    write_glossary(study.out_dir)
    workbook = write_study_workbook(study.out_dir, manifest)
    from .navigation import SEARCH_PAGE
    search = SEARCH_PAGE if (study.out_dir / SEARCH_PAGE).exists() else ""
    page = STUDY_TEMPLATE.render(m=manifest, workbook=WORKBOOK if workbook else "", corpus=corpus, corpus_error=error,
                                 style=_STYLE, search=search,
                                 params=json.dumps(shown_parameters(manifest["parameters"]), sort_keys=True, default=str))
    return write_text_atomic(study.out_dir / "index.html", page)


def write_top_index(reports: Path) -> Path:
    """``reports/index.html``: every study found under ``reports/`` with its reports."""
    studies = []
    for mpath in sorted(reports.glob("*/manifest.json")):
        try:
            m = json.loads(mpath.read_text())
            corpus = json.loads((mpath.parent / "corpus_overview.json").read_text())
        except (OSError, ValueError):
            continue
        studies.append({"dir": mpath.parent.name, "m": m, "corpus": corpus})
    return write_text_atomic(reports / "index.html", TOP_TEMPLATE.render(studies=studies, style=_STYLE))

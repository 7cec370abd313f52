"""Turn executed notebooks into HTML reports, and write the data tables beside them.

Two flavours per notebook: the clean report (prose, tables and charts, no code) for
readers, and the full notebook (with code) for teaching. Both come from nbconvert's
lab template, extended (``templates/borderlines``) so that nothing is fetched from the
network. Each page ends with a reproducibility block.

Shared scripts
    The notebook's setup cell puts the Vega libraries (0.9 MB) and the DataTables bundle
    (1 MB, base64) inline in its output, so an executed notebook draws on its own in
    JupyterLab. In a study's pages those two scripts are *shared*: each page refers to
    ``assets/<name>-<content hash>.js`` beside it (a classic ``<script src>``, which
    browsers load from ``file://``; an ES module would be refused there). So a study
    folder holds one copy instead of one per page (pages of a 2,000-article study drop
    from about 4 MB to 2 MB), works offline when copied as a folder, and an old page
    keeps the exact scripts it was built with (the name is the content's hash). For
    e-mail, :func:`standalone_html` (``borderlines standalone PAGE``) puts the scripts
    back inline: one file that draws its charts alone, as pages did before.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import nbformat
import pandas as pd

from .files import write_table, write_text_atomic
from .paths import PACKAGE_DIR, project_root, shown_path

TEMPLATE_DIR = PACKAGE_DIR / "templates"
TEMPLATE_NAME = "borderlines"


def save_tables(output_dir: str | os.PathLike | None, **tables: pd.DataFrame) -> list[Path]:
    """Write each table as ``<output_dir>/<name>.csv`` and ``.parquet`` (atomically,
    byte-identical for identical tables). Does nothing when ``output_dir`` is ``None``
    (interactive use), so running a notebook by hand never overwrites a built report."""
    if output_dir is None:
        return []
    written = []
    for name, table in tables.items():
        written += write_table(table, Path(output_dir) / name)
    return written


#: Tag of a markdown cell that only introduces a check cell (hidden with it from readers).
CHECK_NOTE_TAG = "check-note"


def reader_cells(cells: list) -> list:
    """The cells a clean report shows: all but the test suite's check cells (marked
    ``# NBVAL_CHECK_OUTPUT``) and the notes tagged :data:`CHECK_NOTE_TAG` introducing them."""
    from .nbtools import is_check_cell
    return [c for c in cells if not is_check_cell(c) and CHECK_NOTE_TAG not in c.get("metadata", {}).get("tags", [])]


_EXPORTERS = threading.local()


def html_exporter(with_code: bool):
    """An nbconvert HTMLExporter for the clean report (``with_code=False``: no inputs or
    prompts) or the full notebook (``with_code=True``). One per thread and flavour, so
    the templates compile once per build, not once per page."""
    from nbconvert import HTMLExporter

    cache = _EXPORTERS.__dict__
    if with_code not in cache:
        exporter = HTMLExporter(template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATE_DIR)])
        exporter.exclude_input = not with_code
        exporter.exclude_input_prompt = not with_code
        exporter.exclude_output_prompt = not with_code
        exporter.embed_images = False  # outputs carry their images inline already
        cache[with_code] = exporter
    return cache[with_code]


#: Folder, beside the pages, of the scripts the pages of a study share.
ASSETS = "assets"
_SHARED_TAG = '<script src="{src}" data-borderlines="shared-script"></script>'
# the tag as a page holds it: nbconvert may write its attributes in either order
_SHARED_RE = re.compile(r'<script (?=[^>]*\bdata-borderlines="shared-script")[^>]*?\bsrc="(assets/[A-Za-z0-9_.-]+\.js)"'
                        r'[^>]*></script>')


def shared_scripts() -> dict[str, tuple[str, str]]:
    """``{asset name: (inline <script> element, its body)}`` for the scripts the setup
    cell (:func:`borderlines.notebook.setup`) writes inline: the Vega bundle and the
    offline DataTables loader of itables. Names carry a hash of the body."""
    return dict(_shared_scripts())


@lru_cache(maxsize=1)
def _shared_scripts():
    from itables import options
    from itables.javascript import generate_init_offline_itables_html

    from .charts import vega_bundle_html
    out = {}
    for stem, element in (("vega", vega_bundle_html()),
                          ("itables", generate_init_offline_itables_html(options.dt_bundle))):
        m = re.search(r"<script[^>]*>(.*?)</script>", element, re.S)
        body = m.group(1)
        name = f"{stem}-{hashlib.sha256(body.encode('utf-8')).hexdigest()[:12]}.js"
        out[name] = (m.group(0), body)
    return tuple(out.items())


def with_shared_scripts(nb: nbformat.NotebookNode) -> tuple[nbformat.NotebookNode, list[str]]:
    """``nb`` with each inline shared script (:func:`shared_scripts`) in its HTML outputs
    replaced by a ``<script src="assets/<name>">``, and the asset names it now needs. An
    output that differs from what this package writes is left inline (the page then
    still works, only larger)."""
    scripts = shared_scripts()
    used = set()
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html")
            if not isinstance(html, str):
                continue
            for name, (element, _) in scripts.items():
                if element in html:
                    html = html.replace(element, _SHARED_TAG.format(src=f"{ASSETS}/{name}"))
                    used.add(name)
            output["data"]["text/html"] = html
    return nb, sorted(used)


def write_assets(out_dir: str | os.PathLike, names: list[str]) -> list[Path]:
    """Write the shared scripts ``names`` into ``<out_dir>/assets/`` (atomically; one
    already there is left alone: its name is its content's hash). Returns their paths."""
    scripts = shared_scripts()
    paths = []
    for name in names:
        path = Path(out_dir) / ASSETS / name
        if not path.exists():
            write_text_atomic(path, scripts[name][1])
        paths.append(path)
    return paths


def standalone_html(page: str | os.PathLike) -> str:
    """The report page at ``page`` as one self-contained file: every shared script it
    refers to (``assets/…`` beside it) put back inline. For sending one page by e-mail;
    its links to other pages and to the data tables still point beside it. Raises
    ``FileNotFoundError`` naming a missing asset (copy the study's ``assets/`` folder
    with its pages)."""
    path = Path(page)
    text = path.read_text(encoding="utf-8")

    def inline(m):
        asset = path.parent / m.group(1)
        if not asset.is_file():
            raise FileNotFoundError(f"{shown_path(path)} needs {m.group(1)}, which is not beside it: "
                                    f"copy the study's {ASSETS}/ folder next to the page")
        # a body that closes the script element would end it early; JS reads "<\/" as "</"
        body = asset.read_text(encoding="utf-8").replace("</script", "<\\/script")
        return f'<script type="text/javascript">{body}</script>'
    return _SHARED_RE.sub(inline, text)


def write_standalone(page: str | os.PathLike, out_dir: str | os.PathLike | None = None) -> Path:
    """Write :func:`standalone_html` of ``page`` as ``<name>.standalone.html`` into
    ``out_dir`` (default: beside the page), atomically; returns its path."""
    path = Path(page)
    name = path.name.removesuffix(".html") + ".standalone.html"
    return write_text_atomic(Path(out_dir or path.parent) / name, standalone_html(path))


def notebook_to_html(nb: nbformat.NotebookNode, with_code: bool, title: str,
                     provenance: list[tuple[str, str]] | None = None,
                     other_flavour: dict | None = None, tables: list[str] | None = None,
                     search: str | None = None) -> str:
    """HTML of an executed notebook (see :func:`html_exporter`). ``provenance`` rows go
    into the page's reproducibility block; ``other_flavour`` ({href, label}) links the
    other flavour; ``tables`` (paths of the page's CSV tables, relative to the page) are
    linked for download, with the study's workbook; ``search`` links the study's search
    page (:mod:`borderlines.navigation`)."""
    nb = nbformat.from_dict(nb)
    nb.metadata["title"] = title
    if not with_code:
        nb.cells = reader_cells(nb.cells)
    from .index import WORKBOOK
    resources = {"borderlines": {"provenance": provenance or [], "other_flavour": other_flavour,
                                 "tables": [{"href": t, "name": Path(t).name} for t in tables or []],
                                 "workbook": WORKBOOK if tables else "", "search": search or ""}}
    body, _ = html_exporter(with_code).from_notebook_node(nb, resources=resources)
    return body


def write_reports(nb_path: str | os.PathLike, out_dir: str | os.PathLike, stem: str, title: str,
                  provenance: list[tuple[str, str]] | None = None,
                  suffix: str = "", tables: list[str] | None = None,
                  search: str | None = None) -> dict[str, Path]:
    """Write ``<stem><suffix>.html`` (clean) and ``<stem><suffix>.full.html`` (with code)
    from the executed notebook at ``nb_path``, atomically, each linking its ``tables``
    (CSV paths relative to ``out_dir``) and the ``search`` page, and referring to the shared scripts in
    ``<out_dir>/assets/`` (see the module notes), which are written too. Returns
    ``{"report": path, "full": path, "assets": [paths]}``."""
    nb, used = with_shared_scripts(nbformat.read(nb_path, as_version=4))
    out = Path(out_dir)
    clean, full = f"{stem}{suffix}.html", f"{stem}{suffix}.full.html"
    paths = {
        "report": write_text_atomic(out / clean, notebook_to_html(
            nb, False, title, provenance, {"href": full, "label": "Notebook with code"}, tables, search)),
        "full": write_text_atomic(out / full, notebook_to_html(
            nb, True, f"{title} (with code)", provenance, {"href": clean, "label": "Report without code"},
            tables, search)),
        "assets": write_assets(out, used),
    }
    return paths


#: Characters that end a path inside text, HTML or a notebook's JSON.
_PATH_END = r"""\s'"<>`,;:()\\"""


def path_replacements(paths: dict) -> dict[str, str]:
    """``{machine path: as a report shows it}`` from ``{absolute path: shown instead}``,
    where a shown value of ``None`` means :func:`~borderlines.paths.shown_path`."""
    return {str(k): (shown_path(k) if v is None else str(v)) for k, v in paths.items() if k}


def without_machine_paths(text: str, replacements: dict[str, str]) -> str:
    """``text`` with every machine path in ``replacements`` (see :func:`path_replacements`)
    replaced, then paths in the project made relative to it and any path under the
    temporary folder shortened to its file name: a published page or notebook shows no
    machine's folders. A path matches whole (``/data/a`` not inside ``/data/ab``)."""
    ends = rf"(?=[/{_PATH_END}]|$)"
    for old in sorted(replacements, key=len, reverse=True):
        text = re.sub(re.escape(old) + ends, lambda _m, new=replacements[old]: new, text)
    root = re.escape(str(project_root()))
    text = re.sub(root + "/", "", text)
    text = re.sub(root + ends, ".", text)
    tmp = re.escape(tempfile.gettempdir().rstrip("/"))
    return re.sub(tmp + rf"/(?:[^/{_PATH_END}]+/)*([^/{_PATH_END}]+)", r"\1", text)


def scrub_notebook_file(path: str | os.PathLike, replacements: dict[str, str]) -> None:
    """Rewrite the notebook at ``path`` (sources, outputs and metadata) through
    :func:`without_machine_paths`, atomically."""
    p = Path(path)
    write_text_atomic(p, without_machine_paths(p.read_text(encoding="utf-8"), replacements))

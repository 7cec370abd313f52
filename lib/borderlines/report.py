"""Turn executed notebooks into HTML reports, and write the data tables beside them.

Two flavours per notebook: the clean report (prose, tables and charts, no code) for
readers, and the full notebook (with code) for teaching. Both come from nbconvert's
lab template, extended (``templates/borderlines``) so that nothing is fetched from the
network: the Vega bundle sits in the page once (put there by the notebook's setup cell)
and every chart draws from it. Each page ends with a reproducibility block.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from pathlib import Path

import nbformat
import pandas as pd

from .io import write_table, write_text_atomic
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


def notebook_to_html(nb: nbformat.NotebookNode, with_code: bool, title: str,
                     provenance: list[tuple[str, str]] | None = None,
                     other_flavour: dict | None = None, tables: list[str] | None = None) -> str:
    """HTML of an executed notebook (see :func:`html_exporter`). ``provenance`` rows go
    into the page's reproducibility block; ``other_flavour`` ({href, label}) links the
    other flavour; ``tables`` (paths of the page's CSV tables, relative to the page) are
    linked for download, with the study's workbook."""
    nb = nbformat.from_dict(nb)
    nb.metadata["title"] = title
    if not with_code:
        nb.cells = reader_cells(nb.cells)
    from .index import WORKBOOK
    resources = {"borderlines": {"provenance": provenance or [], "other_flavour": other_flavour,
                                 "tables": [{"href": t, "name": Path(t).name} for t in tables or []],
                                 "workbook": WORKBOOK if tables else ""}}
    body, _ = html_exporter(with_code).from_notebook_node(nb, resources=resources)
    return body


def write_reports(nb_path: str | os.PathLike, out_dir: str | os.PathLike, stem: str, title: str,
                  provenance: list[tuple[str, str]] | None = None,
                  suffix: str = "", tables: list[str] | None = None) -> dict[str, Path]:
    """Write ``<stem><suffix>.html`` (clean) and ``<stem><suffix>.full.html`` (with code)
    from the executed notebook at ``nb_path``, atomically, each linking its ``tables``
    (CSV paths relative to ``out_dir``). Returns their paths."""
    nb = nbformat.read(nb_path, as_version=4)
    out = Path(out_dir)
    clean, full = f"{stem}{suffix}.html", f"{stem}{suffix}.full.html"
    paths = {
        "report": write_text_atomic(out / clean, notebook_to_html(
            nb, False, title, provenance, {"href": full, "label": "Notebook with code"}, tables)),
        "full": write_text_atomic(out / full, notebook_to_html(
            nb, True, f"{title} (with code)", provenance, {"href": clean, "label": "Report without code"},
            tables)),
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

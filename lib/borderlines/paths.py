"""Where the project's files live.

The project root is found from the package location (``lib/borderlines`` inside a
checkout). Set ``BORDERLINES_HOME`` to point the suite at another checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent

#: In a snapshot folder of a study's tables (:mod:`borderlines.study`): the keys of the
#: articles its tables hold, written last (so its presence means the snapshot is whole).
SNAPSHOT_KEYS = "keys.json"


def project_root() -> Path:
    """The folder holding ``data/``, ``notebooks/`` and ``reports/``."""
    env = os.environ.get("BORDERLINES_HOME")
    if env:
        return Path(env).expanduser().resolve()
    return PACKAGE_DIR.parent.parent


def data_dir() -> Path:
    """``data/``: the raw corpus, manifest, eras, cleaning rules, lexicons and actors."""
    return project_root() / "data"


def raw_dir() -> Path:
    """``data/raw/``: the bundled articles, never written to."""
    return data_dir() / "raw"


def default_manifest() -> Path:
    return data_dir() / "manifest.csv"


def default_eras() -> Path:
    return data_dir() / "eras.csv"


def default_cleaning_rules() -> Path:
    return data_dir() / "cleaning_rules.yml"


def default_actors() -> Path:
    return data_dir() / "actors.csv"


def lexicon_dir() -> Path:
    return data_dir() / "lexicons"


def reports_dir() -> Path:
    """``reports/`` (or ``BORDERLINES_REPORTS``): one folder per study."""
    env = os.environ.get("BORDERLINES_REPORTS")
    return Path(env).expanduser().resolve() if env else project_root() / "reports"


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def shown_path(path: str | os.PathLike) -> str:
    """``path`` as a report or message shows it: relative to the project when inside it,
    else the file (or folder) name only, so no machine's folders appear in a report."""
    p = Path(path).expanduser()
    try:
        return p.resolve().relative_to(project_root()).as_posix()
    except ValueError:
        return p.name or str(path)

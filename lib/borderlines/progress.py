"""Progress over long steps.

In JupyterLab a progress bar is a widget; while ``borderlines build`` executes a
notebook (``BORDERLINES_BUILD=1``) nobody watches it and a widget would only add dead
state to the report, so bars are off there.
"""

from __future__ import annotations

import os

#: Set by ``borderlines build`` for the kernels it starts.
BUILD_ENV = "BORDERLINES_BUILD"


def interactive() -> bool:
    """True in a live notebook or script; False while ``borderlines build`` runs it."""
    return os.environ.get(BUILD_ENV) != "1"


def progress_bar(total: int, desc: str, unit: str = "article", enabled: bool = True):
    """A tqdm bar (widget in notebooks, text in a terminal), disabled when ``enabled`` is
    false or during a build."""
    from tqdm.auto import tqdm
    return tqdm(total=total, desc=desc, unit=unit, disable=not (enabled and interactive()))

"""Progress over long steps, and reading a corpus in batches of articles.

In JupyterLab a progress bar is a widget; while ``borderlines build`` executes a
notebook (``BORDERLINES_BUILD=1``) nobody watches it and a widget would only add dead
state to the report, so bars are off there.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pandas as pd

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


def in_batches(corpus: pd.DataFrame, extract: Callable[[pd.DataFrame], dict[str, pd.DataFrame]],
               batch_size: int = 250, progress: bool = False, desc: str = "Articles read",
               combine: dict[str, Callable[[list[pd.DataFrame]], pd.DataFrame]] | None = None
               ) -> dict[str, pd.DataFrame]:
    """Run ``extract`` (a batch of the corpus table → named tables) on ``batch_size``
    articles at a time, with a progress bar over articles, and concatenate each table
    (or join it with ``combine[name]``, e.g. ``terms.concat_tokens`` for token tables).
    Since articles are independent, the result equals ``extract(corpus)``."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1 article, got {batch_size}")
    if not len(corpus):
        return extract(corpus)
    parts: dict[str, list[pd.DataFrame]] = {}
    with progress_bar(len(corpus), desc, enabled=progress) as bar:
        for first in range(0, len(corpus), batch_size):
            batch = corpus.iloc[first:first + batch_size]
            for name, table in extract(batch).items():
                parts.setdefault(name, []).append(table)
            bar.update(len(batch))
    combine = combine or {}
    return {name: combine.get(name, lambda t: pd.concat(t, ignore_index=True))(tables)
            for name, tables in parts.items()}

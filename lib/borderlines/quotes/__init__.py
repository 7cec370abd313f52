"""Quotations and reported speech in the articles, and who said them.

:func:`extract_quotes` returns one row per quote (:data:`QUOTE_COLUMNS`); see
:mod:`borderlines.quotes._core` for the kinds and the attribution rules. The package:

* ``_core``: quotation marks, mentions, attribution, reported speech and the summaries;
* ``names``: speakers found in the text itself (capitalized name spans, titles, "the
  Times"), surname coreference within an article, roles and countries the text states;
* ``terms``: quoted names and scare quotes (kind ``term``), not anyone's voice.
"""

from ._core import *  # noqa: F401,F403  (the public names: extract_quotes, KINDS, ...)
from ._core import _actor_index, _actor_rows  # noqa: F401  (used by borderlines.pipeline)

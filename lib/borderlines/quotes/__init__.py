"""Quotations and reported speech in the articles, and who said them.

Public face: :func:`extract_quotes` (one row per quote, :data:`QUOTE_COLUMNS`) and the
actors table (:func:`load_actors`, :func:`add_actor`). The tables built on the quotes
(per article, era, voice group and speaker) are in :mod:`borderlines.compare.quotes`. Modules:

* ``_core``: quotation marks, mentions (names, titles, described speakers, pronouns),
  within-article coreference, attribution, reported speech and :func:`extract_quotes`;
* ``actors``: the actors table, validated and edited in memory, and its entity ruler (an
  optional enrichment);
* ``roles``: role categories, and the roles and countries the text states.
"""

from ._core import *  # noqa: F401,F403  (extract_quotes, KINDS, QUOTE_COLUMNS, METHOD_CONFIDENCE, ...)
from .actors import (ACTOR_COLUMNS, ACTOR_TYPES, ActorsError, _actor_index, _actor_rows,  # noqa: F401
                     actor_ruler, add_actor, checked_actors, fold_accents, load_actors)
from .roles import ROLES, UNKNOWN_ROLE, country_of, role_and_country  # noqa: F401

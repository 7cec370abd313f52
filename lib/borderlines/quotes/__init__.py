"""Quotations and reported speech in the articles, and who said them.

Public face: :func:`extract_quotes` (one row per quote, :data:`QUOTE_COLUMNS`), the
actors table (:func:`load_actors`, :func:`add_actor`) and the tables built on the quotes
(:func:`quotes_by_speaker`, :func:`speaker_sources`, :func:`top_speakers`, ...). Modules:

* ``_core``: quotation marks, mentions (names, titles, described speakers, pronouns),
  within-article coreference, attribution, reported speech and :func:`extract_quotes`;
* ``actors``: the actors table, validated, and its entity ruler (an optional enrichment);
* ``roles``: role categories, and the roles and countries the text states;
* ``summaries``: tables per speaker, article, era and voice group.
"""

from ._core import *  # noqa: F401,F403  (extract_quotes, KINDS, QUOTE_COLUMNS, METHOD_CONFIDENCE, ...)
from .actors import (ACTOR_COLUMNS, ACTOR_TYPES, ActorsError, _actor_index, _actor_rows,  # noqa: F401
                     actor_ruler, checked_actors, fold_accents, load_actors)
from .roles import ROLES, UNKNOWN_ROLE, country_of, role_and_country  # noqa: F401
from .summaries import *  # noqa: F401,F403  (quotes_by_speaker, speaker_sources, top_speakers, ...)

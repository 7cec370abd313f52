"""Quotations and reported speech in the articles, and who said them.

Public face: :func:`extract_quotes` (one row per quote, :data:`QUOTE_COLUMNS`) and the
actors table (:func:`load_actors`, :func:`add_actor`; :func:`with_actors` applies one to
quotes already extracted). The tables built on the quotes
(per article, era, voice group and speaker) are in :mod:`borderlines.compare.quotes`.
Modules, in the order the rules run:

* ``vocabulary``: kinds, columns, confidences, word lists and verb tables;
* ``marks``: quotation marks paired into quotations; direct, partial or term;
* ``names`` and ``mentions``: who may speak (names, titles, groups, institutions, pronouns);
* ``coreference``: pronouns, titles and surnames resolved to earlier mentions;
* ``attribution``: the speaker of each quotation; ``posts``: embedded posts;
* ``reported``: reported speech with a verb of saying; ``rows``: one output row;
* ``_core``: :func:`extract_quotes`, the driver from a parsed article to rows;
* ``actors``: the actors table, validated and edited in memory, and its entity ruler (an
  optional enrichment);
* ``roles``: role categories, and the roles and countries the text states.
"""

from ._core import extract_quotes  # noqa: F401
from .actors import (ACTOR_COLUMNS, ACTOR_TYPES, ActorsError, _actor_index, _actor_rows,  # noqa: F401
                     actor_fields, actor_ruler, add_actor, checked_actors, fold_accents, load_actors,
                     with_actors)
from .roles import ROLES, UNKNOWN_ROLE, country_of, role_and_country  # noqa: F401
from .vocabulary import FLAG_CONFIDENCE, KINDS, METHOD_CONFIDENCE, QUOTE_COLUMNS  # noqa: F401

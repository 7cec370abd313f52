"""The stable import path of the cited-figures extractor, for scripts outside the
project: ``from borderlines.figures import extract_figures``. The code lives in
:mod:`borderlines.cited_figures` (figures the articles cite, not charts: those are
:mod:`borderlines.charts`)."""

from .cited_figures import *  # noqa: F401,F403
from .cited_figures import __all__  # noqa: F401

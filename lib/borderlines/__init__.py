"""Borderlines: compare news coverage of US–Mexico migration cooperation across eras.

The package is organised along the one-way data flow of the suite::

    data/raw  ->  corpus (clean articles)  ->  extracted tables  ->  charts and reports

Start with :func:`borderlines.corpus.load_corpus`; every extractor takes its result.
"""

__version__ = "0.1.0"

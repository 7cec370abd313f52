"""Borderlines: compare news coverage of US–Mexico migration cooperation across eras.

The package is organised along the one-way data flow of the suite::

    data/raw  ->  corpus (clean articles)  ->  extracted tables  ->  charts and reports

Start with :func:`borderlines.corpus.load_corpus`; every extractor takes its result.
"""

__version__ = "0.1.0"

_LAZY = {"era_difference": "compare", "share_difference": "compare", "mean_difference": "compare"}


def __getattr__(name: str):
    # borderlines.era_difference without importing scipy and pandas on `import borderlines`
    if name in _LAZY:
        import importlib
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

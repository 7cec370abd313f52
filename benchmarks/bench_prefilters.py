"""Do the shortcuts of the cleaning stage still pay? CPU seconds with and without each.

    .venv/bin/python benchmarks/bench_prefilters.py [--articles 2000]

Cleaning (``borderlines.cleaning.clean_text``) has two pre-filters: a rule whose pattern
needs literal strings a text lacks is skipped (``_may_match``), and a ``^``-anchored
rule is tried only at line starts (``_anchor``). Each is switched off in turn and
``clean_text`` timed (best of three) over the scaled corpus's texts
(``scaled_corpus.py``, clean text: the common case of a rule that finds nothing) and
over the bundled raw articles repeated to the same number (page debris to remove). The
results must be the same in every variant. A shortcut is kept only while it saves more
than a tenth of the stage's time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scaled_corpus import scaled_articles  # noqa: E402

from borderlines import cleaning  # noqa: E402
from borderlines.corpus import load_corpus  # noqa: E402

VARIANTS = ("both shortcuts", "no literal pre-filter", "no line-start anchoring", "neither")


def _cpu(pairs: list[tuple[str, str]], rules) -> tuple[float, list]:
    best, out = float("inf"), None
    for _ in range(3):
        t0 = time.process_time()
        out = [cleaning.clean_text(raw, rules, str(i), title) for i, (raw, title) in enumerate(pairs)]
        best = min(best, time.process_time() - t0)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    n = parser.parse_args().articles
    bundled = load_corpus()
    sets = {f"scaled corpus ({n:,} clean texts)": [(a["text"], a["title"]) for a in scaled_articles(n)],
            f"bundled raw texts repeated ({n:,})":
                (list(zip(bundled["raw_text"], bundled["title"])) * (n // len(bundled) + 1))[:n]}
    rules = cleaning.load_rules()
    may_match, anchor = cleaning._may_match, cleaning._anchor
    switched = {"both shortcuts": (may_match, anchor),
                "no literal pre-filter": (lambda *a: True, anchor),
                "no line-start anchoring": (may_match, lambda *a: ""),
                "neither": (lambda *a: True, lambda *a: "")}
    try:
        for name, pairs in sets.items():
            seconds, reference = {}, None
            for variant in VARIANTS:
                cleaning._may_match, cleaning._anchor = switched[variant]
                seconds[variant], out = _cpu(pairs, rules)
                reference = out if reference is None else reference
                if out != reference:
                    raise SystemExit(f"{variant} changes the cleaning of {name}")
            base = seconds["both shortcuts"]
            for variant in VARIANTS:
                print(f"{name}: {variant:24s} {seconds[variant]:6.2f} s CPU "
                      f"({(seconds[variant] / base - 1) * 100:+5.0f} % vs both)")
    finally:
        cleaning._may_match, cleaning._anchor = may_match, anchor


if __name__ == "__main__":
    main()

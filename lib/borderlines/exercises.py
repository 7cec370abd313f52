"""Checks for the exercises notebook: each tells a student whether an answer holds.

Every check recomputes the right answer from the corpus and the helper package (never
a stored number), compares it with the student's, and returns a :class:`Verdict`,
shown as a short message: not answered yet, not yet (with a hint), or correct.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from . import eras as eras_mod
from .cleaning import Rule, clean_text


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check: ``ok`` is True (correct), False (not yet) or None
    (not answered); ``message`` says why, or gives a hint."""

    exercise: str
    ok: bool | None
    message: str

    @property
    def status(self) -> str:
        return {True: "correct", False: "not yet", None: "not answered"}[self.ok]

    def _repr_markdown_(self) -> str:
        icon = {True: "✅", False: "❌", None: "✏️"}[self.ok]
        import html
        return f"{icon} **Exercise {html.escape(self.exercise)}: {self.status}.** {html.escape(self.message)}"

    def __str__(self) -> str:
        return f"Exercise {self.exercise}: {self.status}. {self.message}"


class _FailedAnswer:
    """Stands for an answer whose cell stopped with an error (see :func:`watch_answers`)."""

    def __repr__(self) -> str:
        return "<answer cell failed>"


#: The value :func:`watch_answers` gives an answer whose cell raised an error.
FAILED_ANSWER = _FailedAnswer()
#: Names of answer variables in the exercises notebook (``answer_1_lines``, ``my_eras_2``).
ANSWER_NAME = re.compile(r"^(answer|my)_\w+$")


def _unanswered(exercise: str, *answers) -> Verdict | None:
    if any(a is FAILED_ANSWER for a in answers):
        return Verdict(exercise, None, "The cell with your answer stopped with an error, so there is no "
                                       "answer to judge: fix that cell, run it, then run this check again.")
    if any(a is None for a in answers):
        return Verdict(exercise, None, "Replace the None values in the cell above and run it again.")
    return None


def answers_assigned(source: str) -> list[str]:
    """Answer variable names (:data:`ANSWER_NAME`) that the cell ``source`` assigns."""
    import ast
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a cell that does not parse assigns nothing; find its names as text
        targets = re.findall(r"^\s*([\w\s,()\[\]]+?)\s*=(?!=)", source, re.MULTILINE)
        return sorted({n for t in targets for n in re.findall(r"\w+", t) if ANSWER_NAME.match(n)})
    names = {t.id for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign))
             for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
             for t in ast.walk(target) if isinstance(t, ast.Name)}
    return sorted(n for n in names if ANSWER_NAME.match(n))


def forget_failed_answers(namespace: dict, source: str) -> list[str]:
    """After a cell ``source`` stopped with an error, set every answer it assigns to
    :data:`FAILED_ANSWER` in ``namespace``, so a check judges that, not an older answer.
    Returns the names."""
    names = answers_assigned(source)
    for name in names:
        namespace[name] = FAILED_ANSWER
    return names


def watch_answers(shell=None) -> None:
    """In a notebook: after any cell that raises an error, its answers are marked failed
    (:func:`forget_failed_answers`), so re-running a check never judges a previous answer."""
    if shell is None:
        from IPython import get_ipython
        shell = get_ipython()
    if shell is None:
        return

    def after(result):
        if result.error_before_exec or result.error_in_exec:
            forget_failed_answers(shell.user_ns, result.info.raw_cell if result.info else "")

    for old in [f for f in shell.events.callbacks["post_run_cell"] if getattr(f, "_borderlines_answers", False)]:
        shell.events.unregister("post_run_cell", old)
    after._borderlines_answers = True
    shell.events.register("post_run_cell", after)


def _number(exercise: str, name: str, value, whole: bool = True) -> int | float | Verdict:
    """``value`` as a number, or a Verdict saying what kind of answer is wanted."""
    import numbers
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        kind = "a whole number, like 4" if whole else "a number, like 1.25"
        return Verdict(exercise, False, f"{name} should be {kind}, without quotes or words; "
                                        f"it is {type(value).__name__} {value!r}.")
    if whole and float(value) != int(value):
        return Verdict(exercise, False, f"{name} should be a whole number; it is {value!r}.")
    return int(value) if whole else float(value)


def _yes_no(exercise: str, name: str, value) -> bool | Verdict:
    import numpy as np
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    return Verdict(exercise, False, f"{name} should be True or False (no quotes); it is "
                                    f"{type(value).__name__} {value!r}.")


def _table(exercise: str, name: str, value, columns: tuple[str, ...]) -> Verdict | None:
    if not isinstance(value, pd.DataFrame):
        return Verdict(exercise, False, f"{name} should be a table (a DataFrame); it is {type(value).__name__}.")
    missing = [c for c in columns if c not in value.columns]
    if missing:
        return Verdict(exercise, False, f"{name} lacks the column(s) {', '.join(missing)}: start from the "
                                        "table the exercise names and change it.")
    return None


def check_concordance(n_lines, n_articles, term: str, corpus: pd.DataFrame, kwic_table=None) -> Verdict:
    """Exercise 1: how many concordance lines does ``term`` have, in how many articles?"""
    from .terms import kwic
    if (v := _unanswered("1", n_lines, n_articles)):
        return v
    for name, value in (("answer_1_lines", n_lines), ("answer_1_articles", n_articles)):
        if isinstance(v := _number("1", name, value), Verdict):
            return v
    n_lines, n_articles = int(n_lines), int(n_articles)
    table = kwic(corpus, term) if kwic_table is None else kwic_table
    want = (len(table), table["doc_id"].nunique())
    if (n_lines, n_articles) == want:
        return Verdict("1", True, f"'{term}' occurs {want[0]} times in {want[1]} articles.")
    hint = ("count the rows of the kwic table" if n_lines != want[0]
            else "count the distinct doc_id values")
    return Verdict("1", False, f"Not the numbers kwic gives: {hint}.")


def check_era_boundaries(my_eras, n_moved, new_start: str, corpus: pd.DataFrame,
                         era: str = "biden") -> Verdict:
    """Exercise 2: an eras table whose ``era`` starts on ``new_start`` (the previous era
    ending the day before), and how many articles change era with it."""
    if (v := _unanswered("2", my_eras, n_moved)):
        return v
    if (v := _table("2", "my_eras_2", my_eras, ("era", "start", "end"))):
        return v
    if isinstance(v := _number("2", "answer_2_moved", n_moved), Verdict):
        return v
    try:
        my_eras = my_eras.assign(start=pd.to_datetime(my_eras["start"]), end=pd.to_datetime(my_eras["end"]))
    except (ValueError, TypeError) as exc:
        return Verdict("2", False, f"The start and end columns of my_eras_2 should be dates ({exc}).")
    start = pd.Timestamp(new_start)
    row = my_eras[my_eras["era"] == era]
    if row.empty or pd.Timestamp(row["start"].iloc[0]) != start:
        return Verdict("2", False, f"In your eras table, '{era}' should start on {start.date()}.")
    order = list(my_eras["era"])
    i = order.index(era)
    if i > 0 and pd.Timestamp(my_eras["end"].iloc[i - 1]) != start - pd.Timedelta(days=1):
        return Verdict("2", False, f"'{order[i - 1]}' should end the day before '{era}' starts.")
    moved = int((eras_mod.assign_era(corpus["date"], my_eras) != corpus["era"]).sum())
    if int(n_moved) == moved:
        return Verdict("2", True, f"{moved} article(s) change era with these boundaries.")
    return Verdict("2", False, "Compare assign_era(corpus['date'], my_eras) with corpus['era'].")


def check_new_speaker(my_actors, name: str, corpus: pd.DataFrame, expected_role: str) -> Verdict:
    """Exercise 3: ``name`` added to the actors table so their quotes get the role."""
    from .quotes import extract_quotes
    if (v := _unanswered("3", my_actors)):
        return v
    if (v := _table("3", "my_actors_3", my_actors, ("name", "role"))):
        return v
    quotes = extract_quotes(corpus, actors=my_actors)
    theirs = quotes[quotes["speaker"] == name]
    if theirs.empty:
        return Verdict("3", False, f"No quote is attributed to {name}: check the spelling of the name.")
    roles = set(theirs["role"])
    if roles == {expected_role}:
        return Verdict("3", True, f"{len(theirs)} quote(s) now attributed to {name} as {expected_role}.")
    return Verdict("3", False, f"{name}'s quotes have role(s) {sorted(roles)}; which role fits a "
                               f"spokeswoman for a Mexican government office?")


def check_frame_keyword(my_frames, word: str, corpus: pd.DataFrame, sentences: pd.DataFrame) -> Verdict:
    """Exercise 4: ``word`` added to a frame, so every sentence with it gets that frame."""
    from .frames import sentence_frames
    if (v := _unanswered("4", my_frames)):
        return v
    if (v := _table("4", "my_frames_4", my_frames, ("frame", "entry"))):
        return v
    holders = sorted(set(my_frames.loc[(my_frames["entry"].str.lower() == word.lower()) & (my_frames["match"] != "exclude"), "frame"]))
    if not holders:
        return Verdict("4", False, f"'{word}' is not an entry of any frame in your lexicon yet.")
    framed = sentence_frames(corpus, my_frames, sentences=sentences)
    with_word = sentences[sentences["sentence"].str.contains(rf"\b{re.escape(word)}", case=False, regex=True)]
    keys = set(zip(with_word["doc_id"], with_word["sent_id"]))
    got = framed[framed["frame"].isin(holders)]
    missing = keys - set(zip(got["doc_id"], got["sent_id"]))
    if missing:
        return Verdict("4", False, f"{len(missing)} sentence(s) with '{word}' still lack the frame.")
    return Verdict("4", True, f"All {len(keys)} sentence(s) with '{word}' now carry {', '.join(holders)}.")


def check_era_difference(difference, p_min, clear, num_a, den_a, num_b, den_b, *, scale: float = 1000.0,
                         seed: int = 0) -> Verdict:
    """Exercise 5: the difference between two eras' rates (era B − era A, ``scale *
    Σ num / Σ den`` per era) from :func:`borderlines.era_difference`, the floor of its
    permutation p (``p_min``), and whether the articles show a clear difference (its
    interval exists and excludes zero, and p is below 0.05)."""
    from .compare import era_difference, format_difference
    from .wording import HIGHER, LOWER, NO_INTERVAL, verdict
    if (v := _unanswered("5", difference, p_min, clear)):
        return v
    for name, value in (("answer_5_difference", difference), ("answer_5_p_min", p_min)):
        if isinstance(v := _number("5", name, value, whole=False), Verdict):
            return v
    if isinstance(v := _yes_no("5", "answer_5_clear", clear), Verdict):
        return v
    result = era_difference(num_a, den_a, num_b, den_b, scale=scale, seed=seed)
    if pd.isna(result["estimate"]):
        return Verdict("5", None, "An era has no articles in this corpus: there is no difference to compute.")
    want, got = result["estimate"], float(difference)
    if not abs(got - want) <= 1e-6 * max(1.0, abs(want)):
        swapped = abs(got + want) <= 1e-6 * max(1.0, abs(want))
        hint = ("that is era A − era B: the difference is era B minus era A" if swapped
                else f"pass era A's numerators and denominators first, then era B's, with scale={scale:g}, "
                     "and take result['estimate']")
        return Verdict("5", False, f"Not the difference era_difference gives: {hint}.")
    if not abs(float(p_min) - result["p_min"]) <= 1e-9:
        return Verdict("5", False, "answer_5_p_min is in the result: result['p_min'], the smallest p the "
                                   "permutation test can give with these numbers of articles.")
    kind = verdict(result)
    is_clear = kind in (HIGHER, LOWER)
    text = format_difference(result, digits=2)
    if bool(clear) != is_clear:
        why = {NO_INTERVAL: "there is no interval (an era has fewer than three articles), so these articles "
                            "cannot show a difference",
               HIGHER: "the interval lies above zero and p is below 0.05",
               LOWER: "the interval lies below zero and p is below 0.05"}.get(
            kind, "the interval includes zero, or p is not below 0.05")
        return Verdict("5", False, f"Look again at the interval and p: {why}.")
    if is_clear:
        return Verdict("5", True, f"B − A = {text}: a clear difference between these eras' articles.")
    floor = (f" No permutation test can go below p = {result['p_min']:.2g} with {result['n_a']} and "
             f"{result['n_b']} articles, so more articles, not a different test, are what it takes."
             if result["p_min"] >= 0.05 else "")
    return Verdict("5", True, f"B − A = {text}: not a clear difference.{floor}")


def check_cleaning_rule(my_rule, raw: str, unwanted: str) -> Verdict:
    """Exercise 6: a cleaning rule that cuts the line ``unwanted`` from ``raw`` and
    nothing else."""
    if (v := _unanswered("6", my_rule)):
        return v
    if not isinstance(my_rule, Rule):
        return Verdict("6", False, "Make a cleaning.Rule(name=..., pattern=..., action='remove').")
    text, _, log = clean_text(raw, [my_rule])
    expected = clean_text(raw.replace(unwanted, ""), [])[0]
    if unwanted in text:
        return Verdict("6", False, "The line is still in the clean text: test your pattern with re.search.")
    if text != expected:
        return Verdict("6", False, "Your rule also cut text that should stay: anchor it with ^ and $.")
    return Verdict("6", True, f"Rule '{my_rule.name}' cut {len(log)} match(es), and only the unwanted line.")


def progress(verdicts: list[Verdict]) -> pd.DataFrame:
    """One row per exercise with its status, for the notebook's summary."""
    return pd.DataFrame([{"exercise": v.exercise, "status": v.status, "message": v.message} for v in verdicts])

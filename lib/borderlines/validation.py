"""Validating the extractors against human coders.

The suite's quotes, cited figures and frames are read by rules; how often the rules are
right has to be measured, not assumed. The workflow:

1. :func:`extracted_items` puts every extracted quote, figure and sentence frame in one
   table, each with its sentence, its context and a stable ``item_id``;
2. :func:`sample_items` draws a seeded, stratified random sample (``n_per_stratum``
   items of each era × kind), adding the other items of the same kind in each sampled
   sentence as *companions* (so coders can judge everything found in the sentence and
   count what was missed);
3. :func:`coding_sheet` (and :func:`coding_workbook` for Excel) adds the empty columns
   coders fill in (:data:`CODER_COLUMNS`);
4. :func:`read_coded_sheets` reads the filled sheets back (any number of files and
   coders), refusing malformed ones with the file, row and column of each problem;
5. :func:`precision_by_kind`, :func:`recall_by_kind` and :func:`coder_agreement` report
   the extractor's precision and recall with intervals, and Krippendorff's α between
   coders.

Precision is estimated from the sampled items only (a simple random sample within each
stratum); companions serve recall. Recall counts, in the sampled sentences, the items
coders judged correct against those they say the extractor missed: sentences where the
extractor found nothing are never sampled, so it is recall *within sentences with at
least one extraction*, an upper bound on recall over the whole text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from .files import InputProblem, read_sheet
from .problems import Problem

#: What is validated, with the question a coder answers about each item (``correct``)
#: and about its detail (``detail_correct``; '' when the kind has none).
KINDS = {
    "quote": ("Is the marked text the words of someone the article quotes or paraphrases "
              "(a quote of the kind stated)?",
              "Is the speaker right (the person or body whose words they are)?"),
    "figure": ("Is the marked text a quantity the article cites?",
               "Are the value, unit, measure and period right?"),
    "frame": ("Does the sentence present the issue in terms of this frame "
              "(see the frames codebook, data/lexicons/README.md)?",
              ""),
}

#: Columns of :func:`extracted_items` (one row per extracted item).
ITEM_COLUMNS = {
    "item_id": "stable id: kind:doc_id:start-end (frames add :frame)",
    "kind": "quote | figure | frame (see KINDS)",
    "doc_id": "article id",
    "era": "era key",
    "sent_id": "sentence number (in the article) where the item starts",
    "start": "offset of the item in the clean text (characters); for a frame, of its sentence",
    "end": "end offset (exclusive)",
    "item": "the extracted text as written (quote, figure, or the frame's trigger words)",
    "extracted": "what the extractor says about it (speaker, value and measure, frame)",
    "sentence": "the sentence(s) holding the item",
    "context": "the sentence before, the item's sentence(s) with the item marked [[ ]], the sentence after",
    "in_sentence": "every item of this kind extracted from the same sentence(s), '; '-separated "
                   "(for frames: the frames the sentence was given)",
}

#: Columns :func:`sample_items` adds to :data:`ITEM_COLUMNS`.
SAMPLE_COLUMNS = {
    "sampled": "True: drawn at random (counts for precision); False: a companion in a sampled sentence",
    "n_in_stratum": "items of this era and kind in the corpus (the stratum sampled from)",
    "question": "what `correct` answers for this kind",
    "detail_question": "what `detail_correct` answers ('' when the kind has no detail)",
}

#: The columns coders fill in.
CODER_COLUMNS = {
    "correct": "yes | no: the answer to `question`; empty: not coded",
    "detail_correct": "yes | no: the answer to `detail_question` (empty when it has none)",
    "missed_items": "how many items of this kind the sentence(s) hold that `in_sentence` lacks "
                    "(0 when none; empty: not checked); write it once per sentence",
    "coder": "the coder's name or initials (the same on every row)",
    "notes": "free text",
}

#: Columns of :func:`read_coded_sheets` (one row per coder and item).
CODED_COLUMNS = {
    "source": "file the row came from",
    "row": "1-based data row in that file",
    "coder": "coder's name or initials",
    "item_id": "item id",
    "kind": "quote | figure | frame",
    "era": "era key",
    "doc_id": "article id",
    "sent_id": "sentence number",
    "sampled": "True when the item was drawn at random (False: a companion)",
    "n_in_stratum": "items of this era and kind in the corpus",
    "correct": "1.0 yes, 0.0 no, NaN not coded",
    "detail_correct": "1.0 yes, 0.0 no, NaN not coded or no detail",
    "missed_items": "count of missed items written on the row; NaN when empty",
}

#: Columns of :func:`precision_by_kind`.
PRECISION_COLUMNS = {
    "kind": "quote | figure | frame",
    "era": "era key, or 'all' (strata weighted by their size)",
    "question": "'correct' (is it an item) or 'detail_correct' (is its detail right)",
    "n_items": "sampled items with a verdict",
    "n_correct": "of them, judged correct (majority of coders)",
    "n_tied": "items whose coders split evenly (left out)",
    "precision": "share judged correct (for 'all': the stratum-weighted share)",
    "ci_low": "lower end of the Wilson interval (for 'all': on the effective sample size)",
    "ci_high": "upper end",
}

#: Columns of :func:`recall_by_kind`.
RECALL_COLUMNS = {
    "kind": "quote | figure | frame",
    "era": "era key or 'all'",
    "n_sentences": "sampled sentences whose misses were recorded",
    "n_found": "items in them judged correct",
    "n_missed": "items coders say the extractor missed in them",
    "recall": "n_found / (n_found + n_missed), within sentences with an extraction",
    "ci_low": "lower end of the Wilson interval",
    "ci_high": "upper end",
}

#: Columns of :func:`coder_agreement`.
AGREEMENT_COLUMNS = {
    "kind": "quote | figure | frame, or 'all'",
    "question": "correct | detail_correct | missed_items",
    "level": "Krippendorff's level of measurement (nominal, or ratio for counts)",
    "n_coders": "coders with a judgement on an item of this kind",
    "n_items": "items judged by at least two coders",
    "alpha": "Krippendorff's α (1 perfect, 0 chance; NaN when undefined)",
    "note": "'' or why α is undefined",
}

_YES = {"yes", "y", "true", "1", "correct", "si", "sí"}
_NO = {"no", "n", "false", "0", "wrong", "incorrect"}
_MARK = ("[[", "]]")


class CodingSheetError(InputProblem):
    """Coded sheets with problems; ``problems`` lists every one (file, row, column)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.problem = problems[0]
        Exception.__init__(self, "\n".join(
            [f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the coded sheets:"]
            + [f"  - {p}" for p in problems]))


# --------------------------------------------------------------------------- items


def _sentence_spans(sentences: pd.DataFrame) -> dict[object, tuple[np.ndarray, np.ndarray]]:
    return {d: (g["start"].to_numpy(np.int64), g["end"].to_numpy(np.int64))
            for d, g in sentences.sort_values(["doc_id", "start"]).groupby("doc_id", sort=False)}


def _contexts(items: pd.DataFrame, corpus: pd.DataFrame, sentences: pd.DataFrame) -> tuple[list, list]:
    """The item's sentence(s), and its context (one sentence either side, item marked)."""
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    spans = _sentence_spans(sentences)
    holding, context = [], []
    for doc_id, start, end in zip(items["doc_id"], items["start"], items["end"]):
        text = texts[doc_id]
        starts, ends = spans.get(doc_id, (np.array([0]), np.array([len(text)])))
        first = max(int(np.searchsorted(starts, start, side="right")) - 1, 0)
        last = max(int(np.searchsorted(starts, max(end - 1, start), side="right")) - 1, first)
        lo, hi = int(starts[first]), int(ends[last])
        c_lo, c_hi = int(starts[max(first - 1, 0)]), int(ends[min(last + 1, len(ends) - 1)])
        holding.append(" ".join(text[lo:hi].split()))
        context.append(" ".join((text[c_lo:start] + _MARK[0] + text[start:end] + _MARK[1]
                                 + text[end:c_hi]).split()))
    return holding, context


def _quote_items(quotes: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "kind": "quote", "doc_id": quotes["doc_id"], "sent_id": quotes["sent_id"],
        "start": quotes["start"], "end": quotes["end"], "item": quotes["quote"],
        "extracted": [f"{k} quote; speaker: {s or 'none found'}"
                      for k, s in zip(quotes["kind"], quotes["speaker"])]})


def _figure_items(figures: pd.DataFrame) -> pd.DataFrame:
    def described(r) -> str:
        value = f"{r.value:g}" + (f"–{r.range_high:g}" if pd.notna(r.range_high) else "")
        return (f"{r.qualifier} {value} {r.unit}; measure: {r.measure or 'not said'}; "
                f"period: {r.period or 'not placed'}")
    return pd.DataFrame({
        "kind": "figure", "doc_id": figures["doc_id"], "sent_id": figures["sent_id"],
        "start": figures["start"], "end": figures["end"], "item": figures["surface"],
        "extracted": [described(r) for r in figures.itertuples()]})


def _frame_items(sentence_frames: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "kind": "frame", "doc_id": sentence_frames["doc_id"], "sent_id": sentence_frames["sent_id"],
        "start": sentence_frames["start"], "end": sentence_frames["end"],
        "item": sentence_frames["triggers"],
        "extracted": [f"frame: {label} (triggered by: {t})"
                      for label, t in zip(sentence_frames["label"], sentence_frames["triggers"])],
        "_frame": sentence_frames["frame"], "_listed": sentence_frames["label"]})


def extracted_items(corpus: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame | None = None,
                    figures: pd.DataFrame | None = None,
                    sentence_frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every extracted item to validate, one row each; columns :data:`ITEM_COLUMNS`.

    ``corpus``: :func:`~borderlines.corpus.load_corpus` (``doc_id``, ``era``, ``text``);
    ``sentences``: its :func:`~borderlines.nlp.sentence_table`; ``quotes``:
    :func:`~borderlines.quotes.extract_quotes`; ``figures``:
    :func:`~borderlines.cited_figures.extract_figures`; ``sentence_frames``:
    :func:`~borderlines.frames.sentence_frames` (a frame item is a sentence and a frame
    it was given). Kinds passed as ``None`` are left out."""
    parts = [make(table) for make, table in ((_quote_items, quotes), (_figure_items, figures),
                                             (_frame_items, sentence_frames)) if table is not None and len(table)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ITEM_COLUMNS})
    items = pd.concat(parts, ignore_index=True)
    frame = items["_frame"] if "_frame" in items else pd.Series("", index=items.index)
    items["item_id"] = [f"{k}:{d}:{s}-{e}" + (f":{f}" if k == "frame" else "")
                        for k, d, s, e, f in zip(items["kind"], items["doc_id"], items["start"], items["end"],
                                                 frame.fillna(""))]
    items["era"] = items["doc_id"].map(dict(zip(corpus["doc_id"], corpus["era"])))
    items["sentence"], items["context"] = _contexts(items, corpus, sentences)
    listed = items["_listed"].fillna(items["item"]) if "_listed" in items else items["item"]
    items["in_sentence"] = _joined_per_group(listed, [items["kind"], items["doc_id"], items["sentence"]])
    items = items.astype({"sent_id": np.int64, "start": np.int64, "end": np.int64})
    return items[list(ITEM_COLUMNS)].reset_index(drop=True)


def _joined_per_group(values: pd.Series, keys: list[pd.Series]) -> pd.Series:
    """For each row, the values of its group (rows with equal ``keys``), whitespace
    collapsed, joined by ``"; "`` in row order; missing where a key is missing. One
    join per group (a ``transform`` with a Python function builds a Series per group)."""
    text = pd.Series([" ".join(str(x).split()) for x in values], index=values.index, dtype=object)
    group = text.groupby(keys, sort=False).ngroup()      # missing (or -1) where a key is missing
    keep = (group.notna() & (group >= 0)).to_numpy()
    codes = group[keep].astype(np.int64).to_numpy()
    out = np.full(len(text), np.nan, dtype=object)
    if len(codes):
        joined = text[keep].groupby(codes).agg("; ".join)
        out[keep] = joined.reindex(range(int(codes.max()) + 1)).to_numpy()[codes]
    return pd.Series(out, index=values.index, dtype="str")


def corpus_items(corpus: pd.DataFrame, actors: pd.DataFrame | None = None, frames: pd.DataFrame | None = None,
                 kinds: Sequence[str] = tuple(KINDS)) -> pd.DataFrame:
    """:func:`extracted_items` of ``corpus``, running the extractors of ``kinds``
    (quotes with ``actors``, frames with the lexicon ``frames``; defaults when ``None``)
    on one sentence table."""
    from .cited_figures import extract_figures
    from .frames import load_frames, sentence_frames
    from .nlp import sentence_table
    from .quotes import extract_quotes

    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown kind(s) {unknown}: choose from {list(KINDS)}")
    sentences = sentence_table(corpus)
    return extracted_items(
        corpus, sentences,
        quotes=extract_quotes(corpus, actors, sentences=sentences) if "quote" in kinds else None,
        figures=extract_figures(corpus, sentences) if "figure" in kinds else None,
        sentence_frames=(sentence_frames(corpus, load_frames() if frames is None else frames, sentences=sentences)
                         if "frame" in kinds else None))


def study_items(tables, kinds: Sequence[str] = tuple(KINDS)) -> pd.DataFrame:
    """:func:`extracted_items` of a study's tables (:class:`borderlines.study.StudyTables`,
    extracted once), the kinds in ``kinds`` only: nothing is parsed again."""
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown kind(s) {unknown}: choose from {list(KINDS)}")
    return extracted_items(tables.corpus, tables.sentences,
                           quotes=tables.quotes if "quote" in kinds else None,
                           figures=tables.figures if "figure" in kinds else None,
                           sentence_frames=tables.frames if "frame" in kinds else None)


def sample_items(items: pd.DataFrame, n_per_stratum: int = 10, seed: int = 0,
                 kinds: Sequence[str] | None = None, eras: Sequence[str] | None = None) -> pd.DataFrame:
    """A stratified random sample of ``items`` (:func:`extracted_items`): at most
    ``n_per_stratum`` items of each era and kind, drawn without replacement with a
    generator seeded by ``seed`` (the same inputs give the same sample), plus every
    other item of the same kind in each sampled sentence as a companion
    (``sampled=False``). Columns :data:`ITEM_COLUMNS` + :data:`SAMPLE_COLUMNS`, in a
    random order within each kind (so coders do not read one article at a stretch), the
    companions next to their sentence's sampled item."""
    if n_per_stratum < 1:
        raise ValueError(f"n_per_stratum must be at least 1, got {n_per_stratum}")
    if kinds is not None and set(kinds) - set(KINDS):
        raise ValueError(f"unknown kind(s) {sorted(set(kinds) - set(KINDS))}: choose from {list(KINDS)}")
    pool = items
    for column, keep in (("kind", kinds), ("era", eras)):
        if keep is not None:
            pool = pool[pool[column].isin(list(keep))]
    rng = np.random.default_rng(seed)
    sizes = pool.groupby(["kind", "era"], sort=True).size()
    drawn = []
    # Strata in sorted order and items by id: the draw does not depend on row order.
    for (kind, era), n in sizes.items():
        stratum = pool[(pool["kind"] == kind) & (pool["era"] == era)].sort_values("item_id")
        take = rng.choice(n, size=min(n_per_stratum, n), replace=False)
        drawn.append(stratum.iloc[np.sort(take)].assign(_rank=rng.random(len(take))))
    columns = list(ITEM_COLUMNS) + list(SAMPLE_COLUMNS)
    if not drawn:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    sample = pd.concat(drawn).assign(sampled=True)
    keys = ["kind", "doc_id", "sentence"]
    rank = sample.groupby(keys, sort=False)["_rank"].min()
    companions = pool.merge(rank.reset_index(), on=keys)
    companions = companions[~companions["item_id"].isin(sample["item_id"])].assign(sampled=False)
    out = pd.concat([sample, companions], ignore_index=True)
    out["_rank"] = out.set_index(keys).index.map(rank).to_numpy()
    out["n_in_stratum"] = out.set_index(["kind", "era"]).index.map(sizes).astype(np.int64)
    out["question"] = out["kind"].map({k: q[0] for k, q in KINDS.items()})
    out["detail_question"] = out["kind"].map({k: q[1] for k, q in KINDS.items()})
    kind_order = {k: i for i, k in enumerate(KINDS)}
    out = out.assign(_k=out["kind"].map(kind_order), _s=~out["sampled"])
    out = out.sort_values(["_k", "_rank", "_s", "start", "item_id"], kind="stable")
    return out[columns].reset_index(drop=True)


def coding_sheet(sample: pd.DataFrame, coder: str = "") -> pd.DataFrame:
    """The coding sheet of a :func:`sample_items` table: what a coder needs to judge each
    item first, then the empty :data:`CODER_COLUMNS` (``coder`` filled in when given),
    then the bookkeeping columns."""
    front = ["item_id", "kind", "context", "item", "extracted", "question", "detail_question", "in_sentence"]
    back = [c for c in list(ITEM_COLUMNS) + list(SAMPLE_COLUMNS) if c not in front]
    sheet = sample[front].copy()
    for column in CODER_COLUMNS:
        sheet[column] = coder if column == "coder" else ""
    for column in back:
        sheet[column] = sample[column].to_numpy()
    return sheet


def coding_instructions(n_per_stratum: int | None = None, seed: int | None = None) -> list[str]:
    """The coder's instructions, one paragraph per item (the XLSX's first sheet)."""
    drawn = (f" ({n_per_stratum} per era and kind, seed {seed})" if n_per_stratum is not None else "")
    return [
        "Borderlines coding sheet: checking what the extractor found",
        f"Each row of the sheet 'items' is an item the software extracted from an article{drawn}. "
        "Read the context (the item is marked [[ like this ]]) and answer the questions; do not look "
        "at another coder's sheet.",
        "correct: yes or no, the answer to the row's 'question'. Leave it empty only if you cannot tell "
        "(the row then does not count).",
        "detail_correct: yes or no, the answer to 'detail_question' (quotes: is the speaker right; "
        "figures: are the value, unit, measure and period right). Leave it empty when there is no "
        "detail question, or when 'correct' is no.",
        "missed_items: how many items of the row's kind the sentence holds that the column "
        "'in_sentence' does not list (quotes the software missed, figures it missed, frames the "
        "sentence carries that it was not given). Write 0 when there are none. Rows of the same "
        "sentence share the count: write it on the first of them.",
        "coder: your name or initials, the same on every row. notes: anything worth saying.",
        "Rows with sampled = False are companions: other items of the same sentence. Judge them too; "
        "they count for recall, not for precision.",
        "Do not change item_id or the other columns: they link your judgements to the items. Save "
        "as .xlsx or as .csv (UTF-8), then run: borderlines agreement your_sheet.xlsx [other coders' sheets]",
    ]


def coding_workbook(sheet: pd.DataFrame, instructions: Sequence[str] | None = None):
    """An ``openpyxl.Workbook`` of a :func:`coding_sheet`: an 'instructions' sheet and an
    'items' sheet (header frozen, text wrapped, yes/no lists on the judgement columns)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    notes = book.active
    notes.title = "instructions"
    for i, line in enumerate(instructions or coding_instructions(), start=1):
        cell = notes.cell(row=i, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if i == 1:
            cell.font = Font(bold=True, size=13)
    notes.column_dimensions["A"].width = 110
    items = book.create_sheet("items")
    columns = list(sheet.columns)
    items.append(columns)
    for row in sheet.itertuples(index=False):
        items.append([None if (isinstance(v, float) and np.isnan(v)) else
                      (v.item() if isinstance(v, np.generic) else v) for v in row])
    widths = {"context": 70, "item": 30, "extracted": 35, "question": 30, "detail_question": 25,
              "in_sentence": 30, "notes": 30, "sentence": 50}
    judged = PatternFill("solid", fgColor="FFF6D5")
    for j, name in enumerate(columns, start=1):
        letter = items.cell(row=1, column=j).column_letter
        items.column_dimensions[letter].width = widths.get(name, 14)
        items.cell(row=1, column=j).font = Font(bold=True)
        for r in range(2, len(sheet) + 2):
            cell = items.cell(row=r, column=j)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if name in CODER_COLUMNS:
                cell.fill = judged
        if name in ("correct", "detail_correct") and len(sheet):
            rule = DataValidation(type="list", formula1='"yes,no"', allow_blank=True)
            rule.add(f"{letter}2:{letter}{len(sheet) + 1}")
            items.add_data_validation(rule)
    items.freeze_panes = "C2"
    return book


def save_coding_sheet(sheet: pd.DataFrame, path_stem: str | Path,
                      instructions: Sequence[str] | None = None) -> list[Path]:
    """Write a :func:`coding_sheet` as ``<path_stem>.csv`` and ``<path_stem>.xlsx``
    (with its instructions sheet), atomically; returns the two paths."""
    from .files import write_table, write_workbook_atomic
    stem = Path(path_stem)
    stem = stem.with_suffix("") if stem.suffix.lower() in (".csv", ".xlsx") else stem
    written = write_table(sheet, stem, formats=("csv",))
    written.append(write_workbook_atomic(stem.with_name(stem.name + ".xlsx"),
                                         coding_workbook(sheet, instructions)))
    return written


# --------------------------------------------------------------------------- reading codes


def _judgement(value: str) -> float | None:
    v = value.strip().lower()
    if not v:
        return np.nan
    return 1.0 if v in _YES else 0.0 if v in _NO else None


def coded_judgements(table: pd.DataFrame, source: str) -> tuple[pd.DataFrame, list[Problem]]:
    """One coded sheet (every cell text, as :func:`borderlines.files.read_sheet` gives it)
    as rows of :data:`CODED_COLUMNS`, and the problems found (file, row, column, fix)."""
    problems: list[Problem] = []
    required = ["item_id", "kind", "era", "doc_id", "sent_id", "sampled", "n_in_stratum",
                "correct", "coder"]
    missing = [c for c in required if c not in table.columns]
    if missing:
        return pd.DataFrame(columns=list(CODED_COLUMNS)), [Problem(
            file=source, field=", ".join(missing),
            message=f"lacks the column(s) {', '.join(missing)}",
            fix="code the sheet `borderlines sample` wrote, keeping its header row and columns")]
    rows = []
    seen: dict[tuple[str, str], int] = {}
    for index, r in table.iterrows():
        row = int(index) + 1
        where = {"file": source, "row": row, "doc_id": None}

        def problem(field: str, message: str, fix: str) -> None:
            problems.append(Problem(field=field, message=f"{message} (line {row + 1} of the sheet)", fix=fix, **where))

        item_id, kind, coder = (str(r[c]).strip() for c in ("item_id", "kind", "coder"))
        if not any(str(r.get(c, "")).strip() for c in ("correct", "detail_correct", "missed_items", "notes")):
            continue    # not coded (yet): neither counted nor a problem
        if not item_id:
            problem("item_id", "item_id is empty", "restore the item_id `borderlines sample` wrote")
        if kind not in KINDS:
            problem("kind", f"kind {kind!r} is not one of {', '.join(KINDS)}", "restore the kind column")
        if not coder:
            problem("coder", "coder is empty", "write your name or initials on every row")
        values = {}
        for column in ("correct", "detail_correct"):
            raw = str(r.get(column, ""))
            values[column] = _judgement(raw)
            if values[column] is None:
                problem(column, f"{column} is {raw.strip()!r}", "write yes or no (or leave it empty if you cannot tell)")
        raw_missed = str(r.get("missed_items", "")).strip()
        try:
            missed = float(raw_missed) if raw_missed else np.nan
            if not np.isnan(missed) and (missed < 0 or missed != int(missed)):
                raise ValueError
        except ValueError:
            problem("missed_items", f"missed_items is {raw_missed!r}", "write a whole number, 0 when none is missed")
            missed = np.nan
        sampled = str(r["sampled"]).strip().lower()
        if sampled not in ("true", "false"):
            problem("sampled", f"sampled is {r['sampled']!r}", "restore the value True or False")
        try:
            n_in_stratum, sent_id = int(float(r["n_in_stratum"])), int(float(r["sent_id"]))
        except ValueError:
            problem("n_in_stratum", "n_in_stratum or sent_id is not a number", "restore the columns")
            n_in_stratum = sent_id = -1
        key = (coder, item_id)
        if item_id and coder and key in seen:
            problem("item_id", f"item {item_id} is coded twice by {coder} (also data row {seen[key]})",
                    "keep one row per item and coder")
        seen.setdefault(key, row)
        rows.append({"source": source, "row": row, "coder": coder, "item_id": item_id, "kind": kind,
                     "era": str(r["era"]).strip(), "doc_id": str(r["doc_id"]).strip(), "sent_id": sent_id,
                     "sampled": sampled == "true", "n_in_stratum": n_in_stratum,
                     "correct": values["correct"], "detail_correct": values["detail_correct"],
                     "missed_items": missed})
    if not rows and not problems:
        problems.append(Problem(file=source, message="no row is coded",
                                fix="fill in correct (yes/no), missed_items and coder, then save"))
    return pd.DataFrame(rows, columns=list(CODED_COLUMNS)), _grouped(problems)


def _grouped(problems: list[Problem], keep: int = 3) -> list[Problem]:
    """``problems`` with a problem repeated on many rows (same file, field and fix) listed
    ``keep`` times, then once more naming the other rows."""
    groups: dict[tuple, list[Problem]] = {}
    for p in problems:
        groups.setdefault((p.file, p.field, p.fix), []).append(p)
    out = []
    for (file, field, fix), group in groups.items():
        out.extend(group[:keep])
        if len(group) > keep:
            rows = [str(p.row) for p in group[keep:]]
            out.append(Problem(file=file, field=field, fix=fix,
                               message=f"the same problem on {len(rows)} more rows: "
                                       + ", ".join(rows[:10]) + (", …" if len(rows) > 10 else "")))
    return out


def default_coded_sheets() -> Path:
    """``data/validation/coded_example.csv``: the bundled corpus's example sheet."""
    from .paths import data_dir
    return data_dir() / "validation" / "coded_example.csv"


def coded_sheet_paths(path: str | Path | None = None) -> list[Path]:
    """The coded sheets at ``path``: the file itself, or every ``.csv`` and ``.xlsx`` of
    a folder (sorted; Excel's ``~$`` lock files left out); ``None``: the bundled
    example (:func:`default_coded_sheets`). ``ValueError`` when a folder holds none."""
    path = default_coded_sheets() if path is None else Path(path)
    if not path.is_dir():
        return [path]
    found = sorted(p for p in path.iterdir()
                   if p.suffix.lower() in (".csv", ".xlsx") and not p.name.startswith("~$"))
    if not found:
        raise ValueError(f"{path}: no .csv or .xlsx coded sheets in this folder")
    return found


def unmatched_items(coded: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    """The coded items (:func:`read_coded_sheets`) that ``items``
    (:func:`extracted_items`) no longer has, one row per item with ``item_id``,
    ``kind`` and ``era``: the extractors changed since the sheet was drawn, so the
    judgements describe the earlier version for those items."""
    gone = coded[~coded["item_id"].isin(items["item_id"])]
    return gone.drop_duplicates("item_id")[["item_id", "kind", "era"]].reset_index(drop=True)


def read_coded_sheets(paths: str | Path | Iterable[str | Path], sheet: str = "items") -> pd.DataFrame:
    """The judgements of one or more coded sheets (``.xlsx``, read from the sheet
    ``sheet``, or ``.csv``); columns :data:`CODED_COLUMNS`. Raises
    :class:`CodingSheetError` listing every problem of every file (file, row, column,
    what to write instead), including one coder coding an item in two files."""
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    if not paths:
        raise ValueError("no coded sheets given")
    parts, problems = [], []
    for path in paths:
        try:
            table = read_sheet(path, sheet if Path(path).suffix.lower() == ".xlsx" else None)
        except InputProblem as exc:
            problems.append(exc.problem)
            continue
        coded, found = coded_judgements(table, str(path))
        parts.append(coded)
        problems.extend(found)
    coded = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=list(CODED_COLUMNS))
    twice = coded[coded.duplicated(["coder", "item_id"], keep=False) & coded["item_id"].ne("")]
    for (coder, item_id), group in twice.groupby(["coder", "item_id"], sort=False):
        if group["source"].nunique() > 1:
            first, *rest = group.itertuples()
            for r in rest:
                problems.append(Problem(file=r.source, row=r.row, field="item_id",
                                        message=f"{coder} coded item {item_id} also in {first.source} "
                                                f"(row {first.row})",
                                        fix="give each coder's judgements once (a coder per sheet)"))
    if problems:
        raise CodingSheetError(problems)
    return coded


# --------------------------------------------------------------------------- measures


def wilson_interval(successes: float, n: float, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval ``(low, high)`` for a proportion of ``successes`` in ``n``
    (both may be fractional, e.g. an effective sample size; with whole numbers it is
    ``scipy.stats.binomtest(...).proportion_ci(method="wilson")``); NaNs when ``n`` is 0."""
    if n <= 0:
        return np.nan, np.nan
    z = stats.norm.ppf(0.5 + level / 2)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return float(max(centre - half, 0.0)), float(min(centre + half, 1.0))


def item_verdicts(coded: pd.DataFrame, question: str = "correct") -> pd.DataFrame:
    """Per item, the coders' verdict on ``question`` (``correct`` or ``detail_correct``):
    ``n_coders`` who answered, ``n_yes``, and ``verdict`` (1.0 yes by majority, 0.0 no,
    NaN on an even split or no answer), with the item's ``kind``, ``era``, ``doc_id``,
    ``sent_id``, ``sampled`` and ``n_in_stratum``."""
    keys = ["item_id", "kind", "era", "doc_id", "sent_id", "sampled", "n_in_stratum"]
    answered = coded.dropna(subset=[question])
    out = (answered.groupby(keys, sort=False)[question].agg(n_coders="size", n_yes="sum").reset_index())
    out["verdict"] = np.where(2 * out["n_yes"] > out["n_coders"], 1.0,
                              np.where(2 * out["n_yes"] < out["n_coders"], 0.0, np.nan))
    return out


def precision_by_kind(coded: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """The extractor's precision per kind and era, from the randomly sampled items
    (companions left out) of :func:`read_coded_sheets`: the share of items the coders'
    majority judged correct, with a Wilson interval (``level``), for ``correct`` and,
    where the kind has one, ``detail_correct`` (the detail's precision among items judged
    correct). Each kind also gets an ``era='all'`` row weighting each era's share by its
    number of items in the corpus (the strata were sampled at different rates), with a
    Wilson interval on the effective sample size. Columns :data:`PRECISION_COLUMNS`."""
    sampled = coded[coded["sampled"]]
    base = item_verdicts(sampled, "correct")
    rows = []
    for question in ("correct", "detail_correct"):
        verdicts = base if question == "correct" else item_verdicts(
            sampled[sampled["item_id"].isin(base.loc[base["verdict"] == 1.0, "item_id"])], question)
        for kind in [k for k in KINDS if k in set(verdicts["kind"])]:
            if question == "detail_correct" and not KINDS[kind][1]:
                continue
            part = verdicts[verdicts["kind"] == kind]
            weights, shares, sizes = [], [], []
            for era, g in part.groupby("era", sort=True):
                decided = g.dropna(subset=["verdict"])
                n, k = len(decided), int(decided["verdict"].sum())
                low, high = wilson_interval(k, n, level)
                rows.append({"kind": kind, "era": era, "question": question, "n_items": n, "n_correct": k,
                             "n_tied": int(g["verdict"].isna().sum()), "precision": k / n if n else np.nan,
                             "ci_low": low, "ci_high": high})
                if n:
                    weights.append(float(g["n_in_stratum"].iloc[0]))
                    shares.append(k / n)
                    sizes.append(n)
            if not sizes:
                continue
            w = np.array(weights) / np.sum(weights)
            p = float(np.dot(w, shares))
            variance = float(np.sum(w ** 2 * np.array(shares) * (1 - np.array(shares)) / np.array(sizes)))
            n_eff = p * (1 - p) / variance if variance > 0 else float(np.sum(sizes))
            low, high = wilson_interval(p * n_eff, n_eff, level)
            decided = part.dropna(subset=["verdict"])
            rows.append({"kind": kind, "era": "all", "question": question, "n_items": len(decided),
                         "n_correct": int(decided["verdict"].sum()), "n_tied": int(part["verdict"].isna().sum()),
                         "precision": p, "ci_low": low, "ci_high": high})
    return pd.DataFrame(rows, columns=list(PRECISION_COLUMNS))


def recall_by_kind(coded: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """The extractor's recall per kind and era within the sampled sentences: items the
    coders' majority judged correct (sampled and companions) against the items they say
    it missed (``missed_items``; the largest count a coder wrote on a sentence's rows,
    then the median over coders). Only sentences whose misses were recorded count;
    Wilson interval at ``level`` (sentences treated as independent draws of items).
    Columns :data:`RECALL_COLUMNS`."""
    sentence = ["kind", "era", "doc_id", "sent_id"]
    recorded = coded.dropna(subset=["missed_items"])
    if recorded.empty:
        return pd.DataFrame(columns=list(RECALL_COLUMNS))
    missed = (recorded.groupby(sentence + ["coder"])["missed_items"].max()
              .groupby(level=sentence).median().rename("n_missed").reset_index())
    found = (item_verdicts(coded, "correct").groupby(sentence)["verdict"].sum().astype(np.int64)
             .rename("n_found").reset_index())
    per_sentence = missed.merge(found, on=sentence, how="left").fillna({"n_found": 0}).astype({"n_found": np.int64})
    rows = []
    for kind in [k for k in KINDS if k in set(per_sentence["kind"])]:
        part = per_sentence[per_sentence["kind"] == kind]
        for era, g in [*part.groupby("era", sort=True), ("all", part)]:
            f, m = int(g["n_found"].sum()), float(g["n_missed"].sum())
            low, high = wilson_interval(f, f + m, level)
            rows.append({"kind": kind, "era": era, "n_sentences": len(g), "n_found": f, "n_missed": m,
                         "recall": f / (f + m) if f + m else np.nan, "ci_low": low, "ci_high": high})
    return pd.DataFrame(rows, columns=list(RECALL_COLUMNS))


def _alpha(matrix: np.ndarray, level: str) -> tuple[float, str]:
    import krippendorff
    if matrix.shape[0] < 2:
        return np.nan, "one coder: α needs two or more"
    pairable = (~np.isnan(matrix)).sum(axis=0) >= 2
    if not pairable.any():
        return np.nan, "no item was judged by two coders"
    values = matrix[:, pairable]
    if len(np.unique(values[~np.isnan(values)])) < 2:
        return np.nan, "every judgement is the same: α is undefined (no variation to agree on)"
    return float(krippendorff.alpha(reliability_data=values, level_of_measurement=level)), ""


def coder_agreement(coded: pd.DataFrame) -> pd.DataFrame:
    """Krippendorff's α between coders (the ``krippendorff`` package) on each question,
    per kind and over all kinds: nominal for the yes/no judgements, ratio for the counts
    of missed items (one per sentence: the largest a coder wrote on its rows). Items
    judged by one coder only do not count. Columns :data:`AGREEMENT_COLUMNS`."""
    rows = []
    coders = sorted(set(coded["coder"]))
    sentence = ["kind", "doc_id", "sent_id"]
    for kind in [k for k in KINDS if k in set(coded["kind"])] + ["all"]:
        part = coded if kind == "all" else coded[coded["kind"] == kind]
        for question, level in (("correct", "nominal"), ("detail_correct", "nominal"), ("missed_items", "ratio")):
            if question == "detail_correct" and kind != "all" and not KINDS[kind][1]:
                continue
            if question == "missed_items":
                units = part.dropna(subset=[question]).groupby(sentence + ["coder"])[question].max()
                table = units.unstack("coder")
            else:
                table = part.dropna(subset=[question]).pivot_table(index="item_id", columns="coder",
                                                                    values=question, aggfunc="first")
            table = table.reindex(columns=[c for c in coders if c in table.columns])
            matrix = table.to_numpy(float).T if len(table) else np.empty((len(table.columns), 0))
            alpha, note = _alpha(matrix, level)
            rows.append({"kind": kind, "question": question, "level": level, "n_coders": matrix.shape[0],
                         "n_items": int(((~np.isnan(matrix)).sum(axis=0) >= 2).sum()) if matrix.size else 0,
                         "alpha": alpha, "note": note})
    return pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))


# --------------------------------------------------------------------------- words


def _share(value: float, low: float, high: float, n: float, noun: str, level: float) -> str:
    if np.isnan(value):
        return f"not measured (no {noun})"
    return f"{value:.0%} ({n:,.0f} {noun}; {level:.0%} interval {low:.0%}–{high:.0%})"


def accuracy_text(precision: pd.DataFrame, recall: pd.DataFrame, kind: str, level: float = 0.95) -> str:
    """One clause on an extractor's precision and recall over all eras, e.g. "precision
    83% (12 items judged; 95% interval 55%–95%), recall 77% (…)", from
    :func:`precision_by_kind` and :func:`recall_by_kind`."""
    p = precision[(precision["kind"] == kind) & (precision["era"] == "all") & (precision["question"] == "correct")]
    r = recall[(recall["kind"] == kind) & (recall["era"] == "all")] if len(recall) else recall
    p_text = (_share(p["precision"].iloc[0], p["ci_low"].iloc[0], p["ci_high"].iloc[0], p["n_items"].iloc[0],
                     "items judged", level) if len(p) else "not measured (no items judged)")
    r_text = (_share(r["recall"].iloc[0], r["ci_low"].iloc[0], r["ci_high"].iloc[0],
                     r["n_found"].iloc[0] + r["n_missed"].iloc[0], "items found or missed", level)
              if len(r) else "not measured (no missed items recorded)")
    return f"precision {p_text}, recall {r_text}"


def agreement_text(agreement: pd.DataFrame) -> str:
    """A sentence on Krippendorff's α for the yes/no judgement over all kinds
    (:func:`coder_agreement`), with the reading conventions (α ≥ 0.8 reliable, 0.667–0.8
    tentative, Krippendorff 2004), or why there is none."""
    row = agreement[(agreement["kind"] == "all") & (agreement["question"] == "correct")]
    if row.empty or np.isnan(row["alpha"].iloc[0]):
        why = row["note"].iloc[0] if len(row) else "no judgements"
        return f"Agreement between coders cannot be measured: {why}."
    alpha, n, coders = row["alpha"].iloc[0], row["n_items"].iloc[0], row["n_coders"].iloc[0]
    reading = ("reliable by Krippendorff's convention (α ≥ 0.8)" if alpha >= 0.8 else
               "enough only for tentative conclusions (0.667 ≤ α < 0.8)" if alpha >= 0.667 else
               "too low to rely on the judgements (α < 0.667): sharpen the instructions and recode")
    return (f"Krippendorff's α between the {coders} coders on whether an item is right is {alpha:.2f} "
            f"over {n:,} items judged by two or more of them: {reading}.")

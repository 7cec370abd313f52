"""Frames per era: shares of sentences with each frame, their differences between eras,
example sentences and the entries that triggered each frame (summaries of the tables
of :mod:`borderlines.frames.matching`), with jackknife t intervals over articles
(:mod:`borderlines.uncertainty`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..frames.lexicon import frame_labels
from ..measures import MEASURES
from ..uncertainty import ESTIMATE_COLUMNS, era_rates
from .core import MEASURE_DIFFERENCE_COLUMNS, compare_measures

#: Columns of :func:`frame_shares`: per era and frame, the share of sentences with the
#: frame (Σ framed sentences / Σ sentences over the era's articles, jackknife t interval).
FRAME_SHARE_COLUMNS = {
    "era": "era key",
    "frame": "frame key",
    "label": "frame label",
    "definition": "what the share counts, over what (borderlines.measures.FRAME_MEASURES)",
    "n_framed": "sentences of the era with the frame",
    "n_sentences": "sentences of the era",
    **{k: v for k, v in ESTIMATE_COLUMNS.items() if k != "era"},
}

#: Columns of :func:`frame_examples`.
FRAME_EXAMPLE_COLUMNS = {
    "era": "era key",
    "frame": "frame key",
    "label": "frame label",
    "rank": "1 = the sentence with most triggers",
    "doc_id": "article id",
    "sent_id": "sentence number in the article",
    "n_matches": "triggers of the frame in the sentence",
    "triggers": "the triggering words",
    "sentence": "the sentence text",
}

#: Columns of :func:`frame_triggers` (one row per era, frame and lexicon entry that
#: matched).
FRAME_TRIGGER_COLUMNS = {
    "era": "era key",
    "frame": "frame key",
    "label": "frame label",
    "entry": "lexicon entry",
    "n_matches": "times the entry triggered the frame in the era",
    "n_sentences": "sentences of the era in which it did",
    "forms": "the words it matched, lowercase, most frequent first, '; '-separated",
}

#: Columns of :func:`frame_share_differences` (one row per frame): the frame's key and
#: label, the sentences of each era with it, then
#: :data:`borderlines.compare.MEASURE_DIFFERENCE_COLUMNS` (``measure`` is the frame key).
FRAME_DIFFERENCE_COLUMNS = {
    "frame": "frame key",
    "label": "frame label",
    "n_framed_a": "sentences of era A with the frame",
    "n_framed_b": "sentences of era B with the frame",
}


def frame_triggers(matches: pd.DataFrame, frames: pd.DataFrame | None = None,
                   eras: list[str] | None = None, max_forms: int = 5) -> pd.DataFrame:
    """Which lexicon entries triggered each frame in each era, and as which words: a
    summary of :func:`frame_matches`; columns :data:`FRAME_TRIGGER_COLUMNS`, eras in
    ``eras`` order (others dropped; default: order in ``matches``), frames in lexicon
    order when ``frames`` is given, then most matches first. ``forms`` lists at most
    ``max_forms`` distinct matched words."""
    keys = list(eras) if eras is not None else list(dict.fromkeys(matches["era"]))
    m = matches[matches["era"].isin(keys)]
    if m.empty:
        return pd.DataFrame({c: pd.Series(dtype=np.int64 if c.startswith("n_") else object)
                             for c in FRAME_TRIGGER_COLUMNS})
    m = m.assign(form=[" ".join(t.split()).lower() for t in m["text"]])
    group = ["era", "frame", "entry"]
    out = m.groupby(group, sort=False).size().rename("n_matches").reset_index()
    n_sentences = m.drop_duplicates(group + ["doc_id", "sent_id"]).groupby(group, sort=False).size()
    out["n_sentences"] = out.set_index(group).index.map(n_sentences).astype(np.int64)
    forms = (m.groupby(group + ["form"], sort=False).size().rename("n").reset_index()
             .sort_values(["n", "form"], ascending=[False, True], kind="stable")
             .groupby(group, sort=False)["form"].agg(lambda f: "; ".join(list(f)[:max_forms])))
    out["forms"] = out.set_index(group).index.map(forms)
    labels = frame_labels(frames) if frames is not None else {}
    out["label"] = [labels.get(f, f) for f in out["frame"]]
    frame_order = {f: i for i, f in enumerate(dict.fromkeys(
        frames["frame"] if frames is not None else out["frame"]))}
    out = out.assign(_e=out["era"].map({e: i for i, e in enumerate(keys)}),
                     _f=out["frame"].map(frame_order).fillna(len(frame_order)))
    out = out.sort_values(["_e", "_f", "n_matches", "entry"], ascending=[True, True, False, True],
                          kind="stable")
    return out[list(FRAME_TRIGGER_COLUMNS)].reset_index(drop=True)


def _era_order(corpus: pd.DataFrame, eras: list[str] | None) -> list[str]:
    return list(eras) if eras is not None else list(dict.fromkeys(corpus["era"]))


def _framed_per_article(sentence_frames: pd.DataFrame, sentences: pd.DataFrame, corpus: pd.DataFrame,
                        frames: pd.DataFrame | None):
    # (frame, label, per-article table: doc_id, era, n_sentences, n_framed) for each frame.
    if frames is not None:
        labels = frame_labels(frames)
    else:
        labels = dict(zip(sentence_frames["frame"], sentence_frames["label"]))
    per_doc = (sentences.groupby("doc_id").size().rename("n_sentences")
               .reindex(corpus["doc_id"], fill_value=0))
    base = pd.DataFrame({"doc_id": corpus["doc_id"].to_numpy(), "era": corpus["era"].to_numpy(),
                         "n_sentences": per_doc.to_numpy()})
    framed = sentence_frames.groupby(["frame", "doc_id"]).size()
    for frame, label in labels.items():
        counts = framed.get(frame, pd.Series(dtype=np.int64))
        yield frame, label, base.assign(n_framed=base["doc_id"].map(counts).fillna(0).astype(np.int64))


def frame_shares(sentence_frames: pd.DataFrame, sentences: pd.DataFrame, corpus: pd.DataFrame,
                 frames: pd.DataFrame | None = None, seed: int = 0,
                 eras: list[str] | None = None) -> pd.DataFrame:
    """Per era and frame, the share of sentences with the frame, with a jackknife t
    interval over articles (:func:`borderlines.uncertainty.era_rates`);
    columns :data:`FRAME_SHARE_COLUMNS`. Pass the lexicon as ``frames`` to list frames
    that matched nothing (share 0); ``eras`` fixes the era order (default: corpus order)."""
    keys = _era_order(corpus, eras)
    parts = []
    for frame, label, table in _framed_per_article(sentence_frames, sentences, corpus, frames):
        est = era_rates(table, "n_framed", "n_sentences", seed=seed, eras=keys)
        totals = table.groupby("era")[["n_framed", "n_sentences"]].sum().reindex(keys, fill_value=0)
        est.insert(1, "frame", frame)
        est.insert(2, "label", label)
        est.insert(3, "definition", MEASURES["frame_share"].definition_of(label))
        est.insert(4, "n_framed", totals["n_framed"].to_numpy())
        est.insert(5, "n_sentences", totals["n_sentences"].to_numpy())
        parts.append(est)
    if not parts:
        return pd.DataFrame(columns=list(FRAME_SHARE_COLUMNS))
    out = pd.concat(parts, ignore_index=True)
    out["_e"] = out["era"].map({e: i for i, e in enumerate(keys)})
    return out.sort_values("_e", kind="stable")[list(FRAME_SHARE_COLUMNS)].reset_index(drop=True)


def frame_examples(sentence_frames: pd.DataFrame, n: int = 3,
                   frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """Up to ``n`` example sentences per era and frame, those with most triggers first
    (ties: most distinct triggers, then text order); columns
    :data:`FRAME_EXAMPLE_COLUMNS`, frames in lexicon order when ``frames`` is given."""
    if sentence_frames.empty:
        return pd.DataFrame(columns=list(FRAME_EXAMPLE_COLUMNS))
    sf = sentence_frames.assign(_distinct=sentence_frames["triggers"].str.count("; ") + 1,
                                _order=np.arange(len(sentence_frames)))
    sf = sf.sort_values(["n_matches", "_distinct", "_order"], ascending=[False, False, True], kind="stable")
    top = sf.groupby(["era", "frame"], sort=False).head(n).copy()
    top["rank"] = top.groupby(["era", "frame"], sort=False).cumcount() + 1
    era_order = {e: i for i, e in enumerate(dict.fromkeys(sentence_frames["era"]))}
    keys = frames["frame"] if frames is not None else sentence_frames["frame"]
    frame_order = {f: i for i, f in enumerate(dict.fromkeys(keys))}
    top = top.assign(_e=top["era"].map(era_order), _f=top["frame"].map(frame_order))
    top = top.sort_values(["_e", "_f", "rank"], kind="stable")
    return top[list(FRAME_EXAMPLE_COLUMNS)].reset_index(drop=True)


#: Columns of :func:`frames_per_article` (one row per article and frame).
FRAMES_PER_ARTICLE_COLUMNS = {
    "doc_id": "article id", "era": "era key", "frame": "frame key",
    "n_framed": "sentences of the article with the frame", "n_sentences": "sentences of the article",
}


def frames_per_article(sentence_frames: pd.DataFrame, sentences: pd.DataFrame, corpus: pd.DataFrame,
                       frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every article of ``corpus`` and every frame (of the lexicon ``frames`` when given,
    else those in ``sentence_frames``), zeros included: the per-article table of
    :data:`borderlines.measures.FRAME_MEASURES`; columns :data:`FRAMES_PER_ARTICLE_COLUMNS`."""
    parts = [table.assign(frame=frame) for frame, _, table in
             _framed_per_article(sentence_frames, sentences, corpus, frames)]
    if not parts:
        return pd.DataFrame(columns=list(FRAMES_PER_ARTICLE_COLUMNS))
    return pd.concat(parts, ignore_index=True)[list(FRAMES_PER_ARTICLE_COLUMNS)]


def frame_share_differences(sentence_frames: pd.DataFrame, sentences: pd.DataFrame, corpus: pd.DataFrame,
                            era_a: str, era_b: str, frames: pd.DataFrame | None = None,
                            clusters: pd.DataFrame | None = None, seed: int = 0, **kwargs) -> pd.DataFrame:
    """Per frame, era B's share of sentences with it minus era A's, with its interval
    and permutation p over articles (:func:`borderlines.compare.compare_measures` of
    the ``frame_share`` measure); columns :data:`FRAME_DIFFERENCE_COLUMNS` then
    :data:`~borderlines.compare.MEASURE_DIFFERENCE_COLUMNS` (``label`` the frame's
    label, ``definition`` naming it), largest absolute difference first. ``clusters``
    (``doc_id``, ``cluster``, from :func:`borderlines.confounds.near_duplicates`)
    counts near-duplicates once."""
    if era_a == era_b:
        raise ValueError(f"era_a and era_b are both '{era_a}': compare two different eras")
    table = frames_per_article(sentence_frames, sentences, corpus, frames)
    labels = (frame_labels(frames) if frames is not None
              else dict(zip(sentence_frames["frame"], sentence_frames["label"])))
    columns = [*FRAME_DIFFERENCE_COLUMNS, *[c for c in MEASURE_DIFFERENCE_COLUMNS if c != "label"]]
    measure = MEASURES["frame_share"]
    out = compare_measures(table, [measure], era_a, era_b, clusters=clusters, seed=seed, **kwargs)
    if out.empty:
        return pd.DataFrame(columns=columns)
    counts = table.groupby(["frame", "era"])["n_framed"].sum()
    out = out.assign(frame=out["measure"], label=out["measure"].map(labels),
                     definition=[measure.definition_of(labels[f]) for f in out["measure"]],
                     phrase=[measure.phrase_of(labels[f]) for f in out["measure"]],
                     n_framed_a=[int(counts.get((f, era_a), 0)) for f in out["measure"]],
                     n_framed_b=[int(counts.get((f, era_b), 0)) for f in out["measure"]])[columns]
    order = out["estimate"].abs().sort_values(ascending=False, kind="stable", na_position="last").index
    return out.loc[order].reset_index(drop=True)

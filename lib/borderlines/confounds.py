"""What else differs between the eras: repeated content and outlets.

Near-duplicates
    The same wire story in two outlets, or one article filed twice, would count twice
    and make two outlets "agree". Articles are compared by their sets of word 5-grams
    (shingles, lowercased): MinHash signatures (``datasketch``, 128 permutations) and
    locality-sensitive hashing find candidate pairs, whose exact Jaccard similarity of
    shingles is then computed; pairs at or above ``threshold`` (default 0.7) are joined
    into clusters (connected components). :func:`apply_duplicates` then either keeps one
    article per cluster (``"collapse"``) or keeps all and hands the clusters to
    :mod:`borderlines.compare`, which counts a cluster as one unit (``"cluster"``).

Outlets
    When an era's articles come from a single outlet, an era difference may be the
    outlet's house style (its honorifics, its length); :func:`outlet_warnings` says so,
    and :func:`within_outlet_differences` compares the eras inside each outlet that has
    articles in both.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from .compare import MEASURE_DIFFERENCE_COLUMNS, compare_measures

SHINGLE_WORDS = 5
NUM_PERM = 128
DEFAULT_THRESHOLD = 0.7
DUPLICATE_MODES = ("cluster", "collapse", "keep")

#: Columns of :func:`near_duplicates` (one row per article).
DUPLICATE_COLUMNS = {
    "doc_id": "article id",
    "cluster": "id of its cluster of near-duplicates: the first article's doc_id (itself when unique)",
    "cluster_size": "articles in the cluster (1 when unique)",
    "max_similarity": "highest Jaccard similarity of word 5-grams with another article (0–1)",
}

#: Columns of :func:`duplicate_pairs`.
PAIR_COLUMNS = {"doc_a": "article id", "doc_b": "article id (later in the corpus)",
                "similarity": "Jaccard similarity of their word 5-grams (0–1)"}

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of runs of ``size`` consecutive words (lowercased) of ``text``; a text
    shorter than ``size`` words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def duplicate_pairs(corpus: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD,
                    num_perm: int = NUM_PERM) -> pd.DataFrame:
    """Pairs of articles of ``corpus`` (``doc_id``, ``text``) whose word 5-gram Jaccard
    similarity is at least ``threshold``; columns :data:`PAIR_COLUMNS`, most similar
    first. Candidates come from MinHash LSH, similarities are exact."""
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    sets = [shingles(t) for t in corpus["text"]]
    ids = list(corpus["doc_id"])
    # a little below the threshold, so no pair is lost to the estimate's noise
    lsh = MinHashLSH(threshold=min(threshold, 0.99) * 0.9, num_perm=num_perm)
    # crc32 is enough under MinHash's own universal hashing, and much faster than sha1
    signatures = MinHash.bulk([[x.encode() for x in s] for s in sets], num_perm=num_perm, seed=1,
                              hashfunc=zlib.crc32)
    pairs = []
    for i, (s, m) in enumerate(zip(sets, signatures)):
        if not s:
            continue
        for j in lsh.query(m):
            similarity = len(s & sets[j]) / len(s | sets[j])
            if similarity >= threshold:
                pairs.append((ids[j], ids[i], similarity))
        lsh.insert(i, m)
    out = pd.DataFrame(pairs, columns=list(PAIR_COLUMNS))
    return out.sort_values("similarity", ascending=False, kind="stable").reset_index(drop=True)


def near_duplicates(corpus: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD,
                    pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each article's cluster of near-duplicates (from :func:`duplicate_pairs`, or
    ``pairs`` already found); columns :data:`DUPLICATE_COLUMNS`, corpus order."""
    pairs = duplicate_pairs(corpus, threshold) if pairs is None else pairs
    ids = list(corpus["doc_id"])
    index = {d: i for i, d in enumerate(ids)}
    a = pairs["doc_a"].map(index).to_numpy(int)
    b = pairs["doc_b"].map(index).to_numpy(int)
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(len(ids), len(ids)))
    _, labels = connected_components(graph, directed=False)
    first = pd.Series(ids).groupby(labels).transform("first")
    best = pd.concat([pairs[["doc_a", "similarity"]].set_axis(["doc_id", "s"], axis=1),
                      pairs[["doc_b", "similarity"]].set_axis(["doc_id", "s"], axis=1)])
    best = best.groupby("doc_id")["s"].max()
    out = pd.DataFrame({"doc_id": ids, "cluster": first.to_numpy(),
                        "cluster_size": pd.Series(labels).map(pd.Series(labels).value_counts()).to_numpy(),
                        "max_similarity": pd.Series(ids).map(best).fillna(0.0).to_numpy(float)})
    return out[list(DUPLICATE_COLUMNS)]


#: Folder of a study's tables holding its near-duplicate pairs (:func:`study_duplicate_pairs`).
DUPLICATES_FOLDER = "near_duplicates"


def study_duplicate_pairs(tables, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """:func:`duplicate_pairs` of a study's corpus (:class:`borderlines.study.StudyTables`),
    found once per study and kept beside its tables (``<tables>/near_duplicates/``),
    keyed by the articles' content, the extraction settings, ``threshold`` and this
    module's code: every notebook of the study reads the same pairs instead of hashing
    the corpus again. Without a tables folder in ``tables.provenance`` they are found
    here and not kept."""
    import hashlib
    import json
    from pathlib import Path

    from .files import write_json_atomic
    folder = tables.provenance.get("cache_dir")
    if not folder:
        return duplicate_pairs(tables.corpus, threshold)
    key = hashlib.sha256(json.dumps([tables.provenance.get("corpus_checksum"), tables.provenance.get("fingerprint"),
                                     threshold, NUM_PERM, SHINGLE_WORDS]).encode()
                         + Path(__file__).read_bytes()).hexdigest()[:24]
    path = Path(folder) / DUPLICATES_FOLDER / f"{key}.json"
    if path.is_file():
        return pd.DataFrame(json.loads(path.read_text(encoding="utf-8")), columns=list(PAIR_COLUMNS))
    pairs = duplicate_pairs(tables.corpus, threshold)
    write_json_atomic(path, pairs.to_dict("records"))
    for old in path.parent.glob("*.json"):      # earlier corpora or settings
        if old != path:
            old.unlink(missing_ok=True)
    return pairs


def study_near_duplicates(tables, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """:func:`near_duplicates` of a study's corpus from :func:`study_duplicate_pairs`."""
    return near_duplicates(tables.corpus, threshold, pairs=study_duplicate_pairs(tables, threshold))


def apply_duplicates(corpus: pd.DataFrame, duplicates: pd.DataFrame, mode: str = "cluster"):
    """``(corpus, clusters)`` for a duplicates ``mode``: ``"cluster"`` keeps every
    article and returns ``duplicates`` (:func:`near_duplicates`) as the clusters that
    :mod:`borderlines.compare` counts once each; ``"collapse"`` keeps only each
    cluster's first article (clusters None); ``"keep"`` changes nothing (clusters None)."""
    if mode not in DUPLICATE_MODES:
        raise ValueError(f"duplicates must be one of {', '.join(DUPLICATE_MODES)}, got {mode!r}")
    if mode == "collapse":
        first = set(duplicates.loc[duplicates["doc_id"] == duplicates["cluster"], "doc_id"])
        return corpus[corpus["doc_id"].isin(first)].reset_index(drop=True), None
    return corpus, (duplicates if mode == "cluster" else None)


def outlet_era_table(corpus: pd.DataFrame, eras: list[str] | None = None) -> pd.DataFrame:
    """Articles per outlet (rows) and era (columns, in ``eras`` order), with totals."""
    keys = list(eras) if eras is not None else list(dict.fromkeys(corpus["era"]))
    table = pd.crosstab(corpus["outlet"], corpus["era"]).reindex(columns=keys, fill_value=0)
    table["total"] = table.sum(axis=1)
    return table.reset_index().rename_axis(columns=None)


def outlet_warnings(corpus: pd.DataFrame, eras: list[str], labels: dict | None = None) -> list[str]:
    """A sentence for every era of ``eras`` whose articles all come from one outlet,
    and for outlets present in only one of them."""
    labels = labels or {}
    out = []
    for era in eras:
        outlets = corpus.loc[corpus["era"] == era, "outlet"].unique()
        if len(outlets) == 1:
            out.append(f"Every article of {labels.get(era, era)} comes from one outlet ({outlets[0]}): a "
                       "difference from another era may be that outlet's style, not the era's.")
    return out


def within_outlet_differences(table: pd.DataFrame, measures: dict, era_a: str, era_b: str,
                              outlet: str = "outlet", **kwargs) -> pd.DataFrame:
    """:func:`borderlines.compare.compare_measures` inside each outlet with articles in
    both eras (per-article ``table`` with an ``outlet`` column); its columns with
    ``outlet`` first. Empty when no outlet covers both eras."""
    parts = []
    for name, part in table.groupby(outlet, sort=True):
        if (part["era"] == era_a).any() and (part["era"] == era_b).any():
            parts.append(compare_measures(part, measures, era_a, era_b, **kwargs).assign(**{outlet: name}))
    if not parts:
        return pd.DataFrame(columns=[outlet, *MEASURE_DIFFERENCE_COLUMNS])
    out = pd.concat(parts, ignore_index=True)
    return out[[outlet, *MEASURE_DIFFERENCE_COLUMNS]]

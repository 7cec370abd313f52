"""Remove page debris from raw articles, recording every cut.

Rules are data (``data/cleaning_rules.yml``, see its header): regular expressions run
over the raw text. :func:`clean_text` applies them to one article and returns the clean
text, the metadata the rules kept (bylines, "Published:" lines, ...) and a log of every
removal and mark, with offsets into the raw text. Whitespace is then normalized:
non-breaking and other unusual spaces become plain spaces, runs of spaces collapse, each
non-empty line becomes a paragraph separated by one blank line. Curly quotes, dashes
and accents are kept as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .files import InputProblem, read_yaml
from .paths import default_cleaning_rules
from .problems import Problem

ACTIONS = ("remove", "metadata", "mark")
_FLAG_NAMES = {"MULTILINE": re.MULTILINE, "IGNORECASE": re.IGNORECASE, "DOTALL": re.DOTALL}
# Spaces that are not U+0020 (no-break, narrow no-break, figure, thin, ideographic ...)
_ODD_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_NONBREAKING = re.compile(r"[\u00a0\u202f\u2007]")
_SPACE_RUN = re.compile(" {2,}")
_NEWLINE = re.compile("\n")

#: Columns of the cleaning log (one row per removal, kept metadata or mark).
CLEANING_LOG_COLUMNS = {
    "doc_id": "article id (manifest id)",
    "rule": "rule name from the rules file, or normalize_* for whitespace",
    "action": "remove | metadata | mark | normalize",
    "text": "the raw text the rule matched",
    "start": "offset of the match in the raw text (characters)",
    "end": "end offset (exclusive) in the raw text (characters)",
}


@dataclass(frozen=True)
class Rule:
    """One cleaning rule (see ``data/cleaning_rules.yml``)."""

    name: str
    pattern: str
    action: str = "remove"
    field: str | None = None
    description: str = ""
    flags: int = re.MULTILINE

    def compile(self, title: str = "") -> re.Pattern:
        pattern = self.pattern
        if "<<title>>" in pattern:
            if not title.strip():
                return re.compile(r"(?!x)x")  # matches nothing: no title to look for
            pattern = pattern.replace("<<title>>", re.escape(title.strip()))
        return _compile(pattern, self.flags)


@lru_cache(maxsize=512)
def _compile(pattern: str, flags: int) -> re.Pattern:
    return re.compile(pattern, flags)


@lru_cache(maxsize=512)
def _anchor(pattern: str, flags: int) -> str:
    """Where a rule's pattern can start matching: "line" (it starts with ``^`` in
    MULTILINE mode), "start" (with ``^`` or ``\\A`` otherwise), or "" (anywhere, or
    unknown). ``<<title>>`` stands for an escaped literal, which changes nothing here."""
    try:
        from re import _constants, _parser
        parsed = _parser.parse(pattern.replace("<<title>>", "T"), flags)
        op, arg = parsed.data[0]
    except Exception:   # noqa: BLE001 - another Python's internals, or an empty pattern: no shortcut
        return ""
    if op is _constants.AT and arg is _constants.AT_BEGINNING:
        return "line" if parsed.state.flags & re.MULTILINE else "start"
    if op is _constants.AT and arg is _constants.AT_BEGINNING_STRING:
        return "start"
    return ""


_TITLE_MARK = "\ue000"   # stands for the escaped title while a rule's pattern is analysed


@lru_cache(maxsize=512)
def _required_literals(pattern: str, flags: int) -> tuple[str, ...]:
    """Literal strings every match of a rule's pattern contains (``_TITLE_MARK`` where
    the title goes), taken from its top level and its groups; () when unknown. A text
    without one of them cannot match: the rule needs neither compiling (for a title
    rule) nor scanning."""
    if _TITLE_MARK in pattern:
        return ()
    try:
        from re import _constants, _parser
        parsed = _parser.parse(pattern.replace("<<title>>", re.escape(_TITLE_MARK)), flags)
    except Exception:   # noqa: BLE001 - another Python's internals: no shortcut
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()

    def runs(items) -> list[str]:
        out, run = [], []
        for op, arg in items:
            if op is _constants.LITERAL:
                run.append(chr(arg))
                continue
            if run:
                out.append("".join(run))
                run = []
            if op is _constants.SUBPATTERN and not arg[1] & re.IGNORECASE:
                out += runs(arg[3].data)
        if run:
            out.append("".join(run))
        return out
    return tuple(runs(parsed.data))


def _may_match(rule: Rule, title: str, text: str) -> bool:
    """False when ``text`` lacks a literal string every match of ``rule`` needs."""
    needed = _required_literals(rule.pattern, rule.flags)
    if needed and "<<title>>" in rule.pattern:
        needed = tuple(x.replace(_TITLE_MARK, title.strip()) for x in needed)
    return all(x in text for x in needed)


def _rule_matches(compiled: re.Pattern, anchor: str, text: str, line_starts: list[int]):
    """``compiled.finditer(text)``, trying only the places an anchored pattern can match
    (the regex engine tries a ``^`` pattern at every character; most rules are
    ``^``-anchored). The same matches: after a match the next one is looked for from its
    end, as finditer does; an empty match, after which finditer behaves differently,
    sends the whole text to finditer."""
    if not anchor:
        return compiled.finditer(text)
    found, end = [], 0
    for p in (line_starts if anchor == "line" else (0,)):
        if p < end:
            continue
        m = compiled.match(text, p)
        if m is None:
            continue
        if m.end() == m.start():
            return compiled.finditer(text)
        found.append(m)
        end = m.end()
    return found


def load_rules(path: str | Path | None = None) -> list[Rule]:
    """The cleaning rules in ``path`` (default ``data/cleaning_rules.yml``).

    Raises :class:`~borderlines.problems.CorpusError`-style :class:`InputProblem` naming
    the rule and field when a rule is malformed (unknown action, bad regex, ...)."""
    path = Path(path) if path else default_cleaning_rules()
    doc = read_yaml(path)
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        raise InputProblem(Problem(file=str(path), message="no 'rules:' list found",
                                   fix="the file must hold 'rules:' followed by a list of rules"))
    rules = []
    for i, raw in enumerate(doc["rules"], start=1):
        where = dict(file=str(path), row=i, doc_id=None)
        if not isinstance(raw, dict) or "name" not in raw or "pattern" not in raw:
            raise InputProblem(Problem(**where, field="name/pattern",
                                       message="a rule needs at least 'name' and 'pattern'"))
        action = raw.get("action", "remove")
        if action not in ACTIONS:
            raise InputProblem(Problem(**where, field="action",
                                       message=f"rule '{raw['name']}': unknown action '{action}'",
                                       fix=f"use one of {', '.join(ACTIONS)}"))
        if action in ("metadata", "mark") and not raw.get("field"):
            raise InputProblem(Problem(**where, field="field",
                                       message=f"rule '{raw['name']}': action '{action}' needs a 'field'"))
        flags = 0
        for name in raw.get("flags", ["MULTILINE"]) or []:
            if name not in _FLAG_NAMES:
                raise InputProblem(Problem(**where, field="flags",
                                           message=f"rule '{raw['name']}': unknown flag '{name}'",
                                           fix=f"use any of {', '.join(_FLAG_NAMES)}"))
            flags |= _FLAG_NAMES[name]
        if "flags" not in raw:
            flags = re.MULTILINE
        try:
            re.compile(raw["pattern"].replace("<<title>>", "T"), flags)
        except re.error as exc:
            raise InputProblem(Problem(**where, field="pattern",
                                       message=f"rule '{raw['name']}': invalid regular expression: {exc}")) from None
        if action == "metadata" and "(?P<value>" not in raw["pattern"]:
            raise InputProblem(Problem(**where, field="pattern",
                                       message=f"rule '{raw['name']}': a metadata rule needs a (?P<value>...) group"))
        rules.append(Rule(name=str(raw["name"]), pattern=raw["pattern"], action=action,
                          field=raw.get("field"), description=raw.get("description", ""),
                          flags=flags))
    return rules


def metadata_fields(rules: list[Rule]) -> list[str]:
    """Corpus column names (``meta_<field>``) the metadata rules fill."""
    return [f"meta_{r.field}" for r in rules if r.action == "metadata"]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def normalize_newlines(text: str) -> str:
    """``text`` with Windows (``\\r\\n``) and old Mac (``\\r``) line endings made ``\\n``:
    done first, before any cleaning rule, so rules anchored at line ends (``$``) and
    every count are the same whichever system saved the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def normalize_whitespace(text: str) -> str:
    """Plain spaces for odd ones, no zero-width characters, single spaces, trimmed lines,
    and paragraphs (non-empty lines) separated by one blank line."""
    text = _ZERO_WIDTH.sub("", _ODD_SPACES.sub(" ", normalize_newlines(text)))
    # runs of spaces never span a line break: collapse them in the whole text at once
    lines = (line.strip() for line in _SPACE_RUN.sub(" ", text).split("\n"))
    return "\n\n".join(line for line in lines if line)


def clean_text(raw: str, rules: list[Rule], doc_id: str = "", title: str = "") -> tuple[str, dict, list[dict]]:
    """Clean one article.

    Returns ``(clean_text, metadata, log)``: the clean text; ``{meta_<field>: value}``
    for metadata rules that matched (first match); and log rows (see
    :data:`CLEANING_LOG_COLUMNS`) with offsets into ``raw`` with its line endings made
    ``\\n`` (:func:`normalize_newlines`, applied before any rule; the corpus's
    ``raw_text`` is already so).
    """
    raw = normalize_newlines(raw)
    cuts: list[tuple[int, int]] = []
    log: list[dict] = []
    metadata: dict[str, str] = {}
    line_starts = [0, *(m.end() for m in _NEWLINE.finditer(raw))]
    for rule in rules:
        if not _may_match(rule, title, raw):
            continue
        for m in _rule_matches(rule.compile(title), _anchor(rule.pattern, rule.flags), raw, line_starts):
            if m.end() == m.start():
                continue
            log.append({"doc_id": doc_id, "rule": rule.name, "action": rule.action,
                        "text": m.group(0), "start": m.start(), "end": m.end()})
            if rule.action in ("remove", "metadata"):
                cuts.append((m.start(), m.end()))
            if rule.action == "metadata":
                metadata.setdefault(f"meta_{rule.field}", m.group("value").strip())
    for m in _NONBREAKING.finditer(raw):
        log.append({"doc_id": doc_id, "rule": "normalize_nonbreaking_space", "action": "normalize",
                    "text": m.group(0), "start": m.start(), "end": m.end()})
    kept, pos = [], 0
    for start, end in _merge(cuts):
        kept.append(raw[pos:start])
        pos = end
    kept.append(raw[pos:])
    # A cut inside a line (e.g. "{mosads}“Finally") must not glue words: cut → nothing,
    # but a cut that removed a whole line leaves the line break to the normalizer.
    return normalize_whitespace("".join(kept)), metadata, log


def cleaning_log(corpus: pd.DataFrame, rules: list[Rule] | None = None) -> pd.DataFrame:
    """The cleaning log of a corpus table (from :func:`~borderlines.corpus.load_corpus`):
    one row per removal, kept metadata, mark or normalized space, columns
    :data:`CLEANING_LOG_COLUMNS`. Recomputed from ``raw_text``, so it always matches."""
    rules = rules if rules is not None else load_rules()
    rows: list[dict] = []
    for doc in corpus[["doc_id", "raw_text", "title"]].itertuples(index=False):
        rows.extend(clean_text(doc.raw_text, rules, doc.doc_id, doc.title)[2])
    return pd.DataFrame(rows, columns=list(CLEANING_LOG_COLUMNS)).astype(
        {"start": "int64", "end": "int64"})


def kept_metadata(corpus: pd.DataFrame) -> pd.DataFrame:
    """``doc_id`` and the ``meta_*`` columns of the articles from which cleaning kept some
    metadata (a byline, a date line, a credit); no row for an article it kept nothing from."""
    columns = [c for c in corpus.columns if c.startswith("meta_")]
    table = corpus[["doc_id", *columns]]
    if not columns:
        return table.iloc[:0]
    kept = table[columns].fillna("").astype(str).apply(lambda col: col.str.strip() != "").any(axis=1)
    return table[kept].reset_index(drop=True)


def cleaning_summary(log: pd.DataFrame) -> pd.DataFrame:
    """Counts of log rows per rule and action, and characters affected."""
    if log.empty:
        return pd.DataFrame(columns=["rule", "action", "matches", "documents", "characters"])
    return (log.assign(characters=log["end"] - log["start"])
            .groupby(["rule", "action"], sort=False)
            .agg(matches=("doc_id", "size"), documents=("doc_id", "nunique"),
                 characters=("characters", "sum"))
            .reset_index())


#: Columns of :func:`embedded_posts`.
EMBEDDED_POST_COLUMNS = {
    "doc_id": "article id",
    "kind": "the mark rule's field (e.g. embedded_post)",
    "text": "the post's text, without its signature",
    "author": "name in the signature (e.g. 'Donald J. Trump', 'Sec. Kirstjen Nielsen')",
    "handle": "account handle (e.g. '@realDonaldTrump')",
    "posted": "date in the signature, as written",
    "start": "offset of the whole post (text and signature) in the clean text",
    "end": "end offset (exclusive) in the clean text",
    "text_end": "end offset of the post's text (before the signature) in the clean text",
}


def embedded_posts(corpus: pd.DataFrame, rules: list[Rule] | None = None) -> pd.DataFrame:
    """Posts (tweets) reproduced in the clean text and signed "— Name (@handle) date":
    one row per post, columns :data:`EMBEDDED_POST_COLUMNS`, offsets into ``text``."""
    rules = rules if rules is not None else load_rules()
    rows = []
    for rule in (r for r in rules if r.action == "mark"):
        anchor = _anchor(rule.pattern, rule.flags)
        for doc in corpus[["doc_id", "text", "title"]].itertuples(index=False):
            if not _may_match(rule, doc.title, doc.text):
                continue
            line_starts = [0, *(m.end() for m in _NEWLINE.finditer(doc.text))] if anchor == "line" else []
            for m in _rule_matches(rule.compile(doc.title), anchor, doc.text, line_starts):
                groups = m.groupdict()
                rows.append({"doc_id": doc.doc_id, "kind": rule.field,
                             "text": (groups.get("text") or m.group(0)).strip(),
                             "author": (groups.get("author") or "").strip(),
                             "handle": groups.get("handle") or "",
                             "posted": groups.get("date") or "",
                             "start": m.start(), "end": m.end(),
                             "text_end": m.end("text") if groups.get("text") else m.end()})
    return pd.DataFrame(rows, columns=list(EMBEDDED_POST_COLUMNS))

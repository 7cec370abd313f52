"""The source a sentence gives for its figures ("according to X", "X data show", "X said")."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS


# Attribution.
_SPEECH = re.compile(r"\b(?:said|says|told|tells|announced|announces|reported|reports|estimated|estimates"
                     r"|stated|states|added|adds|noted|notes|tweeted|wrote|writes|explained|replied|claimed"
                     r"|claims|testified|warned|acknowledged|confirmed|predicted|projected|argued|insisted)\b")
# _ACCORDING and _DATA_SOURCE start with a letter, the word boundary checked just after it
# (\b before a word character): the engine then scans for that letter instead of
# trying every position.
_ACCORDING = re.compile(r"(?:A|a)(?<!\w.)ccording\s+to\s+(?P<src>(?:(?:[A-Z]\.){2,}|[^,;.”\"\n])+?)"
                        r"(?=\s+(?:in|at|on|during|which|who|that|released|published)\b|[,;”\"]|\.(?:\s|$)|$)"
                        r"(?:(?:\s+(?:in|at|on|during)\s+[^,;.”\"\n]*)?,?\s+(?:quoting|citing)\s+"
                        r"(?P<cited>(?:(?:[A-Z]\.){2,}|[^;.”\"\n])+))?")
_DATA_SOURCE = re.compile(r"(?P<src>[A-Z](?<!\w.)[\w.&’'-]*\s+(?:[A-Z][\w.&’'-]*\s+){0,5}(?:data|figures|statistics|estimates|numbers))"
                          r"\s+(?:show|showed|shows|indicate|indicated|released|published)\b")
_TRAILING_AUX = re.compile(r"(?:\s+(?:has|have|had|also|later|previously|then|repeatedly|recently|publicly"
                           r"|would|will|once|first|initially))+\s*$")
_RELATIVE_SPEAKER = re.compile(r"\b(?:in\s+which|which|who|whom|where)\s+\S+\s*$")
_APPOSITIVE = re.compile(r"(?:^|[.;:“”\"—]\s*)(?P<name>[A-Z][^,]{0,80}?),\s+[^,]{1,80},\s*$")
_SUBJECT_SPLIT = re.compile(r"[,;:“”\"—()]|\bthat\b")
_SUBJECT_AFTER = re.compile(r"\s+(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})")
_SENTENCE_NAME = re.compile(r"^(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+[a-z]")
_PRONOUNS = frozenset("he she they it we i you".split())
_SOURCE_NOUNS = re.compile(r"\b(?:agency|office|officials?|government|ministry|department|data|figures|statistics"
                           r"|experts|analysts|spokes(?:man|woman|person)|president|secretary|commissioner|aides"
                           r"|administration|police|authorities|groups|advocates|researchers|agents|patrol)\b", re.I)


# ---------------------------------------------------------------------------------------
# Attribution

def _clean_source(src: str) -> str:
    return " ".join(src.strip(" ,.;:“”\"").split())


def _valid_source(src: str) -> bool:
    words = src.split()
    return (0 < len(words) <= 12 and (src[0].isupper() or src.lower().startswith(("the ", "a ")))
            and (any(w[0].isupper() for w in words) or bool(_SOURCE_NOUNS.search(src))))


def _subject_before(sentence: str, verb_start: int) -> str:
    seg = _TRAILING_AUX.sub("", sentence[:verb_start].rstrip())
    if _RELATIVE_SPEAKER.search(seg):
        return ""  # "a warning in which he said": speech reported inside a description
    if seg.endswith(","):
        app = _APPOSITIVE.search(seg)
        if app:
            return _clean_source(app.group("name"))
    chunk = _clean_source(_SUBJECT_SPLIT.split(seg)[-1])
    if chunk.lower() in _PRONOUNS:
        return chunk.lower()
    return chunk if _valid_source(chunk) else ""


def _sentence_sources(sentence: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]], str]:
    """``(cited, speakers, subject)``: data sources ("according to X", "X figures show"),
    speakers of speech verbs (position, name; pronouns as written) and the sentence's
    leading proper-name subject (to resolve a pronoun speaker)."""
    cited = []
    for m in _ACCORDING.finditer(sentence):
        src = _clean_source(m.group("src"))
        if m.group("cited"):
            src = f"{src} (citing {_clean_source(m.group('cited'))})"
        cited.append((m.start(), src))
    for m in _DATA_SOURCE.finditer(sentence):
        cited.append((m.start(), _clean_source(m.group("src"))))
    speakers = []
    for m in _SPEECH.finditer(sentence):
        name = _subject_before(sentence, m.start())
        if not name and re.search(r"[,”\"]\s*$", sentence[:m.start()]):
            after = _SUBJECT_AFTER.match(sentence, m.end())
            name = _clean_source(after.group("name")) if after else ""
        if name:
            speakers.append((m.start(), name))
    lead = _SENTENCE_NAME.match(sentence)
    subject = lead.group("name") if lead and lead.group("name").split()[0].lower() not in STOP_WORDS else ""
    return cited, speakers, subject


def _attribution(sources, pos: int) -> str:
    cited, speakers, subject = sources
    if cited:
        return min(cited, key=lambda c: abs(c[0] - pos))[1]
    named = [(p, s) for p, s in speakers if s.lower() not in _PRONOUNS]
    if named:
        before = [c for c in named if c[0] <= pos]
        return (before[-1] if before else named[0])[1]
    if speakers and subject:
        return subject
    return ""

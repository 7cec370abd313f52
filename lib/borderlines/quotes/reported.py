"""Reported speech (``indirect`` rows, :func:`_indirect_rows`): a verb of saying and its
reported clause ("X said (that) ...", "X told Y that ...", "..., X said", "according to
X, ..."), one row per speech act."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..patterns import trie_pattern
from .actors import _ActorIndex
from .vocabulary import (_ACCORDING_RE, _ADVERBS, _AUXILIARIES, _CLAUSE_VERBS, _CONTENT_LEAD, _FORM_LEMMA,
                         _GAP_RE, _HEADLINE_CALLED, _MARK_RE, _NOT_IN_DESCRIPTION, _OBJECT_VERBS, _PREPOSITIONS,
                         _PROMISE_VERBS, _TELL_OBJECT, _WORD_RE)
from .article import _Article
from .marks import _content_span
from .names import _described_mention
from .rows import _row
from .attribution import (_method_of, _opening_subject, _possessive_claims, _sentence_subject, _subject_after,
                          _subject_before)

# A question reported ("asked whether ...", "asked the board why ...") and an appeal
# ("urged Congress to act").
_ASKED_RE = re.compile(r"(?:\s+[\w'’.-]+){0,3}?\s+(?:whether|if|why|how|what|when|who|where)\b")
_URGED_RE = re.compile(r"(?:\s+[\w'’.-]+){1,4}?\s+to\s+[a-z]")
_BARE_CLAUSE_RE = re.compile(
    rf"\s+(?:(?:it|he|she|they|we|I|there)\s+(?:\w+ed|\w+s|{_AUXILIARIES})"
    # a described subject and an auxiliary: "acknowledged the old levee was ..."
    rf"|(?:the|a|an|this|its|his|her|their)(?:\s+(?!(?:that|which|who|whom|whose|and|or|to)\b)[\w'’-]+){{1,3}}"
    rf"\s+{_AUXILIARIES})\b")
_CLAUSE_LEAD_END_RE = re.compile(r"(?:\bthat|[,:])\s*$")

# "accused the board of hiding the cost", "accused Roe, who ..., of lying": a charge, reported
# like speech (whom it accuses and of what).
_ACCUSED_OF_RE = re.compile(r"\s+(?!of\b)[^.;:!?“”\"]{1,150}?\s+of\s+[a-z]+ing\b")
# "called for a ban", "called Friday on police to act": a demand, reported like speech.
_CALL_FOR_RE = re.compile(rf"(?:\s+{_ADVERBS})*\s+(?:for|on)\b")
# "called the plan a mistake", "described the plan as ruinous": a characterization, reported
# like speech (the object and what it is called, to the end of the clause); not "called a
# meeting", "called him a week later", "called reporters to a briefing".
_CALLED_RE = re.compile(r"\s+(?![Aa]n?\b)[\w'’.-]+(?:\s+[\w'’.-]+){0,13}?\s+(?P<before>[\w'’.-]+)\s+an?\s+"
                        r"(?!(?:day|week|month|year|few|couple|number|lot|bit|time|minute|moment)\b)[\w'’-]")
_HEADLINE_CALLED_RE = re.compile(_HEADLINE_CALLED)
# "called the charges unsubstantiated", "called the report false and misleading": a
# determined object and a word that reads as an adjective, ending the clause.
_CALLED_ADJECTIVE_RE = re.compile(
    r"\s+(?:the|his|her|its|their|these|those|this|that|such)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:un\w+ed|\w+(?:less|ous|ful|ive|ible|able|ic|ent|ant|ist)|false|wrong|untrue|unfair|absurd|nonsense)"
    r"(?=\s+(?:and|or|by|in|because)\b|\s*[,.;:]|$)")
_DESCRIBED_AS_RE = re.compile(r"(?:\s+[\w'’.-]+){1,8}?\s+as\s+[\w'’-]")
_CLAUSE_END_RE = re.compile(r"[,;:]")
_COMMA_CONJUNCTION_RE = re.compile(r",\s+(?:and|but|though|although|while|whereas)\b")
# A second speech act coordinated with the first ("..., but he said that ..."): the first
# reported clause ends before it.
_COORDINATED_SPEECH_RE = re.compile(
    r",?\s+(?:but|and|while|whereas)\s+(?:he|she|they|it|we|I|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
    rf"(?:\s+{_ADVERBS})*\s+" + trie_pattern([f for f in _FORM_LEMMA if not f.endswith("ing")]) + r"\b")
# A sentence (or headline) that opens with a plain noun phrase as the verb's subject:
# "Critics of the plan say ...", "Former harbor chief says ...".
# Words that cannot end a noun phrase speaking ("The calls for ...", "Her vows to ...").
_NOT_A_HEAD = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "whose"})
# Clause words that do belong to a described speaker: "aides to the mayor", "aides to Roe",
# "those close to ...", "those familiar with ...".
_DESCRIBING_WORD_RE = re.compile(r"(?i:to)\s+(?:(?i:the|a|an|his|her|their|him|them)\b|[A-Z]).*"
                                 r"|(?i:those)\s+(?:close|familiar|involved|briefed)\b")
_TWO_GROUPS_RE = re.compile(r"[A-Z][a-z]+[^s\W]s\s+and\s+[a-z]+[^s\W]s")
# (after a conjunction or a short opening phrase: "However, 63 percent said ...")
_NOUN_PHRASE_SUBJECT_RE = re.compile(r"\s*((?:And|But|So|Yet|Now)\s+|(?:[\w'’.-]+\s+){0,2}[\w'’.-]+,\s+)?([\w'’.-]+(?:\s+[\w'’.-]+){0,7})"
                                     rf"(?:\s+{_ADVERBS})*\s*")
# A relative clause between a described subject and its verb: "The county clerk, who runs
# the rolls, said ...".
_RELATIVES = frozenset({"who", "whom", "which"})     # ("..., which vowed to ..." reports what follows)
_CLAUSE_BREAK_RE = re.compile(r",|\s--|\s[—–]")
# A second clause joined to the first: "..., while 73 percent said ...", "...; but critics say ...".
_JOINED_CLAUSE_RE = re.compile(r"[,;]\s+(?:while|whereas|and|but|though|although|yet)\s+")
_OPENERS = frozenset({"however", "still", "meanwhile", "overall", "instead", "yet", "separately", "moreover",
                      "also", "now", "today", "similarly", "likewise", "nationally", "statewide", "elsewhere"})
_RELATIVE_TAIL_RE = re.compile(r"\s*,\s*(?:who|which)\b[^,;:“”\"«»]{1,160},\s*$")

# A verb of saying coordinated with an earlier verb: "... and said", "..., and later said",
# "... but has said".
_AND_BEFORE_RE = re.compile(rf"\b(?:and|but)(?:\s+{_ADVERBS})*\s+$")

# After a reported clause and its speaker ("..., he said"), only circumstances may follow:
# when, to whom ("told reporters", "told The Gazette"), where, and a clause about the
# circumstances (", as they waited for the storm").
_CIRCUMSTANCES = (r"(?:\s+(?:morning|afternoon|evening|night))?"
                  # (no "that": "..., he told a meeting of X that ..." reports what follows)
                  r"(?:\s+(?:in|at|on|during|to|from|via|after|before|with|by|while|of)\b(?:(?!\bthat\b)[^,;“”\"])*)?"
                  r"(?:,\s+(?:as|while|when|after|before|because|though|although|amid|adding|noting|citing|and|but)"
                  r"\b[^“”\"«»]*)?\s*[.!?]?\s*")
_REVERSE_REST_RE = re.compile(rf"(?:\s+{_ADVERBS})*(?:\s+(?:reporters|journalists))?" + _CIRCUMSTANCES)
_TELL_REST_RE = re.compile(rf"(?:\s+{_ADVERBS})*{_TELL_OBJECT}?(?:\s+{_ADVERBS})*" + _CIRCUMSTANCES)
# After an inverted speaker ("..., said Dana Kolb"): circumstances, or an appositive to the
# end of the sentence (", the lawyer for the port authority.").
_INVERTED_REST_RE = re.compile(r"\s*,[^“”\"«»]*")
# (an aside before "that": "insisted, most recently in a radio interview, that ...")
_ASIDE_BEFORE_THAT = r"(?:\s*,[^,;:“”\"«»]{1,120},(?=\s*that\b))?"
_CONTENT_START_RE = re.compile(_CONTENT_LEAD + _ASIDE_BEFORE_THAT + r"\s*[,:]?\s*(?:that\b\s*)?")
_TELL_CONTENT_START_RE = re.compile(_TELL_OBJECT + r"?" + _CONTENT_LEAD + r"\s*[,:]?\s*(?:that\b\s*)?")
# "told a meeting of dock workers that ...": a longer object, to "that" (no comma, no mark).
_TELL_THAT_RE = re.compile(rf"(?:\s+(?!that\b)[\w.'’-]+){{1,8}}?\s+that\b(?!\s+{_AUXILIARIES}\b)\s*")
_REVERSE_TAIL_RE = re.compile(
    r",\s+(?:he|she|it|they|(?:the\s+)?[A-Za-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?:later\s+|also\s+)?(?:said|added|told|wrote|noted|explained)\b[^,“”\"]*$")
_COMMA_THE_END_RE = re.compile(r",\s*(?:[\w'’-]+\s+){0,3}$")   # ", the", ", top state"
_COLON_QUOTE_RE = re.compile(r":\s*[“\"«]")
_COMMA_ACCORDING_RE = re.compile(r",\s+according to\b")
_ACCORDING_GAP_RE = re.compile(r"\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,2}")
_COMMA_END_RE = re.compile(r",\s*$")
# "by telling", "after saying", "while insisting": a participle whose subject is the sentence's.
_PARTICIPLE_LEAD_RE = re.compile(r"\b(?:by|after|before|while|when|without|in)\s+$")
_ASIDE_END_RE = re.compile(r"(?:,|—|–|\s--)\s*$")     # "..., according to X", "... — according to X"
_ASIDE_RE = re.compile(r",\s+\S")

# The source after "according to" when no name is there: up to eight words to a comma or a stop.
_ACCORDING_SOURCE_RE = re.compile(r"\s+((?:[\w.'’/-]+\s+){0,7}[\w'’/-]+)\s*(?=[,.;]|$)")


def _indirect_rows(art: _Article, used_verbs: set[int], index: _ActorIndex, group0: int) -> list[dict]:
    """Reported speech: "X said (that) ...", "..., X said", "according to X". A sentence
    gives one row per speech act: verbs inside an earlier reported clause are skipped."""
    text = art.text
    rows: list[dict] = []
    taken: dict[int, list[tuple[int, int]]] = {}   # sentence -> spans already reported (within it)

    def inside_taken(pos):
        return any(a <= pos < b for a, b in taken.get(art.sentence_of(pos), ()))

    def add(start, end, si, mention, appositive, cover, extra=()):
        start, end = _content_span(text, start, end)
        while end > start and text[end - 1] in ".!?;:—–- ":
            end -= 1
        if len(_WORD_RE.findall(text, start, end)) < 3 or text[start] in "“\"«":
            return
        flags = [*extra, *(["contains_quote"] if _MARK_RE.search(text, start, end) else [])]
        rows.append(_row(art, "indirect", start, end, art.sent_starts[si], art.sent_ends[si], mention,
                         _method_of(mention, appositive), flags, index, group0 + len(rows)))
        taken.setdefault(si, []).append(cover)

    for verb in art.verbs:
        calls = ((verb.lemma == "call" and _CALL_FOR_RE.match(text, verb.end))
                 or (verb.lemma == "accuse" and _ACCUSED_OF_RE.match(text, verb.end))
                 or (verb.lemma == "ask" and (_ASKED_RE.match(text, verb.end) or _URGED_RE.match(text, verb.end)))
                 or (verb.lemma == "urge" and _URGED_RE.match(text, verb.end)))
        characterizes = not calls and _characterizes(text, verb)
        calls = calls or characterizes
        if (verb.lemma not in _CLAUSE_VERBS and not calls) or verb.start in used_verbs or inside_taken(verb.start):
            continue
        si = art.sentence_of(verb.start)
        s_lo, s_hi = art.sent_starts[si], art.sent_ends[si]
        found = _subject_before(art, verb, s_lo)
        coordinated = False
        if (not found or not (verb.participle or _GAP_RE.fullmatch(text, found[0].end, verb.start))) \
                and (_AND_BEFORE_RE.search(text, max(s_lo, verb.start - 40), verb.start)
                     or (verb.participle and not found
                         and (_COMMA_END_RE.search(text, s_lo, verb.start)
                              or _PARTICIPLE_LEAD_RE.search(text, max(s_lo, verb.start - 12), verb.start)))):
            # "Democrats described the plan as ominous, and said ...", "A judge rejected the
            # request, saying ...", "She won them over by telling them ...": the sentence's subject
            subject = _sentence_subject(art, verb.start, index)
            if subject is None and verb.participle:
                subject = _opening_subject(art, s_lo, verb.start, index)
            found, coordinated = ((subject, False), True) if subject is not None else (None, False)
        adjacent = found and (verb.participle or coordinated or _GAP_RE.fullmatch(text, found[0].end, verb.start))
        inverted = _subject_after(art, verb, s_hi) if not adjacent else None
        if inverted:
            # "..., noted Dana Kolb." — the reported clause comes first, the speaker after
            lead = _COMMA_END_RE.search(text, s_lo, verb.start)
            if lead and text[s_lo:lead.start()].strip() and (
                    _REVERSE_REST_RE.fullmatch(text, inverted[0].end, s_hi)
                    or _INVERTED_REST_RE.fullmatch(text, inverted[0].end, s_hi)):
                add(s_lo, lead.start(), si, inverted[0], inverted[1], (s_lo, s_hi))
                continue
            # no clause before it: the words after the verb are its object or clause
            # ("Only 41 percent of residents said the buses ..."), the subject is before it
        if not found and not verb.participle:
            subject = _noun_phrase_subject(text, s_lo, verb.start)
            relative = _RELATIVE_TAIL_RE.search(text, s_lo, verb.start) if subject is None else None
            if relative:
                subject = _noun_phrase_subject(text, s_lo, relative.start())
            joined = None if subject is not None else _last_match(_JOINED_CLAUSE_RE, text, s_lo, verb.start)
            if joined:
                # "..., while 73 percent said ...": the subject of a second clause
                subject = _noun_phrase_subject(text, joined.end(), verb.start)
            aside = _ASIDE_RE.match(text, verb.end, s_hi)
            if subject is None and aside:
                # "..., aides to the mayor say, the governor ...": an aside within the clause
                comma = text.rfind(",", s_lo, verb.start)
                subject = _noun_phrase_subject(text, comma + 1, verb.start) if comma > s_lo else None
            found = adjacent = (subject, False) if subject is not None else None
        if not adjacent:
            continue
        mention, appositive = found
        before = text[s_lo:mention.start]
        comma = _COMMA_THE_END_RE.search(before)
        rest = text[verb.end:s_hi]
        if (comma and before[:comma.start()].strip() and not verb.participle and mention.word not in _RELATIVES
                and (_TELL_REST_RE if verb.lemma == "tell" else _REVERSE_REST_RE).fullmatch(rest)):
            # "..., he said." — the reported clause comes first
            add(s_lo, s_lo + comma.start(), si, mention, appositive, (s_lo, s_hi))
            continue
        lead = ((_TELL_THAT_RE.match(text, verb.end, s_hi) or _TELL_CONTENT_START_RE.match(text, verb.end, s_hi))
                if verb.lemma == "tell" else _CONTENT_START_RE.match(text, verb.end, s_hi))
        start = lead.end() if lead else verb.end
        para = art.paragraph_of(verb.start)
        if (text[start - 1:start + 1].strip() == ":" or text[verb.end:start].strip() == ":") \
                and not text[start:art.paragraphs[para][1]].strip() and para + 1 < len(art.paragraphs):
            # "The governor added:" and the words set off in the next paragraph, without marks
            lo, hi = art.paragraphs[para + 1]
            if not _MARK_RE.search(text, lo, hi):
                add(lo, hi, art.sentence_of(lo), mention, appositive, (verb.start, s_hi), ("block_quote",))
            continue
        if start < s_hi and text[start] in "“\"«":
            continue   # the complement is a quotation: a direct or partial row already
        if (verb.lemma in _OBJECT_VERBS and not _CLAUSE_LEAD_END_RE.search(text, verb.end, start)
                and not (verb.lemma in _PROMISE_VERBS and text[verb.end:verb.end + 4].lower() == " to ")
                and not _BARE_CLAUSE_RE.match(text, verb.end)):
            continue   # an object, not a reported clause
        end = s_hi
        if characterizes:
            clause_end = _CLAUSE_END_RE.search(text, start, s_hi)
            end = clause_end.start() if clause_end else end
        if mention.word in _RELATIVES:
            comma = _CLAUSE_BREAK_RE.search(text, start, s_hi)      # the relative clause ends at its comma
            end = comma.start() if comma else end
        second = _COORDINATED_SPEECH_RE.search(text, start, end) or _next_speech_act(art, verb, start, end)
        if second:
            end = second.start()
        tail = _REVERSE_TAIL_RE.search(text, start, end if second else s_hi)
        if tail:
            end = tail.start()
        according = _COMMA_ACCORDING_RE.search(text, start, end)
        if according:
            end = according.start()
        introduced = _COLON_QUOTE_RE.search(text, start, end)
        if introduced:       # "... on women in the workplace: “...”": the quotation is its own row
            end = introduced.start()
        add(start, end, si, mention, appositive, (verb.start, end if characterizes or second else s_hi))
    for owner, start in _possessive_claims(art, 0, len(text)):
        if not inside_taken(start):        # "Roe’s claim that the levee would hold"
            si = art.sentence_of(start)
            add(start, art.sent_ends[si], si, owner, False, (start, art.sent_ends[si]))
    for m in _ACCORDING_RE.finditer(text):
        if art.in_quoted(m.start()) or inside_taken(m.start()):
            continue
        si = art.sentence_of(m.start())
        s_lo, s_hi = art.sent_starts[si], art.sent_ends[si]
        men = next((x for x in art.mentions_in(m.end(), min(s_hi, m.end() + 60))
                    if _ACCORDING_GAP_RE.fullmatch(text[m.end():x.start])), None)
        if men is None or not men.speaker:
            source = _ACCORDING_SOURCE_RE.match(text, m.end(), s_hi)
            if not source:
                continue
            men = _described_mention(text, source.start(1), source.end(1))
        if _ASIDE_END_RE.search(text[s_lo:m.start()]):
            add(s_lo, m.start(), si, men, False, (s_lo, s_hi))
        elif not text[s_lo:m.start()].strip():
            comma = text.find(",", men.end, s_hi)
            if comma > 0:
                add(comma + 1, s_hi, si, men, False, (s_lo, s_hi))
    return rows


def _characterizes(text: str, verb) -> bool:
    """Whether ``verb`` ("called", "described") characterizes its object: "called the plan
    a mistake", "described the plan as ruinous" (not "so-called", "called a meeting")."""
    if verb.lemma == "describe":
        found = _DESCRIBED_AS_RE.match(text, verb.end)
    elif verb.lemma == "call" and text[verb.start - 1:verb.start] != "-":
        found = _CALLED_RE.match(text, verb.end)
        found = found if found and found.group("before").lower() not in _PREPOSITIONS else None
        found = found or _HEADLINE_CALLED_RE.match(text, verb.end) or _CALLED_ADJECTIVE_RE.match(text, verb.end)
    else:
        return False
    return bool(found) and not _CLAUSE_END_RE.search(text, verb.end, found.end())


def _noun_phrase_subject(text: str, s_lo: int, verb_start: int):
    """The described speaker when everything before the verb, from ``s_lo``, is a noun
    phrase of up to eight words with no verb, pronoun or clause word in it (its first word
    not a preposition; "to" only before a noun phrase, "advisers to the mayor", and "those"
    only as "those close to", "those familiar with"), else None."""
    m = _NOUN_PHRASE_SUBJECT_RE.fullmatch(text, s_lo, verb_start)
    if not m:
        return None
    opening = (m.group(1) or "").split()
    if opening and opening[-1].endswith(",") and not (
            opening[0].lower() in _PREPOSITIONS or opening[0].endswith(("ly", "ing")) or opening[0].lower().rstrip(",") in _OPENERS):
        return None      # "Kolb, Roe and Park said": a list of names, not an opening phrase
    if _TWO_GROUPS_RE.fullmatch(m.group(2)):      # "Companies and individuals complain that ..."
        return _described_mention(text, *m.span(2))
    words = m.group(2).split()
    if (words[0].lower() in _PREPOSITIONS or words[-1].lower() in _NOT_A_HEAD
            or any(w.lower() in _NOT_IN_DESCRIPTION and not _DESCRIBING_WORD_RE.fullmatch(" ".join(words[i:i + 2]))
                   for i, w in enumerate(words))
            or any(w.lower() in _FORM_LEMMA for w in words) or not words[-1][0].isalpha()):
        return None
    return _described_mention(text, *m.span(2))


def _last_match(pattern: re.Pattern, text: str, lo: int, hi: int):
    """The last match of ``pattern`` in ``text[lo:hi]``, or None."""
    last = None
    for last in pattern.finditer(text, lo, hi):
        pass
    return last


class _Cut(NamedTuple):
    offset: int

    def start(self) -> int:
        return self.offset


def _next_speech_act(art: _Article, verb, start: int, end: int) -> _Cut | None:
    """Where the reported clause of ``verb`` (``text[start:end]``) ends because a second
    speech act with a subject of its own follows after a comma ("..., and when pressed,
    the mayor replied"), or None."""
    text = art.text
    for v2 in art.verbs_in(start, end):
        if v2.participle or v2.lemma not in _CLAUSE_VERBS or _REVERSE_REST_RE.fullmatch(text, v2.end, end):
            continue                     # (a trailing "..., he said" reports this same clause)
        found = _subject_before(art, v2, start)
        if found and found[0].start > start and _GAP_RE.fullmatch(text, found[0].end, v2.start):
            joined = _COMMA_CONJUNCTION_RE.search(text, start, found[0].start)
            comma = joined.start() if joined else max(text.rfind(c, start, found[0].start) for c in ",―—–")
            if comma > start:
                return _Cut(comma)
    return None

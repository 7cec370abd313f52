"""The speaker of each quotation in quotation marks: the attribution after the closing
mark ("“...,” he said", "said Brown", a signature, "according to X"), before the
opening mark ("Pompeo added that “...”"), a transcript label, a paragraph introduced by
a colon, the sentence's subject; shared by the parts of a split or continued quotation
(:func:`_quoted_rows`)."""

from __future__ import annotations

import re

from .actors import _ActorIndex
from .vocabulary import (_ACCORDING_RE, _ADVERBS, _FORM_LEMMA, _APPOSITIVE_RE, _CONJUNCTIONS, _DETERMINERS, _GAP_RE,
                         _INVERTIBLE, _NOT_IN_DESCRIPTION, _OF_BEFORE_RE, _ORG_HEADS, _PREPOSITIONS, _RUN_RE,
                         _SUBJECT_VERB_RE, _WORD_RE)
from .article import _Article, _Mention, _Verb
from .marks import _is_scare_quote, _is_term, _quote_kind, _Segment
from .names import _described_mention, _inverted_subject, _is_possessive, _text_mention, _trimmed_run
from .rows import _row

# After a speaker in subject position comes a verb-like word (or a relative clause).
_SUBJECT_POSITION_RE = re.compile(
    r"\s*,\s*(?:who|whose)\b|"
    r"(?:\s*,[^,;:“”\"]{1,160},)?(?:\s+" + _ADVERBS + r")*"
    r"\s+(?!(?:and|or|but|of|in|at|on|to|for|with|by|from|about|as|the|a|an|that|this|who|"
    r"which|whose|is|are|was|were)\b)[a-z][a-z’'-]+\b")

# Between a closing mark and the speaker: punctuation and up to ten words describing the
# speaker ("Acme lawyer", "Obama's former campaign strategist").
_LEAD_FILLER_RE = re.compile(r"[\s,.!?;:—–-]*(?:[\w.'’$%-]+,?\s+){0,10}")
# A conjunction after the closing mark opens a clause of its own: “...,” though she noted ...
_NEW_CLAUSE_RE = re.compile(r"\b(?:though|although|but|while|whereas|because|if|unless)\b")
_PUNCT_ONLY_RE = re.compile(r"[\s,.!?;:—–-]*")
_WORD_BEFORE_RE = re.compile(r"(\w+)\s+(?:(?:the|a|an)\s+)?$")
_HEAD_OF_BEFORE_RE = re.compile(r"(\w+)\s+of\s+(?:(?:the|a|an)\s+)?$")
_TO_COLON_RE = re.compile(r"[^.!?“”\"]*?[,:]\s*")
_THE_GAP_RE = re.compile(r"\s+(?:the\s+)?")
_OF_PLACE_RE = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?")
# A bare comma before a verb of saying ("... alter the campaign, noted Kolb"): the words
# before it are the reported clause, never the verb's subject.
_BARE_COMMA_RE = re.compile(r"\s*,\s*")
_COMMA_BEFORE_RE = re.compile(r",\s*$")
# A participle set off from its main clause: ", saying", "— while chanting".
_SET_OFF_RE = re.compile(r"(?:[,—–]|\s-)\s*(?:(?:while|when|before|after|all\s+while)\s+)?$")
# A mention inside a relative or "where" clause ("Kolb, who chairs the board, said", "a
# contractor who said ...", ", where Roe met ..."): the clause's, not the verb's subject.
_IN_CLAUSE_RE = re.compile(r"(?:,\s*|\s)(?:who|whom|whose|which|where|when)\b[^,;:“”\"«»]*$")
_APPOSITIVE_HEAD_RE = re.compile(r"[\w.'’)],\s+(?:a|an|the|one|its|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?"
                                 r"\w+\s+of\s+(?:(?:the|a|an)\s+)?$")


def _after_bare_comma(text: str, m: _Mention, verb: _Verb) -> bool:
    """Whether only a comma stands between ``m`` and ``verb`` and ``m`` is no appositive
    set off by commas ("The vote will not alter the campaign, noted Kolb", not "The
    chairman, Phil Lovas, said")."""
    return (bool(_BARE_COMMA_RE.fullmatch(text, m.end, verb.start))
            and not _COMMA_BEFORE_RE.search(text, max(0, m.start - 10), m.start))


def _eligible_subject(art: _Article, m: _Mention) -> bool:
    """A mention that can be a verb's subject: not a possessive, not after a preposition
    (except "of" after an organisation noun: "the office of the U.N. refugee agency").
    Asked again and again of the same mentions (fixed once found): remembered."""
    known = art.eligible.get(id(m))
    if known is None:
        known = art.eligible[id(m)] = _eligible(art.text, m)
    return known


def _eligible(text: str, m: _Mention) -> bool:
    if m.possessive:
        return False
    before = _WORD_BEFORE_RE.search(text[max(0, m.start - 40):m.start])
    if before and before.group(1).lower() in _PREPOSITIONS and not (
            before.group(1).lower() in _CONJUNCTIONS and not before.group(0).endswith(("the ", "a ", "an "))):
        if before.group(1).lower() != "of":
            return False
        head = _HEAD_OF_BEFORE_RE.search(text[max(0, m.start - 60):m.start])
        # ("Ana Pell, a member of the Harbor Council, said": an appositive, Pell speaks)
        return (bool(head) and head.group(1).lower() in _ORG_HEADS
                and not _APPOSITIVE_HEAD_RE.search(text[max(0, m.start - 80):m.start]))
    return True


def _appositive_between(text: str, a: int, b: int) -> bool:
    return bool(_APPOSITIVE_RE.match(text, a)) and _APPOSITIVE_RE.match(text, a).end() <= b


def _subject_before(art: _Article, verb: _Verb, floor: int):
    """(mention, appositive?) of the speaker of ``verb``, looking left of it from ``floor``:
    the nearest eligible mention if it stands next to the verb (weak mentions must), else
    the nearest full name or institution in subject position; for a participle ("...,
    telling"), else the subject of an earlier speech verb of the sentence. A participle set
    off after its clause ("..., saying") whose nearest subject stands in a relative or
    "where" clause speaks for the sentence's subject instead."""
    found = _nearest_subject(art, verb, floor)
    text = art.text
    if (found and verb.participle and _SET_OFF_RE.search(text, max(floor, verb.start - 30), verb.start)
            and (found[0].word in ("who", "whom", "which")
                 or _IN_CLAUSE_RE.search(text, max(floor, found[0].start - 200), found[0].start))):
        lo = art.sent_starts[art.sentence_of(verb.start)]
        subject = _opening_subject(art, lo, verb.start, art.index) or _sentence_subject(art, verb.start, art.index)
        if subject is not None and subject.start >= floor:
            return subject, False
    return found


def _nearest_subject(art: _Article, verb: _Verb, floor: int, depth: int = 0):
    """(mention, appositive?) of the speaker of ``verb`` (see :func:`_subject_before`):
    the nearest eligible mention if it stands next to the verb (weak mentions must), else
    the nearest full name or institution in subject position; for a participle ("...,
    telling"), else the subject of an earlier speech verb of the sentence."""
    text = art.text
    cands = art.mentions_in(floor, verb.start)
    for m in reversed(cands):
        if not _eligible_subject(art, m):
            if (verb.participle and not m.possessive and not text[m.end:verb.start].strip()
                    and _OF_BEFORE_RE.search(text, max(0, m.start - 5), m.start)):
                return m, False          # "footage of Ana Roe asking ...", "a video of him saying"
            continue
        # a participle after a comma belongs to the sentence's subject, not to the
        # name before the comma ("... in Tulsa, Oklahoma, arguing that")
        if (_GAP_RE.fullmatch(text, m.end, verb.start) and not (verb.participle and "," in text[m.end:verb.start])
                and not _after_bare_comma(text, m, verb)):
            if "," in text[m.end:verb.start] and _IN_CLAUSE_RE.search(text, max(floor, m.start - 250), m.start):
                continue
            return m, _appositive_between(text, m.end, verb.start)
        break
    for m in reversed(cands):               # "Kolb, who ... Ana Roe since ..., blasted"
        if (not m.weak and _eligible_subject(art, m) and "," in text[m.end:verb.start]
                and not verb.participle and _GAP_RE.fullmatch(text, m.end, verb.start)
                and not _after_bare_comma(text, m, verb)):
            return m, _appositive_between(text, m.end, verb.start)
    for m in reversed(cands):
        if (not m.weak and _eligible_subject(art, m)
                and _SUBJECT_POSITION_RE.match(text, m.end)):
            return m, _appositive_between(text, m.end, verb.start)
    if verb.participle and depth == 0:
        for v in art.verbs_in(floor, verb.start):
            if not v.participle:
                found = _nearest_subject(art, v, floor, depth + 1)
                if found:
                    return found
    return None


def _subject_after(art: _Article, verb: _Verb, limit: int):
    """(mention, appositive?) of an inverted attribution: "said Brown, who ..."."""
    if verb.lemma not in _INVERTIBLE:
        return None
    for m in art.mentions_in(verb.end, min(limit, verb.end + 80))[:1]:
        if m.method != "pronoun" and _inverted_subject(art.text, verb.end, m.start, m.end):
            return m, bool(_APPOSITIVE_RE.match(art.text, m.end))
    return None


def _post_limit(art: _Article, seg: _Segment, next_open: int) -> int:
    """End of the text after a closing mark that may hold its attribution."""
    si = art.sentence_of(max(seg.close_end - 1, seg.open))
    end = art.sent_ends[si]
    # The sentencizer ends a sentence at "!”" even when a lowercase attribution follows.
    # It does so too before a capitalized one ("“Why wait?” Kolb asked."), which the
    # attribution rules then check word by word.
    while (si + 1 < len(art.sent_starts)
           and (art.text[art.sent_starts[si + 1]:art.sent_starts[si + 1] + 1].islower()
                or (art.sent_starts[si + 1] <= seg.close_end + 1 and art.text[seg.close - 1:seg.close] in "?!"))
           and "\n" not in art.text[end:art.sent_starts[si + 1]]):
        si += 1
        end = art.sent_ends[si]
    return min(max(end, seg.close_end), next_open, art.paragraphs[seg.para][1])


# A quotation signed after a dash, alone to the end of its line: “...” ― Ana Roe
_SIGNATURE_RE = re.compile(r"[ \t]*[―—–][ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})[ \t.]*(?=\n|$)")

# A transcript's speaker label opening a quotation: “ROE: We will ...”
_LABEL_RE = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")


def _label_attribution(art: _Article, seg: _Segment):
    """(mention, False, None) of a transcript label opening the quotation ("PENCE: ..."),
    the name resolved like any surname the article names."""
    m = _LABEL_RE.match(art.text, seg.q_start)
    if not m:
        return None
    written = m.group(1).title()
    mention = _text_mention(art, m.start(1), m.end(1), art.index, written)
    return mention, False, None


def _post_attribution(art: _Article, seg: _Segment, limit: int):
    """(mention, appositive?, verb) named right after the closing mark: “...,” he said /
    said Brown / Ebrard said / according to X."""
    text = art.text
    a = seg.close_end
    signed = _SIGNATURE_RE.match(text, a)
    if signed:
        s, e = _trimmed_run(text, signed.start(1), signed.end(1))
        if e > s:
            return _text_mention(art, s, e, art.index), False, None
    verbs = art.verbs_in(a, min(limit, a + 220))
    if verbs:
        verb = verbs[0]
        if _PUNCT_ONLY_RE.fullmatch(text, a, verb.start):
            found = _subject_after(art, verb, limit)
            return (*found, verb) if found else None
        for m in art.mentions_in(a, verb.start):
            if (_LEAD_FILLER_RE.fullmatch(text, a, m.start) and _GAP_RE.fullmatch(text, m.end, verb.start)
                    and not _NEW_CLAUSE_RE.search(text, a, m.start)):
                return m, _appositive_between(text, m.end, verb.start), verb
    according = _ACCORDING_RE.search(text, a, limit)
    if according and _PUNCT_ONLY_RE.fullmatch(text, a, according.start()):
        for m in art.mentions_in(according.end(), limit)[:1]:
            if _THE_GAP_RE.fullmatch(text[according.end():m.start]) and m.speaker:
                return m, False, None
    return None


def _pre_attribution(art: _Article, seg: _Segment, floor: int):
    """(mention, appositive?, verb) of the speech verb before the opening mark: Pompeo
    added that “...” / said Brown: “...” / according to X, “...”."""
    text = art.text
    for verb in list(reversed(art.verbs_in(floor, seg.open)))[:2]:
        after = _subject_after(art, verb, seg.open)
        if after and _TO_COLON_RE.fullmatch(text[after[0].end:seg.open]):
            return (*after, verb)
        found = _subject_before(art, verb, floor)
        if found:
            return (*found, verb)
    for m in _ACCORDING_RE.finditer(text, floor, seg.open):
        for men in art.mentions_in(m.end(), seg.open)[:1]:
            if _THE_GAP_RE.fullmatch(text[m.end():men.start]) and men.speaker:
                return men, False, None
    claims = _possessive_claims(art, floor, seg.open)
    return (claims[-1][0], False, None) if claims else None


# A claim its owner made, named by a possessive: "Roe’s claim that", "Kolb's repeated insistence that".
_POSSESSIVE_CLAIM_RE = re.compile(
    r"['’]s?\s+(?:(?:\w+ly|earlier|latest|repeated|recent|own|public|frequent)\s+)?"
    r"(?:claims?|assertions?|statements?|insistence|arguments?|contention|suggestions?|warnings?|promises?|"
    r"pledges?|vows?|allegations?|accusations?|emphasis|admission|predictions?|boasts?|remarks?|comments?|"
    r"complaints?|declarations?|announcement)\s+that\b")
_POSSESSIVE_OWNER_RE = re.compile(r"((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)$")


def _possessive_claims(art: _Article, lo: int, hi: int) -> list[tuple[_Mention, int]]:
    """``(owner, offset after "that")`` of each claim named by a possessive in
    ``text[lo:hi]`` outside quotations ("Roe’s claim that ..."): the owner is the name
    before the possessive, resolved like any name the text gives."""
    text = art.text
    out = []
    for m in _POSSESSIVE_CLAIM_RE.finditer(text, lo, hi):
        if art.in_quoted(m.start()):
            continue
        owner = _POSSESSIVE_OWNER_RE.search(text, max(lo, m.start() - 80), m.start())
        if not owner:
            continue
        s, e = _trimmed_run(text, owner.start(1), owner.end(1))
        if e == m.start() and e > s:
            known = [x for x in art.mentions_in(s, e + 3) if x.end == e and x.speaker]
            out.append((known[0] if known else _text_mention(art, s, e, art.index), m.end()))
    return out


def _method_of(m: _Mention, appositive: bool) -> str:
    if m.method == "pronoun":
        return "pronoun"
    if m.type in ("institution", "group", "nominal"):
        return "institution"
    return "appositive" if appositive else m.method


def _after_attributed_sentence(art: _Article, seg: _Segment):
    """The attribution of a quotation that opens right after a sentence ending in its
    verb of saying ("..., Kolb said. “The rest ...”", "Kolb said: “...”"), or None."""
    lo = art.paragraphs[art.paragraph_of(seg.open)][0]
    verbs = art.verbs_in(max(lo, seg.open - 120), seg.open)
    if not verbs or not _AFTER_VERB_END_RE.fullmatch(art.text, verbs[-1].end, seg.open):
        return None
    verb = verbs[-1]
    found = _subject_after(art, verb, seg.open) or _subject_before(art, verb, art.sent_starts[art.sentence_of(verb.start)])
    return (found[0], _method_of(*found), ()) if found else None


# After a sentence's verb of saying: when and where, then its end.
_AFTER_VERB_END_RE = re.compile(r"(?:\s+[\w'’.-]+){0,4}?\s*[.:]\s*")


def _introduced_by_colon(art: _Article, seg: _Segment, index: _ActorIndex):
    """The attribution of a quotation opening a paragraph after a paragraph that
    introduces it with a colon ("Kolb added:" / "The Herald reports:"), or None."""
    para = art.paragraph_of(seg.open)
    if para == 0 or art.text[art.paragraphs[para][0]:seg.open].strip():
        return None
    lo, hi = art.paragraphs[para - 1]
    if not art.text[lo:hi].rstrip().endswith(":"):
        return None
    for verb in reversed(art.verbs_in(lo, hi)):
        found = _subject_after(art, verb, hi) or _subject_before(art, verb, lo)
        if found:
            return found[0], _method_of(*found), ()
    subject = _sentence_subject(art, hi - 1, index)     # "Kolb made this remark:"
    return (subject, _method_of(subject, False), ()) if subject is not None else None


def _share_attributions(art: _Article, segments: list[_Segment]) -> None:
    """Parts of one quotation take its speaker: the other parts of a quotation continued
    across paragraphs, the part before or after it in the same paragraph ("“A,” he said.
    “B.”"), or the quotation of the previous paragraph when a paragraph is only a quote."""
    text = art.text
    for k, seg in enumerate(segments):
        if seg.attribution or seg.kind != "direct":
            continue
        prev = segments[k - 1] if k else None
        nxt = segments[k + 1] if k + 1 < len(segments) else None
        donors = [s for s in segments if seg.chain >= 0 and s.chain == seg.chain and s.attribution]
        if donors:
            seg.attribution = (*donors[0].attribution[:2], ())
        elif prev and prev.para == seg.para and prev.attribution and prev.kind in ("direct", "partial"):
            seg.attribution = (*prev.attribution[:2], ("split_quote",))
        elif (nxt and nxt.para == seg.para and nxt.attribution and nxt.kind == "direct"
              and not _WORD_RE.search(text, seg.close_end, nxt.open)):
            seg.attribution = (*nxt.attribution[:2], ("split_quote",))
        elif (prev and prev.para == seg.para - 1 and prev.attribution and prev.kind == "direct"
              and seg.open == art.paragraphs[seg.para][0]
              and not _WORD_RE.search(text, seg.close_end, art.paragraphs[seg.para][1])):
            seg.attribution = (*prev.attribution[:2], ("inherited_speaker",))


_JOINED_NAMES_RE = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)*"
                              r"(?:\s+and\s+(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)*)+")
_INTRO_RE = re.compile(r"\s*[^,;:“”\"«»\n]{1,160},\s*")

# Between a sentence's subject and its verb: a party "(D-Vt.)", an appositive or a relative clause.
_SUBJECT_GAP = r"(?:\s*\([^()\n]{1,40}\))?(?:\s*,[^,;:“”\"«»\n]{1,160},)?"
_SUBJECT_VERB_AFTER_RE = re.compile(_SUBJECT_GAP + _SUBJECT_VERB_RE.pattern)
_DESCRIBED_START_RE = re.compile(rf"{_DETERMINERS}\s+(?:[\w'’-]+\s+){{0,4}}?[\w'’-]*[A-Za-z][\w'’-]*(?=[\s,(])")
_ARTICLE_RE = re.compile(r"(?:An?|The)\s+")
_NEXT_WORD_RE = re.compile(r"\s+([\w'’-]+)")
_CLEAR_VERB_RE = re.compile(r"\s+(?:\w+ed|said|told|has|have|had|is|was|are|were|will|would|could|can|did|"
                            r"does|do|may|might|must|should)\b")
_S_VERBS = frozenset({"has", "is", "was", "does", *(f for f in _FORM_LEMMA if f.endswith("s"))})


def _described_subject(text: str, start: int, pos: int) -> int | None:
    """End of a described subject opening a sentence at ``start`` and followed by its verb
    ("A county judge has ...", "The head of the agency said", "The mayor, like her
    deputy, has ..."): up to five more words, "of" the only preposition; else None."""
    described = _DESCRIBED_START_RE.match(text, start, pos)
    if not described:
        return None
    end = described.end()
    for _ in range(5):
        nxt = _NEXT_WORD_RE.match(text, end, pos)
        if _SUBJECT_VERB_AFTER_RE.match(text, end, pos) and not (
                # a plural noun reads like a verb ("The night nurses marched"): the verb follows it
                nxt and nxt.group(1)[-1:] == "s" and nxt.group(1).lower() not in _S_VERBS
                and _CLEAR_VERB_RE.match(text, nxt.end(), pos)):
            words = text[start:end].split()[1:]
            return None if any(w.lower() in _NOT_IN_DESCRIPTION for w in words) else end
        nxt = _NEXT_WORD_RE.match(text, end, pos)
        if not nxt or (nxt.group(1).lower() in _PREPOSITIONS and nxt.group(1).lower() != "of"):
            return None
        end = nxt.end()
    return None


def _sentence_subject(art: _Article, pos: int, index: _ActorIndex) -> _Mention | None:
    """The subject of the sentence holding the quotation that opens at ``pos``, when it
    names someone before the quotation: its first words, or the words after a short
    introductory phrase ("In a statement, Senator Roe condemned ..."), followed by a verb."""
    text = art.text
    si = art.sentence_of(pos)
    while si > 0 and not text[art.sent_starts[si]:art.sent_starts[si] + 1].isupper() \
            and text[art.sent_starts[si]:art.sent_starts[si] + 1] not in "“\"«‘'(":
        si -= 1                          # a false break after an abbreviation ("(D-Vt.), who")
    lo = art.sent_starts[si]
    intro = _INTRO_RE.match(text, lo, pos)
    for start in (lo, intro.end() if intro else None):
        if start is None or start >= pos:
            continue
        while start < pos and text[start].isspace():
            start += 1
        known = [m for m in art.mentions_in(start, pos) if m.start == start]
        if known:
            m = known[0]
            # ("Gov. Ana Roe of Lakeland praised ...": where the person is from may follow)
            if m.speaker and not m.possessive and _SUBJECT_VERB_AFTER_RE.match(text, _OF_PLACE_RE.match(text, m.end).end()):
                return m
            continue
        run = _RUN_RE.match(text, start, pos)
        s, e = _trimmed_run(text, run.start(), run.end()) if run else (start, start)
        if e <= s:                       # no name: a described subject ("A county judge has")
            end = _described_subject(text, start, pos)
            if end is not None:
                return _described_mention(text, start, end)
            continue
        if s != start and _ARTICLE_RE.match(text, start, s):
            end = _described_subject(text, start, pos)     # "A New York judge has ..."
            if end is not None and end > e:
                return _described_mention(text, start, end)
        if s != start or not _SUBJECT_VERB_AFTER_RE.match(text, e) or _is_possessive(text, e):
            continue
        if s == lo and len(text[s:e].split()) == 1 and (" " + text[s:e].lower() + " ") in text:
            continue   # a common word starting the sentence ("Voting fraud is ...")
        return _text_mention(art, s, e, index)
    # else the nearest name before the quotation that a verb follows ("after she blamed ...")
    for m in reversed(art.mentions_in(lo, pos)):
        if m.speaker and _eligible_subject(art, m) and _SUBJECT_VERB_AFTER_RE.match(text, m.end):
            return m
    return None


def _opening_subject(art: _Article, lo: int, pos: int, index: _ActorIndex):
    """The noun phrase opening the sentence at ``lo`` (before ``pos``), as the subject of a
    participle that follows the main clause: a mention there ("Leaders from three towns
    who ... have backed the plan, warning ..."), or names joined by "and" followed by a
    verb ("The Courier and the Gazette filed ..."); else None."""
    text = art.text
    while lo < pos and text[lo].isspace():
        lo += 1
    known = [m for m in art.mentions_in(lo, pos) if m.start == lo and m.speaker and not m.possessive]
    if known:
        return known[0]
    names = _JOINED_NAMES_RE.match(text, lo, pos)
    if names and _SUBJECT_VERB_RE.match(text, names.end(), pos):
        return _text_mention(art, lo, names.end(), index)
    return None


def _quoted_rows(art: _Article, segments: list[_Segment], index: _ActorIndex) -> tuple[list[dict], set[int]]:
    """Rows for quotes in quotation marks, and the offsets of the speech verbs that
    attribute them after the closing mark (not reported speech of their own)."""
    text = art.text
    used_verbs: set[int] = set()
    for k, seg in enumerate(segments):
        prev = segments[k - 1] if k and segments[k - 1].para == seg.para else None
        sent_start = art.sent_starts[art.sentence_of(seg.open)]
        floor = max(sent_start, art.paragraphs[seg.para][0],
                    prev.close_end if prev and prev.close_end <= seg.open else 0)
        seg.kind = _quote_kind(seg, text, sent_start)
        limit = _post_limit(art, seg, segments[k + 1].open if k + 1 < len(segments) else len(text))
        post = _label_attribution(art, seg) or _post_attribution(art, seg, limit)
        pre = _pre_attribution(art, seg, floor) if seg.kind == "partial" or not post else None
        # a phrase takes the verb before it, unless its speaker follows it at once (“...,” she said)
        found = (post if post and _PUNCT_ONLY_RE.fullmatch(text, seg.close_end, post[0].start) else pre or post) \
            if seg.kind == "partial" else post or pre
        if seg.kind == "partial" and _is_term(text, seg, bool(found)):
            seg.kind, found = "term", None
        if found:
            seg.attribution = (found[0], _method_of(found[0], found[1]), ())
        if found and found[2] is not None and (found is post or seg.kind == "direct"):
            used_verbs.add(found[2].start)
    _share_attributions(art, segments)
    for seg in segments:
        if seg.attribution is None and seg.kind == "direct":
            seg.attribution = _introduced_by_colon(art, seg, index) or _after_attributed_sentence(art, seg)
        if seg.attribution is None and seg.kind in ("direct", "partial"):
            subject = _sentence_subject(art, seg.open, index)
            if subject is not None:
                seg.attribution = (subject, _method_of(subject, False), ("sentence_subject",))
            elif _is_scare_quote(text, seg):
                seg.kind = "term"
    rows = []
    group = -1
    for k, seg in enumerate(segments):
        prev = segments[k - 1] if k else None
        joined = prev is not None and (
            (seg.chain >= 0 and seg.chain == prev.chain)
            or (prev.para == seg.para and seg.attribution is not None and prev.attribution is not None
                and prev.attribution[0] is seg.attribution[0]
                and "split_quote" in seg.attribution[2] + prev.attribution[2]))
        group = group if joined else group + 1
        seg.group = group
        mention, method, extra = seg.attribution or (None, "none", ())
        sa = art.sent_starts[art.sentence_of(seg.open)]
        sb = art.sent_ends[art.sentence_of(max(seg.open, seg.close_end - 1))]
        rows.append(_row(art, seg.kind, seg.q_start, seg.q_end, sa, max(sb, seg.q_end), mention,
                         method, [*seg.flags, *extra], index, group))
    return rows, used_verbs

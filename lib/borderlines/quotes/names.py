"""Names in the text: a capitalized run trimmed to the name it holds, the title before a
name, a surname resolved to the full name the article gave, described speakers ("the
New York businessman", "a narrator in the ad"), and the speakers the text names next
to a verb of saying ("Kolb said", "said Sen. Dana Kolb")."""

from __future__ import annotations

import re
from functools import lru_cache

from .actors import _ActorIndex, _key
from .vocabulary import (_ABBREVIATIONS, _ADVERBS, _AFTER_SUBJECT_WORDS, _CORE_TITLES, _DETERMINERS,
                         _FEMALE_TITLES, _FORM_LEMMA, _FUNCTION_CAPS, _GAP_RE, _INITIALS_RE,
                         _INVERTED_GAP_RE, _INVERTIBLE, _JOINERS, _MALE_TITLES, _MAY_FOLLOW_SPEAKER,
                         _NAME_TITLE_WORDS, _NONSPACE_RE, _NOT_IN_DESCRIPTION, _NOT_NAMES, _ORG_KEYWORD_SET,
                         _PERSON_HEADS, _RUN_RE, _SPEAKING_GROUP_SET, _SUBJECT_VERB_RE, _TITLE_ADJECTIVES,
                         _TITLES_AND_ORG_KEYWORDS)
from .article import _Article, _Mention, _Verb

_POSSESSIVE_RE = re.compile(r"['’]s\b")


@lru_cache(maxsize=4096)
def _surname_re(surname: str) -> re.Pattern:
    """``(?<![\\w@])surname\\b``, written to start with the surname's first character (so
    the engine scans for it instead of trying every position)."""
    return re.compile(re.escape(surname[0]) + r"(?<![\w@].)" + re.escape(surname[1:]) + r"\b")


def _title_start(text: str, s: int, floor: int) -> int | None:
    """Start of a title written just before the name at ``s`` ("Mexican Foreign Minister",
    "Secretary of State", "Mr."), or None."""
    floor = max(floor, s - 160)
    # the title's last word ends one space before the name
    if s - floor < 2 or not text[s - 1].isspace() or text[s - 2].isspace():
        return None
    floor = _last_words_start(text, floor, s, 8)   # only the last eight words count
    words = list(_NONSPACE_RE.finditer(text[floor:s]))
    taken: list[re.Match] = []
    for w in reversed(words[-8:]):
        tok = w.group()
        if tok[-1] in ",;:)—–\"”" or (tok[-1] == "." and tok not in _CORE_TITLES
                                      and not _INITIALS_RE.fullmatch(tok)):
            break
        if tok in _JOINERS or (tok[0].isupper() and (tok not in _FUNCTION_CAPS or tok in _TITLE_ADJECTIVES)):
            taken.append(w)
        else:
            break
    while taken and taken[-1].group() in _JOINERS:
        taken.pop()
    if not taken or not any(w.group() in _CORE_TITLES for w in taken):
        return None
    return floor + taken[-1].start()


def _is_possessive(text: str, e: int) -> bool:
    """Whether the name ending at ``e`` is followed by a possessive ('s, ’s, s’)."""
    if _POSSESSIVE_RE.match(text[e:e + 3]):
        return True
    return e < len(text) and text[e] in "’'" and text[e - 1:e] == "s" and text[e + 1:e + 2].isspace()


def _name_tokens_ok(tokens: list[str]) -> bool:
    # (a token is an organisation keyword when _ORG_KEYWORD_RE matches all of it)
    return (bool(tokens) and tokens[0] not in _FUNCTION_CAPS and tokens[-1] not in _FUNCTION_CAPS
            and _TITLES_AND_ORG_KEYWORDS.isdisjoint(tokens))


def _last_words_start(text: str, lo: int, hi: int, n: int) -> int:
    """Start of the ``n``-th last whitespace-separated word of ``text[lo:hi]`` (``lo``
    when there are fewer). A pattern of at most ``n`` words each followed by spaces,
    anchored at ``hi``, cannot match before it: searching from there finds the same
    match sooner."""
    segment = text[lo:hi]
    parts = segment.rsplit(None, n)
    if len(parts) <= n:
        return lo
    rest = segment[len(parts[0]):]
    return lo + len(parts[0]) + len(rest) - len(rest.lstrip())


def _tokens(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _NONSPACE_RE.finditer(text, a, b)]


_PARTY_RE = re.compile(r"[DRI]-[A-Z]")   # a party and state label, "D-Ore."

# After an inverted verb, up to three words may describe the speaker before the name
# ("said 9/11 widow Ana Roe", "says longtime aide Li Pell"); the name then ends the clause.
_INVERTED_DESCRIBED_RE = re.compile(r"\s+(?:(?:later|also|then|again)\s+)?(?:[\w/'’.-]+\s+){0,3}")
_NEXT_LOWER_WORD_RE = re.compile(r"\s+([a-z][\w'’-]*)")
_CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:!?)(]|\n|$)")


def _inverted_subject(text: str, verb_end: int, s: int, e: int) -> bool:
    """Whether the name at ``text[s:e]`` after a verb of saying is its subject ("said
    Kolb", "said longtime aide Li Pell."), not the subject of a reported clause ("said
    Kolb was late", "saying that Kolb should go")."""
    if _SUBJECT_VERB_RE.match(text, e):
        return False
    after = _NEXT_LOWER_WORD_RE.match(text, e)
    if after and after.group(1) not in _MAY_FOLLOW_SPEAKER:
        return False                  # "said Herald columnist ...": a description goes on
    if _INVERTED_GAP_RE.fullmatch(text, verb_end, s):
        return True
    words = text[verb_end:s].split()
    if words and words[0].lower() in ("of", "about", "to"):
        return False                  # whom it is said of or to: "says of Roe, “...”"
    return (bool(_INVERTED_DESCRIBED_RE.fullmatch(text, verb_end, s)) and bool(_CLAUSE_END_RE.match(text, e))
            and not any(w.lower() in _NOT_IN_DESCRIPTION for w in words))


def _speaker_runs(art: _Article, verb: _Verb, left: bool = True) -> list[tuple[int, int, bool]]:
    """``(start, end, described?)`` of the speakers of ``verb`` the text names: the nearest
    capitalized run before it with only a gap (adverbs, a party "(D-Ore.)", an
    appositive) between (unless ``left`` is False: a name stands there already), and for
    verbs that invert, the run right after it ("said Kolb") or a described speaker ending
    the clause ("said the ruling.")."""
    text = art.text
    out = []
    si = art.sentence_of(verb.start)
    lo = max(art.sent_starts[si], verb.start - 220)
    runs = list(_RUN_RE.finditer(text, lo, verb.start))[-3:] if left else []
    for m in reversed(runs):
        if art.in_quoted(m.start()):
            continue
        s, e = _trimmed_run(text, m.start(), m.end())
        if e > s and _GAP_RE.fullmatch(text, e, verb.start):
            out.append((s, e, False))
            break
    if verb.lemma in _INVERTIBLE:
        described = _DESCRIBED_AFTER_RE.match(text, verb.end)
        if described and not art.in_quoted(described.start(1)) and not any(
                w.lower() in _NOT_IN_DESCRIPTION for w in described.group(1).split()[1:]):
            out.append((*described.span(1), True))
        for m in _RUN_RE.finditer(text, verb.end, min(len(text), verb.end + 60)):
            if art.in_quoted(m.start()):
                break
            s, e = _trimmed_run(text, m.start(), m.end())
            if e > s and _inverted_subject(text, verb.end, s, e):
                out.append((s, e, False))
                break
    return out


def _trimmed_run(text: str, s: int, e: int) -> tuple[int, int]:
    """The name inside a capitalized run: leading sentence words ("But", "Meanwhile") and
    a trailing abbreviation stop or possessive left out; ``(s, s)`` when nothing is left."""
    tokens = _tokens(text, s, e)
    for k, (_, _, tok) in enumerate(tokens[:-1]):
        if tok.endswith(".") and not (_INITIALS_RE.fullmatch(tok) or tok in _NAME_TITLE_WORDS
                                      or tok in _ABBREVIATIONS):
            del tokens[k + 1:]          # a full stop ends the sentence, and the name
            break
    while tokens and tokens[0][2].rstrip(".,") in _FUNCTION_CAPS and tokens[0][2] not in _TITLE_ADJECTIVES:
        tokens.pop(0)
    while tokens and tokens[-1][2].lower() in _JOINERS:
        tokens.pop()
    if not tokens or _PARTY_RE.match(tokens[0][2]):
        return s, s
    if len(tokens) == 1 and (tokens[0][2] in _NOT_NAMES or len(tokens[0][2]) < 2):
        return s, s
    start, end = tokens[0][0], tokens[-1][1]
    word = text[tokens[-1][0]:end]
    if _POSSESSIVE_RE.search(word):
        return s, s                 # "Kolb’s aide said": not Kolb
    if word.endswith(".") and word not in _NAME_TITLE_WORDS and not _INITIALS_RE.fullmatch(word) \
            and not word.endswith(("Jr.", "Sr.")) and "-" not in word:
        end -= 1
    return start, end


def _text_mention(art: _Article, s: int, e: int, index: _ActorIndex, written: str | None = None) -> _Mention:
    """The mention of a speaker the text names at ``text[s:e]`` (title included): a
    person (titled, full name, or a surname resolved to the full name the article gave)
    or an institution ("the Times", "Homeland Security Department")."""
    text = art.text
    words = (written or text[s:e]).split()
    last_title = max((i for i, w in enumerate(words) if w in _NAME_TITLE_WORDS), default=-1)
    if last_title == len(words) - 1 or (last_title < 0 and (
            words[0] in ("The", "the") or any(w in _ORG_KEYWORD_SET for w in words))):
        return _Mention(s, e, text[s:e].removeprefix("The ").removeprefix("the "), "institution",
                        "institution", possessive=_is_possessive(text, e))
    name_words = words[last_title + 1:]
    cut = next((i for i, w in enumerate(name_words) if w in ("of", "and", "for")), len(name_words))
    name = " ".join(name_words[:cut]) or " ".join(words)   # "Ana Roe of Ohio" is Ana Roe
    gender = next(("f" if w in _FEMALE_TITLES else "m" for w in words[:last_title + 1]
                   if w in _FEMALE_TITLES or w in _MALE_TITLES), "")
    method = "title_name" if last_title >= 0 else "name"
    flags: tuple[str, ...] = ()
    if len(name.split()) == 1:
        full = _full_names(art, name)
        earlier = [n for n, first in full.items() if first < s] or (list(full) if len(full) == 1 else [])
        if len(earlier) == 1:
            name, method = earlier[0], ("title_name" if last_title >= 0 else "surname")
        elif earlier:
            flags = ("ambiguous_surname",)
    listed = index.lookup.get(_key(name), ())
    if len(listed) == 1:
        name = listed[0]
        actor = index.actors[name]
        gender = gender or actor.gender
    return _Mention(s, e, name, "person", method, gender=gender, possessive=_is_possessive(text, e),
                    flags=flags)


_DESCRIBED_RE = re.compile(
    rf"(?<![\w'’]){_DETERMINERS}\s+(?:[\w.'’-]+\s+){{0,5}}?[\w'’-]*[A-Za-z][\w'’-]*"
    rf"(?:\s*\([^()\n]{{1,40}}\))?(?:\s+{_ADVERBS})*\s*$")
# One person described by two roles, opening the sentence: "The former first lady and U.S.
# senator", "the former secretary of state and current presidential nominee".
_BOTH_ROLES_RE = re.compile(rf"[\s”\"’]*(?P<det>{_DETERMINERS})\s+(?:[\w.'’-]+\s+){{0,4}}?(?P<one>[a-z]+)(?:\s+of\s+[\w.'’-]+)?"
                            rf"\s+and\s+(?:[\w.'’-]+\s+){{0,4}}?(?P<two>[a-z]+)(?:\s+{_ADVERBS})*\s*")
_TRAILING_ADVERBS_RE = re.compile(rf"(?:\s+{_ADVERBS})+$")


def _modifies_noun(text: str, s: int, e: int) -> bool:
    """Whether the speaking-group noun ``text[s:e]`` modifies the noun after it
    ("the police videos"), rather than heading its phrase ("police in Tulsa said")."""
    if text[s:e] not in _SPEAKING_GROUP_SET:
        return False
    nxt = _NEXT_LOWER_WORD_RE.match(text, e)
    if not nxt:
        return False
    word = nxt.group(1)
    return not (word in _FORM_LEMMA or word in _AFTER_SUBJECT_WORDS or word.endswith("ly"))


def _described_before(art: _Article, verb: _Verb) -> tuple[int, int] | None:
    """The span of a described speaker right before ``verb``: a determiner or a
    possessive and up to six words without a verb-like word ("the New York businessman",
    "my father", "a narrator in the ad"), or None."""
    text = art.text
    s_lo = art.sent_starts[art.sentence_of(verb.start)]
    comma = text.rfind(",", s_lo, verb.start)        # (after an opening phrase: "On Tuesday, the ...")
    both = _BOTH_ROLES_RE.fullmatch(text, s_lo, verb.start) or (
        _BOTH_ROLES_RE.fullmatch(text, comma + 1, verb.start) if comma > s_lo else None)
    if both and both.group("one").lower() in _PERSON_HEADS and both.group("two").lower() in _PERSON_HEADS:
        return both.start("det"), both.end("two")   # "The former first lady and U.S. senator said"
    lo = max(s_lo, verb.start - 90)
    m = _DESCRIBED_RE.search(text[lo:verb.start])
    if not m or art.in_quoted(lo + m.start()):
        return None
    s = lo + m.start()
    e = s + len(m.group().rstrip())
    adverbs = _TRAILING_ADVERBS_RE.search(text, s, e)
    e = adverbs.start() if adverbs else e
    words = text[s:e].split()
    if len(words) < 2 or any(w.lower() in _NOT_IN_DESCRIPTION for w in words[1:]) or words[-1] in _FORM_LEMMA:
        return None
    paren = text.rfind(" (", s, e)
    return (s, paren if paren > 0 and text[e - 1] == ")" else e)


# A described speaker after an inverted verb, ending its clause: "said the ruling.",
# "said one source on the panel,".
_DESCRIBED_AFTER_RE = re.compile(rf"\s+({_DETERMINERS}\s+(?:[\w'’-]+\s+){{0,5}}?[a-z][\w'’-]*)(?=\s*[,.;:!?]|\s*$)")


def _described_mention(text: str, s: int, e: int) -> _Mention:
    """A described speaker: a person when its head noun names one ("the businessman"),
    else a group or an institution ("the ruling", "the letter", "protesters")."""
    head = text[s:e].split()[-1].lower()
    label = text[s:e]
    label = label[4:] if label.startswith(("The ", "the ")) else label
    if head in _PERSON_HEADS:
        return _Mention(s, e, label, "person", "pronoun", possessive=False)
    typ = "group" if head.endswith("s") and not head.endswith("ss") else "institution"
    return _Mention(s, e, label, typ, "institution")


def _full_names(art: _Article, surname: str) -> dict[str, int]:
    """``{full name: first offset}`` of the people the article names with two or more
    words ending in ``surname`` (titles left out), outside quotations; remembered per
    article and surname."""
    known = art.full_names.get(surname)
    if known is None:
        known = art.full_names[surname] = {}
        for m in _full_name_re(surname).finditer(art.text):
            if art.in_quoted(m.start()):
                continue
            s, e = _trimmed_run(art.text, m.start(), m.end())
            words = art.text[s:e].split()
            if len(words) < 2 or words[0] in ("The", "the") or any(w in _ORG_KEYWORD_SET for w in words):
                continue
            last_title = max((i for i, w in enumerate(words) if w in _NAME_TITLE_WORDS), default=-1)
            name = words[last_title + 1:]
            if len(name) >= 2 and name[-1] == surname and not any(w in _FUNCTION_CAPS for w in name):
                known.setdefault(" ".join(name), s)
    return known


@lru_cache(maxsize=4096)
def _full_name_re(surname: str) -> re.Pattern:
    """Capitalized words (with name particles) ending in ``surname``."""
    # the lookbehind after the first capital, so that the engine skips to capitals
    return re.compile(r"[A-Z](?<![\w'’.@#-].)[\w'’.&-]*(?:\s+(?:(?:de|del|la|van|von|da|dos|bin|al)\s+)?"
                      r"[A-Z][\w'’.&-]*)*?\s+" + re.escape(surname) + r"\b")


def _next_to_verb(art: _Article, e: int) -> bool:
    """Whether a speech verb follows the mention ending at ``e`` as its subject."""
    verbs = art.verbs_in(e, e + 200)
    return bool(verbs) and bool(_GAP_RE.fullmatch(art.text, e, verbs[0].start))

"""Every possible speaker mention of an article, outside quotations
(:func:`_article_mentions`): listed actors, unlisted people (after a title, before an
appositive, next to a verb of saying), institutions, groups ("U.S. officials"),
pronouns, nominals ("the agency", "the president"), "according to X" sources and
relative pronouns that speak ("Ana Roe, who said")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..patterns import trie_pattern
from .actors import _ActorIndex, _names_ending, fold_accents
from .vocabulary import (_ABBREVIATIONS, _ACCORDING_RE, _ADVERBS, _APPOSITIVE_RE, _CORE_TITLES,
                         _FEMALE_TITLES, _FUNCTION_CAPS, _GAP_RE, _GROUP_DETERMINERS, _GROUP_NOUN_FORMS,
                         _GROUP_WORDS, _INITIALS_RE, _INVERTED_GAP_RE, _INVERTIBLE, _JOINERS, _MALE_TITLES,
                         _NAME_PART, _NAME_PARTICLES, _NAME_TITLE_WORDS, _NAME_TOKEN, _NONSPACE_RE,
                         _FIRST_PERSON, _NOT_IN_DESCRIPTION, _OF_BEFORE_RE, _ORG_KEYWORD_SET, _PREPOSITIONS, _PRONOUN_SET,
                         _RUN_RE, _SUBJECT_VERB_RE, _THE, _TITLE_ADJECTIVES, _TITLE_WORDS)
from .article import _Article, _listed_words, _Mention
from .names import (_described_before, _described_mention, _is_possessive, _last_words_start, _modifies_noun,
                    _name_tokens_ok, _next_to_verb, _speaker_runs, _surname_re, _text_mention, _title_start,
                    _tokens, _trimmed_run)

# _NAME_TOKEN not after a word character, "@" or ".", then more name parts. A word
# followed by whitespace can only end where its run of letters does, so those words are
# atomic groups: the engine does not retry every split of every capitalized word.
_NAME_LETTERS = r"(?>(?:[^\W\d_]|['’-])*[^\W\d_A-Z](?:[^\W\d_]|['’-])*)"   # _NAME_TOKEN after its capital
_FULL_NAME_RE = re.compile(rf"[A-Z](?<![\w@.].){_NAME_LETTERS}"
                            rf"(?:\s+(?:[A-Z]{_NAME_LETTERS}|[A-Z]\.|{'|'.join(_NAME_PARTICLES)})){{0,3}}"
                            rf"\s+{_NAME_TOKEN}\b")
_TITLE_NAME_RE = re.compile(
    r"(?P<title>" + trie_pattern(_TITLE_WORDS, r"[\w.]") + r")(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?"
    + rf"\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_PART}){{0,3}})")

# Up to three words before the group noun that belong to it ("senior U.S. border officials").
_GROUP_MODIFIERS_RE = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Tt]wo|[Tt]hree|[Ss]enior|[Tt]op|[Ll]ocal|"
    r"[Ff]ederal|[Ss]tate|[Bb]order|[Aa]dministration|[Gg]overnment|[Cc]ampaign|[Hh]is|[Hh]er|"
    r"[Tt]heir|[Ii]ts|[Ii]mmigrant|[Rr]ights|[Hh]uman|[A-Z][\w.'’-]*)\s+){1,3}$")
_GROUP_TAIL_RE = re.compile(r"\s+(?:officials?|aides|spokes(?:man|woman|person)|leaders|negotiators|"
                            r"agents|officers|authorities|diplomats)\b")

# A title alone standing for a person mentioned before ("the president said").
_PERSON_NOMINAL_RE = re.compile(
    _THE + r"\s+(?P<head>(?:(?:Mexican|U\.S\.|American|acting)\s+)?(?:vice\s+president|president|"
    r"(?:foreign\s+|interior\s+|homeland\s+security\s+)?(?:secretary|minister)|governor|commissioner|"
    r"ambassador|mayor|senator))\b")
_OF_INSTITUTION_RE = re.compile(r"\s+(?:for|at|of|with|from)\s+(?:the\s+)?")
_NOMINAL_RE = re.compile(_THE + r"\s+(?P<head>agency|ministry|department|office|commission|"
                         r"organization|government|administration|embassy|group|campaign|"
                         r"committee|council|bureau|statement)\b")
_NAME_BEFORE_RE = re.compile(rf"({_NAME_TOKEN})\s+$")
_INITIAL_RE = re.compile(r"[A-Z]\.")
_ORG_LEFT_RE = re.compile(r"(?:(?:[A-Z][\w.'’-]*|of|and|for|on|the)\s+){1,6}$")

# More capitalized words after an organisation keyword: "State Department Refugee Center".
_CAP_TAIL_RE = re.compile(r"(?:\s+[A-Z][\w'’-]*)+")
_ORG_RIGHT_RE = re.compile(r"\s+(?:of|for|on)\s+(?:(?:the|a|an)\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}")


def _article_mentions(art: _Article, ents: Sequence[tuple[int, int, str]], index: _ActorIndex,
                      person_spans: Sequence[tuple[int, int]],
                      listed: Sequence[tuple[int, int, str]] | None = None) -> None:
    """Fill ``art.mentions``: listed actors (entity ruler), unlisted people, institutions,
    groups, pronouns and nominals ("the agency"), outside quotations."""
    text = art.text
    covered = bytearray(len(text) + 1)
    found: list[_Mention] = []
    dropped: dict[int, _Mention] = {}   # mentions taken out of ``found`` again, by id (kept alive)
    listed = _listed_words(text) if listed is None else listed

    def free(s, e):
        return not any(covered[s:e]) and not art.in_quoted(s)

    def take(m: _Mention):
        found.append(m)
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)

    def sent_floor(pos):
        return art.sent_starts[art.sentence_of(pos)]

    # listed actors
    actor_at: dict[int, _Mention] = {}
    prev_end = 0
    for s, e, ent_id in ents:
        if art.in_quoted(s):
            continue
        names = index.candidates.get(ent_id, (ent_id,))
        kind = index.alias_kind.get(fold_accents(text[s:e]), "name")
        actor = index.actors.get(names[0])
        if actor is None:
            continue
        if kind == "surname":
            before = _NAME_BEFORE_RE.search(text[max(prev_end, s - 40):s])
            if before and before.group(1) not in _FUNCTION_CAPS and before.group(1) not in _CORE_TITLES:
                continue   # "Stephen Miller" is not Troy Miller
        start, method = s, ("institution" if actor.type != "person" else kind)
        if actor.type == "person":
            t = _title_start(text, s, max(prev_end, sent_floor(s)))
            if t is not None:
                start, method = t, "title_name"
                if found and found[-1].type != "person" and text[found[-1].end:t].strip() == "":
                    gone = found.pop()       # "U.S. Customs and Border Protection Commissioner"
                    dropped[id(gone)] = gone
                    covered[gone.start:gone.end] = b"\x00" * (gone.end - gone.start)
                    start = gone.start
            if method == "handle":
                method = "name"
        typ = actor.type
        tail = _GROUP_TAIL_RE.match(text, e)
        if typ != "person" and tail:
            e, typ = tail.end(), "group"
        weak = typ == "institution" and len(text[s:e].split()) == 1
        mention = _Mention(start, e, names[0] if len(names) == 1 else "", typ, method,
                           gender=actor.gender, weak=weak, possessive=_is_possessive(text, e),
                           candidates=names if len(names) > 1 else ())
        take(mention)
        actor_at[start] = mention
        prev_end = e
    # unlisted people: after a title, before an appositive, next to a speech verb, or by a model
    people: dict[str, _Mention] = {}

    def person(s, e, title_s=None, gender=""):
        name = text[s:e]
        if not free(title_s if title_s is not None else s, e):
            return
        m = _Mention(title_s if title_s is not None else s, e, name, "person",
                     "title_name" if title_s is not None else "name", gender=gender,
                     possessive=_is_possessive(text, e))
        take(m)
        people.setdefault(name, m)

    for m in _TITLE_NAME_RE.finditer(text):
        tokens = _tokens(text, m.start("name"), m.end("name"))
        while tokens and (_INITIAL_RE.fullmatch(tokens[-1][2]) or tokens[-1][2] in _NAME_PARTICLES):
            tokens.pop()
        while len(tokens) > 1 and tokens[0][2] in _CORE_TITLES:
            tokens.pop(0)                # a title of two words: "Secretary General", "Attorney General"
        if tokens and _name_tokens_ok([t[2] for t in tokens]):
            title = m.group("title")
            person(tokens[0][0], tokens[-1][1], m.start("title"),
                   "f" if title in _FEMALE_TITLES else "m" if title in _MALE_TITLES else "")
    for m in _FULL_NAME_RE.finditer(text):
        tokens = _tokens(text, m.start(), m.end())
        while tokens and tokens[0][2] in _FUNCTION_CAPS:
            tokens.pop(0)
        if len(tokens) < 2 or not _name_tokens_ok([t[2] for t in tokens]):
            continue
        s, e = tokens[0][0], tokens[-1][1]
        if not free(s, e):
            continue
        verbs = art.verbs_in(e, e + 200)[:1]
        next_to_verb = bool(verbs) and bool(_GAP_RE.fullmatch(text, e, verbs[0].start))
        after_verb = any(v.lemma in _INVERTIBLE and _INVERTED_GAP_RE.fullmatch(text, v.end, s)
                         for v in art.verbs_in(max(0, s - 30), s))
        if _APPOSITIVE_RE.match(text, e) or next_to_verb or after_verb or _SUBJECT_VERB_RE.match(text, e):
            person(s, e)
    for s, e in person_spans:
        tokens = text[s:e].split()
        if len(tokens) >= 2 and _name_tokens_ok(tokens):
            person(s, e)
    # later surname-only mentions of unlisted people
    for name, first in list(people.items()):
        if len(name.split()) < 2:
            continue
        for m in _surname_re(name.split()[-1]).finditer(text, first.end):
            s, e = m.span()
            if free(s, e):
                t = _title_start(text, s, sent_floor(s))
                take(_Mention(t if t is not None else s, e, name, "person",
                              "title_name" if t is not None else "surname",
                              gender=first.gender, possessive=_is_possessive(text, e)))
    # unlisted institutions: capitalized names around an organisation keyword
    for keyword_start, e, _ in (w for w in listed if w[2] in _ORG_KEYWORD_SET):
        s = keyword_start
        left = _ORG_LEFT_RE.search(text[max(0, s - 90):s])
        if left:
            words = _tokens(text, s - len(left.group()), s)
            stops = [k for k, w in enumerate(words) if w[2].endswith(".") and not (
                _INITIALS_RE.fullmatch(w[2]) or w[2] in _NAME_TITLE_WORDS or w[2] in _ABBREVIATIONS)]
            if stops:
                words = words[stops[-1] + 1:]     # "Reuters. Police": a new sentence starts
            while words and (words[0][2] in (*_JOINERS, "on")
                             or (words[0][2] in _FUNCTION_CAPS and words[0][2] not in _TITLE_ADJECTIVES)):
                words.pop(0)
            s = words[0][0] if words else s
        right = _ORG_RIGHT_RE.match(text, e)
        if right:
            e = right.end()
        else:
            tail = _CAP_TAIL_RE.match(text, e)
            ends = [w.end() for w in _NONSPACE_RE.finditer(text, e, tail.end()) if w.group() in _ORG_KEYWORD_SET] \
                if tail else []
            if ends:                       # "State Department Refugee Center": up to its last keyword
                e = ends[-1]
        if (s < keyword_start or right) and not art.in_quoted(s):
            inside = [m for m in found[-6:] if s <= m.start and m.end <= e and m.method == "name"
                      and m.type == "person" and not m.candidates]
            for m in inside:                # "Committee for a [Fair Harbor]": the committee's name
                last = found[-6:]
                del found[len(found) - len(last) + last.index(m)]
                dropped[id(m)] = m
                covered[m.start:m.end] = b"\x00" * (m.end - m.start)
            if free(s, e):
                take(_Mention(s, e, text[s:e], "institution", "institution",
                              possessive=_is_possessive(text, e)))
    # speakers the text names next to a speech verb, listed or not ("Halvorsen said",
    # "said Sen. Dana Kolb", "the Times reported"); a bare surname is the person the
    # article named in full before
    for verb in art.verbs:
        named_before = verb.start >= 2 and covered[verb.start - 2]
        for s, e, described in _speaker_runs(art, verb, left=not named_before):
            if free(s, e):
                take(_described_mention(text, s, e) if described else _text_mention(art, s, e, index))
    # groups: "U.S. officials", "experts", "his aides"; not the role noun of a person's
    # appositive ("Theresa C. Brown, an immigration analyst at ...")
    in_appositive = bytearray(len(text) + 1)
    for a in (_APPOSITIVE_RE.match(text, m.end) for m in found if m.type == "person"):
        if a:
            in_appositive[a.start():a.end()] = b"\x01" * (a.end() - a.start())
    for noun_start, noun_end, _ in (w for w in listed if w[2] in _GROUP_NOUN_FORMS):
        if in_appositive[noun_start] or _modifies_noun(text, noun_start, noun_end):
            continue
        left = _GROUP_MODIFIERS_RE.search(text, _last_words_start(text, max(0, noun_start - 60), noun_start, 3),
                                          noun_start)
        words = _tokens(text, left.start() if left else noun_start, noun_end)
        while len(words) > 1 and (words[0][2].lower() in _GROUP_DETERMINERS
                                  or (words[0][2] in _FUNCTION_CAPS and words[0][2] not in _TITLE_ADJECTIVES)):
            words.pop(0)
        s, e = words[0][0], words[-1][1]
        tail = next((x for x in found[-3:] if x.end == e and x.start > s and x.type != "person"), None)
        if tail is not None and free(s, tail.start):
            # "a senior" + the listed "administration official"
            covered[s:tail.start] = b"\x01" * (tail.start - s)
            tail.start = s
            continue
        if not free(s, e):
            continue
        phrase = text[s:e]
        names = _names_ending(index, phrase)
        label = names[0] if names else (phrase[0].lower() + phrase[1:] if phrase.lower() in _GROUP_WORDS
                                        else phrase)
        of = _OF_INSTITUTION_RE.match(text, e)
        owner = actor_at.get(of.end()) if of else None
        if owner is not None and owner.type != "person" and id(owner) not in dropped:
            # "a spokeswoman for the Mexican Foreign Ministry" speaks for the ministry
            found.remove(owner)
            dropped[id(owner)] = owner
            covered[owner.start:owner.end] = b"\x00" * (owner.end - owner.start)
            e, label = owner.end, owner.speaker
        take(_Mention(s, e, label, "group", "institution", possessive=_is_possessive(text, e)))
    # pronouns (he/she everywhere; it/they only as the subject of a speech verb) and nominals
    for s, e, word in (w for w in listed if w[2] in _PRONOUN_SET):
        word = word.lower()
        if not free(s, e):
            continue
        if (word in ("it", "they") and not _next_to_verb(art, e)) or (word in _FIRST_PERSON and art.in_quoted(s)):
            continue
        # (the writer: kept as the speaker's words in the text, resolved to no one)
        take(_Mention(s, e, "", "writer" if word in _FIRST_PERSON else "pronoun", "pronoun", weak=True, word=word))
    for m in _NOMINAL_RE.finditer(text):
        s, e = m.span()
        if free(s, e) and _next_to_verb(art, e):
            take(_Mention(s, e, "", "nominal", "institution", weak=True, word=m.group("head")))
    for m in _PERSON_NOMINAL_RE.finditer(text):
        s, e = m.span()
        if free(s, e) and _next_to_verb(art, e):
            take(_Mention(s, e, "", "title", "pronoun", weak=True, word=" ".join(m.group("head").lower().split())))
    # "according to X": X as a speaker, named or described
    for m in _ACCORDING_RE.finditer(text):
        gap = _INVERTED_GAP_RE.match(text, m.end())
        run = _RUN_RE.match(text, gap.end()) if gap else None
        if run and not art.in_quoted(m.start()):
            s, e = _trimmed_run(text, run.start(), run.end())
            if e > s and free(s, e):
                take(_text_mention(art, s, e, index))
    # relative pronouns that speak: "Ana Roe, who said ..." (the mention is "who", its
    # speaker the name before it)
    # (mentions are found rule by rule, not in text order: looked up by where they end)
    by_end = sorted(found, key=lambda m: m.end)
    ends = [m.end for m in by_end]
    for verb in art.verbs:
        window = text[max(0, verb.start - 60):verb.start]
        rel = _RELATIVE_BEFORE_RE.search(text, max(0, verb.start - 60), verb.start) \
            if "who" in window or "which" in window else None
        if rel and free(*rel.span(1)):
            near = by_end[bisect_left(ends, rel.start(1) - 200):bisect_right(ends, rel.start(1))]
            antecedent = next((m for m in reversed(near)
                               if m.speaker and _ANTECEDENT_GAP_RE.fullmatch(text, m.end, rel.start(1))), None)
            if antecedent is None:
                # the nearest name the gap allows ("Roe, now the Senate majority leader, who")
                for run in reversed(list(_RUN_RE.finditer(text, max(0, rel.start(1) - 120), rel.start(1)))):
                    s, e = _trimmed_run(text, run.start(), run.end())
                    if e > s and _ANTECEDENT_GAP_RE.fullmatch(text, e, rel.start(1)):
                        if free(s, e):
                            antecedent = _text_mention(art, s, e, index)
                            take(antecedent)
                        break
            if antecedent is None:           # "an architect who said": the description speaks
                described = (_NOUN_BEFORE_RE.search(text, max(0, rel.start(1) - 40), rel.start(1))
                             or _PLURAL_BEFORE_RE.search(text, max(0, rel.start(1) - 40), rel.start(1)))
                if described:
                    s, e = described.span(1)
                    first = text[s:e].split()[0]
                    if s + len(first) < e and (first.endswith("ed") or first.lower() in _NOT_IN_DESCRIPTION
                                               or first.lower() in _PREPOSITIONS):
                        s = text.index(" ", s) + 1      # "angered farmers, many of whom": farmers
                    if text[s:e].lower() not in _NOT_IN_DESCRIPTION:
                        antecedent = _described_mention(text, s, e)
            if antecedent is not None:
                take(_Mention(*rel.span(1), antecedent.speaker, antecedent.type, "pronoun",
                              gender=antecedent.gender, word=rel.group("pron")))
    # described speakers: "the Indiana governor said", "a narrator in the ad asks"
    by_start: dict[int, list[_Mention]] = {}
    for m in found:
        by_start.setdefault(m.start, []).append(m)
    for verb in art.verbs:
        before = verb.start - 2
        if (verb.participle and not _BE_BEFORE_RE.search(text, max(0, verb.start - 12), verb.start)) \
                or before < 0 or covered[before] or not text[before].islower():
            continue                       # named already, or not a described noun before it
        span = _described_before(art, verb)
        if span and not art.in_quoted(span[0]):
            if not free(*span):
                inside = [m for pos in range(*span) for m in by_start.get(pos, ())
                          if m.end < span[1] or (m.start > span[0] and _OF_BEFORE_RE.search(text, span[0], m.start))]
                for m in inside:             # "The [Clinton] campaign", "The city of [Lakeside]": they speak
                    by_start[m.start].remove(m)
                    dropped[id(m)] = m
                    covered[m.start:m.end] = b"\x00" * (m.end - m.start)
            if free(*span):
                take(_described_mention(text, *span))
                by_start.setdefault(span[0], []).append(found[-1])
    found = [m for m in found if id(m) not in dropped]
    found.sort(key=lambda m: m.start)
    art.mentions = found
    art.mention_starts = [m.start for m in found]


# ("an architect who said", "the state board, which contended")
_NOUN_BEFORE_RE = re.compile(r"(?<![\w'’])((?:an?|the|one|some)(?:\s+[a-z][\w'’-]*){1,3})\s*,?\s+$")
_RELATIVE_BEFORE_RE = re.compile(rf"(?<![\w'’])((?:(?:many|most|some|all|several|few|none|one|each|both)\s+of\s+)?"
                                 # "who’s called for", "which together vowed"
                                 rf"(?P<pron>who|whom|which))(?:['’]s\b)?(?:\s+{_ADVERBS})*"
                                 # "who in 2010 said", "who on Monday had said"
                                 r"(?:\s+(?:in|on|at|during|earlier|last)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?,?)?"
                                 rf"(?:\s+(?:has|had|have|would))?(?:\s+{_ADVERBS})*\s+$")
# A plural noun a relative clause speaks for: "dock workers who said", "farmers, many of whom say".
_PLURAL_BEFORE_RE = re.compile(r"(?<![\w'’])((?:[a-z][\w'’-]*\s+)?[a-z][\w'’-]*[^s\W'’]s)\s*,?\s+$")
# ... and an appositive: "Roe, now the harbor chief, who"
_ANTECEDENT_GAP_RE = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*(?:,\s*(?:now\s+|then\s+)?(?:the|an?)\s[^,;:“”\"()]{1,80})?"
                                r"\s*(?:,|--|—|–)?\s*")     # ("Roe — who’s called for ...")
_BE_BEFORE_RE = re.compile(r"\b(?:is|are|was|were)\s+$")   # "the attorney general is confirming"

"""Within-article coreference: pronouns, titles alone ("the president", "the senator"),
nominals ("the agency") and ambiguous aliases resolved to the nearest compatible earlier
mention (:func:`_resolve_references`), in reading order."""

from __future__ import annotations

from collections.abc import Sequence

from .actors import _ActorIndex, _key
from .vocabulary import _FUNCTION_CAPS, _INVERTED_GAP_RE, _INVERTIBLE
from .article import _Article, _Mention
from .names import _next_to_verb


def _speaks(art: _Article, m: _Mention) -> bool:
    """Whether the mention is the subject of a speech verb ("Ebrard said", "said Brown")."""
    if _next_to_verb(art, m.end):
        return True
    verbs = art.verbs_in(max(0, m.start - 30), m.start)
    return bool(verbs) and verbs[-1].lemma in _INVERTIBLE and bool(
        _INVERTED_GAP_RE.fullmatch(art.text, verbs[-1].end, m.start))


def _resolve_references(art: _Article, index: _ActorIndex) -> None:
    """Give pronouns, nominals ("the agency") and ambiguous aliases their speaker, in
    reading order, so a resolved pronoun can itself be the antecedent of the next one."""
    last_at: dict[str, int] = {}     # speaker -> index of its latest resolved mention
    titles = _TitledPeople(art)
    for k, m in enumerate(art.mentions):
        if m.candidates and not m.speaker:
            earlier = [c for c in m.candidates if c in last_at]
            m.speaker = max(earlier, key=last_at.__getitem__) if earlier else m.candidates[0]
            if not earlier:
                m.flags = m.flags + ("ambiguous_alias",)
            actor = index.actors[m.speaker]
            m.gender = actor.gender
        if m.method == "pronoun" and m.type == "person" and not m.word and art.text.startswith(("the ", "The "), m.start):
            # "the Indiana governor": the person named earlier with that title ("Gov. Ana Roe")
            head = art.text[m.start:m.end].split()[-1].lower()
            if head in _TITLE_FORMS:
                antecedent = titles.antecedent(k, _TITLE_FORMS[head])
                if antecedent is not None:
                    m.speaker, m.gender = antecedent.speaker, antecedent.gender
        elif m.type in ("pronoun", "nominal", "title"):
            antecedent = (_antecedent(art, k) if m.type == "pronoun"
                          else _apposed_to(art, k) or titles.antecedent(k) if m.type == "title"
                          else _nominal_antecedent(art, k, index))
            if antecedent is not None:
                m.speaker = antecedent.speaker
                if m.type == "pronoun" and m.word in ("he", "she"):
                    m.gender = "m" if m.word == "he" else "f"
                    art.genders.setdefault(m.speaker, m.gender)
                    m.type = "person"
                else:
                    m.gender, m.type = antecedent.gender, antecedent.type
        if m.speaker:
            last_at[m.speaker] = k


def _apposed_to(art: _Article, k: int) -> _Mention | None:
    """The named person a title mention stands in apposition to ("Ana Roe, the mayor of
    Lakeside, said"), else None."""
    if k == 0:
        return None
    before = art.mentions[k - 1]
    if before.type == "person" and before.speaker and art.text[before.end:art.mentions[k].start].strip() == ",":
        return before
    return None


def _fits(pronoun: _Mention, m: _Mention, genders: dict[str, str]) -> bool:
    if not m.speaker or m.type in ("pronoun", "nominal", "title"):
        return False
    if pronoun.word in ("he", "she"):
        gender = m.gender or genders.get(m.speaker, "")
        return m.type == "person" and gender in ("", "m" if pronoun.word == "he" else "f")
    if pronoun.word == "it":
        return m.type == "institution"
    return m.type in ("group", "institution")


def _antecedent(art: _Article, k: int, max_sentences: int = 6, max_paragraphs: int = 3) -> _Mention | None:
    """The person or institution a pronoun refers to.

    After reported words ("“...,” he said", "..., he said"): the last speaker of this or
    the previous sentence, else the subject opening this sentence before its quotation or
    the previous sentence, else the most
    recent speaker of the sentences before. Otherwise, and failing those, the first fitting
    mention before the pronoun in its own sentence (not after reported words), else in
    the nearest earlier sentence that has one."""
    p = art.mentions[k]
    text = art.text
    si = art.sentence_of(p.start)
    after_reported = text[art.sent_starts[si]:p.start].rstrip().endswith((",", "”", '"', "—", "–", "»"))
    para = art.paragraph_of(p.start)
    first = max(0, si - max_sentences)
    while para - art.paragraph_of(art.sent_starts[first]) >= max_paragraphs:
        first += 1
    if after_reported:
        speakers = [m for m in art.mentions_in(art.sent_starts[first], p.start)
                    if m is not p and _fits(p, m, art.genders) and _speaks(art, m)]
        recent = [m for m in speakers if m.start >= art.sent_starts[max(first, si - 1)]]
        if recent:
            return recent[-1]
        # the subject opening this sentence before its quotation ("Sen. Roe scolded him:
        # “...,” she said"), else the previous sentence's
        for j in (si, si - 1) if si > first else (si,):
            lo = art.sent_starts[j]
            opener = next((m for m in art.mentions_in(lo, p.start if j == si else art.sent_ends[j])
                           if m is not p and _fits(p, m, art.genders)), None)
            before = text[lo:opener.start].split() if opener is not None else []
            if (opener is not None and (" ".join(before) in _FUNCTION_CAPS | {""}
                                        or (j == si and len(before) <= 2 and all(w[0].isupper() for w in before)))
                    and (j < si or any(c in text[opener.end:p.start] for c in "“\"«"))):
                return opener
        if speakers:
            return speakers[-1]
    for j in range(si, first - 1, -1):
        if j == si and after_reported:
            continue
        hi = p.start if j == si else art.sent_ends[j]
        for m in art.mentions_in(art.sent_starts[j], hi):
            if m is not p and _fits(p, m, art.genders):
                return m
    return None


class _TitledPeople:
    """The person "the president" / "the foreign minister" refers to (:meth:`antecedent`):
    of the people mentioned earlier in the article with that title, the most mentioned
    (then the most recent), so "the president" of a US story is not the Mexican president
    named once. Asked in reading order, it reads each earlier mention once."""

    def __init__(self, art: _Article):
        self.art = art
        self.read = 0                                  # art.mentions[:read] are counted
        self.counts: dict[str, int] = {}               # speaker -> mentions so far
        self.people: list[tuple[str, _Mention]] = []   # (words as written, lowercased; mention)
        self.titled: dict[tuple[str, bool], dict[str, _Mention]] = {}   # (title head, vice?) -> latest

    def antecedent(self, k: int, heads: Sequence[str] = ()) -> _Mention | None:
        """The person the title mention ``k`` refers to; ``heads``: the title words to
        look for (default: the mention's last word)."""
        art = self.art
        for m in art.mentions[self.read:k]:
            if m.speaker:
                self.counts[m.speaker] = self.counts.get(m.speaker, 0) + 1
                if m.type == "person":
                    written = " ".join(art.text[m.start:m.end].lower().split())
                    self.people.append((written, m))
                    for key, titled in self.titled.items():
                        if _has_title(written, key):
                            titled[m.speaker] = m
        self.read = max(self.read, k)
        p = art.mentions[k]
        vice = "vice president" in (p.word or art.text[p.start:p.end].lower())
        titled = {}
        for head in heads or _TITLE_FORMS.get(p.word.split()[-1], [p.word.split()[-1]]):
            key = (head, vice)
            if key not in self.titled:
                self.titled[key] = {m.speaker: m for written, m in self.people if _has_title(written, key)}
            titled.update(self.titled[key])
        if not titled:
            return None
        best = max(titled, key=lambda name: (self.counts[name], titled[name].start))
        return titled[best]


# A described speaker's head noun and how a name's title writes it ("the senator": "Sen. Kolb").
_TITLE_FORMS = {"governor": ("governor", "gov."), "senator": ("senator", "sen."),
                "congressman": ("congressman", "rep."), "congresswoman": ("congresswoman", "rep."),
                "representative": ("representative", "rep."), "mayor": ("mayor",),
                "secretary": ("secretary", "sec."), "minister": ("minister",),
                "ambassador": ("ambassador", "amb."), "commissioner": ("commissioner",),
                "chancellor": ("chancellor",), "prosecutor": ("prosecutor",)}


def _has_title(written: str, key: tuple[str, bool]) -> bool:
    """Whether a mention written ``written`` (lowercased) carries the title ``key``
    (head word, vice president?)."""
    return key[0] in written and ("vice president" in written) == key[1]


def _nominal_antecedent(art: _Article, k: int, index: _ActorIndex, max_sentences: int = 5) -> _Mention | None:
    """The institution "the agency" / "the ministry" refers to: the most recent one whose
    name has the same head word, else the most recent institution."""
    p = art.mentions[k]
    lo = art.sent_starts[max(0, art.sentence_of(p.start) - max_sentences)]
    earlier = [m for m in art.mentions_in(lo, p.start) if m.speaker and m.type in ("institution", "group")]
    if not earlier:
        return None
    head = p.word
    for m in reversed(earlier):
        names = [m.speaker] + [a for a, ns in index.lookup.items() if m.speaker in ns]
        if any(head in _key(n) for n in names) or head in _key(art.text[m.start:m.end]):
            return m
    return earlier[-1]

"""A fast copy of VADER: the scores of ``vaderSentiment``'s analyzer, about three times faster.

``vaderSentiment`` as shipped is the reference (:func:`borderlines.tone.sentence_tone`
uses it by default); :class:`FastSentimentIntensityAnalyzer` re-implements its
``polarity_scores`` word loop with each word lowercased once, and
``tests/test_tone_fast.py`` checks that both give the same scores. A change to VADER's
rules goes to ``vaderSentiment``; this copy follows it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import vaderSentiment.vaderSentiment as _vs
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


def _vader_negate() -> frozenset[str]:
    from vaderSentiment.vaderSentiment import NEGATE
    return frozenset(NEGATE)


_VADER_NEGATE = _vader_negate()


class FastSentimentIntensityAnalyzer(SentimentIntensityAnalyzer):
    """VADER with the same lexicon and rules, and the same scores, about three times
    faster: each word is lowercased once per sentence instead of once per check. Text
    with emoji (or that is not a ``str``) is scored by VADER's own code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)
        # The emoji of the Basic Multilingual Plane as a regex class: one search is much
        # faster than a set test per character. (A class of characters beyond it is
        # tried item by item: those are looked for only in a text that has any.)
        bmp = sorted(e for e in self._emoji_chars if e <= "\uffff")
        self._bmp_emoji_re = re.compile("[" + "".join(map(re.escape, bmp)) + "]" if bmp else r"(?!x)x")

    def _has_emoji(self, text: str) -> bool:
        return (self._bmp_emoji_re.search(text) is not None
                or (_BEYOND_BMP.search(text) is not None and not self._emoji_chars.isdisjoint(text)))

    def polarity_scores(self, text):
        if not isinstance(text, str) or self._has_emoji(text):
            return super().polarity_scores(text)
        vs = _vs
        text = text.strip()
        punct = vs.string.punctuation
        words = []
        for token in text.split():
            stripped = token.strip(punct)
            words.append(token if len(stripped) <= 2 else stripped)
        low = [w.lower() for w in words]
        n = len(words)
        lexicon, booster, negate = self.lexicon, vs.BOOSTER_DICT, _VADER_NEGATE
        n_caps = sum(1 for w in words if w.isupper())
        cap_diff = 0 < n - n_caps < n
        special = vs.SPECIAL_CASES
        n_scalar, c_incr = vs.N_SCALAR, vs.C_INCR

        def negated(word):
            return word in negate or "n't" in word

        sentiments = []
        for i, item in enumerate(words):
            il = low[i]
            if il in booster or (i < n - 1 and il == "kind" and low[i + 1] == "of"):
                sentiments.append(0)
                continue
            valence = 0
            if il in lexicon:
                valence = lexicon[il]
                if il == "no" and i != n - 1 and low[i + 1] in lexicon:
                    valence = 0.0
                if ((i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no")
                        or (i > 2 and low[i - 3] == "no" and low[i - 1] in ["or", "nor"])):
                    valence = lexicon[il] * n_scalar
                if item.isupper() and cap_diff:
                    if valence > 0:
                        valence += c_incr
                    else:
                        valence -= c_incr
                for start_i in range(0, 3):
                    j = i - (start_i + 1)
                    if i > start_i and low[j] not in lexicon:
                        # scalar_inc_dec
                        s = 0.0
                        if low[j] in booster:
                            s = booster[low[j]]
                            if valence < 0:
                                s *= -1
                            if words[j].isupper() and cap_diff:
                                if valence > 0:
                                    s += c_incr
                                else:
                                    s -= c_incr
                        if start_i == 1 and s != 0:
                            s = s * 0.95
                        if start_i == 2 and s != 0:
                            s = s * 0.9
                        valence = valence + s
                        # _negation_check
                        if start_i == 0:
                            if negated(low[i - 1]):
                                valence = valence * n_scalar
                        elif start_i == 1:
                            if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
                                valence = valence * 1.25
                            elif low[i - 2] == "without" and low[i - 1] == "doubt":
                                pass
                            elif negated(low[i - 2]):
                                valence = valence * n_scalar
                        else:
                            if (low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this")
                                    or (low[i - 1] == "so" or low[i - 1] == "this")):
                                valence = valence * 1.25
                            elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                                pass
                            elif negated(low[i - 3]):
                                valence = valence * n_scalar
                            # _special_idioms_check
                            onezero = f"{low[i - 1]} {low[i]}"
                            twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
                            twoone = f"{low[i - 2]} {low[i - 1]}"
                            threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
                            threetwo = f"{low[i - 3]} {low[i - 2]}"
                            for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
                                if seq in special:
                                    valence = special[seq]
                                    break
                            if n - 1 > i:
                                zeroone = f"{low[i]} {low[i + 1]}"
                                if zeroone in special:
                                    valence = special[zeroone]
                            if n - 1 > i + 1:
                                zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
                                if zeroonetwo in special:
                                    valence = special[zeroonetwo]
                            for n_gram in (threetwoone, threetwo, twoone):
                                if n_gram in booster:
                                    valence = valence + booster[n_gram]
                # _least_check
                if i > 1 and low[i - 1] not in lexicon and low[i - 1] == "least":
                    if low[i - 2] != "at" and low[i - 2] != "very":
                        valence = valence * n_scalar
                elif i > 0 and low[i - 1] not in lexicon and low[i - 1] == "least":
                    valence = valence * n_scalar
            sentiments.append(valence)
        if "but" in low:
            sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)


@lru_cache(maxsize=1)
def fast_vader() -> FastSentimentIntensityAnalyzer:
    """The shared :class:`FastSentimentIntensityAnalyzer` (for ``sentence_tone(...,
    analyzer=fast_vader())``: the same scores as the default analyzer, faster)."""
    return FastSentimentIntensityAnalyzer()

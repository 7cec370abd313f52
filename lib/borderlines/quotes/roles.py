"""Roles and countries the text itself gives a speaker.

:func:`role_and_country` reads the words an article uses to describe someone (titles,
appositives, a possessive country: "Mexican Foreign Minister", "the mayor of El Paso",
"Honduras's president", "Sen. Ana Roe (D-Vt.)") and returns a role category of
:data:`borderlines.quotes.ROLES` and a country, or ``"unknown"`` / ``""`` when the words
do not say. Pure functions of strings: no actors table, no model.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Role categories of ``data/actors.csv``; speakers not in the table get ``unknown``.
ROLES = {
    "us_executive": "US president, vice president, cabinet, White House and their offices",
    "us_agency": "US federal agencies and their officials (CBP, Border Patrol, ATF)",
    "us_congress_or_state": "Congress, its members, state and local governments",
    "mexico_government": "Mexican federal government, ministries and officials",
    "central_america_government": "governments and officials of Central American countries",
    "international_org": "UN agencies and other international organisations",
    "expert_or_ngo": "analysts, think tanks, advocacy and rights groups",
    "other": "anyone else listed",
}
UNKNOWN_ROLE = "unknown"

#: Country words (demonyms, names, possessives) -> the country as the actors table spells it.
COUNTRY_WORDS = {
    "US": ("U.S.", "US", "American", "United States", "America's", "U.S.'s", "White House", "Pentagon",
           "State Department", "Homeland Security", "Border Patrol", "Congress"),
    "Mexico": ("Mexican", "Mexico", "Mexico's"),
    "Guatemala": ("Guatemalan", "Guatemala", "Guatemala's"),
    "Honduras": ("Honduran", "Honduras", "Honduras's", "Honduras'"),
    "El Salvador": ("Salvadoran", "Salvadorean", "El Salvador", "El Salvador's"),
    "Nicaragua": ("Nicaraguan", "Nicaragua", "Nicaragua's"),
    "Costa Rica": ("Costa Rican", "Costa Rica", "Costa Rica's"),
    "Panama": ("Panamanian", "Panama", "Panama's"),
    "Belize": ("Belizean", "Belize", "Belize's"),
    "Canada": ("Canadian", "Canada", "Canada's"),
    "Cuba": ("Cuban", "Cuba", "Cuba's"),
    "Venezuela": ("Venezuelan", "Venezuela", "Venezuela's"),
    "Colombia": ("Colombian", "Colombia", "Colombia's"),
    "Haiti": ("Haitian", "Haiti", "Haiti's"),
    "international": ("U.N.", "UN", "United Nations", "UNHCR", "IOM", "International Organization for Migration",
                      "Red Cross", "World Bank", "IMF", "OAS"),
}
CENTRAL_AMERICA = frozenset({"Guatemala", "Honduras", "El Salvador", "Nicaragua", "Costa Rica", "Panama",
                             "Belize"})

# A US party and state label: "(D-Vt.)", "R-Ky.", "(R)".
_PARTY_RE = re.compile(r"\((?:[DRI](?:-[A-Z][\w. ]*)?)\)|\b[DRI]-[A-Z][a-z]{1,3}\.")


def _words_re(words) -> re.Pattern:
    """One pattern for whole words or phrases (not inside a longer word or abbreviation)."""
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                      + r")(?![\w])")

_EXECUTIVE = ("president", "vice president", "secretary", "white house", "press secretary", "cabinet",
              "attorney general", "chief of staff", "adviser", "advisor", "spokesman", "spokeswoman",
              "spokesperson", "ambassador", "minister", "foreign minister", "chancellor")
_LEGISLATIVE_OR_STATE = ("sen.", "senator", "rep.", "representative", "congressman", "congresswoman",
                         "lawmaker", "legislator", "gov.", "governor", "mayor", "del.", "delegate",
                         "speaker", "majority leader", "minority leader", "whip", "state senator",
                         "assemblyman", "assemblywoman", "councilman", "councilwoman", "sheriff")
_AGENCY = ("commissioner", "border patrol", "customs", "agent", "officer", "agency", "department",
           "administrator", "director of", "chief of", "immigration and customs", "ice", "cbp", "fbi",
           "dhs", "police")
_EXPERT = ("analyst", "expert", "professor", "researcher", "fellow", "scholar", "economist", "historian",
           "advocate", "activist", "think tank", "institute", "foundation", "ngo", "rights group",
           "human rights watch", "amnesty", "center for", "university")
_GOVERNMENT = _EXECUTIVE + _LEGISLATIVE_OR_STATE + ("ministry", "government", "official", "officials",
                                                    "foreign ministry", "secretariat", "embassy", "consul")


_COUNTRY_OF_WORD = {w: country for country, words in COUNTRY_WORDS.items() for w in words}
_COUNTRY_RE = _words_re(_COUNTRY_OF_WORD)
_EXECUTIVE_RE, _LEGISLATIVE_OR_STATE_RE, _AGENCY_RE, _EXPERT_RE = map(
    _words_re, (_EXECUTIVE, _LEGISLATIVE_OR_STATE, _AGENCY, _EXPERT))
_GOVERNMENT_OR_AGENCY_RE = _words_re(_GOVERNMENT + _AGENCY)


def country_of(description: str) -> str:
    """The country the words name ("Mexican", "of Honduras", "U.S.", a US party label),
    the first named when several are; ``""`` when none is."""
    m = _COUNTRY_RE.search(description)
    if m:
        return _COUNTRY_OF_WORD[m.group()]
    return "US" if _PARTY_RE.search(description) else ""


@lru_cache(maxsize=65536)
def role_and_country(description: str) -> tuple[str, str]:
    """``(role, country)`` of a speaker described by ``description`` (titles and
    appositives as the article writes them): a role of ``ROLES`` or ``"unknown"``, and a
    country or ``""``. A government title needs a country to place it ("Foreign Minister"
    alone says nothing of whose); experts and international bodies need none."""
    country = country_of(description)
    low = description.lower()
    if country == "international":
        return "international_org", country
    if _EXPERT_RE.search(low):
        return "expert_or_ngo", country
    if country == "US":
        if _LEGISLATIVE_OR_STATE_RE.search(low) or _PARTY_RE.search(description):
            return "us_congress_or_state", country
        if _AGENCY_RE.search(low):
            return "us_agency", country
        if _EXECUTIVE_RE.search(low):
            return "us_executive", country
    elif country == "Mexico" and _GOVERNMENT_OR_AGENCY_RE.search(low):
        return "mexico_government", country
    elif country in CENTRAL_AMERICA and _GOVERNMENT_OR_AGENCY_RE.search(low):
        return "central_america_government", country
    return UNKNOWN_ROLE, country

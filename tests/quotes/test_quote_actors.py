"""The actors table (borderlines.quotes.actors): the bundled table is valid, a bad table is
a clear error naming the file, row and field, optional columns default; listed names match
with or without accents, and an alias two actors share follows the full name the article
gave (else it is flagged)."""

from __future__ import annotations

import pandas as pd
import pytest

from borderlines.files import InputProblem
from borderlines.quotes import ROLES, ActorsError, checked_actors, fold_accents, load_actors
from borderlines.quotes import extract_quotes, with_actors
from conftest import make_corpus
from quote_examples import AMLO, BROWN, EBRARD, NIELSEN, NO_ACTORS, POMPEO, TRUMP, quotes_of, rows_of


def actors_table(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    """An actors table from (name, aliases, role, country) rows."""
    return checked_actors(pd.DataFrame(rows, columns=["name", "aliases", "role", "country"]))


MILLERS = [("Troy Miller", "Miller", "us_agency", "US"), ("Stephen Miller", "Miller", "us_executive", "US")]

# (actors rows, or None for the bundled table; text; every row it gives as (quote, speaker, flags))
MATCHED = [
    pytest.param(None, "“We will help,” said Andres Manuel Lopez Obrador. "
                 "Later, López Obrador added: “Always.”\n\n“We are ready,” Garduno said.",
                 [("We will help", AMLO, set()), ("Always.", AMLO, set()),
                  ("We are ready", "Francisco Garduño", set())], id="accents-in-the-text-but-not-the-table"),
    pytest.param([("Olga Sanchez Cordero", "Sanchez Cordero", "mexico_government", "Mexico")],
                 "“It is a big change,” said Olga Sánchez Cordero.",
                 [("It is a big change", "Olga Sanchez Cordero", set())],
                 id="accents-in-the-table-but-not-the-text"),
    pytest.param(MILLERS, "Stephen Miller spoke on Monday. “We need a wall,” Miller said.",
                 [("We need a wall", "Stephen Miller", set())], id="shared-alias-follows-the-full-name-mentioned"),
    pytest.param(MILLERS, "“We need a wall,” Miller said.",
                 [("We need a wall", "Troy Miller", {"ambiguous_alias"})], id="shared-alias-alone-is-flagged"),
]


@pytest.mark.parametrize("actors, text, expected", MATCHED)
def test_listed_actors_matched(actors, text, expected):
    table = None if actors is None else actors_table(*actors)
    assert rows_of(quotes_of(text, actors=table), ["quote", "speaker", "flags"]) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Sánchez Cordero, Garduño", "Sanchez Cordero, Garduno", id="acute-and-tilde"),
    pytest.param("Álvarez Ñúñez", "Alvarez Nunez", id="capitals"),
])
def test_fold_accents(text, expected):
    assert fold_accents(text) == expected


def test_bundled_actors_table_is_valid():
    actors = load_actors()
    assert actors["name"].is_unique
    assert set(actors["role"]) <= set(ROLES)
    for name in [TRUMP, NIELSEN, AMLO, "Kevin McAleenan", "Olga Sánchez Cordero", EBRARD, "Mike Pence",
                 POMPEO, BROWN, "Adam Isacson", "Antony J. Blinken", "Alejandro N. Mayorkas", "Troy Miller",
                 "Mexico's Foreign Ministry", "UNHCR", "U.S. Customs and Border Protection", "Greg Abbott",
                 "James Mattis", "Francisco Garduño", "Liz Sherwood-Randall", "Mexican government",
                 "White House", "Office of the Vice President"]:
        assert name in set(actors["name"]), name
    handles = actors.set_index("name")["aliases"]
    assert "@realDonaldTrump" in handles[TRUMP] and "@SecNielsen" in handles[NIELSEN]


def test_actors_errors_name_file_row_and_field(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("name,aliases,role,country,type,gender\n"
                    "Jane Doe,Doe,pundit,US,person,f\n"
                    "Jane Doe,,other,US,robot,x\n"
                    ",a||b,other,,person,\n", encoding="utf-8")
    with pytest.raises(ActorsError) as err:
        load_actors(path)
    found = {(p.row, p.field) for p in err.value.problems}
    assert {(1, "role"), (2, "name"), (2, "type"), (2, "gender"), (3, "name"), (3, "aliases")} <= found
    message = str(err.value)
    assert str(path) in message and "row 1" in message and "unknown role 'pundit'" in message
    assert "us_executive" in message   # tells how to fix it


def test_actors_missing_column_and_missing_file(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("name,role,country\nJane Doe,other,US\n", encoding="utf-8")
    with pytest.raises(ActorsError, match="aliases"):
        load_actors(path)
    with pytest.raises(InputProblem, match="file not found"):
        load_actors(tmp_path / "nope.csv")


def test_optional_columns_default():
    actors = actors_table(("Jane Doe", "", "other", ""))
    assert actors.loc[0, "type"] == "person" and actors.loc[0, "gender"] == ""


# --------------------------------------------------------------------------- with_actors

SPEAKER_COLUMNS = ["doc_id", "kind", "start", "end", "speaker", "role", "country", "speaker_source"]

# (text, the actor added, expected (speaker, role, country, speaker_source) of the first quote)
ADDED_ACTORS = [
    pytest.param("“The ferry will run again by June,” said Tove Halvorsen.\n\nShe added that fares would rise.",
                 ("Tove Halvorsen", "", "expert_or_ngo", "Norway"),
                 ("Tove Halvorsen", "expert_or_ngo", "Norway", "actor_table"), id="the-table-fills-role-and-country"),
    pytest.param("“The vote is done,” said Sen. Dana Kolb (D-Ore.).", ("Dana Kolb", "Kolb", "other", "Canada"),
                 ("Dana Kolb", "us_congress_or_state", "US", "actor_table"), id="the-text-comes-before-the-table"),
    pytest.param("“We will sign it,” Harbor Chief Mara Ilves said.", ("Mara Ilves", "", "other", "Estonia"),
                 ("Mara Ilves", "other", "Estonia", "actor_table"), id="words-before-the-name-hide-nothing"),
    pytest.param("“No comment,” said Ivo Brandt.", ("Pia Sorel", "", "other", ""),
                 ("Ivo Brandt", "unknown", "", "text"), id="an-actor-nobody-quotes-changes-nothing"),
]


@pytest.mark.parametrize("text, actor, expected", ADDED_ACTORS)
def test_with_actors_equals_extracting_with_the_actor(text, actor, expected):
    corpus = make_corpus([{"doc_id": "w1", "text": text}])
    listed = actors_table(actor)
    again = with_actors(extract_quotes(corpus, actors=NO_ACTORS), listed)
    extracted = extract_quotes(corpus, actors=listed)
    pd.testing.assert_frame_equal(again[SPEAKER_COLUMNS], extracted[SPEAKER_COLUMNS])
    assert tuple(again.iloc[0][["speaker", "role", "country", "speaker_source"]]) == expected


def test_with_actors_keeps_listed_rows_and_ambiguous_names():
    corpus = make_corpus([{"doc_id": "w2", "text": "“Roads first,” said Lena Voss. “Rail later,” said Omar Tal."}])
    quotes = extract_quotes(corpus, actors=actors_table(("Lena Voss", "", "other", "Austria")))
    # two actors go by "Omar Tal": the name alone cannot say which
    twins = actors_table(("Lena Voss", "", "expert_or_ngo", "Chile"), ("Omar Tal (mayor)", "Omar Tal", "other", ""),
                         ("Omar Tal (judge)", "Omar Tal", "other", ""))
    again = with_actors(quotes, twins).set_index("quote")
    assert tuple(again.loc["Roads first", ["speaker", "role", "speaker_source"]]) == ("Lena Voss", "other",
                                                                                     "actor_table")
    assert tuple(again.loc["Rail later", ["speaker", "speaker_source"]]) == ("Omar Tal", "text")
    with pytest.raises(ValueError, match="speaker_source"):
        with_actors(quotes.drop(columns="speaker_source"), twins)


def test_with_actors_on_the_bundled_corpus(bundled_corpus):
    """The study's quotes extracted without an actor, then given the table with it,
    name the same speakers with the same roles as extracting with the whole table."""
    actors = load_actors()
    full = extract_quotes(bundled_corpus, actors=actors)
    name = "Andrés Manuel López Obrador"
    assert (full["speaker"] == name).sum() > 0
    without = extract_quotes(bundled_corpus, actors=actors[actors["name"] != name].reset_index(drop=True))
    assert set(without.loc[without["speaker"].str.contains("Obrador"), "speaker_source"]) == {"text"}
    pd.testing.assert_frame_equal(with_actors(without, actors)[SPEAKER_COLUMNS], full[SPEAKER_COLUMNS])

"""The source a figure is attributed to (borderlines.cited_figures.attribution), as a table
of (text, expected rows as in ``cited_rows``) run through :func:`extract_figures`."""

from __future__ import annotations

import pytest
from cited_rows import figure_rows

ATTRIBUTION = [
    pytest.param("Arrests fell 56 percent, according to federal data.",
                 {"56 percent": {"attributed_to": "federal data"}}, id="according-to"),
    pytest.param("Migrants fell 56 percent, according to U.S. Customs and Border Protection figures.",
                 {"56 percent": {"attributed_to": "U.S. Customs and Border Protection figures"}},
                 id="according-to-with-initials"),
    pytest.param("U.S. Customs and Border Protection Commissioner Kevin McAleenan said the agency would make "
                 "100,000 arrests.",
                 {"100,000": {"attributed_to": "U.S. Customs and Border Protection Commissioner Kevin McAleenan"}},
                 id="titled-subject-of-said"),
    pytest.param("Kevin McAleenan, the acting homeland security secretary, has said agents made fewer than 20,000 "
                 "arrests per month.", {"20,000": {"attributed_to": "Kevin McAleenan"}},
                 id="name-with-appositive-has-said"),
    pytest.param("It initially included approximately 5,000 people, the agency said.",
                 {"5,000": {"attributed_to": "the agency"}}, id="trailing-the-agency-said"),
    pytest.param("“We are almost at 90 percent of the objective on migration,” Ebrard said.",
                 {"90 percent": {"attributed_to": "Ebrard"}}, id="quotation-then-speaker"),
    pytest.param("Ebrard spoke for about 10 minutes with President Trump, he later said.",
                 {"10 minutes": {"attributed_to": "Ebrard"}}, id="pronoun-is-the-leading-name"),
    pytest.param("An average of 567 firearms enter every hour, according to the Mexican government’s presentation "
                 "in the meeting, quoting ATF figures.",
                 {"567": {"attributed_to": "the Mexican government’s presentation (citing ATF figures)"}},
                 id="according-to-quoting"),
    pytest.param("CBP data show 70,000 apprehensions in May.", {"70,000": {"attributed_to": "CBP data"}},
                 id="data-show"),
    pytest.param("Arrests jumped to 66,450 in February.", {"66,450": {"attributed_to": ""}}, id="unattributed"),
    pytest.param("The statement follows Trump’s warning in which he said he would close the border, referring to a "
                 "caravan of over 4,000 migrants.", {"4,000": {"attributed_to": ""}},
                 id="speech-in-a-relative-clause-does-not-attribute"),
    # a figure in an embedded post is its author's; one in a quotation its speaker's
    pytest.param("Officials spoke on Thursday.\n\nWe apprehended 5,000 migrants this month. — Sec. Kirstjen Nielsen "
                 "(@SecNielsen) March 28, 2019\n\n“We detained 500 migrants,” the official said.",
                 {"5,000 migrants": {"attributed_to": "Sec. Kirstjen Nielsen", "period": "2019-03", "in_post": True},
                  "500 migrants": {"attributed_to": "the official", "in_quote": True, "in_post": False}},
                 id="embedded-post-and-quotation"),
]


@pytest.mark.parametrize("text, expected", ATTRIBUTION)
def test_attribution(text, expected):
    got, want = figure_rows(text, expected)
    assert got == want

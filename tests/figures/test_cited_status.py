"""Whether a figure is reported, projected or estimated (borderlines.cited_figures.status),
as a table of (text, expected rows as in ``cited_rows``) run through
:func:`extract_figures` on an article of 2019-03-28."""

from __future__ import annotations

import pytest
from cited_rows import figure_rows

from borderlines.cited_figures import STATUSES


def _status(surface, status):
    return {surface: {"status": status}}


STATUS = [
    # projections: modals, expectations, forecasts, plans and pledges
    pytest.param("The ministry said it would hire 2,000 inspectors this year.", _status("2,000", "projection"),
                 id="would"),
    pytest.param("Shelters are expected to hold 9,000 families by winter.", _status("9,000", "projection"),
                 id="expected-to"),
    pytest.param("Port traffic could reach 40,000 trucks a week.", _status("40,000", "projection"), id="could"),
    pytest.param("The state projected 1.2 million visitors for the fair.", _status("1.2 million", "projection"),
                 id="projected"),
    pytest.param("Economists forecast growth of 3 percent.", _status("3 percent", "projection"), id="forecast"),
    pytest.param("The city is on track to build 500 homes.", _status("500 homes", "projection"), id="on-track-to"),
    pytest.param("The two governments agreed to resettle 3,000 refugees.", _status("3,000", "projection"),
                 id="agreed-to"),
    pytest.param("About 8,000 students will graduate in June.", _status("8,000", "projection"), id="will-after"),
    pytest.param("Guatemala may send up to 1,500 police officers.", _status("1,500", "projection"), id="may-send"),
    pytest.param("The plan will cost $3bn over a decade.", _status("$3bn", "projection"), id="will-cost"),
    pytest.param("Mexico will post 6,000 guards and 2,000 soldiers on the river.",
                 _status("2,000 soldiers", "projection"), id="second-object-of-will"),
    pytest.param("Arrests will not exceed 3,000 this month.", _status("3,000", "projection"), id="will-not"),
    pytest.param("Arrests reached 9,000 in May and 12,000 next month.",
                 {"12,000": {"period": "2019-04", "status": "projection"}, "9,000": {"status": "reported"}},
                 id="a-later-period-is-a-projection"),
    # a describing clause shares the status of the figure it describes
    pytest.param("Officials expect 90,000 arrivals this month, up 20 percent from last month.",
                 _status("20 percent", "projection"), id="describing-change"),
    pytest.param("Some 30,000 people will have moved by spring, including 9,000 children.",
                 _status("9,000", "projection"), id="describing-including"),
    # estimates
    pytest.param("An estimated 11 million people live there without papers.", _status("11 million", "estimate"),
                 id="an-estimated"),
    pytest.param("Analysts estimate that 4,000 people left the island.", _status("4,000", "estimate"),
                 id="estimate-that"),
    pytest.param("As many as 600 workers walked out.", _status("600", "estimate"), id="as-many-as"),
    pytest.param("As many as 70 people may have drowned.", _status("70", "estimate"), id="may-have"),
    pytest.param("Attendance is believed to have topped 20,000 fans.", _status("20,000", "estimate"),
                 id="is-believed-to"),
    # reported
    pytest.param("Police arrested 40 people on Friday.", _status("40", "reported"), id="plain-past"),
    pytest.param("About 5,000 people marched downtown, organizers said.", _status("5,000", "reported"),
                 id="rounding-hedge"),
    pytest.param("Sales rose 12% more than expected.", _status("12%", "reported"), id="more-than-expected"),
    pytest.param("Exports grew 4 percent, as forecast.", _status("4 percent", "reported"), id="as-forecast"),
    pytest.param("Officials expect 6,000 in June after 5,000 arrived in May.", _status("5,000", "reported"),
                 id="after-ends-the-projection"),
    pytest.param("The factory holds 3,000 tons of steel and would need more.", _status("3,000 tons", "reported"),
                 id="modal-of-another-clause"),
    pytest.param("In the poll, 46 percent would vote for the mayor.", _status("46 percent", "reported"),
                 id="poll-finding"),
    pytest.param("The 300 delegates who will vote on Friday arrived.", _status("300 delegates", "reported"),
                 id="modal-in-a-relative-clause"),
    pytest.param("Crossings will be counted next week, after 7,000 were stopped in May.", _status("7,000", "reported"),
                 id="after-a-future-clause"),
    pytest.param("The sheriff had no plans to release 12 videos of the raid.", _status("12 videos", "reported"),
                 id="no-plans"),
    pytest.param("Nobody expected 400 people at the hearing.", _status("400 people", "reported"),
                 id="nobody-expected"),
]


@pytest.mark.parametrize("text, expected", STATUS)
def test_status(text, expected):
    got, want = figure_rows(text, expected)
    assert got == want
    assert {row["status"] for row in want.values()} <= set(STATUSES)

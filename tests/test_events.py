"""Clause-level event extraction and the links the text states (expressions made by hand)."""

from datetime import date

import pytest

from tests.helpers import article, expr
from timeline.events import extract_events
from timeline.models import Granularity
from timeline.segment import split_sentences
from timeline.settings import DEFAULT


def run(text, exprs, published="2022-01-15"):
    art = article(text, published)
    return extract_events(art, split_sentences(text), exprs, DEFAULT)


def test_dated_clause_is_an_event_at_its_date():
    text = "The French government closed its embassy in Kabul on Monday after weeks of debate."
    events, _ = run(text, [expr(text, "on Monday", "2022-01-10", "2022-01-10", "2022-01-10")])
    assert [(e.value, e.start, e.title) for e in events] == [
        ("2022-01-10", date(2022, 1, 10), "The French government closed its embassy in Kabul")
    ]
    assert events[0].mentions[0].expression == "on Monday"


@pytest.mark.parametrize(
    ("text", "phrase", "title"),
    [
        # a date phrase that stands alone leaves the title
        (
            "On Monday, NATO and Russia met in Brussels.",
            "Monday",
            "NATO and Russia met in Brussels",
        ),
        ("In 1988 the government closed the border.", "1988", "The government closed the border"),
        # one bound into the sentence stays: a range, a possessive, an attribute, a participle
        (
            "Henan avoided a population increase between 1971 and 2004.",
            "1971",
            "Henan avoided a population increase between 1971 and 2004",
        ),
        (
            "He kept the pledge made at last November's election.",
            "last November",
            "He kept the pledge made at last November's election",
        ),
        (
            "Zamani won bronze at the 2002 Busan Asian Games.",
            "2002",
            "Zamani won bronze at the 2002 Busan Asian Games",
        ),
        (
            "Founded in 1985, the school trained 100 acrobats.",
            "1985",
            "Founded in 1985, the school trained 100 acrobats",
        ),
        ("The fair ran March 3-5 in Lyon.", "March 3", "The fair ran March 3-5 in Lyon"),
        # a wire dateline goes, with or without its date
        (
            "LUSAKA, Nov. 3 (Xinhua) -- Zambian farmers planted jatropha on Friday.",
            "Nov. 3",
            "Zambian farmers planted jatropha on Friday",
        ),
        (
            "LUSAKA, Nov. 3 (Xinhua) -- Zambian farmers planted jatropha on Friday.",
            "Friday",
            "Zambian farmers planted jatropha",
        ),
        (
            "KYIV, Ukraine (AP) — Russian forces shelled the city on Friday.",
            "Friday",
            "Russian forces shelled the city",
        ),
        # a free-standing date stays out of the title even before "and"/"to" or after "her"
        ("Sales rose on Monday and Ahmed resigned.", "Monday", "Sales rose and Ahmed resigned"),
        (
            "Bush called her Tuesday to offer condolences.",
            "Tuesday",
            "Bush called her to offer condolences",
        ),
        # a verb, not a connective: no clause starts at "following" / "due to"
        (
            "Pakistan was following a policy of engagement on Friday.",
            "Friday",
            "Pakistan was following a policy of engagement",
        ),
        (
            "Leaders arrived for a summit due to open Saturday.",
            "Saturday",
            "Leaders arrived for a summit due to open",
        ),
    ],
)
def test_title_drops_free_standing_dates_and_datelines(text, phrase, title):
    events, links = run(text, [expr(text, phrase, "2020-01-01", "2020-01-01", "2020-01-01")])
    assert [e.title for e in events] == [title] and links == []


def test_dateline_date_gives_way_to_the_clause_date():
    text = "DOHA, Nov. 27 (Xinhua) -- Afghanistan entered the Athens Olympic Games in 2004."
    exprs = [
        expr(text, "Nov. 27", "2006-11-27", "2006-11-27", "2006-11-27"),
        expr(text, "2004", "2004", "2004-01-01", "2004-12-31", Granularity.YEAR),
    ]
    events, _ = run(text, exprs, published="2006-11-27")
    assert [(e.value, e.title) for e in events] == [
        ("2004", "Afghanistan entered the Athens Olympic Games")
    ]


def test_dateline_city_agency_and_month_are_no_actors():
    text = "MOSCOW, Nov. 2 (Xinhua) -- Kenyan officials met Japanese envoys on Thursday."
    events, _ = run(text, [expr(text, "Thursday", "2006-11-02", "2006-11-02", "2006-11-02")])
    assert [e.actors for e in events] == [("Kenya", "Japan")]


def test_undated_statement_takes_publication_date():
    text = "Prime Minister Olaf Scholz warned Moscow against any further escalation."
    events, _ = run(text, [])
    assert len(events) == 1
    ev = events[0]
    assert (ev.value, ev.granularity) == ("2022-01-15", Granularity.DAY)
    assert ev.mentions[0].rule == "publication date (no date expression)"
    assert "Russia" in ev.actors


def test_headlines_and_link_lists_are_not_events():
    text = "Lithuania Leads Calls for NATO Build-Up in Baltic States\nRead more\n"
    events, links = run(text, [])
    assert events == [] and links == []


def test_in_response_to_links_cause_to_effect_across_sentences():
    text = (
        "On Tuesday the ministry rejected the offer in response to the German proposal. "
        "Germany submitted a proposal on Monday to share the costs."
    )
    exprs = [
        expr(text, "On Tuesday", "2022-01-11", "2022-01-11", "2022-01-11"),
        expr(text, "on Monday", "2022-01-10", "2022-01-10", "2022-01-10"),
    ]
    events, links = run(text, exprs)
    by_value = {e.value: e for e in events}
    assert len(links) == 1
    link = links[0]
    assert link.kind == "causes"
    assert link.source == by_value["2022-01-10"].id
    assert link.evidence.startswith("in response to the German proposal")


def test_following_clause_without_date_takes_its_partners_date():
    text = "The province joined the federation in 1995 following a referendum."
    exprs = [expr(text, "in 1995", "1995", "1995-01-01", "1995-12-31", Granularity.YEAR)]
    events, links = run(text, exprs)
    titles = {e.title: e for e in events}
    assert set(titles) == {"The province joined the federation", "A referendum"}
    assert titles["A referendum"].value == "1995"
    assert [(lk.source, lk.target, lk.kind) for lk in links] == [
        (titles["A referendum"].id, titles["The province joined the federation"].id, "before")
    ]


def test_since_then_opens_an_interval_and_links_back():
    text = (
        "The two states signed a border treaty in 2010. "
        "Since then, trade between them has grown every year."
    )
    exprs = [
        expr(text, "in 2010", "2010", "2010-01-01", "2010-12-31", Granularity.YEAR),
        expr(
            text,
            "Since then",
            "2010",
            "2010-01-01",
            None,
            Granularity.YEAR,
            anchor="previous",
            mod="ON_OR_AFTER",
        ),
    ]
    events, links = run(text, exprs)
    treaty, since = events
    assert since.end is None and since.start == date(2010, 1, 1)
    assert [(lk.source, lk.target, lk.evidence) for lk in links] == [
        (treaty.id, since.id, "Since then")
    ]


def test_dateline_does_not_date_the_first_sentence():
    text = "March 3 – The Spanish ministry announced new rules."
    exprs = [expr(text, "March 3", "2022-03-03", "2022-03-03", "2022-03-03")]
    events, _ = run(text, exprs, published="2022-03-04")
    assert [e.mentions[0].expression for e in events] == [""]
    assert events[0].value == "2022-03-04"


def test_undated_report_joins_the_dated_event_of_the_same_actor():
    text = (
        "The chancellor Olaf Scholz responded on Thursday that talks must go on. "
        "Scholz told the radio station that he stood by every word."
    )
    exprs = [expr(text, "on Thursday", "2022-01-13", "2022-01-13", "2022-01-13")]
    events, _ = run(text, exprs)
    assert len(events) == 1
    assert [m.sentence_index for m in events[0].mentions] == [0, 1]
    assert events[0].value == "2022-01-13"


def test_ids_are_stable():
    text = "Officials from Spain met in Madrid on Monday to discuss the budget."
    exprs = [expr(text, "on Monday", "2022-01-10", "2022-01-10", "2022-01-10")]
    assert run(text, exprs)[0][0].id == run(text, exprs)[0][0].id


def test_this_step_refers_to_the_event_before():
    text = (
        "In March the Spanish government closed its consulate in Rabat. "
        "With this step, Madrid reacted to the arrest of two Spanish diplomats."
    )
    exprs = [expr(text, "In March", "2022-03", "2022-03-01", "2022-03-31", Granularity.MONTH)]
    events, links = run(text, exprs, published="2022-04-02")
    by_title = {e.title: e for e in events}
    cause = by_title["The arrest of two Spanish diplomats"]
    assert cause.value == "2022-03"  # dated like the event it caused
    assert [(lk.source, lk.kind) for lk in links] == [(cause.id, "causes")]


def test_made_his_remarks_refers_to_the_dated_statement():
    text = (
        "Speaking in Geneva on Monday, the Swiss minister Ignazio Cassis said talks would go on. "
        "The minister made his remarks after Chinese officials accused Bern of bias."
    )
    exprs = [expr(text, "on Monday", "2022-03-07", "2022-03-07", "2022-03-07")]
    events, links = run(text, exprs, published="2022-03-08")
    titles = {e.id: e.title for e in events}
    assert [(titles[lk.source][:15], titles[lk.target][:8]) for lk in links] == [
        ("Chinese officia", "The Swis")
    ]


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("The project stalled due to land disputes.", ["due to"]),  # "land" is a noun here
        ("He quit due to close ties with the mafia.", ["due to"]),
        ("Leaders arrived for a summit due to open Saturday.", []),  # a schedule, not a cause
    ],
)
def test_due_to_is_a_cause_unless_a_plain_verb_follows(text, cut):
    from timeline.lexicon import CONNECTIVE_RE

    assert [m.group() for m in CONNECTIVE_RE.finditer(text)] == cut


def test_a_comma_and_a_name_after_an_acronym_is_no_dateline():
    from timeline.clauses import DATELINE_TEXT

    text = "OPEC, Saudi Arabia - the cartel and its leader - agreed."
    assert DATELINE_TEXT.sub("", text) == text
    assert (
        DATELINE_TEXT.sub("", "NEW YORK, Oct.29, 2004 (Reuters) - Stocks rose.") == "Stocks rose."
    )


def test_a_contract_month_does_not_date_the_clause():
    text = "Brent crude for January delivery gained 45 cents on Friday."
    exprs = [
        expr(text, "January", "2007-01", "2007-01-01", "2007-01-31", Granularity.MONTH),
        expr(text, "Friday", "2006-12-15", "2006-12-15", "2006-12-15"),
    ]
    events, _ = run(text, exprs, published="2006-12-16")
    assert [e.value for e in events] == ["2006-12-15"]
    alone = "Brent crude for January delivery gained 45 cents to settle at 61 dollars."
    only = [expr(alone, "January", "2007-01", "2007-01-01", "2007-01-31", Granularity.MONTH)]
    events, _ = run(alone, only, published="2006-12-16")
    assert all(e.value != "2007-01" for e in events)  # not placed in next month

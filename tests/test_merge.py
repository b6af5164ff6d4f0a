"""Merging reports of one event from several articles; blocking by time."""

from datetime import date

from tests.helpers import event
from timeline.merge import EventIndex, merge_into
from timeline.models import Granularity
from timeline.settings import DEFAULT

PROPOSAL_A = event(
    "a",
    "Russia put forward security proposals to NATO and the United States",
    "2021-12",
    "2021-12-01",
    "2021-12-10",
    "art1",
    ("Russia", "NATO", "United States"),
    Granularity.MONTH,
)
PROPOSAL_B = event(
    "b",
    "Moscow submitted two draft treaties to Washington and NATO",
    "2021-12",
    "2021-12-01",
    "2021-12-31",
    "art2",
    ("Russia", "United States", "NATO"),
    Granularity.MONTH,
)


def test_same_event_from_two_articles_is_one_event_with_both_sources():
    index = EventIndex()
    merge_into(index, [PROPOSAL_A], DEFAULT)
    renamed = merge_into(index, [PROPOSAL_B], DEFAULT)
    assert renamed == {"b": "a"}
    (merged,) = index.events.values()
    assert merged.sources == ("art1", "art2")
    assert (merged.start, merged.end) == (date(2021, 12, 1), date(2021, 12, 10))  # the narrower
    assert not merged.conflict


def test_events_of_one_article_are_never_merged():
    other = event(
        "c",
        PROPOSAL_A.title,
        "2021-12",
        "2021-12-01",
        "2021-12-10",
        "art1",
        PROPOSAL_A.actors,
        Granularity.MONTH,
    )
    index = EventIndex()
    merge_into(index, [PROPOSAL_A, other], DEFAULT)
    assert set(index.events) == {"a", "c"}


def test_different_months_are_not_compared():
    later = event(
        "d",
        PROPOSAL_B.title,
        "2022-02",
        "2022-02-01",
        "2022-02-28",
        "art2",
        PROPOSAL_B.actors,
        Granularity.MONTH,
    )
    index = EventIndex()
    merge_into(index, [PROPOSAL_A], DEFAULT)
    assert merge_into(index, [later], DEFAULT) == {}


def test_unrelated_events_on_the_same_day_stay_apart():
    a = event(
        "e", "Floods hit northern Italy", "2022-01-12", "2022-01-12", "2022-01-12", "x", ("Italy",)
    )
    b = event(
        "f",
        "NATO and Russia met in Brussels",
        "2022-01-12",
        "2022-01-12",
        "2022-01-12",
        "y",
        ("NATO", "Russia"),
    )
    index = EventIndex()
    merge_into(index, [a], DEFAULT)
    assert merge_into(index, [b], DEFAULT) == {}


def test_lookup_supplies_stored_candidates():
    calls = []

    def lookup(start, end):
        calls.append((start, end))
        return [PROPOSAL_A]

    index = EventIndex(lookup)
    assert merge_into(index, [PROPOSAL_B], DEFAULT) == {"b": "a"}
    assert calls == [(date(2021, 11, 29), date(2022, 1, 2))]  # widened by merge_window_days


def test_a_year_needs_more_than_speaker_and_verb_to_absorb_a_day():
    day = event(
        "g",
        "Kopp told reporters about the clinic",
        "1999-05-06",
        "1999-05-06",
        "1999-05-06",
        "x",
        ("Kopp",),
    )
    same_day = event(
        "i",
        "Kopp said the jobs paid well",
        "1999-05-06",
        "1999-05-06",
        "1999-05-06",
        "y",
        ("Kopp",),
    )
    year = event(
        "h",
        "Kopp said the jobs paid well",
        "1999",
        "1999-01-01",
        "1999-12-31",
        "y",
        ("Kopp",),
        Granularity.YEAR,
    )
    index = EventIndex()
    merge_into(index, [day], DEFAULT)
    assert merge_into(index, [year], DEFAULT) == {}
    assert merge_into(index, [same_day], DEFAULT) == {"i": "g"}


def test_sources_disagreeing_on_the_day_give_one_flagged_event():
    a = event(
        "j",
        "Floods hit Venice and flooded St Mark's Square",
        "2022-11-14",
        "2022-11-14",
        "2022-11-14",
        "x",
        ("Venice",),
    )
    b = event(
        "k",
        "Floods hit Venice, flooding St Mark's Square",
        "2022-11-15",
        "2022-11-15",
        "2022-11-15",
        "y",
        ("Venice",),
    )
    index = EventIndex()
    merge_into(index, [a], DEFAULT)
    assert merge_into(index, [b], DEFAULT) == {"k": "j"}
    (merged,) = index.events.values()
    assert merged.conflict
    assert [m.value for m in merged.mentions] == ["2022-11-14", "2022-11-15"]


def test_one_speaker_on_two_days_is_two_events():
    a = event(
        "l",
        "Putin said talks were useful",
        "2022-11-14",
        "2022-11-14",
        "2022-11-14",
        "x",
        ("Vladimir Putin",),
    )
    b = event(
        "m",
        "Putin said sanctions would fail",
        "2022-11-16",
        "2022-11-16",
        "2022-11-16",
        "y",
        ("Vladimir Putin",),
    )
    index = EventIndex()
    merge_into(index, [a], DEFAULT)
    assert merge_into(index, [b], DEFAULT) == {}


def test_different_people_are_different_events():
    a = event(
        "n",
        "Stoltenberg said NATO would not back down",
        "2022-01-12",
        "2022-01-12",
        "2022-01-12",
        "x",
        ("Jens Stoltenberg", "NATO"),
    )
    b = event(
        "o",
        "Lavrov said NATO would not back down",
        "2022-01-12",
        "2022-01-12",
        "2022-01-12",
        "y",
        ("Sergei Lavrov", "NATO"),
    )
    index = EventIndex()
    merge_into(index, [a], DEFAULT)
    assert merge_into(index, [b], DEFAULT) == {}


def test_reports_sharing_only_an_actor_and_a_class_stay_apart():
    from timeline.similarity import report_similarity

    us = ("United States",)
    a = event(
        "a", "Troops launched an inquiry into abuse", "2006-11-02", "2006-11-02", None, "s1", us
    )
    b = event("b", "Troops launched the economy", "2006-11-02", "2006-11-02", None, "s2", us)
    c = event("c", "Marines deployed to Okinawa", "2006-11-02", "2006-11-02", None, "s3", us)
    assert report_similarity(a, b, shared_word=True) > 0  # a word besides actor and class
    assert report_similarity(a, c, shared_word=True) == 0.0  # only the actor and the class
    assert report_similarity(a, c) > 0  # one article's statements may still be grouped

"""Prose detection and actor names."""

import pytest

from timeline.text import actors, is_personal, is_prose, make_title


@pytest.mark.parametrize(
    "text, prose",
    [
        ("The minister said on Monday that talks would resume next week.", True),
        ("China, NATO Hold First Joint Anti-Piracy Drills in Gulf of Aden", False),
        ("Time to Kick Turkey Out of NATO?", False),
        (
            "Disclaimer: If you need to update this article then please contact our support team.",
            False,
        ),
        ("Read more", False),
        ("Russian President Vladimir Putin has asked NATO to end the expansion.", True),
    ],
)
def test_is_prose(text, prose):
    assert is_prose(text) is prose


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NATO Secretary General Jens Stoltenberg said so.", ("NATO", "Jens Stoltenberg")),
        ("Moscow reacted to the expulsion.", ("Russia",)),
        ("Russian Foreign Minister Sergei Lavrov said it.", ("Russia", "Sergei Lavrov")),
        ("Relations between Washington and Kyiv improved.", ("United States", "Ukraine")),
        ("talks between Russia and US-led NATO collapsed", ("Russia", "United States", "NATO")),
        ("“Moscow is wrong,” he said.", ()),
        # plural demonyms name their state, as singular ones do, even first in a sentence
        ("Palestinians protested in Gaza.", ("Palestine", "Gaza")),
        ("Afghans fled to Pakistan.", ("Afghanistan", "Pakistan")),
        # a demonym is part of an organisation's name, and adds no second actor
        ("European Union leaders met.", ("European Union",)),
        ("The Chinese Communist Party met.", ("Chinese Communist Party",)),
        ("Korean Air posted a loss.", ("Korean Air",)),
        ("Russian Sergei Lavrov spoke.", ("Sergei Lavrov", "Russia")),
        # a state's possessive starts a new name; a compound compass point is a region of it
        ("Miners died in north China's Shanxi Province.", ("China", "Shanxi Province")),
        ("Southwest China's Yunnan Province sold flowers.", ("China", "Yunnan Province")),
        ("North Korea fired a missile.", ("North Korea",)),
        ("McDonald's Corp said so.", ("McDonald's Corp",)),
        ("Talks resumed on Nov. 2 in Tokyo.", ("Japan",)),  # a month abbreviation is no name
        ("Lebanese Hezbollah fighters attacked.", ("Hezbollah", "Lebanon")),
        ("Kenyan officials met Japanese envoys.", ("Kenya", "Japan")),  # not "Kenyan of(ficials)"
        ("Ursula von der Leyen spoke.", ("Ursula von der Leyen",)),
        ("He met Hun Sen.", ("Hun Sen",)),  # an abbreviated title ends no name
        ("Somali pirates hijacked a ship.", ("Somalia",)),
        # a demonym that is part of a name or a people stays ("Swiss Re", "Bosnian Serb")
        ("Swiss Re said losses rose.", ("Swiss Re",)),
        ("The Greek Orthodox Church condemned it.", ("Greek Orthodox Church",)),
        ("Bosnian Serb forces shelled Sarajevo.", ("Bosnian Serb", "Sarajevo")),
        ("Prime Minister Hun Sen Monday ordered troops out.", ("Hun Sen",)),
        ("King Gyanendra of Nepal reshuffled his cabinet.", ("Gyanendra", "Nepal")),
        ("The University of Tokyo said so.", ("University of Tokyo",)),
        ("He spoke in English to the Premier League.", ("Premier League",)),  # a language
        ("The rural areas realized 24.6 billion US dollars.", ()),  # money, not an actor
        ("The Hong Kong dollar rose against the yen.", ()),
        ("House Speaker Nancy Pelosi said so.", ("Nancy Pelosi",)),  # "House Speaker": a title
        ("Speaker of Parliament Nabih Berri said so.", ("Nabih Berri",)),
        ("Ships entered the Gulf of Mexico.", ("Gulf of Mexico",)),  # no title: one name
        ("The Emir of Qatar met Bush.", ("Emir of Qatar", "Bush")),
        ("English Channel ferries stopped.", ("English Channel",)),
        ("Prime Minister Bill English said so.", ("Bill English",)),
        ("Sen. John McCain spoke.", ("John McCain",)),
    ],
)
def test_actors(text, expected):
    assert actors(text) == expected


@pytest.mark.parametrize(
    "text, proper, expected",
    [
        ("Secretary of State Madeleine Albright flew in.", frozenset(), ("Madeleine Albright",)),
        ("Found clinging to a tube, Elian was rescued.", frozenset({"Elian"}), ("Elian",)),
        ("Kopp was arrested in France.", frozenset({"Kopp", "France"}), ("Kopp", "France")),
        ("Other Americans said so.", frozenset(), ("United States",)),  # plural demonym
        ("Czech Foreign Minister Jan Kavan spoke.", frozenset(), ("Czech Republic", "Jan Kavan")),
        ("Fomin’s comments follow a summit.", frozenset({"Fomin"}), ("Fomin",)),
    ],
)
def test_actors_with_the_articles_proper_names(text, proper, expected):
    assert actors(text, proper) == expected


@pytest.mark.parametrize(
    "name, personal",
    [
        ("Jens Stoltenberg", True),
        ("Fomin", True),
        ("NATO", False),
        ("Russia", False),
        ("Russian Defense Ministry", False),
        ("Munich Security Conference", False),
        ("United States", False),
    ],
)
def test_is_personal(name, personal):
    assert is_personal(name) is personal


def test_title_is_short_and_capitalised():
    assert make_title(
        "  and the talks in Geneva ended without any agreement on the many "
        "points raised by both sides at length"
    ) == ("The talks in Geneva ended without any agreement on the many points raised by…")


@pytest.mark.parametrize(
    "clause, title",
    [
        ("Stoltenberg said that “", "Stoltenberg said"),
        ("the talks ended in", "The talks ended"),
        ("Ministers met on Monday.", "Ministers met on Monday"),
    ],
)
def test_titles_lose_dangling_words(clause, title):
    assert make_title(clause) == title

"""End to end on the seed articles: every row of the seeds' expected timeline, through the CLI.

The seeds (tests/data/seeds, a byte-for-byte copy of seeds/) are built with typer's CliRunner and
checked through `timeline export --format json` and `timeline dates --format json`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

SEEDS = Path(__file__).parent / "data" / "seeds"
runner = CliRunner()

A000, A001, A002, A003, A004 = (
    "000_4c9b9ba805ede2ed.txt",
    "001_d661c57517ea9ae8.txt",
    "002_3a60f01d4fe921a9.txt",
    "003_bce7a4f877c2e737.txt",
    "004_19969660543438c6.txt",
)


def cli(*args: str) -> str:
    """Run the CLI, assert success, return stdout."""
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seeds built once: (export document, store path)."""
    out = tmp_path_factory.mktemp("build")
    store = out / "t.db"
    cli("build", str(SEEDS), "--store", str(store), "--out", str(out / "t.html"))
    doc = json.loads(cli("export", "--store", str(store)))
    return doc, store


def by_file(doc) -> dict[str, str]:
    """Article id -> file name."""
    return {a["id"]: Path(a["path"]).name for a in doc["articles"]}


def test_articles_have_manifest_dates(built):
    doc, _ = built
    got = {
        Path(a["path"]).name: (a["published"][:16], a["published_source"]) for a in doc["articles"]
    }
    assert got == {
        A000: ("2021-07-31T16:49", "manifest"),
        A001: ("2021-12-24T00:00", "manifest"),
        A002: ("2022-02-19T19:45", "manifest"),
        A003: ("2021-12-01T00:00", "manifest"),
        A004: ("2022-01-15T07:30", "manifest"),
    }


# (article, expression as the text says it, TIMEX3 value, start, end) from seeds/README
ROWS = [
    (A000, "in 2014", "2014", "2014-01-01", "2014-12-31"),
    (A000, "Since then", "2014", "2014-01-01", None),
    (A000, "Friday", "2021-07-30", "2021-07-30", "2021-07-30"),
    (A000, "Earlier in the day", "2021-07-30", "2021-07-30", "2021-07-30"),
    (A001, "in early December", "2021-12", "2021-12-01", "2021-12-10"),
    (A001, "on the 23rd", "2021-12-23", "2021-12-23", "2021-12-23"),
    (A001, "as early as the 1990s", "199X", "1990-01-01", "1999-12-31"),
    (A002, "on Saturday", "2022-02-19", "2022-02-19", "2022-02-19"),
    (A003, "now", "PRESENT_REF", "2021-12-01", "2021-12-01"),
    (A004, "on Wednesday", "2022-01-12", "2022-01-12", "2022-01-12"),
    (A004, "Last month", "2021-12", "2021-12-01", "2021-12-31"),
    (A004, "In November", "2021-11", "2021-11-01", "2021-11-30"),
    (A004, "In October", "2021-10", "2021-10-01", "2021-10-31"),
]


@pytest.fixture(scope="module")
def expressions():
    """`timeline dates --format json` of every seed."""
    return {
        f: json.loads(cli("dates", str(SEEDS / f), "--format", "json"))["expressions"]
        for f in (A000, A001, A002, A003, A004)
    }


def _norm(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").lower().split())


@pytest.mark.parametrize("article, phrase, value, start, end", ROWS)
def test_expression_rows(expressions, article, phrase, value, start, end):
    # the tagger may keep the preposition ("in 2014") or not ("2014"): the span must overlap
    # the phrase and the value/interval must match exactly
    hits = [
        x
        for x in expressions[article]
        if _norm(x["text"]) in _norm(phrase) or _norm(phrase) in _norm(x["text"])
    ]
    assert hits, f"{phrase!r} not found in {article}"
    assert any((x["value"], x["start"], x["end"]) == (value, start, end) for x in hits), hits


def test_the_23rd_is_found_twice(expressions):
    assert sum(1 for x in expressions[A001] if x["value"] == "2021-12-23") == 2
    assert sum(1 for x in expressions[A004] if x["value"] == "2022-01-12") == 2


def test_capture_date_and_traps_are_not_dates(built, expressions):
    doc, _ = built
    # 002's header "Thursday, May 23, 2024" is a date, but the capture date: no event has it
    assert not any(e["value"].startswith("2024") for e in doc["events"])
    texts = {_norm(x["text"]) for xs in expressions.values() for x in xs}
    assert not texts & {"we", "su-24", "24", "115,000", "30"}


def _events(doc, pred):
    return [e for e in doc["events"] if pred(e)]


def test_crimea_referendum_once_in_2014(built):
    doc, _ = built
    found = _events(doc, lambda e: "referendum" in e["title"].lower())
    assert [(e["value"], e["granularity"]) for e in found] == [("2014", "year")]


def test_december_proposals_one_event_two_sources(built):
    doc, _ = built
    names = by_file(doc)
    found = _events(doc, lambda e: e["value"].startswith("2021-12") and len(e["sources"]) > 1)
    assert len(found) == 1
    ev = found[0]
    assert sorted(names[s] for s in ev["sources"]) == [A001, A004]
    assert (ev["granularity"], ev["start"]) == ("month", "2021-12-01")
    assert {m["expression"] for m in ev["mentions"]} == {"early December", "Last month"} or {
        _norm(m["expression"]) for m in ev["mentions"]
    } >= {"last month"}


def test_brussels_talks_once_on_12_january(built):
    doc, _ = built
    found = _events(
        doc,
        lambda e: (
            "brussels" in e["title"].lower()
            and any(w in e["title"].lower() for w in ("meeting", "talks", "summit"))
        ),
    )
    assert [e["value"] for e in found] == ["2022-01-12"]


def test_munich_once_on_19_february(built):
    doc, _ = built
    found = _events(doc, lambda e: "munich" in e["title"].lower())
    assert [e["value"] for e in found] == ["2022-02-19"]


def test_other_dated_rows(built):
    doc, _ = built
    dated = {
        (
            e["value"],
            Path(next(a["path"] for a in doc["articles"] if a["id"] == e["sources"][0])).name,
        )
        for e in doc["events"]
    }
    for row in [
        ("2021-07-30", A000),
        ("2021-12-23", A001),
        ("199X", A001),
        ("2021-12-01", A003),
        ("PRESENT_REF", A003),
        ("2021-11", A004),
        ("2021-10", A004),
    ]:
        assert row in dated


def test_003_reported_speech_takes_publication_day(built):
    doc, _ = built
    found = _events(
        doc, lambda e: e["value"] == "2021-12-01" and any("Putin" in a for a in e["actors"])
    )
    assert found


# (evidence words, source title words, target title words) of links the text states
LINKS = [
    ("following a referendum", "referendum", "crimea"),
    ("since then", "crimea", "nato"),
    ("in response to russia’s security proposal", "proposals", "stoltenberg"),
    ("following talks", "brussels", "defense ministry"),
    ("after talks between russia and us-led nato collapsed", "brussels", "defense ministry"),
    ("reacted to the expulsion of eight russian diplomats", "expulsion", "suspend"),
    ("follow a summit", "brussels", "fomin"),
    ("in response to russia’s pattern of aggressive actions", "aggressive", "deterrence"),
    ("after russian foreign ministry spokeswoman maria zakharova", "zakharova", "munich"),
]


@pytest.mark.parametrize("evidence, source, target", LINKS)
def test_stated_links(built, evidence, source, target):
    doc, _ = built
    titles = {e["id"]: e["title"].lower() for e in doc["events"]}
    hits = [
        lk
        for lk in doc["links"]
        if _norm(lk["evidence"]).startswith(evidence)
        and source in titles[lk["source"]]
        and target in titles[lk["target"]]
    ]
    assert hits, [
        (lk["evidence"], titles[lk["source"]], titles[lk["target"]]) for lk in doc["links"]
    ]


def test_no_events_from_page_furniture(built):
    doc, _ = built
    sentences = " ".join(m["sentence"] for e in doc["events"] for m in e["mentions"])
    for junk in (
        "Disclaimer",
        "Most Popular",
        "May 23, 2024",
        "Listen Live",
        "Anti-Piracy",
        "Ex-Pentagon employee",
        "Putin launches nuclear war drills",
    ):
        assert junk not in sentences


def test_adding_a_stored_article_changes_nothing(built, tmp_path):
    doc, store = built
    copy = tmp_path / "t.db"
    shutil.copy(store, copy)
    out = cli("add", str(SEEDS / A004), "--store", str(copy), "--out", str(tmp_path / "t.html"))
    assert "articles: 0 added, 1 already stored, 0 rejected" in out
    assert json.loads(cli("export", "--store", str(copy))) == doc


def test_build_then_add_equals_build_of_all(built, tmp_path):
    doc, _ = built
    store = tmp_path / "t.db"
    first = [str(SEEDS / f) for f in (A000, A001, A003, A004)]
    cli("build", *first, "--store", str(store), "--out", str(tmp_path / "t.html"))
    cli("add", str(SEEDS / A002), "--store", str(store), "--out", str(tmp_path / "t.html"))
    later = json.loads(cli("export", "--store", str(store)))
    key = lambda d: sorted(json.dumps(x, sort_keys=True) for x in d)  # noqa: E731
    assert key(later["events"]) == key(doc["events"])
    assert key(later["links"]) == key(doc["links"])


def test_failure_mid_add_leaves_store_as_it_was(built, tmp_path, monkeypatch):
    doc, store = built
    small = tmp_path / "t.db"
    cli("build", str(SEEDS / A000), "--store", str(small), "--out", str(tmp_path / "t.html"))
    before = cli("export", "--store", str(small))
    import timeline.pipeline as pipeline

    real = pipeline.extract_article
    calls = []

    def flaky(article, settings=None):
        calls.append(article.id)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real(article, settings)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    result = runner.invoke(
        app,
        [
            "add",
            str(SEEDS / A001),
            str(SEEDS / A004),
            "--store",
            str(small),
            "--out",
            str(tmp_path / "t.html"),
        ],
    )
    assert result.exit_code != 0
    monkeypatch.setattr(pipeline, "extract_article", real)
    assert cli("export", "--store", str(small)) == before

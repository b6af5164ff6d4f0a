"""Extraction on several processes builds exactly the store one process builds."""

from __future__ import annotations

import multiprocessing
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from timeline.errors import TimelineError
from timeline.ingest import content_id, load_articles
from timeline.models import Article
from timeline.pipeline import add_articles
from timeline.settings import Settings
from timeline.store import Store
from timeline.views import export_document

SEEDS = Path(__file__).parent / "data" / "seeds"

# Synthetic reports that share events with each other (merging) and state causes (links).
SYNTHETIC = [
    ("2022-03-04", "Reuters", "Talks collapse in Geneva\n\nTalks between the two governments "
     "collapsed in Geneva on Thursday after the delegations failed to agree on a ceasefire. "
     "The foreign minister said on Friday that the sanctions would stay in place."),
    ("2022-03-05", "AP", "Ceasefire talks fail\n\nThe Geneva talks collapsed on March 3, 2022, "
     "officials said. Because the talks failed, the central bank raised interest rates on "
     "Saturday. Markets fell sharply last week."),
    ("2022-03-10", "AFP", "Bank raises rates again\n\nThe central bank raised interest rates "
     "on March 5 after the Geneva talks collapsed. The president will visit Berlin next "
     "Tuesday. In 2021 the economy grew by 4 percent."),
    ("2022-04-01", "BBC", "Protests after price rises\n\nThousands protested in the capital on "
     "Thursday. The protests began after fuel prices rose in March. Police arrested 40 people "
     "on March 30, the interior ministry said."),
]  # fmt: skip


def synthetic() -> list[Article]:
    """Hand-made articles with explicit publication dates."""
    return [
        Article(
            id=content_id(text),
            path=f"synthetic/{i}.txt",
            text=text,
            published=datetime.fromisoformat(day).replace(tzinfo=UTC),
            published_source="test",
            published_confidence=1.0,
            outlet=outlet,
            title=text.split("\n", 1)[0],
        )
        for i, (day, outlet, text) in enumerate(SYNTHETIC)
    ]


def build(articles: list[Article], workers: int, path: Path) -> dict[str, Any]:
    """Build a fresh store with `workers` processes and return its JSON export document."""
    with Store.open(path) as store:
        report = add_articles(articles, store, Settings(workers=workers))
        assert report.articles_added == len(articles)
        return export_document(store.articles(), store.events(), store.links())


@pytest.fixture(scope="module")
def corpus() -> list[Article]:
    """The seed articles and the synthetic ones."""
    seeds, rejected = load_articles([SEEDS])
    assert not rejected and len(seeds) == 5
    return seeds + synthetic()


def test_two_workers_export_the_same_document(corpus: list[Article], tmp_path: Path) -> None:
    """workers=1 and workers=2 give identical exports: articles, events, links, in order."""
    one = build(corpus, 1, tmp_path / "one.db")
    two = build(corpus, 2, tmp_path / "two.db")
    assert len(one["articles"]) == len(corpus)
    assert one["events"] and one["links"]  # the comparison covers merged events and links
    assert two == one


def test_input_order_does_not_matter_with_workers(corpus: list[Article], tmp_path: Path) -> None:
    """Reversed input on 3 workers still gives the one-process export."""
    one = build(corpus, 1, tmp_path / "one.db")
    three = build(corpus[::-1], 3, tmp_path / "three.db")
    assert three == one


def test_progress_counts_two_units_per_article(tmp_path):
    """Extraction and merging each report one unit per article; stored ones report both."""
    articles, _ = load_articles([SEEDS])
    ticks: list[int] = []
    with Store.open(tmp_path / "p.db") as store:
        add_articles(articles, store, Settings(), progress=ticks.append)
        assert sum(ticks) == 2 * len(articles)
        ticks.clear()
        add_articles(articles, store, Settings(), progress=ticks.append)
        assert ticks == [2 * len(articles)]


def _dies(article: Article, settings: Settings) -> Any:
    """An extraction that kills its process, as the out-of-memory killer would."""
    os._exit(1)


def test_a_worker_that_dies_stops_the_build_with_an_error(monkeypatch):
    """A lost worker is an error at once (the pool must not wait forever for its work)."""
    import timeline.pipeline as pipeline

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched extraction reaches the workers only when they are forked")
    monkeypatch.setattr(pipeline, "extract_article", _dies)
    articles = synthetic()
    with pytest.raises(TimelineError, match="an extraction process died"):
        list(pipeline._extract_all(articles, Settings(workers=2), None))

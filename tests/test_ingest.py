"""Tests for timeline.ingest: files, folders, globs, manifests, front matter, HTML, JSON Lines."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import InputError
from timeline.ingest import (
    NO_DATE,
    NO_DATE_HTML,
    NO_DATE_JSON,
    content_id,
    load_articles,
    normalize_text,
    split_front_matter,
)
from timeline.models import Article, Rejection
from timeline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
DATED = "---\npublished: 2022-01-12\n---\n"
BODY = "NATO and Russia met in Brussels on Wednesday. The talks ended without a breakthrough.\n"


def utc(*args: int) -> datetime:
    """An aware UTC datetime."""
    return datetime(*args, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths in expectations are relative to the repository root, as a user would type them."""
    monkeypatch.chdir(ROOT)


# --- the seeds -----------------------------------------------------------------------------

SEEDS = [
    ("000_4c9b9ba805ede2ed.txt", "ab7a19b2351ce609", utc(2021, 7, 31, 16, 49), "Sputnik"),
    ("001_d661c57517ea9ae8.txt", "13934a049dbdf843", utc(2021, 12, 24), "YCPress"),
    ("002_3a60f01d4fe921a9.txt", "7ad048a8808e8bf3", utc(2022, 2, 19, 19, 45), "RT"),
    ("003_bce7a4f877c2e737.txt", "d6f567b40d7b3bec", utc(2021, 12, 1), "n-tv"),
    ("004_19969660543438c6.txt", "6fc8bf140e00ce6a", utc(2022, 1, 15, 7, 30), "RT DE"),
]


def test_seeds_load_with_their_manifest() -> None:
    articles, rejected = load_articles(["seeds"])
    assert rejected == []
    got = [(Path(a.path).name, a.id, a.published, a.outlet) for a in articles]
    assert got == SEEDS
    assert [a.path for a in articles] == [f"seeds/{name}" for name, *_ in SEEDS]
    assert {(a.published_source, a.published_confidence) for a in articles} == {("manifest", 1.0)}
    assert all(a.id == content_id(a.text) for a in articles)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("000_4c9b9ba805ede2ed.txt", "NATO Seeks Expansion to Eastern Europe (362)"),
        (
            "002_3a60f01d4fe921a9.txt",
            "NATO reveals what Russia will get if it wants ‘less’ of US-led military bloc",
        ),
        (
            "003_bce7a4f877c2e737.txt",
            "Serious business: Putin calls for the end of NATO’s eastward expansion",
        ),
    ],
)
def test_seed_titles_skip_page_headers(name: str, title: str) -> None:
    articles, _ = load_articles([f"seeds/{name}"])
    assert articles[0].title == title


def test_manifest_beats_the_published_option() -> None:
    articles, _ = load_articles(["seeds/003_bce7a4f877c2e737.txt"], published=utc(2020, 1, 1))
    assert (articles[0].published, articles[0].published_source) == (utc(2021, 12, 1), "manifest")


def test_seed_glob_matches_the_folder() -> None:
    by_glob, _ = load_articles(["seeds/*.txt"])
    by_folder, _ = load_articles(["seeds"])
    assert by_glob == by_folder


# --- per-file rejections -------------------------------------------------------------------

SMALL = Settings(max_article_bytes=200)
REJECTIONS = [
    ("empty.txt", b"", "empty file; remove it or add the article text"),
    ("blank.md", b" \n\n\t\n", "empty file (only whitespace); remove it or add the article text"),
    (
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "binary file (contains NUL bytes), not text; give a .txt, .md or .html file",
    ),
    (
        "latin1.txt",
        (DATED + "Caf\xe9 talks in Brussels.").encode("latin-1"),
        "not valid UTF-8 (byte 0xE9 at offset 33); save it as UTF-8",
    ),
    (
        "broken16.txt",
        b"\xff\xfe" + "NATO".encode("utf-16-le") + b"\x00\xd8",
        "has a UTF-16 byte-order mark but is not valid UTF-16 (bad bytes at offset 10); "
        "save it as UTF-8",
    ),
    ("big.txt", b"x" * 201, "too large (201 bytes, limit 200); split it into smaller files"),
    ("undated.txt", BODY.encode(), NO_DATE),
    (
        "yearless.txt",
        ("Talks\n\nDecember 24 – Stoltenberg spoke, as he did in 2014.\n").encode(),
        NO_DATE + " (the text suggests 2014-12-24 by 'text: dateline without year', "
        "too unsure at confidence 0.30)",
    ),
    (
        "badfront.md",
        b"---\npublished: yesterday\n---\nText.",
        "published 'yesterday' is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
    ),
    (
        "manifest.toml",
        b"# no entries yet\n",
        "a manifest, not an article; give its folder instead",
    ),
    (
        "undated.html",
        b"<html><body><article><p>" + BODY.encode() + b"</p></article></body></html>",
        NO_DATE_HTML,
    ),
    (
        "empty_html.html",
        b"<html><head><title>Nothing</title></head><body></body></html>",
        "no article text found in the HTML page; save the article text as .txt",
    ),
]


@pytest.mark.parametrize(("name", "data", "reason"), REJECTIONS)
def test_rejections(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert load_articles([path], SMALL) == ([], [Rejection(str(path), reason)])


def test_a_rejection_does_not_stop_the_build(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text(DATED + BODY, encoding="utf-8")
    articles, rejected = load_articles([tmp_path])
    assert [Path(a.path).name for a in articles] == ["b_good.txt"]
    assert rejected == [
        Rejection(str(tmp_path / "a_empty.txt"), "empty file; remove it or add the article text")
    ]


# --- encodings -----------------------------------------------------------------------------

ENCODINGS = [
    ("utf8.txt", (DATED + BODY).encode("utf-8")),
    ("utf8bom.txt", (DATED + BODY).encode("utf-8-sig")),
    ("utf16.txt", (DATED + BODY).encode("utf-16")),  # with a BOM, little-endian here
    ("utf16be.txt", b"\xfe\xff" + (DATED + BODY).encode("utf-16-be")),
    ("crlf.txt", (DATED + BODY).replace("\n", "\r\n").encode("utf-8")),
]


@pytest.mark.parametrize(("name", "data"), ENCODINGS)
def test_encodings_give_the_same_article(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    articles, rejected = load_articles([path])
    assert rejected == []
    assert articles[0].text == BODY.strip()
    assert articles[0].id == content_id(BODY)
    assert articles[0].published == utc(2022, 1, 12)


def test_cp1251_russian_text_is_decoded(tmp_path: Path) -> None:
    text = DATED + "Переговоры России и НАТО в Брюсселе завершились без прорыва.\n"
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    articles, rejected = load_articles([path])
    assert rejected == []
    assert articles[0].text == "Переговоры России и НАТО в Брюсселе завершились без прорыва."


# --- duplicates, folders, globs ------------------------------------------------------------


def test_the_same_article_under_two_names_is_one_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DATED + BODY, encoding="utf-8")
    (tmp_path / "b.md").write_text(DATED + BODY.replace("\n", "\r\n"), encoding="utf-8")
    articles, rejected = load_articles([tmp_path])
    assert [a.path for a in articles] == [str(tmp_path / "a.txt")]
    assert rejected == [Rejection(str(tmp_path / "b.md"), f"duplicate of {tmp_path / 'a.txt'}")]


def test_the_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DATED + BODY, encoding="utf-8")
    articles, rejected = load_articles([tmp_path, tmp_path / "a.txt", f"{tmp_path}/*.txt"])
    assert (len(articles), rejected) == (1, [])


def test_folder_scan_skips_readme_manifest_hidden_and_other_files(tmp_path: Path) -> None:
    for name in ("README.md", "readme.txt", ".hidden.txt", "notes.pdf", "z.txt", "sub/y.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(DATED + name + " " + BODY, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(DATED + BODY, encoding="utf-8")
    (tmp_path / "manifest.toml").write_text("", encoding="utf-8")
    articles, rejected = load_articles([tmp_path])
    assert [a.path for a in articles] == [str(tmp_path / "sub" / "y.md"), str(tmp_path / "z.txt")]
    assert rejected == []


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("nowhere/at/all.txt", "nowhere/at/all.txt: no such file or folder; check the path"),
        ("seeds/*.docx", "seeds/*.docx: no article files match this pattern; check it"),
        ("seeds/*.toml", "seeds/*.toml: no article files match this pattern; check it"),
        (
            "{tmp}/empty",
            "{tmp}/empty: no article files (*.txt, *.md, *.html, *.htm, *.jsonl, *.json) "
            "in this folder",
        ),
    ],
)
def test_missing_inputs_are_fatal(tmp_path: Path, given: str, message: str) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "README.md").write_text("Not an article.", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_articles(["seeds", given.format(tmp=tmp_path)])
    assert str(err.value) == message.format(tmp=tmp_path)


# --- explicit dates and metadata -----------------------------------------------------------


def _write(folder: Path, files: dict[str, str]) -> None:
    """Write text files into `folder`."""
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


FM = "---\ntitle: Front title\npublished: 2022-01-10\noutlet: FM Outlet\nurl: https://fm.example\n---\n"
HEADLINE = "Moskau warnt eindringlich: Beziehungen auf kritischem Niveau"
MANIFEST = """
[[article]]
file = "a.txt"
published = 2022-01-12T18:00:00+01:00
outlet = "Manifest Outlet"
title = "Manifest title"
"""


@pytest.mark.parametrize(
    ("name", "option", "expected"),
    [
        ("a.txt", None, (utc(2022, 1, 12, 17), "manifest", "Manifest Outlet", "Manifest title")),
        (
            "a.txt",
            utc(2021, 1, 1),
            (utc(2022, 1, 12, 17), "manifest", "Manifest Outlet", "Manifest title"),
        ),
        ("b.txt", utc(2021, 1, 1), (utc(2021, 1, 1), "option", "Option Outlet", "Front title")),
        ("b.txt", None, (utc(2022, 1, 10), "front matter", "FM Outlet", "Front title")),
        (
            "c.txt",
            None,
            (
                utc(2022, 1, 15, 7, 30),
                "text: header",
                "",
                HEADLINE,
            ),
        ),
    ],
)
def test_explicit_dates_beat_guessed_ones(
    tmp_path: Path, name: str, option: datetime | None, expected: tuple[object, ...]
) -> None:
    _write(tmp_path, {
        "manifest.toml": MANIFEST,
        "a.txt": FM + "A " + BODY,
        "b.txt": FM + "B " + BODY,
        "c.txt": HEADLINE + "\n\n15 Jan. 2022 07:30\n\n" + BODY,
    })  # fmt: skip
    outlet = "Option Outlet" if option else None
    articles, _ = load_articles([tmp_path / name], published=option, outlet=outlet)
    a = articles[0]
    assert (a.published, a.published_source, a.outlet, a.title) == expected


def test_naive_published_option_is_read_in_the_settings_time_zone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    settings = Settings(timezone="Europe/Berlin")
    articles, _ = load_articles([tmp_path], settings, published=datetime(2022, 1, 12, 18, 0))
    assert articles[0].published == utc(2022, 1, 12, 17, 0)


@pytest.mark.parametrize(
    ("text", "fields", "body"),
    [
        (
            "---\ntitle: 'Quoted: yes'\ndate: 2022-01-12\n---\nBody",
            {"title": "Quoted: yes", "date": "2022-01-12"},
            "Body",
        ),
        ("---\nTitle: T\n# comment\n  indented: no\n...\nBody", {"title": "T"}, "Body"),
        ("---\nno end marker\nBody", {}, "---\nno end marker\nBody"),
        ("Body\n---\ntitle: late\n---", {}, "Body\n---\ntitle: late\n---"),
    ],
)
def test_split_front_matter(text: str, fields: dict[str, str], body: str) -> None:
    assert split_front_matter(text) == (fields, body)


def test_front_matter_fixture() -> None:
    articles, rejected = load_articles(["tests/data/inputs/frontmatter"])
    assert rejected == []
    assert [a.to_dict() for a in articles] == [
        {
            "id": content_id(articles[0].text),
            "path": "tests/data/inputs/frontmatter/dated_only.txt",
            "outlet": "",
            "url": "",
            "title": articles[0].text,
            "published": "2021-12-24T00:00:00+00:00",
            "published_source": "front matter",
            "published_confidence": 1.0,
        },
        {
            "id": content_id(articles[1].text),
            "path": "tests/data/inputs/frontmatter/munich.md",
            "outlet": "RT",
            "url": "https://example.org/news/stoltenberg-munich",
            "title": "Stoltenberg at the Munich Security Conference",
            "published": "2022-02-19T19:45:00+00:00",
            "published_source": "front matter",
            "published_confidence": 1.0,
        },
    ]
    assert articles[1].text.startswith("Speaking at the Munich Security Conference")


# --- manifests -----------------------------------------------------------------------------

BAD_MANIFESTS = [
    (
        "manifest.toml",
        '[[article]]\nfile = "a.txt"\npublished = \n',
        "{m}: not valid TOML (Invalid value (at line 3, column 13)); fix the syntax",
    ),
    (
        "manifest.toml",
        '[[article]]\nfile = "a.txt"\npublished = "2021-13-01"\n',
        "{m}: article 1: published '2021-13-01' for 'a.txt' is not a date; "
        "use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
    ),
    (
        "manifest.toml",
        '[[article]]\nfile = "a.txt"\npublished = "24 December 2021"\n',
        "{m}: article 1: published '24 December 2021' for 'a.txt' is not a date; "
        "use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
    ),
    (
        "manifest.toml",
        '[[article]]\nfile = "a.txt"\npublished = 2021-12-24\n'
        '[[article]]\nfile = "gone.txt"\npublished = 2021-12-24\n',
        "{m}: article 2: 'gone.txt' does not exist in {d}",
    ),
    (
        "manifest.toml",
        '[[article]]\nfile = "a.txt"\npublished = 2021-12-24\n'
        '[[article]]\nfile = "a.txt"\npublished = 2021-12-25\n',
        "{m}: article 2: duplicate entry for 'a.txt'; keep one",
    ),
    (
        "manifest.toml",
        '[[article]]\nfile = "a.txt"\npublised = 2021-12-24\n',
        "{m}: article 1: unknown key 'publised' (expected file, published, outlet, url, title)",
    ),
    (
        "manifest.toml",
        "[[article]]\npublished = 2021-12-24\n",
        "{m}: article 1: missing 'file' (the article's file name)",
    ),
    (
        "manifest.toml",
        '[[article]]\nfile = "a.txt"\noutlet = ["Reuters", "AP"]\n',
        "{m}: article 1: outlet for 'a.txt' must be text, not list; write it in quotes",
    ),
    (
        "manifest.toml",
        'article = "a.txt"\n',
        "{m}: 'article' must be an array of tables ([[article]])",
    ),
    (
        "manifest.csv",
        "name,date\na.txt,2021-12-24\n",
        "{m}: header must be file,published,outlet,url[,title] (got name,date)",
    ),
    (
        "manifest.csv",
        "file,published\na.txt,2021-12-24,Extra Outlet\n",
        "{m}: line 2: more fields than the header",
    ),
    (
        "manifest.toml",
        '[[articles]]\nfile = "a.txt"\npublished = 2021-12-24\n',
        "{m}: unknown key 'articles'; list articles as [[article]] tables",
    ),
    (
        "manifest.csv",
        "file,published,outlet,url\na.txt,2021-12-24,X,\nb.txt,12/25/2021,Y,\n",
        "{m}: line 3: published '12/25/2021' for 'b.txt' is not a date; "
        "use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_MANIFESTS)
def test_malformed_manifests_are_fatal(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    _write(tmp_path, {"a.txt": BODY, "b.txt": "B " + BODY, name: content})
    with pytest.raises(InputError) as err:
        load_articles([tmp_path])
    assert str(err.value) == message.format(m=tmp_path / name, d=tmp_path)


def test_two_manifests_in_one_folder_are_fatal(tmp_path: Path) -> None:
    _write(tmp_path, {"a.txt": BODY, "manifest.toml": "", "manifest.csv": "file,published\n"})
    with pytest.raises(InputError) as err:
        load_articles([tmp_path / "a.txt"])
    assert str(err.value) == f"{tmp_path}: both manifest.toml and manifest.csv; keep one"


def test_csv_manifest_fixture() -> None:
    articles, rejected = load_articles(["tests/data/inputs/csvfolder"])
    assert rejected == []
    a = articles[0]
    assert (a.path, a.published, a.published_source, a.outlet, a.url) == (
        "tests/data/inputs/csvfolder/talks.txt",
        utc(2022, 1, 12),
        "manifest",
        "Example Wire",
        "https://example.org/talks",
    )


# --- HTML and JSON -------------------------------------------------------------------------


@pytest.mark.parametrize("trafilatura", [True, False])
def test_html_page_fixture(monkeypatch: pytest.MonkeyPatch, trafilatura: bool) -> None:
    if not trafilatura:  # as on a machine where trafilatura cannot be imported
        monkeypatch.setitem(sys.modules, "trafilatura", None)
    articles, rejected = load_articles(["tests/data/inputs/html/nato_brussels.html"])
    assert rejected == []
    a = articles[0]
    assert (a.title, a.outlet, a.url) == (
        "NATO and Russia talks end without breakthrough",
        "Example Wire",
        "https://wire.example.org/world/2022/01/12/nato-russia-talks",
    )
    assert (a.published, a.published_source, a.published_confidence) == (
        utc(2022, 1, 12, 17, 5),
        "html meta (original)",
        0.9,
    )
    assert "Talks between NATO and Russia in Brussels on Wednesday" in a.text
    assert "Related stories" not in a.text and "All rights reserved" not in a.text


JSONL = "tests/data/inputs/jsonl/feed.jsonl"


def test_jsonl_fixture() -> None:
    articles, rejected = load_articles([JSONL])
    assert [
        (a.path, a.title, a.outlet, a.url, a.published, a.published_source) for a in articles
    ] == [
        (
            f"{JSONL}:1",
            "Talks in Brussels",
            "Example Wire",
            "https://example.org/a1",
            utc(2022, 1, 12),
            "json",
        ),
        (
            f"{JSONL}:2",
            "Draft treaties",
            "Example Wire",
            "https://example.org/a2",
            utc(2021, 12, 17, 7),
            "json",
        ),
    ]
    assert rejected == [
        Rejection(
            f"{JSONL}:3",
            "not valid JSON at column 132 (Unterminated string starting at); "
            "fix or remove the line",
        ),
        Rejection(f"{JSONL}:4", NO_DATE_JSON),
        Rejection(
            f"{JSONL}:6",
            "published '13 January 2022' is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
        ),
    ]


@pytest.mark.parametrize(
    ("content", "expected_articles", "expected_rejections"),
    [
        (
            '[{"text": "A.", "published": "2022-01-12"}, {"text": "B.", "published": "2022-01"}]',
            ["{p}:1"],
            [
                (
                    "{p}:2",
                    "published '2022-01' is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
                )
            ],
        ),
        ('{"text": "A.", "published": "2022-01-12"}', ["{p}:1"], []),
        (
            '[{"title": "no text"}, 3]',
            [],
            [
                ("{p}:1", 'not an article object (needs a "text" string); fix or remove it'),
                ("{p}:2", 'not an article object (needs a "text" string); fix or remove it'),
            ],
        ),
        (
            '[{"text": "A."',
            [],
            [("{p}", "not valid JSON (line 1: Expecting ',' delimiter); fix the syntax")],
        ),
    ],
)
def test_json_arrays(
    tmp_path: Path,
    content: str,
    expected_articles: list[str],
    expected_rejections: list[tuple[str, str]],
) -> None:
    path = tmp_path / "items.json"
    path.write_text(content, encoding="utf-8")
    articles, rejected = load_articles([path])
    assert [a.path for a in articles] == [e.format(p=path) for e in expected_articles]
    assert rejected == [Rejection(p.format(p=path), r) for p, r in expected_rejections]


def test_manifest_dates_apply_to_every_line_of_a_jsonl_file(tmp_path: Path) -> None:
    _write(tmp_path, {
        "feed.jsonl": '{"text": "A.", "published": "2022-01-12"}\n{"text": "B."}\n',
        "manifest.toml": '[[article]]\nfile = "feed.jsonl"\npublished = 2020-05-05\n',
    })  # fmt: skip
    articles, _ = load_articles([tmp_path])
    assert [(a.published, a.published_source) for a in articles] == [
        (utc(2020, 5, 5), "manifest"),
        (utc(2020, 5, 5), "manifest"),
    ]


def test_articles_are_frozen_records() -> None:
    articles, _ = load_articles(["seeds/004_19969660543438c6.txt"])
    assert isinstance(articles[0], Article)
    assert Article.from_dict(articles[0].to_dict(with_text=True)) == articles[0]


def test_jsonl_limits_apply_per_line(tmp_path: Path) -> None:
    long_line = '{"text": "' + "x" * 300 + '", "published": "2022-01-12"}'
    path = tmp_path / "feed.jsonl"
    path.write_text(
        long_line + '\n{"text": "Short.", "published": "2022-01-12"}\n', encoding="utf-8"
    )
    articles, rejected = load_articles([path], SMALL)
    assert [a.path for a in articles] == [f"{path}:2"]
    assert rejected == [Rejection(f"{path}:1", "line longer than the limit (200 bytes); split it")]


def test_jsonl_with_only_blank_lines_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n  \n", encoding="utf-8")
    assert load_articles([path]) == (
        [],
        [Rejection(str(path), "empty file (no JSON lines); remove it or add articles")],
    )


PAGE = (
    "<!DOCTYPE html><html><head><meta charset='{cs}'><title>T</title>"
    '<meta property="article:published_time" content="2022-01-12T10:00:00Z"></head>'
    "<body><article><h1>Talks in Brussels end</h1><p>{p}</p><p>{p}</p></article></body></html>"
)
PARA = "Les négociations entre l'OTAN et la Russie à Bruxelles se sont terminées sans percée."


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("latin1.html", PAGE.format(cs="iso-8859-1", p=PARA).encode("cp1252")),
        ("win.htm", PAGE.format(cs="windows-1252", p=PARA).encode("cp1252")),
        ("utf8.html", PAGE.format(cs="utf-8", p=PARA).encode("utf-8")),
        ("saved_as.txt", PAGE.format(cs="utf-8", p=PARA).encode("utf-8")),
    ],
)
def test_html_pages_in_declared_charsets(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    articles, rejected = load_articles([path])
    assert rejected == []
    assert PARA in articles[0].text
    assert (articles[0].published, articles[0].published_source) == (
        utc(2022, 1, 12, 10),
        "html meta (original)",
    )


def test_html_page_that_lies_about_its_charset(tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(PAGE.format(cs="utf-8", p=PARA).encode("cp1252"))
    _, rejected = load_articles([path])
    assert rejected == [
        Rejection(str(path), "not valid UTF-8 (byte 0xE9 at offset 196); save it as UTF-8")
    ]


def test_manifest_file_names_must_be_in_its_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    _write(tmp_path, {"sub/a.txt": BODY, "manifest.toml": '[[article]]\nfile = "sub/a.txt"\n'})
    with pytest.raises(InputError) as err:
        load_articles([tmp_path])
    assert str(err.value) == (
        f"{tmp_path / 'manifest.toml'}: article 1: 'sub/a.txt' is not a file name in this "
        "folder; give each folder its own manifest"
    )


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(DATED + "# Talks in Brussels end today\n\n" + BODY, "utf-8")
    articles, _ = load_articles(str(tmp_path))  # a single path, not in a list, works too
    assert articles[0].title == "Talks in Brussels end today"


def test_glob_matching_folders_scans_them(tmp_path: Path) -> None:
    for name in ("one/a.txt", "two/b.md"):
        (tmp_path / name).parent.mkdir()
        (tmp_path / name).write_text(DATED + name + " " + BODY, encoding="utf-8")
    articles, _ = load_articles([f"{tmp_path}/*"])
    assert [a.path for a in articles] == [str(tmp_path / "one/a.txt"), str(tmp_path / "two/b.md")]


def test_json_records_keep_their_own_titles_under_a_manifest(tmp_path: Path) -> None:
    _write(tmp_path, {
        "feed.jsonl": '{"text": "A.", "title": "Own title"}\n{"text": "B."}\n',
        "manifest.toml": '[[article]]\nfile = "feed.jsonl"\npublished = 2020-05-05\n'
        'title = "Feed title"\noutlet = "Feed outlet"\n',
    })  # fmt: skip
    articles, _ = load_articles([tmp_path])
    assert [(a.title, a.outlet) for a in articles] == [
        ("Own title", "Feed outlet"),
        ("Feed title", "Feed outlet"),
    ]


@given(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(str.strip),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    st.sampled_from(["\n", "\r\n"]),
)
@settings(max_examples=60, deadline=None)
def test_id_is_the_hash_of_the_normalized_text(body: str, encoding: str, newline: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.txt"
        path.write_bytes((DATED + body).replace("\n", newline).encode(encoding))
        articles, rejected = load_articles([path])
    if rejected:  # e.g. a body of control characters that is blank once normalized
        assert rejected[0].reason.startswith(("empty", "binary"))
        return
    assert articles[0].id == content_id(body)
    assert articles[0].text == normalize_text(body.replace("\n", newline))


def test_html_page_that_trafilatura_finds_all_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "short.html"
    path.write_text(
        '<html><head><meta property="article:published_time" content="2022-01-12">'
        "</head><body><p>Short news: NATO met Russia.</p></body></html>",
        encoding="utf-8",
    )
    articles, rejected = load_articles([path])
    assert (rejected, articles[0].text) == ([], "Short news: NATO met Russia.")


@given(
    st.binary(max_size=400) | st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    st.sampled_from([".txt", ".md", ".html", ".jsonl", ".json"]),
)
@settings(max_examples=150, deadline=None)
def test_any_file_gives_an_article_or_a_rejection(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("input" + suffix)
        path.write_bytes(data)
        articles, rejected = load_articles([path], published=utc(2022, 1, 12))
    assert all(isinstance(r, Rejection) and r.reason for r in rejected)
    assert all(a.published == utc(2022, 1, 12) and a.text for a in articles)


def test_a_file_name_that_is_not_utf8_is_rejected_by_name(tmp_path):
    """The store keeps UTF-8 paths: such a file is one rejection, not a failed build."""
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as fh:
        fh.write(b"---\npublished: 2022-01-15\n---\nTalks\n\nDelegates met on Monday.\n")
    ok = tmp_path / "ok.txt"
    ok.write_text("---\npublished: 2022-01-15\n---\nTalks\n\nEnvoys met on Friday.\n", "utf-8")
    articles, rejected = load_articles([tmp_path])
    assert [a.path for a in articles] == [str(ok)]
    assert [(r.path, r.reason) for r in rejected] == [
        (f"{tmp_path}/caf\ufffd.txt", "its name is not UTF-8; rename the file")
    ]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, codec):
    """Some Windows tools write UTF-16 with no BOM: every other byte of Latin text is NUL."""
    text = DATED + "Talks in Geneva\n\nDelegates met on Monday, officials said.\n"
    (tmp_path / "a.txt").write_bytes(text.encode(codec))
    articles, rejected = load_articles([tmp_path / "a.txt"])
    assert rejected == [] and "Delegates met on Monday" in articles[0].text

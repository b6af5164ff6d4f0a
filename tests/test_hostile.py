"""Hostile and broken inputs through the real CLI: the exact error, the exit code, and a store
that stays readable and loses nothing.

Most cases run in-process with typer's CliRunner; where processes matter (file permissions, two
writers at once, kill -9) they run `python -m timeline`. Big inputs are made in tmp_path (sparse
where the content does not matter); small fixtures are in tests/data/hostile/.
"""

from __future__ import annotations

import builtins
import contextlib
import functools
import hashlib
import io
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from timeline.cli import app
from timeline.errors import TimelineError
from timeline.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "hostile"
PUB = "2022-01-17"  # a Monday: --published of every added article
LIMIT = 20_000_000  # Settings.max_article_bytes
runner = CliRunner()

READ_ONLY = (
    "{} is read-only; make it and its folder writable or give another --store path"
    " (nothing was written)"
)
NOT_SQLITE = (
    "{} is not a timeline store (not an SQLite database); give another --store path or delete it"
)
OTHER_PROGRAM = (
    "{} is not a timeline store (an SQLite database of another program);"
    " give another --store path or delete it"
)
NEWER = "{} was written by a newer timeline (schema 2, this version reads 1); upgrade timeline"
DISK_FULL = (
    "the disk is full while writing {}; free some space and run the command again"
    " (nothing was written)"
)
BINARY = "binary file (contains NUL bytes), not text; give a .txt, .md or .html file"
NOT_UTF8 = "not valid UTF-8 (byte 0x80 at offset 0); save it as UTF-8"
BAD_UTF16 = (
    "has a UTF-16 byte-order mark but is not valid UTF-16 (bad bytes at offset 6); save it as UTF-8"
)
BAD_MANIFEST_DATE = "is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"


# -- helpers --------------------------------------------------------------------------------------


def cli(*args: object) -> Result:
    """Run the CLI in-process (stdout and stderr kept apart)."""
    return runner.invoke(app, [str(a) for a in args])


def run(*args: object, prefix: tuple[str, ...] = (), timeout: float = 120):
    """Run `python -m timeline` in its own process."""
    cmd = [*prefix, sys.executable, "-m", "timeline", *map(str, args)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def spawn(*args: object, script: str = "", **popen) -> subprocess.Popen[str]:
    """Start `python -m timeline ARGS` (or `python -c SCRIPT ARGS`) in its own process."""
    head = ["-c", script] if script else ["-m", "timeline"]
    popen = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **popen}
    return subprocess.Popen([sys.executable, *head, *map(str, args)], cwd=ROOT, text=True, **popen)


def summary(added: int, stored: int, rejected: int) -> str:
    """The first line `build` and `add` print."""
    return f"articles: {added} added, {stored} already stored, {rejected} rejected\n"


def export(db: Path) -> dict:
    """The store as `timeline export --format json` prints it."""
    result = cli("export", "--store", db)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return json.loads(result.stdout)


def state(db: Path) -> tuple[str, list[str]]:
    """SHA-256 of the store file and every row as SQL: equal states mean nothing changed.
    (A read-write connection: it reads any write-ahead log and, closing, leaves no -wal/-shm.)"""
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    con = sqlite3.connect(db)
    try:
        return digest, list(con.iterdump())
    finally:
        con.close()


def stored_text(db: Path, name: str) -> str:
    """The stored text of the article whose file is called `name`."""
    with Store.open(db, create=False, readonly=True) as st:
        (text,) = [a.text for a in st.articles() if Path(a.path).name == name]
    return text


def write_article(path: Path, body: str) -> Path:
    """A small article file."""
    path.write_text(body, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the one base article (2 events), built once; tests work on copies."""
    out = tmp_path_factory.mktemp("built")
    store = out / "t.db"
    result = cli("build", DATA / "base.txt", "--store", store, "--out", out / "t.html")
    assert result.exit_code == 0, result.output
    assert not Path(f"{store}-wal").exists()  # checkpointed: the file alone is the store
    return store


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built store."""
    copy = tmp_path / "store" / "t.db"
    copy.parent.mkdir()
    shutil.copy(built, copy)
    return copy


def add(db: Path, *files: object, published: str | None = PUB) -> Result:
    """`timeline add FILES --published PUB` into db, HTML next to it."""
    extra = ["--published", published] if published else []
    return cli("add", *files, *extra, "--store", db, "--out", db.with_suffix(".html"))


# -- unreadable, odd and oversized files ---------------------------------------------------------

PNG = (DATA / "pixel.png").read_bytes()


UNREADABLE = [  # file name, bytes, reason
    ("empty.txt", b"", "empty file; remove it or add the article text"),
    ("blank.md", b" \r\n\t\n", "empty file (only whitespace); remove it or add the article text"),
    ("pixel.png", PNG, BINARY),
    ("scan.txt", PNG, BINARY),  # a binary file under a text name
    ("latin.txt", bytes(range(0x80, 0x100)) * 2, NOT_UTF8),
    ("bad16.txt", b"\xff\xfeA\x00B\x00\x00\xdcC", BAD_UTF16),
    ("page.html", b"\x00\x01\x02<html>", BINARY),
    ("feed.jsonl", b"\n\n", "empty file (no JSON lines); remove it or add articles"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "reason"), [pytest.param(*u, id=u[0]) for u in UNREADABLE]
)
def test_unreadable_file_is_rejected(
    db: Path, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    """Each is one `Error: <file>: <reason>` line, exit 3, and the store keeps what it had."""
    bad = tmp_path / name
    bad.write_bytes(data)
    before = state(db)
    result = add(db, bad)
    assert (result.exit_code, result.stderr) == (3, f"Error: {bad}: {reason}\n")
    assert result.stdout.startswith(summary(0, 0, 1) + "events: 2   links: 0\n")
    assert state(db)[1] == before[1]


EN = "Talks in Geneva\n\nRussia and NATO met in Geneva on Monday. The ministers said “progress” was made — naïve café."  # noqa: E501
RU = "Переговоры в Женеве\n\nРоссия и НАТО провели переговоры в Женеве в понедельник. Министры заявили о прогрессе."  # noqa: E501


@pytest.mark.parametrize(
    ("name", "text"),
    [("utf16le.txt", EN), ("utf16be.txt", EN.replace("Geneva", "Vienna")), ("cp1251.txt", RU)],
    ids=["utf16le", "utf16be", "cp1251"],
)
def test_legacy_encodings_are_read(db: Path, name: str, text: str) -> None:
    """UTF-16 with a byte-order mark (either order) and Russian cp1251 give the right text."""
    result = add(db, DATA / name)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert result.stdout.startswith(summary(1, 0, 0))
    assert stored_text(db, name) == text
    if name.startswith("utf16"):  # the English text is dated like any other
        place = "Vienna" if name.endswith("be.txt") else "Geneva"
        dated = {e["value"] for e in export(db)["events"] if place in e["title"]}
        assert dated == {PUB}


def sparse(path: Path, size: int) -> Path:
    """A file of `size` zero bytes that takes no disk space."""
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


@pytest.mark.parametrize("name", ["huge.txt", "huge.md", "huge.html", "huge.json"])
def test_oversized_article_is_rejected_unread(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A 50 MB article is rejected by its size: the file is never opened, let alone read."""
    big = sparse(tmp_path / name, 50 * 2**20)
    opened: list[str] = []
    real_open = io.open

    def spy(file, *args, **kwargs):
        if isinstance(file, str | os.PathLike):
            opened.append(os.fspath(file))
        return real_open(file, *args, **kwargs)

    before = state(db)
    monkeypatch.setattr(io, "open", spy)  # what Path.open, read_bytes and read_text call
    monkeypatch.setattr(builtins, "open", spy)
    result = add(db, big)
    monkeypatch.undo()
    reason = f"too large ({50 * 2**20} bytes, limit {LIMIT}); split it into smaller files"
    assert (result.exit_code, result.stderr) == (3, f"Error: {big}: {reason}\n")
    assert result.stdout.startswith(summary(0, 0, 1))
    assert str(big) not in opened
    assert state(db)[1] == before[1]


@pytest.mark.parametrize("then_good_line", [False, True])
def test_oversized_json_line_is_one_rejection(db: Path, tmp_path: Path, then_good_line: bool):
    """JSON Lines are streamed: a 50 MB line is skipped with one error, the next line is read."""
    feed = sparse(tmp_path / "feed.jsonl", 50 * 2**20)
    good = {"text": "NATO and Russia met in Vienna on Monday.", "published": PUB}
    if then_good_line:
        with feed.open("ab") as fh:
            fh.write(b"\n" + json.dumps(good).encode() + b"\n")
    result = add(db, feed, published=None)
    reason = f"line longer than the limit ({LIMIT} bytes); split it"
    assert (result.exit_code, result.stderr) == (3, f"Error: {feed}:1: {reason}\n")
    assert result.stdout.startswith(summary(int(then_good_line), 0, 1))


@pytest.mark.parametrize("unit", ["x", "2022-01-01"])
def test_one_megabyte_line_without_spaces(db: Path, tmp_path: Path, unit: str) -> None:
    """A single 1 MB 'word' is read as an article (no hang, no crash) and stored whole."""
    line = unit * (2**20 // len(unit))
    long = write_article(tmp_path / "long.txt", line)
    result = add(db, long)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert result.stdout.startswith(summary(1, 0, 0))
    assert stored_text(db, "long.txt") == line
    assert len(export(db)["articles"]) == 2


# -- dates that do not exist ----------------------------------------------------------------------

NONSENSE = {  # marker in a sentence -> the only values its events may have (PUB: a report)
    "31 February 2022": {"2022-02", PUB},
    "Q5 2022": {"2022", PUB},
    "30 February 2021": {"2021-02", PUB},
    "2022-13-45": {PUB},
    "32 January 2022": {"2022-01", PUB},
    "25:61": {PUB},
}
NO_SUCH_VALUE = re.compile(r"9999|^\d{4}-(?:02-3[01]|1[3-9]|01-3[2-9])|Q5|T2[5-9]|:6\d")


def nonsense_values(db: Path) -> dict[str, set[str]]:
    """Marker -> values of the events mentioned in its sentence, after adding the article."""
    result = add(db, DATA / "nonsense_dates.txt")
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    events = export(db)["events"]
    for e in events:
        assert not NO_SUCH_VALUE.search(e["value"]), e
    return {
        marker: {e["value"] for e in events for m in e["mentions"] if marker in m["sentence"]}
        for marker in [*NONSENSE, "the year 99999"]
    }


def test_dates_that_do_not_exist_give_no_nonsense_events(db: Path) -> None:
    """'31 February 2022', 'Q5 2022', '2022-13-45': no crash, and no value the text does not
    support (at most the month or year around the impossible part)."""
    got = nonsense_values(db)
    for marker, allowed in NONSENSE.items():
        assert got[marker] <= allowed, marker
    result = cli("dates", DATA / "nonsense_dates.txt", "--published", PUB, "--format", "json")
    assert result.exit_code == 0, result.output
    values = [x["value"] for x in json.loads(result.stdout)["expressions"]]
    assert not [v for v in values if NO_SUCH_VALUE.search(v)]


def test_the_year_99999_is_not_this_year(db: Path) -> None:
    """'runs until the year 99999' must not put an event in 2022."""
    assert nonsense_values(db)["the year 99999"] <= {PUB}


PAGE = (
    '<html><head><meta property="article:published_time" content="{}"></head><body><article>'
    "<p>NATO and Russia met in Vienna on Monday, officials said in a statement.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("stamp", "published", "error"),
    [
        ("2022-02-28T10:00:00Z", "2022-02-28T10:00:00+00:00", ""),
        ("2022-02-31T10:00:00Z", None, "no publication date found in the page; add it to"
         " manifest.toml in its folder or give --published DATE"),
    ],
    ids=["28-february", "31-february"],
)  # fmt: skip
def test_page_dated_31_february_is_not_dated_1_february(
    db: Path, tmp_path: Path, stamp: str, published: str | None, error: str
) -> None:
    """htmldate turns an impossible meta date into the 1st of its month; such a page has no
    publication date (say so), not a wrong one that every 'on Monday' is resolved against."""
    page = write_article(tmp_path / "page.html", PAGE.format(stamp))
    result = add(db, page, published=None)
    assert result.stderr == (f"Error: {page}: {error}\n" if error else "")
    assert result.exit_code == (3 if error else 0)
    dates = [a["published"] for a in export(db)["articles"] if a["path"] == str(page)]
    assert dates == ([published] if published else [])


# -- manifests ------------------------------------------------------------------------------------

TOML_ONE = '[[article]]\nfile = "a.txt"\npublished = 2022-01-15\n'
MANIFESTS = [
    ("manifest.toml", TOML_ONE + '\n[[article]]\nfile = "gone.txt"\npublished = 2022-01-16\n',
     "article 2: 'gone.txt' does not exist in {d}"),
    ("manifest.toml", '[[article]]\nfile = "a.txt"\npublished = "2022-02-30"\n',
     f"article 1: published '2022-02-30' for 'a.txt' {BAD_MANIFEST_DATE}"),
    ("manifest.toml", '[[article]]\nfile = "a.txt"\npublished = 2022-02-30\n',
     "not valid TOML (Invalid date or datetime (at line 3, column 13)); fix the syntax"),
    ("manifest.toml", TOML_ONE + '\n[[article]]\nfile = "a.txt"\npublished = 2022-01-16\n',
     "article 2: duplicate entry for 'a.txt'; keep one"),
    ("manifest.csv", "file,published,outlet,url\na.txt,2022-01-15,Wire,\ngone.txt,2022-01-16,,\n",
     "line 3: 'gone.txt' does not exist in {d}"),
    ("manifest.csv", "file,published,outlet,url\na.txt,yesterday,Wire,\n",
     f"line 2: published 'yesterday' for 'a.txt' {BAD_MANIFEST_DATE}"),
    ("manifest.csv", "file,published,outlet,url\na.txt,2022-01-15,,\na.txt,2022-01-16,,\n",
     "line 3: duplicate entry for 'a.txt'; keep one"),
]  # fmt: skip


@pytest.mark.parametrize("command", ["add folder", "add file", "build folder"])
@pytest.mark.parametrize(("manifest", "content", "message"), MANIFESTS)
def test_bad_manifest_stops_with_one_line(
    db: Path, tmp_path: Path, command: str, manifest: str, content: str, message: str
) -> None:
    """A missing file, a bad date or a duplicate entry: one line naming the manifest, exit 2,
    nothing read, the store untouched (not even replaced by `build`), no HTML."""
    folder = tmp_path / "news"
    folder.mkdir()
    write_article(folder / "a.txt", "NATO and Russia met in Vienna on Monday.\n")
    (folder / manifest).write_text(content, encoding="utf-8")
    verb, what = command.split()
    target = folder if what == "folder" else folder / "a.txt"
    before = state(db)
    html = tmp_path / "t.html"
    result = cli(verb, target, "--store", db, "--out", html)
    expected = f"Error: {folder / manifest}: {message.format(d=folder)}\n"
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected)
    assert state(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["t.db"]  # no t.db.new either
    assert not html.exists()


def test_bad_published_option(db: Path) -> None:
    """--published that is not a date stops before anything is read."""
    before = state(db)
    result = add(db, DATA / "utf16le.txt", published="2022-02-30")
    expected = (
        "Error: --published '2022-02-30' is not a date; write it as YYYY-MM-DD"
        " (year 1000 to 9000)\n"
    )
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected)
    assert state(db) == before


# -- the same article twice -----------------------------------------------------------------------


def test_same_article_under_two_names(db: Path, tmp_path: Path) -> None:
    """Identical text (even with a BOM and CRLF line ends) is one article: the later names are
    `duplicate of` rejections; a third copy added later is 'already stored', not an error."""
    text = (DATA / "nonsense_dates.txt").read_text(encoding="utf-8")
    folder = tmp_path / "news"
    folder.mkdir()
    one = write_article(folder / "one.txt", text)
    two = write_article(folder / "two.txt", text)
    (folder / "three.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    result = add(db, folder)
    assert result.exit_code == 3
    assert result.stdout.startswith(summary(1, 0, 2))
    assert result.stderr == (
        f"Error: {folder / 'three.txt'}: duplicate of {one}\nError: {two}: duplicate of {one}\n"
    )
    doc = export(db)
    assert [a["path"] for a in doc["articles"]][-1] == str(one)
    assert len(doc["articles"]) == 2
    again = add(db, write_article(tmp_path / "four.txt", text), published="2022-01-18")
    assert (again.exit_code, again.stderr) == (0, "")
    assert again.stdout.startswith(summary(0, 1, 0))
    assert export(db) == doc


# -- text that looks like terminal markup ---------------------------------------------------------

MARKUP = "The [/b] city of [red]Riga[/red] opened its new harbour bridge on Wednesday.\n"


def test_markup_in_an_article_is_printed_as_is(db: Path, tmp_path: Path) -> None:
    """An event title with '[/b]' and '[red]', a file called '[b]wire.txt': listed as
    written, not crashed on."""
    article = write_article(tmp_path / "[b]wire.txt", MARKUP)
    assert add(db, article, published="2022-01-15").exit_code == 0
    result = cli("events", "--store", db, "--search", "harbour")
    assert (result.exit_code, result.stderr) == (0, ""), result.exception
    for written in ("[/b]", "[red]Riga[/red]", "[b]wire.txt"):
        assert written in result.stdout


@pytest.mark.parametrize("folder", ["m[/b]x", "[red]x"])
def test_markup_in_a_path_is_printed_as_is(tmp_path: Path, folder: str) -> None:
    """`build` and `render` print the store and HTML paths exactly as given."""
    store, html = tmp_path / folder / "t.db", tmp_path / folder / "t.html"
    result = cli("build", DATA / "base.txt", "--store", store, "--out", html)
    assert (result.exit_code, result.stderr) == (0, ""), result.exception
    assert result.stdout.endswith(f"store: {store}\nhtml:  {html}\n")
    result = cli("render", "--store", store, "--out", html)
    assert (result.exit_code, result.stdout) == (0, f"wrote {html}\n")


# -- stores that are not ours ---------------------------------------------------------------------


def make_bad_store(kind: str, db: Path) -> str:
    """Turn the store at db into a non-store of `kind`; return the error template for it."""
    if kind == "text":
        db.write_bytes(b"This is a text file, not a database.\n" * 50)
        return NOT_SQLITE
    if kind == "other":
        db.unlink()
        with sqlite3.connect(db) as con:
            con.execute("CREATE TABLE cookies (name TEXT, value TEXT)")
            con.execute("INSERT INTO cookies VALUES ('session', 'secret')")
        con.close()
        return OTHER_PROGRAM
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 2")
    con.close()
    return NEWER


STORE_COMMANDS = [
    ["add", str(DATA / "utf16le.txt"), "--published", PUB],
    ["events"],
    ["export", "--format", "csv"],
    ["render"],
    ["show", "abcd"],
    ["path", "abcd", "ef01"],
]


@pytest.mark.parametrize("kind", ["text", "other", "newer"])
def test_store_that_is_not_ours(db: Path, tmp_path: Path, kind: str) -> None:
    """Not SQLite, another program's SQLite, a newer schema: every command that opens the store
    says so exactly, exits 1 and leaves the file's bytes as they were."""
    template = make_bad_store(kind, db)
    before = db.read_bytes()
    html = tmp_path / "t.html"
    for args in STORE_COMMANDS:
        out = ["--out", html] if args[0] in ("add", "render") else []
        result = cli(*args, "--store", db, *out)
        expected = (1, "", f"Error: {template.format(db)}\n")
        assert (result.exit_code, result.stdout, result.stderr) == expected, args
        assert db.read_bytes() == before, args
    assert not html.exists()


@pytest.mark.parametrize("kind", ["text", "other", "newer"])
def test_build_does_not_overwrite_a_store_that_is_not_ours(db: Path, kind: str) -> None:
    """`build --store cookies.sqlite` must not destroy cookies.sqlite."""
    template = make_bad_store(kind, db)
    before = db.read_bytes()
    result = cli("build", DATA / "base.txt", "--store", db, "--out", db.with_suffix(".html"))
    assert (result.exit_code, result.stderr) == (1, f"Error: {template.format(db)}\n")
    assert db.read_bytes() == before


# -- read-only store, full disk -------------------------------------------------------------------


@functools.cache
def _unprivileged() -> tuple[str, ...] | None:
    """A command prefix under which permission bits apply to us, () if they already do, None
    if there is none: root ignores them, so run as nobody, or as root without its
    capabilities (a user namespace) when nobody cannot run this interpreter."""
    if os.geteuid() != 0:
        return ()
    for prefix in (
        ("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"),
        ("unshare", "--user", "--map-user=65534", "--map-group=65534"),
    ):
        try:
            probe = subprocess.run(
                [*prefix, sys.executable, "-c", "import timeline.cli"],
                cwd=ROOT,
                capture_output=True,
                timeout=60,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return prefix
    return None


@pytest.mark.parametrize("folder_mode", [0o555, 0o777], ids=["folder-read-only", "folder-writable"])
def test_read_only_store(built: Path, folder_mode: int) -> None:
    """A read-only store: `add` says so and writes nothing, reads work, and once the store is
    writable again `add` works (no read-only -wal/-shm files were left beside it)."""
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip(
            "running as root: neither `setpriv --reuid=nobody` nor `unshare --user` can run"
            f" {sys.executable} without root's privileges, so file modes would not apply"
        )
    top = Path(tempfile.mkdtemp())  # not tmp_path: its parents are private to root
    try:
        top.chmod(0o755)
        folder, out = top / "store", top / "out"
        folder.mkdir()
        out.mkdir(mode=0o777)
        out.chmod(0o777)
        db = folder / "t.db"
        shutil.copy(built, db)
        article = shutil.copy(DATA / "utf16le.txt", top / "utf16le.txt")
        doc, before = export(built), state(db)
        db.chmod(0o444)
        folder.chmod(folder_mode)
        args = ("add", article, "--published", PUB, "--store", db, "--out", out / "t.html")
        result = run(*args, prefix=prefix)
        expected = (1, "", f"Error: {READ_ONLY.format(db)}\n")
        assert (result.returncode, result.stdout, result.stderr) == expected
        result = run("export", "--store", db, prefix=prefix)
        assert (result.returncode, result.stderr) == (0, "")
        assert json.loads(result.stdout) == doc
        assert sorted(p.name for p in folder.iterdir()) == ["t.db"]
        assert state(db) == before
        folder.chmod(0o777)
        db.chmod(0o666)
        result = run(*args, prefix=prefix)
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout.startswith(summary(1, 0, 0))
    finally:
        for p in (top, top / "store"):
            if p.exists():
                p.chmod(0o755)
        shutil.rmtree(top)


OLD_READER = """
import sqlite3, sys
con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
con.execute("SELECT count(*) FROM articles").fetchone()
con.close()
"""


def test_read_only_leftovers_do_not_keep_the_store_read_only(built: Path) -> None:
    """A read of the store while it was read-only (by an older timeline, say) left -wal/-shm
    files as read-only as it was; once the store is writable again, `add` works."""
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root and cannot drop root's privileges (see test_read_only_store)")
    top = Path(tempfile.mkdtemp())
    try:
        top.chmod(0o777)
        db = top / "t.db"
        shutil.copy(built, db)
        db.chmod(0o444)
        cmd = [*prefix, sys.executable, "-c", OLD_READER, str(db)]
        subprocess.run(cmd, check=True, timeout=60)
        sides = [Path(f"{db}-wal"), Path(f"{db}-shm")]
        assert [p.stat().st_mode & 0o777 for p in sides] == [0o444, 0o444]
        db.chmod(0o666)
        article = shutil.copy(DATA / "utf16le.txt", top / "utf16le.txt")
        args = ("add", article, "--published", PUB, "--store", db, "--out", top / "t.html")
        result = run(*args, prefix=prefix)
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout.startswith(summary(1, 0, 0))
    finally:
        shutil.rmtree(top)


def test_disk_full(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No room to grow the store: a clear error, nothing written, no HTML; the old content
    reads back; with room again the same add works."""
    real = Store._prepare

    def no_room(self: Store, *args, **kwargs) -> None:
        real(self, *args, **kwargs)
        pages = self._db.execute("PRAGMA page_count").fetchone()[0]
        self._db.execute(f"PRAGMA max_page_count = {pages}")

    body = "".join(f"The council of town {i} approved plan {i} on Monday.\n" for i in range(800))
    article = write_article(tmp_path / "council.txt", "Council decisions\n\n" + body)
    before, doc = state(db), export(db)
    monkeypatch.setattr(Store, "_prepare", no_room)
    result = add(db, article)
    monkeypatch.undo()
    expected = (1, "", f"Error: {DISK_FULL.format(db)}\n")
    assert (result.exit_code, result.stdout, result.stderr) == expected
    assert state(db)[1] == before[1]
    assert export(db) == doc
    assert not db.with_suffix(".html").exists()
    result = add(db, article)
    assert (result.exit_code, result.stderr) == (0, "")


# -- several processes ----------------------------------------------------------------------------

TALKS = "NATO and Russia met in Brussels on Wednesday, {}."  # the base article's first event


def talks(tmp_path: Path, who: str) -> Path:
    """An article reporting the base article's Brussels talks, from another source."""
    return write_article(tmp_path / f"{who}.txt", TALKS.format(f"{who} said") + "\n")


def brussels_sources(doc: dict) -> list[list[str]]:
    """Source paths of each event of the Brussels talks."""
    paths = {a["id"]: Path(a["path"]).name for a in doc["articles"]}
    return [
        sorted(paths[s] for s in e["sources"]) for e in doc["events"] if "Brussels" in e["title"]
    ]


def test_two_adds_at_once(db: Path, tmp_path: Path) -> None:
    """Two `timeline add` processes on one store at the same time both succeed; both articles
    are stored and every event source is a stored article."""
    files = [talks(tmp_path, "the alliance"), talks(tmp_path, "Moscow")]
    procs = [
        spawn("add", f, "--published", "2022-01-15", "--store", db, "--out", f.with_suffix(".html"))
        for f in files
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert all(out.startswith(summary(1, 0, 0)) and err == "" for out, err in outs), outs
    doc = export(db)
    assert sorted(Path(a["path"]).name for a in doc["articles"]) == [
        "Moscow.txt", "base.txt", "the alliance.txt"
    ]  # fmt: skip
    ids = {a["id"] for a in doc["articles"]}
    assert all(set(e["sources"]) <= ids for e in doc["events"])


def test_adds_one_after_the_other_merge_into_one_event(db: Path, tmp_path: Path) -> None:
    """The reference for the race below: both reports join the stored Brussels event."""
    for who in ("the alliance", "Moscow"):
        assert add(db, talks(tmp_path, who), published="2022-01-15").exit_code == 0
    assert brussels_sources(export(db)) == [["Moscow.txt", "base.txt", "the alliance.txt"]]


RACER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from timeline.cli import main
    from timeline.store import Store
    me, other = Path(sys.argv[1]), Path(sys.argv[2])
    real = Store.apply
    def apply(self, change):  # both processes have read the store before either writes
        me.touch()
        deadline = time.monotonic() + 5  # unless the other one cannot get here before we do
        while not other.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        real(self, change)
    Store.apply = apply
    main(sys.argv[3:])
    """
)


def test_two_adds_at_once_lose_no_source(db: Path, tmp_path: Path) -> None:
    """Two adds that both merge into one stored event, each reading before the other commits,
    must end with the event citing both (as when they run one after the other)."""
    marks = [tmp_path / "mark-0", tmp_path / "mark-1"]
    procs = []
    for n, who in enumerate(("the alliance", "Moscow")):
        article = talks(tmp_path, who)
        args = ("add", article, "--published", "2022-01-15", "--store", db)
        out = ("--out", article.with_suffix(".html"))
        procs.append(spawn(marks[n], marks[1 - n], *args, *out, script=RACER))
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert brussels_sources(export(db)) == [["Moscow.txt", "base.txt", "the alliance.txt"]]


def test_store_transaction_holds_reads_and_writes_together(db: Path) -> None:
    """Store.transaction(): apply() inside it commits only at the end, and an error anywhere
    inside rolls back every apply (what a reader-then-writer like `add` needs)."""
    from timeline.models import Article
    from timeline.store import ChangeSet

    art = Article("feedfeedfeedfeed", "x.txt", "text", None)
    before = state(db)[1]
    with Store.open(db, create=False) as st:
        with pytest.raises(RuntimeError), st.transaction():
            st.apply(ChangeSet(articles=(art,)))
            assert st.has_article(art.id)
            raise RuntimeError("stop")
        assert not st.has_article(art.id)
    assert state(db)[1] == before
    with Store.open(db, create=False) as st, st.transaction():
        st.apply(ChangeSet(articles=(art,)))
    with Store.open(db, create=False, readonly=True) as st:
        assert st.has_article(art.id)


STALL = textwrap.dedent(
    """
    import sys, time
    from timeline.cli import main
    from timeline.store import Store
    real = Store._write_links
    def stall(self, links):  # everything is written, nothing committed
        real(self, links)
        print("written", file=sys.stderr, flush=True)
        time.sleep(120)
    Store._write_links = stall
    main(sys.argv[1:])
    """
)


def many_articles(folder: Path, n: int) -> Path:
    """n small articles published on PUB in a folder, and a report of the Brussels talks."""
    folder.mkdir()
    for i in range(n):
        body = (
            f"---\npublished: {PUB}\n---\nRound {i} of the talks\n\nDelegates of country {i}"
            f" met in Geneva on Monday. The council of town {i} approved plan {i} on"
            f" {1 + i % 28} March 2021.\n"
        )
        write_article(folder / f"{i:03d}.txt", body)
    write_article(folder / "zz.txt", f"---\npublished: {PUB}\n---\n{TALKS.format('a wire said')}")
    return folder


def test_kill_9_while_writing_keeps_the_old_store(db: Path, tmp_path: Path) -> None:
    """SIGKILL after `add` wrote everything but before it committed: the store opens with
    exactly its old content, and the same add then works."""
    folder = many_articles(tmp_path / "news", 40)
    before = state(db)[1]
    args = ("add", folder, "--published", PUB, "--store", db, "--out", tmp_path / "t.html")
    proc = spawn(*args, script=STALL)
    try:
        assert proc.stderr is not None and proc.stderr.readline() == "written\n"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    assert state(db)[1] == before
    result = add(db, folder)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith(summary(41, 0, 0))


def test_kill_9_mid_add_leaves_old_or_complete_new(db: Path, tmp_path: Path) -> None:
    """SIGKILL a real `add` of many articles as soon as it starts writing: the store opens and
    holds the old content or the old plus every new article, never part of them."""
    folder = many_articles(tmp_path / "news", 150)
    old = export(db)
    reference = tmp_path / "reference.db"
    shutil.copy(db, reference)
    assert add(reference, folder).exit_code == 0
    new = export(reference)
    wal = Path(f"{db}-wal")
    args = ("add", folder, "--published", PUB, "--store", db, "--out", tmp_path / "t.html")
    proc = spawn(*args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if wal.exists() and wal.stat().st_size > 0:  # the transaction is being written
                break
            time.sleep(0.0005)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    after = export(db)
    assert after in (old, new)
    assert len(after["articles"]) in (1, 152)


def test_kill_9_mid_build_keeps_the_old_store(db: Path, tmp_path: Path) -> None:
    """SIGKILL a `build` while it writes its new store: the old store is whole and unchanged,
    and the next build replaces it (and clears the half-made one)."""
    folder = many_articles(tmp_path / "news", 150)
    before = state(db)
    fresh = Path(f"{db}.new")
    html = tmp_path / "t.html"
    proc = spawn("build", folder, "--store", db, "--out", html, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if fresh.exists():
                break
            time.sleep(0.0005)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    assert fresh.exists()  # killed while building
    assert state(db) == before
    result = cli("build", folder, "--store", db, "--out", html)
    assert (result.exit_code, result.stderr) == (
        0,
        f"note: 1 article of the old {db} was not in this build and is no longer in it; "
        "`timeline add` extends a store, `build` starts it afresh\n",
    )
    assert result.stdout.startswith(summary(151, 0, 0))
    assert not fresh.exists()


def test_two_ctrl_c_stop_a_build_with_workers_and_keep_the_old_store(
    db: Path, tmp_path: Path
) -> None:
    """Ctrl-C twice in a terminal (SIGINT to every process of the group) while `build -w 2`
    extracts: it stops promptly (an executor used to wait forever on its broken workers),
    the old store is unchanged and no half-made file is left."""
    folder = many_articles(tmp_path / "news", 400)
    before = state(db)
    fresh = Path(f"{db}.new")
    proc = spawn(
        "build", folder, "--store", db, "--out", tmp_path / "t.html", "-w", "2",
        start_new_session=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline and not fresh.exists():
            time.sleep(0.001)
        time.sleep(0.3)  # the workers are extracting
        for _ in range(2):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGINT)
            time.sleep(0.05)
        proc.communicate(timeout=30)  # a hang fails here
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
    assert proc.returncode != 0
    assert state(db) == before
    assert not fresh.exists() and not (tmp_path / "t.html").exists()


# -- where the HTML goes ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["build", "add"])
def test_html_path_that_is_a_folder_is_refused_before_any_work(db: Path, command: str) -> None:
    before = state(db)
    folder = db.parent / "html"
    folder.mkdir()
    result = cli(command, DATA / "base.txt", "--store", db, "--out", folder)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {folder}: is a folder; give the HTML file to write, e.g. {folder}/timeline.html\n"
    )
    assert state(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["html", "t.db"]


def test_html_path_inside_a_file_is_refused_before_any_work(db: Path) -> None:
    before = state(db)
    blocker = db.parent / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    target = blocker / "t.html"
    result = cli("build", DATA / "base.txt", "--store", db, "--out", target)
    assert result.exit_code == 2
    assert (
        result.stderr == f"Error: {target}: {blocker} is a file, not a folder; give another path\n"
    )
    assert state(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["not-a-folder", "t.db"]


def test_build_that_fails_to_draw_leaves_store_and_html_as_they_were(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = db.with_suffix(".html")
    html.write_text("the old timeline", encoding="utf-8")
    before = state(db)

    def broken(*args: object, **kwargs: object) -> Path:
        raise TimelineError("Cannot write the timeline: disk full.")

    monkeypatch.setattr("timeline.cli.render_html", broken)
    result = cli("build", DATA / "base.txt", DATA / "cp1251.txt", "--store", db, "--out", html)
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: Cannot write the timeline: disk full.\n",
    )
    assert state(db) == before
    assert html.read_text(encoding="utf-8") == "the old timeline"
    assert sorted(p.name for p in db.parent.iterdir()) == ["t.db", "t.html"]

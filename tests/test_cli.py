"""The CLI's own behaviour: exit codes, exact error lines, formats, options."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

SEEDS = Path(__file__).parent / "data" / "seeds"
TIMEML = Path(__file__).parent / "data" / "timeml"
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """A store built from the seeds."""
    out = tmp_path_factory.mktemp("cli")
    result = runner.invoke(
        app, ["build", str(SEEDS), "--store", str(out / "t.db"), "--out", str(out / "t.html")]
    )
    assert result.exit_code == 0, result.output
    return out / "t.db"


def test_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in (
        "build",
        "add",
        "events",
        "show",
        "path",
        "export",
        "dates",
        "render",
        "timeml",
    ):
        assert command in result.stdout


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["show", "zzzzzzzz"], 1, "Error: no event 'zzzzzzzz'; list them with `timeline events`"),
        (
            ["export", "--format", "xml"],
            2,
            "Error: unknown format 'xml'; use one of json, graphml, gexf, csv",
        ),
        (
            ["events", "--from", "yesterday"],
            2,
            "Error: --from 'yesterday' is not a date; write it as YYYY-MM-DD",
        ),
        (
            ["render", "--lanes", "colour"],
            2,
            "Error: unknown lanes 'colour'; use actor, outlet or none",
        ),
    ],
)
def test_errors_are_one_line_with_exit_codes(store, args, code, message):
    result = runner.invoke(app, [*args, "--store", str(store)])
    assert result.exit_code == code
    assert result.stderr.strip() == message


def test_missing_store(tmp_path):
    result = runner.invoke(app, ["events", "--store", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == f"Error: no store at {tmp_path / 'none.db'}; run `timeline build` first"
    )


def test_exports_parse(store, tmp_path):
    doc = json.loads(runner.invoke(app, ["export", "--store", str(store)]).stdout)
    assert set(doc) == {"schema", "articles", "events", "links"}
    for fmt in ("graphml", "gexf"):
        target = tmp_path / f"t.{fmt}"
        result = runner.invoke(app, ["export", "-f", fmt, "-o", str(target), "--store", str(store)])
        assert result.exit_code == 0
        root = ET.parse(target).getroot()
        nodes = [el for el in root.iter() if el.tag.endswith("node")]
        assert len(nodes) == len(doc["events"])
    rows = list(
        csv.DictReader(
            io.StringIO(runner.invoke(app, ["export", "-f", "csv", "--store", str(store)]).stdout)
        )
    )
    assert [r["id"] for r in rows] == [e["id"] for e in doc["events"]]


def test_show_explains_how_the_date_was_resolved(store):
    doc = json.loads(runner.invoke(app, ["export", "--store", str(store)]).stdout)
    munich = next(e for e in doc["events"] if "Munich" in e["title"])
    result = runner.invoke(app, ["show", munich["id"][:6], "--store", str(store)])
    assert result.exit_code == 0
    # the phrase as the tagger spans it ("Saturday" or "on Saturday"), then the explanation
    assert "Saturday' in 002_3a60f01d4fe921a9.txt, published Sat 2022-02-19 → 2022-02-19" in (
        result.stdout
    )


def test_path_between_linked_events(store):
    doc = json.loads(runner.invoke(app, ["export", "--store", str(store)]).stdout)
    link = next(lk for lk in doc["links"] if lk["kind"] == "causes")
    result = runner.invoke(app, ["path", link["source"], link["target"], "--store", str(store)])
    assert result.exit_code == 0
    assert f"→ [causes] “{link['evidence']}”" in result.stdout


def test_add_without_render_leaves_html_alone(store, tmp_path):
    copy = tmp_path / "t.db"
    shutil.copy(store, copy)
    html = tmp_path / "t.html"
    new = tmp_path / "new.txt"
    new.write_text(
        "The Dutch parliament approved the budget on Tuesday after a long debate.\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        [
            "add",
            str(new),
            "--published",
            "2022-03-03",
            "--no-render",
            "--store",
            str(copy),
            "--out",
            str(html),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "articles: 1 added, 0 already stored, 0 rejected" in result.stdout
    assert not html.exists()


def test_add_rejected_input_exit_3(store, tmp_path):
    copy = tmp_path / "t.db"
    shutil.copy(store, copy)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(
        app, ["add", str(empty), "--store", str(copy), "--out", str(tmp_path / "t.html")]
    )
    assert result.exit_code == 3
    assert result.stderr.strip() == f"Error: {empty}: empty file; remove it or add the article text"


def test_dates_json(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Officials met on Monday and again last week.\n", encoding="utf-8")
    result = runner.invoke(app, ["dates", str(f), "--published", "2022-01-15", "-f", "json"])
    assert result.exit_code == 0
    values = [x["value"] for x in json.loads(result.stdout)["expressions"]]
    assert values[0] == "2022-01-10"


def test_timeml_command_round_trips(tmp_path):
    result = runner.invoke(app, ["timeml", str(TIMEML), str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(p.name for p in TIMEML.glob("*.tml"))


def test_timeml_rejects_a_document_without_creation_time_unless_dct_given(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "war.tml").write_text("<TimeML><TEXT>It ended on Friday.</TEXT></TimeML>", "utf-8")
    (folder / "ok.tml").write_text(next(TIMEML.glob("*.tml")).read_text("utf-8"), "utf-8")
    result = runner.invoke(app, ["timeml", str(folder), str(tmp_path / "out")])
    assert result.exit_code == 3  # done, but one document was rejected
    assert result.stdout == f"tagged 1 documents into {tmp_path / 'out'}\n"
    assert result.stderr == (
        f"Error: {folder / 'war.tml'}: no usable creation time (a TIMEX3 with "
        'functionInDocument="CREATION_TIME" and a value such as 1998-01-08); add one, or give '
        "--dct YYYY-MM-DD\n"
    )
    result = runner.invoke(
        app, ["timeml", str(folder), str(tmp_path / "out"), "--dct", "2012-02-18"]
    )
    assert result.exit_code == 0, result.output
    assert 'value="2012-02-17"' in (tmp_path / "out" / "war.tml").read_text("utf-8")


def _copy(store: Path, tmp_path: Path) -> Path:
    """A private copy of the module's store, for commands that may write to it."""
    own = tmp_path / "own.db"
    shutil.copy(store, own)
    return own


@pytest.mark.parametrize(
    "command",
    [
        ["build", str(SEEDS)],
        ["add", str(SEEDS / "001_d661c57517ea9ae8.txt")],
        ["render"],
        ["export", "--format", "json"],
    ],
)
def test_an_output_on_the_store_is_refused_and_the_store_is_kept(store, tmp_path, command):
    own = _copy(store, tmp_path)
    before = own.read_bytes()
    flag = "-o"
    result = runner.invoke(app, [*command, "--store", str(own), flag, str(own)])
    assert result.exit_code == 2, result.output
    what = "export file" if command[0] == "export" else "HTML file"
    example = "timeline.json" if command[0] == "export" else "timeline.html"
    assert result.stderr.strip() == (
        f"Error: {own}: is the store (--store {own}); writing the {what} there would destroy "
        f"it. Give another path, e.g. {own.with_name(example)}"
    )
    assert own.read_bytes() == before


def test_an_html_on_an_input_article_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    shutil.copy(SEEDS / "001_d661c57517ea9ae8.txt", article)
    (tmp_path / "manifest.csv").write_text("file,published\na.txt,2014-03-16\n", encoding="utf-8")
    text = article.read_bytes()
    result = runner.invoke(
        app, ["build", str(tmp_path), "--store", str(tmp_path / "s.db"), "-o", str(article)]
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Error: {article}: is an input file; writing the HTML file there would destroy it. "
        "Give another path"
    )
    assert article.read_bytes() == text and not (tmp_path / "s.db").exists()


def test_export_makes_missing_folders_and_refuses_a_folder(store, tmp_path):
    target = tmp_path / "new" / "deeper" / "x.json"
    result = runner.invoke(app, ["export", "--store", str(store), "-o", str(target)])
    assert result.exit_code == 0 and json.loads(target.read_text(encoding="utf-8"))["events"]
    result = runner.invoke(app, ["export", "--store", str(store), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Error: {tmp_path}: is a folder; give the export file to write, e.g. "
        f"{tmp_path / 'timeline.json'}"
    )


def test_build_checks_lanes_before_any_work(tmp_path):
    result = runner.invoke(
        app, ["build", str(SEEDS), "--store", str(tmp_path / "s.db"), "--lanes", "colour"]
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: unknown lanes 'colour'; use actor, outlet or none"
    assert not (tmp_path / "s.db").exists()


def test_build_notes_articles_it_drops_from_the_old_store(store, tmp_path):
    own = _copy(store, tmp_path)
    one = tmp_path / "in"
    one.mkdir()
    shutil.copy(SEEDS / "001_d661c57517ea9ae8.txt", one / "a.txt")
    (one / "manifest.csv").write_text("file,published\na.txt,2014-03-16\n", encoding="utf-8")
    result = runner.invoke(
        app, ["build", str(one), "--store", str(own), "-o", str(tmp_path / "t.html")]
    )
    assert result.exit_code == 0
    assert result.stderr.strip() == (
        f"note: 4 articles of the old {own} were not in this build and are no longer in it; "
        "`timeline add` extends a store, `build` starts it afresh"
    )


def test_timeml_refuses_to_write_over_its_input(tmp_path):
    folder = tmp_path / "tml"
    shutil.copytree(TIMEML, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = runner.invoke(app, ["timeml", str(folder), str(folder)])
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"Error: {folder}: is the input folder; give another folder to write to"
    )
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_timeml_output_under_a_file_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["timeml", str(TIMEML), str(blocker / "out")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {blocker / 'out'}: cannot make the folder (")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["events", "--from", "2022-02-01", "--to", "2022-01-01"],
            "Error: --from 2022-02-01 is after --to 2022-01-01; swap them",
        ),
        (
            ["add", str(SEEDS / "001_d661c57517ea9ae8.txt"), "--published", "0001-01-01"],
            "Error: --published '0001-01-01' is not a date; write it as YYYY-MM-DD"
            " (year 1000 to 9000)",
        ),
    ],
)
def test_more_bad_options_are_one_line_exit_2(store, tmp_path, args, message):
    result = runner.invoke(app, [*args, "--store", str(_copy(store, tmp_path))])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == message


def test_dates_rejects_an_unknown_format():
    result = runner.invoke(app, ["dates", str(SEEDS / "001_d661c57517ea9ae8.txt"), "-f", "xml"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: unknown format 'xml'; use table or json"


def test_events_source_takes_a_file_name(store):
    result = runner.invoke(
        app, ["events", "--store", str(store), "--source", "001_d661c57517ea9ae8.txt"]
    )
    assert result.exit_code == 0
    assert result.stdout.strip().splitlines()[-1] != "0 events"


def test_show_says_a_prefix_needs_four_characters(store):
    result = runner.invoke(app, ["show", "3a", "--store", str(store)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: no event '3a' (an id prefix needs 4 characters); list them with `timeline events`"
    )


def test_dates_wants_one_article(tmp_path):
    result = runner.invoke(app, ["dates", str(SEEDS)])
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"Error: {SEEDS}: holds 5 articles; give one article file to `dates`"
    )


def test_add_draws_the_lanes_asked_for(store, tmp_path):
    own = _copy(store, tmp_path)
    html = tmp_path / "t.html"
    new = tmp_path / "n.txt"
    new.write_text(
        "---\npublished: 2022-02-20\n---\nTalks\n\nEnvoys met in Paris on Friday.\n", "utf-8"
    )
    result = runner.invoke(
        app, ["add", str(new), "--store", str(own), "-o", str(html), "--lanes", "outlet"]
    )
    assert result.exit_code == 0, result.output
    outlet = html.read_text(encoding="utf-8")
    runner.invoke(app, ["render", "--store", str(own), "-o", str(html), "--lanes", "actor"])
    assert html.read_text(encoding="utf-8") != outlet
    runner.invoke(app, ["render", "--store", str(own), "-o", str(html), "--lanes", "outlet"])
    assert html.read_text(encoding="utf-8") == outlet


def test_render_notes_an_empty_date_range(store, tmp_path):
    html = tmp_path / "t.html"
    args = ["render", "--store", str(store), "-o", str(html)]
    result = runner.invoke(app, [*args, "--to", "1900-01-01"])
    assert result.exit_code == 0 and html.exists()
    assert result.stderr.strip() == "note: no event between … and 1900-01-01; the timeline is empty"
    assert runner.invoke(app, [*args, "--from", "2022-01-01"]).stderr == ""


def test_an_html_on_an_input_feed_or_a_rejected_input_is_refused(tmp_path):
    feed = tmp_path / "news.jsonl"
    feed.write_text('{"published": "2022-01-15", "text": "Talks\\n\\nEnvoys met on Friday."}\n')
    notes = tmp_path / "notes.txt"
    notes.write_text("no date in here\n", encoding="utf-8")
    before = (feed.read_bytes(), notes.read_bytes())
    for target in (feed, notes):
        result = runner.invoke(
            app,
            ["build", str(feed), str(notes), "--store", str(tmp_path / "s.db"), "-o", str(target)],
        )
        assert result.exit_code == 2
        assert result.stderr.strip() == (
            f"Error: {target}: is an input file; writing the HTML file there would destroy it. "
            "Give another path"
        )
    assert (feed.read_bytes(), notes.read_bytes()) == before

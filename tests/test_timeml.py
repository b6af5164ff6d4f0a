"""Tests for timeline.timeml and timeline.timeml_score on the small TimeBank slice in tests/data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.timeml import (
    Timex,
    read_file,
    read_timeml,
    stripped_text,
    tag_directory,
    tag_document,
    tag_text,
    to_timex,
)
from timeline.timeml_score import match, score

DATA = Path(__file__).parent / "data" / "timeml"
FILES = sorted(DATA.glob("*.tml"))


def test_slice_is_present():
    assert len(FILES) == 5


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_round_trip_keeps_text_and_is_well_formed(path):
    xml_text = read_file(path)
    out = tag_document(xml_text, name=str(path))
    ET.fromstring(out.encode("utf-8"))
    assert stripped_text(out) == stripped_text(xml_text)
    assert read_timeml(out).dct == read_timeml(xml_text).dct
    assert "<TIMEX3 " in out.split("<TEXT>", 1)[1]


def test_read_timeml_offsets_point_at_gold_text():
    doc = read_timeml(read_file(DATA / "ABC19980108.1830.0711.tml"))
    assert doc.dct.isoformat() == "1998-01-08T00:00:00"
    assert doc.timexes, "gold TIMEX3s expected"
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert ("week", "P1W") == (doc.timexes[0].text, doc.timexes[0].value)


def test_regression_floor_on_slice():
    docs = [read_timeml(read_file(p), str(p)) for p in FILES]
    pairs = [(d.timexes, [to_timex(e) for e in tag_text(d.text, d.dct)]) for d in docs]
    report = score(pairs)
    assert report.overall.gold == 52
    assert report.overall.f1("relaxed") >= 0.92
    assert report.overall.f1("strict") >= 0.90
    assert report.overall.f1("value") >= 0.80
    assert report.overall.f1("type") >= 0.88


def test_tag_directory_writes_every_document(tmp_path):
    assert tag_directory(DATA, tmp_path / "out") == (5, [])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in FILES]


def test_a_bad_document_is_rejected_and_the_others_are_tagged(tmp_path):
    (tmp_path / "bad.tml").write_text("<TimeML><TEXT>unclosed</TimeML>", "utf-8")
    (tmp_path / "good.tml").write_text((DATA / FILES[0].name).read_text("utf-8"), "utf-8")
    (tmp_path / "latin.tml").write_bytes(b"<TimeML>\xe9\xff</TimeML>")
    n, rejected = tag_directory(tmp_path, tmp_path / "out")
    assert n == 1 and sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.tml"]
    assert [(Path(r.path).name, r.reason.split(" (")[0]) for r in rejected] == [
        ("bad.tml", "not well-formed TimeML"),
        ("latin.tml", "cannot read it as UTF-8 text"),
    ]


def test_missing_creation_time_is_an_input_error():
    with pytest.raises(InputError, match="no usable creation time.*--dct"):
        tag_document("<TimeML><TEXT>On Friday.</TEXT></TimeML>", name="x.tml")


def test_a_default_creation_time_stands_in_for_a_missing_one():
    out = tag_document(
        "<TimeML><TEXT>On Friday, and in 1914.</TEXT></TimeML>",
        default_dct=datetime(2012, 2, 18),  # a Saturday
    )
    assert 'value="2012-02-17"' in out and 'value="1914"' in out
    assert "anchorTimeID" not in out  # no creation-time TIMEX3 to point at


def test_a_folder_without_timeml_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no .tml or .xml files"):
        tag_directory(tmp_path, tmp_path / "out")


def test_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        tag_directory(tmp_path / "nope", tmp_path / "out")


def test_escaped_text_round_trips():
    xml_text = (
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2021-12-24" '
        'functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'
        "<TEXT>AT&amp;T said &lt;on&gt; Friday it will grow.</TEXT></TimeML>"
    )
    out = tag_document(xml_text)
    assert stripped_text(out) == "AT&T said <on> Friday it will grow."
    assert 'value="2021-12-24"' in out.split("<TEXT>")[1]


def T(start, end, typ="DATE", value="2021"):
    """A Timex for scorer tests."""
    return Timex(start, end, typ, value)


def test_match_is_one_to_one_and_prefers_exact_spans():
    gold = [T(0, 10), T(12, 20)]
    system = [T(5, 14), T(12, 20)]
    pairs = match(gold, system)
    assert (gold[1], system[1]) in pairs and (gold[0], system[0]) in pairs


def test_scores_follow_tempeval3_definitions():
    gold = [T(0, 5, value="2021"), T(10, 15, value="2022"), T(20, 25, value="P1Y")]
    system = [T(0, 5, value="2021"), T(11, 15, value="2020"), T(30, 35)]
    t = score([(gold, system)]).overall
    assert t.f1("strict") == pytest.approx(1 / 3)
    assert t.f1("relaxed") == pytest.approx(2 / 3)
    assert t.f1("value") == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Prices fell in the 1990s.", "the 1990s", "199"),
        ("Music of the '60s was better.", "the '60s", "196"),
        ("Profit rose in the late 1990s.", "the late 1990s", "199"),
        ("It was built in the 20th century.", "the 20th century", "19"),
        ("Prices fell in 1998.", "1998", "1998"),
    ],
)
def test_timeml_values_write_decades_with_three_digits(text, span, value):
    (t,) = [to_timex(e) for e in tag_text(text, datetime(2022, 1, 15))]
    assert (t.text, t.value) == (span, value)


def test_the_benchmark_test_set_is_the_whole_tempeval3_platinum_set():
    """benchmarks/tempeval3.py scores the TempEval-3 test set; its copy must stay whole: 20
    documents, each with a creation time, 138 gold TIMEX3s in all (the task's count)."""
    folder = (
        Path(__file__).parents[1] / "benchmarks" / "data" / "tempeval3" / "test" / "te3-platinum"
    )
    docs = [
        read_timeml(p.read_text(encoding="utf-8"), p.name) for p in sorted(folder.glob("*.tml"))
    ]
    assert len(docs) == 20
    assert all(d.dct.year == 2013 for d in docs)
    assert sum(len(d.timexes) for d in docs) == 138

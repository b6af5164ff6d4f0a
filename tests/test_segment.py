"""Sentence segmentation keeps exact offsets and keeps page furniture apart from prose."""

import pytest

from timeline.segment import split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One sentence here. Another one there.", ["One sentence here.", "Another one there."]),
        (
            "Headline Without Stop\nThe body starts here.",
            ["Headline Without Stop", "The body starts here."],
        ),
        ("a wrapped line that goes\non and ends.", ["a wrapped line that goes\non and ends."]),
        (
            "Mr. Smith met Dr. Jones on Monday. They talked.",
            ["Mr. Smith met Dr. Jones on Monday.", "They talked."],
        ),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_are_exact_on_seed():
    with open("seeds/004_19969660543438c6.txt", encoding="utf-8") as fh:
        text = fh.read()
    sentences = split_sentences(text)
    assert len(sentences) > 20
    for i, s in enumerate(sentences):
        assert s.index == i
        assert text[s.start : s.end] == s.text


def test_long_line_without_spaces_is_one_block():
    text = "x" * 300_000
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == [(0, 300_000)]

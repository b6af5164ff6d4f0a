"""Split an article into sentences with character offsets (paragraph/line blocks, then nupunkt)."""

from __future__ import annotations

import re
from functools import lru_cache

import nupunkt

from .models import Sentence

# A line break ends a block unless the line before clearly runs on: it ends in a lower-case
# letter, comma, hyphen or similar AND the next line starts in lower case (hard-wrapped prose).
_RUN_ON_END = re.compile(r"[a-z,;:\-–]\s*$")
_LOWER_START = re.compile(r"^\s*[a-z]")


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of paragraph/line blocks: page furniture and link lists stay apart from prose."""
    spans: list[tuple[int, int]] = []
    start = 0
    pos = 0
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        pos += len(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt and line.strip() and _RUN_ON_END.search(line) and _LOWER_START.match(nxt):
            continue
        spans.append((start, pos))
        start = pos
    return spans


@lru_cache(maxsize=1)
def _tokenizer() -> nupunkt.PunktSentenceTokenizer:
    """The default nupunkt model, loaded once."""
    return nupunkt.load_default_model()


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, whitespace-trimmed, each with its [start, end) span in `text`."""
    out: list[Sentence] = []
    for b_start, b_end in _blocks(text):
        block = text[b_start:b_end]
        if not block.strip():
            continue
        for s_start, s_end in _sentence_spans(block):
            piece = block[s_start:s_end]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            a, z = b_start + s_start + lead, b_start + s_end - trail
            if z > a:
                out.append(Sentence(len(out), text[a:z], a, z))
    return out


def _sentence_spans(block: str) -> list[tuple[int, int]]:
    """nupunkt sentence spans inside one block; the whole block if nupunkt finds none."""
    if len(block) > 200_000 and " " not in block[:200_000]:
        return [(0, len(block))]  # no words to split: one pseudo-sentence, never a hang
    spans = [tuple(s) for s in _tokenizer().span_tokenize(block)]
    return [(int(a), int(b)) for a, b in spans] or [(0, len(block))]

"""Words and regex fragments of the English date grammar: months, weekdays, numbers, units."""

from __future__ import annotations

import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "noon": "12:00", "midday": "12:00", "mid-day": "12:00", "midnight": "24:00",  # "Tuesday noon"
}  # fmt: skip
_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, float | None] = {w: float(i) for i, w in enumerate(_SMALL)}
NUMBER_WORDS.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
NUMBER_WORDS.update(
    {
        "a": 1.0, "an": 1.0, "a single": 1.0, "a couple of": 2.0, "a couple": 2.0, "couple of": 2.0,
        "a dozen": 12.0, "dozen": 12.0, "a hundred": 100.0, "hundred": 100.0,
        "one hundred": 100.0, "a half": 0.5, "half a": 0.5, "one and a half": 1.5,
        "a few": None, "few": None, "several": None, "some": None, "many": None,
        "a number of": None, "numerous": None, "the": 1.0, "a thousand": 1000.0,
        "hundreds of": None, "thousands of": None,
    }
)  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31, "final": 4, "last": 4,
}  # fmt: skip
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip

MON = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june|jun\.?|july|jul\.?"
    r"|aug(?:ust|\.)?|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
MON_FULL = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan\.|feb\.|mar\.|apr\.|aug\.|sept?\.|oct\.|nov\.|dec\.)"
)
WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
NAME_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")  # a capitalised word next: part of a name
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1\d{3}|20\d{2})"
_NUM_ALTS = sorted(
    [w.replace(" ", r"\s+") for w in NUMBER_WORDS if w != "the"], key=len, reverse=True
)
NUM = (
    r"(?:(?<!\d)(?<!\d,)\d{1,3}(?:,\d{3})+(?![\d,])|(?<!\d)(?<!\d,)\d{1,3}(?:[\s-]1/2|\.\d+)?(?!\d)|(?:"
    + "|".join(_TENS)
    + r")(?:[\s-](?:"
    + "|".join(_SMALL[1:10])
    + r"))?|"
    + "|".join(_NUM_ALTS)
    + r")"
)
NUM = rf"(?:(?:{'|'.join(_SMALL[1:10])})\s+(?:hundred|thousand)\b|{NUM})"  # two hundred
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weekends?|weeks?|fortnights?|months?|quarters?"
    r"|years?|decades?|century|centuries|millennium|millennia|mins?|hrs?|secs?)\b"
)
PART = r"(?:morning|afternoon|evening|night|noon|mid-?day|midnight)"
APPROX = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "just over": "MORE_THAN", "just under": "LESS_THAN",
    "the past": "", "the last": "", "the next": "", "the first": "", "the coming": "",
    "the previous": "", "the following": "", "past": "", "next": "", "another": "",
    "the entire": "", "the whole": "", "the full": "", "a full": "", "a further": "",
}  # fmt: skip
APPROX_RE = re.compile(
    r"(?:\b(?:"
    + "|".join(sorted((k.replace(" ", r"\s+") for k in APPROX), key=len, reverse=True))
    + r")\s+)+$",
    re.I,
)
POSITION_RE = re.compile(
    r"\b(?:the\s+)?(?:very\s+)?(early|mid|late|earlier|later)(?:\s+in)?[\s-]+(?:the\s+)?$"
    r"|\b(?:the\s+)?(start|beginning|middle|end|turn|close)\s+of\s+(?:the\s+)?$",
    re.I,
)
POSITION_MOD = {
    "early": "START", "earlier": "START", "start": "START", "beginning": "START",
    "mid": "MID", "middle": "MID", "late": "END", "later": "END", "end": "END",
    "close": "END", "turn": "END",
}  # fmt: skip


def number(word: str) -> float | None:
    """Numeric value of '3', 'three', 'twenty-four', 'a couple of'; None for vague amounts."""
    w = re.sub(r"\s+", " ", word.lower().strip())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", w):
        return float(w.replace(",", ""))
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if re.fullmatch(r"\d+[ -]1/2", w):
        return float(w[:-4]) + 0.5
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    parts = re.split(r"[\s-]", w)
    scale = {"hundred": 100.0, "thousand": 1000.0}
    if len(parts) == 2 and parts[1] in scale and (a := NUMBER_WORDS.get(parts[0])) is not None:
        return a * scale[parts[1]]  # two hundred, three thousand
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        a, b = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if a is not None and b is not None:
            return a + b
    return None


_ABBREVIATED_UNITS = {"min": "minute", "hr": "hour", "sec": "second"}


def unit_name(word: str) -> str:
    """Canonical singular unit: 'Years' -> 'year', 'centuries' -> 'century'."""
    w = word.lower()
    w = _ABBREVIATED_UNITS.get(w.rstrip("s"), w)  # "mins", "hr", "secs"
    if w.startswith("centur"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w[:-1] if w.endswith("s") else w


def month_number(word: str) -> int:
    """Month number of a month name or abbreviation."""
    return MONTHS[word.lower()[:3]]


def day_number(word: str) -> int:
    """Day of month of '23', '23rd', '1st'."""
    return int(re.match(r"\d+", word).group())  # type: ignore[union-attr]


# Words without which no rule can match, by class: each rule names the classes it needs and
# runs only in windows around those words (most of a text has no date at all; this makes the
# tagger several times faster than scanning everything with every rule).
_CLASSES = {
    "mon": """jan feb mar apr may jun jul aug sep sept oct nov dec january february march april
        june july august september october november december""",
    "wd": """monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays
        thursdays fridays saturdays sundays""",
    "unit": """second seconds minute minutes hour hours day days week weeks weekend weekends
        fortnight fortnights month months quarter quarters year years decade decades century
        centuries millennium millennia ago yearend min mins hr hrs sec secs""",
    "ref": """now nowadays currently presently present moment current recently lately formerly
        past future soon shortly term later date someday latest""",
    "part": """today tonight yesterday tomorrow noon midday midnight morning afternoon evening night
        overnight mornings afternoons evenings nights mid""",
    "season": "spring summer fall autumn winter",
    "hol": """christmas xmas boxing halloween valentine valentines veterans armistice patrick easter
        good thanksgiving labor memorial mother father luther independence fourth presidents
        columbus election""",
    "word": """hourly daily nightly weekly biweekly monthly bimonthly annually yearly semiannually
        biannually then end half fiscal nineteen eighteen twenty thousand twenties thirties
        forties fifties sixties seventies eighties nineties q1 q2 q3 q4""",
}
TRIGGERS = {w: cls for cls, words in _CLASSES.items() for w in words.split()}
_TOKEN = re.compile(r"[A-Za-z]+[1-4]?|\d+")
_DIGIT_NEXT = re.compile(r"s|:|/|-|\.\d|st|nd|rd|th|\s?[ap]\.?m", re.I)
_SPACE = re.compile(r"\s")
MARGIN = 48

Windows = dict[str, list[tuple[int, int]]]


def trigger_windows(text: str) -> Windows:
    """Per trigger class, merged [start, end) windows around its words."""
    spans: Windows = {cls: [] for cls in (*_CLASSES, "num")}
    n = len(text)
    for m in _TOKEN.finditer(text):
        w = m.group()
        if w[0].isdigit():
            year_like = (
                len(w) == 4 and w[0] in "012" or text[m.start() - 1 : m.start()] in ("'", "’")
            )
            if not year_like and not _DIGIT_NEXT.match(text, m.end()):
                continue
            cls = "num"
        else:
            found = TRIGGERS.get(w.lower()) if len(w) <= 12 else None
            if found is None:
                continue
            cls = found
        lo, hi = max(0, m.start() - MARGIN), min(n, m.end() + MARGIN)
        ws = _SPACE.search(text, hi, hi + 64)  # end windows between words
        hi = ws.start() if ws else min(n, hi + 64)
        lst = spans[cls]
        if lst and lo <= lst[-1][1]:
            lst[-1] = (lst[-1][0], max(hi, lst[-1][1]))
        else:
            lst.append((lo, hi))
    return spans


def windows_for(spans: Windows, needs: tuple[str, ...]) -> list[tuple[int, int]]:
    """The merged windows of the classes a rule needs (the whole text has one, (0, -1))."""
    if len(needs) == 1:
        return spans[needs[0]]
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(w for cls in needs for w in spans[cls]):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged

"""Tests for timeline.temporal: (text, publication date) -> (span, value, granularity)."""

# ruff: noqa: E501 -- the rule tables keep one regex per line

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.models import Granularity as G
from timeline.models import TimexType
from timeline.settings import Settings
from timeline.temporal import find_expressions

DATA_TIMEML = Path(__file__).parent / "data" / "timeml"
SAT_2021_07_31 = datetime(2021, 7, 31, 16, 49)
FRI_2021_12_24 = datetime(2021, 12, 24)
SAT_2022_02_19 = datetime(2022, 2, 19, 19, 45)
WED_2021_12_01 = datetime(2021, 12, 1)
SAT_2022_01_15 = datetime(2022, 1, 15, 7, 30)
THU_1998_02_12 = datetime(1998, 2, 12)
THU_1989_10_26 = datetime(1989, 10, 26)


def one(text: str, published: datetime, span: str):
    """The expression whose text is span (fails if absent)."""
    found = find_expressions(text, published)
    for e in found:
        assert text[e.char_start : e.char_end] == e.text
        if e.text == span:
            return e
    raise AssertionError(f"{span!r} not in {[e.text for e in found]}")


SEED_TABLE = [
    # (text, published, span, value, granularity)
    ("Crimea reunified with Russia in 2014 following a referendum.", SAT_2021_07_31, "2014", "2014", G.YEAR),
    ("the Russian Foreign Ministry said in a statement Friday.", SAT_2021_07_31, "Friday", "2021-07-30", G.DAY),
    ("December 24 – According to several media reports", FRI_2021_12_24, "December 24", "2021-12-24", G.DAY),
    ("proposals to NATO and the United States in early December, which", FRI_2021_12_24, "early December", "2021-12", G.MONTH),
    ("Stoltenberg responded on the 23rd that each country", FRI_2021_12_24, "the 23rd", "2021-12-23", G.DAY),
    ("at the annual press conference on the 23rd, Russian President", FRI_2021_12_24, "the 23rd", "2021-12-23", G.DAY),
    ("NATO informally promised Russia as early as the 1990s that", FRI_2021_12_24, "the 1990s", "199X", G.DECADE),
    ("Speaking at the Munich Security Conference in Germany on Saturday, Stoltenberg said", SAT_2022_02_19, "Saturday", "2022-02-19", G.DAY),
    ("The Kremlin has now accused Ukraine of having transferred", WED_2021_12_01, "now", "PRESENT_REF", G.DAY),
    ("After a meeting between the two parties in Brussels on Wednesday, Fomin stressed", SAT_2022_01_15, "Wednesday", "2022-01-12", G.DAY),
    ("On Wednesday, the secretary-general told reporters", SAT_2022_01_15, "Wednesday", "2022-01-12", G.DAY),
    ("Last month Moscow submitted two draft treaties", SAT_2022_01_15, "Last month", "2021-12", G.MONTH),
    ("In November, Russian Foreign Minister Sergei Lavrov said", SAT_2022_01_15, "November", "2021-11", G.MONTH),
    ("In October Moscow announced that it would suspend relations", SAT_2022_01_15, "October", "2021-10", G.MONTH),
]  # fmt: skip


@pytest.mark.parametrize("text,published,span,value,gran", SEED_TABLE)
def test_seed_table(text, published, span, value, gran):
    e = one(text, published, span)
    assert (e.value, e.granularity) == (value, gran)


def test_early_december_interval():
    e = one("in early December, which", FRI_2021_12_24, "early December")
    assert (e.mod, e.start, e.end) == ("START", date(2021, 12, 1), date(2021, 12, 10))


def test_decade_interval():
    e = one("as early as the 1990s", FRI_2021_12_24, "the 1990s")
    assert (e.start, e.end) == (date(1990, 1, 1), date(1999, 12, 31))


def test_since_then_is_open_interval_anchored_on_previous():
    text = "Crimea joined Russia in 2014 after a vote. Since then, NATO has grown."
    e = one(text, SAT_2021_07_31, "then")
    assert (e.value, e.start, e.end, e.anchor) == ("2014", date(2014, 1, 1), None, "previous")
    assert e.mod == "ON_OR_AFTER"


def test_earlier_in_the_day_takes_previous_day():
    text = "The ministry said in a statement Friday. Earlier in the day, media published a letter."
    e = one(text, SAT_2021_07_31, "Earlier in the day")
    assert (e.value, e.anchor) == ("2021-07-30", "previous")


def test_year_range_covers_both_years():
    e = one("the 2014-15 season", SAT_2022_01_15, "2014-15")
    assert (e.value, e.start, e.end) == ("2014", date(2014, 1, 1), date(2015, 12, 31))


def test_now_is_publication_day():
    e = one("It is now clear.", WED_2021_12_01, "now")
    assert (e.start, e.end) == (date(2021, 12, 1), date(2021, 12, 1))


TABLE = [
    # weekdays and tense
    ("Ministers will meet on Monday.", SAT_2022_01_15, "Monday", "2022-01-17", G.DAY),
    ("Ministers met on Monday.", SAT_2022_01_15, "Monday", "2022-01-10", G.DAY),
    ("It happened last Friday.", SAT_2022_01_15, "last Friday", "2022-01-14", G.DAY),
    ("The vote is next Tuesday.", SAT_2022_01_15, "next Tuesday", "2022-01-18", G.DAY),
    ("They spoke Friday night.", SAT_2022_01_15, "Friday night", "2022-01-14TNI", G.TIME),
    ("Cyprus has until Monday to raise the money.", datetime(2013, 3, 22), "Monday", "2013-03-25", G.DAY),
    ("Members had filed reports by Wednesday.", datetime(2013, 3, 22), "Wednesday", "2013-03-20", G.DAY),
    ("Shares bought from Sept. 14 to Thursday.", THU_1989_10_26, "Thursday", "1989-10-26", G.DAY),
    # the end of a weekday range follows its opening; an approximator keeps the deadline
    ("During his visit from Thursday through Friday, he praised them.", SAT_2022_01_15, "Friday", "2022-01-14", G.DAY),
    ("The show runs from Thursday through Sunday.", SAT_2022_01_15, "Sunday", "2022-01-16", G.DAY),
    ("Talks run until about midday on Sunday.", SAT_2022_01_15, "about midday on Sunday", "2022-01-16T12:00", G.TIME),
    ("Shares bought from Sept. 14 through Thursday.", THU_1989_10_26, "Thursday", "1989-10-26", G.DAY),
    ("Winter is coming to Europe, he said.", SAT_2022_01_15, "Winter", "2022-WI", G.SEASON),
    # no cue before the date: the first verb after it decides ("scheduled" reads as past)
    ("On Monday, ministers will meet in Vienna.", SAT_2022_01_15, "Monday", "2022-01-17", G.DAY),
    ("On Monday, ministers met in Vienna.", SAT_2022_01_15, "Monday", "2022-01-10", G.DAY),
    ("On Monday, scheduled flights resumed.", SAT_2022_01_15, "Monday", "2022-01-10", G.DAY),
    ("The exercise will be held in the sea on Sunday, officials said.", WED_2021_12_01, "Sunday", "2021-12-05", G.DAY),
    ("He referred to the board meeting due on Thursday, when governors decide.", SAT_2022_01_15, "Thursday", "2022-01-20", G.DAY),
    ("The payment was due on Monday.", SAT_2022_01_15, "Monday", "2022-01-10", G.DAY),
    ("The polls will close at 3 p.m. and results are expected no earlier than Monday.", datetime(2022, 1, 16), "Monday", "2022-01-17", G.DAY),
    ("Two marines died of wounds sustained due to enemy action on Saturday.", datetime(2022, 1, 16), "Saturday", "2022-01-15", G.DAY),
    ("The envoy is due to arrive on Thursday.", SAT_2022_01_15, "Thursday", "2022-01-20", G.DAY),
    ("The results, to be announced Thursday, are eagerly awaited.", SAT_2022_01_15, "Thursday", "2022-01-20", G.DAY),
    ("He told the weekly Der Spiegel, to be published Monday, that talks failed.", SAT_2022_01_15, "Monday", "2022-01-17", G.DAY),
    ("Police will guard the planned rally on Tuesday.", SAT_2022_01_15, "Tuesday", "2022-01-18", G.DAY),
    ("The opposition has called a general strike for Monday.", SAT_2022_01_15, "Monday", "2022-01-17", G.DAY),
    ("Refugees must leave within a 60-day deadline starting Thursday.", SAT_2022_01_15, "Thursday", "2022-01-20", G.DAY),
    ("Prices fell in the month of March.", datetime(1997, 4, 29), "the month of March", "1997-03", G.MONTH),
    ("In 1976 the pound fell. In September that year, he raised it.", datetime(2006, 12, 29), "September that year", "1976-09", G.MONTH),
    # counted from a year (or month) just named, a shift is no finer than that year (month)
    ("Paris was taken in 1944. Two months later, the war moved east.", datetime(2010, 5, 1), "Two months later", "1944", G.YEAR),
    ("Paris was taken in 1944. Two months earlier, the war moved east.", datetime(2010, 5, 1), "Two months earlier", "1944", G.YEAR),
    ("The plant opened in June 2019. Five weeks later it closed.", datetime(2022, 2, 20), "Five weeks later", "2019-07", G.MONTH),
    ("The plant opened in June 2019. Two months later it closed.", datetime(2022, 2, 20), "Two months later", "2019-08", G.MONTH),
    ("The plant opened on June 3, 2019. Two weeks later it closed.", datetime(2022, 2, 20), "Two weeks later", "2019-W25", G.WEEK),
    # "the same month of 2001": the month just spoken of, in the year named (same sentence)
    ("Prices fell in October, the most since the same month of 2001.", datetime(2006, 11, 14), "the same month of 2001", "2001-10", G.MONTH),
    ("Profit rose in the third quarter from the same quarter last year.", datetime(2006, 11, 14), "the same quarter last year", "2005-Q3", G.QUARTER),
    ("GDP grew in the first half of 2005 against the same period last year.", datetime(2005, 11, 10), "the same period last year", "2004-H1", G.HALF),
    ("Troops will leave by this time next year.", datetime(2006, 12, 18), "this time next year", "2007-12-18", G.DAY),
    # a modal's perfect is past; "can have a meeting" is not
    ("Core inflation would have risen by 0.1 percent in October.", datetime(2006, 11, 14), "October", "2006-10", G.MONTH),
    ("Maybe we can have a meeting at the end of January.", datetime(2005, 12, 10), "the end of January", "2006-01", G.MONTH),
    # a clock time after a weekday's possessive is on that day; "at 3:30" in the afternoon
    ("The yen was at 119.50 compared with Thursday's 5 p.m. quotes.", datetime(2005, 11, 11), "5 p.m.", "2005-11-10T17:00", G.TIME),
    ("This afternoon at about 3:30 the rally began.", datetime(2005, 11, 26), "about 3:30", "2005-11-26T15:30", G.TIME),
    ("The meeting this morning began at 9:30.", datetime(2005, 11, 26), "9:30", "2005-11-26T09:30", G.TIME),
    ("Tonight at 8:00 the show starts.", datetime(2005, 11, 26), "8:00", "2005-11-26T20:00", G.TIME),
    ("Tonight at 1:30 the curfew starts.", datetime(2005, 11, 26), "1:30", "2005-11-26T01:30", G.TIME),
    ("Speaking on Tuesday afternoon, Smith said trading had opened at 9:30.", datetime(2006, 12, 13), "9:30", "2006-12-12T09:30", G.TIME),
    ("The afternoon session closed at 11:30.", datetime(2006, 12, 13), "11:30", "2006-12-13T11:30", G.TIME),
    ("The firm could have results in March, analysts said.", datetime(2006, 12, 13), "March", "2007-03", G.MONTH),
    ("Rates were 6.44 percent in September 2003. A year ago, mortgages averaged 5.76 percent.", datetime(2005, 11, 10), "A year ago", "2004", G.YEAR),
    ("Net income in the third quarter rose to $5 million from $4 million a year ago.", datetime(2005, 11, 10), "a year ago", "2004-Q3", G.QUARTER),
    ("Exports in October 2004 rose 5 percent from the same month last year.", datetime(2006, 12, 13), "the same month last year", "2003-10", G.MONTH),
    ("Exports in October rose 5 percent from the same month last year.", datetime(2007, 1, 10), "the same month last year", "2005-10", G.MONTH),
    ("The dam burst in December 1997. The following winter, thousands were homeless.", datetime(2006, 12, 13), "The following winter", "1999-WI", G.SEASON),
    ("The dam burst in December 1997. That winter, thousands were homeless.", datetime(2006, 12, 13), "That winter", "1998-WI", G.SEASON),
    ("The firm was founded in 1998. Forecasters warned that winter will be harsh.", datetime(2006, 12, 13), "winter", "2007-WI", G.SEASON),
    ("On Monday Standard Chartered said it would cut 500 jobs.", datetime(2006, 12, 13), "Monday", "2006-12-11", G.DAY),
    ("Last Tuesday Sun Microsystems posted a profit.", datetime(2006, 12, 13), "Last Tuesday", "2006-12-12", G.DAY),
    # "the early hours of Thursday" is early Thursday, not a duration plus a day
    ("The attack happened in the early hours of Thursday.", datetime(2005, 11, 26), "the early hours of Thursday", "2005-11-24", G.DAY),
    ("On Thursday the attack came in the early hours of the morning.", datetime(2005, 11, 26), "the early hours of the morning", "2005-11-24", G.DAY),
    ("The Qing Dynasty (1644-1911) ruled China.", datetime(2005, 11, 28), "1644-1911", "1644", G.YEAR),
    # hope/aim/want to: a future cue even when "said" governs the sentence
    ('"We hope to complete work on them in September," Bacon said.', datetime(1997, 4, 8), "September", "1997-09", G.MONTH),
    ("He wants to meet Clinton on Friday, aides said.", datetime(1997, 4, 8), "Friday", "1997-04-11", G.DAY),
    # a date planned or confirmed is the coming one; a date the verb of deciding took place on is not
    ("Reserves fell in the week ended December 8.", datetime(2006, 12, 15), "the week", "2006-W49", G.WEEK),
    ("Bayern have confirmed their place in a tournament from January 5-14.", datetime(2006, 12, 15), "January 5", "2007-01-05", G.DAY),
    ("Markets fell after the decision to raise rates in October.", datetime(2006, 12, 13), "October", "2006-10", G.MONTH),
    ("OPEC decided to cut production in October to stem falling prices.", datetime(2006, 12, 14), "October", "2006-10", G.MONTH),
    ("Talks have been pencilled in for May 23.", datetime(1997, 4, 7), "May 23", "1997-05-23", G.DAY),
    ("Shortly after mid-day Tuesday, police arrived.", datetime(1997, 4, 29), "mid-day Tuesday", "1997-04-29T12:00", G.TIME),
    ("Hessian was placed on the pitch overnight because of frost.", datetime(2006, 12, 15), "overnight", "2006-12-14TNI", G.TIME),
    # what one has agreed to is still to come
    ("The two sides have agreed to meet in Geneva in June.", datetime(1997, 4, 30), "June", "1997-06", G.MONTH),
    # an intention's object named by a past day stays past
    ("The president has vowed to avenge Saturday's bombing.", datetime(2006, 12, 13), "Saturday", "2006-12-09", G.DAY),
    ("Prosecutors seek to overturn Friday's ruling.", datetime(2006, 12, 13), "Friday", "2006-12-08", G.DAY),
    ("Kabila agreed to talks on Friday.", datetime(1997, 4, 30), "Friday", "1997-04-25", G.DAY),
    # a relative clause closed right before the date does not give it its tense
    ("He will visit Harbin, which suffered a spill, on Friday.", datetime(2005, 11, 29), "Friday", "2005-12-02", G.DAY),
    ("He succeeds Taylor, who stepped down as chairman, president and chief in March.", datetime(1989, 11, 2), "March", "1989-03", G.MONTH),
    # a clock time "of last Sunday" is on that day
    ("Water was cut until 6 p.m. of last Sunday.", datetime(2005, 11, 29), "6 p.m. of last Sunday", "2005-11-27T18:00", G.TIME),
    ("The talks end at 5 p.m. next Monday.", datetime(2005, 11, 29), "5 p.m. next Monday", "2005-12-05T17:00", G.TIME),
    ("The writer Mao Dun (1896-1981) was honoured.", datetime(2006, 11, 14), "1896-1981", "1896", G.YEAR),
    # a season after "that"/"the following" counts from the date just spoken of
    ("Russia annexed Crimea in March 2014. That summer, fighting broke out.", datetime(2022, 2, 20), "That summer", "2014-SU", G.SEASON),
    ("Russia annexed Crimea in March 2014. That summer, fighting broke out. That month, talks failed.", datetime(2022, 2, 20), "That month", "2014-03", G.MONTH),
    ("The plant closed in March 2015. The following winter, workers left.", datetime(2022, 2, 20), "The following winter", "2016-WI", G.SEASON),
    ("The plant closed in March 2015. The previous summer was hot.", datetime(2022, 2, 20), "The previous summer", "2014-SU", G.SEASON),
    ("The plant closed in 2015. In the summer of that year, it was sold.", datetime(2022, 2, 20), "the summer of that year", "2015-SU", G.SEASON),
    ("The plant closed in 2015. In the third quarter of that year, it was sold.", datetime(2022, 2, 20), "the third quarter of that year", "2015-Q3", G.QUARTER),
    ("That summer was hot, he said.", datetime(2022, 2, 20), "That summer", "2021-SU", G.SEASON),
    ("Sales peaked in 2015. He said that summer tourism fell.", datetime(2022, 2, 20), "summer", "2022-SU", G.SEASON),
    ("Crude for delivery in January lost 45 cents.", datetime(2006, 12, 4), "January", "2007-01", G.MONTH),
    ("Brent crude for January delivery gained 23 cents.", datetime(2006, 12, 14), "January", "2007-01", G.MONTH),
    ("Markets will watch Friday's November employment report.", datetime(2006, 12, 4), "November", "2006-11", G.MONTH),
    ("OPEC is mindful that the coming winter months will test supply.", datetime(2006, 12, 14), "coming winter", "2007-WI", G.SEASON),
    ("The word was that it would be close because observers late Wednesday night were predicting a defeat.", SAT_2022_01_15, "late Wednesday night", "2022-01-12TNI", G.TIME),
    ("He was arrested for Monday's attack.", SAT_2022_01_15, "Monday", "2022-01-10", G.DAY),
    # deictic
    ("He arrived yesterday.", SAT_2022_01_15, "yesterday", "2022-01-14", G.DAY),
    ("He leaves tomorrow.", SAT_2022_01_15, "tomorrow", "2022-01-16", G.DAY),
    ("The talks today were frank.", SAT_2022_01_15, "today", "2022-01-15", G.DAY),
    ("They met this morning.", SAT_2022_01_15, "this morning", "2022-01-15TMO", G.TIME),
    ("Shots were heard last night.", SAT_2022_01_15, "last night", "2022-01-14TNI", G.TIME),
    # explicit dates
    ("It was signed on Dec. 24, 2021 in Moscow.", SAT_2022_01_15, "Dec. 24, 2021", "2021-12-24", G.DAY),
    ("It was signed on 24 December 2021.", SAT_2022_01_15, "24 December 2021", "2021-12-24", G.DAY),
    ("Dated 2021-12-24.", SAT_2022_01_15, "2021-12-24", "2021-12-24", G.DAY),
    ("It opened in December 2021.", SAT_2022_01_15, "December 2021", "2021-12", G.MONTH),
    ("It opened on Aug. 2.", datetime(1990, 8, 15), "Aug. 2", "1990-08-02", G.DAY),
    ("It opened on Dec. 20.", datetime(1998, 1, 8), "Dec. 20", "1997-12-20", G.DAY),
    ("Results were published in May.", SAT_2022_01_15, "May", "2021-05", G.MONTH),
    ("Results are due in May.", SAT_2022_01_15, "May", "2022-05", G.MONTH),
    ("The rights expire Nov. 21.", THU_1989_10_26, "Nov. 21", "1989-11-21", G.DAY),
    ("The deal will close in March.", SAT_2022_01_15, "March", "2022-03", G.MONTH),
    ("The vote is expected on March 28.", datetime(2013, 3, 20), "March 28", "2013-03-28", G.DAY),
    ("A final vote could come in April.", datetime(2013, 3, 20), "April", "2013-04", G.MONTH),
    ("The company said it expanded in April.", datetime(2013, 3, 20), "April", "2012-04", G.MONTH),
    # tense picks the year only near the publication date; a date most of a year away is the
    # near one ("until Nov. 2" in a mid-November story is this year's)
    ("Until Nov. 2, the fund had gained 4%.", datetime(2021, 11, 10), "Nov. 2", "2021-11-02", G.DAY),
    ("Orders for December delivery fell, it said.", datetime(2021, 11, 20), "December", "2021-12", G.MONTH),
    # within the publication year a month needs no year, so tense places it however far
    ("Between January and October, exports surpassed imports.", datetime(2006, 11, 22), "January", "2006-01", G.MONTH),
    ("In November the new plant will open.", datetime(2013, 1, 10), "November", "2013-11", G.MONTH),
    ("Australia play Brazil on June 18 while Japan will meet them later.", datetime(2005, 12, 10), "June 18", "2006-06-18", G.DAY),
    ("The fire broke out on June 12, officials said.", datetime(2005, 12, 10), "June 12", "2005-06-12", G.DAY),
    ("It shows escalating violence since the bombing of a shrine in Samarra in February.", datetime(2006, 11, 1), "February", "2006-02", G.MONTH),
    ("It had been due to expire Friday evening.", datetime(1989, 10, 30), "Friday evening", "1989-10-27TEV", G.TIME),
    # relative units
    ("Prices rose last year.", SAT_2022_01_15, "last year", "2021", G.YEAR),
    ("Prices rose this week.", SAT_2022_01_15, "this week", "2022-W02", G.WEEK),
    ("Prices will rise next month.", SAT_2022_01_15, "next month", "2022-02", G.MONTH),
    ("It fell two years ago.", SAT_2022_01_15, "two years ago", "2020", G.YEAR),
    ("It fell three days ago.", SAT_2022_01_15, "three days ago", "2022-01-12", G.DAY),
    ("It fell a month ago.", SAT_2022_01_15, "a month ago", "2021-12", G.MONTH),
    ("Sales rose earlier this year.", SAT_2022_01_15, "earlier this year", "2022", G.YEAR),
    ("Sales rose last summer.", SAT_2022_01_15, "last summer", "2021-SU", G.SEASON),
    ("Elections are due this fall.", datetime(2013, 3, 22), "this fall", "2013-FA", G.SEASON),
    ("Snow fell this winter.", SAT_2022_01_15, "this winter", "2022-WI", G.SEASON),  # Dec-Feb
    ("Sales fell this summer.", datetime(2013, 10, 2), "this summer", "2013-SU", G.SEASON),
    ("Sales rose in the summer of 1998.", SAT_2022_01_15, "the summer of 1998", "1998-SU", G.SEASON),
    # quarters, halves, decades, centuries
    ("Profit rose in the third quarter.", THU_1989_10_26, "the third quarter", "1989-Q3", G.QUARTER),
    ("Third-quarter profit rose.", THU_1989_10_26, "Third-quarter", "1989-Q3", G.QUARTER),
    ("Profit rose in Q3 2021.", SAT_2022_01_15, "Q3 2021", "2021-Q3", G.QUARTER),
    ("Profit rose in 3Q 2021.", SAT_2022_01_15, "3Q 2021", "2021-Q3", G.QUARTER),
    ("Profit rose in fiscal 2021 third quarter.", SAT_2022_01_15, "fiscal 2021 third quarter", "2021-Q3", G.QUARTER),
    ("Profit rose in H1 2021.", SAT_2022_01_15, "H1 2021", "2021-H1", G.HALF),
    ("Profit rose in the fourth quarter of 2020.", SAT_2022_01_15, "the fourth quarter of 2020", "2020-Q4", G.QUARTER),
    ("Profit rose in the first half of 2021.", SAT_2022_01_15, "the first half of 2021", "2021-H1", G.HALF),
    ("Profit rose in the late 1990s.", SAT_2022_01_15, "the late 1990s", "199X", G.DECADE),
    ("It was built in the 20th century.", SAT_2022_01_15, "the 20th century", "19", G.CENTURY),
    ("It was built in fiscal 1989.", THU_1989_10_26, "fiscal 1989", "1989", G.YEAR),
    ("Problems expected in the year 2000.", THU_1998_02_12, "the year 2000", "2000", G.YEAR),
    ("Bids are due around Nov. 1.", THU_1989_10_26, "around Nov. 1", "1989-11-01", G.DAY),
    # named days
    ("Shops were shut on Christmas Eve.", SAT_2022_01_15, "Christmas Eve", "2021-12-24", G.DAY),
    ("He will be back by Easter.", SAT_2022_01_15, "Easter", "2022-04-17", G.DAY),
    ("It was signed on Thanksgiving Day 1997.", SAT_2022_01_15, "Thanksgiving Day 1997", "1997-11-27", G.DAY),
    # times of day
    ("The blast came at 3 p.m. Friday.", SAT_2022_01_15, "3 p.m. Friday", "2022-01-14T15:00", G.TIME),
    ("They met at 10:30 a.m.", SAT_2022_01_15, "10:30 a.m.", "2022-01-15T10:30", G.TIME),
    ("They met at noon.", SAT_2022_01_15, "noon", "2022-01-15T12:00", G.TIME),
    ("Trading resumes at 2 p.m. ET.", SAT_2022_01_15, "2 p.m. ET", "2022-01-15T14:00", G.TIME),
    # business news conventions
    ("Profit for the quarter ended Sept. 30 rose from a year earlier.", THU_1989_10_26, "a year earlier", "1988-Q3", G.QUARTER),
    ("Sales in the year ended March 31 were flat.", THU_1989_10_26, "the year", "P1Y", G.NONE),
]  # fmt: skip


@pytest.mark.parametrize("text,published,span,value,gran", TABLE)
def test_dates(text, published, span, value, gran):
    e = one(text, published, span)
    assert (e.value, e.granularity) == (value, gran)


WED_1998_08_12 = datetime(1998, 8, 12, 10, 30)
RANGES_AND_CUES = [
    # (text, published, span, value): rules added for value F1 on unseen news
    ("He ruled from January to March.", WED_1998_08_12, "March", "1998-03"),
    ("Rates fell between March and May.", datetime(2013, 3, 22), "May", "2013-05"),
    ("He was born in the ’60s.", datetime(2013, 3, 22), "the ’60s", "196X"),
    ("The '10s were calm.", datetime(2013, 3, 22), "The '10s", "201X"),
    ("It happened in ’98.", datetime(2013, 3, 22), "’98", "1998"),
    ("It grew fast in the 90s.", datetime(2013, 3, 22), "the 90s", "199X"),
    ("It happens the day after tomorrow.", datetime(2013, 3, 22), "the day after tomorrow", "2013-03-24"),
    ("They meet Friday next week.", datetime(2013, 3, 22), "Friday next week", "2013-03-29"),
    ("It happened on the first of May.", datetime(2013, 3, 22), "the first of May", "2012-05-01"),
    ("Rent was due the twenty-ninth of February, 2012.", datetime(2013, 3, 22), "the twenty-ninth of February, 2012", "2012-02-29"),
    ("It happened at 1600 GMT.", datetime(2013, 3, 22), "1600 GMT", "2013-03-22T16:00"),
    ("The blast hit at 0930 GMT Friday.", datetime(2013, 3, 22), "0930 GMT Friday", "2013-03-22T09:30"),
    ("It happened on 3 September.", datetime(2013, 3, 22), "3 September", "2012-09-03"),  # not the full stop
    ("This winter was the coldest in decades.", datetime(2013, 3, 22), "This winter", "2013-WI"),
    ("They will protest this summer.", datetime(2013, 3, 22), "this summer", "2013-SU"),
    ("The company will close the deal Feb. 15.", datetime(2013, 3, 22), "Feb. 15", "2014-02-15"),
    ("Overnight losses in New York hurt.", datetime(2013, 3, 22), "Overnight", "2013-03-21TNI"),
    ("In the 90s crime was high.", datetime(2013, 3, 22), "the 90s", "199X"),
    ("In Q3 sales fell.", datetime(2013, 3, 22), "Q3", "2012-Q3"),
    ("The fair ran March 11-15, 2012.", datetime(2013, 3, 22), "March 11", "2012-03-11"),
    ("The fair ran March 11-15, 2012.", datetime(2013, 3, 22), "15", "2012-03-15"),
    # ranges sharing a month or a year: each end is its own expression, as TimeML tags them
    ("The fair runs March 11-15.", datetime(2013, 3, 22), "15", "2013-03-15"),
    ("It ran from Aug. 3 to 6.", datetime(2013, 3, 22), "6", "2012-08-06"),
    ("The showdown is March 9-14 in St. Louis.", datetime(2013, 3, 22), "14", "2013-03-14"),
    ("Levy will be in Ankara on April 8 and 9, officials said.", datetime(1997, 4, 3), "9", "1997-04-09"),
    ("Two bodies were found on December 2 and 9 respectively.", datetime(2006, 12, 13), "9", "2006-12-09"),
    ("Since autumn this year, four cases were found.", datetime(2005, 11, 4), "autumn this year", "2005-FA"),
    ("The plant exploded on Nov. 13 last year.", datetime(2006, 11, 24), "Nov. 13 last year", "2005-11-13"),
    ("It happened on 13 November last year.", datetime(2006, 11, 24), "13 November last year", "2005-11-13"),
    ("Leaders arrived for a summit due to open Saturday.", datetime(2006, 11, 3), "Saturday", "2006-11-04"),
    ("Korean Air suffered a net loss in the second quarter to June.", datetime(2005, 12, 7), "June", "2005-06"),
    ("The deal could be unveiled as early as Tuesday.", datetime(2006, 12, 11), "Tuesday", "2006-12-12"),
    ("He will examine failures in the 34-day summer war.", datetime(2006, 12, 29), "summer", "2006-SU"),
    ("They will meet in the summer months.", datetime(2006, 12, 29), "the summer", "2007-SU"),
    # a reporting verb dates the report, not the act: it moves no month across the year
    ("A new meeting at the end of January is possible, the minister said.", datetime(2006, 12, 20), "the end of January", "2007-01"),
    ("The firm announced a plan to list its shares in January.", datetime(1989, 11, 2), "January", "1990-01"),
    ("Exports rose in January, the ministry said.", datetime(2006, 12, 20), "January", "2006-01"),
    ("A new meeting on Jan. 25 is possible, the minister said.", datetime(2006, 12, 20), "Jan. 25", "2007-01-25"),
    ("Exports rose on Jan. 25, the ministry said.", datetime(2006, 12, 20), "Jan. 25", "2006-01-25"),
    # the nearer tense cue wins: a past verb after "will" dates its own clause
    ("He said the Nikkei will be around 19,200 points scored in late February.", datetime(1997, 4, 30), "late February", "1997-02"),
    ("He will meet officials who arrived on Monday.", datetime(1997, 4, 30), "Monday", "1997-04-28"),
    ("The plan will probably be approved on Monday.", datetime(1997, 4, 30), "Monday", "1997-05-05"),
    ("The work will have finished by Friday.", datetime(1997, 4, 30), "Friday", "1997-05-02"),
    ("It will redeem the preferred shares on Oct. 31.", datetime(1997, 4, 30), "Oct. 31", "1997-10-31"),
    # a day a change is measured from is not the clock time's day
    ("Stocks gained 307 points from Monday to stand at 18,978 at 10 a.m.", datetime(1997, 4, 30), "10 a.m.", "1997-04-30T10:00"),
    ("The quake struck on Monday at 10 a.m. local time.", datetime(1997, 4, 30), "10 a.m. local time", "1997-04-28T10:00"),
    # a holiday: the sentence's tense moves it only within reach; "last"/"next" are its own
    ("The streets were empty during the busy Christmas party season.", datetime(2006, 12, 13), "Christmas", "2006-12-25"),
    ("The war ended at Christmas.", datetime(2006, 12, 13), "Christmas", "2005-12-25"),
    ("He spent last Christmas in jail.", datetime(2006, 12, 13), "last Christmas", "2005-12-25"),
    ("Next Easter we travel.", datetime(2006, 12, 13), "Next Easter", "2007-04-08"),
    # a weekday after "last/next <weekday> and" follows it
    ("Talks are set for next Monday and Tuesday.", datetime(2006, 11, 14), "Tuesday", "2006-11-21"),
    ("Sales rose 10 percent in the first half.", datetime(2005, 11, 27), "the first half", "2005-H1"),
    # "the weekend" with no tense: the nearer one
    ("The match is at the weekend.", datetime(2013, 7, 11), "the weekend", "2013-W28-WE"),
    ("The match is at the weekend.", datetime(2013, 7, 9), "the weekend", "2013-W27-WE"),
    ("Police were busy over the weekend.", datetime(2013, 7, 11), "the weekend", "2013-W27-WE"),
    # a range's opening day takes the year written at its end
    ("The expo will be held from May 1 to October 31, 2010, in Shanghai.", datetime(2005, 11, 28), "May 1", "2010-05-01"),
    ("The season runs from Nov. 1 to Feb. 28, 2010.", datetime(2005, 11, 28), "Nov. 1", "2009-11-01"),
    # review: an adverb or copula between "will" and a participle keeps the future
    ("The company will be fully privatised in March.", datetime(2006, 11, 15), "March", "2007-03"),
    ("The bridge will remain closed on Dec. 20.", datetime(2006, 11, 15), "Dec. 20", "2006-12-20"),
    # a "from" well before the day does not make it a base day
    ("A delegation from Iraq arrived Monday and met him at 10 a.m.", datetime(2006, 11, 15), "10 a.m.", "2006-11-13T10:00"),
    # a weekday earlier in the week than "last Friday" is not pushed into next week
    ("The talks were held last Friday and Thursday.", datetime(2006, 11, 15), "Thursday", "2006-11-09"),
    # a half in business English that happens to use "match" or "kick"
    ("Earnings should match forecasts in the second half.", datetime(2006, 11, 15), "the second half", "2006-H2"),
    # a present-tense verb before a weekday in a sentence with no tense cue: scheduled
    ("Most areas of the United States shift Sunday to daylight saving time.", datetime(1997, 4, 5), "Sunday", "1997-04-06"),
    ("The team plays Monday against Chile.", datetime(1997, 4, 5), "Monday", "1997-04-07"),
    ("The team played Monday against Chile.", datetime(1997, 4, 5), "Monday", "1997-03-31"),
    ("Defense Secretary Cohen flies into Tokyo on Monday.", datetime(1997, 4, 6), "Monday", "1997-04-07"),
    ("Police are investigating the attack on Monday.", datetime(1997, 4, 6), "Monday", "1997-03-31"),
    ("The talks are on Monday.", datetime(1997, 4, 6), "Monday", "1997-04-07"),
    # "following" without "the" is a preposition, not part of the day
    ("Calm has returned to Monrovia following Friday's demonstration.", datetime(2005, 11, 12), "Friday", "2005-11-11"),
    ("They expect to start in the first quarter of the next year.", datetime(2005, 11, 30), "the first quarter of the next year", "2006-Q1"),
    # "later that day" is anaphoric
    ("Troops entered the city on April 30, 1975. Later that day Saigon fell.", datetime(1997, 4, 8), "Later that day", "1975-04-30"),
    # review 2: the scheduled present, with a reporting verb; not plural nouns, not "IS"
    ("The vote is on Sunday, officials said.", datetime(2024, 3, 13), "Sunday", "2024-03-17"),
    ("Heads of state gather Monday in Paris.", datetime(2024, 3, 13), "Monday", "2024-03-11"),
    ("Bomb attack by IS Monday kills 20.", datetime(2024, 3, 13), "Monday", "2024-03-11"),
    # "the next year" counts from a year just named
    ("In 2015, the company said it would list in the first quarter of the next year.", datetime(2024, 3, 13), "the first quarter of the next year", "2016-Q1"),
    # "on Friday and Saturday": the second day follows the first, unless that puts a past pair
    # in the future
    ("The summit is on Friday and Saturday.", datetime(1997, 4, 4), "Saturday", "1997-04-05"),
    ("Police raided homes on Friday and Saturday.", datetime(1997, 4, 4), "Friday", "1997-03-28"),
    ("Police raided homes on Friday and Saturday.", datetime(1997, 4, 4), "Saturday", "1997-03-29"),
    ("Polls open on Saturday and Sunday, the commission said.", datetime(1997, 4, 4), "Sunday", "1997-04-06"),
    ("The vote is on Sunday and Monday.", datetime(1997, 4, 4), "Monday", "1997-04-07"),
    ("The summit is on Friday night and Saturday.", datetime(1997, 4, 4), "Saturday", "1997-04-05"),
    # a past verb right after the date is its own clause's ("and on Monday criticised")
    ("Clark said it will be difficult and on Monday criticised the proceedings.", datetime(2005, 12, 6), "Monday", "2005-12-05"),
    ("Elections will be held Sunday followed by a runoff.", datetime(2005, 12, 6), "Sunday", "2005-12-11"),
    # ... only where the date opens its clause ("and on Monday criticised")
    ("Ministers will meet Monday determined to reach a deal.", datetime(2022, 1, 19), "Monday", "2022-01-24"),
    ("Lawmakers will hold a Thursday closed-door session.", datetime(2022, 1, 17), "Thursday", "2022-01-20"),
    ("Growth will slow in the fourth quarter weighed down by energy costs.", datetime(2022, 8, 10), "the fourth quarter", "2022-Q4"),
    # a season naming a thing, or with only "said" for tense: the nearer one
    ("Stocks eased fears of tight winter supplies.", datetime(2005, 11, 12), "winter", "2006-WI"),
    ("The onset of winter threatens lives, the UN said.", datetime(2005, 11, 29), "winter", "2006-WI"),
    # abbreviated units and "Xmas"
    ("The talks lasted 30 mins and the break 2 hrs.", datetime(2013, 7, 10), "30 mins", "PT30M"),
    ("The talks lasted 30 mins and the break 2 hrs.", datetime(2013, 7, 10), "2 hrs", "PT2H"),
    ("Shops close at Xmas.", datetime(2013, 7, 10), "Xmas", "2013-12-25"),
    ("The WTO meets on December 13-18 ministerial level.", datetime(2005, 12, 4), "18", "2005-12-18"),
    # no space after a month's abbreviating dot (wire style)
    ("Israel completed its withdrawal from Gaza on Sept.12.", datetime(2005, 11, 10), "Sept.12", "2005-09-12"),
    ("It happened on Oct.29, 2004 in Delhi.", datetime(2005, 11, 13), "Oct.29, 2004", "2004-10-29"),
    # a year as a clause's subject; 'the May/March' before an event
    ('"2007 is a very critical year," he said.', datetime(2006, 12, 22), "2007", "2007"),
    ("He vowed to win the March general elections.", datetime(2005, 11, 30), "March", "2006-03"),
    # a bare season: a word that starts no noun compound names nothing ("the winter regardless")
    ("Mines will resume production in the winter regardless of the risk.", datetime(2006, 11, 14), "the winter", "2007-WI"),
    # no tense: the nearer of the last and the next ("Winter is hell" said in mid-November)
    ("Winter is hell for miners.", datetime(2006, 11, 14), "Winter", "2007-WI"),
    ("Winter is hell for miners.", datetime(2006, 3, 20), "Winter", "2006-WI"),
    ("The resort opened in the winter.", datetime(2006, 11, 14), "the winter", "2006-WI"),
    ("Sales dipped in the fall of last year.", datetime(2005, 11, 4), "the fall of last year", "2004-FA"),
    ("Sales showed a sharp fall last year.", datetime(2005, 11, 4), "last year", "2004"),
    ("By Tuesday noon the fire was out.", datetime(2013, 3, 22), "Tuesday noon", "2013-03-19T12:00"),
    ("Profit fell from the year-ago third quarter.", datetime(1989, 10, 30), "the year-ago third quarter", "1988-Q3"),
    ("Sales slowed in the last half of 1989.", datetime(1989, 10, 30), "the last half of 1989", "1989-H2"),
    ("Sales slowed in the latter half of the year.", datetime(1989, 10, 30), "the latter half of the year", "1989-H2"),
    ("Rates will stay low for the next couple of years.", datetime(1989, 10, 30), "the next couple of years", "P2Y"),
    ("Talks end tomorrow midnight.", datetime(2013, 3, 22), "tomorrow midnight", "2013-03-23T24:00"),
    ("It runs 3 to 6 May.", datetime(2013, 3, 22), "3", "2013-05-03"),
    ("Sales fell in May and June 2011.", datetime(2013, 3, 22), "May", "2011-05"),
    ("It opened at 10:30:34 a.m.", datetime(2013, 3, 22), "10:30:34 a.m.", "2013-03-22T10:30:34"),
    ("It began the morning of April 18, 1775.", datetime(2013, 3, 22), "the morning of April 18, 1775", "1775-04-18TMO"),
    ("The talks began on April 18.", datetime(2013, 3, 22), "April 18", "2012-04-18"),  # past verb
    ("It fell in Q3.", datetime(2013, 3, 22), "Q3", "2012-Q3"),
    ("It will rise in Q3.", datetime(2013, 3, 22), "Q3", "2013-Q3"),
    ("The law took effect on 21/03/2013.", WED_1998_08_12, "21/03/2013", "2013-03-21"),
    ("The law took effect on 21.03.2013.", WED_1998_08_12, "21.03.2013", "2013-03-21"),
    ("The law took effect on 3.4.2013.", WED_1998_08_12, "3.4.2013", "2013-04-03"),
    ("Asian markets fell overnight.", WED_1998_08_12, "overnight", "1998-08-11TNI"),
    ("The dollar slipped Tuesday. It closed at 118 in New York late Monday. It pared gains overnight.", datetime(2006, 12, 19), "overnight", "2006-12-18TNI"),
    ("London shares closed lower Friday. They were depressed by overnight losses in New York.", datetime(1989, 10, 30), "overnight", "1989-10-26TNI"),
    ("Violence that has plagued the suburbs since Thursday spread overnight, officials said Wednesday.", datetime(2005, 11, 2), "overnight", "2005-11-01TNI"),
    ("GM lost money in the July-to-September quarter.", datetime(2006, 11, 7), "July", "2006-07"),
    ("The ANC took power 11 years ago. He was tasked to report for the next weekend's meeting.", datetime(2005, 11, 14), "the next weekend", "2005-W47-WE"),
    ("Crews will work overnight to fix it.", WED_1998_08_12, "overnight", "1998-08-12TNI"),
    ("On Monday, shares slid after overnight losses.", WED_1998_08_12, "overnight", "1998-08-09TNI"),
    ("The talks lasted from Aug. 1 to Aug. 10.", WED_1998_08_12, "Aug. 10", "1998-08-10"),
    ("The season runs from November to February.", WED_1998_08_12, "February", "1999-02"),
    ("The summit ends on Sunday.", WED_1998_08_12, "Sunday", "1998-08-16"),
    ("The summit ended on Sunday.", WED_1998_08_12, "Sunday", "1998-08-09"),
    ("He and Arafat meet separately Monday with Albright.", WED_1998_08_12, "Monday", "1998-08-17"),
    ("At midnight Saturday the deadline expires.", WED_1998_08_12, "midnight Saturday", "1998-08-15T24:00"),
    ("Families kept secrets for more than two thousand years.", WED_1998_08_12, "more than two thousand years", "P2000Y"),
    ("The empire lasted 2,000 years.", WED_1998_08_12, "2,000 years", "P2000Y"),
    ("It took two hundred years.", WED_1998_08_12, "two hundred years", "P200Y"),
    ("It lasted for thousands of years.", WED_1998_08_12, "thousands of years", "PXY"),
    ("That was in nineteen ninety-four.", WED_1998_08_12, "nineteen ninety-four", "1994"),
    ("Islam will one day be the second largest religion.", WED_1998_08_12, "one day", "FUTURE_REF"),
    ("Someday we will win.", WED_1998_08_12, "Someday", "FUTURE_REF"),
    ("Some day, we may go back.", WED_1998_08_12, "Some day", "FUTURE_REF"),
    ("The talks will last one day.", WED_1998_08_12, "one day", "P1D"),
    ("Collins will be named commander of the shuttle for a mission in December.", datetime(1998, 3, 4), "December", "1998-12"),
    ("Collins was named commander of the shuttle for a mission in December.", datetime(1998, 3, 4), "December", "1997-12"),
    ("Talks broke off Monday and will resume next month.", WED_1998_08_12, "Monday", "1998-08-10"),
    ("Elian has been in Miami since November.", WED_1998_08_12, "November", "1997-11"),
    ("The rebels fled Sunday and will regroup later.", WED_1998_08_12, "Sunday", "1998-08-09"),
    ("On Aug. 7 the bombs went off. That night, rescuers came.", WED_1998_08_12, "That night", "1998-08-07TNI"),
    ("On Aug. 7 the bombs went off. The next morning, rescuers came.", WED_1998_08_12, "The next morning", "1998-08-08TMO"),
    ("On Aug. 7 the bombs went off. The previous evening, he left.", WED_1998_08_12, "The previous evening", "1998-08-06TEV"),
    ("He left in 1990. Two years later, he died.", WED_1998_08_12, "Two years later", "1992"),
    ("The plan was announced in March. A month later, it failed.", WED_1998_08_12, "A month later", "1998-04"),
    ("The plan was announced in March. A month earlier, he had quit.", WED_1998_08_12, "A month earlier", "1998-02"),
    ("The bomb exploded at 10:30 a.m. (0730 GMT) Friday.", WED_1998_08_12, "10:30 a.m.", "1998-08-07T10:30"),
    ("It exploded at 10:30 a.m. local time (0730 GMT) on Friday.", WED_1998_08_12, "10:30 a.m. local time", "1998-08-07T10:30"),
    ("On Friday, at 10:30 a.m., the bomb exploded.", WED_1998_08_12, "10:30 a.m.", "1998-08-07T10:30"),
    ("Polling stations are open from 07:00 to 16:00 local time.", WED_1998_08_12, "16:00", "1998-08-12T16:00"),
    ("The blast occurred at 6:40 p.m. at the colliery in Linfen on Sunday.", WED_1998_08_12, "6:40 p.m.", "1998-08-09T18:40"),
    ("The blast was at 3 p.m. and on Monday rescuers arrived.", WED_1998_08_12, "3 p.m.", "1998-08-12T15:00"),
    ("Yesterday, at 3 p.m., he left.", WED_1998_08_12, "3 p.m.", "1998-08-11T15:00"),
    ("The bomb exploded at 10:30 a.m. Police came.", WED_1998_08_12, "10:30 a.m.", "1998-08-12T10:30"),
    ("Net rose in the third quarter. There were no gains in the latest period.", THU_1989_10_26, "the latest period", "1989-Q3"),
    ("There were no one-time gains in the latest period.", THU_1989_10_26, "the latest period", "1989-Q3"),
    ("The hearing was set for Jan. 21 at 9 a.m.", datetime(2000, 1, 7), "Jan. 21", "2000-01-21"),
    ("The index fell from its record high set on Aug. 6.", THU_1998_02_12, "Aug. 6", "1997-08-06"),
    ("He came in 1985. The next year, he opened a store.", datetime(2000, 1, 7), "The next year", "1986"),
    ("He said next year would be hard.", datetime(2000, 1, 7), "next year", "2001"),
    ("The summer was hot.", datetime(2000, 1, 7), "The summer", "1999-SU"),
    ("The summer was hot.", THU_1998_02_12, "The summer", "1997-SU"),
    ("The winter was cold.", THU_1998_02_12, "The winter", "1998-WI"),
    ("The talks will resume in the spring.", THU_1998_02_12, "the spring", "1998-SP"),
    ("Next winter will be cold.", datetime(1998, 12, 20), "Next winter", "2000-WI"),
    ("This winter will be cold.", WED_1998_08_12, "This winter", "1999-WI"),
    ("He moved to Miami in 1985. The year before, he had married.", datetime(2000, 1, 7), "The year before", "1984"),
    ("The strike began in March 1985. The month after, it ended.", datetime(2000, 1, 7), "The month after", "1985-04"),
    ("By the end of the century, the population will double.", WED_1998_08_12, "the end of the century", "19"),
    ("By the end of the decade, prices will double.", WED_1998_08_12, "the end of the decade", "199X"),
    ("The report covers the months of June and July.", WED_1998_08_12, "June", "1998-06"),
    ("Cotton was king in the 1800s.", WED_1998_08_12, "the 1800s", "18"),
    ("The nation grew in the 1960s.", WED_1998_08_12, "the 1960s", "196X"),
    ("Over the years, many patients died.", WED_1998_08_12, "the years", "PXY"),
    ("In the first hours of the war, 500 were captured.", WED_1998_08_12, "the first hours", "PTXH"),
    ("You do not save many lives in the early years.", WED_1998_08_12, "the early years", "PXY"),
    ("Qantas has four flights a week.", WED_1998_08_12, "a week", "P1W"),
    ("He met two colleagues a week ago.", WED_1998_08_12, "a week ago", "1998-W32"),
    ("The attack came at midday Friday.", WED_1998_08_12, "midday Friday", "1998-08-07T12:00"),
    ("Voters will turn out on Election Day.", datetime(1998, 10, 26), "Election Day", "1998-11-03"),
    ("Stores were busy on Presidents' Day.", datetime(1998, 3, 2), "Presidents' Day", "1998-02-16"),
    ("Storms will hit Friday.", WED_1998_08_12, "Friday", "1998-08-14"),
    ("Storms hit Friday.", WED_1998_08_12, "Friday", "1998-08-07"),
    ("This past weekend, crowds gathered.", WED_1998_08_12, "This past weekend", "1998-W32-WE"),
    ("This past week was busy.", WED_1998_08_12, "This past week", "1998-W32"),
    ("By Friday, the toll had reached 200.", WED_1998_08_12, "Friday", "1998-08-07"),
    ("By Friday, the toll will reach 200.", WED_1998_08_12, "Friday", "1998-08-14"),
    ("The level we saw in the winter of nineteen ninety-four.", datetime(1998, 2, 23), "the winter of nineteen ninety-four", "1994-WI"),
    ("This Week, he left.", datetime(1990, 8, 13), "This Week", "1990-W33"),
    ("By mid afternoon, officials said the operation was over.", datetime(1998, 3, 6), "mid afternoon", "1998-03-06TAF"),
    ("On Aug. 7, troops arrived in the late afternoon.", WED_1998_08_12, "the late afternoon", "1998-08-07TAF"),
    ("In London at mid-afternoon yesterday, shares fell.", THU_1989_10_26, "mid-afternoon yesterday", "1989-10-25TAF"),
    ("He probably died within weeks or months of his capture.", WED_1998_08_12, "weeks or months", "PXW"),
    ("The talks could take days or weeks.", WED_1998_08_12, "days or weeks", "PXD"),
    ("A revision Friday to December's figures.", THU_1998_02_12, "December", "1997-12"),
]  # fmt: skip


@pytest.mark.parametrize("text,published,span,value", RANGES_AND_CUES)
def test_ranges_and_cues(text, published, span, value):
    assert one(text, published, span).value == value


def test_counted_rate_is_a_set():
    assert one("Qantas has four flights a week.", WED_1998_08_12, "a week").type is TimexType.SET


NON_CALENDAR = [
    ("The war lasted three years.", "three years", "P3Y", TimexType.DURATION),
    ("a five-year plan", "five-year", "P5Y", TimexType.DURATION),
    ("over the past three months", "the past three months", "P3M", TimexType.DURATION),
    ("It took about two weeks.", "about two weeks", "P2W", TimexType.DURATION),
    ("He won in 1 hour 26 minutes and 43 seconds.", "1 hour 26 minutes and 43 seconds", "PT1H26M43S", TimexType.DURATION),
    ("He served two years and three months.", "two years and three months", "P2Y3M", TimexType.DURATION),
    ("It took 3 hours, 20 minutes.", "3 hours, 20 minutes", "PT3H20M", TimexType.DURATION),
    ("They met three days and two years apart.", "three days", "P3D", TimexType.DURATION),
    ("the last 24 hours", "the last 24 hours", "PT24H", TimexType.DURATION),
    ("They meet every week.", "every week", "P1W", TimexType.SET),
    ("They meet each Friday.", "each Friday", "XXXX-WXX-5", TimexType.SET),
    ("The paper appears daily.", "daily", "P1D", TimexType.SET),
    ("Costs rose daily, and so did the toll.", "daily", "P1D", TimexType.SET),
    ("It earns $5 million a year.", "a year", "P1Y", TimexType.SET),
    ("The threshold rose to 1,600 yuan a month.", "a month", "P1M", TimexType.SET),
    ("Prices may swing in the weeks ahead.", "the weeks ahead", "PXW", TimexType.DURATION),
    ("They organized protests in the following days.", "the following days", "PXD", TimexType.DURATION),
    ("Margins fell in recent quarters.", "recent quarters", "PXQ", TimexType.DURATION),
    ("The new four-year-term parliament meets.", "four-year", "P4Y", TimexType.DURATION),
    ("Income rose in the first three quarters of this year.", "the first three quarters", "P3Q", TimexType.DURATION),
    ("They moved in 2001, a year after the war.", "a year", "P1Y", TimexType.DURATION),
    ("Prices are currently high.", "currently", "PRESENT_REF", TimexType.DATE),
    ("He recently resigned.", "recently", "PAST_REF", TimexType.DATE),
    ("It will change in the future.", "the future", "FUTURE_REF", TimexType.DATE),
    ("It happened several years ago.", "several years ago", "PAST_REF", TimexType.DATE),
    ("They waited half an hour.", "half an hour", "PT30M", TimexType.DURATION),
    ("They meet Monday afternoons.", "Monday afternoons", "XXXX-WXX-1TAF", TimexType.SET),
    ("It lasted half a century.", "half a century", "P50Y", TimexType.DURATION),
    ("Poverty fell over the past half century.", "the past half century", "P50Y", TimexType.DURATION),
    ("The first half-hour was calm.", "The first half-hour", "PT30M", TimexType.DURATION),
    ("Leaders met to end the decade-long war.", "decade-long", "P10Y", TimexType.DURATION),
    ("He spent six and half years in a prison camp.", "six and half years", "P6Y6M", TimexType.DURATION),
    ("Authorities spent hours retrieving the bodies.", "hours", "PTXH", TimexType.DURATION),
    ("One day the boy went missing and police could not find him.", "One day", "P1D", TimexType.DURATION),
    ("She will be president one day.", "one day", "FUTURE_REF", TimexType.DATE),
    ("The festival will last one day.", "one day", "P1D", TimexType.DURATION),
    ("Major had only been in the job one day, he would say.", "one day", "P1D", TimexType.DURATION),
    ("Consumers buy a new handset every six to 12 months.", "every six to 12 months", "P6M", TimexType.SET),
    ("Three Weeks After The Storm, Aid Arrives", "Three Weeks", "P3W", TimexType.DURATION),
    ("In the early hours of the war, Baghdad was bombed.", "the early hours", "PTXH", TimexType.DURATION),
    ("They resolved a months-long standoff.", "a months-long", "PXM", TimexType.DURATION),
    ("Elections for the next five-year term will be held.", "five-year", "P5Y", TimexType.DURATION),
    ("Poverty fell over the past half-century.", "the past half-century", "P50Y", TimexType.DURATION),
    ('"One day in the not too distant future we will see justice," he said.', "One day", "FUTURE_REF", TimexType.DATE),
    ('"One day in the not too distant future we will see justice," he said.', "the not too distant future", "FUTURE_REF", TimexType.DATE),
    ("The bank issues a twice-yearly forecast.", "twice-yearly", "P1Y", TimexType.SET),
    ("The country's year-long drought ended.", "year-long", "P1Y", TimexType.DURATION),
    ("One day the debris around it could evolve into planets.", "One day", "FUTURE_REF", TimexType.DATE),
    ("One day of talks will follow.", "One day", "P1D", TimexType.DURATION),
    ("The partnership must be strengthened in future.", "future", "FUTURE_REF", TimexType.DATE),
    ("Months later, he resigned.", "Months", "PXM", TimexType.DURATION),
    ("It sank within seconds.", "seconds", "PTXS", TimexType.DURATION),
]  # fmt: skip


@pytest.mark.parametrize("text,span,value,typ", NON_CALENDAR)
def test_durations_sets_refs(text, span, value, typ):
    e = one(text, THU_1998_02_12, span)
    assert (e.value, e.type) == (value, typ)


NOT_DATES = [
    "Israel has held the land since the Six-Day War.",
    "The Hundred Years War was fought in France.",
    "The range (1200-1900) is wide.",
    "The index stayed in a narrow band (1850-1900).",
    "Shares of Samsung Electronics (1200-1600) were mixed.",
    "The Sunday Times reported that talks failed.",
    "He told Sunday Telegraph readers that talks failed.",
    "Shortly thereafter, the group declared the war lost.",
    "Between 1500-2000 people came.",
    "The quake left 600 dead and 1400 injured.",  # "in" of "injured" is no "in"
    "Exports rose, local daily The Bangladesh Observer reported.",  # a newspaper
    "About 2000 had fled the fighting, officials said.",  # a count
    "The May government budget was cut.",  # 'the May' before no event
    "Yakubu scored a second-half penalty to earn a 2-2 draw.",  # the match's half
    "A passer-by spotted the body shortly afterwards.",  # a relation, not the future
    "The May government fell.",  # 'the May' before no event
    "The March on Washington was huge.",
    'Baker, speaking on ABC News\' "This Week," said it.',
    "The blast occurred shortly after the meeting.",
    "The years passed.",
    "It was the trial of the century.",
    "The report covers the months of",
    "We said we would go. We agreed.",
    "Murder of Su-24 Pilot: Are Turkey, NATO responsible?",
    "Ukraine speaks of 115,000 Russian soldiers.",
    "only Ukraine and 30 allies can decide",
    "US to deliver US$200 million worth of radar systems",
    "They may decide to march on the capital.",
    "He skated at the Winter Olympics in Turin.",
    "The leading economic daily said so.",
    "Qatar's leading English daily The Peninsula reported it.",
    "She told the Mail on Sunday that she was afraid.",
    "According to the Sunday Times, investigators want to talk to him.",
    "Exports rose 12 percent, a year-on-year increment.",
    "They are managed on a day-to-day basis.",
    "He scored in the first half of the game.",
    "He was named player of the year.",
    "China will host the summer Olympics.",
    "Iraq imports about three-quarters of its food.",
    "The closure keeps tens of thousands of day laborers from jobs.",
    "Envoy Song Min-soon told reporters.",
    "The strain resists the six second-line drugs.",
    "The Corriere Della Sera daily described the situation.",
    "Hayden hit his first century of the series.",
    "They staged a year-round effort.",
    "He spoke at the Forum on the Future Economic Development of Guangdong.",
    "It grew in the last half of the decade.",
    "The move was reported by the weekly Der Spiegel.",
    "They stormed the Winter Palace.",
    "He scored 2000 points and 1500 rebounds.",
    "The 52-year-old minister and his 30-year-old aide.",
    "They painted easter eggs.",
    "They took an overnight flight to Paris.",
    "Version 3.4.2 was released.",
    "He said 'no' 12 times.",
    "Highs will be in the 90s.",
    "Rates rose 11-12 percent.",
    "He was the first of many.",
    "He was sentenced to 2000 hrs of community service.",
    "The road runs 1500 km to the coast.",
    "They imposed an overnight curfew.",
    "Change won't happen overnight.",
    "He became a star overnight.",
    "The Audi Q3 sold well.",
    "The stock fell into the 30s.",
    "He read a list of '10 reasons to leave'.",
    "Revenue was 1600 million.",
    "The tree is about 200 years older.",
    "The calf was several days old.",
    "She is in her 90s.",
    "The Q-tip and the QR code.",
    "He had already made his point; later, he left.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_traps_are_not_dates(text):
    assert find_expressions(text, SAT_2022_01_15) == []


def test_and_closes_a_day_range_only_at_a_phrase_end():
    """'April 8 and 9, officials said' names two days; 'April 7 and 9 people' one day."""
    found = find_expressions("On April 7 and 9 people died.", SAT_2022_01_15)
    assert [e.text for e in found] == ["April 7"]


def test_overnight_is_not_anchored_on_an_earlier_overnight():
    """Each 'overnight' of a story is the night before its day, not a night before the last."""
    text = "Riots spread overnight, officials said Wednesday. More cars burned overnight in Paris."
    found = find_expressions(text, datetime(2005, 11, 2))
    assert [e.value for e in found if e.text == "overnight"] == ["2005-11-01TNI"] * 2


def test_half_century_is_no_half_year():
    """'his second half century' counts fifties (of years or of runs), not the year's H2."""
    found = find_expressions("Silva made his second half century of the match.", SAT_2022_01_15)
    assert [e.value for e in found if e.value.endswith("H2")] == []


@pytest.mark.parametrize("text", ["the year 99999", "31 February", "Q5 2022", "x" * 200_000])
def test_odd_inputs_do_not_crash(text):
    for e in find_expressions(text, SAT_2022_01_15):
        assert e.start is None or e.end is None or e.start <= e.end


def test_tz_aware_publication_date_is_converted_to_the_configured_zone():
    late_evening_ny = datetime(2022, 1, 15, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    found = find_expressions("It rained yesterday.", late_evening_ny, Settings(timezone="UTC"))
    assert found[0].value == "2022-01-15"  # 04:30 UTC on the 16th


@pytest.mark.parametrize(
    "text,value",
    [
        ("on 12/24/2021", "2021-12-24"),
        ("Feb. 29, 2020", "2020-02-29"),
        ("June 31, 2021", "2021-06"),
    ],
)
def test_explicit_dates_are_validated(text, value):
    assert [e.value for e in find_expressions(text, SAT_2022_01_15)] == [value]


def test_tz_aware_publication_date_is_accepted():
    aware = datetime(2022, 1, 15, 7, 30, tzinfo=UTC)
    assert one("It rained yesterday.", aware, "yesterday").value == "2022-01-14"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab 19-Q3,.'/:") + ["May ", "Friday ", "the ", "last ",
       "year", "s ", "since ", "then ", "early ", "ago ", "2014", "31 ", "p.m. "])).map("".join),
       st.datetimes(min_value=datetime(1, 3, 1), max_value=datetime(9998, 10, 1)))  # fmt: skip
def test_never_raises_spans_inside_and_ordered(text, published):
    found = find_expressions(text, published)
    last_end = 0
    for e in found:
        assert last_end <= e.char_start < e.char_end <= len(text)
        assert text[e.char_start : e.char_end] == e.text
        assert e.start is None or e.end is None or e.start <= e.end
        last_end = e.char_end


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=300),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
)
def test_arbitrary_text_and_extreme_dates_never_raise(text, published):
    for e in find_expressions(text, published):
        assert 0 <= e.char_start < e.char_end <= len(text)
        assert e.start is None or e.end is None or e.start <= e.end


def test_trigger_windows_change_nothing(monkeypatch):
    """Rules run only near their trigger words; scanning everything must give the same."""
    import timeline.temporal as temporal
    from timeline.timeml import read_file, read_timeml

    texts = [read_timeml(read_file(p)).text for p in sorted(DATA_TIMEML.glob("*.tml"))] + [
        " ".join(row[0] for row in SEED_TABLE + TABLE) + " ".join(r[0] for r in NON_CALENDAR)
    ]
    windowed = [find_expressions(t, SAT_2022_01_15) for t in texts]
    monkeypatch.setattr(temporal, "windows_for", lambda spans, needs: [(0, 10**9)])
    assert [find_expressions(t, SAT_2022_01_15) for t in texts] == windowed


@pytest.mark.parametrize(
    "text,span",
    [
        ("On March 11, 15 people died.", "March 11"),
        ("From March 11 to 9 more came.", "March 11"),
        ("It ran Feb. 27-31.", "Feb. 27"),  # no 31 February
        ("Italy beat Spain 3-1 March 26.", "March 26"),  # a score, not a range
        ("The vote on March 3, 2013-14 passed.", "March 3, 2013"),  # a season, not days
    ],
)
def test_a_number_after_a_date_is_a_range_end_only_when_it_can_be(text, span):
    assert [e.text for e in find_expressions(text, datetime(2013, 3, 22))] == [span]

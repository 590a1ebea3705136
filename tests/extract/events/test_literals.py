import pytest

from sitrep.extract.events.literals import find_money, parse_count
from sitrep.extract.events.timeval import compare, overlaps


@pytest.mark.parametrize(("text", "amount", "currency", "mod"), [
    ("the $1Bln deal", 1e9, "USD", None),
    ("worth $1 billion", 1e9, "USD", None),
    ("more than a billion dollars", 1e9, "USD", "MORE_THAN"),
    ("a contract worth 2.5 bn euros", 2.5e9, "EUR", None),
    ("about £300 million", 3e8, "GBP", "APPROX"),
    ("up to 40 million roubles", 4e7, "RUB", "EQUAL_OR_LESS"),
])
def test_money_is_normalized(text: str, amount: float, currency: str, mod: str | None) -> None:
    found = find_money(text)
    assert len(found) == 1
    money = found[0].as_money()
    assert money == {"amount": amount, "currency": currency, "mod": mod}
    assert text[found[0].start:found[0].end] == found[0].text


@pytest.mark.parametrize(("text", "amount", "mod", "words"), [
    ("about 10", 10, "APPROX", "about 10"),
    ("200,000", 200000, None, "200,000"),
    ("at least 13", 13, "EQUAL_OR_MORE", "at least 13"),
    ("several dozen", None, None, "several dozen"),
    ("a", 1, None, "a"),
    ("two", 2, None, "two"),
    ("more than 3 million", 3e6, "MORE_THAN", "more than 3 million"),
])
def test_counts_keep_mod_and_words(text: str, amount: float | None, mod: str | None, words: str) -> None:
    count = parse_count(text)
    assert count is not None
    assert count.amount == amount and count.mod == mod and count.text == words


def test_no_count_in_plain_words() -> None:
    assert parse_count("the") is None
    assert find_money("no money here, 2025 troops") == []


def test_time_values_compare_as_intervals() -> None:
    assert not overlaps("2021-W36", "2021-10")
    assert overlaps("2021-09", "2021-09-12")
    assert compare("2021-11-04", "2021-09-13") == "after"
    assert compare("2020", "2021-09-13") == "before_year"
    assert compare("2021-W37", "2021-09-13") is None

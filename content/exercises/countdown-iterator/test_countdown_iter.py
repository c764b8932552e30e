import itertools

from countdown_iter import Countdown, take


def test_counts_down_to_one():
    assert list(Countdown(3)) == [3, 2, 1]


def test_zero_and_negative_give_nothing():
    assert list(Countdown(0)) == []
    assert list(Countdown(-2)) == []


def test_next_and_stop_iteration():
    c = Countdown(2)
    assert next(c) == 2
    assert next(c) == 1
    stopped = False
    try:
        next(c)
    except StopIteration:
        stopped = True
    assert stopped


def test_is_its_own_iterator_and_stays_used_up():
    c = Countdown(2)
    assert iter(c) is c
    assert list(c) == [2, 1]
    assert list(c) == []


def test_take_stops_early_and_works_on_endless_iterables():
    assert take(Countdown(10), 3) == [10, 9, 8]
    assert take("hi", 5) == ["h", "i"]
    assert take(itertools.count(), 4) == [0, 1, 2, 3]
    assert take([], 2) == []

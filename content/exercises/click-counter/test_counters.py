from counters import make_counter, make_limiter, make_tally


def test_counter_counts_up():
    likes = make_counter()
    assert likes() == 1
    assert likes() == 2


def test_counter_with_start_and_step():
    stars = make_counter(start=10, step=5)
    assert stars() == 15
    assert stars() == 20


def test_counters_are_independent():
    a = make_counter()
    b = make_counter()
    a()
    a()
    assert b() == 1
    assert a() == 3


def test_tally_shares_the_total():
    add, current = make_tally()
    assert current() == 0
    add(4)
    add(2.5)
    assert current() == 6.5


def test_tally_add_returns_nothing():
    add, _current = make_tally()
    assert add(1) is None


def test_limiter():
    allow = make_limiter(2)
    assert [allow(), allow(), allow(), allow()] == [True, True, False, False]


def test_limiter_zero_never_allows():
    allow = make_limiter(0)
    assert allow() is False

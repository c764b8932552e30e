from clock_face import clock_time, split_minutes


def test_split_hours_and_minutes():
    assert split_minutes(135) == (2, 15)


def test_split_less_than_an_hour():
    assert split_minutes(59) == (0, 59)


def test_split_exact_hours():
    assert split_minutes(180) == (3, 0)


def test_split_zero():
    assert split_minutes(0) == (0, 0)


def test_clock_pads_with_zeros():
    assert clock_time(545) == "09:05"


def test_clock_midnight():
    assert clock_time(0) == "00:00"


def test_clock_wraps_after_a_day():
    assert clock_time(1440) == "00:00"
    assert clock_time(1500) == "01:00"


def test_clock_negative_counts_back_from_midnight():
    assert clock_time(-30) == "23:30"

from leap import days_in_february, is_leap


def test_ordinary_year():
    assert is_leap(2023) is False


def test_divisible_by_four():
    assert is_leap(2024) is True


def test_century_is_not_leap():
    assert is_leap(1900) is False
    assert is_leap(2100) is False


def test_divisible_by_400_is_leap():
    assert is_leap(2000) is True
    assert is_leap(1600) is True


def test_days_in_february():
    assert days_in_february(2000) == 29
    assert days_in_february(2100) == 28
    assert days_in_february(2023) == 28

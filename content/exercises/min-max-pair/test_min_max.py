from min_max import min_max, temperature_range


def test_mixed_numbers():
    assert min_max([4, -2, 9, 0]) == (-2, 9)


def test_single_value():
    assert min_max([7]) == (7, 7)


def test_floats_and_repeats():
    assert min_max([2.5, 2.5, 1.0]) == (1.0, 2.5)


def test_result_is_a_tuple():
    assert type(min_max([1, 2])) is tuple


def test_empty_raises_value_error():
    try:
        min_max([])
    except ValueError:
        return
    raise AssertionError("min_max([]) should raise ValueError")


def test_temperature_range():
    assert temperature_range([12, 18, 9, 15]) == 9


def test_temperature_range_single_reading():
    assert temperature_range([3]) == 0

from squares import celsius_readings, squares_of_evens, word_lengths


def test_squares_of_evens():
    assert squares_of_evens([1, 2, 3, 4, 5, 6]) == [4, 16, 36]


def test_negative_and_zero_are_even():
    assert squares_of_evens([-2, 0, 7]) == [4, 0]


def test_no_evens():
    assert squares_of_evens([1, 3]) == []


def test_word_lengths_skip_blank():
    assert word_lengths(["tea", "", "biscuit", "  "]) == [3, 7]


def test_celsius_readings():
    assert celsius_readings([32, 212, 50]) == [0.0, 100.0, 10.0]


def test_celsius_rounding():
    assert celsius_readings([0]) == [-17.8]


def test_empty_inputs():
    assert squares_of_evens([]) == []
    assert word_lengths([]) == []
    assert celsius_readings([]) == []

from times_table import times_table


def test_three_by_three():
    assert times_table(3) == ["1 2 3", "2 4 6", "3 6 9"]


def test_two_digit_numbers_are_aligned():
    assert times_table(4) == [
        " 1  2  3  4",
        " 2  4  6  8",
        " 3  6  9 12",
        " 4  8 12 16",
    ]


def test_size_one():
    assert times_table(1) == ["1"]


def test_size_zero_is_empty():
    assert times_table(0) == []


def test_last_row_of_ten():
    assert times_table(10)[-1] == " 10  20  30  40  50  60  70  80  90 100"


def test_all_rows_have_the_same_length():
    lengths = {len(row) for row in times_table(7)}
    assert lengths == {20}

from chunks import chunk, rows_needed


def test_even_split():
    assert chunk([1, 2, 3, 4, 5, 6], 2) == [[1, 2], [3, 4], [5, 6]]


def test_last_chunk_shorter():
    assert chunk([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]


def test_size_bigger_than_list():
    assert chunk(["a", "b", "c"], 5) == [["a", "b", "c"]]


def test_empty_list():
    assert chunk([], 3) == []


def test_size_one():
    assert chunk([7, 8, 9], 1) == [[7], [8], [9]]


def test_bad_size_raises():
    try:
        chunk([1, 2], 0)
    except ValueError:
        return
    raise AssertionError("chunk([1, 2], 0) should raise ValueError")


def test_input_not_changed():
    photos = [1, 2, 3]
    chunk(photos, 2)
    assert photos == [1, 2, 3]


def test_rows_needed():
    assert rows_needed(10, 4) == 3
    assert rows_needed(8, 4) == 2
    assert rows_needed(0, 4) == 0
    assert rows_needed(1, 4) == 1

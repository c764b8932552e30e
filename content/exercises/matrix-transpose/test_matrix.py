from matrix import column_sums, scale, transpose


def test_transpose_rectangle():
    assert transpose([[1, 2, 3], [4, 5, 6]]) == [[1, 4], [2, 5], [3, 6]]


def test_transpose_single_cell():
    assert transpose([[7]]) == [[7]]


def test_transpose_single_row_becomes_column():
    assert transpose([[1, 2, 3]]) == [[1], [2], [3]]


def test_transpose_empty():
    assert transpose([]) == []


def test_transpose_twice_gives_original():
    grid = [[1, 2], [3, 4], [5, 6]]
    assert transpose(transpose(grid)) == grid


def test_original_is_not_changed():
    grid = [[1, 2], [3, 4]]
    transpose(grid)
    scale(grid, 3)
    assert grid == [[1, 2], [3, 4]]


def test_scale():
    assert scale([[1, 2], [3, 4]], 10) == [[10, 20], [30, 40]]


def test_column_sums():
    assert column_sums([[1, 2, 3], [4, 5, 6]]) == [5, 7, 9]
    assert column_sums([]) == []

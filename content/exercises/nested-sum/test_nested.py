from nested import count_values, depth, nested_sum


def test_flat_list():
    assert nested_sum([1, 2, 3]) == 6


def test_nested_expenses():
    assert nested_sum([120, [35, 12.5], [[8, 4], 60], []]) == 239.5


def test_empty_lists():
    assert nested_sum([]) == 0
    assert nested_sum([[[]]]) == 0


def test_very_deep():
    deep = [1]
    for _ in range(50):
        deep = [deep, 1]
    assert nested_sum(deep) == 51


def test_count_values():
    assert count_values([1, [2, [3, 4]], []]) == 4
    assert count_values([]) == 0


def test_depth():
    assert depth([1, 2]) == 1
    assert depth([]) == 1
    assert depth([1, [2, [3]]]) == 3
    assert depth([[], [[]]]) == 3

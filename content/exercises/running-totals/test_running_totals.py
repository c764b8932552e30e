from running_totals import best_day, running_totals


def test_small_list():
    assert running_totals([3, 1, 4]) == [3, 4, 8]


def test_zero_keeps_the_total():
    assert running_totals([5000, 0, 7200]) == [5000, 5000, 12200]


def test_negative_numbers():
    assert running_totals([2, -1, 2]) == [2, 1, 3]


def test_empty_list():
    assert running_totals([]) == []


def test_input_is_not_changed():
    steps = [1, 2, 3]
    running_totals(steps)
    assert steps == [1, 2, 3]


def test_best_day():
    assert best_day([3000, 9000, 4000]) == 1


def test_best_day_tie_gives_first():
    assert best_day([7, 7, 2]) == 0


def test_best_day_empty():
    assert best_day([]) is None

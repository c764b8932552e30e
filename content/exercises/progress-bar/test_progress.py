from progress import progress_bar


def test_half_done():
    assert progress_bar(5, 10) == "[##########..........]  50%"


def test_rounds_down_the_bar():
    assert progress_bar(1, 3, width=10) == "[###.......]  33%"


def test_complete():
    assert progress_bar(10, 10, width=5) == "[#####] 100%"


def test_nothing_done():
    assert progress_bar(0, 4, width=4) == "[....]   0%"


def test_too_much_is_clamped():
    assert progress_bar(15, 10, width=4) == "[####] 100%"


def test_negative_is_clamped():
    assert progress_bar(-3, 10, width=4) == "[....]   0%"


def test_percentage_is_rounded():
    assert progress_bar(2, 3, width=3) == "[##.]  67%"


def test_zero_total_raises():
    try:
        progress_bar(1, 0)
    except ValueError:
        return
    raise AssertionError("progress_bar(1, 0) should raise ValueError")

from savings import months_to_goal


def test_deposits_only():
    assert months_to_goal(0, 50, 200) == 4


def test_starting_balance_counts():
    assert months_to_goal(100, 50, 200) == 2


def test_overshooting_the_goal():
    assert months_to_goal(0, 100, 250) == 3


def test_goal_already_reached():
    assert months_to_goal(500, 10, 300) == 0
    assert months_to_goal(300, 10, 300) == 0


def test_interest_only():
    assert months_to_goal(1000, 0, 1100, 1.0) == 10


def test_interest_helps():
    assert months_to_goal(1000, 100, 2000) == 10
    assert months_to_goal(1000, 100, 2000, 2.0) == 8


def test_impossible_goal_raises():
    try:
        months_to_goal(10, 0, 100)
    except ValueError:
        return
    raise AssertionError("months_to_goal(10, 0, 100) should raise ValueError")

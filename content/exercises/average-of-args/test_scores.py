from scores import average, describe_scores, total_score


def test_average_of_several():
    assert average(4, 8, 6) == 6.0


def test_average_of_one():
    assert average(5) == 5.0


def test_average_of_unpacked_list():
    rounds = [1, 2, 3, 4]
    assert average(*rounds) == 2.5


def test_average_of_nothing_raises():
    try:
        average()
    except ValueError:
        return
    raise AssertionError("average() with no numbers should raise ValueError")


def test_total_score():
    assert total_score(3, 4, 5) == 12
    assert total_score() == 0


def test_total_score_bonus_by_keyword():
    assert total_score(3, 4, 5, bonus=10) == 22


def test_describe_scores():
    assert describe_scores("Owls", 7, 9, 4) == "Owls: 3 rounds, best 9"
    assert describe_scores("Foxes", 8) == "Foxes: 1 round, best 8"
    assert describe_scores("Bats") == "Bats: no rounds yet"

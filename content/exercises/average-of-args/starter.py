def average(*numbers):
    """Return the average of the numbers; ValueError if there are none."""
    return sum(numbers) / len(numbers)


def total_score(*points, bonus=0):
    """Return the sum of points plus the keyword-only bonus."""
    return sum(points)


def describe_scores(name, *scores):
    """Return "Owls: 3 rounds, best 9" style text (or "... no rounds yet")."""
    raise NotImplementedError("summarise the scores")

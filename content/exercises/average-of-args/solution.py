def average(*numbers: float) -> float:
    """Return the average of the numbers; ValueError if there are none."""
    if not numbers:
        raise ValueError("average() needs at least one number")
    return sum(numbers) / len(numbers)


def total_score(*points: int, bonus: int = 0) -> int:
    """Return the sum of points plus the keyword-only bonus."""
    return sum(points) + bonus


def describe_scores(name: str, *scores: int) -> str:
    """Return "Owls: 3 rounds, best 9" style text (or "... no rounds yet")."""
    if not scores:
        return f"{name}: no rounds yet"
    word = "round" if len(scores) == 1 else "rounds"
    return f"{name}: {len(scores)} {word}, best {max(scores)}"

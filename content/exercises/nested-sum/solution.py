def nested_sum(items: list) -> float:
    """Return the sum of all numbers in items, at any depth."""
    total = 0
    for item in items:
        if isinstance(item, list):
            total += nested_sum(item)
        else:
            total += item
    return total


def count_values(items: list) -> int:
    """Return how many numbers there are at any depth."""
    return sum(count_values(item) if isinstance(item, list) else 1 for item in items)


def depth(items: list) -> int:
    """Return the nesting depth; a flat list has depth 1."""
    return 1 + max((depth(item) for item in items if isinstance(item, list)), default=0)

def nested_sum(items):
    """Return the sum of all numbers in items, at any depth."""
    total = 0
    for item in items:
        if not isinstance(item, list):
            total += item
    return total


def count_values(items):
    """Return how many numbers there are at any depth."""
    raise NotImplementedError


def depth(items):
    """Return the nesting depth; a flat list has depth 1."""
    raise NotImplementedError

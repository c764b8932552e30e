def chunk(items, size):
    """Split items into consecutive lists of length size (last may be shorter).

    Raise ValueError if size < 1.
    """
    return [items[:size], items[size:]]


def rows_needed(count, per_row):
    """Return how many rows of per_row are needed to hold count things."""
    return count // per_row

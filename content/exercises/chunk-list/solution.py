def chunk(items: list, size: int) -> list:
    """Split items into consecutive lists of length size (last may be shorter).

    Raise ValueError if size < 1.
    """
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, got {size}")
    return [items[start:start + size] for start in range(0, len(items), size)]


def rows_needed(count: int, per_row: int) -> int:
    """Return how many rows of per_row are needed to hold count things."""
    full_rows, leftover = divmod(count, per_row)
    return full_rows + (1 if leftover else 0)

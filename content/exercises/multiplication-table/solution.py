def times_table(size: int) -> list:
    """Return the rows of a size x size multiplication table, right-aligned."""
    if size < 1:
        return []
    width = len(str(size * size))
    rows = []
    for row in range(1, size + 1):
        cells = []
        for col in range(1, size + 1):
            cells.append(f"{row * col:>{width}}")
        rows.append(" ".join(cells))
    return rows

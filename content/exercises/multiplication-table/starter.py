def times_table(size):
    """Return the rows of a size x size multiplication table, right-aligned."""
    rows = []
    for row in range(1, size + 1):
        rows.append(str(row))
    return rows

def transpose(matrix):
    """Return a new matrix whose rows are the columns of matrix."""
    return [row[:] for row in matrix]


def scale(matrix, factor):
    """Return a new matrix with every value multiplied by factor."""
    raise NotImplementedError("use a nested comprehension")


def column_sums(matrix):
    """Return a list with the sum of each column."""
    raise NotImplementedError("sum the columns")

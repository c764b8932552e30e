from typing import List

Matrix = List[List[float]]


def transpose(matrix: Matrix) -> Matrix:
    """Return a new matrix whose rows are the columns of matrix."""
    if not matrix:
        return []
    return [[row[c] for row in matrix] for c in range(len(matrix[0]))]


def scale(matrix: Matrix, factor: float) -> Matrix:
    """Return a new matrix with every value multiplied by factor."""
    return [[value * factor for value in row] for row in matrix]


def column_sums(matrix: Matrix) -> List[float]:
    """Return a list with the sum of each column."""
    return [sum(column) for column in transpose(matrix)]

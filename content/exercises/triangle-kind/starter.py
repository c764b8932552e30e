def triangle_kind(a, b, c):
    """Return "equilateral", "isosceles", "scalene" or "invalid"."""
    if a == b == c:
        return "equilateral"
    return "scalene"

def triangle_kind(a: float, b: float, c: float) -> str:
    """Return "equilateral", "isosceles", "scalene" or "invalid"."""
    shortest, middle, longest = sorted((a, b, c))
    if shortest <= 0 or shortest + middle <= longest:
        return "invalid"
    if a == b == c:
        return "equilateral"
    if a == b or b == c or a == c:
        return "isosceles"
    return "scalene"

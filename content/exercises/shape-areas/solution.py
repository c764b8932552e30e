import math
from typing import Optional


def circle_area(radius: float) -> float:
    """Return the area of a circle, rounded to 2 decimal places."""
    return round(math.pi * radius ** 2, 2)


def rectangle_area(width: float, height: Optional[float] = None) -> float:
    """Return width * height; if height is left out, the shape is a square."""
    if height is None:
        height = width
    return width * height


def paint_needed(width: float, height: float, coverage: float = 10) -> float:
    """Return litres of paint for a wall; one litre covers `coverage` m²."""
    return round(rectangle_area(width, height) / coverage, 2)

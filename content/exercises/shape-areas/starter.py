import math


def circle_area(radius):
    """Return the area of a circle, rounded to 2 decimal places."""
    return round(2 * math.pi * radius, 2)


def rectangle_area(width, height):
    """Return width * height; if height is left out, the shape is a square."""
    return width * height


def paint_needed(width, height, coverage=10):
    """Return litres of paint for a wall; one litre covers `coverage` m²."""
    raise NotImplementedError("use rectangle_area")

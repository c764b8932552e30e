class Rectangle:
    """A rectangle with a positive width and height."""

    def __init__(self, width: float, height: float) -> None:
        if width <= 0 or height <= 0:
            raise ValueError(f"sides must be positive, got {width} x {height}")
        self.width = width
        self.height = height

    def area(self) -> float:
        """Return width * height."""
        return self.width * self.height

    def perimeter(self) -> float:
        """Return the length of the border."""
        return 2 * (self.width + self.height)

    def is_square(self) -> bool:
        """Return True if both sides are equal."""
        return self.width == self.height

    def scaled(self, factor: float) -> "Rectangle":
        """Return a new Rectangle with both sides multiplied by factor."""
        return Rectangle(self.width * factor, self.height * factor)

    def fits_inside(self, other: "Rectangle") -> bool:
        """Return True if self fits inside other, possibly turned 90 degrees."""
        short, long = sorted((self.width, self.height))
        other_short, other_long = sorted((other.width, other.height))
        return short <= other_short and long <= other_long

class Rectangle:
    """A rectangle with a positive width and height."""

    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area(self):
        """Return width * height."""
        return self.width * self.height

    def perimeter(self):
        """Return the length of the border."""
        return self.width + self.height

    def is_square(self):
        """Return True if both sides are equal."""
        raise NotImplementedError

    def scaled(self, factor):
        """Return a new Rectangle with both sides multiplied by factor."""
        raise NotImplementedError

    def fits_inside(self, other):
        """Return True if self fits inside other, possibly turned 90 degrees."""
        raise NotImplementedError

from rectangle import Rectangle


def test_stores_sizes():
    rug = Rectangle(2, 3)
    assert (rug.width, rug.height) == (2, 3)


def test_area_and_perimeter():
    rug = Rectangle(2, 3)
    assert rug.area() == 6
    assert rug.perimeter() == 10


def test_is_square():
    assert Rectangle(4, 4).is_square() is True
    assert Rectangle(2, 3).is_square() is False


def test_scaled_returns_new_rectangle():
    rug = Rectangle(2, 3)
    bigger = rug.scaled(2)
    assert isinstance(bigger, Rectangle)
    assert (bigger.width, bigger.height) == (4, 6)
    assert (rug.width, rug.height) == (2, 3)


def test_fits_inside_with_turning():
    rug = Rectangle(2, 3)
    assert rug.fits_inside(Rectangle(3.5, 2)) is True
    assert rug.fits_inside(Rectangle(2, 3)) is True
    assert rug.fits_inside(Rectangle(1, 10)) is False


def test_objects_are_independent():
    a = Rectangle(1, 1)
    b = Rectangle(5, 5)
    a.width = 9
    assert b.width == 5


def test_invalid_sizes():
    for width, height in [(0, 5), (3, -1)]:
        try:
            Rectangle(width, height)
        except ValueError:
            continue
        raise AssertionError(f"Rectangle({width}, {height}) should raise ValueError")

from triangles import triangle_kind


def test_equilateral():
    assert triangle_kind(3, 3, 3) == "equilateral"


def test_isosceles_in_any_order():
    assert triangle_kind(5, 5, 8) == "isosceles"
    assert triangle_kind(8, 5, 5) == "isosceles"
    assert triangle_kind(5, 8, 5) == "isosceles"


def test_scalene():
    assert triangle_kind(3, 4, 5) == "scalene"


def test_flat_triangle_is_invalid():
    assert triangle_kind(1, 2, 3) == "invalid"


def test_zero_sides_are_invalid():
    assert triangle_kind(0, 0, 0) == "invalid"


def test_negative_side_is_invalid():
    assert triangle_kind(-2, 3, 3) == "invalid"


def test_too_long_side_is_invalid():
    assert triangle_kind(2, 2, 10) == "invalid"


def test_float_sides():
    assert triangle_kind(2.5, 2.5, 4) == "isosceles"

from shapes import circle_area, paint_needed, rectangle_area


def test_unit_circle():
    assert circle_area(1) == 3.14


def test_circle_with_float_radius():
    assert circle_area(2.5) == 19.63


def test_rectangle():
    assert rectangle_area(3, 4) == 12


def test_square_uses_default_height():
    assert rectangle_area(5) == 25


def test_paint_with_default_coverage():
    assert paint_needed(5, 2.5) == 1.25


def test_paint_with_custom_coverage():
    assert paint_needed(4, 3, 8) == 1.5


def test_paint_coverage_as_keyword():
    assert paint_needed(6, 3, coverage=12) == 1.5

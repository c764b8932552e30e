from temperature import c_to_f, describe, f_to_c


def test_boiling_point():
    assert c_to_f(100) == 212.0


def test_body_temperature_is_rounded():
    assert c_to_f(37) == 98.6


def test_fahrenheit_to_celsius():
    assert f_to_c(212) == 100.0


def test_negative_result_is_rounded():
    assert f_to_c(0) == -17.8


def test_minus_forty_is_the_same_on_both_scales():
    assert c_to_f(-40) == -40.0
    assert f_to_c(-40) == -40.0


def test_describe_band_edges():
    assert describe(0) == "freezing"
    assert describe(0.5) == "cold"
    assert describe(10) == "mild"
    assert describe(20) == "warm"
    assert describe(30) == "hot"


def test_describe_very_cold_and_very_hot():
    assert describe(-25) == "freezing"
    assert describe(45) == "hot"

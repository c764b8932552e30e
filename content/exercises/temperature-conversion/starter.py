def c_to_f(celsius):
    """Convert Celsius to Fahrenheit, rounded to one decimal place."""
    return celsius * 9 / 5


def f_to_c(fahrenheit):
    """Convert Fahrenheit to Celsius, rounded to one decimal place."""
    raise NotImplementedError("convert Fahrenheit to Celsius")


def describe(celsius):
    """Return "freezing", "cold", "mild", "warm" or "hot"."""
    raise NotImplementedError("describe the temperature")

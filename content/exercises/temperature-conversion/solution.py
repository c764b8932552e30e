def c_to_f(celsius: float) -> float:
    """Convert Celsius to Fahrenheit, rounded to one decimal place."""
    return round(celsius * 9 / 5 + 32, 1)


def f_to_c(fahrenheit: float) -> float:
    """Convert Fahrenheit to Celsius, rounded to one decimal place."""
    return round((fahrenheit - 32) * 5 / 9, 1)


def describe(celsius: float) -> str:
    """Return "freezing", "cold", "mild", "warm" or "hot"."""
    if celsius <= 0:
        return "freezing"
    elif celsius < 10:
        return "cold"
    elif celsius < 20:
        return "mild"
    elif celsius < 30:
        return "warm"
    return "hot"

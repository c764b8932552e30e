def is_leap(year: int) -> bool:
    """Return True if year is a leap year in the Gregorian calendar."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_february(year: int) -> int:
    """Return 29 in a leap year, else 28."""
    return 29 if is_leap(year) else 28

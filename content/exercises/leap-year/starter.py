def is_leap(year):
    """Return True if year is a leap year in the Gregorian calendar."""
    return year % 4 == 0


def days_in_february(year):
    """Return 29 in a leap year, else 28."""
    raise NotImplementedError("count the days of February")

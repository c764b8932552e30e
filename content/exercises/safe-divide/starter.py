def safe_divide(a, b):
    """Return a / b, or None when b is zero."""
    return a / b


def parse_amount(text):
    """Return text as a float, or None if it is not a number."""
    return float(text)


def total_of_entries(entries):
    """Return (total of valid numbers, list of skipped entries)."""
    raise NotImplementedError

def min_max(values):
    """Return (lowest, highest) of a non-empty list; ValueError if empty."""
    return [min(values), max(values)]


def temperature_range(readings):
    """Return highest minus lowest reading."""
    raise NotImplementedError("use min_max and tuple unpacking")

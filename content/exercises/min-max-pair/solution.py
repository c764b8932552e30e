from typing import Sequence, Tuple


def min_max(values: Sequence[float]) -> Tuple[float, float]:
    """Return (lowest, highest) of a non-empty list; ValueError if empty."""
    if not values:
        raise ValueError("min_max() needs at least one value")
    low = high = values[0]
    for value in values[1:]:
        if value < low:
            low = value
        elif value > high:
            high = value
    return low, high


def temperature_range(readings: Sequence[float]) -> float:
    """Return highest minus lowest reading."""
    low, high = min_max(readings)
    return high - low

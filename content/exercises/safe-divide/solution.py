from typing import List, Optional, Tuple


def safe_divide(a: float, b: float) -> Optional[float]:
    """Return a / b, or None when b is zero."""
    try:
        return a / b
    except ZeroDivisionError:
        return None


def parse_amount(text: str) -> Optional[float]:
    """Return text as a float, or None if it is not a number."""
    try:
        return float(text)
    except ValueError:
        return None


def total_of_entries(entries: List[str]) -> Tuple[float, List[str]]:
    """Return (total of valid numbers, list of skipped entries)."""
    total = 0
    skipped = []
    for entry in entries:
        try:
            total += float(entry)
        except ValueError:
            skipped.append(entry)
    return total, skipped

from typing import List, Optional


def running_totals(amounts: List[float]) -> List[float]:
    """Return a new list where each item is the sum of amounts[0..i]."""
    totals = []
    so_far = 0
    for amount in amounts:
        so_far += amount
        totals.append(so_far)
    return totals


def best_day(amounts: List[float]) -> Optional[int]:
    """Return the index of the first largest amount, or None if empty."""
    if not amounts:
        return None
    return amounts.index(max(amounts))

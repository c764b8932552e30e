from typing import Callable, Tuple


def make_counter(start: int = 0, step: int = 1) -> Callable[[], int]:
    """Return a click() function that adds step and returns the new count."""
    count = start

    def click() -> int:
        nonlocal count
        count += step
        return count

    return click


def make_tally() -> Tuple[Callable[[float], None], Callable[[], float]]:
    """Return (add, current) sharing one running total that starts at 0."""
    total = 0

    def add(amount: float) -> None:
        nonlocal total
        total += amount

    def current() -> float:
        return total

    return add, current


def make_limiter(limit: int) -> Callable[[], bool]:
    """Return allow(): True for the first `limit` calls, then False."""
    used = 0

    def allow() -> bool:
        nonlocal used
        used += 1
        return used <= limit

    return allow

class Countdown:
    """Iterates start, start - 1, ..., 1."""

    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self


def take(iterable, n):
    """Return a list of at most the first n values of iterable."""
    return list(iterable)[:n]

def make_counter(start=0, step=1):
    """Return a click() function that adds step and returns the new count."""
    count = start

    def click():
        count += step
        return count

    return click


def make_tally():
    """Return (add, current) sharing one running total that starts at 0."""
    raise NotImplementedError


def make_limiter(limit):
    """Return allow(): True for the first `limit` calls, then False."""
    raise NotImplementedError

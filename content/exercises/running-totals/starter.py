def running_totals(amounts):
    """Return a new list where each item is the sum of amounts[0..i]."""
    totals = []
    for amount in amounts:
        totals.append(amount)
    return totals


def best_day(amounts):
    """Return the index of the first largest amount, or None if empty."""
    raise NotImplementedError("find the best day")

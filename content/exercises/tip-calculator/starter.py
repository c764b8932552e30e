def tip_amount(bill, percent=15):
    """Return the tip for the bill, rounded to 2 decimal places."""
    return bill * percent


def split_bill(bill, people, percent=15):
    """Return each person's share of bill + tip, rounded to 2 decimal places.

    Raise ValueError if people is less than 1.
    """
    raise NotImplementedError("share the bill")

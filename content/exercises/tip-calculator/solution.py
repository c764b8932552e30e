def tip_amount(bill: float, percent: float = 15) -> float:
    """Return the tip for the bill, rounded to 2 decimal places."""
    return round(bill * percent / 100, 2)


def split_bill(bill: float, people: int, percent: float = 15) -> float:
    """Return each person's share of bill + tip, rounded to 2 decimal places.

    Raise ValueError if people is less than 1.
    """
    if people < 1:
        raise ValueError("at least one person has to pay")
    total = bill + bill * percent / 100
    return round(total / people, 2)

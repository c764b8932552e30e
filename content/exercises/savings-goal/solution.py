def months_to_goal(balance: float, deposit: float, goal: float, monthly_rate: float = 0.0) -> int:
    """Return the number of whole months until balance >= goal.

    Each month: add interest (monthly_rate percent), then add the deposit.
    Raise ValueError if the balance can never grow.
    """
    if balance >= goal:
        return 0
    if deposit <= 0 and monthly_rate <= 0:
        raise ValueError("the balance never grows, so the goal is out of reach")
    months = 0
    while balance < goal:
        balance += balance * monthly_rate / 100
        balance += deposit
        months += 1
    return months

def months_to_goal(balance, deposit, goal, monthly_rate=0.0):
    """Return the number of whole months until balance >= goal.

    Each month: add interest (monthly_rate percent), then add the deposit.
    Raise ValueError if the balance can never grow.
    """
    return (goal - balance) // deposit

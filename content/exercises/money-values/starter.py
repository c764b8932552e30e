class Money:
    """An amount of money in whole cents, with a currency code."""

    def __init__(self, cents, currency="EUR"):
        self.cents = cents
        self.currency = currency

    def __str__(self):
        return f"{self.cents / 100} {self.currency}"

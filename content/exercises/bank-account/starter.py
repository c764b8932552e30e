class InsufficientFundsError(Exception):
    """Raised when a withdrawal is larger than the balance."""


class BankAccount:
    """An account with an owner, a balance and a history of operations."""

    def __init__(self, owner, balance=0, history=[]):
        self.owner = owner
        self.balance = balance
        self.history = history

    def deposit(self, amount):
        """Add money; ValueError for amount <= 0."""
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        """Take money out; ValueError for amount <= 0, InsufficientFundsError if too much."""
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def transfer_to(self, other, amount):
        """Move amount from this account to other."""
        raise NotImplementedError

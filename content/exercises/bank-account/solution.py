class InsufficientFundsError(Exception):
    """Raised when a withdrawal is larger than the balance."""

    def __init__(self, balance: float, amount: float) -> None:
        self.balance = balance
        self.amount = amount
        super().__init__(f"cannot withdraw {amount}: balance is {balance}")


class BankAccount:
    """An account with an owner, a balance and a history of operations."""

    def __init__(self, owner: str, balance: float = 0) -> None:
        self.owner = owner
        self.balance = balance
        self.history: list = []

    @staticmethod
    def _check_positive(amount: float) -> None:
        if amount <= 0:
            raise ValueError(f"amount must be positive, got {amount}")

    def deposit(self, amount: float) -> None:
        """Add money; ValueError for amount <= 0."""
        self._check_positive(amount)
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount: float) -> None:
        """Take money out; ValueError for amount <= 0, InsufficientFundsError if too much."""
        self._check_positive(amount)
        if amount > self.balance:
            raise InsufficientFundsError(self.balance, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def transfer_to(self, other: "BankAccount", amount: float) -> None:
        """Move amount from this account to other."""
        self.withdraw(amount)
        other.deposit(amount)

import unittest

from bank import BankAccount, InsufficientFundsError


class BankAccountTest(unittest.TestCase):
    def test_new_account(self):
        account = BankAccount("Ana", 100)
        self.assertEqual(account.owner, "Ana")
        self.assertEqual(account.balance, 100)
        self.assertEqual(account.history, [])

    def test_default_balance_is_zero(self):
        self.assertEqual(BankAccount("Ben").balance, 0)

    def test_deposit_and_withdraw(self):
        account = BankAccount("Ana", 100)
        account.deposit(50)
        account.withdraw(30)
        self.assertEqual(account.balance, 120)
        self.assertEqual(account.history, [("deposit", 50), ("withdraw", 30)])

    def test_histories_are_separate(self):
        first = BankAccount("Ana")
        second = BankAccount("Ben")
        first.deposit(10)
        self.assertEqual(second.history, [])

    def test_bad_amounts(self):
        account = BankAccount("Ana", 100)
        for method in (account.deposit, account.withdraw):
            for amount in (0, -5):
                with self.subTest(method=method.__name__, amount=amount):
                    with self.assertRaises(ValueError):
                        method(amount)
        self.assertEqual(account.balance, 100)
        self.assertEqual(account.history, [])

    def test_overdraw(self):
        account = BankAccount("Ana", 100)
        with self.assertRaises(InsufficientFundsError) as caught:
            account.withdraw(500)
        self.assertEqual(caught.exception.balance, 100)
        self.assertEqual(caught.exception.amount, 500)
        self.assertEqual(str(caught.exception), "cannot withdraw 500: balance is 100")
        self.assertEqual(account.balance, 100)
        self.assertEqual(account.history, [])

    def test_transfer(self):
        ana = BankAccount("Ana", 100)
        ben = BankAccount("Ben")
        ana.transfer_to(ben, 20)
        self.assertEqual((ana.balance, ben.balance), (80, 20))
        self.assertEqual(ana.history, [("withdraw", 20)])
        self.assertEqual(ben.history, [("deposit", 20)])

    def test_failed_transfer_changes_nothing(self):
        ana = BankAccount("Ana", 10)
        ben = BankAccount("Ben", 5)
        with self.assertRaises(InsufficientFundsError):
            ana.transfer_to(ben, 50)
        self.assertEqual((ana.balance, ben.balance), (10, 5))
        self.assertEqual(ben.history, [])

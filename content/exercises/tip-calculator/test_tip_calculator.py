import unittest

from tip_calculator import split_bill, tip_amount


class TipAmountTest(unittest.TestCase):
    def test_default_percent_is_15(self):
        self.assertEqual(tip_amount(40), 6.0)

    def test_other_percentages(self):
        examples = [
            ((40, 20), 8.0),
            ((12.5, 10), 1.25),
            ((80, 0), 0.0),
        ]
        for args, expected in examples:
            with self.subTest(args=args):
                self.assertEqual(tip_amount(*args), expected)

    def test_result_is_rounded_to_cents(self):
        self.assertEqual(tip_amount(10.01), 1.5)


class SplitBillTest(unittest.TestCase):
    def test_shares(self):
        examples = [
            ((100, 4), 28.75),
            ((60, 3, 20), 24.0),
            ((10, 3, 0), 3.33),
            ((50, 1), 57.5),
        ]
        for args, expected in examples:
            with self.subTest(args=args):
                self.assertEqual(split_bill(*args), expected)

    def test_nobody_to_pay_is_an_error(self):
        with self.assertRaises(ValueError):
            split_bill(30, 0)

import unittest

from receipt import format_line, receipt


class FormatLineTest(unittest.TestCase):
    def test_lines(self):
        examples = [
            (("Apples", 3, 0.5), "Apples       x3          $1.50"),
            (("Sparkling water", 12, 1.25), "Sparkling wa x12        $15.00"),
            (("Tea", 1, 4), "Tea          x1          $4.00"),
            (("Cake", 100, 12.5), "Cake         x100     $1250.00"),
        ]
        for args, expected in examples:
            with self.subTest(args=args):
                self.assertEqual(format_line(*args), expected)

    def test_every_line_is_30_wide(self):
        for args in [("A", 1, 0.1), ("A very long product name", 7, 3.99), ("Eggs", 12, 0.3)]:
            with self.subTest(args=args):
                self.assertEqual(len(format_line(*args)), 30)


class ReceiptTest(unittest.TestCase):
    def test_two_items(self):
        expected = "\n".join([
            "Bread        x1          $2.40",
            "Milk         x2          $1.90",
            "------------------------------",
            "TOTAL                    $4.30",
        ])
        self.assertEqual(receipt([("Bread", 1, 2.4), ("Milk", 2, 0.95)]), expected)

    def test_empty_receipt(self):
        expected = "------------------------------\nTOTAL                    $0.00"
        self.assertEqual(receipt([]), expected)

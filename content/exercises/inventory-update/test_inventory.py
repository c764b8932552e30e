import unittest

from inventory import add_items, low_stock, remove_item


class AddItemsTest(unittest.TestCase):
    def test_adds_to_existing_and_new_items(self):
        stock = {"bagel": 4}
        add_items(stock, ["bagel", "scone", "scone"])
        self.assertEqual(stock, {"bagel": 5, "scone": 2})

    def test_empty_list_changes_nothing(self):
        stock = {"bagel": 4}
        add_items(stock, [])
        self.assertEqual(stock, {"bagel": 4})

    def test_returns_none(self):
        self.assertIsNone(add_items({}, ["roll"]))


class RemoveItemTest(unittest.TestCase):
    def test_remove_one_by_default(self):
        stock = {"bagel": 5}
        remove_item(stock, "bagel")
        self.assertEqual(stock, {"bagel": 4})

    def test_key_disappears_at_zero(self):
        stock = {"bagel": 5, "scone": 2}
        remove_item(stock, "scone", 2)
        self.assertEqual(stock, {"bagel": 5})

    def test_not_enough_raises_and_keeps_stock(self):
        stock = {"muffin": 1}
        with self.assertRaises(ValueError):
            remove_item(stock, "muffin", 3)
        self.assertEqual(stock, {"muffin": 1})

    def test_missing_item_raises(self):
        stock = {"muffin": 1}
        with self.assertRaises(ValueError):
            remove_item(stock, "croissant")
        self.assertEqual(stock, {"muffin": 1})


class LowStockTest(unittest.TestCase):
    def test_default_threshold(self):
        self.assertEqual(low_stock({"bagel": 5, "muffin": 1, "cookie": 2}), ["cookie", "muffin"])

    def test_custom_threshold(self):
        self.assertEqual(low_stock({"bagel": 5, "muffin": 1}, threshold=6), ["bagel", "muffin"])

    def test_nothing_low(self):
        self.assertEqual(low_stock({"bagel": 3}), [])

import unittest

from name_format import address_label, full_name


class FullNameTest(unittest.TestCase):
    def test_first_and_last(self):
        self.assertEqual(full_name("Ada", "King"), "Ada King")

    def test_middle_name_becomes_initial(self):
        self.assertEqual(full_name("Ada", "King", middle="Byron"), "Ada B. King")

    def test_last_first(self):
        self.assertEqual(full_name("Ada", "King", last_first=True), "King, Ada")

    def test_all_options(self):
        self.assertEqual(full_name("Ada", "King", middle="Byron", last_first=True), "King, Ada B.")

    def test_middle_cannot_be_positional(self):
        with self.assertRaises(TypeError):
            full_name("Ada", "King", "Byron")

    def test_last_first_cannot_be_positional(self):
        with self.assertRaises(TypeError):
            full_name("Ada", "King", "", True)


class AddressLabelTest(unittest.TestCase):
    def test_without_country(self):
        label = address_label("Ada King", "12 Hill Rd", "Leeds", postcode="LS1 4AB")
        self.assertEqual(label, "Ada King\n12 Hill Rd\nLS1 4AB Leeds")

    def test_with_country(self):
        label = address_label("Ada King", "12 Hill Rd", "Leeds", postcode="LS1 4AB", country="UK")
        self.assertEqual(label, "Ada King\n12 Hill Rd\nLS1 4AB Leeds\nUK")

    def test_postcode_is_required(self):
        with self.assertRaises(TypeError):
            address_label("Ada King", "12 Hill Rd", "Leeds")

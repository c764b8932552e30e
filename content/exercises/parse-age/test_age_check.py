import unittest

from age_check import AgeError, NotANumberError, OutOfRangeError, check_ages, parse_age


class ExceptionClassesTest(unittest.TestCase):
    def test_hierarchy(self):
        self.assertTrue(issubclass(AgeError, ValueError))
        self.assertTrue(issubclass(NotANumberError, AgeError))
        self.assertTrue(issubclass(OutOfRangeError, AgeError))

    def test_out_of_range_keeps_the_age(self):
        error = OutOfRangeError(150)
        self.assertEqual(error.age, 150)
        self.assertEqual(str(error), "age 150 is out of range")


class ParseAgeTest(unittest.TestCase):
    def test_valid_ages(self):
        self.assertEqual(parse_age("42"), 42)
        self.assertEqual(parse_age(" 7 "), 7)
        self.assertEqual(parse_age("0"), 0)
        self.assertEqual(parse_age("130"), 130)

    def test_not_a_number(self):
        for text in ["forty", "4.5", "", "12 years"]:
            with self.subTest(text=text):
                with self.assertRaises(NotANumberError):
                    parse_age(text)

    def test_out_of_range(self):
        for text, age in [("200", 200), ("-1", -1), ("131", 131)]:
            with self.subTest(text=text):
                with self.assertRaises(OutOfRangeError) as caught:
                    parse_age(text)
                self.assertEqual(caught.exception.age, age)

    def test_callers_can_catch_value_error(self):
        with self.assertRaises(ValueError):
            parse_age("abc")


class CheckAgesTest(unittest.TestCase):
    def test_mixed(self):
        self.assertEqual(check_ages(["30", "-1"]), {"30": 30, "-1": "age -1 is out of range"})

    def test_not_a_number_message_is_kept(self):
        result = check_ages(["abc"])
        self.assertIsInstance(result["abc"], str)
        self.assertIn("abc", result["abc"])

    def test_empty(self):
        self.assertEqual(check_ages([]), {})

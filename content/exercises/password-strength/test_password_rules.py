import unittest

from password_rules import is_strong, password_problems


class PasswordProblemsTest(unittest.TestCase):
    def test_good_password_has_no_problems(self):
        self.assertEqual(password_problems("Tr0ubadour"), [])

    def test_single_broken_rule(self):
        examples = [
            ("Sh0rt", ["too short"]),
            ("lowercase123", ["needs an upper-case letter"]),
            ("UPPERCASE123", ["needs a lower-case letter"]),
            ("NoDigitsHere", ["needs a digit"]),
            ("With Space 1", ["must not contain spaces"]),
        ]
        for password, expected in examples:
            with self.subTest(password=password):
                self.assertEqual(password_problems(password), expected)

    def test_several_problems_in_rule_order(self):
        self.assertEqual(
            password_problems("abc"),
            ["too short", "needs an upper-case letter", "needs a digit"],
        )

    def test_username_is_not_allowed_in_any_case(self):
        self.assertEqual(
            password_problems("Maria2024x", "maria"),
            ["must not contain the username"],
        )

    def test_empty_username_is_ignored(self):
        self.assertEqual(password_problems("Maria2024x", ""), [])


class IsStrongTest(unittest.TestCase):
    def test_is_strong(self):
        examples = [
            ("Tr0ubadour", "", True),
            ("password", "", False),
            ("Sam12345abc", "sam", False),
            ("Sam12345abc", "alex", True),
        ]
        for password, username, expected in examples:
            with self.subTest(password=password, username=username):
                self.assertIs(is_strong(password, username), expected)

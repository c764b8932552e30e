import unittest

from rankings import by_grade, by_name, top_n, youngest

KIDS = [("mia", 87, 12), ("Leo", 92, 11), ("ava", 87, 13), ("Ben", 75, 11)]


class SortingTest(unittest.TestCase):
    def test_by_name_ignores_case(self):
        self.assertEqual(
            by_name(KIDS),
            [("ava", 87, 13), ("Ben", 75, 11), ("Leo", 92, 11), ("mia", 87, 12)],
        )

    def test_by_grade_ties_by_name(self):
        self.assertEqual(
            by_grade(KIDS),
            [("Leo", 92, 11), ("ava", 87, 13), ("mia", 87, 12), ("Ben", 75, 11)],
        )

    def test_input_is_not_changed(self):
        kids = list(KIDS)
        by_name(kids)
        by_grade(kids)
        self.assertEqual(kids, KIDS)


class YoungestTest(unittest.TestCase):
    def test_examples(self):
        examples = [
            (KIDS, ("Ben", 75, 11)),
            ([("zoe", 50, 9)], ("zoe", 50, 9)),
            ([("Zed", 60, 10), ("amy", 70, 10)], ("amy", 70, 10)),
            ([], None),
        ]
        for students, expected in examples:
            with self.subTest(students=students):
                self.assertEqual(youngest(students), expected)


class TopNTest(unittest.TestCase):
    def test_examples(self):
        examples = [
            (1, ["Leo"]),
            (2, ["Leo", "ava"]),
            (10, ["Leo", "ava", "mia", "Ben"]),
            (0, []),
        ]
        for n, expected in examples:
            with self.subTest(n=n):
                self.assertEqual(top_n(KIDS, n), expected)

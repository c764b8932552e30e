from safe_math import parse_amount, safe_divide, total_of_entries


def test_divide():
    assert safe_divide(10, 4) == 2.5


def test_divide_by_zero_gives_none():
    assert safe_divide(1, 0) is None


def test_parse_amount():
    assert parse_amount("12.50") == 12.5
    assert parse_amount("  -3 ") == -3.0


def test_parse_amount_rejects_words_and_empty():
    assert parse_amount("twelve") is None
    assert parse_amount("") is None


def test_total_of_entries():
    assert total_of_entries(["10", "abc", "2.5", "", "7"]) == (19.5, ["abc", ""])


def test_total_of_no_entries():
    assert total_of_entries([]) == (0, [])


def test_other_errors_are_not_hidden():
    try:
        parse_amount(None)
    except TypeError:
        return
    raise AssertionError("parse_amount(None) should still raise TypeError")

from dedupe import remove_duplicate_names, remove_duplicates


def test_numbers_keep_first_order():
    assert remove_duplicates([3, 1, 3, 2, 1]) == [3, 1, 2]


def test_strings():
    assert remove_duplicates(["tea", "tea", "milk"]) == ["tea", "milk"]


def test_empty():
    assert remove_duplicates([]) == []


def test_no_duplicates_unchanged():
    assert remove_duplicates([9, 8, 7]) == [9, 8, 7]


def test_original_list_not_modified():
    signups = ["x", "y", "x"]
    remove_duplicates(signups)
    assert signups == ["x", "y", "x"]


def test_names_ignore_case():
    names = ["Ana", "bob", "ANA", "Bob", "cy"]
    assert remove_duplicate_names(names) == ["Ana", "bob", "cy"]


def test_names_empty():
    assert remove_duplicate_names([]) == []

from contacts import busiest_letter, group_by_initial


def test_grouping_and_sorting():
    names = ["bob", "Ana", "alex", "Cleo", "  ben "]
    assert group_by_initial(names) == {"B": ["ben", "bob"], "A": ["alex", "Ana"], "C": ["Cleo"]}


def test_empty_list():
    assert group_by_initial([]) == {}


def test_blank_names_are_skipped():
    assert group_by_initial(["", "   ", "Dan"]) == {"D": ["Dan"]}


def test_input_list_is_not_changed():
    names = [" eve", "Ed"]
    group_by_initial(names)
    assert names == [" eve", "Ed"]


def test_busiest_letter():
    assert busiest_letter(["bob", "Ana", "alex", "Cleo", "ben", "Bea"]) == "B"


def test_busiest_letter_tie_is_alphabetical():
    assert busiest_letter(["bob", "Ana", "alex", "Cleo", "ben"]) == "A"
    assert busiest_letter(["Zoe", "Yan", "yusuf", "zed"]) == "Y"


def test_busiest_letter_empty():
    assert busiest_letter([]) is None

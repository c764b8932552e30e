from greeting import greet


def test_simple_name():
    assert greet("Ada") == "Hello, Ada!"


def test_spaces_are_removed():
    assert greet("  Grace  ") == "Hello, Grace!"


def test_first_letter_becomes_capital():
    assert greet("linus") == "Hello, Linus!"


def test_rest_of_name_is_kept():
    assert greet("mcKay") == "Hello, McKay!"


def test_empty_name_greets_a_stranger():
    assert greet("") == "Hello, stranger!"


def test_blank_name_greets_a_stranger():
    assert greet("   ") == "Hello, stranger!"

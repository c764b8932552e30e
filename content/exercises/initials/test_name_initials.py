from name_initials import initials


def test_two_words():
    assert initials("Ada Lovelace") == "A.L."


def test_lower_case_name():
    assert initials("grace brewster hopper") == "G.B.H."


def test_single_word():
    assert initials("Linus") == "L."


def test_extra_spaces_are_ignored():
    assert initials("  alan   turing ") == "A.T."


def test_only_first_letter_counts():
    assert initials("vAN rOSSUM") == "V.R."


def test_empty_and_blank_names():
    assert initials("") == ""
    assert initials("    ") == ""


def test_hyphenated_word_is_one_word():
    assert initials("jean-luc picard") == "J.P."

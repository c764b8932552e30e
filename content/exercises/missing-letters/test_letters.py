from letters import is_pangram, missing_letters, repeated_letters


def test_pangram_misses_nothing():
    assert missing_letters("The quick brown fox jumps over the lazy dog") == ""


def test_missing_letters_sorted():
    assert missing_letters("Hello, world!") == "abcfgijkmnpqstuvxyz"


def test_empty_sentence_misses_everything():
    assert missing_letters("") == "abcdefghijklmnopqrstuvwxyz"


def test_is_pangram():
    assert is_pangram("Pack my box with five dozen liquor jugs") is True
    assert is_pangram("Hello, world!") is False


def test_symbols_do_not_make_a_pangram():
    text = "abcdefghijklmnopqrstuvwxy 0123456789 !?.,;:"
    assert is_pangram(text) is False
    assert missing_letters(text) == "z"


def test_repeated_letters():
    assert repeated_letters("Mississippi") == {"i", "s", "p"}


def test_no_repeats_and_case():
    assert repeated_letters("Python") == set()
    assert repeated_letters("Anna") == {"a", "n"}

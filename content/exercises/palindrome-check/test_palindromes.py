from palindromes import is_palindrome, palindrome_words


def test_simple_word():
    assert is_palindrome("level") is True


def test_not_a_palindrome():
    assert is_palindrome("python") is False


def test_case_and_spaces_ignored():
    assert is_palindrome("Never odd or even") is True


def test_punctuation_ignored():
    assert is_palindrome("Was it a car, or a cat I saw?") is True


def test_digits():
    assert is_palindrome("12321") is True
    assert is_palindrome("123") is False


def test_single_letter():
    assert is_palindrome("x") is True


def test_nothing_to_compare():
    assert is_palindrome("") is False
    assert is_palindrome("?!") is False


def test_palindrome_words():
    assert palindrome_words("Mom and dad saw a kayak") == ["Mom", "dad", "a", "kayak"]

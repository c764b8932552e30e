def is_palindrome(text):
    """Return True if text reads the same backwards, ignoring case and symbols."""
    return text == text[::-1]


def palindrome_words(sentence):
    """Return the words of sentence that are palindromes, in order."""
    raise NotImplementedError("use is_palindrome on each word")

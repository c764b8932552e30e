def is_palindrome(text: str) -> bool:
    """Return True if text reads the same backwards, ignoring case and symbols."""
    cleaned = "".join(ch.lower() for ch in text if ch.isalnum())
    return bool(cleaned) and cleaned == cleaned[::-1]


def palindrome_words(sentence: str) -> list:
    """Return the words of sentence that are palindromes, in order."""
    return [word for word in sentence.split() if is_palindrome(word)]

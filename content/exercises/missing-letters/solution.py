import string
from typing import Set

ALPHABET = set(string.ascii_lowercase)


def missing_letters(sentence: str) -> str:
    """Return the a-z letters not used in sentence, sorted, as one string."""
    return "".join(sorted(ALPHABET - set(sentence.lower())))


def is_pangram(sentence: str) -> bool:
    """Return True if sentence uses every letter a-z at least once."""
    return not missing_letters(sentence)


def repeated_letters(word: str) -> Set[str]:
    """Return the set of lower-case letters that occur more than once."""
    seen: Set[str] = set()
    repeated: Set[str] = set()
    for ch in word.lower():
        if ch not in ALPHABET:
            continue
        if ch in seen:
            repeated.add(ch)
        seen.add(ch)
    return repeated

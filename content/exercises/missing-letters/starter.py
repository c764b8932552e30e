def missing_letters(sentence):
    """Return the a-z letters not used in sentence, sorted, as one string."""
    return ""


def is_pangram(sentence):
    """Return True if sentence uses every letter a-z at least once."""
    return len(set(sentence)) >= 26


def repeated_letters(word):
    """Return the set of lower-case letters that occur more than once."""
    raise NotImplementedError("track the letters you have seen")

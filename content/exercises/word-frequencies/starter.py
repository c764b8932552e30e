def word_frequencies(text):
    """Return a dict mapping each lower-cased word to how often it appears."""
    counts = {}
    for word in text.split():
        counts[word] = 1
    return counts


def top_words(text, n):
    """Return the n most frequent (word, count) pairs, ties alphabetical."""
    raise NotImplementedError("sort the counts")

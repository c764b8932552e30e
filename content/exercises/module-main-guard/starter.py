def top_words(text, n):
    """The n most common words as (word, count) tuples."""
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return list(counts.items())[:n]


def mean_word_length(text):
    """Average word length, 0.0 without words."""
    words = text.split()
    return sum(len(w) for w in words) / len(words)


def main():
    sample = "the quick brown fox jumps over the lazy dog"
    print("top:", top_words(sample, 3))
    print("mean length:", mean_word_length(sample))


main()

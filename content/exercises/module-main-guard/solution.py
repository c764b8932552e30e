import statistics
from collections import Counter
from typing import List, Tuple

SAMPLE = "the quick brown fox jumps over the lazy dog"


def top_words(text: str, n: int) -> List[Tuple[str, int]]:
    """The n most common words as (word, count) tuples."""
    return Counter(text.lower().split()).most_common(n)


def mean_word_length(text: str) -> float:
    """Average word length, 0.0 without words."""
    words = text.split()
    if not words:
        return 0.0
    return float(statistics.mean(len(w) for w in words))


def main() -> None:
    print("top:", top_words(SAMPLE, 3))
    print("mean length:", round(mean_word_length(SAMPLE), 2))


if __name__ == "__main__":
    main()

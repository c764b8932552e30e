import re
from typing import Dict, List, Tuple

WORD = re.compile(r"[a-z0-9']+")


def word_frequencies(text: str) -> Dict[str, int]:
    """Return a dict mapping each lower-cased word to how often it appears."""
    counts: Dict[str, int] = {}
    for raw in WORD.findall(text.lower()):
        word = raw.strip("'")
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts


def top_words(text: str, n: int) -> List[Tuple[str, int]]:
    """Return the n most frequent (word, count) pairs, ties alphabetical."""
    pairs = sorted(word_frequencies(text).items(), key=lambda pair: (-pair[1], pair[0]))
    return pairs[:n]

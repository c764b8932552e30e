from typing import Iterable, List, Set


def _normalise(hobbies: Iterable[str]) -> Set[str]:
    return {hobby.lower() for hobby in hobbies}


def shared(a: Iterable[str], b: Iterable[str]) -> List[str]:
    """Return the sorted, lower-case hobbies that are in both lists."""
    return sorted(_normalise(a) & _normalise(b))


def only_first(a: Iterable[str], b: Iterable[str]) -> List[str]:
    """Return the sorted, lower-case hobbies in a but not in b."""
    return sorted(_normalise(a) - _normalise(b))


def match_score(a: Iterable[str], b: Iterable[str]) -> float:
    """Return shared hobbies / all different hobbies, rounded to 2 decimals."""
    first, second = _normalise(a), _normalise(b)
    everything = first | second
    if not everything:
        return 0.0
    return round(len(first & second) / len(everything), 2)

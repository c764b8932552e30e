from typing import Iterable, Iterator, List, TypeVar

T = TypeVar("T")


class Countdown:
    """Iterates start, start - 1, ..., 1."""

    def __init__(self, start: int) -> None:
        self.current = start

    def __iter__(self) -> Iterator[int]:
        return self

    def __next__(self) -> int:
        if self.current < 1:
            raise StopIteration
        value = self.current
        self.current -= 1
        return value


def take(iterable: Iterable[T], n: int) -> List[T]:
    """Return a list of at most the first n values of iterable."""
    it = iter(iterable)
    result = []
    for _ in range(n):
        try:
            result.append(next(it))
        except StopIteration:
            break
    return result

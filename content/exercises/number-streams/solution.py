from typing import Iterable, Iterator, List, TypeVar

T = TypeVar("T")


def fibonacci() -> Iterator[int]:
    """Yield 0, 1, 1, 2, 3, 5, ... forever."""
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def running_average(numbers: Iterable[float]) -> Iterator[float]:
    """Yield the average of the numbers seen so far, after each one."""
    total = 0.0
    count = 0
    for n in numbers:
        total += n
        count += 1
        yield total / count


def batched(items: Iterable[T], size: int) -> Iterator[List[T]]:
    """Yield lists of size items; the last may be shorter."""
    if size < 1:
        raise ValueError("size must be at least 1")
    batch: List[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch

import inspect
import itertools

from streams import batched, fibonacci, running_average


def test_fibonacci_is_an_endless_generator():
    gen = fibonacci()
    assert inspect.isgenerator(gen)
    assert list(itertools.islice(gen, 7)) == [0, 1, 1, 2, 3, 5, 8]
    assert next(itertools.islice(fibonacci(), 30, None)) == 832040


def test_running_average():
    assert list(running_average([2, 4, 9])) == [2.0, 3.0, 5.0]
    assert list(running_average([])) == []


def test_running_average_is_lazy():
    averages = running_average(itertools.count(1))
    assert list(itertools.islice(averages, 3)) == [1.0, 1.5, 2.0]


def test_batched():
    assert list(batched("abcde", 2)) == [["a", "b"], ["c", "d"], ["e"]]
    assert list(batched([1, 2, 3], 3)) == [[1, 2, 3]]
    assert list(batched([], 4)) == []


def test_batched_is_lazy_and_checks_size():
    first = next(batched(itertools.count(), 2))
    assert first == [0, 1]
    failed = False
    try:
        next(batched([1], 0))
    except ValueError:
        failed = True
    assert failed

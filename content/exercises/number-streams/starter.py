def fibonacci():
    """Yield 0, 1, 1, 2, 3, 5, ... forever."""
    return [0, 1, 1, 2, 3, 5, 8]


def running_average(numbers):
    """Yield the average of the numbers seen so far, after each one."""
    numbers = list(numbers)
    return [sum(numbers) / len(numbers)]


def batched(items, size):
    """Yield lists of size items; the last may be shorter."""
    raise NotImplementedError

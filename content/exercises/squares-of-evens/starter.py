def squares_of_evens(numbers):
    """Return the squares of the even numbers, in order."""
    return [n * n for n in numbers]


def word_lengths(words):
    """Return the lengths of the words that are not empty or blank."""
    raise NotImplementedError("use a comprehension with a condition")


def celsius_readings(fahrenheit):
    """Convert each Fahrenheit reading to Celsius, rounded to 1 decimal."""
    raise NotImplementedError("use a comprehension")

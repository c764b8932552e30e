def squares_of_evens(numbers: list) -> list:
    """Return the squares of the even numbers, in order."""
    return [n * n for n in numbers if n % 2 == 0]


def word_lengths(words: list) -> list:
    """Return the lengths of the words that are not empty or blank."""
    return [len(word) for word in words if word.strip()]


def celsius_readings(fahrenheit: list) -> list:
    """Convert each Fahrenheit reading to Celsius, rounded to 1 decimal."""
    return [round((f - 32) * 5 / 9, 1) for f in fahrenheit]

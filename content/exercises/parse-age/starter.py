class AgeError(ValueError):
    """Base class for every problem with an age."""


class NotANumberError(AgeError):
    """The text is not a whole number."""


class OutOfRangeError(AgeError):
    """The age is below 0 or above 130; keeps the number in .age."""


def parse_age(text):
    """Return text as an int age (0..130) or raise an AgeError subclass."""
    return int(text)


def check_ages(texts):
    """Map each text to its age or to the message of its AgeError."""
    raise NotImplementedError

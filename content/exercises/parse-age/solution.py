from typing import Dict, List, Union

MIN_AGE = 0
MAX_AGE = 130


class AgeError(ValueError):
    """Base class for every problem with an age."""


class NotANumberError(AgeError):
    """The text is not a whole number."""


class OutOfRangeError(AgeError):
    """The age is below 0 or above 130; keeps the number in .age."""

    def __init__(self, age: int) -> None:
        self.age = age
        super().__init__(f"age {age} is out of range")


def parse_age(text: str) -> int:
    """Return text as an int age (0..130) or raise an AgeError subclass."""
    try:
        age = int(text.strip())
    except ValueError:
        raise NotANumberError(f"{text!r} is not a whole number") from None
    if not MIN_AGE <= age <= MAX_AGE:
        raise OutOfRangeError(age)
    return age


def check_ages(texts: List[str]) -> Dict[str, Union[int, str]]:
    """Map each text to its age or to the message of its AgeError."""
    results: Dict[str, Union[int, str]] = {}
    for text in texts:
        try:
            results[text] = parse_age(text)
        except AgeError as error:
            results[text] = str(error)
    return results

from typing import List, Optional, Tuple

Student = Tuple[str, int, int]


def by_name(students: List[Student]) -> List[Student]:
    """Return a new list sorted by name, ignoring case."""
    return sorted(students, key=lambda s: s[0].lower())


def by_grade(students: List[Student]) -> List[Student]:
    """Return a new list, highest grade first, ties by name (ignoring case)."""
    return sorted(students, key=lambda s: (-s[1], s[0].lower()))


def youngest(students: List[Student]) -> Optional[Student]:
    """Return the youngest student (alphabetical on ties), or None if empty."""
    if not students:
        return None
    return min(students, key=lambda s: (s[2], s[0].lower()))


def top_n(students: List[Student], n: int) -> List[str]:
    """Return the names of the n best students."""
    return [name for name, _grade, _age in by_grade(students)[:n]]

def by_name(students):
    """Return a new list sorted by name, ignoring case."""
    return sorted(students)


def by_grade(students):
    """Return a new list, highest grade first, ties by name (ignoring case)."""
    return sorted(students, key=lambda s: s[1])


def youngest(students):
    """Return the youngest student (alphabetical on ties), or None if empty."""
    raise NotImplementedError


def top_n(students, n):
    """Return the names of the n best students."""
    raise NotImplementedError

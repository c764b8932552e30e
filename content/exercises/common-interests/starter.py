def shared(a, b):
    """Return the sorted, lower-case hobbies that are in both lists."""
    return [hobby for hobby in a if hobby in b]


def only_first(a, b):
    """Return the sorted, lower-case hobbies in a but not in b."""
    raise NotImplementedError("use a set difference")


def match_score(a, b):
    """Return shared hobbies / all different hobbies, rounded to 2 decimals."""
    raise NotImplementedError("use intersection and union")

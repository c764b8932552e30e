def remove_duplicates(items):
    """Return a new list without repeats, keeping the first occurrence order."""
    return list(set(items))


def remove_duplicate_names(names):
    """Like remove_duplicates, but "Ana" and "ANA" count as the same name."""
    raise NotImplementedError("ignore case when comparing names")

def remove_duplicates(items: list) -> list:
    """Return a new list without repeats, keeping the first occurrence order."""
    result = []
    for item in items:
        if item not in result:
            result.append(item)
    return result


def remove_duplicate_names(names: list) -> list:
    """Like remove_duplicates, but "Ana" and "ANA" count as the same name."""
    seen = set()
    result = []
    for name in names:
        key = name.lower()
        if key not in seen:
            seen.add(key)
            result.append(name)
    return result

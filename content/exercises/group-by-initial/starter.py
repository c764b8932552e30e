def group_by_initial(names):
    """Return {"A": [...], "B": [...]} with each list sorted ignoring case."""
    groups = {}
    for name in names:
        groups[name[0]] = [name]
    return groups


def busiest_letter(names):
    """Return the initial with the most names (alphabetical on ties), or None."""
    raise NotImplementedError("count the names per letter")

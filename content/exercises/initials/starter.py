def initials(full_name):
    """Return the initials of a name, e.g. "Ada Lovelace" -> "A.L."."""
    return full_name[0].upper() + "."

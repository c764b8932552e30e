def initials(full_name: str) -> str:
    """Return the initials of a name, e.g. "Ada Lovelace" -> "A.L."."""
    return "".join(word[0].upper() + "." for word in full_name.split())

def full_name(first, last, middle="", last_first=False):
    """Return "Ada B. King" or, with last_first=True, "King, Ada B."."""
    return f"{first} {last}"


def address_label(name, street, city, postcode="", country=""):
    """Return the label lines joined with newlines; postcode is keyword-only."""
    raise NotImplementedError("build the label")

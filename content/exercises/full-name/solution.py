def full_name(first: str, last: str, *, middle: str = "", last_first: bool = False) -> str:
    """Return "Ada B. King" or, with last_first=True, "King, Ada B."."""
    given = first
    if middle:
        given += f" {middle[0].upper()}."
    if last_first:
        return f"{last}, {given}"
    return f"{given} {last}"


def address_label(name: str, street: str, city: str, *, postcode: str, country: str = "") -> str:
    """Return the label lines joined with newlines; postcode is keyword-only."""
    lines = [name, street, f"{postcode} {city}"]
    if country:
        lines.append(country)
    return "\n".join(lines)

def format_line(name, qty, price):
    """Return one 30-character receipt line for an item."""
    return f"{name} x{qty} ${qty * price}"


def receipt(items):
    """Return the full receipt for a list of (name, qty, price) tuples."""
    raise NotImplementedError("build the receipt")

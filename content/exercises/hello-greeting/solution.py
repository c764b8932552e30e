def greet(name: str) -> str:
    """Return a greeting like "Hello, Ada!" for the given name."""
    name = name.strip()
    if not name:
        return "Hello, stranger!"
    return f"Hello, {name[0].upper()}{name[1:]}!"

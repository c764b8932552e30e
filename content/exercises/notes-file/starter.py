def add_note(path, text):
    """Append text as one line to the file at path (created if missing)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def read_notes(path):
    """Return the list of notes in the file, or [] if it does not exist."""
    with open(path, encoding="utf-8") as f:
        return f.readlines()


def search_notes(path, word):
    """Return the notes containing word, ignoring case."""
    raise NotImplementedError

from typing import List


def add_note(path: str, text: str) -> None:
    """Append text as one line to the file at path (created if missing)."""
    one_line = " ".join(text.splitlines())
    with open(path, "a", encoding="utf-8") as f:
        f.write(one_line + "\n")


def read_notes(path: str) -> List[str]:
    """Return the list of notes in the file, or [] if it does not exist."""
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return []


def search_notes(path: str, word: str) -> List[str]:
    """Return the notes containing word, ignoring case."""
    word = word.lower()
    return [note for note in read_notes(path) if word in note.lower()]

import os

from notes import add_note, read_notes, search_notes


def fresh(path):
    if os.path.exists(path):
        os.remove(path)
    return path


def test_add_and_read_back():
    path = fresh("notes_basic.txt")
    add_note(path, "Buy oat milk")
    add_note(path, "Water the plants")
    assert read_notes(path) == ["Buy oat milk", "Water the plants"]


def test_file_contents_one_note_per_line():
    path = fresh("notes_raw.txt")
    add_note(path, "Buy oat milk")
    add_note(path, "Call Sam\nabout the café")
    with open(path, encoding="utf-8") as f:
        assert f.read() == "Buy oat milk\nCall Sam about the café\n"


def test_missing_file_gives_empty_list():
    assert read_notes(fresh("no_such_notes.txt")) == []


def test_existing_file_is_appended_to():
    path = fresh("notes_existing.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("first\n")
    add_note(path, "second")
    assert read_notes(path) == ["first", "second"]


def test_search_ignores_case():
    path = fresh("notes_search.txt")
    add_note(path, "Buy oat milk")
    add_note(path, "Call Sam about the café")
    add_note(path, "Samosas for the party")
    assert search_notes(path, "SAM") == ["Call Sam about the café", "Samosas for the party"]
    assert search_notes(path, "bread") == []

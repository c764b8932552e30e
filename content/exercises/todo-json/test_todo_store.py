import json
import os

from todo_store import add_todo, complete, load_todos, pending, save_todos


def fresh(path):
    if os.path.exists(path):
        os.remove(path)
    return path


def test_missing_file_is_empty():
    assert load_todos(fresh("todo_missing.json")) == []


def test_save_writes_real_json():
    path = fresh("todo_save.json")
    todos = [{"title": "Pay rent", "done": False}]
    save_todos(path, todos)
    with open(path, encoding="utf-8") as f:
        assert json.load(f) == todos
    with open(path, encoding="utf-8") as f:
        assert "\n  " in f.read()


def test_add_returns_list_and_saves():
    path = fresh("todo_add.json")
    assert add_todo(path, "Water plants") == [{"title": "Water plants", "done": False}]
    add_todo(path, "Pay rent")
    assert load_todos(path) == [
        {"title": "Water plants", "done": False},
        {"title": "Pay rent", "done": False},
    ]


def test_complete_and_pending():
    path = fresh("todo_complete.json")
    add_todo(path, "Water plants")
    add_todo(path, "Pay rent")
    complete(path, 0)
    assert load_todos(path)[0] == {"title": "Water plants", "done": True}
    assert pending(path) == ["Pay rent"]


def test_complete_bad_index_changes_nothing():
    path = fresh("todo_bad_index.json")
    add_todo(path, "Only task")
    for bad in (1, 5, -1):
        try:
            complete(path, bad)
        except IndexError:
            pass
        else:
            raise AssertionError(f"complete(path, {bad}) should raise IndexError")
    assert load_todos(path) == [{"title": "Only task", "done": False}]


def test_unicode_titles_survive():
    path = fresh("todo_unicode.json")
    add_todo(path, "Café on Friday")
    assert pending(path) == ["Café on Friday"]

import json


def load_todos(path):
    """Return the list of tasks in the JSON file, or [] if it is missing."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save_todos(path, todos):
    """Write the list of tasks to the file as indented JSON."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(str(todos))


def add_todo(path, title):
    """Append a not-done task, save, and return the updated list."""
    raise NotImplementedError


def complete(path, index):
    """Mark task number index as done and save; IndexError if out of range."""
    raise NotImplementedError


def pending(path):
    """Return the titles of tasks that are not done."""
    raise NotImplementedError

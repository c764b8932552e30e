import json
from typing import Any, Dict, List

Todo = Dict[str, Any]


def load_todos(path: str) -> List[Todo]:
    """Return the list of tasks in the JSON file, or [] if it is missing."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return []


def save_todos(path: str, todos: List[Todo]) -> None:
    """Write the list of tasks to the file as indented JSON."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(todos, f, indent=2)


def add_todo(path: str, title: str) -> List[Todo]:
    """Append a not-done task, save, and return the updated list."""
    todos = load_todos(path)
    todos.append({"title": title, "done": False})
    save_todos(path, todos)
    return todos


def complete(path: str, index: int) -> None:
    """Mark task number index as done and save; IndexError if out of range."""
    todos = load_todos(path)
    if not 0 <= index < len(todos):
        raise IndexError(f"there is no task number {index}")
    todos[index]["done"] = True
    save_todos(path, todos)


def pending(path: str) -> List[str]:
    """Return the titles of tasks that are not done."""
    return [todo["title"] for todo in load_todos(path) if not todo["done"]]

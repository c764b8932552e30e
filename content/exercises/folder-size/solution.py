from typing import Dict, List, Optional, Union

Tree = Dict[str, Union[int, "Tree"]]


def total_size(tree: Tree) -> int:
    """Return the total size of all files in the tree, at any depth."""
    return sum(total_size(v) if isinstance(v, dict) else v for v in tree.values())


def count_files(tree: Tree) -> int:
    """Return the number of files in the tree, at any depth."""
    return sum(count_files(v) if isinstance(v, dict) else 1 for v in tree.values())


def _collect_large(tree: Tree, min_size: int, prefix: str) -> List[str]:
    found = []
    for name, value in tree.items():
        if isinstance(value, dict):
            found.extend(_collect_large(value, min_size, f"{prefix}{name}/"))
        elif value >= min_size:
            found.append(prefix + name)
    return found


def large_files(tree: Tree, min_size: int) -> List[str]:
    """Return the sorted "folder/file" paths of files of at least min_size."""
    return sorted(_collect_large(tree, min_size, ""))


def largest_folder(tree: Tree) -> Optional[str]:
    """Return the name of the biggest top-level sub-folder, or None."""
    folders = [name for name, value in tree.items() if isinstance(value, dict)]
    if not folders:
        return None
    return max(folders, key=lambda name: total_size(tree[name]))

def total_size(tree):
    """Return the total size of all files in the tree, at any depth."""
    return sum(v for v in tree.values() if isinstance(v, int))


def count_files(tree):
    """Return the number of files in the tree, at any depth."""
    raise NotImplementedError


def large_files(tree, min_size):
    """Return the sorted "folder/file" paths of files of at least min_size."""
    raise NotImplementedError


def largest_folder(tree):
    """Return the name of the biggest top-level sub-folder, or None."""
    raise NotImplementedError

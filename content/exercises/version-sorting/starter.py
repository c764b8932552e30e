def parse_version(text):
    """Turn "1.10.2" into the tuple (1, 10, 2)."""
    return tuple(text.split("."))


def sort_versions(versions):
    """Return a new list of version strings, oldest first."""
    return sorted(versions)


def latest(versions):
    """Return the newest version string."""
    return max(versions)


def bump(version, part):
    """Return the next version; part is "major", "minor" or "patch"."""
    raise NotImplementedError("increase one part of the version")

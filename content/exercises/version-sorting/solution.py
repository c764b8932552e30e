from typing import List, Tuple


def parse_version(text: str) -> Tuple[int, ...]:
    """Turn "1.10.2" into the tuple (1, 10, 2)."""
    return tuple(int(part) for part in text.split("."))


def sort_versions(versions: List[str]) -> List[str]:
    """Return a new list of version strings, oldest first."""
    return sorted(versions, key=parse_version)


def latest(versions: List[str]) -> str:
    """Return the newest version string."""
    return max(versions, key=parse_version)


def bump(version: str, part: str) -> str:
    """Return the next version; part is "major", "minor" or "patch"."""
    major, minor, patch = parse_version(version)
    if part == "major":
        new = (major + 1, 0, 0)
    elif part == "minor":
        new = (major, minor + 1, 0)
    elif part == "patch":
        new = (major, minor, patch + 1)
    else:
        raise ValueError(f"unknown version part: {part!r}")
    return ".".join(str(n) for n in new)

from typing import Dict, List, Optional


def group_by_initial(names: List[str]) -> Dict[str, List[str]]:
    """Return {"A": [...], "B": [...]} with each list sorted ignoring case."""
    groups: Dict[str, List[str]] = {}
    for name in names:
        name = name.strip()
        if not name:
            continue
        groups.setdefault(name[0].upper(), []).append(name)
    for group in groups.values():
        group.sort(key=str.lower)
    return groups


def busiest_letter(names: List[str]) -> Optional[str]:
    """Return the initial with the most names (alphabetical on ties), or None."""
    groups = group_by_initial(names)
    best = None
    for letter in sorted(groups):
        if best is None or len(groups[letter]) > len(groups[best]):
            best = letter
    return best

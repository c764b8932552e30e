from typing import Dict, Iterable, List


def add_items(inventory: Dict[str, int], items: Iterable[str]) -> None:
    """Add one of each name in items to the inventory dict (in place)."""
    for item in items:
        inventory[item] = inventory.get(item, 0) + 1


def remove_item(inventory: Dict[str, int], item: str, amount: int = 1) -> None:
    """Take amount of item out of stock; drop the key at 0; ValueError if short."""
    have = inventory.get(item, 0)
    if have < amount:
        raise ValueError(f"only {have} of {item!r} in stock, cannot remove {amount}")
    if have == amount:
        del inventory[item]
    else:
        inventory[item] = have - amount


def low_stock(inventory: Dict[str, int], threshold: int = 3) -> List[str]:
    """Return the sorted names whose count is below threshold."""
    return sorted(name for name, count in inventory.items() if count < threshold)

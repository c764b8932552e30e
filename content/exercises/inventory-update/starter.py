def add_items(inventory, items):
    """Add one of each name in items to the inventory dict (in place)."""
    for item in items:
        inventory[item] = 1


def remove_item(inventory, item, amount=1):
    """Take amount of item out of stock; drop the key at 0; ValueError if short."""
    inventory[item] -= amount


def low_stock(inventory, threshold=3):
    """Return the sorted names whose count is below threshold."""
    raise NotImplementedError("filter the inventory")

WIDTH = 30


def format_line(name: str, qty: int, price: float) -> str:
    """Return one 30-character receipt line for an item."""
    amount = f"${qty * price:.2f}"
    return f"{name[:12]:<12} {'x' + str(qty):<4}{amount:>13}"


def receipt(items: list) -> str:
    """Return the full receipt for a list of (name, qty, price) tuples."""
    lines = []
    total = 0.0
    for name, qty, price in items:
        lines.append(format_line(name, qty, price))
        total += qty * price
    lines.append("-" * WIDTH)
    total_text = f"${total:.2f}"
    lines.append(f"{'TOTAL':<{WIDTH - len(total_text)}}{total_text}")
    return "\n".join(lines)

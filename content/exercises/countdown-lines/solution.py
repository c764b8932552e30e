def countdown(start: int, message: str = "Liftoff!") -> list:
    """Return ["3...", "2...", "1...", message] for start=3."""
    lines = []
    for n in range(start, 0, -1):
        lines.append(f"{n}...")
    lines.append(message)
    return lines


def countdown_text(start: int) -> str:
    """Return the countdown lines joined with newlines."""
    return "\n".join(countdown(start))

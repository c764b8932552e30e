def countdown(start, message="Liftoff!"):
    """Return ["3...", "2...", "1...", message] for start=3."""
    lines = []
    for n in range(start):
        lines.append(f"{n}...")
    return lines


def countdown_text(start):
    """Return the countdown lines joined with newlines."""
    raise NotImplementedError("join the lines")

def progress_bar(done: float, total: float, width: int = 20) -> str:
    """Return a text progress bar like "[#####.....]  50%"."""
    if total <= 0:
        raise ValueError("total must be greater than zero")
    fraction = min(max(done / total, 0.0), 1.0)
    filled = int(fraction * width)
    bar = "#" * filled + "." * (width - filled)
    percent = f"{fraction * 100:.0f}%"
    return f"[{bar}] {percent:>4}"

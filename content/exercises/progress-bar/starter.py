def progress_bar(done, total, width=20):
    """Return a text progress bar like "[#####.....]  50%"."""
    filled = done * width // total
    return "[" + "#" * filled + "] " + str(done * 100 // total) + "%"

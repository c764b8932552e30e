LEVELS = ["debug", "info", "warning", "error"]
LEVEL = "info"


def get_level():
    """Return the current log level."""
    return LEVEL


def set_level(name):
    """Change the module-level LEVEL; ValueError for an unknown name."""
    LEVEL = name


def should_show(level):
    """Return True if level is at least as important as the current LEVEL."""
    return LEVELS.index(level) >= LEVELS.index(LEVEL)


def log(level, message):
    """Return "[LEVEL] message" if it should be shown, else None."""
    raise NotImplementedError

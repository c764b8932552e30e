from typing import Optional

LEVELS = ["debug", "info", "warning", "error"]
LEVEL = "info"


def get_level() -> str:
    """Return the current log level."""
    return LEVEL


def set_level(name: str) -> None:
    """Change the module-level LEVEL; ValueError for an unknown name."""
    global LEVEL
    if name not in LEVELS:
        raise ValueError(f"unknown log level {name!r}; choose one of {LEVELS}")
    LEVEL = name


def should_show(level: str) -> bool:
    """Return True if level is at least as important as the current LEVEL."""
    return LEVELS.index(level) >= LEVELS.index(LEVEL)


def log(level: str, message: str) -> Optional[str]:
    """Return "[LEVEL] message" if it should be shown, else None."""
    if should_show(level):
        return f"[{level.upper()}] {message}"
    return None

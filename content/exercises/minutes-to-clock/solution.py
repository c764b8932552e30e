MINUTES_PER_DAY = 24 * 60


def split_minutes(total: int) -> tuple:
    """Return (hours, minutes) for a number of minutes, minutes in 0..59."""
    hours, minutes = divmod(total, 60)
    return (hours, minutes)


def clock_time(minutes_after_midnight: int) -> str:
    """Return the 24-hour clock reading "HH:MM", wrapping around each day."""
    within_day = minutes_after_midnight % MINUTES_PER_DAY
    hours, minutes = divmod(within_day, 60)
    return f"{hours:02d}:{minutes:02d}"

def split_minutes(total):
    """Return (hours, minutes) for a number of minutes, minutes in 0..59."""
    hours = total // 60
    return (hours, total)


def clock_time(minutes_after_midnight):
    """Return the 24-hour clock reading "HH:MM", wrapping around each day."""
    raise NotImplementedError("format the clock time")

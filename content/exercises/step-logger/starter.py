class MissingSettingError(Exception):
    """Raised by get_setting when a key is missing."""


def run_step(name, action, log):
    """Call action(), logging start / ok or failed / end; never raise."""
    log.append(f"start {name}")
    result = action()
    log.append(f"ok {name}")
    return result


def get_setting(settings, key):
    """Return settings[key]; raise MissingSettingError (from the KeyError)."""
    return settings[key]

from typing import Any, Callable, Dict, List


class MissingSettingError(Exception):
    """Raised by get_setting when a key is missing."""


def run_step(name: str, action: Callable[[], Any], log: List[str]) -> Any:
    """Call action(), logging start / ok or failed / end; never raise."""
    log.append(f"start {name}")
    result = None
    try:
        result = action()
    except Exception as error:
        log.append(f"failed {name}: {error}")
    else:
        log.append(f"ok {name}")
    finally:
        log.append(f"end {name}")
    return result


def get_setting(settings: Dict[str, Any], key: str) -> Any:
    """Return settings[key]; raise MissingSettingError (from the KeyError)."""
    try:
        return settings[key]
    except KeyError as error:
        raise MissingSettingError(f"missing setting: {key}") from error

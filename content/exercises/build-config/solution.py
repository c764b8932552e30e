from typing import Any, Dict

DEFAULTS = {"host": "localhost", "port": 8000, "debug": False, "workers": 1}


def make_config(**overrides: Any) -> Dict[str, Any]:
    """Return DEFAULTS updated with overrides; TypeError for unknown names."""
    config = dict(DEFAULTS)
    for key, value in overrides.items():
        if key not in DEFAULTS:
            raise TypeError(f"unknown setting {key!r}")
        config[key] = value
    return config


def command_line(**options: Any) -> str:
    """Turn keyword arguments into sorted "--flag" / "--name=value" text."""
    flags = []
    for name, value in sorted(options.items()):
        flag = "--" + name.replace("_", "-")
        if value is True:
            flags.append(flag)
        elif value is False or value is None:
            continue
        else:
            flags.append(f"{flag}={value}")
    return " ".join(flags)

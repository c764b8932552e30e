DEFAULTS = {"host": "localhost", "port": 8000, "debug": False, "workers": 1}


def make_config(**overrides):
    """Return DEFAULTS updated with overrides; TypeError for unknown names."""
    DEFAULTS.update(overrides)
    return DEFAULTS


def command_line(**options):
    """Turn keyword arguments into sorted "--flag" / "--name=value" text."""
    raise NotImplementedError("build the flags")

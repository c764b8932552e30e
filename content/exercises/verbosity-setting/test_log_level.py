import log_level
from log_level import get_level, log, set_level, should_show


def test_default_level_is_info():
    assert log_level.LEVEL == "info"
    assert get_level() == "info"


def test_set_level_changes_the_module_variable():
    set_level("warning")
    try:
        assert log_level.LEVEL == "warning"
        assert get_level() == "warning"
    finally:
        log_level.LEVEL = "info"


def test_messages_below_the_level_are_hidden():
    log_level.LEVEL = "info"
    assert log("debug", "x=3") is None
    assert log("error", "disk full") == "[ERROR] disk full"


def test_lower_level_shows_more():
    set_level("debug")
    try:
        assert log("debug", "x=3") == "[DEBUG] x=3"
        assert should_show("info") is True
    finally:
        log_level.LEVEL = "info"


def test_higher_level_shows_less():
    set_level("error")
    try:
        assert should_show("warning") is False
        assert log("warning", "low memory") is None
    finally:
        log_level.LEVEL = "info"


def test_unknown_level_is_rejected():
    log_level.LEVEL = "info"
    try:
        set_level("loud")
    except ValueError:
        assert log_level.LEVEL == "info"
        return
    raise AssertionError('set_level("loud") should raise ValueError')

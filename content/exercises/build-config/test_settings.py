import settings
from settings import command_line, make_config

ORIGINAL = {"host": "localhost", "port": 8000, "debug": False, "workers": 1}


def test_no_overrides_gives_defaults():
    assert make_config() == ORIGINAL


def test_overrides():
    expected = {"host": "localhost", "port": 9000, "debug": True, "workers": 1}
    assert make_config(port=9000, debug=True) == expected


def test_defaults_are_not_changed():
    make_config(port=1234, workers=8)
    assert settings.DEFAULTS == ORIGINAL


def test_result_is_a_new_dict():
    assert make_config() is not settings.DEFAULTS


def test_unpacking_a_saved_dict():
    saved = {"host": "0.0.0.0", "workers": 4}
    assert make_config(**saved)["host"] == "0.0.0.0"
    assert make_config(**saved)["workers"] == 4


def test_unknown_setting_names_the_key():
    try:
        make_config(colour="blue")
    except TypeError as error:
        assert "colour" in str(error)
        return
    raise AssertionError("make_config(colour='blue') should raise TypeError")


def test_command_line():
    text = command_line(port=8000, debug=True, log_file="app.log", quiet=False)
    assert text == "--debug --log-file=app.log --port=8000"


def test_command_line_empty_and_none():
    assert command_line() == ""
    assert command_line(user=None) == ""

from steps import MissingSettingError, get_setting, run_step


def test_successful_step():
    log = []
    assert run_step("build", lambda: 42, log) == 42
    assert log == ["start build", "ok build", "end build"]


def test_failing_step_is_logged_not_raised():
    log = []
    assert run_step("test", lambda: 1 / 0, log) is None
    assert log == ["start test", "failed test: division by zero", "end test"]


def test_several_steps_share_the_log():
    log = []
    run_step("a", lambda: None, log)
    run_step("b", lambda: int("x"), log)
    assert log[0:3] == ["start a", "ok a", "end a"]
    assert log[3] == "start b"
    assert log[4].startswith("failed b: ")
    assert log[5] == "end b"


def test_get_setting():
    assert get_setting({"region": "eu"}, "region") == "eu"


def test_missing_setting():
    try:
        get_setting({}, "region")
    except MissingSettingError as error:
        assert str(error) == "missing setting: region"
        assert isinstance(error.__cause__, KeyError)
        return
    raise AssertionError("get_setting({}, 'region') should raise MissingSettingError")

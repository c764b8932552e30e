from versions import bump, latest, parse_version, sort_versions


def test_parse_version():
    assert parse_version("1.10.2") == (1, 10, 2)
    assert parse_version("0.0.7") == (0, 0, 7)


def test_sort_versions_numerically():
    assert sort_versions(["1.10.0", "1.9.3", "1.2.11"]) == ["1.2.11", "1.9.3", "1.10.0"]


def test_sort_does_not_change_input():
    versions = ["2.0.0", "1.0.0"]
    sort_versions(versions)
    assert versions == ["2.0.0", "1.0.0"]


def test_latest():
    assert latest(["2.0.0", "10.0.1", "9.9.9"]) == "10.0.1"


def test_bump_each_part():
    assert bump("1.4.2", "patch") == "1.4.3"
    assert bump("1.4.2", "minor") == "1.5.0"
    assert bump("1.4.2", "major") == "2.0.0"


def test_bump_past_nine():
    assert bump("0.9.9", "patch") == "0.9.10"


def test_bump_unknown_part():
    try:
        bump("1.0.0", "build")
    except ValueError:
        return
    raise AssertionError('bump("1.0.0", "build") should raise ValueError')

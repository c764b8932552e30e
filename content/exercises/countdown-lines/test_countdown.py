from countdown import countdown, countdown_text


def test_count_from_three():
    assert countdown(3) == ["3...", "2...", "1...", "Liftoff!"]


def test_custom_message():
    assert countdown(1, "Go!") == ["1...", "Go!"]


def test_message_as_keyword():
    assert countdown(2, message="Launch") == ["2...", "1...", "Launch"]


def test_zero_only_has_the_message():
    assert countdown(0) == ["Liftoff!"]


def test_negative_start():
    assert countdown(-5) == ["Liftoff!"]


def test_longer_countdown_length():
    assert len(countdown(10)) == 11
    assert countdown(10)[0] == "10..."


def test_text_version():
    assert countdown_text(2) == "2...\n1...\nLiftoff!"

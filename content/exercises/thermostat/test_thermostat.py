from thermostat import Thermostat


def test_defaults():
    t = Thermostat()
    assert (t.min_temp, t.max_temp, t.target) == (10, 30, 20)


def test_setting_target_is_clamped():
    t = Thermostat()
    t.target = 35
    assert t.target == 30
    t.target = -4
    assert t.target == 10
    t.target = 18.5
    assert t.target == 18.5


def test_start_target_is_clamped():
    assert Thermostat(min_temp=22, max_temp=26).target == 22
    assert Thermostat(min_temp=5, max_temp=15).target == 15


def test_increase_and_decrease():
    t = Thermostat()
    t.increase()
    assert t.target == 20.5
    t.decrease(3)
    assert t.target == 17.5


def test_increase_stops_at_max():
    t = Thermostat(max_temp=21)
    t.increase(5)
    assert t.target == 21


def test_action():
    t = Thermostat()
    t.target = 20.5
    assert t.action(19) == "heat"
    assert t.action(21) == "idle"
    assert t.action(20) == "idle"
    assert t.action(21.5) == "cool"


def test_bad_limits():
    try:
        Thermostat(min_temp=25, max_temp=25)
    except ValueError:
        return
    raise AssertionError("Thermostat(min_temp=25, max_temp=25) should raise ValueError")


def test_target_is_a_property():
    assert isinstance(Thermostat.__dict__.get("target"), property)

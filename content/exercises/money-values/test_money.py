from money import Money


def raises(exc_type, func, *args):
    try:
        func(*args)
    except exc_type:
        return True
    return False


def test_repr_and_str():
    assert repr(Money(1250)) == "Money(1250, 'EUR')"
    assert str(Money(1250)) == "12.50 EUR"
    assert str(Money(7, "USD")) == "0.07 USD"
    assert str(Money(-5, "USD")) == "-0.05 USD"


def test_equality_needs_same_cents_and_currency():
    assert Money(100) == Money(100)
    assert Money(100) != Money(101)
    assert Money(100) != Money(100, "USD")
    assert Money(100) != 100


def test_addition():
    assert Money(150) + Money(275) == Money(425)
    assert sum([Money(1), Money(2), Money(3)], Money(0)) == Money(6)


def test_mixing_currencies_is_an_error():
    assert raises(ValueError, lambda: Money(1) + Money(1, "USD"))
    assert raises(ValueError, lambda: Money(1) < Money(2, "USD"))


def test_ordering_and_sorting():
    assert Money(99) < Money(100)
    assert Money(100) > Money(99)
    assert sorted([Money(30), Money(10), Money(20)]) == [Money(10), Money(20), Money(30)]


def test_truthiness():
    assert not Money(0)
    assert Money(-1)


def test_usable_in_sets_and_as_keys():
    assert len({Money(5), Money(5), Money(5, "USD")}) == 2
    prices = {Money(5): "coffee"}
    assert prices[Money(5)] == "coffee"

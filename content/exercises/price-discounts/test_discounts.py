from discounts import affordable, apply_discount, price_bands, sale_only

SHOP = {"mug": 8.0, "pen": 1.5, "lamp": 24.0}


def test_apply_discount():
    assert apply_discount({"mug": 8.0, "pen": 1.5}, 10) == {"mug": 7.2, "pen": 1.35}


def test_zero_discount_keeps_prices():
    assert apply_discount(SHOP, 0) == SHOP


def test_original_prices_unchanged():
    prices = {"mug": 8.0}
    apply_discount(prices, 50)
    assert prices == {"mug": 8.0}


def test_affordable_is_sorted_and_inclusive():
    assert affordable(SHOP, 8) == ["mug", "pen"]


def test_nothing_affordable():
    assert affordable(SHOP, 1) == []


def test_price_bands():
    assert price_bands(SHOP) == {"mug": "regular", "pen": "cheap", "lamp": "premium"}


def test_price_band_edges():
    assert price_bands({"a": 5, "b": 20, "c": 4.99}) == {"a": "regular", "b": "premium", "c": "cheap"}


def test_sale_only_ignores_unknown_names():
    assert sale_only({"mug": 8.0, "pen": 1.5}, ["pen", "kite"]) == {"pen": 1.5}

def apply_discount(prices, percent):
    """Return a new dict with every price reduced by percent, rounded to 2 places."""
    return {name: price - percent for name, price in prices.items()}


def affordable(prices, budget):
    """Return sorted names whose price is at most budget."""
    raise NotImplementedError


def price_bands(prices):
    """Map each product to "cheap" (< 5), "regular" (< 20) or "premium"."""
    raise NotImplementedError


def sale_only(prices, on_sale):
    """Return a dict with only the products named in on_sale."""
    raise NotImplementedError

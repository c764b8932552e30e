from typing import Dict, Iterable, List


def apply_discount(prices: Dict[str, float], percent: float) -> Dict[str, float]:
    """Return a new dict with every price reduced by percent, rounded to 2 places."""
    return {name: round(price * (100 - percent) / 100, 2) for name, price in prices.items()}


def affordable(prices: Dict[str, float], budget: float) -> List[str]:
    """Return sorted names whose price is at most budget."""
    return sorted(name for name, price in prices.items() if price <= budget)


def price_bands(prices: Dict[str, float]) -> Dict[str, str]:
    """Map each product to "cheap" (< 5), "regular" (< 20) or "premium"."""
    return {
        name: "cheap" if price < 5 else "regular" if price < 20 else "premium"
        for name, price in prices.items()
    }


def sale_only(prices: Dict[str, float], on_sale: Iterable[str]) -> Dict[str, float]:
    """Return a dict with only the products named in on_sale."""
    wanted = set(on_sale)
    return {name: price for name, price in prices.items() if name in wanted}

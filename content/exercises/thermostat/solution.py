class Thermostat:
    """A thermostat whose target temperature always stays in a safe range."""

    def __init__(self, min_temp: float = 10, max_temp: float = 30) -> None:
        if min_temp >= max_temp:
            raise ValueError("min_temp must be lower than max_temp")
        self.min_temp = min_temp
        self.max_temp = max_temp
        self.target = 20

    @property
    def target(self) -> float:
        """The target temperature, always within min_temp..max_temp."""
        return self._target

    @target.setter
    def target(self, value: float) -> None:
        self._target = min(max(value, self.min_temp), self.max_temp)

    def increase(self, step: float = 0.5) -> None:
        """Raise the target by step (clamped)."""
        self.target += step

    def decrease(self, step: float = 0.5) -> None:
        """Lower the target by step (clamped)."""
        self.target -= step

    def action(self, room_temp: float) -> str:
        """Return "heat", "cool" or "idle" for the given room temperature."""
        if room_temp < self.target - 0.5:
            return "heat"
        if room_temp > self.target + 0.5:
            return "cool"
        return "idle"

class Thermostat:
    """A thermostat whose target temperature always stays in a safe range."""

    def __init__(self, min_temp=10, max_temp=30):
        self.min_temp = min_temp
        self.max_temp = max_temp
        self.target = 20

    def increase(self, step=0.5):
        """Raise the target by step (clamped)."""
        self.target += step

    def decrease(self, step=0.5):
        """Lower the target by step (clamped)."""
        self.target -= step

    def action(self, room_temp):
        """Return "heat", "cool" or "idle" for the given room temperature."""
        raise NotImplementedError

def password_problems(password, username=""):
    """Return the list of broken rule messages (empty if the password is fine)."""
    if len(password) < 8:
        return ["too short"]
    return []


def is_strong(password, username=""):
    """Return True if password_problems finds nothing."""
    return len(password) >= 8

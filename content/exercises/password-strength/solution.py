from typing import List


def password_problems(password: str, username: str = "") -> List[str]:
    """Return the list of broken rule messages (empty if the password is fine)."""
    problems = []
    if len(password) < 8:
        problems.append("too short")
    if not any(ch.isupper() for ch in password):
        problems.append("needs an upper-case letter")
    if not any(ch.islower() for ch in password):
        problems.append("needs a lower-case letter")
    if not any(ch.isdigit() for ch in password):
        problems.append("needs a digit")
    if " " in password:
        problems.append("must not contain spaces")
    if username and username.lower() in password.lower():
        problems.append("must not contain the username")
    return problems


def is_strong(password: str, username: str = "") -> bool:
    """Return True if password_problems finds nothing."""
    return not password_problems(password, username)

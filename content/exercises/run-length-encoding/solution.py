def encode(text: str) -> str:
    """Compress runs of repeated characters: "aabccc" -> "2ab3c"."""
    parts = []
    i = 0
    while i < len(text):
        char = text[i]
        run_end = i
        while run_end < len(text) and text[run_end] == char:
            run_end += 1
        count = run_end - i
        parts.append(f"{count}{char}" if count > 1 else char)
        i = run_end
    return "".join(parts)


def decode(text: str) -> str:
    """Expand an encoded string: "2ab3c" -> "aabccc"."""
    parts = []
    number = ""
    for char in text:
        if char.isdigit():
            number += char
        else:
            parts.append(char * int(number or "1"))
            number = ""
    return "".join(parts)

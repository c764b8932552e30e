def encode(text):
    """Compress runs of repeated characters: "aabccc" -> "2ab3c"."""
    raise NotImplementedError("count the runs")


def decode(text):
    """Expand an encoded string: "2ab3c" -> "aabccc"."""
    raise NotImplementedError("repeat each character")

from rle import decode, encode


def test_encode_runs():
    assert encode("WWWWBBBW") == "4W3BW"


def test_encode_single_characters_have_no_number():
    assert encode("abc") == "abc"
    assert encode("aabccc") == "2ab3c"


def test_encode_spaces_and_case():
    assert encode("  xx") == "2 2x"
    assert encode("aA") == "aA"


def test_encode_empty():
    assert encode("") == ""


def test_decode_runs():
    assert decode("4W3BW") == "WWWWBBBW"


def test_decode_multi_digit_count():
    assert decode("12a") == "a" * 12


def test_decode_empty():
    assert decode("") == ""


def test_round_trip():
    text = "zzz  yyyyyyyyyyyyyyy!x"
    assert decode(encode(text)) == text

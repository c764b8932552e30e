from word_frequencies import top_words, word_frequencies


def test_counts_ignore_case_and_punctuation():
    assert word_frequencies("The cat and the hat.") == {"the": 2, "cat": 1, "and": 1, "hat": 1}


def test_apostrophes_inside_words_are_kept():
    assert word_frequencies("Don't stop, DON'T!") == {"don't": 2, "stop": 1}


def test_quotes_around_words_are_removed():
    assert word_frequencies("'hello' said 'Bob'") == {"hello": 1, "said": 1, "bob": 1}


def test_empty_text():
    assert word_frequencies("") == {}


def test_newlines_and_numbers():
    assert word_frequencies("route 66\nRoute 66") == {"route": 2, "66": 2}


def test_top_words():
    assert top_words("b a b c a b", 2) == [("b", 3), ("a", 2)]


def test_top_words_ties_are_alphabetical():
    assert top_words("pear fig apple fig pear", 3) == [("fig", 2), ("pear", 2), ("apple", 1)]


def test_top_words_fewer_than_n():
    assert top_words("one", 5) == [("one", 1)]

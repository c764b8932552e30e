from interests import match_score, only_first, shared


def test_shared_ignores_case():
    assert shared(["Chess", "hiking", "jazz"], ["jazz", "chess", "Baking"]) == ["chess", "jazz"]


def test_shared_has_no_repeats():
    assert shared(["jazz", "Jazz", "jazz"], ["JAZZ"]) == ["jazz"]


def test_nothing_shared():
    assert shared(["golf"], ["tennis"]) == []


def test_only_first():
    assert only_first(["Chess", "hiking", "jazz"], ["jazz", "chess"]) == ["hiking"]


def test_only_first_with_empty_second():
    assert only_first(["b", "a"], []) == ["a", "b"]


def test_match_score_identical():
    assert match_score(["chess", "jazz"], ["jazz", "chess"]) == 1.0


def test_match_score_partial():
    assert match_score(["chess", "hiking", "jazz"], ["jazz", "chess", "baking"]) == 0.5
    assert match_score(["a", "b", "c"], ["c"]) == 0.33


def test_match_score_no_overlap_and_empty():
    assert match_score(["golf"], ["tennis"]) == 0.0
    assert match_score([], []) == 0.0

import contextlib
import io
import runpy

import wordstats


def run_file_as(name):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(wordstats.__file__, run_name=name)
    return out.getvalue()


def test_top_words():
    assert wordstats.top_words("the cat and the hat", 2) == [("the", 2), ("cat", 1)]
    assert wordstats.top_words("B b a", 1) == [("b", 2)]
    assert wordstats.top_words("", 3) == []


def test_mean_word_length():
    assert wordstats.mean_word_length("a bb ccc") == 2.0
    assert isinstance(wordstats.mean_word_length("abc"), float)
    assert wordstats.mean_word_length("   ") == 0.0


def test_importing_prints_nothing():
    assert run_file_as("wordstats") == ""


def test_running_as_a_script_prints_the_report():
    printed = run_file_as("__main__")
    assert "top:" in printed
    assert "mean length:" in printed

from folders import count_files, large_files, largest_folder, total_size


def make_home():
    return {
        "notes.txt": 4,
        "photos": {"cat.jpg": 900, "dog.jpg": 1200, "old": {"scan.png": 3000}},
        "music": {},
    }


def test_total_size():
    assert total_size(make_home()) == 5104


def test_empty_tree():
    assert total_size({}) == 0
    assert count_files({}) == 0


def test_count_files():
    assert count_files(make_home()) == 4


def test_large_files_paths():
    assert large_files(make_home(), 1000) == ["photos/dog.jpg", "photos/old/scan.png"]


def test_large_files_includes_the_limit_and_top_level():
    assert large_files(make_home(), 4) == [
        "notes.txt",
        "photos/cat.jpg",
        "photos/dog.jpg",
        "photos/old/scan.png",
    ]


def test_no_large_files():
    assert large_files(make_home(), 10**6) == []


def test_largest_folder():
    assert largest_folder(make_home()) == "photos"
    assert largest_folder({"a.txt": 3}) is None

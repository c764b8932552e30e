import csv

from grade_report import read_grades, write_report

SAMPLE = 'name,subject,score\nAna,maths,90\nBen,maths,72\nAna,history,81\n"Lee, Jo",maths,64\n'


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_read_grades():
    write_text("results.csv", SAMPLE)
    assert read_grades("results.csv") == {"Ana": [90, 81], "Ben": [72], "Lee, Jo": [64]}


def test_read_header_only():
    write_text("empty_results.csv", "name,subject,score\n")
    assert read_grades("empty_results.csv") == {}


def test_write_report_rows():
    count = write_report({"Ben": [72], "Ana": [90, 81], "Lee, Jo": [64]}, "report.csv")
    assert count == 3
    assert read_rows("report.csv") == [
        ["name", "average", "best"],
        ["Ana", "85.5", "90"],
        ["Ben", "72.0", "72"],
        ["Lee, Jo", "64.0", "64"],
    ]


def test_comma_in_name_is_quoted():
    write_report({"Lee, Jo": [64]}, "quoted.csv")
    with open("quoted.csv", encoding="utf-8", newline="") as f:
        text = f.read()
    assert '"Lee, Jo",64.0,64' in text


def test_round_trip():
    write_text("class.csv", SAMPLE)
    assert write_report(read_grades("class.csv"), "class_report.csv") == 3
    assert read_rows("class_report.csv")[1] == ["Ana", "85.5", "90"]

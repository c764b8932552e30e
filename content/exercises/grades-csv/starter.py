def read_grades(path):
    """Return {name: [scores as ints]} from a name,subject,score CSV file."""
    grades = {}
    with open(path, encoding="utf-8") as f:
        for line in f.readlines()[1:]:
            name, _subject, score = line.strip().split(",")
            grades[name] = [int(score)]
    return grades


def write_report(grades, path):
    """Write name,average,best rows sorted by name; return the row count."""
    raise NotImplementedError

import csv
from typing import Dict, List


def read_grades(path: str) -> Dict[str, List[int]]:
    """Return {name: [scores as ints]} from a name,subject,score CSV file."""
    grades: Dict[str, List[int]] = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            grades.setdefault(row["name"], []).append(int(row["score"]))
    return grades


def write_report(grades: Dict[str, List[int]], path: str) -> int:
    """Write name,average,best rows sorted by name; return the row count."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "average", "best"])
        for name in sorted(grades):
            scores = grades[name]
            writer.writerow([name, f"{sum(scores) / len(scores):.1f}", max(scores)])
    return len(grades)

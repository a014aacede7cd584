"""What an answer file's text parses to is kept per process: a caller that changes the data
changes only its own copy, and a file whose text changed is read as it now is."""

from __future__ import annotations

from conftest import write

from assembler.answers.reader import read_yaml


def test_changing_the_data_read_changes_no_later_read(tmp_path):
    file = write(tmp_path, "base.yaml", "court: azd\ndocket:\n  - {number: 1, title: Complaint}\n")
    data, positions = read_yaml(file)
    data["docket"][0]["title"] = "changed"
    data.pop("court")
    positions.clear()
    again, positions_again = read_yaml(file)
    assert again == {"court": "azd", "docket": [{"number": 1, "title": "Complaint"}]}
    assert positions_again[("docket", 0, "title")].line == 3


def test_a_file_changed_on_disk_is_read_as_it_now_is(tmp_path):
    file = write(tmp_path, "case.yaml", "case:\n  number: 1\n")
    assert read_yaml(file)[0] == {"case": {"number": 1}}
    file.write_text("case:\n  number: 2\n", encoding="utf-8")
    assert read_yaml(file)[0] == {"case": {"number": 2}}

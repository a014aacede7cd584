"""The package's data files: each read through its schema, a fault named in one sentence."""

from __future__ import annotations

import ast
import copy
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any, get_args

import pytest

from assembler import packaged
from assembler.answers.model import Outcome
from assembler.errors import DataError
from assembler.law import caselaw, courts, deadlines, districts, forms, grounds, legal_days, roles, vehicles
from assembler.papers import registry, wording

ROOT = Path(__file__).resolve().parent.parent
CACHED = (
    districts.districts,
    courts.circuits,
    courts.load_court,
    vehicles.vehicles,
    grounds.library,
    forms.judges,
    wording._phrases,
    deadlines.federal_limits,
    legal_days.data,
    registry._raw,
    registry.papers,
    caselaw.history,
    roles.roles,
)


@pytest.fixture
def fresh():
    """Every data file read again, before the test and after it."""
    for loader in CACHED:
        loader.cache_clear()
    yield
    for loader in CACHED:
        loader.cache_clear()


def _files(folder: Any, prefix: str = "") -> set[str]:
    out: set[str] = set()
    for entry in folder.iterdir():
        if entry.is_dir():
            out |= _files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".yaml"):
            out.add(prefix + entry.name)
    return out


def test_every_packaged_data_file_loads_through_its_schema(fresh):
    read: list[str] = []
    real = packaged.read

    def reading(name: str) -> Any:
        read.append(name)
        return real(name)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(packaged, "read", reading)
        assert len(districts.districts()) == 94
        assert set(courts.circuits()) == {str(d["circuit"]) for d in districts.districts().values()}
        assert list(vehicles.vehicles()) == list(get_args(vehicles.VehicleId))
        assert set(wording._phrases()) == set(wording.PHRASES)
        assert forms.judges()
        assert grounds.library()
        for court_id in courts.known_courts():
            assert courts.load_court(court_id).profiled
        assert not courts.load_court("ndd").profiled  # the federal defaults alone
        assert set(deadlines.federal_limits()) == {"59e", "60b"}
        assert legal_days.data().closures
        assert "motion" in registry.papers()
        assert caselaw.history()
        assert roles.roles()["respondent"].side == "defendants"
    assert _files(resources.files("assembler") / "data") - set(read) == set()


def _faulty(monkeypatch: pytest.MonkeyPatch, name: str, change: Callable[[Any], None]) -> None:
    """``data/<name>`` read as the package has it, then changed by ``change``."""
    real = packaged.read
    data = copy.deepcopy(real(name))
    change(data)
    monkeypatch.setattr(packaged, "read", lambda wanted: data if wanted == name else real(wanted))


def _set(path: tuple[Any, ...], value: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        for part in path[:-1]:
            data = data[part]
        data[path[-1]] = value

    return change


def _drop(*path: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        for part in path[:-1]:
            data = data[part]
        del data[path[-1]]

    return change


FAULTS = [
    (
        "wording.yaml",
        _drop("verb.granted"),
        wording._phrases,
        "data/wording.yaml: verb.granted: required, but not given",
    ),
    (
        "wording.yaml",
        _set(("ordered.remain",), "{order} remains."),
        wording._phrases,
        "data/wording.yaml: ordered.remain: no code asks for this phrase (check its spelling)",
    ),
    (
        "wording.yaml",
        _set(("ordered.vacate",), "{ordr} is VACATED."),
        wording._phrases,
        "data/wording.yaml: ordered.vacate: {ordr} is not one of its placeholders (its placeholders are order)",
    ),
    (
        "wording.yaml",
        _set(("foregoing",), "For the {reasons}, "),
        wording._phrases,
        "data/wording.yaml: foregoing: {reasons} is not one of its placeholders (it has no placeholders)",
    ),
    (
        "wording.yaml",
        _set(("ordered.vacate",), "{order is VACATED."),
        wording._phrases,
        "data/wording.yaml: ordered.vacate: not a phrase (",
    ),
    (
        "courts/azd.yaml",
        _set(("formatting", "sise"), 13),
        lambda: courts.load_court("azd"),
        "data/courts/azd.yaml: formatting.sise: unknown key (check its spelling and place)",
    ),
    (
        "courts/azd.yaml",
        _set(("citation", "word"), "Dkt No"),
        lambda: courts.load_court("azd"),
        "data/courts/azd.yaml: citation.word: Input should be 'Docket', ",
    ),
    (
        "courts/azd.yaml",
        _set(("citation", "space"), False),
        lambda: courts.load_court("azd"),
        "data/courts/azd.yaml: citation: “Docket” is always followed by a space; space: false is for Dkt. #",
    ),
    (
        "courts/azd.yaml",
        _set(("name",), "Arizona"),
        lambda: courts.load_court("azd"),
        "data/courts/azd.yaml: name: comes from data/districts.yaml, not the profile",
    ),
    (
        "courts/azd.yaml",
        _set(("case_number", "forms", 0, "example"), "2:12-cv-01183"),
        lambda: courts.load_court("azd"),
        "data/courts/azd.yaml: case_number.forms.0: the example '2:12-cv-01183' does not fit the pattern",
    ),
    (
        "courts/_federal.yaml",
        _set(("reconsideration", "days", "value"), "ten"),
        lambda: courts.load_court("ndd"),
        "data/courts/_federal.yaml: reconsideration.days.value: Input should be a valid integer",
    ),
    (
        "courts/_federal.yaml",
        _drop("counsel_block"),
        lambda: courts.load_court("ndd"),
        "data/courts/_federal.yaml: counsel_block: required, but not given",
    ),
    (
        "vehicles.yaml",
        _set(("59e", "reaches"), "judgement"),
        vehicles.vehicles,
        "data/vehicles.yaml: 59e.reaches: Input should be 'order' or 'judgment' (given 'judgement')",
    ),
    ("vehicles.yaml", _drop("60b"), vehicles.vehicles, "data/vehicles.yaml: 60b: required, but not given"),
    (
        "vehicles.yaml",
        _set(("60b", "paper"), "Motion for Relief from {noun}"),
        vehicles.vehicles,
        "data/vehicles.yaml: 60b.paper: {noun} is not one of its placeholders (Noun)",
    ),
    (
        "vehicles.yaml",
        _set(("59e", "deadline"), "28 days"),
        vehicles.vehicles,
        "data/vehicles.yaml: 59e.deadline: must be one of local, 59e, 60b, or null",
    ),
    ("circuits.yaml", _drop("9", "name"), courts.circuits, "data/circuits.yaml: 9.name: required, but not given"),
    (
        "circuits.yaml",
        _set(("9", "standard"), "as *Kona* holds^[a note"),
        courts.circuits,
        "data/circuits.yaml: 9.standard: a footnote ^[ is never closed with ]",
    ),
    (
        "districts.yaml",
        _set(("azd", "state"), "Arizona"),
        districts.districts,
        "data/districts.yaml: azd.state: must be a two-letter postal code",
    ),
    (
        "districts.yaml",
        _set(("azd", "circuit"), 14),
        districts.districts,
        "data/districts.yaml: azd.circuit: names no circuit of data/circuits.yaml (14)",
    ),
    (
        "districts.yaml",
        _set(("azd", "seat"), "Phoenix"),
        districts.districts,
        "data/districts.yaml: azd: must give name, state and circuit, and no more",
    ),
    (
        "grounds/general.yaml",
        _set(("grounds", 0, "side"), "movent"),
        grounds.library,
        "data/grounds/general.yaml: grounds.0.side: Input should be 'movant' or 'opponent' (given 'movent')",
    ),
    (
        "grounds/general.yaml",
        _set(("vehicles",), ["59(e)"]),
        grounds.library,
        "data/grounds/general.yaml: vehicles.0: Input should be 'local', '54b', '59e' or '60b'",
    ),
    (
        "grounds/general.yaml",
        _set(("grounds", 1, "text"), "as the Order says [[18"),
        grounds.library,
        "data/grounds/general.yaml: grounds.1.text: a docket citation [[ is never closed with ]]",
    ),
    (
        "grounds/rule-60b.yaml",
        _set(("grounds", 0, "id"), "manifest-error"),
        grounds.library,
        "data/grounds/rule-60b.yaml: grounds.0.id: manifest-error is also a ground of general",
    ),
    (
        "judges.yaml",
        _set(("nysd", "Kenneth M. Karas", "order"), {"closing": "so ordered"}),
        forms.judges,
        'data/judges.yaml: nysd."Kenneth M. Karas".order.closing: Input should be ',
    ),
    (
        "judges.yaml",
        _set(("xxd",), {}),
        forms.judges,
        "data/judges.yaml: xxd: is not a court id of data/districts.yaml",
    ),
    (
        "roles.yaml",
        _set(("respondent", "side"), "neither"),
        roles.roles,
        "data/roles.yaml: respondent.side: must be plaintiffs, defendants or other",
    ),
    (
        "roles.yaml",
        _set(("intervenor", "names"), ["Third-Party Defendant"]),
        roles.roles,
        "data/roles.yaml: intervenor: spells 'Third-Party Defendant' as third-party-defendant does",
    ),
    (
        "districts.yaml",
        _set(("akd", "divisions"), ["Anchorage"]),
        districts.districts,
        "data/districts.yaml: akd.source: must say where divisions was read",
    ),
    (
        "courts/nysd.yaml",
        _set(("reconsideration", "word_limit", "earlier", 0, "until"), None),
        lambda: courts.load_court("nysd"),
        "data/courts/nysd.yaml: reconsideration.word_limit: every earlier version needs until",
    ),
]


@pytest.mark.parametrize("name, change, load, message", FAULTS, ids=[f"{f[0]}:{f[3].split(': ')[1]}" for f in FAULTS])
def test_a_fault_in_a_data_file_is_one_sentence_naming_the_file_and_the_key(
    fresh, monkeypatch, name, change, load, message
):
    _faulty(monkeypatch, name, change)
    with pytest.raises(DataError) as caught:
        load()
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_a_file_that_is_not_yaml_is_named_with_its_line(monkeypatch):
    class Broken:
        def read_text(self, encoding: str) -> str:
            return "verb.granted: GRANTING\nfoo: [unclosed\n"

    class Data:
        def __truediv__(self, other: str) -> Any:
            return self if other == "data" else Broken()

    monkeypatch.setattr(packaged, "resources", SimpleNamespace(files=lambda package: Data()))
    with pytest.raises(DataError, match=r"^data/wording\.yaml, line 3: not YAML \("):
        packaged.read("wording.yaml")


# -- the phrases the code asks for -----------------------------------------------------------

_ASKERS = {"phrase", "raw_phrase", "_fill"}  # _fill: view.py's phrase with rich parts


def _enclosing(parents: dict[ast.AST, ast.AST], node: ast.AST) -> ast.AST:
    while node in parents and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        node = parents[node]
    return node


def _names(expr: ast.expr, scope: ast.AST, where: str) -> set[str]:
    """Every phrase name ``expr`` can be; a hole in an f-string is an outcome (ruling.<side>.outcome)."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, ast.IfExp):
        return _names(expr.body, scope, where) | _names(expr.orelse, scope, where)
    if isinstance(expr, ast.JoinedStr):
        out = {""}
        for part in expr.values:
            if isinstance(part, ast.Constant):
                out = {head + str(part.value) for head in out}
            else:
                out = {head + outcome for head in out for outcome in get_args(Outcome)}
        return out
    if isinstance(expr, ast.Name):
        values = [
            node.value
            for node in ast.walk(scope)
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == expr.id for t in node.targets)
        ]
        assert values, f"{where}: cannot tell which phrase {expr.id} names"
        return set().union(*(_names(value, scope, where) for value in values))
    raise AssertionError(f"{where}: cannot tell which phrase {ast.unparse(expr)} names")


def test_every_phrase_the_code_asks_for_is_in_the_table_with_the_placeholders_it_fills():
    asked: set[str] = set()
    sites = 0
    for path in sorted((ROOT / "assembler").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in _ASKERS):
                continue
            scope = _enclosing(parents, call)
            if getattr(scope, "name", None) in _ASKERS:
                continue  # the askers themselves pass a name on
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            filled = {kw.arg for kw in call.keywords}
            sites += 1
            for name in _names(call.args[0], scope, where):
                assert name in wording.PHRASES, f"{where} asks for {name!r}, not in wording.PHRASES"
                missing = set(wording.PHRASES[name]) - filled
                assert not missing, f"{where} does not fill {sorted(missing)} in {name!r}"
                asked.add(name)
    assert sites > 20
    assert set(wording.PHRASES) - asked == set(), "phrases of the table no code asks for"


def test_a_phrase_with_a_placeholder_typo_fails_before_any_render(fresh, monkeypatch):
    _faulty(monkeypatch, "wording.yaml", _set(("background_dated",), "On {dat}, "))
    with pytest.raises(DataError, match=r"^data/wording\.yaml: background_dated: \{dat\} is not one"):
        wording.phrase("paper_leave")


def test_the_key_of_a_fault_quotes_the_parts_with_dots_or_spaces():
    assert packaged.key(("nysd", "Kenneth M. Karas", "citation", "word")) == 'nysd."Kenneth M. Karas".citation.word'
    assert packaged.key(("grounds", 3, "id")) == "grounds.3.id"
    assert packaged.key(("verb.granted",)) == "verb.granted"  # one key: nothing to tell apart

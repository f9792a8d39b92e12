"""kpi_cli.records: ``dataclass`` made cheap to define (start-up), each class as the standard
library's. Every module of the package that defines one is executed again with the standard
``dataclasses.dataclass`` in its place, and each class compared with its twin: fields, the
``__init__`` signature, slots, hashing, equality, repr, frozenness, copying."""

from __future__ import annotations

import copy
import dataclasses
import importlib
import inspect
import pkgutil
import re
import sys
import types
from decimal import Decimal
from typing import Any

import pytest

import kpi_cli
from kpi_cli import records
from kpi_cli.records import compile_init, dataclass

SOURCES = {
    info.name: inspect.getsource(importlib.import_module(info.name))
    for info in pkgutil.walk_packages(kpi_cli.__path__, "kpi_cli.")
}
MODULES = sorted(name for name, source in SOURCES.items() if "records import dataclass" in source)


def standard_twins(name: str) -> dict[str, tuple[type, type]]:
    """Each dataclass of module ``name``: (as kpi_cli.records makes it, as dataclasses makes it)."""
    module = importlib.import_module(name)
    twin = types.ModuleType(f"{name}__standard")
    twin.__package__ = module.__package__
    twin.__file__ = module.__file__
    source = inspect.getsource(module)
    sys.modules[twin.__name__] = twin
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(records, "dataclass", dataclasses.dataclass)
            exec(compile(source, module.__file__ or name, "exec"), twin.__dict__)
    finally:
        del sys.modules[twin.__name__]
    return {
        key: (getattr(module, key), value)
        for key, value in vars(twin).items()
        if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == twin.__name__
    }


TWINS = [(name, key, ours, theirs) for name in MODULES for key, (ours, theirs) in standard_twins(name).items()]


def test_every_dataclass_of_the_package_is_made_by_records() -> None:
    standard = [
        name for name, source in SOURCES.items() if re.search(r"^from dataclasses import .*\bdataclass\b", source, re.M)
    ]
    assert standard == []
    assert len(TWINS) > 90


def described(field: dataclasses.Field[Any]) -> tuple[object, ...]:
    default = field.default if field.default is dataclasses.MISSING else repr(field.default)
    flags = (field.init, field.repr, field.hash, field.compare, field.kw_only)
    return (field.name, field.type, default, field.default_factory, *flags)


@pytest.mark.parametrize(("module", "name", "ours", "theirs"), TWINS, ids=[f"{m}.{n}" for m, n, _, _ in TWINS])
def test_a_class_is_what_dataclasses_makes_of_it(module: str, name: str, ours: type, theirs: type) -> None:
    fields = dataclasses.fields(ours)
    assert [described(f) for f in fields] == [described(f) for f in dataclasses.fields(theirs)]
    assert ours.__qualname__ == theirs.__qualname__
    assert ours.__match_args__ == theirs.__match_args__  # type: ignore[attr-defined]
    assert getattr(ours, "__slots__", None) == getattr(theirs, "__slots__", None)
    assert (ours.__hash__ is None) == (theirs.__hash__ is None)
    assert ("__eq__" in vars(ours)) == ("__eq__" in vars(theirs))
    frozen = theirs.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert parameters(compile_init(ours, list(fields), frozen)) == parameters(theirs.__init__)

    one, other = _instances(ours, 1), _instances(theirs, 1)
    assert repr(one) == repr(other)
    assert one == _instances(ours, 1) and (one != _instances(ours, 2)) == (other != _instances(theirs, 2))
    if ours.__hash__ is not None:
        assert hash(one) == hash(other)
    assert _refuses_assignment(one) == _refuses_assignment(other) == frozen
    assert repr(copy.copy(one)) == repr(copy.deepcopy(one)) == repr(one)


def parameters(init: Any) -> list[tuple[str, object, str]]:
    """An __init__'s parameters: names, kinds and defaults (dataclasses' carry annotations too)."""
    return [(p.name, p.kind, repr(p.default)) for p in inspect.signature(init).parameters.values()]


def _instances(cls: type, seed: int) -> Any:
    """An instance whose every field holds a value made from ``seed`` (its __init__ and
    __post_init__ bypassed: they may check the values)."""
    made = object.__new__(cls)
    for number, field in enumerate(dataclasses.fields(cls)):
        object.__setattr__(made, field.name, (seed, number, field.name))
    return made


def _refuses_assignment(instance: object) -> bool:
    name = dataclasses.fields(instance)[0].name  # type: ignore[arg-type]
    try:
        setattr(instance, name, "changed")
    except dataclasses.FrozenInstanceError:
        return True
    return False


@dataclass(frozen=True, slots=True)
class Sample:
    """Every kind of field: required, with a default, with a factory, not in __init__."""

    name: str
    amount: Decimal = Decimal("1.5")
    tags: list[str] = dataclasses.field(default_factory=list)
    shown: str = dataclasses.field(default="", repr=False, compare=False)
    twice: str = dataclasses.field(init=False, default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "twice", self.name * 2)


def test_init_fills_defaults_factories_and_post_init_as_dataclasses_do() -> None:
    made = Sample("a", tags=["x"])
    assert (made.name, made.amount, made.tags, made.shown, made.twice) == ("a", Decimal("1.5"), ["x"], "", "aa")
    assert Sample("b").tags == [] and Sample("b").tags is not Sample("b").tags
    assert Sample("a", Decimal(2), [], "hidden") == Sample("a", Decimal(2), [], "other")  # shown is not compared
    assert repr(Sample("a")) == "Sample(name='a', amount=Decimal('1.5'), tags=[], twice='aa')"
    assert dataclasses.replace(made, name="c").twice == "cc"
    assert dataclasses.asdict(made) == {
        "name": "a",
        "amount": Decimal("1.5"),
        "tags": ["x"],
        "shown": "",
        "twice": "aa",
    }
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'name'"):
        Sample()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Sample("a", colour="red")  # type: ignore[call-arg]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'name'"):
        made.name = "d"  # type: ignore[misc]


def test_what_records_does_not_do_is_refused_when_the_class_is_defined() -> None:
    class Base:
        pass

    with pytest.raises(TypeError, match="fields and methods only"):
        records.record(frozen=True)(type("Child", (Base,), {"__annotations__": {"x": "int"}}))
    with pytest.raises(TypeError, match="plain fields only"):
        records.record(type("Counted", (), {"__annotations__": {"x": "ClassVar[int]"}}))
    with pytest.raises(ValueError, match="mutable default"):
        records.record(type("Listed", (), {"__annotations__": {"x": "list[int]"}, "x": []}))

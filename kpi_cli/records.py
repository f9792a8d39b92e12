"""``dataclass``, as the standard library's but cheap to define: the start-up of every command.

The standard ``dataclasses.dataclass`` writes the source of a class's ``__init__``, ``__repr__``,
``__eq__``, ``__hash__`` (and, frozen, ``__setattr__`` and ``__delattr__``) and compiles each
with ``exec`` while the module is imported: about four million instructions a class, and
``kpi evaluate`` imports some sixty (a third of its start-up, BENCHMARKS.md "Start-up"). Here
``__repr__`` and the frozen ones are written once for every class (they read the class's
fields), and ``__init__``, ``__eq__`` and ``__hash__``, which a large run calls millions of
times, are compiled from the code the standard library writes on their first call: as fast as
before, and paid for only by the classes a run builds or compares.

Type checkers see the standard decorator (the same fields, signatures and frozenness), and
``dataclasses.fields``, ``replace``, ``asdict`` and ``is_dataclass`` work on the classes as before.
What is not supported (``order``, ``kw_only``, ``InitVar``, ``ClassVar``, a base class) is refused
when the class is defined; tests/core/test_records.py compares every class of the package with
what the standard library makes of it. (A class without a docstring keeps none: dataclasses
writes its signature there.)
"""

from __future__ import annotations

import dataclasses
import inspect
import reprlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

Cls = TypeVar("Cls", bound=type)
MISSING: Any = dataclasses.MISSING


class _Factory:
    """The default of an argument whose field has a default_factory, as dataclasses' is shown."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def record(
    cls: Cls | None = None, /, *, frozen: bool = False, slots: bool = False, eq: bool = True, unsafe_hash: bool = False
) -> Any:
    """``@record(frozen=..., slots=..., eq=..., unsafe_hash=...)``: see the module's docstring."""

    def wrap(cls: Cls) -> Cls:
        return _build(cls, frozen=frozen, slots=slots, eq=eq, unsafe_hash=unsafe_hash)

    return wrap if cls is None else wrap(cls)


def _fields(cls: type) -> list[dataclasses.Field[Any]]:
    """The class's fields, in order, as ``dataclasses.fields`` returns them."""
    found: list[dataclasses.Field[Any]] = []
    for name, annotation in inspect.get_annotations(cls).items():
        if not isinstance(annotation, str) or annotation.split("[")[0].rsplit(".")[-1] in ("ClassVar", "InitVar"):
            raise TypeError(f"{cls.__qualname__}.{name}: record takes postponed annotations of plain fields only")
        default = cls.__dict__.get(name, MISSING)
        field = default if isinstance(default, dataclasses.Field) else dataclasses.field(default=default)
        if field.default is not MISSING and type(field.default).__hash__ is None:
            raise ValueError(f"mutable default {type(field.default)} for field {name}: use default_factory")
        field.name, field.type, field.kw_only = name, annotation, False  # what dataclasses sets
        field._field_type = dataclasses._FIELD  # type: ignore[union-attr,attr-defined]  # what fields() keeps
        found.append(field)
    return found


def _build(cls: Cls, *, frozen: bool, slots: bool, eq: bool, unsafe_hash: bool) -> Cls:
    if cls.__bases__ != (object,) or any(key in cls.__dict__ for key in ("__eq__", "__hash__", "__setattr__")):
        raise TypeError(f"{cls.__qualname__}: record takes a class of its own fields and methods only")
    fields = _fields(cls)
    names = tuple(field.name for field in fields)
    methods: dict[str, Any] = {
        "__dataclass_fields__": {field.name: field for field in fields},
        "__match_args__": tuple(field.name for field in fields if field.init),
    }
    if "__init__" not in cls.__dict__:
        methods["__init__"] = _lazy_init(fields, frozen)
    if "__repr__" not in cls.__dict__:
        methods["__repr__"] = _repr(tuple(field.name for field in fields if field.repr))
    if eq:
        methods["__eq__"] = _eq(tuple(field.name for field in fields if field.compare))
        hashed = tuple(field.name for field in fields if (field.compare if field.hash is None else field.hash))
        methods["__hash__"] = _hash(hashed) if frozen or unsafe_hash else None
    made: Any = cls
    if slots:  # a new class, as dataclasses makes: the fields are slots, their defaults live in __init__
        body = {key: value for key, value in cls.__dict__.items() if key not in (*names, "__dict__", "__weakref__")}
        made = type(cls)(cls.__name__, cls.__bases__, {**body, **methods, "__slots__": names})
        made.__qualname__ = cls.__qualname__
    else:
        for field in fields:  # a default stays on the class as the class attribute, as dataclasses leaves it
            if isinstance(cls.__dict__.get(field.name), dataclasses.Field):
                if field.default is MISSING:
                    delattr(cls, field.name)
                else:
                    setattr(cls, field.name, field.default)
        for key, value in methods.items():
            setattr(cls, key, value)
    if frozen:
        _freeze(made, names, slots)
    return made  # type: ignore[no-any-return]


def _lazy(name: str, source: str) -> Callable[..., Any]:
    """A method that compiles ``source`` (the class's own ``name``, as dataclasses writes it) on its
    first call and puts it in its place: as fast as the standard one, paid for only when used."""

    def first_call(self: Any, *args: Any) -> Any:
        scope: dict[str, Any] = {}
        exec(source, scope)
        method = scope[name]
        method.__qualname__ = f"{type(self).__qualname__}.{name}"
        setattr(type(self), name, method)
        return method(self, *args)

    first_call.__name__ = name
    return first_call


def _fields_tuple(names: tuple[str, ...], of: str) -> str:
    return "(" + "".join(f"{of}.{name}," for name in names) + ")"


def _eq(names: tuple[str, ...]) -> Callable[..., Any]:
    return _lazy(
        "__eq__",
        "def __eq__(self, other):\n    if other.__class__ is self.__class__:\n"
        f"        return {_fields_tuple(names, 'self')} == {_fields_tuple(names, 'other')}\n    return NotImplemented",
    )


def _hash(names: tuple[str, ...]) -> Callable[..., Any]:
    return _lazy("__hash__", f"def __hash__(self):\n    return hash({_fields_tuple(names, 'self')})")


def _repr(names: tuple[str, ...]) -> Callable[[Any], str]:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in names)})"

    return __repr__


def _freeze(cls: Any, names: tuple[str, ...], slots: bool) -> None:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    cls.__setattr__ = __setattr__
    cls.__delattr__ = __delattr__
    if slots:  # pickle and copy set the fields of a frozen class with slots through these

        def __getstate__(self: Any) -> list[Any]:
            return [getattr(self, name) for name in names]

        def __setstate__(self: Any, state: list[Any]) -> None:
            for name, value in zip(names, state, strict=False):
                object.__setattr__(self, name, value)

        cls.__getstate__ = __getstate__
        cls.__setstate__ = __setstate__


def _lazy_init(fields: list[dataclasses.Field[Any]], frozen: bool) -> Callable[..., None]:
    """An ``__init__`` that compiles the class's own on its first call and puts it in its place."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init = compile_init(type(self), fields, frozen)
        type(self).__init__ = init
        init(self, *args, **kwargs)

    return __init__


def compile_init(cls: type, fields: list[dataclasses.Field[Any]], frozen: bool) -> Callable[..., None]:
    """The ``__init__`` dataclasses would write: each field set from its argument, default or
    factory, then ``__post_init__``."""
    scope: dict[str, Any] = {"__builtins__": __builtins__, "__set": object.__setattr__, "__FACTORY": _FACTORY}
    params, lines, seen_default = ["self"], [], False
    for field in fields:
        name = field.name
        scope[f"__default_{name}"], scope[f"__factory_{name}"] = field.default, field.default_factory
        value = name
        if field.default_factory is not MISSING:
            value = f"__factory_{name}() if {name} is __FACTORY else {name}" if field.init else f"__factory_{name}()"
        elif not field.init:
            value = f"__default_{name}"
        if field.init:
            has_default = field.default is not MISSING or field.default_factory is not MISSING
            if seen_default and not has_default:
                raise TypeError(f"non-default argument {name!r} follows default argument")
            seen_default = seen_default or has_default
            default = "=__FACTORY" if field.default_factory is not MISSING else f"=__default_{name}"
            params.append(name + (default if has_default else ""))
        elif field.default is MISSING and field.default_factory is MISSING:
            continue  # set by __post_init__
        lines.append(f"__set(self, {name!r}, {value})" if frozen else f"self.{name} = {value}")
    if hasattr(cls, "__post_init__"):
        lines.append("self.__post_init__()")
    source = f"def __init__({', '.join(params)}):\n    " + "\n    ".join(lines or ["pass"])
    exec(source, scope)
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


if TYPE_CHECKING:
    from dataclasses import dataclass as dataclass
else:
    dataclass = record

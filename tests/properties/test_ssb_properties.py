"""Rules of the SSB readers that must hold for every cube and every input (hypothesis, derandomised).

- Any cube written as JSON-stat 2.0, as JSON-stat 1.0 and as a statistics-bank CSV (years across,
  ISO-8859-1, decimal comma) reads back as the same values and absence reasons, cell by cell.
- Any bytes given to ``parse_ssb`` give a table or a KpiError, never another exception.

The cubes are made up by hypothesis.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_cli.errors import KpiError
from kpi_cli.results.ssb.read import parse_ssb

SYMBOL_OF = {"not_applicable": ".", "not_available": "..", "suppressed": ":"}
EXAMPLES = settings(
    max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)

regions = st.lists(
    st.sampled_from(["3203 Asker", "0301 Oslo", "EKG13 Kostragruppe 13", "EAK Landet", "K-3025 Asker", "4601 Bergen"]),
    min_size=1,
    max_size=4,
    unique=True,
)
years = st.lists(st.integers(2015, 2025).map(str), min_size=1, max_size=4, unique=True)
variables = st.lists(st.sampled_from(["Frie inntekter", "Netto driftsresultat", "Årsverk"]), min_size=1, unique=True)
entries = st.one_of(
    st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(list(SYMBOL_OF)),
)


@st.composite
def cubes(draw: st.DrawFn) -> tuple[list[str], list[str], list[str], list[Decimal | str]]:
    variable, region, year = draw(variables), draw(regions), draw(years)
    values = draw(
        st.lists(
            entries, min_size=len(variable) * len(region) * len(year), max_size=len(variable) * len(region) * len(year)
        )
    )
    return variable, region, year, values


def _code(region: str) -> str:
    return region.split(" ", 1)[0]


def _jsonstat2(variable: list[str], region: list[str], year: list[str], values: list[Decimal | str]) -> bytes:
    dimension = {
        "ContentsCode": {"label": "statistikkvariabel", "category": {"index": {v: n for n, v in enumerate(variable)}}},
        "Region": {
            "label": "region",
            "category": {
                "index": {_code(r): n for n, r in enumerate(region)},
                "label": {_code(r): r.split(" ", 1)[1] for r in region},
            },
        },
        "Tid": {"label": "år", "category": {"index": year}},
    }
    document = {
        "version": "2.0",
        "class": "dataset",
        "label": "99999: Made up",
        "id": ["ContentsCode", "Region", "Tid"],
        "size": [len(variable), len(region), len(year)],
        "role": {"time": ["Tid"], "geo": ["Region"], "metric": ["ContentsCode"]},
        "dimension": dimension,
        "value": [float(v) if isinstance(v, Decimal) else None for v in values],
        "status": {str(n): SYMBOL_OF[v] for n, v in enumerate(values) if isinstance(v, str)},
    }
    return json.dumps(document).encode()


def _jsonstat1(variable: list[str], region: list[str], year: list[str], values: list[Decimal | str]) -> bytes:
    two = json.loads(_jsonstat2(variable, region, year, values))
    dimension = {**two["dimension"], "id": two["id"], "size": two["size"], "role": two["role"]}
    return json.dumps(
        {"dataset": {"label": two["label"], "dimension": dimension, "value": two["value"], "status": two["status"]}}
    ).encode()


def _statbank_csv(variable: list[str], region: list[str], year: list[str], values: list[Decimal | str]) -> bytes:
    lines = ['"99999: Made up, etter statistikkvariabel, region og år"', ""]
    lines.append(";".join(f'"{name}"' for name in ["statistikkvariabel", "region", *year]))
    position = 0
    for name in variable:
        for place in region:
            cells = []
            for _ in year:
                value = values[position]
                position += 1
                cells.append(SYMBOL_OF[value] if isinstance(value, str) else str(value).replace(".", ","))
            lines.append(";".join([f'"{name}"', f'"{place}"', *cells]))
    return "\r\n".join(lines).encode("iso-8859-1")


def _cells(data: bytes, name: str) -> dict[tuple[str, str, str], tuple[Decimal | None, str | None]]:
    table = parse_ssb(data, name)
    label = table.dimension("statistikkvariabel")
    assert label is not None
    return {
        (cell.region or "", cell.time, label.label_of(cell.other[0][1])): (cell.value, cell.absence)
        for cell in table.cells
    }


@EXAMPLES
@given(cubes())
def test_one_cube_in_three_spellings_reads_the_same(
    cube: tuple[list[str], list[str], list[str], list[Decimal | str]],
) -> None:
    values = cube[3]
    two = _cells(_jsonstat2(*cube), "cube.json")
    one = _cells(_jsonstat1(*cube), "cube1.json")
    from_csv = _cells(_statbank_csv(*cube), "cube.csv")
    assert two == one == from_csv
    assert len(two) == len(values)

    def order(entry: tuple[Decimal | None, str | None]) -> tuple[str, Decimal]:
        return (entry[1] or "", entry[0] if entry[0] is not None else Decimal(0))

    expected = [(v, None) if isinstance(v, Decimal) else (None, v) for v in values]
    assert sorted(two.values(), key=order) == sorted(expected, key=order)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(alphabet='{}[]":,.0123456789 \n;idsvaluesztmnTRrg', max_size=300).map(str.encode),
    )
)
def test_any_bytes_give_a_table_or_a_located_error(data: bytes) -> None:
    for name in ("fuzz.json", "fuzz.csv"):
        try:
            parse_ssb(data, name)
        except KpiError as error:
            assert error.errors and all(e.path == name for e in error.errors)


# Issue 22: inputs that hung kpi or crashed it, as literals (each now an error at its place).
_SMALL = (
    '{"id":["Region","Tid"],"size":[%s,1],"dimension":{"Region":{"category":{"index":%s,"label":{"3203":"%s"}}},'
    '"Tid":{"category":{"index":["2020"]}}},"value":%s}'
)
SSB_CORPUS = [
    pytest.param(_SMALL % ("3E+50000000", '["3203"]', "Asker", "[1]"), id="jsonstat-huge-size"),
    pytest.param(_SMALL % ("1", '{"3203":1E+50000000}', "Asker", "[1]"), id="jsonstat-huge-index"),
    pytest.param(_SMALL % ("1", '["3203"]', "Asker", "[3E+50000000]"), id="jsonstat-huge-value"),
    pytest.param(_SMALL % ("1E+400", '["3203"]', "Asker", "[1]"), id="jsonstat-large-size"),
    pytest.param(_SMALL % ("3000000", '["3203"]', "Asker", '{"0":1}'), id="jsonstat-declared-size"),
    pytest.param(_SMALL % ("1", '["3203"]', "Ask\\ud800er", "[1]"), id="jsonstat-lone-surrogate"),
    pytest.param(_SMALL % ("2", '["3203","3203"]', "Asker", "[1,2]"), id="jsonstat-repeated-code"),
]


@pytest.mark.parametrize("text", SSB_CORPUS)
def test_regression_corpus_jsonstat(text: str) -> None:
    with pytest.raises(KpiError) as raised:
        parse_ssb(text.encode(), "fuzz.json")
    assert [e.path for e in raised.value.errors] == ["fuzz.json"]

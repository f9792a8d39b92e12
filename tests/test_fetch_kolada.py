"""kpi fetch asks Kolada for the definitions' kolada: key figures, against a local HTTP server.

The server's answers are BUILT from Kolada's documented layout, not recorded, and their figures are
MADE UP (tests/fixtures/kolada/README.md), as is the Swedish scorecard. No test needs the internet,
and none waits: the client's sleep is replaced by a list.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kpi_cli.fetch.kolada import KoladaOptions, plan_groups
from kpi_cli.fetch.plan import MAX_URL

FIXTURES = Path(__file__).parent / "fixtures" / "kolada"
FIRST = "/v2/data/kpi/N00945,N07403/municipality/0180/year/2022,2023"
SECOND = FIRST + "?page=2&per_page=5000"  # made up: the documented next_page is a full URL, its form is not


class Server:
    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answers: dict[str, list[tuple[int, bytes]]] = {}
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.httpd.server_port}/v2"
        page_1 = (FIXTURES / "page-1.json").read_bytes().replace(b"{next}", f"{self.base}{SECOND[3:]}".encode())
        self.pages = {FIRST: page_1, SECOND: (FIXTURES / "page-2.json").read_bytes()}
        for target, body in self.pages.items():
            self.answers[target] = [(200, body)]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.asked.append(self.path)
                queue = server.answers.get(self.path) or [(404, b'{"message": "Not found"}')]
                status, body = queue.pop(0) if len(queue) > 1 else queue[0]
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler


@pytest.fixture
def kolada(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    monkeypatch.setattr("kpi_cli.fetch.client._sleep", lambda seconds: None)
    server = Server()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def scorecard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copyfile(FIXTURES / "indicators.yaml", tmp_path / "indicators.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fetch(kpi, server: Server, *args: str):
    return kpi("fetch", "--years", "2022-2023", *args, env={"KPI_KOLADA_URL": server.base, "KPI_FETCH_TIMEOUT": "5"})


SAVED = [Path("results/kolada/kolada-1.json"), Path("results/kolada/kolada-1_page2.json")]


def test_one_request_for_every_key_figure_its_pages_followed_and_saved_unedited(kpi, kolada, scorecard):
    result = fetch(kpi, kolada)
    assert result.exit_code == 0, result.stderr
    assert kolada.asked == [FIRST, SECOND]  # N00945 twice (T and M) and N07403: one request, two pages
    assert result.stdout == "".join(f"{path}: hämtad\n" for path in SAVED)  # the definitions' sv
    assert [(scorecard / path).read_bytes() for path in SAVED] == [kolada.pages[FIRST], kolada.pages[SECOND]]
    provenance = json.loads((scorecard / "results/kolada/kolada-1_page2.json.provenance").read_text())
    assert provenance["url"] == kolada.base + SECOND[3:]
    assert provenance["table"] == "kolada"


def test_a_second_fetch_makes_no_request(kpi, kolada, scorecard):
    assert fetch(kpi, kolada).exit_code == 0
    kolada.asked.clear()
    again = fetch(kpi, kolada)
    assert again.exit_code == 0
    assert kolada.asked == []
    assert again.stdout == "".join(f"{path}: oförändrad\n" for path in SAVED)
    assert fetch(kpi, kolada, "--refresh").exit_code == 0
    assert kolada.asked == [FIRST, SECOND]


def test_other_years_are_a_new_request(kpi, kolada, scorecard):
    assert fetch(kpi, kolada).exit_code == 0
    kolada.asked.clear()
    kolada.answers["/v2/data/kpi/N00945,N07403/municipality/0180/year/2023"] = [(200, kolada.pages[SECOND])]
    assert kpi("fetch", "--years", "2023", env={"KPI_KOLADA_URL": kolada.base}).exit_code == 0
    assert kolada.asked == ["/v2/data/kpi/N00945,N07403/municipality/0180/year/2023"]


def test_evaluate_reads_the_fetched_folder(kpi, kolada, scorecard):
    assert fetch(kpi, kolada).exit_code == 0
    report = json.loads(kpi("evaluate", "results/", "--year", "2023", "--format", "json").stdout)
    shown = {(item["indicator"], item["year"]): (item["status"], item["absence"]) for item in report["results"]}
    assert shown == {
        ("V.1.1", 2022): ("accepted", None),
        ("V.1.2", 2022): ("accepted", None),
        ("V.1.3", 2022): ("accepted", None),
        ("V.1.1", 2023): ("accepted", None),
        ("V.1.2", 2023): ("not_approved", None),  # the men's 58.9, not the total's 66.0
        ("V.1.3", 2023): ("missing", "not_available"),  # Kolada's value null, status "Missing"
    }
    table = kpi("evaluate", "results/", "--year", "2023")
    assert table.exit_code == 1  # V.1.2 not approved
    assert "Källa: Kolada" in table.stdout.splitlines()
    assert "inte tillgänglig" in table.stdout


def test_a_server_error_is_tried_again(kpi, kolada, scorecard):
    kolada.answers[SECOND] = [(500, b"oops"), (200, kolada.pages[SECOND])]
    result = fetch(kpi, kolada)
    assert result.exit_code == 0, result.stderr
    assert kolada.asked == [FIRST, SECOND, SECOND]


def test_a_refused_request_is_located_at_the_indicator_and_nothing_is_written(kpi, kolada, scorecard):
    kolada.answers[SECOND] = [(404, b'{"message": "No such page"}')]
    result = fetch(kpi, kolada)
    assert result.exit_code == 2
    assert result.stderr == (
        "indicators.yaml:17:21: error: indicator V.1.1: kolada: Kolada refused N00945, N07403: "
        '404 {"message": "No such page"} [fetch-select]\n'
    )
    assert not (scorecard / "results" / "kolada").exists()  # page 1 came, page 2 did not: neither is saved


def test_offline_without_a_cache_says_so_at_the_indicator(kpi, scorecard):
    result = kpi("fetch", "--offline")
    assert result.exit_code == 2
    assert result.stderr.startswith("indicators.yaml:17:21: error: indicator V.1.1: kolada: Kolada's N00945, N07403")
    assert "[fetch-offline]" in result.stderr


def test_offline_with_a_cache_makes_no_request(kpi, kolada, scorecard):
    assert fetch(kpi, kolada).exit_code == 0
    kolada.asked.clear()
    result = kpi("fetch", "--offline", env={"KPI_KOLADA_URL": kolada.base})
    assert result.exit_code == 0, result.stderr
    assert kolada.asked == []
    assert result.stdout == "".join(f"{path}: sparad sedan tidigare\n" for path in SAVED)


def test_many_key_figures_are_grouped_under_the_url_limit() -> None:
    options = KoladaOptions(Path("out"), "https://api.kolada.se/v2", ("0180",), tuple(range(2010, 2025)))
    kpis = [f"N{number:05d}" for number in range(300)]
    groups = plan_groups([*kpis, kpis[0]], options)
    assert len(groups) > 1
    assert all(len(group.url) <= MAX_URL for group in groups)
    assert [kpi for group in groups for kpi in group.kpis] == kpis  # each once, in the definitions' order
    assert groups[0].url.startswith("https://api.kolada.se/v2/data/kpi/N00000,N00001,")
    assert groups[0].url.endswith(
        "/municipality/0180/year/2010,2011,2012,2013,2014,2015,2016,2017,2018,2019,2020,2021,2022,2023,2024"
    )


def test_a_scorecard_without_the_kolada_municipality_is_told(kpi, scorecard):
    text = (scorecard / "indicators.yaml").read_text(encoding="utf-8").replace('kolada: "0180", ', 'code: "0301", ')
    (scorecard / "indicators.yaml").write_text(text, encoding="utf-8")
    result = kpi("fetch", "--years", "2023")
    assert result.exit_code == 2
    assert "the definitions name no Kolada municipality" in result.stderr and "[fetch-no-source]" in result.stderr


def test_a_shorter_answer_removes_the_pages_of_the_longer_one_before(kpi, kolada, scorecard):
    assert fetch(kpi, kolada).exit_code == 0
    one_page = (FIXTURES / "page-1.json").read_bytes().replace(b'"{next}"', b"null")
    kolada.answers[FIRST] = [(200, one_page)]
    result = fetch(kpi, kolada, "--refresh")
    assert result.exit_code == 0, result.stderr
    assert sorted(path.name for path in (scorecard / "results" / "kolada").iterdir()) == [
        "kolada-1.json",
        "kolada-1.json.provenance",
    ]
    offline = kpi("fetch", "--offline")
    assert offline.stdout == f"{SAVED[0]}: sparad sedan tidigare\n"


BENCHMARKED = "/v2/data/kpi/N00945,N07403/municipality/0180,0184/year/2022,2023"
ALL = "/v2/data/kpi/N00945,N07403/year/2022,2023"  # no municipality in the path: every one


def _with(scorecard: Path, old: str, new: str) -> None:
    path = scorecard / "indicators.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_the_benchmarks_kolada_ids_are_asked_with_the_municipality_and_compared(kpi, kolada, scorecard):
    _with(scorecard, "focus_areas:", 'benchmarks: [EKG13, {kolada: "0184"}]\nfocus_areas:')
    kolada.answers[BENCHMARKED] = [(200, (FIXTURES / "benchmarks.json").read_bytes())]
    result = fetch(kpi, kolada)
    assert result.exit_code == 0, result.stderr
    assert kolada.asked == [BENCHMARKED]  # EKG13 is SSB's: not asked of Kolada
    report = json.loads(kpi("evaluate", "results/", "--year", "2023", "--format", "json").stdout)
    compared = {
        (item["indicator"], item["year"]): [(b["region"], b["value"], b["compared"]) for b in item["benchmarks"]]
        for item in report["results"]
    }
    assert compared == {
        ("V.1.1", 2022): [("0184", 69, "worse")],
        ("V.1.2", 2022): [("0184", 61, "better")],
        ("V.1.3", 2022): [("0184", 10, "worse")],  # lower is better: 12.4 against 10.0
        ("V.1.1", 2023): [("0184", 62, "better")],
        ("V.1.2", 2023): [("0184", 60, "worse")],  # the men's 58.9 against 60.0
        ("V.1.3", 2023): [("0184", 15, None)],  # nothing to compare with a missing value
    }
    csv = kpi("evaluate", "results/", "--year", "2023", "--format", "csv").stdout.splitlines()
    assert csv[0].endswith(";absence;benchmark_0184;compared_0184")
    assert [line.split(";")[-2:] for line in csv[4:]] == [["62,0", "better"], ["60,0", "worse"], ["15,0", ""]]
    markdown = kpi("evaluate", "results/", "--year", "2023", "--format", "markdown").stdout
    assert (
        "| 66,0 | 0184 62,0 · Stockholm bättre |" in markdown and "| 58,9 | 0184 60,0 · Stockholm sämre |" in markdown
    )
    html = kpi("evaluate", "results/", "--year", "2023", "--format", "html").stdout
    assert '<td class="num">0184 62,0 · Stockholm bättre</td>' in html
    table = kpi("evaluate", "results/", "--year", "2023").stdout
    assert "Stockholm sämre" in table and "Källa: Kolada" in table.splitlines()


def test_regions_all_asks_for_every_municipality_and_makes_each_an_org_unit(kpi, kolada, scorecard):
    kolada.answers[ALL] = [(200, (FIXTURES / "all.json").read_bytes())]
    result = fetch(kpi, kolada, "--regions", "all")
    assert result.exit_code == 0, result.stderr
    assert kolada.asked == [ALL]
    report = json.loads(kpi("evaluate", "results/", "--regions", "all", "--format", "json").stdout)
    shown = {(item["org_unit"], item["indicator"]): item["status"] for item in report["results"]}
    assert shown == {  # 0000 (Riket) and 0001 (a region) are no municipality
        ("0180", "V.1.1"): "accepted",
        ("0180", "V.1.2"): "not_approved",
        ("0180", "V.1.3"): "missing",
        ("0184", "V.1.1"): "accepted",
        ("0184", "V.1.2"): "accepted",
        ("0184", "V.1.3"): "accepted",
    }


def test_regions_all_needs_no_kolada_municipality(kpi, kolada, scorecard):
    _with(scorecard, 'municipality: {kolada: "0180", name: Stockholm}\n', "")
    kolada.answers[ALL] = [(200, (FIXTURES / "all.json").read_bytes())]
    assert fetch(kpi, kolada, "--regions", "all").exit_code == 0
    assert kolada.asked == [ALL]
    assert "the definitions name no Kolada municipality" in fetch(kpi, kolada).stderr

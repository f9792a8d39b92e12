"""kpi fetch against a local HTTP server that replays Statistics Norway's real answers.

The data answer is the real JSON-stat 2.0 file of KOSTRA table 12191 (tests/fixtures/ssb/, see its
README). The metadata answer is BUILT from it (the same document without values and status, as
PxWebApi v2's /metadata serves a table's dimensions and `updated`). No test needs the internet, and
no test waits: the client's sleep is replaced by a list that records what it was asked to wait.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kpi_cli.fetch import plan
from kpi_cli.fetch.tables import Dimension, TableMeta

FIXTURES = Path(__file__).parent / "fixtures" / "ssb"
DATA = (FIXTURES / "ssb_12191_kostra_kommunehelse_jsonstat2_status.json").read_bytes()
EXAMPLE = Path(__file__).parent.parent / "examples" / "ssb-kostra" / "indicators.yaml"
META_PATH = "/api/pxwebapi/v2/tables/12191/metadata?lang=no&outputFormat=json-stat2"
DATA_PATH = (
    "/api/pxwebapi/v2/tables/12191/data?lang=no&outputFormat=json-stat2"
    "&valueCodes%5BContentsCode%5D=KOSergoaarsverk0000,KOSavtalehjemler0001,KOShjemmebesokjo0000"
    "&valueCodes%5BKOKkommuneregion0000%5D=3005,3002,3007&valueCodes%5BTid%5D=2018,2019,2020"
)


def metadata() -> bytes:
    document = json.loads(DATA)
    for key in ("value", "status"):
        document.pop(key, None)
    return json.dumps(document).encode()


@dataclass
class Replay:
    """What the server answers, by request target: a list of (status, headers, body, delay) used
    one by one, the last kept; every target asked, in order."""

    answers: dict[str, list[tuple[int, dict[str, str], bytes, float]]] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    def set(self, target: str, *answers: tuple[int, dict[str, str], bytes, float]) -> None:
        self.answers[target] = list(answers)


@pytest.fixture
def server() -> Iterator[tuple[str, Replay]]:
    replay = Replay()
    replay.set(META_PATH, (200, {}, metadata(), 0))
    replay.set(DATA_PATH, (200, {}, DATA, 0))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            replay.asked.append(self.path)
            queue = replay.answers.get(self.path) or [(404, {}, b'{"title": "Not found"}', 0)]
            status, headers, body, delay = queue.pop(0) if len(queue) > 1 else queue[0]
            if delay:
                time.sleep(delay)  # longer than the client's timeout
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:  # the client gave up waiting
                pass

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/api/pxwebapi/v2", replay
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []
    monkeypatch.setattr("kpi_cli.fetch.client._sleep", waited.append)
    return waited


@pytest.fixture
def scorecard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copyfile(EXAMPLE, tmp_path / "indicators.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


Run = Callable[..., object]


def fetch(kpi: Run, base: str, *args: str, timeout: str = "5") -> object:
    return kpi("fetch", "--years", "2015-2024", *args, env={"KPI_SSB_URL": base, "KPI_FETCH_TIMEOUT": timeout})


def test_fetch_asks_for_the_cells_named_and_saves_the_answer_unedited(kpi, server, sleeps, scorecard):
    base, replay = server
    result = fetch(kpi, base)
    assert result.exit_code == 0, result.stderr
    assert replay.asked == [META_PATH, DATA_PATH]  # three indicators of one table: one request
    saved = scorecard / "results" / "ssb" / "12191.json"
    assert saved.read_bytes() == DATA
    provenance = json.loads((scorecard / "results" / "ssb" / "12191.json.provenance").read_text())
    assert provenance["url"] == base.removesuffix("/api/pxwebapi/v2") + DATA_PATH
    assert provenance["updated"] == "2021-06-13T22:00:00Z"
    assert result.stdout == f"{Path('results/ssb/12191.json')}: hentet\n"  # in the definitions' language (nb)


def test_evaluate_reads_the_fetched_folder(kpi, server, sleeps, scorecard):
    base, _ = server
    assert fetch(kpi, base).exit_code == 0
    report = kpi("evaluate", "results", "--year", "2020", "--format", "json")
    fetched = json.loads(report.stdout)
    direct = json.loads(kpi("evaluate", "results/ssb/12191.json", "--year", "2020", "--format", "json").stdout)
    statuses = {item["indicator"]: item["status"] for item in fetched["results"]}
    assert statuses == {item["indicator"]: item["status"] for item in direct["results"]}
    assert len(statuses) == 3
    assert "oppdatert 2021-06-13" in kpi("evaluate", "results", "--year", "2020").stdout


def test_a_second_fetch_asks_only_whether_the_table_changed(kpi, server, sleeps, scorecard):
    base, replay = server
    assert fetch(kpi, base).exit_code == 0
    replay.asked.clear()
    again = fetch(kpi, base)
    assert again.exit_code == 0
    assert replay.asked == [META_PATH]
    assert again.stdout == f"{Path('results/ssb/12191.json')}: uendret\n"
    refreshed = fetch(kpi, base, "--refresh")
    assert replay.asked == [META_PATH, META_PATH, DATA_PATH]
    assert refreshed.stdout.endswith("hentet\n")


def test_a_newer_table_is_downloaded_again(kpi, server, sleeps, scorecard):
    base, replay = server
    assert fetch(kpi, base).exit_code == 0
    newer = json.loads(metadata())
    newer["updated"] = "2022-06-15T06:00:00Z"
    replay.set(META_PATH, (200, {}, json.dumps(newer).encode(), 0))
    replay.asked.clear()
    assert fetch(kpi, base).exit_code == 0
    assert replay.asked == [META_PATH, DATA_PATH]


def test_429_waits_what_retry_after_says(kpi, server, sleeps, scorecard):
    base, replay = server
    replay.set(DATA_PATH, (429, {"Retry-After": "7"}, b"", 0), (200, {}, DATA, 0))
    result = fetch(kpi, base)
    assert result.exit_code == 0, result.stderr
    assert replay.asked == [META_PATH, DATA_PATH, DATA_PATH]
    assert 7.0 in sleeps


def test_a_server_error_is_tried_again(kpi, server, sleeps, scorecard):
    base, replay = server
    replay.set(DATA_PATH, (500, {}, b"oops", 0), (200, {}, DATA, 0))
    result = fetch(kpi, base)
    assert result.exit_code == 0, result.stderr
    assert replay.asked == [META_PATH, DATA_PATH, DATA_PATH]
    assert 5.0 in sleeps  # the first backoff


def test_a_timeout_is_tried_again(kpi, server, sleeps, scorecard):
    base, replay = server
    replay.set(DATA_PATH, (200, {}, DATA, 1.0), (200, {}, DATA, 0))
    result = fetch(kpi, base, timeout="0.2")
    assert result.exit_code == 0, result.stderr
    assert replay.asked == [META_PATH, DATA_PATH, DATA_PATH]
    assert (scorecard / "results" / "ssb" / "12191.json").read_bytes() == DATA


def test_a_server_that_keeps_failing_is_one_line_and_exit_2(kpi, server, sleeps, scorecard):
    base, replay = server
    replay.set(DATA_PATH, (503, {}, b"", 0))
    result = fetch(kpi, base)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "[fetch-server]" in result.stderr
    assert not (scorecard / "results" / "ssb" / "12191.json").exists()
    assert (
        not [path.name for path in (scorecard / "results" / "ssb").glob(".kpi-*")]
        if (scorecard / "results" / "ssb").exists()
        else True
    )


def test_no_network_is_one_line_and_exit_2(kpi, sleeps, scorecard):
    result = fetch(kpi, "http://127.0.0.1:9/api/pxwebapi/v2")  # the discard port: nothing listens
    assert result.exit_code == 2
    assert result.stderr.startswith("kpi: error: no answer after 4 tries")
    assert result.stderr.rstrip().endswith("[fetch-network]")


def test_offline_without_a_cache_says_so_at_the_indicator(kpi, sleeps, scorecard):
    result = kpi("fetch", "--offline")
    assert result.exit_code == 2
    assert result.stderr.startswith("indicators.yaml:21:")
    assert "has not been fetched into" in result.stderr and "[fetch-offline]" in result.stderr


def test_offline_with_a_cache_makes_no_request(kpi, server, sleeps, scorecard):
    base, replay = server
    assert fetch(kpi, base).exit_code == 0
    replay.asked.clear()
    result = kpi("fetch", "--offline", env={"KPI_SSB_URL": base})
    assert result.exit_code == 0
    assert replay.asked == []
    assert result.stdout == f"{Path('results/ssb/12191.json')}: lagret fra før\n"


def test_an_unknown_category_is_located_at_its_indicator(kpi, server, sleeps, scorecard):
    base, replay = server
    text = (scorecard / "indicators.yaml").read_text().replace("KOShjemmebesokjo0000", "KOSnosuch0000")
    (scorecard / "indicators.yaml").write_text(text)
    result = fetch(kpi, base)
    assert result.exit_code == 2
    assert result.stderr == (
        "indicators.yaml:37:18: error: indicator H.1.3: ssb: table 12191's ContentsCode has no category "
        "'KOSnosuch0000' [fetch-select]\n"
    )
    assert replay.asked == [META_PATH]


def test_what_ssb_refuses_is_quoted_at_the_indicator(kpi, server, sleeps, scorecard):
    base, replay = server
    problem = {"title": "Missing selection for mandantory variable", "status": 400}
    replay.set(DATA_PATH, (400, {}, json.dumps(problem).encode(), 0))
    result = fetch(kpi, base)
    assert result.exit_code == 2
    assert result.stderr == (
        "indicators.yaml:21:18: error: indicator H.1.1: ssb: Statistics Norway refused table 12191: "
        "400 Missing selection for mandantory variable [fetch-select]\n"
    )


def test_a_large_selection_is_split_under_both_limits() -> None:
    """Made up: a table of 5 000 regions, 40 years and 20 contents, fetched for every region."""
    regions = tuple(f"{n:04d}" for n in range(5000))
    years = tuple(str(year) for year in range(1985, 2025))
    contents = tuple(f"KOS{n:08d}" for n in range(20))
    meta = TableMeta(
        "99999",
        None,
        (
            Dimension("KOKkommuneregion0000", "region", regions, regions),
            Dimension("ContentsCode", "statistikkvariabel", contents, contents),
            Dimension("Tid", "år", years, years),
        ),
        "KOKkommuneregion0000",
        "Tid",
    )
    sources = [plan.SsbSource(f"X.{n}", "99999", (("ContentsCode", code),)) for n, code in enumerate(contents)]
    wanted = plan.Wanted(("0001",), (), True, 1985, None)
    parts, errors = plan.plan_table(meta, sources, wanted, "https://data.ssb.no/api/pxwebapi/v2")
    assert errors == []
    assert len(parts) > 1
    assert all(part.cells() <= plan.MAX_CELLS for part in parts)
    assert all(len(part.url("https://data.ssb.no/api/pxwebapi/v2")) <= plan.MAX_URL for part in parts)
    covered = [code for part in parts for code in dict(part.selection)["KOKkommuneregion0000"]]
    assert covered == list(regions)  # every region once, in order


def test_a_kostra_figure_fetched_before_its_revision_is_marked_unrevised(kpi, server, sleeps, scorecard):
    """Table 12191 was updated 2021-06-13: its 2020 figures are unrevised (revised from 15 June
    2021), its 2019 figures revised. A copy without its provenance is not judged."""
    base, _ = server
    assert fetch(kpi, base).exit_code == 0
    year_2020 = json.loads(kpi("evaluate", "results", "--year", "2020", "--format", "json").stdout)["results"]
    assert [item["revised"] for item in year_2020 if item["year"] == 2020] == [False, False, False]
    year_2019 = json.loads(kpi("evaluate", "results", "--year", "2019", "--format", "json").stdout)["results"]
    assert [item["revised"] for item in year_2019 if item["year"] == 2019] == [True, True, True]
    for fmt, word in [("table", "urevidert"), ("markdown", "urevidert"), ("html", "urevidert"), ("csv", "urevidert")]:
        assert word in kpi("evaluate", "results", "--year", "2020", "--format", fmt).stdout, fmt
    assert "unrevised" in kpi("evaluate", "results", "--year", "2020", "--lang", "en").stdout
    assert "urevidert" not in kpi("evaluate", "results", "--year", "2019").stdout
    shutil.copyfile(FIXTURES / "ssb_12191_kostra_kommunehelse_jsonstat2_status.json", scorecard / "12191.json")
    plain = json.loads(kpi("evaluate", "12191.json", "--year", "2020", "--format", "json").stdout)["results"]
    assert all("revised" not in item for item in plain)


def test_a_refusing_proxy_is_told_from_no_network(kpi, sleeps, scorecard):
    env = {"KPI_SSB_URL": "http://ssb.example.invalid/api/pxwebapi/v2", "HTTP_PROXY": "http://127.0.0.1:9"}
    result = kpi("fetch", "--years", "2015-2024", env={**env, "NO_PROXY": "", "no_proxy": ""})
    assert result.exit_code == 2
    assert result.stderr.startswith("kpi: error: the proxy refused the request")
    assert result.stderr.rstrip().endswith("[fetch-proxy]")


def test_a_full_disk_is_one_line_and_keeps_what_was_saved(kpi, server, sleeps, scorecard, monkeypatch):
    base, replay = server
    assert fetch(kpi, base).exit_code == 0
    newer = json.loads(metadata())
    newer["updated"] = "2022-06-15T06:00:00Z"
    replay.set(META_PATH, (200, {}, json.dumps(newer).encode(), 0))

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kpi_cli.fetch.store.os.replace", full)
    result = fetch(kpi, base)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{Path('results/ssb/12191.json')}: error: cannot write the file (No space left on device): "
        "what was fetched before is kept [fetch-write]\n"
    )
    folder = scorecard / "results" / "ssb"
    assert (folder / "12191.json").read_bytes() == DATA  # the old answer, whole
    assert json.loads((folder / "12191.json.provenance").read_text())["updated"] == "2021-06-13T22:00:00Z"
    assert not list(folder.glob(".kpi-*"))  # no temporary file left

"""Asking politely: one request at a time, at most ~30 a minute (SSB's published rate, shared by
everyone behind the town hall's address), 429 answered by waiting what ``Retry-After`` says,
server errors and timeouts retried a few times with a growing wait.

The only module that imports requests (the ``fetch`` extra): it keeps the proxy settings of the
environment (``HTTPS_PROXY``) and tells a refusing proxy from a missing network. The waiting is
done by ``sleep``, which tests replace, so no test waits.
"""

from __future__ import annotations

import email.utils
import os
import time
from collections.abc import Callable
from dataclasses import field

from ..errors import UsageError
from ..records import dataclass

try:
    import requests
except ImportError:  # pragma: no cover - the extra is missing
    requests = None  # type: ignore[assignment]

INTERVAL = 2.0  # seconds between requests: 30 a minute
RETRIES = 3  # a 5xx answer or a timeout is tried this many more times
BACKOFF = 5.0  # seconds before the first retry, doubled each time
LONGEST_WAIT = 300.0  # a Retry-After longer than this is refused rather than waited out
USER_AGENT = "kpi-cli (kpi fetch)"


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


@dataclass(frozen=True, slots=True)
class Answer:
    url: str
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class Client:
    """``get(url)`` -> the answer (2xx or 4xx); a UsageError with a fetch-* code when there is none."""

    def __init__(self, timeout: float | None = None, interval: float = INTERVAL) -> None:
        if requests is None:
            raise UsageError(
                "kpi fetch needs the fetch extra: pip install 'kpi-cli[fetch]'", code="fetch-network"
            )  # pragma: no cover
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.timeout = timeout if timeout is not None else float(os.environ.get("KPI_FETCH_TIMEOUT", "60"))
        self.interval = interval
        self.last: float | None = None
        self.requested: list[str] = []  # every URL asked, in order (retries too)
        self.sleep: Callable[[float], None] = _sleep

    def get(self, url: str) -> Answer:
        tries = 0
        while True:
            self._pause()
            try:
                self.requested.append(url)
                response = self.session.get(url, timeout=self.timeout)
            except requests.exceptions.ProxyError as exc:
                raise UsageError(f"the proxy refused the request ({_reason(exc)}): {url}", code="fetch-proxy") from None
            except (requests.exceptions.Timeout, requests.exceptions.ConnectionError) as exc:
                tries += 1
                if tries > RETRIES:
                    raise UsageError(
                        f"no answer after {tries} tries ({_reason(exc)}): check the network, or use --offline: {url}",
                        code="fetch-network",
                    ) from None
                self._wait(BACKOFF * 2 ** (tries - 1))
                continue
            answer = Answer(url, response.status_code, response.content, dict(response.headers))
            if answer.status == 429 or answer.status >= 500:
                tries += 1
                if tries > RETRIES:
                    raise UsageError(
                        f"the server answered {answer.status} {tries} times: try again later: {url}",
                        code="fetch-server",
                    )
                self._wait(_retry_after(answer) if answer.status == 429 else BACKOFF * 2 ** (tries - 1))
                continue
            return answer

    def _pause(self) -> None:
        now = time.monotonic()
        if self.last is not None and now - self.last < self.interval:
            self.sleep(self.interval - (now - self.last))
        self.last = time.monotonic()

    def _wait(self, seconds: float) -> None:
        if seconds > LONGEST_WAIT:
            raise UsageError(f"the server asks to wait {seconds:.0f} seconds: try again later", code="fetch-server")
        self.sleep(seconds)
        self.last = time.monotonic()


def _retry_after(answer: Answer) -> float:
    """Seconds ``Retry-After`` asks for (a number or an HTTP date); a minute when it says nothing."""
    value = next((v for k, v in answer.headers.items() if k.lower() == "retry-after"), "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 60.0
    return max(0.0, when.timestamp() - time.time())


def _reason(exc: BaseException) -> str:
    text = str(exc)
    for marker in ("Errno", "timed out", "Name or service", "refused", "Tunnel connection failed"):
        if marker in text:
            start = text.index(marker)
            return text[start : start + 80].split("'")[0].rstrip(" ,)")
    return type(exc).__name__

"""Every row accounted for: rows read = rated + not rated + no result + measures + rejected."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Report
from .results import ResultSet


@dataclass(frozen=True)
class Reconciliation:
    read: int
    rated: int
    not_rated: int
    no_result: int
    measure: int
    rejected: int

    @property
    def balances(self) -> bool:
        return self.read == self.rated + self.not_rated + self.no_result + self.measure + self.rejected


def reconcile(read: ResultSet, report: Report) -> Reconciliation:
    """Count what became of each result read, from the reader's and the evaluation's own counts."""
    counts = report.row_counts
    rejected_reading = sum(len(log.rejected) for log in read.logs)
    return Reconciliation(
        read=sum(log.results_read for log in read.logs),
        rated=counts.get("rated", 0),
        not_rated=counts.get("not_rated", 0),
        no_result=counts.get("no_result", 0),
        measure=counts.get("measure", 0),
        rejected=counts.get("rejected", 0) + rejected_reading,
    )

"""Every row accounted for: rows read = rated + not rated + no result + measures + rejected."""

from __future__ import annotations

from ..records import dataclass
from ..report import Report
from ..results.read import ResultSet


@dataclass(frozen=True)
class Reconciliation:
    read: int
    rated: int
    not_rated: int
    no_result: int
    measure: int
    rejected: int
    as_text: int = 0  # of those without a result: cells of words (result-text), apart from empty ones

    @property
    def balances(self) -> bool:
        return self.read == self.rated + self.not_rated + self.no_result + self.measure + self.rejected


def reconcile(read: ResultSet, report: Report) -> Reconciliation:
    """Count what became of each result read, from the reader's and the evaluation's own counts."""
    counts = report.row_counts
    rejected_reading = sum(len(log.rejected) for log in read.logs)
    refused = {(error.path, error.line) for error in report.errors}
    as_text = sum(1 for n in read.notes if n.code == "result-text" and (n.path, n.line) not in refused)
    return Reconciliation(
        read=sum(log.results_read for log in read.logs),
        rated=counts.rated,
        not_rated=counts.not_rated,
        no_result=counts.no_result,
        measure=counts.measure,
        rejected=counts.rejected + rejected_reading,
        as_text=as_text,
    )

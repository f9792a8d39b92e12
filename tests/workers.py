"""The suite on several cores: pytest-xdist, as .ci/run runs it (``-n auto --dist loadgroup``).

Each worker is a process of its own, with its own ``tmp_path``, environment, current directory and
module caches, and its own PostgreSQL cluster (sql_engines.py: a folder and unix socket of its own,
no TCP port). What a test keeps for a person to look at goes to ``artifacts/`` under a name of its
own. A resource too big to start twice is kept to one worker instead: the tests of a module named in
``ONE_WORKER`` run together, on one worker, as xdist runs the tests of one ``xdist_group``.
"""

from __future__ import annotations

from xdist.scheduler import LoadGroupScheduling

# module -> group. One Spark JVM: some 1 GB for the rest of the run (pyspark keeps it
# until the process ends), 13-25 s to start and warm up (BENCHMARKS.md).
ONE_WORKER = {"tests/test_sql_spark.py": "spark"}


class Scheduling(LoadGroupScheduling):
    """``--dist loadgroup`` with the modules of ``ONE_WORKER`` grouped too, by name. An ``xdist_group``
    mark rides on the test's id, which pytest 9.2 no longer lets xdist 3.8 change: the mark is then
    ignored without a word (pytest-xdist issue 1386). A group is handed out before single tests (the
    largest unit first), so the longest runs while the other workers take the rest."""

    def _split_scope(self, nodeid: str) -> str:
        return ONE_WORKER.get(nodeid.split("::", 1)[0]) or super()._split_scope(nodeid)

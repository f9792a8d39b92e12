"""``python -m kpi_cli``."""

from .entry import run

if __name__ == "__main__":  # pragma: no cover
    run()

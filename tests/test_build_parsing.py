"""A large batch's data files are parsed in worker processes (build/parsing.py).

The check must report exactly what it reports with every file parsed in this process;
what differs is where the parsing happens, seen by a spy on `load_source` in this
process (workers parse in their own).
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
from pathlib import Path

import pytest

from benchmarks.synth import write_dataset
from sk_generator.build.parsing import MIN_FILES_PER_WORKER
from sk_generator.build.plan import Plan, Workers, plan_build
from sk_generator.errors import DataError
from sk_generator.yaml_source import load_source

RECORDS = {"instansi.yaml", "pejabat.yaml", "regulasi.yaml"}


@pytest.fixture
def parsed_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names: list[str] = []

    def spy(path: Path) -> object:
        names.append(path.name)
        return load_source(path)

    monkeypatch.setattr(importlib.import_module("sk_generator.load"), "load_source", spy)
    return names


def _plan(data: Path, tmp_path: Path, processes: int) -> Plan:
    return plan_build([data], tmp_path / "out", ["docx"], None, (), None, True, Workers(processes))


def _documents(names: list[str]) -> list[str]:
    return [name for name in names if name not in RECORDS]


def test_a_large_batch_is_parsed_in_workers_with_the_same_report(
    tmp_path: Path, parsed_here: list[str]
) -> None:
    data = tmp_path / "data"
    files = write_dataset(data, 2 * MIN_FILES_PER_WORKER)
    # Two problems the report must carry the same: a date the model refuses, and a file
    # that is not YAML (found by the parser, in a worker).
    text = files[3].read_text(encoding="utf-8").replace("tanggal: 2024-03-11", "tanggal: 2024-3-11")
    files[3].write_text(text, encoding="utf-8")
    files[5].write_text("jenis: keputusan\nnomor: [800/6\n", encoding="utf-8")
    with pytest.raises(DataError) as here:
        _plan(data, tmp_path, 1)
    assert len(_documents(parsed_here)) == 2 * MIN_FILES_PER_WORKER
    parsed_here.clear()
    with pytest.raises(DataError) as workers:
        _plan(data, tmp_path, 2)
    assert _documents(parsed_here) == []  # every data file parsed in a worker
    assert multiprocessing.active_children() == []  # and the workers stopped
    assert [i.format() for i in workers.value.issues] == [i.format() for i in here.value.issues]
    assert [i.code for i in workers.value.issues] == ["SKEMA", "YAML"]


def test_below_the_threshold_the_files_are_parsed_here(
    tmp_path: Path, parsed_here: list[str]
) -> None:
    data = tmp_path / "data"
    write_dataset(data, 2 * MIN_FILES_PER_WORKER - 1)  # one worker's worth: no pool
    plan = _plan(data, tmp_path, 2)
    assert len(plan.documents) == 2 * MIN_FILES_PER_WORKER - 1
    assert len(_documents(parsed_here)) == 2 * MIN_FILES_PER_WORKER - 1
    parsed_here.clear()
    write_dataset(data, 2 * MIN_FILES_PER_WORKER)
    more = _plan(data, tmp_path, 2)
    assert _documents(parsed_here) == []
    assert [d.source.name for d in more.documents[:-1]] == [d.source.name for d in plan.documents]


def test_a_worker_that_dies_leaves_its_files_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parse worker killed (out of memory, a signal) costs time, not the check."""
    data = tmp_path / "data"
    write_dataset(data, 2 * MIN_FILES_PER_WORKER)
    here = os.getpid()

    def dies_in_a_worker(path: Path) -> object:
        if os.getpid() != here:
            os._exit(1)  # a worker killed mid-file (fork: it inherits this function)
        return load_source(path)

    monkeypatch.setattr(
        importlib.import_module("sk_generator.load"), "load_source", dies_in_a_worker
    )
    plan = plan_build([data], tmp_path / "out", ["docx"], None, (), None, True, Workers(2, "fork"))
    assert len(plan.documents) == 2 * MIN_FILES_PER_WORKER
    assert plan.warnings == []
    assert multiprocessing.active_children() == []

"""The publishing workflow and the split between ``make test`` and ``make bench``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml


def _workflow(root: Path) -> dict:
    return yaml.safe_load((root / ".github/workflows/site.yml").read_text(encoding="utf-8"))


def test_workflow_runs_make_test_on_every_push_and_pull_request(root):
    flow = _workflow(root)
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on:` as true
    assert "push" in triggers
    assert "pull_request" in triggers
    assert triggers["push"] is None  # every branch, no filter
    test = flow["jobs"]["test"]
    assert test["timeout-minutes"] <= 90
    # `make test` itself, not .ci/run: a fork has nothing beside it (tests/test_lone_clone.py).
    assert any(step.get("run") == "make test" for step in test["steps"])
    assert "make test" in (root / ".ci/run").read_text(encoding="utf-8")


def test_main_is_built_with_make_build_and_deployed_with_the_standard_actions(root):
    deploy = _workflow(root)["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert "refs/heads/main" in deploy["if"]
    assert deploy["permissions"]["pages"] == "write"
    assert deploy["permissions"]["id-token"] == "write"
    uses = [step.get("uses", "").split("@")[0] for step in deploy["steps"]]
    assert "actions/upload-pages-artifact" in uses
    assert "actions/deploy-pages" in uses
    assert any(step.get("run") == "make build" for step in deploy["steps"])
    upload = next(s for s in deploy["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"


def test_every_checkout_fetches_the_whole_history(root):
    """Event dates come from git: a shallow checkout would date every event approximately."""
    jobs = _workflow(root)["jobs"]
    for name, job in jobs.items():
        checkouts = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
        assert checkouts, name
        for step in checkouts:
            assert step.get("with", {}).get("fetch-depth") == 0, name


def test_make_test_does_not_run_the_benchmarks(root):
    plan = subprocess.run(
        ["make", "-n", "test"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    assert "pytest" in plan
    assert "benchmarks/" not in plan
    bench = subprocess.run(
        ["make", "-n", "bench"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    assert "benchmarks/run.py" in bench

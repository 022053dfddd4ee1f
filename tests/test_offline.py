"""No network unless the user names a hub model: the checker runs with networking forbidden
(a hub id is the one thing that reaches out, by design: ``encoders.registry.load_encoder``)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS

# Every way Python opens a connection fails in this child, whatever the machine allows.
FORBID = """
import socket, sys
def forbidden(*args, **kwargs):
    raise OSError("network forbidden by the test")
socket.socket.connect = socket.socket.connect_ex = forbidden
socket.create_connection = socket.getaddrinfo = forbidden
from consistency.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def no_network(args: list[str]) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", FORBID, *args]
    if shutil.which("unshare") and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0:
        command = ["unshare", "-rn", *command]  # and no network interface at all but loopback, down
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.model
def test_a_check_with_the_default_model_needs_no_network(tmp_path):
    out = tmp_path / "report.json"
    done = no_network(["check", str(SEEDS / "source/000.en.txt"), str(SEEDS / "drifted/000.ru.txt"),
                       "--format", "json", "-o", str(out), "--fail-on", "never", "--checks", "figures,omission,names"])
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["findings"]["critical"] >= 2 and "network" not in done.stderr


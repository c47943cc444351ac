"""The real portal-server process for the Python suites (browser, durability): started on a free
port with a given data folder, its address read from the line it prints at start-up."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STARTUP_LINE = re.compile(r"Portail citoyen CCTOVAL : (http://\S+?)/?\s*$")
STARTUP_TIMEOUT = 60  # seconds: a first start migrates and seeds the database


def server_binary() -> Path:
    """`PORTAL_SERVER_BINARY` (absolute or relative to the repository), else the debug build."""
    binary = Path(os.environ.get("PORTAL_SERVER_BINARY", ".build/debug/portal-server"))
    return binary if binary.is_absolute() else ROOT / binary


class PortalServer:
    """`portal-server --port 0 --data DATA [--demo]`; `base_url` has no trailing slash.

    Standard output is drained on a thread so a chatty or silent server never blocks us;
    standard error goes to `log_path` when given.
    """

    def __init__(self, data: Path, demo: bool = False, log_path: Path | None = None):
        binary = server_binary()
        if not binary.exists():
            raise RuntimeError(f"portal-server binary not found at {binary}: build it or set PORTAL_SERVER_BINARY")
        self.log_path = log_path
        self._log = open(log_path, "w") if log_path else subprocess.DEVNULL
        arguments = [str(binary), "--port", "0", "--data", str(data), "--resources", str(ROOT / "Resources")]
        self.process = subprocess.Popen(
            arguments + (["--demo"] if demo else []),
            stdout=subprocess.PIPE, stderr=self._log, stdin=subprocess.DEVNULL, text=True, cwd=ROOT,
        )
        self.output: list[str] = []
        lines: queue.Queue[str | None] = queue.Queue()

        def pump():
            for line in self.process.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        self.base_url = None
        try:
            while self.base_url is None:
                line = lines.get(timeout=STARTUP_TIMEOUT)
                if line is None:
                    break
                self.output.append(line)
                match = STARTUP_LINE.search(line)
                if match:
                    self.base_url = match.group(1)
        except queue.Empty:
            pass
        except BaseException:
            self.kill()
            raise
        if self.base_url is None:
            self.kill()
            log = log_path.read_text() if log_path else ""
            raise RuntimeError("portal-server did not print its address; output:\n" + "".join(self.output) + "\nlog:\n" + log)

    def stop(self):
        """SIGTERM (graceful stop), then SIGKILL if it lingers."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._close_log()

    def kill(self):
        """SIGKILL: the process dies at once, as in a crash."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self._close_log()

    def _close_log(self):
        if self._log is not subprocess.DEVNULL and not self._log.closed:
            self._log.close()

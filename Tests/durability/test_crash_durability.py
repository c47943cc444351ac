"""Durability under crashes: SIGKILL the server in the middle of a stream of writes,
restart it on the same data folder, and check that the database is intact and that every
write the server had acknowledged is there.

Run with `Tests/durability/run` (builds the server if needed) or pytest directly with
PORTAL_SERVER_BINARY pointing at a built `portal-server`.
"""
import re
import sqlite3
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPOSITORY / "Tests" / "support"))
from portal_server import PortalServer  # noqa: E402

CLIENTS = 4
WRITES_BEFORE_KILL = 12


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_up(base: str, email: str) -> bool:
    """Creates an account through the real forms; True only when the server acknowledged it."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect())
    form = opener.open(f"{base}/inscription", timeout=30).read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode({
        "_csrf": token,
        "displayName": "Résident de test",
        "email": email,
        "password": "une phrase de passe solide",
        "commune": "37123",
    }).encode()
    try:
        opener.open(urllib.request.Request(f"{base}/inscription", data=body), timeout=30)
    except urllib.error.HTTPError as error:
        return error.code == 303 and error.headers.get("Location", "").startswith("/mon-espace")
    return False


def test_acknowledged_sign_ups_survive_a_sigkill():
    with tempfile.TemporaryDirectory(prefix="portal-durability-") as folder:
        data = Path(folder) / "data"
        server = PortalServer(data)
        acknowledged: list[str] = []
        lock = threading.Lock()
        stop = threading.Event()

        def client(number: int):
            sequence = 0
            while not stop.is_set():
                email = f"durable-{number}-{sequence}@example.fr"
                sequence += 1
                try:
                    if sign_up(server.base_url, email):
                        with lock:
                            acknowledged.append(email)
                except OSError:
                    return  # the server died under us: this write was not acknowledged

        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        while len(acknowledged) < WRITES_BEFORE_KILL and time.monotonic() < deadline:
            time.sleep(0.05)
        server.kill()  # mid-stream: the clients are still writing
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        assert len(acknowledged) >= WRITES_BEFORE_KILL, "the server acknowledged too few writes before the kill"

        restarted = PortalServer(data)
        try:
            with urllib.request.urlopen(f"{restarted.base_url}/healthz", timeout=10) as health:
                assert health.read() == b"ok"
            database = sqlite3.connect(f"file:{data / 'portal.sqlite'}?mode=ro", uri=True)
            try:
                assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                stored = {row[0] for row in database.execute("SELECT email FROM account WHERE email LIKE 'durable-%'")}
            finally:
                database.close()
            missing = [email for email in acknowledged if email not in stored]
            assert not missing, f"{len(missing)} acknowledged sign-ups lost: {missing[:5]}"
            # The restarted server serves the recovered accounts.
            assert sign_up(restarted.base_url, "after-restart@example.fr")
        finally:
            restarted.stop()

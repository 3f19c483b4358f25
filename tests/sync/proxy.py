"""A TCP proxy on 127.0.0.1 that a test can cut and restore: a network outage on demand.

One thread and a selector: while cut, every open connection is closed and new ones are closed
as soon as they are accepted (the kiosk sees a dropped or refused connection, as on a real
outage). While black-holed it forwards nothing and closes nothing: bytes sent either way sit
unanswered and new connections wait unaccepted, as when packets vanish on the way (the kernels
at both ends still acknowledge, so only the peers' own deadlines notice).
``close()`` ends the thread, so the leak-checking fixture stays happy.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading


class CuttableProxy:
    def __init__(
        self, target_host: str, target_port: int, *, listener: socket.socket | None = None
    ) -> None:
        """``listener``: a listening socket to use (one made in another network namespace)."""
        self._target = (target_host, target_port)
        self._listener = listener or socket.create_server(("127.0.0.1", 0))
        self._listener.setblocking(False)
        self.port: int = self._listener.getsockname()[1]
        self._sel = selectors.DefaultSelector()
        self._sel.register(self._listener, selectors.EVENT_READ, None)
        self._peers: dict[socket.socket, socket.socket] = {}
        self._lock = threading.Lock()
        self._cut = False
        self._held = False
        self._stop = threading.Event()
        self.connections = 0
        self._thread = threading.Thread(target=self._run, name="test-proxy", daemon=True)
        self._thread.start()

    def cut(self) -> None:
        with self._lock:
            self._cut = True
            for sock in list(self._peers):
                self._drop(sock)

    def restore(self) -> None:
        with self._lock:
            self._cut = False
            self._held = False

    def black_hole(self) -> None:
        with self._lock:
            self._held = True

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        with self._lock:
            for sock in list(self._peers):
                self._drop(sock)
        self._sel.close()
        self._listener.close()

    def _drop(self, sock: socket.socket) -> None:
        other = self._peers.pop(sock, None)
        for s in (sock, other):
            if s is None:
                continue
            self._peers.pop(s, None)
            with contextlib.suppress(KeyError, ValueError):
                self._sel.unregister(s)
            s.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            if self._held:
                self._stop.wait(0.05)
                continue
            for key, _ in self._sel.select(timeout=0.05):
                with self._lock:
                    if key.fileobj is self._listener:
                        self._accept()
                    elif key.fileobj in self._peers:
                        self._pump(key.fileobj)  # type: ignore[arg-type]

    def _accept(self) -> None:
        try:
            client, _ = self._listener.accept()
        except BlockingIOError:
            return
        if self._cut:
            client.close()
            return
        try:
            upstream = socket.create_connection(self._target, timeout=2)
        except OSError:
            client.close()
            return
        self.connections += 1
        for s in (client, upstream):
            s.setblocking(False)
            self._sel.register(s, selectors.EVENT_READ, None)
        self._peers[client], self._peers[upstream] = upstream, client

    def _pump(self, sock: socket.socket) -> None:
        try:
            data = sock.recv(65536)
            if data:
                self._peers[sock].setblocking(True)
                self._peers[sock].sendall(data)
                self._peers[sock].setblocking(False)
                return
        except OSError:
            pass
        self._drop(sock)

"""A kernel process and a jupyter_client connection to it, with waits that are bounded
in time and read iopub by parent (a message for one request never ends the wait for
another). Used by test_client.py and benchmarks/kernel_bench.py."""
import hashlib
import hmac
import json
import queue
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import zmq
from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file


@dataclass
class Cell:
    """What one execute_request got: its reply and its iopub messages (busy to idle)."""
    reply: dict
    messages: list = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.reply["content"]["status"]

    @property
    def outputs(self) -> list:
        return [m for m in self.messages if m["msg_type"] not in ("status", "execute_input")]

    def of_type(self, *types) -> list:
        return [m for m in self.messages if m["msg_type"] in types]

    @property
    def stdout(self) -> str:
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == "stdout")

    @property
    def stderr(self) -> str:
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == "stderr")

    @property
    def error(self):
        errors = self.of_type("error")
        return errors[0]["content"] if errors else None

    def describe(self) -> str:
        lines = [f"reply: {json.dumps(self.reply['content'])[:2000]}"]
        for m in self.messages:
            lines.append(f"  iopub {m['msg_type']}: {json.dumps(m['content'])[:600]}")
        return "\n".join(lines)


class KernelProcess:
    """`argv` (a kernelspec's, with {connection_file}) run as a child process."""

    def __init__(self, argv, folder: Path, env=None):
        self.argv = list(argv)
        self.folder = Path(folder)
        self.env = env
        self.process = None
        self.client = None
        self.iopub = []          # every iopub message read so far, in order
        self._shell_stash = []   # shell replies read while waiting for another
        self._control_stash = []

    # MARK: - Life

    def launch(self):
        """Writes a connection file on 127.0.0.1 and starts the process (no waiting)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.connection_file = str(self.folder / f"kernel-{uuid.uuid4().hex[:8]}.json")
        write_connection_file(self.connection_file, ip="127.0.0.1", transport="tcp",
                              key=uuid.uuid4().hex.encode())
        with open(self.connection_file) as f:
            self.connection = json.load(f)
        argv = [a.replace("{connection_file}", self.connection_file) for a in self.argv]
        self.stderr_path = self.folder / "kernel.stderr"
        self.stdout_path = self.folder / "kernel.stdout"
        self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=open(self.stdout_path, "wb"),
                                        stderr=open(self.stderr_path, "wb"), env=self.env, cwd=self.folder)
        self.client = BlockingKernelClient(connection_file=self.connection_file)
        self.client.load_connection_file()

    def start(self, timeout=30):
        self.launch()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=timeout)
        # wait_for_ready leaves kernel_info's iopub status messages behind: drain them.
        self.drain_iopub(0.2)

    def stop(self):
        if self.client is not None:
            try:
                if self.process.poll() is None:
                    self.send_control("shutdown_request", {"restart": False})
                    self.process.wait(timeout=5)
            except Exception:
                pass
            self.client.stop_channels()
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def stderr_text(self) -> str:
        return self.stderr_path.read_bytes().decode("utf-8", "replace")

    # MARK: - iopub

    def drain_iopub(self, quiet=0.1):
        """Reads iopub until it has been silent for `quiet` seconds."""
        while True:
            try:
                self.iopub.append(self.client.get_iopub_msg(timeout=quiet))
            except queue.Empty:
                return

    def wait_iopub(self, predicate, timeout, what="an iopub message"):
        """The first iopub message (read before or now) for which predicate holds."""
        for message in self.iopub:
            if predicate(message):
                return message
        return self._read_until(self.client.get_iopub_msg, predicate, self.iopub, timeout, what)

    def _read_until(self, get_msg, predicate, keep, timeout, what):
        """Reads messages with get_msg until one satisfies predicate, appending the others
        (and, for iopub, that one too) to keep; TimeoutError names what never came."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {what} within {timeout} s; kernel alive: {self.alive}; "
                                   f"stderr:\n{self.stderr_text()[-2000:]}")
            try:
                message = get_msg(timeout=min(left, 1))
            except queue.Empty:
                continue
            if keep is self.iopub or not predicate(message):
                keep.append(message)
            if predicate(message):
                return message

    def for_parent(self, msg_id) -> list:
        return [m for m in self.iopub if m["parent_header"].get("msg_id") == msg_id]

    def wait_idle(self, msg_id, timeout):
        return self.wait_iopub(lambda m: m["msg_type"] == "status" and m["parent_header"].get("msg_id") == msg_id
                               and m["content"]["execution_state"] == "idle", timeout, f"idle status for {msg_id}")

    # MARK: - Replies

    def _wait_reply(self, channel, stash, msg_id, timeout):
        for message in stash:
            if message["parent_header"].get("msg_id") == msg_id:
                stash.remove(message)
                return message
        return self._read_until(channel.get_msg, lambda m: m["parent_header"].get("msg_id") == msg_id, stash,
                                timeout, f"reply to {msg_id}")

    def shell_reply(self, msg_id, timeout=30):
        return self._wait_reply(self.client.shell_channel, self._shell_stash, msg_id, timeout)

    def control_reply(self, msg_id, timeout=30):
        return self._wait_reply(self.client.control_channel, self._control_stash, msg_id, timeout)

    def send_shell(self, msg_type, content):
        message = self.client.session.msg(msg_type, content)
        self.client.shell_channel.send(message)
        return message["header"]["msg_id"]

    def send_control(self, msg_type, content=None):
        message = self.client.session.msg(msg_type, content or {})
        self.client.control_channel.send(message)
        return message["header"]["msg_id"]

    def request(self, msg_type, content, timeout=30):
        """A shell request and its reply."""
        return self.shell_reply(self.send_shell(msg_type, content), timeout)

    def control(self, msg_type, content=None, timeout=30):
        return self.control_reply(self.send_control(msg_type, content), timeout)

    # MARK: - Cells

    def submit(self, code, **options):
        """Sends an execute_request; returns its msg_id without waiting."""
        content = {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                   "allow_stdin": False, "stop_on_error": True}
        content.update(options)
        return self.send_shell("execute_request", content)

    def finish(self, msg_id, timeout=60) -> Cell:
        """Waits for a submitted cell's idle status and reply."""
        self.wait_idle(msg_id, timeout)
        reply = self.shell_reply(msg_id, timeout)
        return Cell(reply, self.for_parent(msg_id))

    def execute(self, code, timeout=60, **options) -> Cell:
        return self.finish(self.submit(code, **options), timeout)

    # MARK: - Raw sockets

    def port(self, channel) -> int:
        return self.connection[f"{channel}_port"]

    def raw_socket(self, channel, kind=zmq.DEALER):
        """A socket of our own on one of the kernel's ports (no jupyter_client in between)."""
        sock = zmq.Context.instance().socket(kind)
        sock.setsockopt(zmq.LINGER, 0)
        sock.setsockopt(zmq.IDENTITY, uuid.uuid4().hex.encode())
        sock.connect(f"tcp://127.0.0.1:{self.port(channel)}")
        return sock

    def frames(self, msg_type, content, key=None, signature=None):
        """A message's frames, signed with `key` (default: the connection file's), or with
        `signature` given as is."""
        message = self.client.session.msg(msg_type, content)
        parts = [json.dumps(message[p], default=str).encode() for p in ("header", "parent_header", "metadata", "content")]
        if signature is None:
            signature = sign(parts, self.connection["key"].encode() if key is None else key)
        return message["header"]["msg_id"], [b"<IDS|MSG>", signature] + parts


def sign(parts, key: bytes) -> bytes:
    if not key:
        return b""
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        mac.update(part)
    return mac.hexdigest().encode()


def heartbeat_round_trip(sock, timeout=2.0):
    """Seconds a ping took to come back on a REQ socket, or None when it did not."""
    payload = uuid.uuid4().hex.encode()
    start = time.perf_counter()
    sock.send(payload)
    if sock.poll(int(timeout * 1000)) == 0:
        return None
    answer = sock.recv()
    assert answer == payload, f"heartbeat answered {answer!r} to {payload!r}"
    return time.perf_counter() - start

#!/usr/bin/env python3
"""Times the mlpsh Jupyter kernel beside its references; prints one JSON line.

Usage:
  kernel_bench.py start  KERNEL           process start to kernel_info_reply, seconds
  kernel_bench.py cells  KERNEL [COUNT]   median round trip of COUNT trivial cells
                                          (execute_request sent to its idle status)
  kernel_bench.py epoch-kernel            one MNIST epoch, progress on, in the kernel
  kernel_bench.py epoch-shell             the same script through `mlpsh -c`

KERNEL is `mlpsh` or `ipykernel` (the reference: `python3 -m ipykernel_launcher`, with
`pass` as its trivial cell). MLPSH_BINARY names the mlpsh to run (default: the release
build). The client is raw ZeroMQ sockets with jupyter_client's Session for signing, the
same for both kernels, so neither pays for a client thread. Everything binds and connects
on 127.0.0.1. Used by benchmarks/run; see docs/performance.md.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

import zmq
from jupyter_client.connect import write_connection_file
from jupyter_client.session import Session

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MLPSH = os.environ.get("MLPSH_BINARY") or os.path.join(ROOT, ".build", "release", "mlpsh")
# The notebook's network on scaled MNIST, as a student would run it; progress on.
EPOCH_SETUP = "load mnist\nscale\nmlp [784,128,64,10] relu"
EPOCH_TRAIN = "train epochs=1 progress=true"
TRIVIAL = {"mlpsh": "set seed=0", "ipykernel": "pass"}
TIMEOUT = 120


def argv(kernel, connection_file):
    if kernel == "mlpsh":
        return [MLPSH, "kernel", "-f", connection_file]
    return [sys.executable, "-m", "ipykernel_launcher", "-f", connection_file]


class Kernel:
    """A kernel process and three raw sockets on it: shell, control and iopub."""

    def __init__(self, kernel, folder):
        self.kernel = kernel
        self.connection_file = os.path.join(folder, f"{kernel}-{uuid.uuid4().hex[:8]}.json")
        key = uuid.uuid4().hex
        write_connection_file(self.connection_file, ip="127.0.0.1", transport="tcp", key=key.encode())
        with open(self.connection_file) as f:
            self.ports = json.load(f)
        self.session = Session(key=key.encode(), signature_scheme="hmac-sha256")
        self.context = zmq.Context()
        self.shell = self._socket(zmq.DEALER, "shell_port")
        self.control = self._socket(zmq.DEALER, "control_port")
        self.iopub = self._socket(zmq.SUB, "iopub_port")
        self.iopub.setsockopt(zmq.SUBSCRIBE, b"")
        self.process = None

    def _socket(self, kind, port):
        sock = self.context.socket(kind)
        sock.setsockopt(zmq.LINGER, 0)
        # Connect before the kernel binds, retrying every millisecond, not every 100 ms:
        # the start-up figure is the kernel's, not ZeroMQ's reconnection interval.
        sock.setsockopt(zmq.RECONNECT_IVL, 1)
        sock.setsockopt(zmq.RECONNECT_IVL_MAX, 1)
        sock.connect(f"tcp://127.0.0.1:{self.ports[port]}")
        return sock

    def launch(self, env=None):
        self.process = subprocess.Popen(argv(self.kernel, self.connection_file), stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)

    def send(self, sock, msg_type, content):
        message = self.session.msg(msg_type, content)
        self.session.send(sock, message)
        return message["header"]["msg_id"]

    def reply(self, sock, msg_id, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if sock.poll(100):
                _, message = self.session.recv(sock)
                if message["parent_header"].get("msg_id") == msg_id:
                    return message
        raise TimeoutError(f"{self.kernel}: no reply to {msg_id}")

    def idle(self, msg_id, timeout=TIMEOUT):
        """Reads iopub until `msg_id`'s idle status; returns the messages for it."""
        seen = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.iopub.poll(100):
                _, message = self.session.recv(self.iopub)
                if message["parent_header"].get("msg_id") != msg_id:
                    continue
                seen.append(message)
                if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                    return seen
        raise TimeoutError(f"{self.kernel}: no idle status for {msg_id}")

    def ready(self):
        """Sends kernel_info_request until one is answered and iopub carries its idle: the
        SUB socket drops what is published before it is connected."""
        while True:
            msg_id = self.send(self.shell, "kernel_info_request", {})
            self.reply(self.shell, msg_id)
            try:
                self.idle(msg_id, timeout=1)
                return
            except TimeoutError:
                continue

    def execute(self, code):
        msg_id = self.send(self.shell, "execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        messages = self.idle(msg_id)
        reply = self.reply(self.shell, msg_id)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"{self.kernel}: {code!r} failed: {reply['content']}")
        return messages

    def close(self):
        if self.process is not None and self.process.poll() is None:
            msg_id = self.send(self.control, "shutdown_request", {"restart": False})
            try:
                self.reply(self.control, msg_id, timeout=10)
                self.process.wait(timeout=10)
            except (TimeoutError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        self.context.destroy(linger=0)


def start(kernel):
    with tempfile.TemporaryDirectory() as folder:
        k = Kernel(kernel, folder)
        msg_id = k.session.msg("kernel_info_request", {})
        began = time.perf_counter()
        k.launch()
        k.session.send(k.shell, msg_id)
        k.reply(k.shell, msg_id["header"]["msg_id"])
        seconds = time.perf_counter() - began
        k.close()
    return {"seconds": seconds}


def cells(kernel, count=200):
    code = TRIVIAL[kernel]
    with tempfile.TemporaryDirectory() as folder:
        k = Kernel(kernel, folder)
        k.launch()
        try:
            k.ready()
            for _ in range(10):  # warm-up: first-call costs are not the round trip
                k.execute(code)
            trips = []
            for _ in range(count):
                began = time.perf_counter()
                msg_id = k.send(k.shell, "execute_request", {
                    "code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True})
                k.idle(msg_id)
                trips.append(time.perf_counter() - began)
                k.reply(k.shell, msg_id)
        finally:
            k.close()
    return {"seconds": statistics.median(trips), "p90_seconds": sorted(trips)[int(0.9 * len(trips))]}


def epoch_kernel():
    with tempfile.TemporaryDirectory() as folder:
        k = Kernel("mlpsh", folder)
        k.launch(env=dict(os.environ))
        try:
            k.ready()
            k.execute(EPOCH_SETUP)
            began = time.perf_counter()
            messages = k.execute(EPOCH_TRAIN)
            seconds = time.perf_counter() - began
        finally:
            k.close()
    updates = sum(m["msg_type"] == "update_display_data" for m in messages)
    if not any(m["content"].get("transient", {}).get("display_id") for m in messages):
        raise RuntimeError("the kernel showed no progress display during the epoch")
    # What `train` itself timed, in its result: the epoch without the messages around it.
    result = [m for m in messages if m["msg_type"] == "execute_result"]
    train_seconds = result[0]["content"]["data"]["application/vnd.mlpsh.result+json"].get("seconds") if result else None
    return {"seconds": seconds, "updates": updates, "train_seconds": train_seconds}


def epoch_shell():
    """The same epoch through `mlpsh -c`: the script's time less the time of the same
    script without the epoch (in the kernel, the setup ran in a cell of its own). Three
    pairs, their median difference: one subtraction of two whole runs is noisy."""
    script = EPOCH_SETUP.replace("\n", "; ")

    def wall(commands):
        began = time.perf_counter()
        subprocess.run([MLPSH, "-c", commands], check=True, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - began

    differences = [wall(f"{script}; {EPOCH_TRAIN}") - wall(script) for _ in range(3)]
    return {"seconds": statistics.median(differences)}


def main():
    what = sys.argv[1]
    if what == "start":
        result = start(sys.argv[2])
    elif what == "cells":
        result = cells(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 200)
    elif what == "epoch-kernel":
        result = epoch_kernel()
    elif what == "epoch-shell":
        result = epoch_shell()
    else:
        sys.exit(__doc__)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

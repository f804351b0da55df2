"""What the conformance suite does not cover, through jupyter_client and raw ZeroMQ
sockets on 127.0.0.1: the kernelspec, replies and their content, interrupts (SIGINT and
the control channel) that keep the trained model, forged and malformed messages that are
dropped, the heartbeat during a long training, live progress, and shutdown.

Each test starts its own kernel from the installed kernelspec (conftest.py), so one
failure cannot leave the next test a broken session.
"""
import json
import os
import re
import signal
import subprocess
import time

import pytest
import zmq

from conftest import install_kernelspec, mlpsh_binary, strip_ansi
from kernel_session import heartbeat_round_trip, sign

# A run far longer than any test waits (10⁷ iterations is train's limit): the tests stop it.
LONG_TRAINING = "train m iterations=10000000 batch=16"
# What completing "train b" offers: train's options that begin with b.
TRAIN_B = ["batch=", "beta1=", "beta2="]
DIGITS_MODEL = "load digits\nm = mlp [64,256,256,10]"


def iterations_trained(kernel, model="m") -> int:
    cell = kernel.execute(f"show {model}")
    assert cell.status == "ok", cell.describe()
    found = re.search(r"(\d+) iterations? trained", strip_ansi(cell.stdout + json.dumps(
        [m["content"] for m in cell.outputs])))
    assert found, f"'show {model}' does not say how many iterations were trained:\n{cell.describe()}"
    return int(found.group(1))


def training_shown(kernel, msg_id, timeout=20):
    """Waits until a cell's training shows its progress display: it is then under way."""
    return kernel.wait_iopub(lambda m: m["parent_header"].get("msg_id") == msg_id
                             and m["msg_type"] in ("display_data", "update_display_data")
                             and m["content"].get("transient", {}).get("display_id"),
                             timeout, "the training's progress display")


def model_exists(kernel, name) -> bool:
    # stop_on_error=False: this cell may fail, and the caller's next cell must run.
    cell = kernel.execute(f"show {name}", stop_on_error=False)
    return cell.status == "ok"


# MARK: - The kernelspec

def test_install_writes_a_kernelspec_and_uninstall_removes_it(tmp_path):
    folder, installed = install_kernelspec(tmp_path, name="mlpsh-test")
    assert installed.returncode == 0, f"install exited {installed.returncode}:\n{installed.stdout}{installed.stderr}"
    spec = json.loads((folder / "kernel.json").read_text())
    assert spec["argv"] == [str(mlpsh_binary()), "kernel", "-f", "{connection_file}"]
    assert os.path.isabs(spec["argv"][0])
    assert spec["display_name"] == "mlpsh"
    assert spec["language"] == "mlpsh"
    assert spec["interrupt_mode"] == "signal"
    logos = sorted(p.name for p in folder.glob("logo-*"))
    assert logos, f"no logo in {folder}: {sorted(p.name for p in folder.iterdir())}"
    for logo in folder.glob("logo-*.png"):
        assert logo.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), f"{logo.name} is not a PNG"
    result = subprocess.run([str(mlpsh_binary()), "kernel", "uninstall", "--prefix", str(tmp_path),
                             "--name", "mlpsh-test"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not folder.exists()


# MARK: - Replies

def test_kernel_info_names_the_language_and_protocol(kernel):
    reply = kernel.request("kernel_info_request", {})
    content = reply["content"]
    assert content["status"] == "ok"
    major, minor = (int(x) for x in content["protocol_version"].split(".")[:2])
    assert (major, minor) >= (5, 3)
    info = content["language_info"]
    assert info["name"] == "mlpsh"
    assert info["file_extension"] == ".mlp"
    assert info.get("mimetype")
    assert content["implementation"]


def test_control_requests_are_wrapped_in_busy_and_idle(kernel):
    msg_id = kernel.send_control("kernel_info_request")
    reply = kernel.control_reply(msg_id)
    assert reply["header"]["msg_type"] == "kernel_info_reply"
    kernel.wait_idle(msg_id, 10)
    states = [m["content"]["execution_state"] for m in kernel.for_parent(msg_id) if m["msg_type"] == "status"]
    assert states == ["busy", "idle"]


def test_echo_prints_and_counts_cells_without_a_result(kernel):
    first = kernel.execute('echo "hello, world"')
    assert first.status == "ok", first.describe()
    assert first.stdout == "hello, world\n"
    assert first.of_type("execute_result") == []
    second = kernel.execute('echo "again"')
    assert second.reply["content"]["execution_count"] == first.reply["content"]["execution_count"] + 1
    inputs = second.of_type("execute_input")
    assert inputs and inputs[0]["content"]["code"] == 'echo "again"'


def test_a_typo_is_an_error_with_its_caret_and_hint(kernel):
    cell = kernel.execute("data xor n=64\ntrian", stop_on_error=False)
    assert cell.status == "error", cell.describe()
    assert cell.reply["content"]["ename"] == "unknown-command"
    error = cell.error
    assert error is not None, cell.describe()
    assert error["ename"] == "unknown-command"
    text = "\n".join(error["traceback"])
    assert "\x1b[" in text, "the traceback has no ANSI colour"
    plain = strip_ansi(text)
    assert "error: unknown command 'trian'" in plain
    assert "2 | trian" in plain, plain
    assert "^~~~~" in plain, plain
    # The hint, as the shell prints it after the caret.
    assert "did you mean" in plain or "help" in plain, plain
    # The cell's first line ran: the data set is there.
    assert kernel.execute("show xor").status == "ok"


def test_a_cell_ending_in_evaluate_has_the_table_as_its_result(kernel):
    cell = kernel.execute("data xor n=64\nmlp [2,8,2]\ntrain epochs=2 progress=false\nevaluate on=train")
    assert cell.status == "ok", cell.describe()
    results = cell.of_type("execute_result")
    assert len(results) == 1, cell.describe()
    result = results[0]["content"]
    assert result["execution_count"] == cell.reply["content"]["execution_count"]
    data = result["data"]
    assert {"text/plain", "text/html", "application/vnd.mlpsh.result+json"} <= set(data), sorted(data)
    assert "train accuracy" in data["text/plain"]
    assert "<table" in data["text/html"]
    table = json.dumps(data["application/vnd.mlpsh.result+json"])
    assert "train accuracy" in table
    numbers = [float(x) for x in re.findall(r"\d+\.\d+", data["text/plain"])]
    assert any(0 <= x <= 1 for x in numbers), data["text/plain"]


def test_expectations_are_checked(kernel):
    setup = "data xor n=64\nmlp [2,8,2]\ntrain epochs=2 progress=false\nevaluate on=train\n"
    held = kernel.execute(setup + "# expect: train accuracy ≥ 0\n# expect: samples = 64")
    assert held.status == "ok", held.describe()
    failed = kernel.execute(setup + "# expect: train accuracy > 1.5\necho \"not reached\"", stop_on_error=False)
    assert failed.status == "error", failed.describe()
    assert failed.reply["content"]["ename"] == "expectation-failed"
    assert "expected train accuracy > 1.5, got" in strip_ansi("\n".join(failed.error["traceback"]))
    assert "not reached" not in failed.stdout
    unreported = kernel.execute("evaluate on=train\n# expect: tset accuracy > 0.5", stop_on_error=False)
    assert unreported.status == "error"


def test_a_cell_waiting_behind_a_failed_cell_is_aborted(kernel):
    # Sent together: the second waits behind the first, which trains a while and then
    # fails; it is aborted, as ipykernel does with stop_on_error.
    failing = kernel.submit(DIGITS_MODEL + "\ntrain m epochs=20 batch=16 progress=false\ntrian")
    waiting = kernel.submit('echo "skipped"')
    assert kernel.finish(failing).status == "error"
    assert kernel.finish(waiting).status == "aborted"


# ipykernel aborts only the requests queued before a failed cell's reply; mlpsh takes them
# off the socket before that reply goes out, so a cell sent after it runs.
def test_a_cell_sent_after_a_failed_cells_idle_status_runs(kernel):
    # Requests of other kinds waiting behind the failed cell keep the kernel reading its
    # queue a while after that idle status; a cell sent then must not be taken for one
    # that was waiting.
    failing = kernel.submit(DIGITS_MODEL + "\ntrain m epochs=20 batch=16 progress=false\ntrian")
    completions = [kernel.send_shell("complete_request", {"code": "train b", "cursor_pos": 7}) for _ in range(200)]
    assert kernel.finish(failing).status == "error"
    after = kernel.execute('echo "sent after the idle status"', timeout=30)
    for msg_id in completions:
        assert kernel.shell_reply(msg_id)["content"]["matches"] == TRAIN_B
    assert after.status == "ok", f"a cell sent after the failed cell's reply and idle status was {after.status}"


def test_cell_markers_are_ignored(kernel):
    cell = kernel.execute('# %%\necho "one"\n# %% a title\necho "two"\n')
    assert cell.status == "ok", cell.describe()
    assert cell.stdout == "one\ntwo\n"


def test_completion_of_commands_options_kinds_and_names(kernel):
    def complete(code, cursor=None):
        reply = kernel.request("complete_request", {"code": code, "cursor_pos": len(code) if cursor is None else cursor})
        assert reply["content"]["status"] == "ok"
        return reply["content"]

    tra = complete("tra")
    assert tra["matches"] == ["train"]
    assert (tra["cursor_start"], tra["cursor_end"]) == (0, 3)
    option = complete("train b")
    assert option["matches"] == TRAIN_B
    assert (option["cursor_start"], option["cursor_end"]) == (6, 7)
    kinds = complete("data ")
    assert {"blobs", "xor", "circles", "spiral"} <= set(kinds["matches"])
    assert kinds["cursor_start"] == kinds["cursor_end"] == 5
    datasets = complete("load ")
    assert {"mnist", "digits"} <= set(datasets["matches"])
    assert kernel.execute("data xor n=64\nm16 = mlp [2,16,2]\nm32 = mlp [2,32,2]").status == "ok"
    models = complete("evaluate m")
    assert {"m16", "m32"} <= set(models["matches"])
    assert (models["cursor_start"], models["cursor_end"]) == (9, 10)
    # In the middle of a cell: only the text before the cursor counts.
    middle = complete("data xor\ntrain b\nevaluate", cursor=len("data xor\ntrain b"))
    assert middle["matches"] == TRAIN_B
    assert middle["cursor_start"] == len("data xor\ntrain ")


def test_inspect_shows_the_help_of_the_command_under_the_cursor(kernel):
    for code, cursor in [("data xor\ntrain epochs=2", 14), ("data xor\ntrain epochs=2", 17), ("train", 5)]:
        reply = kernel.request("inspect_request", {"code": code, "cursor_pos": cursor, "detail_level": 0})
        content = reply["content"]
        assert content["status"] == "ok" and content["found"] is True, (code, cursor, content)
        assert "usage: train" in content["data"]["text/plain"]
        assert "train" in content["data"]["text/markdown"]
    for code, cursor in [("", 0), ("   ", 2), ("nosuchcommand", 3)]:
        nothing = kernel.request("inspect_request", {"code": code, "cursor_pos": cursor, "detail_level": 0})
        assert nothing["content"]["status"] == "ok"
        assert nothing["content"]["found"] is False, (code, nothing["content"])


def test_inspect_with_the_cursor_inside_a_command_name(kernel):
    # Shift-Tab leaves the cursor at the start or in the middle of a name as often as at
    # its end (an early kernel found nothing there).
    for code, cursor, name in [("train", 0, "train"), ("train", 2, "train"), ("data xor\ntrain epochs=2", 11, "train"),
                               ("plot boundary", 1, "plot")]:
        reply = kernel.request("inspect_request", {"code": code, "cursor_pos": cursor, "detail_level": 0})
        assert reply["content"]["found"] is True, (code, cursor, reply["content"])
        assert f"usage: {name}" in reply["content"]["data"]["text/plain"]


def test_is_complete(kernel):
    def status(code):
        return kernel.request("is_complete_request", {"code": code})["content"]["status"]

    assert status("mlp [784,128") == "incomplete"
    assert status('echo "open') == "incomplete"
    assert status("train m @") == "invalid"
    assert status("train epochs=2") == "complete"


def test_history_lists_this_kernels_cells(kernel):
    codes = ['echo "h1"', 'echo "h2"', "data xor n=64"]
    counts = [kernel.execute(code).reply["content"]["execution_count"] for code in codes]
    tail = kernel.request("history_request", {"hist_access_type": "tail", "n": 3, "output": False, "raw": True})
    history = tail["content"]["history"]
    assert [h[2] for h in history] == codes
    assert [h[1] for h in history] == counts
    session = history[0][0]
    assert session == 1, "mlpsh keeps one history session per kernel process, numbered 1"
    ranged = kernel.request("history_request", {"hist_access_type": "range", "session": session, "start": counts[1],
                                                "stop": counts[2] + 1, "output": False, "raw": True})
    assert [h[2] for h in ranged["content"]["history"]] == codes[1:]
    current = kernel.request("history_request", {"hist_access_type": "range", "session": 0, "start": counts[0],
                                                 "stop": counts[0] + 1, "output": True, "raw": True})
    assert current["content"]["history"] == [[1, counts[0], [codes[0], None]]]
    found = kernel.request("history_request", {"hist_access_type": "search", "pattern": 'echo "h*', "output": False,
                                               "raw": True})
    assert [h[2] for h in found["content"]["history"]] == codes[:2]


def test_comm_info_and_an_unknown_request(kernel):
    comm = kernel.request("comm_info_request", {})
    assert comm["content"]["status"] == "ok"
    assert comm["content"]["comms"] == {}
    kernel.send_shell("no_such_request", {})
    # Whatever the kernel does with it (the protocol lets it ignore it), it goes on.
    assert kernel.execute('echo "still here"').stdout == "still here\n"
    assert kernel.alive


# MARK: - Interrupts

@pytest.mark.parametrize("mode", ["signal", "message"])
def test_interrupt_stops_training_and_keeps_the_model(kernel, mode):
    assert kernel.execute(DIGITS_MODEL).status == "ok"
    msg_id = kernel.submit(LONG_TRAINING, stop_on_error=False)
    training_shown(kernel, msg_id)
    if mode == "signal":
        kernel.process.send_signal(signal.SIGINT)
    else:
        reply = kernel.control("interrupt_request")
        assert reply["content"]["status"] == "ok"
    started = time.monotonic()
    cell = kernel.finish(msg_id, timeout=15)
    assert time.monotonic() - started < 5, "training did not stop at the end of its batch"
    assert cell.status == "error", cell.describe()
    assert cell.reply["content"]["ename"] == "KeyboardInterrupt"
    assert cell.error["ename"] == "KeyboardInterrupt"
    evalue = cell.reply["content"]["evalue"]
    assert "keeps" in evalue and re.search(r"\d+", evalue), f"the evalue does not say what was kept: {evalue!r}"
    trained = iterations_trained(kernel)
    assert 0 < trained < 10_000_000
    # The session goes on, and training continues from what was kept.
    again = kernel.execute("train m iterations=5 progress=false")
    assert again.status == "ok", again.describe()
    assert iterations_trained(kernel) == trained + 5


def test_interrupting_a_sweep_keeps_every_run(kernel):
    assert kernel.execute(DIGITS_MODEL).status == "ok"
    msg_id = kernel.submit("sweep m batch=16,32 epochs=100000", stop_on_error=False)

    def progressed(message):
        """An update of the sweep's progress that counts 1000 iterations or more."""
        done = re.search(r"(\d+)/\d+ iterations", json.dumps(message["content"].get("data", {})))
        return (message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "update_display_data"
                and done is not None and int(done.group(1)) >= 1000)

    kernel.wait_iopub(progressed, 30, "1000 iterations of the sweep")
    assert kernel.control("interrupt_request")["content"]["status"] == "ok"
    cell = kernel.finish(msg_id, timeout=15)
    assert cell.reply["content"]["ename"] == "KeyboardInterrupt", cell.describe()
    assert "keep" in cell.reply["content"]["evalue"]
    # Both runs are kept, with what they learnt (they run side by side, so at least 1000
    # iterations between them).
    kept = iterations_trained(kernel, "m_batch16") + iterations_trained(kernel, "m_batch32")
    assert kept >= 1000
    assert iterations_trained(kernel, "m") == 0  # a sweep trains copies


def test_an_interrupt_between_cells_harms_nothing(kernel):
    assert kernel.execute("data xor n=64\nmlp [2,8,2]").status == "ok"
    assert kernel.control("interrupt_request")["content"]["status"] == "ok"
    kernel.process.send_signal(signal.SIGINT)
    cell = kernel.execute("train epochs=2 progress=false")
    assert cell.status == "ok", cell.describe()
    assert iterations_trained(kernel, "mlp1") == 2


# MARK: - Security

def listening_addresses(pid) -> set:
    """The (address, port) pairs on which process `pid` listens for TCP, from /proc."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        with open(table) as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                local, state, inode = fields[1], fields[3], fields[9]
                if state != "0A" or inode not in inodes:  # 0A: LISTEN
                    continue
                address, port = local.split(":")
                if width == 8:
                    address = ".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0))
                found.add((address, int(port, 16)))
    return found


def test_the_kernel_listens_only_where_the_connection_file_says(kernel):
    ports = {kernel.port(channel) for channel in ("shell", "control", "iopub", "stdin", "hb")}
    assert listening_addresses(kernel.process.pid) == {("127.0.0.1", port) for port in ports}


EXECUTE = {"silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False,
           "stop_on_error": True}


def raw_execute(kernel, sock, code, timeout=30, others=None):
    """Runs `code` through a raw DEALER socket; returns the execute_reply's header and
    content. Replies to anything else are skipped, their parents' ids put in `others`."""
    msg_id, frames = kernel.frames("execute_request", {"code": code, **EXECUTE})
    sock.send_multipart(frames)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sock.poll(500):
            parts = sock.recv_multipart()
            start = parts.index(b"<IDS|MSG>")
            parent = json.loads(parts[start + 3]).get("msg_id")
            if parent != msg_id:
                if others is not None:
                    others.append(parent)
                continue
            return {"header": json.loads(parts[start + 2]), "parent_header": json.loads(parts[start + 3]),
                    "content": json.loads(parts[start + 5])}
    raise TimeoutError(f"no reply to {code!r} within {timeout} s; kernel alive: {kernel.alive}")


def test_forged_messages_are_dropped_and_logged(kernel):
    assert kernel.execute('echo "ready"').status == "ok"
    shell = kernel.raw_socket("shell")
    forged = {}
    for name, kwargs in [("wrongkey", {"key": b"not the key"}),
                         ("nosignature", {"signature": b""}),
                         ("flipped", {})]:
        msg_id, frames = kernel.frames("execute_request", {"code": f"{name} = mlp [2,2]", **EXECUTE}, **kwargs)
        if name == "flipped":
            signature = frames[1]
            frames[1] = signature[:-1] + (b"0" if signature[-1:] != b"0" else b"1")
        forged[msg_id] = name
        shell.send_multipart(frames)
    # Sent after them on the same connection, so read after them.
    answered = []
    reply = raw_execute(kernel, shell, 'echo "checked"', others=answered)
    assert reply["content"]["status"] == "ok"
    check_id = reply["parent_header"]["msg_id"]
    assert not set(answered) & set(forged), "a forged request was answered"
    kernel.wait_idle(check_id, 10)
    for msg_id in forged:
        assert kernel.for_parent(msg_id) == [], "a forged request reached iopub"
    for name in forged.values():
        assert not model_exists(kernel, name), f"the forged cell '{name} = mlp [2,2]' ran"
    log = kernel.stderr_text().lower()
    assert log.count("signature") >= 3, f"the kernel's stderr does not log the dropped messages:\n{log}"
    # A forged shutdown on control does not stop it either.
    control = kernel.raw_socket("control")
    _, frames = kernel.frames("shutdown_request", {"restart": False}, key=b"not the key")
    control.send_multipart(frames)
    info_id, frames = kernel.frames("kernel_info_request", {})
    control.send_multipart(frames)
    assert control.poll(10_000), "no reply on control after a forged shutdown"
    parts = control.recv_multipart()
    assert json.loads(parts[parts.index(b"<IDS|MSG>") + 3])["msg_id"] == info_id
    assert kernel.alive
    shell.close()
    control.close()


def test_malformed_messages_are_dropped_and_the_kernel_lives(kernel):
    assert kernel.execute("data xor n=64\nm = mlp [2,8,2]").status == "ok"
    key = kernel.connection["key"].encode()
    header = json.dumps({"msg_id": "x1", "msg_type": "execute_request", "session": "s", "username": "u",
                         "date": "2026-12-07T00:00:00Z", "version": "5.3"}).encode()
    content = json.dumps({"code": "junk = mlp [2,2]", "silent": False}).encode()

    def signed(parts):
        return [b"<IDS|MSG>", sign(parts, key)] + parts

    oversized_code = "oversized = mlp [2,2]\n#" + "x" * (64 * 1024 * 1024)
    _, oversized = kernel.frames("execute_request", {"code": oversized_code, "silent": False, "store_history": True,
                                                     "user_expressions": {}, "allow_stdin": False,
                                                     "stop_on_error": True})
    cases = {
        "one frame, no delimiter": [b"garbage"],
        "the delimiter alone": [b"<IDS|MSG>"],
        "frames missing": [b"<IDS|MSG>", sign([header], key), header],
        "header not JSON": signed([b"{not json", b"{}", b"{}", content]),
        "content not an object": signed([header, b"{}", b"{}", b"[1, 2, 3]"]),
        "header without msg_type": signed([b'{"msg_id": "x2"}', b"{}", b"{}", content]),
        "invalid UTF-8": signed([header, b"{}", b"{}", b'{"code": "\xff\xfe"}']),
        "content without code": signed([header, b"{}", b"{}", b"{}"]),
        "oversized": oversized,
        "empty frames": [b"", b"", b""],
    }
    shell = kernel.raw_socket("shell")
    for name, frames in cases.items():
        shell.send_multipart(frames)
        # Sent after it on the same connection, so read after it.
        reply = raw_execute(kernel, shell, 'echo "alive"')
        assert kernel.alive, f"the kernel died of: {name}\n{kernel.stderr_text()[-2000:]}"
        assert reply["content"]["status"] == "ok", f"after {name}: {reply}"
    assert not model_exists(kernel, "oversized")
    assert not model_exists(kernel, "junk")
    assert model_exists(kernel, "m"), "the model made before the malformed messages is gone"
    shell.close()


# MARK: - Heartbeat, progress, shutdown

def test_heartbeat_answers_during_a_long_training(kernel):
    seconds = float(os.environ.get("MLPSH_KERNEL_HEARTBEAT_SECONDS", "30"))
    assert kernel.execute(DIGITS_MODEL).status == "ok"
    heartbeat = kernel.raw_socket("hb", zmq.REQ)
    msg_id = kernel.submit(LONG_TRAINING)
    training_shown(kernel, msg_id)
    trips = []
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        trip = heartbeat_round_trip(heartbeat, timeout=2)
        assert trip is not None, f"no heartbeat after {time.monotonic() - start:.1f} s of training"
        trips.append(trip)
        time.sleep(0.25)  # pacing the pings, not waiting for anything
    assert kernel.client.hb_channel.is_beating(), "jupyter_client's heartbeat channel says the kernel is not beating"
    busy = [m for m in kernel.for_parent(msg_id) if m["msg_type"] == "status"]
    assert [m["content"]["execution_state"] for m in busy] == ["busy"], "the training ended before the pings did"
    kernel.control("interrupt_request")
    cell = kernel.finish(msg_id, timeout=15)
    assert cell.reply["content"].get("ename") == "KeyboardInterrupt", cell.describe()
    trips.sort()
    print(f"heartbeat: {len(trips)} pings over {seconds:.0f} s of training, median {trips[len(trips) // 2] * 1e3:.2f} ms,"
          f" worst {trips[-1] * 1e3:.2f} ms")
    assert len(trips) >= seconds, f"{len(trips)} pings in {seconds} s"  # at least one a second
    assert trips[-1] < 1.0, f"a ping took {trips[-1]:.3f} s"
    heartbeat.close()


def test_training_shows_live_progress_in_one_display(kernel):
    assert kernel.execute(DIGITS_MODEL).status == "ok"
    started = time.monotonic()
    cell = kernel.execute("train m epochs=300 batch=16", timeout=120)
    lasted = time.monotonic() - started
    assert cell.status == "ok", cell.describe()
    displays = [m for m in cell.of_type("display_data") if m["content"].get("transient", {}).get("display_id")]
    assert len(displays) == 1, cell.describe()
    display_id = displays[0]["content"]["transient"]["display_id"]
    updates = cell.of_type("update_display_data")
    assert updates, "no update_display_data"
    assert all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    assert messages_in_order(cell.messages, displays[0], updates[0])
    if lasted >= 1.5:
        assert len(updates) >= lasted - 1, f"{len(updates)} updates in {lasted:.1f} s"
    assert len(updates) <= 30 * lasted + 2, f"{len(updates)} updates in {lasted:.1f} s: too many"
    # It ends as the run's summary, after a last status with every iteration done (300
    # epochs of 89 batches); the summary is not printed a second time.
    summary = updates[-1]["content"]["data"]["text/plain"]
    assert summary.startswith("trained m: 26700 iterations"), summary
    last = updates[-2]["content"]["data"]["text/plain"]
    done = re.search(r"(\d+)/(\d+)", last)
    assert done and done.group(1) == done.group(2) == "26700", last
    assert "loss" in last, last
    assert "trained m:" not in cell.stdout, cell.stdout
    # Without progress: no display to update.
    quiet = kernel.execute("train m epochs=1 batch=16 progress=false")
    assert quiet.of_type("update_display_data") == []


def messages_in_order(messages, first, second) -> bool:
    return messages.index(first) < messages.index(second)


def test_sigterm_during_training_stops_at_the_batch_and_exits_143(kernel):
    assert kernel.execute(DIGITS_MODEL).status == "ok"
    msg_id = kernel.submit(LONG_TRAINING)
    training_shown(kernel, msg_id)
    kernel.process.send_signal(signal.SIGTERM)
    assert kernel.process.wait(timeout=10) == 143


def test_shutdown_request_ends_the_process(kernel):
    assert kernel.execute("data xor n=64").status == "ok"
    reply = kernel.control("shutdown_request", {"restart": False})
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["restart"] is False
    assert kernel.process.wait(timeout=5) == 0

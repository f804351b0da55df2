"""Every hostile line of docs/errors.md, sent to one kernel as a cell of its own.

The rows are read from the doc's generated tables (input, first line of the error); the
files a row needs are made here as Tests/MLPScriptTests/HostileInput+Rows.swift makes
them. Each cell must get an error reply whose traceback starts with the doc's error, and
after all of them the session must still hold what it held: `m`'s weights (its
evaluation, the same numbers), its iterations, and `digits`. The rows of "Through the real
binary" that can be sent as a cell run too, with what the doc says of each.
"""
import re
import zlib
from pathlib import Path


from conftest import ROOT, strip_ansi

ROW = re.compile(r"^\| (?P<what>.*?): `(?P<shown>.*)` \| `(?P<error>error: .*)` \| `HostileInputTests/row` #(?P<n>\d+) \|$")
SETUP = "load digits\nm = mlp [64,10]\ntrain m digits iterations=5 progress=false"


def doc_rows():
    rows = []
    for line in (ROOT / "docs" / "errors.md").read_text().splitlines():
        match = ROW.match(line)
        if match:
            rows.append(match.groupdict())
    return rows


def idx(magic, sizes, body):
    return b"".join(v.to_bytes(4, "big") for v in [magic] + sizes) + bytes(body)


def mnist(change=None):
    files = {
        "train-images-idx3-ubyte": idx(0x803, [3, 2, 2], range(12)),
        "train-labels-idx1-ubyte": idx(0x801, [3], [0, 1, 2]),
        "t10k-images-idx3-ubyte": idx(0x803, [2, 2, 2], [9] * 8),
        "t10k-labels-idx1-ubyte": idx(0x801, [2], [3, 4]),
    }
    if change:
        change(files)
    return files


def setitem(name, value):
    def change(files):
        if value is None:
            del files[name]
        else:
            files[name] = value(files[name]) if callable(value) else value
    return change


def model_file(base: str, edit=lambda text: text, resign=False) -> bytes:
    """The saved model `base` (mlp [4,3,2] seed=1, saved by the kernel), edited; `resign`
    recomputes its CRC-32 line so that only the edit is wrong."""
    text = edit(base)
    if resign:
        marker = '  "crc32" : "'
        at = text.index(marker)
        checksum = "%08x" % (zlib.crc32(text[:at].encode()) & 0xFFFFFFFF)
        start = at + len(marker)
        text = text[:start] + checksum + text[start + 8:]
    return text.encode()


MEBI = 1 << 20

# What the doc cannot show: the real input, by the row's "what".
INPUTS = {
    "lists nested 100 000 deep": "mlp " + "[" * 100_000 + "64,10" + "]" * 100_000,
    "an escape sequence": "train m \x1b[2J",
    "a NUL byte": "train m\x00",
    "bytes that are not UTF-8, in code": 'run "DIR/latin1.mlp"',
    "a binary file as a script": 'run "DIR/model.bin"',
    "a 1 MiB line with a mistake at its end": "mlp [64,10]" + " " * MEBI + "@",
    "a 1 MiB word": "mlp [64,10] " + "x" * MEBI,
    "a 10 MiB word as a command": "x" * (10 * MEBI),
    "a right-to-left override": "mlp [2,2] \u202e relu",
    "a zero-width space": "mlp [2,2]\u200b",
    "a byte-order mark inside a line": "mlp [2,2] \ufeff",
    "a feature beyond Float32": "predict m [" + ",".join(["1e308"] * 64) + "]",
}

# Rows the kernel answers otherwise than a script, by design; each has a test of its own.
# "expectation without a command": a script refuses `# expect:` before its first command
# when it is parsed, but in a notebook a cell's `# expect:` before the cell's first command
# checks the previous cell's report (as `--check` does across cells), so what it says
# depends on the cell before: see test_an_expectation_before_any_command.
KERNEL_OWN = {"expectation without a command"}


def shown_input(row) -> str:
    """The row's input as the doc shows it: the generated table writes a newline as
    "` ⏎ `" and a '|' as "\\|"."""
    return row["shown"].replace("` ⏎ `", "\n").replace("\\|", "|")


def files_for(what: str, base_model: str) -> dict:
    """The files a row needs in DIR, by name (a name ending in / is a folder)."""
    edits = {
        "cut in half": lambda: model_file(base_model)[: len(model_file(base_model)) // 2],
        "checksum line cut off": lambda: model_file(base_model, lambda t: t.replace('\n  "crc32"', '\n  "crc"')),
        "one weight damaged": lambda: model_file(base_model, lambda t: t.replace('"parameters" : "', '"parameters" : "A')),
        "from a newer mlpsh": lambda: model_file(base_model, lambda t: t.replace('"version" : 3', '"version" : 4'), True),
        "unknown activation, checksum right": lambda: model_file(base_model, lambda t: t.replace('"relu"', '"rleu"'), True),
        "weights that do not fit the layers": lambda: model_file(base_model, lambda t: t.replace(
            '"layerSizes" : [\n        4,', '"layerSizes" : [\n        5,'), True),
        "layers of 10¹⁰ parameters": lambda: model_file(base_model, lambda t: t.replace(
            '"layerSizes" : [\n        4,', '"layerSizes" : [\n        100000,').replace("        3,\n", "        100000,\n"), True),
        "layer sizes near 2⁶³, checksum right": lambda: model_file(base_model, lambda t: t.replace(
            '"layerSizes" : [\n        4,', '"layerSizes" : [\n        9223372036854775807,'), True),
        "a history near 2⁶³ samples, checksum right": lambda: model_file(base_model, lambda t: t.replace(
            '{"steps":[]}',
            '{"steps":[{"accuracy":0.5,"epoch":1,"examplesSeen":9223372036854775000,"loss":1}]}'), True),
        "a learning rate of 10⁻⁴⁶, checksum right": lambda: model_file(base_model, lambda t: t.replace(
            '"learningRate" : 0.01', '"learningRate" : 1e-46'), True),
        "a damaged version digit": lambda: model_file(base_model, lambda t: t.replace('"version" : 3', '"version" : 7')),
        "a version that is not whole": lambda: model_file(base_model, lambda t: t.replace(
            '"version" : 3', '"version" : 2.5'), True),
        "a negative seed, checksum right": lambda: model_file(base_model, lambda t: t.replace(
            '"seed" : 1', '"seed" : -1'), True),
    }
    if what in edits:
        return {"m.json": edits[what]()}
    gz_bad = [0x1F, 0x8B, 0x08, 0x00] + [0x55] * 40
    gz_cut = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0xFF, 0x01, 0x0A, 0x00, 0xF5, 0xFF, 0, 0]

    def both(*changes):
        def change(files):
            for c in changes:
                c(files)
        return change

    table = {
        "script that runs itself": {"self.mlp": b'run "DIR/self.mlp"\n'},
        "bytes that are not UTF-8, in code": {"latin1.mlp": b"mlp [2,2] \xe9\n"},
        "a binary file as a script": {"model.bin": bytes([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0xFF])},
        "IDX: wrong magic number": mnist(setitem("train-images-idx3-ubyte", lambda b: b[:3] + b"\x01" + b[4:])),
        "IDX: a text file": mnist(setitem("t10k-labels-idx1-ubyte", b"3,4\n")),
        "IDX: truncated pixels": mnist(setitem("train-images-idx3-ubyte", lambda b: b[:-5])),
        "IDX: truncated header": mnist(setitem("train-labels-idx1-ubyte", bytes([0, 0, 8, 1, 0]))),
        "IDX: bytes past the end": mnist(setitem("t10k-labels-idx1-ubyte", lambda b: b + b"\x07")),
        "IDX: counts that disagree": mnist(setitem("train-labels-idx1-ubyte", idx(0x801, [2], [0, 1]))),
        "IDX: absurd dimensions": mnist(setitem("train-images-idx3-ubyte", idx(0x803, [0xFFFFFFFF] * 3, [1]))),
        "IDX: a label that is no class": mnist(setitem("t10k-labels-idx1-ubyte", idx(0x801, [2], [3, 200]))),
        "gzip: not gzip past its magic": mnist(both(setitem("train-images-idx3-ubyte", None),
                                                    setitem("train-images-idx3-ubyte.gz", bytes(gz_bad)))),
        "gzip: cut short": mnist(both(setitem("t10k-labels-idx1-ubyte", None),
                                      setitem("t10k-labels-idx1-ubyte.gz", bytes(gz_cut)))),
        "a file missing from the folder": mnist(setitem("t10k-images-idx3-ubyte", None)),
        "CSV: ragged": {"data.csv": b"1,2,0\n3,4,1\n5,6\n"},
        "CSV: not a number": {"data.csv": b"1,2,0\n3,abc,1\n"},
        "CSV: empty": {"data.csv": b"\n\n"},
        "CSV: a 2 MiB line": {"data.csv": b"1,2,0\n" + b"7" * (2 * MEBI) + b"\n"},
        "CSV: no such label column": {"data.csv": b"a,b,c\n1,2,0\n"},
        "CSV: a header and nothing else": {"data.csv": b"a,b,label\n"},
        "CSV: not UTF-8 text": {"data.csv": b"1,2,0\n" + bytes([0xE9, 0x2C, 0x32, 0x2C, 0x30, 0x0A])},
        "a folder": {"models.json/readme": b""},
        "an empty file": {"m.json": b""},
        "JSON of something else": {"m.json": b'{"hello": 1}'},
        "not JSON at all": {"m.json": b"1,2,3\n4,5,6\n"},
        "save over a folder": {"models/readme": b""},
        "label column beyond 2⁶⁴": {"l.csv": b"1,2,0\n3,4,1\n"},
        "label column 2⁶³−1": {"l.csv": b"1,2,0\n3,4,1\n"},
        "label column −(2⁶³−1)": {"l.csv": b"1,2,0\n3,4,1\n"},
        "a figure into a folder": {"dir.svg/readme": b""},
        "CSV: a number beyond Float32": {"data.csv": b"1,2,0\n3,1e39,1\n"},
        "CSV: nan": {"data.csv": b"1,2,0\nnan,4,1\n"},
        "a script larger than 16 MiB": {"big.mlp": bytes(16 * MEBI + 1)},
        "IDX: images of 0×0 pixels": mnist(setitem("train-images-idx3-ubyte", idx(0x803, [3, 0, 0], []))),
        "IDX: no samples": mnist(both(setitem("t10k-images-idx3-ubyte", idx(0x803, [0, 2, 2], [])),
                                      setitem("t10k-labels-idx1-ubyte", idx(0x801, [0], [])))),
        "IDX: test images of another size": mnist(setitem("t10k-images-idx3-ubyte", idx(0x803, [2, 1, 1], [9, 9]))),
    }
    return table.get(what, {})


def write_files(folder: Path, files: dict):
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.replace(b"DIR", str(folder).encode()))


def traceback_text(cell) -> str:
    return strip_ansi("\n".join(cell.error["traceback"])) if cell.error else ""


def test_the_doc_lists_the_rows(kernelspec):
    rows = doc_rows()
    assert len(rows) >= 90, f"only {len(rows)} rows read from docs/errors.md: has the table's shape changed?"
    # The table is grouped by kind, so the rows' numbers come in another order; each once.
    assert sorted(int(r["n"]) for r in rows) == list(range(len(rows)))


def test_every_hostile_row_is_an_error_and_the_session_survives(kernel, tmp_path):
    setup = kernel.execute(SETUP)
    assert setup.status == "ok", setup.describe()
    base_folder = tmp_path / "base"
    base_folder.mkdir()
    saved = kernel.execute(f'w = mlp [4,3,2] seed=1\nsave w "{base_folder}/w.json"')
    assert saved.status == "ok", saved.describe()
    base_model = (base_folder / "w.json").read_text()
    before = kernel.execute("evaluate m digits")
    before_result = before.of_type("execute_result")[0]["content"]["data"]["application/vnd.mlpsh.result+json"]

    failures = []
    for row in doc_rows():
        what = row["what"]
        if what in KERNEL_OWN:
            continue
        folder = tmp_path / f"row{row['n']}"
        write_files(folder, files_for(what, base_model))
        folder.mkdir(exist_ok=True)
        code = INPUTS.get(what, shown_input(row)).replace("DIR", str(folder))
        expected = row["error"].replace("DIR", str(folder))
        # stop_on_error=False: each row stands alone (test_client.py tests the aborting).
        cell = kernel.execute(code, timeout=60, stop_on_error=False)
        assert kernel.alive, f"the kernel died on row #{row['n']} ({what})\n{kernel.stderr_text()[-3000:]}"
        first = traceback_text(cell).lstrip("\n").split("\n", 1)[0]
        if cell.status != "error" or cell.error is None:
            failures.append(f"#{row['n']} {what}: status {cell.status}, not an error")
        elif cell.reply["content"]["ename"] in ("", "KeyboardInterrupt") or cell.error["ename"] != cell.reply["content"]["ename"]:
            failures.append(f"#{row['n']} {what}: ename {cell.reply['content']['ename']!r} / {cell.error['ename']!r}")
        elif first != expected:
            failures.append(f"#{row['n']} {what}:\n    expected {expected[:300]!r}\n    got      {first[:300]!r}")
    assert not failures, f"{len(failures)} rows answered otherwise than docs/errors.md says:\n" + "\n".join(failures)

    after = kernel.execute("evaluate m digits")
    assert after.status == "ok", after.describe()
    assert after.of_type("execute_result")[0]["content"]["data"]["application/vnd.mlpsh.result+json"] == before_result
    shown = strip_ansi(kernel.execute("show m").stdout)
    assert "5 iterations trained" in shown, shown
    assert kernel.execute("summary m").status == "ok"
    assert kernel.execute("train m digits iterations=1 progress=false").status == "ok"


def test_an_expectation_before_any_command(kernel):
    """Row "expectation without a command", which KERNEL_OWN keeps out of the loop above.
    In a kernel where no command has run, the row's cell has nothing to check; once a cell
    has run a command, an expectation that opens the next cell checks that command's
    report (notebook semantics), so the script's parse error is never what a cell gets."""
    row = next(r for r in doc_rows() if r["what"] == "expectation without a command")
    code = shown_input(row)
    fresh = kernel.execute(code, stop_on_error=False)
    assert fresh.status == "error", fresh.describe()
    assert fresh.error["ename"] == fresh.reply["content"]["ename"] not in ("", "KeyboardInterrupt")
    assert traceback_text(fresh).lstrip("\n").split("\n", 1)[0] == "error: nothing to check: no command has run"
    assert kernel.execute("m = mlp [64,10]").status == "ok"
    after = kernel.execute(code, stop_on_error=False)
    assert after.status == "error", after.describe()
    assert traceback_text(after).lstrip("\n").split("\n", 1)[0] == "error: 'mlp' did not report 'loss'"
    assert kernel.execute("show m").status == "ok"


def test_the_real_binary_rows_as_cells(kernel, tmp_path):
    assert kernel.execute("m = mlp [64,10]").status == "ok"
    # A Latin-1 comment in a script is harmless.
    (tmp_path / "comment.mlp").write_bytes(b"# caf\xe9\nmlp [2,3]\n")
    harmless = kernel.execute(f'run "{tmp_path}/comment.mlp"')
    assert harmless.status == "ok", harmless.describe()
    # An escape sequence that would set the window title never reaches the front end raw.
    title = kernel.execute("train \x1b]0;pwned\x07", stop_on_error=False)
    assert title.status == "error"
    text = "\n".join(title.error["traceback"])
    assert "unexpected character U+001B" in strip_ansi(text)
    assert "\x07" not in text and "\x1b]" not in text
    assert re.sub(r"\x1b\[[0-9;]*m", "", text).count("\x1b") == 0, repr(text[:400])
    # A 4 MiB line with a mistake at its end: what ran before it in the line is kept, and
    # the error shows the line in part.
    line = "mlp [2,3];" + " " * (4 * MEBI) + "set sed=2"
    long = kernel.execute(line, timeout=60, stop_on_error=False)
    assert long.status == "error"
    lines = traceback_text(long).strip("\n").split("\n")
    assert lines[0] == "error: 'set' has no option 'sed'"
    assert all(len(x) < 200 for x in lines), [len(x) for x in lines]
    assert kernel.execute("show m").status == "ok"

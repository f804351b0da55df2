"""The Jupyter project's conformance suite (jupyter_kernel_test) run against the mlpsh
kernel, started by jupyter_client from the kernelspec conftest.py installed.

Every sample the suite takes is given, so none of its tests for them is skipped: hello
world, completion, inspection, is_complete, an error, display_data, execute_result and
history (tail, range and search). The suite checks every message against the protocol's
schema (5.x) and busy/idle around each request. The three tests mlpsh has nothing for
(stderr output, the pager, clear_output) skip, as the suite intends.
"""
import jupyter_kernel_test

# Run before any other sample makes a model or a data set: see test_completion's order.
TOY = "data xor n=64\nmlp [2,8,2]\ntrain epochs=2 progress=false\n"


class MlpshKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "mlpsh"
    language_name = "mlpsh"
    file_extension = ".mlp"

    code_hello_world = 'echo "hello, world"'

    # The suite's order is alphabetical: test_completion runs before any sample makes a
    # model or a data set, so these sets are exact.
    completion_samples = [
        {"text": "tra", "matches": {"train"}},
        {"text": "train b", "matches": {"batch=", "beta1=", "beta2="}},
        {"text": "data c", "matches": {"circles"}},
        {"text": "data s", "matches": {"spiral", "seed="}},
        {"text": "set activation=t", "matches": {"activation=tanh"}},
    ]

    complete_code_samples = ["train", "mlp [784,128,64,10] relu", 'echo "a [ in a string"', "# %%\nevaluate\n", ""]
    incomplete_code_samples = ["mlp [784,128", 'save "m.json', "mlp [[2,3],"]
    invalid_code_samples = ["train m @", "set lr=0.1.2", "train --batch 16"]

    code_inspect_sample = "train"

    # A typo: one error message, nothing else (the suite counts the outputs).
    code_generate_error = "trian"

    # clear: the cell's output so far is cleared, as the shell's clear clears the terminal.
    code_clear_output = 'echo "about to clear"\nclear'


    code_display_data = [
        {"code": TOY + "plot", "mime": "image/svg+xml"},
        {"code": TOY + "plot", "mime": "text/plain"},
        {"code": TOY + "plot boundary", "mime": "image/svg+xml"},
        {"code": "load digits\nplot samples count=4", "mime": "image/svg+xml"},
    ]

    # Each ends with a command that reports numbers: its table is the execute_result. The
    # history tests run these codes again and look them up.
    code_execute_result = [
        {"code": TOY + "evaluate on=train", "mime": "text/plain"},
        {"code": "data xor n=64\nevaluate on=train", "mime": "text/html"},
        {"code": "evaluate on=train confusion=false", "mime": "application/vnd.mlpsh.result+json"},
    ]

    supported_history_operations = ("tail", "range", "search")
    # A glob that matches the last code above and no other, anchored or not (the suite's
    # unique search wants exactly one).
    code_history_pattern = "evaluate on=train confusion=*"

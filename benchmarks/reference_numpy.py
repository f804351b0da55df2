#!/usr/bin/env python3
"""The references mlpsh's benchmark compares against, timed in this process.

  load      gzip + numpy.frombuffer of the four MNIST files (what `load mnist` does)
  numpy32   one epoch of a plain, correct numpy float32 MLP 784-128-64-10 relu, batch 64
  notebook  one epoch of the seed notebook's own MLP class (float64, its code as written)
  notebook-all  the notebook's eleven MLP runs and its perceptron cell, end to end

Prints one JSON object per figure on stdout. Run with OPENBLAS_NUM_THREADS=1 for a
single-threaded comparison; benchmarks/run does.
"""
import gzip
import json
import math
import os
import sys
import time

import numpy as np


def load_mnist(folder):
    def read(name, offset):
        with gzip.open(os.path.join(folder, name), "rb") as f:
            return np.frombuffer(f.read(), np.uint8, offset=offset)
    x_train = read("train-images-idx3-ubyte.gz", 16).reshape(-1, 784)
    y_train = read("train-labels-idx1-ubyte.gz", 8)
    x_test = read("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784)
    y_test = read("t10k-labels-idx1-ubyte.gz", 8)
    return x_train, y_train, x_test, y_test


# --- a plain float32 MLP, written the way a careful numpy user would --------------------

def numpy32_epoch(x, y, x_test, y_test, batch=64, lr=0.01, seed=0):
    rng = np.random.default_rng(seed)
    sizes = [784, 128, 64, 10]
    bound = 1 / math.sqrt(784)
    ws = [rng.uniform(-bound, bound, (a, b)).astype(np.float32) for a, b in zip(sizes, sizes[1:])]
    bs = [np.zeros((1, b), np.float32) for b in sizes[1:]]
    x = x.astype(np.float32)
    start = time.perf_counter()
    for i in range(x.shape[0] // batch):
        xb = x[i * batch:(i + 1) * batch]
        yb = y[i * batch:(i + 1) * batch]
        acts = [xb]
        for l, (w, b) in enumerate(zip(ws, bs)):
            o = acts[-1] @ w + b
            if l == len(ws) - 1:
                o = np.exp(o - o.max(axis=1, keepdims=True))
                o /= o.sum(axis=1, keepdims=True)
            else:
                np.maximum(o, 0, out=o)
            acts.append(o)
        delta = acts[-1].copy()
        delta[np.arange(batch), yb] -= 1
        for l in range(len(ws) - 1, -1, -1):
            grad_w = acts[l].T @ delta / batch
            grad_b = delta.sum(axis=0, keepdims=True) / batch
            if l > 0:
                delta = (delta @ ws[l].T) * (acts[l] > 0)
            ws[l] -= lr * grad_w
            bs[l] -= lr * grad_b
    seconds = time.perf_counter() - start
    a = x_test.astype(np.float32)
    for l, (w, b) in enumerate(zip(ws, bs)):
        a = a @ w + b
        if l < len(ws) - 1:
            a = np.maximum(a, 0)
    accuracy = float((a.argmax(axis=1) == y_test).mean())
    return seconds, accuracy


# --- the seed notebook's MLP, its code as written (float64) ------------------------------

class NotebookMLP:
    def __init__(self, layer_dims=(784, 128, 64, 10), activation="relu", epsilon=1e-6, lr=0.01):
        self.layer_dims, self.activation, self.epsilon, self.lr = layer_dims, activation, epsilon, lr
        self.parameters = []
        for i, d in enumerate(layer_dims[:-1]):
            w = np.random.uniform(-1 / math.sqrt(layer_dims[0]), 1 / math.sqrt(layer_dims[0]),
                                  (d, layer_dims[i + 1]))
            self.parameters.append({"w": w, "b": np.zeros((1, layer_dims[i + 1]))})

    def activation_fn(self, x):
        if self.activation == "relu":
            return np.maximum(0, x)
        if self.activation == "sigmoid":
            return np.divide(np.ones_like(x), (np.ones_like(x) + np.exp(-x)))
        return np.tanh(x)

    def gradient_activation_fn(self, x):
        # As written: x is the post-activation output, fed through the activation again.
        if self.activation == "relu":
            return np.where(x <= 0, 0, 1)
        if self.activation == "sigmoid":
            return (1 - self.activation_fn(x)) * self.activation_fn(x)
        return 1 - np.power(self.activation_fn(x), 2)

    def softmax(self, x):
        z = x - np.max(x, axis=-1, keepdims=True)
        n = np.exp(z)
        return n / np.sum(n, axis=-1, keepdims=True)

    def forward(self, x):
        self.forward_cache = [{"a": x}]
        y_hat = x
        for i in range(len(self.parameters)):
            w, b = self.parameters[i]["w"], self.parameters[i]["b"]
            o = y_hat @ w + b
            a = self.softmax(o) if i == len(self.parameters) - 1 else self.activation_fn(o)
            self.forward_cache.append({"o": o, "a": a})
            y_hat = a
        return y_hat

    def cross_entropy_loss(self, y_hat, y):
        y_hat[np.where(y_hat < self.epsilon)] = self.epsilon
        y_hat[np.where(y_hat > 1 - self.epsilon)] = 1 - self.epsilon
        return -np.sum(y * np.log(y_hat)) / y.shape[0]

    def layer_backward(self, gradient, n):
        a = self.forward_cache[n]["a"]
        a_prev = self.forward_cache[n - 1]["a"]
        w = self.parameters[n - 1]["w"]
        gradient_o = self.gradient_activation_fn(a) * gradient
        gradient_w = np.dot(a_prev.T, gradient_o) / a_prev.shape[0]
        gradient_b = np.sum(gradient_o, axis=0, keepdims=True) / a_prev.shape[0]
        gradient_a_prev = gradient_o * self.gradient_activation_fn(a) @ w.T
        return gradient_a_prev, gradient_w, gradient_b

    def backward(self, y_hat, y):
        gradient = y_hat - y
        for i in range(len(self.parameters), 0, -1):
            gradient, gw, gb = self.layer_backward(gradient, i)
            self.parameters[i - 1]["w"] -= self.lr * gw
            self.parameters[i - 1]["b"] -= self.lr * gb

    def train(self, x, y, batch_size=64):
        self.losses, self.accuracies = [], []
        for i in range(x.shape[0] // batch_size):
            xb = x[i * batch_size:(i + 1) * batch_size]
            yb = y[i * batch_size:(i + 1) * batch_size]
            y_hat = self.forward(xb)
            self.losses.append(self.cross_entropy_loss(y_hat, yb))
            self.accuracies.append(np.sum(y_hat.argmax(axis=-1) == yb.argmax(axis=-1)) / batch_size)
            self.backward(y_hat, yb)


def notebook_epoch(x, y, x_test, y_test, seed=0, batch=64, lr=0.01, activation="relu"):
    np.random.seed(seed)
    x = x.reshape(x.shape[0], -1)
    y_one_hot = np.eye(10)[y]
    model = NotebookMLP(activation=activation, lr=lr)
    start = time.perf_counter()
    model.train(x, y_one_hot, batch_size=batch)
    seconds = time.perf_counter() - start
    accuracy = float((model.forward(x_test.astype(np.float64)).argmax(axis=1) == y_test).mean())
    return seconds, accuracy


# The notebook's eleven MLP runs (one epoch each) and its perceptron cell.
NOTEBOOK_RUNS = ([{"batch": b} for b in (16, 32, 64, 128)]
                 + [{"lr": lr} for lr in (0.1, 0.01, 0.001, 0.0001)]
                 + [{"activation": a} for a in ("relu", "sigmoid", "tanh")])


def notebook_perceptron_cell():
    num_samples = 100
    np.random.seed(42)
    x0 = np.random.randn(num_samples, 2) + np.array([-5, 5])
    np.random.seed(42)
    x1 = np.random.randn(num_samples, 2) + np.array([5, 5])
    X = np.vstack([x0, x1])
    y = np.hstack([np.zeros(num_samples), np.ones(num_samples)])
    np.random.seed(42)
    idx = np.random.permutation(len(X))
    X, y = X[idx], y[idx]
    w, b = np.random.randn(2), 0
    accuracies = []
    for _ in range(3):
        losses = []
        for j in range(num_samples * 2):
            o = np.dot(w, X[j]) + b
            diff = y[j] - (1 if np.maximum(o, 0).item(0) > 0 else 0)
            sgn = np.sign(diff)
            w = w + 0.001 * sgn * np.maximum(0, X[j])
            b = b + 0.001 * sgn * np.ones_like(X[j])
            losses.append(abs(diff))
        accuracies.append(sum(1 for l in losses if l == 0) / (num_samples * 2))
    return accuracies


def notebook_all(x, y, x_test, y_test):
    """Every MLP run of the notebook plus its perceptron cell, timed end to end."""
    start = time.perf_counter()
    results = []
    for run in NOTEBOOK_RUNS:
        _, accuracy = notebook_epoch(x, y, x_test, y_test, **run)
        results.append({**run, "accuracy": accuracy})
    perceptron = notebook_perceptron_cell()
    return time.perf_counter() - start, results, perceptron


def main():
    folder = os.environ.get("MLPSH_DATA") or sys.exit("set MLPSH_DATA to the MNIST folder")
    figures = sys.argv[1:] or ["load", "numpy32", "notebook"]
    start = time.perf_counter()
    x, y, x_test, y_test = load_mnist(folder)
    load_seconds = time.perf_counter() - start
    for figure in figures:
        if figure == "load":
            print(json.dumps({"figure": "load", "seconds": load_seconds}))
        elif figure == "numpy32":
            seconds, accuracy = numpy32_epoch(x, y, x_test, y_test)
            print(json.dumps({"figure": "numpy32", "seconds": seconds, "accuracy": accuracy}))
        elif figure == "notebook":
            seconds, accuracy = notebook_epoch(x, y, x_test, y_test)
            print(json.dumps({"figure": "notebook", "seconds": seconds, "accuracy": accuracy}))
        elif figure == "notebook-all":
            seconds, runs, perceptron = notebook_all(x, y, x_test, y_test)
            print(json.dumps({"figure": "notebook-all", "seconds": seconds, "runs": runs,
                              "perceptron": perceptron}))
        sys.stdout.flush()


if __name__ == "__main__":
    main()

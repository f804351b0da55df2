#include <zmq.h>

// ZeroMQ's C interface, reached from one Swift file only (Sources/mlpsh/Kernel/ZMQSocket.swift).

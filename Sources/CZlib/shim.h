// zlib (Debian zlib1g-dev), for gzip inflation in MLPData's Gzip.swift.
#include <zlib.h>

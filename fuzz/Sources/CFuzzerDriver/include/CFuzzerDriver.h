#ifndef TOUCHPOINT_CFUZZERDRIVER_H
#define TOUCHPOINT_CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for a program that has its own `main` (compiler-rt FuzzerInterface.h). Only linked when
/// the fuzz targets are built by fuzz/run.sh with `-sanitize=fuzzer`; a plain build never references it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

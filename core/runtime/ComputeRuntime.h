#pragma once

#include <string>

namespace durian {

// Sets LibTorch's intra-op thread count. LibTorch defaults to one thread on these machines, so every
// program calls this once at start-up. requested <= 0 means "one per hardware thread". Also keeps
// tensor-sized allocations in the heap (glibc's mmap threshold), which more than halves inference time.
// Returns the count now in use.
int initializeComputeThreads(int requested = 0);

// The intra-op thread count LibTorch uses now.
int computeThreads();

// Measured single-precision matrix-multiply throughput (GFLOP/s) at size n: tells at a glance whether
// a fast BLAS is in use (OpenBLAS with OpenMP) or the 30x slower reference BLAS.
double measureMatmulGflops(int n = 512, int repeats = 4);

// The file of the BLAS library LibTorch's matrix products run on, as mapped into this process
// (for example .../openblas-openmp/libblas.so.3). Debian picks it through update-alternatives; the
// reference BLAS there is ~30x slower, so the app shows which one it got. Empty if none is mapped.
std::string loadedBlasLibrary();

} // namespace durian

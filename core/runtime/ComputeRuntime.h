#pragma once

namespace durian {

// Sets LibTorch's intra-op thread count. LibTorch defaults to one thread on these machines, so every
// program calls this once at start-up. requested <= 0 means "one per hardware thread".
// Returns the count now in use.
int initializeComputeThreads(int requested = 0);

// The intra-op thread count LibTorch uses now.
int computeThreads();

// Measured single-precision matrix-multiply throughput (GFLOP/s) at size n: tells at a glance whether
// a fast BLAS is in use (OpenBLAS with OpenMP) or the 30x slower reference BLAS.
double measureMatmulGflops(int n = 512, int repeats = 4);

} // namespace durian

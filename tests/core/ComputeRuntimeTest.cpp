#include "core/runtime/ComputeRuntime.h"

#include <gtest/gtest.h>

#include <thread>

TEST(ComputeRuntime, DefaultsToOneThreadPerHardwareThread)
{
    const int expected = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    EXPECT_EQ(durian::initializeComputeThreads(), expected);
    EXPECT_EQ(durian::computeThreads(), expected);
}

TEST(ComputeRuntime, HonoursAnExplicitCount)
{
    EXPECT_EQ(durian::initializeComputeThreads(1), 1);
    EXPECT_EQ(durian::computeThreads(), 1);
    durian::initializeComputeThreads();
}

TEST(ComputeRuntime, MatmulUsesAnOptimisedBlas)
{
    // Reference BLAS manages ~1-3 GFLOP/s here; OpenBLAS with OpenMP is two orders of magnitude faster.
    // The bound is loose on purpose: it catches the missing libopenblas0-openmp, not a slow machine.
    durian::initializeComputeThreads();
    EXPECT_GT(durian::measureMatmulGflops(384, 3), 8.0);
}

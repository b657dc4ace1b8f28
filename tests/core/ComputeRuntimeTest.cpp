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

TEST(ComputeRuntime, MatrixProductsRunOnOpenBlas)
{
    // Debian's reference BLAS is ~30x slower than OpenBLAS: packaging/install-deps.sh must bring OpenBLAS.
    EXPECT_GT(durian::measureMatmulGflops(64, 1), 0.0);
    EXPECT_NE(durian::loadedBlasLibrary().find("openblas"), std::string::npos) << durian::loadedBlasLibrary();
}

#include "core/runtime/ComputeRuntime.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <malloc.h>

namespace durian {

int initializeComputeThreads(int requested)
{
    // glibc serves allocations above 32 MB with mmap and gives them back on free, so every attention
    // score chunk (64 MB) and large activation came back as fresh zeroed pages: at 128 px the tiny model
    // spent 60% of its time in the kernel (`durian generate`: 32.6 s, 18.8 s of it system time). Kept in the
    // heap they are reused (12.5 s, 0.8 s system). Peak memory is unchanged; it is just not returned early.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(requested > 0 ? requested : hardware);
    return torch::get_num_threads();
}

int computeThreads()
{
    return torch::get_num_threads();
}

double measureMatmulGflops(int n, int repeats)
{
    torch::NoGradGuard noGrad;
    const auto a = torch::randn({n, n});
    const auto b = torch::randn({n, n});
    auto c = torch::mm(a, b); // warm-up: first call pays for thread-pool start and page faults
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < repeats; ++i) {
        c = torch::mm(a, b);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double flops = 2.0 * n * n * static_cast<double>(n) * repeats;
    return flops / std::max(seconds, 1e-9) / 1e9;
}

std::string loadedBlasLibrary()
{
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        const auto slash = line.find('/');
        if (slash == std::string::npos) {
            continue;
        }
        const std::string path = line.substr(slash);
        const std::string name = std::filesystem::path(path).filename().string();
        if (name.rfind("libblas.so", 0) == 0 || name.rfind("libopenblas", 0) == 0) {
            std::error_code error;
            const auto resolved = std::filesystem::canonical(path, error);
            return error ? path : resolved.string();
        }
    }
    return {};
}

} // namespace durian

#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace durian {

struct BenchmarkOptions {
    std::string model = "default"; // preset or config .json
    bool bfloat16 = false;
    int measuredSteps = 2;         // DNet steps timed (beyond the first)
    int clipFrames = 0;            // > 0: also time a whole clip of this many frames at the default settings
    std::string weights;           // trained weights to time with (empty: random; the time is the same)
};

// Figures `durian bench` prints. Times are wall-clock on this machine with the current thread count.
struct BenchmarkFigures {
    std::string model;
    std::string dtype;
    std::string weights;            // "random" or the file timed
    int resolution = 0;
    int latentSize = 0;
    int threads = 0;
    std::vector<std::pair<std::string, long long>> parameters; // per network
    long long totalParameters = 0;
    double dnetStepMs = 0;          // one denoising step, one frame, portrait + 1 attribute, guidance 1
    double dnetStepGflop = 0;       // counted multiply-adds x2 of that step (conv, mm, addmm, bmm)
    double achievedGflops = 0;
    double matmulPeakGflops = 0;    // square matrix product in the same dtype, same threads
    double referenceEncodeMs = 0;   // VAE + PRNet + ARNet + context for portrait + 1 attribute: what the cache saves
    double coldOneStepMs = 0;       // a 1-step generation with an empty cache ...
    double warmOneStepMs = 0;       // ... and with the references cached
    int previewSteps = 0;
    double alphaToPreviewMs = 0;    // interpolation alpha changed -> new preview image (references cached)
    int clipFrames = 0;             // the clip: frames, DDIM steps (the render default) and wall time
    int clipSteps = 0;
    double clipSeconds = 0;
};

// Runs the measurements (minutes for sd15 on a laptop CPU). `log` receives progress lines.
BenchmarkFigures runBenchmark(const BenchmarkOptions& options, const std::function<void(const std::string&)>& log = {});

} // namespace durian

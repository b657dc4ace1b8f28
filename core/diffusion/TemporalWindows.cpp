#include "core/diffusion/TemporalWindows.h"

#include <algorithm>

namespace durian {

std::vector<TemporalWindow> planTemporalWindows(int frames, int window, int overlap)
{
    std::vector<TemporalWindow> out;
    window = std::max(1, window);
    overlap = std::clamp(overlap, 0, window - 1);
    if (frames <= window) {
        out.push_back({0, std::max(0, frames)});
        return out;
    }
    const int stride = window - overlap;
    for (int start = 0;; start += stride) {
        if (start + window >= frames) {
            out.push_back({frames - window, window});
            break;
        }
        out.push_back({start, window});
    }
    return out;
}

std::vector<TemporalWindow> planGenerationChunks(int frames, int chunk, int anchor)
{
    std::vector<TemporalWindow> out;
    chunk = std::max(1, chunk);
    anchor = std::clamp(anchor, 0, chunk - 1);
    int done = 0; // frames generated so far
    while (done < std::max(1, frames)) {
        const int start = done == 0 ? 0 : done - anchor;
        const int length = std::min(chunk, std::max(1, frames) - start);
        out.push_back({start, length});
        done = start + length;
    }
    return out;
}

std::vector<float> temporalBlendWeights(const TemporalWindow& w, int frames, int overlap)
{
    std::vector<float> weights(static_cast<std::size_t>(w.length), 1.0f);
    const float ramp = static_cast<float>(overlap + 1);
    for (int i = 0; i < w.length; ++i) {
        float v = 1.0f;
        if (w.start > 0) {
            v = std::min(v, static_cast<float>(i + 1) / ramp);
        }
        if (w.start + w.length < frames) {
            v = std::min(v, static_cast<float>(w.length - i) / ramp);
        }
        weights[static_cast<std::size_t>(i)] = v;
    }
    return weights;
}

} // namespace durian

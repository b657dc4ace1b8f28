#pragma once

#include <vector>

namespace durian {

// A run of consecutive frames DNet sees at once (its temporal attention spans exactly these).
struct TemporalWindow {
    int start = 0;
    int length = 0;
};

// Windows of `window` frames, neighbours sharing at least `overlap` frames, covering [0, frames): a clip
// no longer than the window is one window; otherwise the last window ends at the last frame.
std::vector<TemporalWindow> planTemporalWindows(int frames, int window, int overlap);

// Blend weight of each frame of `w` (length w.length): 1 inside, ramping down towards an edge shared with
// a neighbouring window, so overlapping predictions cross-fade instead of meeting at a seam. Edges at the
// clip's ends keep weight 1. Weights are positive; the sampler divides by their per-frame sum.
std::vector<float> temporalBlendWeights(const TemporalWindow& w, int frames, int overlap);

// The chunks a long clip is generated in, one after another, so that memory does not grow with its
// length: each at most `chunk` frames; every chunk after the first begins with the last `anchor` frames
// of the one before (sampled again, held to that chunk's result) and adds at least one new frame. The
// chunks' new frames cover [0, frames) exactly once, in order.
std::vector<TemporalWindow> planGenerationChunks(int frames, int chunk, int anchor);

} // namespace durian

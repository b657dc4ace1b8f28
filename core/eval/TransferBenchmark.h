#pragma once

#include "core/eval/TransferCases.h"
#include "core/io/Project.h"
#include "core/io/Image.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <stop_token>
#include <functional>
#include <string>
#include <vector>

namespace durian {

class Generator;
struct GenerationRequest;

// The benchmark: the trained model against the classical baselines on held-out world cases.
struct TransferEvalOptions {
    std::uint64_t seed = 1;  // which held-out set
    int cases = 4;           // per category
    int frames = 8;
    int size = 256;
    int steps = 20;          // DDIM steps of the model
    double guidance = kDefaultGuidance; // as the app renders
    std::filesystem::path stillsDir; // when set: one side-by-side PNG per case (see writeCaseStill)
    bool autoencoderRow = false;     // also score the truth through the model's autoencoder ("vae_roundtrip"),
                                     // the ceiling of what the model's frames can reach
    bool ablation = false;           // also the model with its references dropped ("durian_no_references")
    bool dropReferences = false;     // durianVideo: the unconditional branch alone (guidance 0)
    bool ceilingRow = false;         // also "paste_back_ceiling": the truth inside the prior's edit region and
                                     // the prior outside it, the best any model with paste-back can score
};

// Frame metrics of a video against a case's truth, averaged over its frames.
struct TransferScores {
    double psnr = 0.0;
    double ssim = 0.0;
    double l1Attribute = 0.0; // inside the case's region
    double l1Rest = 0.0;      // outside it: is the rest of the portrait kept?
    double flicker = 0.0;     // mean |frame-to-frame change - the truth's|
};
TransferScores scoreVideo(const std::vector<Image>& frames, const TransferCase& c);

struct TransferEvalRow {
    std::string method;   // "durian", "durian_no_references", "warp_composite", "no_transfer", "vae_roundtrip",
                          // "paste_back_ceiling"
    std::string category; // a transferCategories() name or "all"
    int cases = 0;
    TransferScores scores;
};

struct TransferEvalReport {
    std::vector<TransferEvalRow> rows;
    double durianSeconds = 0.0; // model time over all cases
    int durianFrames = 0;
    double latentStd = 0.0;     // with autoencoderRow: the truth frames' scaled latents (should be ~1)
};

// The baselines: the portrait (with the references composited when `transfer`) warped to each frame.
std::vector<Image> warpCompositeVideo(const TransferCase& c, bool transfer);
// The paste-back ceiling: per frame, the truth pasted into the classical prior inside its edit region.
std::vector<Image> pasteBackCeilingVideo(const TransferCase& c);
// The model's request for a case: portrait minus its hole, the references with their masks, the frames' keypoint images.
GenerationRequest transferRequest(const TransferCase& c, const TransferEvalOptions& options);
std::vector<Image> durianVideo(Generator& generator, const TransferCase& c, const TransferEvalOptions& options,
    std::stop_token stop = {});

// A training diagnostic with no sampler involved: each case's first truth frame noised to each timestep
// and predicted back in one step (Generator::predictCleanFrame); PSNR against the truth, over all cases.
struct DenoiseCheckRow {
    int timestep = 0;
    double psnr = 0.0;
    int cases = 0;
};
std::vector<DenoiseCheckRow> checkOneStepDenoising(
    Generator& generator, const TransferEvalOptions& options, const std::vector<int>& timesteps);

// Runs every method on every case. Without a generator only the baselines run. progress(done, total).
TransferEvalReport runTransferEval(Generator* generator, const TransferEvalOptions& options,
    const std::function<void(int done, int total, const std::string& caseName)>& progress = {},
    std::stop_token stop = {});

// The table as CSV (header method,category,cases,psnr,ssim,l1_attr,l1_rest,flicker) and as Markdown.
std::string transferTableCsv(const std::vector<TransferEvalRow>& rows);
std::string transferTableMarkdown(const std::vector<TransferEvalRow>& rows);

// The interpolation check: one portrait, two hair references that differ only in colour, alpha from 0 to 1.
// `position` is where the hair region's mean colour lies between the alpha-0 and the alpha-1 colour
// (0 at the first, 1 at the second); it must not go back as alpha grows.
struct InterpolationCheck {
    std::vector<double> alphas;
    std::vector<std::array<double, 3>> colours; // mean RGB of the hair region, 0..255
    std::vector<double> position;
    std::array<double, 3> truthA{}, truthB{}; // the two hair colours as the world renders them on the portrait
    bool monotonic = false;
};
InterpolationCheck checkInterpolation(Generator& generator, std::uint64_t seed, int size, int steps, int points = 5);

} // namespace durian

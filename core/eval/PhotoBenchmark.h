#pragma once

#include "core/io/Image.h"

#include <filesystem>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

namespace durian {

class Generator;

// The benchmark on real photos, where there is no ground truth of a transfer:
// - self-transfer (the Durian paper's protocol): the portrait is the photo with a hole over one of its
//   attributes, the reference the same photo framed a little differently and a little brighter; the
//   result is scored against the photo itself (PSNR, SSIM, L1 inside the attribute's mask);
// - cross-identity: each photo wearing the next photo's attribute of the same category, judged by the
//   identity kept (CSIM, FaceRes cosine of the result's face and the portrait's), the pixels changed
//   outside the edit region, and the colour distance of the attribute region to the reference's attribute.
// Attributes come from the automatic masks (confidence >= 0.5); a photo without a face is skipped and named.
struct PhotoEvalOptions {
    int size = 256;
    int steps = 20;
    double guidance = 2.0;
    std::filesystem::path identityNetwork; // faceres.onnx (FaceIdentity)
    std::filesystem::path stillsDir;       // when set: one PNG per case (portrait | reference | methods)
};

struct PhotoSelfTransferRow {
    std::string method; // "durian", "warp_composite", "no_transfer"
    std::string category;
    int cases = 0;
    double psnr = 0.0, ssim = 0.0, l1Attribute = 0.0;
};

struct PhotoCrossRow {
    std::string method; // "durian", "warp_composite"
    std::string category;
    int cases = 0;
    double csim = 0.0;           // mean
    double csimWorst = 1.0;      // the lowest case
    double csimBehind = 0.0;     // the most a case's CSIM is below warp_composite's on the same case
    double changedOutside = 0.0; // fraction of the pixels outside the edit region that changed
    double colourDistance = 0.0; // mean RGB distance (0..441) of the attribute region to the reference's
};

struct PhotoEvalReport {
    std::vector<std::string> used;    // photos with a face
    std::vector<std::string> skipped; // "photo: why"
    std::vector<PhotoSelfTransferRow> selfTransfer;
    std::vector<PhotoCrossRow> crossIdentity;
};

// `generator` may be null: the classical method and no_transfer only.
PhotoEvalReport runPhotoEval(Generator* generator, const std::vector<std::filesystem::path>& photos,
    const PhotoEvalOptions& options, const std::function<void(const std::string&)>& progress = {},
    std::stop_token stop = {});

std::string photoEvalMarkdown(const PhotoEvalReport& report);

} // namespace durian

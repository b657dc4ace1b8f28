#pragma once

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"
#include "core/io/Project.h" // AttributeCategory

#include <cstdint>
#include <string>
#include <vector>

namespace durian {

// One attribute reference of a benchmark case: a photo of the donor, the attribute's true mask in it and
// the donor's true landmarks (for the classical baseline).
struct TransferReference {
    AttributeCategory category = AttributeCategory::Hair;
    Image image;
    Image mask;
    Landmarks landmarks;
};

// A cross-identity case with ground truth, drawn from the portrait world: portrait P wears the
// attributes of donors Q (and R), driven by the motion of a third person S. `truth` is P really wearing
// them in that motion; `region` is, per frame, where the transfer changes the picture (the new
// attributes and P's own attributes of those categories).
struct TransferCase {
    std::string category; // "hair", "eyeglasses", "hat", "beard" or "composition"
    std::uint64_t seed = 0;
    Image portrait;
    Image portraitHole; // what the model may repaint: P's attribute and where a larger one could be, grown
    Landmarks portraitLandmarks;
    std::vector<TransferReference> references;
    std::vector<Landmarks> keypoints;
    std::vector<Image> truth;
    std::vector<Image> region;
};

// The benchmark's categories in table order.
const std::vector<std::string>& transferCategories();

// `count` cases of a category, held out from training by construction (their seeds come from a stream
// the trainer never draws from). The same arguments give the same cases on every machine.
std::vector<TransferCase> makeTransferCases(const std::string& category, std::uint64_t seed, int count, int frames,
    int size);

// One case from its own seed: P, donors and S are drawn from it.
TransferCase makeTransferCase(const std::vector<AttributeCategory>& categories, std::uint64_t caseSeed, int frames,
    int size);

} // namespace durian

#pragma once

#include "core/eval/TransferCases.h"
#include "core/face/Alignment.h"
#include "core/io/Image.h"
#include "core/io/Project.h" // AttributeCategory

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace durian {

class FaceAnalyzer;

// One photo's main face in the model's crop, with its automatic masks (crop pixels, binary) by category: only
// the attributes the photo has (confidence at least 0.5, more than a trace).
struct PhotoFace {
    std::string name;
    Image photo;
    Landmarks photoLandmarks{};
    AlignedFace crop;
    std::map<AttributeCategory, Image> masks;
};

// The photos of a folder (PNG, JPEG, WebP, BMP, TIFF; with `recursive` its subfolders' too), sorted by path.
// Throws durian::Error naming the folder when it does not exist or holds none.
std::vector<std::filesystem::path> photosIn(const std::filesystem::path& dir, bool recursive = false);

// The categories a photo's automatic masks are looked for in.
const std::vector<AttributeCategory>& photoCategories();

// nullopt (and "name: why" appended to `skipped`) for a photo that cannot be read or has no face.
std::optional<PhotoFace> preparePhoto(const std::filesystem::path& path, FaceAnalyzer& analyzer, int size,
    std::vector<std::string>& skipped);

// The self-transfer of a photo's attribute, the Durian paper's protocol on a single photo: the portrait is the
// photo with a hole over the attribute (and 1% around it) filled with the colours around it, the reference the
// same photo framed by `referenceLayout` and brightened to `brightnessPercent`, the truth the photo itself.
// So copying the portrait, or pasting the reference, is not the answer. `face` must have the category.
TransferCase photoSelfTransferCase(const PhotoFace& face, AttributeCategory category, int size,
    const AlignmentTemplate& referenceLayout, int brightnessPercent);

// The benchmark's reference framing: zoomed about 11% (the eyes 0.133 of the side apart, the template's
// 0.12), moved, turned 3 degrees (with brightness 105%); wider than training's random framing (±8%).
AlignmentTemplate photoBenchmarkReferenceLayout();

} // namespace durian

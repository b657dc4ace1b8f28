#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace durian {

// How well the automatic masks (core/masks) match the truth, measured on the procedural portrait world,
// where every mask is exact. The world's true keypoints are fed in, so detection errors do not hide
// mask quality.
struct MaskQualityRow {
    std::string kind;      // hair, eyeglasses, hat, beard, skin
    int present = 0;       // portraits that have this attribute (true mask covers >= 0.5% of the image)
    double meanIoU = 0.0;  // over the portraits that have it
    int absent = 0;        // portraits without it
    int falseAlarms = 0;   // ...of which the automatic mask claimed it (confidence >= 0.5)
};

// `count` random people (seeds seed, seed+1, ...), one random pose each, at size x size.
// `classicalOnly`: the masks without the face networks, to measure what the networks add. With `overlays`, each
// portrait's masks are also drawn there (SEED.png: the automatic masks offered, left; the truth, right).
std::vector<MaskQualityRow> measureAutoMaskQuality(int count, std::uint64_t seed, int size = 256,
    bool classicalOnly = false, const std::filesystem::path& overlays = {});

// The automatic masks against masks painted by hand on real photos. `truthDir` holds, in any subfolder,
// STEM.CATEGORY.png (CATEGORY: hair, eyeglasses, hat or beard; the photo's size, 255 inside); the photo is
// the file STEM.* in `photosDir` or its subfolders. The face is the one the editor picks (the analyzer's primary face) and
// the mask is computed at the photo's resolution, as the editor's automatic mask is.
struct PhotoMaskCase {
    std::string photo, category;
    double iou = 0.0;
    float confidence = 0.0f;
};
struct PhotoMaskQuality {
    std::vector<PhotoMaskCase> cases;
    std::vector<MaskQualityRow> rows; // per category: present = cases, meanIoU over them
    std::vector<std::string> missing; // truth files whose photo is not in photosDir, or has no face
};
PhotoMaskQuality measurePhotoMaskQuality(const std::filesystem::path& truthDir, const std::filesystem::path& photosDir,
    bool classicalOnly = false);

} // namespace durian

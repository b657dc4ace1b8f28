#include "core/eval/MaskQuality.h"

#include "core/io/Image.h"
#include "core/masks/AutoMasks.h"
#include "core/masks/MaskOps.h"
#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"
#include "core/util/Error.h"

#include <algorithm>
#include <utility>

namespace durian {

namespace {

// The automatic masks the editor would offer beside the true ones, over the portrait.
void saveOverlay(const SynthFrame& frame, const std::vector<AutoMask>& masks,
    const std::vector<std::pair<MaskKind, SynthMask>>& kinds, const std::filesystem::path& file)
{
    std::vector<AutoMask> truth;
    for (const auto& [kind, synth] : kinds) {
        truth.push_back({kind, frame.mask(synth), 1.0f});
    }
    const Image left = maskOverlay(frame.rgb, masks), right = maskOverlay(frame.rgb, truth);
    Image both(left.width * 2, left.height, 3);
    for (int y = 0; y < left.height; ++y) {
        std::copy(left.row(y), left.row(y) + left.width * 3, both.row(y));
        std::copy(right.row(y), right.row(y) + right.width * 3, both.row(y) + left.width * 3);
    }
    saveImage(both, file);
}

} // namespace

std::vector<MaskQualityRow> measureAutoMaskQuality(int count, std::uint64_t seed, int size, bool classicalOnly,
    const std::filesystem::path& overlays)
{
    if (count < 1) {
        throw Error("The mask evaluation needs at least one portrait");
    }
    AutoMaskOptions maskOptions;
    maskOptions.classicalOnly = classicalOnly;
    const std::vector<std::pair<MaskKind, SynthMask>> kinds{{MaskKind::Hair, SynthMask::Hair},
        {MaskKind::Eyeglasses, SynthMask::Eyeglasses}, {MaskKind::Hat, SynthMask::Hat},
        {MaskKind::Beard, SynthMask::Beard}, {MaskKind::FaceSkin, SynthMask::Skin}};
    std::vector<MaskQualityRow> rows;
    std::vector<MaskKind> wanted;
    for (const auto& [kind, truth] : kinds) {
        rows.push_back({toString(kind)});
        wanted.push_back(kind);
    }
    SynthRenderOptions options;
    options.width = size;
    options.height = size;
    for (int i = 0; i < count; ++i) {
        const Person person = randomPerson(seed + static_cast<std::uint64_t>(i));
        const Pose pose = randomMotion(seed + static_cast<std::uint64_t>(i), 1).front();
        const SynthFrame frame = renderSynthFrame(person, pose, options);
        Landmarks landmarks;
        std::transform(frame.keypoints.begin(), frame.keypoints.end(), landmarks.begin(),
            [](const SynthPoint& p) { return Point2f{p.x, p.y}; });
        const auto masks = computeAutoMasks(frame.rgb, landmarks, wanted, maskOptions);
        if (!overlays.empty()) {
            saveOverlay(frame, masks, kinds, overlays / (std::to_string(seed + static_cast<std::uint64_t>(i)) + ".png"));
        }
        for (std::size_t k = 0; k < kinds.size(); ++k) {
            const Image& truth = frame.mask(kinds[k].second);
            const double truthCoverage = maskCoverage(truth);
            MaskQualityRow& row = rows[k];
            if (truthCoverage >= 0.005) {
                row.meanIoU += maskIoU(masks[k].mask, truth);
                ++row.present;
            } else {
                ++row.absent;
                row.falseAlarms += masks[k].confidence >= 0.5f ? 1 : 0;
            }
        }
    }
    for (auto& row : rows) {
        row.meanIoU = row.present > 0 ? row.meanIoU / row.present : 0.0;
    }
    return rows;
}

} // namespace durian

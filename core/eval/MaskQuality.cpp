#include "core/eval/MaskQuality.h"

#include "core/eval/PhotoCases.h"
#include "core/face/FaceAnalyzer.h"
#include "core/io/Image.h"
#include "core/masks/AutoMasks.h"
#include "core/masks/MaskOps.h"
#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"
#include "core/util/Error.h"

#include <algorithm>
#include <map>
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

PhotoMaskQuality measurePhotoMaskQuality(const std::filesystem::path& truthDir, const std::filesystem::path& photosDir,
    bool classicalOnly)
{
    std::error_code error;
    if (!std::filesystem::is_directory(truthDir, error)) {
        throw Error("The truth mask folder " + truthDir.string() + " does not exist");
    }
    std::map<std::string, std::filesystem::path> photoByStem;
    for (const auto& photo : photosIn(photosDir, true)) {
        photoByStem.emplace(photo.stem().string(), photo); // the first of a name, in path order
    }
    std::vector<std::filesystem::path> truthFiles;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(truthDir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".png") {
            truthFiles.push_back(entry.path());
        }
    }
    std::sort(truthFiles.begin(), truthFiles.end());
    PhotoMaskQuality result;
    for (const auto c : photoCategories()) {
        result.rows.push_back({toString(c)});
    }
    FaceAnalyzer analyzer;
    AutoMaskOptions options;
    options.classicalOnly = classicalOnly;
    for (const auto& file : truthFiles) {
        // STEM.CATEGORY.png
        const std::string stem = file.stem().stem().string(), categoryName = file.stem().extension().string();
        const auto category = categoryName.empty() ? std::nullopt : parseAttributeCategory(categoryName.substr(1));
        if (!category) {
            throw Error("The truth mask " + file.string() + " is not named PHOTO.CATEGORY.png (hair, eyeglasses, hat or beard)");
        }
        const auto photo = photoByStem.find(stem);
        if (photo == photoByStem.end()) {
            result.missing.push_back(file.filename().string() + ": no photo " + stem + ".* in " + photosDir.string());
            continue;
        }
        const Image image = loadImageRgb(photo->second);
        const Image truth = loadMask(file);
        if (truth.width != image.width || truth.height != image.height) {
            throw Error("The truth mask " + file.string() + " is " + std::to_string(truth.width) + "x" +
                std::to_string(truth.height) + " but its photo is " + std::to_string(image.width) + "x" +
                std::to_string(image.height));
        }
        const FaceAnalysis faces = analyzer.analyze(image);
        if (!faces.found()) {
            result.missing.push_back(file.filename().string() + ": no face found in " + photo->second.filename().string());
            continue;
        }
        const AutoMask mask = computeAutoMasks(image, faces.primary().landmarks, {maskKindOf(*category)}, options).front();
        PhotoMaskCase c{photo->second.filename().string(), toString(*category), maskIoU(mask.mask, truth), mask.confidence};
        for (auto& row : result.rows) {
            if (row.kind == c.category) {
                row.meanIoU += c.iou;
                ++row.present;
            }
        }
        result.cases.push_back(std::move(c));
    }
    for (auto& row : result.rows) {
        row.meanIoU /= std::max(1, row.present);
    }
    return result;
}

} // namespace durian

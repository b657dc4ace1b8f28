#include "core/eval/PhotoCases.h"

#include "core/face/FaceAnalyzer.h"
#include "core/face/OpenCvBridge.h"
#include "core/masks/AutoMasks.h"
#include "core/masks/MaskOps.h"
#include "core/util/Error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <set>

namespace durian {

namespace {

constexpr float kAttributeConfidence = 0.5f;

Image binary(const Image& mask)
{
    Image out = mask;
    for (auto& v : out.pixels) v = v >= 128 ? 255 : 0;
    return out;
}

// The photo with the hole's pixels replaced by the colours around it (a normalised blur of what is outside,
// widened until it reaches the middle): neither method may see what was there.
Image fillHole(const Image& image, const Image& hole)
{
    const cv::Mat rgb = cvbridge::view(image), inside = cvbridge::view(hole) >= 128;
    cv::Mat known;
    cv::bitwise_not(inside, known);
    cv::Mat weight, colour;
    known.convertTo(weight, CV_32F, 1.0 / 255.0);
    rgb.convertTo(colour, CV_32FC3);
    cv::Mat weighted;
    cv::cvtColor(weight, weighted, cv::COLOR_GRAY2RGB);
    weighted = colour.mul(weighted);
    cv::Mat filled = rgb.clone();
    const double sigma = std::max(4.0, image.width / 16.0);
    cv::Mat sum, count;
    cv::GaussianBlur(weighted, sum, cv::Size(), sigma);
    cv::GaussianBlur(weight, count, cv::Size(), sigma);
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            if (!inside.at<std::uint8_t>(y, x)) continue;
            const float n = std::max(1e-4f, count.at<float>(y, x));
            const cv::Vec3f v = sum.at<cv::Vec3f>(y, x) / n;
            filled.at<cv::Vec3b>(y, x) = cv::Vec3b(cv::saturate_cast<std::uint8_t>(v[0]), cv::saturate_cast<std::uint8_t>(v[1]),
                cv::saturate_cast<std::uint8_t>(v[2]));
        }
    }
    return cvbridge::toImage(filled);
}

} // namespace

std::vector<std::filesystem::path> photosIn(const std::filesystem::path& dir, bool recursive)
{
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) {
        throw Error("The photo folder " + dir.string() + " does not exist");
    }
    static const std::set<std::string> extensions{".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff"};
    std::vector<std::filesystem::path> photos;
    const auto take = [&](const std::filesystem::directory_entry& entry) {
        std::string ext = entry.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (entry.is_regular_file() && extensions.count(ext)) photos.push_back(entry.path());
    };
    if (recursive) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(
                 dir, std::filesystem::directory_options::follow_directory_symlink)) take(entry);
    } else {
        for (const auto& entry : std::filesystem::directory_iterator(dir)) take(entry);
    }
    std::sort(photos.begin(), photos.end());
    if (photos.empty()) {
        throw Error("The photo folder " + dir.string() + " holds no photos (PNG, JPEG, WebP, BMP or TIFF)");
    }
    return photos;
}

const std::vector<AttributeCategory>& photoCategories()
{
    static const std::vector<AttributeCategory> categories{AttributeCategory::Hair, AttributeCategory::Eyeglasses,
        AttributeCategory::Hat, AttributeCategory::Beard};
    return categories;
}

std::optional<PhotoFace> preparePhoto(const std::filesystem::path& path, FaceAnalyzer& analyzer, int size,
    std::vector<std::string>& skipped)
{
    PhotoFace face;
    face.name = path.filename().string();
    try {
        face.photo = loadImageRgb(path);
    } catch (const Error& e) {
        skipped.push_back(face.name + ": " + e.what());
        return std::nullopt;
    }
    const FaceAnalysis analysis = analyzer.analyze(face.photo);
    if (!analysis.found()) {
        skipped.push_back(face.name + ": no face found");
        return std::nullopt;
    }
    face.photoLandmarks = analysis.primary().landmarks;
    face.crop = alignFace(face.photo, face.photoLandmarks, size);
    std::vector<MaskKind> kinds;
    const auto& categories = photoCategories();
    for (const auto c : categories) kinds.push_back(maskKindOf(c));
    const auto masks = computeAutoMasks(face.crop.image, face.crop.landmarks, kinds);
    for (std::size_t i = 0; i < categories.size(); ++i) {
        if (masks[i].confidence >= kAttributeConfidence && maskCoverage(binary(masks[i].mask)) > 0.002) {
            face.masks[categories[i]] = binary(masks[i].mask);
        }
    }
    return face;
}

AlignmentTemplate photoBenchmarkReferenceLayout()
{
    AlignmentTemplate layout;
    layout.rightEye = {0.435f, 0.405f};
    layout.leftEye = {0.568f, 0.398f};
    layout.mouth = {0.505f, 0.548f};
    return layout;
}

TransferCase photoSelfTransferCase(const PhotoFace& face, AttributeCategory category, int size,
    const AlignmentTemplate& referenceLayout, int brightnessPercent)
{
    const Image& mask = face.masks.at(category);
    TransferCase c;
    c.category = toString(category);
    // What the model may repaint: the attribute and its edge (1% of the crop), which the reference's own mask
    // covers; the portrait is the photo with that hole filled.
    c.portraitHole = growMask(mask, std::max(2, size / 100));
    c.portrait = fillHole(face.crop.image, c.portraitHole);
    c.portraitLandmarks = face.crop.landmarks;
    c.keypoints = {face.crop.landmarks};
    c.truth = {face.crop.image};
    c.region = {mask};

    // The reference is cut with the crop's mask mapped back onto the photo, then into its own framing.
    const Image photoMask = warpImage(mask, face.crop.toAligned.inverse(), face.photo.width, face.photo.height);
    AlignedFace moved = alignFace(face.photo, face.photoLandmarks, size, referenceLayout);
    for (auto& v : moved.image.pixels) v = static_cast<std::uint8_t>(std::min(255, v * brightnessPercent / 100));
    TransferReference r;
    r.category = category;
    r.image = std::move(moved.image);
    r.mask = binary(warpImage(photoMask, moved.toAligned, size, size));
    r.landmarks = moved.landmarks;
    c.references = {std::move(r)};
    return c;
}

} // namespace durian

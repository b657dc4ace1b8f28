#include "core/masks/AutoMasks.h"

#include "core/face/OpenCvBridge.h"
#include "core/masks/MaskParts.h"
#include "core/util/Error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <optional>

namespace durian {

std::string toString(MaskKind kind)
{
    switch (kind) {
    case MaskKind::Hair: return "hair";
    case MaskKind::Eyeglasses: return "eyeglasses";
    case MaskKind::Hat: return "hat";
    case MaskKind::Beard: return "beard";
    case MaskKind::FaceSkin: return "skin";
    }
    return "unknown";
}

std::vector<MaskKind> allMaskKinds()
{
    return {MaskKind::Hair, MaskKind::Eyeglasses, MaskKind::Hat, MaskKind::Beard, MaskKind::FaceSkin};
}

std::vector<AutoMask> computeAutoMasks(const Image& photo, const Landmarks& landmarks, const std::vector<MaskKind>& kinds,
    const AutoMaskOptions& options)
{
    if (photo.empty()) {
        throw Error("Cannot compute masks on an empty image");
    }
    if (options.analysisSize < 64) {
        throw Error("The mask analysis size must be at least 64 pixels");
    }
    for (const auto& p : landmarks) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            throw Error("Cannot compute masks: the face landmarks contain invalid numbers");
        }
    }
    const masks::FaceCrop crop = masks::makeFaceCrop(photo, landmarks, options.analysisSize);
    std::optional<masks::HeadTop> headTop;
    std::vector<AutoMask> result;
    for (const MaskKind kind : kinds) {
        masks::PartMask part;
        switch (kind) {
        case MaskKind::Hair:
        case MaskKind::Hat:
            if (!headTop) {
                headTop = masks::hairAndHatMasks(crop);
            }
            part = kind == MaskKind::Hair ? headTop->hair : headTop->hat;
            break;
        case MaskKind::Eyeglasses: part = masks::glassesMask(crop, options.glassesCascade); break;
        case MaskKind::Beard: part = masks::beardMask(crop); break;
        case MaskKind::FaceSkin: part = masks::faceSkinMask(crop); break;
        }
        AutoMask mask;
        mask.kind = kind;
        mask.confidence = part.confidence;
        mask.mask = masks::toPhoto(crop, part.mask, photo.width, photo.height);
        result.push_back(std::move(mask));
    }
    return result;
}

Image maskOverlay(const Image& photo, const std::vector<AutoMask>& masks)
{
    cv::Mat canvas = cvbridge::rgb(photo);
    canvas.convertTo(canvas, CV_32FC3);
    for (const auto& m : masks) {
        if (m.confidence < 0.5f) {
            continue; // the overlay shows what the editor would offer, not every candidate region
        }
        if (m.mask.width != photo.width || m.mask.height != photo.height || m.mask.channels != 1) {
            throw Error("maskOverlay: the " + toString(m.kind) + " mask does not match the photo's size");
        }
        cv::Scalar tint;
        switch (m.kind) {
        case MaskKind::Hair: tint = {255, 40, 40}; break;
        case MaskKind::Eyeglasses: tint = {0, 230, 255}; break;
        case MaskKind::Hat: tint = {255, 230, 0}; break;
        case MaskKind::Beard: tint = {255, 0, 255}; break;
        case MaskKind::FaceSkin: tint = {0, 255, 60}; break;
        }
        cv::Mat alpha;
        cvbridge::view(m.mask).convertTo(alpha, CV_32F, 0.5 / 255.0);
        cv::Mat alpha3;
        cv::cvtColor(alpha, alpha3, cv::COLOR_GRAY2RGB);
        const cv::Mat colour(canvas.size(), CV_32FC3, tint);
        canvas = canvas.mul(cv::Scalar::all(1.0) - alpha3) + colour.mul(alpha3);
    }
    cv::Mat result;
    canvas.convertTo(result, CV_8UC3);
    return cvbridge::toImage(result);
}

} // namespace durian

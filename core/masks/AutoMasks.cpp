#include "core/masks/AutoMasks.h"

#include "core/face/FaceNetworks.h"
#include "core/face/OpenCvBridge.h"
#include "core/masks/MaskParts.h"
#include "core/util/Error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
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

MaskKind maskKindOf(AttributeCategory category)
{
    switch (category) {
    case AttributeCategory::Hair: return MaskKind::Hair;
    case AttributeCategory::Eyeglasses: return MaskKind::Eyeglasses;
    case AttributeCategory::Hat: return MaskKind::Hat;
    case AttributeCategory::Beard: return MaskKind::Beard;
    }
    return MaskKind::Hair;
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
    const FaceNetworks* networks = options.classicalOnly ? nullptr : &FaceNetworks::shared();
    const masks::FaceCrop crop = masks::makeFaceCrop(photo, landmarks, options.analysisSize, networks);
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
    // 8-bit blending row by row: a float copy of a 10000x10000 photo would take 1.2 GB.
    Image result = cvbridge::toImage(cvbridge::rgb(photo));
    for (const auto& m : masks) {
        if (m.confidence < 0.5f) {
            continue; // the overlay shows what the editor would offer, not every candidate region
        }
        if (m.mask.width != photo.width || m.mask.height != photo.height || m.mask.channels != 1) {
            throw Error("maskOverlay: the " + toString(m.kind) + " mask does not match the photo's size");
        }
        std::array<int, 3> tint{};
        switch (m.kind) {
        case MaskKind::Hair: tint = {255, 40, 40}; break;
        case MaskKind::Eyeglasses: tint = {0, 230, 255}; break;
        case MaskKind::Hat: tint = {255, 230, 0}; break;
        case MaskKind::Beard: tint = {255, 0, 255}; break;
        case MaskKind::FaceSkin: tint = {0, 255, 60}; break;
        }
        for (int y = 0; y < result.height; ++y) {
            const std::uint8_t* alpha = m.mask.row(y);
            std::uint8_t* pixel = result.row(y);
            for (int x = 0; x < result.width; ++x, pixel += 3) {
                const int a = alpha[x] / 2; // half-transparent tint, 0..127
                if (a == 0) continue;
                for (int c = 0; c < 3; ++c) {
                    pixel[c] = static_cast<std::uint8_t>((pixel[c] * (255 - a) + tint[static_cast<std::size_t>(c)] * a) / 255);
                }
            }
        }
    }
    return result;
}

} // namespace durian

#include "core/render/ProjectRequest.h"

#include "core/face/Alignment.h"
#include "core/face/FaceAnalyzer.h"
#include "core/masks/AlignedMask.h"
#include "core/masks/AutoMasks.h"
#include "core/masks/MaskOps.h"
#include "core/util/Error.h"

#include <cmath>

namespace durian {

namespace {

// As the trainer's and the benchmark's holes: a margin so the attribute's outline is not given away.
constexpr double kHoleGrowth = 0.03;

} // namespace

ProjectFaces::ProjectFaces() = default;
ProjectFaces::~ProjectFaces() = default;

FaceAnalyzer& ProjectFaces::analyzer()
{
    if (!analyzer_) {
        analyzer_ = std::make_unique<FaceAnalyzer>();
    }
    return *analyzer_;
}

const ProjectFaces::Face& ProjectFaces::face(const std::filesystem::path& path, const std::string& what)
{
    if (const auto it = faces_.find(path); it != faces_.end()) {
        return it->second;
    }
    Face face;
    face.photo = loadImageRgb(path);
    const auto analysis = analyzer().analyze(face.photo);
    if (!analysis.found()) {
        throw Error("No face found in the " + what + " " + path.string() +
            ". Use a photo in which the face is frontal and clearly visible.");
    }
    face.landmarks = analysis.primary().landmarks;
    return faces_.emplace(path, std::move(face)).first->second;
}

const Image& ProjectFaces::autoMask(const std::filesystem::path& path, AttributeCategory category, int size)
{
    const auto key = std::make_tuple(path, static_cast<int>(category), size);
    if (const auto it = masks_.find(key); it != masks_.end()) {
        return it->second;
    }
    const Face& f = face(path, toString(category) + " photo");
    const std::vector<MaskKind> kind{maskKindOf(category)};
    Image mask;
    if (size > 0) {
        const AlignedFace aligned = alignFace(f.photo, f.landmarks, size);
        mask = computeAutoMasks(aligned.image, aligned.landmarks, kind).front().mask;
    } else {
        mask = computeAutoMasks(f.photo, f.landmarks, kind).front().mask;
    }
    return masks_.emplace(key, std::move(mask)).first->second;
}

ProjectRequest projectRequest(const Project& project, ProjectFaces& faces, int size)
{
    if (project.portraitImage.empty()) {
        throw Error("The project has no portrait image.");
    }
    const auto& portrait = faces.face(project.portraitImage, "portrait");
    const AlignedFace aligned = alignFace(portrait.photo, portrait.landmarks, size);
    ProjectRequest out;
    out.portraitLandmarks = aligned.landmarks;
    auto& request = out.request;
    request.portrait = aligned.image;
    request.resolution = size;
    request.seed = project.render.seed;
    request.steps = project.render.steps;
    request.guidance = project.render.guidance;
    Image hole(size, size, 1, 0);
    if (!project.portraitMask.empty()) {
        hole = uniteMasks(hole, warpImage(loadMask(project.portraitMask), aligned.toAligned, size, size));
    }
    for (const auto& reference : project.attributes) {
        if (!reference.enabled) {
            continue;
        }
        const auto& photo = faces.face(reference.image, toString(reference.category) + " reference");
        const Image mask = reference.mask.empty() ? faces.autoMask(reference.image, reference.category)
                                                  : loadMask(reference.mask);
        const Image& ownRegion = faces.autoMask(project.portraitImage, reference.category, size);
        hole = uniteMasks(hole, inferenceMask(mask, photo.landmarks, ownRegion, aligned.landmarks, size, size));
        const AlignedFace referenceAligned = alignFace(photo.photo, photo.landmarks, size);
        request.attributes.push_back({reference.category, referenceAligned.image,
            warpImage(mask, referenceAligned.toAligned, size, size), reference.strength});
    }
    request.portraitMask = growMask(hole, static_cast<int>(std::lround(kHoleGrowth * size)));
    return out;
}

} // namespace durian

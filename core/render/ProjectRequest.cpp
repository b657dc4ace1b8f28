#include "core/render/ProjectRequest.h"

#include "core/face/Alignment.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/KeypointImage.h"
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

const ProjectFaces::Photo& ProjectFaces::photo(const std::filesystem::path& path, const std::string& what)
{
    if (const auto it = photos_.find(path); it != photos_.end()) {
        return it->second;
    }
    Photo photo;
    photo.image = loadImageRgb(path);
    const auto analysis = analyzer().analyze(photo.image);
    if (!analysis.found()) {
        throw Error("No face found in the " + what + " " + path.string() +
            ". Use a photo in which the face is frontal and clearly visible.");
    }
    for (const auto& face : analysis.faces) {
        photo.faces.push_back(face.landmarks);
    }
    return photos_.emplace(path, std::move(photo)).first->second;
}

const Landmarks& ProjectFaces::landmarks(const std::filesystem::path& path, const std::string& what, int face)
{
    const Photo& found = photo(path, what);
    if (face < 0 || face >= static_cast<int>(found.faces.size())) {
        throw Error("The " + what + " " + path.string() + " has " + std::to_string(found.faces.size()) +
            " face(s); face " + std::to_string(face + 1) + " was chosen. Choose the face again.");
    }
    return found.faces[static_cast<std::size_t>(face)];
}

const Image& ProjectFaces::autoMask(const std::filesystem::path& path, AttributeCategory category, int size, int face)
{
    const auto key = std::make_tuple(path, static_cast<int>(category), size, face);
    if (const auto it = masks_.find(key); it != masks_.end()) {
        return it->second;
    }
    const std::string what = toString(category) + " photo";
    const Photo& p = photo(path, what);
    const Landmarks& chosen = landmarks(path, what, face);
    const std::vector<MaskKind> kind{maskKindOf(category)};
    Image mask;
    if (size > 0) {
        const AlignedFace aligned = alignFace(p.image, chosen, size);
        mask = computeAutoMasks(aligned.image, aligned.landmarks, kind).front().mask;
    } else {
        mask = computeAutoMasks(p.image, chosen, kind).front().mask;
    }
    return masks_.emplace(key, std::move(mask)).first->second;
}

Image loadMaskOf(const std::filesystem::path& mask, const Image& image, const std::string& what)
{
    Image loaded = loadMask(mask);
    if (loaded.width != image.width || loaded.height != image.height) {
        throw Error("The mask " + mask.string() + " is " + std::to_string(loaded.width) + "x" +
            std::to_string(loaded.height) + " but the " + what + " is " + std::to_string(image.width) + "x" +
            std::to_string(image.height) + ". Paint or compute the mask again.");
    }
    return loaded;
}

ProjectRequest projectRequest(const Project& project, ProjectFaces& faces, int size)
{
    if (project.portraitImage.empty()) {
        throw Error("The project has no portrait image.");
    }
    const Image& portraitPhoto = faces.photo(project.portraitImage, "portrait").image;
    const AlignedFace aligned =
        alignFace(portraitPhoto, faces.landmarks(project.portraitImage, "portrait", project.portraitFace), size);
    ProjectRequest out;
    out.portraitLandmarks = aligned.landmarks;
    auto& request = out.request;
    request.portrait = aligned.image;
    request.portraitLandmarks = aligned.landmarks;
    request.resolution = size;
    request.seed = project.render.seed;
    request.steps = project.render.steps;
    request.guidance = project.render.guidance;
    Image hole(size, size, 1, 0);
    if (!project.portraitMask.empty()) {
        hole = uniteMasks(hole, warpImage(loadMaskOf(project.portraitMask, portraitPhoto, "portrait"), aligned.toAligned,
            size, size));
    }

    // One reference aligned to the portrait's face; its region (and the portrait's own) joins the hole.
    const auto prepare = [&](const AttributeReference& reference) {
        const std::string what = toString(reference.category) + " reference";
        const Image& image = faces.photo(reference.image, what).image;
        const Landmarks& landmarks = faces.landmarks(reference.image, what, reference.face);
        const Image mask = reference.mask.empty() ? faces.autoMask(reference.image, reference.category, 0, reference.face)
                                                  : loadMaskOf(reference.mask, image, what);
        const Image& ownRegion = faces.autoMask(project.portraitImage, reference.category, size, project.portraitFace);
        hole = uniteMasks(hole, inferenceMask(mask, landmarks, ownRegion, aligned.landmarks, size, size));
        const AlignedFace referenceAligned = alignFace(image, landmarks, size);
        return AttributeInput{reference.category, referenceAligned.image,
            warpImage(mask, referenceAligned.toAligned, size, size), reference.strength, referenceAligned.landmarks};
    };
    const auto& pairing = project.interpolation;
    std::vector<int> slotOf(project.attributes.size(), -1); // project index -> request index
    for (std::size_t i = 0; i < project.attributes.size(); ++i) {
        const auto& reference = project.attributes[i];
        if (!reference.enabled || (pairing && pairing->with == static_cast<int>(i))) {
            continue; // off, or the pair's B (it enters as the interpolation below)
        }
        slotOf[i] = static_cast<int>(request.attributes.size());
        request.attributes.push_back(prepare(reference));
    }
    if (pairing && slotOf.at(static_cast<std::size_t>(pairing->slot)) >= 0 &&
        project.attributes.at(static_cast<std::size_t>(pairing->with)).enabled) {
        const AttributeInput b = prepare(project.attributes[static_cast<std::size_t>(pairing->with)]);
        request.interpolation =
            InterpolationInput{slotOf[static_cast<std::size_t>(pairing->slot)], b.image, b.mask, pairing->alpha, b.landmarks};
    }
    request.portraitMask = growMask(hole, static_cast<int>(std::lround(kHoleGrowth * size)));
    return out;
}

GenerationRequest projectPreviewRequest(const Project& project, ProjectFaces& faces, int size, int steps, double guidance)
{
    ProjectRequest r = projectRequest(project, faces, size);
    r.request.keypoints = {renderKeypointImage(r.portraitLandmarks, size, size)};
    r.request.motion = {r.portraitLandmarks};
    r.request.frames = 1;
    r.request.steps = steps;
    r.request.guidance = guidance;
    return previewRequest(r.request);
}

GenerationRequest projectAnimationRequest(ProjectRequest request, const std::vector<Landmarks>& frames)
{
    GenerationRequest out = std::move(request.request);
    out.keypoints.clear(); // the generator draws each chunk's keypoint images from the landmarks
    out.motion = frames;
    out.frames = static_cast<int>(frames.size());
    return out;
}

} // namespace durian

#include "app/gui/PreviewWorker.h"

#include "core/face/Alignment.h"
#include "core/face/KeypointImage.h"
#include "core/io/Image.h"
#include "core/masks/AlignedMask.h"
#include "core/masks/AutoMasks.h"

#include <algorithm>

std::shared_ptr<PreviewWorker> PreviewWorker::shared()
{
    static const auto worker = std::make_shared<PreviewWorker>();
    return worker;
}

durian::FaceAnalyzer& PreviewWorker::analyzer()
{
    if (!analyzer_) {
        analyzer_ = std::make_unique<durian::FaceAnalyzer>();
    }
    return *analyzer_;
}

const PreviewWorker::Photo& PreviewWorker::photo(const std::filesystem::path& path, const std::string& what)
{
    auto it = photos_.find(path);
    if (it != photos_.end()) {
        return it->second;
    }
    Photo photo;
    photo.image = durian::loadImageRgb(path);
    photo.analysis = analyzer().analyze(photo.image);
    if (!photo.analysis.found()) {
        throw durian::Error("No face found in the " + what + " " + path.string()
            + ". Use a photo in which the face is frontal and clearly visible.");
    }
    return photos_.emplace(path, std::move(photo)).first->second;
}

const durian::Landmarks& PreviewWorker::landmarks(const std::filesystem::path& path, int face, const std::string& what)
{
    const Photo& found = photo(path, what);
    if (face < 0 || face >= static_cast<int>(found.analysis.faces.size())) {
        throw durian::Error("The " + what + " " + path.string() + " has " + std::to_string(found.analysis.faces.size())
            + " face(s); face " + std::to_string(face + 1) + " was chosen. Choose the face again.");
    }
    return found.analysis.faces[static_cast<std::size_t>(face)].landmarks;
}

durian::Generator& PreviewWorker::generator(const std::filesystem::path& weights)
{
    if (!generator_ || weights != weights_) {
        generator_.reset();
        durian::GeneratorOptions options; // the untrained "default" model until weights ship
        options.weights = weights;
        try {
            generator_ = std::make_unique<durian::Generator>(options);
        } catch (const std::exception& e) {
            throw durian::Error("The model file " + weights.string() + " cannot be used: " + e.what()
                + ". Choose another file or the built-in model in Settings.");
        }
        weights_ = weights;
    }
    return *generator_;
}

durian::GenerationRequest PreviewWorker::request(const durian::Project& project, int size, int steps, double guidance)
{
    if (project.portraitImage.empty()) {
        throw durian::Error("The project has no portrait image.");
    }
    const durian::Image& portraitPhoto = photo(project.portraitImage, "portrait").image;
    const durian::AlignedFace aligned
        = durian::alignFace(portraitPhoto, landmarks(project.portraitImage, project.portraitFace, "portrait"), size);
    durian::GenerationRequest request;
    request.portrait = aligned.image;
    request.portraitMask = project.portraitMask.empty()
        ? durian::Image(size, size, 1, 0)
        : durian::warpImage(durian::loadMask(project.portraitMask), aligned.toAligned, size, size);

    // One reference aligned to the portrait's face; its attribute region joins the portrait's hole.
    const auto prepare = [&](const durian::AttributeReference& reference) {
        const std::string what = durian::toString(reference.category) + " reference";
        const Photo& refPhoto = photo(reference.image, what);
        const durian::Landmarks& refLandmarks = refPhoto.analysis.primary().landmarks;
        const durian::Image mask = reference.mask.empty()
            ? durian::computeAutoMasks(refPhoto.image, refLandmarks, {durian::maskKindOf(reference.category)}).front().mask
            : durian::loadMask(reference.mask);
        const durian::Image hole
            = durian::inferenceMask(mask, refLandmarks, durian::Image(), aligned.landmarks, size, size);
        for (std::size_t i = 0; i < hole.pixels.size(); ++i) {
            request.portraitMask.pixels[i] = std::max(request.portraitMask.pixels[i], hole.pixels[i]);
        }
        const durian::AlignedFace referenceAligned = durian::alignFace(refPhoto.image, refLandmarks, size);
        durian::AttributeInput input;
        input.category = reference.category;
        input.image = referenceAligned.image;
        input.mask = durian::warpImage(mask, referenceAligned.toAligned, size, size);
        input.strength = reference.strength;
        return input;
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
    if (pairing && slotOf.at(static_cast<std::size_t>(pairing->slot)) >= 0
        && project.attributes.at(static_cast<std::size_t>(pairing->with)).enabled) {
        const durian::AttributeInput b = prepare(project.attributes[static_cast<std::size_t>(pairing->with)]);
        request.interpolation
            = durian::InterpolationInput{slotOf[static_cast<std::size_t>(pairing->slot)], b.image, b.mask, pairing->alpha};
    }
    request.keypoints = {durian::renderKeypointImage(aligned.landmarks, size, size)};
    request.frames = 1;
    request.steps = steps;
    request.guidance = guidance;
    request.seed = project.render.seed;
    request.resolution = size;
    return durian::previewRequest(request);
}

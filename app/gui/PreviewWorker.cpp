#include "app/gui/PreviewWorker.h"

#include "core/face/Alignment.h"
#include "core/io/Image.h"
#include "core/util/Error.h"
#include "core/pipeline/ShippedModel.h"
#include "core/render/ClassicalAnimation.h"

std::shared_ptr<PreviewWorker> PreviewWorker::shared()
{
    static const auto worker = std::make_shared<PreviewWorker>();
    return worker;
}

durian::Generator& PreviewWorker::generator(const std::filesystem::path& weights)
{
    if (!generator_ || weights != weights_) {
        generator_.reset();
        durian::GeneratorOptions options;
        // No file chosen: the shipped trained model; the untrained one only where none is installed.
        options.weights = weights.empty() ? durian::shippedModelWeights().value_or(std::filesystem::path()) : weights;
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

bool PreviewWorker::trainedModelAvailable(const std::filesystem::path& weights)
{
    return !weights.empty() || durian::shippedModelWeights().has_value();
}

durian::Image PreviewWorker::classicalStill(const durian::Project& project, int size)
{
    const auto& photo = faces_.photo(project.portraitImage, "portrait").image;
    const durian::AlignedFace portrait =
        durian::alignFace(photo, faces_.landmarks(project.portraitImage, "portrait", project.portraitFace), size);
    return durian::ClassicalAnimation(project, faces_, portrait).frame(portrait.landmarks);
}

durian::AutoMask PreviewWorker::autoMask(const std::filesystem::path& photo, int face, durian::MaskKind kind)
{
    const durian::Image image = durian::loadImageRgb(photo);
    const auto analysis = analyzer().analyze(image);
    if (face < 0 || face >= static_cast<int>(analysis.faces.size())) {
        throw durian::Error("No face found in " + photo.string()
            + "; an automatic mask needs a face. Paint the mask or choose another photo.");
    }
    return durian::computeAutoMasks(image, analysis.faces[static_cast<std::size_t>(face)].landmarks, {kind}).front();
}

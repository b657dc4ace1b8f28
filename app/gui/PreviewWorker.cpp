#include "app/gui/PreviewWorker.h"

#include "core/pipeline/ShippedModel.h"

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

#pragma once

#include "core/face/FaceAnalyzer.h"
#include "core/io/Project.h"
#include "core/pipeline/Pipeline.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>

// What the worker thread keeps between previews: the model and the face analyzer (each loads once),
// and the faces of the photos seen so far (a slider move re-analyses nothing). One instance is shared
// by every controller that renders (preview, interpolation strip), so the model is loaded once; it is
// touched only inside JobQueue jobs, i.e. on the one worker thread.
class PreviewWorker {
public:
    static std::shared_ptr<PreviewWorker> shared();

    // The project's still preview request: the chosen portrait face aligned, the enabled references'
    // masks aligned to it, the interpolation pair (when both are on) as the request's second reference,
    // the portrait's own landmarks as keypoints, through durian::previewRequest().
    durian::GenerationRequest request(const durian::Project& project, int size, int steps, double guidance);

    // The model: the shipped default (weights empty) or a user's safetensors file, (re)loaded when the
    // choice changes. Throws durian::Error naming the file when it cannot be used.
    durian::Generator& generator(const std::filesystem::path& weights);
    bool modelLoaded(const std::filesystem::path& weights) const { return generator_ && weights == weights_; }

    durian::FaceAnalyzer& analyzer();

private:
    struct Photo {
        durian::Image image;
        durian::FaceAnalysis analysis;
    };
    const Photo& photo(const std::filesystem::path& path, const std::string& what);
    const durian::Landmarks& landmarks(const std::filesystem::path& path, int face, const std::string& what);

    std::unique_ptr<durian::Generator> generator_;
    std::filesystem::path weights_;
    std::unique_ptr<durian::FaceAnalyzer> analyzer_;
    std::map<std::filesystem::path, Photo> photos_;
};

#pragma once

#include "core/face/FaceAnalyzer.h"
#include "core/io/Project.h"
#include "core/masks/AutoMasks.h"
#include "core/pipeline/Pipeline.h"
#include "core/render/ProjectRender.h"
#include "core/render/ProjectRequest.h"

#include <filesystem>
#include <memory>

// What the worker thread keeps between previews: the model and the face analyzer (each loads once),
// and the faces and automatic masks of the photos seen so far (a slider move re-analyses nothing). One instance is shared
// by every controller that renders (preview, interpolation strip), so the model is loaded once; it is
// touched only inside JobQueue jobs, i.e. on the one worker thread.
class PreviewWorker {
public:
    static std::shared_ptr<PreviewWorker> shared();

    // The project's still preview request (see durian::projectPreviewRequest).
    durian::GenerationRequest request(const durian::Project& project, int size, int steps, double guidance)
    {
        return durian::projectPreviewRequest(project, faces_, size, steps, guidance);
    }

    // The model: the shipped default (weights empty) or a user's safetensors file, (re)loaded when the
    // choice changes. Throws durian::Error naming the file when it cannot be used.
    durian::Generator& generator(const std::filesystem::path& weights);
    bool modelLoaded(const std::filesystem::path& weights) const { return generator_ && weights == weights_; }

    durian::FaceAnalyzer& analyzer() { return faces_.analyzer(); }
    // The automatic mask of `kind` on face `face` (FaceAnalyzer's order; 0: the one it chooses) of `photo`.
    // Throws durian::Error naming the photo when it has no such face.
    durian::AutoMask autoMask(const std::filesystem::path& photo, int face, durian::MaskKind kind);

    // Whether a trained model is there: a user's file (taken as trained) or the shipped default. Without
    // one, previews show the classical method, as export renders it; the untrained network draws noise.
    static bool trainedModelAvailable(const std::filesystem::path& weights);
    // Whether previews draw with the model: one is there and Settings does not ask for the classical method.
    static bool drawsWithModel(const std::filesystem::path& weights, bool classicalChosen)
    {
        return !classicalChosen && trainedModelAvailable(weights);
    }
    // The project through the classical method at the portrait's own pose (see durian::ClassicalAnimation).
    durian::Image classicalStill(const durian::Project& project, int size);
    // A preview's crop back in the portrait photo (durian::stillInPhoto), at most kDisplaySide pixels on its
    // longer side: the preview shows the photo, as the export does, without holding a huge photo twice.
    static constexpr int kDisplaySide = 1600;
    durian::Image inPhoto(const durian::Project& project, int size, const durian::Image& crop)
    {
        return durian::stillInPhoto(project, faces_, size, crop, kDisplaySide);
    }

private:
    std::unique_ptr<durian::Generator> generator_;
    std::filesystem::path weights_;
    durian::ProjectFaces faces_;
};

#pragma once

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"
#include "core/io/Project.h"
#include "core/pipeline/Pipeline.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <tuple>

namespace durian {

class FaceAnalyzer;

// The faces in a project's photos, found once and kept: dlib's predictor loads in about a second and a
// slider move must not analyse anything again. Not thread-safe (one worker thread owns it).
class ProjectFaces {
public:
    ProjectFaces();
    ~ProjectFaces();

    struct Face {
        Image photo;
        Landmarks landmarks;
    };
    // Throws durian::Error naming the file and `what` ("portrait", "hair reference", ...) when it has no face.
    const Face& face(const std::filesystem::path& path, const std::string& what);
    FaceAnalyzer& analyzer();
    // The automatic mask of `category` in a photo (`size` > 0: in the photo's aligned crop of that side),
    // computed once: it takes a GrabCut, too slow to repeat on every slider move.
    const Image& autoMask(const std::filesystem::path& path, AttributeCategory category, int size = 0);

private:
    std::unique_ptr<FaceAnalyzer> analyzer_;
    std::map<std::filesystem::path, Face> faces_;
    std::map<std::tuple<std::filesystem::path, int, int>, Image> masks_;
};

// What the model is asked for a project, before motion: the portrait aligned to `size`, the hole it may
// repaint, and the enabled references aligned with their masks.
struct ProjectRequest {
    GenerationRequest request;   // no keypoints yet; frames 1
    Landmarks portraitLandmarks; // in the aligned portrait's pixels
};

// The hole is, per enabled reference, its mask aligned to the portrait united with the portrait's own
// region of that category (its automatic mask), grown a little as in training; plus the project's own
// portrait mask when it has one. Throws durian::Error for a missing portrait or a photo with no face.
ProjectRequest projectRequest(const Project& project, ProjectFaces& faces, int size);

} // namespace durian

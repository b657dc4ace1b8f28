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
#include <vector>

namespace durian {

class FaceAnalyzer;

// The faces in a project's photos, found once and kept: dlib's predictor loads in about a second and a
// slider move must not analyse anything again. Not thread-safe (one worker thread owns it).
class ProjectFaces {
public:
    ProjectFaces();
    ~ProjectFaces();

    struct Photo {
        Image image;
        std::vector<Landmarks> faces; // as FaceAnalyzer found them, the primary one first
    };
    // Throws durian::Error naming the file and `what` ("portrait", "hair reference", ...) when it has no face.
    const Photo& photo(const std::filesystem::path& path, const std::string& what);
    // The landmarks of face `face` (0: the primary one) in the photo; an error when there is no such face.
    const Landmarks& landmarks(const std::filesystem::path& path, const std::string& what, int face = 0);
    FaceAnalyzer& analyzer();
    // The automatic mask of `category` around face `face` of a photo (`size` > 0: in that face's aligned crop
    // of that side), computed once: it takes a GrabCut, too slow to repeat on every slider move.
    const Image& autoMask(const std::filesystem::path& path, AttributeCategory category, int size = 0, int face = 0);

private:
    std::unique_ptr<FaceAnalyzer> analyzer_;
    std::map<std::filesystem::path, Photo> photos_;
    std::map<std::tuple<std::filesystem::path, int, int, int>, Image> masks_;
};

// The mask file of `image`, which must be of the image's size (a mask painted on another photo, or
// damaged, would silently land in the wrong place). `what` names the photo in the message.
Image loadMaskOf(const std::filesystem::path& mask, const Image& image, const std::string& what);

// What the model is asked for a project, before motion: the chosen portrait face aligned to `size`, the
// hole it may repaint, the enabled references aligned with their masks, and the interpolation pair (when
// both of its references are on) as the request's second reference.
struct ProjectRequest {
    GenerationRequest request;   // the project's steps, guidance and seed; no keypoints yet, frames 1
    Landmarks portraitLandmarks; // in the aligned portrait's pixels
};

// The hole is, per enabled reference, its mask aligned to the portrait united with the portrait's own
// region of that category (its automatic mask), grown a little as in training; plus the project's own
// portrait mask when it has one. Throws durian::Error for a missing portrait or a photo with no face.
ProjectRequest projectRequest(const Project& project, ProjectFaces& faces, int size);

// The editor's still preview of a project: its request with the portrait's own landmarks as the one
// frame's keypoints, through previewRequest().
GenerationRequest projectPreviewRequest(const Project& project, ProjectFaces& faces, int size, int steps, double guidance);

// The whole animation: the request with the track's landmarks as its motion, one entry per frame (in the
// aligned portrait's pixels). No keypoint images: the generator draws them chunk by chunk.
GenerationRequest projectAnimationRequest(ProjectRequest request, const std::vector<Landmarks>& frames);

} // namespace durian

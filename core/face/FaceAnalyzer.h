#pragma once

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace durian {

// Where Debian's libdlib-data package puts the 68-point model.
inline constexpr const char* kDefaultShapePredictorPath = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat";

struct FaceAnalyzerOptions {
    std::filesystem::path shapePredictor = kDefaultShapePredictorPath;
    // Detection runs on a copy whose long side is at most this (big photos are scaled down) ...
    int detectionSide = 1280;
    // ... and again on 2x and 4x up-sampled copies while their long side stays within this, so faces
    // smaller than dlib's 80-pixel window are found too.
    int maxUpsampledSide = 1700;
};

// All faces of one image, the chosen one first: the largest clear face near the centre. The others are kept
// so the caller can say "3 more faces were ignored".
struct FaceAnalysis {
    std::vector<FaceDetection> faces;
    int width = 0;
    int height = 0;

    bool found() const { return !faces.empty(); }
    const FaceDetection& primary() const { return faces.front(); }
};

// dlib's HOG frontal-face detector and 68-point shape predictor. The predictor (100 MB) loads once
// in the constructor (about 0.85 s); keep one analyzer and reuse it. Not thread-safe: one call at a time.
class FaceAnalyzer {
public:
    // Throws durian::Error naming the model file and the package libdlib-data when it is missing or damaged.
    explicit FaceAnalyzer(FaceAnalyzerOptions options = {});
    ~FaceAnalyzer();
    FaceAnalyzer(const FaceAnalyzer&) = delete;
    FaceAnalyzer& operator=(const FaceAnalyzer&) = delete;

    // Detects every face and its landmarks. An image without a face gives an empty result, not an error;
    // an empty image or one with an unsupported channel count throws durian::Error.
    // smallestFace > 0: faces narrower than this many pixels may be ignored, which skips up-sampled passes
    // (the video tracker passes a little less than the previous frame's face).
    FaceAnalysis analyze(const Image& image, int smallestFace = 0);

    // The 68 landmarks inside a known face box (for example the previous video frame's box).
    Landmarks landmarksIn(const Image& image, const RectF& box);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Picks the index of the face a user most likely means: large, near the centre, clearly a face.
int choosePrimaryFace(const std::vector<FaceDetection>& faces, int width, int height);

// Box and landmarks for landmarks known from elsewhere (the procedural world, a saved file).
FaceDetection faceFromLandmarks(const Landmarks& landmarks);

} // namespace durian

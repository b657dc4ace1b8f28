#pragma once

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace durian {

// MediaPipe's face mesh: 468 points. Indices of the parts the masks use (MediaPipe's own numbering).
inline constexpr int kMeshPointCount = 468;
// The face oval, clockwise from the top of the forehead (10) round the chin (152).
inline constexpr int kMeshFaceOval[] = {10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378,
    400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109};
// The outer lip line.
inline constexpr int kMeshOuterLips[] = {61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37,
    39, 40, 185};
// The eyes' outlines and the brows' upper edges (image left is the person's right).
inline constexpr int kMeshRightEye[] = {33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246};
inline constexpr int kMeshLeftEye[] = {263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466};
inline constexpr int kMeshRightBrow[] = {70, 63, 105, 66, 107, 55, 65, 52, 53, 46};
inline constexpr int kMeshLeftBrow[] = {300, 293, 334, 296, 336, 285, 295, 282, 283, 276};
inline constexpr int kMeshNoseTip = 1;

struct FaceMesh {
    std::vector<Point2f> points; // kMeshPointCount, in the photo's pixels
    float confidence = 0.0f;     // the network's face flag, 0..1
};

// Where the face networks are: $DURIAN_NETWORKS_DIR when set, otherwise share/durian-studio/networks beside
// the executable's prefix (a build tree links it to the source's resources/networks).
std::filesystem::path faceNetworksDir();

// MediaPipe's selfie segmentation and face mesh (Apache-2.0), run through OpenCV's dnn from the ONNX files
// that tools/face-networks made from TF.js. Safe to share between threads: one forward pass at a time.
class FaceNetworks {
public:
    // Loads selfie.onnx and facemesh.onnx from `dir`; throws durian::Error naming a missing or damaged file.
    explicit FaceNetworks(const std::filesystem::path& dir = faceNetworksDir());
    ~FaceNetworks();
    FaceNetworks(const FaceNetworks&) = delete;
    FaceNetworks& operator=(const FaceNetworks&) = delete;

    // The process's networks from faceNetworksDir(), loaded on first use (about 30 ms).
    static const FaceNetworks& shared();

    // A person matte of an RGB image: 1 channel, the image's size, 255 on the person (hair included).
    Image personMatte(const Image& rgb) const;
    // The mesh of the face whose 68 landmarks (photo pixels) are given: the network sees an upright crop
    // around them.
    FaceMesh faceMesh(const Image& rgb, const Landmarks& landmarks) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// HSE FaceRes's identity embedding (1024 values, the network's global pooling), for measuring only: its
// licence is not stated, so the app does not ship it. The install step converts it to faceres.onnx in
// measureNetworksDir().
class FaceIdentity {
public:
    // Throws durian::Error naming the file, and how to make it, when it is missing or damaged.
    explicit FaceIdentity(const std::filesystem::path& onnx);
    ~FaceIdentity();
    FaceIdentity(const FaceIdentity&) = delete;
    FaceIdentity& operator=(const FaceIdentity&) = delete;

    // The embedding of the face with these 68 landmarks, from a crop aligned on its eyes and mouth.
    std::vector<float> embedding(const Image& rgb, const Landmarks& landmarks) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// $DURIAN_MEASURE_NETWORKS_DIR when set, otherwise $XDG_DATA_HOME (or ~/.local/share)/durian-studio/measure.
std::filesystem::path measureNetworksDir();

// Cosine similarity of two embeddings of the same length.
float cosineSimilarity(const std::vector<float>& a, const std::vector<float>& b);

} // namespace durian

#pragma once

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"
#include "core/io/Project.h"

#include <filesystem>
#include <string>
#include <vector>

namespace durian {

// What an automatic mask covers. The first four are the attribute categories of a project.
enum class MaskKind { Hair, Eyeglasses, Hat, Beard, FaceSkin };

std::string toString(MaskKind kind);
// The automatic mask that covers a project attribute's category.
MaskKind maskKindOf(AttributeCategory category);
std::vector<MaskKind> allMaskKinds();

struct AutoMask {
    MaskKind kind = MaskKind::Hair;
    Image mask;              // 1 channel, the photo's size; 255 inside
    float confidence = 0.0f; // 0..1: how sure the image evidence is that the attribute is there and covered
};

struct AutoMaskOptions {
    // The face is analysed in a crop of this side (inter-ocular distance = 12% of it), whatever the photo size.
    int analysisSize = 400;
    // OpenCV's eye-with-glasses cascade (Debian package opencv-data); skipped when the file is absent.
    std::filesystem::path glassesCascade = "/usr/share/opencv4/haarcascades/haarcascade_eye_tree_eyeglasses.xml";
    // The person matte and face mesh (FaceNetworks::shared()) refine the masks; true leaves them out, to
    // measure what they add.
    bool classicalOnly = false;
};

// Automatic masks for the face with these landmarks (in the photo's pixels): geometry from the landmarks,
// refined with the image (skin colour model, GrabCut, edges). Landmarks may come from FaceAnalyzer or
// from anywhere else (the procedural world's true keypoints), so mask quality can be measured apart from
// detection. Returns one AutoMask per requested kind, in the order asked.
std::vector<AutoMask> computeAutoMasks(const Image& photo, const Landmarks& landmarks,
    const std::vector<MaskKind>& kinds = allMaskKinds(), const AutoMaskOptions& options = {});

// Tints each mask with confidence >= 0.5 over the photo (hair red, glasses cyan, hat yellow, beard magenta, skin green) for a
// quick look. Returns an RGB image of the photo's size.
Image maskOverlay(const Image& photo, const std::vector<AutoMask>& masks);

} // namespace durian

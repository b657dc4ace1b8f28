#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace durian {

// How far our 68 landmarks are from the ones in an imglab XML file (dlib's examples/faces
// testing_with_face_landmarks.xml): mean point distance over the inter-ocular distance, per face.
struct LandmarkError {
    std::string image;
    bool detected = false;  // the detector found a face over the file's box
    double detectedError = 0.0; // our whole pipeline: detection, then landmarks in the detected box
    double inBoxError = 0.0;    // landmarks in the file's own box (the landmark model alone)
};

// Throws durian::Error naming the file when it cannot be read or holds no faces with 68 parts.
std::vector<LandmarkError> measureLandmarkAccuracy(const std::filesystem::path& xml);

} // namespace durian

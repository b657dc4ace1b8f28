#pragma once

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"

#include <vector>

namespace durian {

// x' = a*x - b*y + tx, y' = b*x + a*y + ty: rotation, uniform scale and shift.
struct Similarity {
    float a = 1.0f;
    float b = 0.0f;
    float tx = 0.0f;
    float ty = 0.0f;

    Point2f apply(Point2f p) const { return {a * p.x - b * p.y + tx, b * p.x + a * p.y + ty}; }
    float scale() const;
    float angle() const; // radians
    Similarity inverse() const;
    // (this after first)(p) == this->apply(first.apply(p))
    Similarity after(const Similarity& first) const;
    Landmarks apply(const Landmarks& landmarks) const;
};

// Least-squares similarity taking `from` onto `to` (same length, at least 2 points).
Similarity fitSimilarity(const std::vector<Point2f>& from, const std::vector<Point2f>& to);

// Where the aligned crop puts the face, as fractions of its side. The defaults are the portrait world's
// head-and-shoulders framing (the mean of 40 world portraits), the only framing the default model was
// trained on: with a tighter crop (face filling the frame) its output was shapeless.
struct AlignmentTemplate {
    Point2f rightEye{0.44f, 0.41f}; // image-left eye (landmarks 36-41)
    Point2f leftEye{0.56f, 0.41f};  // image-right eye (landmarks 42-47)
    Point2f mouth{0.50f, 0.54f};    // centre of the outer lips
};

// Similarity from image pixels to a size x size crop laid out as the template says.
Similarity alignmentTransform(const Landmarks& landmarks, int size, const AlignmentTemplate& layout = {});

struct AlignedFace {
    Image image;            // size x size, RGB
    Similarity toAligned;   // image pixels -> crop pixels; toAligned.inverse() maps back
    Landmarks landmarks;    // in crop pixels
};

// The model's view of a face: the photo warped by alignmentTransform (edges replicated, not black).
AlignedFace alignFace(const Image& image, const Landmarks& landmarks, int size = 256, const AlignmentTemplate& layout = {});

// Warps any 1/3/4-channel image by `transform` (source pixels -> target pixels) into width x height.
// Masks use this both ways: into the crop, and back onto the photo with the inverse. Outside the
// source the result is 0.
Image warpImage(const Image& source, const Similarity& transform, int width, int height);

} // namespace durian

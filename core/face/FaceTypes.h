#pragma once

#include <array>
#include <cmath>

namespace durian {

struct Point2f {
    float x = 0.0f;
    float y = 0.0f;
};

struct RectF {
    float x = 0.0f;
    float y = 0.0f;
    float width = 0.0f;
    float height = 0.0f;

    float area() const { return width * height; }
    Point2f center() const { return {x + width / 2.0f, y + height / 2.0f}; }
};

// The 68-point iBUG 300-W layout dlib's predictor uses: 0-16 jaw, 17-21 right brow (image left),
// 22-26 left brow, 27-30 nose bridge, 31-35 nose base, 36-41 and 42-47 eyes, 48-59 outer lips,
// 60-67 inner lips. Coordinates are pixels of the image they were found in.
inline constexpr int kLandmarkCount = 68;
using Landmarks = std::array<Point2f, kLandmarkCount>;

// Named landmark ranges [first, last], inclusive.
struct LandmarkPart {
    int first;
    int last;
    bool closed;
};
inline constexpr LandmarkPart kJaw{0, 16, false};
inline constexpr LandmarkPart kRightBrow{17, 21, false};
inline constexpr LandmarkPart kLeftBrow{22, 26, false};
inline constexpr LandmarkPart kNoseBridge{27, 30, false};
inline constexpr LandmarkPart kNoseBase{31, 35, false};
inline constexpr LandmarkPart kRightEye{36, 41, true};
inline constexpr LandmarkPart kLeftEye{42, 47, true};
inline constexpr LandmarkPart kOuterLips{48, 59, true};
inline constexpr LandmarkPart kInnerLips{60, 67, true};

// Mean of a landmark range.
inline Point2f partCenter(const Landmarks& landmarks, LandmarkPart part)
{
    Point2f sum;
    for (int i = part.first; i <= part.last; ++i) {
        sum.x += landmarks[i].x;
        sum.y += landmarks[i].y;
    }
    const float n = static_cast<float>(part.last - part.first + 1);
    return {sum.x / n, sum.y / n};
}

inline float distance(Point2f a, Point2f b) { return std::hypot(a.x - b.x, a.y - b.y); }

// One face found in an image.
struct FaceDetection {
    RectF box;           // the detector's box, image pixels
    Landmarks landmarks; // image pixels
    float confidence = 0.0f; // 0..1, from the detector's score (1.0 for landmarks given by the caller)
};

} // namespace durian

#include "core/face/MotionPresets.h"

#include "core/util/Error.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace durian {

namespace {

constexpr float kPi = std::numbers::pi_v<float>;
float radians(float degrees) { return degrees * kPi / 180.0f; }

// Depth of each landmark in inter-ocular units, for a face whose half width is about 1: the head is an
// ellipsoid, with the nose and lips in front of it and the eyes slightly sunk.
float extraDepth(int k)
{
    static constexpr float bridge[] = {0.12f, 0.22f, 0.32f, 0.45f};     // 27-30
    static constexpr float noseBase[] = {0.22f, 0.3f, 0.36f, 0.3f, 0.22f}; // 31-35
    if (k >= 27 && k <= 30) return bridge[k - 27];
    if (k >= 31 && k <= 35) return noseBase[k - 31];
    if (k >= 36 && k <= 47) return -0.08f;
    if (k >= 48) return 0.08f;
    return 0.0f;
}

// Weights of the jaw points that follow the chin when the mouth opens (5..11).
float chinWeight(int k)
{
    static constexpr float w[] = {0.2f, 0.45f, 0.8f, 1.0f, 0.8f, 0.45f, 0.2f};
    return (k >= 5 && k <= 11) ? w[k - 5] : 0.0f;
}

} // namespace

std::vector<std::string> motionPresetNames() { return {"nod", "shake", "talk", "smile", "look-around", "still"}; }

Landmarks poseLandmarks(const Landmarks& base, const FacePose& pose)
{
    // Face frame: centre between the stable points, x along the eye line, unit = inter-ocular distance.
    const Point2f re = partCenter(base, kRightEye), le = partCenter(base, kLeftEye);
    const float unit = std::max(distance(re, le), 1e-3f);
    const float roll0 = std::atan2(le.y - re.y, le.x - re.x);
    const float c0 = std::cos(roll0), s0 = std::sin(roll0);
    Point2f centre{0, 0};
    for (int i = 27; i <= 47; ++i) {
        centre.x += base[i].x / 21.0f;
        centre.y += base[i].y / 21.0f;
    }
    float halfWidth = 0.0f;
    std::array<Point2f, kLandmarkCount> q;
    for (int k = 0; k < kLandmarkCount; ++k) {
        const float dx = base[k].x - centre.x, dy = base[k].y - centre.y;
        q[k] = {(c0 * dx + s0 * dy) / unit, (-s0 * dx + c0 * dy) / unit};
    }
    halfWidth = std::max(0.5f, 0.5f * std::abs(q[16].x - q[0].x));

    // Expression, in the face frame (y down).
    const float open = std::clamp(pose.mouthOpen, 0.0f, 1.0f);
    const float smile = std::clamp(pose.smile, 0.0f, 1.0f);
    for (int k = 0; k < kLandmarkCount; ++k) {
        float down = open * 0.25f * chinWeight(k);
        if ((k >= 55 && k <= 59) || (k >= 65 && k <= 67)) down += open * 0.35f;
        if (k >= 49 && k <= 53) down -= open * 0.04f;
        q[k].y += down;
    }
    const int corners[] = {48, 54, 60, 64};
    for (int k : corners) {
        const float side = q[k].x < q[51].x ? -1.0f : 1.0f;
        q[k].x += side * smile * 0.12f;
        q[k].y -= smile * 0.09f;
    }
    for (int k : {49, 59, 53, 55}) {
        const float side = q[k].x < q[51].x ? -1.0f : 1.0f;
        q[k].x += side * smile * 0.05f;
        q[k].y -= smile * 0.04f;
    }

    // Rotate the lifted points: yaw about the vertical axis, pitch about the horizontal one, then roll.
    const float yaw = radians(pose.yawDegrees), pitch = radians(pose.pitchDegrees), roll = radians(pose.rollDegrees);
    const float cy = std::cos(yaw), sy = std::sin(yaw), cp = std::cos(pitch), sp = std::sin(pitch);
    const float cr = std::cos(roll), sr = std::sin(roll);
    const float depth = 1.0f * halfWidth;
    Landmarks result;
    for (int k = 0; k < kLandmarkCount; ++k) {
        const float nx = std::clamp(q[k].x / (1.15f * halfWidth), -1.0f, 1.0f);
        const float z = depth * std::sqrt(1.0f - nx * nx) + extraDepth(k) - depth; // 0 at the face centre
        float x = q[k].x * cy + z * sy;
        float zr = -q[k].x * sy + z * cy;
        float y = q[k].y * cp - zr * sp;
        const float xr = x * cr - y * sr;
        y = x * sr + y * cr;
        x = xr;
        result[k] = {centre.x + unit * (c0 * x - s0 * y), centre.y + unit * (s0 * x + c0 * y)};
    }
    return result;
}

KeypointTrack motionPreset(const std::string& name, const Landmarks& base, int frames, double fps, int width, int height)
{
    if (frames < 1) {
        throw Error("A motion needs at least 1 frame, got " + std::to_string(frames));
    }
    if (fps <= 0.0) {
        fps = 24.0;
    }
    // Whole cycles that fit `frames` at about the natural period (seconds), at least one.
    auto cycles = [&](double period) { return std::max(1.0, std::round(frames / (fps * period))); };
    KeypointTrack track;
    track.fps = fps;
    track.width = width;
    track.height = height;
    for (int t = 0; t < frames; ++t) {
        const float u = static_cast<float>(t) / static_cast<float>(frames); // 0..1, loops at 1
        auto wave = [&](double period) { return static_cast<float>(2.0 * std::numbers::pi * cycles(period) * u); };
        FacePose pose;
        if (name == "still") {
            track.frames.push_back(base); // the portrait in its own pose, exactly
            continue;
        }
        if (name == "nod") {
            pose.pitchDegrees = 12.0f * std::sin(wave(1.2));
        } else if (name == "shake") {
            pose.yawDegrees = 20.0f * std::sin(wave(1.2));
        } else if (name == "talk") {
            // Syllables about 4 per second, louder and softer over about 2 seconds, and a slight nod.
            const float syllable = 0.5f * (1.0f - std::cos(wave(0.25)));
            const float loudness = 0.65f + 0.35f * std::sin(wave(2.0));
            pose.mouthOpen = syllable * loudness;
            pose.pitchDegrees = 2.5f * std::sin(wave(2.0));
        } else if (name == "smile") {
            pose.smile = 0.5f * (1.0f - std::cos(wave(3.0)));
            pose.mouthOpen = 0.15f * pose.smile;
            pose.pitchDegrees = -3.0f * pose.smile;
        } else if (name == "look-around") {
            // A figure of eight through the frontal pose: right and up, back, left and down, back.
            pose.yawDegrees = 20.0f * std::sin(wave(4.0));
            pose.pitchDegrees = -8.0f * std::sin(2.0f * wave(4.0));
        } else {
            std::string known;
            for (const auto& n : motionPresetNames()) {
                known += (known.empty() ? "" : ", ") + n;
            }
            throw Error("Unknown motion preset '" + name + "' (known: " + known + ")");
        }
        track.frames.push_back(poseLandmarks(base, pose));
    }
    track.detected.assign(track.frames.size(), true);
    return track;
}

} // namespace durian

#pragma once

#include "core/face/KeypointTrack.h"

#include <string>
#include <vector>

namespace durian {

// The built-in motions: "nod", "shake", "talk", "smile", "look-around", and "still" (every frame the
// portrait's own pose: a still image of the edit, usually one frame).
std::vector<std::string> motionPresetNames();

// A head pose and expression applied to a face.
struct FacePose {
    float yawDegrees = 0.0f;   // turn left/right
    float pitchDegrees = 0.0f; // nod (positive: chin down)
    float rollDegrees = 0.0f;  // tilt in the image plane
    float mouthOpen = 0.0f;    // 0..1
    float smile = 0.0f;        // 0..1
};

// Moves the base landmarks as if the head turned and the face changed expression: the 2D landmarks are
// lifted onto a head-shaped depth profile, rotated, and projected back (orthographic). The base pose is
// taken as frontal.
Landmarks poseLandmarks(const Landmarks& base, const FacePose& pose);

// `frames` frames of a preset at `fps`, starting and ending at the base landmarks' pose. Every preset
// is periodic with a whole number of cycles in `frames`, so the clip loops without a jump.
// Throws durian::Error for an unknown name (listing the known ones) or frames < 1.
KeypointTrack motionPreset(const std::string& name, const Landmarks& base, int frames, double fps, int width, int height);

} // namespace durian

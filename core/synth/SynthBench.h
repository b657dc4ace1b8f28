#pragma once

#include "core/synth/SynthTypes.h"

#include <cstdint>
#include <filesystem>

namespace durian {

struct SynthBenchResult {
    int frames = 0;
    int people = 0;
    double framesPerSecond = 0.0;
    double msPerFrame = 0.0;
};

// Renders `frames` frames (cycling through 16 random people and their motions) on one thread.
SynthBenchResult benchmarkSynth(int frames, const SynthRenderOptions& options);

struct SynthDlibReport {
    int frames = 0;
    int detected = 0;          // a detection whose box holds the true face centre
    double meanError = 0.0;    // mean landmark distance / inter-ocular distance, over detected faces
    double medianError = 0.0;
    int frontal = 0, detectedFrontal = 0;       // frames with |yaw| < 15 degrees
    int sunglasses = 0, detectedSunglasses = 0; // frames of people wearing sunglasses
};

// Runs dlib's frontal face detector (one pyramid up-sampling) and 68-point shape predictor on `count`
// random people in random poses. Throws durian::Error if the model file is missing.
SynthDlibReport checkSynthWithDlib(std::uint64_t firstSeed, int count, const SynthRenderOptions& options,
    const std::filesystem::path& model = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat");

} // namespace durian

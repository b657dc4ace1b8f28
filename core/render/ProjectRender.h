#pragma once

#include "core/face/FaceAnalyzer.h"
#include "core/face/KeypointTrack.h"
#include "core/io/Project.h"
#include "core/render/ExportOptions.h"
#include "core/render/ProjectRequest.h"
#include "core/util/Cancellation.h"

#include <filesystem>
#include <functional>
#include <stop_token>
#include <string>

namespace durian {

struct ProjectRenderCallbacks {
    // stage: "analysing", "generating" (the model: done/total count sampler steps over the whole clip),
    // "rendering" (done/total count output frames), "encoding".
    std::function<void(const std::string& stage, int done, int total)> progress;
    std::stop_token stop; // checked before every step and frame; a stop throws durian::Cancelled
};

struct ProjectRenderResult {
    std::filesystem::path output;
    int frames = 0;
    int width = 0;
    int height = 0;
    std::string method; // what produced the frames, shown to the user
    bool reused = false; // the frames came from an earlier render's RenderedFrames, not made again
};

// Renders a project to a video (format from the extension: .mp4, .webm, .gif; a path without an
// extension is a folder of PNG frames). The portrait's face is found and aligned to the project's
// resolution; the motion comes from the preset or the driving video, retargeted to the portrait. Each
// frame goes back into the full portrait photo (core/render/PhotoComposite.h): the video is at the photo's
// size (ExportOptions::size scales its longer side), and a "still" changes no pixel outside its edit region.
//
// Frames come from the Durian model (ExportOptions::modelWeights, or the shipped default) with the
// project's steps, guidance and seed; from the classical warp-and-composite method
// (core/eval/WarpComposite.h) when asked or when no trained model is installed. `method` says which.
// The output appears whole or not at all.
// Throws durian::Error with a message for the user (no face in a photo, unreadable file, full disk, ...).
ProjectRenderResult renderProjectVideo(
    const Project& project, const std::filesystem::path& output, const ProjectRenderCallbacks& callbacks = {});

// The same with export options (frame rate, quality, size, audio); `frames`/`width`/`height` of the
// result describe the written file. Progress counts the output's frames. With a `frameCache` folder the
// animation's frames are kept there (core/render/RenderedFrames.h), and a later call whose project and
// method give the same frames writes those instead of making them again (`reused`).
ProjectRenderResult renderProjectVideo(const Project& project, const std::filesystem::path& output,
    const ExportOptions& options, const ProjectRenderCallbacks& callbacks = {},
    const std::filesystem::path& frameCache = {});

// The project's motion as the renderer uses it: the preset, or the driving video's face tracked
// (first motion.frames frames), smoothed and retargeted onto `portrait` (landmarks in a size x size
// aligned crop). Throws durian::Error when the video cannot be read or shows no face. `driver`, when
// given, receives the driving video's own smoothed track (video pixels; untouched for a preset).
KeypointTrack projectMotionTrack(FaceAnalyzer& analyzer, const Project& project, const Landmarks& portrait, int size,
    KeypointTrack* driver = nullptr);

// A still of the project at the portrait's own pose (the editor's preview), from its `crop` at `size`, back
// in the full photo: only the edit region replaces the photo's pixels. `maxSide` > 0 scales the result
// down to at most that longer side (a display proxy of a huge photo).
Image stillInPhoto(const Project& project, ProjectFaces& faces, int size, const Image& crop, int maxSide = 0);

// The rendered frame shown by output frame `outputIndex` when `sourceFrames` frames at `sourceFps` are
// written at `outputFps` (same duration, nearest frame), and the number of output frames.
int exportFrameCount(int sourceFrames, double sourceFps, double outputFps);
int exportSourceFrame(int outputIndex, int sourceFrames, double sourceFps, double outputFps);

} // namespace durian

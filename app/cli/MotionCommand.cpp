#include "app/cli/CommandLine.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/FaceReport.h"
#include "core/face/KeypointImage.h"
#include "core/face/KeypointTrack.h"
#include "core/face/MotionPresets.h"
#include "core/face/Retarget.h"
#include "core/face/Smoothing.h"
#include "core/face/VideoTracker.h"
#include "core/io/Image.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace durian::cli {

namespace {

struct Portrait {
    Landmarks landmarks;
    int width = 0;
    int height = 0;
};

std::optional<Portrait> portraitFrom(const Arguments& arguments, std::optional<FaceAnalyzer>& analyzer)
{
    if (const auto file = arguments.value("portrait")) {
        const Image photo = loadImageRgb(*file);
        if (!analyzer) {
            analyzer.emplace();
        }
        const FaceAnalysis analysis = analyzer->analyze(photo);
        if (!analysis.found()) {
            throw Error("No face found in the portrait " + *file);
        }
        return Portrait{analysis.primary().landmarks, photo.width, photo.height};
    }
    if (const auto file = arguments.value("portrait-landmarks")) {
        const int width = static_cast<int>(arguments.numberOr("width", 512));
        const int height = static_cast<int>(arguments.numberOr("height", 512));
        return Portrait{loadLandmarks(*file), width, height};
    }
    return std::nullopt;
}

void writeKeypointFrames(const KeypointTrack& track, const std::filesystem::path& dir)
{
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
        throw Error("Cannot create folder " + dir.string() + ": " + error.message());
    }
    for (int t = 0; t < track.size(); ++t) {
        char name[32];
        std::snprintf(name, sizeof name, "frame_%05d.png", t);
        saveImage(renderKeypointImage(track.frames[static_cast<std::size_t>(t)], track.width, track.height), dir / name);
    }
}

} // namespace

Command motionCommand()
{
    return {"motion", "motion (VIDEO | --preset NAME) -o TRACK.json [--portrait PHOTO | --portrait-landmarks JSON --width W --height H] "
        "[--frames N] [--fps F] [--raw] [--keypoint-frames DIR]",
        "Keypoint track of a driving video or a preset, smoothed and retargeted to a portrait",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {"raw"});
            const auto output = arguments.value("output");
            if (!output) {
                throw UsageError("the output track (-o TRACK.json) is required");
            }
            const auto preset = arguments.value("preset");
            if (preset.has_value() == (arguments.positionals().size() == 1) || arguments.positionals().size() > 1) {
                throw UsageError("give either one driving video or --preset NAME");
            }
            std::optional<FaceAnalyzer> analyzer;
            const std::optional<Portrait> portrait = portraitFrom(arguments, analyzer);
            KeypointTrack track;
            if (preset) {
                if (!portrait) {
                    throw UsageError("a preset moves a portrait's face: give --portrait PHOTO or --portrait-landmarks JSON");
                }
                const int frames = static_cast<int>(arguments.numberOr("frames", 48));
                const double fps = arguments.numberOr("fps", 24.0);
                track = motionPreset(*preset, portrait->landmarks, frames, fps, portrait->width, portrait->height);
                const double loopStep = shapeDistance(track.frames.back(), track.frames.front());
                std::printf("preset    %s, %d frames at %g fps; last-to-first step %.4f (inter-ocular units)\n",
                    preset->c_str(), track.size(), track.fps, loopStep);
            } else {
                if (!analyzer) {
                    analyzer.emplace();
                }
                const int maxFrames = static_cast<int>(arguments.numberOr("frames", 0));
                const KeypointTrack raw = trackVideo(arguments.positionals().front(), *analyzer, maxFrames);
                const int missing = static_cast<int>(std::count(raw.detected.begin(), raw.detected.end(), false));
                track = arguments.has("raw") ? raw : smoothTrack(raw);
                std::printf("video     %d frames at %g fps, %d without a face (filled from neighbours)\n", raw.size(),
                    raw.fps, missing);
                std::printf("jitter    raw %.5f  smoothed %.5f  (mean |acceleration| / inter-ocular distance)\n",
                    trackJitter(raw), trackJitter(smoothTrack(raw)));
                if (portrait) {
                    track = retargetTrack(track, portrait->landmarks, portrait->width, portrait->height);
                    double worst = 0.0;
                    for (const auto& f : track.frames) {
                        worst = std::max(worst, shapeDistance(f, portrait->landmarks));
                    }
                    std::printf("retarget  onto the portrait; largest shape change %.4f (inter-ocular units)\n", worst);
                }
            }
            saveKeypointTrack(track, *output);
            if (const auto dir = arguments.value("keypoint-frames")) {
                writeKeypointFrames(track, *dir);
            }
            std::printf("written   %s\n", output->c_str());
            return kExitOk;
        }};
}

} // namespace durian::cli

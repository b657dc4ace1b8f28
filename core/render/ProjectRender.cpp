#include "core/render/ProjectRender.h"

#include "core/face/Alignment.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/MotionPresets.h"
#include "core/face/OpenCvBridge.h"
#include "core/face/Retarget.h"
#include "core/face/Smoothing.h"
#include "core/face/VideoTracker.h"
#include "core/io/Image.h"
#include "core/pipeline/Pipeline.h"
#include "core/pipeline/ShippedModel.h"
#include "core/pipeline/ClassicalPrior.h"
#include "core/render/ClassicalAnimation.h"
#include "core/render/PhotoComposite.h"
#include "core/render/RenderedFrames.h"
#include "core/render/ProjectRequest.h"
#include "core/util/Error.h"
#include "core/video/VideoDecoder.h"
#include "core/video/VideoEncoder.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace durian {
namespace {

const std::string kWarpMethod = "warp_composite (classical baseline; no trained model file was found)";
const std::string kClassicalMethod = "warp_composite (classical baseline, as asked)";

std::optional<std::filesystem::path> modelWeightsFor(const ExportOptions& options)
{
    if (!options.modelWeights.empty()) {
        return options.modelWeights;
    }
    return shippedModelWeights();
}

// The whole clip from the model in one generation, so its temporal windows keep the frames coherent.
// Each frame goes to `sink` as it is made, in order: memory does not grow with the clip's length.
// Returns the method as the summary names it, with the steps the model really sampled.
std::string generateFrames(const Project& project, ProjectFaces& faces, const KeypointTrack& track,
    const std::filesystem::path& weights, int size, const ProjectRenderCallbacks& callbacks,
    const std::function<void(int, Image)>& sink)
{
    GeneratorOptions options;
    options.weights = weights;
    std::unique_ptr<Generator> generator;
    try {
        generator = std::make_unique<Generator>(options);
    } catch (const std::exception& e) {
        throw Error("The model file " + weights.string() + " cannot be used: " + e.what());
    }
    const GenerationRequest request = projectAnimationRequest(projectRequest(project, faces, size), track.frames);
    GenerationCallbacks generation;
    generation.stop = callbacks.stop;
    generation.frame = sink;
    generation.progress = [&](int step, int total) {
        if (callbacks.progress) {
            callbacks.progress("generating", step, total);
        }
    };
    generator->generate(request, generation);
    const int steps = generator->config().stepsFor(project.render.steps);
    return "durian (" + weights.filename().string() + ", " + std::to_string(steps) + " DDIM step" + (steps == 1 ? ")" : "s)");
}

} // namespace

KeypointTrack projectMotionTrack(FaceAnalyzer& analyzer, const Project& project, const Landmarks& portrait, int size,
    KeypointTrack* driverOut)
{
    const MotionSettings& motion = project.motion;
    if (motion.drivingVideo.empty()) {
        return motionPreset(motion.preset, portrait, motion.frames, motion.fps, size, size);
    }
    const KeypointTrack driver = smoothTrack(trackVideo(motion.drivingVideo, analyzer, motion.frames));
    if (driver.size() < motion.frames) { // a shorter clip than asked for, silently, would look like a bug
        throw Error("The driving video " + motion.drivingVideo.string() + " has " + std::to_string(driver.size()) +
            " frames, but the project asks for " + std::to_string(motion.frames) + ". Set the clip length to " +
            std::to_string(driver.size()) + " frames or fewer, or choose a longer video.");
    }
    KeypointTrack track = retargetTrack(driver, portrait, size, size);
    track.fps = motion.fps;
    if (driverOut != nullptr) {
        *driverOut = driver;
    }
    return track;
}

namespace {

int crfFor(VideoFormat format, ExportOptions::Quality quality)
{
    const int step = static_cast<int>(quality); // high 0, medium 1, low 2
    switch (format) {
    case VideoFormat::Mp4: return 18 + 5 * step;
    case VideoFormat::WebM: return 32 + 6 * step;
    default: return -1; // GIF and PNG have no quality setting
    }
}

// The export size is the longer side; the photo keeps its aspect ratio.
Image scaledTo(const Image& frame, int size)
{
    const int longer = std::max(frame.width, frame.height);
    if (size <= 0 || longer == size) {
        return frame;
    }
    const int width = std::max(1, static_cast<int>(std::lround(static_cast<double>(frame.width) * size / longer)));
    const int height = std::max(1, static_cast<int>(std::lround(static_cast<double>(frame.height) * size / longer)));
    cv::Mat scaled;
    // Area averaging when shrinking avoids aliasing; bicubic when enlarging.
    cv::resize(cvbridge::view(frame), scaled, cv::Size(width, height), 0, 0,
        size < longer ? cv::INTER_AREA : cv::INTER_CUBIC);
    return cvbridge::toImage(scaled);
}

// Where a still's crop replaces the photo: only the (feathered) edit region, so every other pixel is the
// photo's own.
Image stillRegion(const Project& project, ProjectFaces& faces, int size)
{
    ProjectRequest still = projectRequest(project, faces, size);
    still.request.motion = {still.portraitLandmarks};
    still.request.frames = 1;
    return ClassicalPrior(still.request, size).region(0);
}

// For a still the edit region; for an animation the whole crop, its edges feathered.
Image pasteRegion(const Project& project, ProjectFaces& faces, const PhotoComposite& composite, int size)
{
    const bool still = project.motion.drivingVideo.empty() && project.motion.preset == "still";
    return still ? stillRegion(project, faces, size) : composite.cropFootprint();
}

PhotoComposite portraitComposite(const Project& project, ProjectFaces& faces, const AlignedFace& portrait, int size)
{
    return PhotoComposite(faces.photo(project.portraitImage, "portrait").image, portrait.toAligned, size);
}

// The driving video's audio goes along when asked for, the format carries sound, and there is some.
std::filesystem::path audioSourceFor(const Project& project, VideoFormat format, const ExportOptions& options)
{
    if (!options.audio || project.motion.drivingVideo.empty()
        || (format != VideoFormat::Mp4 && format != VideoFormat::WebM)) {
        return {};
    }
    return VideoDecoder(project.motion.drivingVideo).info().hasAudio ? project.motion.drivingVideo
                                                                      : std::filesystem::path();
}

} // namespace

Image stillInPhoto(const Project& project, ProjectFaces& faces, int size, const Image& crop, int maxSide)
{
    const AlignedFace portrait = alignFace(faces.photo(project.portraitImage, "portrait").image,
        faces.landmarks(project.portraitImage, "portrait", project.portraitFace), size);
    const Image inPhoto = portraitComposite(project, faces, portrait, size).paste(crop, stillRegion(project, faces, size));
    return maxSide > 0 && std::max(inPhoto.width, inPhoto.height) > maxSide ? scaledTo(inPhoto, maxSide) : inPhoto;
}

int exportFrameCount(int sourceFrames, double sourceFps, double outputFps)
{
    if (outputFps <= 0 || outputFps == sourceFps) {
        return sourceFrames;
    }
    return std::max(1, static_cast<int>(std::lround(sourceFrames * outputFps / sourceFps)));
}

int exportSourceFrame(int outputIndex, int sourceFrames, double sourceFps, double outputFps)
{
    if (outputFps <= 0 || outputFps == sourceFps) {
        return outputIndex;
    }
    const auto index = static_cast<int>(std::lround(outputIndex * sourceFps / outputFps));
    return std::clamp(index, 0, sourceFrames - 1);
}

ProjectRenderResult renderProjectVideo(
    const Project& project, const std::filesystem::path& output, const ProjectRenderCallbacks& callbacks)
{
    return renderProjectVideo(project, output, ExportOptions{}, callbacks);
}

ProjectRenderResult renderProjectVideo(const Project& project, const std::filesystem::path& output,
    const ExportOptions& exportOptions, const ProjectRenderCallbacks& callbacks, const std::filesystem::path& frameCache)
{
    validateExportOptions(exportOptions);
    const auto report = [&](const std::string& stage, int done, int total) {
        if (callbacks.progress) {
            callbacks.progress(stage, done, total);
        }
    };
    const auto problems = findProjectProblems(project);
    if (!problems.empty()) {
        throw Error(problems.front());
    }
    const VideoFormat format = videoFormatFromPath(output); // reject a bad extension before the slow work
    report("analysing", 0, project.motion.frames);

    ProjectFaces faces;
    const int size = project.render.resolution;
    const AlignedFace portrait = alignFace(faces.photo(project.portraitImage, "portrait").image,
        faces.landmarks(project.portraitImage, "portrait", project.portraitFace), size);
    const KeypointTrack track = projectMotionTrack(faces.analyzer(), project, portrait.landmarks, size);
    const PhotoComposite photo = portraitComposite(project, faces, portrait, size);
    const Image region = pasteRegion(project, faces, photo, size);
    const auto weights = exportOptions.classical ? std::nullopt : modelWeightsFor(exportOptions);
    std::optional<RenderedFrames> cache;
    if (!frameCache.empty() && track.size() <= RenderedFrames::kMaxFrames) {
        cache.emplace(frameCache, renderKey(project, weights));
    }
    const auto earlier = cache ? cache->complete() : std::nullopt;
    const bool reuse = earlier && earlier->frames == track.size();
    const bool keep = cache && !reuse;
    const double outputFps = exportOptions.fps > 0 ? exportOptions.fps : project.motion.fps;
    const int outputFrames = exportFrameCount(track.size(), project.motion.fps, outputFps);
    VideoEncodeOptions options;
    options.format = format;
    options.fps = outputFps;
    options.crf = crfFor(format, exportOptions.quality);
    options.audioSource = audioSourceFor(project, format, exportOptions);
    options.expectedFrames = outputFrames;
    options.stop = callbacks.stop;
    int width = 0;
    int height = 0;
    std::string method;
    {
        // Opened before the frames are made: an unwritable output or a format's limit fails now, not after
        // the whole render. Nothing replaces the output until finish().
        VideoEncoder encoder(output, options);
        if (keep) {
            cache->start();
        }
        // The animation's frames arrive in order, one at a time; each becomes the output frames that show
        // it (none when the export's rate drops it, several when it repeats it).
        int next = 0; // the next output frame
        const auto wanted = [&](int i) {
            return next < outputFrames && exportSourceFrame(next, track.size(), project.motion.fps, outputFps) == i;
        };
        // The model's progress is its sampler steps, which include its frames; otherwise the frames count.
        const bool framesAreProgress = !weights || reuse;
        const auto emit = [&](int i, const Image& source) {
            if (keep) {
                cache->write(i, source);
            }
            while (wanted(i)) {
                throwIfStopped(callbacks.stop);
                const Image frame = scaledTo(photo.paste(source, region), exportOptions.size);
                width = encodedDimension(format, frame.width); // what the file holds: --size 17 is 18x18 in an MP4
                height = encodedDimension(format, frame.height);
                encoder.write(frame);
                ++next;
                if (framesAreProgress) {
                    report("rendering", next, outputFrames);
                }
            }
        };
        if (reuse) {
            for (int i = 0; i < track.size(); ++i) {
                if (wanted(i)) {
                    emit(i, cache->frame(i));
                }
            }
            method = earlier->method;
        } else if (weights) {
            method = generateFrames(project, faces, track, *weights, size, callbacks, emit);
        } else {
            const ClassicalAnimation classical(project, faces, portrait, [&] { throwIfStopped(callbacks.stop); });
            for (int i = 0; i < track.size(); ++i) {
                if (wanted(i) || keep) { // a kept set needs every frame, also those this rate drops
                    emit(i, classical.frame(track.frames[static_cast<std::size_t>(i)]));
                }
            }
            method = exportOptions.classical ? kClassicalMethod : kWarpMethod;
        }
        if (next != outputFrames) {
            throw Error("the animation ended after " + std::to_string(next) + " of " + std::to_string(outputFrames) + " frames");
        }
        report("encoding", outputFrames, outputFrames);
        encoder.finish();
        if (keep) {
            cache->finish({track.size(), method});
            cache->removeOthers(); // the latest set is the one an export reuses: the cache holds one clip
        }
    }
    return {output, outputFrames, width, height, method, reuse};
}

} // namespace durian

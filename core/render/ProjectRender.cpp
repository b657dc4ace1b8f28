#include "core/render/ProjectRender.h"

#include "core/eval/WarpComposite.h"
#include "core/face/Alignment.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/MotionPresets.h"
#include "core/face/Retarget.h"
#include "core/face/Smoothing.h"
#include "core/face/VideoTracker.h"
#include "core/io/Image.h"
#include "core/masks/AutoMasks.h"
#include "core/util/Error.h"
#include "core/video/VideoEncoder.h"

namespace durian {
namespace {

const std::string kWarpMethod = "warp_composite (classical baseline; the trained Durian model is not installed yet)";

Landmarks findFace(FaceAnalyzer& analyzer, const Image& image, const std::string& what,
    const std::filesystem::path& path, int face = 0)
{
    const FaceAnalysis analysis = analyzer.analyze(image);
    if (!analysis.found()) {
        throw Error("No face found in the " + what + " " + path.string()
            + ". Use a photo in which the face is frontal and clearly visible.");
    }
    if (face >= static_cast<int>(analysis.faces.size())) { // the face chosen in the editor (portrait.face)
        throw Error("The " + what + " " + path.string() + " has " + std::to_string(analysis.faces.size())
            + " face(s); the project animates face " + std::to_string(face + 1) + ".");
    }
    return analysis.faces[static_cast<std::size_t>(face)].landmarks;
}

WarpAttribute loadAttribute(FaceAnalyzer& analyzer, const AttributeReference& reference)
{
    const std::string what = toString(reference.category) + " reference";
    WarpAttribute attribute;
    attribute.image = loadImageRgb(reference.image);
    attribute.landmarks = findFace(analyzer, attribute.image, what, reference.image);
    attribute.strength = reference.strength;
    if (!reference.mask.empty()) {
        attribute.mask = loadMask(reference.mask);
        if (attribute.mask.width != attribute.image.width || attribute.mask.height != attribute.image.height) {
            throw Error("The mask " + reference.mask.string() + " is " + std::to_string(attribute.mask.width) + "x"
                + std::to_string(attribute.mask.height) + " but its image is " + std::to_string(attribute.image.width)
                + "x" + std::to_string(attribute.image.height));
        }
    } else {
        attribute.mask = computeAutoMasks(attribute.image, attribute.landmarks, {maskKindOf(reference.category)}).front().mask;
    }
    return attribute;
}

KeypointTrack motionTrack(FaceAnalyzer& analyzer, const Project& project, const Landmarks& portrait, int size)
{
    const MotionSettings& motion = project.motion;
    if (motion.drivingVideo.empty()) {
        return motionPreset(motion.preset, portrait, motion.frames, motion.fps, size, size);
    }
    const KeypointTrack driver = smoothTrack(trackVideo(motion.drivingVideo, analyzer, motion.frames));
    KeypointTrack track = retargetTrack(driver, portrait, size, size);
    track.fps = motion.fps;
    return track;
}

void throwIfCancelled(const ProjectRenderCallbacks& callbacks)
{
    if (callbacks.cancel != nullptr && callbacks.cancel->load()) {
        throw RenderCancelled();
    }
}

} // namespace

ProjectRenderResult renderProjectVideo(
    const Project& project, const std::filesystem::path& output, const ProjectRenderCallbacks& callbacks)
{
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

    FaceAnalyzer analyzer;
    const int size = project.render.resolution;
    const Image photo = loadImageRgb(project.portraitImage);
    const AlignedFace portrait = alignFace(photo, findFace(analyzer, photo, "portrait", project.portraitImage, project.portraitFace), size);
    std::vector<WarpAttribute> attributes;
    for (const auto& reference : project.attributes) {
        if (!reference.enabled) {
            continue; // switched off in the editor: rendered as if absent
        }
        throwIfCancelled(callbacks);
        attributes.push_back(loadAttribute(analyzer, reference));
    }
    const KeypointTrack track = motionTrack(analyzer, project, portrait.landmarks, size);
    const WarpCompositeAnimator animator(portrait.image, portrait.landmarks, attributes);

    VideoEncodeOptions options;
    options.format = format;
    options.fps = project.motion.fps;
    options.expectedFrames = track.size();
    options.cancel = callbacks.cancel;
    try {
        VideoEncoder encoder(output, options);
        for (int i = 0; i < track.size(); ++i) {
            throwIfCancelled(callbacks);
            encoder.write(animator.frame(track.frames[static_cast<std::size_t>(i)]));
            report("rendering", i + 1, track.size());
        }
        report("encoding", track.size(), track.size());
        encoder.finish();
    } catch (const EncodeCancelled&) {
        throw RenderCancelled();
    }
    return {output, track.size(), portrait.image.width, portrait.image.height, kWarpMethod};
}

} // namespace durian

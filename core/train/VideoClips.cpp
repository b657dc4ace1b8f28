#include "core/train/VideoClips.h"

#include "core/face/Alignment.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/Smoothing.h"
#include "core/face/VideoTracker.h"
#include "core/util/Error.h"
#include "core/video/VideoDecoder.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace durian {

namespace {

bool isVideoFile(const std::filesystem::path& path)
{
    static const std::set<std::string> extensions{".mp4", ".mov", ".mkv", ".webm", ".avi", ".m4v"};
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extensions.count(ext) > 0;
}

PreparedClip prepareClip(const std::filesystem::path& path, FaceAnalyzer& analyzer, int size, int maxFrames, int minFrames)
{
    KeypointTrack track = trackVideo(path, analyzer, maxFrames);
    const auto detected = std::count(track.detected.begin(), track.detected.end(), true);
    if (detected < minFrames) {
        throw Error("a face in only " + std::to_string(detected) + " frames");
    }
    track = smoothTrack(track);
    Landmarks mean{};
    for (const auto& frame : track.frames) {
        for (int i = 0; i < kLandmarkCount; ++i) {
            mean[i].x += frame[i].x / static_cast<float>(track.size());
            mean[i].y += frame[i].y / static_cast<float>(track.size());
        }
    }
    const Similarity toCrop = alignmentTransform(mean, size);

    PreparedClip clip;
    clip.source = path;
    VideoDecoder decoder(path);
    VideoFrame frame;
    while (static_cast<int>(clip.frames.size()) < track.size() && decoder.read(frame)) {
        if (frame.image.width != track.width || frame.image.height != track.height) {
            throw Error("the decoder's frames are " + std::to_string(frame.image.width) + "x" +
                std::to_string(frame.image.height) + " but the tracker's " + std::to_string(track.width) + "x" +
                std::to_string(track.height));
        }
        clip.landmarks.push_back(toCrop.apply(track.frames[clip.frames.size()]));
        clip.frames.push_back(warpImage(frame.image, toCrop, size, size));
    }
    if (static_cast<int>(clip.frames.size()) < minFrames) {
        throw Error("only " + std::to_string(clip.frames.size()) + " frames could be decoded");
    }
    return clip;
}

} // namespace

VideoClipReport prepareVideoClips(const std::filesystem::path& folder, int size, int maxFrames, int minFrames)
{
    if (!std::filesystem::is_directory(folder)) {
        throw Error("the training video folder '" + folder.string() + "' does not exist");
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.is_regular_file() && isVideoFile(entry.path())) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        throw Error("no usable portrait video in '" + folder.string() + "' (no video files)");
    }
    VideoClipReport report;
    FaceAnalyzer analyzer;
    for (const auto& file : files) {
        try {
            report.clips.push_back(prepareClip(file, analyzer, size, maxFrames, minFrames));
        } catch (const Error& e) {
            report.skipped.push_back(file.filename().string() + ": " + e.what());
        }
    }
    if (report.clips.empty()) {
        std::string why;
        for (const auto& s : report.skipped) {
            why += "\n  " + s;
        }
        throw Error("no usable portrait video in '" + folder.string() + "'" + why);
    }
    return report;
}

} // namespace durian

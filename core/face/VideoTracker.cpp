#include "core/face/VideoTracker.h"

#include "core/face/OpenCvBridge.h"
#include "core/util/Error.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <limits>
#include <optional>

namespace durian {

KeypointTrack trackVideo(const std::filesystem::path& video, FaceAnalyzer& analyzer, int maxFrames)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(video, error)) {
        throw Error("Cannot open video " + video.string() + ": no such file");
    }
    cv::VideoCapture capture(video.string());
    if (!capture.isOpened()) {
        throw Error("Cannot open video " + video.string() + ": not a video, or no decoder for it");
    }
    KeypointTrack track;
    track.fps = capture.get(cv::CAP_PROP_FPS);
    if (!(track.fps > 0.0 && track.fps < 1000.0)) {
        track.fps = 24.0;
    }
    std::optional<Point2f> previous;
    float previousSize = 0.0f;
    cv::Mat bgr, rgb;
    while ((maxFrames <= 0 || track.size() < maxFrames) && capture.read(bgr) && !bgr.empty()) {
        cv::cvtColor(bgr, rgb, bgr.channels() == 1 ? cv::COLOR_GRAY2RGB : cv::COLOR_BGR2RGB);
        const Image frame = cvbridge::toImage(rgb);
        track.width = frame.width;
        track.height = frame.height;
        // Once the face is known, faces much smaller than it need not be searched for (saves up-sampled passes).
        const FaceAnalysis analysis = analyzer.analyze(frame, previousSize > 0 ? static_cast<int>(0.7f * previousSize) : 0);
        if (!analysis.found()) {
            track.frames.emplace_back();
            track.detected.push_back(false);
            continue;
        }
        std::size_t chosen = 0;
        if (previous) {
            float best = std::numeric_limits<float>::max();
            for (std::size_t i = 0; i < analysis.faces.size(); ++i) {
                const float d = distance(analysis.faces[i].box.center(), *previous);
                if (d < best) {
                    best = d;
                    chosen = i;
                }
            }
        }
        previous = analysis.faces[chosen].box.center();
        previousSize = analysis.faces[chosen].box.width;
        track.frames.push_back(analysis.faces[chosen].landmarks);
        track.detected.push_back(true);
    }
    if (track.frames.empty()) {
        throw Error("Cannot read any frame from video " + video.string());
    }
    try {
        fillMissingFrames(track);
    } catch (const Error& e) {
        throw Error("Video " + video.string() + ": " + e.what());
    }
    return track;
}

} // namespace durian

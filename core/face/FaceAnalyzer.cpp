#include "core/face/FaceAnalyzer.h"

#include "core/face/OpenCvBridge.h"
#include "core/util/Error.h"

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_processing/shape_predictor.h>
#include <dlib/opencv/cv_image.h>
#include <dlib/serialize.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace durian {

namespace {

float overlap(const RectF& a, const RectF& b)
{
    const float x0 = std::max(a.x, b.x);
    const float y0 = std::max(a.y, b.y);
    const float x1 = std::min(a.x + a.width, b.x + b.width);
    const float y1 = std::min(a.y + a.height, b.y + b.height);
    if (x1 <= x0 || y1 <= y0) {
        return 0.0f;
    }
    const float intersection = (x1 - x0) * (y1 - y0);
    return intersection / (a.area() + b.area() - intersection);
}

struct Candidate {
    RectF box; // in original image pixels
    double score;
};

// dlib's SVM margin (0 at its threshold, 1-3 for clear faces) squashed to 0..1.
float confidenceFromScore(double score) { return static_cast<float>(1.0 / (1.0 + std::exp(-3.0 * score))); }

} // namespace

struct FaceAnalyzer::Impl {
    FaceAnalyzerOptions options;
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    dlib::shape_predictor predictor;

    // Gray copy scaled by `scale` (image pixels * scale = copy pixels).
    static cv::Mat scaledGray(const cv::Mat& gray, double scale)
    {
        if (std::abs(scale - 1.0) < 1e-9) {
            return gray;
        }
        cv::Mat result;
        cv::resize(gray, result, cv::Size(), scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
        return result;
    }

    void detectAt(const cv::Mat& gray, double scale, std::vector<Candidate>& out)
    {
        const cv::Mat scaled = scaledGray(gray, scale);
        if (scaled.cols < 20 || scaled.rows < 20) {
            return;
        }
        dlib::cv_image<unsigned char> image(scaled);
        std::vector<dlib::rect_detection> detections;
        detector(image, detections, 0.0);
        for (const auto& d : detections) {
            const RectF box{static_cast<float>(d.rect.left() / scale), static_cast<float>(d.rect.top() / scale),
                static_cast<float>(d.rect.width() / scale), static_cast<float>(d.rect.height() / scale)};
            out.push_back({box, d.detection_confidence});
        }
    }

    // dlib returns whole pixels. On a small face that is coarse (and jitters in video), so faces under
    // kLandmarkSide pixels are cut out and enlarged first: sub-pixel landmarks for the cost of a small resize.
    static constexpr double kLandmarkSide = 200.0;

    Landmarks predict(const cv::Mat& gray, double scale, const RectF& box)
    {
        const double size = std::max(1.0, static_cast<double>(box.width) * scale);
        const double factor = std::max(1.0, kLandmarkSide / size);
        const cv::Rect wanted(static_cast<int>(std::floor(box.x * scale - 0.5 * size)),
            static_cast<int>(std::floor(box.y * scale - 0.5 * size)), static_cast<int>(2.0 * size) + 2,
            static_cast<int>(2.0 * size) + 2);
        const cv::Rect region = wanted & cv::Rect(0, 0, gray.cols, gray.rows);
        cv::Mat patch = gray;
        cv::Point2d origin(0, 0);
        double zoom = 1.0;
        if (factor > 1.0 && region.area() > 0) {
            cv::resize(gray(region), patch, cv::Size(), factor, factor, cv::INTER_CUBIC);
            origin = {static_cast<double>(region.x), static_cast<double>(region.y)};
            zoom = factor;
        }
        auto toPatch = [&](double v, double o) { return std::lround((v * scale - o) * zoom); };
        dlib::cv_image<unsigned char> image(patch);
        const dlib::rectangle rect(toPatch(box.x, origin.x), toPatch(box.y, origin.y),
            toPatch(box.x + box.width, origin.x), toPatch(box.y + box.height, origin.y));
        const dlib::full_object_detection shape = predictor(image, rect);
        Landmarks landmarks;
        for (int i = 0; i < kLandmarkCount; ++i) {
            const auto p = shape.part(static_cast<unsigned long>(i));
            // +0.5 / zoom - 0.5: the centre of the enlarged pixel, back in source pixel coordinates.
            const double x = (p.x() + 0.5) / zoom - 0.5 + origin.x, y = (p.y() + 0.5) / zoom - 0.5 + origin.y;
            landmarks[i] = {static_cast<float>(x / scale), static_cast<float>(y / scale)};
        }
        return landmarks;
    }
};

FaceAnalyzer::FaceAnalyzer(FaceAnalyzerOptions options)
    : impl_(std::make_unique<Impl>())
{
    impl_->options = std::move(options);
    const auto& path = impl_->options.shapePredictor;
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw Error("The face landmark model " + path.string() +
            " is missing: install the Debian package libdlib-data (apt-get install libdlib-data)");
    }
    try {
        dlib::deserialize(impl_->predictor, file);
    } catch (const std::exception& e) {
        throw Error("The face landmark model " + path.string() +
            " is damaged (" + e.what() + "): reinstall the Debian package libdlib-data");
    }
    if (impl_->predictor.num_parts() != kLandmarkCount) {
        throw Error("The face landmark model " + path.string() + " has " +
            std::to_string(impl_->predictor.num_parts()) + " points, expected 68 (package libdlib-data)");
    }
}

FaceAnalyzer::~FaceAnalyzer() = default;

FaceAnalysis FaceAnalyzer::analyze(const Image& image, int smallestFace)
{
    FaceAnalysis result;
    result.width = image.width;
    result.height = image.height;
    const cv::Mat gray = cvbridge::gray(image);
    const int longSide = std::max(image.width, image.height);

    std::vector<Candidate> candidates;
    const double base = std::min(1.0, static_cast<double>(impl_->options.detectionSide) / longSide);
    impl_->detectAt(gray, base, candidates);
    // dlib's detector window is 80 pixels: up-sample only while wanted faces may still be smaller than that.
    constexpr double kDetectorWindow = 80.0;
    for (double factor = 2.0; factor <= 4.0; factor *= 2.0) {
        if (longSide * base * factor > impl_->options.maxUpsampledSide) {
            break;
        }
        if (smallestFace > 0 && smallestFace * base * factor / 2.0 >= kDetectorWindow) {
            break;
        }
        impl_->detectAt(gray, base * factor, candidates);
    }

    // The same face fires at several scales: keep the strongest of overlapping boxes.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    std::vector<Candidate> kept;
    for (const auto& c : candidates) {
        const bool duplicate = std::any_of(kept.begin(), kept.end(), [&](const Candidate& k) { return overlap(k.box, c.box) > 0.3f; });
        if (!duplicate) {
            kept.push_back(c);
        }
    }

    // Landmarks on a gray copy of at most 2048 pixels: enough precision, bounded cost for huge photos.
    const double landmarkScale = std::min(1.0, 2048.0 / longSide);
    const cv::Mat landmarkGray = Impl::scaledGray(gray, landmarkScale);
    for (const auto& k : kept) {
        FaceDetection face;
        face.box = k.box;
        face.confidence = confidenceFromScore(k.score);
        face.landmarks = impl_->predict(landmarkGray, landmarkScale, k.box);
        result.faces.push_back(face);
    }
    if (!result.faces.empty()) {
        const int primary = choosePrimaryFace(result.faces, image.width, image.height);
        std::rotate(result.faces.begin(), result.faces.begin() + primary, result.faces.begin() + primary + 1);
    }
    return result;
}

Landmarks FaceAnalyzer::landmarksIn(const Image& image, const RectF& box)
{
    const cv::Mat gray = cvbridge::gray(image);
    const double scale = std::min(1.0, 2048.0 / std::max(image.width, image.height));
    return impl_->predict(Impl::scaledGray(gray, scale), scale, box);
}

int choosePrimaryFace(const std::vector<FaceDetection>& faces, int width, int height)
{
    const float halfDiagonal = 0.5f * std::hypot(static_cast<float>(width), static_cast<float>(height));
    int best = -1;
    float bestScore = -1.0f;
    for (std::size_t i = 0; i < faces.size(); ++i) {
        const Point2f c = faces[i].box.center();
        const float offCentre = std::hypot(c.x - width / 2.0f, c.y - height / 2.0f) / std::max(halfDiagonal, 1.0f);
        // A face at the border counts half as much as the same face in the middle, and a doubtful detection
        // (a round badge, a pattern) much less than a clear face.
        const float certainty = faces[i].confidence * faces[i].confidence;
        const float score = faces[i].box.area() * (1.0f - 0.5f * std::min(offCentre, 1.0f)) * certainty;
        if (score > bestScore) {
            bestScore = score;
            best = static_cast<int>(i);
        }
    }
    return best;
}

FaceDetection faceFromLandmarks(const Landmarks& landmarks)
{
    float x0 = landmarks[0].x, y0 = landmarks[0].y, x1 = x0, y1 = y0;
    for (const auto& p : landmarks) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    FaceDetection face;
    face.box = {x0, y0, x1 - x0, y1 - y0};
    face.landmarks = landmarks;
    face.confidence = 1.0f;
    return face;
}

} // namespace durian

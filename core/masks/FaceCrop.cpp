#include "core/masks/FaceCrop.h"

#include "core/face/OpenCvBridge.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace durian::masks {

namespace {

// The analysis layout: about the model crop's framing, a little more room above for tall hats.
AlignmentTemplate analysisLayout() { return {{0.44f, 0.40f}, {0.56f, 0.40f}, {0.50f, 0.525f}}; }

cv::Mat affine(const Similarity& t) { return (cv::Mat_<double>(2, 3) << t.a, -t.b, t.tx, t.b, t.a, t.ty); }

void buildSkinModel(FaceCrop& crop)
{
    // Samples: the upper cheeks (between eye, nose base and jaw) and the nose; beards and glasses rarely
    // cover all of them. Trimmed by lightness so highlights and shadows do not widen the model.
    cv::Mat sampleMask = cv::Mat::zeros(crop.size, crop.size, CV_8U);
    const float r = 0.17f * crop.u;
    for (const auto& [a, b, c] : {std::array<int, 3>{41, 2, 31}, std::array<int, 3>{46, 14, 35}}) {
        const cv::Point2f centre = (cvbridge::toCv(crop.lm[a]) + cvbridge::toCv(crop.lm[b]) + cvbridge::toCv(crop.lm[c])) / 3.0f;
        cv::circle(sampleMask, centre, std::max(2, cvRound(r)), cv::Scalar(255), cv::FILLED);
    }
    cv::fillConvexPoly(sampleMask, std::vector<cv::Point>{at(crop, 28), at(crop, 31), at(crop, 33), at(crop, 35)},
        cv::Scalar(255));
    sampleMask &= crop.valid;

    std::vector<cv::Vec3f> samples;
    for (int y = 0; y < crop.size; ++y) {
        for (int x = 0; x < crop.size; ++x) {
            if (sampleMask.at<std::uint8_t>(y, x)) {
                samples.push_back(crop.lab.at<cv::Vec3f>(y, x));
            }
        }
    }
    if (samples.size() > 20) {
        std::vector<float> lightness;
        for (const auto& s : samples) lightness.push_back(s[0]);
        std::sort(lightness.begin(), lightness.end());
        const float lo = lightness[lightness.size() / 10], hi = lightness[lightness.size() * 9 / 10];
        std::erase_if(samples, [&](const cv::Vec3f& s) { return s[0] < lo || s[0] > hi; });
    }
    crop.skinSamples = static_cast<int>(samples.size());
    cv::Vec3d mean(0, 0, 0);
    for (const auto& s : samples) mean += cv::Vec3d(s);
    mean /= std::max<double>(1.0, static_cast<double>(samples.size()));
    cv::Matx33d cov = cv::Matx33d::zeros();
    for (const auto& s : samples) {
        const cv::Vec3d d = cv::Vec3d(s) - mean;
        cov += d * d.t();
    }
    cov *= 1.0 / std::max<double>(1.0, static_cast<double>(samples.size()) - 1.0);
    // Floors: a few units of a/b and lightness, so a very uniform sample does not make everything "not skin";
    // lightness varies with shading far more than hue does, so it counts 3x less.
    cov(0, 0) = std::max(cov(0, 0), 16.0) * 9.0;
    cov(1, 1) = std::max(cov(1, 1), 4.0);
    cov(2, 2) = std::max(cov(2, 2), 4.0);
    const cv::Matx33d inv = cov.inv(cv::DECOMP_SVD);
    crop.skinLightness = static_cast<float>(mean[0]);
    crop.skinDistance.create(crop.size, crop.size, CV_32F);
    for (int y = 0; y < crop.size; ++y) {
        const auto* lab = crop.lab.ptr<cv::Vec3f>(y);
        auto* out = crop.skinDistance.ptr<float>(y);
        for (int x = 0; x < crop.size; ++x) {
            const cv::Vec3d d = cv::Vec3d(lab[x]) - mean;
            out[x] = static_cast<float>(std::sqrt(std::max(0.0, d.dot(inv * d))));
        }
    }
}

} // namespace

cv::Point at(const FaceCrop& crop, int index, float dx, float dy)
{
    return {cvRound(crop.lm[index].x + dx * crop.u), cvRound(crop.lm[index].y + dy * crop.u)};
}

std::vector<cv::Point> polygonOf(const FaceCrop& crop, int first, int last)
{
    std::vector<cv::Point> points;
    for (int i = first; i <= last; ++i) points.push_back(at(crop, i));
    return points;
}

std::vector<cv::Point> meshPolygon(const FaceCrop& crop, const int* indices, std::size_t count)
{
    std::vector<cv::Point> points;
    for (std::size_t i = 0; i < count; ++i) {
        const cv::Point2f p = crop.mesh[static_cast<std::size_t>(indices[i])];
        points.emplace_back(cvRound(p.x), cvRound(p.y));
    }
    return points;
}

FaceCrop makeFaceCrop(const Image& photo, const Landmarks& landmarks, int size, const FaceNetworks* networks)
{
    FaceCrop crop;
    crop.size = size;
    crop.toCrop = alignmentTransform(landmarks, size, analysisLayout());
    crop.lm = crop.toCrop.apply(landmarks);
    // No copy of a big RGB photo: warp straight from its pixels.
    const cv::Mat source = photo.channels == 3 ? cvbridge::view(photo) : cvbridge::rgb(photo);
    cv::warpAffine(source, crop.rgb, affine(crop.toCrop), cv::Size(size, size), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    const cv::Mat ones(source.size(), CV_8U, cv::Scalar(255));
    cv::warpAffine(ones, crop.valid, affine(crop.toCrop), cv::Size(size, size), cv::INTER_NEAREST, cv::BORDER_CONSTANT, 0);
    cv::Mat rgbFloat;
    crop.rgb.convertTo(rgbFloat, CV_32F, 1.0 / 255.0);
    cv::cvtColor(rgbFloat, crop.lab, cv::COLOR_RGB2Lab);
    cv::cvtColor(crop.rgb, crop.gray, cv::COLOR_RGB2GRAY);

    const Point2f re = partCenter(crop.lm, kRightEye), le = partCenter(crop.lm, kLeftEye);
    crop.u = std::max(2.0f, distance(re, le));
    crop.eyes = {(re.x + le.x) / 2, (re.y + le.y) / 2};
    crop.centreX = (crop.lm[27].x + crop.lm[30].x + crop.lm[8].x) / 3.0f;
    crop.faceWidth = std::max(crop.u, distance(crop.lm[0], crop.lm[16]));

    // Face polygon: the jaw, then the brows lifted to an estimated hairline (higher in the middle).
    std::vector<cv::Point> face = polygonOf(crop, 0, 16);
    for (int i = 26; i >= 17; --i) {
        const float off = std::abs(crop.lm[i].x - crop.centreX) / (0.5f * crop.faceWidth);
        const float lift = 0.45f + 0.3f * std::max(0.0f, 1.0f - off);
        face.push_back(at(crop, i, 0.0f, -lift));
    }
    crop.facePolygon = cv::Mat::zeros(size, size, CV_8U);
    std::vector<cv::Point> hull;
    cv::convexHull(face, hull);
    cv::fillConvexPoly(crop.facePolygon, hull, cv::Scalar(255));
    buildSkinModel(crop);

    if (networks) {
        // Both on the upright crop: the matte sees the head and shoulders at a steady scale whatever the photo's
        // size, and the mesh gets its face upright.
        const Image rgb = cvbridge::toImage(crop.rgb);
        crop.person = cvbridge::view(networks->personMatte(rgb)).clone() & crop.valid;
        // A mesh the network itself doubts (a tiny or turned face) is left out: the masks then use the landmarks.
        if (const FaceMesh mesh = networks->faceMesh(rgb, crop.lm); mesh.confidence >= 0.5f) {
            for (const auto& p : mesh.points) crop.mesh.push_back(cvbridge::toCv(p));
            crop.meshOval = cv::Mat::zeros(size, size, CV_8U);
            cv::fillPoly(crop.meshOval, std::vector{meshPolygon(crop, kMeshFaceOval, std::size(kMeshFaceOval))},
                cv::Scalar(255));
        }
    }
    return crop;
}

cv::Mat skinLike(const FaceCrop& crop, float threshold)
{
    cv::Mat result = crop.skinDistance < threshold;
    return result & crop.valid;
}

Image toPhoto(const FaceCrop& crop, const cv::Mat& mask, int width, int height)
{
    cv::Mat result;
    cv::warpAffine(mask, result, affine(crop.toCrop.inverse()), cv::Size(width, height), cv::INTER_LINEAR,
        cv::BORDER_CONSTANT, cv::Scalar(0));
    return cvbridge::toImage(result);
}

} // namespace durian::masks

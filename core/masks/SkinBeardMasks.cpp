#include "core/masks/MaskParts.h"

#include "core/face/OpenCvBridge.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace durian::masks {

float clamp01(float v) { return std::clamp(v, 0.0f, 1.0f); }

namespace {
cv::Mat disc(int radius) { return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1)); }
} // namespace

cv::Mat opened(const cv::Mat& mask, int radius)
{
    cv::Mat result;
    cv::morphologyEx(mask, result, cv::MORPH_OPEN, disc(std::max(1, radius)));
    return result;
}

cv::Mat closed(const cv::Mat& mask, int radius)
{
    cv::Mat result;
    cv::morphologyEx(mask, result, cv::MORPH_CLOSE, disc(std::max(1, radius)));
    return result;
}

cv::Mat largestRegion(const cv::Mat& mask)
{
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    int best = 0, bestArea = 0;
    for (int i = 1; i < count; ++i) {
        if (stats.at<int>(i, cv::CC_STAT_AREA) > bestArea) {
            bestArea = stats.at<int>(i, cv::CC_STAT_AREA);
            best = i;
        }
    }
    return best > 0 ? cv::Mat(labels == best) : cv::Mat::zeros(mask.size(), CV_8U);
}

cv::Mat filledHoles(const cv::Mat& mask)
{
    cv::Mat outside;
    cv::copyMakeBorder(mask, outside, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::floodFill(outside, cv::Point(0, 0), cv::Scalar(128));
    return outside(cv::Rect(1, 1, mask.cols, mask.rows)) != 128;
}

PartMask faceSkinMask(const FaceCrop& crop)
{
    const int r = std::max(1, cvRound(0.04f * crop.u));
    cv::Mat skin = skinLike(crop, 3.0f) & crop.facePolygon;
    skin = largestRegion(opened(closed(skin, r), r));
    // Eyes, brows and the mouth are features, not skin.
    cv::Mat features = cv::Mat::zeros(skin.size(), CV_8U);
    for (const auto& part : {kRightEye, kLeftEye, kOuterLips}) {
        std::vector<cv::Point> hull;
        cv::convexHull(polygonOf(crop, part.first, part.last), hull);
        cv::fillConvexPoly(features, hull, cv::Scalar(255));
    }
    for (const auto& part : {kRightBrow, kLeftBrow}) {
        cv::polylines(features, polygonOf(crop, part.first, part.last), false, cv::Scalar(255),
            std::max(1, cvRound(0.12f * crop.u)));
    }
    cv::dilate(features, features, cv::Mat(), cv::Point(-1, -1), r);
    PartMask result;
    result.mask = skin & ~features;
    // Confidence: how much of the face polygon (less its features) matched the skin model.
    const cv::Mat area = crop.facePolygon & ~features & crop.valid;
    const float fraction = static_cast<float>(cv::countNonZero(result.mask)) / std::max(1, cv::countNonZero(area));
    result.confidence = crop.skinSamples < 20 ? 0.0f : clamp01((fraction - 0.3f) / 0.5f);
    return result;
}

PartMask beardMask(const FaceCrop& crop)
{
    // Where a beard grows: the lower jaw from ear to ear, a little below the jawline, up to the nose.
    const float cx = crop.centreX;
    std::vector<cv::Point> zone;
    for (int i = 2; i <= 14; ++i) {
        const float outward = (crop.lm[i].x - cx) / (0.5f * crop.faceWidth);
        zone.push_back(at(crop, i, 0.12f * outward, i >= 5 && i <= 11 ? 0.22f : 0.08f));
    }
    zone.push_back(at(crop, 35, 0.05f, 0.02f));
    zone.push_back(at(crop, 33, 0.0f, 0.05f));
    zone.push_back(at(crop, 31, -0.05f, 0.02f));
    cv::Mat zoneMask = cv::Mat::zeros(crop.size, crop.size, CV_8U);
    cv::fillPoly(zoneMask, std::vector<std::vector<cv::Point>>{zone}, cv::Scalar(255));
    zoneMask &= crop.valid;
    cv::Mat lips = cv::Mat::zeros(zoneMask.size(), CV_8U);
    std::vector<cv::Point> lipHull;
    cv::convexHull(polygonOf(crop, kOuterLips.first, kOuterLips.last), lipHull);
    cv::fillConvexPoly(lips, lipHull, cv::Scalar(255));
    cv::dilate(lips, lips, cv::Mat(), cv::Point(-1, -1), std::max(1, cvRound(0.04f * crop.u)));

    // Beard hair: not skin-coloured, and not brighter than the skin (shiny skin is not a beard).
    cv::Mat notSkin = crop.skinDistance > 1.6f;
    std::vector<cv::Mat> lab;
    cv::split(crop.lab, lab);
    // A grey or white beard is brighter than the skin but nearly colourless, which shiny skin never is.
    cv::Mat chroma;
    cv::magnitude(lab[1], lab[2], chroma);
    const double skinChroma = cv::mean(chroma, skinLike(crop, 2.0f) & crop.facePolygon)[0];
    const cv::Mat notBright = (lab[0] < crop.skinLightness + 5.0f) | (chroma < 0.35 * skinChroma);
    // Hair is textured; shadowed skin and a smooth neck are not. Texture: local mean of the absolute
    // Laplacian, compared with the same measure on the skin samples' level.
    cv::Mat laplacian, texture;
    cv::Laplacian(crop.gray, laplacian, CV_32F, 3);
    laplacian = cv::abs(laplacian);
    const int window = std::max(3, cvRound(0.12f * crop.u)) | 1;
    cv::blur(laplacian, texture, cv::Size(window, window));
    const double skinTexture = cv::mean(texture, skinLike(crop, 2.0f) & crop.facePolygon)[0];
    const cv::Mat textured = texture > 1.3 * skinTexture + 2.0;
    const cv::Mat muchDarker = lab[0] < crop.skinLightness - 30.0f;
    cv::Mat hair = notSkin & notBright & (textured | muchDarker) & zoneMask & ~lips;
    const int r = std::max(1, cvRound(0.05f * crop.u));
    hair = closed(opened(hair, std::max(1, r / 2)), r);
    // The evidence that counts is inside the jawline (a little in from it): below the jaw there is neck
    // shadow, and on the jawline itself an outline or a collar edge. Pieces that do not reach inside go.
    cv::Mat inner = cv::Mat::zeros(zoneMask.size(), CV_8U);
    std::vector<cv::Point> jawHull;
    cv::convexHull(polygonOf(crop, kJaw.first, kJaw.last), jawHull);
    cv::fillConvexPoly(inner, jawHull, cv::Scalar(255));
    cv::erode(inner, inner, cv::Mat(), cv::Point(-1, -1), std::max(1, cvRound(0.1f * crop.u)));
    inner &= zoneMask & ~lips;
    cv::Mat pieces;
    const int count = cv::connectedComponents(hair, pieces, 8, CV_32S);
    cv::Mat kept = cv::Mat::zeros(hair.size(), CV_8U);
    for (int i = 1; i < count; ++i) {
        const cv::Mat piece = pieces == i;
        const int insideArea = cv::countNonZero(piece & inner);
        if (insideArea > 0.3 * cv::countNonZero(piece)) {
            kept |= piece;
        }
    }
    hair = kept;
    PartMask result;
    const float zoneArea = static_cast<float>(std::max(1, cv::countNonZero(inner)));
    const float fraction = static_cast<float>(cv::countNonZero(hair & inner)) / zoneArea;
    // A clean-shaven face still has some shadow under the jaw and nostrils: below ~15% it is no beard.
    result.confidence = crop.skinSamples < 20 ? 0.0f : clamp01((fraction - 0.15f) / 0.3f);
    // A beard mask is the region the editor repaints: the hairy part, holes closed, plus the lips it surrounds
    // when the beard goes round the mouth.
    result.mask = filledHoles(closed(hair, 2 * r)) & zoneMask;
    return result;
}

} // namespace durian::masks

#include "core/masks/MaskParts.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdlib>

#include <algorithm>
#include <cmath>

namespace durian::masks {

namespace {

cv::Mat ellipseMask(int size, cv::Point2f centre, cv::Size2f axes)
{
    cv::Mat m = cv::Mat::zeros(size, size, CV_8U);
    cv::ellipse(m, cv::Point(cvRound(centre.x), cvRound(centre.y)), cv::Size(cvRound(axes.width), cvRound(axes.height)),
        0.0, 0.0, 360.0, cv::Scalar(255), cv::FILLED);
    return m;
}

} // namespace

HeadTop hairAndHatMasks(const FaceCrop& crop)
{
    const int n = crop.size;
    const float u = crop.u, cx = crop.centreX, ey = crop.eyes.y, w = crop.faceWidth;
    const float chinY = crop.lm[8].y;
    const float browY = (crop.lm[19].y + crop.lm[24].y) / 2.0f;

    // Where hair (or a hat) can be: the head above and around the face, and down the sides for long hair.
    cv::Mat zone = ellipseMask(n, {cx, ey - 0.45f * u}, {0.82f * w, 1.95f * u});
    cv::rectangle(zone, cv::Point(cvRound(cx - 0.95f * w), cvRound(ey)), cv::Point(cvRound(cx + 0.95f * w), cvRound(chinY + 1.6f * u)),
        cv::Scalar(255), cv::FILLED);
    zone &= crop.valid;
    cv::Mat neck = cv::Mat::zeros(n, n, CV_8U);
    cv::rectangle(neck, cv::Point(cvRound(cx - 0.42f * w), cvRound(chinY - 0.1f * u)), cv::Point(cvRound(cx + 0.42f * w), n),
        cv::Scalar(255), cv::FILLED);
    // The crescent at the top of the skull: hair or a hat, if anything is there.
    cv::Mat crescent = ellipseMask(n, {cx, ey - 0.35f * u}, {0.5f * w, 1.5f * u}) &
        ~ellipseMask(n, {cx, ey - 0.35f * u}, {0.4f * w, 1.2f * u});
    cv::rectangle(crescent, cv::Point(0, cvRound(ey - 0.9f * u)), cv::Point(n, n), cv::Scalar(0), cv::FILLED);
    const cv::Mat seed = crescent & ~skinLike(crop, 3.0f) & crop.valid;
    cv::Mat forehead = crop.facePolygon.clone();
    cv::rectangle(forehead, cv::Point(0, cvRound(browY)), cv::Point(n, n), cv::Scalar(0), cv::FILLED);

    cv::Mat labels(n, n, CV_8U, cv::Scalar(cv::GC_BGD));
    labels.setTo(cv::GC_PR_FGD, zone);
    labels.setTo(cv::GC_PR_BGD, neck & zone);
    labels.setTo(cv::GC_BGD, crop.facePolygon & ~forehead);
    labels.setTo(cv::GC_PR_BGD, forehead);
    labels.setTo(cv::GC_FGD, seed);

    // GrabCut at half resolution: the colour models do not need every pixel and it is 4x cheaper.
    const int half = std::max(32, n / 2);
    cv::Mat small, smallLabels, bgd, fgd;
    cv::resize(crop.rgb, small, cv::Size(half, half), 0, 0, cv::INTER_AREA);
    cv::resize(labels, smallLabels, cv::Size(half, half), 0, 0, cv::INTER_NEAREST);
    const bool hasFg = cv::countNonZero((smallLabels == cv::GC_FGD) | (smallLabels == cv::GC_PR_FGD)) > 0;
    const bool hasBg = cv::countNonZero((smallLabels == cv::GC_BGD) | (smallLabels == cv::GC_PR_BGD)) > 0;
    if (hasFg && hasBg) {
        cv::grabCut(small, smallLabels, cv::Rect(), bgd, fgd, 4, cv::GC_INIT_WITH_MASK);
    }
    cv::Mat foreground = (smallLabels == cv::GC_FGD) | (smallLabels == cv::GC_PR_FGD);
    cv::resize(foreground, foreground, cv::Size(n, n), 0, 0, cv::INTER_LINEAR);
    // GrabCut alone loses dark hair against a dark background (one colour model takes both): pixels of the
    // seed's own colour count as hair too, within the head zone.
    foreground = foreground > 127;
    if (std::getenv("DURIAN_DEBUG_MASKS")) {
        cv::imwrite("/tmp/durian_grabcut.png", foreground);
        cv::imwrite("/tmp/durian_labels.png", labels * 80);
    }
    if (cv::countNonZero(seed) > 20) {
        cv::Mat samples;
        crop.lab.reshape(1, n * n).copyTo(samples);
        cv::Mat seedRows;
        const cv::Mat seedFlat = seed.reshape(1, n * n);
        for (int i = 0; i < n * n; ++i) {
            if (seedFlat.at<std::uint8_t>(i)) seedRows.push_back(samples.row(i));
        }
        cv::Mat covariance, mean;
        cv::calcCovarMatrix(seedRows, covariance, mean, cv::COVAR_NORMAL | cv::COVAR_ROWS | cv::COVAR_SCALE, CV_64F);
        for (int i = 0; i < 3; ++i) covariance.at<double>(i, i) = std::max(covariance.at<double>(i, i), 9.0);
        const cv::Mat inverse = covariance.inv(cv::DECOMP_SVD);
        cv::Mat seedLike(n, n, CV_8U, cv::Scalar(0));
        for (int y = 0; y < n; ++y) {
            for (int x = 0; x < n; ++x) {
                const cv::Vec3f p = crop.lab.at<cv::Vec3f>(y, x);
                const cv::Mat d = (cv::Mat_<double>(1, 3) << p[0] - mean.at<double>(0), p[1] - mean.at<double>(1), p[2] - mean.at<double>(2));
                if (cv::Mat(d * inverse * d.t()).at<double>(0) < 6.0) seedLike.at<std::uint8_t>(y, x) = 255;
            }
        }
        // Only near the head: further out, a dark background would pass for dark hair.
        cv::Mat nearHead;
        cv::dilate(crop.facePolygon, nearHead, cv::getStructuringElement(cv::MORPH_ELLIPSE,
            cv::Size(2 * cvRound(0.6f * u) + 1, 2 * cvRound(0.6f * u) + 1)));
        foreground |= seedLike & nearHead & (labels != cv::GC_BGD);
    }
    foreground &= zone & ~skinLike(crop, 2.5f);

    const int r = std::max(1, cvRound(0.04f * u));
    cv::Mat head = closed(opened(foreground, r), 2 * r);
    // Keep what is connected to the top of the head (or the largest piece when the seed found nothing).
    cv::Mat components;
    const int count = cv::connectedComponents(head, components, 8, CV_32S);
    cv::Mat kept = cv::Mat::zeros(n, n, CV_8U);
    for (int i = 1; i < count; ++i) {
        const cv::Mat piece = components == i;
        if (cv::countNonZero(piece & crescent) > 0) {
            kept |= piece;
        }
    }
    if (cv::countNonZero(kept) == 0) {
        kept = largestRegion(head);
    }

    // Hat evidence, on the part above the hairline: saturated colour (hair is brown, black, blond, grey or
    // red with moderate chroma), a smooth surface (hair is textured), and height above a skull.
    const float hairlineY = browY - 0.55f * u;
    cv::Mat top = kept.clone();
    cv::rectangle(top, cv::Point(0, cvRound(hairlineY)), cv::Point(n, n), cv::Scalar(0), cv::FILLED);
    float hatScore = 0.0f;
    const int topArea = cv::countNonZero(top);
    if (topArea > 0.05f * u * u) {
        const cv::Scalar meanLab = cv::mean(crop.lab, top);
        const float chroma = std::hypot(static_cast<float>(meanLab[1]), static_cast<float>(meanLab[2]));
        cv::Mat gx, gy, magnitude;
        cv::Sobel(crop.gray, gx, CV_32F, 1, 0);
        cv::Sobel(crop.gray, gy, CV_32F, 0, 1);
        cv::magnitude(gx, gy, magnitude);
        const float texture = static_cast<float>(cv::mean(magnitude, opened(top, r))[0]) / (static_cast<float>(meanLab[0]) + 10.0f);
        cv::Rect box = cv::boundingRect(top);
        const float height = (ey - static_cast<float>(box.y)) / u; // a skull tops out near 1.8 u above the eyes
        hatScore = 0.45f * clamp01((chroma - 20.0f) / 25.0f) + 0.35f * clamp01((0.5f - texture) / 0.35f) +
            0.2f * clamp01((height - 2.0f) / 0.4f);
    }
    HeadTop result;
    result.hat.mask = top;
    result.hat.confidence = clamp01(hatScore);
    result.hair.mask = result.hat.confidence > 0.5f ? cv::Mat(kept & ~top) : kept;
    // Hair confidence: the top of the head held something that is not skin, and GrabCut kept it.
    const float seedFraction = static_cast<float>(cv::countNonZero(seed)) / std::max(1, cv::countNonZero(crescent & crop.valid));
    const float keptFraction = static_cast<float>(cv::countNonZero(kept & crescent)) / std::max(1, cv::countNonZero(crescent & crop.valid));
    result.hair.confidence = clamp01(std::min(seedFraction, keptFraction) / 0.6f) * (1.0f - 0.8f * result.hat.confidence);
    return result;
}

} // namespace durian::masks

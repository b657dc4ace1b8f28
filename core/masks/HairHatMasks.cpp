#include "core/masks/MaskParts.h"

#include <opencv2/imgproc.hpp>

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

// Pixels whose Lab colour is within `limit` (squared Mahalanobis) of the colours under `sample`.
cv::Mat colourLike(const FaceCrop& crop, const cv::Mat& sample, double limit)
{
    cv::Mat rows;
    for (int y = 0; y < crop.size; ++y) {
        const auto* in = sample.ptr<std::uint8_t>(y);
        for (int x = 0; x < crop.size; ++x) {
            if (in[x]) rows.push_back(cv::Mat(1, 3, CV_32F, const_cast<float*>(&crop.lab.at<cv::Vec3f>(y, x)[0])));
        }
    }
    cv::Mat result(crop.size, crop.size, CV_8U, cv::Scalar(0));
    if (rows.rows < 10) {
        return result;
    }
    cv::Mat covariance, mean;
    cv::calcCovarMatrix(rows, covariance, mean, cv::COVAR_NORMAL | cv::COVAR_ROWS | cv::COVAR_SCALE, CV_64F);
    for (int i = 0; i < 3; ++i) covariance.at<double>(i, i) = std::max(covariance.at<double>(i, i), 9.0);
    const cv::Matx33d inverse = cv::Matx33d(covariance).inv(cv::DECOMP_SVD);
    const cv::Vec3d centre(mean.at<double>(0), mean.at<double>(1), mean.at<double>(2));
    for (int y = 0; y < crop.size; ++y) {
        const auto* lab = crop.lab.ptr<cv::Vec3f>(y);
        auto* out = result.ptr<std::uint8_t>(y);
        for (int x = 0; x < crop.size; ++x) {
            const cv::Vec3d d = cv::Vec3d(lab[x]) - centre;
            if (d.dot(inverse * d) < limit) out[x] = 255;
        }
    }
    return result;
}

// The pieces of `mask` that touch `anchor`.
cv::Mat touching(const cv::Mat& mask, const cv::Mat& anchor)
{
    cv::Mat components;
    const int count = cv::connectedComponents(mask, components, 8, CV_32S);
    cv::Mat kept = cv::Mat::zeros(mask.size(), CV_8U);
    for (int i = 1; i < count; ++i) {
        const cv::Mat piece = components == i;
        if (cv::countNonZero(piece & anchor) > 0) kept |= piece;
    }
    return kept;
}

struct HeadRegions {
    cv::Mat zone;     // where hair or a hat can be
    cv::Mat neck;     // below the chin, between the jaw corners
    cv::Mat forehead; // the face polygon above the brows
};

// GrabCut of the head zone from a sure seed, plus pixels of the seed's colour near the face; pieces that
// touch `anchor` are kept.
cv::Mat segmentFromSeed(const FaceCrop& crop, const HeadRegions& regions, const cv::Mat& seed, const cv::Mat& anchor)
{
    const int n = crop.size;
    const float u = crop.u;
    cv::Mat labels(n, n, CV_8U, cv::Scalar(cv::GC_BGD));
    labels.setTo(cv::GC_PR_FGD, regions.zone);
    labels.setTo(cv::GC_PR_BGD, regions.neck & regions.zone);
    labels.setTo(cv::GC_BGD, crop.facePolygon & ~regions.forehead);
    labels.setTo(cv::GC_PR_BGD, regions.forehead);
    labels.setTo(cv::GC_FGD, seed);

    // GrabCut at half resolution: the colour models do not need every pixel and it is 4x cheaper.
    const int half = std::max(32, n / 2);
    cv::Mat small, smallLabels, bgd, fgd;
    cv::resize(crop.rgb, small, cv::Size(half, half), 0, 0, cv::INTER_AREA);
    cv::resize(labels, smallLabels, cv::Size(half, half), 0, 0, cv::INTER_NEAREST);
    const bool hasFg = cv::countNonZero((smallLabels == cv::GC_FGD) | (smallLabels == cv::GC_PR_FGD)) > 0;
    const bool hasBg = cv::countNonZero((smallLabels == cv::GC_BGD) | (smallLabels == cv::GC_PR_BGD)) > 0;
    if (hasFg && hasBg) {
        // GrabCut seeds its colour models' k-means from OpenCV's thread-wide RNG: without a fixed state the
        // same photo got a different mask depending on what ran before it (the preview and the export of
        // one project could differ). The caller's RNG state is put back afterwards.
        cv::RNG& rng = cv::theRNG();
        const auto callerState = rng.state;
        rng.state = 0x6a09e667f3bcc908ULL;
        cv::grabCut(small, smallLabels, cv::Rect(), bgd, fgd, 4, cv::GC_INIT_WITH_MASK);
        rng.state = callerState;
    }
    cv::Mat foreground = (smallLabels == cv::GC_FGD) | (smallLabels == cv::GC_PR_FGD);
    cv::resize(foreground, foreground, cv::Size(n, n), 0, 0, cv::INTER_LINEAR);
    foreground = foreground > 127;
    // GrabCut alone loses dark hair against a dark background (one colour model takes both): pixels of the
    // seed's own colour count too, but only near the face, where a dark background would not pass for hair.
    if (cv::countNonZero(seed) > 20) {
        cv::Mat nearHead;
        cv::dilate(crop.facePolygon, nearHead, cv::getStructuringElement(cv::MORPH_ELLIPSE,
            cv::Size(2 * cvRound(0.6f * u) + 1, 2 * cvRound(0.6f * u) + 1)));
        foreground |= colourLike(crop, seed, 6.0) & nearHead & (labels != cv::GC_BGD);
    }
    foreground &= regions.zone & ~skinLike(crop, 2.5f);
    const int r = std::max(1, cvRound(0.04f * u));
    const cv::Mat head = closed(opened(foreground, r), 2 * r);
    cv::Mat kept = touching(head, anchor);
    return cv::countNonZero(kept) > 0 ? kept : largestRegion(head);
}

// With the person matte, the masks are clipped to the person: a printed box or a wall of the hair's colour
// beside the head is not hair. Only clipped, and only at the end: the matte's outline is soft (some halo
// round the head), so it decides what is background while colour still tells hair from hat and skin.
HeadTop withPersonMatte(const FaceCrop& crop, HeadTop masks)
{
    if (crop.person.empty()) {
        return masks;
    }
    const cv::Mat person = crop.person > 64;
    for (PartMask* part : {&masks.hair, &masks.hat}) {
        const cv::Mat clipped = part->mask & person;
        if (cv::countNonZero(clipped) > 0) {
            part->mask = clipped;
        }
    }
    // Inside the mesh's face oval, hair is only what is clearly not skin: a lit forehead or a bald crown
    // fails the strict skin test the classical mask uses, and is face all the same.
    if (!crop.meshOval.empty()) {
        masks.hair.mask &= ~(crop.meshOval & skinLike(crop, 4.5f));
    }
    return masks;
}

} // namespace

HeadTop hairAndHatMasks(const FaceCrop& crop)
{
    const int n = crop.size;
    const float u = crop.u, cx = crop.centreX, ey = crop.eyes.y, w = crop.faceWidth;
    const float chinY = crop.lm[8].y;
    const float browY = (crop.lm[19].y + crop.lm[24].y) / 2.0f;

    // Where hair (or a hat) can be: the head above and around the face, and down the sides for long hair.
    HeadRegions regions;
    regions.zone = ellipseMask(n, {cx, ey - 0.45f * u}, {0.82f * w, 1.95f * u});
    cv::rectangle(regions.zone, cv::Point(cvRound(cx - 0.95f * w), cvRound(ey)),
        cv::Point(cvRound(cx + 0.95f * w), cvRound(chinY + 1.6f * u)), cv::Scalar(255), cv::FILLED);
    regions.zone &= crop.valid;
    regions.neck = cv::Mat::zeros(n, n, CV_8U);
    cv::rectangle(regions.neck, cv::Point(cvRound(cx - 0.42f * w), cvRound(chinY - 0.1f * u)),
        cv::Point(cvRound(cx + 0.42f * w), n), cv::Scalar(255), cv::FILLED);
    regions.forehead = crop.facePolygon.clone();
    cv::rectangle(regions.forehead, cv::Point(0, cvRound(browY)), cv::Point(n, n), cv::Scalar(0), cv::FILLED);

    // The crescent at the top of the skull: hair or a hat, if anything is there.
    cv::Mat crescent = ellipseMask(n, {cx, ey - 0.35f * u}, {0.5f * w, 1.5f * u}) &
        ~ellipseMask(n, {cx, ey - 0.35f * u}, {0.4f * w, 1.2f * u});
    cv::rectangle(crescent, cv::Point(0, cvRound(ey - 0.9f * u)), cv::Point(n, n), cv::Scalar(0), cv::FILLED);
    const cv::Mat notSkin = ~skinLike(crop, 3.0f) & crop.valid;
    // Beside the face at eye level (the temples): hair when it is long or under a hat, else background.
    cv::Mat temples = cv::Mat::zeros(n, n, CV_8U);
    for (const auto& [jaw, side] : {std::pair{0, -1.0f}, std::pair{16, 1.0f}}) {
        const float x = crop.lm[jaw].x;
        cv::rectangle(temples, cv::Point(cvRound(x + side * 0.05f * u), cvRound(browY)),
            cv::Point(cvRound(x + side * 0.35f * u), cvRound(ey + 0.6f * u)), cv::Scalar(255), cv::FILLED);
    }
    // The sure seed: the crown where it is not skin, and the temples where they have the crown's colour.
    const cv::Mat crown = crescent & notSkin;
    const cv::Mat seed = crown | (temples & notSkin & colourLike(crop, crown, 4.0));
    const cv::Mat kept = segmentFromSeed(crop, regions, seed, crescent | seed);

    // Hat evidence, on the part above the hairline: saturated colour (hair is brown, black, blond, grey or
    // red with moderate chroma), a smooth surface (hair is textured), and height above a skull.
    const int r = std::max(1, cvRound(0.04f * u));
    const float hairlineY = browY - 0.55f * u;
    cv::Mat top = kept.clone();
    cv::rectangle(top, cv::Point(0, cvRound(hairlineY)), cv::Point(n, n), cv::Scalar(0), cv::FILLED);
    float hatScore = 0.0f;
    if (cv::countNonZero(top) > 0.05f * u * u) {
        const cv::Scalar meanLab = cv::mean(crop.lab, top);
        const float chroma = std::hypot(static_cast<float>(meanLab[1]), static_cast<float>(meanLab[2]));
        cv::Mat gx, gy, magnitude;
        cv::Sobel(crop.gray, gx, CV_32F, 1, 0);
        cv::Sobel(crop.gray, gy, CV_32F, 0, 1);
        cv::magnitude(gx, gy, magnitude);
        const float texture = static_cast<float>(cv::mean(magnitude, opened(top, r))[0]) / (static_cast<float>(meanLab[0]) + 10.0f);
        const cv::Rect box = cv::boundingRect(top);
        const float height = (ey - static_cast<float>(box.y)) / u; // a skull tops out near 1.8 u above the eyes
        hatScore = 0.45f * clamp01((chroma - 20.0f) / 25.0f) + 0.35f * clamp01((0.5f - texture) / 0.35f) +
            0.2f * clamp01((height - 2.0f) / 0.4f);
    }
    HeadTop result;
    result.hat.confidence = clamp01(hatScore);
    // The hat goes down as far as its colour does (a brim over the forehead), never below the brows.
    const cv::Mat belowBrows = crop.facePolygon & ~regions.forehead;
    result.hat.mask = top | touching(colourLike(crop, top, 9.0) & regions.zone & ~belowBrows, top);
    result.hat.mask = filledHoles(closed(result.hat.mask, r));

    const float crescentArea = static_cast<float>(std::max(1, cv::countNonZero(crescent & crop.valid)));
    if (result.hat.confidence <= 0.5f) {
        result.hair.mask = kept;
        // Hair confidence: the top of the head held something that is not skin, and GrabCut kept it.
        const float seedFraction = static_cast<float>(cv::countNonZero(crown)) / crescentArea;
        const float keptFraction = static_cast<float>(cv::countNonZero(kept & crescent)) / crescentArea;
        result.hair.confidence = clamp01(std::min(seedFraction, keptFraction) / 0.6f) * (1.0f - 0.8f * result.hat.confidence);
        return withPersonMatte(crop, result);
    }
    // Under a hat, hair shows beside the face: segment again from the temples, without the hat.
    cv::Mat hatGrown;
    cv::dilate(result.hat.mask, hatGrown, cv::Mat(), cv::Point(-1, -1), 2 * r);
    const cv::Mat templeSeed = temples & notSkin & ~hatGrown;
    HeadRegions withoutHat = regions;
    withoutHat.zone = regions.zone & ~result.hat.mask;
    result.hair.mask = segmentFromSeed(crop, withoutHat, templeSeed, temples) & ~result.hat.mask;
    const float templeFraction = static_cast<float>(cv::countNonZero(templeSeed)) / std::max(1, cv::countNonZero(temples & crop.valid));
    result.hair.confidence = clamp01(templeFraction / 0.6f);
    return withPersonMatte(crop, result);
}

} // namespace durian::masks

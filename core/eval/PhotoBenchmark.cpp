#include "core/eval/PhotoBenchmark.h"

#include "core/eval/PhotoCases.h"
#include "core/eval/TransferBenchmark.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/FaceNetworks.h"
#include "core/masks/MaskOps.h"
#include "core/util/Cancellation.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace durian {

namespace {

double meanColourDistance(const Image& a, const Image& maskA, const Image& b, const Image& maskB)
{
    auto meanOf = [](const Image& image, const Image& mask) {
        std::array<double, 3> sum{};
        double n = 0.0;
        for (std::size_t i = 0; i < mask.pixels.size(); ++i) {
            if (mask.pixels[i] >= 128) {
                for (int ch = 0; ch < 3; ++ch) sum[static_cast<std::size_t>(ch)] += image.pixels[i * 3 + static_cast<std::size_t>(ch)];
                n += 1.0;
            }
        }
        for (auto& s : sum) s /= std::max(1.0, n);
        return sum;
    };
    const auto ca = meanOf(a, maskA), cb = meanOf(b, maskB);
    return std::sqrt((ca[0] - cb[0]) * (ca[0] - cb[0]) + (ca[1] - cb[1]) * (ca[1] - cb[1]) + (ca[2] - cb[2]) * (ca[2] - cb[2]));
}

// Fraction of the pixels outside `region` whose largest channel moved by more than 10 of 255.
double changedOutside(const Image& result, const Image& portrait, const Image& region)
{
    double changed = 0.0, outside = 0.0;
    for (std::size_t i = 0; i < region.pixels.size(); ++i) {
        if (region.pixels[i] >= 128) continue;
        outside += 1.0;
        int worst = 0;
        for (std::size_t ch = 0; ch < 3; ++ch) {
            worst = std::max(worst, std::abs(result.pixels[i * 3 + ch] - portrait.pixels[i * 3 + ch]));
        }
        changed += worst > 10 ? 1.0 : 0.0;
    }
    return outside > 0.0 ? changed / outside : 0.0;
}

Image sideBySide(const std::vector<Image>& images)
{
    const int w = images.front().width, h = images.front().height;
    Image out(w * static_cast<int>(images.size()), h, 3);
    for (std::size_t k = 0; k < images.size(); ++k) {
        for (int y = 0; y < h; ++y) {
            std::copy(images[k].row(y), images[k].row(y) + w * 3, out.row(y) + static_cast<int>(k) * w * 3);
        }
    }
    return out;
}

template <typename Row>
Row& rowFor(std::vector<Row>& rows, const std::string& method, const std::string& category)
{
    for (auto& r : rows) {
        if (r.method == method && r.category == category) return r;
    }
    Row row;
    row.method = method;
    row.category = category;
    rows.push_back(row);
    return rows.back();
}

} // namespace

PhotoEvalReport runPhotoEval(Generator* generator, const std::vector<std::filesystem::path>& photos,
    const PhotoEvalOptions& options, const std::function<void(const std::string&)>& progress, std::stop_token stop)
{
    PhotoEvalReport report;
    const FaceIdentity identity(options.identityNetwork);
    FaceAnalyzer analyzer;
    std::vector<PhotoFace> faces;
    for (const auto& path : photos) {
        throwIfStopped(stop);
        if (progress) progress("faces of " + path.filename().string());
        if (auto face = preparePhoto(path, analyzer, options.size, report.skipped)) {
            report.used.push_back(face->name);
            faces.push_back(std::move(*face));
        }
    }
    if (!options.stillsDir.empty()) {
        std::filesystem::create_directories(options.stillsDir);
    }
    TransferEvalOptions modelOptions;
    modelOptions.frames = 1;
    modelOptions.size = options.size;
    modelOptions.steps = options.steps;
    modelOptions.guidance = options.guidance;

    // Every method's still for one case: no_transfer is the portrait as given (in self-transfer: with its hole
// filled).
    auto methods = [&](const TransferCase& c) {
        std::vector<std::pair<std::string, Image>> results{{"warp_composite", warpCompositeVideo(c, true).front()},
            {"no_transfer", c.portrait}};
        if (generator) {
            results.insert(results.begin(), {"durian", durianVideo(*generator, c, modelOptions, stop).front()});
        }
        return results;
    };

    for (const auto& face : faces) {
        for (const auto& [category, unusedMask] : face.masks) {
            throwIfStopped(stop);
            if (progress) progress("self-transfer " + face.name + " " + toString(category));
            const TransferCase c = photoSelfTransferCase(face, category, options.size, photoBenchmarkReferenceLayout(), 105);
            std::vector<Image> stills{c.portrait, c.references.front().image};
            for (const auto& [method, still] : methods(c)) {
                const TransferScores s = scoreVideo({still}, c);
                auto& row = rowFor(report.selfTransfer, method, c.category);
                row.psnr += s.psnr, row.ssim += s.ssim, row.l1Attribute += s.l1Attribute, ++row.cases;
                stills.push_back(still);
            }
            if (!options.stillsDir.empty()) {
                saveImage(sideBySide(stills), options.stillsDir / ("self_" + face.name + "_" + c.category + ".png"));
            }
        }
    }

    // Cross-identity: each portrait wears the attribute of the next photo (in name order) that has one.
    for (std::size_t i = 0; i < faces.size(); ++i) {
        const auto portraitEmbedding = identity.embedding(faces[i].crop.image, faces[i].crop.landmarks);
        for (const auto category : photoCategories()) {
            const PhotoFace* donor = nullptr;
            for (std::size_t k = 1; k < faces.size() && !donor; ++k) {
                const auto& candidate = faces[(i + k) % faces.size()];
                if (candidate.masks.count(category)) donor = &candidate;
            }
            if (!donor) continue;
            throwIfStopped(stop);
            if (progress) progress("cross-identity " + faces[i].name + " wearing " + donor->name + "'s " + toString(category));
            TransferCase c;
            c.category = toString(category);
            c.portrait = faces[i].crop.image;
            const Image own = faces[i].masks.count(category) ? faces[i].masks.at(category) : Image(options.size, options.size, 1);
            c.portraitHole = growMask(uniteMasks(own, donor->masks.at(category)), std::max(2, options.size / 25));
            c.portraitLandmarks = faces[i].crop.landmarks;
            c.keypoints = {faces[i].crop.landmarks};
            c.references = {{category, donor->crop.image, donor->masks.at(category), donor->crop.landmarks}};
            // The edit region: the hole, a little grown, as the classical prior's region is feathered.
            const Image region = growMask(c.portraitHole, std::max(2, options.size / 50));
            std::vector<Image> stills{c.portrait, donor->crop.image};
            std::map<std::string, double> caseCsim;
            for (const auto& [method, still] : methods(c)) {
                if (method == "no_transfer") continue;
                auto& row = rowFor(report.crossIdentity, method, c.category);
                const float csim = cosineSimilarity(identity.embedding(still, faces[i].crop.landmarks), portraitEmbedding);
                caseCsim[method] = csim;
                row.csim += csim;
                row.csimWorst = std::min(row.csimWorst, static_cast<double>(csim));
                row.changedOutside += changedOutside(still, c.portrait, region);
                // Both crops are aligned on the face, so the donor's mask, as it lies in its own crop, stands for
                // where the attribute is in the result (the classical prior moves it by the landmarks only
                // a little further).
                row.colourDistance += meanColourDistance(still, donor->masks.at(category), donor->crop.image, donor->masks.at(category));
                ++row.cases;
                stills.push_back(still);
            }
            for (auto& row : report.crossIdentity) {
                if (row.category == c.category && caseCsim.count(row.method)) {
                    row.csimBehind = std::max(row.csimBehind, caseCsim.at("warp_composite") - caseCsim.at(row.method));
                }
            }
            if (!options.stillsDir.empty()) {
                saveImage(sideBySide(stills), options.stillsDir / ("cross_" + faces[i].name + "_" + c.category + ".png"));
            }
        }
    }
    for (auto& r : report.selfTransfer) {
        const double n = std::max(1, r.cases);
        r.psnr /= n, r.ssim /= n, r.l1Attribute /= n;
    }
    for (auto& r : report.crossIdentity) {
        const double n = std::max(1, r.cases);
        r.csim /= n, r.changedOutside /= n, r.colourDistance /= n;
    }
    return report;
}

std::string photoEvalMarkdown(const PhotoEvalReport& report)
{
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "%zu photos with a face, %zu skipped\n", report.used.size(), report.skipped.size());
    out += line;
    for (const auto& s : report.skipped) out += "- skipped " + s + "\n";
    out += "\nSelf-transfer (the portrait is the photo with a hole over the attribute, the reference the photo itself "
           "reframed and brighter; scored against the photo)\n\n"
           "| method | category | cases | PSNR (dB) | SSIM | L1 in the attribute |\n| --- | --- | ---: | ---: | ---: | ---: |\n";
    for (const auto& r : report.selfTransfer) {
        std::snprintf(line, sizeof line, "| %s | %s | %d | %.2f | %.3f | %.4f |\n", r.method.c_str(), r.category.c_str(),
            r.cases, r.psnr, r.ssim, r.l1Attribute);
        out += line;
    }
    out += "\nCross-identity (each portrait wearing the next photo's attribute)\n\n"
           "| method | category | cases | CSIM mean | CSIM worst | most behind warp_composite | changed outside the edit "
           "region | colour distance to the reference |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    for (const auto& r : report.crossIdentity) {
        std::snprintf(line, sizeof line, "| %s | %s | %d | %.3f | %.3f | %.3f | %.2f%% | %.1f |\n", r.method.c_str(),
            r.category.c_str(), r.cases, r.csim, r.csimWorst, r.csimBehind, 100.0 * r.changedOutside, r.colourDistance);
        out += line;
    }
    return out;
}

} // namespace durian

#include "core/eval/TransferBenchmark.h"

#include "core/eval/ImageMetrics.h"
#include "core/eval/WarpComposite.h"
#include "core/face/KeypointImage.h"
#include "core/masks/MaskOps.h"
#include "core/pipeline/ClassicalPrior.h"
#include "core/pipeline/Pipeline.h"
#include "core/synth/SynthLandmarks.h"
#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"
#include "core/util/Seeds.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

namespace durian {

namespace {

const char* const kMethods[] = {"durian", "durian_no_references", "warp_composite", "no_transfer", "vae_roundtrip",
    "paste_back_ceiling"};

void paste(Image& canvas, const Image& tile, int x0, int y0)
{
    for (int y = 0; y < tile.height && y0 + y < canvas.height; ++y) {
        for (int x = 0; x < tile.width && x0 + x < canvas.width; ++x) {
            for (int ch = 0; ch < 3; ++ch) {
                const int from = tile.channels == 1 ? 0 : ch;
                canvas.row(y0 + y)[(x0 + x) * 3 + ch] = tile.row(y)[x * tile.channels + from];
            }
        }
    }
}

// Row 1: the portrait, its hole, the references. Then one row per video (truth, then the methods),
// each with its first, middle and last frame.
void writeCaseStill(const std::filesystem::path& path, const TransferCase& c, const std::vector<std::vector<Image>>& videos)
{
    const int s = c.portrait.width;
    const int frames = static_cast<int>(c.truth.size());
    const std::vector<int> shown{0, frames / 2, frames - 1};
    const int columns = std::max<int>(static_cast<int>(shown.size()), 2 + static_cast<int>(c.references.size()));
    Image canvas(columns * s, static_cast<int>(1 + videos.size()) * s, 3, 32);
    paste(canvas, c.portrait, 0, 0);
    paste(canvas, c.portraitHole, s, 0);
    for (std::size_t r = 0; r < c.references.size(); ++r) {
        paste(canvas, c.references[r].image, static_cast<int>(2 + r) * s, 0);
    }
    for (std::size_t v = 0; v < videos.size(); ++v) {
        for (std::size_t k = 0; k < shown.size() && videos[v].size() == c.truth.size(); ++k) {
            paste(canvas, videos[v][static_cast<std::size_t>(shown[k])], static_cast<int>(k) * s, static_cast<int>(1 + v) * s);
        }
    }
    saveImage(canvas, path);
}

std::array<double, 3> meanColour(const Image& rgb, const Image& region)
{
    std::array<double, 3> sum{};
    long long count = 0;
    for (std::size_t p = 0; p < region.pixels.size(); ++p) {
        if (region.pixels[p] >= 128) {
            for (int ch = 0; ch < 3; ++ch) {
                sum[static_cast<std::size_t>(ch)] += rgb.pixels[p * 3 + static_cast<std::size_t>(ch)];
            }
            ++count;
        }
    }
    for (auto& v : sum) {
        v /= static_cast<double>(std::max(1LL, count));
    }
    return sum;
}

} // namespace

TransferScores scoreVideo(const std::vector<Image>& frames, const TransferCase& c)
{
    if (frames.size() != c.truth.size()) {
        throw Error("the video has " + std::to_string(frames.size()) + " frames, the truth " + std::to_string(c.truth.size()));
    }
    TransferScores s;
    double attrSum = 0.0, restSum = 0.0;
    int attrFrames = 0, restFrames = 0;
    for (std::size_t f = 0; f < frames.size(); ++f) {
        s.psnr += psnr(frames[f], c.truth[f]);
        s.ssim += ssim(frames[f], c.truth[f]);
        if (const double a = maskedL1(frames[f], c.truth[f], c.region[f], true); a >= 0.0) {
            attrSum += a;
            ++attrFrames;
        }
        if (const double r = maskedL1(frames[f], c.truth[f], c.region[f], false); r >= 0.0) {
            restSum += r;
            ++restFrames;
        }
        if (f > 0) {
            s.flicker += std::abs(meanAbsDifference(frames[f], frames[f - 1]) - meanAbsDifference(c.truth[f], c.truth[f - 1]));
        }
    }
    const double n = static_cast<double>(frames.size());
    s.psnr /= n;
    s.ssim /= n;
    s.l1Attribute = attrFrames ? attrSum / attrFrames : 0.0;
    s.l1Rest = restFrames ? restSum / restFrames : 0.0;
    s.flicker = frames.size() > 1 ? s.flicker / (n - 1.0) : 0.0;
    return s;
}

std::vector<Image> warpCompositeVideo(const TransferCase& c, bool transfer)
{
    std::vector<WarpAttribute> attributes;
    if (transfer) {
        for (const auto& r : c.references) {
            attributes.push_back({r.image, r.mask, r.landmarks, 1.0});
        }
    }
    const WarpCompositeAnimator animator(c.portrait, c.portraitLandmarks, attributes);
    std::vector<Image> frames;
    for (const auto& k : c.keypoints) {
        frames.push_back(animator.frame(k));
    }
    return frames;
}

std::vector<Image> pasteBackCeilingVideo(const TransferCase& c)
{
    const ClassicalPrior prior(transferRequest(c, {}), c.portrait.width);
    std::vector<Image> frames;
    for (int f = 0; f < prior.frames(); ++f) {
        frames.push_back(pasteInsideRegion(prior.frame(f), c.truth[static_cast<std::size_t>(f)], prior.region(f)));
    }
    return frames;
}

GenerationRequest transferRequest(const TransferCase& c, const TransferEvalOptions& options)
{
    GenerationRequest request;
    request.portrait = c.portrait;
    request.portraitMask = c.portraitHole;
    request.portraitLandmarks = c.portraitLandmarks;
    for (const auto& r : c.references) {
        request.attributes.push_back({r.category, r.image, r.mask, 1.0, r.landmarks});
    }
    for (const auto& k : c.keypoints) {
        request.keypoints.push_back(renderKeypointImage(k, c.portrait.width, c.portrait.height));
    }
    request.motion = c.keypoints;
    request.frames = static_cast<int>(c.keypoints.size());
    request.steps = options.steps;
    request.guidance = options.guidance;
    request.seed = options.seed;
    request.resolution = c.portrait.width;
    request.sampler = SamplerType::Ddim;
    return request;
}

std::vector<Image> durianVideo(Generator& generator, const TransferCase& c, const TransferEvalOptions& options,
    std::stop_token stop)
{
    GenerationCallbacks callbacks;
    callbacks.stop = stop;
    auto request = transferRequest(c, options);
    if (options.dropReferences) {
        request.guidance = 0.0; // the unconditional branch alone: no reference reaches the denoiser
    }
    return generator.generate(request, callbacks).frames;
}

std::vector<DenoiseCheckRow> checkOneStepDenoising(
    Generator& generator, const TransferEvalOptions& options, const std::vector<int>& timesteps)
{
    std::vector<DenoiseCheckRow> rows;
    for (const int t : timesteps) {
        rows.push_back({t, 0.0, 0});
    }
    for (const auto& category : transferCategories()) {
        for (const auto& c : makeTransferCases(category, options.seed, options.cases, 1, options.size)) {
            const auto request = transferRequest(c, options);
            for (auto& row : rows) {
                row.psnr += psnr(generator.predictCleanFrame(request, c.truth.front(), row.timestep), c.truth.front());
                ++row.cases;
            }
        }
    }
    for (auto& row : rows) {
        row.psnr /= std::max(1, row.cases);
    }
    return rows;
}

TransferEvalReport runTransferEval(Generator* generator, const TransferEvalOptions& options,
    const std::function<void(int, int, const std::string&)>& progress, std::stop_token stop)
{
    if (options.cases < 1 || options.frames < 1) {
        throw Error("the benchmark needs at least one case per category and one frame");
    }
    if (!options.stillsDir.empty()) {
        std::filesystem::create_directories(options.stillsDir);
    }
    std::map<std::pair<std::string, std::string>, std::vector<TransferScores>> scores; // (method, category)
    TransferEvalReport report;
    const auto& categories = transferCategories();
    const int total = static_cast<int>(categories.size()) * options.cases;
    int done = 0;
    for (const auto& category : categories) {
        const auto cases = makeTransferCases(category, options.seed, options.cases, options.frames, options.size);
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const auto& c = cases[i];
            char name[64];
            std::snprintf(name, sizeof name, "%s-%02zu", category.c_str(), i);
            if (progress) {
                progress(done, total, name);
            }
            std::vector<std::vector<Image>> videos{c.truth};
            if (generator) {
                const auto start = std::chrono::steady_clock::now();
                videos.push_back(durianVideo(*generator, c, options, stop));
                report.durianSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                report.durianFrames += options.frames;
                scores[{"durian", category}].push_back(scoreVideo(videos.back(), c));
            }
            if (generator && options.ablation) {
                auto ablated = options;
                ablated.dropReferences = true;
                videos.push_back(durianVideo(*generator, c, ablated, stop));
                scores[{"durian_no_references", category}].push_back(scoreVideo(videos.back(), c));
            }
            if (generator && options.autoencoderRow) {
                std::vector<Image> roundTrip;
                for (const auto& frame : c.truth) {
                    roundTrip.push_back(generator->autoencode(frame, options.size));
                }
                scores[{"vae_roundtrip", category}].push_back(scoreVideo(roundTrip, c));
                report.latentStd += generator->latentStd(c.truth, options.size) / total;
                videos.push_back(std::move(roundTrip)); // on the stills: a hue the autoencoder loses, PSNR hides
            }
            videos.push_back(warpCompositeVideo(c, true));
            scores[{"warp_composite", category}].push_back(scoreVideo(videos.back(), c));
            videos.push_back(warpCompositeVideo(c, false));
            scores[{"no_transfer", category}].push_back(scoreVideo(videos.back(), c));
            if (options.ceilingRow) {
                videos.push_back(pasteBackCeilingVideo(c));
                scores[{"paste_back_ceiling", category}].push_back(scoreVideo(videos.back(), c));
            }
            if (!options.stillsDir.empty()) {
                writeCaseStill(options.stillsDir / (std::string(name) + ".png"), c, videos);
            }
            ++done;
        }
    }
    if (progress) {
        progress(done, total, "");
    }
    auto average = [](const std::vector<TransferScores>& list) {
        TransferScores m;
        for (const auto& s : list) {
            m.psnr += s.psnr;
            m.ssim += s.ssim;
            m.l1Attribute += s.l1Attribute;
            m.l1Rest += s.l1Rest;
            m.flicker += s.flicker;
        }
        const double n = static_cast<double>(std::max<std::size_t>(1, list.size()));
        m.psnr /= n;
        m.ssim /= n;
        m.l1Attribute /= n;
        m.l1Rest /= n;
        m.flicker /= n;
        return m;
    };
    std::vector<std::string> rowCategories = categories;
    rowCategories.push_back("all");
    for (const auto& category : rowCategories) {
        for (const char* method : kMethods) {
            std::vector<TransferScores> list;
            for (const auto& [key, values] : scores) {
                if (key.first == method && (category == "all" || key.second == category)) {
                    list.insert(list.end(), values.begin(), values.end());
                }
            }
            if (!list.empty()) {
                report.rows.push_back({method, category, static_cast<int>(list.size()), average(list)});
            }
        }
    }
    return report;
}

std::string transferTableCsv(const std::vector<TransferEvalRow>& rows)
{
    std::string out = "method,category,cases,psnr,ssim,l1_attr,l1_rest,flicker\n";
    char line[256];
    for (const auto& r : rows) {
        std::snprintf(line, sizeof line, "%s,%s,%d,%.3f,%.4f,%.4f,%.4f,%.4f\n", r.method.c_str(), r.category.c_str(),
            r.cases, r.scores.psnr, r.scores.ssim, r.scores.l1Attribute, r.scores.l1Rest, r.scores.flicker);
        out += line;
    }
    return out;
}

std::string transferTableMarkdown(const std::vector<TransferEvalRow>& rows)
{
    std::string out = "| method | category | cases | PSNR (dB) ↑ | SSIM ↑ | L1 attribute ↓ | L1 rest ↓ | flicker ↓ |\n"
                      "|---|---|---:|---:|---:|---:|---:|---:|\n";
    char line[256];
    for (const auto& r : rows) {
        std::snprintf(line, sizeof line, "| %s | %s | %d | %.2f | %.4f | %.4f | %.4f | %.4f |\n", r.method.c_str(),
            r.category.c_str(), r.cases, r.scores.psnr, r.scores.ssim, r.scores.l1Attribute, r.scores.l1Rest,
            r.scores.flicker);
        out += line;
    }
    return out;
}

InterpolationCheck checkInterpolation(Generator& generator, std::uint64_t seed, int size, int steps, int points)
{
    if (points < 2) {
        throw Error("the interpolation check needs at least two alphas");
    }
    const std::uint64_t s = mixSeed(0x1a7e5b0cULL, seed);
    SynthRenderOptions options;
    options.width = options.height = size;
    options.supersample = 1;
    const Person portraitPerson = randomPerson(mixSeed(s, 1));
    Person donorA = randomPersonWearing(mixSeed(s, 2), AttributeCategory::Hair);
    Person donorB = donorA;
    donorA.attributes.hair.color = {0.10f, 0.07f, 0.05f}; // near black
    donorB.attributes.hair.color = {0.90f, 0.75f, 0.45f}; // light blond
    const Pose pose = randomMotion(mixSeed(s, 3), 1).front();
    const Pose donorPose = randomMotion(mixSeed(s, 4), 1).front();

    const SynthFrame portrait = renderSynthFrame(portraitPerson, pose, options);
    Person expanded = portraitPerson;
    expanded.attributes = expandedAttributes(portraitPerson.attributes, AttributeCategory::Hair);
    Image hole = uniteMasks(portrait.mask(SynthMask::Hair), renderSynthFrame(expanded, pose, options).mask(SynthMask::Hair));
    for (auto& p : hole.pixels) {
        p = p >= 128 ? 255 : 0;
    }
    hole = growMask(hole, static_cast<int>(std::lround(0.03 * size)));
    const SynthFrame truthA = renderSynthFrame(withAttribute(portraitPerson, AttributeCategory::Hair, donorA), pose, options);
    const SynthFrame truthB = renderSynthFrame(withAttribute(portraitPerson, AttributeCategory::Hair, donorB), pose, options);
    const Image region = intersectMasks(truthA.mask(SynthMask::Hair), truthB.mask(SynthMask::Hair));
    const SynthFrame refA = renderSynthFrame(donorA, donorPose, options);
    const SynthFrame refB = renderSynthFrame(donorB, donorPose, options);

    InterpolationCheck check;
    check.truthA = meanColour(truthA.rgb, region);
    check.truthB = meanColour(truthB.rgb, region);
    GenerationRequest request;
    request.portrait = portrait.rgb;
    request.portraitMask = hole;
    request.attributes.push_back({AttributeCategory::Hair, refA.rgb, refA.mask(SynthMask::Hair), 1.0, landmarksOf(refA)});
    request.keypoints.push_back(renderKeypointImage(landmarksOf(truthA), size, size));
    request.portraitLandmarks = landmarksOf(portrait);
    request.motion = {landmarksOf(truthA)};
    request.steps = steps;
    request.seed = seed;
    request.resolution = size;
    for (int i = 0; i < points; ++i) {
        const double alpha = static_cast<double>(i) / (points - 1);
        request.interpolation = InterpolationInput{0, refB.rgb, refB.mask(SynthMask::Hair), alpha, landmarksOf(refB)};
        const auto frames = generator.generate(request).frames;
        check.alphas.push_back(alpha);
        check.colours.push_back(meanColour(frames.front(), region));
    }
    const auto& a = check.colours.front();
    const auto& b = check.colours.back();
    double norm = 0.0;
    for (int ch = 0; ch < 3; ++ch) {
        norm += (b[ch] - a[ch]) * (b[ch] - a[ch]);
    }
    check.monotonic = norm > 1.0; // the ends must differ at all
    for (const auto& c : check.colours) {
        double dot = 0.0;
        for (int ch = 0; ch < 3; ++ch) {
            dot += (c[ch] - a[ch]) * (b[ch] - a[ch]);
        }
        check.position.push_back(norm > 0.0 ? dot / norm : 0.0);
    }
    for (std::size_t i = 1; i < check.position.size(); ++i) {
        if (check.position[i] < check.position[i - 1] - 0.01) { // 1% of the way: rounding, not a reversal
            check.monotonic = false;
        }
    }
    return check;
}

} // namespace durian

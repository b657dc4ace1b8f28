#include "core/eval/TransferCases.h"

#include "core/masks/MaskOps.h"
#include "core/synth/SynthLandmarks.h"
#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"
#include "core/util/Error.h"
#include "core/util/Seeds.h"

#include <cmath>

namespace durian {

namespace {

// Held-out stream: the trainer derives its samples from mixSeed(config seed, 0x5a3) and never from this.
constexpr std::uint64_t kEvalStream = 0xe7a1b3c5d7e9f1ULL;

Image binarize(Image mask)
{
    for (auto& p : mask.pixels) {
        p = p >= 128 ? 255 : 0;
    }
    return mask;
}

// The compositions cycle through these pairs.
const std::vector<std::vector<AttributeCategory>>& compositionPairs()
{
    using C = AttributeCategory;
    static const std::vector<std::vector<C>> pairs{
        {C::Hair, C::Eyeglasses}, {C::Hat, C::Beard}, {C::Eyeglasses, C::Beard}, {C::Hair, C::Beard}};
    return pairs;
}

} // namespace

const std::vector<std::string>& transferCategories()
{
    static const std::vector<std::string> categories{"hair", "eyeglasses", "hat", "beard", "composition"};
    return categories;
}

TransferCase makeTransferCase(const std::vector<AttributeCategory>& categories, std::uint64_t caseSeed, int frames,
    int size)
{
    if (frames < 1 || size < 32) {
        throw Error("a benchmark case needs at least one frame and 32 pixels");
    }
    SynthRenderOptions options;
    options.width = options.height = size;
    options.supersample = 1; // as the trainer renders its samples

    TransferCase c;
    c.seed = caseSeed;
    const Person portraitPerson = randomPerson(mixSeed(caseSeed, 1));
    const std::vector<Pose> motion = randomMotion(mixSeed(caseSeed, 2), frames); // person S's motion
    const Pose portraitPose = randomMotion(mixSeed(caseSeed, 3), 1).front();

    std::vector<std::pair<AttributeCategory, Person>> donors;
    for (std::size_t k = 0; k < categories.size(); ++k) {
        const auto category = categories[k];
        const Person donor = randomPersonWearing(mixSeed(caseSeed, 10 + k), category);
        const SynthFrame donorFrame = renderSynthFrame(donor, randomMotion(mixSeed(caseSeed, 20 + k), 1).front(), options);
        c.references.push_back({category, donorFrame.rgb, donorFrame.mask(synthMaskOf(category)), landmarksOf(donorFrame)});
        donors.emplace_back(category, donor);
    }
    const Person truthPerson = withAttributes(portraitPerson, donors);

    const SynthFrame portraitFrame = renderSynthFrame(portraitPerson, portraitPose, options);
    c.portrait = portraitFrame.rgb;
    c.portraitLandmarks = landmarksOf(portraitFrame);
    Image hole(size, size, 1, 0);
    for (const auto category : categories) {
        Person expanded = portraitPerson;
        expanded.attributes = expandedAttributes(portraitPerson.attributes, category);
        const auto which = synthMaskOf(category);
        hole = uniteMasks(hole, portraitFrame.mask(which));
        hole = uniteMasks(hole, renderSynthFrame(expanded, portraitPose, options).mask(which));
    }
    c.portraitHole = growMask(binarize(hole), static_cast<int>(std::lround(0.03 * size)));

    for (int f = 0; f < frames; ++f) {
        SynthFrame truth = renderSynthFrame(truthPerson, motion[static_cast<std::size_t>(f)], options);
        const SynthFrame before = renderSynthFrame(portraitPerson, motion[static_cast<std::size_t>(f)], options);
        Image region(size, size, 1, 0);
        for (const auto category : categories) {
            region = uniteMasks(region, uniteMasks(truth.mask(synthMaskOf(category)), before.mask(synthMaskOf(category))));
        }
        c.keypoints.push_back(landmarksOf(truth));
        c.truth.push_back(std::move(truth.rgb));
        c.region.push_back(binarize(region));
    }
    return c;
}

std::vector<TransferCase> makeTransferCases(const std::string& category, std::uint64_t seed, int count, int frames,
    int size)
{
    const auto& names = transferCategories();
    std::uint64_t categoryIndex = 0;
    while (categoryIndex < names.size() && names[categoryIndex] != category) {
        ++categoryIndex;
    }
    if (categoryIndex == names.size()) {
        throw Error("unknown benchmark category '" + category + "'");
    }
    std::vector<TransferCase> cases;
    for (int i = 0; i < count; ++i) {
        const std::uint64_t caseSeed = mixSeed(mixSeed(kEvalStream, seed), categoryIndex * 100000 + static_cast<std::uint64_t>(i));
        std::vector<AttributeCategory> categories;
        if (category == "composition") {
            categories = compositionPairs()[static_cast<std::size_t>(i) % compositionPairs().size()];
        } else {
            categories = {*parseAttributeCategory(category)};
        }
        TransferCase c = makeTransferCase(categories, caseSeed, frames, size);
        c.category = category;
        cases.push_back(std::move(c));
    }
    return cases;
}

} // namespace durian

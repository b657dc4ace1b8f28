#include "core/synth/SynthPeople.h"

#include "core/synth/detail/Geometry.h"
#include "core/synth/detail/Random.h"
#include "core/util/Error.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace durian {

using synth::Random;

namespace {

SynthColor jitter(Random& rng, SynthColor c, float amount)
{
    auto j = [&](float v) { return std::clamp(v + rng.uniform(-amount, amount), 0.f, 1.f); };
    return {j(c.r), j(c.g), j(c.b)};
}

// Piecewise-linear pick along a palette.
template <std::size_t N>
SynthColor along(const std::array<SynthColor, N>& palette, float t)
{
    const float x = std::clamp(t, 0.f, 1.f) * (N - 1);
    const std::size_t i = std::min(static_cast<std::size_t>(x), N - 2);
    return synth::mix(palette[i], palette[i + 1], x - i);
}

SynthColor hsv(float h, float s, float v)
{
    const float c = v * s, hp = std::fmod(h, 1.f) * 6.f, x = c * (1.f - std::abs(std::fmod(hp, 2.f) - 1.f));
    float r = 0, g = 0, b = 0;
    if (hp < 1) { r = c; g = x; } else if (hp < 2) { r = x; g = c; } else if (hp < 3) { g = c; b = x; }
    else if (hp < 4) { g = x; b = c; } else if (hp < 5) { r = x; b = c; } else { r = c; b = x; }
    return {r + v - c, g + v - c, b + v - c};
}

SynthColor naturalHairColor(Random& rng)
{
    static const std::array<SynthColor, 7> palette = {{{0.06f, 0.05f, 0.05f}, {0.16f, 0.1f, 0.07f}, {0.32f, 0.2f, 0.12f},
        {0.5f, 0.24f, 0.12f}, {0.62f, 0.45f, 0.26f}, {0.86f, 0.72f, 0.48f}, {0.78f, 0.76f, 0.74f}}};
    return jitter(rng, along(palette, rng.uniform()), 0.03f);
}

template <typename T>
T pick(Random& rng, std::initializer_list<std::pair<T, float>> weighted)
{
    float total = 0.f;
    for (const auto& w : weighted) {
        total += w.second;
    }
    float x = rng.uniform() * total;
    for (const auto& w : weighted) {
        if ((x -= w.second) < 0.f) {
            return w.first;
        }
    }
    return weighted.begin()->first;
}

Identity randomIdentity(std::uint64_t seed)
{
    Random rng(seed, "identity");
    Identity id;
    id.headWidth = rng.uniform(0.68f, 0.82f);
    id.headDepth = rng.uniform(0.8f, 0.92f);
    id.jawWidth = rng.uniform(0.8f, 1.f);
    id.jawSquareness = rng.uniform(1.9f, 3.6f);
    id.chinY = rng.uniform(1.03f, 1.2f);
    id.headSize = rng.uniform(0.93f, 1.07f);
    static const std::array<SynthColor, 6> skins = {{{0.97f, 0.83f, 0.74f}, {0.93f, 0.74f, 0.62f}, {0.83f, 0.6f, 0.45f},
        {0.66f, 0.45f, 0.31f}, {0.47f, 0.31f, 0.21f}, {0.33f, 0.22f, 0.15f}}};
    id.skin = jitter(rng, along(skins, rng.uniform()), 0.025f);
    id.eyeY = rng.uniform(0.02f, 0.1f);
    id.eyeSpacing = rng.uniform(0.26f, 0.32f);
    id.eyeWidth = rng.uniform(0.115f, 0.15f);
    id.eyeOpenness = rng.uniform(0.33f, 0.52f);
    id.eyeTilt = rng.uniform(-0.05f, 0.15f);
    id.irisSize = rng.uniform(0.5f, 0.62f);
    static const std::array<SynthColor, 6> irises = {{{0.2f, 0.12f, 0.07f}, {0.38f, 0.24f, 0.12f}, {0.45f, 0.4f, 0.2f},
        {0.3f, 0.45f, 0.3f}, {0.3f, 0.45f, 0.65f}, {0.45f, 0.5f, 0.55f}}};
    id.iris = jitter(rng, irises[static_cast<std::size_t>(rng.below(6))], 0.04f);
    id.browGap = rng.uniform(0.1f, 0.16f);
    id.browThickness = rng.uniform(0.03f, 0.065f);
    id.browArch = rng.uniform(0.01f, 0.06f);
    id.brow = synth::scaled(naturalHairColor(rng), 0.85f);
    id.noseY = rng.uniform(0.42f, 0.5f);
    id.noseWidth = rng.uniform(0.09f, 0.14f);
    id.noseProjection = rng.uniform(0.12f, 0.2f);
    id.mouthY = id.noseY + rng.uniform(0.21f, 0.27f);
    id.mouthWidth = rng.uniform(0.18f, 0.26f);
    id.upperLip = rng.uniform(0.03f, 0.055f);
    id.lowerLip = rng.uniform(0.045f, 0.075f);
    id.lips = synth::mix(synth::scaled(id.skin, 0.85f), {0.78f, 0.33f, 0.36f}, rng.uniform(0.35f, 0.65f));
    id.earSize = rng.uniform(0.85f, 1.15f);
    id.neckWidth = rng.uniform(0.36f, 0.46f);
    id.shoulderWidth = rng.uniform(1.9f, 2.3f);
    id.clothing = pick<ClothingStyle>(rng, {{ClothingStyle::Crew, 1.f}, {ClothingStyle::VNeck, 1.f}, {ClothingStyle::Collar, 1.f}});
    id.clothes = hsv(rng.uniform(), rng.uniform(0.2f, 0.75f), rng.uniform(0.25f, 0.85f));
    id.clothesAccent = hsv(rng.uniform(), rng.uniform(0.f, 0.4f), rng.uniform(0.75f, 0.98f));
    const float bgHue = rng.uniform();
    id.backgroundTop = hsv(bgHue, rng.uniform(0.1f, 0.45f), rng.uniform(0.55f, 0.95f));
    id.backgroundBottom = hsv(bgHue + rng.uniform(-0.08f, 0.08f) + 1.f, rng.uniform(0.1f, 0.5f), rng.uniform(0.3f, 0.7f));
    id.lightSide = (rng.chance(0.5f) ? -1.f : 1.f) * rng.uniform(0.3f, 0.9f);
    return id;
}

Hair randomHair(std::uint64_t seed)
{
    Random rng(seed, "hair");
    Hair h;
    h.style = pick<HairStyle>(rng, {{HairStyle::Bald, 0.07f}, {HairStyle::Short, 0.3f}, {HairStyle::Long, 0.22f},
                                       {HairStyle::Curly, 0.14f}, {HairStyle::Bangs, 0.14f}, {HairStyle::Bun, 0.13f}});
    h.color = rng.chance(0.15f) ? hsv(rng.uniform(), rng.uniform(0.4f, 0.8f), rng.uniform(0.4f, 0.85f)) : naturalHairColor(rng);
    switch (h.style) {
    case HairStyle::Curly: h.volume = rng.uniform(0.16f, 0.32f); break;
    case HairStyle::Bun: h.volume = 0.04f; break;
    default: h.volume = rng.uniform(0.06f, 0.15f); break;
    }
    h.length = h.style == HairStyle::Long ? rng.uniform(0.5f, 1.6f) : rng.uniform(0.4f, 1.5f);
    h.hairline = rng.uniform(-0.3f, 0.4f);
    h.part = rng.uniform(-1.f, 1.f);
    h.curl = rng.uniform();
    h.texture = static_cast<std::uint32_t>(rng.next());
    return h;
}

Eyeglasses randomEyeglasses(std::uint64_t seed)
{
    Random rng(seed, "eyeglasses");
    Eyeglasses g;
    g.style = pick<GlassesStyle>(rng, {{GlassesStyle::None, 0.45f}, {GlassesStyle::Round, 0.11f}, {GlassesStyle::Rectangular, 0.11f},
                                          {GlassesStyle::Thick, 0.11f}, {GlassesStyle::Thin, 0.11f}, {GlassesStyle::Sunglasses, 0.11f}});
    static const std::array<SynthColor, 5> frames = {{{0.05f, 0.05f, 0.05f}, {0.35f, 0.2f, 0.1f}, {0.75f, 0.62f, 0.3f},
        {0.7f, 0.7f, 0.72f}, {0.6f, 0.1f, 0.15f}}};
    g.frame = jitter(rng, frames[static_cast<std::size_t>(rng.below(5))], 0.04f);
    if (rng.chance(0.2f)) {
        g.frame = hsv(rng.uniform(), rng.uniform(0.5f, 0.9f), rng.uniform(0.3f, 0.8f));
    }
    g.tint = hsv(rng.uniform(0.5f, 0.65f), rng.uniform(0.05f, 0.2f), 0.95f);
    g.tintOpacity = rng.uniform(0.06f, 0.15f);
    g.lensWidth = rng.uniform(0.13f, 0.17f);
    g.lensHeight = g.lensWidth * rng.uniform(0.65f, 0.8f);
    g.roundness = rng.uniform(2.5f, 4.f);
    g.frameThickness = rng.uniform(0.018f, 0.028f);
    switch (g.style) {
    case GlassesStyle::Round:
        g.roundness = rng.uniform(2.f, 2.2f);
        g.lensHeight = g.lensWidth * rng.uniform(0.9f, 1.f);
        break;
    case GlassesStyle::Rectangular: g.roundness = rng.uniform(4.5f, 7.f); break;
    case GlassesStyle::Thick: g.frameThickness = rng.uniform(0.035f, 0.05f); break;
    case GlassesStyle::Thin: g.frameThickness = rng.uniform(0.008f, 0.012f); break;
    case GlassesStyle::Sunglasses:
        g.lensWidth = rng.uniform(0.16f, 0.19f);
        g.lensHeight = g.lensWidth * rng.uniform(0.72f, 0.85f);
        g.tint = hsv(rng.uniform(), rng.uniform(0.2f, 0.7f), rng.uniform(0.05f, 0.35f));
        g.tintOpacity = rng.uniform(0.75f, 0.92f);
        break;
    case GlassesStyle::None: break;
    }
    return g;
}

Hat randomHat(std::uint64_t seed)
{
    Random rng(seed, "hat");
    Hat h;
    h.style = pick<HatStyle>(rng, {{HatStyle::None, 0.5f}, {HatStyle::Beanie, 0.125f}, {HatStyle::Cap, 0.125f},
                                      {HatStyle::Brimmed, 0.125f}, {HatStyle::Beret, 0.125f}});
    h.color = hsv(rng.uniform(), rng.uniform(0.2f, 0.8f), rng.uniform(0.2f, 0.85f));
    h.accent = hsv(rng.uniform(), rng.uniform(0.f, 0.6f), rng.uniform(0.6f, 0.95f));
    h.size = rng.uniform(0.96f, 1.06f);
    h.brim = h.style == HatStyle::Brimmed ? rng.uniform(0.5f, 1.4f) : rng.uniform(0.6f, 1.3f);
    h.crownHeight = rng.uniform(0.2f, 0.7f);
    h.tilt = rng.uniform(-1.f, 1.f);
    return h;
}

Beard randomBeard(std::uint64_t seed)
{
    Random rng(seed, "beard");
    Beard b;
    b.style = pick<BeardStyle>(rng, {{BeardStyle::None, 0.5f}, {BeardStyle::Stubble, 0.14f}, {BeardStyle::Moustache, 0.12f},
                                        {BeardStyle::Goatee, 0.12f}, {BeardStyle::Full, 0.12f}});
    b.color = naturalHairColor(rng);
    b.fullness = rng.uniform(0.2f, 1.f);
    b.density = rng.uniform(0.5f, 1.f);
    b.texture = static_cast<std::uint32_t>(rng.next());
    return b;
}

float wave(Random& rng, float amplitude, double fps, int frame, std::array<float, 9>& params, bool init)
{
    if (init) { // three sinusoids: frequency (Hz), phase, share of the amplitude
        for (int k = 0; k < 3; ++k) {
            params[static_cast<std::size_t>(3 * k)] = rng.uniform(0.04f, 0.45f);
            params[static_cast<std::size_t>(3 * k + 1)] = rng.uniform(0.f, 2.f * synth::kPi);
            params[static_cast<std::size_t>(3 * k + 2)] = rng.uniform(0.2f, 1.f);
        }
    }
    float sum = 0.f, norm = 0.f;
    const float t = static_cast<float>(frame / fps);
    for (int k = 0; k < 3; ++k) {
        sum += params[static_cast<std::size_t>(3 * k + 2)]
            * std::sin(2.f * synth::kPi * params[static_cast<std::size_t>(3 * k)] * t + params[static_cast<std::size_t>(3 * k + 1)]);
        norm += params[static_cast<std::size_t>(3 * k + 2)];
    }
    return amplitude * sum / norm;
}

} // namespace

Person randomPerson(std::uint64_t seed)
{
    Person p;
    p.identity = randomIdentity(seed);
    p.attributes.hair = randomHair(seed);
    p.attributes.eyeglasses = randomEyeglasses(seed);
    p.attributes.hat = randomHat(seed);
    p.attributes.beard = randomBeard(seed);
    return p;
}

std::vector<Pose> randomMotion(std::uint64_t seed, int frames, double fps)
{
    if (frames < 0 || frames > 1000000) {
        throw Error("Synthetic motion: frame count " + std::to_string(frames) + " is out of range (0 to 1000000)");
    }
    if (!(fps > 0.0 && fps <= 1000.0)) {
        throw Error("Synthetic motion: frame rate " + std::to_string(fps) + " is out of range (above 0, at most 1000)");
    }
    Random rng(seed, "motion");
    const float yawAmp = rng.uniform(8.f, 28.f), pitchAmp = rng.uniform(4.f, 12.f), rollAmp = rng.uniform(2.f, 8.f);
    const float talk = rng.uniform(0.f, 1.f), smiley = rng.uniform(0.f, 1.f);
    std::array<std::array<float, 9>, 8> params{};
    std::vector<Pose> motion;
    motion.reserve(static_cast<std::size_t>(frames));
    int nextBlink = static_cast<int>(rng.uniform(0.3f, 3.f) * fps);
    const int blinkLength = std::max(3, static_cast<int>(0.2 * fps));
    for (int f = 0; f < frames; ++f) {
        const bool init = f == 0;
        Pose p;
        p.yaw = wave(rng, yawAmp, fps, f, params[0], init);
        p.pitch = wave(rng, pitchAmp, fps, f, params[1], init);
        p.roll = wave(rng, rollAmp, fps, f, params[2], init);
        p.scale = 1.f + wave(rng, 0.05f, fps, f, params[3], init);
        p.tx = wave(rng, 0.04f, fps, f, params[4], init);
        p.ty = wave(rng, 0.025f, fps, f, params[5], init);
        // Talking: a syllable rhythm under a slow envelope that switches speech on and off.
        const float envelope = std::max(0.f, wave(rng, 1.f, fps, f, params[6], init) + talk - 0.4f);
        const float syllable = std::abs(std::sin(2.f * synth::kPi * 2.7f * static_cast<float>(f / fps)));
        p.mouthOpen = std::clamp(envelope * syllable * 0.9f, 0.f, 1.f);
        p.smile = std::clamp(0.5f * smiley + wave(rng, 0.6f, fps, f, params[7], init) * smiley, 0.f, 1.f);
        if (f >= nextBlink) {
            const int k = f - nextBlink;
            p.blink = 1.f - std::abs(2.f * k / (blinkLength - 1) - 1.f);
            if (k >= blinkLength - 1) {
                nextBlink = f + static_cast<int>(rng.uniform(1.5f, 5.f) * fps);
            }
        }
        motion.push_back(p);
    }
    return motion;
}

Person withAttribute(Person target, AttributeCategory category, const Person& donor)
{
    switch (category) {
    case AttributeCategory::Hair: target.attributes.hair = donor.attributes.hair; break;
    case AttributeCategory::Eyeglasses: target.attributes.eyeglasses = donor.attributes.eyeglasses; break;
    case AttributeCategory::Hat: target.attributes.hat = donor.attributes.hat; break;
    case AttributeCategory::Beard: target.attributes.beard = donor.attributes.beard; break;
    }
    return target;
}

Person withAttributes(Person target, const std::vector<std::pair<AttributeCategory, Person>>& donors)
{
    for (const auto& [category, donor] : donors) {
        target = withAttribute(std::move(target), category, donor);
    }
    return target;
}

bool wears(const Attributes& a, AttributeCategory category)
{
    switch (category) {
    case AttributeCategory::Hair: return a.hair.style != HairStyle::Bald;
    case AttributeCategory::Eyeglasses: return a.eyeglasses.style != GlassesStyle::None;
    case AttributeCategory::Hat: return a.hat.style != HatStyle::None;
    case AttributeCategory::Beard: return a.beard.style != BeardStyle::None;
    }
    return false;
}

Person randomPersonWearing(std::uint64_t seed, AttributeCategory category)
{
    Person person = randomPerson(seed);
    synth::Random donors(seed, "donor");
    for (int k = 0; !wears(person.attributes, category) && k < 16; ++k) {
        const Person donor = randomPerson(donors.next());
        if (wears(donor.attributes, category)) {
            person = withAttribute(person, category, donor);
        }
    }
    if (!wears(person.attributes, category)) {
        person.attributes = expandedAttributes(person.attributes, category); // a typical one
    }
    return person;
}

Attributes expandedAttributes(const Attributes& attributes, AttributeCategory category)
{
    Attributes a = attributes;
    switch (category) {
    case AttributeCategory::Hair: {
        Hair& h = a.hair;
        // Longer and fuller: short styles grow into long hair (which also shows under a hat); a bun grows.
        const bool bunShows = h.style == HairStyle::Bun && a.hat.style == HatStyle::None;
        if (h.style == HairStyle::Bald || h.style == HairStyle::Short || (h.style == HairStyle::Bun && !bunShows)) {
            h.style = HairStyle::Long;
            h.length = std::max(h.length, 0.8f);
        }
        h.volume = std::min(0.45f, std::max(h.volume, 0.1f) * 1.4f + 0.04f);
        h.length += 0.5f;
        h.hairline -= 0.25f;
        break;
    }
    case AttributeCategory::Eyeglasses: {
        Eyeglasses& g = a.eyeglasses;
        if (g.style == GlassesStyle::None) {
            g.style = GlassesStyle::Rectangular;
            g.roundness = 4.f;
        }
        g.lensWidth = std::min(0.3f, std::max(g.lensWidth, 0.15f) * 1.2f);
        g.lensHeight = std::min(0.25f, std::max(g.lensHeight, 0.11f) * 1.3f);
        g.frameThickness = std::min(0.08f, g.frameThickness * 1.6f + 0.005f);
        break;
    }
    case AttributeCategory::Hat: {
        Hat& h = a.hat;
        if (h.style == HatStyle::None) {
            h.style = HatStyle::Brimmed;
            h.brim = 1.2f;
        }
        h.size = std::min(1.5f, h.size * 1.12f);
        h.brim = std::min(2.f, h.brim * 1.3f);
        h.crownHeight = std::min(1.2f, h.crownHeight * 1.3f + 0.1f);
        break;
    }
    case AttributeCategory::Beard: {
        Beard& b = a.beard;
        if (b.style == BeardStyle::None || b.style == BeardStyle::Stubble || b.style == BeardStyle::Goatee) {
            b.style = BeardStyle::Full;
        } else if (b.style == BeardStyle::Moustache) {
            b.style = BeardStyle::Goatee;
        }
        b.fullness = std::min(1.5f, b.fullness + 0.4f);
        break;
    }
    }
    return a;
}

} // namespace durian

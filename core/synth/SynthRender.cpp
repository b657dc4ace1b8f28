#include "core/synth/SynthRender.h"

#include "core/synth/detail/Canvas.h"
#include "core/synth/detail/Scene.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>

namespace durian {

using namespace synth;

namespace {

void requireFinite(std::initializer_list<float> values, const char* what)
{
    for (const float v : values) {
        if (!std::isfinite(v)) {
            throw Error(std::string("Synthetic portrait: ") + what + " has a value that is not a finite number");
        }
    }
}

void requireRange(float v, float lo, float hi, const char* what)
{
    if (!(v >= lo && v <= hi)) {
        throw Error(std::string("Synthetic portrait: ") + what + " is " + std::to_string(v) + ", expected " + std::to_string(lo)
            + " to " + std::to_string(hi));
    }
}

// Soft light over the head, hair and beard: the normal of a smooth ellipsoid round the head, seen
// through each pixel, lit from the identity's light side.
void shadeHead(SynthFrame& frame, const Scene& scene)
{
    const Identity& id = scene.id;
    const Projector& pr = scene.projector;
    const V3 centre = pr.toCamera({0.f, 0.12f, 0.f});
    const float rx = id.headWidth * 1.15f, ry = 1.32f, rz = id.headDepth * 1.12f;
    const Mat3& r = pr.rotation();
    float q[3][3]; // Q = R diag(1/r^2) R^T: the ellipsoid x^T Q x = 1 in camera axes
    const float d[3] = {1.f / (rx * rx), 1.f / (ry * ry), 1.f / (rz * rz)};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            q[i][j] = r.m[i][0] * d[0] * r.m[j][0] + r.m[i][1] * d[1] * r.m[j][1] + r.m[i][2] * d[2] * r.m[j][2];
        }
    }
    const float unit = pr.unit();
    const V2 origin = pr.originPixels();
    const float reach = 1.6f * unit;
    const int x0 = std::max(0, static_cast<int>(origin.x + centre.x * unit - reach));
    const int x1 = std::min(frame.rgb.width, static_cast<int>(origin.x + centre.x * unit + reach) + 1);
    const int y0 = std::max(0, static_cast<int>(origin.y + centre.y * unit - reach));
    const int y1 = std::min(frame.rgb.height, static_cast<int>(origin.y + centre.y * unit + reach) + 1);
    const std::uint8_t* masks[] = {frame.mask(SynthMask::Skin).pixels.data(), frame.mask(SynthMask::Features).pixels.data(),
        frame.mask(SynthMask::Beard).pixels.data(), frame.mask(SynthMask::Hair).pixels.data()};
    const V3 light = scene.light;
    for (int y = y0; y < y1; ++y) {
        std::uint8_t* row = frame.rgb.row(y);
        const float Y = (y - origin.y) / unit - centre.y;
        for (int x = x0; x < x1; ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * frame.rgb.width + x;
            const int weight = masks[0][i] + masks[1][i] + masks[2][i] + masks[3][i];
            if (weight == 0) {
                continue;
            }
            const float X = (x - origin.x) / unit - centre.x;
            const float b = q[0][2] * X + q[1][2] * Y;
            const float c = q[0][0] * X * X + 2.f * q[0][1] * X * Y + q[1][1] * Y * Y - 1.f;
            const float disc = std::max(0.f, b * b - q[2][2] * c);
            const float Z = (-b + std::sqrt(disc)) / q[2][2];
            const V3 n = normalized({q[0][0] * X + q[0][1] * Y + q[0][2] * Z, q[1][0] * X + q[1][1] * Y + q[1][2] * Z,
                q[2][0] * X + q[2][1] * Y + q[2][2] * Z});
            const float shade = 0.74f + 0.34f * std::max(0.f, dot(n, light));
            const float f = 1.f + (shade - 1.f) * std::min(255, weight) * (1.f / 255.f);
            for (int k = 0; k < 3; ++k) {
                row[3 * x + k] = static_cast<std::uint8_t>(std::min(255.f, row[3 * x + k] * f + 0.5f));
            }
        }
    }
}

} // namespace

void validateSynthOptions(const SynthRenderOptions& o)
{
    if (o.width < 16 || o.height < 16 || o.width > 4096 || o.height > 4096) {
        throw Error("Synthetic portrait size " + std::to_string(o.width) + "x" + std::to_string(o.height)
            + " is out of range: width and height must be 16 to 4096 pixels");
    }
    if (o.supersample < 1 || o.supersample > 4) {
        throw Error("Synthetic portrait supersampling " + std::to_string(o.supersample) + " is out of range: use 1 to 4");
    }
}

void validatePose(const Pose& p)
{
    requireFinite({p.yaw, p.pitch, p.roll, p.scale, p.tx, p.ty, p.mouthOpen, p.blink, p.smile}, "pose");
    requireRange(p.yaw, -90.f, 90.f, "pose yaw (degrees)");
    requireRange(p.pitch, -60.f, 60.f, "pose pitch (degrees)");
    requireRange(p.roll, -90.f, 90.f, "pose roll (degrees)");
    requireRange(p.scale, 0.2f, 5.f, "pose scale");
    requireRange(p.tx, -2.f, 2.f, "pose translation x");
    requireRange(p.ty, -2.f, 2.f, "pose translation y");
}

void validatePerson(const Person& person)
{
    const Identity& i = person.identity;
    requireFinite({i.headWidth, i.headDepth, i.jawWidth, i.jawSquareness, i.chinY, i.headSize, i.eyeY, i.eyeSpacing, i.eyeWidth,
                      i.eyeOpenness, i.eyeTilt, i.irisSize, i.browGap, i.browThickness, i.browArch, i.noseY, i.noseWidth,
                      i.noseProjection, i.mouthY, i.mouthWidth, i.upperLip, i.lowerLip, i.earSize, i.neckWidth, i.shoulderWidth,
                      i.lightSide},
        "identity");
    requireRange(i.headSize, 0.3f, 3.f, "identity head size");
    requireRange(i.headWidth, 0.5f, 1.0f, "identity head width");
    requireRange(i.headDepth, 0.6f, 1.1f, "identity head depth");
    requireRange(i.eyeWidth, 0.05f, 0.25f, "identity eye width");
    requireRange(i.eyeSpacing, 0.15f, 0.45f, "identity eye spacing");
    requireRange(i.mouthWidth, 0.08f, 0.4f, "identity mouth width");
    requireRange(i.chinY, 0.8f, 1.5f, "identity chin");
    const Attributes& a = person.attributes;
    requireFinite({a.hair.volume, a.hair.length, a.hair.hairline, a.hair.part, a.hair.curl, a.eyeglasses.lensWidth,
                      a.eyeglasses.lensHeight, a.eyeglasses.roundness, a.eyeglasses.frameThickness, a.eyeglasses.tintOpacity,
                      a.hat.size, a.hat.brim, a.hat.crownHeight, a.hat.tilt, a.beard.fullness, a.beard.density},
        "attributes");
}

SynthFrame renderSynthFrame(const Person& person, const Pose& pose, const SynthRenderOptions& options)
{
    validateSynthOptions(options);
    validatePerson(person);
    validatePose(pose);
    Canvas canvas(options.width, options.height, options.supersample);
    const Identity& id = person.identity;
    Scene scene{id, person.attributes, pose, Projector(pose, id.headSize, options.width, options.height), FaceModel(id, pose), canvas,
        normalized({std::clamp(id.lightSide, -1.f, 1.f) * 0.6f, -0.55f, 0.75f})};
    drawBackground(scene);
    drawHairBehind(scene);
    drawBody(scene);
    drawHead(scene);
    drawEyes(scene);
    drawBrowsAndNose(scene);
    drawBeard(scene, false);
    drawMouth(scene);
    drawBeard(scene, true);
    drawHairFront(scene);
    drawEyeglasses(scene);
    drawHat(scene);
    SynthFrame frame;
    canvas.resolve(frame);
    shadeHead(frame, scene);
    for (int i = 0; i < kSynthKeypointCount; ++i) {
        const V2 p = scene.project(scene.face.keypoint3d(i));
        frame.keypoints[static_cast<std::size_t>(i)] = {p.x, p.y};
    }
    return frame;
}

std::vector<SynthFrame> renderSynthSequence(const Person& person, const std::vector<Pose>& motion, const SynthRenderOptions& options)
{
    std::vector<SynthFrame> frames;
    frames.reserve(motion.size());
    for (const Pose& pose : motion) {
        frames.push_back(renderSynthFrame(person, pose, options));
    }
    return frames;
}

std::string toString(SynthMask mask)
{
    switch (mask) {
    case SynthMask::Background: return "background";
    case SynthMask::Clothes: return "clothes";
    case SynthMask::Neck: return "neck";
    case SynthMask::Skin: return "skin";
    case SynthMask::Features: return "features";
    case SynthMask::Beard: return "beard";
    case SynthMask::Hair: return "hair";
    case SynthMask::Eyeglasses: return "eyeglasses";
    case SynthMask::Hat: return "hat";
    }
    return "unknown";
}

SynthMask synthMaskOf(AttributeCategory category)
{
    switch (category) {
    case AttributeCategory::Hair: return SynthMask::Hair;
    case AttributeCategory::Eyeglasses: return SynthMask::Eyeglasses;
    case AttributeCategory::Hat: return SynthMask::Hat;
    case AttributeCategory::Beard: return SynthMask::Beard;
    }
    return SynthMask::Hair;
}

} // namespace durian

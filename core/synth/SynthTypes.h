#pragma once

#include "core/io/Image.h"
#include "core/io/Project.h" // AttributeCategory

#include <array>
#include <cstdint>
#include <string>

namespace durian {

// The procedural portrait world: plain parameter structs. Lengths are in "head units": the cranium's
// half-height is 1, x points to the image's right, y down, z towards the viewer. Colours are linear 0..1 RGB.

struct SynthColor {
    float r = 0.f, g = 0.f, b = 0.f;
};

enum class ClothingStyle { Crew, VNeck, Collar };

struct Identity {
    // Head
    float headWidth = 0.76f;     // cranium half-width
    float headDepth = 0.86f;     // cranium half-depth
    float jawWidth = 0.88f;      // jaw half-width relative to the cheeks: 0.75 narrow .. 1 wide
    float jawSquareness = 2.4f;  // superellipse exponent of the jaw: 2 round/pointed, 4 square
    float chinY = 1.12f;         // chin below the head centre
    float headSize = 1.0f;       // overall size in the frame
    SynthColor skin{0.87f, 0.68f, 0.56f};
    // Eyes
    float eyeY = 0.06f;          // eye line below the head centre
    float eyeSpacing = 0.29f;    // half distance between the eye centres
    float eyeWidth = 0.135f;     // half-width of an eye
    float eyeOpenness = 0.42f;   // height / width
    float eyeTilt = 0.05f;       // outer corners up (+) or down (-)
    float irisSize = 0.55f;      // iris radius / eye half-width
    SynthColor iris{0.35f, 0.24f, 0.14f};
    // Brows
    float browGap = 0.13f;       // brow above the eye centre
    float browThickness = 0.045f;
    float browArch = 0.04f;
    SynthColor brow{0.25f, 0.17f, 0.11f};
    // Nose
    float noseY = 0.46f;         // nostril line below the head centre
    float noseWidth = 0.12f;
    float noseProjection = 0.16f;
    // Mouth
    float mouthY = 0.70f;
    float mouthWidth = 0.22f;    // half-width
    float upperLip = 0.045f;
    float lowerLip = 0.06f;
    SynthColor lips{0.75f, 0.42f, 0.40f};
    // Ears, neck, body, scene
    float earSize = 1.0f;
    float neckWidth = 0.4f;
    float shoulderWidth = 2.1f;
    ClothingStyle clothing = ClothingStyle::Crew;
    SynthColor clothes{0.2f, 0.35f, 0.6f};
    SynthColor clothesAccent{0.9f, 0.9f, 0.9f};
    SynthColor backgroundTop{0.7f, 0.78f, 0.85f};
    SynthColor backgroundBottom{0.45f, 0.52f, 0.62f};
    float lightSide = -0.5f;     // x of the light direction: -1 light from the left, +1 from the right
};

enum class HairStyle { Bald, Short, Long, Curly, Bangs, Bun };
enum class GlassesStyle { None, Round, Rectangular, Thick, Thin, Sunglasses };
enum class HatStyle { None, Beanie, Cap, Brimmed, Beret };
enum class BeardStyle { None, Stubble, Moustache, Goatee, Full };

struct Hair {
    HairStyle style = HairStyle::Short;
    SynthColor color{0.25f, 0.16f, 0.09f};
    float volume = 0.12f;     // thickness of the hair shell over the skull
    float length = 1.0f;      // long hair: how far below the chin it falls; bangs: fringe length
    float hairline = 0.0f;    // raises (+) or lowers (-) the front hairline
    float part = 0.2f;        // parting position, -1..1
    float curl = 0.5f;        // curl size for curly hair
    std::uint32_t texture = 1; // seed of the strand texture
};

struct Eyeglasses {
    GlassesStyle style = GlassesStyle::None;
    float lensWidth = 0.16f;  // half-width of a lens
    float lensHeight = 0.11f; // half-height
    float roundness = 3.0f;   // superellipse exponent: 2 round, 6 rectangular
    float frameThickness = 0.02f;
    SynthColor frame{0.1f, 0.1f, 0.1f};
    SynthColor tint{0.7f, 0.8f, 0.9f};
    float tintOpacity = 0.1f;
};

struct Hat {
    HatStyle style = HatStyle::None;
    SynthColor color{0.6f, 0.15f, 0.15f};
    SynthColor accent{0.9f, 0.9f, 0.9f};
    float size = 1.0f;        // scale over the head
    float brim = 1.0f;        // brim / visor size
    float crownHeight = 0.5f; // brimmed hats: crown height above the band
    float tilt = 0.0f;        // beret: sideways tilt, -1..1
};

struct Beard {
    BeardStyle style = BeardStyle::None;
    SynthColor color{0.22f, 0.14f, 0.08f};
    float fullness = 0.5f;    // 0..1: how far it extends below the jaw
    float density = 0.8f;     // stubble opacity, strand density
    std::uint32_t texture = 1;
};

struct Attributes {
    Hair hair;
    Eyeglasses eyeglasses;
    Hat hat;
    Beard beard;
};

struct Person {
    Identity identity;
    Attributes attributes;
};

// One frame of motion. Angles in degrees; translation as a fraction of the image's shorter side.
struct Pose {
    float yaw = 0.f;   // + turns the face to the image's right
    float pitch = 0.f; // + looks down
    float roll = 0.f;  // + tilts clockwise
    float scale = 1.f;
    float tx = 0.f;
    float ty = 0.f;
    float mouthOpen = 0.f; // 0..1
    float blink = 0.f;     // 0 open .. 1 closed
    float smile = 0.f;     // 0..1
};

// Masks of a frame: the final (occluded) coverage of each region. They sum to 255 at every pixel up to
// rounding. Skin is the face and ears; Features are eyes, brows, lips and mouth.
enum class SynthMask { Background, Clothes, Neck, Skin, Features, Beard, Hair, Eyeglasses, Hat };
inline constexpr int kSynthMaskCount = 9;
std::string toString(SynthMask mask);
SynthMask synthMaskOf(AttributeCategory category);

struct SynthPoint {
    float x = 0.f, y = 0.f; // pixel coordinates, pixel centres at integers (OpenCV's convention)
};

inline constexpr int kSynthKeypointCount = 68;

struct SynthFrame {
    Image rgb;                                   // RGB
    std::array<Image, kSynthMaskCount> masks;    // 1 channel each, index by SynthMask
    std::array<SynthPoint, kSynthKeypointCount> keypoints; // dlib's 68-point layout
    const Image& mask(SynthMask which) const { return masks[static_cast<int>(which)]; }
};

struct SynthRenderOptions {
    int width = 256;
    int height = 256;
    int supersample = 2; // anti-aliasing: render at this multiple and average down (1..4)
};

} // namespace durian

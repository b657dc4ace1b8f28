#pragma once

// Internal to core/synth: everything a layer needs to draw one frame, and the layers themselves.

#include "core/synth/SynthTypes.h"
#include "core/synth/detail/Canvas.h"
#include "core/synth/detail/FaceModel.h"
#include "core/synth/detail/Geometry.h"

#include <functional>
#include <vector>

namespace durian::synth {

inline constexpr int label(SynthMask m) { return static_cast<int>(m); }

struct Scene {
    const Identity& id;
    const Attributes& attributes;
    const Pose& pose;
    Projector projector;
    FaceModel face;
    Canvas& canvas;
    V3 light; // unit direction towards the light, camera frame

    V2 project(V3 p) const { return projector.project(p); }
    V2 projectFace(V2 p, float lift = 0.f) const { return projector.project(face.onFace(p, lift)); }
    std::vector<V2> projectFace(const std::vector<V2>& pts, float lift = 0.f) const;
    std::vector<V2> project(const std::vector<V3>& pts) const;
    float px(float headUnits) const { return headUnits * projector.unit(); }
    // How much a head-frame normal faces the camera (+1 towards, -1 away).
    float facing(V3 normal) const { return projector.rotate(normalized(normal)).z; }
    // Lambert-like brightness factor for a head-frame normal, around 1.
    float shade(V3 normal) const;
    // Pixel scale of a length of 1 head unit in the output image (for line widths).
    float unit() const { return projector.unit(); }
};

// A band on an ellipsoidal shell, above a boundary line: the cap of hair or of a hat. boundary(phi) gives
// the latitude (radians, -pi/2 = top) down to which the shell is covered at longitude phi (0 = front).
// Returns the visible outline (front-facing boundary + limb), in output pixels; empty if not visible.
std::vector<V2> shellCapOutline(const Scene& scene, V3 centre, V3 radii, const std::function<float(float)>& boundary);
// A point on the shell at longitude phi and latitude theta.
V3 shellPoint(V3 centre, V3 radii, float phi, float theta);

// Layers, in the order the renderer paints them (each knows its own occlusion rules).
void drawBackground(Scene& s);
void drawBody(Scene& s);
void drawHead(Scene& s); // ears, skin and the face's shading details
void drawEyes(Scene& s);
void drawBrowsAndNose(Scene& s);
void drawMouth(Scene& s);
void drawBeard(Scene& s, bool moustachePass);
void drawHairBehind(Scene& s);
void drawHairFront(Scene& s);
void drawEyeglasses(Scene& s);
void drawHat(Scene& s);
// The hat's band line (latitude per longitude), for hair that must stay under the hat. False if no hat.
bool hatBand(const Scene& s, float& bandY);

} // namespace durian::synth

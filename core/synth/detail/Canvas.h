#pragma once

// Internal to core/synth: the supersampled drawing surface. Every opaque shape is painted twice, in
// colour (anti-aliased) and into a label map (one SynthMask per sample), back to front, so the masks
// are exactly the final coverage of each region after occlusion.

#include "core/synth/SynthTypes.h"
#include "core/synth/detail/Geometry.h"

#include <opencv2/core.hpp>

#include <vector>

namespace durian::synth {

inline constexpr int kKeepLabel = -1; // draw colour only, leave the label map as it is

class Canvas {
public:
    Canvas(int width, int height, int supersample);

    int width() const { return width_; }
    int height() const { return height_; }
    int supersample() const { return ss_; }

    void verticalGradient(SynthColor top, SynthColor bottom);

    // Shapes in output pixel coordinates. label is a SynthMask value or kKeepLabel.
    void fill(const std::vector<V2>& polygon, SynthColor color, int label);
    void fillMany(const std::vector<std::vector<V2>>& polygons, SynthColor color, int label);
    void line(const std::vector<V2>& polyline, bool closed, SynthColor color, float thickness, int label);
    void disc(V2 centre, float radius, SynthColor color, int label);
    void ellipse(V2 centre, V2 axes, float angleDeg, SynthColor color, int label);
    // Marks a region in the label map only (translucent things that still belong to a category).
    void labelFill(const std::vector<V2>& polygon, int label);
    // Translucent fill (colour only): lenses, blush, shadows.
    void blend(const std::vector<V2>& polygon, SynthColor color, float alpha);
    // A translucent ellipse with blurred edges (colour only).
    void softEllipse(V2 centre, V2 axes, float angleDeg, SynthColor color, float alpha, float blur);
    // Draws `polygon` in colour only inside the region of `clip` (both in output pixels).
    void fillClipped(const std::vector<V2>& polygon, const std::vector<V2>& clip, SynthColor color, float alpha = 1.f);
    void discClipped(V2 centre, float radius, const std::vector<V2>& clip, SynthColor color);

    // Averages down to the output size: RGB and one mask per label.
    void resolve(SynthFrame& frame) const;

private:
    std::vector<cv::Point> toFixed(const std::vector<V2>& polygon) const;
    cv::Point toFixed(V2 p) const;
    cv::Rect boundsOf(const std::vector<cv::Point>& fixed, int margin) const;

    int width_, height_, ss_;
    cv::Mat rgb_;    // CV_8UC3 at ss_ x the output size, RGB order
    cv::Mat labels_; // CV_8UC1, SynthMask values
};

} // namespace durian::synth

#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace durian {

// The attribute kinds of the Durian paper.
enum class AttributeCategory { Hair, Eyeglasses, Hat, Beard };

std::string toString(AttributeCategory category);
// Parses "hair", "eyeglasses", "hat", "beard"; std::nullopt for anything else.
std::optional<AttributeCategory> parseAttributeCategory(const std::string& text);

// One attribute reference: a photo, the mask of the attribute in it (empty: computed automatically),
// how strongly it is applied (0 = absent, 1 = full), and whether it is applied at all: a switched-off
// reference keeps its settings but renders as if absent. ("enabled" is optional in the file, default
// true, so version-1 files from before it read unchanged.)
struct AttributeReference {
    AttributeCategory category = AttributeCategory::Hair;
    std::filesystem::path image;
    std::filesystem::path mask;
    double strength = 1.0;
    bool enabled = true;
    // Which face of the photo wears the attribute, in FaceAnalyzer's order (0: the one it chooses), as
    // Project::portraitFace ("face", optional in the file, default 0).
    int face = 0;
    bool operator==(const AttributeReference&) const = default;
};

struct MotionSettings {
    std::string preset = "nod";        // a built-in motion, used when drivingVideo is empty
    std::filesystem::path drivingVideo; // keypoints are taken from this video's face when set
    int frames = 48;
    double fps = 24.0;
    bool operator==(const MotionSettings&) const = default;
};

// Classifier-free guidance of new projects and of the editor's preview. 1 is none: the shipped model (a prior it
// refines, one step) scores 0.1-0.4 dB better without guidance on every seed of the benchmark, and at 2.5 it draws
// a pale glow around the pasted hair; it also costs half the compute. (The earlier model without a prior was
// better at 2.5.)
inline constexpr double kDefaultGuidance = 1.0;
// The render settings' ranges: the file format's, and the only ones any reader or control uses.
inline constexpr int kMinRenderSteps = 1, kMaxRenderSteps = 1000;
inline constexpr double kMinGuidance = 0.0, kMaxGuidance = 30.0;

struct RenderSettings {
    int resolution = 256;
    int steps = 20;
    double guidance = kDefaultGuidance;
    std::uint64_t seed = 1;
    bool operator==(const RenderSettings&) const = default;
};

// Two references of one category blended: the result is (1-alpha)*with `slot` + alpha*with `with`, in
// the same denoising pass. Indices into Project::attributes; `with` is used only as the blend's B.
// ("interpolation" is optional in the file, so version-1 files from before it read unchanged.)
struct AttributeInterpolation {
    int slot = 0;
    int with = 1;
    double alpha = 0.5;
    bool operator==(const AttributeInterpolation&) const = default;
};

// Throws durian::Error ("interpolation.<field>: ...") when the pairing does not fit the attributes:
// an index out of range, a reference paired with itself, two categories, alpha outside [0,1].
void validateInterpolation(const AttributeInterpolation& interpolation, const std::vector<AttributeReference>& attributes);

// A Durian Studio project (.durian, JSON). Paths are stored relative to the project file and held
// here as absolute paths once loaded.
struct Project {
    std::string name = "Untitled";
    std::filesystem::path portraitImage;
    std::filesystem::path portraitMask;
    // Which face of the portrait photo is animated, in FaceAnalyzer's order (0: the one it chooses);
    // set when the user picks one of several faces ("face", optional in the file).
    int portraitFace = 0;
    std::vector<AttributeReference> attributes;
    std::optional<AttributeInterpolation> interpolation;
    MotionSettings motion;
    RenderSettings render;
    bool operator==(const Project&) const = default;
};

inline constexpr int kProjectFormatVersion = 1;

// Reads a project. Throws durian::Error with the file name and the exact field at fault when the
// file is missing, not JSON, from a newer version, or has a field of the wrong type or range.
Project loadProject(const std::filesystem::path& path);
// The same from the file's text; `path` names it in errors and anchors its relative paths.
Project parseProject(const std::string& text, const std::filesystem::path& path);

// Writes a project atomically: a failed save never damages the file already there.
void saveProject(const Project& project, const std::filesystem::path& path);

// Problems that make a project unrenderable although it parsed (missing images, ...), one message each.
std::vector<std::string> findProjectProblems(const Project& project);

} // namespace durian

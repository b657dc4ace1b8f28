#include "core/io/Project.h"

#include "core/io/AtomicFile.h"
#include "core/util/Error.h"
#include "core/util/JsonSettings.h"

#include <nlohmann/json.hpp>

#include <array>

namespace durian {
namespace {

using nlohmann::json;

constexpr std::array kCategoryNames{"hair", "eyeglasses", "hat", "beard"};

// Reads fields of one JSON object with error messages that name the field's full path.
class FieldReader {
public:
    FieldReader(const json& object, std::string where)
        : object_(object)
        , where_(std::move(where))
    {
        if (!object_.is_object()) {
            fail(where_, "expected an object");
        }
    }

    template <typename T>
    T get(const char* key, T fallback, bool required = false) const
    {
        const auto it = object_.find(key);
        if (it == object_.end()) {
            if (required) {
                fail(path(key), "missing");
            }
            return fallback;
        }
        try {
            return jsonsettings::strictValue<T>(*it);
        } catch (const json::exception&) {
            fail(path(key), "has the wrong type");
        }
    }

    const json* child(const char* key) const
    {
        const auto it = object_.find(key);
        return it == object_.end() ? nullptr : &*it;
    }

    std::string path(const std::string& key) const { return where_.empty() ? key : where_ + "." + key; }

    [[noreturn]] static void fail(const std::string& field, const std::string& problem)
    {
        throw Error(field + ": " + problem);
    }

private:
    const json& object_;
    std::string where_;
};

std::filesystem::path resolve(const std::filesystem::path& base, const std::string& stored)
{
    if (stored.empty()) {
        return {};
    }
    const std::filesystem::path path(stored);
    return path.is_absolute() ? path : (base / path).lexically_normal();
}

std::string relativeTo(const std::filesystem::path& base, const std::filesystem::path& path)
{
    if (path.empty()) {
        return {};
    }
    return path.lexically_relative(base).generic_string();
}

void requireRange(const FieldReader& reader, const char* key, double value, double low, double high)
{
    if (!(value >= low && value <= high)) {
        FieldReader::fail(reader.path(key), "must be between " + std::to_string(low) + " and " + std::to_string(high));
    }
}

Project parse(const json& root, const std::filesystem::path& base)
{
    const FieldReader top(root, "");
    if (top.get<std::string>("format", "") != "durian-project") {
        FieldReader::fail("format", "not a Durian Studio project");
    }
    const int version = top.get<int>("version", 0, true);
    if (version > kProjectFormatVersion) {
        FieldReader::fail("version", "the project was written by a newer Durian Studio (format " + std::to_string(version)
                + "); this one reads format " + std::to_string(kProjectFormatVersion));
    }

    Project project;
    project.name = top.get<std::string>("name", project.name);

    if (const json* portrait = top.child("portrait")) {
        const FieldReader reader(*portrait, "portrait");
        project.portraitImage = resolve(base, reader.get<std::string>("image", ""));
        project.portraitMask = resolve(base, reader.get<std::string>("mask", ""));
        project.portraitFace = reader.get<int>("face", 0);
        requireRange(reader, "face", project.portraitFace, 0, 1000);
    }

    if (const json* attributes = top.child("attributes")) {
        if (!attributes->is_array()) {
            FieldReader::fail("attributes", "expected a list");
        }
        for (std::size_t i = 0; i < attributes->size(); ++i) {
            const FieldReader reader((*attributes)[i], "attributes[" + std::to_string(i) + "]");
            AttributeReference attribute;
            const auto category = reader.get<std::string>("category", "", true);
            const auto parsed = parseAttributeCategory(category);
            if (!parsed) {
                FieldReader::fail(reader.path("category"),
                    "unknown category '" + category + "' (expected hair, eyeglasses, hat or beard)");
            }
            attribute.category = *parsed;
            attribute.image = resolve(base, reader.get<std::string>("image", "", true));
            attribute.mask = resolve(base, reader.get<std::string>("mask", ""));
            attribute.strength = reader.get<double>("strength", 1.0);
            requireRange(reader, "strength", attribute.strength, 0.0, 1.0);
            attribute.enabled = reader.get<bool>("enabled", true);
            attribute.face = reader.get<int>("face", 0);
            requireRange(reader, "face", attribute.face, 0, 1000);
            project.attributes.push_back(std::move(attribute));
        }
    }

    if (const json* interpolation = top.child("interpolation")) {
        const FieldReader reader(*interpolation, "interpolation");
        AttributeInterpolation pairing;
        pairing.slot = reader.get<int>("slot", 0, true);
        pairing.with = reader.get<int>("with", 0, true);
        pairing.alpha = reader.get<double>("alpha", 0.5);
        validateInterpolation(pairing, project.attributes);
        project.interpolation = pairing;
    }

    if (const json* motion = top.child("motion")) {
        const FieldReader reader(*motion, "motion");
        project.motion.preset = reader.get<std::string>("preset", project.motion.preset);
        project.motion.drivingVideo = resolve(base, reader.get<std::string>("drivingVideo", ""));
        project.motion.frames = reader.get<int>("frames", project.motion.frames);
        project.motion.fps = reader.get<double>("fps", project.motion.fps);
        requireRange(reader, "frames", project.motion.frames, 1, 100000);
        requireRange(reader, "fps", project.motion.fps, 1, 240);
    }

    if (const json* render = top.child("render")) {
        const FieldReader reader(*render, "render");
        project.render.resolution = reader.get<int>("resolution", project.render.resolution);
        project.render.steps = reader.get<int>("steps", project.render.steps);
        project.render.guidance = reader.get<double>("guidance", project.render.guidance);
        project.render.seed = reader.get<std::uint64_t>("seed", project.render.seed);
        requireRange(reader, "resolution", project.render.resolution, 64, 2048);
        if (project.render.resolution % 32 != 0) { // the models' size granularity (VAE factor x UNet downsampling)
            FieldReader::fail(reader.path("resolution"), "must be a multiple of 32");
        }
        requireRange(reader, "steps", project.render.steps, kMinRenderSteps, kMaxRenderSteps);
        requireRange(reader, "guidance", project.render.guidance, kMinGuidance, kMaxGuidance);
    }
    return project;
}

} // namespace

void validateInterpolation(const AttributeInterpolation& interpolation, const std::vector<AttributeReference>& attributes)
{
    const int count = static_cast<int>(attributes.size());
    const auto checkIndex = [count](const char* field, int index) {
        if (index < 0 || index >= count) {
            FieldReader::fail(std::string("interpolation.") + field,
                "refers to attribute " + std::to_string(index + 1) + " but the project has " + std::to_string(count));
        }
    };
    checkIndex("slot", interpolation.slot);
    checkIndex("with", interpolation.with);
    if (interpolation.slot == interpolation.with) {
        FieldReader::fail("interpolation.with", "a reference cannot be paired with itself");
    }
    const auto a = attributes[static_cast<std::size_t>(interpolation.slot)].category;
    const auto b = attributes[static_cast<std::size_t>(interpolation.with)].category;
    if (a != b) {
        FieldReader::fail("interpolation.with",
            "pairs references of two categories (" + toString(a) + " and " + toString(b)
                + "); only references of one category can be interpolated");
    }
    if (!(interpolation.alpha >= 0.0 && interpolation.alpha <= 1.0)) {
        FieldReader::fail("interpolation.alpha", "must be between 0 and 1");
    }
}

std::string toString(AttributeCategory category)
{
    return kCategoryNames.at(static_cast<std::size_t>(category));
}

std::optional<AttributeCategory> parseAttributeCategory(const std::string& text)
{
    for (std::size_t i = 0; i < kCategoryNames.size(); ++i) {
        if (text == kCategoryNames[i]) {
            return static_cast<AttributeCategory>(i);
        }
    }
    return std::nullopt;
}

Project loadProject(const std::filesystem::path& path) { return parseProject(readFile(path), path); }

Project parseProject(const std::string& text, const std::filesystem::path& path)
{
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        throw Error("Cannot open project " + path.string() + ": not valid JSON (damaged at byte "
            + std::to_string(e.byte) + ")");
    } catch (const json::exception& e) { // a number too large for any type (found by fuzz/FuzzProject.cpp)
        throw Error("Cannot open project " + path.string() + ": not valid JSON (" + e.what() + ")");
    }
    try {
        return parse(root, std::filesystem::absolute(path).parent_path());
    } catch (const Error& e) {
        throw Error("Cannot open project " + path.string() + ": " + e.what());
    }
}

void saveProject(const Project& project, const std::filesystem::path& path)
{
    const auto base = std::filesystem::absolute(path).parent_path();
    json attributes = json::array();
    for (const auto& attribute : project.attributes) {
        attributes.push_back({
            {"category", toString(attribute.category)},
            {"image", relativeTo(base, attribute.image)},
            {"mask", relativeTo(base, attribute.mask)},
            {"strength", attribute.strength},
            {"enabled", attribute.enabled},
            {"face", attribute.face},
        });
    }
    json root = {
        {"format", "durian-project"},
        {"version", kProjectFormatVersion},
        {"name", project.name},
        {"portrait", {{"image", relativeTo(base, project.portraitImage)}, {"mask", relativeTo(base, project.portraitMask)},
                         {"face", project.portraitFace}}},
        {"attributes", attributes},
        {"motion",
            {{"preset", project.motion.preset}, {"drivingVideo", relativeTo(base, project.motion.drivingVideo)},
                {"frames", project.motion.frames}, {"fps", project.motion.fps}}},
        {"render",
            {{"resolution", project.render.resolution}, {"steps", project.render.steps},
                {"guidance", project.render.guidance}, {"seed", project.render.seed}}},
    };
    if (project.interpolation) {
        const auto& pairing = *project.interpolation;
        root["interpolation"] = {{"slot", pairing.slot}, {"with", pairing.with}, {"alpha", pairing.alpha}};
    }
    writeFileAtomically(path, root.dump(2) + "\n");
}

std::vector<std::string> findProjectProblems(const Project& project)
{
    std::vector<std::string> problems;
    const auto requireFile = [&](const std::filesystem::path& path, const std::string& what) {
        std::error_code error;
        if (!path.empty() && !std::filesystem::is_regular_file(path, error)) {
            problems.push_back(what + " not found: " + path.string());
        }
    };
    if (project.portraitImage.empty()) {
        problems.push_back("No portrait image is set");
    }
    requireFile(project.portraitImage, "Portrait image");
    requireFile(project.portraitMask, "Portrait mask");
    for (std::size_t i = 0; i < project.attributes.size(); ++i) {
        const auto& attribute = project.attributes[i];
        const std::string label = "Attribute " + std::to_string(i + 1) + " (" + toString(attribute.category) + ")";
        requireFile(attribute.image, label + " image");
        requireFile(attribute.mask, label + " mask");
    }
    requireFile(project.motion.drivingVideo, "Driving video");
    return problems;
}

} // namespace durian

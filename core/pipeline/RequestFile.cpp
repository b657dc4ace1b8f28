#include "core/pipeline/RequestFile.h"

#include "core/face/KeypointTrack.h"

#include "core/io/AtomicFile.h"
#include "core/util/JsonSettings.h"

#include <nlohmann/json.hpp>

#include <set>

namespace durian {

namespace {

using nlohmann::json;

class Reader {
public:
    Reader(std::filesystem::path file) : file_(std::move(file)), dir_(file_.parent_path()) {}

    [[noreturn]] void fail(const std::string& field, const std::string& what) const
    {
        throw Error(file_.string() + ": '" + field + "' " + what);
    }

    void allowOnly(const json& object, const std::string& where, const std::set<std::string>& keys) const
    {
        if (!object.is_object()) {
            fail(where, "must be an object");
        }
        for (const auto& item : object.items()) {
            if (!keys.count(item.key())) {
                fail(where.empty() ? item.key() : where + "." + item.key(), "is not a known request field");
            }
        }
    }

    template <typename T>
    T get(const json& object, const std::string& key, const std::string& where, T fallback) const
    {
        const auto it = object.find(key);
        if (it == object.end()) {
            return fallback;
        }
        try {
            return jsonsettings::strictValue<T>(*it);
        } catch (const json::exception&) {
            fail(where.empty() ? key : where + "." + key, "has the wrong type (" + it->dump() + ")");
        }
    }

    std::filesystem::path path(const std::string& text) const
    {
        const std::filesystem::path p(text);
        return p.is_absolute() ? p : dir_ / p;
    }

    Image image(const json& object, const std::string& key, const std::string& where, bool required) const
    {
        const auto name = get<std::string>(object, key, where, "");
        if (name.empty()) {
            if (required) {
                fail(where.empty() ? key : where + "." + key, "is missing");
            }
            return {};
        }
        return loadImageRgb(path(name)); // names the image file on failure
    }

private:
    std::filesystem::path file_, dir_;
};

} // namespace

RequestFile loadRequestFile(const std::filesystem::path& file) { return parseRequestFile(readFile(file), file); }

RequestFile parseRequestFile(const std::string& text, const std::filesystem::path& file)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {
        throw Error(file.string() + ": not valid JSON (" + e.what() + ")");
    }
    const Reader r(file);
    r.allowOnly(j, "", {"model", "weights", "portrait", "portrait_mask", "attributes", "interpolation", "keypoints",
                           "motion", "frames", "steps", "guidance", "seed", "resolution", "sampler"});
    RequestFile out;
    auto& q = out.request;
    out.model = r.get<std::string>(j, "model", "", "default");
    const auto weights = r.get<std::string>(j, "weights", "", "");
    if (!weights.empty()) {
        out.weights = r.path(weights);
    }
    q.portrait = r.image(j, "portrait", "", true);
    q.portraitMask = r.image(j, "portrait_mask", "", false);
    if (j.contains("attributes")) {
        if (!j["attributes"].is_array()) {
            r.fail("attributes", "must be a list");
        }
        int index = 0;
        for (const auto& a : j["attributes"]) {
            const std::string where = "attributes[" + std::to_string(index++) + "]";
            r.allowOnly(a, where, {"category", "image", "mask", "strength"});
            AttributeInput input;
            const auto category = r.get<std::string>(a, "category", where, "hair");
            const auto parsed = parseAttributeCategory(category);
            if (!parsed) {
                r.fail(where + ".category", "is '" + category + "'; expected hair, eyeglasses, hat or beard");
            }
            input.category = *parsed;
            input.image = r.image(a, "image", where, true);
            input.mask = r.image(a, "mask", where, false);
            input.strength = r.get<double>(a, "strength", where, 1.0);
            q.attributes.push_back(std::move(input));
        }
    }
    if (j.contains("interpolation") && !j["interpolation"].is_null()) {
        const auto& in = j["interpolation"];
        r.allowOnly(in, "interpolation", {"slot", "image", "mask", "alpha"});
        InterpolationInput input;
        input.slot = r.get<int>(in, "slot", "interpolation", 0);
        input.image = r.image(in, "image", "interpolation", true);
        input.mask = r.image(in, "mask", "interpolation", false);
        input.alpha = r.get<double>(in, "alpha", "interpolation", 0.0);
        q.interpolation = std::move(input);
    }
    for (const auto& name : r.get<std::vector<std::string>>(j, "keypoints", "", {})) {
        q.keypoints.push_back(loadImageRgb(r.path(name)));
    }
    const auto motion = r.get<std::string>(j, "motion", "", "");
    if (!motion.empty()) {
        q.motion = loadKeypointTrack(r.path(motion)).frames; // the landmarks, in the portrait's pixels
    }
    const auto motionFrames = !q.keypoints.empty() ? q.keypoints.size() : q.motion.size();
    q.frames = r.get<int>(j, "frames", "", motionFrames == 0 ? 1 : static_cast<int>(motionFrames));
    q.steps = r.get<int>(j, "steps", "", q.steps);
    q.guidance = r.get<double>(j, "guidance", "", q.guidance);
    q.seed = r.get<std::uint64_t>(j, "seed", "", q.seed);
    q.resolution = r.get<int>(j, "resolution", "", 0);
    const auto sampler = r.get<std::string>(j, "sampler", "", "ddim");
    const auto parsed = parseSamplerType(sampler);
    if (!parsed) {
        r.fail("sampler", "is '" + sampler + "'; expected ddim or dpmpp2m");
    }
    q.sampler = *parsed;
    return out;
}

} // namespace durian

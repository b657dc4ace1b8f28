#pragma once

// Strict readers for JSON settings files (model and training configurations). Private to core's .cpp
// files: nlohmann_json is a private dependency of durian_core, so never include this from a public header.

#include "core/util/Error.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace durian::jsonsettings {

using nlohmann::json;

// The JSON object in `text`. `kind` completes "must be ..." (for example "a model configuration").
inline json parseObject(const std::string& text, const std::string& origin, const std::string& kind)
{
    json object;
    try {
        object = json::parse(text);
    } catch (const json::exception& e) {
        throw Error(origin + ": not valid JSON (" + e.what() + ")");
    }
    if (!object.is_object()) {
        throw Error(origin + ": " + kind + " must be a JSON object");
    }
    return object;
}

// Rejects keys not in `known`, so a misspelt setting is an error instead of being ignored.
// `setting` names the kind in the message, for example "model setting".
inline void rejectUnknown(
    const json& object, const std::set<std::string>& known, const std::string& origin, const std::string& setting)
{
    for (const auto& item : object.items()) {
        if (!known.count(item.key())) {
            throw Error(origin + ": unknown " + setting + " '" + item.key() + "'");
        }
    }
}

// Sets `target` from object[key] when the key is present; a value of the wrong type is an error.
template <typename T>
void take(const json& object, const char* key, T& target, const std::string& origin, const std::string& setting)
{
    const auto it = object.find(key);
    if (it == object.end()) {
        return;
    }
    try {
        target = it->get<T>();
    } catch (const json::exception&) {
        throw Error(origin + ": " + setting + " '" + key + "' has the wrong type (" + it->dump() + ")");
    }
}

} // namespace durian::jsonsettings

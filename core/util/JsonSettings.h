#pragma once

// Strict readers for JSON settings files (model and training configurations). Private to core's .cpp
// files: nlohmann_json is a private dependency of durian_core, so never include this from a public header.

#include "core/util/Error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <type_traits>

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

// value as a T, strictly: an integer setting must be a whole JSON number within T's range (nlohmann would
// turn 4.7 into 4, 4294967300 into 4 and -1 into 2^64-1), a number must be finite. Throws json's type_error.
template <typename T>
T strictValue(const json& value)
{
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        if (value.is_number_unsigned()) {
            const auto v = value.get<std::uint64_t>();
            if (v <= static_cast<std::uint64_t>(std::numeric_limits<T>::max())) {
                return static_cast<T>(v);
            }
        } else if (value.is_number_integer()) {
            const auto v = value.get<std::int64_t>();
            if (std::is_signed_v<T> ? (v >= static_cast<std::int64_t>(std::numeric_limits<T>::min())
                                          && v <= static_cast<std::int64_t>(std::numeric_limits<T>::max()))
                                    : (v >= 0 && static_cast<std::uint64_t>(v) <= std::numeric_limits<T>::max())) {
                return static_cast<T>(v);
            }
        }
        throw json::type_error::create(302, "not a whole number in range", &value);
    } else if constexpr (std::is_floating_point_v<T>) {
        // Finite, and within T's range: a double beyond float's maximum does not convert.
        if (!value.is_number() || !std::isfinite(value.get<double>())
            || std::abs(value.get<double>()) > static_cast<double>(std::numeric_limits<T>::max())) {
            throw json::type_error::create(302, "not a finite number", &value);
        }
        return static_cast<T>(value.get<double>());
    } else {
        return value.get<T>();
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
        target = strictValue<T>(*it);
    } catch (const json::exception&) {
        throw Error(origin + ": " + setting + " '" + key + "' has the wrong type (" + it->dump() + ")");
    }
}

} // namespace durian::jsonsettings

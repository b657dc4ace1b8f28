#pragma once

#include "core/synth/SynthTypes.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace durian {

// A random person: identity and attributes drawn from independent streams of the seed, so a seed's
// hair does not change when, say, the glasses' distribution does. Same seed, same person, everywhere.
Person randomPerson(std::uint64_t seed);

// Smooth random motion: head pose as sums of sinusoids, talking mouth, blinks every few seconds, smiles.
std::vector<Pose> randomMotion(std::uint64_t seed, int frames, double fps = 25.0);

// Person `target` wearing category `category` of `donor` (identity, pose and other attributes stay).
Person withAttribute(Person target, AttributeCategory category, const Person& donor);
// Several categories from several donors, applied in order.
Person withAttributes(Person target, const std::vector<std::pair<AttributeCategory, Person>>& donors);

// Whether the attributes include one of `category` (hair that is not bald, glasses, a hat, a beard).
bool wears(const Attributes& attributes, AttributeCategory category);
// A random person who wears `category`: randomPerson(seed), given a donor's attribute when theirs is absent.
Person randomPersonWearing(std::uint64_t seed, AttributeCategory category);

// A larger, plausible version of one attribute, for the trainer's mask expansion: fuller or longer hair,
// bigger glasses, a bigger hat, a fuller beard. An absent attribute becomes a generous typical one.
Attributes expandedAttributes(const Attributes& attributes, AttributeCategory category);

} // namespace durian

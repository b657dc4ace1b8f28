#pragma once

#include "core/face/Alignment.h"
#include "core/io/Image.h"

namespace durian {

// The result lives in the photo: every generated crop goes back into the full-resolution photo through the
// inverse of its alignment, as LivePortrait and FaceFusion paste back. `region` (1 channel, crop size) says
// where in the crop its pixels replace the photo's, blended by its value; everywhere else the output is the
// photo's own pixels, byte for byte.
class PhotoComposite {
public:
    PhotoComposite(Image photo, const Similarity& toAligned, int cropSize);

    // An animation moves the head over the photo's own body and background: the whole crop, its edges
    // feathered so that no crop edge shows.
    Image cropFootprint() const;

    Image paste(const Image& crop, const Image& region) const;

    int width() const { return photo_.width; }
    int height() const { return photo_.height; }

private:
    Image photo_;
    Similarity toPhoto_;
    int cropSize_;
};

} // namespace durian

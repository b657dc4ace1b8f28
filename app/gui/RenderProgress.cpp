#include "app/gui/RenderProgress.h"

#include <cmath>

QString RenderProgress::timeLeftText(double seconds)
{
    if (seconds < 0) {
        return {};
    }
    if (seconds < 60) {
        return tr("about %n second(s) left", "", static_cast<int>(std::ceil(seconds)));
    }
    return tr("about %n minute(s) left", "", static_cast<int>(std::ceil(seconds / 60)));
}

RenderProgress::Report RenderProgress::update(const std::string& stage, int done, int total)
{
    if (stage == "analysing") {
        return {0.0, tr("Finding the faces…")};
    }
    if (stage != "generating" && stage != "rendering") {
        return {1.0, tr("Writing the video…")};
    }
    if (done <= 1 || stage != clockStage_) {
        clock_.start(); // the rate is measured from the first frame or step on
        clockStage_ = stage;
    }
    const double left = done > 1 ? clock_.elapsed() / 1000.0 / (done - 1) * (total - done) : -1.0;
    const QString eta = timeLeftText(left);
    const double fraction = total > 0 ? static_cast<double>(done) / total : 0.0;
    if (stage == "generating") { // the model: sampler steps over the whole clip
        return {fraction, eta.isEmpty() ? tr("Generating the frames: step %1 of %2").arg(done).arg(total)
                                        : tr("Generating the frames: step %1 of %2, %3").arg(done).arg(total).arg(eta)};
    }
    return {fraction, eta.isEmpty() ? tr("Rendering frame %1 of %2").arg(done).arg(total)
                                    : tr("Rendering frame %1 of %2, %3").arg(done).arg(total).arg(eta)};
}

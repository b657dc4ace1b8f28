#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>

#include <string>

// Turns core's render progress (stage, done, total: see durian::ProjectRenderCallbacks) into the
// fraction and the status line shown while a clip renders or exports, with the time left from the rate
// since the first frame or sampler step. Used by the in-app render and by the export alike.
class RenderProgress {
    Q_DECLARE_TR_FUNCTIONS(RenderProgress)

public:
    struct Report {
        double fraction = 0.0;
        QString message;
    };
    Report update(const std::string& stage, int done, int total);

    // "about 12 seconds left"; empty for a negative (unknown) time.
    static QString timeLeftText(double seconds);

private:
    QElapsedTimer clock_;
    std::string clockStage_;
};

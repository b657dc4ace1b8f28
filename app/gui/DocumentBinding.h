#pragma once

#include "app/gui/ProjectDocument.h"

#include <QPointer>

// Points a controller's `current` document at `next`: every connection from the old document to the
// controller is dropped, and the document's projectChanged is connected to `onProjectChanged` (when
// given). Returns false, doing nothing, when `next` is already the document.
template <typename Controller>
bool rebindDocument(QPointer<ProjectDocument>& current, ProjectDocument* next, Controller* controller,
    void (Controller::*onProjectChanged)() = nullptr)
{
    if (next == current) {
        return false;
    }
    if (current) {
        QObject::disconnect(current, nullptr, controller, nullptr);
    }
    current = next;
    if (current && onProjectChanged) {
        QObject::connect(current, &ProjectDocument::projectChanged, controller, onProjectChanged);
    }
    return true;
}

#pragma once

#include "core/io/Project.h"

#include <QUndoCommand>

#include <functional>

// An undoable edit of the project's settings, stored as the state before and after. Projects hold
// paths and numbers only (image data lives in files), so a snapshot is small. Successive edits with
// the same mergeId (for example typing a name) collapse into one undo step.
class ProjectEditCommand : public QUndoCommand {
public:
    using Apply = std::function<void(const durian::Project&)>;

    // Commands merge only when mergeId and mergeGeneration are both equal: the document starts a new
    // generation when a gesture ends (slider released), so the next drag is its own undo step.
    ProjectEditCommand(const QString& text, durian::Project before, durian::Project after, Apply apply,
        int mergeId = -1, int mergeGeneration = 0);

    void undo() override;
    void redo() override;
    int id() const override { return mergeId_; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    durian::Project before_;
    durian::Project after_;
    Apply apply_;
    int mergeId_;
    int mergeGeneration_;
};

#include "app/gui/ProjectCommands.h"

ProjectEditCommand::ProjectEditCommand(
    const QString& text, durian::Project before, durian::Project after, Apply apply, int mergeId,
    int mergeGeneration)
    : QUndoCommand(text)
    , before_(std::move(before))
    , after_(std::move(after))
    , apply_(std::move(apply))
    , mergeId_(mergeId)
    , mergeGeneration_(mergeGeneration)
{
}

void ProjectEditCommand::undo()
{
    apply_(before_);
}

void ProjectEditCommand::redo()
{
    apply_(after_);
}

bool ProjectEditCommand::mergeWith(const QUndoCommand* other)
{
    const auto* edit = static_cast<const ProjectEditCommand*>(other);
    if (edit->mergeGeneration_ != mergeGeneration_) {
        return false;
    }
    after_ = edit->after_;
    return true;
}

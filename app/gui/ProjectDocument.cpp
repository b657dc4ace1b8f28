#include "app/gui/ProjectDocument.h"

#include "app/gui/ProjectCommands.h"
#include "core/io/ProjectAssets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <exception>

// The document's life: its file (new, open, save), undo, autosave and recovery. Its edits are in
// ProjectDocumentEdits.cpp.

namespace {
constexpr int kRenameMerge = 1;

QString baseNameOf(const QUrl& file)
{
    return QFileInfo(file.toLocalFile()).completeBaseName();
}

QString comparablePath(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}
} // namespace

ProjectDocument::ProjectDocument(QObject* parent)
    : QObject(parent)
{
    connect(&undoStack_, &QUndoStack::cleanChanged, this, &ProjectDocument::modifiedChanged);
    connect(&undoStack_, &QUndoStack::indexChanged, this, &ProjectDocument::undoStateChanged);
    connect(&undoStack_, &QUndoStack::canUndoChanged, this, &ProjectDocument::undoStateChanged);
    connect(&undoStack_, &QUndoStack::canRedoChanged, this, &ProjectDocument::undoStateChanged);
    connect(&undoStack_, &QUndoStack::indexChanged, this, &ProjectDocument::onUndoIndexChanged);
    connect(&autosave_, &ProjectAutosave::failed, this, &ProjectDocument::setErrorString);
}

ProjectDocument::~ProjectDocument()
{
    pruneMaskVersions();
    // A clean close: the user saved or chose to discard, so the autosave has done its job. An
    // autosave with unsaved edits stays only when the process dies before getting here.
    if (!modified()) {
        autosave_.remove();
    }
    // What was made for an untitled project stays only with its autosave (then it is recoverable).
    if (!untitled() || !QFileInfo::exists(autosave_.path())) {
        ProjectAutosave::removeUntitledFiles();
    }
}

void ProjectDocument::noteMaskVersionWritten(const QString& path)
{
    maskVersions_.insert(comparablePath(path));
}

void ProjectDocument::pruneMaskVersions()
{
    if (maskVersions_.isEmpty()) {
        return;
    }
    QSet<QString> used;
    const auto use = [&](const durian::Project& p) {
        used.insert(comparablePath(QString::fromStdString(p.portraitMask.string())));
        for (const auto& a : p.attributes) {
            used.insert(comparablePath(QString::fromStdString(a.mask.string())));
        }
    };
    use(project_); // what an autosave not yet written would hold
    QStringList files(projectFiles_.begin(), projectFiles_.end());
    files << autosave_.path();
    for (const QString& file : std::as_const(files)) {
        if (!QFileInfo::exists(file)) {
            continue;
        }
        try {
            use(durian::loadProject(file.toStdString()));
        } catch (const std::exception&) {
            return; // a project that cannot be read might need any of them: keep them all
        }
    }
    for (const QString& version : std::as_const(maskVersions_)) {
        if (!used.contains(version)) {
            QFile::remove(version);
        }
    }
    maskVersions_.clear();
}

void ProjectDocument::onUndoIndexChanged()
{
    // Every change of the undo stack (edit, undo, redo) reaches the autosave once the edits pause.
    if (modified()) {
        autosave_.schedule([this] { return project_; });
    } else {
        autosave_.remove();
    }
}

void ProjectDocument::finishGesture()
{
    ++mergeGeneration_;
    autosave_.flush();
}

void ProjectDocument::undo()
{
    finishGesture();
    undoStack_.undo();
}

void ProjectDocument::redo()
{
    finishGesture();
    undoStack_.redo();
}

void ProjectDocument::recoverAutosave()
{
    if (!recoveryAvailable()) {
        return;
    }
    const QString file = recoveryFile_;
    try {
        auto recovered = durian::loadProject(file.toStdString());
        setRecoveryFile({});
        if (file != autosave_.path()) {
            QFile::remove(file); // an untitled project of a process that is gone: now this one's
        }
        edit(tr("Recover Unsaved Changes"), [&](durian::Project& p) { p = std::move(recovered); });
    } catch (const std::exception& e) {
        setErrorString(tr("The unsaved changes could not be recovered: %1").arg(QString::fromUtf8(e.what())));
        discardAutosave();
    }
}

void ProjectDocument::discardAutosave()
{
    ProjectAutosave::discard(recoveryFile_);
    setRecoveryFile({});
}

void ProjectDocument::discardChanges()
{
    autosave_.remove();
}

void ProjectDocument::setRecoveryFile(const QString& file)
{
    if (file != recoveryFile_) {
        recoveryFile_ = file;
        Q_EMIT recoveryAvailableChanged();
    }
}

QString ProjectDocument::workFolder() const
{
    return untitled() ? autosave_.untitledFolder() : QFileInfo(fileUrl_.toLocalFile()).absolutePath();
}

void ProjectDocument::setName(const QString& name)
{
    if (name == this->name()) {
        return;
    }
    edit(tr("Rename Project"), [&](durian::Project& p) { p.name = name.toStdString(); }, kRenameMerge);
}

QString ProjectDocument::filePath() const
{
    return untitled() ? QString() : QDir::toNativeSeparators(fileUrl_.toLocalFile());
}

QUrl ProjectDocument::folderUrl() const
{
    return QUrl::fromLocalFile(untitled() ? QDir::homePath() : QFileInfo(fileUrl_.toLocalFile()).absolutePath());
}

void ProjectDocument::replaceProject(durian::Project project, const QUrl& file, const QString& status)
{
    // Cleared before the new file is set: a stack with edits that is cleared writes the autosave of the
    // old file, not over the one recovery of the new file needs.
    undoStack_.clear();
    pruneMaskVersions();
    autosave_.setProjectFile(file);
    loaded_ = true;
    originName_ = file.isEmpty() ? QString() : baseNameOf(file);
    fileUrl_ = file;
    setErrorString({});
    setStatus(status);
    Q_EMIT fileUrlChanged();
    applySnapshot(project);
    Q_EMIT projectReplaced();
}

void ProjectDocument::newProject()
{
    replaceProject(durian::Project(), {}, tr("New project"));
    setRecoveryFile(ProjectAutosave::orphanedUntitled());
}

bool ProjectDocument::open(const QUrl& url)
{
    try {
        auto project = durian::loadProject(url.toLocalFile().toStdString());
        replaceProject(std::move(project), url, tr("Opened %1").arg(QDir::toNativeSeparators(url.toLocalFile())));
        projectFiles_.insert(comparablePath(url.toLocalFile()));
    } catch (const std::exception& e) {
        setErrorString(QString::fromUtf8(e.what()));
        return false;
    }
    setRecoveryFile(autosave_.newerThanFile() ? autosave_.path() : QString());
    return true;
}

bool ProjectDocument::openAsNew(const QUrl& url)
{
    try {
        auto project = durian::loadProject(url.toLocalFile().toStdString());
        replaceProject(std::move(project), {}, tr("New project from %1").arg(url.fileName()));
    } catch (const std::exception& e) {
        setErrorString(QString::fromUtf8(e.what()));
        return false;
    }
    originName_ = baseNameOf(url); // the demo's "Demo" is its file's name, not one the user gave
    setRecoveryFile(ProjectAutosave::orphanedUntitled());
    return true;
}

bool ProjectDocument::save()
{
    return saveAs(fileUrl_);
}

bool ProjectDocument::saveAs(const QUrl& url)
{
    if (!url.isLocalFile()) {
        setErrorString(tr("Choose a local file to save the project to."));
        return false;
    }
    const std::filesystem::path file = url.toLocalFile().toStdString();
    durian::Project project = project_;
    // A name the user gave is kept; the default, or the name of the file it came from, follows the file.
    const QString name = this->name();
    if (url != fileUrl_ && (name == QString::fromStdString(durian::Project().name) || name.compare(originName_, Qt::CaseInsensitive) == 0)) {
        project.name = baseNameOf(url).toStdString();
    }
    try {
        // The files it uses are gathered beside it first, so the project's folder holds everything.
        durian::saveProject(durian::collectProjectAssets(project, file), file);
        // Paths are stored relative to the file: reload so the project reflects what was written.
        project = durian::loadProject(file);
    } catch (const std::exception& e) {
        setErrorString(QString::fromUtf8(e.what()));
        return false;
    }
    projectFiles_.insert(comparablePath(url.toLocalFile()));
    autosave_.remove();
    if (fileUrl_ != url) {
        fileUrl_ = url;
        originName_ = baseNameOf(url);
        autosave_.setProjectFile(url);
        Q_EMIT fileUrlChanged();
    }
    undoStack_.setClean();
    setRecoveryFile({});
    setErrorString({});
    setStatus(tr("Saved %1").arg(QDir::toNativeSeparators(url.toLocalFile())));
    applySnapshot(project);
    return true;
}

void ProjectDocument::edit(const QString& text, const std::function<void(durian::Project&)>& change, int mergeId)
{
    durian::Project after = project_;
    change(after);
    if (after == project_) {
        return;
    }
    undoStack_.push(new ProjectEditCommand(
        text, project_, std::move(after), [this](const durian::Project& p) { applySnapshot(p); }, mergeId,
        mergeGeneration_));
}

void ProjectDocument::applySnapshot(const durian::Project& project)
{
    project_ = project;
    problems_.clear();
    if (loaded_) {
        for (const auto& problem : durian::findProjectProblems(project_)) {
            problems_.append(QString::fromStdString(problem));
        }
    }
    syncAttributeModel();
    Q_EMIT projectChanged();
}

void ProjectDocument::setErrorString(const QString& error)
{
    if (error != errorString_) {
        errorString_ = error;
        Q_EMIT errorStringChanged();
    }
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(error);
    }
}

void ProjectDocument::setStatus(const QString& status)
{
    if (status != status_) {
        status_ = status;
        Q_EMIT statusChanged();
    }
}

#pragma once

#include "app/gui/AttributeListModel.h"
#include "app/gui/ProjectAutosave.h"
#include "core/io/Project.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QUndoStack>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

// The open project: its settings, its file, and the undo stack its edits go through. QML binds to
// the properties and calls the invokables; views never change the project directly. Jobs that work on
// the project (rendering, masks, faces) belong to the controllers; the document only records results.
class ProjectDocument : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loaded READ loaded NOTIFY projectChanged)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY projectChanged)
    Q_PROPERTY(QUrl fileUrl READ fileUrl NOTIFY fileUrlChanged)
    Q_PROPERTY(bool untitled READ untitled NOTIFY fileUrlChanged)     // no file yet: Save asks for one
    Q_PROPERTY(QString filePath READ filePath NOTIFY fileUrlChanged)  // for display; empty when untitled
    Q_PROPERTY(QUrl folderUrl READ folderUrl NOTIFY fileUrlChanged)   // the file's folder, else home
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)       // "Saved …", "Opened …", "New project"
    Q_PROPERTY(QUrl portraitUrl READ portraitUrl NOTIFY projectChanged)
    // The attribute references, a row each (the cards, the mask and pair pickers bind to it).
    Q_PROPERTY(AttributeListModel* attributeModel READ attributeModel CONSTANT)
    Q_PROPERTY(QString motionSummary READ motionSummary NOTIFY projectChanged)
    Q_PROPERTY(QStringList problems READ problems NOTIFY projectChanged)
    Q_PROPERTY(bool modified READ modified NOTIFY modifiedChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoStateChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoStateChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoStateChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoStateChanged)
    Q_PROPERTY(bool recoveryAvailable READ recoveryAvailable NOTIFY recoveryAvailableChanged)
    // {paired: bool, slot, with, alpha}: the interpolation pair of two references of one category.
    Q_PROPERTY(QVariantMap interpolation READ interpolation NOTIFY projectChanged)
    Q_PROPERTY(QUrl portraitMaskUrl READ portraitMaskUrl NOTIFY projectChanged)
    Q_PROPERTY(int portraitFace READ portraitFace NOTIFY projectChanged)
    // Motion: a preset, or a driving video when drivingVideoUrl is set; clip length and rate.
    Q_PROPERTY(QStringList motionPresets READ motionPresets CONSTANT)
    Q_PROPERTY(QStringList motionPresetLabels READ motionPresetLabels CONSTANT) // as shown, index for index
    // The attribute categories, "hair" ... and "Hair" ..., index for index (AttributeCategories.h).
    Q_PROPERTY(QStringList categoryKeys READ categoryKeys CONSTANT)
    Q_PROPERTY(QStringList categoryLabels READ categoryLabels CONSTANT)
    Q_PROPERTY(QString motionPreset READ motionPreset NOTIFY projectChanged)
    Q_PROPERTY(QUrl drivingVideoUrl READ drivingVideoUrl NOTIFY projectChanged)
    Q_PROPERTY(int motionFrames READ motionFrames NOTIFY projectChanged)
    Q_PROPERTY(double motionFps READ motionFps NOTIFY projectChanged)
    // How the model renders this project (saved with it, so the CLI renders the same): sampler steps of the
    // export (previews take at most durian::kPreviewSteps of them) and guidance; {minSteps, maxSteps,
    // minGuidance, maxGuidance, previewSteps} from core.
    Q_PROPERTY(int renderSteps READ renderSteps NOTIFY projectChanged)
    Q_PROPERTY(double renderGuidance READ renderGuidance NOTIFY projectChanged)
    Q_PROPERTY(QVariantMap renderRanges READ renderRanges CONSTANT)

public:
    explicit ProjectDocument(QObject* parent = nullptr);
    ~ProjectDocument() override;

    bool loaded() const { return loaded_; }
    QString name() const { return QString::fromStdString(project_.name); }
    void setName(const QString& name);
    QUrl fileUrl() const { return fileUrl_; }
    bool untitled() const { return fileUrl_.isEmpty(); }
    QString filePath() const;
    QUrl folderUrl() const;
    QString status() const { return status_; }
    QUrl portraitUrl() const;
    AttributeListModel* attributeModel() { return &attributeModel_; }
    const AttributeListModel* attributeModel() const { return &attributeModel_; }
    QString motionSummary() const;
    QStringList problems() const { return problems_; }
    bool modified() const { return !undoStack_.isClean(); }
    QString errorString() const { return errorString_; }
    bool canUndo() const { return undoStack_.canUndo(); }
    bool canRedo() const { return undoStack_.canRedo(); }
    QString undoText() const { return undoStack_.undoText(); }
    QString redoText() const { return undoStack_.redoText(); }

    // An empty, untitled project (File ▸ New). Its first save asks for a file.
    Q_INVOKABLE void newProject();
    // Each returns false and sets errorString on failure; the open project is then unchanged.
    Q_INVOKABLE bool open(const QUrl& url);
    // A project as the start of a new, untitled one (the bundled demo): nothing is ever written to `url`.
    Q_INVOKABLE bool openAsNew(const QUrl& url);
    Q_INVOKABLE bool save();
    // The project is named after its new file unless the user has renamed it.
    Q_INVOKABLE bool saveAs(const QUrl& url);
    Q_INVOKABLE void removeAttribute(int index);
    // Attribute editing, each one undoable step. category: "hair", "eyeglasses", "hat", "beard".
    // mask empty: the mask is computed automatically when rendering (or by AutoMaskController).
    // Returns false and sets errorString when the category is unknown or the image is not a readable file.
    // face: which face of the photo wears the attribute (ReferenceController asks when there are several).
    Q_INVOKABLE bool addAttribute(const QString& category, const QUrl& image, const QUrl& mask = QUrl(), int face = 0);
    // Another face of the reference's photo; an automatic mask of the old face is dropped with it.
    Q_INVOKABLE void setAttributeFace(int index, int face);
    Q_INVOKABLE void moveAttribute(int from, int to);
    Q_INVOKABLE void setAttributeEnabled(int index, bool enabled);
    Q_INVOKABLE void setAttributeCategory(int index, const QString& category);
    // Consecutive calls for one attribute merge into one undo step until finishGesture() (slider release).
    Q_INVOKABLE void setAttributeStrength(int index, double strength);
    // A gesture ended: the next change is a new undo step, and the autosave is written now.
    Q_INVOKABLE void finishGesture();
    // Crash safety (ProjectAutosave): when a project is opened and a newer autosave of it exists, or an
    // untitled project of a process that crashed is found at New, recoveryAvailable is true.
    bool recoveryAvailable() const { return !recoveryFile_.isEmpty(); }
    Q_INVOKABLE void recoverAutosave();
    Q_INVOKABLE void discardAutosave();
    // The user chose not to keep the unsaved edits (closing, or opening another project): their
    // autosave goes, so they are not offered for recovery later.
    Q_INVOKABLE void discardChanges();
    QString autosavePath() const { return autosave_.path(); }
    static void setAutosaveDirectory(const QString& directory) { ProjectAutosave::setDirectory(directory); }
    // Where files made for the project go (masks): beside its file; the autosave area while untitled.
    QString workFolder() const;

    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();

    QVariantMap interpolation() const;
    QUrl portraitMaskUrl() const;
    int portraitFace() const { return project_.portraitFace; }
    // Pairs reference `slot` (A) with reference `with` (B, same category) for interpolation at alpha 0.5,
    // replacing any earlier pair. Returns false and sets errorString when they cannot be paired.
    Q_INVOKABLE bool pairAttributes(int slot, int with);
    Q_INVOKABLE bool canPair(int slot, int with) const;
    Q_INVOKABLE void unpairAttributes();
    // Consecutive calls merge into one undo step until finishGesture(), like the strength.
    Q_INVOKABLE void setInterpolationAlpha(double alpha);
    // A new portrait photo and which of its faces to animate (undoable; its old mask is dropped).
    // The caller (PortraitController) has found the face; this only records the choice.
    Q_INVOKABLE void setPortrait(const QUrl& image, int face);
    // The mask of the portrait (target -1) or of reference `target`, one undo step named `text`.
    Q_INVOKABLE void setMask(int target, const QUrl& mask, const QString& text);
    // An automatic mask's confidence (0..1), shown with the reference that uses that mask file.
    void setMaskConfidence(const QString& maskPath, double confidence);
    double maskConfidence(const QString& maskPath) const { return maskConfidence_.value(maskPath, -1.0); }
    // A mask version the mask editor wrote. Those no project needs (not the one open, not a file saved or
    // opened in this session, not the autosave) are deleted when the project is replaced or closed: the
    // undo stack that could bring them back goes with it. Files the editor did not write are never touched.
    void noteMaskVersionWritten(const QString& path);

    // The project as it is now (a copy), for controllers that render it.
    durian::Project project() const { return project_; }

    // Motion, each one undoable step (frames and fps merge while a spin box is held, like strength).
    static QStringList motionPresets();
    static QStringList motionPresetLabels();
    static QStringList categoryKeys();
    static QStringList categoryLabels();
    QString motionPreset() const { return QString::fromStdString(project_.motion.preset); }
    QUrl drivingVideoUrl() const;
    int motionFrames() const { return project_.motion.frames; }
    double motionFps() const { return project_.motion.fps; }
    // Choosing a preset drops the driving video. Unknown names set errorString and change nothing.
    Q_INVOKABLE bool setMotionPreset(const QString& name);
    // Sets the driving video as is (MotionController checks it has a face first); an empty url clears it.
    Q_INVOKABLE bool setDrivingVideo(const QUrl& url);
    Q_INVOKABLE void setMotionFrames(int frames); // clamped to 1..100000
    Q_INVOKABLE void setMotionFps(double fps);    // clamped to 1..240

    int renderSteps() const { return project_.render.steps; }
    double renderGuidance() const { return project_.render.guidance; }
    static QVariantMap renderRanges();
    // Each one undoable step, merged while a spin box is held; clamped to renderRanges.
    Q_INVOKABLE void setRenderSteps(int steps);
    Q_INVOKABLE void setRenderGuidance(double guidance);

Q_SIGNALS:
    void projectChanged();
    void projectReplaced(); // another project (New, Open): what was made for the last one is not its
    void fileUrlChanged();
    void statusChanged();
    void modifiedChanged();
    void errorStringChanged();
    void undoStateChanged();
    void recoveryAvailableChanged();
    void errorOccurred(const QString& message); // every failure, also one with the same message as the last

private:
    // One undoable step: `change` edits a copy of the project; nothing happens when it changed nothing.
    void edit(const QString& text, const std::function<void(durian::Project&)>& change, int mergeId = -1);
    void applySnapshot(const durian::Project& project);
    void replaceProject(durian::Project project, const QUrl& file, const QString& status);
    void setErrorString(const QString& error);
    void setStatus(const QString& status);
    void setRecoveryFile(const QString& file);
    void onUndoIndexChanged();
    void syncAttributeModel();
    void pruneMaskVersions();
    bool validIndex(int index) const { return index >= 0 && index < static_cast<int>(project_.attributes.size()); }

    durian::Project project_;
    QStringList problems_; // findProjectProblems touches the disk: computed once per change
    bool loaded_ = false;
    QString originName_; // the base name of the file the project came from (empty: none)
    QUrl fileUrl_;
    QString status_;
    QString errorString_;
    QUndoStack undoStack_;
    ProjectAutosave autosave_;
    QString recoveryFile_; // the autosave recoverAutosave() would load
    int mergeGeneration_ = 0;
    QHash<QString, double> maskConfidence_; // automatic masks computed in this session, by file
    QSet<QString> maskVersions_; // written by the mask editor in this session, not yet pruned
    QSet<QString> projectFiles_; // saved or opened in this session: their masks are kept
    AttributeListModel attributeModel_;
};

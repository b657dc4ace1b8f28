#pragma once

#include "core/io/Project.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUndoStack>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

// The open project: its settings, its file, and the undo stack its edits go through. QML binds to
// the properties and calls the invokables; views never change the project directly.
class ProjectDocument : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loaded READ loaded NOTIFY projectChanged)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY projectChanged)
    Q_PROPERTY(QUrl fileUrl READ fileUrl NOTIFY fileUrlChanged)
    Q_PROPERTY(QUrl portraitUrl READ portraitUrl NOTIFY projectChanged)
    Q_PROPERTY(QVariantList attributes READ attributes NOTIFY projectChanged)
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
    // Motion (issue 9): a preset, or a driving video when drivingVideoUrl is set; clip length and rate.
    Q_PROPERTY(QStringList motionPresets READ motionPresets CONSTANT)
    Q_PROPERTY(QString motionPreset READ motionPreset NOTIFY projectChanged)
    Q_PROPERTY(QUrl drivingVideoUrl READ drivingVideoUrl NOTIFY projectChanged)
    Q_PROPERTY(int motionFrames READ motionFrames NOTIFY projectChanged)
    Q_PROPERTY(double motionFps READ motionFps NOTIFY projectChanged)

public:
    explicit ProjectDocument(QObject* parent = nullptr);
    ~ProjectDocument() override;

    bool loaded() const { return loaded_; }
    QString name() const;
    void setName(const QString& name);
    QUrl fileUrl() const { return fileUrl_; }
    QUrl portraitUrl() const;
    QVariantList attributes() const;
    QString motionSummary() const;
    QStringList problems() const;
    bool modified() const { return !undoStack_.isClean(); }
    QString errorString() const { return errorString_; }
    bool canUndo() const { return undoStack_.canUndo(); }
    bool canRedo() const { return undoStack_.canRedo(); }
    QString undoText() const { return undoStack_.undoText(); }
    QString redoText() const { return undoStack_.redoText(); }

    // Each returns false and sets errorString on failure; the open project is then unchanged.
    Q_INVOKABLE bool open(const QUrl& url);
    Q_INVOKABLE bool save();
    Q_INVOKABLE bool saveAs(const QUrl& url);
    Q_INVOKABLE void removeAttribute(int index);
    // Attribute editing, each one undoable step. category: "hair", "eyeglasses", "hat", "beard".
    // mask empty: the mask is computed automatically when rendering (or by autoMaskAttribute).
    // Returns false and sets errorString when the category is unknown or the image is not a readable file.
    Q_INVOKABLE bool addAttribute(const QString& category, const QUrl& image, const QUrl& mask = QUrl());
    Q_INVOKABLE void moveAttribute(int from, int to);
    Q_INVOKABLE void setAttributeEnabled(int index, bool enabled);
    Q_INVOKABLE void setAttributeCategory(int index, const QString& category);
    // Consecutive calls for one attribute merge into one undo step until finishGesture() (slider release).
    Q_INVOKABLE void setAttributeStrength(int index, double strength);
    Q_INVOKABLE void finishGesture() { ++mergeGeneration_; }
    // Computes the automatic mask of the attribute's category on the worker thread, writes it as a PNG
    // beside the project (or the image when the project has no file yet) and sets it as the attribute's
    // mask (undoable). Its confidence (0..1) then shows in attributes()[index].maskConfidence.
    // Ends in maskComputed(index) or errorString.
    Q_INVOKABLE void autoMaskAttribute(int index);
    // Crash safety: every edit is also written to an autosave file, removed on save and on a clean
    // close. When a project is opened and a newer autosave of it exists, recoveryAvailable is true.
    bool recoveryAvailable() const { return recoveryAvailable_; }
    Q_INVOKABLE void recoverAutosave();
    Q_INVOKABLE void discardAutosave();
    // Where the autosave of the open project goes; the directory can be changed for tests.
    QString autosavePath() const;
    static void setAutosaveDirectory(const QString& directory);

    // Renders the project's animation to a video file on the worker thread (JobQueue), with progress
    // and cancel in the status bar. Ends in exportFinished or, on failure, errorString.
    Q_INVOKABLE void exportVideo(const QUrl& url);

    Q_INVOKABLE void undo()
    {
        finishGesture();
        undoStack_.undo();
    }
    Q_INVOKABLE void redo()
    {
        finishGesture();
        undoStack_.redo();
    }

    QVariantMap interpolation() const;
    QUrl portraitMaskUrl() const;
    int portraitFace() const { return project_.portraitFace; }
    // Pairs reference `slot` (A) with reference `with` (B, same category) for interpolation at alpha 0.5,
    // replacing any earlier pair. Returns false and sets errorString when they cannot be paired.
    Q_INVOKABLE bool pairAttributes(int slot, int with);
    Q_INVOKABLE void unpairAttributes();
    // Consecutive calls merge into one undo step until finishGesture(), like the strength.
    Q_INVOKABLE void setInterpolationAlpha(double alpha);
    // A new portrait photo and which of its faces to animate (undoable; its old mask is dropped).
    // The caller (PortraitController) has found the face; this only records the choice.
    Q_INVOKABLE void setPortrait(const QUrl& image, int face);
    // The mask of the portrait (target -1) or of reference `target`, one undo step named `text`.
    Q_INVOKABLE void setMask(int target, const QUrl& mask, const QString& text);

    // The project as it is now (a copy), for controllers that render it.
    durian::Project project() const { return project_; }

    // Motion, each one undoable step (frames and fps merge while a spin box is held, like strength).
    static QStringList motionPresets();
    QString motionPreset() const;
    QUrl drivingVideoUrl() const;
    int motionFrames() const { return project_.motion.frames; }
    double motionFps() const { return project_.motion.fps; }
    // Choosing a preset drops the driving video. Unknown names set errorString and change nothing.
    Q_INVOKABLE bool setMotionPreset(const QString& name);
    // Sets the driving video as is (MotionController checks it has a face first); an empty url clears it.
    Q_INVOKABLE bool setDrivingVideo(const QUrl& url);
    Q_INVOKABLE void setMotionFrames(int frames); // clamped to 1..100000
    Q_INVOKABLE void setMotionFps(double fps);    // clamped to 1..240

    // exportVideo with the Export dialog's settings: {"fps": 0|1..240, "quality": "high"|"medium"|"low",
    // "size": 0|pixels, "audio": bool}; missing keys keep the defaults (durian::ExportOptions).
    Q_INVOKABLE void exportVideoWith(const QUrl& url, const QVariantMap& options);
    // Whether the driving video has a sound track (the Export dialog offers audio only then).
    Q_INVOKABLE bool drivingVideoHasAudio() const;

Q_SIGNALS:
    void projectChanged();
    void fileUrlChanged();
    void modifiedChanged();
    void errorStringChanged();
    void undoStateChanged();
    void recoveryAvailableChanged();
    void exportFinished(const QUrl& file, const QString& summary);
    void errorOccurred(const QString& message); // every failure, also one with the same message as the last
    void maskComputed(int index, double confidence);

private:
    void edit(const QString& text, durian::Project after, int mergeId = -1);
    void applySnapshot(const durian::Project& project);
    void setErrorString(const QString& error);
    void writeAutosave();
    void setRecoveryAvailable(bool available);
    bool validIndex(int index) const { return index >= 0 && index < static_cast<int>(project_.attributes.size()); }

    durian::Project project_;
    bool loaded_ = false;
    QUrl fileUrl_;
    QString errorString_;
    QUndoStack undoStack_;
    bool recoveryAvailable_ = false;
    int mergeGeneration_ = 0;
    QHash<QString, double> maskConfidence_; // automatic masks computed in this session, by file
};

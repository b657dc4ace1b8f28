#pragma once

#include <QObject>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

// The settings of this computer's editor, kept between runs (QSettings: ~/.config/Durian Studio/): the preview's
// size, threads, which model, the file dialogs' folders. What decides a project's frames (steps, guidance,
// seed) belongs to the project, so a render from the CLI gives the same. Values are clamped to their range
// on the way in, so QML may bind spin boxes to them directly. Each change is written at once: a crash loses none.
class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int previewResolution READ previewResolution WRITE setPreviewResolution NOTIFY previewResolutionChanged)
    // 0: all hardware threads.
    Q_PROPERTY(int threads READ threads WRITE setThreads NOTIFY threadsChanged)
    // The model's weights: empty for the built-in default model, else a user's .safetensors file.
    Q_PROPERTY(QString modelWeights READ modelWeights WRITE setModelWeights NOTIFY modelWeightsChanged)
    // The number of sampling steps the chosen model always takes whatever a project asks (the default
    // model: 1), or 0 where the project's setting is used. Read from the file's recorded configuration.
    Q_PROPERTY(int modelFixedSteps READ modelFixedSteps NOTIFY modelWeightsChanged)
    // The classical method (warp and composite) for previews and export, even where a model is installed.
    Q_PROPERTY(bool classicalMethod READ classicalMethod WRITE setClassicalMethod NOTIFY classicalMethodChanged)
    // Where the file dialogs were last used, by kind ("projects", "portraits", "references", "videos",
    // "exports"): {kind: folder URL}. A dialog opens there, else at its default.
    Q_PROPERTY(QVariantMap lastFolders READ lastFolders NOTIFY lastFoldersChanged)

public:
    // The default model's own size: it was trained at 256 px only, and at 128 its previews are shapeless.
    static constexpr int kMinResolution = 64, kMaxResolution = 512, kDefaultResolution = 256;

    // Reads the stored values. No default argument: Qt 6.4 would construct a second instance for QML
    // instead of calling create().
    explicit AppSettings(QObject* parent);

    // The application's settings, shared by QML and the controllers.
    static AppSettings* instance();
    static AppSettings* create(QQmlEngine*, QJSEngine*);

    int previewResolution() const { return previewResolution_; }
    int threads() const { return threads_; }
    QString modelWeights() const { return modelWeights_; }
    bool classicalMethod() const { return classicalMethod_; }
    int modelFixedSteps() const;
    void setPreviewResolution(int resolution);
    void setThreads(int threads);
    void setModelWeights(const QString& path); // a file: URL or a path; "" for the built-in model
    void setClassicalMethod(bool classical);

    // Empty when `path` can be a model file (a readable, well-formed safetensors file), else why not.
    // Checks the container only; whether its tensors fit the model shows when the model loads.
    Q_INVOKABLE QString checkModelFile(const QString& path) const;

    // Back to the defaults (and stored so).
    Q_INVOKABLE void reset();

    QVariantMap lastFolders() const { return lastFolders_; }
    // The folder of `fileOrFolder` (a file's folder; a folder itself) becomes the kind's last folder.
    Q_INVOKABLE void rememberFolder(const QString& kind, const QUrl& fileOrFolder);

Q_SIGNALS:
    void previewResolutionChanged();
    void threadsChanged();
    void modelWeightsChanged();
    void classicalMethodChanged();
    void lastFoldersChanged();

private:
    int previewResolution_ = kDefaultResolution;
    int threads_ = 0;
    QString modelWeights_;
    bool classicalMethod_ = false;
    QVariantMap lastFolders_;
    // modelFixedSteps() of the file last asked about: reading it means reading the whole file.
    mutable QString fixedStepsFile_;
    mutable int fixedSteps_ = 0;
};

#pragma once

#include "app/gui/ProjectDocument.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

// The automatic mask of a reference's category, computed on the interactive lane with the shared face
// analyzer (PreviewWorker), written as a PNG into the project's work folder and set as the reference's
// mask (undoable). Its confidence (0..1) then shows in document.attributes[index].maskConfidence.
class AutoMaskController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ProjectDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit AutoMaskController(QObject* parent = nullptr);

    ProjectDocument* document() const { return document_; }
    void setDocument(ProjectDocument* document);
    bool busy() const { return pending_ > 0; }

    // Ends in maskComputed(index, confidence) or errorOccurred(message).
    Q_INVOKABLE void compute(int index);

Q_SIGNALS:
    void documentChanged();
    void busyChanged();
    void maskComputed(int index, double confidence);
    void errorOccurred(const QString& message);

private:
    QPointer<ProjectDocument> document_;
    int pending_ = 0;
};

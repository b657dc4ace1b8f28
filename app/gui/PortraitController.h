#pragma once

#include "app/gui/ProjectDocument.h"

#include <QObject>
#include <QPointer>
#include <QSize>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

// Puts a new portrait photo into the project: from a file dialog, a drop or the clipboard. The face is
// found on the worker thread first: no face leaves the project unchanged with a message; several faces
// ask the user which one (facesToChoose, then chooseFace). Also holds the landmarks of the project's
// portrait face for the "show landmarks" overlay.
class PortraitController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ProjectDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Face boxes {x, y, width, height} in photo pixels of the photo awaiting a choice, and that photo.
    Q_PROPERTY(QVariantList facesToChoose READ facesToChoose NOTIFY facesToChooseChanged)
    Q_PROPERTY(QUrl pendingUrl READ pendingUrl NOTIFY facesToChooseChanged)
    // The 68 landmarks (QPointF, photo pixels) of the project's portrait face, and that photo's size.
    Q_PROPERTY(QVariantList landmarks READ landmarks NOTIFY landmarksChanged)
    Q_PROPERTY(QSize photoSize READ photoSize NOTIFY landmarksChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorOccurred)

public:
    explicit PortraitController(QObject* parent = nullptr);

    ProjectDocument* document() const { return document_; }
    void setDocument(ProjectDocument* document);
    bool busy() const { return busy_; }
    QVariantList facesToChoose() const { return faces_; }
    QUrl pendingUrl() const { return pendingUrl_; }
    QVariantList landmarks() const { return landmarks_; }
    QSize photoSize() const { return photoSize_; }
    QString errorString() const { return errorString_; }

    // A local image file (file dialog, drop). Ends in portraitChanged, choiceNeeded or errorOccurred.
    Q_INVOKABLE void openImage(const QUrl& url);
    // Ctrl+V: an image on the clipboard (saved as a PNG beside the project) or a file URL.
    Q_INVOKABLE bool paste();
    Q_INVOKABLE void chooseFace(int index);
    Q_INVOKABLE void cancelChoice();

Q_SIGNALS:
    void documentChanged();
    void busyChanged();
    void facesToChooseChanged();
    void landmarksChanged();
    void choiceNeeded(int count);
    void portraitChanged();
    void errorOccurred(const QString& message);

private:
    void setBusy(bool busy);
    void fail(const QString& message);
    void refreshLandmarks();

    QPointer<ProjectDocument> document_;
    bool busy_ = false;
    QVariantList faces_;
    QUrl pendingUrl_;
    QVariantList landmarks_;
    QSize photoSize_;
    QString landmarksKey_; // photo and face the landmarks belong to
    QString errorString_;
};

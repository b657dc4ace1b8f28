#pragma once

#include "app/gui/AutoMaskController.h"
#include "app/gui/ProjectDocument.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

// Puts attribute references into the project and says which face of their photo wears the attribute.
// The faces are found on the worker thread first: a photo without a face is refused with a message (the
// project stays as it was); several faces ask the user which one (facesToChoose, then chooseFace), as
// PortraitController does for the portrait. A new reference without a mask gets its automatic mask at once
// (autoMasks), so its confidence shows on its card before anything is rendered.
class ReferenceController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ProjectDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(AutoMaskController* autoMasks READ autoMasks WRITE setAutoMasks NOTIFY autoMasksChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Face boxes {x, y, width, height} in photo pixels of the photo awaiting a choice, and that photo.
    Q_PROPERTY(QVariantList facesToChoose READ facesToChoose NOTIFY facesToChooseChanged)
    Q_PROPERTY(QUrl pendingUrl READ pendingUrl NOTIFY facesToChooseChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorOccurred)

public:
    explicit ReferenceController(QObject* parent = nullptr);

    ProjectDocument* document() const { return document_; }
    void setDocument(ProjectDocument* document);
    AutoMaskController* autoMasks() const { return autoMasks_; }
    void setAutoMasks(AutoMaskController* autoMasks);
    bool busy() const { return busy_; }
    QVariantList facesToChoose() const { return faces_; }
    QUrl pendingUrl() const { return pendingUrl_; }
    QString errorString() const { return errorString_; }

    // A new reference of `category` ("hair", ...). Ends in referenceAdded, choiceNeeded or errorOccurred.
    Q_INVOKABLE void addReference(const QString& category, const QUrl& url);
    // Pick another face of reference `index`'s photo. Ends in choiceNeeded, errorOccurred (one face only,
    // or none) or nothing when the reference went meanwhile.
    Q_INVOKABLE void chooseFaceFor(int index);
    Q_INVOKABLE void chooseFace(int face);
    Q_INVOKABLE void cancelChoice();

Q_SIGNALS:
    void documentChanged();
    void autoMasksChanged();
    void busyChanged();
    void facesToChooseChanged();
    void choiceNeeded(int count);
    void referenceAdded(int index);
    void faceChosen(int index, int face);
    void errorOccurred(const QString& message);

private:
    // What the pending choice is for: a new reference of a category, or reference `index`.
    struct Pending {
        QString category;
        int index = -1;
        QUrl url;
    };
    void findFaces(const Pending& pending);
    void apply(const Pending& pending, int face);
    void setBusy(bool busy);
    void fail(const QString& message);

    QPointer<ProjectDocument> document_;
    QPointer<AutoMaskController> autoMasks_;
    bool busy_ = false;
    QVariantList faces_;
    QUrl pendingUrl_;
    Pending pending_;
    QString errorString_;
};

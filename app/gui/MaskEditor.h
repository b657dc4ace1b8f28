#pragma once

#include "app/gui/ProjectDocument.h"
#include "core/io/Image.h"

#include <QImage>
#include <QPointF>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

// The mask canvas of the portrait (target -1) or of one attribute reference (target >= 0): the photo with
// its mask as a tinted overlay, a round brush and eraser (size, hardness), grow/shrink, clear and the
// automatic mask of a category, zoom (wheel) and pan (right or middle drag). The item keeps the mask
// being edited in memory; every committed edit (a stroke on release, a clear, a grow, an automatic mask)
// writes a new PNG version beside the project (<project>.masks/<name>-<n>.png, atomically; in the autosave
// area while the project is untitled) and records
// it as ONE undoable step on the document, which just points to the file: undo brings the old file back.
// The versions no project needs are deleted when the project closes (ProjectDocument::noteMaskVersionWritten).
class MaskEditor : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ProjectDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(int target READ target WRITE setTarget NOTIFY targetChanged)
    Q_PROPERTY(bool erase MEMBER erase_ NOTIFY toolChanged)
    Q_PROPERTY(double brushSize MEMBER brushSize_ NOTIFY toolChanged)      // diameter in photo pixels
    Q_PROPERTY(double hardness MEMBER hardness_ NOTIFY toolChanged)        // 0 soft .. 1 hard
    Q_PROPERTY(double overlayOpacity READ overlayOpacity WRITE setOverlayOpacity NOTIFY viewChanged)
    Q_PROPERTY(double zoom READ zoom WRITE setZoom NOTIFY viewChanged)    // 1: the photo fits the item
    Q_PROPERTY(QPointF pan READ pan WRITE setPan NOTIFY viewChanged)      // item pixels
    Q_PROPERTY(bool hasImage READ hasImage NOTIFY maskChanged)
    Q_PROPERTY(QSize imageSize READ imageSize NOTIFY maskChanged)
    Q_PROPERTY(double coverage READ coverage NOTIFY maskChanged)          // fraction of the photo inside
    Q_PROPERTY(double confidence READ confidence NOTIFY confidenceChanged) // of the mask shown if automatic; -1 none
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit MaskEditor(QQuickItem* parent = nullptr);

    ProjectDocument* document() const { return document_; }
    void setDocument(ProjectDocument* document);
    int target() const { return target_; }
    void setTarget(int target);
    double overlayOpacity() const { return overlayOpacity_; }
    void setOverlayOpacity(double opacity);
    double zoom() const { return zoom_; }
    void setZoom(double zoom);
    QPointF pan() const { return pan_; }
    void setPan(QPointF pan);
    bool hasImage() const { return !photo_.isNull(); }
    QSize imageSize() const { return photo_.size(); }
    double coverage() const;
    double confidence() const { return confidence_; }
    bool busy() const { return busy_; }
    QString errorString() const { return errorString_; }
    QImage maskImage() const; // the mask as it is now (Grayscale8), for tests

    // Strokes in photo pixels (the mouse handlers call these; tests too). endStroke commits.
    Q_INVOKABLE void beginStroke(QPointF point);
    Q_INVOKABLE void continueStroke(QPointF point);
    Q_INVOKABLE void endStroke();
    Q_INVOKABLE void clear();
    Q_INVOKABLE void grow(int pixels); // < 0 shrinks
    // The automatic mask of `category` ("hair", ...) on the worker thread; sets confidence.
    Q_INVOKABLE void autoMask(const QString& category);
    Q_INVOKABLE void resetView();
    Q_INVOKABLE QPointF toImage(QPointF itemPoint) const;

    void paint(QPainter* painter) override;

Q_SIGNALS:
    void documentChanged();
    void targetChanged();
    void toolChanged();
    void viewChanged();
    void maskChanged();
    void confidenceChanged();
    void busyChanged();
    void errorStringChanged();
    void committed(const QString& file); // a new mask version was written and recorded

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void hoverMoveEvent(QHoverEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void reload(); // from the document's current files
    // confidence: of an automatic mask (0..1), -1 for an edited one.
    void commit(const QString& text, double confidence = -1.0);
    void setConfidence(double confidence);
    QString nextVersionPath() const;
    QRectF imageRect() const;
    void setBusy(bool busy);
    void setErrorString(const QString& error);
    void maskEdited();

    QPointer<ProjectDocument> document_;
    int target_ = -1;
    bool erase_ = false;
    double brushSize_ = 40.0;
    double hardness_ = 0.7;
    double overlayOpacity_ = 0.5;
    double zoom_ = 1.0;
    QPointF pan_;
    QImage photo_;
    QString photoPath_;
    QString maskPath_; // the file the mask in memory came from ("" = none yet)
    durian::Image mask_;
    QImage overlay_;
    bool stroking_ = false;
    QPointF lastPoint_;
    bool panning_ = false;
    QPointF panStart_;
    QPointF hover_{-1, -1};
    double confidence_ = -1.0;
    bool busy_ = false;
    QString errorString_;
};

#pragma once

#include "app/gui/AppInfo.h"
#include "app/gui/MainWindowLoader.h"

#include "tests/common/DemoCopy.h"

#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtTest>

// Helpers shared by the window test and the frame-gap benchmark: the real Main.qml on a copy of the demo.
namespace windowtest {

inline QUrl demoCopy(const QTemporaryDir& dir)
{
    return copyDemoProject(dir.path());
}

// Opens the window on `project`; nullptr when Main.qml did not load.
inline QQuickWindow* openWindow(QQmlApplicationEngine& engine, const QUrl& project)
{
    AppInfo::setStartupProject(project);
    if (!loadMainWindow(engine)) {
        return nullptr;
    }
    return qobject_cast<QQuickWindow*>(engine.rootObjects().first());
}

// Any object below `root` by objectName, through visual children (delegates) and QObject children.
inline QObject* find(QObject* root, const QString& name, int nth = 0)
{
    QList<QObject*> queue{root};
    while (!queue.isEmpty()) {
        QObject* object = queue.takeFirst();
        if (object->objectName() == name && nth-- == 0) {
            return object;
        }
        queue.append(object->children());
        if (auto* item = qobject_cast<QQuickItem*>(object)) {
            for (QQuickItem* child : item->childItems()) {
                if (!object->children().contains(child)) {
                    queue.append(child);
                }
            }
        }
    }
    return nullptr;
}

// Waits until the window has drawn a new frame (so a screenshot shows the last change).
inline bool waitForFrame(QQuickWindow* window)
{
    QSignalSpy swapped(window, &QQuickWindow::frameSwapped);
    window->update();
    return swapped.wait(5000) || swapped.count() > 0;
}

inline QPoint centerOf(QQuickItem* item, double fx = 0.5, double fy = 0.5)
{
    return item->mapToScene(QPointF(item->width() * fx, item->height() * fy)).toPoint();
}

// A mouse drag as a user does it: press, a few moves, release.
inline void drag(QQuickWindow* window, QPoint from, QPoint to)
{
    QTest::mousePress(window, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 5; ++i) {
        QTest::mouseMove(window, from + (to - from) * i / 5, 20);
    }
    QTest::mouseRelease(window, Qt::LeftButton, {}, to, 20);
}

} // namespace windowtest

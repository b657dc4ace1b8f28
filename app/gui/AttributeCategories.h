#pragma once

#include "core/io/Project.h"

#include <QString>
#include <QStringList>

// The attribute categories as the UI shows them, in one place for C++ and QML.
QString categoryLabel(durian::AttributeCategory category);
// In core's order, file-format spelling ("hair", ...) and as shown ("Hair", ...), index for index.
QStringList categoryKeys();
QStringList categoryLabels();

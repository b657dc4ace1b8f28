#include "app/gui/AppInfo.h"

#include "app/common/Versions.h"
#include "core/runtime/ComputeRuntime.h"

#include <QKeySequence>
#include <QVariantMap>

namespace {
QUrl& startupProjectUrl()
{
    static QUrl url;
    return url;
}

bool& startupTemplate()
{
    static bool isTemplate = false;
    return isTemplate;
}
} // namespace

AppInfo::AppInfo(QObject* parent)
    : QObject(parent)
{
}

QString AppInfo::version() const
{
    return QString::fromStdString(durian::durianVersion());
}

QVariantList AppInfo::libraries() const
{
    QVariantList list;
    for (const auto& [name, version] : durian::allLibraryVersions()) {
        list.append(QVariantMap{{"name", QString::fromStdString(name)}, {"version", QString::fromStdString(version)}});
    }
    return list;
}

int AppInfo::computeThreads() const
{
    return durian::computeThreads();
}

QUrl AppInfo::startupProject() const
{
    return startupProjectUrl();
}

QString AppInfo::shortcutText(const QVariant& shortcut)
{
    if (shortcut.typeId() == QMetaType::QString) {
        return QKeySequence(shortcut.toString()).toString(QKeySequence::NativeText);
    }
    bool isNumber = false;
    const int standard = shortcut.toInt(&isNumber);
    if (!isNumber || standard == 0) {
        return {};
    }
    const auto bindings = QKeySequence::keyBindings(static_cast<QKeySequence::StandardKey>(standard));
    return bindings.isEmpty() ? QString() : bindings.first().toString(QKeySequence::NativeText);
}

bool AppInfo::startupIsTemplate() const
{
    return startupTemplate();
}

void AppInfo::setStartupProject(const QUrl& url, bool isTemplate)
{
    startupProjectUrl() = url;
    startupTemplate() = isTemplate;
}

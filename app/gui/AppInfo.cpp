#include "app/gui/AppInfo.h"

#include "app/common/Versions.h"
#include "core/runtime/ComputeRuntime.h"

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

bool AppInfo::startupIsTemplate() const
{
    return startupTemplate();
}

void AppInfo::setStartupProject(const QUrl& url, bool isTemplate)
{
    startupProjectUrl() = url;
    startupTemplate() = isTemplate;
}

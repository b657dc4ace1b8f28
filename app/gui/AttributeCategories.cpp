#include "app/gui/AttributeCategories.h"

#include <QCoreApplication>

QString categoryLabel(durian::AttributeCategory category)
{
    // The "ProjectDocument" context: where these labels were first translated.
    switch (category) {
    case durian::AttributeCategory::Hair: return QCoreApplication::translate("ProjectDocument", "Hair");
    case durian::AttributeCategory::Eyeglasses: return QCoreApplication::translate("ProjectDocument", "Eyeglasses");
    case durian::AttributeCategory::Hat: return QCoreApplication::translate("ProjectDocument", "Hat");
    case durian::AttributeCategory::Beard: return QCoreApplication::translate("ProjectDocument", "Beard");
    }
    return {};
}

namespace {
constexpr durian::AttributeCategory kCategories[] = {durian::AttributeCategory::Hair,
    durian::AttributeCategory::Eyeglasses, durian::AttributeCategory::Hat, durian::AttributeCategory::Beard};
} // namespace

QStringList categoryKeys()
{
    QStringList keys;
    for (const auto category : kCategories) {
        keys.append(QString::fromStdString(durian::toString(category)));
    }
    return keys;
}

QStringList categoryLabels()
{
    QStringList labels;
    for (const auto category : kCategories) {
        labels.append(categoryLabel(category));
    }
    return labels;
}

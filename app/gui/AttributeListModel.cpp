#include "app/gui/AttributeListModel.h"

#include <algorithm>
#include <cstdlib>

int AttributeListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant AttributeListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case LabelRole: return tr("%1 %2").arg(r.categoryLabel).arg(index.row() + 1);
    case CategoryRole: return r.category;
    case Qt::DisplayRole: // what the row is, whatever its place; the numbered label changes with its place
    case CategoryLabelRole: return r.categoryLabel;
    case ImageUrlRole: return r.imageUrl;
    case MaskUrlRole: return r.maskUrl;
    case StrengthRole: return r.strength;
    case EnabledRole: return r.enabled;
    case MaskConfidenceRole: return r.maskConfidence;
    case PairSideRole: return r.pairSide;
    case FaceRole: return r.face;
    default: return {};
    }
}

QHash<int, QByteArray> AttributeListModel::roleNames() const
{
    return {{CategoryRole, "category"}, {CategoryLabelRole, "categoryLabel"}, {LabelRole, "label"},
        {ImageUrlRole, "imageUrl"}, {MaskUrlRole, "maskUrl"}, {StrengthRole, "strength"}, {EnabledRole, "enabled"},
        {MaskConfidenceRole, "maskConfidence"}, {PairSideRole, "pairSide"}, {FaceRole, "face"}};
}

QStringList AttributeListModel::labels() const
{
    QStringList list;
    for (int i = 0; i < count(); ++i) {
        list.append(data(index(i), LabelRole).toString());
    }
    return list;
}

QStringList AttributeListModel::categories() const
{
    QStringList list;
    for (const auto& r : rows_) {
        list.append(r.category);
    }
    return list;
}

QVariantMap AttributeListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= count()) {
        return map;
    }
    const auto names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it) {
        map.insert(QString::fromUtf8(it.value()), data(index(row), it.key()));
    }
    return map;
}

void AttributeListModel::updateRow(int row, const Row& value)
{
    Row& old = rows_[static_cast<std::size_t>(row)];
    QList<int> roles;
    if (old.category != value.category) roles << CategoryRole;
    if (old.categoryLabel != value.categoryLabel) roles << CategoryLabelRole << LabelRole << Qt::DisplayRole;
    if (old.imageUrl != value.imageUrl) roles << ImageUrlRole;
    if (old.maskUrl != value.maskUrl) roles << MaskUrlRole;
    if (old.strength != value.strength) roles << StrengthRole;
    if (old.enabled != value.enabled) roles << EnabledRole;
    if (old.maskConfidence != value.maskConfidence) roles << MaskConfidenceRole;
    if (old.pairSide != value.pairSide) roles << PairSideRole;
    if (old.face != value.face) roles << FaceRole;
    if (roles.isEmpty()) {
        return;
    }
    old = value;
    Q_EMIT dataChanged(index(row), index(row), roles);
}

void AttributeListModel::sync(std::vector<Row> rows)
{
    const QStringList labelsBefore = labels(), categoriesBefore = categories();
    const int before = count(), after = static_cast<int>(rows.size());
    if (std::abs(after - before) > 1) {
        beginResetModel();
        rows_ = std::move(rows);
        endResetModel();
    } else {
        // Where the one added or removed row is: the first row that differs.
        const auto common = static_cast<std::size_t>(std::min(before, after));
        const auto first = static_cast<int>(
            std::mismatch(rows_.begin(), rows_.begin() + static_cast<std::ptrdiff_t>(common), rows.begin()).first -
            rows_.begin());
        if (after == before + 1) {
            beginInsertRows(QModelIndex(), first, first);
            rows_.insert(rows_.begin() + first, rows[static_cast<std::size_t>(first)]);
            endInsertRows();
        } else if (after + 1 == before) {
            beginRemoveRows(QModelIndex(), first, first);
            rows_.erase(rows_.begin() + first);
            endRemoveRows();
        }
        // The rows after an insert or a removal have new numbers, and may have a new pair side.
        for (int i = 0; i < after; ++i) {
            updateRow(i, rows[static_cast<std::size_t>(i)]);
        }
        if (before != after && first < after) {
            // Labels carry the row's number: the ones that moved changed.
            Q_EMIT dataChanged(index(first), index(after - 1), {LabelRole});
        }
    }
    if (before != after) {
        Q_EMIT countChanged();
    }
    if (labels() != labelsBefore || categories() != categoriesBefore) {
        Q_EMIT labelsChanged();
    }
}

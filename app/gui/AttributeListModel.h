#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <vector>

// The project's attribute references as the editor lists them, one row each. The document calls sync()
// after every change, and only the rows and roles that changed are signalled: dragging a strength slider
// updates that one card's strength, and no card is re-created under the mouse.
class AttributeListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the document owns its attribute list")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // "Hair 1", "Beard 2" … and the category keys, index for index. They change only when a reference is
    // added, removed, moved or given another category, not on a strength or mask change.
    Q_PROPERTY(QStringList labels READ labels NOTIFY labelsChanged)
    Q_PROPERTY(QStringList categories READ categories NOTIFY labelsChanged)

public:
    enum Role {
        CategoryRole = Qt::UserRole + 1, // "hair"
        CategoryLabelRole,               // "Hair", translated
        LabelRole,                       // "Hair 1"
        ImageUrlRole,
        MaskUrlRole,                     // empty: computed automatically when rendering
        StrengthRole,
        EnabledRole,
        MaskConfidenceRole,              // of an automatic mask computed this session, else -1
        PairSideRole,                    // "A" or "B" in the interpolation pair, else empty
        FaceRole,                        // which face of the photo wears it (0: the face finder's choice)
    };

    struct Row {
        QString category;
        QString categoryLabel;
        QUrl imageUrl;
        QUrl maskUrl;
        double strength = 1.0;
        bool enabled = true;
        double maskConfidence = -1.0;
        QString pairSide;
        int face = 0;
        bool operator==(const Row&) const = default;
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(rows_.size()); }
    QStringList labels() const;
    QStringList categories() const;
    // Every role of `row` by name (empty when out of range), for scripts and tests.
    Q_INVOKABLE QVariantMap get(int row) const;

    // Makes the model show `rows`. One row added or removed is an insert or a removal; every other
    // difference is a change of the rows (and roles) that differ.
    void sync(std::vector<Row> rows);

Q_SIGNALS:
    void countChanged();
    void labelsChanged();

private:
    void updateRow(int row, const Row& value);

    std::vector<Row> rows_;
};

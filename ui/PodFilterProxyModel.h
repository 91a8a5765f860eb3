#pragma once
// Text filter and "problems first" ordering over PodListModel.
#include <QSortFilterProxyModel>

namespace vigia {

class PodFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit PodFilterProxyModel(QObject *parent = nullptr);

    // Whitespace-separated words; every word must match (case-insensitive) the
    // namespace, name, status or node. "ns/name" works too.
    void setFilterText(const QString &text);
    QString filterText() const { return m_words.join(QLatin1Char(' ')); }

    // Which namespaces show: kAllButSystem (the default: everything but
    // kube-system, the cluster's own plumbing), kAll, or one namespace's name.
    static inline const QString kAllButSystem = QStringLiteral("\x01all-but-kube-system");
    static inline const QString kAll = QStringLiteral("\x01all");
    void setNamespaceChoice(const QString &choice);
    QString namespaceChoice() const { return m_namespace; }

    // On by default: failing pods come first whatever column is sorted, in
    // either direction; the chosen column orders within each severity.
    void setProblemsFirst(bool on);
    bool problemsFirst() const { return m_problemsFirst; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;
    QString m_namespace = kAllButSystem;
    bool m_problemsFirst = true;
};

} // namespace vigia

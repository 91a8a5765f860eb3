#pragma once
// Filtering and ordering shared by the cluster tables: a text filter over every
// column, a namespace choice ("all but kube-system" by default), and
// problems first (on by default) ahead of the user's column sort.
#include <QSortFilterProxyModel>

namespace vigia::cluster {

class ClusterFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ClusterFilterProxyModel(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    // Empty: every namespace (minus kube-system when hideSystem).
    void setNamespace(const QString &ns);
    QString namespaceFilter() const { return m_namespace; }
    void setHideSystem(bool hide);
    bool hideSystem() const { return m_hideSystem; }
    void setProblemsFirst(bool on);
    bool problemsFirst() const { return m_problemsFirst; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    QString m_namespace;
    bool m_hideSystem = true;
    bool m_problemsFirst = true;
};

} // namespace vigia::cluster

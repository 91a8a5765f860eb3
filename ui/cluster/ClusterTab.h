#pragma once
// One cluster table page: a StaleBanner, a toolbar (text filter that `/`
// focuses, namespace selector defaulting to "all but kube-system", "problems
// first" on by default) and a sortable table over a ClusterFilterProxyModel.
#include <QWidget>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QTableView;

namespace vigia::cluster {

class ClusterFilterProxyModel;
class StaleBanner;

class ClusterTab : public QWidget {
    Q_OBJECT
public:
    // namespaced: show the namespace selector. defaultSortColumn sorts ascending.
    ClusterTab(QAbstractItemModel *model, bool namespaced, int defaultSortColumn, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    ClusterFilterProxyModel *proxy() const { return m_proxy; }
    StaleBanner *banner() const { return m_banner; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *namespaceBox() const { return m_namespaces; }
    QCheckBox *problemsFirstBox() const { return m_problemsFirst; }

    // Fills the namespace selector, keeping the current choice.
    void setNamespaces(QStringList namespaces);
    void focusFilter();
    // Column widths from the contents once there are rows; later calls only widen.
    void fitColumns();

private:
    void applyNamespaceChoice();

    ClusterFilterProxyModel *m_proxy;
    StaleBanner *m_banner;
    QLineEdit *m_filter;
    QComboBox *m_namespaces = nullptr;
    QCheckBox *m_problemsFirst;
    QTableView *m_view;
    bool m_fitted = false;
};

} // namespace vigia::cluster

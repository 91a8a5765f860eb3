#pragma once
// How the widget tests reach into a main window: by objectName (or, for a page's
// one object of its kind, by type), the way a person finds things by what they
// are, never through accessors the window keeps for tests. Every lookup returns
// null when the thing is missing and says so with a qWarning naming what was
// looked for, so `QVERIFY(x)` fails with a reason in the log:
//
//   using namespace vigia::test;
//   QTableView *table = probe::podTable(&w);
//   QVERIFY(table);
//   QVERIFY(probe::showPage(&w, "dataTab"));
//   QVERIFY(probe::trigger(&w, "restartAction"));   // as a user would, on the current tab
//
// Names (see ui/MainWindow.cpp and the pages): tabs "viewTabs"; pages "podsTab",
// "logsTab", "dataTab", "capacityTab", "activityTab"; "podTable", "podFilter",
// "podNamespaceBox", "problemsFirst", "statusText"; "connectionHeader" with
// "connectionState", "readOnlyBadge", "capacityWarning"; "errorBanner" with
// "errorBannerText", "errorBannerRetry"; dock "rolloutDock"; actions
// "refreshAction", "reconnectAction", "restartAction", "undoAction",
// "scaleAction", "deletePodAction", "podLogsAction", "podPreviousLogsAction".
#include "PodListModel.h"
#include "actions/AuditLog.h" // ActionRunner.h (via ActionController.h) needs it whole
#include "actions/ActionController.h" // WorkloadActions::controller() needs it whole
#include "actions/ActivityView.h"
#include "actions/RolloutProgressPanel.h"
#include "actions/WorkloadActions.h"
#include "capacity/CapacityPage.h"
#include "capacity/CapacityView.h"
#include "cluster/ClusterTab.h"
#include "cluster/ClusterViews.h"
#include "cluster/PodDetailsPane.h"
#include "data/DataWorkspace.h"
#include "logs/LogPanel.h"
#include "pods/PodsPage.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QComboBox>
#include <QDebug>
#include <QDockWidget>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>

namespace vigia::test::probe {

namespace detail {
inline QString describe(const QObject *root)
{
    if (!root)
        return QStringLiteral("(null)");
    return QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(root->metaObject()->className()), root->objectName());
}
} // namespace detail

// The one T named name below root (any depth), or null with a warning.
template <typename T> T *named(const QObject *root, const QString &name)
{
    T *found = root ? root->findChild<T *>(name) : nullptr;
    if (!found)
        qWarning().noquote() << "WindowProbe: no" << T::staticMetaObject.className() << "named" << name << "under"
                             << detail::describe(root);
    return found;
}

// The only T below root (a page's view, a window's panel), or null with a warning
// when there is none or more than one.
template <typename T> T *only(const QObject *root)
{
    const QList<T *> all = root ? root->findChildren<T *>() : QList<T *>();
    if (all.size() != 1) {
        qWarning().noquote() << "WindowProbe:" << all.size() << T::staticMetaObject.className() << "under"
                             << detail::describe(root) << "(expected exactly one)";
        return nullptr;
    }
    return all.first();
}

// --- the window's frame ---
inline QTabWidget *tabs(const QObject *w) { return named<QTabWidget>(w, QStringLiteral("viewTabs")); }
inline QAction *action(const QObject *w, const QString &name) { return named<QAction>(w, name); }
inline QLabel *stateLabel(const QObject *w) { return named<QLabel>(w, QStringLiteral("connectionState")); }
inline QLabel *readOnlyBadge(const QObject *w) { return named<QLabel>(w, QStringLiteral("readOnlyBadge")); }
inline QToolButton *capacityWarning(const QObject *w)
{
    return named<QToolButton>(w, QStringLiteral("capacityWarning"));
}
inline QFrame *banner(const QObject *w) { return named<QFrame>(w, QStringLiteral("errorBanner")); }
inline QLabel *bannerText(const QObject *w) { return named<QLabel>(w, QStringLiteral("errorBannerText")); }
inline QPushButton *bannerRetry(const QObject *w)
{
    return named<QPushButton>(w, QStringLiteral("errorBannerRetry"));
}
inline QLabel *statusText(const QObject *w) { return named<QLabel>(w, QStringLiteral("statusText")); }
inline QDockWidget *rolloutDock(const QObject *w) { return named<QDockWidget>(w, QStringLiteral("rolloutDock")); }

// A page of the tab widget by its objectName ("podsTab", "logsTab", "dataTab", …).
inline QWidget *page(const QObject *w, const QString &name)
{
    QTabWidget *t = tabs(w);
    if (!t)
        return nullptr;
    for (int i = 0; i < t->count(); ++i)
        if (t->widget(i)->objectName() == name)
            return t->widget(i);
    qWarning().noquote() << "WindowProbe: no tab page named" << name << "in" << detail::describe(t);
    return nullptr;
}
inline int pageIndex(const QObject *w, const QWidget *pageWidget)
{
    QTabWidget *t = tabs(w);
    return t && pageWidget ? t->indexOf(const_cast<QWidget *>(pageWidget)) : -1;
}
// Makes the page current, as a click on its tab would; false if it is not a tab.
inline bool showPage(const QObject *w, QWidget *pageWidget)
{
    QTabWidget *t = tabs(w);
    if (!t || !pageWidget || t->indexOf(pageWidget) < 0) {
        qWarning().noquote() << "WindowProbe: not a tab of" << detail::describe(w) << ":"
                             << detail::describe(pageWidget);
        return false;
    }
    t->setCurrentWidget(pageWidget);
    return t->currentWidget() == pageWidget;
}
inline bool showPage(const QObject *w, const QString &name) { return showPage(w, page(w, name)); }
inline QString tabText(const QObject *w, const QWidget *pageWidget)
{
    QTabWidget *t = tabs(w);
    const int i = pageIndex(w, pageWidget);
    return t && i >= 0 ? t->tabText(i) : QString();
}

// Triggers the window's action by name, as a shortcut or a toolbar click would, if it
// is enabled: false (with a warning) when it is missing or disabled.
inline bool trigger(const QObject *w, const QString &name)
{
    QAction *a = action(w, name);
    if (!a)
        return false;
    if (!a->isEnabled()) {
        qWarning().noquote() << "WindowProbe: action" << name << "is disabled";
        return false;
    }
    a->trigger();
    return true;
}

// --- the Pods page ---
inline ui::PodsPage *podsPage(const QObject *w) { return named<ui::PodsPage>(w, QStringLiteral("podsTab")); }
inline QTableView *podTable(const QObject *w) { return named<QTableView>(w, QStringLiteral("podTable")); }
inline QLineEdit *podFilter(const QObject *w) { return named<QLineEdit>(w, QStringLiteral("podFilter")); }
inline QComboBox *podNamespaceBox(const QObject *w) { return named<QComboBox>(w, QStringLiteral("podNamespaceBox")); }
// The model behind the pod table (the proxy's source): the rows the window keeps.
inline PodListModel *podModel(const QObject *w)
{
    QTableView *table = podTable(w);
    auto *proxy = table ? qobject_cast<QAbstractProxyModel *>(table->model()) : nullptr;
    auto *model = proxy ? qobject_cast<PodListModel *>(proxy->sourceModel()) : nullptr;
    if (table && !model)
        qWarning().noquote() << "WindowProbe: the pod table does not show a PodListModel through a proxy";
    return model;
}
inline cluster::PodDetailsPane *podDetails(const QObject *w)
{
    ui::PodsPage *p = podsPage(w);
    return p ? only<cluster::PodDetailsPane>(p) : nullptr;
}

// --- the cluster pages (Deployments, Nodes, Events) ---
inline cluster::ClusterViews *clusterViews(const QObject *w) { return only<cluster::ClusterViews>(w); }
inline cluster::ClusterTab *clusterPage(const QObject *w, cluster::ClusterViews::Page which)
{
    cluster::ClusterViews *cv = clusterViews(w);
    return cv ? cv->page(which) : nullptr;
}

// --- the workspace pages ---
inline logs::LogPanel *logPanel(const QObject *w)
{
    QWidget *p = page(w, QStringLiteral("logsTab"));
    return p ? only<logs::LogPanel>(p) : nullptr;
}
// Null until the session has started (a profile to open its snapshots for).
inline ui::DataWorkspace *dataWorkspace(const QObject *w)
{
    return named<ui::DataWorkspace>(w, QStringLiteral("dataWorkspace"));
}
inline ui::CapacityView *capacityView(const QObject *w)
{
    auto *p = named<ui::CapacityPage>(w, QStringLiteral("capacityTab"));
    return p ? p->view() : nullptr;
}
inline ui::ActivityView *activityView(const QObject *w)
{
    QWidget *p = page(w, QStringLiteral("activityTab"));
    return p ? only<ui::ActivityView>(p) : nullptr;
}
inline ui::RolloutProgressPanel *rolloutPanel(const QObject *w)
{
    QDockWidget *d = rolloutDock(w);
    return d ? only<ui::RolloutProgressPanel>(d) : nullptr;
}
// The router of restart/undo/scale/delete; its controller() is null until connected.
inline ui::WorkloadActions *workloadActions(const QObject *w) { return only<ui::WorkloadActions>(w); }

} // namespace vigia::test::probe

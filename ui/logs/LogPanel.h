#pragma once
// The Logs area of the main window: a toolbar acting on the current log, and
// one tab per open log (a pod's container, a deployment merged by timestamp,
// the K3s server log). Settings (tail size, wrap, timestamps, buffer size) are
// remembered per user with QSettings.
#include "kube/Pod.h"
#include "logs/LogPage.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QToolBar;
class QToolButton;

namespace vigia::remote {
class KubectlRunner;
}
namespace vigia::ssh {
class SshConnection;
}

namespace vigia::logs {

class LogPanel : public QWidget {
    Q_OBJECT
public:
    // connection: for the server log (journalctl / tail); may be null.
    LogPanel(remote::KubectlRunner *runner, ssh::SshConnection *connection, QWidget *parent = nullptr);
    ~LogPanel() override;

    // A new connection (after reconnecting): open logs continue from their last line.
    void setTransport(remote::KubectlRunner *runner, ssh::SshConnection *connection);

    LogPage *openPod(const kube::PodInfo &pod, bool previous = false, const QString &container = {});
    LogPage *openDeployment(const QString &ns, const QString &name, const QList<kube::PodInfo> &pods);
    LogPage *openServerLog();

    LogPage *currentPage() const;
    int pageCount() const;
    LogPage *page(int index) const;
    void closePage(int index);
    void closeAll();
    void resumeAll();
    // Ends every page's remote processes (the window is hidden); resumeAll() picks up
    // each from its last line.
    void suspendAll();

    // Writes the current log's lines (shown, or all held) to a file; false and a message on failure.
    bool saveTo(const QString &path, bool shownOnly, QString *error = nullptr);

    // For tests and the main window.
    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *searchEdit() const { return m_search; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *filterModeBox() const { return m_filterMode; }
    QComboBox *containerBox() const { return m_container; }
    QComboBox *tailBox() const { return m_tail; }
    QLabel *matchLabel() const { return m_matchLabel; }
    QAction *previousAction() const { return m_previousAction; }
    QAction *followAction() const { return m_followAction; }
    QAction *timestampsAction() const { return m_timestampsAction; }
    QAction *wrapAction() const { return m_wrapAction; }
    void applySearchNow(); // skip the typing debounce

    static constexpr int kTailChoices[] = {100, 1000, 10000, -1};

signals:
    void pageCountChanged(int count);

private:
    void buildUi();
    LogPage *addPage(LogPage::Kind kind);
    void onCurrentChanged();
    void syncToolbar();
    void applyRangeChange();
    void applyContainerChange();
    void updateMatchLabel();
    LogRange currentRange() const;
    void loadSettings();
    void saveSettings() const;
    void pickSinceTime();
    void saveDialog(bool shownOnly);

    QPointer<remote::KubectlRunner> m_runner;
    QPointer<ssh::SshConnection> m_connection;

    QTabWidget *m_tabs = nullptr;
    QToolBar *m_bar = nullptr;
    QAction *m_previousAction = nullptr;
    QComboBox *m_container = nullptr;
    QAction *m_containerAction = nullptr;
    QComboBox *m_tail = nullptr;
    QComboBox *m_since = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_timestampsAction = nullptr;
    QAction *m_wrapAction = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_regex = nullptr;
    QToolButton *m_case = nullptr;
    QLabel *m_matchLabel = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_filterMode = nullptr;
    QLabel *m_empty = nullptr;
    QTimer m_searchDebounce;

    int m_tailLines = 1000;
    int m_capacity = LogBuffer::kDefaultCapacity;
    qint64 m_sinceTimeNs = 0;
    bool m_syncing = false;
};

} // namespace vigia::logs

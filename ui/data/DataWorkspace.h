#pragma once
// The "Data" area of the main window: the snapshot bar over three tabs
// (Appointments, Quotes, Tables). The last snapshots open at once from the
// cache (offline too); Refresh takes new ones through the runner.
#include "db/SnapshotCache.h"
#include "db/SnapshotJob.h"

#include <QPointer>
#include <QTimeZone>
#include <QWidget>

class QTabWidget;

namespace vigia::db {
class CommandRunner;
}

namespace vigia::ui {

class AppointmentsView;
class QuotesView;
class SnapshotBar;
class TablesView;

struct DataSources {
    QString appointmentsPath; // remote path of the scheduler database
    QString quotesPath;       // remote path of the quoter database
    bool allowSudo = false;
    db::SnapshotMethod method = db::SnapshotMethod::Auto;
};

class DataWorkspace : public QWidget {
    Q_OBJECT
public:
    // RUNNER may be null (offline): cached snapshots still open.
    DataWorkspace(const db::SnapshotCache &cache, db::CommandRunner *runner, QWidget *parent = nullptr);
    void setSources(const DataSources &sources);
    void setRunner(db::CommandRunner *runner);
    void setTimeZone(const QTimeZone &tz);
    // Opens the newest cached snapshots; false when there are none.
    bool openCached();
    void refresh();
    void cancel();
    // Shows local snapshot files (tests, screenshots, cached copies).
    void showSnapshots(const db::SnapshotInfo &appointments, const db::SnapshotInfo &quotes, bool offline);

    SnapshotBar *snapshotBar() const { return m_bar; }
    AppointmentsView *appointmentsView() const { return m_appointments; }
    QuotesView *quotesView() const { return m_quotes; }
    TablesView *tablesView() const { return m_tables; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    void refreshed(bool ok);

private:
    void startNext();
    void onFinished(quint64 token, const db::SnapshotOutcome &outcome);

    db::SnapshotCache m_cache;
    QPointer<db::CommandRunner> m_runner;
    db::SnapshotJob *m_job = nullptr;
    DataSources m_sources;
    QStringList m_queue;
    quint64 m_token = 0;
    db::SnapshotInfo m_apptInfo;
    db::SnapshotInfo m_quoteInfo;
    bool m_anyFailed = false;
    QTimeZone m_tz;
    SnapshotBar *m_bar;
    QTabWidget *m_tabs;
    AppointmentsView *m_appointments;
    QuotesView *m_quotes;
    TablesView *m_tables;
};

} // namespace vigia::ui

#pragma once
#include <optional>
// The "Data" area of the main window: the snapshot bar over three tabs
// (Appointments, Quotes, Tables). The last snapshots open at once from the
// cache (offline too); Refresh takes new ones through the runner.
#include "db/Records.h"
#include "db/SnapshotCache.h"
#include "db/SnapshotJob.h"

#include <QPointer>
#include <QTimeZone>
#include <QWidget>

class QTabWidget;

class QStackedWidget;

namespace vigia::db {
class CommandRunner;
class DbDiscoveryJob;
} // namespace vigia::db
namespace vigia::remote {
class KubectlRunner;
}

namespace vigia::ui {

class AppointmentsView;
class DatabasePicker;
class QuotesView;
class SnapshotBar;
class TablesView;

struct DataSources {
    QString appointmentsPath; // remote path of the scheduler database
    QString quotesPath;       // remote path of the quoter database
    bool allowSudo = false;
    QStringList appointmentColumns; // the profile's column mapping (AppointmentMapping::toPairs)
    QString storageRoot; // empty: /var/lib/rancher/k3s/storage (the sandbox sets its own)
    db::SnapshotMethod method = db::SnapshotMethod::Auto;
};

class DataWorkspace : public QWidget {
    Q_OBJECT
public:
    // RUNNER may be null (offline): cached snapshots still open.
    DataWorkspace(const db::SnapshotCache &cache, db::CommandRunner *runner, QWidget *parent = nullptr);
    ~DataWorkspace() override;
    void setSources(const DataSources &sources);
    void setRunner(db::CommandRunner *runner);
    // For discovery (PVCs and PVs). May be null: paths can still be typed in.
    void setKubectl(remote::KubectlRunner *kubectl);
    // The database chooser in place of the views (Databases… in the bar; at once when no paths are set).
    void showPicker();
    void showViews();
    bool isPickerShown() const;
    void discover();
    // The column-mapping dialog for TABLE of the appointments snapshot; on OK the agenda reads it.
    void mapColumns(const QString &table = {});
    void setAppointmentMapping(const db::AppointmentMapping &mapping);
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
    DatabasePicker *picker() const { return m_picker; }
    const DataSources &sources() const { return m_sources; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    void refreshed(bool ok);
    // The user chose the databases: the main window stores them in the profile.
    void sourcesChosen(const QString &appointmentsPath, const QString &quotesPath, bool allowSudo);
    // The user mapped the appointments table's columns: the main window stores it in the profile.
    void mappingChosen(const QStringList &pairs);

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
    bool m_refreshPending = false;
    std::optional<db::AppointmentMapping> m_mapping; // chosen by the user; none: guessed per snapshot
    QTimeZone m_tz;
    SnapshotBar *m_bar;
    QTabWidget *m_tabs;
    QStackedWidget *m_stack;
    DatabasePicker *m_picker;
    QPointer<remote::KubectlRunner> m_kubectl;
    db::DbDiscoveryJob *m_discovery = nullptr;
    AppointmentsView *m_appointments;
    QuotesView *m_quotes;
    TablesView *m_tables;
};

} // namespace vigia::ui

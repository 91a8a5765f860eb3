#include "data/DataWorkspace.h"

#include "data/AppointmentsView.h"
#include "data/ColumnMappingDialog.h"
#include "data/DatabasePicker.h"
#include "data/QuotesView.h"
#include "data/SnapshotBar.h"
#include "data/TablesView.h"
#include "db/CommandRunner.h"
#include "db/DbDiscovery.h"
#include "db/SnapshotReader.h"
#include "remote/KubectlRunner.h"

#include <QFileInfo>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigia::ui {

DataWorkspace::DataWorkspace(const db::SnapshotCache &cache, db::CommandRunner *runner, QWidget *parent)
    : QWidget(parent), m_cache(cache), m_runner(runner), m_tz(db::businessTimeZone())
{
    m_bar = new SnapshotBar(this);
    m_tabs = new QTabWidget(this);
    m_appointments = new AppointmentsView(this);
    m_quotes = new QuotesView(this);
    m_tables = new TablesView(this);
    m_tabs->addTab(m_appointments, tr("Appointments"));
    m_tabs->addTab(m_quotes, tr("Quotes"));
    m_tabs->addTab(m_tables, tr("Tables"));
    m_picker = new DatabasePicker(this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_picker);
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(0);
    lay->addWidget(m_bar);
    lay->addWidget(m_stack, 1);
    connect(m_tables, &TablesView::mapRequested, this, [this](const QString &t) { mapColumns(t); });
    connect(m_bar, &SnapshotBar::databasesRequested, this, &DataWorkspace::showPicker);
    connect(m_picker, &DatabasePicker::cancelled, this, &DataWorkspace::showViews);
    connect(m_picker, &DatabasePicker::discoverRequested, this, [this](bool sudo) {
        m_sources.allowSudo = sudo;
        discover();
    });
    connect(m_picker, &DatabasePicker::chosen, this, [this](const QString &a, const QString &q, bool sudo) {
        const bool changed = a != m_sources.appointmentsPath || q != m_sources.quotesPath;
        m_sources.appointmentsPath = a;
        m_sources.quotesPath = q;
        m_sources.allowSudo = sudo;
        showViews();
        emit sourcesChosen(a, q, sudo);
        if (changed && m_job)
            refresh();
        else if (changed)
            openCached();
    });
    connect(m_bar, &SnapshotBar::refreshRequested, this, &DataWorkspace::refresh);
    connect(m_bar, &SnapshotBar::cancelRequested, this, &DataWorkspace::cancel);
    connect(m_appointments, &AppointmentsView::loaded, this, [this](bool ok, const QString &error) {
        if (!ok)
            m_bar->showError(
                makeError(tr("Could not read the appointments."), error, QStringLiteral("db.query-failed")));
        // A Refresh is done when the agenda shows the new snapshot, not when the file is in.
        if (m_refreshPending) {
            m_refreshPending = false;
            emit refreshed(ok && !m_anyFailed);
        }
    });
    setRunner(runner);
}

DataWorkspace::~DataWorkspace()
{
    // A running snapshot reports its end while it is torn down: not to half-destroyed views.
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
    if (m_discovery)
        m_discovery->disconnect();
}

void DataWorkspace::setSources(const DataSources &sources)
{
    m_sources = sources;
    if (const auto m = db::AppointmentMapping::fromPairs(sources.appointmentColumns))
        m_mapping = *m;
    m_picker->setCurrent(sources.appointmentsPath, sources.quotesPath, sources.allowSudo);
    if (sources.appointmentsPath.isEmpty() && sources.quotesPath.isEmpty())
        showPicker();
}

void DataWorkspace::setKubectl(remote::KubectlRunner *kubectl)
{
    m_kubectl = kubectl;
    delete m_discovery;
    m_discovery = nullptr;
    m_picker->setDiscoveryAvailable(m_kubectl && m_runner);
    if (isPickerShown() && m_kubectl && m_runner && m_picker->fileList()->topLevelItemCount() == 0)
        discover();
}

void DataWorkspace::showPicker()
{
    m_picker->setCurrent(m_sources.appointmentsPath, m_sources.quotesPath, m_sources.allowSudo);
    m_picker->setDiscoveryAvailable(
        m_kubectl && m_runner,
        tr("Not connected: type the paths of the databases on the server, or connect to "
           "discover them."));
    m_stack->setCurrentWidget(m_picker);
    if (m_kubectl && m_runner && m_picker->fileList()->topLevelItemCount() == 0)
        discover();
}

void DataWorkspace::showViews()
{
    m_stack->setCurrentWidget(m_tabs);
}

bool DataWorkspace::isPickerShown() const
{
    return m_stack->currentWidget() == m_picker;
}

void DataWorkspace::discover()
{
    if (!m_kubectl || !m_runner)
        return;
    if (!m_discovery) {
        m_discovery = new db::DbDiscoveryJob(m_kubectl, m_runner, this);
        connect(m_discovery, &db::DbDiscoveryJob::finished, m_picker, &DatabasePicker::showOutcome);
    }
    m_picker->setBusy();
    m_discovery->start(m_sources.storageRoot, m_sources.allowSudo);
}

void DataWorkspace::setRunner(db::CommandRunner *runner)
{
    // The discovery job holds the old runner.
    delete m_discovery;
    m_discovery = nullptr;
    if (m_job && m_job->isRunning())
        m_job->cancel();
    delete m_job;
    m_job = nullptr;
    m_runner = runner;
    m_picker->setDiscoveryAvailable(m_kubectl && m_runner);
    if (runner) {
        m_job = new db::SnapshotJob(runner, m_cache, this);
        connect(m_job, &db::SnapshotJob::finished, this, &DataWorkspace::onFinished);
        connect(m_job, &db::SnapshotJob::stageChanged, this, [this](quint64 t, const QString &s) {
            if (t == m_token)
                m_bar->setBusy(s);
        });
        connect(m_job, &db::SnapshotJob::progress, this, [this](quint64 t, qint64 got, qint64 total) {
            if (t == m_token)
                m_bar->setProgress(got, total);
        });
    }
}

void DataWorkspace::setTimeZone(const QTimeZone &tz)
{
    m_tz = tz;
    m_appointments->setTimeZone(tz);
    m_quotes->setTimeZone(tz);
}

bool DataWorkspace::openCached()
{
    db::SnapshotInfo a, q;
    if (!m_sources.appointmentsPath.isEmpty())
        a = m_cache.latest(db::SnapshotCache::labelFor(m_sources.appointmentsPath))
                .value_or(db::SnapshotInfo{});
    if (!m_sources.quotesPath.isEmpty())
        q = m_cache.latest(db::SnapshotCache::labelFor(m_sources.quotesPath)).value_or(db::SnapshotInfo{});
    if (a.localPath.isEmpty() && q.localPath.isEmpty())
        return false;
    showSnapshots(a, q, true);
    return true;
}

void DataWorkspace::showSnapshots(const db::SnapshotInfo &appointments, const db::SnapshotInfo &quotes,
                                  bool offline)
{
    m_apptInfo = appointments;
    m_quoteInfo = quotes;
    if (!appointments.localPath.isEmpty()) {
        db::AppointmentMapping mapping = db::SnapshotReader::mappingFor(appointments.localPath);
        // A chosen mapping applies where its table exists; any column it names that the table
        // lacks is dropped, never read (it would be a string literal, or an error).
        if (m_mapping && !m_mapping->table.isEmpty())
            if (const auto cols = db::SnapshotReader::columns(appointments.localPath, m_mapping->table))
                mapping = m_mapping->restrictedTo(db::SnapshotReader::columnNames(cols.value()));
        if (mapping.isUsable())
            m_appointments->openSnapshot(appointments.localPath, mapping);
        else
            m_bar->showError(
                makeError(tr("No table of this database looks like appointments."),
                          tr("Pick the table and its columns with Map columns… in the Tables tab."),
                          QStringLiteral("db.unmapped")));
        (void)m_tables->openDatabase(appointments.localPath);
    }
    if (!quotes.localPath.isEmpty()) {
        auto rows = db::SnapshotReader::quotes(quotes.localPath);
        if (rows)
            m_quotes->setQuotes(rows.value());
    }
    setTimeZone(m_tz);
    const db::SnapshotInfo &shown = appointments.takenAt.isValid() ? appointments : quotes;
    if (shown.takenAt.isValid())
        m_bar->setSnapshot(shown, offline);
}

void DataWorkspace::mapColumns(const QString &table)
{
    if (m_apptInfo.localPath.isEmpty())
        return;
    db::AppointmentMapping current = m_appointments->model()->mapping();
    if (!table.isEmpty() && table != current.table)
        current = db::SnapshotReader::mappingFor(m_apptInfo.localPath, table);
    ColumnMappingDialog dlg(ColumnMappingDialog::tablesOf(m_apptInfo.localPath), current, this);
    if (dlg.exec() == QDialog::Accepted) {
        setAppointmentMapping(dlg.mapping());
        emit mappingChosen(dlg.mapping().toPairs());
    }
}

void DataWorkspace::setAppointmentMapping(const db::AppointmentMapping &mapping)
{
    m_mapping = mapping;
    if (!m_apptInfo.localPath.isEmpty() && mapping.isUsable()) {
        m_appointments->openSnapshot(m_apptInfo.localPath, mapping);
        m_tabs->setCurrentWidget(m_appointments);
    }
}

void DataWorkspace::refresh()
{
    if (!m_job) {
        m_bar->showError(makeError(tr("Not connected: showing the last snapshot."), {},
                                   QStringLiteral("db.not-connected")));
        return;
    }
    m_queue.clear();
    if (!m_sources.appointmentsPath.isEmpty())
        m_queue << m_sources.appointmentsPath;
    if (!m_sources.quotesPath.isEmpty())
        m_queue << m_sources.quotesPath;
    m_anyFailed = false;
    startNext();
}

void DataWorkspace::cancel()
{
    m_queue.clear();
    if (m_job)
        m_job->cancel();
    m_bar->setIdle();
}

void DataWorkspace::startNext()
{
    if (m_queue.isEmpty()) {
        showSnapshots(m_apptInfo, m_quoteInfo, false);
        if (m_appointments->model()->isLoading())
            m_refreshPending = true;
        else
            emit refreshed(!m_anyFailed);
        return;
    }
    db::SnapshotRequest req;
    req.remotePath = m_queue.takeFirst();
    req.allowSudo = m_sources.allowSudo;
    req.method = m_sources.method;
    m_bar->setBusy(tr("Starting the snapshot of %1…").arg(QFileInfo(req.remotePath).fileName()));
    m_token = m_job->start(req);
}

void DataWorkspace::onFinished(quint64 token, const db::SnapshotOutcome &outcome)
{
    if (token != m_token)
        return;
    if (outcome.cancelled)
        return;
    if (!outcome.ok) {
        m_anyFailed = true;
        m_queue.clear();
        m_bar->showError(outcome.error);
        emit refreshed(false);
        return;
    }
    if (outcome.info.remotePath == m_sources.appointmentsPath)
        m_apptInfo = outcome.info;
    else
        m_quoteInfo = outcome.info;
    startNext();
}

} // namespace vigia::ui
